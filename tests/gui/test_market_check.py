"""The app asks Market before and after a run: "Check against Market" in the run dialog, "Verify" in the
results, and archive offered when deleting from the whole catalog. Real widgets, the simulator on a socket."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.helpers.gui_support import open_run_dialog
from ymdesk.core.model import Operation, Outcome
from ymdesk.core.runs.events import JobStatus


def test_check_lists_the_skus_market_has_not_and_drops_them_from_the_run(qtbot, loaded_window, simulator):
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID

    window = loaded_window
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_OFFERS, DEMO_FBS_CAMPAIGN_ID)
    dialog.show()
    panel = dialog.setup.check_panel
    assert panel.isVisible() and panel.check_button.isEnabled()
    valid_before = dialog.plan.valid
    # Before it starts, the check says how long it would take.
    assert f"Checking {valid_before} SKUs against Market takes about" in panel.status_label.text()

    with qtbot.waitSignal(panel.checked, timeout=30_000) as checked:
        panel.check_button.click()
    result = checked.args[0]
    store = simulator.state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    picked = [f"SKU-{i:06d}" for i in range(60) if i % 10 != 9]  # every 10th row is invalid (too long)
    expected_missing = [sku for sku in picked if sku not in store]
    assert expected_missing  # the demo layout leaves some out of the FBS store
    assert result.missing == expected_missing
    assert result.found == len(picked) - len(expected_missing) and result.complete
    assert panel.missing_list.count() == len(expected_missing)
    assert [panel.missing_list.item(i).text() for i in range(panel.missing_list.count())] == expected_missing
    assert "not there" in panel.status_label.text()

    with qtbot.waitSignal(dialog.items_ready, timeout=10_000):
        panel.drop_button.click()
    assert dialog.plan.valid == valid_before - len(expected_missing)
    assert not panel.drop_button.isVisible()


def test_verify_in_the_results_finds_a_product_market_quietly_restored(
    qtbot, loaded_window, simulator, confirm_runs, shown_dialogs
):
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID

    window = loaded_window
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_OFFERS, DEMO_FBS_CAMPAIGN_ID)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    deleted = [i.sku for i in window.services.journal.items(dialog.job_id) if i.outcome is Outcome.DELETED]
    verify = dialog.results.verify
    assert verify.button.isEnabled()

    with qtbot.waitSignal(dialog.results.verified, timeout=30_000) as clean:
        verify.button.click()
    assert clean.args[0].still_shown == [] and clean.args[0].checked == len(deleted)
    assert shown_dialogs == []

    simulator.state.quietly_restore(deleted[3], campaign_id=DEMO_FBS_CAMPAIGN_ID)
    qtbot.waitUntil(verify.button.isEnabled, timeout=10_000)  # the first verification's thread has ended
    with qtbot.waitSignal(dialog.results.verified, timeout=30_000) as found:
        verify.button.click()
    assert [sku for _, sku in found.args[0].still_shown] == [deleted[3]]
    assert shown_dialogs and "still shows 1" in shown_dialogs[-1].text


def test_deleting_from_the_whole_catalog_offers_archive_and_archive_runs(
    qtbot, loaded_window, simulator, confirm_runs, monkeypatch
):
    from ymdesk.core.simulator import DEMO_BUSINESS_ID, DEMO_FBS_CAMPAIGN_ID

    offered = []

    def choose_archive(box: QMessageBox) -> int:
        offered.append(box.text())
        box.findChild(QPushButton, "archiveInstead").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_archive)
    window = loaded_window
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_FROM_CATALOG, DEMO_FBS_CAMPAIGN_ID)
    assert "archive them instead" in dialog.setup.operation_hint.text()
    catalog_before = simulator.state.catalog_offers(DEMO_BUSINESS_ID)

    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert offered and "can be undone" in offered[0]
    assert confirm_runs[-1].operation is Operation.ARCHIVE
    assert finished.args[0].status is JobStatus.DONE
    assert simulator.state.catalog_offers(DEMO_BUSINESS_ID) == catalog_before  # nothing deleted
    archived = simulator.state.archived_offers(DEMO_BUSINESS_ID)
    recorded = {i.sku for i in window.services.journal.items(dialog.job_id) if i.outcome is Outcome.ARCHIVED}
    assert recorded and recorded == archived
    assert "can be undone" in dialog.setup.operation_hint.text()


def test_history_verifies_a_finished_run(qtbot, loaded_window, simulator, confirm_runs, shown_dialogs):
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID
    from ymdesk.ui.history_dialog import HistoryDialog

    window = loaded_window
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_OFFERS, DEMO_FBS_CAMPAIGN_ID)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000):
        dialog.setup.start_button.click()
    deleted = [i.sku for i in window.services.journal.items(dialog.job_id) if i.outcome is Outcome.DELETED]
    simulator.state.quietly_restore(deleted[0], campaign_id=DEMO_FBS_CAMPAIGN_ID)
    dialog.accept()

    history = HistoryDialog(window.services, window)
    qtbot.addWidget(history)
    history.show()
    with qtbot.waitSignal(history.results.items_loaded, timeout=10_000):
        history.table.selectRow(0)
    assert history.results.verify.button.isEnabled()
    with qtbot.waitSignal(history.results.verified, timeout=30_000) as found:
        history.results.verify.button.click()
    assert [sku for _, sku in found.args[0].still_shown] == [deleted[0]]
    assert "still shows 1" in history.results.verify.status_label.text()


def test_the_check_can_be_cancelled_while_it_waits_for_the_read_limit(qtbot, loaded_window, simulator):
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID
    from ymdesk.core.simulator.limits import Limits, RateLimit, Resource

    # 20 offers answered an hour: the first check uses the window up, the second has to wait for it.
    simulator.limits = Limits.unlimited().with_limit(Resource.CAMPAIGN_OFFERS, RateLimit(20, 3600.0))
    window = loaded_window
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_OFFERS, DEMO_FBS_CAMPAIGN_ID)
    panel = dialog.setup.check_panel
    with qtbot.waitSignal(panel.checked, timeout=20_000) as first:
        panel.check_button.click()
    assert first.args[0].complete
    qtbot.waitUntil(panel.check_button.isEnabled, timeout=10_000)

    waits = []
    panel.read_event.connect(
        lambda event: (waits.append(event), panel.cancel_button.click()) if hasattr(event, "kind") else None
    )
    with qtbot.waitSignal(panel.checked, timeout=20_000) as second:
        panel.check_button.click()
    result = second.args[0]
    assert waits and result.cancelled and not result.complete and result.checked == 0
    assert "Check cancelled" in panel.status_label.text()
    qtbot.waitUntil(lambda: panel.check_button.isEnabled() and not panel.cancel_button.isVisible(), timeout=10_000)
