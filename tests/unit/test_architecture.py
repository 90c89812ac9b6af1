"""The direction of imports that docs/ARCHITECTURE.md describes, read from the source (no import is run)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ymdesk"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _imports_of(part: str) -> dict[str, set[str]]:
    """Module file (relative to ymdesk/) -> what it imports, for every file under `part` (a folder or a file)."""
    root = PACKAGE / part
    files = [root] if root.suffix == ".py" else sorted(root.rglob("*.py"))
    return {str(path.relative_to(PACKAGE)): _imports(path) for path in files}


def _offenders(part: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{module} imports {name}"
        for module, names in _imports_of(part).items()
        for name in sorted(names)
        if any(name == prefix or name.startswith(prefix + ".") for prefix in forbidden)
    ]


def test_core_never_imports_qt_nor_the_layers_above_it():
    assert not _offenders("core", ("PySide6", "ymdesk.ui", "ymdesk.jobs", "ymdesk.cli", "ymdesk.app", "ymdesk.i18n"))


def test_the_core_packages_depend_one_way():
    runs_and_simulator = ("ymdesk.core.runs", "ymdesk.core.simulator")
    assert not _offenders("core/sheets", (*runs_and_simulator, "ymdesk.core.market"))
    assert not _offenders("core/market", (*runs_and_simulator, "ymdesk.core.sheets"))
    for shared in ("core/model.py", "core/messages.py", "core/paths.py", "core/memory.py", "core/search.py"):
        assert not _offenders(shared, (*runs_and_simulator, "ymdesk.core.sheets", "ymdesk.core.market"))
    assert not _offenders("core/simulator", ("ymdesk.core.runs",))


def test_jobs_and_the_cli_stay_below_the_windows():
    gui = ("ymdesk.ui", "PySide6.QtGui", "PySide6.QtWidgets")
    assert not _offenders("jobs", gui)
    assert not _offenders("cli.py", (*gui, "ymdesk.jobs", "ymdesk.app"))
    assert not _offenders("i18n.py", gui)
