"""The catalog table: a QAbstractTableModel straight over the data frame's Arrow-backed strings.

Cells are read from Arrow on demand (converting 500k rows to Python objects costs ~1 s and
~480 MB). Filtering never goes through QSortFilterProxyModel (it calls data() for every row):
the window computes a boolean mask with pandas, the model keeps ``visible``, an index array of
shown frame rows, and resets. Picks live in a numpy bool array over all frame rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon

from ymdesk.core.sheets.catalog import RowMarks
from ymdesk.i18n import render

PICK_COLUMN = 0
PROBLEM_COLUMN = 1  # why a row is invalid or a duplicate, in words (empty for good rows)
FIRST_DATA_COLUMN = 2

INVALID_BACKGROUND = QColor(255, 222, 222)
DUPLICATE_BACKGROUND = QColor(255, 243, 205)
HIDDEN_BACKGROUND = QColor(226, 232, 242)
AnyIndex = QModelIndex | QPersistentModelIndex


def arrow_column(series: pd.Series) -> pa.ChunkedArray:
    """The column's Arrow data, zero-copy when the frame already holds Arrow strings."""
    array = series.array
    if not hasattr(array, "__arrow_array__"):
        array = series.astype("string[pyarrow]").array
    data = array.__arrow_array__()
    return data if isinstance(data, pa.ChunkedArray) else pa.chunked_array([data])


class CatalogTableModel(QAbstractTableModel):
    picks_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._columns: list[pa.ChunkedArray] = []
        self._sheet_rows = np.zeros(0, dtype=np.int64)
        self._marks = RowMarks.none(0)
        self.picked = np.zeros(0, dtype=bool)
        self.visible = np.zeros(0, dtype=np.int64)
        self._sku_column = -1
        self._sku_lower: pa.ChunkedArray | None = None  # the SKU column lowercased, for type-to-find
        self._sku_sorted: _SortedSkus | None = None  # and sorted, so a keystroke is a binary search
        self._warning_icon = QIcon()
        self._duplicate_icon = QIcon()

    # ------------------------------------------------------------ loading

    def set_icons(self, warning: QIcon, duplicate: QIcon) -> None:
        self._warning_icon, self._duplicate_icon = warning, duplicate

    def set_frame(self, frame: pd.DataFrame, sheet_rows: np.ndarray, sku_column: str, marks: RowMarks) -> None:
        self.beginResetModel()
        self._headers = [str(c) for c in frame.columns]
        self._columns = [arrow_column(frame[c]) for c in frame.columns]
        self._sheet_rows = np.asarray(sheet_rows, dtype=np.int64)
        self._marks = marks
        self._sku_column = self._headers.index(sku_column) if sku_column in self._headers else -1
        self._sku_lower = self._sku_sorted = None
        self.picked = np.zeros(len(frame), dtype=bool)
        self.visible = np.arange(len(frame), dtype=np.int64)
        self.endResetModel()
        self.picks_changed.emit()

    def set_marks(self, sku_column: str, marks: RowMarks) -> None:
        """After the SKU column changed: new validation, same rows and picks."""
        self._marks = marks
        self._sku_column = self._headers.index(sku_column) if sku_column in self._headers else -1
        self._sku_lower = self._sku_sorted = None
        self._refresh_all()
        self.picks_changed.emit()

    def clear(self) -> None:
        self.set_frame(pd.DataFrame(), np.zeros(0, dtype=np.int64), "", RowMarks.none(0))

    # ------------------------------------------------------------ what is shown

    @property
    def total_rows(self) -> int:
        return len(self.picked)

    @property
    def marks(self) -> RowMarks:
        return self._marks

    def set_visible(self, rows: np.ndarray) -> None:
        self.beginResetModel()
        self.visible = np.asarray(rows, dtype=np.int64)
        self.endResetModel()

    def frame_row(self, view_row: int) -> int:
        return int(self.visible[view_row])

    def sheet_row(self, frame_row: int) -> int:
        return int(self._sheet_rows[frame_row])

    @property
    def sku_view_column(self) -> int:
        """The view column of the SKUs (-1 when there is none)."""
        return FIRST_DATA_COLUMN + self._sku_column if self._sku_column >= 0 else -1

    def sku_search_task(self):
        """A task for a worker: the SKU column lowercased and sorted for type-to-find (about 0.5 s per 1M rows),
        so that no key typed into the table pays for it. Hand its result to `set_sku_lower`."""
        column = self._columns[self._sku_column] if self._sku_column >= 0 else None

        def task(_cancel) -> tuple[pa.ChunkedArray, pa.ChunkedArray, _SortedSkus] | None:
            if column is None:
                return None
            lower = pc.utf8_lower(column)
            return column, lower, _SortedSkus.of(lower)

        return task

    @property
    def sku_search_ready(self) -> bool:
        """Whether type-to-find has the sorted SKUs (a binary search per key) rather than an Arrow scan."""
        return self._sku_sorted is not None

    def set_sku_lower(self, result: tuple[pa.ChunkedArray, pa.ChunkedArray, _SortedSkus] | None) -> None:
        if result is not None and self._sku_column >= 0 and self._columns[self._sku_column] is result[0]:
            self._sku_lower, self._sku_sorted = result[1], result[2]

    def find_sku(self, prefix: str, start: int = 0) -> int | None:
        """The first shown row at or after view row `start` (then from the top) whose SKU starts with
        `prefix`, ignoring case; None when no shown row does. Type-to-find without data() per row (Qt's
        keyboardSearch asks every row: seconds at 300k). With the sorted SKUs a binary search finds the
        matching rows (a few ms per 1M rows); before they are ready, one Arrow scan (about 15-40 ms)."""
        if not prefix or self._sku_column < 0 or len(self.visible) == 0:
            return None
        visible = self.visible
        ascending = len(visible) < 2 or bool(visible[-1] > visible[0] and np.all(visible[1:] > visible[:-1]))
        if self._sku_sorted is not None and ascending:
            frames = self._sku_sorted.starting_with(prefix.lower())
            if len(visible) != len(self._sku_sorted):
                shown = np.zeros(len(self._sku_sorted), dtype=bool)
                shown[visible] = True
                frames = frames[shown[frames]]
            if frames.size == 0:
                return None
            after = frames[frames >= visible[start]] if 0 <= start < len(visible) else frames[:0]
            frame = after.min() if after.size else frames.min()
            return int(np.searchsorted(visible, frame))
        if self._sku_lower is None:  # about 40 ms per 1M rows, once per file or SKU column
            self._sku_lower = pc.utf8_lower(self._columns[self._sku_column])
        matches = pc.starts_with(self._sku_lower, pattern=prefix.lower()).to_numpy(zero_copy_only=False)
        shown_rows = np.flatnonzero(matches[visible] if len(visible) != len(matches) else matches)
        if shown_rows.size == 0:
            return None
        at = int(np.searchsorted(shown_rows, max(0, start)))
        return int(shown_rows[at] if at < shown_rows.size else shown_rows[0])

    # ------------------------------------------------------------ picking

    def pick_shown(self, value: bool) -> None:
        self.picked[self.visible] = value
        self._after_picks()

    def pick_none(self) -> None:
        self.picked[:] = False
        self._after_picks()

    def invert_shown(self) -> None:
        self.picked[self.visible] = ~self.picked[self.visible]
        self._after_picks()

    def pick_mask(self, mask: np.ndarray) -> None:
        """Add rows (bool mask over all frame rows) to the picks."""
        self.picked |= mask
        self._after_picks()

    def set_picked(self, frame_rows: np.ndarray, value: bool) -> None:
        self.picked[frame_rows] = value
        self._after_picks()

    def _after_picks(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, PICK_COLUMN), self.index(self.rowCount() - 1, PICK_COLUMN))
        self.picks_changed.emit()

    def _refresh_all(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # ------------------------------------------------------------ Qt model API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self._headers:
            return 0
        return FIRST_DATA_COLUMN + len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self.visible):
                return str(self._sheet_rows[self.visible[section]])
            return None
        if section == PICK_COLUMN:
            return self.tr("Pick")
        if section == PROBLEM_COLUMN:
            return self.tr("Problem")
        if FIRST_DATA_COLUMN <= section < self.columnCount():
            return self._headers[section - FIRST_DATA_COLUMN]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PICK_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.visible):
            return None
        row = int(self.visible[index.row()])
        column = index.column()
        if column == PICK_COLUMN:
            return self._pick_cell(row, role)
        if column == PROBLEM_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._reason(row) or ""
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._background(row)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self._columns[column - FIRST_DATA_COLUMN][row].as_py()
            return "" if value is None else value
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row)
        if role == Qt.ItemDataRole.ToolTipRole and column - FIRST_DATA_COLUMN == self._sku_column:
            return self._reason(row)
        return None

    def _pick_cell(self, row: int, role: int):
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.picked[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            if self._marks.invalid[row]:
                return self._warning_icon
            if self._marks.duplicate[row]:
                return self._duplicate_icon
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._reason(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row)
        return None

    def _background(self, row: int):
        if self._marks.invalid[row]:
            return QBrush(INVALID_BACKGROUND)
        if self._marks.duplicate[row]:
            return QBrush(DUPLICATE_BACKGROUND)
        if self._is_hidden(row):
            return QBrush(HIDDEN_BACKGROUND)
        return None

    def _is_hidden(self, row: int) -> bool:
        return self._marks.hidden is not None and bool(self._marks.hidden[row])

    def _reason(self, row: int) -> str | None:
        reason = self._sku_reason(row)
        if not self._is_hidden(row):
            return reason
        hidden = self.tr("Hidden in Excel: you may not have seen this row.")
        return f"{reason} {hidden}" if reason else hidden

    def _sku_reason(self, row: int) -> str | None:
        if self._marks.invalid[row]:
            reason = self._marks.reasons.get(row)
            return render(reason) if reason is not None else self.tr("The SKU is not valid.")
        if self._marks.duplicate[row]:
            first = self._marks.first_rows.get(row)
            if first is not None:
                return self.tr("Duplicate: the same SKU is already in row %1; it is sent once.").replace(
                    "%1", str(first)
                )
            return self.tr("Duplicate SKU; it is sent once.")
        return None

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != PICK_COLUMN or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value == Qt.CheckState.Checked or value == Qt.CheckState.Checked.value
        self.picked[self.visible[index.row()]] = bool(checked)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.picks_changed.emit()
        return True


class _SortedSkus:
    """The lowercased SKUs in sorted order with their frame rows: the SKUs that start with a prefix are one
    run of it, found by two binary searches (Arrow sorts UTF-8 by bytes, which is Python's code point order)."""

    def __init__(self, values: pa.Array, rows: np.ndarray) -> None:
        self._values, self._rows = values, rows

    @classmethod
    def of(cls, lower: pa.ChunkedArray) -> _SortedSkus:
        order = pc.sort_indices(lower)  # missing SKUs last (Arrow's default)
        return cls(lower.take(order).combine_chunks(), order.to_numpy())

    def __len__(self) -> int:
        return len(self._rows)

    def starting_with(self, prefix: str) -> np.ndarray:
        """Frame rows (in SKU order) whose lowercased SKU starts with `prefix`."""
        values = self._values
        key = _AsText(values)
        first = bisect.bisect_left(key, prefix)
        end = first + bisect.bisect_left(_StartsWith(values, first, prefix), True)
        return self._rows[first:end]


class _AsText(Sequence[str]):
    """An Arrow string array as a sequence `bisect` can search (a missing SKU sorts last)."""

    def __init__(self, values: pa.Array) -> None:
        self._values = values

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, i):  # type: ignore[override]
        value = self._values[i].as_py()
        return "\U0010ffff" * 2 if value is None else value


class _StartsWith(Sequence[bool]):
    """From `first` on, False while the sorted values start with `prefix`, then True: bisect finds the end."""

    def __init__(self, values: pa.Array, first: int, prefix: str) -> None:
        self._text, self._first, self._prefix = _AsText(values), first, prefix

    def __len__(self) -> int:
        return len(self._text) - self._first

    def __getitem__(self, i):  # type: ignore[override]
        return not self._text[self._first + i].startswith(self._prefix)
