"""The catalog table's view: type-to-find that jumps within the SKU column without asking every row."""

from __future__ import annotations

import time

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QTableView

from ymdesk.ui.catalog_model import CatalogTableModel


class CatalogTableView(QTableView):
    """Typing while the table has focus jumps to the next shown row whose SKU starts with what was typed.

    Qt's own keyboardSearch calls data() for every row until one matches (3.5 s per keystroke at 300k
    rows, a frozen window); here the model answers from the SKU column in one Arrow scan. Keys typed
    within QApplication.keyboardInputInterval() make one prefix, as in Qt; a pause starts a new one.
    """

    def __init__(self, parent=None, **kwargs) -> None:
        super().__init__(parent, **kwargs)
        self._typed = ""
        self._typed_at = 0.0

    def keyboardSearch(self, search: str) -> None:
        model = self.model()
        if not search or not isinstance(model, CatalogTableModel):
            return
        now = time.monotonic()
        fresh = now - self._typed_at > QApplication.keyboardInputInterval() / 1000
        self._typed_at = now
        # A new search moves on from the next row (so typing it again finds the next match); more letters stay
        # on the current row while it still matches. No cycling on a repeated key as Qt does: SKUs start "000".
        self._typed = search if fresh else self._typed + search
        current = self.currentIndex().row()
        start = current + 1 if fresh and current >= 0 else max(current, 0)
        row = model.find_sku(self._typed, start)
        if row is None:
            return
        index = model.index(row, max(model.sku_view_column, 0))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().setCurrentIndex(index, flags)
        self.scrollTo(index)
