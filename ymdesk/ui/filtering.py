"""Row masks for the catalog table, computed with pandas over Arrow strings (no Qt, thread-safe).

The window runs these on the GUI thread for small tables and through a TaskController for
large ones; either way the result is a boolean mask the model turns into visible rows.
"""

from __future__ import annotations

import re
import threading

import numpy as np
import pandas as pd

#: Above this many cells (rows x searched columns) a filter runs off the GUI thread.
BACKGROUND_FILTER_CELLS = 200_000

_SKU_SEPARATORS = re.compile(r"[\r\n\t,;]+")


class FilterCancelled(Exception):
    """A newer filter replaced this one before it finished."""


class BadPattern(ValueError):
    """The regular expression does not compile."""


def text_mask(
    frame: pd.DataFrame,
    text: str,
    column: str | None = None,
    regex: bool = False,
    cancel: threading.Event | None = None,
) -> np.ndarray:
    """Rows where `text` occurs (case-insensitive) in `column`, or in any column when None."""
    rows = len(frame)
    if not text:
        return np.ones(rows, dtype=bool)
    if regex:
        try:
            re.compile(text)
        except re.error as exc:
            raise BadPattern(str(exc)) from exc
    columns = [column] if column is not None else list(frame.columns)
    mask = np.zeros(rows, dtype=bool)
    for name in columns:
        if cancel is not None and cancel.is_set():
            raise FilterCancelled
        try:
            hits = frame[name].str.contains(text, case=False, regex=regex, na=False)
        except Exception as exc:  # pyarrow's RE2 rejects some Python-valid patterns (backreferences)
            raise BadPattern(str(exc)) from exc
        mask |= hits.to_numpy(dtype=bool, na_value=False)
    return mask


def parse_sku_list(text: str) -> list[str]:
    """SKUs pasted from a spreadsheet or a message: one per line, or separated by tabs, commas, semicolons."""
    seen: dict[str, None] = {}
    for part in _SKU_SEPARATORS.split(text):
        sku = part.strip()
        if sku:
            seen.setdefault(sku, None)
    return list(seen)


def sku_mask(column: pd.Series, skus: list[str]) -> np.ndarray:
    """Rows whose trimmed SKU cell is one of `skus`."""
    return column.str.strip().isin(skus).to_numpy(dtype=bool, na_value=False)
