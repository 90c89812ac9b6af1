"""Refresh ymdesk_ru.ts from the sources and compile ymdesk_ru.qm.

    python resources/translations/update_translations.py

pyside6-lupdate scans every Python file under ymdesk/ (core marks its texts with QT_TRANSLATE_NOOP,
the UI uses tr() and QCoreApplication.translate) and keeps the translations already in the .ts;
new texts arrive unfinished, to be translated in the .ts (Qt Linguist, or any editor). Then
pyside6-lrelease compiles the .qm that ships with the package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
LANGUAGES = ("ru",)


def tool(name: str) -> str:
    """The PySide6 tool next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(REPO)) for path in (REPO / "ymdesk").rglob("*.py"))


def main() -> int:
    for language in LANGUAGES:
        ts = HERE / f"ymdesk_{language}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources(),
                "-source-language",
                "en",
                "-target-language",
                language,
                "-no-obsolete",
                "-ts",
                str(ts.relative_to(REPO)),
            ],
            cwd=REPO,
            check=True,
        )
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=REPO, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
