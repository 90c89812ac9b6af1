"""Connect and run against the simulator on a real socket: progress, results, report, cancel, errors."""

from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import QMessageBox

from tests.helpers.gui_support import open_run_dialog
from ymdesk.core.model import Outcome
from ymdesk.core.runs.events import JobStatus, Progress, Waiting
from ymdesk.ui.connect_dialog import ConnectDialog
from ymdesk.ui.results_view import ReportScope
from ymdesk.ui.run_dialog import RESULTS_PAGE


def test_pick_run_see_progress_export_report(qtbot, loaded_window, confirm_runs, tmp_path):
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID

    window = loaded_window
    with qtbot.waitSignal(window.filter_applied):
        window.filter_edit.setText("Игрушки")  # 40 of 60 rows; 4 of them have too-long SKUs
    window.pick_all_action.trigger()
    assert window.counts()["picked"] == 40

    dialog = open_run_dialog(qtbot, window)
    assert dialog.plan.valid == 36 and dialog.plan.invalid == 4 and dialog.plan.batches == 1
    assert "Valid SKUs to send: 36" in dialog.setup.preview_label.text()

    progress = []
    dialog.run_event.connect(lambda event: progress.append(event) if isinstance(event, Progress) else None)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert confirm_runs[0].target_label.endswith(f"({DEMO_FBS_CAMPAIGN_ID})")
    assert finished.args[0].status is JobStatus.DONE
    assert progress[-1].done == progress[-1].total == 40
    assert dialog.progress.progress_bar.value() == dialog.progress.progress_bar.maximum() == 40
    # The log says what ymdesk did before the first request and what the batch did, as the CLI does.
    log = dialog.progress.log_view.toPlainText()
    assert "Preparing 40 SKUs…" in log and "Recording 40 SKUs in the journal…" in log
    counts = window.services.journal.counts(dialog.job_id)
    words = [f"{counts[Outcome.DELETED]} deleted"]
    if counts.get(Outcome.NOT_DELETED):
        words.append(f"{counts[Outcome.NOT_DELETED]} not in the store or held in a Market warehouse")
    assert f"Batch 1 of 1: {', '.join(words)}." in log
    assert dialog.pages.currentIndex() == RESULTS_PAGE
    qtbot.waitUntil(lambda: dialog.results.model.rowCount() == 40, timeout=10_000)

    counts = window.services.journal.counts(dialog.job_id)
    assert counts[Outcome.INVALID] == 4
    assert counts.get(Outcome.DELETED, 0) + counts.get(Outcome.NOT_DELETED, 0) == 36

    dialog.results.outcome_combo.setCurrentIndex(dialog.results.outcome_combo.findData(Outcome.INVALID))
    assert dialog.results.model.rowCount() == 4

    report = tmp_path / "report.xlsx"
    with qtbot.waitSignal(dialog.results.report_exported, timeout=60_000):
        dialog.results.export(report, ReportScope.ALL)
    sheets = pd.read_excel(report, sheet_name=None, dtype=str, keep_default_na=False, engine="calamine")
    rows = next(frame for frame in sheets.values() if len(frame) == 40)
    text = rows.to_string()
    assert "SKU-000001" in text and "X" * 300 in text
    csv_report = tmp_path / "report.csv"
    with qtbot.waitSignal(dialog.results.report_exported, timeout=60_000):
        dialog.results.export(csv_report, ReportScope.ALL)
    assert "SKU-000001" in csv_report.read_text(encoding="utf-8-sig")


def test_cancel_mid_run_records_the_rest_as_cancelled(qtbot, loaded_window, confirm_runs, simulator):
    from ymdesk.core.simulator.limits import Limits

    window = loaded_window
    simulator.limits = Limits.fast(skus=10, period=30.0)  # 10 SKUs, then a long wait for the window
    window.services.settings.batch_size = 5
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window)

    waits = []

    def cancel_when_waiting(event) -> None:
        if isinstance(event, Waiting) and not waits:
            waits.append(event)
            dialog.cancel_run()

    dialog.run_event.connect(cancel_when_waiting)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert waits, "the run should have waited for the rate limit"
    assert dialog.progress.wait_label.text() != "" or dialog.pages.currentIndex() == RESULTS_PAGE
    assert finished.args[0].status is JobStatus.CANCELLED
    counts = window.services.journal.counts(dialog.job_id)
    assert counts[Outcome.CANCELLED] > 0
    assert counts.get(Outcome.PENDING, 0) == 0
    assert sum(counts.values()) == 60


def test_closing_the_window_during_a_run_cancels_and_waits(qtbot, loaded_window, confirm_runs, simulator, stop_answers):
    from ymdesk.core.simulator.limits import Limits

    window = loaded_window
    simulator.limits = Limits.fast(skus=5, period=30.0)
    window.services.settings.batch_size = 5
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.run_event, check_params_cb=lambda event: isinstance(event, Waiting)):
        dialog.setup.start_button.click()
    assert dialog.is_running()
    window.close()
    assert stop_answers[0] == [QMessageBox.StandardButton.No]  # asked, No by default; answered Yes
    assert not dialog.is_running()
    job = window.services.journal.job(dialog.job_id)
    assert job.status is JobStatus.CANCELLED


def test_wrong_key_shows_the_401_dialog(qtbot, services, shown_dialogs):
    dialog = ConnectDialog(services)
    qtbot.addWidget(dialog)
    dialog.key_edit.setText("not-a-real-key")
    with qtbot.waitSignal(dialog.test_failed, timeout=30_000):
        dialog.test_button.click()
    assert len(shown_dialogs) == 1
    assert shown_dialogs[0].title == "The API key was not accepted"
    assert "create a new one" in shown_dialogs[0].informative
    assert services.tokens.get() != "not-a-real-key"  # a failed test does not save the key


def test_connection_lists_stores_and_saves_the_key(qtbot, services, tmp_path):
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_FBS_CAMPAIGN_ID

    services.tokens.delete()
    dialog = ConnectDialog(services)
    qtbot.addWidget(dialog)
    dialog.key_edit.setText(DEMO_API_KEY)
    with qtbot.waitSignal(dialog.campaigns_loaded, timeout=30_000):
        dialog.test_button.click()
    ids = {dialog.stores.item(row, 1).text() for row in range(dialog.stores.rowCount())}
    assert str(DEMO_FBS_CAMPAIGN_ID) in ids
    dialog.save_and_close()
    assert services.tokens.get() == DEMO_API_KEY
    services.settings.sync()
    assert DEMO_API_KEY not in (tmp_path / "settings.ini").read_text(encoding="utf-8")  # the key never goes there


def test_run_dialog_models_pass_the_model_tester(qtbot, qtmodeltester, loaded_window, confirm_runs):

    window = loaded_window
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000):
        dialog.setup.start_button.click()
    qtbot.waitUntil(lambda: dialog.results.model.rowCount() == 60, timeout=10_000)
    qtmodeltester.check(dialog.results.model, force_py=True)


def test_cancel_during_a_request_stops_within_a_second_and_records_it_sent(
    qtbot, loaded_window, confirm_runs, simulator
):
    """Issue 10: Cancel in the app cuts the request in flight (Market's answer is 30 s away) within a second;
    its SKUs are "sent, no answer", never "Not sent"."""
    import time

    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID, Faults

    window = loaded_window
    window.services.settings.batch_size = 5
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window)
    simulator.faults = Faults(seed=1, slow_rate=1.0, slow_seconds=30.0)
    dialog.setup.start_button.click()
    qtbot.waitUntil(lambda: simulator.max_in_flight(campaign_id=DEMO_FBS_CAMPAIGN_ID) >= 1, timeout=30_000)
    with qtbot.waitSignal(dialog.run_finished, timeout=10_000) as finished:
        asked = time.monotonic()
        dialog.cancel_run()
    assert time.monotonic() - asked < 1.0
    assert finished.args[0].status is JobStatus.CANCELLED
    counts = window.services.journal.counts(dialog.job_id)
    assert counts[Outcome.UNANSWERED] == 5 and counts.get(Outcome.PENDING, 0) == 0
