"""Before the window opens on Linux: the system libraries Qt's X11 plugin needs.

Without them Qt prints "Could not load the Qt platform plugin "xcb" … Reinstalling the application may fix this
problem" and aborts the process, which tells a seller nothing. This check runs first, names the missing library
and the package that brings it, and ymdesk exits with that sentence instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from ymdesk.core.messages import Message

# Library file -> the Debian/Ubuntu package with it (Fedora names in README).
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_libraries(plugins_dir: Path) -> list[str]:
    """The libraries Qt's xcb plugin links to that this system does not have (ldd says "not found")."""
    plugin = Path(plugins_dir) / "platforms" / "libqxcb.so"
    ldd = shutil.which("ldd")
    if not plugin.is_file() or ldd is None:
        return []
    try:
        listing = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    missing = []
    for line in listing.splitlines():
        name, _, where = line.strip().partition("=>")
        if where.strip() == "not found":
            missing.append(name.strip())
    return missing


def display_problem(env: Mapping[str, str] | None = None, plugins_dir: Path | None = None) -> Message | None:
    """Why the window cannot open on this Linux desktop (the X11 plugin's libraries are missing), or None."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland…: not the X11 plugin
    if not platform and env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return None  # Qt takes its Wayland plugin there
    if plugins_dir is None:
        from PySide6.QtCore import QLibraryInfo

        plugins_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    missing = missing_libraries(plugins_dir)
    if not missing:
        return None
    packages = sorted({PACKAGES[name] for name in missing if name in PACKAGES})
    if packages:
        return Message.translate(
            "Startup",
            "ymdesk cannot open its window: the system library {libraries} is missing. Install it, for example "
            "sudo apt install {packages} (Debian, Ubuntu), then start ymdesk again.",
        ).with_args(libraries=", ".join(missing), packages=" ".join(packages))
    return Message.translate(
        "Startup",
        "ymdesk cannot open its window: the system library {libraries} is missing. Install the package that "
        "provides it, then start ymdesk again.",
    ).with_args(libraries=", ".join(missing))
