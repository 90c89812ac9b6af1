"""The main window: open a catalog, filter and pick SKUs, then connect and run."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ymdesk import __version__
from ymdesk.core.search import (
    BACKGROUND_FILTER_CELLS,
    BadPattern,
    has_search_index,
    parse_sku_list,
    sku_mask,
    text_mask,
)
from ymdesk.i18n import fill
from ymdesk.jobs.controller import TaskController, stop_all
from ymdesk.ui import errors
from ymdesk.ui.catalog_model import PICK_COLUMN, PROBLEM_COLUMN, CatalogTableModel
from ymdesk.ui.catalog_view import CatalogTableView
from ymdesk.ui.connect_dialog import ConnectDialog
from ymdesk.ui.help import GettingStartedDialog, ShortcutsDialog, WelcomePage
from ymdesk.ui.history_dialog import HistoryDialog
from ymdesk.ui.loading import LoadedCatalog, index_task, load_task, sku_column_task
from ymdesk.ui.pasted import MissingSkusDialog
from ymdesk.ui.resources import app_icon, icon
from ymdesk.ui.run_dialog import RunDialog
from ymdesk.ui.services import Services
from ymdesk.ui.settings_dialog import SettingsDialog
from ymdesk.ui.widgets import ElidedLabel, fix_menu_accelerators

log = logging.getLogger(__name__)

FILTER_DELAY_MS = 250
CATALOG_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv", ".txt", ".zip")


class MainWindow(QMainWindow):
    catalog_loaded = Signal()  # a catalog is on screen (after open, sheet or SKU column change)
    load_failed = Signal(object)  # the error, after its dialog was shown
    load_cancelled = Signal()  # a load was cancelled and its thread is gone
    filter_applied = Signal()  # the shown rows were updated

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.catalog = None  # ymdesk.core.sheets.catalog.Catalog
        self.model = CatalogTableModel(self)
        self.model.set_icons(icon("invalid"), icon("duplicate"))
        self._loader = TaskController(self)
        self._loader.succeeded.connect(self._on_loaded)
        self._loader.failed.connect(self._on_load_failed)
        self._loader.finished.connect(self._on_load_finished)
        self._filter_mask: np.ndarray | None = None
        self._load_outcome: LoadedCatalog | BaseException | None = None
        self._filter_job: TaskController | None = None
        self._filter_generation = 0
        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)

        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status_bar()
        self.model.picks_changed.connect(self._update_counts)
        self._update_title()
        self._update_enabled()
        self._update_counts()
        if not self.restoreGeometry(services.settings.window_geometry):
            self.resize(1200, 760)

    # ------------------------------------------------------------ building

    def _action(self, text: str, slot, icon_name: str | None = None, shortcut=None, checkable=False) -> QAction:
        action = QAction(self)
        action.setText(text)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(self.tr("&Open catalog…"), self.choose_file, "open", QKeySequence.Open)
        self.quit_action = self._action(self.tr("&Quit"), self.close, None, QKeySequence.Quit)
        self.pick_all_action = self._action(self.tr("Pick all &shown"), self.pick_all_shown, "pick-all", "Ctrl+A")
        self.pick_none_action = self._action(self.tr("Pick &none"), self.model.pick_none, "pick-none", "Ctrl+D")
        self.invert_action = self._action(self.tr("&Invert picks of shown rows"), self.model.invert_shown, "invert")
        self.paste_action = self._action(
            self.tr("&Paste SKUs to pick…"), self.paste_skus, "paste", QKeySequence("Ctrl+Shift+V")
        )
        self.picked_only_action = self._action(self.tr("Show &picked only"), None, None, None, checkable=True)
        self.invalid_only_action = self._action(self.tr("Show in&valid only"), None, "invalid", None, checkable=True)
        self.duplicates_only_action = self._action(
            self.tr("Show &duplicates only"), None, "duplicate", None, checkable=True
        )
        self.connect_action = self._action(self.tr("&Connect to Market…"), self.open_connection, "connect")
        self.run_action = self._action(self.tr("&Run an operation…"), self.open_run, "run", "Ctrl+R")
        self.history_action = self._action(self.tr("&History…"), self.open_history, "history", "Ctrl+H")
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings, "settings")
        self.about_action = self._action(self.tr("&About ymdesk"), self.show_about)
        self.getting_started_action = self._action(
            self.tr("&Getting started"), self.show_getting_started, None, QKeySequence.StandardKey.HelpContents
        )
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts)
        toolbar_texts = {
            self.open_action: self.tr("Open"),
            self.pick_all_action: self.tr("Pick shown"),
            self.pick_none_action: self.tr("Pick none"),
            self.invert_action: self.tr("Invert"),
            self.paste_action: self.tr("Paste SKUs"),
            self.connect_action: self.tr("Connect"),
            self.run_action: self.tr("Run"),
            self.history_action: self.tr("History"),
        }
        for action, short in toolbar_texts.items():
            action.setIconText(short)  # the toolbar's label; menus keep the full text
            action.setToolTip(action.text().replace("&", "").rstrip("…"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        pick_menu = bar.addMenu(self.tr("&Pick"))
        for action in (self.pick_all_action, self.pick_none_action, self.invert_action, self.paste_action):
            pick_menu.addAction(action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.picked_only_action)
        view_menu.addAction(self.invalid_only_action)
        view_menu.addAction(self.duplicates_only_action)
        market_menu = bar.addMenu(self.tr("&Market"))
        for action in (self.connect_action, self.run_action, self.history_action):
            market_menu.addAction(action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.getting_started_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addAction(self.open_action)
        toolbar.addSeparator()
        for action in (self.pick_all_action, self.pick_none_action, self.invert_action, self.paste_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.connect_action, self.run_action, self.history_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        fix_menu_accelerators(bar)  # translations may give two menus one Alt letter

    def row_toggles(self) -> tuple[QAction, QAction, QAction]:
        return (self.picked_only_action, self.invalid_only_action, self.duplicates_only_action)

    def _update_show_rows_button(self) -> None:
        names = {
            self.picked_only_action: self.tr("picked"),
            self.invalid_only_action: self.tr("invalid"),
            self.duplicates_only_action: self.tr("duplicates"),
        }
        chosen = [names[action] for action in self.row_toggles() if action.isChecked()]
        shown = ", ".join(chosen) if chosen else self.tr("all rows")
        self.show_rows_button.setText(self.tr("Show: %1").replace("%1", shown))

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)

        source_row = QHBoxLayout()
        self.file_label = ElidedLabel(
            self.tr("Open a catalog exported from the seller cabinet (XLSX or CSV), or drop it here.")
        )
        self.file_label.setObjectName("fileLabel")
        self.sheet_combo = QComboBox(objectName="sheetCombo")
        self.sheet_combo.setMinimumContentsLength(12)
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        self.sku_combo = QComboBox(objectName="skuColumnCombo")
        self.sku_combo.setMinimumContentsLength(16)
        self.sku_combo.activated.connect(self._on_sku_column_chosen)
        source_row.addWidget(self.file_label, 1)
        source_row.addWidget(QLabel(self.tr("Sheet:")))
        source_row.addWidget(self.sheet_combo)
        self.encoding_label = QLabel(self.tr("Encoding:"))
        self.encoding_combo = QComboBox(objectName="encodingCombo")
        for codec, text in (
            ("utf-8", "UTF-8"),
            ("utf-8-sig", self.tr("UTF-8 with BOM")),
            ("utf-16", "UTF-16"),
            ("cp1251", self.tr("Windows-1251 (Cyrillic)")),
            ("cp866", self.tr("DOS-866 (Cyrillic)")),
            ("koi8-r", "KOI8-R"),
            ("mac-cyrillic", self.tr("Mac Cyrillic")),
        ):
            self.encoding_combo.addItem(text, codec)
        self.encoding_combo.setToolTip(self.tr("The text encoding of this file; pick another if the text looks wrong."))
        self.encoding_combo.activated.connect(self._on_encoding_chosen)
        self.encoding_label.hide()  # shown for a text file, which has an encoding
        self.encoding_combo.hide()
        source_row.addWidget(self.encoding_label)
        source_row.addWidget(self.encoding_combo)
        source_row.addWidget(QLabel(self.tr("SKU column:")))
        source_row.addWidget(self.sku_combo)
        layout.addLayout(source_row)

        filter_row = QHBoxLayout()
        self.filter_edit = QLineEdit(objectName="filterEdit")
        self.filter_edit.setPlaceholderText(self.tr("Filter rows: type a part of a SKU, name, category…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(icon("filter"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.textChanged.connect(self._schedule_filter)
        self.filter_column_combo = QComboBox(objectName="filterColumnCombo")
        self.filter_column_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_column_combo.currentIndexChanged.connect(self._schedule_filter)
        self.regex_check = QCheckBox(self.tr("Regular expression"), objectName="regexCheck")
        self.regex_check.toggled.connect(self._schedule_filter)
        # Which rows: one compact button with the View menu's toggles (three checkboxes did not fit in Russian).
        self.show_rows_button = QToolButton(objectName="showRowsButton")
        self.show_rows_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.show_rows_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.show_rows_button.setStyleSheet("QToolButton { padding: 2px 16px 2px 6px; }")  # room for the arrow
        show_menu = QMenu(self.show_rows_button)
        for action in self.row_toggles():
            show_menu.addAction(action)
            action.toggled.connect(lambda _checked: self.apply_filter())
            action.toggled.connect(lambda _checked: self._update_show_rows_button())
        self.show_rows_button.setMenu(show_menu)
        self._update_show_rows_button()
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(QLabel(self.tr("Where:")))
        filter_row.addWidget(self.filter_column_combo)
        filter_row.addWidget(self.regex_check)
        filter_row.addWidget(self.show_rows_button)
        layout.addLayout(filter_row)

        self.table = CatalogTableView(objectName="catalogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: a million scroll smoothly
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setDefaultSectionSize(180)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.installEventFilter(self)
        self.welcome = WelcomePage(demo=self.services.demo is not None, parent=self)
        self.welcome.open_requested.connect(self.choose_file)
        self.welcome.sample_requested.connect(self.open_sample)
        self.central_stack = QStackedWidget(objectName="centralStack")
        self.central_stack.addWidget(self.welcome)  # first start, or nothing open: the three steps
        self.central_stack.addWidget(self.table)
        layout.addWidget(self.central_stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.demo_label = QLabel(objectName="demoLabel")
        self.demo_label.setStyleSheet(
            "QLabel { background: #7b1fa2; color: white; padding: 1px 8px; font-weight: bold; }"
        )
        self.busy_bar = QProgressBar(objectName="busyBar")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.cancel_load_button = QPushButton(icon("cancel"), self.tr("Cancel loading"), objectName="cancelLoad")
        self.cancel_load_button.clicked.connect(self._loader.cancel)
        # The counts give way (shortened, whole in the tooltip) before anything else is cut.
        self.counts_label = ElidedLabel(objectName="countsLabel", elide=Qt.TextElideMode.ElideRight)
        # What is loading, as a widget of its own: a status-bar message sat under the busy bar and the button.
        self.loading_label = QLabel(objectName="loadingLabel")
        for widget in (self.loading_label, self.busy_bar, self.cancel_load_button):
            widget.hide()
            status.addWidget(widget)
        status.addPermanentWidget(self.counts_label)
        if self.services.demo:
            self.demo_label.setText(fill(self.tr("DEMO · simulator {url}"), url=self.services.demo.api_url))
            self.demo_label.setToolTip(self.tr("Demo mode: the built-in Market simulator; no real store is touched."))
            status.addPermanentWidget(self.demo_label)

    # ------------------------------------------------------------ opening

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a catalog"),
            self.services.settings.last_folder,
            self.tr("Catalogs (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt *.zip);;All files (*)"),
        )
        if path:
            self.open_file(Path(path))

    def open_sample(self) -> None:
        from ymdesk.core.simulator import sample_catalog_path

        self.open_file(sample_catalog_path())

    def open_file(
        self, path: Path, sheet: str | None = None, sku_column: str | None = None, encoding: str | None = None
    ) -> bool:
        """Load `path` off the GUI thread. Picks would be lost: when there are some, ask first (False: kept)."""
        path = Path(path)
        picked = int(self.model.picked.sum())
        asks = bool(picked) and self._would_drop_picks(path, sheet)
        if asks and not confirm_discard_picks(self, picked, self.catalog.path, path):
            return False
        if self._loader.is_running():
            self._loader.cancel_and_wait()
        self.services.settings.last_folder = str(path.parent)
        self._start_loading(
            load_task(path, sheet, sku_column, encoding), fill(self.tr("Reading {file}…"), file=path.name)
        )
        return True

    def _would_drop_picks(self, path: Path, sheet: str | None) -> bool:
        """Another file or sheet replaces the rows (and the picks); the same rows read again keep them."""
        if self.catalog is None:
            return False
        return path.resolve() != Path(self.catalog.path).resolve() or (
            sheet is not None and sheet != self.catalog.sheet
        )

    def is_loading(self) -> bool:
        """A file (or another sheet or SKU column) is being read."""
        return self._loader.is_running()

    def _start_loading(self, task, message: str) -> None:
        self.statusBar().clearMessage()
        self.loading_label.setText(message)
        self.loading_label.setMinimumWidth(self.loading_label.fontMetrics().horizontalAdvance(message) + 8)
        self.loading_label.show()
        self.busy_bar.show()
        self.cancel_load_button.show()
        self._update_enabled(loading=True)
        self._loader.start(task, name="ymdesk-load")

    def _on_loaded(self, loaded: LoadedCatalog) -> None:
        self._load_outcome = loaded

    def _on_load_failed(self, error: BaseException) -> None:
        self._load_outcome = error

    def _on_load_finished(self) -> None:
        """Apply the outcome only once the loading thread is gone, so the next action can start at once."""
        outcome, self._load_outcome = self._load_outcome, None
        self.loading_label.hide()
        self.busy_bar.hide()
        self.cancel_load_button.hide()
        self.statusBar().clearMessage()
        if self._loader.is_cancelled():
            self.statusBar().showMessage(self.tr("Loading cancelled."), 5000)
            self.load_cancelled.emit()
        elif isinstance(outcome, LoadedCatalog):
            self._show_catalog(outcome)
        elif isinstance(outcome, BaseException):
            errors.show_error(self, outcome)
            self._update_enabled()
            self.load_failed.emit(outcome)
            return
        self._update_enabled()
        if isinstance(outcome, LoadedCatalog) and not self._loader.is_cancelled():
            self.catalog_loaded.emit()

    def _show_catalog(self, loaded: LoadedCatalog) -> None:
        catalog = loaded.catalog
        same_rows = (
            self.catalog is not None and catalog.path == self.catalog.path and catalog.sheet == self.catalog.sheet
        )
        self.catalog = catalog
        if same_rows and len(self.model.picked) == len(catalog.frame):
            self.model.set_marks(catalog.sku_column, loaded.marks)  # only the SKU column changed: keep picks
        else:
            self.model.set_frame(catalog.frame, catalog.rows, catalog.sku_column, loaded.marks)
            self.services.settings.add_recent_file(str(catalog.path))
            self._index_search(catalog.frame)
        self._fill_source_combos()
        self.file_label.setText(str(catalog.path))
        self.file_label.setToolTip(str(catalog.path))
        self.central_stack.setCurrentWidget(self.table)
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(PICK_COLUMN, max(64, header.sectionSizeFromContents(PICK_COLUMN).width() + 8))
        self.table.setColumnWidth(PROBLEM_COLUMN, 320 if self.model.marks.invalid.any() else 200)
        self._update_title()
        self.apply_filter()
        rows = len(catalog.frame)
        self.statusBar().showMessage(fill(self.tr("Loaded {rows:n} {rows:plural:row|rows}."), rows=rows), 5000)

    def _index_search(self, frame) -> None:
        """Build the all-columns search index once the rows are on screen (it took a third of the time from
        choosing a file to seeing its rows); until it is ready a filter searches column by column."""
        index, lower = index_task(frame), self.model.sku_search_task()

        def task(cancel):
            index(cancel)
            return lower(cancel)  # and the SKU column lowercased for type-to-find in the table

        indexer = TaskController(self)
        indexer.succeeded.connect(self.model.set_sku_lower)
        indexer.finished.connect(indexer.deleteLater)
        indexer.start(task, name="ymdesk-index")

    def filter_pending(self) -> bool:
        """Whether a typed filter is still waiting for its debounce or being computed."""
        return self._filter_job is not None or self._filter_timer.isActive()

    def search_ready(self) -> bool:
        """Whether filters over all columns of the shown catalog use the search index yet."""
        return self.catalog is not None and has_search_index(self.catalog.frame)

    def _fill_source_combos(self) -> None:
        catalog = self.catalog
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(catalog.sheets) or [self.tr("(CSV)")])
        if catalog.sheet:
            self.sheet_combo.setCurrentText(catalog.sheet)
        self.sheet_combo.setEnabled(len(catalog.sheets) > 1)
        self.encoding_label.setVisible(bool(catalog.encoding))
        self.encoding_combo.setVisible(bool(catalog.encoding))
        if catalog.encoding:
            index = self.encoding_combo.findData(catalog.encoding)
            if index < 0:
                self.encoding_combo.addItem(catalog.encoding, catalog.encoding)
                index = self.encoding_combo.count() - 1
            self.encoding_combo.setCurrentIndex(index)
        self.sku_combo.clear()
        self.sku_combo.addItems(list(catalog.columns))
        self.sku_combo.setCurrentText(catalog.sku_column)
        self.filter_column_combo.blockSignals(True)
        self.filter_column_combo.clear()
        self.filter_column_combo.addItem(self.tr("In all columns"), None)
        for name in catalog.columns:
            self.filter_column_combo.addItem(name, name)
        self.filter_column_combo.blockSignals(False)

    def _on_sheet_chosen(self, _index: int) -> None:
        sheet = self.sheet_combo.currentText()
        if self.catalog is None or sheet == self.catalog.sheet or sheet not in self.catalog.sheets:
            return
        if not self.open_file(self.catalog.path, sheet=sheet):
            self.sheet_combo.setCurrentText(self.catalog.sheet)  # picks kept: so is the sheet

    def _on_encoding_chosen(self, _index: int) -> None:
        encoding = self.encoding_combo.currentData()
        if self.catalog is None or not encoding or encoding == self.catalog.encoding:
            return
        if not self.open_file(self.catalog.path, encoding=encoding):
            self.encoding_combo.setCurrentIndex(self.encoding_combo.findData(self.catalog.encoding))

    def _on_sku_column_chosen(self, _index: int) -> None:
        column = self.sku_combo.currentText()
        if self.catalog is not None and column and column != self.catalog.sku_column:
            if self._loader.is_running():
                self._loader.cancel_and_wait()
            self._start_loading(
                sku_column_task(self.catalog, column), fill(self.tr("Checking the SKUs in “{column}”…"), column=column)
            )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.services.settings.recent_files
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(Path(p)))
        if not recent:
            self.recent_menu.addAction(self.tr("(no recent files)")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear the list"), self.services.settings.clear_recent_files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_catalog(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _dropped_catalog(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)

    # ------------------------------------------------------------ filtering and picking

    def _schedule_filter(self, *_args) -> None:
        self._filter_timer.start()

    def apply_filter(self) -> None:
        """Recompute the shown rows now: the text filter (off the GUI thread on big tables), then the toggles."""
        self._filter_timer.stop()
        self._filter_generation += 1
        if self._filter_job is not None:
            self._filter_job.cancel()
        if self.catalog is None:
            return
        text = self.filter_edit.text()
        column = self.filter_column_combo.currentData()
        regex = self.regex_check.isChecked()
        frame = self.catalog.frame
        cells = len(frame) * (1 if column else max(1, len(frame.columns)))
        if not text or cells < BACKGROUND_FILTER_CELLS:
            try:
                mask = text_mask(frame, text, column, regex)
            except BadPattern as error:
                self._show_bad_pattern(error)
                return
            self._show_rows(mask)
            return
        self._start_background_filter(frame, text, column, regex)

    def _start_background_filter(self, frame, text: str, column, regex: bool) -> None:
        generation = self._filter_generation
        job = TaskController(self)
        job.succeeded.connect(lambda mask: self._show_rows(mask) if generation == self._filter_generation else None)
        job.failed.connect(
            lambda error: (
                self._show_bad_pattern(error)
                if generation == self._filter_generation and isinstance(error, BadPattern)
                else None
            )
        )
        job.finished.connect(lambda: self._filter_job_done(job))
        self._filter_job = job
        self.statusBar().showMessage(self.tr("Filtering…"))
        job.start(lambda cancel: text_mask(frame, text, column, regex, cancel), name="ymdesk-filter")

    def _filter_job_done(self, job: TaskController) -> None:
        if self._filter_job is job:
            self._filter_job = None
            self.statusBar().clearMessage()
        job.deleteLater()

    def _show_bad_pattern(self, error: Exception) -> None:
        self.filter_edit.setStyleSheet("QLineEdit { background: #ffdede; }")
        self.filter_edit.setToolTip(fill(self.tr("This regular expression is not valid: {error}"), error=str(error)))

    def _show_rows(self, text_hits: np.ndarray) -> None:
        self.filter_edit.setStyleSheet("")
        self.filter_edit.setToolTip("")
        self._filter_mask = text_hits
        mask = text_hits.copy()
        if self.picked_only_action.isChecked():
            mask &= self.model.picked
        problems = np.zeros(len(mask), dtype=bool)
        if self.invalid_only_action.isChecked():
            problems |= self.model.marks.invalid
        if self.duplicates_only_action.isChecked():
            problems |= self.model.marks.duplicate
        if self.invalid_only_action.isChecked() or self.duplicates_only_action.isChecked():
            mask &= problems  # both ticked: the rows with either problem
        self.model.set_visible(np.flatnonzero(mask))
        self._update_counts()
        self.filter_applied.emit()

    def pick_all_shown(self) -> None:
        self.model.pick_shown(True)

    def paste_skus(self) -> None:
        if self.catalog is None:
            return
        skus = parse_sku_list(QGuiApplication.clipboard().text())
        if not skus:
            QMessageBox.information(
                self, self.tr("Paste SKUs"), self.tr("The clipboard has no SKUs. Copy a column of SKUs first.")
            )
            return
        mask = sku_mask(self.catalog.frame[self.catalog.sku_column], skus)
        self.model.pick_mask(mask)
        found = set(self.catalog.frame[self.catalog.sku_column][mask].str.strip())
        missing = [sku for sku in skus if sku not in found]
        self.statusBar().showMessage(
            fill(
                self.tr(
                    "Picked {rows:n} {rows:plural:row|rows} for {pasted:n} pasted {pasted:plural:SKU|SKUs}; "
                    "{missing:n} {missing:plural:is|are} not in this file."
                ),
                rows=int(mask.sum()),
                pasted=len(skus),
                missing=len(missing),
            ),
            10000,
        )
        if missing:  # which ones, copyable: the person usually has to check them elsewhere
            dialog = MissingSkusDialog(missing, len(skus), self.catalog.path.name, self)
            dialog.open()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space toggles the picks of the selected rows, as in a file manager."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Space:
            rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
            if rows:
                frame_rows = self.model.visible[rows]
                self.model.set_picked(frame_rows, not self.model.picked[frame_rows].all())
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ counts, title, state

    def counts(self) -> dict[str, int]:
        picked = self.model.picked
        invalid = self.model.marks.invalid
        return {
            "rows": self.model.total_rows,
            "shown": len(self.model.visible),
            "picked": int(picked.sum()),
            "picked_valid": int((picked & ~invalid).sum()),
            "invalid": int(invalid.sum()),
            "duplicates": int(self.model.marks.duplicate.sum()),
        }

    def _update_counts(self) -> None:
        c = self.counts()
        self.counts_label.setText(
            fill(
                self.tr("Rows: %1 · Shown: %2 · Picked: %3 · Picked and valid: %4 · Invalid: %5 · Duplicates: %6"),
                c["rows"],
                c["shown"],
                c["picked"],
                c["picked_valid"],
                c["invalid"],
                c["duplicates"],
            )
        )
        self.run_action.setEnabled(self.catalog is not None and not self._loader.is_running())

    def _update_title(self) -> None:
        name = self.catalog.path.name if self.catalog is not None else ""
        title = f"{name} — ymdesk" if name else "ymdesk"
        if self.services.demo:
            title = fill(self.tr("[DEMO] {title}"), title=title)
        self.setWindowTitle(title)

    def _update_enabled(self, loading: bool = False) -> None:
        has_catalog = self.catalog is not None and not loading
        for action in (self.pick_all_action, self.pick_none_action, self.invert_action, self.paste_action):
            action.setEnabled(has_catalog)
        widgets = (self.sheet_combo, self.encoding_combo, self.sku_combo, self.filter_edit, self.filter_column_combo)
        for widget in (*widgets, self.regex_check):
            widget.setEnabled(has_catalog)
        if has_catalog:
            self.sheet_combo.setEnabled(len(self.catalog.sheets) > 1)
            if self.catalog.encoding:  # after a failed or cancelled reload, the encoding the table was read in
                self.encoding_combo.setCurrentIndex(self.encoding_combo.findData(self.catalog.encoding))
        self.run_action.setEnabled(has_catalog)

    # ------------------------------------------------------------ Market

    def open_connection(self) -> bool:
        dialog = ConnectDialog(self.services, self)
        return bool(dialog.exec())

    def open_run(self) -> None:
        if self.catalog is None:
            return
        if not self.services.tokens.get() and not self.open_connection():
            return
        # Opens even with nothing picked: removing prices or leaving a promo needs no SKUs, and the
        # preview says when a SKU operation has nothing to send.
        dialog = RunDialog(self.services, self.catalog, self.model.picked.copy(), self)
        dialog.open()

    def open_history(self) -> None:
        HistoryDialog(self.services, self).open()

    def open_settings(self) -> None:
        SettingsDialog(self.services, self).exec()

    def show_getting_started(self) -> None:
        GettingStartedDialog(self).open()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ymdesk"),
            fill(
                self.tr(
                    "ymdesk {version}\n\nBulk clean-up of Yandex Market catalogs through the Market Partner API: "
                    "delete products from a store or the business catalog, remove them from promos, remove API prices."
                ),
                version=__version__,
            ),
        )

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        running = [dialog for dialog in self.findChildren(RunDialog) if dialog.is_running()]  # new or resumed runs
        if running and not running[0].confirm_stop():
            event.ignore()
            return
        for dialog in running:
            dialog.cancel_and_wait()  # the runner records the SKUs not sent as cancelled
        stop_all(self)  # loading, filtering, look-ups: every thread joined before the window goes
        self.services.settings.window_geometry = self.saveGeometry()
        self.services.settings.sync()
        event.accept()


def discard_picks_box(parent: QWidget, picked: int, current: Path, new: Path) -> QMessageBox:
    """Ask before a new file replaces the picks; Cancel is the default (the picks are work)."""
    box = QMessageBox(parent)
    box.setObjectName("discardPicksBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("MainWindow", "Open another file?"))
    if Path(new) == Path(current):
        text = QCoreApplication.translate(
            "MainWindow", "{picked:n} {picked:plural:row is|rows are} picked in {file}. Reload it and drop the picks?"
        )
    else:
        text = QCoreApplication.translate(
            "MainWindow", "{picked:n} {picked:plural:row is|rows are} picked in {file}. Open {new} and drop the picks?"
        )
    box.setText(fill(text, picked=picked, file=Path(current).name, new=Path(new).name))
    box.setInformativeText(
        QCoreApplication.translate(
            "MainWindow", "To keep them, cancel and run the operation first; in the new file, Paste SKUs picks a list."
        )
    )
    box.addButton(
        QCoreApplication.translate("MainWindow", "Open and drop the picks"), QMessageBox.ButtonRole.AcceptRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm_discard_picks(parent: QWidget, picked: int, current: Path, new: Path) -> bool:
    """Tests replace this to answer as the user would."""
    box = discard_picks_box(parent, picked, current, new)
    box.exec()
    return box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.AcceptRole


def _dropped_catalog(mime) -> Path | None:
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(CATALOG_SUFFIXES):
            return Path(url.toLocalFile())
    return None
