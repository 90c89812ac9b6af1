"""Background tasks that read a catalog and prepare its row marks (run through a TaskController)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ymdesk.core.search import prepare_search
from ymdesk.core.sheets.catalog import Catalog, RowMarks, read_catalog


@dataclass
class LoadedCatalog:
    catalog: Catalog
    marks: RowMarks  # frame-indexed, straight from the catalog's check (Catalog.marks)


LoadTask = Callable[[threading.Event], LoadedCatalog]


def load_task(
    path: Path, sheet: str | None = None, sku_column: str | None = None, encoding: str | None = None
) -> LoadTask:
    """A task for TaskController.start: read the file and mark its rows, off the GUI thread."""

    def task(cancel: threading.Event) -> LoadedCatalog:
        catalog = read_catalog(path, sheet=sheet, sku_column=sku_column, cancel=cancel, encoding=encoding)
        return LoadedCatalog(catalog, catalog.marks())

    return task


def index_task(frame: pd.DataFrame) -> Callable[[threading.Event], None]:
    """A task that builds the all-columns search index of a shown catalog (about 1 s per 1M rows x 10), so that
    filters over all columns are one fast scan. It runs after the rows are on screen, not before."""

    def task(cancel: threading.Event) -> None:
        prepare_search(frame)

    return task


def sku_column_task(catalog: Catalog, sku_column: str) -> LoadTask:
    """A task that re-validates the catalog with another SKU column."""

    def task(cancel: threading.Event) -> LoadedCatalog:
        changed = catalog.with_sku_column(sku_column)
        return LoadedCatalog(changed, changed.marks())

    return task
