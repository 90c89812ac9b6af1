"""The app's entry points and its small parts: --self-test, settings, confirmations, the excepthook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ymdesk.core.model import MAX_BATCH, Operation, Target
from ymdesk.ui.confirm import TypedConfirmDialog, confirmation_text
from ymdesk.ui.plan import LARGE_RUN, RunPlan

REPO = Path(__file__).resolve().parents[2]


def test_self_test_opens_the_window_offscreen_and_loads_the_sample(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "YMDESK_HOME": str(tmp_path),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-m", "ymdesk", "--self-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "sample catalog loaded" in done.stdout
    assert (tmp_path / "logs" / "ymdesk.log").exists()


def test_self_test_exits_non_zero_instead_of_waiting_on_an_error_box(tmp_path):
    # The journal's path is a folder, so the services cannot start: an unattended check must say so and exit.
    (tmp_path / "journal.sqlite3").mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "YMDESK_HOME": str(tmp_path),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [sys.executable, "-m", "ymdesk", "--self-test"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "ymdesk self-test:" in done.stderr and "sample catalog loaded" not in done.stdout


def test_settings_have_defaults_and_clamp_the_batch_size(app_settings):
    assert app_settings.batch_size == MAX_BATCH
    app_settings.batch_size = 10_000
    assert app_settings.batch_size == MAX_BATCH
    app_settings.batch_size = 50
    assert app_settings.batch_size == 50
    app_settings.add_recent_file("/a.xlsx")
    app_settings.add_recent_file("/b.csv")
    app_settings.add_recent_file("/a.xlsx")
    assert app_settings.recent_files == ["/a.xlsx", "/b.csv"]
    assert app_settings.api_url.startswith("https://")


def test_big_and_sweeping_runs_need_a_typed_confirmation(qtbot):
    small = RunPlan(Operation.DELETE_OFFERS, Target(campaign_id=1), picked=10)
    assert not small.needs_typed_confirmation
    big = RunPlan(Operation.DELETE_OFFERS, Target(campaign_id=1), picked=LARGE_RUN + 1, valid=LARGE_RUN + 1)
    assert big.needs_typed_confirmation
    assert RunPlan(Operation.REMOVE_PRICES, Target(campaign_id=1), picked=0).needs_typed_confirmation
    assert RunPlan(Operation.DELETE_PROMO_OFFERS, Target(business_id=1, promo_id="#1", all_offers=True), 0).whole

    dialog = TypedConfirmDialog(None, "Confirm", "Delete 1,001 products?", "1001")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setText("1 000")
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setText("1,001")
    assert dialog.ok_button.isEnabled()
    assert "“Shop (7)”" in confirmation_text(dialog, big, "Shop (7)")
    assert "1,001" in confirmation_text(dialog, big, "Shop (7)")


def test_pick_counts_agree_with_the_job_items_the_run_records(tmp_path):
    import numpy as np
    import pandas as pd

    from ymdesk.core.sheets.catalog import read_catalog
    from ymdesk.ui.plan import PickCounts

    skus = ["A-1", "A-2", " A-1", "", "B-7", "X" * 300, "A-2", "C-3", "B-7 ", "D-4"]
    path = tmp_path / "dupes.csv"
    pd.DataFrame({"Ваш SKU": skus, "Название": [f"n{i}" for i in range(len(skus))]}).to_csv(path, index=False)
    catalog = read_catalog(path)
    rng = np.random.default_rng(7)
    for picked in [np.ones(len(catalog.frame), dtype=bool), *(rng.random(len(catalog.frame)) < 0.6 for _ in range(20))]:
        counts = PickCounts.of(catalog.check, picked)
        items = catalog.job_items(picked)
        assert counts.invalid == sum(1 for item in items if item.invalid)
        assert counts.valid == sum(1 for item in items if not item.invalid)
        assert counts.picked == counts.valid + counts.invalid + counts.duplicates


def test_unexpected_errors_are_logged_and_shown(qtbot, monkeypatch):
    from ymdesk.core.logs import setup_logging
    from ymdesk.ui import errors

    shown: list[QMessageBox] = []
    monkeypatch.setattr(errors, "present", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    log_path = setup_logging()
    errors.install_excepthook()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert shown and "boom in a slot" in shown[0].text()
    assert "ymdesk.log" in shown[0].informativeText()
    assert "Traceback" in log_path.read_text(encoding="utf-8")


def test_the_key_can_come_from_the_environment_when_there_is_no_keyring(app_settings, monkeypatch, tmp_path):
    from ymdesk.app import build_services
    from ymdesk.core.runs.journal import Journal

    monkeypatch.setenv("YM_API_KEY", " from-env ")
    journal = Journal(tmp_path / "journal.sqlite3")
    try:
        services = build_services(app_settings, journal=journal)
        assert services.tokens.get() == "from-env"
    finally:
        journal.close()
