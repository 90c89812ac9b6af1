"""CSV, TSV and TXT files as a grid of text: encoding, delimiter, service lines, physical line numbers.

Fast path: pyarrow's CSV reader, every column a string, nothing treated as missing. It cannot skip
lines with a different number of fields or report line numbers, so the table starts at the first
line that has the usual number of fields (a service line such as "Отчёт от 01.02.2025" above the
header is left out), and a line's number is computed from the line breaks inside quoted values.
Files it cannot take whole (ragged lines, blank lines, lone CR line breaks) go through Python's csv
module instead, which reports line numbers itself.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import charset_normalizer
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ymdesk.core.sheets import errors as errors
from ymdesk.core.sheets.sources import Grid, Source, check_cancel, column_letter

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

DELIMITERS = (";", ",", "\t", "|")
_SAMPLE_CHARS = 256 * 1024
_SAMPLE_RECORDS = 60
_BLANK_LINE_OR_LONE_CR = re.compile(rb"\n\r?\n|\r(?!\n)")
_SEARCH_SLICE = 1 << 20


def _has_blank_line_or_lone_cr(body: memoryview | bytes) -> bool:
    """The search in 1 MB slices: re holds the GIL for a whole search (~95 ms on a 33 MB CSV, a frozen
    window while a file loads in the background); between slices other threads get to run."""
    size = len(body)
    for start in range(0, size, _SEARCH_SLICE):
        end = min(size, start + _SEARCH_SLICE + 2)  # room for a match that begins in this slice
        found = _BLANK_LINE_OR_LONE_CR.search(body, start, end)
        if found is not None and (found.start() < start + _SEARCH_SLICE or end == size):
            return True
    return False


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Single-byte encodings Russian-speaking users' software writes, in order of likelihood.
_LEGACY_ENCODINGS = ["cp1251", "koi8_r", "cp866", "mac_cyrillic", "cp1252"]


@dataclass(frozen=True)
class _Record:
    fields: list[str]
    line: int  # 1-based physical line where the record starts
    offset: int  # character offset of that line in the decoded text


def read_text_grid(source: Source, cancel: threading.Event | None) -> Grid:
    name = source.display_name
    raw = source.data if source.data is not None else _read_bytes(source.path, name)
    text = decode(raw, name)
    del raw
    check_cancel(cancel, name)
    dialect = pick_dialect(_sample_lines(text), source.inner_suffix)
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
    return grid


def _read_bytes(path: Path | None, name: str) -> bytes:
    assert path is not None
    try:
        return path.read_bytes()
    except OSError as exc:
        raise errors.fail(errors.NOT_FOUND, name=name) from exc


def decode(raw: bytes, name: str) -> str:
    """BOM first, then strict UTF-8 (exact for most files), then the likeliest legacy encoding."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise errors.fail(errors.ENCODING, name=name) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = charset_normalizer.from_bytes(raw[:_SAMPLE_CHARS], cp_isolation=_LEGACY_ENCODINGS).best()
    for encoding in ([guess.encoding] if guess is not None else []) + _LEGACY_ENCODINGS[:1]:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise errors.fail(errors.ENCODING, name=name)


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    quoted: bool  # whether '"' quotes fields; off for a plain one-column .txt list, where it is part of a SKU

    def reader(self, lines: Iterable[str]) -> CsvReader:
        quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL if self.quoted else csv.QUOTE_NONE
        return csv.reader(lines, delimiter=self.delimiter, quoting=quoting, strict=False)


def _sample_lines(text: str) -> list[str]:
    """The first non-blank physical lines, for choosing the delimiter."""
    lines = []
    for line in io.StringIO(text[:_SAMPLE_CHARS], newline=""):
        if line.strip():
            lines.append(line.rstrip("\r\n"))
            if len(lines) >= _SAMPLE_RECORDS:
                break
    return lines


def pick_dialect(lines: list[str], suffix: str) -> Dialect:
    """The delimiter that splits most lines into the same number (>1) of fields (earlier wins a tie)."""
    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    for preference, delimiter in enumerate(_ordered_delimiters(suffix)):
        counts = Counter(len(next(csv.reader([line], delimiter=delimiter), [])) for line in lines)
        width, frequency = max(counts.items(), key=lambda item: (item[1], item[0]), default=(1, 0))
        if width < 2:
            continue
        score = (frequency, width, -preference)
        if best is None or score > best:
            best, chosen = score, delimiter
    if chosen is not None:
        return Dialect(chosen, quoted=True)
    # One column: any delimiter that never occurs keeps each line whole.
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
    if _has_blank_line_or_lone_cr(body):
        return None  # pyarrow would drop blank lines and split on a lone CR: lines we must count
    newlines = data.count(b"\n", 0, end)
    if newlines > 2 * errors.MAX_DATA_ROWS:
        raise errors.fail(errors.TOO_MANY_ROWS, name=name, limit=f"{errors.MAX_DATA_ROWS:,}")
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
        rows = _line_numbers(columns, first_line)
    return Grid(None, columns, rows, [column_letter(j) for j in range(width)])


def _line_numbers(columns: list[pa.Array], first_line: int) -> np.ndarray:
    """Where each record starts: one line per record plus the line breaks inside its quoted values."""
    spans = np.ones(len(columns[0]) if columns else 0, dtype=np.int64)
    for column in columns:
        spans += pc.count_substring(column, "\n").to_numpy(zero_copy_only=False)
    starts = np.empty_like(spans)
    if spans.size:
        starts[0] = first_line
        np.cumsum(spans[:-1], out=starts[1:])
        starts[1:] += first_line
    return starts


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
        raise errors.fail(errors.TOO_MANY_ROWS, name=name, limit=f"{errors.MAX_DATA_ROWS:,}")
