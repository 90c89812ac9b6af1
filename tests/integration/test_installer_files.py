"""Fast checks of installer/: the spec's shape, the .desktop file, install.sh/uninstall.sh, the NSIS script.

The real proof is `python installer/build.py` (freeze + smoke test of the frozen program), which CI runs
through .ci/bundle; these catch a broken script in seconds, without freezing anything.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
LINUX = INSTALLER / "linux"
MIME_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",  # .xlsx
    "application/vnd.ms-excel",  # .xls
    "text/csv",
}


def desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


# ---------------------------------------------------------------- the PyInstaller spec


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT and remembers how the spec called it."""

    def __init__(self, calls: list[tuple[str, tuple, dict]], kind: str) -> None:
        self.calls, self.kind = calls, kind

    def __call__(self, *args, **kwargs):
        self.calls.append((self.kind, args, kwargs))
        if self.kind == "Analysis":
            scripts = [(Path(s).stem, s, "PYSOURCE") for s in args[0]]
            return SimpleNamespace(pure=[], binaries=[], datas=list(kwargs["datas"]), scripts=scripts)
        return SimpleNamespace(kind=self.kind, args=args, kwargs=kwargs)


def run_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *spec_args: str) -> list[tuple[str, tuple, dict]]:
    pytest.importorskip("PyInstaller", reason="PyInstaller is installed by .ci/bundle, not by the test extras")
    calls: list[tuple[str, tuple, dict]] = []
    namespace = {kind: _Recorder(calls, kind) for kind in ("Analysis", "PYZ", "EXE", "COLLECT")}
    namespace |= {"SPECPATH": str(INSTALLER), "workpath": str(tmp_path), "__name__": "__main__"}
    monkeypatch.setattr(sys, "argv", [str(INSTALLER / "ymdesk.spec"), *spec_args])
    monkeypatch.setattr(sys, "path", list(sys.path))  # the spec puts installer/ on sys.path for make_icons
    spec = INSTALLER / "ymdesk.spec"
    exec(compile(spec.read_text(encoding="utf-8"), str(spec), "exec"), namespace)
    return calls


def test_spec_builds_the_gui_and_the_cli_into_one_folder(tmp_path, monkeypatch, qapp):
    calls = run_spec(tmp_path, monkeypatch)
    exes = {kw["name"]: kw for kind, _, kw in calls if kind == "EXE"}
    assert set(exes) == {"ymdesk", "ymdesk-cli"}  # the keyring probe only with --keyring-check
    assert exes["ymdesk"]["console"] is False and exes["ymdesk-cli"]["console"] is True
    assert all(kw["exclude_binaries"] for kw in exes.values())  # one folder, not one file
    (collect,) = [(args, kw) for kind, args, kw in calls if kind == "COLLECT"]
    assert collect[1]["name"] == "ymdesk" and len([a for a in collect[0] if getattr(a, "kind", "") == "EXE"]) == 2

    (analysis,) = [kw for kind, _, kw in calls if kind == "Analysis"]
    dests = {(Path(src).name, dest) for src, dest in analysis["datas"]}
    assert ("sample_catalog.xlsx", "ymdesk/resources") in dests
    assert ("ymdesk.svg", "ymdesk/resources/icons") in dests
    assert any(dest.startswith("keyring-") and dest.endswith(".dist-info") for _, dest in dests)  # entry points
    assert {"keyring.backends.SecretService", "keyring.backends.Windows", "keyring.backends.macOS"} <= set(
        analysis["hiddenimports"]
    )
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "pytest", "tkinter"} <= set(
        analysis["excludes"]
    )
    assert (tmp_path / "icons" / "ymdesk.ico").read_bytes()[:4] == b"\0\0\1\0"  # rendered from the SVG


def test_spec_adds_the_keyring_probe_only_when_asked(tmp_path, monkeypatch, qapp):
    calls = run_spec(tmp_path, monkeypatch, "--keyring-check")
    assert {kw["name"] for kind, _, kw in calls if kind == "EXE"} == {"ymdesk", "ymdesk-cli", "ymdesk-keyring-check"}


def test_icons_are_rendered_from_the_svg(tmp_path, qapp):
    sys.path.insert(0, str(INSTALLER))
    try:
        from make_icons import ICO_SIZES, make_icons
    finally:
        sys.path.remove(str(INSTALLER))
    paths = make_icons(tmp_path)
    ico = paths["ico"].read_bytes()
    assert int.from_bytes(ico[4:6], "little") == len(ICO_SIZES)
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- Linux


def test_desktop_file_opens_spreadsheets():
    entry = desktop_entry(LINUX / "ymdesk.desktop")
    assert entry["Type"] == "Application" and entry["Icon"] == "ymdesk" and entry["Terminal"] == "false"
    assert entry["Exec"].endswith(" %f")  # "Open with" passes the file
    assert set(filter(None, entry["MimeType"].split(";"))) >= MIME_TYPES


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_file_validates():
    done = subprocess.run(["desktop-file-validate", str(LINUX / "ymdesk.desktop")], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_shell_scripts_parse(script):
    assert os.access(LINUX / script, os.X_OK)
    subprocess.run(["sh", "-n", str(LINUX / script)], check=True)
    if shutil.which("shellcheck"):
        subprocess.run(["shellcheck", "-s", "sh", str(LINUX / script)], check=True)


@pytest.mark.skipif(sys.platform == "win32", reason="the Linux install scripts")
def test_install_and_uninstall_per_user(tmp_path):
    # An unpacked tarball with a stand-in bundle: install.sh must only need the layout, not a real build.
    unpacked = tmp_path / "ymdesk-0.0.0-linux-x86_64"
    (unpacked / "ymdesk" / "_internal").mkdir(parents=True)
    for name in ("ymdesk", "ymdesk-cli"):
        program = unpacked / "ymdesk" / name
        program.write_text("#!/bin/sh\necho 'ymdesk 0.0.0'\n")
        program.chmod(program.stat().st_mode | stat.S_IXUSR)
    for name in ("ymdesk.desktop", "install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / name, unpacked / name)
    (unpacked / "ymdesk.svg").write_text("<svg/>")
    (unpacked / "ymdesk.png").write_bytes(b"png")
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "LANG": "C.UTF-8"}

    done = subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True, check=True)
    opt = home / ".local" / "opt" / "ymdesk"
    assert "Installed ymdesk 0.0.0" in done.stdout
    assert (home / ".local" / "bin" / "ymdesk-cli").resolve() == (opt / "ymdesk-cli").resolve()
    installed = desktop_entry(home / ".local" / "share" / "applications" / "ymdesk.desktop")
    assert installed["Exec"] == f'"{opt}/ymdesk" %f' and installed["TryExec"] == f"{opt}/ymdesk"
    assert (home / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps" / "ymdesk.svg").is_file()
    assert os.access(opt / "uninstall.sh", os.X_OK)

    data, config = home / ".local" / "share" / "ymdesk", home / ".config" / "ymdesk"
    data.mkdir(parents=True)
    config.mkdir(parents=True)
    subprocess.run(["sh", str(opt / "uninstall.sh")], env=env, capture_output=True, check=True)
    assert not opt.exists() and not (home / ".local" / "bin" / "ymdesk").exists()
    assert not (home / ".local" / "share" / "applications" / "ymdesk.desktop").exists()
    assert data.is_dir() and config.is_dir()  # kept without --purge

    subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, check=True)
    subprocess.run(["sh", str(opt / "uninstall.sh"), "--purge"], env=env, capture_output=True, check=True)
    assert not data.exists() and not config.exists()


# ---------------------------------------------------------------- Windows


@pytest.mark.skipif(not shutil.which("makensis"), reason="NSIS not installed (apt-get install nsis)")
def test_nsis_script_compiles(tmp_path, qapp):
    # A stand-in payload: this checks the script (pages, registry, uninstaller) compiles, warnings as errors.
    sys.path.insert(0, str(INSTALLER))
    try:
        from make_icons import make_icons
    finally:
        sys.path.remove(str(INSTALLER))
    icons = make_icons(tmp_path / "icons")
    payload = tmp_path / "ymdesk"
    (payload / "_internal").mkdir(parents=True)
    for name in ("ymdesk.exe", "ymdesk-cli.exe", "_internal/base_library.zip"):
        (payload / name).write_bytes(b"stand-in")
    setup = tmp_path / "ymdesk-test-installer.exe"
    flags = ["-DVERSION=1.2.3", f"-DSOURCE_DIR={payload}", f"-DOUTFILE={setup}", f"-DICON={icons['ico']}"]
    done = subprocess.run(
        ["makensis", "-V2", "-WX", "-DCOMPILE_CHECK", *flags, str(INSTALLER / "windows" / "ymdesk.nsi")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    head = setup.read_bytes()[:4096]
    assert head[:2] == b"MZ"
    pe = int.from_bytes(head[0x3C:0x40], "little")
    assert head[pe : pe + 6] == b"PE\0\0\x64\x86"  # the script itself says Target amd64-unicode: an x64 installer
