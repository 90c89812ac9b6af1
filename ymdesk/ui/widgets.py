"""Small shared widgets."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSizePolicy, QTableWidget


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


class ElidedLabel(QLabel):
    """One line that gives way to its neighbours: a long path is shortened in the middle ("…"), whole in the
    tooltip, and never makes the window wider than the screen."""

    def __init__(
        self, text: str = "", parent=None, elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle, **kwargs
    ) -> None:
        super().__init__(text, parent, **kwargs)
        self.elide = elide
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 8, super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), self.shown_text())

    def shown_text(self) -> str:
        """The text as drawn: whole when it fits, else shortened with "…"."""
        return self.fontMetrics().elidedText(self.text(), self.elide, self.contentsRect().width())


def accelerator(text: str) -> str | None:
    """The Alt letter of a menu text ("&File" -> "f"), lowercase; None when it has none."""
    index = text.find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else None


def unique_accelerators(texts: list[str]) -> list[str]:
    """The same texts with no Alt letter used twice: a repeat moves to the first letter of its text that is free
    (a translation may give "&Выбор" and "&Вид" the same letter), as KDE's accelerator manager does."""
    used: set[str] = set()
    result = []
    for text in texts:
        letter = accelerator(text)
        if letter is not None and letter not in used:
            used.add(letter)
            result.append(text)
            continue
        plain = text.replace("&", "")
        for position, char in enumerate(plain):
            if char.isalnum() and char.lower() not in used:
                used.add(char.lower())
                result.append(plain[:position] + "&" + plain[position:])
                break
        else:
            result.append(text)  # every letter taken: keep it as it was
    return result


def fix_menu_accelerators(menu_bar) -> None:
    """Unique Alt letters on the menu bar and inside each of its menus (recent-file lists are built later)."""
    actions = [action for action in menu_bar.actions() if not action.isSeparator()]
    for action, text in zip(actions, unique_accelerators([a.text() for a in actions]), strict=True):
        action.setText(text)
    for action in actions:
        menu = action.menu()
        if menu is None:
            continue
        inner = [a for a in menu.actions() if not a.isSeparator()]
        for item, text in zip(inner, unique_accelerators([a.text() for a in inner]), strict=True):
            item.setText(text)
