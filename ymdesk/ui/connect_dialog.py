"""Connection dialog: the API key (masked, kept in the OS keyring), a connection test, the stores."""

from __future__ import annotations

import threading

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from ymdesk.core.messages import UserError
from ymdesk.jobs.controller import TaskController, stop_all
from ymdesk.ui import errors
from ymdesk.ui.resources import icon
from ymdesk.ui.services import Services
from ymdesk.ui.widgets import ReadOnlyTable


class ConnectDialog(QDialog):
    campaigns_loaded = Signal(list)
    test_failed = Signal(object)

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to Yandex Market"))
        self.resize(820, 480)
        self._tester = TaskController(self)
        self._tester.succeeded.connect(self._on_campaigns)
        self._tester.failed.connect(self._on_failed)
        self._tester.finished.connect(self._on_test_finished)

        intro = QLabel(
            self.tr(
                "Paste the API key from the seller cabinet (Settings > API and modules). "
                "It is kept in the system keyring, never in files."
            )
        )
        intro.setWordWrap(True)
        self.key_edit = QLineEdit(objectName="apiKeyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setText(services.tokens.get() or "")
        self.key_edit.setPlaceholderText(self.tr("ACMA:…"))
        reveal = QAction(icon("demo"), self.tr("Show the key"), self.key_edit)
        reveal.setCheckable(True)
        reveal.toggled.connect(
            lambda shown: self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        )
        self.key_edit.addAction(reveal, QLineEdit.ActionPosition.TrailingPosition)
        self.test_button = QPushButton(icon("connect"), self.tr("Test connection"), objectName="testButton")
        self.test_button.clicked.connect(self.test_connection)
        self.forget_button = QPushButton(self.tr("Forget the key"), objectName="forgetButton")
        self.forget_button.clicked.connect(self._forget_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.test_button)
        key_row.addWidget(self.forget_button)
        form = QFormLayout()
        form.addRow(self.tr("API key:"), key_row)
        form.addRow(self.tr("API address:"), QLabel(services.api_url))

        self.status_label = QLabel(objectName="connectStatus")
        self.status_label.setWordWrap(True)
        self.stores = ReadOnlyTable(
            [self.tr("Store"), self.tr("Store ID"), self.tr("Model"), self.tr("API"), self.tr("Business")],
            objectName="storesTable",
        )
        self.stores.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stores.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save the key"))
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.stores, 1)
        layout.addWidget(buttons)
        if services.campaigns:
            self._show_campaigns(services.campaigns)

    def test_connection(self) -> None:
        token = self.key_edit.text().strip()
        if not token:
            self.status_label.setText(self.tr("Paste the API key first."))
            return
        if self._tester.is_running():
            return
        self.test_button.setEnabled(False)
        self.status_label.setText(self.tr("Asking Market for the list of stores…"))
        make_client, url = self.services.make_client, self.services.api_url

        def fetch(cancel: threading.Event) -> list:
            with make_client(token, url) as client:
                return client.campaigns()

        self._tester.start(fetch, name="ymdesk-connect")

    def _on_campaigns(self, campaigns: list) -> None:
        self.services.campaigns = list(campaigns)
        self._show_campaigns(campaigns)
        self.campaigns_loaded.emit(list(campaigns))

    def _show_campaigns(self, campaigns: list) -> None:
        self.stores.setRowCount(len(campaigns))
        for row, campaign in enumerate(campaigns):
            business = f"{campaign.business_name} ({campaign.business_id})" if campaign.business_id else ""
            cells = [campaign.domain, str(campaign.id), campaign.placement_type, campaign.api_availability, business]
            for column, text in enumerate(cells):
                self.stores.setItem(row, column, QTableWidgetItem(text))
        self.stores.resizeColumnsToContents()
        self.status_label.setText(self.tr("Connected: the key works for %n store(s).", "", len(campaigns)))

    def _on_failed(self, error: BaseException) -> None:
        self.status_label.setText(self.tr("The connection test failed."))
        errors.show_error(self, error)
        self.test_failed.emit(error)

    def _on_test_finished(self) -> None:
        self.test_button.setEnabled(True)

    def _forget_key(self) -> None:
        try:
            self.services.tokens.delete()
        except UserError as error:
            errors.show_error(self, error)
            return
        self.key_edit.clear()
        self.services.campaigns = []
        self.stores.setRowCount(0)
        self.status_label.setText(self.tr("The key was removed from the keyring."))

    def save_and_close(self) -> None:
        token = self.key_edit.text().strip()
        if not token:
            self.status_label.setText(self.tr("Paste the API key first."))
            return
        try:
            self.services.tokens.set(token)
        except UserError as error:
            errors.show_error(self, error)
            return
        self.accept()

    def done(self, result: int) -> None:
        stop_all(self)
        super().done(result)
