"""Per-SKU outcomes of a job, filterable, with report export (XLSX, CSV) and "open folder"."""

from __future__ import annotations

from dataclasses import dataclass
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
from ymdesk.core.model import OUTCOME_TITLES, Outcome
from ymdesk.core.runs.job_report import write_job_report
from ymdesk.i18n import render
from ymdesk.jobs.controller import TaskController, stop_all
from ymdesk.ui import errors
from ymdesk.ui.resources import icon
from ymdesk.ui.services import Services

AnyIndex = QModelIndex | QPersistentModelIndex
OUTCOME_COLOURS = {
    Outcome.DELETED: QColor(220, 245, 222),
    Outcome.NOT_DELETED: QColor(255, 243, 205),
    Outcome.REJECTED: QColor(255, 243, 205),
    Outcome.INVALID: QColor(255, 222, 222),
    Outcome.FAILED: QColor(255, 222, 222),
    Outcome.CANCELLED: QColor(235, 235, 235),
}


def outcome_title(outcome: Outcome) -> str:
    return QCoreApplication.translate("Outcome", OUTCOME_TITLES[outcome])


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


#: Converting a list of Python strings to Arrow is one C call holding the GIL (~56 ms for 500k): the
#: window would freeze that long. Slices keep each hold short.
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
            return "" if item.row is None else str(item.row)
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
        self.export_xlsx_button = QPushButton(icon("export"), self.tr("Export report (XLSX)…"), objectName="exportXlsx")
        self.export_xlsx_button.clicked.connect(lambda: self.choose_export("xlsx"))
        self.export_csv_button = QPushButton(icon("report"), self.tr("Export report (CSV)…"), objectName="exportCsv")
        self.export_csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.open_folder_button = QPushButton(icon("folder"), self.tr("Open folder"), objectName="openFolder")
        self.open_folder_button.clicked.connect(self.open_folder)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.outcome_combo)
        filters.addWidget(self.search_edit, 1)
        buttons = QHBoxLayout()
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

    def show_job(self, job_id: int) -> None:
        self.job_id = job_id
        journal = self.services.journal
        counts = journal.counts(job_id)
        parts = [f"{outcome_title(o)}: {n:,}" for o, n in sorted(counts.items(), key=lambda kv: kv[0].value) if n]
        self.summary_label.setText(self.tr("Run #%1 — %2").replace("%1", str(job_id)).replace("%2", " · ".join(parts)))
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

    def default_report_path(self, kind: str) -> Path:
        return paths.reports_dir() / f"ymdesk-run-{self.job_id}.{kind}"

    def choose_export(self, kind: str) -> None:
        if self.job_id is None:
            return
        filters = self.tr("Excel workbook (*.xlsx)") if kind == "xlsx" else self.tr("CSV, UTF-8 (*.csv)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), str(self.default_report_path(kind)), filters
        )
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the report (every SKU of the job) off the GUI thread; a big XLSX takes seconds."""
        journal, job_id = self.services.journal, self.job_id
        self._set_exporting(True)
        self._exporter.start(
            lambda cancel: write_job_report(journal, job_id, path, everything=True, render=render),
            name="ymdesk-export",
        )

    def _set_exporting(self, busy: bool) -> None:
        self.export_xlsx_button.setEnabled(not busy)
        self.export_csv_button.setEnabled(not busy)

    def _on_exported(self, path) -> None:
        self.last_report = Path(path)
        self.summary_label.setToolTip(str(path))
        self.report_exported.emit(str(path))

    def _on_export_failed(self, error: BaseException) -> None:
        errors.show_error(self, error)
        self.export_failed.emit(error)

    def open_folder(self) -> None:
        folder = self.last_report.parent if self.last_report else paths.reports_dir()
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def stop_background(self) -> None:
        stop_all(self)
