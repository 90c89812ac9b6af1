"""CSV, TSV and TXT files as a grid of text: encoding, delimiter, service lines, physical line numbers.

Fast path: pyarrow's CSV reader, every column a string, nothing treated as missing. It cannot skip
lines with a different number of fields or report line numbers, so the table starts at the first
line that has the usual number of fields (a service line such as "Отчёт от 01.02.2025" above the
header is left out), and a line's number is computed from the line breaks inside quoted values.
Blank lines inside quoted values (HTML descriptions) are fine; files it cannot take whole (ragged lines,
blank lines between records, lone CR line breaks) go through Python's csv module instead, which reports
line numbers itself.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ymdesk.core.sheets import errors as errors
from ymdesk.core.sheets.encoding import decode
from ymdesk.core.sheets.sources import Grid, Source, check_cancel, column_letter

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

DELIMITERS = (";", ",", "\t", "|")
_SAMPLE_CHARS = 256 * 1024
_SAMPLE_RECORDS = 60
_LONE_CR = re.compile(rb"\r(?!\n)")
_SEARCH_SLICE = 1 << 20


def _has_lone_cr(body: memoryview | bytes) -> bool:
    """The search in 1 MB slices: re holds the GIL for a whole search (~95 ms on a 33 MB CSV, a frozen
    window while a file loads in the background); between slices other threads get to run."""
    size = len(body)
    for start in range(0, size, _SEARCH_SLICE):
        end = min(size, start + _SEARCH_SLICE + 2)  # room for a match that begins in this slice
        found = _LONE_CR.search(body, start, end)
        if found is not None and (found.start() < start + _SEARCH_SLICE or end == size):
            return True
    return False


@dataclass(frozen=True)
class _Record:
    fields: list[str]
    line: int  # 1-based physical line where the record starts
    offset: int  # character offset of that line in the decoded text


def read_text_grid(source: Source, cancel: threading.Event | None, encoding: str | None = None) -> Grid:
    """The file as a grid; `encoding` forces a text encoding (else it is detected: `encoding.decode`)."""
    name = source.display_name
    raw = source.data if source.data is not None else _read_bytes(source.path, name)
    text, chosen = decode(raw, name, encoding)
    del raw
    check_cancel(cancel, name)
    dialect = pick_dialect(text[:_SAMPLE_CHARS], source.inner_suffix, truncated=len(text) > _SAMPLE_CHARS)
    records = _head_records(text, dialect)
    if not records:
        raise errors.fail(errors.EMPTY, name=name)
    start = _table_start(records)
    width = len(start.fields)
    # UTF-8 bytes from the table's first line: what pyarrow reads; the text itself is let go early
    # (for a Cyrillic file it takes twice the file's size in memory).
    data = text[start.offset :].encode("utf-8")
    del text
    grid = _fast_grid(data, dialect, width, start.line, name)
    if grid is None:
        check_cancel(cancel, name)
        grid = _slow_grid(data.decode("utf-8"), dialect, start.line, name, cancel)
    return replace(grid, encoding=chosen)


def _read_bytes(path: Path | None, name: str) -> bytes:
    assert path is not None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise errors.fail(errors.NOT_FOUND, name=str(path)) from exc


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    quoted: bool  # whether '"' quotes fields; off for a plain one-column .txt list, where it is part of a SKU

    def reader(self, lines: Iterable[str]) -> CsvReader:
        quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL if self.quoted else csv.QUOTE_NONE
        return csv.reader(lines, delimiter=self.delimiter, quoting=quoting, strict=False)


def _sample_lines(sample: str) -> list[str]:
    """The first non-blank physical lines."""
    lines = []
    for line in io.StringIO(sample, newline=""):
        if line.strip():
            lines.append(line.rstrip("\r\n"))
            if len(lines) >= _SAMPLE_RECORDS:
                break
    return lines


def _record_widths(sample: str, delimiter: str, truncated: bool) -> list[int]:
    """Fields per record (not per physical line: a quoted value may hold line breaks) of the first records."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
    widths: list[int] = []
    try:
        for fields in reader:
            if fields and (len(fields) > 1 or fields[0].strip()):
                widths.append(len(fields))
                if len(widths) > _SAMPLE_RECORDS:
                    break
    except csv.Error:
        truncated = True  # the sample ends inside a quoted value
    if truncated and len(widths) <= _SAMPLE_RECORDS:
        widths = widths[:-1]  # the last record may be cut short by the sample's end
    return widths[:_SAMPLE_RECORDS]


def pick_dialect(sample: str, suffix: str, truncated: bool = False) -> Dialect:
    """The delimiter that splits most records into the same number (>1) of fields (earlier wins a tie).

    Records are parsed with quoting, so an HTML description spanning many physical lines in one quoted
    cell is one record with the usual number of fields.
    """
    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    for preference, delimiter in enumerate(_ordered_delimiters(suffix)):
        if delimiter not in sample:
            continue
        counts = Counter(_record_widths(sample, delimiter, truncated))
        width, frequency = max(counts.items(), key=lambda item: (item[1], item[0]), default=(1, 0))
        if width < 2:
            continue
        score = (frequency, width, -preference)
        if best is None or score > best:
            best, chosen = score, delimiter
    if chosen is not None:
        return Dialect(chosen, quoted=True)
    # One column: any delimiter that never occurs keeps each line whole.
    lines = _sample_lines(sample)
    unused = next((d for d in ("\t", "|", ";", ",") if not any(d in line for line in lines)), "\t")
    return Dialect(unused, quoted=suffix != ".txt")


def _ordered_delimiters(suffix: str) -> tuple[str, ...]:
    if suffix == ".tsv":
        return ("\t", ";", ",", "|")
    return DELIMITERS


def _head_records(text: str, dialect: Dialect) -> list[_Record]:
    """The first records of `text` with the line and character offset where each starts."""
    lines = io.StringIO(text[:_SAMPLE_CHARS], newline="")
    offsets: list[int] = []
    position = 0

    def counted() -> Iterator[str]:
        nonlocal position
        for line in lines:
            offsets.append(position)
            position += len(line)
            yield line

    records: list[_Record] = []
    reader = dialect.reader(counted())
    previous = 0
    try:
        for fields in reader:
            start, previous = previous, reader.line_num
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            records.append(_Record(fields, start + 1, offsets[start]))
            if len(records) >= _SAMPLE_RECORDS:
                break
    except csv.Error:
        pass  # a sample cut inside a quoted field: the records so far are enough
    return records


def _table_start(records: list[_Record]) -> _Record:
    """The first record with the most common field count: service lines above a table are shorter."""
    widths = Counter(len(record.fields) for record in records)
    usual = max(widths.items(), key=lambda item: (item[1], item[0]))[0]
    return next(record for record in records if len(record.fields) == usual)


def _fast_grid(data: bytes, dialect: Dialect, width: int, first_line: int, name: str) -> Grid | None:
    end = len(data)
    while end and data[end - 1] in b"\r\n":  # trailing line breaks, without copying the buffer
        end -= 1
    body = memoryview(data)[:end]
    if _has_lone_cr(body):
        return None  # pyarrow would split on a lone CR, which Python's csv counts otherwise
    newlines = data.count(b"\n", 0, end)
    if newlines > 2 * errors.MAX_DATA_ROWS:
        raise errors.fail(errors.TOO_MANY_ROWS, name=name, limit=errors.MAX_DATA_ROWS)
    names = [f"f{index}" for index in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(body)),
            read_options=pacsv.ReadOptions(column_names=names, use_threads=True),
            parse_options=pacsv.ParseOptions(
                delimiter=dialect.delimiter, quote_char='"' if dialect.quoted else False, newlines_in_values=True
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                null_values=[],
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException):
        return None
    _refuse_too_many(table.num_rows - 1, name)
    columns = [table.column(j).combine_chunks() for j in range(table.num_columns)]
    if table.num_rows == newlines + 1:  # one line per record: no line breaks inside values
        rows = np.arange(first_line, first_line + table.num_rows, dtype=np.int64)
    else:
        rows, lines = _line_numbers(columns, first_line)
        if lines != newlines + 1:
            return None  # pyarrow skipped blank lines between records: lines we must count
    return Grid(None, columns, rows, [column_letter(j) for j in range(width)])


def _line_numbers(columns: list[pa.Array], first_line: int) -> tuple[np.ndarray, int]:
    """Where each record starts (one line per record plus the line breaks inside its quoted values), and the
    physical lines all records take together."""
    spans = np.ones(len(columns[0]) if columns else 0, dtype=np.int64)
    for column in columns:
        spans += pc.count_substring(column, "\n").to_numpy(zero_copy_only=False)
    starts = np.empty_like(spans)
    if spans.size:
        starts[0] = first_line
        np.cumsum(spans[:-1], out=starts[1:])
        starts[1:] += first_line
    return starts, int(spans.sum())


def _slow_grid(body: str, dialect: Dialect, first_line: int, name: str, cancel: threading.Event | None) -> Grid:
    reader = dialect.reader(io.StringIO(body, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []
    previous = 0
    try:
        for fields in reader:
            start, previous = previous, reader.line_num
            if not fields:
                continue  # a blank line
            rows.append(fields)
            lines.append(first_line + start)
            if len(rows) % 100_000 == 0:
                check_cancel(cancel, name)
                _refuse_too_many(len(rows) - 1, name)
    except csv.Error as exc:
        raise errors.fail(errors.DAMAGED, name=name) from exc
    _refuse_too_many(len(rows) - 1, name)
    width = max((len(fields) for fields in rows), default=0)
    columns = [
        pa.array([fields[j] if j < len(fields) else "" for fields in rows], type=pa.string()) for j in range(width)
    ]
    return Grid(None, columns, np.asarray(lines, dtype=np.int64), [column_letter(j) for j in range(width)])


def _refuse_too_many(data_rows: int, name: str) -> None:
    if data_rows > errors.MAX_DATA_ROWS:
        raise errors.fail(errors.TOO_MANY_ROWS, name=name, limit=errors.MAX_DATA_ROWS)
