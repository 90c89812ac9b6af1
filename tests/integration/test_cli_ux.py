"""The CLI as a person meets it: per-operation help, header rows, names and local times in `jobs`, the sandbox
banner with the demo ids, whole paths in errors."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from tests.helpers.cli_process import cli_environment, run_cli, start_cli
from tests.helpers.hostile_server import free_port
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    DEMO_FBY_CAMPAIGN_ID,
    PROMO_WEEKLY_ID,
)

SKUS = [f"SKU-{i:04d}" for i in range(40)]


def cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return run_cli(*args, env=cli_environment(**(env or {})), timeout=timeout)


def _options(help_text: str) -> set[str]:
    return {word.rstrip(",") for word in help_text.split() if word.startswith("--")}


def test_run_operation_help_shows_that_operations_options_with_help_texts():
    done = cli("run", "delete-offers", "--help")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "delete the products in the file from one store" in text
    options = _options(text)
    assert {"--campaign-id", "--file", "--sheet", "--sku-column", "--dry-run", "--batch-size", "--yes"} <= options
    assert not {"--business-id", "--promo-id", "--all-offers"} & options  # another operation's
    assert "the store's id (see ymdesk-cli campaigns)" in " ".join(text.split())

    prices = cli("run", "remove-prices", "--help").stdout
    assert "--campaign-id" in prices and "--file" not in _options(prices) and "--batch-size" not in _options(prices)
    promo = cli("run", "delete-promo-offers", "--help").stdout
    assert {"--business-id", "--promo-id", "--all-offers", "--file"} <= _options(promo)

    listing = cli("run", "--help").stdout
    for operation in ("delete-offers", "delete-from-catalog", "delete-promo-offers", "remove-prices"):
        assert operation in listing


def test_campaigns_and_promos_print_a_header_row(sim):
    campaigns = cli("campaigns", "--api-url", sim.url)
    assert campaigns.returncode == 0, campaigns.stderr
    lines = campaigns.stdout.splitlines()
    assert lines[0].split("\t") == ["Store id", "Store", "Business id", "Business", "Model", "API access"]
    assert lines[1].split("\t")[:2] == [str(DEMO_FBS_CAMPAIGN_ID), "Демо-магазин FBS"]
    promos = cli("promos", "--business-id", str(DEMO_BUSINESS_ID), "--api-url", sim.url)
    lines = promos.stdout.splitlines()
    assert lines[0].split("\t")[:2] == ["Promo id", "Promo"]
    weekly = next(line.split("\t") for line in lines[1:] if line.startswith(PROMO_WEEKLY_ID + "\t"))
    assert weekly[3] in ("yes", "no") and weekly[5].isdigit()  # words, not True/False; a count of 0 stays 0


def test_jobs_prints_a_header_the_store_by_name_and_local_times(sim, tmp_path):
    catalog = tmp_path / "skus.csv"
    catalog.write_text("SKU\n" + "\n".join(SKUS[:5]) + "\n", encoding="utf-8")
    home = {"YMDESK_HOME": str(tmp_path / "home")}
    run = cli(
        "run", "delete-offers", "--campaign-id", str(DEMO_FBS_CAMPAIGN_ID), "--file", str(catalog),
        "--api-url", sim.url, "--yes", env=home,
    )  # fmt: skip
    assert run.returncode in (0, 1), run.stderr
    utc = cli("jobs", env={**home, "TZ": "UTC"}).stdout.splitlines()
    east = cli("jobs", env={**home, "TZ": "Asia/Yekaterinburg"}).stdout.splitlines()  # UTC+5, no DST
    assert utc[0].split("\t") == ["Job", "Created", "Operation", "Target", "Status", "SKUs by outcome"]
    row = utc[1].split("\t")
    assert row[0] == "1" and row[2] == "Delete products from the store"
    assert row[3] == f"store «Демо-магазин FBS» ({DEMO_FBS_CAMPAIGN_ID})"
    shown_utc = time.strptime(row[1], "%Y-%m-%d %H:%M")
    shown_east = time.strptime(east[1].split("\t")[1], "%Y-%m-%d %H:%M")
    assert (time.mktime(shown_east) - time.mktime(shown_utc)) == 5 * 3600
    russian = cli("--lang", "ru", "jobs", env=home).stdout.splitlines()[1].split("\t")
    assert russian[4] != "done" and any("а" <= ch <= "я" for ch in russian[4])  # the status, in words
    assert "«Демо-магазин FBS»" in russian[3] and "Удалить" in russian[2]


def _start_sandbox(port: int = 0) -> subprocess.Popen[str]:
    return start_cli("sandbox", "--port", str(port), env=cli_environment())


def _read_banner(process: subprocess.Popen[str]) -> list[str]:
    lines: list[str] = []
    assert process.stdout is not None
    while not lines or not lines[-1].startswith("Try:"):
        line = process.stdout.readline()
        assert line, "the sandbox ended before its banner"
        lines.append(line.rstrip("\n"))
    return lines


def test_sandbox_banner_lists_the_demo_business_stores_and_promos():
    port = free_port()
    with _start_sandbox(port) as process:
        try:
            lines = _read_banner(process)
        finally:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=30)
    text = "\n".join(lines)
    assert f"http://127.0.0.1:{port}" in lines[0] and DEMO_API_KEY in lines[0]
    assert f"Business {DEMO_BUSINESS_ID} «Демо-кабинет»" in text
    assert f"store {DEMO_FBS_CAMPAIGN_ID} «Демо-магазин FBS»" in text
    assert f"store {DEMO_FBY_CAMPAIGN_ID} «Демо-магазин FBY»" in text
    assert f"promo {PROMO_WEEKLY_ID}" in text
    assert f"--campaign-id {DEMO_FBS_CAMPAIGN_ID}" in lines[-1] and f"127.0.0.1:{port}" in lines[-1]


def test_ctrl_c_stops_the_sandbox_cleanly_every_time():
    # Ctrl+C used to land now and then inside threading's lock handling: the sandbox then exited with the
    # run's "job stays in the journal" text (exit 130), or never exited. Eight rounds, each right after the banner.
    for _ in range(8):
        with _start_sandbox() as process:
            _read_banner(process)
            process.send_signal(signal.SIGINT)
            _, errors = process.communicate(timeout=30)
        assert process.returncode == 0, errors
        assert "Traceback" not in errors and "journal" not in errors


def test_a_wrong_path_is_shown_whole(tmp_path):
    missing = tmp_path / "no such folder" / "catalog.xlsx"
    done = cli("inspect", str(missing))
    assert done.returncode == 2
    assert str(missing) in done.stderr
    assert Path(missing).name in done.stderr
