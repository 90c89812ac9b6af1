"""Per-SKU outcomes of a job, filterable, with report export (XLSX, CSV) and "open folder"."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ymdesk.core import paths
from ymdesk.core.messages import QT_TRANSLATE_NOOP
from ymdesk.core.model import Outcome
from ymdesk.core.runs.job_report import write_job_report
from ymdesk.core.runs.plan import report_path
from ymdesk.i18n import fill, number, render
from ymdesk.jobs.controller import TaskController, stop_all
from ymdesk.ui import errors
from ymdesk.ui.resources import icon
from ymdesk.ui.services import Services
from ymdesk.ui.texts import outcome_title

AnyIndex = QModelIndex | QPersistentModelIndex
OUTCOME_COLOURS = {
    Outcome.DELETED: QColor(220, 245, 222),
    Outcome.ARCHIVED: QColor(220, 245, 222),
    Outcome.UNARCHIVED: QColor(220, 245, 222),
    Outcome.NOT_DELETED: QColor(255, 243, 205),
    Outcome.REJECTED: QColor(255, 243, 205),
    Outcome.INVALID: QColor(255, 222, 222),
    Outcome.FAILED: QColor(255, 222, 222),
    Outcome.CANCELLED: QColor(235, 235, 235),
    Outcome.UNANSWERED: QColor(255, 236, 214),
}


class ReportScope(StrEnum):
    """Which SKUs a saved report holds. The contract's report is the SKUs that did not succeed."""

    FAILED = "failed"
    ALL = "all"
    SHOWN = "shown"  # the rows the results filter shows


REPORT_SCOPE_TITLES = {
    ReportScope.FAILED: QT_TRANSLATE_NOOP("ResultsView", "SKUs that did not succeed"),
    ReportScope.ALL: QT_TRANSLATE_NOOP("ResultsView", "All SKUs, every outcome"),
    ReportScope.SHOWN: QT_TRANSLATE_NOOP("ResultsView", "Only the rows shown (the filter above)"),
}


@dataclass
class ResultRows:
    """A job's items plus the columns the filter needs, built on the worker (500k items take a while)."""

    items: list
    outcomes: np.ndarray  # the Outcome value of each item, as text
    skus: pd.Series  # the raw SKU cells, for the search box

    @classmethod
    def of(cls, items: list) -> ResultRows:
        outcomes = np.array([item.outcome.value for item in items], dtype=object)
        return cls(items, outcomes, _text_series([item.raw for item in items]))

    @classmethod
    def empty(cls) -> ResultRows:
        return cls.of([])


# Converting a list of Python strings to Arrow is one C call holding the GIL (~56 ms for 500k): the
# window would freeze that long. Slices keep each hold short.
_CONVERT_SLICE = 50_000


def _text_series(values: list[str]) -> pd.Series:
    if len(values) <= _CONVERT_SLICE:
        return pd.Series(values, dtype="str")
    chunks = [
        pa.array(values[start : start + _CONVERT_SLICE], type=pa.large_string())
        for start in range(0, len(values), _CONVERT_SLICE)
    ]
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks, type=pa.large_string())))


class ResultsTableModel(QAbstractTableModel):
    """Rows are journal ItemRecords; ``visible`` holds the indexes that pass the filter (a numpy mask)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows = ResultRows.empty()
        self._visible = np.zeros(0, dtype=np.int64)
        self._headers = [self.tr("Row"), self.tr("SKU"), self.tr("Outcome"), self.tr("API code"), self.tr("Reason")]

    def set_rows(self, rows: ResultRows) -> None:
        self.beginResetModel()
        self._rows = rows
        self._visible = np.arange(len(rows.items), dtype=np.int64)
        self.endResetModel()

    def set_filter(self, outcome: Outcome | None, text: str) -> None:
        mask = np.ones(len(self._rows.items), dtype=bool)
        if outcome is not None:
            mask &= self._rows.outcomes == outcome.value
        text = text.strip()
        if text:
            hits = self._rows.skus.str.contains(text, case=False, regex=False, na=False)
            mask &= hits.to_numpy(dtype=bool, na_value=False)
        self.beginResetModel()
        self._visible = np.flatnonzero(mask)
        self.endResetModel()

    def item(self, row: int):
        return self._rows.items[int(self._visible[row])]

    def shown_items(self) -> list:
        """The items the filter shows, in order (for a report of what is shown)."""
        items = self._rows.items
        return [items[int(i)] for i in self._visible]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        item = self.item(index.row())
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = OUTCOME_COLOURS.get(item.outcome)
            return QBrush(colour) if colour else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return "" if item.row is None else str(item.row)  # a row number, not a count: no grouping
        if column == 1:
            return item.raw
        if column == 2:
            return outcome_title(item.outcome)
        if column == 3:
            failed_status = item.http_status if item.http_status and item.http_status >= 400 else None
            return item.api_code or (str(failed_status) if failed_status else "")
        return render(item.reason) if item.reason is not None else ""


class ResultsView(QWidget):
    """Shows one job's outcomes. ``show_job`` loads them off the GUI thread."""

    items_loaded = Signal(int)  # how many SKUs
    report_exported = Signal(str)  # the path written
    export_failed = Signal(object)
    verified = Signal(object)  # VerifyResult of "Verify against Market"

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.job_id: int | None = None
        self.last_report: Path | None = None
        self.model = ResultsTableModel(self)
        self._reader = TaskController(self)
        self._reader.succeeded.connect(self._on_items)
        self._reader.failed.connect(lambda error: errors.show_error(self, error))
        self._exporter = TaskController(self)
        self._exporter.succeeded.connect(self._on_exported)
        self._exporter.failed.connect(self._on_export_failed)
        self._exporter.finished.connect(lambda: self._set_exporting(False))

        self.summary_label = QLabel(objectName="resultsSummary")
        self.summary_label.setWordWrap(True)
        self.outcome_combo = QComboBox(objectName="outcomeFilter")
        self.outcome_combo.addItem(self.tr("All outcomes"), None)
        for outcome in Outcome:
            if outcome is not Outcome.PENDING:
                self.outcome_combo.addItem(outcome_title(outcome), outcome)
        self.outcome_combo.currentIndexChanged.connect(self._apply_filter)
        self.search_edit = QLineEdit(objectName="resultsSearch")
        self.search_edit.setPlaceholderText(self.tr("Find a SKU…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._apply_filter)
        self.table = QTableView(objectName="resultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)  # the reason
        self.scope_combo = QComboBox(objectName="reportScope")
        for scope, title in REPORT_SCOPE_TITLES.items():
            self.scope_combo.addItem(QCoreApplication.translate("ResultsView", title), scope.value)
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.export_xlsx_button = QPushButton(icon("export"), self.tr("Save report (XLSX)…"), objectName="exportXlsx")
        self.export_xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.export_csv_button = QPushButton(icon("report"), self.tr("Save report (CSV)…"), objectName="exportCsv")
        self.export_csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.open_folder_button = QPushButton(icon("folder"), self.tr("Reports folder"), objectName="openFolder")
        self.open_folder_button.setToolTip(self.tr("Open the folder where reports are saved by default"))
        self.open_folder_button.clicked.connect(self.open_folder)

        # After a save: where the report is, with Open and Show in folder.
        self.saved_bar = QFrame(objectName="savedBar")
        self.saved_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.saved_bar.setStyleSheet("QFrame#savedBar { background: #e8f5e9; }")
        self.saved_label = QLabel(objectName="savedLabel")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_report_button = QPushButton(self.tr("Open"), objectName="openReport")
        self.open_report_button.clicked.connect(self.open_report)
        self.show_report_button = QPushButton(icon("folder"), self.tr("Show in folder"), objectName="showReport")
        self.show_report_button.clicked.connect(self.show_report_in_folder)
        saved = QHBoxLayout(self.saved_bar)
        saved.setContentsMargins(6, 3, 6, 3)
        saved.addWidget(self.saved_label, 1)
        saved.addWidget(self.open_report_button)
        saved.addWidget(self.show_report_button)
        self.saved_bar.hide()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.outcome_combo)
        filters.addWidget(self.search_edit, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Report of:")))
        buttons.addWidget(self.scope_combo)
        buttons.addWidget(self.export_xlsx_button)
        buttons.addWidget(self.export_csv_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.saved_bar)
        from ymdesk.ui.market_check import VerifyRunner  # imported here: market_check imports this module's peers

        self.verify = VerifyRunner(services, self)
        self.verify.verified.connect(self.verified)
        layout.addWidget(self.verify)

    def show_job(self, job_id: int) -> None:
        self.job_id = job_id
        journal = self.services.journal
        counts = journal.counts(job_id)
        parts = [f"{outcome_title(o)}: {number(n)}" for o, n in sorted(counts.items(), key=lambda kv: kv[0].value) if n]
        self.summary_label.setText(fill(self.tr("Run #{job} — {outcomes}"), job=job_id, outcomes=" · ".join(parts)))
        self.saved_bar.hide()
        self.verify.set_job(job_id)
        if self._reader.is_running():
            self._reader.cancel_and_wait()
        self._reader.start(lambda cancel: ResultRows.of(list(journal.items(job_id))), name="ymdesk-results")

    def _on_items(self, rows: ResultRows) -> None:
        self.model.set_rows(rows)
        self._apply_filter()
        for column, width in enumerate((70, 220, 120, 110)):  # row, SKU, outcome, API code; the reason stretches
            self.table.setColumnWidth(column, width)
        self.items_loaded.emit(len(rows.items))

    def _apply_filter(self, *_args) -> None:
        chosen = self.outcome_combo.currentData()  # Qt hands a StrEnum back as a plain str
        self.model.set_filter(Outcome(chosen) if chosen else None, self.search_edit.text())

    # ------------------------------------------------------------ export

    def report_scope(self) -> ReportScope:
        return ReportScope(self.scope_combo.currentData())

    def default_report_path(self, kind: str, scope: ReportScope | None = None) -> Path:
        scope = scope or self.report_scope()
        tail = {ReportScope.FAILED: "", ReportScope.ALL: "all", ReportScope.SHOWN: "shown"}[scope]
        operation = self.services.journal.job(self.job_id).operation
        return report_path(self.job_id, operation, kind, scope=tail)  # the CLI's name for the same report

    def choose_export(self, kind: str) -> None:
        if self.job_id is None:
            return
        filters = self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV, UTF-8 (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), str(self.default_report_path(kind)), filters
        )
        if path:
            path = Path(path)
            if path.suffix.lower() != f".{kind}":
                path = path.with_name(path.name + f".{kind}")
            self.export(path, self.report_scope())

    def export(self, path: Path, scope: ReportScope = ReportScope.FAILED) -> None:
        """Write the report off the GUI thread (a big XLSX takes seconds). By default the SKUs that did not
        succeed, as the CLI writes it; every SKU, or exactly the rows the filter shows, when asked."""
        journal, job_id = self.services.journal, self.job_id
        shown = self.model.shown_items() if scope is ReportScope.SHOWN else None
        everything = scope is ReportScope.ALL
        self._set_exporting(True)
        self._exporter.start(
            lambda cancel: write_job_report(journal, job_id, path, everything=everything, render=render, items=shown),
            name="ymdesk-export",
        )

    def _set_exporting(self, busy: bool) -> None:
        self.export_xlsx_button.setEnabled(not busy)
        self.export_csv_button.setEnabled(not busy)

    def _on_exported(self, path) -> None:
        self.last_report = Path(path)
        self.saved_label.setText(fill(self.tr("Report saved to {path}"), path=str(self.last_report)))
        self.saved_label.setToolTip(str(self.last_report))
        self.saved_bar.show()
        self.report_exported.emit(str(path))

    def _on_export_failed(self, error: BaseException) -> None:
        errors.show_error(self, error)
        self.export_failed.emit(error)

    def open_report(self) -> None:
        if self.last_report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_report)))

    def show_report_in_folder(self) -> None:
        if self.last_report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_report.parent)))

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.reports_dir())))

    def stop_background(self) -> None:
        stop_all(self)
