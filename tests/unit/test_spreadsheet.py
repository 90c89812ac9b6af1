"""Reading workbooks (xlsx, xlsm, xls, ods) the way a careful person would, on real files in tmp_path."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.helpers.sheet_fixtures import (
    MARKET_HEADER,
    replace_in_member,
    write_market_export,
    write_ods,
    write_xlsx,
    xls_bytes,
)
from ymdesk.core.messages import Message, UserError
from ymdesk.core.sheets.catalog import Catalog, ReadCancelled, read_catalog


def test_title_lines_above_the_header_and_blank_rows_keep_sheet_row_numbers(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "export.xlsx",
        {
            "Лист1": [
                ["Магазин «Ромашка»"],
                ["Выгрузка от 01.02.2025"],
                [],
                ["Название товара", "Артикул продавца", "Цена", "Остаток"],
                ["Кружка", "MUG-1", 350, 10],
                [],
                ["Футболка", "TS-2", 990.5, 0],
                [None, "   ", None, None],
                ["Без артикула", None, 100, 1],
            ]
        },
    )
    catalog = read_catalog(path)
    assert catalog.sheet == "Лист1"
    assert catalog.sheets == ["Лист1"]
    assert catalog.header_row == 4
    assert catalog.first_data_row == 5
    assert catalog.columns == ["Название товара", "Артикул продавца", "Цена", "Остаток"]
    assert catalog.sku_column == "Артикул продавца"
    assert catalog.rows.tolist() == [5, 7, 9]
    assert catalog.frame["Артикул продавца"].tolist() == ["MUG-1", "TS-2", ""]
    assert catalog.frame["Цена"].tolist() == ["350", "990.5", "100"]
    assert catalog.valid_skus() == ["MUG-1", "TS-2"]
    assert catalog.invalid_rows() == [(9, "", Message("Sku", "The SKU is empty."))]


def test_every_cell_is_text_numbers_as_excel_shows_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "numbers.xlsx",
        {
            "Товары": [
                ["Ваш SKU", "Штрихкод", "Цена", "Дата"],
                [1.0, 4600000000000, 12.5, datetime(2025, 2, 1)],
                ["007", 4607001234567.0, 0.1, datetime(2025, 2, 1, 13, 45)],
                ["NA", 46070012345678, 1234567.0, None],
                ["null", 1e15, -3.0, None],
                ["None", None, 1e-7, None],
                ["N/A", None, None, None],
                [12345678901234, None, None, None],
            ]
        },
    )
    catalog = read_catalog(path)
    frame = catalog.frame
    assert frame["Ваш SKU"].tolist() == ["1", "007", "NA", "null", "None", "N/A", "12345678901234"]
    assert (
        frame["Штрихкод"].tolist()
        == ["4600000000000", "4607001234567", "46070012345678", "1000000000000000"] + [""] * 3
    )
    assert frame["Цена"].tolist()[:5] == ["12.5", "0.1", "1234567", "-3", "0.0000001"]
    assert frame["Дата"].tolist()[:2] == ["2025-02-01 00:00:00", "2025-02-01 13:45:00"]
    assert catalog.check.valid.all()
    assert catalog.valid_skus() == ["1", "007", "NA", "null", "None", "N/A", "12345678901234"]


def test_frame_is_arrow_backed_text_without_missing_values(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"S": [["SKU", "Цена"], ["A", None], [None, 5]]})
    frame = read_catalog(path).frame
    for column in frame.columns:
        assert isinstance(frame[column].dtype, pd.StringDtype)
        assert frame[column].dtype.storage == "pyarrow"
        assert not frame[column].isna().any()
    assert frame.to_dict("list") == {"SKU": ["A", ""], "Цена": ["", "5"]}


def test_excel_escapes_are_decoded_as_excel_shows_them(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "escapes.xlsx",
        {"S": [["SKU"], ["a\x07b"], ["_x0041_ literal"], ["PLACEHOLDER"], ["tab\there"]]},
    )
    # Another program wrote "_x0041_BC" for "ABC": Excel shows ABC.
    replace_in_member(path, "xl/sharedStrings.xml", "PLACEHOLDER", "_x0041_BC")
    catalog = read_catalog(path)
    assert catalog.frame["SKU"].tolist() == ["a\x07b", "_x0041_ literal", "ABC", "tab\there"]
    invalid = catalog.invalid_rows()
    assert [(row, raw) for row, raw, _ in invalid] == [(2, "a\x07b")]
    assert invalid[0][2].args == {"code": "U+0007", "position": 2}


def test_market_catalog_export_with_group_titles_header_and_hint_row(tmp_path: Path) -> None:
    data = [
        ["SKU-1", "Кружка керамическая синяя 300 мл", "Кружки", "Ромашка", 350, 4600000000017],
        ["SKU-2", "Футболка хлопковая белая размер M", "Футболки", "Ромашка", 990, None],
        [" SKU-1 ", "Кружка (дубль)", "Кружки", "Ромашка", 350, None],
        ["Кружка синяя большая, подарочная упаковка", "Описание попало не в ту колонку", "", "", "", ""],
    ]
    path = write_market_export(tmp_path / "catalog.xlsx", data)
    catalog = read_catalog(path)
    assert catalog.sheet == "Товары"
    assert catalog.sheets == ["Инструкция", "Товары"]
    assert catalog.header_row == 2
    assert catalog.first_data_row == 4
    assert catalog.columns == MARKET_HEADER
    assert catalog.sku_column == "Ваш SKU *"
    assert catalog.rows.tolist() == [4, 5, 6, 7]
    # A data row whose SKU cell happens to be prose further down is still data.
    assert catalog.frame["Ваш SKU *"].tolist()[0] == "SKU-1"
    assert catalog.valid_skus() == ["SKU-1", "SKU-2", "Кружка синяя большая, подарочная упаковка"]
    assert catalog.duplicate_rows() == [(6, " SKU-1 ", 4)]


def test_a_data_row_right_under_the_header_is_not_taken_for_hints(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "names.xlsx",
        {
            "S": [
                ["Ваш SKU", "Название товара", "Описание"],
                ["SKU-1", "Кружка керамическая синяя 300 мл", "Подходит для посудомоечной машины и СВЧ"],
                ["SKU-2", "Кружка", "Коротко"],
            ]
        },
    )
    catalog = read_catalog(path)
    assert catalog.first_data_row == 2
    assert catalog.valid_skus() == ["SKU-1", "SKU-2"]


@pytest.mark.parametrize(
    "header",
    [
        "Ваш SKU",
        "Ваш SKU *",
        "ваш  sku*",
        "SKU",
        "sku",
        "offerId",
        "offer_id",
        "OFFER ID",
        "shopSku",
        "Shop SKU",
        "Артикул",
        "Артикул продавца",
        "Seller SKU",
        "Your SKU",
    ],
)
def test_sku_header_synonyms(tmp_path: Path, header: str) -> None:
    path = write_xlsx(tmp_path / "s.xlsx", {"S": [["Название", header, "Цена"], ["Кружка", "A-1", 1]]})
    catalog = read_catalog(path)
    assert catalog.sku_column == header
    assert catalog.valid_skus() == ["A-1"]


def test_market_sku_is_never_the_sku_column(tmp_path: Path) -> None:
    header = ["SKU на Маркете", "marketSku", "Market SKU", "Артикул производителя", "Ваш SKU", "Название"]
    path = write_xlsx(tmp_path / "m.xlsx", {"S": [header, ["1001", "1002", "1003", "V-1", "MY-1", "Кружка"]]})
    assert read_catalog(path).sku_column == "Ваш SKU"


def test_only_market_sku_means_no_sku_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "only-market.xlsx", {"S": [["SKU на Маркете", "Название"], ["1001", "Кружка"]]})
    with pytest.raises(UserError) as caught:
        read_catalog(path)
    assert "only-market.xlsx" in str(caught.value)
    assert caught.value.message.text.startswith("No column with SKUs was found")


def test_the_clearest_sku_header_wins_within_a_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", {"S": [["Артикул", "Название", "Ваш SKU"], ["ART-1", "Кружка", "SKU-1"]]})
    catalog = read_catalog(path)
    assert catalog.sku_column == "Ваш SKU"
    assert catalog.valid_skus() == ["SKU-1"]


def test_user_names_the_column_and_can_switch_it(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "two.xlsx",
        {"S": [["Артикул", "Название", "Ваш SKU"], ["ART-1", "Кружка", "SKU-1"], ["ART-1", "Чашка", ""]]},
    )
    catalog = read_catalog(path, sku_column="Артикул")
    assert catalog.sku_column == "Артикул"
    assert catalog.valid_skus() == ["ART-1"]
    assert catalog.duplicate_rows() == [(3, "ART-1", 2)]
    other = catalog.with_sku_column("Ваш SKU")
    assert other.sku_column == "Ваш SKU"
    assert other.valid_skus() == ["SKU-1"]
    assert [row for row, _, _ in other.invalid_rows()] == [3]
    # A column name that is not a header word at all works when the person names it.
    named = read_catalog(path, sku_column="Название")
    assert named.valid_skus() == ["Кружка", "Чашка"]
    with pytest.raises(UserError, match=r"There is no column “Нет такой” in two\.xlsx"):
        catalog.with_sku_column("Нет такой")
    with pytest.raises(UserError) as caught:
        read_catalog(path, sku_column="Штрихкод")
    assert caught.value.message.args == {"column": "Штрихкод", "name": "two.xlsx"}


def test_columns_without_header_are_named_by_letter_and_repeated_headers_made_unique(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "odd.xlsx",
        {"S": [[None, "SKU", "Цена", None, "Цена", None], [None, "A", "1", "x", "2", None]]},
    )
    catalog = read_catalog(path)
    assert catalog.columns == ["SKU", "Цена", "D", "Цена (2)"]
    assert read_catalog(path, sku_column="D").valid_skus() == ["x"]
    assert catalog.with_sku_column("Цена (2)").valid_skus() == ["2"]


def test_several_sheets_the_clearest_sku_column_wins_and_the_user_can_override(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "book.xlsx",
        {
            "Справка": [["Как пользоваться файлом"], ["Заполните лист «Товары»"]],
            "Цены": [["Артикул", "Цена"], ["P-1", 10]],
            "Товары": [["Ваш SKU", "Название товара", "Бренд"], ["G-1", "Кружка", "Ромашка"]],
            "Скрытый": [["Ваш SKU", "Название товара", "Бренд", "Цена"], ["H-1", "Кружка", "Ромашка", 1]],
        },
        hidden=["Скрытый"],
    )
    catalog = read_catalog(path)
    assert catalog.sheets == ["Справка", "Цены", "Товары", "Скрытый"]
    assert catalog.sheet == "Товары"
    assert catalog.valid_skus() == ["G-1"]
    assert read_catalog(path, sheet="Цены").valid_skus() == ["P-1"]
    assert read_catalog(path, sheet="Скрытый").valid_skus() == ["H-1"]
    with pytest.raises(UserError) as caught:
        read_catalog(path, sheet="Справка")
    assert caught.value.message.text.startswith("No column with SKUs")
    with pytest.raises(UserError) as missing:
        read_catalog(path, sheet="Нет")
    assert missing.value.message.args == {"sheet": "Нет", "name": "book.xlsx"}


def test_xlsm_is_read_like_xlsx(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "macro.xlsm", {"S": [["SKU"], ["M-1"]]})
    assert read_catalog(path).valid_skus() == ["M-1"]


def test_xls_excel_97_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(xls_bytes("Лист1", [["Отчёт"], [], ["Артикул", "Цена"], ["A-1", 12.5], ["007", 4600000000000]]))
    catalog = read_catalog(path)
    assert catalog.header_row == 3
    assert catalog.rows.tolist() == [4, 5]
    assert catalog.frame.to_dict("list") == {"Артикул": ["A-1", "007"], "Цена": ["12.5", "4600000000000"]}


def test_ods_workbook(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "libre.ods", [["Ваш SKU", "Цена"], ["O-1", 10], ["NA", 2.5], ["0042", 1]])
    catalog = read_catalog(path)
    assert catalog.valid_skus() == ["O-1", "NA", "0042"]
    assert catalog.frame["Цена"].tolist() == ["10", "2.5", "1"]


def test_a_bare_list_of_skus_without_header(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "list.xlsx", {"S": [["A-1"], ["A-2"], [None], ["A-1"]]})
    catalog = read_catalog(path)
    assert catalog.header_row == 0
    assert catalog.columns == ["A"]
    assert catalog.rows.tolist() == [1, 2, 4]
    assert catalog.valid_skus() == ["A-1", "A-2"]


def _picked(catalog: Catalog, rows: list[int]) -> np.ndarray:
    return np.isin(catalog.rows, rows)


def test_job_items_in_file_order_with_invalid_reasons_and_without_later_duplicates(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "job.xlsx",
        {"S": [["SKU"], [" A "], ["B"], [None], ["A"], ["C\nD"], ["B"], ["E"]]},
    )
    catalog = read_catalog(path)
    # Row 4 is a blank row: not data at all.
    assert catalog.rows.tolist() == [2, 3, 5, 6, 7, 8]
    items = catalog.job_items()
    assert [(item.sku, item.raw, item.row) for item in items] == [
        ("A", " A ", 2),
        ("B", "B", 3),
        ("C\nD", "C\nD", 6),
        ("E", "E", 8),
    ]
    invalid = items[2].invalid
    assert invalid is not None
    reason = Message.from_json(invalid)
    assert reason.text == "The SKU has a control character {code} at position {position}."
    assert reason.args == {"code": "U+000A", "position": 2}
    assert json.loads(invalid)["c"] == "Sku"
    assert all(item.invalid is None for item in items if item.row != 6)

    picked = catalog.job_items(_picked(catalog, [3, 5, 7]))
    # Row 7 repeats "B" from picked row 3, so it is dropped; row 2 ("A") is not picked, so row 5 is first.
    assert [(item.sku, item.row) for item in picked] == [("B", 3), ("A", 5)]
    assert catalog.job_items(np.zeros(len(catalog.rows), dtype=bool)) == []
    with pytest.raises(ValueError, match="bool mask"):
        catalog.job_items(np.ones(2, dtype=bool))


def test_cancel_before_reading(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "c.xlsx", {"S": [["SKU"], ["A"]]})
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ReadCancelled) as caught:
        read_catalog(path, cancel=cancel)
    assert isinstance(caught.value, UserError)
    assert "c.xlsx" in str(caught.value)


def test_workbooks_with_the_wrong_extension_are_read_by_content(tmp_path: Path) -> None:
    old = tmp_path / "old-format.xlsx"
    old.write_bytes(xls_bytes("Лист1", [["Артикул"], ["X-1"]]))
    assert read_catalog(old).valid_skus() == ["X-1"]
    new = write_xlsx(tmp_path / "new-format.xls", {"S": [["SKU"], ["N-1"]]})
    assert read_catalog(new).valid_skus() == ["N-1"]
    ods = write_ods(tmp_path / "libre.xlsx", [["SKU"], ["L-1"]])
    assert read_catalog(ods).valid_skus() == ["L-1"]


def test_marks_are_frame_indexed_and_agree_with_the_row_lists(tmp_path):
    """Catalog.marks gives the app its marks by frame row, straight from the check; they name the same rows
    (as the person sees them) as invalid_rows and duplicate_rows do."""
    import pandas as pd

    from ymdesk.core.sheets.catalog import read_catalog

    skus = ["A-1", "", "A-2", " A-1", "X" * 300, "B-1", "A-2", "C 1"]
    path = tmp_path / "marks.csv"
    pd.DataFrame({"Ваш SKU": skus, "Название": [f"n{i}" for i in range(len(skus))]}).to_csv(path, index=False)
    catalog = read_catalog(path)
    marks = catalog.marks()
    assert len(marks.invalid) == len(marks.duplicate) == len(catalog.frame)
    invalid = {int(catalog.rows[i]): marks.reasons[i] for i in marks.invalid.nonzero()[0]}
    assert invalid == {row: reason for row, _raw, reason in catalog.invalid_rows()}
    duplicates = {int(catalog.rows[i]): marks.first_rows[i] for i in marks.duplicate.nonzero()[0]}
    assert duplicates == {row: first for row, _raw, first in catalog.duplicate_rows()}
    assert invalid and duplicates and marks.hidden is None
