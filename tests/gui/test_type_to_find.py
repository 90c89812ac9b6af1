"""Typing while the catalog table has focus jumps within the SKU column, without asking every row.

Qt's own keyboardSearch calls data() for every row until one matches (3.5 s per keystroke at 300,000
rows: a frozen window). The bound here is on rows touched, which does not depend on the machine's load:
at 1,000,000 rows, a word typed into the table touches only the rows that get painted, while the stock
QTableView, typing the same kind of word over a 20,000-row table in the same test, touches every row up
to the match. The time per keystroke is measured by the benchmarks (benchmarks/RESULTS.md), not here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView

from ymdesk.core.sheets.catalog import RowMarks
from ymdesk.ui.catalog_model import CatalogTableModel
from ymdesk.ui.catalog_view import CatalogTableView


class CountingModel(CatalogTableModel):
    """Records which rows data() was asked about."""

    def __init__(self) -> None:
        super().__init__()
        self.rows_touched: set[int] = set()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        self.rows_touched.add(index.row())
        return super().data(index, role)


def _frame(rows: int) -> pd.DataFrame:
    skus = [f"{i:08d}" if i % 3 else f"АРТ-{i:07d}" for i in range(rows)]
    return pd.DataFrame({"Название": pd.Series(["товар"] * rows, dtype="str"), "Ваш SKU": pd.Series(skus, dtype="str")})


def _table(qtbot, view: QTableView, rows: int) -> CountingModel:
    model = CountingModel()
    model.set_frame(_frame(rows), np.arange(2, rows + 2), "Ваш SKU", RowMarks.none(rows))
    view.setModel(model)
    view.resize(800, 400)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    view.setCurrentIndex(model.index(0, model.sku_view_column))
    QApplication.processEvents()
    model.rows_touched.clear()
    return model


def _type(qtbot, view: QTableView, word: str) -> None:
    """One word: its first key after a pause (a new search), the rest as one prefix however slowly the
    keys arrive on a loaded machine."""
    try:
        QApplication.setKeyboardInputInterval(0)
        _key(view, word[0])
        QApplication.setKeyboardInputInterval(60_000)
        for char in word[1:]:
            _key(view, char)
        QApplication.processEvents()
    finally:
        QApplication.setKeyboardInputInterval(400)


def _key(view: QTableView, char: str) -> None:
    """A key press with its text, as a keyboard layout delivers it (QTest's keyClicks takes only ASCII)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(view, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def test_typing_in_a_million_row_table_jumps_to_the_sku_touching_only_painted_rows(qtbot):
    stock = QTableView()
    stock_model = _table(qtbot, stock, 20_000)
    _type(qtbot, stock, "арт-0019")  # Qt's search: the first row whose display text starts so, top to bottom
    assert stock.currentIndex().row() == 19_002  # "АРТ-0019002"
    stock_touched = len(stock_model.rows_touched)

    view = CatalogTableView()
    model = _table(qtbot, view, 1_000_000)
    _type(qtbot, view, "арт-09999")
    row = view.currentIndex().row()
    assert model.data(model.index(row, view.currentIndex().column())) == "АРТ-0999900"
    assert view.currentIndex().column() == model.sku_view_column
    assert view.selectionModel().isRowSelected(row, QModelIndex())
    touched = len(model.rows_touched)
    print(f"\nrows touched: stock QTableView at 20,000 rows {stock_touched:,}; ymdesk at 1,000,000 rows {touched:,}")
    assert stock_touched >= 19_000  # the stock search really asks row after row (so the count means something)
    assert touched < 2_000  # only what is painted: a screen of rows around the match, not the million

    # A pause starts a new search from the next row; typing the same prefix again finds the next match.
    _type(qtbot, view, "0000000")
    assert view.currentIndex().row() == 1
    _type(qtbot, view, "0000000")
    assert view.currentIndex().row() == 2
    # A prefix no SKU has leaves the current row alone; filtered-out rows are never found.
    _type(qtbot, view, "nothing-like-this")
    assert view.currentIndex().row() == 2
    model.set_visible(np.arange(500_000, 1_000_000))
    view.setCurrentIndex(model.index(0, model.sku_view_column))
    _type(qtbot, view, "арт-00000")  # "арт-0" is shown from frame row 500,001 on; "арт-00000" only in hidden rows
    assert model.frame_row(view.currentIndex().row()) == 500_001
    _type(qtbot, view, "арт-05001")
    assert model.frame_row(view.currentIndex().row()) == 500_100


def test_the_window_prepares_type_to_find_after_the_rows_are_shown(qtbot, main_window, tmp_path):
    from tests.helpers.gui_support import write_big_catalog

    path = write_big_catalog(tmp_path / "c.csv", 5_000)
    with qtbot.waitSignal(main_window.catalog_loaded, timeout=60_000):
        main_window.open_file(path)
    model = main_window.model
    # The search index and the lowercased SKUs come from a worker once the rows are on screen.
    qtbot.waitUntil(lambda: main_window.search_ready() and model.sku_search_ready, timeout=60_000)
    table = main_window.table
    table.setFocus()
    table.setCurrentIndex(model.index(0, model.sku_view_column))
    _type(qtbot, table, "sku-00042")
    assert model.data(model.index(table.currentIndex().row(), model.sku_view_column)) == "SKU-0004200"


def test_the_sorted_sku_search_finds_what_the_arrow_scan_finds(qapp):
    """The binary search over the sorted SKUs (ready after loading) and the Arrow scan (before it) agree on
    every prefix, start row and filter: Cyrillic, case, empty and missing SKUs included."""
    rng = np.random.default_rng(7)
    words = ["", "АРТ-", "арт-", "Ёж", "ёж", "0001", "00", "SKU-", "sku-", "x", "Ω", "€"]
    rows = 3_000
    skus = [None if i % 97 == 0 else f"{words[rng.integers(len(words))]}{rng.integers(0, 5000)}" for i in range(rows)]
    frame = pd.DataFrame({"Ваш SKU": pd.Series(skus, dtype="str")})
    scan, search = CatalogTableModel(), CatalogTableModel()
    for model in (scan, search):
        model.set_frame(frame, np.arange(2, rows + 2), "Ваш SKU", RowMarks.none(rows))
    search.set_sku_lower(search.sku_search_task()(None))
    prefixes = ["а", "АР", "арт-1", "ё", "ЁЖ", "0", "0001", "s", "sku-4", "x1", "ω", "€", "нет", "4"]
    for visible in (np.arange(rows), np.flatnonzero(rng.random(rows) < 0.3), np.array([5, 17, 2999])):
        for model in (scan, search):
            model.set_visible(visible)
        for prefix in prefixes:
            for start in (0, 1, len(visible) // 2, len(visible) - 1, len(visible)):
                assert search.find_sku(prefix, start) == scan.find_sku(prefix, start), (prefix, start)
