"""More of the flow against the simulator: promos, resume from History, keys without access, no network,
drag and drop, cancelling a load, settings."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.helpers.gui_support import connect_test_that_fails, open_run_dialog
from ymdesk.core.model import Operation, Outcome
from ymdesk.core.runs.events import JobStatus
from ymdesk.ui.history_dialog import HistoryDialog
from ymdesk.ui.run_dialog import RESULTS_PAGE, RunDialog
from ymdesk.ui.settings_dialog import SettingsDialog


def test_promo_run_says_when_changes_apply_and_checks_processing(qtbot, loaded_window, confirm_runs):
    from ymdesk.core.simulator import PROMO_WEEKLY_ID

    window = loaded_window
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_PROMO_OFFERS)
    qtbot.waitUntil(lambda: dialog.setup.promo_combo.count() > 0, timeout=10_000)  # POST businesses/{id}/promos
    dialog.setup.promo_combo.setCurrentIndex(
        next(
            i
            for i in range(dialog.setup.promo_combo.count())
            if dialog.setup.promo_combo.itemData(i).id == PROMO_WEEKLY_ID
        )
    )
    assert dialog.plan.target.promo_id == PROMO_WEEKLY_ID
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    assert dialog.pages.currentIndex() == RESULTS_PAGE
    assert "4–6 hours" in dialog.promo_note.text()
    assert dialog.check_promo_button.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.promo_checked, timeout=10_000) as checked:
        dialog.check_promo_button.click()
    assert checked.args[0] is True  # the simulator keeps a changed promo `processing` for a few seconds
    assert "still processing" in dialog.promo_note.text()


def test_leaving_a_promo_and_removing_prices_are_whole_target_runs(qtbot, loaded_window):
    window = loaded_window
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window, Operation.REMOVE_PRICES)
    assert dialog.plan.whole and dialog.plan.needs_typed_confirmation
    assert "whole store" in dialog.setup.preview_label.text()
    dialog.setup.operation_combo.setCurrentIndex(dialog.setup.operation_combo.findData(Operation.DELETE_PROMO_OFFERS))
    qtbot.waitUntil(lambda: dialog.setup.promo_combo.count() > 0, timeout=10_000)
    dialog.setup.leave_promo_check.setChecked(True)
    assert dialog.plan.whole and dialog.plan.target.all_offers and dialog.plan.needs_typed_confirmation


def test_cancelled_run_resumes_from_history(qtbot, loaded_window, confirm_runs, simulator):
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID
    from ymdesk.core.simulator.limits import Limits

    window = loaded_window
    simulator.limits = Limits.fast(skus=10, period=30.0)
    window.services.settings.batch_size = 5
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_OFFERS)
    dialog.run_event.connect(lambda event: dialog.cancel_run() if dialog.progress.wait_label.text() else None)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert finished.args[0].status is JobStatus.CANCELLED
    job_id = dialog.job_id
    assert window.services.journal.counts(job_id)[Outcome.CANCELLED] > 0

    from ymdesk.core.simulator.limits import Limits as SimulatorLimits

    simulator.limits = SimulatorLimits.unlimited()
    history = HistoryDialog(window.services, window)
    qtbot.addWidget(history)
    assert history.table.item(0, 0).text() == str(job_id)
    assert history.resume_button.isEnabled()
    with qtbot.waitSignal(history.resumed):
        history.resume_button.click()
    resumed = next(child for child in window.findChildren(RunDialog) if child is not dialog)
    qtbot.addWidget(resumed)
    qtbot.waitUntil(lambda: resumed.plan is not None, timeout=30_000)  # read from the journal on a worker
    # A resume is a destructive run: the preview first, sent only once confirmed.
    left = window.services.journal.counts(job_id)[Outcome.CANCELLED]
    sent_before = len(simulator.records())
    assert resumed.plan.resumes and resumed.plan.job_id == job_id and resumed.plan.valid == left
    assert f"SKUs left to send: {left}" in resumed.setup.preview_label.text()
    assert "Estimated time" in resumed.setup.preview_label.text()
    assert f"({DEMO_FBS_CAMPAIGN_ID})" in resumed.setup.heading.text()
    assert not resumed.is_running() and len(simulator.records()) == sent_before
    with qtbot.waitSignal(resumed.run_finished, timeout=60_000) as finished:
        resumed.setup.start_button.click()
    assert confirm_runs[-1] is resumed.plan
    assert finished.args[0].status is JobStatus.DONE
    counts = window.services.journal.counts(job_id)
    assert counts.get(Outcome.CANCELLED, 0) == 0 and counts.get(Outcome.PENDING, 0) == 0
    assert window.services.journal.job(job_id).status is JobStatus.DONE


def test_a_read_only_key_stops_the_run_with_a_clear_dialog(qtbot, loaded_window, confirm_runs, shown_dialogs):
    from ymdesk.core.simulator import DEMO_READ_ONLY_API_KEY

    window = loaded_window
    window.services.tokens.set(DEMO_READ_ONLY_API_KEY)
    window.model.pick_shown(True)
    dialog = open_run_dialog(qtbot, window, Operation.DELETE_OFFERS)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert finished.args[0].status is JobStatus.STOPPED
    assert shown_dialogs and shown_dialogs[-1].title == "Market stopped the run"
    assert "permission" in shown_dialogs[-1].text


def test_no_network_shows_what_to_do(qtbot, services, shown_dialogs):
    connect_test_that_fails(qtbot, services)
    assert shown_dialogs[0].title == "No connection to Market"
    assert "proxy" in shown_dialogs[0].informative


def test_dropping_a_file_opens_it(qtbot, main_window, catalog_file):
    path = catalog_file(12)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(main_window.catalog_loaded, timeout=30_000):
        main_window.dropEvent(drop)
    assert main_window.counts()["rows"] == 12


def test_loading_can_be_cancelled(qtbot, main_window, tmp_path):
    from tests.helpers.gui_support import write_big_catalog

    path = write_big_catalog(tmp_path / "big.csv", 200_000)
    main_window.open_file(path)
    assert main_window.cancel_load_button.isVisibleTo(main_window)
    with qtbot.waitSignal(main_window.load_cancelled, timeout=60_000):
        main_window.cancel_load_button.click()
    assert not main_window.is_loading()
    assert main_window.catalog is None
    assert main_window.statusBar().currentMessage() == "Loading cancelled."
    assert not main_window.cancel_load_button.isVisibleTo(main_window)


def test_settings_dialog_saves_and_refuses_an_unsafe_address(qtbot, services, shown_dialogs):
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.batch_spin.setValue(120)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    dialog.url_edit.setText("http://example.com")
    dialog.save()
    assert shown_dialogs and "unencrypted" in shown_dialogs[0].text
    assert services.settings.batch_size != 120  # nothing saved while the address is refused
    dialog.url_edit.setText("https://api.partner.market.yandex.ru/")
    dialog.save()
    assert services.settings.batch_size == 120
    assert services.settings.language == "ru"
    assert services.settings.api_url == "https://api.partner.market.yandex.ru"


def test_run_action_opens_the_run_dialog_over_the_window(qtbot, loaded_window):
    window = loaded_window
    window.run_action.trigger()
    dialog = window.findChild(RunDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    assert not dialog.plan.can_start or dialog.plan.valid == 0  # nothing picked yet
    dialog.reject()


def test_space_toggles_the_picks_of_selected_rows(qtbot, loaded_window):
    window = loaded_window
    window.table.selectRow(3)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert window.model.picked[3] and window.counts()["picked"] == 1
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert window.counts()["picked"] == 0
