"""Searching a catalog: row masks computed with pandas over Arrow strings (no Qt, thread-safe).

The app's window runs these on the GUI thread for small tables and through a TaskController for
large ones; either way the result is a boolean mask the table model turns into visible rows.
"""

from __future__ import annotations

import re
import threading
import weakref
from array import array
from bisect import bisect_right

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Above this many cells (rows x searched columns) a filter runs off the GUI thread.
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
    index = _SEARCH_INDEXES.get(id(frame))
    if column is None and not regex and index is not None:
        return index.mask(text, cancel)
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


# Search indexes of loaded frames by id(); an entry goes when its frame is collected.
_SEARCH_INDEXES: dict[int, SearchIndex] = {}


def prepare_search(frame: pd.DataFrame) -> None:
    """Build the all-columns search index for `frame` (about 1 s and 240 MB per 1M rows x 10): on the
    loading worker, so that every later filter over all columns is one fast scan."""
    if id(frame) not in _SEARCH_INDEXES:
        _SEARCH_INDEXES[id(frame)] = SearchIndex(frame)
        weakref.finalize(frame, _SEARCH_INDEXES.pop, id(frame), None)


def has_search_index(frame: pd.DataFrame) -> bool:
    """Whether `frame`'s all-columns search index is built (until then a filter searches column by column)."""
    return id(frame) in _SEARCH_INDEXES


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
    mask: np.ndarray = column.str.strip().isin(skus).to_numpy(dtype=bool, na_value=False)
    return mask


# ------------------------------------------------------------ all-columns search index

SEPARATOR = "\x1f"
BLOCK_ROWS = 65_536
DENSE_ROWS = 120_000  # past this many matching rows, Arrow tests every row (about 0.45 s per 1M rows here)


class _Block:
    def __init__(self, lowered: pa.LargeStringArray) -> None:
        offsets = np.frombuffer(lowered.buffers()[1], dtype=np.int64)[
            lowered.offset : lowered.offset + len(lowered) + 1
        ]
        buffer = lowered.buffers()[2]
        self.data = buffer.to_pybytes()[offsets[0] : offsets[-1]] if buffer is not None else b""
        self.offsets = array("q", (offsets - offsets[0]).tobytes())
        self.rows = len(lowered)

    def hits(self, needle: bytes, out: list[int], first_row: int, limit: int) -> bool:
        """Append the matching rows; False once `limit` rows are exceeded (then the caller goes dense)."""
        find, offsets = self.data.find, self.offsets
        position = find(needle)
        while position >= 0:
            row = bisect_right(offsets, position) - 1
            out.append(first_row + row)
            if len(out) > limit:
                return False
            position = find(needle, offsets[row + 1])
        return True

    def dense(self, needle: str) -> np.ndarray:
        offsets = pa.py_buffer(np.frombuffer(self.offsets, dtype=np.int64))
        strings = pa.LargeStringArray.from_buffers(self.rows, offsets, pa.py_buffer(self.data))
        mask: np.ndarray = pc.match_substring(strings, needle).to_numpy(zero_copy_only=False)
        return mask


class SearchIndex:
    def __init__(self, frame: pd.DataFrame) -> None:
        columns = [_arrow_text(frame[name]) for name in frame.columns]
        self.rows = len(frame)
        self._blocks: list[_Block] = []
        if not columns:
            return
        separator = pa.scalar(SEPARATOR, pa.large_string())
        ending = pa.scalar("", pa.large_string())  # an empty last element: every row ends with the separator
        for start in range(0, self.rows, BLOCK_ROWS):
            part = [column.slice(start, BLOCK_ROWS) for column in columns]
            self._blocks.append(_Block(pc.utf8_lower(pc.binary_join_element_wise(*part, ending, separator))))

    @property
    def nbytes(self) -> int:
        return sum(len(block.data) + 8 * len(block.offsets) for block in self._blocks)

    def mask(self, text: str, cancel: threading.Event | None = None) -> np.ndarray:
        """Rows where `text` occurs in some cell, ignoring case (lowercase on both sides)."""
        if not text:
            return np.ones(self.rows, dtype=bool)
        needle = text.lower()
        if SEPARATOR in needle:
            return np.zeros(self.rows, dtype=bool)
        encoded = needle.encode("utf-8")
        rows: list[int] = []
        first = 0
        for block in self._blocks:
            if cancel is not None and cancel.is_set():
                raise FilterCancelled
            if not block.hits(encoded, rows, first, DENSE_ROWS):
                return self._dense(needle, cancel)
            first += block.rows
        mask = np.zeros(self.rows, dtype=bool)
        mask[np.asarray(rows, dtype=np.int64)] = True
        return mask

    def _dense(self, needle: str, cancel: threading.Event | None) -> np.ndarray:
        parts = []
        for block in self._blocks:
            if cancel is not None and cancel.is_set():
                raise FilterCancelled
            parts.append(block.dense(needle))
        return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def _arrow_text(series: pd.Series) -> pa.Array:
    array_ = series.array
    data = array_.__arrow_array__() if hasattr(array_, "__arrow_array__") else pa.array(series.astype(str))
    data = data.combine_chunks() if isinstance(data, pa.ChunkedArray) else data
    data = data.cast(pa.large_string()) if data.type != pa.large_string() else data
    return pc.fill_null(data, "")
