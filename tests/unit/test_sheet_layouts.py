"""The files sellers really have (issue 11): Market's current template, the catalog export as CSV and as Excel
re-saves it, short cp1251 files, rounded numbers, hidden rows, stocks/price/summary reports."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import xlsxwriter

from tests.helpers.sheet_fixtures import (
    EXPORT_HEADER,
    TEMPLATE_HEADER,
    TEMPLATE_HINTS,
    TEMPLATE_IDS,
    TEMPLATE_MARKER,
    catalog_export_csv,
    export_description,
    export_rows,
    write_catalog_template,
    write_marketplace_summary,
    write_ods,
    write_price_template,
    write_stocks_report,
    write_text,
    write_xlsx,
    write_zip,
)
from ymdesk.core.messages import UserError
from ymdesk.core.sheets.catalog import read_catalog
from ymdesk.core.sheets.encoding import decode, likeliest_legacy
from ymdesk.core.sheets.skus import Problem
from ymdesk.i18n import render

TEMPLATE_DATA = [
    {"Ваш SKU *": "ЧАЙ-001", "Название товара *": "Чайник электрический Утро", "Цена *": 1990},
    {"Ваш SKU *": "ЧАЙ-002", "Название товара *": "Чайник стеклянный", "Цена *": 2490.5},
    {"Ваш SKU *": "00123", "Название товара *": "Термопот", "Цена *": 3990},
]


@pytest.mark.parametrize("roles", [True, False], ids=["role-words", "no-role-words"])
@pytest.mark.parametrize("hide", [True, False], ids=["service-rows-hidden", "service-rows-shown"])
def test_current_template_service_rows_are_not_data(tmp_path: Path, roles: bool, hide: bool) -> None:
    path = write_catalog_template(tmp_path / "template.xlsx", TEMPLATE_DATA, roles=roles, hide_service_rows=hide)
    catalog = read_catalog(path)
    assert catalog.sheet == "Данные о товарах"
    assert catalog.sheets == ["Инструкция", "Данные о товарах"]
    assert (catalog.header_row, catalog.first_data_row) == (4, 8)
    assert catalog.sku_column == "Ваш SKU *"
    assert catalog.rows.tolist() == [8, 9, 10]
    assert catalog.valid_skus() == ["ЧАЙ-001", "ЧАЙ-002", "00123"]
    assert catalog.invalid_rows() == []
    assert catalog.hidden_rows() == []
    assert "PARAM_NAMES" not in catalog.columns and len(catalog.columns) == 62
    assert catalog.frame["Цена *"].tolist() == ["1990", "2490.5", "3990"]


def test_template_hidden_data_rows_are_read_and_marked(tmp_path: Path) -> None:
    path = write_catalog_template(tmp_path / "t.xlsx", TEMPLATE_DATA, hidden_data_rows=[9])
    catalog = read_catalog(path)
    assert catalog.rows.tolist() == [8, 9, 10]
    assert catalog.valid_skus() == ["ЧАЙ-001", "ЧАЙ-002", "00123"]
    assert catalog.hidden_rows() == [9]
    assert catalog.hidden.tolist() == [False, True, False]


def test_hidden_row_between_header_and_data_is_a_service_row(tmp_path: Path) -> None:
    rows = [["Ваш SKU", "Название товара"], ["служебная", "строка"], ["A-1", "Кружка"], ["B-2", "Чашка"], ["C-3", "X"]]
    path = write_xlsx(tmp_path / "h.xlsx", {"Лист1": rows}, hidden_rows={"Лист1": [2, 4]})
    catalog = read_catalog(path)
    assert (catalog.header_row, catalog.first_data_row) == (1, 3)
    assert catalog.valid_skus() == ["A-1", "B-2", "C-3"]
    assert catalog.hidden_rows() == [4]


def test_numbers_with_more_than_15_digits_are_invalid_text_ones_are_kept(tmp_path: Path) -> None:
    rows = [
        ["Ваш SKU", "Штрихкод", "Название товара"],
        [1234567890123456789, 4607001234567, "Excel округлил"],
        ["1234567890123456789", "1234567890123456789", "введено как текст"],
        [123456789012345, 1234567890123456789, "15 цифр: точно"],
        [1e20, None, "очень длинное число"],
    ]
    catalog = read_catalog(write_xlsx(tmp_path / "n.xlsx", {"Лист1": rows}))
    assert catalog.frame["Ваш SKU"].tolist()[:3] == ["1234567890123457024", "1234567890123456789", "123456789012345"]
    assert catalog.valid_skus() == ["1234567890123456789", "123456789012345"]
    invalid = catalog.invalid_rows()
    assert [(row, sku) for row, sku, _ in invalid] == [(2, "1234567890123457024"), (5, "100000000000000000000")]
    assert "more than 15 digits" in render(invalid[0][2]) and "1234567890123457024" in render(invalid[0][2])
    # Another column chosen as the SKU column is checked the same way (the sheet is read again for it).
    barcodes = catalog.with_sku_column("Штрихкод")
    assert [row for row, _, reason in barcodes.invalid_rows() if "15 digits" in render(reason)] == [4]
    assert barcodes.valid_skus() == ["4607001234567", "1234567890123456789"]


def test_long_numbers_in_a_csv_are_text_and_stay_valid(tmp_path: Path) -> None:
    catalog = read_catalog(write_text(tmp_path / "n.csv", "Ваш SKU;Цена\n1234567890123456789;1\n"))
    assert catalog.valid_skus() == ["1234567890123456789"]


@pytest.mark.parametrize("word", ["ИТОГО", "Итого", "Всего", "итого:"])
def test_totals_row_of_a_summary_is_flagged_not_sent(tmp_path: Path, word: str) -> None:
    data = [["A-1", "Кружка", 3, 2, 5, 10], ["B-2", "Чашка", 1, 0, 4, 5]]
    catalog = read_catalog(write_marketplace_summary(tmp_path / "s.xlsx", data, totals=word))
    assert catalog.sku_column == "Артикул"
    assert catalog.rows.tolist() == [2, 3, 4]
    assert catalog.valid_skus() == ["A-1", "B-2"]
    [(row, sku, reason)] = catalog.invalid_rows()
    assert (row, sku) == (4, word)
    assert "totals row" in render(reason)
    assert [item.sku for item in catalog.job_items() if item.invalid is None] == ["A-1", "B-2"]
    assert catalog.check.problem[-1] == Problem.TOTALS


def test_totals_word_only_counts_in_the_last_row(tmp_path: Path) -> None:
    rows = [["Артикул", "Название"], ["Итого", "товар с таким артикулом"], ["B-2", "Чашка"]]
    catalog = read_catalog(write_xlsx(tmp_path / "t.xlsx", {"Лист1": rows}))
    assert catalog.valid_skus() == ["Итого", "B-2"]


def test_stocks_report_header_in_row_4_blank_row_5(tmp_path: Path) -> None:
    data = [[100234, "КР-001", "Кружка", "Софьино", 10, 8], [100235, "ФТ-002", "Футболка", "Софьино", 0, 0]]
    catalog = read_catalog(write_stocks_report(tmp_path / "stocks.xlsx", data))
    assert (catalog.header_row, catalog.first_data_row) == (4, 6)
    assert catalog.sku_column == "Ваш SKU"
    assert catalog.rows.tolist() == [6, 7]
    assert catalog.valid_skus() == ["КР-001", "ФТ-002"]


def test_price_template(tmp_path: Path) -> None:
    data = [["A-1", "Кружка", 350, 400, 300, "да"], [1001, "Чашка", 500, None, None, "нет"]]
    catalog = read_catalog(write_price_template(tmp_path / "prices.xlsx", data))
    assert (catalog.header_row, catalog.first_data_row, catalog.sku_column) == (2, 3, "Ваш SKU")
    assert catalog.valid_skus() == ["A-1", "1001"]


def test_numeric_first_data_rows_are_data(tmp_path: Path) -> None:
    """Id rows are told apart by negative ids; a first data row of plain numbers is data."""
    rows = [["Ваш SKU", "Цена", "Остаток", "Склад"], [1001, 500, 3, 7], [1002, 600, 4, 8]]
    catalog = read_catalog(write_xlsx(tmp_path / "n.xlsx", {"Лист1": rows}))
    assert catalog.first_data_row == 2
    assert catalog.valid_skus() == ["1001", "1002"]


def test_catalog_export_csv_utf8_comma_with_multiline_html(tmp_path: Path) -> None:
    path = write_text(tmp_path / "export.csv", catalog_export_csv(export_rows(40, critical_errors=True)), "utf-8")
    catalog = read_catalog(path)
    assert catalog.encoding == "utf-8"
    assert len(catalog.columns) == len(EXPORT_HEADER) == 44
    assert (catalog.header_row, catalog.first_data_row, catalog.sku_column) == (2, 4, "Ваш SKU *")
    # Each description spans 6 physical lines: a record's row is the line where it starts.
    assert catalog.rows.tolist() == [4 + 6 * index for index in range(40)]
    assert catalog.valid_skus() == [f"ЧАЙ-{index:03d}" for index in range(1, 41)]
    assert catalog.frame["Описание товара *"].iloc[0] == export_description(1)
    chosen = read_catalog(path, sku_column="Ваш SKU *")
    assert chosen.valid_skus() == catalog.valid_skus()


def test_catalog_export_resaved_by_excel_cp1251_semicolon_crlf(tmp_path: Path) -> None:
    text = catalog_export_csv(export_rows(40, critical_errors=True), delimiter=";", newline="\r\n")
    catalog = read_catalog(write_text(tmp_path / "export.csv", text, "cp1251"))
    assert catalog.encoding == "cp1251"
    assert (catalog.header_row, catalog.first_data_row, catalog.sku_column) == (2, 4, "Ваш SKU *")
    assert catalog.rows.tolist() == [4 + 6 * index for index in range(40)]
    assert catalog.valid_skus() == [f"ЧАЙ-{index:03d}" for index in range(1, 41)]
    assert catalog.frame["Описание товара *"].iloc[1] == export_description(2)


def test_sample_cut_inside_a_quoted_value_still_finds_the_delimiter(tmp_path: Path) -> None:
    """Long HTML descriptions: the sample used to choose the delimiter ends inside a quoted value."""
    rows = export_rows(30, critical_errors=True)
    for row in rows:
        row["Описание товара *"] = export_description(1) * 400  # ~100 KB each, over many lines
    catalog = read_catalog(write_text(tmp_path / "big.csv", catalog_export_csv(rows), "utf-8"))
    assert catalog.valid_skus() == [f"ЧАЙ-{index:03d}" for index in range(1, 31)]


def test_short_cp1251_file_is_not_read_as_mac_cyrillic(tmp_path: Path) -> None:
    text = "Ваш SKU;Название товара;Цена\n" + "".join(f"SKU-{i};Чайник электрический {i};10\n" for i in range(1, 49))
    catalog = read_catalog(write_text(tmp_path / "short.csv", text, "cp1251"))
    assert catalog.encoding == "cp1251"
    assert catalog.columns == ["Ваш SKU", "Название товара", "Цена"]
    assert catalog.frame["Название товара"].iloc[0] == "Чайник электрический 1"
    assert len(catalog.valid_skus()) == 48


def test_cyrillic_skus_in_cp1251_are_not_mangled(tmp_path: Path) -> None:
    lines = [f"SKU-{i:05d};Товар номер {i} «тест»" for i in range(1, 2001)] + ["Артикул-кириллица;Товар"]
    path = write_text(tmp_path / "long.csv", "Ваш SKU;Название товара\n" + "\n".join(lines) + "\n", "cp1251")
    catalog = read_catalog(path)
    assert catalog.encoding == "cp1251"
    assert catalog.valid_skus()[-1] == "Артикул-кириллица"
    assert catalog.frame["Название товара"].iloc[0] == "Товар номер 1 «тест»"


@pytest.mark.parametrize("encoding", ["cp1251", "cp866", "koi8-r"])
@pytest.mark.parametrize(
    "text",
    [
        "Ваш SKU;Название\nЁЖ-1;Ёлка\nЯ-2;Щётка\n",
        "SKU;Имя\nА-1;Кружка\n",
        "Ваш SKU;Название товара;Цена\nSKU-1;Чайник электрический 1;10\n",
        "Ваш SKU;Название товара;Цена\n" + "".join(f"Ёж~{i};Ёлка;0,00\n" for i in range(14)),
    ],
    ids=["yo", "tiny", "kettle", "yo-rows"],
)
def test_legacy_cyrillic_code_pages_are_told_apart(encoding: str, text: str) -> None:
    raw = text.encode(encoding)
    assert likeliest_legacy(raw)[0] == encoding
    assert decode(raw, "x.csv") == (text, encoding)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Ваш SKU\n".encode("utf-8-sig"), "utf-8-sig"),
        ("Ваш SKU\n".encode("utf-16"), "utf-16"),
        ("Ваш SKU\n".encode(), "utf-8"),
    ],
)
def test_bom_and_utf8_come_first(data: bytes, expected: str) -> None:
    assert decode(data, "x.csv") == ("Ваш SKU\n", expected)


def test_encoding_can_be_forced_and_is_reported(tmp_path: Path) -> None:
    path = write_text(tmp_path / "c.csv", "Ваш SKU;Название\nА-1;Кружка\n", "cp1251")
    assert read_catalog(path).encoding == "cp1251"
    forced = read_catalog(path, encoding="mac_cyrillic", sku_column="¬аш SKU")
    assert forced.encoding == "mac-cyrillic"
    assert forced.columns == ["¬аш SKU", "Ќазвание"]
    with pytest.raises(UserError) as unknown:
        read_catalog(path, encoding="klingon")
    assert "klingon" in render(unknown.value.message)
    utf8 = write_text(tmp_path / "u.csv", "Ваш SKU;Название\nА-1;Кружка\n", "utf-8-sig")
    assert read_catalog(utf8, encoding="utf-8").columns == ["Ваш SKU", "Название"]  # the BOM is not text
    with pytest.raises(UserError) as wrong:
        read_catalog(path, encoding="utf-8")
    assert "cannot be read as utf-8" in render(wrong.value.message)


def test_workbooks_have_no_encoding(tmp_path: Path) -> None:
    catalog = read_catalog(write_xlsx(tmp_path / "w.xlsx", {"Лист1": [["Ваш SKU"], ["A-1"]]}))
    assert catalog.encoding is None
    assert catalog.hidden_rows() == []


def test_hidden_rows_found_across_the_whole_sheet_and_hidden_columns_ignored(tmp_path: Path) -> None:
    """A sheet whose XML is several of the scanner's 4 MB chunks: every hidden row is found, wherever it falls."""
    rows = [["Ваш SKU", "Название товара"]] + [[f"SKU-{i:06d}", f"Товар номер {i}, описание"] for i in range(90_000)]
    hidden = list(range(3, 90_002, 997))
    path = tmp_path / "big.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Товары")
    sheet.set_column(1, 1, None, None, {"hidden": True})  # a hidden column is no hidden row
    wanted = set(hidden)
    for r, row in enumerate(rows):
        sheet.set_row(r, None, None, {"hidden": True} if r + 1 in wanted else {})
        sheet.write_row(r, 0, row)
    book.close()
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size > 8 << 20
    catalog = read_catalog(path)
    assert catalog.hidden_rows() == hidden
    assert len(catalog.frame) == 90_000


def test_csv_skus_excel_wrote_in_scientific_notation_are_invalid(tmp_path: Path) -> None:
    text = "Ваш SKU;Название;Штрихкод\n1,23457E+18;Чайник;4,60701E+12\nA-1;Кружка;1E+5\n2E+3;Тарелка;x\n"
    catalog = read_catalog(write_text(tmp_path / "sci.csv", text, "cp1251"))
    assert catalog.valid_skus() == ["A-1", "2E+3"]  # a short exponent is not Excel's long-number notation
    [(row, sku, reason)] = catalog.invalid_rows()
    assert (row, sku) == (2, "1,23457E+18")
    assert "scientific notation (1,23457E+18)" in render(reason)
    barcodes = catalog.with_sku_column("Штрихкод")
    assert [row for row, _, _ in barcodes.invalid_rows()] == [2]
    assert barcodes.valid_skus() == ["1E+5", "x"]


def test_template_inside_a_zip_keeps_its_hidden_rows_and_rounded_numbers(tmp_path: Path) -> None:
    data = [*TEMPLATE_DATA, {"Ваш SKU *": 1234567890123456789, "Название товара *": "Числом"}]
    workbook = write_catalog_template(tmp_path / "template.xlsx", data, hidden_data_rows=[9])
    catalog = read_catalog(write_zip(tmp_path / "template.zip", {"template.xlsx": workbook.read_bytes()}))
    assert (catalog.header_row, catalog.first_data_row) == (4, 8)
    assert catalog.valid_skus() == ["ЧАЙ-001", "ЧАЙ-002", "00123"]
    assert catalog.hidden_rows() == [9]
    assert [(row, sku) for row, sku, _ in catalog.invalid_rows()] == [(11, "1234567890123457024")]


def test_template_saved_as_ods_service_rows_found_by_their_content(tmp_path: Path) -> None:
    rows = [
        ["Категория: Электрические чайники"],
        ["Входит в категорию: Бытовая техника"],
        ["Служебная информация"],
        TEMPLATE_HEADER,
        TEMPLATE_IDS,
        [None] * 22 + [TEMPLATE_MARKER, None, None, TEMPLATE_MARKER],
        TEMPLATE_HINTS,
        ["ЧАЙ-001", None, None, None, None, None, "Чайник"],
        ["ЧАЙ-002", None, None, None, None, None, "Чайник 2"],
    ]
    catalog = read_catalog(write_ods(tmp_path / "template.ods", rows))
    assert (catalog.header_row, catalog.first_data_row) == (4, 8)
    assert catalog.valid_skus() == ["ЧАЙ-001", "ЧАЙ-002"]


@pytest.mark.parametrize("between", ["", "\n"], ids=["records-back-to-back", "blank-lines-between-records"])
def test_blank_lines_inside_quoted_descriptions_keep_line_numbers(
    tmp_path: Path, between: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    description = "<p>Чайник «Утро»; 1,7 л</p>\n\n<ul>\n<li>стекло</li>\n</ul>\n\n<p>Гарантия</p>"
    records = [f'ЧАЙ-{index:03d};"{description}";1 990,50\n{between}' for index in range(1, 31)]
    path = write_text(tmp_path / "blank.csv", "Ваш SKU;Описание товара;Цена\n" + "".join(records), "utf-8")
    if not between:  # blank lines only inside quoted values: pyarrow's fast path reads it, no fallback
        from ymdesk.core.sheets import text as sheet_text

        def no_fallback(*args: object, **kwargs: object) -> None:
            raise AssertionError("the slow path was taken")

        monkeypatch.setattr(sheet_text, "_slow_grid", no_fallback)
    catalog = read_catalog(path)
    span = 7 + len(between)  # a description of 7 lines, then the blank line between records if any
    assert catalog.rows.tolist() == [2 + span * index for index in range(30)]
    assert catalog.frame["Описание товара"].iloc[0] == description
    assert catalog.valid_skus() == [f"ЧАЙ-{index:03d}" for index in range(1, 31)]


def test_rows_an_autofilter_hid_under_the_header_are_data_and_marked(tmp_path: Path) -> None:
    """Excel's autofilter hides rows too: those are data the person filtered out, not service rows."""
    path = tmp_path / "filtered.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Товары")
    rows = [["Ваш SKU", "Категория"], ["A-1", "Книги"], ["B-2", "Посуда"], ["C-3", "Книги"], ["D-4", "Посуда"]]
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    sheet.autofilter(0, 0, len(rows) - 1, 1)
    sheet.filter_column(1, "x == Посуда")
    for r in (1, 3):  # xlsxwriter leaves hiding the filtered-out rows to the caller, as Excel does it itself
        sheet.set_row(r, None, None, {"hidden": True})
    book.close()
    catalog = read_catalog(path)
    assert (catalog.header_row, catalog.first_data_row) == (1, 2)
    assert catalog.valid_skus() == ["A-1", "B-2", "C-3", "D-4"]
    assert catalog.hidden_rows() == [2, 4]


def test_rounded_numbers_found_in_a_table_that_starts_at_c3(tmp_path: Path) -> None:
    blank: list[object] = [None, None]
    rows = [
        [],
        [],
        [*blank, "Название", "Ваш SKU"],
        [*blank, "a", 1234567890123456789],
        [*blank, "b", "123456789012345678"],
    ]
    catalog = read_catalog(write_xlsx(tmp_path / "offset.xlsx", {"Лист1": rows}))
    assert (catalog.header_row, catalog.rows.tolist()) == (3, [4, 5])
    assert [(row, sku) for row, sku, _ in catalog.invalid_rows()] == [(4, "1234567890123457024")]
    assert catalog.valid_skus() == ["123456789012345678"]
