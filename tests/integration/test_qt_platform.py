"""On Linux, ymdesk names a missing system library instead of Qt's "Reinstalling the application may fix this
problem" (ldd on Qt's real xcb plugin)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from ymdesk import qt_platform

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 plugin is Linux's")


def _plugins() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def test_a_plugin_whose_library_is_missing_is_named(tmp_path):
    if shutil.which("ldd") is None:
        pytest.skip("no ldd here")
    # Qt's own xcb plugin, moved away from the Qt libraries its rpath ($ORIGIN/../../lib) points to.
    platforms = tmp_path / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    shutil.copy(_plugins() / "platforms" / "libqxcb.so", platforms / "libqxcb.so")
    assert "libQt6XcbQpa.so.6" in qt_platform.missing_libraries(tmp_path / "plugins")
    problem = qt_platform.display_problem({"DISPLAY": ":0"}, tmp_path / "plugins")
    assert problem is not None
    text = problem.english()
    assert "libQt6XcbQpa.so.6" in text and "Reinstalling" not in text


def test_nothing_to_report_where_the_libraries_are_there_or_x11_is_not_used(tmp_path):
    assert qt_platform.display_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, tmp_path) is None
    wayland = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    assert qt_platform.display_problem(wayland, tmp_path) is None
    if shutil.which("ldd") and not qt_platform.missing_libraries(_plugins()):
        assert qt_platform.display_problem({"DISPLAY": ":0"}) is None  # this machine has them (CI installs them)


def test_a_known_library_comes_with_its_package(monkeypatch, tmp_path):
    monkeypatch.setattr(qt_platform, "missing_libraries", lambda _dir: ["libxcb-cursor.so.0"])
    text = qt_platform.display_problem({"DISPLAY": ":0"}, tmp_path).english()
    assert "libxcb-cursor.so.0" in text and "sudo apt install libxcb-cursor0" in text


def test_the_app_says_it_and_exits_1_before_qt_aborts(qapp, monkeypatch, capsys):
    from ymdesk import app

    problem = qt_platform.Message(
        "Startup", "ymdesk cannot open its window: the system library {libraries} is missing."
    )
    monkeypatch.setattr(qt_platform, "display_problem", lambda: problem.with_args(libraries="libxcb-cursor.so.0"))
    assert app.main(["--lang", "en"]) == 1
    assert "libxcb-cursor.so.0 is missing" in capsys.readouterr().err
