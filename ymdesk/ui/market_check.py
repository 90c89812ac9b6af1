"""Asking Market before and after a run: "Check against Market" in the run dialog, "Verify" on a finished run.

Both read on a TaskController's worker (core.runs.check / core.runs.verify), show their progress, can be
cancelled, and never touch the journal's outcomes: they only report.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ymdesk.core.market.client import MarketClient
from ymdesk.core.model import Operation, Target
from ymdesk.core.runs.check import CheckResult, ReadProgress, plan_check, run_check, where_to_read
from ymdesk.core.runs.events import Waiting
from ymdesk.core.runs.verify import VerifyResult, verify_job
from ymdesk.core.secrets import NoApiKey
from ymdesk.core.sheets.catalog import Catalog
from ymdesk.i18n import fill, render
from ymdesk.jobs.controller import TaskController
from ymdesk.ui import errors
from ymdesk.ui.services import Services

# The missing SKUs listed in the dialog (all of them are dropped by the button).
LISTED = 1000


def picked_skus(catalog: Catalog, picked: np.ndarray | None) -> list[str]:
    """The unique valid trimmed SKUs of the picked rows, in file order (what a run would send)."""
    check = catalog.check
    mask = check.valid if picked is None else (check.valid & np.asarray(picked, dtype=bool))
    return list(dict.fromkeys(check.trimmed[mask].tolist()))


def without(catalog: Catalog, picked: np.ndarray | None, skus: list[str]) -> np.ndarray:
    """`picked` (None: every row) without the valid rows whose SKU is in `skus`."""
    check = catalog.check
    base = np.ones(len(check), dtype=bool) if picked is None else np.asarray(picked, dtype=bool).copy()
    trimmed = check.trimmed.to_numpy(dtype=object)
    return base & ~(check.valid & np.isin(trimmed, np.array(skus, dtype=object)))


class _MarketRead(QWidget):
    """What the check and the verification share: the task that reads off the GUI thread, a Cancel button shown
    while it reads, a status line, and the API client asked for when a read starts. A subclass names the widgets
    (tests and styles find them by name) and gives the Cancel button its text."""

    read_event = Signal(object)  # each event of the read as it happens (progress, a wait for the rate limit)

    def __init__(self, services: Services, parent: QWidget | None, cancel_name: str, status_name: str) -> None:
        super().__init__(parent)
        self.services = services
        self._task = TaskController(self)
        self._task.event.connect(self.read_event)
        self.cancel_button = QPushButton(objectName=cancel_name)
        self.cancel_button.clicked.connect(self._task.cancel)
        self.cancel_button.hide()
        self.status_label = QLabel(objectName=status_name)
        self.status_label.setWordWrap(True)

    def _client(self) -> MarketClient | None:
        """A client for the saved key, or None once the person has been told there is no key."""
        try:
            return self.services.client()
        except NoApiKey as error:
            errors.show_error(self, error)
            return None

    def stop(self) -> None:
        self._task.cancel_and_wait()


class CheckPanel(_MarketRead):
    """The check before a run: estimate, progress, cancel, and the SKUs Market does not have."""

    checked = Signal(object)  # CheckResult (also after a cancel: a partial one)
    drop_requested = Signal(list)  # the SKUs to drop from the run

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent, cancel_name="cancelCheckButton", status_name="checkStatus")
        self.result: CheckResult | None = None
        self._subject: tuple[Operation, Target, Catalog, np.ndarray | None] | None = None
        self._count = 0  # valid SKUs the subject holds (from the run's plan)
        self._task.event.connect(self._on_event)
        self._task.succeeded.connect(self._on_checked)
        self._task.failed.connect(self._on_failed)
        self._task.finished.connect(self._on_finished)
        self.check_button = QPushButton(self.tr("Check against Market"), objectName="checkButton")
        self.check_button.setToolTip(
            self.tr("Look the picked SKUs up on Market before the run: which it has, which it has not.")
        )
        self.check_button.clicked.connect(self.start_check)
        self.cancel_button.setText(self.tr("Cancel the check"))
        self.progress = QProgressBar(objectName="checkProgress")
        self.progress.hide()
        self.missing_list = QListWidget(objectName="missingList")
        self.missing_list.setMaximumHeight(110)
        self.missing_list.hide()
        self.drop_button = QPushButton(self.tr("Drop them from the run"), objectName="dropMissingButton")
        self.drop_button.clicked.connect(self._drop)
        self.drop_button.hide()
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        drop_row = QHBoxLayout()
        drop_row.addWidget(self.missing_list, 1)
        drop_row.addWidget(self.drop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status_label)
        layout.addLayout(drop_row)

    def set_subject(
        self,
        operation: Operation,
        target: Target | None,
        catalog: Catalog | None,
        picked: np.ndarray | None,
        count: int = 0,
    ) -> None:
        """What a check would look up (`count` valid SKUs); a changed choice makes an earlier result stale.
        Until a check has run, the panel says how long one would take, and whether longer than the run."""
        subject = (operation, target, catalog, picked) if target is not None and catalog is not None else None
        can = subject is not None and where_to_read(operation, target) is not None
        if self._subject is not None and subject is not None and self._subject[:2] != subject[:2]:
            self._clear()
        self._subject = subject if can else None
        self._count = count
        self.check_button.setEnabled(can and not self._task.is_running())
        self.setVisible(bool(can) or self.result is not None)
        if can and self.result is None and not self._task.is_running() and target is not None:
            plan = plan_check(operation, target, count, batch_size=self.services.settings.batch_size)
            self.status_label.setText(render(plan.describe(render)) if plan is not None and count else "")

    def is_running(self) -> bool:
        return self._task.is_running()

    def start_check(self) -> None:
        if self._subject is None or self._task.is_running():
            return
        operation, target, catalog, picked = self._subject
        client = self._client()
        if client is None:
            return
        self._clear()
        plan = plan_check(operation, target, self._count, batch_size=self.services.settings.batch_size)
        if plan is not None:
            self.status_label.setText(render(plan.describe(render)))
        self.progress.setRange(0, max(1, self._count))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.check_button.setEnabled(False)

        def task(cancel: threading.Event):
            skus = picked_skus(catalog, picked)  # here, off the GUI thread: a second for 500k rows
            with client:
                return (yield from run_check(client, operation, target, skus, cancel=cancel))

        self._task.start(task, name="ymdesk-check")

    def _on_event(self, event: object) -> None:
        if isinstance(event, ReadProgress):
            if event.requests_total is None:  # a promo is read page by page; its size shows as it goes
                self.progress.setRange(0, 0)
            else:
                self.progress.setRange(0, max(1, event.total))
                self.progress.setValue(event.done)
        elif isinstance(event, Waiting):
            self.progress.setFormat(render(event.reason))

    def _on_checked(self, result: CheckResult) -> None:
        self.result = result
        self.status_label.setText("\n".join(render(line) for line in result.lines(render)))
        if result.missing:
            self.missing_list.addItems(result.missing[:LISTED])
            if len(result.missing) > LISTED:
                self.missing_list.addItem(fill(self.tr("… and {count:n} more"), count=len(result.missing) - LISTED))
            self.missing_list.show()
            self.drop_button.setText(fill(self.tr("Drop these {count:n} from the run"), count=len(result.missing)))
            self.drop_button.show()
        self.checked.emit(result)

    def _on_failed(self, error: BaseException) -> None:
        self.status_label.setText(render(error.message) if hasattr(error, "message") else str(error))
        errors.show_error(self, error)

    def _on_finished(self) -> None:
        self.progress.hide()
        self.progress.setFormat("%p%")
        self.cancel_button.hide()
        self.check_button.setEnabled(self._subject is not None)

    def _drop(self) -> None:
        if self.result is None or not self.result.missing:
            return
        missing = list(self.result.missing)
        self.drop_button.hide()
        self.missing_list.hide()
        self.status_label.setText(
            fill(self.tr("{count:n} SKUs Market does not have were dropped from the run."), count=len(missing))
        )
        self.drop_requested.emit(missing)

    def _clear(self) -> None:
        self.result = None
        self.missing_list.clear()
        self.missing_list.hide()
        self.drop_button.hide()
        self.status_label.clear()


class VerifyRunner(_MarketRead):
    """ "Verify" on a finished run: re-read the SKUs it recorded as done; report any Market still shows."""

    verified = Signal(object)  # VerifyResult

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent, cancel_name="cancelVerifyButton", status_name="verifyStatus")
        self.job_id: int | None = None
        self.result: VerifyResult | None = None
        self._task.succeeded.connect(self._on_verified)
        self._task.failed.connect(lambda error: errors.show_error(self, error))
        self._task.finished.connect(self._on_finished)
        self.button = QPushButton(self.tr("Verify against Market"), objectName="verifyButton")
        self.button.setToolTip(self.tr("Read the SKUs this run recorded as done back from Market"))
        self.button.clicked.connect(self.start)
        self.cancel_button.setText(self.tr("Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.status_label, 1)

    def set_job(self, job_id: int | None) -> None:
        self.job_id = job_id
        self.status_label.clear()
        self.set_job_button()

    def start(self) -> None:
        if self.job_id is None or self._task.is_running():
            return
        client = self._client()
        if client is None:
            return
        journal, job_id = self.services.journal, self.job_id
        self.button.setEnabled(False)
        self.cancel_button.show()
        self.status_label.setText(self.tr("Reading the SKUs back from Market…"))

        def task(cancel: threading.Event):
            with client:
                return (yield from verify_job(client, journal, job_id, cancel=cancel))

        self._task.start(task, name="ymdesk-verify")

    def _on_verified(self, result: VerifyResult) -> None:
        self.result = result
        text = " ".join(render(line) for line in result.lines())
        self.status_label.setText(text)
        if result.still_shown:
            listed = "\n".join(
                fill(self.tr("row {row}: {sku}"), row=row if row is not None else "-", sku=sku)
                for row, sku in result.still_shown[:50]
            )
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Market still shows some products"), text)
            box.setParent(self, box.windowFlags())
            box.setDetailedText(listed)
            box.setObjectName("verifyResultBox")
            errors.present(box)
        self.verified.emit(result)

    def _on_finished(self) -> None:
        self.cancel_button.hide()
        self.set_job_button()

    def set_job_button(self) -> None:
        job = self.services.journal.job(self.job_id) if self.job_id is not None else None
        self.button.setEnabled(job is not None and where_to_read(job.operation, job.target) is not None)
