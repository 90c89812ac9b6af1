"""History after a restart: the target by the name the journal kept, times in local time, columns that hold the
Russian texts; every status (a failed one included) has its title."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QTableWidget

from ymdesk import i18n
from ymdesk.core.model import JobItem, Operation, Target
from ymdesk.core.runs.events import JobStatus
from ymdesk.core.runs.journal import Journal
from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID, PROMO_WEEKLY_ID
from ymdesk.ui.history_dialog import HistoryDialog


@pytest.fixture
def local_zone(monkeypatch):
    """The machine's time zone for the test: UTC+5 (Yekaterinburg, no daylight saving)."""
    monkeypatch.setenv("TZ", "Asia/Yekaterinburg")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _reopened(services, tmp_path):
    """The app after a restart: a new journal connection and no store list from a connection yet."""
    services.journal.close()
    services.journal = Journal(tmp_path / "journal.sqlite3")
    services.campaigns = []
    return services


@pytest.fixture
def open_history(qtbot):
    """Opens History; at the end its results reader is stopped (done() joins it) before the widget goes."""
    opened: list[HistoryDialog] = []

    def open_(services) -> HistoryDialog:
        dialog = HistoryDialog(services)
        qtbot.addWidget(dialog)
        dialog.show()
        opened.append(dialog)
        return dialog

    yield open_
    for dialog in opened:
        dialog.done(0)


def _cell(table: QTableWidget, row: int, header: str) -> str:
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return table.item(row, headers.index(header)).text()


def test_a_run_from_the_app_keeps_the_store_name_for_history_after_a_restart(
    qtbot, loaded_window, confirm_runs, tmp_path, open_history
):
    from tests.helpers.gui_support import open_run_dialog

    window = loaded_window
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.results.items_loaded, timeout=60_000):  # the run, then its results on screen
        dialog.setup.start_button.click()
    job_id = dialog.job_id
    dialog.close()
    assert window.services.journal.job(job_id).target_name == "Демо-магазин FBS"

    history = open_history(_reopened(window.services, tmp_path))
    assert f"«Демо-магазин FBS» ({DEMO_FBS_CAMPAIGN_ID})" in _cell(history.table, 0, "Target")


def test_promo_jobs_show_the_promo_by_name(services, tmp_path, open_history):
    target = Target(business_id=10000001, promo_id=PROMO_WEEKLY_ID)
    services.journal.create_job(
        Operation.DELETE_PROMO_OFFERS,
        target,
        [JobItem("A", "A", 2)],
        api_url=services.api_url,
        target_name="Скидки недели",
    )
    history = open_history(_reopened(services, tmp_path))
    assert f"«Скидки недели» ({PROMO_WEEKLY_ID})" in _cell(history.table, 0, "Target")


def test_times_are_shown_in_local_time(services, local_zone, open_history):
    job_id = services.journal.create_job(
        Operation.DELETE_OFFERS, Target(campaign_id=DEMO_FBS_CAMPAIGN_ID), [JobItem("A", "A", 2)], api_url="x"
    )
    stored = services.journal.job(job_id).created_at  # UTC, as the journal writes it
    expected = datetime.fromisoformat(stored).astimezone().strftime("%Y-%m-%d %H:%M")
    assert datetime.fromisoformat(stored).utcoffset().total_seconds() == 0
    history = open_history(services)
    shown = _cell(history.table, 0, "Started")
    assert shown == expected
    utc_wall = datetime.fromisoformat(stored).astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    assert shown != utc_wall  # five hours apart


@pytest.fixture
def russian(qapp):
    i18n.install_translator("ru")
    yield
    i18n.install_translator("en")


def test_columns_hold_the_russian_texts_and_every_status_title(services, russian, open_history):
    journal = services.journal
    for status in JobStatus:
        job_id = journal.create_job(
            Operation.REMOVE_PRICES,
            Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
            [],
            api_url=services.api_url,
            source_file="/home/seller/Документы/Выгрузки из кабинета/каталог-товаров-2026.xlsx",
            target_name="Демо-магазин FBS",
        )
        journal._db.execute("UPDATE jobs SET status = ? WHERE id = ?", (status.value, job_id))
    history = open_history(services)
    table = history.table
    assert table.rowCount() == len(JobStatus)
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title), title
    for column, name in enumerate(("Run", "Started", "Operation", "Target", "File", "Status")):
        if name in ("File",):
            continue  # a long path gives way, with the whole of it in the tooltip
        widest = max(metrics.horizontalAdvance(table.item(row, column).text()) for row in range(table.rowCount()))
        assert table.columnWidth(column) >= widest, name
    file_item = table.item(0, 4)
    assert file_item.toolTip().endswith("каталог-товаров-2026.xlsx")
