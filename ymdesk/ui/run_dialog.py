"""Run an operation: the flow of the run dialog.

Pages: setup (ui/run_setup.py: operation, store, promo, preview; or a resume's preview) -> progress
(ui/run_progress.py, fed by the run's events) -> results (ResultsView, plus the promo note). A run, new or
resumed, is core.runs.plan.start_run on a TaskController's worker; this dialog confirms it with the plan's
rule, relays its events, and ends it the same way whichever of Cancel, Escape or the window's X is used:
it asks "Stop the run?" (No by default), stops, then shows the results of what was done.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ymdesk.core.market.client import Promo
from ymdesk.core.model import Operation
from ymdesk.core.runs.events import Event, Finished, JobCreated, JobStatus
from ymdesk.core.runs.plan import JobSource, RunPlan, plan_resume, start_run
from ymdesk.core.secrets import NoApiKey
from ymdesk.core.sheets.catalog import Catalog
from ymdesk.i18n import render
from ymdesk.jobs.controller import TaskController, stop_all
from ymdesk.ui import confirm, errors
from ymdesk.ui.resources import icon
from ymdesk.ui.results_view import ResultsView
from ymdesk.ui.run_progress import RunProgressView
from ymdesk.ui.run_setup import RunSetupPage
from ymdesk.ui.services import Services

SETUP_PAGE, PROGRESS_PAGE, RESULTS_PAGE = range(3)


class RunDialog(QDialog):
    campaigns_loaded = Signal()
    promos_loaded = Signal()
    items_ready = Signal()  # the picked SKUs are counted; the preview is complete
    run_started = Signal(int)  # job id
    run_event = Signal(object)  # every event of the run, in the GUI thread (JobCreated, Progress, Waiting, ...)
    run_finished = Signal(object)  # the Finished event
    stop_asked = Signal(bool)  # "Stop the run?" was answered: True = stop
    promo_checked = Signal(bool)  # True while Market is still processing

    def __init__(
        self,
        services: Services,
        catalog: Catalog | None = None,
        picked: np.ndarray | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.catalog = catalog
        self.picked = picked
        self.job_id: int | None = None
        self.finished_event: Finished | None = None
        self.setObjectName("runDialog")
        self.setWindowTitle(self.tr("Run an operation"))
        self.setWindowIcon(icon("run"))
        self.resize(980, 640)
        self._runner = TaskController(self)
        self._runner.event.connect(self._on_event)
        self._runner.failed.connect(self._on_run_failed)
        self._runner.finished.connect(self._on_run_thread_finished)
        self._retry_failed = False
        self._planner = TaskController(self)  # a resume's plan, read from the journal
        self._planner.succeeded.connect(self._on_resume_planned)
        self._planner.failed.connect(lambda error: errors.show_error(self, error))
        self._checker = TaskController(self)  # "has Market applied the promo change?"
        self._checker.succeeded.connect(self._on_promo_checked)
        self._checker.failed.connect(lambda error: errors.show_error(self, error))
        self._checker.finished.connect(lambda: self.check_promo_button.setEnabled(True))

        self.setup = RunSetupPage(services)
        self.setup.campaigns_loaded.connect(self.campaigns_loaded)
        self.setup.promos_loaded.connect(self.promos_loaded)
        self.setup.items_ready.connect(self.items_ready)
        self.setup.start_requested.connect(self.confirm_and_start)
        self.setup.close_requested.connect(self.reject)
        self.progress = RunProgressView()
        self.progress.cancel_clicked.connect(self.request_stop)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.setup)
        self.pages.addWidget(self.progress)
        self.pages.addWidget(self._build_results_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        if catalog is not None:
            self.setup.start(catalog, picked)

    @property
    def plan(self) -> RunPlan | None:
        return self.setup.plan

    # ------------------------------------------------------------ starting

    def resume(self, job_id: int, *, retry_failed: bool = False) -> None:
        """Show what resuming a journal job will do; it starts only once confirmed, as a new run does. The plan
        (what is left, the limit window used) is read on a worker: a few hundred ms for a 300k-SKU job.
        `items_ready` is emitted when the preview is complete."""
        journal = self.services.journal
        self.setup.show_resume_pending()
        self.pages.setCurrentIndex(SETUP_PAGE)
        self._retry_failed = retry_failed  # History's "also send again what failed for a passing cause"
        self._planner.start(lambda cancel: plan_resume(journal, job_id, retry_failed=retry_failed), name="ymdesk-plan")

    def _on_resume_planned(self, plan: RunPlan) -> None:
        self.setup.show_resume(plan)
        self.items_ready.emit()

    def confirm_and_start(self) -> None:
        plan = self.plan
        if plan is None or not plan.can_start:
            return
        if plan.operation is Operation.DELETE_FROM_CATALOG and not plan.resumes:
            choice = confirm.offer_archive(self, plan)
            if choice == "cancel":
                return
            if choice == "archive":
                self.setup.switch_operation(Operation.ARCHIVE)
                plan = self.plan
                if plan is None or not plan.can_start:
                    return
        if not confirm.confirm_run(self, plan):
            return
        if plan.resumes:
            self._run(plan, JobSource())
            return
        campaign = self.setup.campaign()
        if campaign is not None:
            self.services.settings.campaign_id = campaign.id
        self.picked = self.setup.picked  # a check may have dropped SKUs Market does not have
        picked = self.picked if not plan.whole else None
        self._run(plan, JobSource(self.catalog, picked))

    def _run(self, plan: RunPlan, source: JobSource) -> None:
        """core.runs.plan.start_run on a worker: it creates the job (or takes the resumed one), then runs it."""
        try:
            client = self.services.client()
        except NoApiKey as error:
            errors.show_error(self, error)
            return
        journal = self.services.journal
        before = journal.counts(plan.job_id) if plan.job_id is not None else None
        self.progress.begin(plan, self.services.campaigns, before)
        self.pages.setCurrentIndex(PROGRESS_PAGE)
        retry_failed = plan.resumes and self._retry_failed
        self._runner.start(
            lambda cancel: start_run(journal, client, plan, source=source, cancel=cancel, retry_failed=retry_failed),
            name="ymdesk-run",
        )

    def is_running(self) -> bool:
        return self._runner.is_running()

    def _on_event(self, event: Event) -> None:
        self.progress.feed(event)
        if isinstance(event, JobCreated):
            self.job_id = event.job_id
            self.run_started.emit(event.job_id)
        elif isinstance(event, Finished):
            self.finished_event = event
        self.run_event.emit(event)

    def _on_run_failed(self, error: BaseException) -> None:
        self.progress.append_log(render(error.message) if hasattr(error, "message") else str(error), "error")
        errors.show_error(self, error)

    def _on_run_thread_finished(self) -> None:
        self.progress.ended()
        if self.job_id is None:  # it failed before its job was recorded: back to the choices
            self.pages.setCurrentIndex(SETUP_PAGE)
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
        except NoApiKey as error:
            errors.show_error(self, error)
            return

        def fetch(cancel: threading.Event):
            with client:
                return next((p for p in client.promos(business_id) if p.id == promo_id), None)

        self.check_promo_button.setEnabled(False)
        self._checker.start(fetch, name="ymdesk-fetch")

    def _on_promo_checked(self, promo: Promo | None) -> None:
        processing = bool(promo is not None and promo.processing)
        if processing:
            self.promo_note.setText(self.tr("Market is still processing the changes to this promo. Check again later."))
        else:
            self.promo_note.setText(self.tr("Market has finished processing the changes to this promo."))
        self.promo_checked.emit(processing)

    # ------------------------------------------------------------ stopping and closing

    def confirm_stop(self) -> bool:
        """Ask before stopping a run; No is the default (Enter or Escape keeps it going)."""
        answer = QMessageBox.question(
            self,
            self.tr("Stop the run?"),
            self.tr(
                "A run is in progress. Stop it? The current request is finished; the SKUs not sent are recorded "
                "as cancelled and can be resumed from History."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        stop = answer == QMessageBox.StandardButton.Yes
        self.stop_asked.emit(stop)
        return stop

    def request_stop(self) -> None:
        """Cancel, Escape and the window's X during a run: ask, then stop; the results follow when it has."""
        if self.is_running() and not self._runner.is_cancelled() and self.confirm_stop():
            self.cancel_run()

    def cancel_run(self) -> None:
        """Stop without asking (the runner checks between batches and every second of a wait)."""
        if self.is_running() and not self._runner.is_cancelled():
            self._runner.cancel()
            self.progress.set_cancelling()

    def cancel_and_wait(self) -> None:
        """For the main window going away: stop and wait for the run's thread."""
        self._runner.cancel_and_wait()
        stop_all(self)

    def reject(self) -> None:
        if self.is_running():
            self.request_stop()
            return  # the dialog stays to show the results once the run has stopped
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_running():
            event.ignore()
            self.request_stop()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        stop_all(self)  # reached only when no run is going (reject and closeEvent stop it first)
        super().done(result)
