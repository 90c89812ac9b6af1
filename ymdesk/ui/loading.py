"""Background tasks that read a catalog and prepare its row marks (run through a TaskController)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ymdesk.core.sheets.catalog import read_catalog
from ymdesk.ui.catalog_model import RowMarks
from ymdesk.ui.filtering import prepare_search


@dataclass
class LoadedCatalog:
    catalog: object  # ymdesk.core.sheets.catalog.Catalog
    marks: RowMarks


def marks_for(catalog) -> RowMarks:
    """Invalid, duplicate and hidden rows of a catalog, keyed by frame row (the core reports sheet rows)."""
    sheet_rows = np.asarray(catalog.rows, dtype=np.int64)
    marks = RowMarks.none(len(sheet_rows))
    if catalog.hidden.any():
        marks.hidden = np.asarray(catalog.hidden, dtype=bool)

    def frame_index(sheet_row: int) -> int | None:
        position = int(np.searchsorted(sheet_rows, sheet_row))
        return position if position < len(sheet_rows) and sheet_rows[position] == sheet_row else None

    for row, _raw, reason in catalog.invalid_rows():
        index = frame_index(row)
        if index is not None:
            marks.invalid[index] = True
            marks.reasons[index] = reason
    for row, _raw, first_row in catalog.duplicate_rows():
        index = frame_index(row)
        if index is not None:
            marks.duplicate[index] = True
            marks.first_rows[index] = first_row
    return marks


def load_task(path: Path, sheet: str | None = None, sku_column: str | None = None, encoding: str | None = None):
    """A task for TaskController.start: read the file and mark its rows, off the GUI thread."""

    def task(cancel: threading.Event) -> LoadedCatalog:
        catalog = read_catalog(path, sheet=sheet, sku_column=sku_column, cancel=cancel, encoding=encoding)
        prepare_search(catalog.frame)  # filters over all columns are then one scan, not a regex per column
        return LoadedCatalog(catalog, marks_for(catalog))

    return task


def sku_column_task(catalog, sku_column: str):
    """A task that re-validates the catalog with another SKU column."""

    def task(cancel: threading.Event) -> LoadedCatalog:
        changed = catalog.with_sku_column(sku_column)
        return LoadedCatalog(changed, marks_for(changed))

    return task
