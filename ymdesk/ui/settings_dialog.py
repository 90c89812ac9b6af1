"""Settings: language, batch size, and (advanced) the API address. The key lives in the keyring."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from ymdesk.core.messages import UserError
from ymdesk.core.model import MAX_BATCH
from ymdesk.ui import errors
from ymdesk.ui.services import Services
from ymdesk.ui.settings import DEFAULT_API_URL


class SettingsDialog(QDialog):
    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        settings = services.settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo = QComboBox(objectName="languageCombo")
        self.language_combo.addItem(self.tr("As in the system"), "")
        self.language_combo.addItem("Русский", "ru")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.batch_spin = QSpinBox(objectName="batchSpin")
        self.batch_spin.setRange(1, MAX_BATCH)
        self.batch_spin.setValue(settings.batch_size)
        self.batch_spin.setSuffix(self.tr(" SKUs per request"))
        self.url_edit = QLineEdit(settings.api_url, objectName="apiUrlEdit")
        self.url_edit.setPlaceholderText(DEFAULT_API_URL)
        longest = max(settings.api_url or "", DEFAULT_API_URL, key=len)  # the whole address shows
        self.url_edit.setMinimumWidth(self.url_edit.fontMetrics().horizontalAdvance(longest) + 24)

        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Batch size:"), self.batch_spin)
        advanced = QGroupBox(self.tr("Advanced"))
        advanced_form = QFormLayout(advanced)
        advanced_form.addRow(self.tr("API address:"), self.url_edit)
        note = QLabel(self.tr("Change it only if your support asks you to. The language applies after a restart."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(advanced)
        layout.addWidget(note)
        layout.addWidget(buttons)
        if services.demo:
            self.url_edit.setEnabled(False)
            self.url_edit.setToolTip(self.tr("The demo always uses the built-in simulator."))

    def save(self) -> None:
        from ymdesk.core.market.client import check_base_url

        settings = self.services.settings
        if self.url_edit.isEnabled():
            try:
                settings.api_url = check_base_url(self.url_edit.text() or DEFAULT_API_URL)
            except UserError as error:
                errors.show_error(self, error)
                return
        settings.language = self.language_combo.currentData()
        settings.batch_size = self.batch_spin.value()
        settings.sync()
        self.services.campaigns = []  # another address may mean other stores
        self.accept()
