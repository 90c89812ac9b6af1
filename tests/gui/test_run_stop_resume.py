"""Stopping and resuming runs as a person meets them: Cancel, Escape and the window's X all ask "Stop the run?"
(No by default), stop within a second and show the results of what was done; a resume from History shows its
preview and asks with the same rule as a new run (typed count above 1,000); every job status has a title."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.helpers.gui_support import open_run_dialog
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus, Waiting
from ymdesk.ui.confirm import TypedConfirmDialog
from ymdesk.ui.history_dialog import HistoryDialog
from ymdesk.ui.run_dialog import RESULTS_PAGE, RunDialog
from ymdesk.ui.texts import STATUS_TITLES, status_title


def _waiting_run(qtbot, window, simulator) -> RunDialog:
    """A run that waits for the rate limit after its first 5 SKUs."""
    from ymdesk.core.simulator.limits import Limits

    simulator.limits = Limits.fast(skus=5, period=600.0)
    window.services.settings.batch_size = 5
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window)
    dialog.show()
    with qtbot.waitSignal(dialog.run_event, timeout=30_000, check_params_cb=lambda e: isinstance(e, Waiting)):
        dialog.setup.start_button.click()
    return dialog


@pytest.mark.parametrize("how", ["cancel button", "escape", "window close"])
def test_cancel_escape_and_the_window_x_end_a_run_the_same_way(
    qtbot, loaded_window, simulator, confirm_runs, stop_answers, how
):
    asked, _answer = stop_answers
    dialog = _waiting_run(qtbot, loaded_window, simulator)
    assert dialog.is_running()
    started = time.monotonic()
    with qtbot.waitSignal(dialog.run_finished, timeout=10_000) as finished:
        if how == "cancel button":
            dialog.progress.cancel_button.click()
        elif how == "escape":
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        else:
            dialog.close()
    stopped_in = time.monotonic() - started
    assert asked == [QMessageBox.StandardButton.No]  # asked once, and No is the default
    assert stopped_in < 1.0, stopped_in
    assert finished.args[0].status is JobStatus.CANCELLED
    # The results of what was done, in the dialog that stays open.
    assert dialog.isVisible() and dialog.pages.currentIndex() == RESULTS_PAGE
    qtbot.waitUntil(lambda: dialog.results.model.rowCount() == 60, timeout=10_000)
    counts = loaded_window.services.journal.counts(dialog.job_id)
    assert counts.get(Outcome.DELETED, 0) + counts.get(Outcome.NOT_DELETED, 0) == 5
    assert counts[Outcome.CANCELLED] == 60 - 5 - counts[Outcome.INVALID]
    assert "Stopped." in dialog.progress.log_view.toPlainText()


def test_answering_no_keeps_the_run_going(qtbot, loaded_window, simulator, confirm_runs, stop_answers):
    asked, answer = stop_answers
    answer[0] = QMessageBox.StandardButton.No
    dialog = _waiting_run(qtbot, loaded_window, simulator)
    with qtbot.waitSignal(dialog.stop_asked, timeout=5_000) as reply:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert reply.args == [False] and asked == [QMessageBox.StandardButton.No]
    assert dialog.is_running() and dialog.isVisible() and dialog.progress.cancel_button.isEnabled()
    with qtbot.waitSignal(dialog.run_finished, timeout=10_000) as finished:
        dialog.cancel_run()
    assert finished.args[0].status is JobStatus.CANCELLED


def test_a_resume_shows_its_preview_and_asks_for_the_typed_count(qtbot, main_window, simulator, monkeypatch):
    """History → Resume the run: the SKUs left, the store by name, batches and time; above 1,000 SKUs left the
    count must be typed; refusing sends nothing; typing it sends the rest."""
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID

    services = main_window.services
    items = [JobItem(f"SKU-{i:06d}", f"SKU-{i:06d}", i + 2) for i in range(1500)]
    job_id = services.journal.create_job(
        Operation.DELETE_OFFERS,
        Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
        items,
        api_url=services.api_url,
        target_name="Демо-магазин FBS",
    )
    typed: list[tuple[str, bool]] = []
    replies = [False, True]  # the first time the person gives up; the second time they type the count

    def exec_typed(self) -> int:
        self.edit.setText("1 500")  # as a person would type it
        typed.append((self.edit.text(), self.ok_button.isEnabled()))
        return QDialog.DialogCode.Accepted if replies.pop(0) and self.ok_button.isEnabled() else 0

    monkeypatch.setattr(TypedConfirmDialog, "exec", exec_typed)
    history = HistoryDialog(services, main_window)
    qtbot.addWidget(history)
    history.table.selectRow(0)
    with qtbot.waitSignal(history.resumed):
        history.resume_button.click()
    resumed = next(child for child in main_window.findChildren(RunDialog))
    qtbot.addWidget(resumed)
    qtbot.waitUntil(lambda: resumed.plan is not None, timeout=30_000)  # read from the journal on a worker
    preview = resumed.setup.preview_label.text()
    assert resumed.plan.resumes and resumed.plan.valid == 1500 and resumed.plan.batches == 3
    assert "SKUs left to send: 1,500" in preview or "SKUs left to send: 1500" in preview
    assert "Batches: 3" in preview and "Estimated time: about" in preview
    assert f"«Демо-магазин FBS» ({DEMO_FBS_CAMPAIGN_ID})" in resumed.setup.heading.text()

    resumed.setup.start_button.click()  # refused: nothing is sent
    assert typed == [("1 500", True)]
    assert not resumed.is_running() and not simulator.records()
    assert services.journal.job(job_id).status is JobStatus.PLANNED

    with qtbot.waitSignal(resumed.run_finished, timeout=60_000) as finished:
        resumed.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    assert services.journal.counts(job_id).get(Outcome.PENDING, 0) == 0


def test_every_job_status_has_a_title_and_history_opens_with_a_failed_run(qtbot, services):
    assert set(STATUS_TITLES) == set(JobStatus)
    assert all(status_title(status) for status in JobStatus)
    job = services.journal.create_job(
        Operation.REMOVE_PRICES, Target(campaign_id=1), [], api_url=services.api_url, target_name="Shop"
    )
    services.journal.set_status(job, JobStatus.FAILED, finished=True)
    history = HistoryDialog(services)  # a KeyError here before every status had a title
    qtbot.addWidget(history)
    status_column = next(
        c for c in range(history.table.columnCount()) if history.table.horizontalHeaderItem(c).text() == "Status"
    )
    assert history.table.item(0, status_column).text() == "failed"
    history.done(0)  # joins the results reader before the journal goes


def test_stopping_while_a_request_is_out_ends_within_a_second(
    qtbot, loaded_window, simulator, confirm_runs, stop_answers
):
    """Market is slow to answer (5 s): Escape during the request still ends the run at once; the SKUs of that
    request are recorded as sent without an answer, for the resume to settle."""
    from ymdesk.core.runs.events import BatchStarted
    from ymdesk.core.simulator import Faults

    simulator.faults = Faults(slow_rate=1.0, slow_seconds=5.0)
    window = loaded_window
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window)
    dialog.show()
    with qtbot.waitSignal(dialog.run_event, timeout=30_000, check_params_cb=lambda e: isinstance(e, BatchStarted)):
        dialog.setup.start_button.click()
    started = time.monotonic()
    with qtbot.waitSignal(dialog.run_finished, timeout=10_000) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    stopped_in = time.monotonic() - started
    assert stopped_in < 1.0, stopped_in
    assert finished.args[0].status is JobStatus.CANCELLED
    assert dialog.pages.currentIndex() == RESULTS_PAGE
    counts = window.services.journal.counts(dialog.job_id)
    assert counts.get(Outcome.UNANSWERED, 0) > 0 and counts.get(Outcome.PENDING, 0) == 0
