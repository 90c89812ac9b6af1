"""First start and Help: the three steps (open a file, pick, run), and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ymdesk.ui.resources import icon


def steps() -> list[tuple[str, str]]:
    """(title, what to do) for each of the three steps."""
    return [
        (
            QCoreApplication.translate("Help", "1. Open a catalog"),
            QCoreApplication.translate(
                "Help",
                "Export the catalog from the seller cabinet (XLSX, XLS, ODS or CSV) and open it, or drop it on the "
                "window. ymdesk finds the SKU column and marks invalid SKUs and duplicates.",
            ),
        ),
        (
            QCoreApplication.translate("Help", "2. Pick the SKUs"),
            QCoreApplication.translate(
                "Help",
                "Filter the rows (a part of a SKU, name, category) and pick them with Pick shown, the checkboxes "
                "or Space; or paste a list of SKUs.",
            ),
        ),
        (
            QCoreApplication.translate("Help", "3. Run an operation"),
            QCoreApplication.translate(
                "Help",
                "Connect with your Market API key, choose the operation and the store, check the preview and "
                "confirm. Every SKU's outcome is kept; History shows past runs and resumes an interrupted one.",
            ),
        ),
    ]


class WelcomePage(QWidget):
    """What the main window shows while no catalog is open."""

    open_requested = Signal()
    sample_requested = Signal()

    def __init__(self, demo: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Start in three steps"), objectName="welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        for heading, text in steps():
            step_title = QLabel(heading)
            bold = step_title.font()
            bold.setBold(True)
            step_title.setFont(bold)
            body = QLabel(text, wordWrap=True)
            column.addSpacing(8)
            column.addWidget(step_title)
            column.addWidget(body)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(icon("open"), self.tr("Open a catalog…"), objectName="welcomeOpen")
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button = QPushButton(icon("demo"), self.tr("Try the sample catalog"), objectName="welcomeSample")
        self.sample_button.clicked.connect(self.sample_requested)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        column.addSpacing(16)
        column.addLayout(buttons)
        if not demo:
            note = QLabel(
                self.tr(
                    "The sample is made up. To try a run without touching a real store, start ymdesk --demo: "
                    "it runs against a built-in Market simulator."
                ),
                wordWrap=True,
                objectName="welcomeDemoNote",
            )
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(note)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)


class GettingStartedDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("gettingStartedDialog")
        self.setWindowTitle(self.tr("Getting started"))
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        for heading, text in steps():
            step_title = QLabel(heading)
            bold = step_title.font()
            bold.setBold(True)
            step_title.setFont(bold)
            layout.addWidget(step_title)
            layout.addWidget(QLabel(text, wordWrap=True))
        layout.addWidget(
            QLabel(
                self.tr(
                    "Large or irreversible runs ask you to type the count or the store id. A run can be cancelled "
                    "at any time and resumed from History; the report lists every SKU that did not succeed."
                ),
                wordWrap=True,
            )
        )
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) from the window's own actions, so the list cannot drift from the menus."""
    rows = []
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        text = action.text().replace("&", "").rstrip("…").strip()
        rows.append((keys.toString(QKeySequence.SequenceFormat.NativeText), text))
    rows.sort(key=lambda row: row[1])
    rows.append(
        (
            QCoreApplication.translate("Help", "Space"),
            QCoreApplication.translate("Help", "Pick or unpick the selected rows"),
        )
    )
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, objectName="shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.resize(max(460, self.table.horizontalHeader().length() + 60), 420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
