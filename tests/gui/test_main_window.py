"""Opening, filtering and picking in the main window, with real generated files."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


def test_open_marks_invalid_rows_and_counts_them(loaded_window):
    window = loaded_window
    counts = window.counts()
    assert counts["rows"] == 60 and counts["shown"] == 60
    assert counts["invalid"] == 6  # every 10th SKU is too long
    assert counts["duplicates"] == 0
    assert window.sku_combo.currentText() == "Ваш SKU"
    assert window.sheet_combo.currentText() == "Товары"
    model = window.model
    assert model.data(model.index(9, 0), Qt.ItemDataRole.ToolTipRole)  # the reason, as a tooltip
    assert "Invalid: 6" in window.counts_label.text()
    assert window.services.settings.recent_files[0].endswith("catalog-60.xlsx")


def test_filter_pick_invert_and_show_toggles(qtbot, loaded_window):
    window = loaded_window
    with qtbot.waitSignal(window.filter_applied):
        window.filter_edit.setText("книги")  # debounced; category "Книги" is every third row
    assert window.counts()["shown"] == 20
    window.pick_all_action.trigger()
    assert window.counts()["picked"] == 20
    with qtbot.waitSignal(window.filter_applied):
        window.filter_edit.setText("")
    window.invert_action.trigger()
    assert window.counts()["picked"] == 40
    window.picked_only_action.setChecked(True)
    assert window.counts()["shown"] == 40
    window.picked_only_action.setChecked(False)
    window.invalid_only_action.setChecked(True)
    assert window.counts()["shown"] == 6
    assert window.counts()["picked_valid"] == window.counts()["picked"] - int(
        (window.model.picked & window.model.marks.invalid).sum()
    )


def test_regex_filter_on_one_column_and_bad_pattern(qtbot, loaded_window):
    window = loaded_window
    window.filter_column_combo.setCurrentIndex(window.filter_column_combo.findData("Ваш SKU"))
    window.regex_check.setChecked(True)
    with qtbot.waitSignal(window.filter_applied):
        window.filter_edit.setText(r"^SKU-00000[0-4]$")
    assert window.counts()["shown"] == 5
    window.filter_edit.setText("([")
    window.apply_filter()
    assert "not valid" in window.filter_edit.toolTip()


def test_paste_skus_from_the_clipboard_picks_them(loaded_window):
    window = loaded_window
    QGuiApplication.clipboard().setText("SKU-000001\nSKU-000002\n SKU-000003 \nSKU-999999\n")
    window.paste_action.trigger()
    assert list(np.flatnonzero(window.model.picked)) == [1, 2, 3]
    assert "4 pasted SKUs; 1 is not in this file" in window.statusBar().currentMessage()


def test_changing_the_sku_column_revalidates_and_keeps_picks(qtbot, loaded_window):
    window = loaded_window
    window.model.pick_shown(True)
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        window.sku_combo.setCurrentText("Цена")
        window.sku_combo.activated.emit(window.sku_combo.currentIndex())
    assert window.catalog.sku_column == "Цена"
    assert window.counts()["invalid"] == 0
    assert window.counts()["duplicates"] > 0  # prices repeat
    assert window.counts()["picked"] == 60


def test_unreadable_file_shows_a_dialog(qtbot, main_window, tmp_path, shown_dialogs):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 a zip header, then nothing a workbook needs")
    with qtbot.waitSignal(main_window.load_failed, timeout=30_000):
        main_window.open_file(broken)
    assert len(shown_dialogs) == 1
    assert "broken.xlsx" in shown_dialogs[0].text and "damaged" in shown_dialogs[0].text
    assert main_window.catalog is None
    assert not main_window.busy_bar.isVisibleTo(main_window)
    assert not main_window.is_loading()


def test_csv_and_recent_files(qtbot, main_window, catalog_file):
    path = catalog_file(25, kind="csv")
    with qtbot.waitSignal(main_window.catalog_loaded, timeout=30_000):
        main_window.open_file(path)
    assert main_window.counts()["rows"] == 25
    main_window.recent_menu.aboutToShow.emit()  # what opening the File > Recent menu does
    assert any(action.text().endswith("catalog-25.csv") for action in main_window.recent_menu.actions())
