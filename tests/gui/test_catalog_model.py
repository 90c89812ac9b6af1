"""The catalog table model: Qt's model contract, picking, filtering by mask."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from ymdesk.core.messages import Message
from ymdesk.core.search import BadPattern, parse_sku_list, sku_mask, text_mask
from ymdesk.ui.catalog_model import FIRST_DATA_COLUMN, PICK_COLUMN, CatalogTableModel, RowMarks


def _loaded_model(frame) -> CatalogTableModel:
    rows = len(frame)
    marks = RowMarks.none(rows)
    marks.invalid[3] = True
    marks.reasons[3] = Message("Test", "The SKU has a space")
    marks.duplicate[5] = True
    marks.first_rows[5] = 2
    model = CatalogTableModel()
    model.set_frame(frame, np.arange(2, rows + 2), "Ваш SKU", marks)
    return model


def test_model_passes_qt_model_tester(qtmodeltester, catalog_frame):
    model = _loaded_model(catalog_frame(30))
    qtmodeltester.check(model, force_py=True)
    model.set_visible(np.array([1, 4, 7]))
    qtmodeltester.check(model, force_py=True)


def test_cells_come_from_the_frame_and_marks_show(qtbot, catalog_frame):
    model = _loaded_model(catalog_frame(30))
    assert model.data(model.index(0, FIRST_DATA_COLUMN)) == "SKU-000000"
    assert model.headerData(0, Qt.Orientation.Vertical) == "2"  # sheet rows, as the user sees them
    assert model.data(model.index(3, PICK_COLUMN), Qt.ItemDataRole.ToolTipRole) == "The SKU has a space"
    assert "row 2" in model.data(model.index(5, PICK_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(3, FIRST_DATA_COLUMN), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, FIRST_DATA_COLUMN), Qt.ItemDataRole.BackgroundRole) is None


def test_picking_through_checkboxes_and_bulk_actions(qtbot, catalog_frame):
    model = _loaded_model(catalog_frame(10))
    with qtbot.waitSignal(model.picks_changed):
        assert model.setData(model.index(2, PICK_COLUMN), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.picked.sum() == 1 and model.picked[2]
    model.set_visible(np.array([0, 1, 2]))
    model.invert_shown()
    assert list(np.flatnonzero(model.picked)) == [0, 1]
    model.pick_shown(True)
    assert model.picked.sum() == 3
    model.pick_none()
    assert model.picked.sum() == 0


def test_text_mask_over_all_columns_one_column_and_regex(catalog_frame):
    frame = catalog_frame(30)
    assert text_mask(frame, "").all()
    assert text_mask(frame, "книги").sum() == 10  # case-insensitive, Cyrillic
    assert text_mask(frame, "книги", column="Ваш SKU").sum() == 0
    assert text_mask(frame, r"SKU-00000[1-3]$", regex=True).sum() == 3
    with pytest.raises(BadPattern):
        text_mask(frame, "([", regex=True)


def test_pasted_sku_list_picks_matching_rows(catalog_frame):
    frame = catalog_frame(10)
    skus = parse_sku_list("SKU-000001\r\n SKU-000004\tSKU-000004;nope,\n")
    assert skus == ["SKU-000001", "SKU-000004", "nope"]
    assert list(np.flatnonzero(sku_mask(frame["Ваш SKU"], skus))) == [1, 4]


def _repaint_times(qtbot, rows: int) -> list[float]:
    """Scroll a `rows`-row table to five places and repaint; the best of three tries at each place
    (a try the scheduler interrupted is not the table's cost)."""
    import time

    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc
    from PySide6.QtWidgets import QHeaderView, QTableView

    numbers = pc.cast(pa.array(np.arange(rows)), pa.string())
    frame = pd.DataFrame(
        {
            "Ваш SKU": pd.Series(pd.arrays.ArrowStringArray(pc.binary_join_element_wise("SKU-", numbers, ""))),
            "Название товара": pd.Series(
                pd.arrays.ArrowStringArray(pc.binary_join_element_wise("Товар номер ", numbers, ""))
            ),
        }
    )
    model = CatalogTableModel()
    model.set_frame(frame, np.arange(2, rows + 2), "Ваш SKU", RowMarks.none(rows))
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setModel(model)
    view.resize(1000, 700)
    view.show()
    view.viewport().grab()
    bar = view.verticalScrollBar()
    times = []
    for share in (1.0, 0.5, 0.0, 1 / 3, 1.0):
        best = float("inf")
        for _ in range(3):
            bar.setValue(0 if share == 1.0 else bar.maximum())  # come from elsewhere each time
            view.viewport().grab()
            started = time.perf_counter()
            bar.setValue(round(bar.maximum() * share))
            view.viewport().grab()  # paints now, into a pixmap: every visible cell's data() is read
            best = min(best, time.perf_counter() - started)
        times.append(best)
    assert model.data(model.index(rows - 1, FIRST_DATA_COLUMN)) == f"SKU-{rows - 1}"
    return times


def test_a_million_rows_scroll_as_fast_as_a_thousand(qtbot):
    """Scrolling anywhere in a 1M-row table repaints about as fast as in a 1,000-row one: cells come straight
    from Arrow, so the cost does not grow with the rows. Compared with the small table measured in the same
    test, so a busy machine slows both alike (the absolute figure, well under 50 ms, is a benchmark's)."""
    small = max(_repaint_times(qtbot, 1_000))
    big = max(_repaint_times(qtbot, 1_000_000))
    print(f"\nslowest repaint: {big * 1e6:.0f} µs at 1M rows, {small * 1e6:.0f} µs at 1,000 rows")
    assert big < 3 * small + 0.010, f"a repaint took {big * 1000:.0f} ms at 1M rows, {small * 1000:.0f} ms at 1,000"
