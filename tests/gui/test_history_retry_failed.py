"""History's "also send again what failed for a passing cause" (resume --retry-failed in the app)."""

from __future__ import annotations

from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus
from ymdesk.core.runs.journal import OutcomeUpdate
from ymdesk.ui.history_dialog import HistoryDialog
from ymdesk.ui.main_window import MainWindow
from ymdesk.ui.run_dialog import RunDialog


def test_history_resends_only_retriable_failures_of_a_finished_run(
    qtbot, isolated_home, simulator, app_settings, confirm_runs, shown_dialogs
):
    from ymdesk.app import build_services
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.secrets import MemoryTokenStore
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_FBS_CAMPAIGN_ID

    app_settings.api_url = simulator.url
    journal = Journal()
    skus = sorted(simulator.state.campaigns[DEMO_FBS_CAMPAIGN_ID].offers)[:20]
    job_id = journal.create_job(
        Operation.DELETE_OFFERS,
        Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
        [JobItem(sku, sku, row) for row, sku in enumerate(skus, 2)],
        api_url=simulator.url,
    )
    why = Message("MarketApi", "failed")
    journal.record(
        job_id,
        [OutcomeUpdate(s, Outcome.FAILED, why, None, 503) for s in range(8)]
        + [OutcomeUpdate(s, Outcome.FAILED, why, "BAD_REQUEST", 400) for s in range(8, 20)],
    )
    journal.set_status(job_id, JobStatus.DONE, finished=True)
    services = build_services(app_settings, tokens=MemoryTokenStore(DEMO_API_KEY), journal=journal)
    window = MainWindow(services)
    qtbot.addWidget(window)

    history = HistoryDialog(services, window)
    qtbot.addWidget(history)
    history.table.selectRow(0)
    assert not history.resume_button.isEnabled()  # done: nothing to resume without the box
    history.retry_failed_box.setChecked(True)
    assert history.resume_button.isEnabled()
    with qtbot.waitSignal(history.resumed):
        history.resume_button.click()
    resumed = next(child for child in window.findChildren(RunDialog))
    qtbot.addWidget(resumed)
    qtbot.waitUntil(lambda: resumed.plan is not None, timeout=30_000)
    assert resumed.plan.resumes and resumed.plan.valid == 8
    with qtbot.waitSignal(resumed.run_finished, timeout=120_000) as finished:
        resumed.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    sent = sorted(sku for r in simulator.records() if "/delete" in r.path for sku in r.offer_ids)
    assert sent == sorted(skus[:8])  # the 503s, never the 400s
    counts = journal.counts(job_id)
    assert counts[Outcome.FAILED] == 12 and counts.get(Outcome.DELETED, 0) + counts.get(Outcome.NOT_DELETED, 0) == 8
    assert not shown_dialogs
    journal.close()
