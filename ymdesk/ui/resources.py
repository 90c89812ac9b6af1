"""Files shipped with the app (icons, translations, the demo catalog) and the icons themselves.

pyproject maps the top-level ``resources/`` folder to the ``ymdesk.resources`` package. An
installed or frozen app has it; a plain source checkout (``python -m ymdesk``) does not, so the
same mapping is made here once, and ``ymdesk.i18n`` and this module find the files either way.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

PACKAGE = "ymdesk.resources"


def ensure_resources_package() -> None:
    try:
        importlib.import_module(PACKAGE)
    except ModuleNotFoundError:
        source_dir = Path(__file__).resolve().parents[2] / "resources"
        spec = importlib.util.spec_from_file_location(
            PACKAGE, source_dir / "__init__.py", submodule_search_locations=[str(source_dir)]
        )
        if spec is None or spec.loader is None:
            raise
        module = importlib.util.module_from_spec(spec)
        sys.modules[PACKAGE] = module
        spec.loader.exec_module(module)


def resources_dir() -> Path:
    ensure_resources_package()
    return Path(next(iter(importlib.import_module(PACKAGE).__path__)))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons/<name>.svg (SVG scales cleanly on high-DPI screens)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("ymdesk")
