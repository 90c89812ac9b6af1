"""After a full session in the app and a CLI run, no file ymdesk wrote holds the API key."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli_process import cli_environment, delete_from_catalog_args, run_cli
from tests.helpers.gui_support import open_run_dialog
from ymdesk.core.runs.events import JobStatus
from ymdesk.ui.connect_dialog import ConnectDialog
from ymdesk.ui.main_window import MainWindow

SECRET = "ymdesk-hygiene-secret-" + "k" * 24


def test_no_file_holds_the_key_after_an_app_session_and_a_cli_run(
    qtbot, tmp_path, isolated_home, simulator, app_settings, catalog_file, confirm_runs, shown_dialogs
):
    from ymdesk.app import build_services
    from ymdesk.core.logs import setup_logging
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.secrets import MemoryTokenStore
    from ymdesk.core.simulator import DEMO_BUSINESS_ID

    simulator.add_token(SECRET, {DEMO_BUSINESS_ID})
    setup_logging(verbose=True)  # DEBUG: the most the log ever holds
    app_settings.api_url = simulator.url
    journal = Journal()  # in the data dir, as the app uses it
    services = build_services(app_settings, tokens=MemoryTokenStore(), journal=journal)

    # Connect as a person would: type the key, test it, save.
    connect = ConnectDialog(services)
    qtbot.addWidget(connect)
    connect.key_edit.setText(SECRET)
    with qtbot.waitSignal(connect.campaigns_loaded, timeout=30_000):
        connect.test_button.click()
    connect.save_and_close()
    assert services.tokens.get() == SECRET

    # Open a catalog, pick everything, run, export both reports.
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        window.open_file(catalog_file(120, bad_every=10))
    window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, window)
    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    qtbot.waitUntil(lambda: dialog.results.model.rowCount() == 120, timeout=60_000)  # read on a worker
    for name in ("report.xlsx", "report.csv"):
        with qtbot.waitSignal(dialog.results.report_exported, timeout=60_000):
            dialog.results.export(isolated_home / "reports" / name)
    services.settings.sync()

    # A CLI run with the same key, in the same data dir.
    args = delete_from_catalog_args(catalog_file(50), "--api-url", simulator.url, "--yes", "--report-all")
    cli = run_cli("-v", *args, env=cli_environment(isolated_home, token=SECRET))
    assert cli.returncode in (0, 1), cli.stderr
    assert not shown_dialogs
    journal.close()

    written = [p for folder in (isolated_home, tmp_path) for p in Path(folder).rglob("*") if p.is_file()]
    kinds = {p.suffix for p in written}
    assert {".sqlite3", ".log", ".ini", ".xlsx", ".csv"} <= kinds, kinds
    for path in written:
        assert SECRET.encode() not in path.read_bytes(), path
    assert SECRET not in cli.stdout + cli.stderr
