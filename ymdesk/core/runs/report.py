"""The failure report: an XLSX a person can filter and send on, and the same table as CSV.

Which rows are written is the caller's choice: pass the SKUs that did not succeed for the usual
report, or every SKU for a full one; the writers write exactly the rows they get, in that order.

A SKU is always written as a text cell exactly as it was in the file: xlsxwriter's conversions of
strings to numbers, formulas and links are off, so "=1+2", "+7", "007" and "1e5" stay text. Control
characters are stored in Excel's ``_xHHHH_`` form, which Excel and calamine decode back (openpyxl
keeps the escape literally). Text is translated through `render`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import chain, islice
from os import PathLike
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, Renderer, english
from ymdesk.core.model import OPERATION_TITLES, OUTCOME_TITLES, Operation, Outcome

EXCEL_MAX_ROWS = 1_048_576  # per sheet, header included; longer reports continue on more sheets
EXCEL_MAX_CELL_CHARS = 32_767
# Reports longer than this are streamed (xlsxwriter's constant_memory mode); see write_report_xlsx.
STREAMING_FROM_ROWS = 200_000

_COLUMNS = (
    (QT_TRANSLATE_NOOP("Report", "SKU"), 28),
    (QT_TRANSLATE_NOOP("Report", "Row in file"), 12),
    (QT_TRANSLATE_NOOP("Report", "Outcome"), 16),
    (QT_TRANSLATE_NOOP("Report", "Reason"), 60),
    (QT_TRANSLATE_NOOP("Report", "API code"), 22),
    (QT_TRANSLATE_NOOP("Report", "HTTP status"), 12),
)
_ROWS_SHEET = QT_TRANSLATE_NOOP("Report", "SKUs")
_ROWS_SHEET_MORE = QT_TRANSLATE_NOOP("Report", "SKUs ({number})")
_SUMMARY_SHEET = QT_TRANSLATE_NOOP("Report", "Summary")
_SUMMARY_LABELS = {
    "job": QT_TRANSLATE_NOOP("Report", "Job"),
    "operation": QT_TRANSLATE_NOOP("Report", "Operation"),
    "target": QT_TRANSLATE_NOOP("Report", "Store, business or promo"),
    "file": QT_TRANSLATE_NOOP("Report", "File"),
    "started": QT_TRANSLATE_NOOP("Report", "Started"),
    "finished": QT_TRANSLATE_NOOP("Report", "Finished"),
    "counts": QT_TRANSLATE_NOOP("Report", "SKUs by outcome"),
    "total": QT_TRANSLATE_NOOP("Report", "Total"),
    "version": QT_TRANSLATE_NOOP("Report", "ymdesk version"),
}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Characters XML 1.0 cannot hold that xlsxwriter does not escape itself: lone surrogates.
_SURROGATES = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class ReportRow:
    sku_raw: str  # the cell exactly as in the file
    row: int | None  # sheet row / CSV line the person sees
    outcome: Outcome
    reason: Message | None
    api_code: str | None
    http_status: int | None


@dataclass(frozen=True)
class ReportSummary:
    job_id: int | None
    operation: Operation
    target: str  # store, business or promo, as the caller describes it
    source_file: str | None
    started: datetime | None
    finished: datetime | None
    counts: dict[Outcome, int]
    version: str


def _text(render: Renderer, source: str, **args: Any) -> str:
    return render(Message("Report", source, args))


def _outcome_text(outcome: Outcome, render: Renderer) -> str:
    return render(Message("Outcome", OUTCOME_TITLES[outcome]))


def _cells(row: ReportRow, render: Renderer) -> tuple[str, int | None, str, str, str, int | None]:
    reason = render(row.reason) if row.reason is not None else ""
    return (row.sku_raw, row.row, _outcome_text(row.outcome, render), reason, row.api_code or "", row.http_status)


def _sheet_name(text: str) -> str:
    """Excel refuses some characters in sheet names and more than 31 of them."""
    return _SHEET_NAME_FORBIDDEN.sub("_", text).strip("'")[:31] or "Sheet"


def _xml_safe(value: str) -> str:
    """A lone surrogate (never from a file, only from a broken string) becomes Excel's _xHHHH_ text."""
    if _SURROGATES.search(value) is None:
        return value
    return _SURROGATES.sub(lambda match: f"_x{ord(match.group()):04X}_", value)


def _local_naive(moment: datetime) -> datetime:
    """Excel has no time zones: show the moment in the computer's local time."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


class _RowsWriter:
    """Writes report rows to as many sheets as Excel's row limit needs, streaming (constant memory)."""

    def __init__(self, book: xlsxwriter.Workbook, render: Renderer) -> None:
        self._book = book
        self._render = render
        self._header = book.add_format({"bold": True, "bg_color": "#EEEEEE", "border": 1, "text_wrap": True})
        self._plain = book.add_format()
        self._sheets: list[Worksheet] = []
        self._row = 0

    def start_sheet(self) -> None:
        number = len(self._sheets) + 1
        title = (
            _text(self._render, _ROWS_SHEET) if number == 1 else _text(self._render, _ROWS_SHEET_MORE, number=number)
        )
        sheet = self._book.add_worksheet(_sheet_name(title))
        for column, (label, width) in enumerate(_COLUMNS):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, _text(self._render, label), self._header)
        sheet.freeze_panes(1, 0)
        self._sheets.append(sheet)
        self._row = 0

    def write(self, row: ReportRow) -> None:
        if self._row + 1 >= EXCEL_MAX_ROWS:
            self._finish_sheet()
            self.start_sheet()
        self._row += 1
        sheet, at = self._sheets[-1], self._row
        sku, source_row, outcome, reason, api_code, http_status = _cells(row, self._render)
        _write_text(sheet, at, 0, sku, self._plain)
        if source_row is not None:
            sheet.write_number(at, 1, source_row)
        sheet.write_string(at, 2, outcome)
        if reason:
            _write_text(sheet, at, 3, reason, self._plain)
        if api_code:
            _write_text(sheet, at, 4, api_code, self._plain)
        if http_status is not None:
            sheet.write_number(at, 5, http_status)

    def _finish_sheet(self) -> None:
        self._sheets[-1].autofilter(0, 0, max(self._row, 1), len(_COLUMNS) - 1)

    def close(self) -> None:
        self._finish_sheet()


def _write_text(sheet: Worksheet, row: int, column: int, value: str, plain: Format) -> None:
    """A text cell whatever it looks like.

    xlsxwriter writes a string that starts with "<r>" and ends with "</r>" as raw rich-text XML (its
    marker for rich strings), which would break the file; such a value goes in as a two-part rich
    string instead, which Excel shows as the same plain text.
    """
    value = _xml_safe(value)[:EXCEL_MAX_CELL_CHARS]
    if value.startswith("<r>") and value.endswith("</r>"):
        sheet.write_rich_string(row, column, plain, value[:1], value[1:])
    else:
        sheet.write_string(row, column, value)


def write_report_xlsx(
    path: str | PathLike[str], rows: Iterable[ReportRow], summary: ReportSummary, render: Renderer = english
) -> Path:
    """Write `rows` (all of them, in order) and `summary` to an .xlsx at `path`; returns the path.

    Sheet 1: one row per ReportRow (SKU as in the file, source row, outcome, reason, API code, HTTP
    status), frozen header and autofilter. Sheet 2: the summary. Rows past Excel's 1,048,575 per sheet
    continue on sheets 3, 4, ...
    """
    target = Path(path)
    remaining: Iterator[ReportRow] = iter(rows)
    first = list(islice(remaining, STREAMING_FROM_ROWS + 1))
    options = {
        # Small reports use shared strings, which every reader (openpyxl too) unescapes exactly. Large
        # ones stream rows to disk: 1M rows take ~20 MB instead of ~0.9 GB, at the price that openpyxl
        # (not Excel, not calamine) shows a SKU that looks like an escape ("_x0041_") as "_x005F_x0041_".
        "constant_memory": len(first) > STREAMING_FROM_ROWS,
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(str(target), options)
    try:
        writer = _RowsWriter(book, render)
        writer.start_sheet()
        _write_summary(book, summary, render)
        for row in chain(first, remaining):
            writer.write(row)
        writer.close()
    finally:
        book.close()
    return target


def _write_summary(book: xlsxwriter.Workbook, summary: ReportSummary, render: Renderer) -> None:
    sheet = book.add_worksheet(_sheet_name(_text(render, _SUMMARY_SHEET)))
    bold = book.add_format({"bold": True})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss", "align": "left"})
    plain = book.add_format()
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 1, 60)
    lines: list[tuple[str, object]] = [
        ("job", summary.job_id),
        ("operation", render(Message("Operation", OPERATION_TITLES[summary.operation]))),
        ("target", summary.target),
        ("file", summary.source_file),
        ("started", summary.started),
        ("finished", summary.finished),
    ]
    row = 0
    for key, value in lines:
        sheet.write_string(row, 0, _text(render, _SUMMARY_LABELS[key]), bold)
        _write_value(sheet, row, 1, value, when, plain)
        row += 1
    row += 1
    sheet.write_string(row, 0, _text(render, _SUMMARY_LABELS["counts"]), bold)
    for outcome in Outcome:
        if outcome in summary.counts:
            row += 1
            sheet.write_string(row, 0, _outcome_text(outcome, render))
            sheet.write_number(row, 1, summary.counts[outcome])
    row += 1
    sheet.write_string(row, 0, _text(render, _SUMMARY_LABELS["total"]), bold)
    sheet.write_number(row, 1, sum(summary.counts.values()))
    row += 2
    sheet.write_string(row, 0, _text(render, _SUMMARY_LABELS["version"]), bold)
    sheet.write_string(row, 1, summary.version)


def _write_value(sheet: Worksheet, row: int, column: int, value: object, when: Format, plain: Format) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        sheet.write_datetime(row, column, _local_naive(value), when)
    elif isinstance(value, int):
        sheet.write_number(row, column, value)
    else:
        _write_text(sheet, row, column, str(value), plain)


def write_report_csv(
    path: str | PathLike[str], rows: Iterable[ReportRow], render: Renderer = english, delimiter: str = ";"
) -> Path:
    """The report's first sheet as CSV: UTF-8 with a BOM so Excel shows Cyrillic.

    The delimiter is ";" by default, the list separator Excel uses in Russian locales. Values are
    written exactly (a SKU such as "=1+2" is not altered), so open the XLSX report when a SKU could
    look like a formula to a spreadsheet program.
    """
    target = Path(path)
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([_text(render, label) for label, _ in _COLUMNS])
        for row in rows:
            sku, source_row, outcome, reason, api_code, http_status = _cells(row, render)
            writer.writerow(
                [
                    _xml_safe(sku),
                    "" if source_row is None else source_row,
                    outcome,
                    reason,
                    api_code,
                    "" if http_status is None else http_status,
                ]
            )
    return target
