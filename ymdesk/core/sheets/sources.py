"""Turn a file on disk into grids of text cells: what kind of file it really is, unzipping, Excel sheets.

A `Grid` is one sheet as text: every cell a string ("" when empty), plus the row number the person
sees for each grid row. Which row is the header and which column holds SKUs is decided elsewhere
(`sheet_layout`). The file's content decides how it is read, not its name: a PDF or an encrypted
workbook renamed .xlsx gets a sentence that says so.
"""

from __future__ import annotations

import codecs
import io
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

import fastexcel
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ymdesk.core.memory import release_freed_memory
from ymdesk.core.messages import UserError
from ymdesk.core.sheets import errors as errors

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
SPREADSHEET_SUFFIXES = EXCEL_SUFFIXES | TEXT_SUFFIXES

_ZIP_MAGIC = b"PK\x03\x04"
_ZIP_MAGICS = (_ZIP_MAGIC, b"PK\x05\x06", b"PK\x07\x08")  # a member, an empty archive, a spanned one
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
# Real OOXML parts compress about 5-20x; deflate cannot exceed ~1030x. Past this on a large member
# the archive is built to explode, whatever its name.
_MAX_RATIO = 200
_RATIO_CHECK_FROM = 16 * 1024 * 1024
_JUNK_PREFIXES = ("__MACOSX/",)
_JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


@dataclass(frozen=True, eq=False)
class Grid:
    """One sheet as text. `columns[j][i]` is the cell in grid row i, column j."""

    sheet: str | None
    columns: list[pa.Array]
    rows: np.ndarray  # int64: the row number the person sees (sheet row, or CSV line) for each grid row
    letters: list[str]  # the column's letter in the sheet (A, B, ...), for columns without a header
    encoding: str | None = None  # a text file's encoding (`encoding.label`), None for a workbook
    hidden: np.ndarray | None = None  # bool per grid row: hidden in Excel (None: no row is hidden)

    @property
    def height(self) -> int:
        return len(self.rows)

    def head(self, count: int) -> list[list[str]]:
        """The first `count` grid rows as lists of cells."""
        top = [column.slice(0, count).to_pylist() for column in self.columns]
        return [list(row) for row in zip(*top, strict=True)] if top else []


@dataclass(frozen=True)
class Source:
    """The bytes to read (or the path, when reading from disk is cheaper) and what kind they are."""

    display_name: str  # the user's file name, for messages
    kind: str  # "excel" or "text"
    path: Path | None
    data: bytes | None
    inner_suffix: str  # the suffix of the file actually read (the member, for a zip)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def check_cancel(cancel: threading.Event | None, name: str) -> None:
    if cancel is not None and cancel.is_set():
        raise errors.ReadCancelled(errors.fail(errors.CANCELLED, name=name).message)


def open_source(path: Path) -> Source:
    """Look at the file's first bytes and decide how to read it; unpack a zip of one spreadsheet."""
    name = path.name
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        raise errors.fail(errors.NOT_FOUND, name=str(path)) from exc
    if size == 0 or not head.strip():
        raise errors.fail(errors.EMPTY, name=name)
    if size > errors.MAX_FILE_BYTES:
        raise errors.fail(errors.TOO_BIG, name=name, limit=errors.MAX_FILE_BYTES // 2**20)
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGICS):
        return _open_zip(path, name)
    _refuse_non_spreadsheet(head, name)
    if head.startswith(_CFB_MAGIC):
        return _workbook_source(path, name, {".xls"})
    if suffix in EXCEL_SUFFIXES - {".xls"}:
        # Not a zip, yet named like an OOXML/ODS workbook: a text export renamed, or garbage.
        if _looks_like_text(head):
            return Source(name, "text", path, None, ".csv")
        raise errors.fail(errors.NOT_SPREADSHEET, name=name)
    if _looks_like_text(head):
        return Source(name, "text", path, None, suffix)
    raise errors.fail(errors.NOT_SPREADSHEET, name=name)


def _workbook_source(path: Path, name: str, fitting_suffixes: set[str]) -> Source:
    """Read from the path when its name fits the content; else from bytes, which the reader sniffs
    (an .xls saved as "catalog.xlsx" opens like any other .xls)."""
    suffix = path.suffix.lower()
    if suffix in fitting_suffixes:
        return Source(name, "excel", path, None, suffix)
    try:
        return Source(name, "excel", None, path.read_bytes(), suffix)
    except OSError as exc:
        raise errors.fail(errors.NOT_FOUND, name=str(path)) from exc


def _refuse_non_spreadsheet(head: bytes, name: str) -> None:
    if head.startswith(b"%PDF"):
        raise errors.fail(errors.PDF, name=name)
    if head.startswith(_CFB_MAGIC) and _is_encrypted_ooxml(head):
        raise errors.fail(errors.ENCRYPTED, name=name)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        raise errors.fail(errors.HTML, name=name)
    if start.startswith(b"<?xml"):
        raise errors.fail(errors.NOT_SPREADSHEET, name=name)


def _is_encrypted_ooxml(data: bytes) -> bool:
    """An encrypted .xlsx is a compound file with EncryptionInfo/EncryptedPackage streams."""
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with BOM
    if b"\x00" in head:
        return False
    control = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 13, 12))
    if control <= len(head) // 100:
        return True
    # A short file may hold a few control characters in its SKUs (an ESC pasted from a terminal): still
    # text when it is valid UTF-8 and they stay rare. Binary data is neither.
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return control * 10 <= len(head)


def _open_zip(path: Path, name: str) -> Source:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {info.filename for info in members}
            _refuse_bomb(members, name)
            if "[Content_Types].xml" in names:
                return _workbook_source(path, name, {".xlsx", ".xlsm", ".xlsb"})
            if "mimetype" in names or "content.xml" in names:
                return _workbook_source(path, name, {".ods"})
            return _unzip_spreadsheet(archive, members, name)
    except zipfile.BadZipFile as exc:
        raise errors.fail(errors.DAMAGED, name=name) from exc
    except (OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        # zlib/CRC errors surface as several types; an encrypted zip member as RuntimeError.
        raise errors.fail(errors.DAMAGED, name=name) from exc


def _refuse_bomb(members: list[zipfile.ZipInfo], name: str) -> None:
    total = 0
    for info in members:
        total += info.file_size
        large = info.file_size >= _RATIO_CHECK_FROM
        if large and info.file_size > _MAX_RATIO * max(info.compress_size, 1):
            raise errors.fail(errors.ZIP_BOMB, name=name)
    if total > 3 * errors.MAX_FILE_BYTES:
        raise errors.fail(errors.ZIP_BOMB, name=name)


def _unzip_spreadsheet(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> Source:
    sheets = [info for info in members if _is_spreadsheet_member(info)]
    if not sheets:
        raise errors.fail(errors.ZIP_EMPTY, name=name)
    if len(sheets) > 1:
        listed = ", ".join(PurePosixPath(info.filename).name for info in sheets[:5])
        raise errors.fail(errors.ZIP_SEVERAL, name=name, files=listed)
    member = sheets[0]
    if member.file_size > errors.MAX_FILE_BYTES:
        raise errors.fail(errors.TOO_BIG, name=name, limit=errors.MAX_FILE_BYTES // 2**20)
    data = _read_member(archive, member, name)
    if not data.strip():
        raise errors.fail(errors.EMPTY, name=name)
    suffix = PurePosixPath(member.filename).suffix.lower()
    head = data[:8192]
    if data.startswith(_ZIP_MAGIC) or data.startswith(_CFB_MAGIC):
        _refuse_non_spreadsheet(head, name)
        return Source(name, "excel", None, data, suffix)
    _refuse_non_spreadsheet(head, name)
    if not _looks_like_text(head):
        raise errors.fail(errors.NOT_SPREADSHEET, name=name)
    return Source(name, "text", None, data, suffix)


def _is_spreadsheet_member(info: zipfile.ZipInfo) -> bool:
    member = PurePosixPath(info.filename)
    if info.is_dir() or info.filename.startswith(_JUNK_PREFIXES) or member.name.lower() in _JUNK_NAMES:
        return False
    return not member.name.startswith("._") and member.suffix.lower() in SPREADSHEET_SUFFIXES


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> bytes:
    """Unpack into memory (never beside the user's file), stopping at the declared size."""
    chunks = io.BytesIO()
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            chunks.write(chunk)
            if chunks.tell() > member.file_size:  # zipfile stops at file_size; belt and braces
                raise errors.fail(errors.ZIP_BOMB, name=name)
    return chunks.getvalue()


# --- Excel-family workbooks (xlsx, xlsm, xlsb, xls, ods) through fastexcel -----------------------


def open_workbook(source: Source) -> fastexcel.ExcelReader:
    try:
        if source.data is not None:
            return fastexcel.read_excel(source.data)
        assert source.path is not None
        return fastexcel.read_excel(source.path)
    except BaseException as exc:
        raise _workbook_error(exc, source.display_name) from exc


def _reraise_interrupts(exc: BaseException) -> None:
    """calamine's panics on malformed files arrive as pyo3's PanicException, a BaseException:
    those must become a sentence too, but Ctrl+C and interpreter exit must not."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
        raise exc


def _workbook_error(exc: BaseException, name: str) -> Exception:
    _reraise_interrupts(exc)
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        return errors.fail(errors.ENCRYPTED, name=name)
    if "zip" in text or "eof" in text or "xml" in text or "corrupt" in text or "invalid" in text:
        return errors.fail(errors.DAMAGED, name=name)
    return errors.fail(errors.UNREADABLE, name=name)


def load_excel_grid(reader: fastexcel.ExcelReader, sheet: str, name: str) -> tuple[Grid, bool]:
    """Every cell of `sheet` as text, from sheet row 1; and whether the sheet is visible."""
    try:
        loaded = reader.load_sheet(sheet, header_row=None, skip_rows=0, dtypes="string")
        if loaded.height > errors.MAX_DATA_ROWS:
            raise errors.fail(errors.TOO_MANY_ROWS, name=name, limit=errors.MAX_DATA_ROWS)
        batch = loaded.to_arrow()
        infos = loaded.selected_columns
        visible = loaded.visible == "visible"
    except UserError:
        raise
    except BaseException as exc:
        raise _workbook_error(exc, name) from exc
    del loaded  # calamine's cells (one Rust string each) are freed here...
    release_freed_memory()  # ...and tidied now, off the GIL
    columns = [pc.fill_null(batch.column(j), "") for j in range(batch.num_columns)]
    letters = [column_letter(info.absolute_index) for info in infos]
    # skip_rows=0 keeps leading empty rows, so grid row i is sheet row i + 1.
    rows = np.arange(1, batch.num_rows + 1, dtype=np.int64)
    return Grid(sheet, columns, rows, letters), visible


def excel_grids(
    reader: fastexcel.ExcelReader, name: str, cancel: threading.Event | None, only: str | None = None
) -> Iterator[tuple[Grid, bool]]:
    """Each sheet (or just `only`) in turn with its visibility; the caller keeps only the best one."""
    for sheet in reader.sheet_names:
        if only is not None and sheet != only:
            continue
        check_cancel(cancel, name)
        yield load_excel_grid(reader, sheet, name)


# --- What text cells do not tell: rows hidden in Excel, number cells Excel rounded ----------------

_HIDDEN = b"hidden="
_TRUE_VALUES = (b'"1"', b"'1'", b'"true"', b"'true'")
_ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
_TAG_TAIL = 4096  # bytes kept from the previous chunk, so a <row ...> tag cut by a chunk's end is still seen
_SCAN_CHUNK = 4 << 20
_HEAD_CHUNK = 64 << 10
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_AUTO_FILTER = b"<autoFilter"


@dataclass(frozen=True, eq=False)
class HiddenRows:
    """The rows hidden in a sheet (1-based), and whether the sheet has an autofilter (which hides rows too)."""

    rows: np.ndarray
    filtered: bool = False


_NO_ROWS = HiddenRows(np.zeros(0, dtype=np.int64))


def hidden_rows(
    source: Source, sheet: str, until_row: int | None = None, stop: threading.Event | None = None
) -> HiddenRows | None:
    """The rows hidden in `sheet` of an .xlsx/.xlsm (none for other formats, which ymdesk does not look
    into). With `until_row`, only rows up to it (the sheet is read only so far, so `filtered` is not known).
    None when `stop` was set before the end.

    calamine does not report row visibility, so this reads the sheet's XML itself: one inflate pass (zlib
    lets other threads run meanwhile) and a byte search for `hidden=`; only the few matches are parsed.
    """
    try:
        with _open_ooxml(source) as archive:
            part = _sheet_part(archive, sheet)
            if part is None:
                return _NO_ROWS
            return _scan_hidden(archive, part, until_row, stop)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ET.ParseError, EOFError, RuntimeError):
        return _NO_ROWS  # the grid was read; not knowing hidden rows is no reason to fail


class HiddenRowScan:
    """Finds the hidden rows of a workbook's sheets on a background thread while calamine reads the cells.

    Inflating a large sheet's XML costs about a fifth of reading it; done alongside, it adds little to the
    wall time. `rows(sheet)` waits for that sheet's scan, or scans it at once when the background thread is
    busy with another sheet (which it then abandons).
    """

    def __init__(self, source: Source, sheets: list[str]) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._results: dict[str, HiddenRows] = {}
        self._done = {sheet: threading.Event() for sheet in sheets}
        self._order = _largest_first(source, sheets)
        self._thread = threading.Thread(target=self._scan_all, name="ymdesk-hidden-rows", daemon=True)
        self._thread.start()

    def _scan_all(self) -> None:
        for sheet in self._order:
            if self._stop.is_set():
                return
            rows = hidden_rows(self._source, sheet, stop=self._stop)
            if rows is None:
                return
            with self._lock:
                self._results[sheet] = rows
            self._done[sheet].set()

    def rows(self, sheet: str) -> HiddenRows:
        with self._lock:
            found = self._results.get(sheet)
            if found is not None:
                return found
            ahead = self._order.index(sheet) if sheet in self._order else -1
            done_before = all(other in self._results for other in self._order[:ahead]) if ahead >= 0 else False
        if done_before:  # the thread is on this sheet now (or about to be): wait for it
            self._done[sheet].wait()
            return self._results[sheet]
        self._stop.set()
        rows = hidden_rows(self._source, sheet)
        return _NO_ROWS if rows is None else rows

    def close(self) -> None:
        self._stop.set()


def _largest_first(source: Source, sheets: list[str]) -> list[str]:
    """Sheets by the size of their XML, largest first (the data sheet, nearly always); [] for a non-OOXML file."""
    try:
        with _open_ooxml(source) as archive:
            sizes = {}
            for sheet in sheets:
                part = _sheet_part(archive, sheet)
                if part is not None:
                    sizes[sheet] = archive.getinfo(part).file_size
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, ET.ParseError, EOFError, RuntimeError):
        return []
    return sorted(sizes, key=lambda sheet: -sizes[sheet])


def _open_ooxml(source: Source) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(io.BytesIO(source.data) if source.data is not None else str(source.path))
    if "xl/workbook.xml" not in archive.NameToInfo:
        archive.close()
        raise ValueError("not an OOXML workbook")
    return archive


def _sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    relation = None
    for element in workbook.iter():
        if element.tag.endswith("}sheet") and element.get("name") == sheet:
            relation = element.get(_RELATIONSHIPS)
            break
    if relation is None:
        return None
    relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for element in relations:
        if element.get("Id") == relation:
            target = element.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            return str(PurePosixPath(path))
    return None


def _scan_hidden(
    archive: zipfile.ZipFile, part: str, until_row: int | None, stop: threading.Event | None
) -> HiddenRows | None:
    found: set[int] = set()
    filtered = False
    tail = b""
    size = _SCAN_CHUNK if until_row is None else _HEAD_CHUNK  # the top rows sit in the first few KB
    with archive.open(part) as stream:
        while chunk := stream.read(size):
            if stop is not None and stop.is_set():
                return None
            data = tail + chunk
            position = data.find(_HIDDEN, max(0, len(tail) - 16))
            while position >= 0:
                value = position + len(_HIDDEN)
                if data.startswith(_TRUE_VALUES, value):
                    row = _row_of_tag(data, position)
                    if row is not None:
                        found.add(row)
                position = data.find(_HIDDEN, value)
            filtered = filtered or data.find(_AUTO_FILTER, max(0, len(tail) - 16)) >= 0
            tail = data[-_TAG_TAIL:]
            if until_row is not None and _last_row_started(data) > until_row:
                break
    rows = np.array(sorted(found), dtype=np.int64)
    return HiddenRows(rows, filtered) if until_row is None else HiddenRows(rows[rows <= until_row])


def _row_of_tag(data: bytes, position: int) -> int | None:
    """The r="N" of the <row ...> tag around `position`, or None when the attribute belongs to another tag."""
    start = data.rfind(b"<", 0, position)
    if start < 0 or data.find(b">", start, position) >= 0:
        return None
    close = data.find(b">", position)
    tag = data[start : close if close >= 0 else len(data)]
    name = tag[1:].split(None, 1)[0] if len(tag) > 1 else b""
    if name.split(b":")[-1] != b"row":
        return None
    number = _ROW_NUMBER.search(tag)
    return int(number.group(1)) if number else None


def _last_row_started(data: bytes) -> int:
    position = data.rfind(b"<row ")
    if position < 0:
        return 0
    number = _ROW_NUMBER.search(data, position, position + 200)
    return int(number.group(1)) if number else 0


# A cell text that, in a number cell, shows Excel kept more digits than it can: 16+ digits before any point.
_LONG_NUMBER = r"^\s*-?\d{16,}(\.\d*)?\s*$|^\s*-?\d(\.\d+)?[eE]\+?(1[5-9]|[2-9]\d|\d{3})\s*$"


def long_number_candidates(column: pa.Array) -> np.ndarray:
    """Rows whose text looks like a number of more than 15 digits (cheap: most columns have none)."""
    if len(column) == 0 or (pc.max(pc.binary_length(column)).as_py() or 0) < 5:
        return np.zeros(len(column), dtype=bool)
    result: np.ndarray = pc.match_substring_regex(column, _LONG_NUMBER).to_numpy(zero_copy_only=False)
    return result


def number_cells(reader: fastexcel.ExcelReader, sheet: str, column: int, height: int, name: str) -> np.ndarray:
    """Per sheet row (from row 1, `height` rows): whether the cell in `column` (absolute index) is a number.

    Loaded as booleans: calamine turns number cells into true/false and leaves text cells empty."""
    try:
        loaded = reader.load_sheet(
            sheet, header_row=None, skip_rows=0, use_columns=[column], dtypes={column: "boolean"}
        )
        values = loaded.to_arrow().column(0)
    except BaseException as exc:
        raise _workbook_error(exc, name) from exc
    mask = np.zeros(height, dtype=bool)
    valid = values.is_valid().to_numpy(zero_copy_only=False)[:height]
    mask[: len(valid)] = valid
    return mask
