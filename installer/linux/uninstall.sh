#!/bin/sh
# Removes ymdesk installed by install.sh for the current user.
#   ./uninstall.sh          the program, its commands, menu entry, icon and file associations
#   ./uninstall.sh --purge  also settings, the journal of runs, logs, default reports and the saved API key
set -eu

usage() { sed -n '2,4s/^# \{0,1\}//p' "$0"; }
purge=no
for arg in "$@"; do
  case $arg in
    --purge) purge=yes ;;
    -h | --help) usage; exit 0 ;;
    *) echo "uninstall.sh: unknown option $arg" >&2; usage >&2; exit 2 ;;
  esac
done

data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/ymdesk
bin=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor

# Only our own links: a ymdesk installed some other way (pip) keeps its commands.
for name in ymdesk ymdesk-cli; do
  if [ -L "$bin/$name" ] && [ "$(readlink "$bin/$name")" = "$opt/$name" ]; then rm -f "$bin/$name"; fi
done
rm -f "$apps/ymdesk.desktop" "$icons/scalable/apps/ymdesk.svg" "$icons/256x256/apps/ymdesk.png"
# A default set with install.sh --default lives in mimeapps.list; drop ymdesk from it.
mimeapps=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
if [ -f "$mimeapps" ] && grep -q 'ymdesk\.desktop' "$mimeapps"; then
  sed -i -e 's/ymdesk\.desktop;\{0,1\}//g' -e '/^[^=[]*=$/d' "$mimeapps"
fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true; fi
rm -rf "$opt"
echo "ymdesk removed."

if [ "$purge" = yes ]; then
  # The same places the app uses: $YMDESK_HOME or ~/.local/share/ymdesk, and Qt's settings file.
  rm -rf "${YMDESK_HOME:-$data/ymdesk}" "${XDG_CONFIG_HOME:-$HOME/.config}/ymdesk"
  # The key is in the Secret Service (GNOME Keyring, KWallet) under service "ymdesk", user "market-api-key".
  if command -v secret-tool >/dev/null 2>&1; then
    secret-tool clear service ymdesk username market-api-key 2>/dev/null || true
    echo "Settings, journal, logs, reports and the saved API key removed."
  else
    echo "Settings, journal, logs and reports removed. The saved API key may remain in your keyring:"
    echo "  delete the entry \"ymdesk\" / \"market-api-key\" in Passwords and Keys (Seahorse) or KWalletManager,"
    echo "  or: sudo apt-get install libsecret-tools && secret-tool clear service ymdesk username market-api-key"
  fi
fi
