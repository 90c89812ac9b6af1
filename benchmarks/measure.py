"""One measurement in a fresh process: `python -m benchmarks.measure NAME [ARG...]` prints one JSON line.

The JSON always has "seconds" (wall time of the measured work only: imports and input preparation are
outside the timer, the same for a subject and its baseline) and "peak_rss_mb" (the process's peak
resident set, imports included). Some measurements add fields (GUI stalls, simulator figures).
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, Any]
MEASUREMENTS: dict[str, Callable[..., Result]] = {}


def measurement(function: Callable[..., Result]) -> Callable[..., Result]:
    MEASUREMENTS[function.__name__.replace("_", "-")] = function
    return function


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


# ------------------------------------------------------------ opening files


@measurement
def open_ymdesk(path: str) -> Result:
    """ymdesk's whole open: read, header and SKU column detection, validation (what the app and CLI call)."""
    from ymdesk.core.sheets.catalog import read_catalog

    seconds, catalog = timed(lambda: read_catalog(path))
    return {"seconds": seconds, "rows": len(catalog.frame), "columns": len(catalog.columns)}  # type: ignore[attr-defined]


@measurement
def open_fastexcel(path: str) -> Result:
    """Bare fastexcel, every cell as text (what ymdesk needs: SKUs keep their leading zeros), into pandas."""
    import fastexcel
    import pandas  # noqa: F401 - imported before the timer, as ymdesk's reader imports it
    import pyarrow  # noqa: F401

    seconds, frame = timed(lambda: fastexcel.read_excel(path).load_sheet(0, dtypes="string").to_pandas())
    return {"seconds": seconds, "rows": len(frame)}  # type: ignore[arg-type]


@measurement
def open_openpyxl(path: str) -> Result:
    import openpyxl  # noqa: F401 - imported before the timer
    import pandas as pd

    seconds, frame = timed(lambda: pd.read_excel(path, engine="openpyxl", dtype=str))
    return {"seconds": seconds, "rows": len(frame)}  # type: ignore[arg-type]


@measurement
def open_pandas_csv(path: str) -> Result:
    import pandas as pd

    def read() -> object:
        return pd.read_csv(path, sep=";", encoding="cp1251", dtype=str, keep_default_na=False)

    seconds, frame = timed(read)
    return {"seconds": seconds, "rows": len(frame)}  # type: ignore[arg-type]


# ------------------------------------------------------------ validating SKUs

#: The spec's ShopSku pattern, applied after trimming as the server does (fullmatch: "$" would accept "abc\n").
SHOP_SKU = re.compile(r"(?=.*\S.*)[^\x00-\x08\x0A-\x1f\x7f]{1,255}")


@measurement
def validate_ymdesk(rows: str) -> Result:
    """check_skus over the Arrow-backed column a Catalog holds: rules, trimming and duplicate grouping."""
    import pandas as pd

    from benchmarks.catalogs import sku_list
    from ymdesk.core.sheets.skus import check_skus

    column = pd.Series(sku_list(int(rows)), dtype="str")
    seconds, check = timed(lambda: check_skus(column))
    return {"seconds": seconds, **check.counts}  # type: ignore[attr-defined]


@measurement
def validate_re(rows: str) -> Result:
    """The issue's baseline: a Python loop with `re` over the same list (rules only, no duplicates)."""
    from benchmarks.catalogs import sku_list

    skus = sku_list(int(rows))
    seconds, valid = timed(lambda: [SHOP_SKU.fullmatch(sku.strip()) is not None for sku in skus])
    return {"seconds": seconds, "valid_rows": sum(valid)}  # type: ignore[arg-type]


@measurement
def validate_re_dedup(rows: str) -> Result:
    """The same work check_skus does, in plain Python: rules, trim, first row of each valid SKU."""
    from benchmarks.catalogs import sku_list

    skus = sku_list(int(rows))

    def check() -> tuple[list[bool], list[int]]:
        first_row: dict[str, int] = {}
        valid, first = [], []
        for index, sku in enumerate(skus):
            trimmed = sku.strip()
            ok = SHOP_SKU.fullmatch(trimmed) is not None
            valid.append(ok)
            first.append(first_row.setdefault(trimmed, index) if ok else -1)
        return valid, first

    seconds, (valid, _) = timed(check)  # type: ignore[misc]
    return {"seconds": seconds, "valid_rows": sum(valid)}


# ------------------------------------------------------------ the failure report


def _report_rows(count: int) -> list[Any]:
    """A realistic failure report: not deleted, invalid and failed SKUs with their reasons."""
    from ymdesk.core.messages import Message
    from ymdesk.core.model import Outcome
    from ymdesk.core.runs.report import ReportRow

    not_deleted = Message("Runner", "Not deleted: the product is held in a Market warehouse.")
    too_long = Message(
        "Sku",
        "The SKU is too long: {length} characters, {over} over the limit of {limit}.",
        {"length": 300, "over": 45, "limit": 255},
    )
    server = Message("MarketApi", "Market answered with a server error (HTTP {status}).", {"status": 503})
    rows = []
    for i in range(count):
        kind = i % 10
        if kind < 7:
            rows.append(ReportRow(f"{i:08d}", i + 2, Outcome.NOT_DELETED, not_deleted, None, 200))
        elif kind < 9:
            rows.append(ReportRow("Z" * 40 + str(i), i + 2, Outcome.INVALID, too_long, None, None))
        else:
            rows.append(ReportRow(f"АРТ-{i:07d}", i + 2, Outcome.FAILED, server, "INTERNAL_ERROR", 503))
    return rows


@measurement
def report_ymdesk(rows: str) -> Result:
    from datetime import UTC, datetime

    from ymdesk.core.model import Operation, Outcome
    from ymdesk.core.runs.report import ReportSummary, write_report_xlsx

    report = _report_rows(int(rows))
    now = datetime.now(UTC)
    summary = ReportSummary(1, Operation.DELETE_OFFERS, "campaign 1", "catalog.xlsx", now, now,
                            {Outcome.NOT_DELETED: len(report)}, "bench")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        seconds, _ = timed(lambda: write_report_xlsx(Path(folder) / "report.xlsx", report, summary))
    return {"seconds": seconds}


@measurement
def report_xlsxwriter(rows: str) -> Result:
    """Bare xlsxwriter constant_memory writing the same cells (already rendered to text)."""
    import xlsxwriter

    from ymdesk.core.messages import english

    cells = [
        (r.sku_raw, r.row, r.outcome.value, english(r.reason) if r.reason else "", r.api_code or "", r.http_status)
        for r in _report_rows(int(rows))
    ]

    def write(path: Path) -> None:
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet("SKUs")
        for column, title in enumerate(("SKU", "Row in file", "Outcome", "Reason", "API code", "HTTP status")):
            sheet.write_string(0, column, title)
        for row, (sku, line, outcome, reason, code, status) in enumerate(cells, 1):
            sheet.write_string(row, 0, sku)
            sheet.write_number(row, 1, line)
            sheet.write_string(row, 2, outcome)
            if reason:
                sheet.write_string(row, 3, reason)
            if code:
                sheet.write_string(row, 4, code)
            if status is not None:
                sheet.write_number(row, 5, status)
        book.close()

    with tempfile.TemporaryDirectory() as folder:
        seconds, _ = timed(lambda: write(Path(folder) / "report.xlsx"))
    return {"seconds": seconds}


# ------------------------------------------------------------ running against the simulator


class SimulatorProcess:
    """benchmarks.sim_server in a child process: the server's Python does not share the client's GIL."""

    def __init__(self, seed: int | str, limits: str) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.sim_server", str(seed), limits],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        self.url = self._process.stdout.readline().strip()
        if not self.url.startswith("http://"):
            raise RuntimeError("the simulator process did not start")

    def command(self, text: str) -> Any:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.write(text + "\n")
        self._process.stdin.flush()
        return json.loads(self._process.stdout.readline())

    def close(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write("quit\n")
        self._process.stdin.close()
        self._process.wait(timeout=30)


def create_bench_job(journal: Any, skus: list[str], api_url: str) -> int:
    from ymdesk.core.model import JobItem, Operation, Target
    from ymdesk.core.simulator import DEMO_BUSINESS_ID, DEMO_CAMPAIGN_ID

    items = [JobItem(sku=sku, raw=sku, row=index + 2) for index, sku in enumerate(skus)]
    target = Target(campaign_id=DEMO_CAMPAIGN_ID, business_id=DEMO_BUSINESS_ID)
    return int(journal.create_job(Operation.DELETE_OFFERS, target, items, api_url=api_url))


@measurement
def simulator_run(skus: str, limits: str) -> Result:
    """JobRunner (journal, pacing, client) deleting SKUS SKUs from a store on the simulator in another process.

    client overhead per batch = (wall time of the run - the server's handling time) / batches: the
    client's own work (HTTP, JSON, journal, pacing) plus loopback transport. Rate-limit waits count in
    the wall time, so the overhead figure means something only with limits off.
    """
    from benchmarks.sim_server import bench_skus
    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.runs.runner import JobRunner
    from ymdesk.core.simulator import DEMO_API_KEY

    count = int(skus)
    server = SimulatorProcess(count, limits)
    try:
        with tempfile.TemporaryDirectory() as folder, Journal(Path(folder) / "journal.sqlite3") as journal:
            job_id = create_bench_job(journal, bench_skus(count), server.url)
            with MarketClient(DEMO_API_KEY, base_url=server.url) as client:
                runner = JobRunner(client, journal, job_id)  # the operation's default limits, as the app runs it
                seconds, _ = timed(lambda: sum(1 for _ in runner.run()))
            outcomes = {str(k): v for k, v in journal.counts(job_id).items()}
        stats = server.command("stats")
    finally:
        server.close()
    batches = -(-count // 500)
    result: Result = {
        "seconds": seconds,
        "batches": batches,
        "requests": stats["requests"],
        "statuses": stats["statuses"],
        "handling_seconds": stats["handling_seconds"],
        "overhead_ms_per_batch": (seconds - stats["handling_seconds"]) / batches * 1000,
        "outcomes": outcomes,
    }
    if limits != "unlimited":
        _, per_window, period = limits.split(":")
        result.update(_utilisation(stats["accepted_times"], stats["accepted_counts"], int(per_window), float(period)))
    return result


@measurement
def simulator_check(skus: str, limits: str) -> Result:
    """run_check of SKUS SKUs the store has against getCampaignOffers on the simulator in another process.

    The store read's limit counts the offers answered; every SKU checked is in the store, so the offerIds
    sent are the offers answered and the utilisation below is of the read limit.
    """
    from benchmarks.sim_server import bench_skus
    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.model import Operation, Target
    from ymdesk.core.runs.check import run_check
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_CAMPAIGN_ID

    count = int(skus)
    # The demo layout puts SKU i in the FBS store unless i % 20 == 19 or i % 10 == 4: seed enough for `count`.
    seed = count * 10 // 8 + 20
    in_store = [sku for i, sku in enumerate(bench_skus(seed)) if i % 20 != 19 and i % 10 != 4][:count]
    server = SimulatorProcess(seed, limits)
    try:
        _, per_window, period = limits.split(":")
        with MarketClient(DEMO_API_KEY, base_url=server.url) as client:
            steps = run_check(client, Operation.DELETE_OFFERS, Target(campaign_id=DEMO_CAMPAIGN_ID), in_store)

            def drain() -> Any:
                while True:
                    try:
                        next(steps)
                    except StopIteration as stop:
                        return stop.value

            seconds, check = timed(drain)
        stats = server.command("stats reads")
    finally:
        server.close()
    result: Result = {
        "seconds": seconds,
        "checked": check.checked,
        "found": check.found,
        "requests": stats["requests"],
        "statuses": stats["statuses"],
        "handling_seconds": stats["handling_seconds"],
    }
    result.update(_utilisation(stats["accepted_times"], stats["accepted_counts"], int(per_window), float(period)))
    return result


def _utilisation(times: list[float], counts: list[int], per_window: int, period: float) -> Result:
    """Share of what the limit allowed that the run used, over the windows from its first to its last request.

    Windows are fixed and aligned to the epoch as the simulator counts them. The first and last windows
    are partly idle through no fault of the client's pacing (the run starts and ends inside them), so
    the figure is also given over the full windows in between.
    """
    import math

    if not times:
        return {"utilisation": 0.0}
    first, last = math.floor(min(times) / period), math.floor(max(times) / period)
    windows = last - first + 1
    used: dict[int, int] = {}
    for moment, count in zip(times, counts, strict=True):
        used[math.floor(moment / period)] = used.get(math.floor(moment / period), 0) + count
    inner = [used.get(w, 0) for w in range(first + 1, last)]
    return {
        "utilisation": sum(counts) / (per_window * windows),
        "utilisation_full_windows": (sum(inner) / (per_window * len(inner))) if inner else None,
        "windows": windows,
        "skus_per_second": sum(counts) / max(1e-9, max(times) - min(times) + period),
        "allowed_per_second": per_window / period,
    }


# ------------------------------------------------------------ from "confirmed" to the first request


def _first_request_after(server: SimulatorProcess, process: subprocess.Popen[str], mark: str) -> tuple[float, float]:
    """Read the CLI's stderr until a line starting with `mark` (its arrival time: the moment the person's
    confirmation is taken, with --yes at once) and then until the first batch is reported done; the
    first request's arrival at the server as the server recorded it (epoch seconds)."""
    assert process.stderr is not None
    marked = 0.0
    for line in process.stderr:
        if not marked and line.startswith(mark):
            marked = time.time()
        elif marked and line.startswith("Batch "):
            break
    else:
        raise RuntimeError(f"the CLI ended before its first batch (exit {process.wait()})")
    deadline = time.time() + 60
    stats = server.command("stats")
    while not stats["accepted_times"] and time.time() < deadline:
        time.sleep(0.05)
        stats = server.command("stats")
    process.kill()
    process.wait()
    if not marked or not stats["accepted_times"]:
        raise RuntimeError("no request reached the simulator")
    return marked, float(min(stats["accepted_times"]))


def _cli_first_request(server: SimulatorProcess, home: str, args: list[str], mark: str) -> tuple[float, float, float]:
    """Launch `ymdesk-cli ARGS --yes --api-url SERVER` with its data in `home`: the launch, the `mark` line's
    arrival and the first request's arrival (see _first_request_after), in epoch seconds."""
    started = time.time()
    process = subprocess.Popen(
        [sys.executable, "-m", "ymdesk.cli", *args, "--yes", "--api-url", server.url],
        env=_cli_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    marked, first = _first_request_after(server, process, mark)
    return started, marked, first


def _cli_env(home: str) -> dict[str, str]:
    import os

    from ymdesk.core.simulator import DEMO_API_KEY

    return {**os.environ, "YMDESK_HOME": home, "YM_API_KEY": DEMO_API_KEY, "YMDESK_LANG": "en"}


@measurement
def cli_first_request(path: str) -> Result:
    """`ymdesk-cli run delete-offers --file PATH --yes` against the simulator (another process, seeded with the
    catalog's SKUs): from the plan line (then --yes confirms at once) to the first request's arrival. It covers
    building the job's items, recording them in the journal and the runner's start: the path the app runs too."""
    from ymdesk.core.simulator import DEMO_CAMPAIGN_ID

    server = SimulatorProcess(f"catalog:{path}", "unlimited")
    try:
        with tempfile.TemporaryDirectory() as home:
            args = ["run", "delete-offers", "--campaign-id", str(DEMO_CAMPAIGN_ID), "--file", path]
            started, confirmed, first = _cli_first_request(server, home, args, "Plan:")
    finally:
        server.close()
    return {"seconds": first - confirmed, "from_launch_seconds": first - started}


@measurement
def cli_resume_first_request(path: str) -> Result:
    """`ymdesk-cli resume JOB --yes` of a job of every SKU in PATH, none sent yet: from launching the command
    (process start, journal counts, the plan) to the first request's arrival at the simulator."""
    import os

    from ymdesk.core.model import Operation, Target
    from ymdesk.core.sheets.catalog import read_catalog
    from ymdesk.core.simulator import DEMO_CAMPAIGN_ID

    server = SimulatorProcess(f"catalog:{path}", "unlimited")
    try:
        with tempfile.TemporaryDirectory() as home:
            os.environ["YMDESK_HOME"] = home
            from ymdesk.core.runs.journal import Journal

            items = read_catalog(path).job_items()
            with Journal() as journal:
                job_id = journal.create_job(
                    Operation.DELETE_OFFERS, Target(campaign_id=DEMO_CAMPAIGN_ID), items, api_url=server.url
                )
            del items
            started, resumed, first = _cli_first_request(server, home, ["resume", str(job_id)], "Resuming job")
    finally:
        server.close()
    return {"seconds": first - started, "after_resuming_line_seconds": first - resumed}


@measurement
def start_run_first_request(path: str) -> Result:
    """What the app's run worker does once the person has confirmed: `start_run` with the catalog's picked rows
    (every row), in this process, against the simulator in another; until the first request's arrival."""
    import os
    import threading

    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.model import Operation, Target
    from ymdesk.core.runs.events import Progress
    from ymdesk.core.runs.plan import JobSource, PickCounts, plan_run, start_run
    from ymdesk.core.sheets.catalog import read_catalog
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_CAMPAIGN_ID

    catalog = read_catalog(path)
    server = SimulatorProcess(f"catalog:{path}", "unlimited")
    try:
        with tempfile.TemporaryDirectory() as home:
            os.environ["YMDESK_HOME"] = home
            from ymdesk.core.runs.journal import Journal

            plan = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=DEMO_CAMPAIGN_ID), PickCounts.of(catalog.check))
            cancel = threading.Event()
            with Journal() as journal:
                started = time.time()
                for event in start_run(journal, MarketClient(DEMO_API_KEY, server.url), plan,
                                       source=JobSource(catalog), cancel=cancel):  # fmt: skip
                    if isinstance(event, Progress):
                        cancel.set()
        stats = server.command("stats")
    finally:
        server.close()
    return {"seconds": float(min(stats["accepted_times"])) - started}


def main(argv: list[str]) -> None:
    name, *arguments = argv
    if name.startswith("gui-"):
        from benchmarks import gui

        result = gui.MEASUREMENTS[name](*arguments)
    else:
        result = MEASUREMENTS[name](*arguments)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
