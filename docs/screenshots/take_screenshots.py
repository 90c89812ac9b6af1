"""Take the README screenshots from real windows: run under Xvfb at 1280x800.

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshots/take_screenshots.py [ru|en]

Demo mode: the built-in simulator on 127.0.0.1 (slowed to a small rate limit so a run is caught
mid-way with its countdown) and the bundled sample catalog. Writes main-window, run-setup, run-check,
run-progress,
run-stop (the "Stop the run?" question), run-results and run-resume (History's resume preview) PNGs,
suffixed with the language, next to this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))


def main() -> int:
    language = sys.argv[1] if len(sys.argv) > 1 else "ru"
    os.environ["YMDESK_HOME"] = tempfile.mkdtemp(prefix="ymdesk-shots-")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from ymdesk.app import build_services, create_application
    from ymdesk.core.model import JobItem, Operation
    from ymdesk.core.runs.events import Waiting
    from ymdesk.core.secrets import MemoryTokenStore
    from ymdesk.core.simulator import (
        DEMO_API_KEY,
        DEMO_FBS_CAMPAIGN_ID,
        MarketSimulator,
        build_demo_state,
        sample_catalog_path,
    )
    from ymdesk.core.simulator.limits import Limits
    from ymdesk.i18n import install_translator
    from ymdesk.ui import confirm
    from ymdesk.ui import run_dialog as run_dialog_module
    from ymdesk.ui.history_dialog import HistoryDialog
    from ymdesk.ui.main_window import MainWindow
    from ymdesk.ui.services import DemoSession
    from ymdesk.ui.settings import AppSettings

    app = create_application(sys.argv[:1])
    install_translator(language)
    screen = QGuiApplication.primaryScreen().geometry()

    def wait_for(signal, timeout_ms: int = 60_000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()

    def settle(ms: int = 400) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shoot(name: str) -> None:
        settle()
        path = HERE / f"{name}-{language}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(path)

    simulator = MarketSimulator(state=build_demo_state(), limits=Limits.fast(skus=60, period=6.0)).start()
    settings = AppSettings.at_path(os.path.join(os.environ["YMDESK_HOME"], "settings.ini"))
    settings.batch_size = 20
    services = build_services(settings, tokens=MemoryTokenStore(DEMO_API_KEY), language=language)
    services.demo = DemoSession(simulator.url, sample_catalog_path(), simulator.stop)

    window = MainWindow(services)
    window.setGeometry(screen)
    window.show()
    shoot("first-start")  # nothing open yet: the three steps
    window.open_file(services.demo.sample_catalog)
    wait_for(window.catalog_loaded)
    window.table.resizeColumnsToContents()
    for column in range(1, window.model.columnCount()):
        window.table.setColumnWidth(column, min(window.table.columnWidth(column), 230))
    window.model.pick_shown(True)
    window.filter_edit.setText("Электроника")
    wait_for(window.filter_applied)
    window.model.pick_shown(False)  # keep the electronics, for this screenshot's story
    window.filter_edit.setText("")
    wait_for(window.filter_applied)
    first_invalid = int(window.model.marks.invalid.nonzero()[0][0])  # show how an invalid SKU is marked
    window.table.scrollTo(window.model.index(max(0, first_invalid - 6), 0), window.table.ScrollHint.PositionAtTop)
    window.table.selectRow(first_invalid - 2)
    shoot("main-window")

    confirm.confirm_run = lambda *args: True  # the screenshot skips the confirmation box
    dialog = run_dialog_module.RunDialog(services, window.catalog, window.model.picked.copy(), window)
    dialog.resize(900, 560)
    dialog.move(screen.center() - dialog.rect().center())
    dialog.show()
    wait_for(dialog.campaigns_loaded)
    dialog.setup.operation_combo.setCurrentIndex(dialog.setup.operation_combo.findData(Operation.DELETE_OFFERS))
    for index in range(dialog.setup.store_combo.count()):
        if dialog.setup.store_combo.itemData(index).id == DEMO_FBS_CAMPAIGN_ID:
            dialog.setup.store_combo.setCurrentIndex(index)
    while dialog.plan is None or not dialog.plan.can_start:
        settle(50)
    shoot("run-setup")
    dialog.setup.check_panel.check_button.click()  # Check against Market: what the store has of the picked SKUs
    wait_for(dialog.setup.check_panel.checked, 120_000)
    shoot("run-check")
    dialog.setup.start_button.click()
    seen = []
    dialog.run_event.connect(lambda event: seen.append(event) if isinstance(event, Waiting) else None)
    while len(seen) < 3:
        settle(50)
    shoot("run-progress")

    def shoot_and_keep_going() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(50, shoot_and_keep_going)
            return
        shoot("run-stop")
        box.reject()  # No, the default: the run goes on

    QTimer.singleShot(50, shoot_and_keep_going)
    dialog.request_stop()  # what Cancel, Escape and the window's X do

    wait_for(dialog.run_finished, 180_000)
    wait_for(dialog.results.items_loaded, 10_000) if dialog.results.model.rowCount() == 0 else None
    dialog.results.export(dialog.results.default_report_path("xlsx"))  # the default: SKUs that did not succeed
    wait_for(dialog.results.report_exported)
    shoot("run-results")
    dialog.accept()

    # History -> Resume the run: a job left with SKUs to send shows its preview before anything is sent.
    items = [JobItem(f"SKU-{i:05d}", f"SKU-{i:05d}", i + 2) for i in range(1500)]
    services.journal.create_job(
        Operation.DELETE_OFFERS,
        dialog.plan.target,
        items,
        api_url=services.api_url,
        target_name=dialog.plan.target_name,
    )
    history = HistoryDialog(services, window)
    history.move(screen.center() - history.rect().center())
    history.show()
    history.table.selectRow(1)  # the run above, with its results
    wait_for(history.results.items_loaded, 10_000)
    shoot("history")
    history.table.selectRow(0)
    history.resume_button.click()
    resumed = next(child for child in window.findChildren(run_dialog_module.RunDialog) if child is not dialog)
    resumed.resize(900, 560)
    resumed.move(screen.center() - resumed.rect().center())
    while resumed.plan is None:
        settle(50)
    shoot("run-resume")
    resumed.reject()
    window.close()
    simulator.stop()
    services.journal.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
