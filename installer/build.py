"""Freeze ymdesk, smoke-test the frozen program, and package it.

    python installer/build.py [--out DIR] [--skip-freeze] [--keep-probe] [--no-package] [--nsis]

Steps (each one fails the build with a clear line and a non-zero exit):
1. PyInstaller one-folder build from installer/ymdesk.spec into DIR/dist/ymdesk (with the keyring probe).
2. Smoke test of the frozen program itself: ymdesk-cli --version; inspect of the bundled sample (XLSX) and of a
   cp1251 CSV; Russian messages; a real `run delete-offers` against the frozen `ymdesk-cli sandbox`; the keyring
   round-trip (or ymdesk's clear message where the machine has no keyring service); `ymdesk --self-test` offscreen.
3. The probe is deleted, the bundle is copied to another folder and started there under `env -i`
   (no virtualenv, no PYTHONPATH): ymdesk-cli --version, inspect, and ymdesk --self-test.
4. Linux: DIR/ymdesk-<version>-linux-x86_64.tar.gz (bundle, .desktop file, icon, install.sh, uninstall.sh).
5. --nsis: compile installer/windows/ymdesk.nsi with makensis. On Windows that is the real installer; on Linux
   the payload is the Linux bundle, so it only proves that the script compiles.

Default DIR is installer/build (git-ignored). On Linux, .ci/windows runs this script under the Windows CPython in
Wine to build and smoke-test the Windows program, twice (cp1251, cp1252: --keep-probe the first time).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import locale
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "ymdesk.spec"
EXE = ".exe" if sys.platform == "win32" else ""
PROBE = "ymdesk-keyring-check"
DEMO_KEY = "ymdesk-demo-key"  # ymdesk.core.simulator.DEMO_API_KEY; the sandbox accepts only it
DEMO_CAMPAIGN = "21000001"  # ymdesk.core.simulator.DEMO_FBS_CAMPAIGN_ID
STEP_TIMEOUT = 300


class BuildError(Exception):
    pass


def log(text: str) -> None:
    print(f"[build] {text}", flush=True)


def package_version() -> str:
    namespace: dict[str, str] = {}
    for line in (ROOT / "ymdesk" / "__init__.py").read_text(encoding="utf-8").splitlines():
        if line.startswith("__version__"):
            exec(line, namespace)
    return namespace["__version__"]


def run(
    cmd: Sequence[str | Path],
    *,
    env: dict[str, str] | None = None,
    ok: Sequence[int] = (0,),
    timeout: float = STEP_TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """Run a frozen program (or a tool); fail the build on an unexpected exit code, showing its output."""
    args = [str(c) for c in cmd]
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as error:
        raise BuildError(f"{' '.join(args)}: no answer in {timeout:.0f} s") from error
    if done.returncode not in ok:
        raise BuildError(
            f"{' '.join(args)}: exit {done.returncode} (expected {list(ok)})\n"
            f"--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}"
        )
    return done


def frozen_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment the frozen programs see: this one minus Python's variables, plus a private data dir."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(YMDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", YMDESK_LANG="en")
    env.pop("YM_API_KEY", None)
    env.update(extra)
    return env


# ---------------------------------------------------------------- freeze


def freeze(out: Path) -> Path:
    log("freezing with PyInstaller (one folder: ymdesk, ymdesk-cli)")
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(out / "dist"), "--workpath", str(out / "work"), "--", "--keyring-check"]
    done = subprocess.run(cmd, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {done.returncode})")
    log(f"frozen in {time.monotonic() - started:.0f} s")
    return out / "dist" / "ymdesk"


# ---------------------------------------------------------------- smoke test


def bundled_sample(bundle: Path) -> Path:
    sample = bundle / "_internal" / "ymdesk" / "resources" / "sample_catalog.xlsx"
    if not sample.is_file():
        raise BuildError(f"the sample catalog is not in the bundle ({sample})")
    return sample


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def sandbox(bundle: Path, env: dict[str, str]) -> Iterator[str]:
    """The frozen `ymdesk-cli sandbox` in the background, until the block ends."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as output:
        proc = subprocess.Popen(
            [str(bundle / f"ymdesk-cli{EXE}"), "sandbox", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None:
                    output.seek(0)
                    raise BuildError(f"the frozen sandbox exited with {proc.returncode}:\n{output.read()[-4000:]}")
                try:
                    # Any HTTP answer (the simulator says 401 without a key) means it is serving.
                    urllib.request.urlopen(f"{url}/v2/campaigns", timeout=2).close()
                    break
                except urllib.error.HTTPError:
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise BuildError(f"the frozen sandbox did not answer on {url} within 60 s") from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def check_version(bundle: Path, env: dict[str, str], version: str) -> None:
    out = run([bundle / f"ymdesk-cli{EXE}", "--version"], env=env).stdout.strip()
    if out != f"ymdesk {version}":
        raise BuildError(f"ymdesk-cli --version said {out!r}, expected 'ymdesk {version}'")
    log(f"  ymdesk-cli --version: {out}")


def check_inspect(bundle: Path, env: dict[str, str], sample: Path) -> dict[str, object]:
    data = json.loads(run([bundle / f"ymdesk-cli{EXE}", "inspect", sample, "--json"], env=env).stdout)
    if not (isinstance(data.get("valid"), int) and data["valid"] > 0 and data["rows"] >= data["valid"]):
        raise BuildError(f"inspect of the bundled sample found no valid SKUs: {data}")
    log(f"  inspect {sample.name}: {data['rows']} rows, {data['valid']} valid, {len(data['invalid'])} invalid")
    return data


def check_translation(bundle: Path, env: dict[str, str], sample: Path) -> None:
    # ymdesk_ru.qm is found through importlib.resources inside the bundle; English is the source text.
    cli = [bundle / f"ymdesk-cli{EXE}", "inspect", sample]
    english = run(cli, env=env).stdout.splitlines()[0]
    russian = run(cli, env={**env, "YMDESK_LANG": "ru"}).stdout.splitlines()[0]
    if russian == english:
        raise BuildError(f"YMDESK_LANG=ru left the CLI in English ({english!r}): translations missing from the bundle")
    log(f"  Russian translation loads: {russian}")


def check_inspect_csv(bundle: Path, env: dict[str, str], work: Path) -> None:
    # CSV goes through pyarrow's CSV reader, a different path from the XLSX readers (fastexcel, calamine). cp1251 with
    # ';' is how the seller cabinet exports; the Cyrillic header must come back decoded, whatever the code page.
    csv = work / "Каталог.csv"
    too_long = "X" * 300  # over ShopSku's 255 characters
    text = f"Ваш SKU;Название\r\nSKU-0001;Чайник\r\nSKU-0002;Кружка\r\n{too_long};Ложка\r\n"
    csv.write_bytes(text.encode("cp1251"))
    data = json.loads(run([bundle / f"ymdesk-cli{EXE}", "inspect", csv, "--json"], env=env).stdout)
    if data.get("valid") != 2 or len(data.get("invalid", [])) != 1 or data.get("sku_column") != "Ваш SKU":
        raise BuildError(f"inspect of a cp1251 CSV gave {data}, expected 2 valid SKUs, 1 invalid, column 'Ваш SKU'")
    log(f"  inspect cp1251 CSV {csv.name}: 2 valid, 1 invalid, SKU column {data['sku_column']!r} (pyarrow CSV reader)")


def check_run(bundle: Path, work: Path, sample: Path) -> None:
    home = work / "run-home"
    env = frozen_env(home)
    with sandbox(bundle, env) as url:
        cmd = [bundle / f"ymdesk-cli{EXE}", "run", "delete-offers", "--campaign-id", DEMO_CAMPAIGN]
        cmd += ["--file", sample, "--api-url", url, "--yes", "--json", "--report", work / "report.xlsx"]
        # Exit 1 is the expected outcome: the sample holds invalid and warehouse-held SKUs by design.
        done = run(cmd, env={**env, "YM_API_KEY": DEMO_KEY}, ok=(0, 1))
    summary = json.loads(done.stdout)
    if not (summary.get("succeeded", 0) > 0 and summary.get("status") and summary.get("job_id")):
        raise BuildError(f"run against the frozen sandbox did not delete anything: {summary}")
    if not (work / "report.xlsx").is_file() or not (home / "journal.sqlite3").is_file():
        raise BuildError("run left no report or no journal")
    log(
        f"  run delete-offers against the frozen sandbox: exit {done.returncode}, {summary['succeeded']} succeeded, "
        f"{summary['failed']} failed, {summary['invalid']} invalid; report and journal written"
    )


def check_keyring(bundle: Path, env: dict[str, str]) -> None:
    done = run([bundle / f"{PROBE}{EXE}"], env=env, ok=(0, 1))
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if done.returncode != 0:
        raise BuildError(f"keyring check failed: {result}")
    if result["result"] == "round-trip":
        log(f"  keyring: round-trip through {result['keyring']}: {result['message']}")
    else:
        log(f"  keyring: no keyring service here ({result['keyring']}); the app says: {result['message']}")
    log(f"  keyring backends discoverable: {', '.join(result['backends'])}")


def check_self_test(bundle: Path, env: dict[str, str]) -> None:
    out = run([bundle / f"ymdesk{EXE}", "--self-test"], env=env).stdout.strip()
    if sys.platform == "win32":  # a windowed exe has no stdout there: its exit code 0 is the answer
        log("  ymdesk --self-test: exit 0")
        return
    if "sample catalog loaded" not in out:
        raise BuildError(f"ymdesk --self-test said {out!r}")
    log(f"  ymdesk --self-test: {out.splitlines()[-1]}")


def check_bare_copy(bundle: Path, work: Path, version: str) -> None:
    """The bundle copied elsewhere must start with nothing from this environment (env -i)."""
    copy = work / "copied" / "ymdesk"
    shutil.copytree(bundle, copy, symlinks=True, ignore=shutil.ignore_patterns(f"{PROBE}{EXE}"))
    home = work / "bare-home"
    home.mkdir()
    if sys.platform == "win32":
        env = {"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows"), "USERPROFILE": str(home)}
        env |= {"LOCALAPPDATA": str(home), "APPDATA": str(home), "QT_QPA_PLATFORM": "offscreen"}
        prefix: list[str | Path] = []
    else:
        env, prefix = None, ["env", "-i", "QT_QPA_PLATFORM=offscreen", f"HOME={home}"]
    out = run([*prefix, copy / f"ymdesk-cli{EXE}", "--version"], env=env).stdout.strip()
    if out != f"ymdesk {version}":
        raise BuildError(f"the copied bundle's ymdesk-cli --version said {out!r}")
    data = json.loads(
        run([*prefix, copy / f"ymdesk-cli{EXE}", "inspect", bundled_sample(copy), "--json"], env=env).stdout
    )
    if not data.get("valid"):
        raise BuildError(f"the copied bundle's inspect found no valid SKUs: {data}")
    out = run([*prefix, copy / f"ymdesk{EXE}", "--self-test"], env=env).stdout.strip()
    if sys.platform != "win32" and "sample catalog loaded" not in out:
        raise BuildError(f"the copied bundle's ymdesk --self-test said {out!r}")
    if sys.platform != "win32" and not (home / ".local" / "share" / "ymdesk" / "journal.sqlite3").is_file():
        raise BuildError("the copied bundle did not keep its journal in ~/.local/share/ymdesk")
    how = "with a bare environment" if sys.platform == "win32" else "under env -i"
    where = "" if sys.platform == "win32" else "; data in ~/.local/share"
    log(f"  copy {how}: --version, inspect ({data['valid']} valid) and --self-test pass{where}")


def smoke_test(bundle: Path, version: str, keep_probe: bool = False) -> None:
    log(f"smoke test of the frozen program in {bundle}")
    if sys.platform == "win32":  # what the frozen programs get too: they inherit this process's code page
        log(f"  Windows ANSI code page: {locale.getpreferredencoding()}")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="ymdesk-smoke-") as tmp:
        work = Path(tmp)
        env = frozen_env(work / "home")
        sample = bundled_sample(bundle)
        check_version(bundle, env, version)
        check_inspect(bundle, env, sample)
        check_translation(bundle, env, sample)
        check_inspect_csv(bundle, env, work)
        check_run(bundle, work, sample)
        check_keyring(bundle, env)
        check_self_test(bundle, env)
        if not keep_probe:
            (bundle / f"{PROBE}{EXE}").unlink()  # the probe never ships
        check_bare_copy(bundle, work, version)
    log(f"smoke test passed in {time.monotonic() - started:.0f} s")


# ---------------------------------------------------------------- packages


def linux_tarball(bundle: Path, out: Path, version: str) -> Path:
    from make_icons import make_icons

    name = f"ymdesk-{version}-linux-x86_64"
    icons = make_icons(out / "icons")
    tarball = out / f"{name}.tar.gz"
    log(f"packing {tarball.name}")

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    # Level 6: level 9 is much slower on the Arrow and Qt libraries for a few percent.
    with tarfile.open(tarball, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, f"{name}/ymdesk", filter=clean)
        for src, dest in (
            (HERE / "linux" / "ymdesk.desktop", "ymdesk.desktop"),
            (HERE / "linux" / "install.sh", "install.sh"),
            (HERE / "linux" / "uninstall.sh", "uninstall.sh"),
            (HERE / "linux" / "README.txt", "README.txt"),
            (icons["svg"], "ymdesk.svg"),
            (icons["png"], "ymdesk.png"),
        ):
            tar.add(src, f"{name}/{dest}", filter=clean)
    return tarball


def nsis(bundle: Path, out: Path, version: str) -> Path:
    from make_icons import make_icons

    makensis = shutil.which("makensis")
    if not makensis:
        raise BuildError("makensis not found (Debian/Ubuntu: apt-get install nsis; Windows: install NSIS 3)")
    icons = make_icons(out / "icons")
    target = "windows" if sys.platform == "win32" else "compile-check"
    setup = out / (f"ymdesk-{version}-setup.exe" if target == "windows" else "ymdesk-setup-compile-check.exe")
    log(f"compiling installer/windows/ymdesk.nsi ({target}) -> {setup.name}")
    # Defines are passed before the script, as makensis reads them in order.
    quad = ".".join(([p for p in version.split(".") if p.isdigit()] + ["0"] * 4)[:4])  # VIProductVersion: a.b.c.d
    flags = [f"-DVERSION={version}", f"-DVERSION_QUAD={quad}", f"-DSOURCE_DIR={bundle}", f"-DOUTFILE={setup}"]
    flags.append(f"-DICON={icons['ico']}")
    if target == "compile-check":
        flags.append("-DCOMPILE_CHECK")  # store, not compress: the payload is the Linux bundle, never installed
    run([makensis, "-V2", "-WX", *flags, HERE / "windows" / "ymdesk.nsi"], timeout=600)
    return setup


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="installer/build.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE / "build", help="build folder (default: installer/build)")
    parser.add_argument("--skip-freeze", action="store_true", help="smoke-test the existing DIR/dist/ymdesk again")
    parser.add_argument("--keep-probe", action="store_true", help="keep the keyring probe for another smoke test")
    parser.add_argument("--no-package", action="store_true", help="stop after the smoke test")
    parser.add_argument("--nsis", action="store_true", help="also compile the NSIS script with makensis")
    args = parser.parse_args(argv)
    # This log names Cyrillic files and messages; Windows would encode it in the ANSI code page (none in cp1252).
    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
    if args.keep_probe and not args.no_package:
        parser.error("--keep-probe needs --no-package: the keyring probe never ships")
    out = args.out.resolve()
    version = package_version()
    sys.path.insert(0, str(HERE))
    started = time.monotonic()
    try:
        bundle = out / "dist" / "ymdesk" if args.skip_freeze else freeze(out)
        if args.skip_freeze and not (bundle / f"{PROBE}{EXE}").exists():
            raise BuildError(f"{bundle} has no {PROBE} (already smoke-tested once); build again without --skip-freeze")
        smoke_test(bundle, version, keep_probe=args.keep_probe)
        size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
        log(f"bundle: {bundle} ({size / 2**20:.0f} MiB)")
        if not args.no_package:
            if sys.platform.startswith("linux"):
                tarball = linux_tarball(bundle, out, version)
                log(f"tarball: {tarball} ({tarball.stat().st_size / 2**20:.0f} MiB)")
            if args.nsis:
                setup = nsis(bundle, out, version)
                log(f"NSIS: {setup} ({setup.stat().st_size / 2**20:.0f} MiB)")
                if sys.platform != "win32":
                    setup.unlink()  # a Linux payload in a Windows installer: proof that it compiles, nothing more
    except BuildError as error:
        print(f"[build] FAILED: {error}", file=sys.stderr, flush=True)
        return 1
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
