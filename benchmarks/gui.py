"""GUI measurements through the app's real window, model, filter and run dialog, on an offscreen QApplication.

A `StallProbe` QTimer ticks every 10 ms on the GUI thread; the longest gap between ticks minus the
interval is the longest time the event loop could not answer (a frozen window). Every action is
started from inside the running event loop (QTimer.singleShot), so work it does on the GUI thread
shows up as a stall, exactly as it would for a person clicking.
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

Result = dict[str, Any]
PROBE_INTERVAL_MS = 10


#: Filters typed into the box, searched in all columns: common, rarer, a SKU fragment, and nothing found.
def _application() -> QApplication:
    """The QApplication as the app makes it (ymdesk.app.create_application): its GIL switch interval included,
    so the stalls measured are the ones a person would see."""
    from ymdesk.app import create_application

    return create_application(["ymdesk-benchmark"])


FILTER_QUERIES = ("чайник", "модель 99", "0001234", "нет такого")


class GcWatch:
    """The longest garbage collection (any thread: it holds the GIL, so the GUI waits too), per phase."""

    def __init__(self) -> None:
        self._started = 0.0
        self.max_ms = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.max_ms = max(self.max_ms, (time.perf_counter() - self._started) * 1000)

    def take(self) -> float:
        value, self.max_ms = self.max_ms, 0.0
        return round(value, 1)


class StallProbe(QObject):
    """The longest the GUI thread left a 10 ms timer waiting, per phase."""

    def __init__(self) -> None:
        super().__init__()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self._last = 0
        self.max_ms = 0.0

    def start(self) -> None:
        self._clock.start()
        self._last = 0
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.max_ms = max(self.max_ms, now - self._last - PROBE_INTERVAL_MS)
        self._last = now

    def take(self) -> float:
        """The longest stall since the last take(), then start over."""
        value, self.max_ms = self.max_ms, 0.0
        self._last = self._clock.elapsed()
        return max(0.0, value)


def run_until(signal: SignalInstance, action: Callable[[], object], timeout_s: float = 600.0) -> float:
    """Start `action` from inside the event loop and run the loop until `signal`; seconds it took."""
    loop = QEventLoop()
    done: list[float] = []
    started = [0.0]

    def finish(*_args: object) -> None:
        if not done:
            done.append(time.perf_counter())
            loop.quit()

    def begin() -> None:
        started[0] = time.perf_counter()
        action()

    signal.connect(finish)
    QTimer.singleShot(0, begin)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(finish)
    if not done:
        raise TimeoutError(f"no {signal} within {timeout_s} s")
    return done[0] - started[0]


def settle(ms: int = 200) -> None:
    """Let the loop run (paint, deleteLater) for a moment, with the probe still watching."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(ready: Callable[[], bool], timeout_s: float = 600.0) -> float:
    """Run the event loop until `ready()` (checked every 20 ms); seconds it took."""
    started = time.perf_counter()
    while not ready():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError(f"not ready within {timeout_s} s")
        settle(20)
    return time.perf_counter() - started


def _services(folder: Path, api_url: str | None) -> Any:
    from ymdesk.app import build_services
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.secrets import MemoryTokenStore
    from ymdesk.core.simulator import DEMO_API_KEY
    from ymdesk.ui.settings import AppSettings

    settings = AppSettings.at_path(str(folder / "settings.ini"))
    if api_url:
        settings.api_url = api_url
    return build_services(settings, tokens=MemoryTokenStore(DEMO_API_KEY), journal=Journal(folder / "journal.sqlite3"))


def _window(services: Any) -> Any:
    from ymdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    window.resize(1200, 760)
    window.show()
    return window


def _open(window: Any, path: str) -> float:
    """Open `path` until its rows are shown and its search indexes are built (all columns for filters, the
    sorted SKUs for type-to-find: they follow the rows on screen in the background, 1-2 s at 1M rows; a person
    starts typing later than that)."""
    seconds = run_until(window.catalog_loaded, lambda: window.open_file(Path(path)))
    return seconds + wait_until(lambda: window.search_ready() and window.model.sku_search_ready, timeout_s=300)


def _filter(window: Any, text: str) -> float:
    """Keystroke to repainted view: the text changes, the (debounce-free) filter runs, the table repaints."""
    repainted: list[float] = []

    def repaint() -> None:
        window.table.viewport().repaint()
        repainted.append(time.perf_counter())

    window.filter_applied.connect(repaint)
    try:

        def type_text() -> None:
            window.filter_edit.setText(text)  # what a keystroke does; it also starts the debounce timer
            window.apply_filter()  # the debounce timer firing, without its 250 ms

        seconds = run_until(window.filter_applied, type_text)
    finally:
        window.filter_applied.disconnect(repaint)
    return seconds


def gui_filter(path: str) -> Result:
    """Open `path` in the main window, then type each of FILTER_QUERIES (all columns) and clear the filter."""
    app = _application()
    probe = StallProbe()
    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), None)
        window = _window(services)
        probe.start()
        load_seconds = _open(window, path)
        settle()
        load_stall = probe.take()
        latencies, stalls, shown = [], [], []
        for query in FILTER_QUERIES:
            latencies.append(_filter(window, query))
            stalls.append(probe.take())
            shown.append(len(window.model.visible))
            settle(50)
        clear_seconds = _filter(window, "")
        clear_stall = probe.take()
        window.close()
        services.journal.close()
    del app
    return {
        "seconds": statistics.median(latencies),
        "filter_max_seconds": max(latencies),
        "filter_seconds": dict(zip(FILTER_QUERIES, latencies, strict=True)),
        "shown_rows": dict(zip(FILTER_QUERIES, shown, strict=True)),
        "filter_stall_ms": max(stalls),
        "filter_stalls_ms": dict(zip(FILTER_QUERIES, stalls, strict=True)),
        "clear_seconds": clear_seconds,
        "clear_stall_ms": clear_stall,
        "load_seconds": load_seconds,
        "load_stall_ms": load_stall,
        "stall_ms": max(*stalls, clear_stall),
    }


def gui_session(path: str, limits: str = "unlimited") -> Result:
    """Load `path`, filter, pick every row, plan and run delete-offers on the simulator: stalls per phase."""
    from benchmarks.measure import SimulatorProcess
    from ymdesk.core.model import Operation
    from ymdesk.core.simulator import DEMO_CAMPAIGN_ID
    from ymdesk.ui import confirm
    from ymdesk.ui.run_dialog import RunDialog

    app = _application()
    confirm.confirm_run = lambda *_args: True  # the person clicks "Yes" in the confirmation
    server = SimulatorProcess(f"catalog:{path}", limits)
    probe = StallProbe()
    collections = GcWatch()
    phases: Result = {}
    gc_pauses: Result = {}
    seconds: Result = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            services = _services(Path(folder), server.url)
            window = _window(services)
            probe.start()
            seconds["load"] = _open(window, path)
            settle()
            phases["load"] = probe.take()
            gc_pauses["load"] = collections.take()
            # One query after another, with the event loop running between them as it does between a
            # person's keystrokes (they are debounced 250 ms); the debounce itself is left out of the time.
            filter_seconds = []
            for query in (*FILTER_QUERIES, ""):
                filter_seconds.append(_filter(window, query))
                settle(50)
            seconds["filter"] = max(filter_seconds)
            phases["filter"] = probe.take()
            gc_pauses["filter"] = collections.take()
            QTimer.singleShot(0, window.pick_all_action.trigger)
            settle()
            phases["pick_all"] = probe.take()
            gc_pauses["pick_all"] = collections.take()

            holder: list[Any] = []

            def open_dialog() -> None:  # what Market > Run does, with the rows already picked
                dialog = RunDialog(services, window.catalog, window.model.picked.copy(), window)
                dialog.show()
                holder.append(dialog)

            started = time.perf_counter()
            QTimer.singleShot(0, open_dialog)
            settle(50)
            dialog = holder[0]

            def choose() -> None:
                dialog.setup.operation_combo.setCurrentIndex(
                    dialog.setup.operation_combo.findData(Operation.DELETE_OFFERS)
                )
                for index in range(dialog.setup.store_combo.count()):
                    if dialog.setup.store_combo.itemData(index).id == DEMO_CAMPAIGN_ID:
                        dialog.setup.store_combo.setCurrentIndex(index)

            wait_until(lambda: dialog.setup.store_combo.count() > 0, timeout_s=60)  # stores come from the simulator
            QTimer.singleShot(0, choose)
            # The preview (the picked rows as job items) is ready when Start is enabled.
            wait_until(lambda: dialog.plan is not None and dialog.setup.start_button.isEnabled(), timeout_s=300)
            seconds["plan"] = time.perf_counter() - started
            phases["plan"] = probe.take()
            gc_pauses["plan"] = collections.take()

            def choose_and_start() -> None:
                dialog.setup.start_button.click()

            clicked, run_started = [0.0], [0.0]
            dialog.setup.start_button.pressed.connect(lambda: clicked.__setitem__(0, time.perf_counter()))
            dialog.run_started.connect(lambda _job: run_started.__setitem__(0, time.perf_counter()))
            seconds["start_and_run"] = run_until(dialog.run_finished, choose_and_start, timeout_s=1800)
            seconds["click_to_run_started"] = run_started[0] - clicked[0]
            phases["start_and_run"] = probe.take()
            gc_pauses["start_and_run"] = collections.take()
            seconds["results"] = wait_until(lambda: dialog.results.model.rowCount() > 0, timeout_s=300)
            settle()
            phases["results"] = probe.take()
            gc_pauses["results"] = collections.take()
            counts = {str(k): v for k, v in services.journal.counts(dialog.job_id).items()}
            dialog.done(0)
            window.close()
            services.journal.close()
    finally:
        server.close()
    del app
    return {
        "seconds": sum(v for v in seconds.values() if v),
        "stall_ms": max(phases.values()),
        "phase_stall_ms": phases,
        "phase_seconds": seconds,
        "phase_gc_ms": gc_pauses,
        "outcomes": counts,
    }


def _painted(widget: Any) -> None:
    """Paint `widget` now, for real (offscreen, repaint() paints nothing; grab() renders)."""
    widget.grab()


def gui_open(path: str) -> Result:
    """File chosen -> rows on screen: MainWindow.open_file until the catalog is shown and its table painted."""
    app = _application()
    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), None)
        window = _window(services)
        settle(50)
        seconds = run_until(window.catalog_loaded, lambda: window.open_file(Path(path)))
        started = time.perf_counter()
        _painted(window.table.viewport())
        paint = time.perf_counter() - started
        rows = window.model.rowCount()
        index = wait_until(window.search_ready, timeout_s=300)
        window.close()
        services.journal.close()
    del app
    return {"seconds": seconds + paint, "paint_seconds": paint, "rows": rows, "index_after_seconds": index}


def _press(widget: Any, char: str) -> None:
    from PySide6.QtGui import QKeyEvent

    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def _keystroke(widget: Any, char: str, painted: Any) -> tuple[float, float]:
    """One key to `widget` from inside the event loop, until `painted` has been painted again: seconds in all,
    and seconds until the key was handled (the rest is Qt painting the view)."""
    loop = QEventLoop()
    took: list[float] = []

    def press() -> None:
        started = time.perf_counter()
        _press(widget, char)
        handled = time.perf_counter()
        _painted(painted)
        took.extend((time.perf_counter() - started, handled - started))
        loop.quit()

    QTimer.singleShot(0, press)
    loop.exec()
    return took[0], took[1]


def gui_keys(path: str) -> Result:
    """A keystroke -> repaint, at the catalog's size: typing into the table (type-to-find in the SKU column)
    and into the filter box at a typist's pace (180 ms a key), so the debounced filter runs in the background
    while later keys arrive. Each key is timed from its event to its widget painted again."""
    from PySide6.QtCore import QModelIndex  # noqa: F401 - Qt's types loaded before the timer

    app = _application()
    probe = StallProbe()
    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), None)
        window = _window(services)
        _open(window, path)
        settle()
        table, box = window.table, window.filter_edit
        table.setFocus()
        table.setCurrentIndex(window.model.index(0, window.model.sku_view_column))
        settle(50)
        probe.start()
        table_keys: list[float] = []
        table_handled: list[float] = []
        for word in ("арт-0999", "000123", "нет-такого"):
            QApplication.setKeyboardInputInterval(0)
            for position, char in enumerate(word):
                total, handled = _keystroke(table, char, table.viewport())
                table_keys.append(total)
                table_handled.append(handled)
                QApplication.setKeyboardInputInterval(60_000 if position == 0 else QApplication.keyboardInputInterval())
                settle(30)
        QApplication.setKeyboardInputInterval(400)
        table_stall = probe.take()
        found_row = table.currentIndex().row()
        box.setFocus()
        settle(50)
        probe.take()
        box_keys = []
        for char in "модель 99":
            box_keys.append(_keystroke(box, char, box)[0])
            settle(180)
        wait_until(lambda: not window.filter_pending(), timeout_s=120)
        box_stall = probe.take()
        shown = len(window.model.visible)
        window.close()
        services.journal.close()
    del app
    return {
        "seconds": max(max(table_keys), max(box_keys)),
        "table_key_ms": [round(k * 1000, 1) for k in table_keys],
        "box_key_ms": [round(k * 1000, 1) for k in box_keys],
        "table_max_ms": max(table_keys) * 1000,
        "table_median_ms": statistics.median(table_keys) * 1000,
        "table_find_max_ms": max(table_handled) * 1000,
        "table_find_ms": [round(k * 1000, 1) for k in table_handled],
        "box_max_ms": max(box_keys) * 1000,
        "box_median_ms": statistics.median(box_keys) * 1000,
        "table_stall_ms": table_stall,
        "box_stall_ms": box_stall,
        "found_row": found_row,
        "shown_after_filter": shown,
    }


MEASUREMENTS: dict[str, Callable[..., Result]] = {
    "gui-filter": gui_filter,
    "gui-session": gui_session,
    "gui-open": gui_open,
    "gui-keys": gui_keys,
}
