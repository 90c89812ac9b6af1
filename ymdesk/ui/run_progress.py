"""The run dialog's progress page: fed the run's events, it shows the bar, the batch, the time left (the one
estimator, core.runs.plan.RunEta), the rate-limit countdown and the log (core.runs.run_log: the CLI's words)."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ymdesk.core.messages import QT_TRANSLATE_NOOP
from ymdesk.core.model import Outcome
from ymdesk.core.runs.events import (
    BatchStarted,
    Event,
    Finished,
    JobCreated,
    JobStatus,
    LogLine,
    Preparing,
    Progress,
    Waiting,
    WaitKind,
)
from ymdesk.core.runs.plan import RunEta, RunPlan, duration
from ymdesk.core.runs.run_log import RunLog, preparing_message
from ymdesk.i18n import fill, render
from ymdesk.ui.resources import icon
from ymdesk.ui.texts import describe_target, operation_title

C = "RunProgressView"  # these texts' context: the class's own, as in its self.tr calls
# The wait line, per kind of wait.
_WAIT_TEXTS = {
    WaitKind.PACING: QT_TRANSLATE_NOOP("RunProgressView", "Keeping to Market's rate limit: next request in {duration}"),
    WaitKind.RATE_LIMIT: QT_TRANSLATE_NOOP("RunProgressView", "Market's rate limit was reached: waiting {duration}"),
    WaitKind.RETRY: QT_TRANSLATE_NOOP("RunProgressView", "Market did not answer properly: trying again in {duration}"),
    WaitKind.LOCKED: QT_TRANSLATE_NOOP(
        "RunProgressView", "The store is busy on Market's side: trying again in {duration}"
    ),
}
_WAITING = QT_TRANSLATE_NOOP("RunProgressView", "Waiting {duration}")
# The log's last line, per way a run ends.
_ENDING_TEXTS = {
    JobStatus.DONE: QT_TRANSLATE_NOOP("RunProgressView", "Finished."),
    JobStatus.CANCELLED: QT_TRANSLATE_NOOP(
        "RunProgressView", "Stopped. The SKUs not sent are recorded as cancelled; resume from History."
    ),
    JobStatus.STOPPED: QT_TRANSLATE_NOOP("RunProgressView", "Stopped by Market."),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("RunProgressView", "The request failed."),
}


class RunProgressView(QWidget):
    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._eta: RunEta | None = None
        self._log: RunLog | None = None
        self._total = 1
        self.run_title = QLabel(objectName="runTitle")
        self.run_title.setStyleSheet("QLabel { font-weight: bold; }")
        self.progress_bar = QProgressBar(objectName="runProgress")
        self.batch_label = QLabel(objectName="batchLabel")
        self.eta_label = QLabel(objectName="etaLabel")
        self.wait_label = QLabel(objectName="waitLabel")
        self.wait_label.setStyleSheet("QLabel { color: #8a4b00; font-weight: bold; }")
        self.log_view = QPlainTextEdit(objectName="runLog")
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumBlockCount(5000)
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Cancel"), objectName="cancelRun")
        self.cancel_button.clicked.connect(self.cancel_clicked)
        status_row = QHBoxLayout()
        status_row.addWidget(self.batch_label)
        status_row.addStretch(1)
        status_row.addWidget(self.eta_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.wait_label, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.run_title)
        layout.addWidget(self.progress_bar)
        layout.addLayout(status_row)
        layout.addWidget(QLabel(self.tr("Log:")))
        layout.addWidget(self.log_view, 1)
        layout.addLayout(buttons)

    def begin(self, plan: RunPlan, campaigns: list, before: dict[Outcome, int] | None = None) -> None:
        """A run of `plan` starts; `before` is what the journal already holds for a resumed job."""
        target = describe_target(plan.target, campaigns, plan.target_name) if plan.target else ""
        self.run_title.setText(
            fill(self.tr("{operation} — {target}"), operation=operation_title(plan.operation), target=target)
        )
        self._eta = RunEta(plan)
        self._log = RunLog(plan.operation, before)
        self._total = max(1, plan.picked if plan.resumes else plan.items_total)
        self.progress_bar.setRange(0, 0)  # busy until the job is recorded (seconds for 500k SKUs)
        self.progress_bar.setFormat(self.tr("%p%"))
        self.batch_label.setText(self.tr("Preparing…"))
        self.eta_label.clear()
        self.wait_label.clear()
        self.log_view.clear()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        self.append_log(self.tr("Started."))

    def feed(self, event: Event) -> None:
        if self._eta is not None:
            self._eta.feed(event)
        if self._log is not None:
            for line in self._log.lines(event):
                self.append_log(render(line))
        if isinstance(event, Preparing):
            self.progress_bar.setRange(0, event.steps)
            self.progress_bar.setValue(event.number - 1)
            self.batch_label.setText(render(preparing_message(event)))
        elif isinstance(event, JobCreated):
            self.run_title.setText(fill(self.tr("Run #{job}: {title}"), job=event.job_id, title=self.run_title.text()))
        elif isinstance(event, BatchStarted):
            self.wait_label.clear()
            if self.progress_bar.maximum() != self._total:
                self._show_counts(0, self._total)
            self.batch_label.setText(
                fill(self.tr("Batch {batch:n} of {batches:n}"), batch=event.batch, batches=event.batches)
            )
        elif isinstance(event, Progress):
            self.wait_label.clear()
            self._show_counts(event.done, event.total)
            self._update_eta()
        elif isinstance(event, Waiting):
            self.wait_label.setText(self._wait_text(event))
            self._update_eta()
        elif isinstance(event, LogLine):
            self.append_log(render(event.message), event.level)
        elif isinstance(event, Finished):
            self._finished(event)

    def _show_counts(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(1, total))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(
            fill(self.tr("{done:n} of {total:n} {total:plural:SKU|SKUs}"), done=done, total=total)
        )

    def _update_eta(self) -> None:
        left = self._eta.seconds_left() if self._eta is not None else 0.0
        if left > 0:
            self.eta_label.setText(fill(self.tr("About {duration} left"), duration=render(duration(left))))
        else:
            self.eta_label.clear()

    def _wait_text(self, event: Waiting) -> str:
        text = QCoreApplication.translate(C, _WAIT_TEXTS.get(event.kind, _WAITING))
        return fill(text, duration=render(duration(math.ceil(event.seconds_left))))

    def append_log(self, text: str, level: str = "info") -> None:
        stamp = QTime.currentTime().toString("HH:mm:ss")
        marker = {"warning": "⚠ ", "error": "✖ "}.get(level, "")
        self.log_view.appendPlainText(f"{stamp}  {marker}{text}")

    def set_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Stopping…"))
        self.append_log(self.tr("Stopping: the current request is finished, the rest is recorded as cancelled."))

    def ended(self) -> None:
        self.cancel_button.setEnabled(False)

    def _finished(self, event: Finished) -> None:
        ending = _ENDING_TEXTS.get(event.status)
        text = QCoreApplication.translate(C, ending) if ending is not None else event.status.value
        self.append_log(text, "info" if event.status is JobStatus.DONE else "warning")
        if event.message is not None:
            self.append_log(render(event.message), "warning")
        self.eta_label.clear()
        self.wait_label.clear()
