"""The app's entry points and its small parts: --self-test, settings, confirmations, the excepthook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ymdesk.core.model import MAX_BATCH, Operation, Target
from ymdesk.core.runs.plan import PickCounts, plan_run
from ymdesk.i18n import number
from ymdesk.ui.confirm import TypedConfirmDialog, confirmation_text

REPO = Path(__file__).resolve().parents[2]


def _self_test(home: Path) -> subprocess.CompletedProcess[str]:
    """`ymdesk --self-test` in a subprocess with its data, settings and home in `home`."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "YMDESK_HOME": str(home),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.run(
        [sys.executable, "-m", "ymdesk", "--self-test"], env=env, cwd=home, capture_output=True, text=True, timeout=180
    )


def test_self_test_opens_the_window_offscreen_and_loads_the_sample(tmp_path):
    done = _self_test(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "sample catalog loaded" in done.stdout
    assert (tmp_path / "logs" / "ymdesk.log").exists()


def test_self_test_exits_non_zero_instead_of_waiting_on_an_error_box(tmp_path):
    # The journal's path is a folder, so the services cannot start: an unattended check must say so and exit.
    (tmp_path / "journal.sqlite3").mkdir()
    done = _self_test(tmp_path)
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


def test_the_typed_confirmation_dialog_takes_the_count_however_it_is_grouped(qtbot):
    big = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=7), PickCounts(1001, 1001, 0, 0), target_name="Shop (7)")
    dialog = TypedConfirmDialog(None, "Confirm", "Delete 1,001 products?", big.confirmation)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setText("1 000")
    assert not dialog.ok_button.isEnabled()
    dialog.edit.setText("1,001")
    assert dialog.ok_button.isEnabled()
    dialog.edit.setText("1\u00a0001")  # the Russian locale groups with a no-break space
    assert dialog.ok_button.isEnabled()
    assert "“Shop (7)”" in confirmation_text(dialog, big, "Shop (7)")
    assert number(1001) in confirmation_text(dialog, big, "Shop (7)")  # grouped as the language in use groups it


def test_a_small_run_is_a_question_whose_default_is_no(qtbot, monkeypatch):
    from ymdesk.ui.confirm import confirm_run

    small = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=7), PickCounts(10, 10, 0, 0), target_name="Shop (7)")
    asked = []

    def question(parent, title, text, buttons, default):
        asked.append(default)
        return default  # the person presses Enter

    monkeypatch.setattr(QMessageBox, "question", question)
    assert confirm_run(None, small) is False
    assert asked == [QMessageBox.StandardButton.No]


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


def test_one_translation_helper_fills_named_and_qt_style_fields():
    from ymdesk.i18n import fill, number

    assert fill("Batch {batch:n} of {batches:n}", batch=3, batches=1200) == f"Batch 3 of {number(1200)}"
    assert fill("%1 of %2 (%3)", 3, "%1", 1500) == f"3 of %1 ({number(1500)})"  # one pass: a value stays as it is
