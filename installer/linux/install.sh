#!/bin/sh
# Installs ymdesk for the current user from this unpacked folder; no root needed.
#   ./install.sh            program in ~/.local/opt/ymdesk, commands in ~/.local/bin, menu entry, icon,
#                           and "Open with ymdesk" for .xlsx, .xls, .ods and .csv files
#   ./install.sh --default  also make ymdesk the default program for those files (xdg-mime default)
# Running it again upgrades in place; settings, journal, logs and the saved key are kept.
set -eu

usage() { sed -n '2,6s/^# \{0,1\}//p' "$0"; }
make_default=no
for arg in "$@"; do
  case $arg in
    --default) make_default=yes ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
  esac
done

here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$here/ymdesk/ymdesk" ] || [ ! -x "$here/ymdesk/ymdesk-cli" ]; then
  echo "install.sh: run me from the unpacked ymdesk-<version>-linux-x86_64 folder (ymdesk/ is missing)" >&2
  exit 1
fi

data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/ymdesk
bin=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor
mime_types="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet application/vnd.ms-excel text/csv application/vnd.oasis.opendocument.spreadsheet"

mkdir -p "$HOME/.local/opt" "$bin" "$apps" "$icons/scalable/apps" "$icons/256x256/apps"
# Copy beside, then swap: a failed copy leaves the installed version working.
rm -rf "$opt.new"
cp -R "$here/ymdesk" "$opt.new"
cp "$here/uninstall.sh" "$opt.new/uninstall.sh"
rm -rf "$opt"
mv "$opt.new" "$opt"

ln -sfn "$opt/ymdesk" "$bin/ymdesk"
ln -sfn "$opt/ymdesk-cli" "$bin/ymdesk-cli"
cp "$here/ymdesk.svg" "$icons/scalable/apps/ymdesk.svg"
cp "$here/ymdesk.png" "$icons/256x256/apps/ymdesk.png"
# Absolute paths: ~/.local/bin is not on every desktop session's PATH.
sed -e "s|^TryExec=.*|TryExec=$opt/ymdesk|" -e "s|^Exec=.*|Exec=\"$opt/ymdesk\" %f|" \
  "$here/ymdesk.desktop" >"$apps/ymdesk.desktop"

# Refresh the menu and "Open with" lists where the tools exist (they are optional).
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true; fi
if [ "$make_default" = yes ]; then
  if command -v xdg-mime >/dev/null 2>&1; then
    for type in $mime_types; do xdg-mime default ymdesk.desktop "$type"; done
    echo "ymdesk now opens .xlsx, .xls, .ods and .csv files by default."
  else
    echo "install.sh: xdg-mime not found (package xdg-utils), so the default program was not changed" >&2
  fi
fi

# Qt's X11 plugin needs a few system libraries that minimal installs lack; name them instead of failing later.
missing=$(LD_LIBRARY_PATH="$opt/_internal:$opt/_internal/PySide6/Qt/lib" \
  ldd "$opt/_internal/PySide6/Qt/plugins/platforms/libqxcb.so" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')
if [ -n "$missing" ]; then
  echo "Note: the desktop app needs system libraries that are missing here: $missing" >&2
  echo "  Debian/Ubuntu: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 libegl1" >&2
fi

echo "Installed ymdesk $("$opt/ymdesk-cli" --version | sed 's/^ymdesk //') in $opt"
echo "  menu: ymdesk (Office); commands: $bin/ymdesk, $bin/ymdesk-cli; remove with: $opt/uninstall.sh"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "  $bin is not on your PATH; add it (e.g. in ~/.profile) to type ymdesk-cli anywhere" ;;
esac
