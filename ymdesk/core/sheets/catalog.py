"""Open a catalog the way a careful person would: any usual format, the right sheet, header and SKU column.

`read_catalog` is the one entry point. Every cell comes back as text exactly as the file shows it
(no missing-value guessing: "NA" and "null" are SKUs; whole numbers without ".0"), with the row
number the person sees in Excel or the line in a CSV. Anything wrong with the file becomes a
`UserError` with one sentence; no other exception leaves this module.

Limits: at most `MAX_DATA_ROWS` (5,000,000) data rows per file and `MAX_FILE_BYTES` (1.5 GB) per file
or unpacked zip member. Excel sheets cannot exceed 1,048,576 rows anyway; the limit matters for CSV.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from os import PathLike
from pathlib import Path

import fastexcel
import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ymdesk.core.messages import Message, UserError
from ymdesk.core.model import JobItems
from ymdesk.core.sheets import errors as errors
from ymdesk.core.sheets.encoding import check_choice
from ymdesk.core.sheets.errors import MAX_DATA_ROWS, MAX_FILE_BYTES, ReadCancelled
from ymdesk.core.sheets.layout import HEADER_SCAN_ROWS, Layout, find_layout
from ymdesk.core.sheets.skus import WHITESPACE, SkuCheck, check_skus, excel_scientific, first_of_each
from ymdesk.core.sheets.sources import (
    Grid,
    HiddenRowScan,
    Source,
    check_cancel,
    excel_grids,
    hidden_rows,
    long_number_candidates,
    number_cells,
    open_source,
    open_workbook,
)
from ymdesk.core.sheets.text import read_text_grid

__all__ = ["MAX_DATA_ROWS", "MAX_FILE_BYTES", "Catalog", "ReadCancelled", "RowMarks", "read_catalog"]

_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' "str": Arrow-backed, about 1/3 of object's memory


@dataclass
class RowMarks:
    """Per frame row: is the SKU invalid (and why), is it a repeat of an earlier row, is the row hidden in Excel."""

    invalid: npt.NDArray[np.bool_]
    duplicate: npt.NDArray[np.bool_]
    reasons: dict[int, Message] = field(default_factory=dict)  # frame row -> reason
    first_rows: dict[int, int] = field(default_factory=dict)  # frame row -> sheet row of the first occurrence
    hidden: npt.NDArray[np.bool_] | None = None  # None when no row is hidden

    @classmethod
    def none(cls, rows: int) -> RowMarks:
        return cls(np.zeros(rows, dtype=bool), np.zeros(rows, dtype=bool))


@dataclass(frozen=True, eq=False)
class Catalog:
    """One opened sheet: the data rows as text and the verdict on its SKU column.

    `header_row` and `first_data_row` are 1-based rows as the person sees them (sheet row or CSV
    line); `header_row` is 0 for a file that is a bare list of SKUs without a header. `columns` are
    the header texts as in the file; a column without a header is named by its letter ("C"), and a
    repeated header gets " (2)", " (3)" so every name is unique.
    """

    path: Path
    sheet: str | None
    sheets: list[str]
    header_row: int
    first_data_row: int
    columns: list[str]
    sku_column: str
    frame: pd.DataFrame
    rows: np.ndarray
    check: SkuCheck
    encoding: str | None = None  # a text file's encoding as read (`encoding.label`); None for a workbook
    hidden: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per frame row: hidden in Excel
    totals: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))  # per frame row: the totals row
    numbers: NumberCells | None = None  # which cells are numbers Excel rounded (workbooks only)

    def with_sku_column(self, name: str) -> Catalog:
        """The same table with `name` as the SKU column, validated afresh."""
        if name not in self.columns:
            raise errors.fail(errors.NO_SUCH_COLUMN, column=name, name=self.path.name)
        column = self.frame[name]
        rounded = self.numbers.rounded(name, column) if self.numbers is not None else None
        scientific = excel_scientific(column) if self.encoding is not None else None
        return replace(self, sku_column=name, check=check_skus(column, rounded, self.totals, scientific))

    def hidden_rows(self) -> list[int]:
        """Rows (as the person sees them) hidden in Excel among the data: read, though the person may not have
        seen them."""
        return [int(row) for row in self.rows[self.hidden].tolist()] if self.hidden.size else []

    def marks(self) -> RowMarks:
        """What the app marks on each frame row, straight from the check (no round trip through sheet rows)."""
        invalid, duplicate = self.check.invalid, self.check.duplicate
        bad = np.flatnonzero(invalid)
        reasons = {i: r for i, r in zip(bad.tolist(), self.check.reasons(bad), strict=True) if r is not None}
        repeats = np.flatnonzero(duplicate)
        first_rows = dict(zip(repeats.tolist(), self.rows[self.check.first[repeats]].tolist(), strict=True))
        hidden = np.asarray(self.hidden, dtype=bool) if self.hidden.any() else None
        return RowMarks(invalid, duplicate, reasons, first_rows, hidden)

    def valid_skus(self) -> list[str]:
        """Distinct valid SKUs, trimmed, in file order."""
        return list(self.check.trimmed[self.check.unique].tolist())

    def invalid_rows(self) -> list[tuple[int, str, Message]]:
        """(row, cell as in the file, reason) for every row whose SKU breaks the rules."""
        bad = np.flatnonzero(self.check.invalid)
        cells = self.check.raw.iloc[bad].tolist()
        result = []
        for row, cell, reason in zip(self.rows[bad].tolist(), cells, self.check.reasons(bad), strict=True):
            assert reason is not None
            result.append((int(row), str(cell), reason))
        return result

    def duplicate_rows(self) -> list[tuple[int, str, int]]:
        """(row, cell as in the file, row of the first occurrence) for each repeated valid SKU."""
        indexes = np.flatnonzero(self.check.duplicate)
        raw = self.check.raw.iloc[indexes].tolist()
        firsts = self.rows[self.check.first[indexes]].tolist()
        return [(int(self.rows[i]), str(cell), int(first)) for i, cell, first in zip(indexes, raw, firsts, strict=True)]

    def job_items(self, picked: np.ndarray | None = None) -> JobItems:
        """Picked rows in file order: invalid ones (with the reason) and the first of each valid SKU.

        Columns, not one object per SKU: the SKUs and rows come out of Arrow and numpy in bulk, and
        only the few rows that need more (a reason, a cell that is not its trimmed SKU) are visited.
        """
        size = len(self.check)
        mask = np.ones(size, dtype=bool) if picked is None else np.asarray(picked, dtype=bool)
        if mask.shape != (size,):
            raise ValueError(f"picked must be a bool mask of {size} rows, got shape {mask.shape}")
        invalid = np.flatnonzero(mask & self.check.invalid)
        order = first_of_each(self.check, mask)
        if invalid.size:
            order = np.sort(np.concatenate([invalid, order]))
        skus = _as_list(self.check.trimmed, order)
        rows: list[int | None] = self.rows[order].tolist()
        # A cell differs from its SKU when it has spaces around it, or is invalid (empty, blank): few rows.
        raw = self.check.raw.iloc[order]
        differs = np.flatnonzero(np.asarray(raw.array != self.check.trimmed.iloc[order].array, dtype=bool))
        raws = dict(zip(differs.tolist(), raw.iloc[differs].tolist(), strict=True))
        positions = np.flatnonzero(self.check.invalid[order])
        reasons: dict[int, str] = {}
        texts: dict[int, str] = {}  # by id(): rows with equal cells share one Message, written out once
        for position, reason in zip(positions.tolist(), self.check.reasons(order[positions]), strict=True):
            assert reason is not None  # an invalid row always has its reason
            reasons[position] = texts.get(id(reason)) or texts.setdefault(id(reason), reason.to_json())
        return JobItems(skus, rows, raws, reasons)


def read_catalog(
    path: str | PathLike[str],
    sheet: str | None = None,
    sku_column: str | None = None,
    cancel: threading.Event | None = None,
    encoding: str | None = None,
) -> Catalog:
    """Open `path` (xlsx, xlsm, xlsb, xls, ods, csv, tsv, txt, or a zip of one of them).

    `sheet`, `sku_column` and (for a text file) `encoding` override the automatic choice. Raises
    `UserError` (one sentence) for anything wrong with the file, `ReadCancelled` (a UserError) when
    `cancel` is set meanwhile.
    """
    file = Path(path)
    if encoding is not None:
        encoding = check_choice(encoding)
    try:
        return _read(file, sheet, sku_column, cancel, encoding)
    except UserError:
        raise
    except MemoryError as exc:
        raise errors.fail(errors.TOO_BIG, name=file.name, limit=MAX_FILE_BYTES // 2**20) from exc
    except Exception as exc:  # a reader library's surprise must still reach the user as a sentence
        raise errors.fail(errors.UNREADABLE, name=file.name) from exc


def _read(
    path: Path, sheet: str | None, sku_column: str | None, cancel: threading.Event | None, encoding: str | None
) -> Catalog:
    name = path.name
    check_cancel(cancel, name)
    source = open_source(path)
    if source.kind == "text":
        grid = read_text_grid(source, cancel, encoding)
        layout = _layout_of(grid, sku_column, name)
        check_cancel(cancel, name)
        return _build(path, grid, layout, [], None)
    reader = open_workbook(source)
    scan = HiddenRowScan(source, [sheet] if sheet is not None else list(reader.sheet_names))
    try:
        grid, layout, sheets = _pick_sheet(source, reader, sheet, sku_column, cancel)
        check_cancel(cancel, name)
        assert grid.sheet is not None
        hidden = scan.rows(grid.sheet)
    finally:
        scan.close()
    if hidden.filtered and grid.hidden is not None:
        # An autofilter hides data rows, not service rows: only what the rows hold tells service rows apart.
        layout = _find_grid_layout(replace(grid, hidden=None), sku_column) or layout
    if hidden.rows.size:
        grid = replace(grid, hidden=np.isin(grid.rows, hidden.rows))
    return _build(path, grid, layout, sheets, reader)


def _pick_sheet(
    source: Source,
    reader: fastexcel.ExcelReader,
    sheet: str | None,
    sku_column: str | None,
    cancel: threading.Event | None,
) -> tuple[Grid, Layout, list[str]]:
    """The named sheet, or the one whose SKU column is clearest (visible sheets first, then file order)."""
    name = source.display_name
    sheets = list(reader.sheet_names)
    if sheet is not None and sheet not in sheets:
        raise errors.fail(errors.NO_SUCH_SHEET, sheet=sheet, name=name)
    best: tuple[tuple[int, int, int, int], Grid, Layout] | None = None
    for position, (grid, visible) in enumerate(excel_grids(reader, name, cancel, only=sheet)):
        assert grid.sheet is not None
        head_hidden = hidden_rows(source, grid.sheet, until_row=HEADER_SCAN_ROWS)
        # Only the top rows' visibility matters to the layout; the chosen sheet's other rows come later.
        if head_hidden is not None and head_hidden.rows.size:
            grid = replace(grid, hidden=np.isin(grid.rows, head_hidden.rows))
        layout = _find_grid_layout(grid, sku_column)
        if layout is None:
            if sheet is not None:  # the person chose this sheet: explain what is missing in it
                return grid, _layout_of(grid, sku_column, name), sheets
            continue
        key = (0 if visible else 1, *layout.clarity(), position)
        if best is None or key < best[0]:
            best = (key, grid, layout)
    if best is None:
        if sku_column is not None:
            raise errors.fail(errors.NO_SUCH_COLUMN, column=sku_column, name=name)
        raise errors.fail(errors.NO_SKU_COLUMN, name=name)
    return best[1], best[2], sheets


def _find_grid_layout(grid: Grid, sku_column: str | None) -> Layout | None:
    """The layout with `sku_column` as a header text, or as a name `Catalog.columns` gave ("C", "Цена (2)")."""
    head = grid.head(HEADER_SCAN_ROWS)
    hidden = grid.hidden[:HEADER_SCAN_ROWS].tolist() if grid.hidden is not None else None
    layout = find_layout(head, sku_column, hidden)
    if layout is not None or sku_column is None:
        return layout
    auto = find_layout(head, None, hidden)
    if auto is None:
        return None
    header = head[auto.header_index] if auto.header_index is not None else [""] * len(grid.columns)
    header = header + [""] * (len(grid.letters) - len(header))
    names = _column_names(header, grid.letters)
    if sku_column not in names:
        return None
    return replace(auto, sku_index=names.index(sku_column), rank=0)


def _layout_of(grid: Grid, sku_column: str | None, name: str) -> Layout:
    layout = _find_grid_layout(grid, sku_column)
    if layout is not None:
        return layout
    if sku_column is not None:
        raise errors.fail(errors.NO_SUCH_COLUMN, column=sku_column, name=name)
    raise errors.fail(errors.NO_SKU_COLUMN, name=name)


def _build(
    path: Path,
    grid: Grid,
    layout: Layout,
    sheets: list[str],
    reader: fastexcel.ExcelReader | None,
) -> Catalog:
    name = path.name
    start = layout.data_start
    header = grid.head(start)[layout.header_index] if layout.header_index is not None else None
    data = [column.slice(start) for column in grid.columns]
    keep = _non_blank(data, layout.sku_index)
    rows = grid.rows[start:][keep]
    if rows.size == 0:
        raise errors.fail(errors.NO_ROWS, name=name)
    if rows.size > MAX_DATA_ROWS:
        raise errors.fail(errors.TOO_MANY_ROWS, name=name, limit=MAX_DATA_ROWS)
    mask = pa.array(keep)
    kept = [pc.filter(column, mask) if not keep.all() else column for column in data]
    wanted = [
        j
        for j in range(len(kept))
        if j != layout.role_column and (j == layout.sku_index or _has_text(header, j, kept[j]))
    ]
    names = _column_names([header[j] if header is not None else "" for j in wanted], [grid.letters[j] for j in wanted])
    table = pa.table([kept[j] for j in wanted], names=names)
    frame = table.to_pandas(types_mapper=_text_dtype)
    sku_name = names[wanted.index(layout.sku_index)]
    header_row = int(grid.rows[layout.header_index]) if layout.header_index is not None else 0
    hidden = grid.hidden[start:][keep] if grid.hidden is not None else np.zeros(rows.size, dtype=bool)
    totals = _totals_row(table)
    numbers = None
    rounded = None
    scientific = excel_scientific(frame[sku_name]) if grid.encoding is not None else None
    if reader is not None:
        assert grid.sheet is not None
        absolute = {names[k]: _letter_index(grid.letters[j]) for k, j in enumerate(wanted)}
        numbers = NumberCells(path, grid.sheet, absolute, rows)
        rounded = numbers.rounded(sku_name, frame[sku_name], reader)
    return Catalog(
        path=path,
        sheet=grid.sheet,
        sheets=sheets,
        header_row=header_row,
        first_data_row=int(rows[0]),
        columns=names,
        sku_column=sku_name,
        frame=frame,
        rows=rows,
        check=check_skus(frame[sku_name], rounded, totals, scientific),
        encoding=grid.encoding,
        hidden=hidden,
        totals=totals,
        numbers=numbers,
    )


# First-cell words of a totals row under a table.
_TOTALS_WORDS = frozenset({"итого", "всего", "итог", "total", "totals", "grand total"})


def _totals_row(table: pa.Table) -> npt.NDArray[np.bool_]:
    """The last row, when its first cell says it is the table's totals ("Итого", "ИТОГО", "Всего")."""
    totals = np.zeros(table.num_rows, dtype=bool)
    if table.num_rows and table.num_columns:
        first = str(table.column(0)[table.num_rows - 1].as_py() or "")
        if first.strip().rstrip(":.").strip().casefold() in _TOTALS_WORDS:
            totals[-1] = True
    return totals


def _letter_index(letters: str) -> int:
    """A -> 0, Z -> 25, AA -> 26."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


@dataclass(frozen=True, eq=False)
class NumberCells:
    """Finds SKU cells that are numbers of more than 15 digits, which Excel stores rounded.

    The grid holds text only, so a cell such as "1234567890123457024" may be text (kept exactly) or a
    number (already rounded). Only when a column has such cells is the sheet read once more, that column
    alone, to tell number cells from text ones.
    """

    path: Path
    sheet: str
    columns: dict[str, int]  # frame column name -> absolute column index in the sheet
    rows: np.ndarray  # sheet row (1-based) of each frame row

    def rounded(
        self, column: str, values: pd.Series, reader: fastexcel.ExcelReader | None = None
    ) -> npt.NDArray[np.bool_] | None:
        strings = pa.array(values, type=pa.string(), from_pandas=True)
        candidates = long_number_candidates(pc.fill_null(strings, ""))
        if not candidates.any() or column not in self.columns:
            return None
        if reader is None:
            reader = open_workbook(open_source(self.path))
        height = int(self.rows.max())
        numbers = number_cells(reader, self.sheet, self.columns[column], height, self.path.name)
        result: npt.NDArray[np.bool_] = candidates & numbers[self.rows - 1]
        return result


def _text_dtype(arrow_type: pa.DataType) -> pd.StringDtype | None:
    return _TEXT if arrow_type in (pa.string(), pa.large_string()) else None


def _non_blank(columns: list[pa.Array], first: int) -> npt.NDArray[np.bool_]:
    """Rows with a visible character in some cell; blank rows (and whitespace-only ones) are not data.

    Column `first` (the SKU column, nearly always filled) settles most rows; the other columns are
    then checked only for the rows still undecided, which keeps this cheap on a million rows.
    """
    if not columns:
        return np.zeros(0, dtype=bool)
    keep = np.zeros(len(columns[0]), dtype=bool)
    for index in [first, *(j for j in range(len(columns)) if j != first)]:
        undecided = np.flatnonzero(~keep)
        if undecided.size == 0:
            break
        column = columns[index] if undecided.size == keep.size else columns[index].take(pa.array(undecided))
        visible = pc.utf8_length(pc.utf8_trim(column, characters=WHITESPACE)).to_numpy(zero_copy_only=False) > 0
        keep[undecided[visible]] = True
    return keep


def _has_text(header: list[str] | None, index: int, column: pa.Array) -> bool:
    """Leave out columns with neither a header nor any data (formatting residue at the sheet's edge)."""
    if header is not None and header[index].strip():
        return True
    return bool(pc.any(pc.greater(pc.utf8_length(column), 0)).as_py())


def _column_names(headers: list[str], letters: list[str]) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for header, letter in zip(headers, letters, strict=True):
        base = header if header.strip() else letter
        candidate, copy = base, 1
        while candidate in seen:
            copy += 1
            candidate = f"{base} ({copy})"
        seen.add(candidate)
        names.append(candidate)
    return names


# Turning Arrow strings into Python ones is one C call holding the GIL: ~100 ms for 500k, long enough to
# freeze the window while a worker builds a job. Slices keep each hold short.
_TO_LIST_SLICE = 50_000


def _as_list(column: pd.Series, order: np.ndarray) -> list[str]:
    values: list[str] = []
    for start in range(0, len(order), _TO_LIST_SLICE):
        values.extend(column.iloc[order[start : start + _TO_LIST_SLICE]].tolist())
    return values
