"""The app on the files of issue 11: it marks the same rows as `ymdesk-cli inspect`, shows hidden rows, lets the
person change a CSV's encoding, and its Open dialog lists every format ymdesk reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.helpers.sheet_fixtures import write_catalog_template, write_text
from tests.helpers.sheet_layouts import LAYOUTS
from ymdesk.core.sheets.sources import SPREADSHEET_SUFFIXES
from ymdesk.ui.catalog_model import FIRST_DATA_COLUMN, HIDDEN_BACKGROUND, INVALID_BACKGROUND, PROBLEM_COLUMN
from ymdesk.ui.main_window import CATALOG_SUFFIXES

TEMPLATE_DATA = [
    {"Ваш SKU *": "ЧАЙ-001", "Название товара *": "Чайник электрический Утро", "Цена *": 1990},
    {"Ваш SKU *": 1234567890123456789, "Название товара *": "Чайник, SKU числом", "Цена *": 2490},
    {"Ваш SKU *": "ЧАЙ-003", "Название товара *": "Чайник скрытый", "Цена *": 3990},
    {"Ваш SKU *": "ЧАЙ-001", "Название товара *": "Повтор", "Цена *": 990},
    {"Ваш SKU *": "ЧАЙ-005", "Название товара *": "Чайник", "Цена *": 990},
]


def cli_inspect(path: Path, home: Path) -> dict:
    environment = {**os.environ, "YMDESK_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "ymdesk.cli", "inspect", str(path), "--json", "--skus", "--lang", "en"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def _open(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        window.open_file(path)


def test_template_rows_marked_as_the_cli_marks_them(qtbot, main_window, tmp_path):
    path = write_catalog_template(tmp_path / "template.xlsx", TEMPLATE_DATA, hidden_data_rows=[10, 12])
    expected = cli_inspect(path, tmp_path / "home")
    window = main_window
    _open(qtbot, window, path)
    model = window.model
    vertical = [int(model.headerData(row, Qt.Orientation.Vertical)) for row in range(model.rowCount())]
    assert expected["first_data_row"] == 8 and expected["rows"] == 5
    assert vertical == [8, 9, 10, 11, 12]
    assert window.sheet_combo.currentText() == expected["sheet"] == "Данные о товарах"
    assert window.sku_combo.currentText() == expected["sku_column"]

    def rows_where(mask) -> list[int]:
        return [vertical[index] for index in range(len(vertical)) if mask[model.frame_row(index)]]

    assert rows_where(model.marks.invalid) == [item["row"] for item in expected["invalid"]] == [9]
    assert rows_where(model.marks.duplicate) == [item["row"] for item in expected["duplicates"]] == [11]
    assert rows_where(model.marks.hidden) == expected["hidden"] == [10, 12]

    def problem(view_row: int) -> str:
        return model.data(model.index(view_row, PROBLEM_COLUMN), Qt.ItemDataRole.DisplayRole)

    def background(view_row: int):
        return model.data(model.index(view_row, FIRST_DATA_COLUMN), Qt.ItemDataRole.BackgroundRole)

    assert "more than 15 digits" in problem(1)
    assert background(1).color() == INVALID_BACKGROUND
    assert problem(2) == "Hidden in Excel: you may not have seen this row."
    assert background(2).color() == HIDDEN_BACKGROUND
    assert problem(4).endswith("Hidden in Excel: you may not have seen this row.")
    assert problem(0) == "" and background(0) is None
    window.pick_all_action.trigger()
    items = window.catalog.job_items(model.picked)
    assert [item.sku for item in items if item.invalid is None] == expected["skus"] == ["ЧАЙ-001", "ЧАЙ-003", "ЧАЙ-005"]


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_every_layout_marks_the_rows_the_cli_reports(qtbot, main_window, tmp_path, name):
    path = LAYOUTS[name].build(tmp_path)
    expected = cli_inspect(path, tmp_path / "home")
    window = main_window
    _open(qtbot, window, path)
    model = window.model
    rows = [int(model.headerData(row, Qt.Orientation.Vertical)) for row in range(model.rowCount())]
    assert len(rows) == expected["rows"] and rows[0] == expected["first_data_row"]
    assert window.sku_combo.currentText() == expected["sku_column"]
    hidden = model.marks.hidden if model.marks.hidden is not None else [False] * len(rows)
    assert [rows[i] for i in range(len(rows)) if model.marks.invalid[i]] == [b["row"] for b in expected["invalid"]]
    assert [rows[i] for i in range(len(rows)) if model.marks.duplicate[i]] == [d["row"] for d in expected["duplicates"]]
    assert [rows[i] for i in range(len(rows)) if hidden[i]] == expected["hidden"]
    assert window.catalog.valid_skus() == expected["skus"]
    assert window.encoding_combo.isVisibleTo(window) == (expected["encoding"] is not None)


def test_encoding_shown_for_a_csv_and_changed_from_the_picker(qtbot, main_window, tmp_path):
    lines = [f"SKU-{i:05d};Товар номер {i} «тест»" for i in range(1, 51)] + ["Артикул-кириллица;Товар"]
    path = write_text(tmp_path / "cp1251.csv", "Ваш SKU;Название товара\n" + "\n".join(lines) + "\n", "cp1251")
    window = main_window
    assert not window.encoding_combo.isVisible()
    _open(qtbot, window, path)
    assert window.encoding_combo.isVisible()
    assert window.encoding_combo.currentData() == "cp1251"
    assert window.catalog.valid_skus()[-1] == "Артикул-кириллица"
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        window.encoding_combo.setCurrentIndex(window.encoding_combo.findData("koi8-r"))
        window.encoding_combo.activated.emit(window.encoding_combo.currentIndex())
    assert window.catalog.encoding == "koi8-r"
    assert window.encoding_combo.currentData() == "koi8-r"
    assert window.catalog.valid_skus()[-1] != "Артикул-кириллица"
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        window.encoding_combo.setCurrentIndex(window.encoding_combo.findData("cp1251"))
        window.encoding_combo.activated.emit(window.encoding_combo.currentIndex())
    assert window.catalog.valid_skus()[-1] == "Артикул-кириллица"


def test_an_encoding_that_cannot_read_the_file_leaves_the_table_and_its_encoding(
    qtbot, main_window, tmp_path, shown_dialogs
):
    path = write_text(tmp_path / "odd.csv", "Ваш SKU;Название\nА-1;Кружка\nБ-2;Чашки\n\n", "cp1251")
    assert len(path.read_bytes()) % 2  # an odd number of bytes is never UTF-16
    window = main_window
    _open(qtbot, window, path)
    with qtbot.waitSignal(window.load_failed, timeout=30_000):
        window.encoding_combo.setCurrentIndex(window.encoding_combo.findData("utf-16"))
        window.encoding_combo.activated.emit(window.encoding_combo.currentIndex())
    assert [dialog.text for dialog in shown_dialogs] and "utf-16" in shown_dialogs[0].text
    assert window.catalog.encoding == "cp1251" and window.model.total_rows == 2
    assert window.encoding_combo.currentData() == "cp1251"


def test_workbooks_show_no_encoding_picker(qtbot, main_window, tmp_path):
    _open(qtbot, main_window, write_catalog_template(tmp_path / "t.xlsx", TEMPLATE_DATA[:1]))
    assert not main_window.encoding_combo.isVisible()


def test_open_dialog_lists_every_format_ymdesk_reads(main_window, monkeypatch):
    seen: list[str] = []

    def fake_dialog(parent, caption, folder, filters):
        seen.append(filters)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_dialog))
    main_window.choose_file()

    assert {"." + suffix for suffix in ("xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt")} <= SPREADSHEET_SUFFIXES
    every = {*SPREADSHEET_SUFFIXES, ".zip"}
    patterns = seen[0].split(";;")[0].split("(")[1].rstrip(")").split()
    assert set(patterns) == {f"*{suffix}" for suffix in every}
    assert set(CATALOG_SUFFIXES) == every  # what may be dropped on the window
