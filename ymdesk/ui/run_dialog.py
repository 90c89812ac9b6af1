"""Run an operation: choose it and the target, preview, confirm, watch the progress, see the results.

Pages: setup (operation, store, promo, preview) -> progress (bar, batch, ETA, rate-limit countdown,
log, Cancel) -> results (ResultsView, plus the promo note). The run itself is a JobRunner generator
driven by a TaskController; this dialog only reacts to the controller's signals.
"""

from __future__ import annotations

import math
import threading

from PySide6.QtCore import QCoreApplication, QTime, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ymdesk.core.model import Operation, Target
from ymdesk.core.runs.events import (
    BatchStarted,
    Finished,
    JobCreated,
    JobStatus,
    LogLine,
    Preparing,
    Progress,
    Waiting,
    WaitKind,
)
from ymdesk.core.runs.plan import (
    JobSource,
    PickCounts,
    RunEta,
    RunPlan,
    TargetError,
    WindowUse,
    build_target,
    duration,
    plan_resume,
    plan_run,
    start_run,
    window_use,
)
from ymdesk.core.runs.run_log import RunLog, preparing_message
from ymdesk.i18n import render
from ymdesk.jobs.controller import TaskController, stop_all
from ymdesk.ui import confirm, errors
from ymdesk.ui.resources import icon
from ymdesk.ui.results_view import ResultsView
from ymdesk.ui.services import Services

SETUP_PAGE, PROGRESS_PAGE, RESULTS_PAGE = range(3)


def operation_title(operation: Operation) -> str:
    return QCoreApplication.translate("Operation", operation.label)


def describe_target(target: Target, campaigns: list) -> str:
    """The target in words, with the store and business names when the store list knows them."""

    def t(text: str, value: str) -> str:
        return text.replace("%1", value)

    stores = {c.id: c.domain for c in campaigns}
    businesses = {c.business_id: c.business_name for c in campaigns}
    parts = []
    if target.campaign_id is not None:
        name = stores.get(target.campaign_id, "")
        label = f"«{name}» ({target.campaign_id})" if name else str(target.campaign_id)
        parts.append(t(QCoreApplication.translate("RunDialog", "store %1"), label))
    elif target.business_id is not None:
        name = businesses.get(target.business_id, "")
        label = f"«{name}» ({target.business_id})" if name else str(target.business_id)
        parts.append(t(QCoreApplication.translate("RunDialog", "business %1"), label))
    if target.promo_id is not None:
        parts.append(t(QCoreApplication.translate("RunDialog", "promo %1"), target.promo_id))
    if target.all_offers:
        parts.append(QCoreApplication.translate("RunDialog", "all products"))
    return ", ".join(parts)


class RunDialog(QDialog):
    campaigns_loaded = Signal()
    promos_loaded = Signal()
    items_ready = Signal()  # the picked SKUs are counted; the preview is complete
    run_started = Signal(int)  # job id
    run_finished = Signal(object)  # the Finished event
    promo_checked = Signal(bool)  # True while Market is still processing

    def __init__(self, services: Services, catalog=None, picked=None, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.catalog = catalog
        self.picked = picked
        self.job_id: int | None = None
        self.plan: RunPlan | None = None
        self.finished_event: Finished | None = None
        self._promos: list = []
        self._counts: PickCounts | None = None
        self._windows: dict[tuple[Operation, Target], WindowUse] = {}
        self._eta: RunEta | None = None
        self._log: RunLog | None = None
        self._total = 1
        self.setObjectName("runDialog")
        self.setWindowTitle(self.tr("Run an operation"))
        self.setWindowIcon(icon("run"))
        self.resize(980, 640)
        self._runner = TaskController(self)
        self._runner.event.connect(self._on_event)
        self._runner.failed.connect(self._on_run_failed)
        self._runner.finished.connect(self._on_run_thread_finished)
        self._fetcher = TaskController(self)  # the latest look-up: stores, promos, the promo processing check
        self._counter = TaskController(self)
        self._counter.succeeded.connect(self._on_counted)
        self._counter.failed.connect(lambda error: errors.show_error(self, error))

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_setup_page())
        self.pages.addWidget(self._build_progress_page())
        self.pages.addWidget(self._build_results_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        if catalog is not None:
            # Start the look-ups once the dialog is on screen: a worker busy in Python while the dialog
            # first paints would make every paint callback wait for the GIL.
            QTimer.singleShot(0, self._start_setup)

    def _start_setup(self) -> None:
        self._fill_campaigns()
        self.update_preview()

    # ------------------------------------------------------------ setup page

    def _build_setup_page(self) -> QWidget:
        page = QWidget()
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
        form = QFormLayout()
        form.addRow(self.tr("Operation:"), self.operation_combo)
        form.addRow(self.tr("Store:"), store_row)
        form.addRow(self.tr("Business:"), self.business_label)
        form.addRow(self.tr("Promo:"), self.promo_combo)
        form.addRow("", self.leave_promo_check)
        self.preview_label = QLabel(objectName="previewLabel")
        self.preview_label.setWordWrap(True)
        self.preview_label.setStyleSheet("QLabel { background: palette(alternate-base); padding: 10px; }")
        self.start_button = QPushButton(icon("run"), self.tr("Start…"), objectName="startButton")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.confirm_and_start)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._on_operation_changed()
        return page

    def operation(self) -> Operation:
        return Operation(self.operation_combo.currentData())  # Qt hands a StrEnum back as a plain str

    def campaign(self):
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
        except KeyError:
            return
        self.preview_label.setText(self.tr("Asking Market for the list of stores…"))

        def fetch(cancel: threading.Event) -> list:
            with client:
                return client.campaigns()

        self._fetch(fetch, self._on_campaigns)

    def _on_campaigns(self, campaigns: list) -> None:
        self.services.campaigns = list(campaigns)
        self._fill_campaigns()
        self.campaigns_loaded.emit()

    def _fetch(self, task, on_success, on_done=None) -> None:
        """One background look-up at a time; its result goes to on_success, its error to a dialog."""
        fetcher = TaskController(self)
        fetcher.succeeded.connect(on_success)
        fetcher.failed.connect(lambda error: errors.show_error(self, error))
        if on_done is not None:
            fetcher.finished.connect(on_done)
        fetcher.finished.connect(fetcher.deleteLater)
        self._fetcher = fetcher
        fetcher.start(task, name="ymdesk-fetch")

    def _on_operation_changed(self, *_args) -> None:
        promo = self.operation() is Operation.DELETE_PROMO_OFFERS
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
        except KeyError:
            return
        business_id = campaign.business_id

        def fetch(cancel: threading.Event) -> list:
            with client:
                return client.promos(business_id)

        self._fetch(fetch, self._on_promos)

    def _on_promos(self, promos: list) -> None:
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
        try:
            return build_target(
                self.operation(),
                campaign_id=campaign.id,
                business_id=campaign.business_id,
                promo_id=promo.id if promo is not None else None,
                all_offers=self.leave_promo_check.isChecked() and self.operation() is Operation.DELETE_PROMO_OFFERS,
            )
        except TargetError:
            return None

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
        self.preview_label.setText("\n".join(render(line) for line in self.plan.describe()))
        self.start_button.setEnabled(self.plan.can_start)

    def _window_use(self, operation: Operation, target: Target | None) -> WindowUse:
        if target is None:
            return WindowUse()
        key = (operation, target)
        if key not in self._windows:
            self._windows[key] = window_use(self.services.journal, operation, target)
        return self._windows[key]

    def _count_picks(self) -> None:
        if self._counter.is_running():
            return
        check, picked = self.catalog.check, self.picked
        self._counter.start(lambda cancel: PickCounts.of(check, picked), name="ymdesk-count")

    def _on_counted(self, counts: PickCounts) -> None:
        self._counts = counts
        self.update_preview()
        self.items_ready.emit()

    def target_name(self) -> str:
        """How the confirmation names the target: the store, the business, or the promo."""
        campaign = self.campaign()
        operation = self.operation()
        if operation is Operation.DELETE_FROM_CATALOG:
            return f"{campaign.business_name} ({campaign.business_id})"
        if operation is Operation.DELETE_PROMO_OFFERS:
            promo = self.promo_combo.currentData()
            return f"{promo.name} ({promo.id})"
        return f"{campaign.domain} ({campaign.id})"

    def confirm_and_start(self) -> None:
        if self.plan is None or not self.plan.can_start:
            return
        if not confirm.confirm_run(self, self.plan):
            return
        self.services.settings.campaign_id = self.campaign().id
        plan = self.plan
        picked = self.picked if plan.operation.takes_skus and not plan.whole else None
        self._run(plan, JobSource(self.catalog, picked))

    # ------------------------------------------------------------ progress page

    def _build_progress_page(self) -> QWidget:
        page = QWidget()
        self.run_title = QLabel(objectName="runTitle")
        self.run_title.setStyleSheet("QLabel { font-weight: bold; }")
        self.progress_bar = QProgressBar(objectName="runProgress")
        self.progress_bar.setFormat(self.tr("%v of %m SKUs"))
        self.batch_label = QLabel(objectName="batchLabel")
        self.eta_label = QLabel(objectName="etaLabel")
        self.wait_label = QLabel(objectName="waitLabel")
        self.wait_label.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; }")
        self.log_view = QPlainTextEdit(objectName="runLog")
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Cancel"), objectName="cancelRun")
        self.cancel_button.clicked.connect(self.cancel_run)
        status_row = QHBoxLayout()
        status_row.addWidget(self.batch_label)
        status_row.addStretch(1)
        status_row.addWidget(self.eta_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.wait_label, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.run_title)
        layout.addWidget(self.progress_bar)
        layout.addLayout(status_row)
        layout.addWidget(QLabel(self.tr("Log:")))
        layout.addWidget(self.log_view, 1)
        layout.addLayout(buttons)
        return page

    def start_job(self, job_id: int) -> None:
        """Resume a journal job on a worker thread."""
        self._run(plan_resume(self.services.journal, job_id))

    def _show_progress_page(self, plan: RunPlan) -> None:
        self.run_title.setText(
            self.tr("%1 — %2")
            .replace("%1", operation_title(plan.operation))
            .replace("%2", describe_target(plan.target, self.services.campaigns))
        )
        self._total = max(1, plan.items_total if not plan.resumes else plan.picked)
        self.progress_bar.setRange(0, 0)  # busy until the job is recorded (seconds for 500k SKUs)
        self.batch_label.setText(self.tr("Preparing…"))
        self.eta_label.clear()
        self.wait_label.clear()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.pages.setCurrentIndex(PROGRESS_PAGE)

    def _run(self, plan: RunPlan, source: JobSource | None = None) -> None:
        """Start the worker over core.runs.plan.start_run: it creates the job (or resumes it), then runs it."""
        try:
            client = self.services.client()
        except KeyError:
            QMessageBox.warning(self, self.tr("No API key"), self.tr("Connect to Market first (Market > Connect)."))
            self.pages.setCurrentIndex(SETUP_PAGE)
            return
        journal = self.services.journal
        self._show_progress_page(plan)
        self._eta = RunEta(plan)
        self._log = RunLog(plan.operation, journal.counts(plan.job_id) if plan.job_id is not None else None)
        self._append_log(self.tr("Started."))
        source = source or JobSource()
        self._runner.start(
            lambda cancel: start_run(journal, client, plan, source=source, cancel=cancel), name="ymdesk-run"
        )

    def is_running(self) -> bool:
        return self._runner.is_running()

    def _on_event(self, event) -> None:
        if self._eta is not None:
            self._eta.feed(event)
        if self._log is not None:
            for line in self._log.lines(event):
                self._append_log(render(line))
        if isinstance(event, Preparing):
            self.progress_bar.setRange(0, event.steps)
            self.progress_bar.setValue(event.number - 1)
            self.batch_label.setText(render(preparing_message(event)))
        elif isinstance(event, JobCreated):
            self.job_id = event.job_id
            self.run_title.setText(
                self.tr("Run #%1: %2").replace("%1", str(event.job_id)).replace("%2", self.run_title.text())
            )
            self.run_started.emit(event.job_id)
        elif isinstance(event, BatchStarted):
            self.wait_label.clear()
            if self.progress_bar.maximum() != self._total:
                self.progress_bar.setRange(0, self._total)
                self.progress_bar.setValue(0)
            text = self.tr("Batch %1 of %2").replace("%1", str(event.batch)).replace("%2", str(event.batches))
            self.batch_label.setText(text)
        elif isinstance(event, Progress):
            self.wait_label.clear()
            self.progress_bar.setRange(0, max(1, event.total))
            self.progress_bar.setValue(event.done)
            self._update_eta()
        elif isinstance(event, Waiting):
            self.wait_label.setText(self._wait_text(event))
            self._update_eta()
        elif isinstance(event, LogLine):
            self._append_log(render(event.message), event.level)
        elif isinstance(event, Finished):
            self._on_finished(event)

    def _update_eta(self) -> None:
        """The one estimator (core.runs.plan.RunEta): what is left and the limit window; it only counts down."""
        left = self._eta.seconds_left() if self._eta is not None else 0.0
        if left > 0:
            self.eta_label.setText(self.tr("About %1 left").replace("%1", render(duration(left))))
        else:
            self.eta_label.clear()

    def _wait_text(self, event: Waiting) -> str:
        left = render(duration(math.ceil(event.seconds_left)))
        texts = {
            WaitKind.PACING: self.tr("Keeping to Market's rate limit: next request in %1"),
            WaitKind.RATE_LIMIT: self.tr("Market's rate limit was reached: waiting %1"),
            WaitKind.RETRY: self.tr("Market did not answer properly: trying again in %1"),
            WaitKind.LOCKED: self.tr("The store is busy on Market's side: trying again in %1"),
        }
        return texts.get(event.kind, self.tr("Waiting %1")).replace("%1", left)

    def _append_log(self, text: str, level: str = "info") -> None:
        stamp = QTime.currentTime().toString("HH:mm:ss")
        marker = {"warning": "⚠ ", "error": "✖ "}.get(level, "")
        self.log_view.appendPlainText(f"{stamp}  {marker}{text}")

    def cancel_run(self) -> None:
        if self.is_running():
            self._runner.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))
            self._append_log(self.tr("Cancelling: the current request is finished, the rest is recorded as cancelled."))

    def _on_run_failed(self, error: BaseException) -> None:
        self._append_log(render(error.message) if hasattr(error, "message") else str(error), "error")
        errors.show_error(self, error)

    def _on_finished(self, event: Finished) -> None:
        self.finished_event = event
        text = {
            JobStatus.DONE: self.tr("Finished."),
            JobStatus.CANCELLED: self.tr(
                "Cancelled. The SKUs not sent are recorded as cancelled; resume from History."
            ),
            JobStatus.STOPPED: self.tr("Stopped by Market."),
        }.get(event.status, event.status.value)
        self._append_log(text, "info" if event.status is JobStatus.DONE else "warning")
        if event.message is not None:
            self._append_log(render(event.message), "warning")

    def _on_run_thread_finished(self) -> None:
        self.cancel_button.setEnabled(False)
        if self.job_id is None:
            return
        self.show_results()
        if self.finished_event is not None:
            if self.finished_event.status is JobStatus.STOPPED and self.finished_event.message is not None:
                box = QMessageBox(
                    QMessageBox.Icon.Warning, self.tr("Market stopped the run"), render(self.finished_event.message)
                )
                box.setParent(self, box.windowFlags())
                box.setInformativeText(self.tr("The SKUs not sent are recorded as cancelled; resume from History."))
                errors.present(box)
            self.run_finished.emit(self.finished_event)

    # ------------------------------------------------------------ results page

    def _build_results_page(self) -> QWidget:
        page = QWidget()
        self.results = ResultsView(self.services, page)
        self.promo_note = QLabel(objectName="promoNote")
        self.promo_note.setWordWrap(True)
        self.check_promo_button = QPushButton(self.tr("Check whether Market has applied it"), objectName="checkPromo")
        self.check_promo_button.clicked.connect(self.check_promo_processing)
        promo_row = QHBoxLayout()
        promo_row.addWidget(self.promo_note, 1)
        promo_row.addWidget(self.check_promo_button)
        close = QPushButton(self.tr("Close"), objectName="closeResults")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.results, 1)
        layout.addLayout(promo_row)
        layout.addLayout(buttons)
        return page

    def show_results(self) -> None:
        job = self.services.journal.job(self.job_id)
        promo = job.operation is Operation.DELETE_PROMO_OFFERS
        self.promo_note.setVisible(promo)
        self.check_promo_button.setVisible(promo)
        if promo:
            self.promo_note.setText(
                self.tr(
                    "Market applies promo changes in 4–6 hours. Until then the products may still show in the promo."
                )
            )
        self.results.show_job(self.job_id)
        self.pages.setCurrentIndex(RESULTS_PAGE)

    def check_promo_processing(self) -> None:
        job = self.services.journal.job(self.job_id)
        business_id, promo_id = job.target.business_id, job.target.promo_id
        try:
            client = self.services.client()
        except KeyError:
            return

        def fetch(cancel: threading.Event):
            with client:
                return next((p for p in client.promos(business_id) if p.id == promo_id), None)

        self.check_promo_button.setEnabled(False)
        self._fetch(fetch, self._on_promo_checked, lambda: self.check_promo_button.setEnabled(True))

    def _on_promo_checked(self, promo) -> None:
        processing = bool(promo is not None and promo.processing)
        if processing:
            self.promo_note.setText(self.tr("Market is still processing the changes to this promo. Check again later."))
        else:
            self.promo_note.setText(self.tr("Market has finished processing the changes to this promo."))
        self.promo_checked.emit(processing)

    # ------------------------------------------------------------ closing

    def confirm_stop(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Stop the run?"),
            self.tr(
                "A run is in progress. Stop it? The current request is finished; the SKUs not sent are recorded "
                "as cancelled and can be resumed from History."
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def cancel_and_wait(self) -> None:
        self._runner.cancel_and_wait()
        stop_all(self)

    def reject(self) -> None:
        if self.is_running():
            if not self.confirm_stop():
                return
            self.cancel_and_wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            if not self.confirm_stop():
                event.ignore()
                return
            self.cancel_and_wait()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        stop_all(self)  # reached only when no run is going (reject and closeEvent ask first)
        super().done(result)
