"""After Paste SKUs: the pasted SKUs that are not in the open file, as a list the person can copy."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from ymdesk.i18n import fill


class MissingSkusDialog(QDialog):
    def __init__(self, missing: list[str], pasted: int, file_name: str, parent=None) -> None:
        super().__init__(parent)
        self.missing = missing
        self.setObjectName("missingSkusDialog")
        self.setWindowTitle(self.tr("Pasted SKUs not in the file"))
        self.resize(480, 420)
        label = QLabel(
            fill(
                self.tr(
                    "{missing:n} of {pasted:n} pasted {pasted:plural:SKU is|SKUs are} not in {file}; "
                    "they were not picked:"
                ),
                missing=len(missing),
                pasted=pasted,
                file=file_name,
            ),
            wordWrap=True,
        )
        self.list_edit = QPlainTextEdit("\n".join(missing), objectName="missingSkus")
        self.list_edit.setReadOnly(True)
        self.list_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy the list"), objectName="copyMissing")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list_edit, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.missing))
