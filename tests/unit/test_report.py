"""The XLSX and CSV report: SKUs as exact text cells, reasons rendered, summary sheet, round trips."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from ymdesk.core.messages import Message
from ymdesk.core.model import Operation, Outcome
from ymdesk.core.runs import report as report
from ymdesk.core.runs.report import ReportRow, ReportSummary, write_report_csv, write_report_xlsx
from ymdesk.core.sheets.catalog import read_catalog

TRICKY_SKUS = [
    "=1+2",
    "+7 (999) 000",
    "-5",
    "@SUM(A1)",
    "007",
    "4600000000000",
    "1e5",
    "http://example.com/x",
    " lead and trail ",
    "tab\there",
    "<r>rich</r>",
    "<b>&amp;</b>",
    "_x0041_",
    "Кружка «Ромашка»",
    "😀",
]
# Not in the list: U+FFFE/U+FFFF (xlsxwriter stores _xFFFF_, calamine leaves it undecoded) and the text
# "_x005F_" (openpyxl decodes xlsxwriter's "_x005F_x005F_" to "_"); calamine gets the latter right.
CONTROL_SKUS = ["bell\x07", "a\nb", "nul\x00", "cr\r"]


def rows_for(skus: list[str]) -> list[ReportRow]:
    text = "The SKU has a control character {code} at position {position}."
    reason = Message("Sku", text, {"code": "U+0007", "position": 5})
    result = []
    for index, sku in enumerate(skus):
        if index % 2:
            result.append(ReportRow(sku, index + 2, Outcome.NOT_DELETED, None, "OFFER_NOT_FOUND", 200))
        else:
            result.append(ReportRow(sku, None, Outcome.INVALID, reason, None, None))
    return result


def summary(**changes: object) -> ReportSummary:
    values: dict[str, object] = {
        "job_id": 42,
        "operation": Operation.DELETE_PROMO_OFFERS,
        "target": "business 1, promo p-1",
        "source_file": "catalog.xlsx",
        "started": datetime(2025, 2, 1, 10, 0, 0),
        "finished": datetime(2025, 2, 1, 10, 5, 30),
        "counts": {Outcome.DELETED: 10, Outcome.NOT_DELETED: 2, Outcome.INVALID: 1},
        "version": "0.1.0",
    }
    values.update(changes)
    return ReportSummary(**values)  # type: ignore[arg-type]


def test_xlsx_report_first_sheet_holds_the_rows_as_given(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "report.xlsx", rows_for(["A", "B", "C"]), summary())
    assert path == tmp_path / "report.xlsx"
    book = CalamineWorkbook.from_path(path)
    assert book.sheet_names == ["SKUs", "Summary"]
    table = book.get_sheet_by_index(0).to_python()
    assert table[0] == ["SKU", "Row in file", "Outcome", "Reason", "API code", "HTTP status"]
    assert table[1] == ["A", "", "invalid", "The SKU has a control character U+0007 at position 5.", "", ""]
    assert table[2] == ["B", 3.0, "not deleted", "", "OFFER_NOT_FOUND", 200.0]
    assert len(table) == 4


def test_frozen_header_autofilter_widths(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "r.xlsx", rows_for(["A", "B"]), summary())
    sheet = openpyxl.load_workbook(path)["SKUs"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F3"
    assert sheet.column_dimensions["A"].width > 20
    assert sheet.column_dimensions["D"].width > 40


def test_skus_are_text_cells_exactly_as_in_the_file(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "r.xlsx", rows_for(TRICKY_SKUS), summary())
    from_calamine = [row[0] for row in CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()[1:]]
    assert from_calamine == TRICKY_SKUS
    sheet = openpyxl.load_workbook(path)["SKUs"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == TRICKY_SKUS
    assert {cell.data_type for cell in cells} == {"s"}
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml  # no formula anywhere
    assert "hyperlink" not in sheet_xml


def test_control_characters_are_escaped_and_come_back(tmp_path: Path) -> None:
    path = write_report_xlsx(tmp_path / "r.xlsx", rows_for(CONTROL_SKUS), summary())
    skus = [row[0] for row in CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()[1:]]
    assert skus == CONTROL_SKUS
    # And ymdesk reads its own report back to the same cells.
    catalog = read_catalog(path, sheet="SKUs", sku_column="SKU")
    assert catalog.frame["SKU"].tolist() == CONTROL_SKUS


def test_summary_sheet(tmp_path: Path) -> None:
    started = datetime(2025, 2, 1, 7, 0, 0, tzinfo=UTC)
    path = write_report_xlsx(tmp_path / "r.xlsx", [], summary(started=started, finished=None))
    table = CalamineWorkbook.from_path(path).get_sheet_by_name("Summary").to_python()
    labels = {row[0]: row[1] for row in table if row[0]}
    assert labels["Job"] == 42
    assert labels["Operation"] == "Remove products from the promo"
    assert labels["Store, business or promo"] == "business 1, promo p-1"
    assert labels["File"] == "catalog.xlsx"
    assert labels["Started"] == started.astimezone().replace(tzinfo=None)
    assert labels["Finished"] == ""
    assert labels["deleted"] == 10
    assert labels["not deleted"] == 2
    assert labels["invalid"] == 1
    assert "failed" not in labels
    assert labels["Total"] == 13
    assert labels["ymdesk version"] == "0.1.0"
    # An empty report still has its header row and a valid autofilter.
    assert CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python() == [
        ["SKU", "Row in file", "Outcome", "Reason", "API code", "HTTP status"]
    ]


def test_every_text_goes_through_render(tmp_path: Path) -> None:
    seen: list[str] = []

    def shouting(message: Message) -> str:
        seen.append(message.context)
        return message.english().upper()

    path = write_report_xlsx(tmp_path / "r.xlsx", rows_for(["sku-a", "sku-b"]), summary(), render=shouting)
    book = CalamineWorkbook.from_path(path)
    assert book.sheet_names == ["SKUS", "SUMMARY"]
    table = book.get_sheet_by_index(0).to_python()
    assert table[0][0] == "SKU"
    assert table[0][1] == "ROW IN FILE"
    assert table[1][:4] == ["sku-a", "", "INVALID", "THE SKU HAS A CONTROL CHARACTER U+0007 AT POSITION 5."]
    assert {"Report", "Outcome", "Sku", "Operation"} <= set(seen)
    summary_labels = [row[0] for row in book.get_sheet_by_index(1).to_python()]
    assert "OPERATION" in summary_labels
    assert "REMOVE PRODUCTS FROM THE PROMO" in [row[1] for row in book.get_sheet_by_index(1).to_python()]


def test_sheet_names_from_translations_are_made_valid(tmp_path: Path) -> None:
    def odd(message: Message) -> str:
        return "Итоги: [всё]/?*" + "x" * 40 if message.text == "Summary" else message.english()

    path = write_report_xlsx(tmp_path / "r.xlsx", [], summary(), render=odd)
    names = CalamineWorkbook.from_path(path).sheet_names
    assert names[1] == "Итоги_ _всё____xxxxxxxxxxxxxxxx"
    assert len(names[1]) == 31


def test_rows_can_be_a_generator_of_every_sku(tmp_path: Path) -> None:
    def everything():
        for index in range(5000):
            outcome = Outcome.DELETED if index % 3 else Outcome.FAILED
            yield ReportRow(f"S{index}", index + 2, outcome, None, None, 500 if outcome is Outcome.FAILED else None)

    path = write_report_xlsx(tmp_path / "full.xlsx", everything(), summary())
    table = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    assert len(table) == 5001
    assert table[1] == ["S0", 2.0, "failed", "", "", 500.0]
    assert table[2][2] == "deleted"


def test_csv_report_utf8_with_bom_same_table(tmp_path: Path) -> None:
    skus = [*TRICKY_SKUS, "a;b", 'quote"d', "multi\nline"]
    path = write_report_csv(tmp_path / "r.csv", rows_for(skus))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["SKU", "Row in file", "Outcome", "Reason", "API code", "HTTP status"]
    assert [row[0] for row in rows[1:]] == skus
    assert rows[2] == [skus[1], "3", "not deleted", "", "OFFER_NOT_FOUND", "200"]
    assert rows[1][1:] == ["", "invalid", "The SKU has a control character U+0007 at position 5.", "", ""]


def test_csv_report_reads_back_through_read_catalog(tmp_path: Path) -> None:
    path = write_report_csv(tmp_path / "r.csv", rows_for(["Кружка-1", "007", "NA"]))
    catalog = read_catalog(path)
    assert catalog.sku_column == "SKU"
    assert catalog.frame["SKU"].tolist() == ["Кружка-1", "007", "NA"]


@pytest.mark.parametrize("writer", ["xlsx", "csv"])
def test_lone_surrogates_do_not_crash(tmp_path: Path, writer: str) -> None:
    rows = rows_for(["bad\ud800x"])
    if writer == "xlsx":
        path = write_report_xlsx(tmp_path / "r.xlsx", rows, summary())
        sku = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()[1][0]
    else:
        path = write_report_csv(tmp_path / "r.csv", rows)
        sku = path.read_text(encoding="utf-8-sig").splitlines()[1].split(";")[0]
    assert sku == "bad_xD800_x"


def test_long_reports_stream_and_continue_on_more_sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Real files, with the limits scaled down so the test writes thousands of rows, not millions.
    monkeypatch.setattr(report, "STREAMING_FROM_ROWS", 100)
    monkeypatch.setattr(report, "EXCEL_MAX_ROWS", 1001)  # header + 1000 rows per sheet
    skus = [f"S{index}" for index in range(2500)] + ["=1+2", "<r>x</r>", "bell\x07"]
    path = write_report_xlsx(tmp_path / "long.xlsx", rows_for(skus), summary())
    book = CalamineWorkbook.from_path(path)
    assert book.sheet_names == ["SKUs", "Summary", "SKUs (2)", "SKUs (3)"]
    parts = [book.get_sheet_by_name(name).to_python() for name in ("SKUs", "SKUs (2)", "SKUs (3)")]
    assert [len(part) for part in parts] == [1001, 1001, 504]
    assert all(part[0][0] == "SKU" for part in parts)
    assert [row[0] for part in parts for row in part[1:]] == skus
    with zipfile.ZipFile(path) as archive:
        assert "xl/sharedStrings.xml" not in archive.namelist()  # streamed: inline strings
    assert openpyxl.load_workbook(path)["SKUs (2)"].auto_filter.ref == "A1:F1001"
