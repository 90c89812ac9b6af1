"""ymdesk-cli as scripts use it: a real subprocess, a real file, the simulator on a real socket."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from tests.helpers.cli_process import cli_environment, delete_from_catalog_args, delete_offers_args, run_cli, start_cli
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    Faults,
    Limits,
    MarketSimulator,
    build_demo_state,
    window_start_clock,
)

SKUS = [f"{i:07d}" for i in range(3000)]  # leading zeros: they must survive the trip


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A cp1251 ';' CSV as the cabinet exports it, with a blank SKU, a duplicate and a formula-looking SKU."""
    lines = ["Ваш SKU;Название товара;Цена"]
    lines += [f"{sku};Товар {i};1 234,56" for i, sku in enumerate(SKUS[:1200])]
    lines += ["   ;Пустой;1", f"{SKUS[0]} ;Дубль;2", "=HYPERLINK(1);Формула;3"]
    path = tmp_path / "Каталог.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


def cli(
    *args: str,
    env: dict | None = None,
    token: str | None = DEMO_API_KEY,
    timeout: float = 120,
    stdin: str | None = None,
) -> subprocess.CompletedProcess:
    return run_cli(*args, env=cli_environment(token=token, **(env or {})), timeout=timeout, stdin=stdin)


def delete_offers(catalog: Path, api_url: str, *args: str, **options) -> subprocess.CompletedProcess:
    """`ymdesk-cli run delete-offers` on the demo FBS store with `catalog`, as most tests here need."""
    return cli(*delete_offers_args(catalog, "--api-url", api_url, *args), **options)


def journal_rows(home: Path, job_id: int) -> list[tuple]:
    with sqlite3.connect(home / "journal.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return db.execute("SELECT sku, outcome FROM items WHERE job_id = ? ORDER BY seq", (job_id,)).fetchall()


def settled_items(home: Path) -> int:
    """SKUs whose request has been answered and recorded (read while the CLI writes: WAL lets us)."""
    path = home / "journal.sqlite3"
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path, timeout=5)) as db:
        try:
            row = db.execute("SELECT COUNT(*) FROM items WHERE outcome IN ('deleted', 'not_deleted')").fetchone()
        except sqlite3.OperationalError:  # the tables are not there yet
            return 0
    return int(row[0])


def deletes(sim: MarketSimulator):
    return [r for r in sim.records() if r.path.endswith("/delete")]


def test_run_delete_offers_end_to_end_with_report(sim, catalog, tmp_path, isolated_home):
    report = tmp_path / "report.xlsx"
    done = delete_offers(
        catalog,
        sim.url,
        "--yes",
        "--json",
        "--report",
        str(report),
    )

    assert done.returncode == 1, done.stderr  # some SKUs were not in the store, one was invalid
    summary = json.loads(done.stdout)
    assert summary["requested"] == 1202  # 1200 unique + the formula-looking one + the blank one
    assert summary["invalid"] == 1 and summary["skipped"] == 0
    assert summary["succeeded"] + summary["failed"] + summary["invalid"] == 1202
    assert summary["report"] == str(report)
    sent = [sku for r in deletes(sim) for sku in r.offer_ids]
    assert len(sent) == len(set(sent)) == 1201 and SKUS[0] in sent and "=HYPERLINK(1)" in sent
    assert all(r.offer_count <= 500 for r in deletes(sim))
    # The run log's words (the app's too): what ymdesk does before the first request, then each batch.
    assert "Preparing 1,202 SKUs…" in done.stderr
    assert re.search(r"Batch 1 of 3: 500 deleted\.|Batch 1 of 3: \d+ deleted, \d+ not in the store", done.stderr)
    assert "Batch 3 of 3:" in done.stderr

    workbook = openpyxl.load_workbook(report, read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    reported = {row[0] for row in rows[1:]}
    assert "   " in reported and "=HYPERLINK(1)" in reported  # the SKU as in the file, as text
    assert len(rows) - 1 == summary["failed"] + summary["invalid"]
    outcomes = [o for _, o in journal_rows(isolated_home, summary["job_id"])]
    assert "pending" not in outcomes and len(outcomes) == 1202


def test_inspect_json_promises_what_the_contract_says(catalog):
    done = cli("inspect", str(catalog), "--json", "--skus", token=None)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["sku_column"] == "Ваш SKU" and data["header_row"] == 1 and data["first_data_row"] == 2
    assert data["rows"] == 1203 and data["valid"] == 1201
    assert data["skus"][:2] == [SKUS[0], SKUS[1]]
    assert data["invalid"] == [{"row": 1202, "sku": "   ", "reason": data["invalid"][0]["reason"]}]
    assert data["duplicates"] == [{"row": 1203, "sku": f"{SKUS[0]} ", "first_row": 2}]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("run", "delete-offers", "--file", "x.csv"), "--campaign-id"),
        (("run", "nope"), "invalid choice"),
        (("run", "delete-promo-offers", "--business-id", "1", "--promo-id", "p"), "--file or --all-offers"),
        (("run", "delete-offers", "--campaign-id", "1", "--file", "missing.csv", "--yes"), "missing.csv"),
        (("inspect", "missing.xlsx"), "missing.xlsx"),
        (("resume", "999", "--yes"), "no job 999"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(args, needle, tmp_path):
    done = cli(*args)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("api_url", "args", "options", "needle"),
    [
        ("http://192.0.2.1:8080", ("--yes",), {}, "unencrypted"),
        (None, ("--yes",), {"token": None}, "YM_API_KEY"),
        (None, (), {"stdin": "y\n"}, "--yes"),
    ],
    ids=["plain-http-to-another-host", "no-key", "no-yes-and-no-terminal"],
)
def test_refused_before_anything_is_sent(sim, catalog, api_url, args, options, needle):
    done = delete_offers(catalog, api_url or sim.url, *args, **options)
    assert done.returncode == 2 and needle in done.stderr
    assert not sim.records()


def test_dry_run_sends_nothing(sim, catalog):
    done = delete_offers(catalog, sim.url, "--dry-run")
    assert done.returncode == 0 and "1,201 SKUs in 3 batches" in done.stderr
    # With a key at hand a dry run asks Market which stores it reaches (issue 10), and changes nothing.
    assert {r.path.split("?")[0] for r in sim.records()} <= {"/v2/campaigns"}


def test_wrong_key_stops_with_exit_3_and_a_report(sim, catalog, tmp_path):
    report = tmp_path / "r.xlsx"
    args = delete_from_catalog_args(catalog, "--api-url", sim.url, "--yes", "--json", "--report", str(report))
    done = cli(*args, token="wrong-key")
    assert done.returncode == 3
    assert "did not accept the API key" in done.stderr
    assert len(deletes(sim)) == 1  # the first request was refused; nothing more was sent
    assert report.exists() and json.loads(done.stdout)["skipped"] == 1201


def test_campaigns_promos_and_jobs_listings(sim, catalog):
    campaigns = cli("campaigns", "--json", "--api-url", sim.url)
    assert campaigns.returncode == 0
    assert DEMO_FBS_CAMPAIGN_ID in {c["id"] for c in json.loads(campaigns.stdout)}
    promos = cli("promos", "--business-id", str(DEMO_BUSINESS_ID), "--json", "--api-url", sim.url)
    assert promos.returncode == 0 and json.loads(promos.stdout)
    delete_offers(
        catalog,
        sim.url,
        "--yes",
    )
    jobs = json.loads(cli("jobs", "--json").stdout)
    assert len(jobs) == 1 and jobs[0]["status"] == "done" and jobs[0]["counts"]["deleted"] > 0


def test_sigkill_mid_run_then_resume_accounts_for_every_sku_once(catalog, isolated_home):
    state = build_demo_state(SKUS)
    store = state.campaigns[DEMO_FBS_CAMPAIGN_ID]
    before = set(store.offers)
    faults = Faults(latency_seconds=0.05)
    with MarketSimulator(state, limits=Limits.unlimited(), faults=faults) as sim:
        process = start_cli(*delete_offers_args(catalog, "--api-url", sim.url, "--yes", "--batch-size", "20"))
        deadline = time.monotonic() + 30
        while len(deletes(sim)) < 15 and time.monotonic() < deadline:
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=10)
        assert process.returncode == -signal.SIGKILL
        killed_after = len(deletes(sim))
        assert 15 <= killed_after < 61

        jobs = json.loads(cli("jobs", "--json").stdout)
        assert jobs[0]["status"] == "running"  # interrupted: no process finished it
        resumed = cli("resume", str(jobs[0]["job_id"]), "--yes", "--json", "--api-url", sim.url)

    assert resumed.returncode in (0, 1), resumed.stderr
    rows = journal_rows(isolated_home, jobs[0]["job_id"])
    assert len(rows) == 1202 and len({sku for sku, _ in rows}) == 1202
    assert all(outcome not in ("pending", "cancelled") for _, outcome in rows)
    sent_twice = [sku for sku, n in _count(s for r in deletes(sim) for s in r.offer_ids).items() if n > 1]
    assert len(sent_twice) <= 20  # at most the one batch that was in flight when the process died
    verified = verified_rows(isolated_home, jobs[0]["job_id"])
    for sku, outcome in rows:
        if outcome == "deleted":
            # A SKU of the batch in flight at the kill is read back on resume: gone from the store is all
            # Market can say (deleted by that request, or never there), and the reason says just that.
            assert sku in before or sku in verified
            assert sku not in store.offers
        elif sku in before and sku not in sent_twice:
            assert sku in store.offers  # a SKU the Market still has was not reported deleted


def verified_rows(home: Path, job_id: int) -> set[str]:
    """SKUs whose recorded reason says they were read back from Market."""
    with sqlite3.connect(home / "journal.sqlite3") as db:
        rows = db.execute("SELECT sku, reason FROM items WHERE job_id = ? AND reason IS NOT NULL", (job_id,))
        return {sku for sku, reason in rows if "verified" in json.loads(reason)["t"]}


def test_ctrl_c_cancels_with_exit_130_and_resume_finishes(catalog, isolated_home):
    # A whole hour-long window ahead on the simulator's clock: the run surely waits after its first batch.
    limits = Limits.fast(skus=500, period=3600.0)
    with MarketSimulator(build_demo_state(SKUS), limits=limits, clock=window_start_clock(3600.0)) as sim:
        process = start_cli(*delete_offers_args(catalog, "--api-url", sim.url, "--yes", "--json"))
        # The first batch's answer is in the journal: the run now waits out the window (its headers said 0 left).
        deadline = time.monotonic() + 30
        while settled_items(isolated_home) < 500 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(deletes(sim)) == 1
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
        assert time.monotonic() - started < 2.0
        assert process.returncode == 130, err
        summary = json.loads(out)
        assert summary["succeeded"] + summary["failed"] == 500 and summary["skipped"] == 701
        assert summary["report"] and Path(summary["report"]).exists()

        sim.limits = Limits.unlimited()
        # The journal remembers Market's window for every process (Remaining 0, for up to a minute); the
        # simulator's window is gone now, so is the journal's.
        from ymdesk.core.runs.journal import Journal

        with Journal(isolated_home / "journal.sqlite3") as journal:
            journal.pacing_answer(f"delete-offers:{DEMO_FBS_CAMPAIGN_ID}:", None, None, time.time())
        resumed = cli("resume", str(summary["job_id"]), "--yes", "--json", "--api-url", sim.url)
    assert resumed.returncode == 1, resumed.stderr
    assert json.loads(resumed.stdout)["skipped"] == 0


def test_the_token_is_in_no_file_the_program_writes(sim, catalog, isolated_home, tmp_path):
    secret = "ymdesk-test-secret-" + "x" * 20
    sim.add_token(secret, {DEMO_BUSINESS_ID})
    report = tmp_path / "out" / "report.xlsx"
    done = delete_offers(
        catalog,
        sim.url,
        "--yes",
        "--report-all",
        "--report",
        str(report),
        "-v",
        token=secret,
    )
    assert done.returncode == 1, done.stderr
    written = [p for p in [*isolated_home.rglob("*"), *report.parent.rglob("*")] if p.is_file()]
    assert any(p.suffix == ".log" for p in written) and report in written
    for path in written:
        assert secret.encode() not in path.read_bytes(), path
    if os.name == "posix":
        assert (isolated_home / "journal.sqlite3").stat().st_mode & 0o777 == 0o600
        assert (isolated_home / "logs" / "ymdesk.log").stat().st_mode & 0o777 == 0o600


def test_demo_command_runs_the_whole_flow():
    done = cli("demo", "--json", token=None)
    assert done.returncode == 0, done.stderr  # the demo ran; its sample fails some SKUs by design
    assert "on purpose" in done.stderr
    summary = json.loads(done.stdout)
    assert summary["succeeded"] > 200 and summary["invalid"] > 0 and Path(summary["report"]).exists()


def _count(values) -> dict:
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


@pytest.mark.parametrize("position", ["before", "after"])
def test_language_flag_works_before_or_after_the_command(catalog, position):
    args = (
        ["--lang", "ru", "inspect", str(catalog)] if position == "before" else ["inspect", str(catalog), "--lang", "ru"]
    )
    done = cli(*args, token=None)
    assert done.returncode == 0 and "заголовок в строке" in done.stdout


def test_a_closed_pipe_is_not_an_error(tmp_path):
    big = tmp_path / "big.csv"
    big.write_text("SKU\n" + "".join(f"LONG-SKU-{i:012d}\n" for i in range(40_000)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "ymdesk.cli", "inspect", str(big), "--json", "--skus"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`, with about 1 MB still to write: the pipe breaks
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0 and "error" not in stderr.lower()


def test_every_json_output_is_ascii_escaped():
    # The contract (README, cli.py's docstring): a --json output written with ensure_ascii=False would die on a
    # cp1252 pipe on Windows as soon as a file name or a message holds Cyrillic.
    source = (Path(__file__).resolve().parents[2] / "ymdesk" / "cli.py").read_text(encoding="utf-8")
    assert source.count("json.dumps(") == source.count("ensure_ascii=True")


def test_output_survives_a_code_page_without_cyrillic(catalog):
    # Windows hands a pipe the ANSI code page: cp1252 on an English desktop. PYTHONIOENCODING stands in for it here.
    cp1252 = {"PYTHONIOENCODING": "cp1252"}
    as_json = cli("inspect", str(catalog), "--json", env=cp1252)
    assert as_json.returncode == 0, as_json.stderr
    assert as_json.stdout.isascii()
    data = json.loads(as_json.stdout)
    assert data["file"].endswith("Каталог.csv") and data["sku_column"] == "Ваш SKU"
    russian = subprocess.run(
        [sys.executable, "-m", "ymdesk.cli", "inspect", str(catalog), "--lang", "ru"],
        env={**os.environ, **cp1252},
        capture_output=True,
        encoding="cp1252",
        timeout=120,
    )
    assert russian.returncode == 0, russian.stderr
    assert "\\u" in russian.stdout  # Russian text this code page cannot hold arrives escaped, not as a crash


def test_the_cli_loads_qtcore_for_its_translations_and_nothing_of_the_gui(tmp_path):
    """Decided (docs/ARCHITECTURE.md): the CLI may load QtCore, so the app and the CLI share one set of .qm
    translations; it never loads QtGui or QtWidgets (no display, no GUI libraries needed)."""
    script = (
        "import sys\n"
        "from ymdesk import cli\n"
        "code = cli.main(['--lang', 'ru', 'jobs'])\n"
        "print(code, sorted(m for m in sys.modules if m.startswith('PySide6.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "YMDESK_HOME": str(tmp_path)},
        timeout=120,
    )
    code, modules = done.stdout.strip().splitlines()[-1].split(" ", 1)
    assert code == "0", done.stderr
    assert "PySide6.QtCore" in modules
    assert "QtGui" not in modules and "QtWidgets" not in modules


@pytest.mark.parametrize("command", ["resume", "verify"])
def test_a_job_that_is_not_in_the_journal_is_one_line_and_exit_2(command):
    done = cli(command, "999")
    assert done.returncode == 2
    assert done.stderr.strip() == "There is no job 999 in the journal; see ymdesk-cli jobs."
