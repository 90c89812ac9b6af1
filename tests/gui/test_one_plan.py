"""The CLI and the run dialog go through one plan (core.runs.plan): the same estimate text, the same
confirmation rule and the same report name for the same file and store."""

from __future__ import annotations

import builtins
import json
import sys
from pathlib import Path

from tests.helpers.gui_support import open_run_dialog
from ymdesk.core.model import Operation
from ymdesk.core.runs.events import JobStatus
from ymdesk.i18n import render


class _Terminal:
    """stdin as a terminal, so the CLI asks instead of refusing to run without --yes."""

    def isatty(self) -> bool:
        return True


def test_the_cli_and_the_dialog_plan_confirm_and_name_reports_alike(
    qtbot, main_window, catalog_file, simulator, confirm_runs, monkeypatch, capsys
):
    from ymdesk import cli
    from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID

    path = catalog_file(1500, bad_every=10, kind="csv")  # 1,350 valid SKUs: above the typed-confirmation line
    with qtbot.waitSignal(main_window.catalog_loaded, timeout=30_000):
        main_window.open_file(path)
    main_window.pick_all_action.trigger()
    dialog = open_run_dialog(qtbot, main_window, Operation.DELETE_OFFERS, DEMO_FBS_CAMPAIGN_ID)
    plan = dialog.plan
    estimate = render(plan.estimate())
    assert estimate in dialog.setup.preview_label.text()

    prompts: list[str] = []

    def type_answer(prompt: str = "") -> str:
        prompts.append(prompt)
        return "1 350"  # as a person types it, grouped

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(builtins, "input", type_answer)
    monkeypatch.setenv("YM_API_KEY", main_window.services.tokens.get())
    args = ["run", "delete-offers", "--campaign-id", str(DEMO_FBS_CAMPAIGN_ID), "--file", str(path)]
    code = cli.main([*args, "--api-url", simulator.url, "--json"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_FAILED, err  # the invalid SKUs are reported, so not everything succeeded
    assert estimate in err  # the CLI's plan line carries the dialog's estimate, word for word
    assert plan.confirmation.typed and plan.confirmation.expected == "1350"
    assert len(prompts) == 1 and "Type 1350 to confirm" in prompts[0]  # the same rule, the same number
    summary = json.loads(out.strip().splitlines()[-1])

    with qtbot.waitSignal(dialog.run_finished, timeout=60_000) as finished:
        dialog.setup.start_button.click()
    assert finished.args[0].status is JobStatus.DONE
    assert confirm_runs == [plan]
    cli_report = Path(summary["report"])
    app_report = dialog.results.default_report_path("xlsx")
    assert cli_report.parent == app_report.parent
    assert cli_report.name.replace(str(summary["job_id"]), "N") == app_report.name.replace(str(dialog.job_id), "N")
