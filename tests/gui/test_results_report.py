"""Saving a run's report: the SKUs that did not succeed by default, every SKU or exactly the filtered rows when
chosen, and afterwards where it went, with Open and Show in folder."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.journal import OutcomeUpdate
from ymdesk.ui import results_view
from ymdesk.ui.results_view import ReportScope, ResultsView


@pytest.fixture
def finished_job(services):
    """A job of 10 SKUs: 6 deleted, 3 not deleted, 1 invalid."""
    journal = services.journal
    items = [JobItem(f"SKU-{i}", f"SKU-{i}", row=i + 2) for i in range(9)]
    items.append(JobItem("bad sku", "bad sku", row=11, invalid=Message("Tests", "Spaces inside").to_json()))
    job_id = journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=1), items, api_url=services.api_url)
    updates = [OutcomeUpdate(seq, Outcome.DELETED) for seq in range(6)]
    updates += [OutcomeUpdate(seq, Outcome.NOT_DELETED, Message("Tests", "Held in a warehouse")) for seq in (6, 7, 8)]
    journal.record(job_id, updates)
    return job_id


@pytest.fixture
def view(qtbot, services, finished_job):
    widget = ResultsView(services)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.items_loaded, timeout=30_000):
        widget.show_job(finished_job)
    return widget


@pytest.fixture
def opened_urls(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def _skus(path) -> list[str]:
    if path.suffix == ".csv":
        frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        frame = pd.read_excel(path, sheet_name=0, dtype=str, keep_default_na=False, engine="calamine")
    return list(frame.iloc[:, 0])


def _save(qtbot, view, path, scope=None):
    with qtbot.waitSignal(view.report_exported, timeout=60_000):
        if scope is None:
            view.export(path)
        else:
            view.export(path, scope)


def test_the_default_report_holds_the_skus_that_did_not_succeed(qtbot, view, tmp_path):
    assert view.report_scope() is ReportScope.FAILED  # what the combo offers first
    _save(qtbot, view, tmp_path / "r.xlsx")
    assert _skus(tmp_path / "r.xlsx") == ["SKU-6", "SKU-7", "SKU-8", "bad sku"]


def test_all_outcomes_is_an_explicit_choice(qtbot, view, tmp_path):
    _save(qtbot, view, tmp_path / "all.csv", ReportScope.ALL)
    assert len(_skus(tmp_path / "all.csv")) == 10


def test_what_is_shown_honours_the_results_filter(qtbot, view, tmp_path):
    view.outcome_combo.setCurrentIndex(view.outcome_combo.findData(Outcome.NOT_DELETED))
    view.search_edit.setText("SKU-7")
    assert view.model.rowCount() == 1
    _save(qtbot, view, tmp_path / "shown.xlsx", ReportScope.SHOWN)
    assert _skus(tmp_path / "shown.xlsx") == ["SKU-7"]


def test_the_save_dialog_uses_the_chosen_scope_and_format(qtbot, view, tmp_path, monkeypatch):
    asked = []

    def save_name(parent, caption, directory, filters):
        asked.append((directory, filters))
        return str(tmp_path / "chosen"), filters  # no suffix typed: the format's is added

    monkeypatch.setattr(results_view.QFileDialog, "getSaveFileName", save_name)
    view.scope_combo.setCurrentIndex(view.scope_combo.findData(ReportScope.ALL.value))
    with qtbot.waitSignal(view.report_exported, timeout=60_000) as saved:
        view.export_csv_button.click()
    assert asked[0][0].endswith(f"ymdesk-job-{view.job_id}-delete-offers-all.csv")
    assert saved.args[0] == str(tmp_path / "chosen.csv")
    assert len(_skus(tmp_path / "chosen.csv")) == 10


def test_after_saving_it_says_where_with_open_and_show_in_folder(qtbot, view, tmp_path, opened_urls):
    assert not view.saved_bar.isVisible()
    target = tmp_path / "deep" / "report.xlsx"
    _save(qtbot, view, target)
    assert view.saved_bar.isVisible()
    assert str(target) in view.saved_label.text()
    view.open_report_button.click()
    view.show_report_button.click()
    assert [url.toLocalFile() for url in opened_urls] == [str(target), str(target.parent)]
