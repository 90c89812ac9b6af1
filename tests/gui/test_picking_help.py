"""Reasons in a column, the Duplicates only filter, pasted SKUs not in the file, the question before another
file replaces the picks, and the first-start steps with Help."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from ymdesk.ui import main_window as main_window_module
from ymdesk.ui.catalog_model import PROBLEM_COLUMN
from ymdesk.ui.help import GettingStartedDialog, ShortcutsDialog
from ymdesk.ui.pasted import MissingSkusDialog


@pytest.fixture
def dup_catalog(tmp_path):
    """SKU-1..SKU-8, where rows 6 and 9 repeat SKU-1 and SKU-2, and row 4 holds an invalid SKU."""
    path = tmp_path / "dups.csv"
    skus = ["SKU-1", "SKU-2", "X" * 300, "SKU-4", "SKU-1", "SKU-6", "SKU-7", "SKU-2"]
    path.write_text("SKU;Name\n" + "".join(f"{sku};item {i}\n" for i, sku in enumerate(skus)), encoding="utf-8")
    return path


@pytest.fixture
def dup_window(qtbot, main_window, dup_catalog):
    with qtbot.waitSignal(main_window.catalog_loaded, timeout=30_000):
        main_window.open_file(dup_catalog)
    return main_window


def _problem(window, view_row: int) -> str:
    return window.model.data(window.model.index(view_row, PROBLEM_COLUMN))


def test_problem_column_says_why_a_row_is_invalid_or_a_duplicate(dup_window):
    window = dup_window
    model = window.model
    assert model.headerData(PROBLEM_COLUMN, Qt.Orientation.Horizontal) == "Problem"
    assert _problem(window, 0) == ""
    assert "255" in _problem(window, 2)  # too long for Market
    assert "row 2" in _problem(window, 4)  # SKU-1 again: the first is in sheet row 2
    assert "row 3" in _problem(window, 7)
    assert window.table.columnWidth(PROBLEM_COLUMN) >= 200  # wide enough to read without hovering


def test_duplicates_only_filter(qtbot, dup_window):
    window = dup_window
    with qtbot.waitSignal(window.filter_applied):
        window.duplicates_only_action.setChecked(True)
    assert [window.model.sheet_row(window.model.frame_row(r)) for r in range(window.model.rowCount())] == [6, 9]
    with qtbot.waitSignal(window.filter_applied):
        window.invalid_only_action.setChecked(True)  # both: the rows with either problem
    assert window.counts()["shown"] == 3
    with qtbot.waitSignal(window.filter_applied):
        window.duplicates_only_action.setChecked(False)
    assert window.counts()["shown"] == 1
    assert window.show_rows_button.text() == "Show: invalid"
    assert window.duplicates_only_action in window.show_rows_button.menu().actions()


def test_pasted_skus_not_in_the_file_are_listed_and_copyable(qtbot, dup_window):
    window = dup_window
    QGuiApplication.clipboard().setText("SKU-4\nSKU-404\nSKU-7\tSKU-500\n")
    window.paste_action.trigger()
    dialog = window.findChild(MissingSkusDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.list_edit.toPlainText().splitlines() == ["SKU-404", "SKU-500"]
    assert "2 of 4" in dialog.findChild(main_window_module.QLabel).text()
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "SKU-404\nSKU-500"
    assert int(window.model.picked.sum()) == 2


def test_paste_with_every_sku_found_shows_no_list(dup_window):
    QGuiApplication.clipboard().setText("SKU-4\n")
    dup_window.paste_action.trigger()
    assert dup_window.findChild(MissingSkusDialog) is None


@pytest.fixture
def answers(monkeypatch):
    asked = []
    reply = {"value": False}

    def confirm(parent, picked, current, new):
        asked.append((picked, current.name, new.name))
        return reply["value"]

    monkeypatch.setattr(main_window_module, "confirm_discard_picks", confirm)
    return asked, reply


def test_opening_another_file_with_picks_asks_and_cancel_keeps_them(qtbot, dup_window, catalog_file, answers):
    window = dup_window
    asked, reply = answers
    window.model.pick_shown(True)
    other = catalog_file(20)
    assert window.open_file(other) is False
    assert asked == [(8, "dups.csv", other.name)]
    assert not window.is_loading()
    assert window.catalog.path.name == "dups.csv" and int(window.model.picked.sum()) == 8

    reply["value"] = True
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        assert window.open_file(other) is True
    assert window.catalog.path == other and int(window.model.picked.sum()) == 0


def test_without_picks_another_file_opens_without_asking(qtbot, dup_window, catalog_file, answers):
    asked, _reply = answers
    with qtbot.waitSignal(dup_window.catalog_loaded, timeout=30_000):
        dup_window.open_file(catalog_file(20))
    assert asked == []


def test_the_question_defaults_to_cancel(main_window, tmp_path):
    box = main_window_module.discard_picks_box(main_window, 268, tmp_path / "a.xlsx", tmp_path / "b.xlsx")
    assert "268 rows are picked in a.xlsx" in box.text() and "b.xlsx" in box.text()
    assert box.defaultButton() is box.escapeButton()
    assert box.buttonRole(box.defaultButton()) == QMessageBox.ButtonRole.RejectRole


def test_first_start_shows_the_three_steps_and_the_sample_button(qtbot, main_window):
    window = main_window
    assert window.central_stack.currentWidget() is window.welcome
    assert window.welcome.isVisible()
    text = " ".join(label.text() for label in window.welcome.findChildren(main_window_module.QLabel))
    assert "1. Open a catalog" in text and "2. Pick the SKUs" in text and "3. Run an operation" in text
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        window.welcome.sample_button.click()
    assert window.catalog.path.name == "sample_catalog.xlsx"
    assert window.central_stack.currentWidget() is window.table


def test_welcome_open_button_opens_the_file_dialog(main_window, monkeypatch):
    asked = []
    monkeypatch.setattr(main_window_module.QFileDialog, "getOpenFileName", lambda *a: asked.append(a) or ("", ""))
    main_window.welcome.open_button.click()
    assert len(asked) == 1


def test_help_menu_has_getting_started_and_shortcuts(qtbot, main_window):
    window = main_window
    help_menu = window.menuBar().actions()[-1].menu()
    texts = [action.text() for action in help_menu.actions() if not action.isSeparator()]
    assert texts[:2] == ["&Getting started", "&Keyboard shortcuts"]
    window.getting_started_action.trigger()
    assert window.findChild(GettingStartedDialog).isVisible()
    window.shortcuts_action.trigger()
    dialog = window.findChild(ShortcutsDialog)
    table = dialog.table
    rows = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert rows["Run an operation"] == "Ctrl+R"
    assert rows["Paste SKUs to pick"] == "Ctrl+Shift+V"
    assert "Space" in rows.values()
    assert len(set(np.array(list(rows.values())))) == len(rows)  # no two actions share keys


def test_reading_the_same_file_again_keeps_the_picks_without_asking(qtbot, dup_window, dup_catalog, answers):
    asked, _reply = answers
    dup_window.model.pick_shown(True)
    with qtbot.waitSignal(dup_window.catalog_loaded, timeout=30_000):
        assert dup_window.open_file(dup_catalog) is True
    assert asked == [] and int(dup_window.model.picked.sum()) == 8
