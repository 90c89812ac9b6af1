"""Small shared widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


class ReadOnlyTable(QTableWidget):
    """A short, read-only list with headers (stores, promos, past runs: tens of rows, never a catalog)."""

    def __init__(self, headers: list[str], parent=None, objectName: str = "") -> None:
        super().__init__(0, len(headers), parent)
        if objectName:
            self.setObjectName(objectName)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.horizontalHeader().setStretchLastSection(True)
