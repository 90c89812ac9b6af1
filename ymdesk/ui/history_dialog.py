"""Past runs from the journal: see their outcomes, re-export the report, resume an interrupted one."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
)

from ymdesk.core.wording import local_time
from ymdesk.i18n import fill, number
from ymdesk.ui.resources import icon
from ymdesk.ui.results_view import ResultsView
from ymdesk.ui.run_dialog import RunDialog
from ymdesk.ui.services import Services
from ymdesk.ui.texts import describe_target, operation_title, outcome_title, status_title
from ymdesk.ui.widgets import ReadOnlyTable


def is_simulator_url(url: str) -> bool:
    """http:// on this machine: only the built-in simulator (the demo or ymdesk-cli sandbox) is reached that way;
    the client refuses plain http to anything else."""
    parts = urlsplit(url)
    return parts.scheme == "http" and (parts.hostname or "") in ("127.0.0.1", "localhost", "::1")


class HistoryDialog(QDialog):
    resumed = Signal(int)
    TARGET_COLUMN, FILE_COLUMN = 3, 4

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of runs"))
        self.setWindowIcon(icon("history"))
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1200, screen.width() - 40), min(680, screen.height() - 40))
        self.jobs = services.journal.jobs()
        self.table = ReadOnlyTable(
            [
                self.tr("Run"),
                self.tr("Started"),
                self.tr("Operation"),
                self.tr("Target"),
                self.tr("File"),
                self.tr("Status"),
                self.tr("Outcomes"),
            ],
            objectName="historyTable",
        )
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.results = ResultsView(services, self)
        self.resume_button = QPushButton(icon("run"), self.tr("Resume the run"), objectName="resumeButton")
        self.resume_button.setEnabled(False)
        self.resume_button.clicked.connect(self.resume_selected)
        self.retry_failed_box = QCheckBox(
            self.tr("Also send again the SKUs that failed for a passing cause (network, timeout, Market's errors)"),
            objectName="retryFailedBox",
        )
        self.retry_failed_box.setToolTip(
            self.tr("SKUs Market refused (invalid, rejected, not found) are never sent again.")
        )
        self.retry_failed_box.toggled.connect(lambda _checked: self._on_selected())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.results)
        buttons = QHBoxLayout()
        buttons.addWidget(
            QLabel(self.tr("Interrupted or cancelled runs can be resumed: only the SKUs not done are sent.")), 1
        )
        buttons.addWidget(self.resume_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.retry_failed_box)
        layout.addLayout(buttons)
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.jobs))
        for row, job in enumerate(self.jobs):
            counts = self.services.journal.counts(job.id)
            outcomes = ", ".join(f"{outcome_title(o)} {number(n)}" for o, n in counts.items() if n)
            cells = [
                str(job.id),
                local_time(job.started_at or job.created_at),  # the journal keeps UTC
                operation_title(job.operation),
                describe_target(job.target, self.services.campaigns, job.target_name),
                job.source_file or "",
                status_title(job.status),
                outcomes,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self._fit_columns()
        if self.jobs:
            self.table.selectRow(0)

    def _fit_columns(self) -> None:
        """Every header and value readable (Russian ones are longer); a long file path gives way first, then the
        target, with the whole text in the tooltip."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            header_width = header.sectionSizeFromContents(column).width()
            self.table.setColumnWidth(column, max(self.table.columnWidth(column), header_width + 8))
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)  # one line per run; a shortened cell is whole in its tooltip
        room = self.width() - 40
        # The target keeps up to 320 px: "магазин «Демо-магазин FBS» (21000001)" is longer than its English.
        for column, least in ((self.FILE_COLUMN, 160), (self.TARGET_COLUMN, 320)):
            used = sum(self.table.columnWidth(c) for c in range(self.table.columnCount()))
            if used > room:
                width = self.table.columnWidth(column)
                self.table.setColumnWidth(column, max(min(least, width), width - (used - room)))

    def selected_job(self):
        rows = self.table.selectionModel().selectedRows()
        return self.jobs[rows[0].row()] if rows else None

    def _on_selected(self) -> None:
        job = self.selected_job()
        retry = self.retry_failed_box.isChecked()
        self.resume_button.setEnabled(
            job is not None
            and (job.status.resumable or (retry and self.services.journal.retriable_failures(job.id) > 0))
        )
        if job is not None:
            self.results.show_job(job.id)

    def resume_selected(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        if not self.can_resume_here(job):
            if is_simulator_url(job.api_url):
                text = self.tr(
                    "This run was made in demo mode, against the built-in simulator. Start ymdesk --demo to resume it."
                )
            else:
                text = fill(
                    self.tr("This run was sent to {sent_to}, but ymdesk is now connected to {connected_to}."),
                    sent_to=job.api_url,
                    connected_to=self.services.api_url,
                )
            QMessageBox.warning(self, self.tr("Cannot resume here"), text)
            return
        dialog = RunDialog(self.services, parent=self.parentWidget())
        # the preview and the confirmation come first, as for a new run
        dialog.resume(job.id, retry_failed=self.retry_failed_box.isChecked())
        dialog.open()
        self.resumed.emit(job.id)
        self.accept()

    def can_resume_here(self, job) -> bool:
        """Against the address it was sent to; in demo mode, a run from an earlier demo (each demo's simulator
        gets a new port) resumes against the current demo's simulator, which holds the same demo stores."""
        if job.api_url.rstrip("/") == self.services.api_url.rstrip("/"):
            return True
        return self.services.demo is not None and is_simulator_url(job.api_url)

    def done(self, result: int) -> None:
        self.results.stop_background()
        super().done(result)
