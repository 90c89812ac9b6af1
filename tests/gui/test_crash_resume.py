"""A run whose process died (SIGKILL mid-run) is offered by History and finishes when resumed."""

from __future__ import annotations

import signal
import subprocess
import time

from tests.helpers.cli_process import cli_environment, delete_offers_args, start_cli
from ymdesk.core.model import Outcome
from ymdesk.core.runs.events import JobStatus
from ymdesk.ui.history_dialog import HistoryDialog
from ymdesk.ui.main_window import MainWindow
from ymdesk.ui.run_dialog import RunDialog


def test_history_offers_and_finishes_a_run_whose_process_was_killed(
    qtbot, isolated_home, simulator, app_settings, catalog_file, confirm_runs, shown_dialogs
):
    from ymdesk.app import build_services
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.secrets import MemoryTokenStore
    from ymdesk.core.simulator import DEMO_API_KEY, Faults

    simulator.faults = Faults(latency_seconds=0.05)
    catalog = catalog_file(1500, kind="csv")
    args = delete_offers_args(catalog, "--api-url", simulator.url, "--yes", "--batch-size", "20")
    process = start_cli(*args, env=cli_environment(isolated_home), output=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(simulator.records()) < 8 and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    app_settings.api_url = simulator.url
    journal = Journal()  # the same data dir the killed process used
    services = build_services(app_settings, tokens=MemoryTokenStore(DEMO_API_KEY), journal=journal)
    window = MainWindow(services)
    qtbot.addWidget(window)
    job = journal.jobs()[0]
    assert job.status is JobStatus.RUNNING  # nobody finished it: it was interrupted
    assert journal.counts(job.id).get(Outcome.PENDING, 0) > 0

    history = HistoryDialog(services, window)
    qtbot.addWidget(history)
    history.table.selectRow(0)
    assert history.resume_button.isEnabled()
    with qtbot.waitSignal(history.resumed):
        history.resume_button.click()
    resumed = next(child for child in window.findChildren(RunDialog))
    qtbot.addWidget(resumed)
    qtbot.waitUntil(lambda: resumed.plan is not None, timeout=30_000)  # read from the journal on a worker
    assert resumed.plan.resumes and resumed.plan.confirmation.typed == (resumed.plan.valid > 1000)
    with qtbot.waitSignal(resumed.run_finished, timeout=120_000) as finished:
        resumed.setup.start_button.click()
    assert confirm_runs == [resumed.plan]
    assert finished.args[0].status is JobStatus.DONE
    qtbot.waitUntil(lambda: resumed.results.model.rowCount() == 1500, timeout=60_000)  # read on a worker
    assert not shown_dialogs
    counts = journal.counts(job.id)
    assert Outcome.PENDING not in counts and Outcome.CANCELLED not in counts
    assert sum(counts.values()) == 1500
    assert journal.integrity_ok()
    journal.close()
