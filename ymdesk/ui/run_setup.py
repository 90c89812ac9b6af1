"""The run dialog's first page: choose the operation and the target, see the preview (core.runs.plan).

For a new run the person picks the operation, the store and the promo; the picked SKUs are counted off the
GUI thread and the preview follows every choice. For a resume (History → "Resume the run") the choices are
the job's and fixed: the page shows what is left, the store by name, batches and time, and asks the same
way before anything is sent.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ymdesk.core.market.client import Campaign, Promo
from ymdesk.core.model import Operation, Target
from ymdesk.core.runs.plan import (
    PickCounts,
    RunPlan,
    TargetError,
    WindowUse,
    build_target,
    plan_run,
    window_use,
)
from ymdesk.core.secrets import NoApiKey
from ymdesk.core.sheets.catalog import Catalog
from ymdesk.i18n import fill, render
from ymdesk.jobs.controller import TaskController
from ymdesk.ui import errors
from ymdesk.ui.market_check import CheckPanel, without
from ymdesk.ui.resources import icon
from ymdesk.ui.services import Services
from ymdesk.ui.texts import describe_target, operation_title


class RunSetupPage(QWidget):
    campaigns_loaded = Signal()
    promos_loaded = Signal()
    items_ready = Signal()  # the picked SKUs are counted; the preview is complete
    start_requested = Signal()  # Start (or Resume) pressed with a plan that can start
    close_requested = Signal()
    picked_changed = Signal()  # SKUs were dropped from the run after a check

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.catalog: Catalog | None = None
        self.picked: np.ndarray | None = None
        self.plan: RunPlan | None = None
        self._promos: list[Promo] = []
        self._counts: PickCounts | None = None
        self._windows: dict[tuple[Operation, Target], WindowUse] = {}
        self._fetcher = TaskController(self)  # the latest look-up: stores or promos
        self._counter = TaskController(self)
        self._window_reader = TaskController(self)
        self._window_reader.succeeded.connect(self._on_window_use)
        self._window_reader.failed.connect(lambda error: errors.show_error(self, error))
        self._counter.succeeded.connect(self._on_counted)
        self._counter.failed.connect(lambda error: errors.show_error(self, error))

        self.operation_combo = QComboBox(objectName="operationCombo")
        for operation in Operation:
            self.operation_combo.addItem(operation_title(operation), operation)
        self.operation_combo.currentIndexChanged.connect(self._on_operation_changed)
        self.store_combo = QComboBox(objectName="storeCombo")
        self.store_combo.currentIndexChanged.connect(self._on_store_changed)
        self.reload_stores_button = QPushButton(icon("connect"), self.tr("Refresh"), objectName="reloadStores")
        self.reload_stores_button.clicked.connect(self.load_campaigns)
        store_row = QHBoxLayout()
        store_row.addWidget(self.store_combo, 1)
        store_row.addWidget(self.reload_stores_button)
        self.promo_combo = QComboBox(objectName="promoCombo")
        self.promo_combo.currentIndexChanged.connect(self.update_preview)
        self.leave_promo_check = QCheckBox(self.tr("Leave the promo entirely (all products, not only the picked ones)"))
        self.leave_promo_check.setObjectName("leavePromoCheck")
        self.leave_promo_check.toggled.connect(self.update_preview)
        self.business_label = QLabel(objectName="businessLabel")
        self.operation_hint = QLabel(objectName="operationHint")
        self.operation_hint.setWordWrap(True)
        self.choices = QWidget(objectName="runChoices")
        form = QFormLayout(self.choices)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Operation:"), self.operation_combo)
        form.addRow(self.tr("Store:"), store_row)
        form.addRow(self.tr("Business:"), self.business_label)
        form.addRow(self.tr("Promo:"), self.promo_combo)
        form.addRow("", self.leave_promo_check)
        form.addRow("", self.operation_hint)
        self.heading = QLabel(objectName="resumeHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("QLabel { font-weight: bold; }")
        self.heading.hide()
        self.preview_label = QLabel(objectName="previewLabel")
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("QLabel { background: palette(alternate-base); padding: 10px; }")
        self.check_panel = CheckPanel(services, self)
        self.check_panel.drop_requested.connect(self.drop_skus)
        self.start_button = QPushButton(icon("run"), self.tr("Start…"), objectName="startButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._on_start)
        close = QPushButton(self.tr("Close"), objectName="closeSetup")
        close.clicked.connect(self.close_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choices)
        layout.addWidget(self.heading)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.check_panel)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._on_operation_changed()

    # ------------------------------------------------------------ a new run

    def start(self, catalog: Catalog, picked: np.ndarray | None) -> None:
        """Plan a new run over `picked` rows of `catalog`. The look-ups start once the dialog is on screen:
        a worker busy in Python while the dialog first paints would make every paint wait for the GIL."""
        self.catalog, self.picked = catalog, picked
        QTimer.singleShot(0, self._start_lookups)

    def _start_lookups(self) -> None:
        self._fill_campaigns()
        self.update_preview()

    def switch_operation(self, operation: Operation) -> None:
        """Choose another operation (the catalog delete's confirmation offers archive) and replan at once."""
        index = self.operation_combo.findData(operation)
        if index >= 0:
            self.operation_combo.setCurrentIndex(index)
        self.update_preview()

    def operation(self) -> Operation:
        return Operation(self.operation_combo.currentData())  # Qt hands a StrEnum back as a plain str

    def campaign(self) -> Campaign | None:
        return self.store_combo.currentData()

    def _fill_campaigns(self) -> None:
        self.store_combo.blockSignals(True)
        self.store_combo.clear()
        for campaign in self.services.campaigns:
            self.store_combo.addItem(f"{campaign.domain} ({campaign.id}, {campaign.placement_type})", campaign)
        remembered = self.services.settings.campaign_id
        for index in range(self.store_combo.count()):
            if self.store_combo.itemData(index).id == remembered:
                self.store_combo.setCurrentIndex(index)
        self.store_combo.blockSignals(False)
        if not self.services.campaigns:
            self.load_campaigns()
        self._on_store_changed()

    def load_campaigns(self) -> None:
        if self._fetcher.is_running():
            return
        try:
            client = self.services.client()
        except NoApiKey:
            return  # the dialog opens only after connecting; without a key there is nothing to ask
        self.preview_label.setText(self.tr("Asking Market for the list of stores…"))

        def fetch(cancel: threading.Event) -> list[Campaign]:
            with client:
                return client.campaigns()

        self._fetch(fetch, self._on_campaigns)

    def _on_campaigns(self, campaigns: list[Campaign]) -> None:
        self.services.campaigns = list(campaigns)
        self._fill_campaigns()
        self.campaigns_loaded.emit()

    def _fetch(self, task, on_success) -> None:
        """One background look-up at a time; its result goes to on_success, its error to a dialog."""
        fetcher = TaskController(self)
        fetcher.succeeded.connect(on_success)
        fetcher.failed.connect(lambda error: errors.show_error(self, error))
        fetcher.finished.connect(fetcher.deleteLater)
        self._fetcher = fetcher
        fetcher.start(task, name="ymdesk-fetch")

    def _on_operation_changed(self, *_args) -> None:
        promo = self.operation() is Operation.DELETE_PROMO_OFFERS
        self.operation_hint.setText(self._operation_hint(self.operation()))
        self.operation_hint.setVisible(bool(self.operation_hint.text()))
        self.promo_combo.setEnabled(promo)
        self.leave_promo_check.setEnabled(promo)
        if promo and not self._promos:
            self.load_promos()
        self.update_preview()

    def _on_store_changed(self, *_args) -> None:
        campaign = self.campaign()
        if campaign is None:
            self.business_label.setText(self.tr("(connect to Market to see the stores)"))
        else:
            self.business_label.setText(f"{campaign.business_name} ({campaign.business_id})")
        self._promos = []
        self.promo_combo.clear()
        if self.operation() is Operation.DELETE_PROMO_OFFERS:
            self.load_promos()
        self.update_preview()

    def load_promos(self) -> None:
        campaign = self.campaign()
        if campaign is None or campaign.business_id is None or self._fetcher.is_running():
            return
        try:
            client = self.services.client()
        except NoApiKey:
            return
        business_id = campaign.business_id

        def fetch(cancel: threading.Event) -> list[Promo]:
            with client:
                return client.promos(business_id)

        self._fetch(fetch, self._on_promos)

    def _on_promos(self, promos: list[Promo]) -> None:
        self._promos = list(promos)
        self.promo_combo.clear()
        for promo in promos:
            self.promo_combo.addItem(f"{promo.name} ({promo.id})", promo)
        self.update_preview()
        self.promos_loaded.emit()

    def target(self) -> Target | None:
        """The target the choices name (core.runs.plan.build_target); None until they name a whole one."""
        campaign = self.campaign()
        if campaign is None:
            return None
        promo = self.promo_combo.currentData()
        operation = self.operation()
        try:
            return build_target(
                operation,
                campaign_id=campaign.id,
                business_id=campaign.business_id,
                promo_id=promo.id if promo is not None else None,
                all_offers=self.leave_promo_check.isChecked() and operation is Operation.DELETE_PROMO_OFFERS,
            )
        except TargetError:
            return None

    def target_name(self) -> str:
        """The target's name as the person knows it: the store, the business, or the promo."""
        campaign = self.campaign()
        if campaign is None:
            return ""
        operation = self.operation()
        if operation is Operation.DELETE_FROM_CATALOG:
            return campaign.business_name
        if operation is Operation.DELETE_PROMO_OFFERS:
            promo = self.promo_combo.currentData()
            return promo.name if promo is not None else ""
        return campaign.domain

    def update_preview(self, *_args) -> None:
        if self.catalog is None:
            return
        if self._counts is None:
            self.plan = None
            self.preview_label.setText(self.tr("Checking the picked SKUs…"))
            self.start_button.setEnabled(False)
            self._count_picks()
            return
        operation, target = self.operation(), self.target()
        self.plan = plan_run(
            operation,
            target,
            self._counts,
            self.services.settings.batch_size,
            target_name=self.target_name() if target is not None else "",
            window=self._window_use(operation, target),
        )
        self._show_plan(self.plan)

    def _show_plan(self, plan: RunPlan) -> None:
        self.preview_label.setText("\n".join(render(line) for line in plan.describe()))
        self.start_button.setEnabled(plan.can_start)
        if plan.resumes:
            self.check_panel.hide()
        else:
            self.check_panel.set_subject(plan.operation, plan.target, self.catalog, self.picked, plan.valid)

    def _operation_hint(self, operation: Operation) -> str:
        if operation is Operation.ARCHIVE:
            return self.tr(
                "Archive hides the products in every store of the business; it can be undone "
                "(Restore products from the archive). Products held in a Market warehouse cannot be archived."
            )
        if operation is Operation.UNARCHIVE:
            return self.tr("Brings archived products back to every store of the business.")
        if operation is Operation.DELETE_FROM_CATALOG:
            return self.tr(
                "Deleting from the catalog removes the products from every store and cannot be undone; "
                "to hide them reversibly, archive them instead."
            )
        return ""

    def drop_skus(self, skus: list[str]) -> None:
        """Leave these SKUs out of the run (the check found Market does not have them): recount and replan."""
        if self.catalog is None:
            return
        self.picked = without(self.catalog, self.picked, skus)
        self._counts = None
        self.update_preview()
        self.picked_changed.emit()

    def _window_use(self, operation: Operation, target: Target | None) -> WindowUse:
        """What earlier runs on this store spent of the limit window, from the journal. Reading it takes a few
        hundred ms after a big run, so it is read off the GUI thread; the preview is redone when it is known."""
        if target is None:
            return WindowUse()
        key = (operation, target)
        if key in self._windows:
            return self._windows[key]
        if not self._window_reader.is_running():
            journal = self.services.journal
            self._window_reader.start(lambda cancel: (key, window_use(journal, operation, target)), name="ymdesk-plan")
        return WindowUse()

    def _on_window_use(self, result: tuple[tuple[Operation, Target], WindowUse]) -> None:
        key, use = result
        self._windows[key] = use
        self.update_preview()

    def _count_picks(self) -> None:
        if self._counter.is_running() or self.catalog is None:
            return
        check, picked = self.catalog.check, self.picked
        self._counter.start(lambda cancel: PickCounts.of(check, picked), name="ymdesk-count")

    def _on_counted(self, counts: PickCounts) -> None:
        self._counts = counts
        self.update_preview()
        self.items_ready.emit()

    # ------------------------------------------------------------ a resume

    def show_resume_pending(self) -> None:
        """A resume's plan is being read from the journal (what is left, the window used)."""
        self.plan = None
        self.choices.hide()
        self.heading.show()
        self.heading.clear()
        self.start_button.setText(self.tr("Resume…"))
        self.start_button.setEnabled(False)
        self.preview_label.setText(self.tr("Reading what is left to send…"))

    def show_resume(self, plan: RunPlan) -> None:
        """A journal job to finish: its choices are fixed, so show them in words with the same preview."""
        self.plan = plan
        self.choices.hide()
        self.heading.show()
        target = describe_target(plan.target, self.services.campaigns, plan.target_name) if plan.target else ""
        self.heading.setText(
            fill(
                self.tr("Resume run #{job}: {operation} — {target}"),
                job=plan.job_id,
                operation=operation_title(plan.operation),
                target=target,
            )
        )
        self.start_button.setText(self.tr("Resume…"))
        self._show_plan(plan)

    # ------------------------------------------------------------ starting

    def _on_start(self) -> None:
        if self.plan is not None and self.plan.can_start:
            self.start_requested.emit()
