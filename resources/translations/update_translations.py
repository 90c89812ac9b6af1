"""Refresh ymdesk_ru.po from the sources and compile ymdesk_ru.qm.

    python resources/translations/update_translations.py

pyside6-lupdate scans every Python file under ymdesk/ (core marks its texts with QT_TRANSLATE_NOOP,
the UI uses tr() and QCoreApplication.translate) and keeps the translations already in the .po;
new texts arrive with an empty msgstr, to be translated in the .po (Poedit, Qt Linguist, Weblate, or
any editor). Then pyside6-lrelease compiles the .qm that ships with the package.

The translations are kept as gettext PO, which Qt's lupdate and lrelease read and write as they do
their own .ts XML: it is what translators' tools and services take, and a text is a few lines of a diff.
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


def relative_references(po: Path) -> None:
    """lupdate writes a PO file's `#:` references as absolute paths; keep them relative to the repository,
    so the file is the same on every machine."""
    prefix = REPO.as_posix() + "/"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    po.write_text(
        "".join(line.replace(prefix, "") if line.startswith("#:") else line for line in lines),
        encoding="utf-8",
        newline="",
    )


def update(po: Path, language: str) -> None:
    """Bring `po` up to date with the sources: new texts added untranslated, vanished ones dropped."""
    options = ["-source-language", "en", "-target-language", language, "-no-obsolete"]
    subprocess.run([tool("pyside6-lupdate"), *sources(), *options, "-ts", str(po)], cwd=REPO, check=True)
    relative_references(po)


def main() -> int:
    for language in LANGUAGES:
        po = HERE / f"ymdesk_{language}.po"
        update(po, language)
        subprocess.run([tool("pyside6-lrelease"), str(po), "-qm", str(po.with_suffix(".qm"))], cwd=REPO, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
