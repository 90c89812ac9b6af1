"""Demo mode: a run from an earlier demo (its simulator had another port) resumes against the current demo;
outside demo mode History says how to resume it instead of only that the addresses differ."""

from __future__ import annotations

from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus
from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID, sample_catalog_path
from ymdesk.ui import history_dialog as history_module
from ymdesk.ui.history_dialog import HistoryDialog
from ymdesk.ui.run_dialog import RunDialog
from ymdesk.ui.services import DemoSession

EARLIER_DEMO = "http://127.0.0.1:45999"  # the port the previous demo's simulator happened to get


def _earlier_demo_job(services) -> int:
    items = [JobItem(f"SKU-{i:06d}", f"SKU-{i:06d}", i + 2) for i in range(30)]
    return services.journal.create_job(
        Operation.DELETE_OFFERS,
        Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
        items,
        api_url=EARLIER_DEMO,
        target_name="Демо-магазин FBS",
    )


def test_a_run_from_an_earlier_demo_resumes_against_the_current_one(qtbot, main_window, simulator, confirm_runs):
    services = main_window.services
    services.demo = DemoSession(simulator.url, sample_catalog_path(), lambda: None)  # this demo's simulator
    job_id = _earlier_demo_job(services)
    history = HistoryDialog(services, main_window)
    qtbot.addWidget(history)
    history.table.selectRow(0)
    assert history.resume_button.isEnabled() and history.can_resume_here(history.selected_job())
    with qtbot.waitSignal(history.resumed):
        history.resume_button.click()
    resumed = next(child for child in main_window.findChildren(RunDialog))
    qtbot.addWidget(resumed)
    qtbot.waitUntil(lambda: resumed.plan is not None, timeout=30_000)  # read from the journal on a worker
    assert resumed.plan.resumes and resumed.plan.valid == 30
    with qtbot.waitSignal(resumed.run_finished, timeout=60_000) as finished:
        resumed.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    counts = services.journal.counts(job_id)
    assert counts.get(Outcome.PENDING, 0) == 0 and counts.get(Outcome.DELETED, 0) > 0
    sent = {sku for record in simulator.records() for sku in record.offer_ids}
    assert sent == {f"SKU-{i:06d}" for i in range(30)}  # to the current demo, every SKU once


def _resume_the_first_row(qtbot, main_window, monkeypatch) -> list[str]:
    """History > Resume on its first row; the warnings shown instead of a resumed run (History is closed again)."""
    warned: list[str] = []
    monkeypatch.setattr(history_module.QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    history = HistoryDialog(main_window.services, main_window)
    qtbot.addWidget(history)
    history.table.selectRow(0)
    history.resume_button.click()
    history.done(0)
    return warned


def test_outside_demo_mode_history_says_to_start_the_demo(qtbot, main_window, simulator, monkeypatch):
    services = main_window.services
    assert services.demo is None
    _earlier_demo_job(services)
    warned = _resume_the_first_row(qtbot, main_window, monkeypatch)
    assert len(warned) == 1 and "ymdesk --demo" in warned[0]
    assert not main_window.findChildren(RunDialog) and not simulator.records()


def test_a_real_store_run_never_resumes_against_the_demo(qtbot, main_window, simulator, monkeypatch):
    services = main_window.services
    services.demo = DemoSession(simulator.url, sample_catalog_path(), lambda: None)
    services.journal.create_job(
        Operation.DELETE_OFFERS,
        Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
        [JobItem("A", "A", 2)],
        api_url="https://api.partner.market.yandex.ru",
    )
    warned = _resume_the_first_row(qtbot, main_window, monkeypatch)
    assert len(warned) == 1 and "api.partner.market.yandex.ru" in warned[0]
    assert not simulator.records()
