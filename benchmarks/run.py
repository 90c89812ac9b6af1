"""The benchmark runner: `python -m benchmarks [--quick] [--repeats N] [--only KEY ...] [--output PATH]`.

Generates the catalogs (cached in benchmarks/.data), runs every measurement in a fresh process
`--repeats` times (a subject and its baseline alternate, so load from other work on the machine
falls on both), prints the table and writes it into benchmarks/RESULTS.md between the markers,
leaving the hand-written notes around them alone. `--quick` uses small sizes and one repeat: a smoke
run for CI that never fails on a timing, and writes to benchmarks/.data/RESULTS-quick.md by default.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: benchmarks/run.py
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.catalogs import DATA_DIR, ensure_catalog

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START_MARK, END_MARK = "<!-- results:start -->", "<!-- results:end -->"
MEASURE_TIMEOUT_S = 1800

Results = list[dict[str, Any]]


@dataclass
class Row:
    """One line of the table: a subject measurement, an optional baseline, and how to judge them."""

    key: str
    what: str
    subject: list[str]
    baseline: list[str] | None
    target: str
    judge: Callable[[Results, Results | None], tuple[str, bool | None]]
    files: list[tuple[int, str]] = field(default_factory=list)  # catalogs the row needs: (rows, kind)
    subject_results: Results = field(default_factory=list)
    baseline_results: Results = field(default_factory=list)
    error: str | None = None


def seconds_of(results: Results) -> list[float]:
    return [float(r["seconds"]) for r in results]


def median(results: Results, name: str = "seconds") -> float:
    return float(statistics.median(float(r[name]) for r in results))


def ratio_at_most(limit: float) -> Callable[[Results, Results | None], tuple[str, bool | None]]:
    """Subject time / baseline time (medians); holds when <= limit."""

    def judge(subject: Results, baseline: Results | None) -> tuple[str, bool | None]:
        assert baseline
        ratio = median(subject) / median(baseline)
        return f"{ratio:.2f}x the baseline's time", ratio <= limit

    return judge


def faster_by(factor: float, under_s: float | None = None) -> Callable[[Results, Results | None], tuple[str, bool]]:
    """Baseline time / subject time (medians); holds when >= factor (and the subject is under `under_s`)."""

    def judge(subject: Results, baseline: Results | None) -> tuple[str, bool]:
        assert baseline
        speedup = median(baseline) / median(subject)
        holds = speedup >= factor and (under_s is None or median(subject) < under_s)
        return speed_text(speedup), holds

    return judge


def speed_text(speedup: float) -> str:
    return f"{speedup:.1f}x faster" if speedup >= 1 else f"{1 / speedup:.1f}x slower"


def info_speed(subject: Results, baseline: Results | None) -> tuple[str, bool | None]:
    assert baseline
    return speed_text(median(baseline) / median(subject)), None


def info_ratio(subject: Results, baseline: Results | None) -> tuple[str, bool | None]:
    assert baseline
    return f"{median(subject) / median(baseline):.2f}x the baseline's time", None


def peak_rss_under(limit_mb: float) -> Callable[[Results, Results | None], tuple[str, bool]]:
    def judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
        peak = max(float(r["peak_rss_mb"]) for r in subject)
        return f"{peak:,.0f} MB peak", peak < limit_mb

    return judge


def filter_judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
    slowest = max(float(r["filter_max_seconds"]) for r in subject)
    stall = max(float(r["stall_ms"]) for r in subject)
    text = f"median {median(subject) * 1000:.0f} ms, slowest {slowest * 1000:.0f} ms; GUI stall {stall:.0f} ms"
    return text, slowest < 0.3 and stall <= 100


def overhead_judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
    overhead = median(subject, "overhead_ms_per_batch")
    handling = median(subject, "handling_seconds")
    return f"{overhead:.1f} ms per batch (server handling {handling:.2f} s in all)", overhead <= 5.0


def rate_judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
    worst = min(float(r["utilisation"]) for r in subject)
    inner = [r["utilisation_full_windows"] for r in subject if r.get("utilisation_full_windows") is not None]
    refused = sum(int(r["statuses"].get("420", 0)) for r in subject)
    full = f" (full windows {min(inner):.1%})" if inner else ""
    text = f"{worst:.1%} of the allowed SKUs per window{full}, {refused} answers 420"
    return text, worst >= 0.95 and refused == 0


def read_rate_judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
    worst = min(float(r["utilisation"]) for r in subject)
    inner = [r["utilisation_full_windows"] for r in subject if r.get("utilisation_full_windows") is not None]
    refused = sum(int(r["statuses"].get("420", 0)) for r in subject)
    complete = all(r["checked"] == r["found"] for r in subject)
    full = f" (full windows {min(inner):.1%})" if inner else ""
    text = f"{worst:.1%} of the offers the read limit allows per window{full}, {refused} answers 420"
    return text + ("" if complete else "; not every SKU found"), worst >= 0.95 and refused == 0 and complete


def stall_judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
    worst = max(subject, key=lambda r: float(r["stall_ms"]))
    phases = ", ".join(f"{name} {ms:.0f}" for name, ms in worst["phase_stall_ms"].items())
    collections = worst.get("phase_gc_ms", {})
    longest_gc = max(collections.values(), default=0.0)
    text = f"max {float(worst['stall_ms']):.0f} ms ({phases}); longest garbage collection {longest_gc:.0f} ms"
    return text, float(worst["stall_ms"]) <= 100


def seconds_at_most(limit_s: float) -> Callable[[Results, Results | None], tuple[str, bool]]:
    """The slowest run's seconds; holds when <= limit_s (a figure measured in one run, not a ratio)."""

    def judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
        slowest = max(seconds_of(subject))
        return f"{median(subject):.2f} s median, {slowest:.2f} s slowest", slowest <= limit_s

    return judge


def keys_judge(subject: Results, _baseline: Results | None) -> tuple[str, bool]:
    table = max(float(r["table_max_ms"]) for r in subject)
    box = max(float(r["box_max_ms"]) for r in subject)
    find = max(float(r.get("table_find_max_ms", 0.0)) for r in subject)
    stall = max(float(r["box_stall_ms"]) for r in subject)
    text = (
        f"table: {table:.0f} ms slowest key to repainted view (finding the row {find:.0f} ms of it), "
        f"median {median(subject, 'table_median_ms'):.0f} ms; filter box: {box:.0f} ms slowest, "
        f"GUI stall while its filter runs {stall:.0f} ms"
    )
    return text, table <= 50 and box <= 50


def build_rows(quick: bool) -> list[Row]:
    """The table. Quick mode keeps every row but at sizes a CI machine gets through in about a minute."""
    xlsx_s, xlsx_l, xlsx_xl = (2_000, 3_000, 5_000) if quick else (100_000, 500_000, 1_000_000)
    csv_xl = 5_000 if quick else 1_000_000
    skus = 20_000 if quick else 1_000_000
    report = 2_000 if quick else 100_000
    run_skus = 2_000 if quick else 100_000
    paced_skus, paced_limit = (2_000, "fast:1000:2.0") if quick else (10_000, "fast:1000:2.0")
    session = 3_000 if quick else 500_000
    scale_xlsx = [2_000] if quick else [10_000, 1_000_000]
    scale_csv = [2_000] if quick else [10_000, 100_000, 500_000]

    rows = [
        Row("open-xlsx-s", f"open XLSX, {xlsx_s:,} rows", ["open-ymdesk", f"@{xlsx_s}:xlsx"],
            ["open-fastexcel", f"@{xlsx_s}:xlsx"], "<= 1.3x bare fastexcel", ratio_at_most(1.3)),
        Row("open-xlsx-l", f"open XLSX, {xlsx_l:,} rows", ["open-ymdesk", f"@{xlsx_l}:xlsx"],
            ["open-fastexcel", f"@{xlsx_l}:xlsx"], "<= 1.3x bare fastexcel", ratio_at_most(1.3)),
        Row("open-xlsx-openpyxl", f"open XLSX, {xlsx_s:,} rows", ["open-ymdesk", f"@{xlsx_s}:xlsx"],
            ["open-openpyxl", f"@{xlsx_s}:xlsx"], ">= 15x faster than pandas+openpyxl", faster_by(15)),
        Row("open-csv", f"open CSV cp1251 ';', {csv_xl:,} rows", ["open-ymdesk", f"@{csv_xl}:csv"],
            ["open-pandas-csv", f"@{csv_xl}:csv"], "<= 1.3x bare pandas.read_csv", ratio_at_most(1.3)),
        Row("validate", f"validate {skus:,} SKUs (rules only in the baseline)", ["validate-ymdesk", str(skus)],
            ["validate-re", str(skus)], ">= 10x faster than a re loop, < 1 s", faster_by(10, 1.0)),
        Row("validate-dedup", f"validate {skus:,} SKUs (same work: rules, trim, duplicates)",
            ["validate-ymdesk", str(skus)], ["validate-re-dedup", str(skus)], "(context: equal work)", info_speed),
        Row("filter", f"filter {csv_xl:,} rows by substring, all columns", ["gui-filter", f"@{csv_xl}:csv"], None,
            "< 300 ms, GUI stall <= 100 ms", filter_judge),
        Row("rss-csv", f"peak RSS opening {csv_xl:,} rows x 10 (CSV)", ["open-ymdesk", f"@{csv_xl}:csv"], None,
            "< 1.5 GB", peak_rss_under(1536)),
        Row("rss-xlsx", f"peak RSS opening {xlsx_xl:,} rows x 10 (XLSX)", ["open-ymdesk", f"@{xlsx_xl}:xlsx"],
            ["open-fastexcel", f"@{xlsx_xl}:xlsx"], "< 1.5 GB", peak_rss_under(1536)),
        Row("report", f"write a {report:,}-row failure report", ["report-ymdesk", str(report)],
            ["report-xlsxwriter", str(report)], "<= 1.3x bare xlsxwriter constant_memory", ratio_at_most(1.3)),
        Row("run-unlimited", f"run {run_skus:,} SKUs on the simulator, limits off",
            ["simulator-run", str(run_skus), "unlimited"], None, "client overhead <= 5 ms per 500-SKU batch",
            overhead_judge),
        Row("run-paced", f"run {paced_skus:,} SKUs at 1,000 SKUs per 2 s",
            ["simulator-run", str(paced_skus), paced_limit], None, ">= 95% of the allowed rate, zero 420",
            rate_judge),
        Row("check-paced", f"check {paced_skus:,} SKUs against a store, read limit 1,000 offers per 2 s",
            ["simulator-check", str(paced_skus), paced_limit], None, ">= 95% of the read limit, zero 420",
            read_rate_judge),
        Row("gui-session", f"GUI: load {session:,} rows (XLSX), filter, pick, plan, run, results",
            ["gui-session", f"@{session}:xlsx"], None, "max GUI stall <= 100 ms", stall_judge),
    ]  # fmt: skip
    start_s, start_l = (2_000, 5_000) if quick else (300_000, 1_000_000)
    open_app = 3_000 if quick else 300_000
    rows += [
        Row("first-request-cli-s", f"CLI: confirmed -> first request, {start_s:,} SKUs",
            ["cli-first-request", f"@{start_s}:csv"], None, "<= 1.0 s", seconds_at_most(1.0)),
        Row("first-request-cli-l", f"CLI: confirmed -> first request, {start_l:,} SKUs",
            ["cli-first-request", f"@{start_l}:csv"], None, "<= 3 s", seconds_at_most(3.0)),
        Row("first-request-app-s", f"app's run worker (start_run): confirmed -> first request, {start_s:,} SKUs",
            ["start-run-first-request", f"@{start_s}:csv"], None, "<= 1.0 s", seconds_at_most(1.0)),
        Row("first-request-app-l", f"app's run worker (start_run): confirmed -> first request, {start_l:,} SKUs",
            ["start-run-first-request", f"@{start_l}:csv"], None, "<= 3 s", seconds_at_most(3.0)),
        Row("resume-first-request", f"CLI: resume of a {start_l:,}-SKU job -> first request (from launch)",
            ["cli-resume-first-request", f"@{start_l}:csv"], None, "<= 3 s", seconds_at_most(3.0)),
        Row("app-open", f"app: file chosen -> rows on screen, {open_app:,}-row XLSX", ["gui-open", f"@{open_app}:xlsx"],
            ["open-fastexcel", f"@{open_app}:xlsx"], "<= 1.5x bare fastexcel", ratio_at_most(1.5)),
        Row("keystroke", f"app: a keystroke -> repaint, {start_l:,} rows (table and filter box)",
            ["gui-keys", f"@{start_l}:csv"], None, "<= 50 ms", keys_judge),
    ]  # fmt: skip
    for size in scale_xlsx:
        rows.append(Row(f"scale-xlsx-{size}", f"open XLSX, {size:,} rows", ["open-ymdesk", f"@{size}:xlsx"],
                        ["open-fastexcel", f"@{size}:xlsx"], "(scaling)", info_ratio))  # fmt: skip
    for size in scale_csv:
        rows.append(Row(f"scale-csv-{size}", f"open CSV cp1251 ';', {size:,} rows", ["open-ymdesk", f"@{size}:csv"],
                        ["open-pandas-csv", f"@{size}:csv"], "(scaling)", info_ratio))  # fmt: skip
    for row in rows:
        for argument in [*row.subject, *(row.baseline or [])]:
            if argument.startswith("@"):  # a generated catalog: "@rows:kind"
                size, kind = argument[1:].split(":")
                row.files.append((int(size), kind))
    return rows


def resolve(argv: list[str]) -> list[str]:
    """Replace "@rows:kind" with the generated catalog's path (generating it first if needed)."""
    result = []
    for argument in argv:
        if argument.startswith("@"):
            size, kind = argument[1:].split(":")
            argument = str(ensure_catalog(int(size), kind))
        result.append(argument)
    return result


def measure(argv: list[str]) -> dict[str, Any]:
    """One measurement in a fresh interpreter; its last stdout line is the JSON result."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.measure", *resolve(argv)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=MEASURE_TIMEOUT_S,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        tail = (completed.stderr or completed.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{' '.join(argv[:1])} failed ({completed.returncode}): {' | '.join(tail)}")
    return dict(json.loads(lines[-1]))


def verdict_of(row: Row) -> tuple[str, bool | None]:
    if row.error:
        return f"error: {row.error}", None
    try:
        return row.judge(row.subject_results, row.baseline_results if row.baseline else None)
    except (KeyError, ValueError, TypeError, ZeroDivisionError, AssertionError) as error:
        return f"error judging: {error!r}", None


def spread(results: Results) -> str:
    if not results:
        return "—"
    values = seconds_of(results)
    if len(values) == 1:
        return f"{values[0]:.3f}"
    return f"{statistics.median(values):.3f} ({min(values):.3f}–{max(values):.3f})"


def peak(results: Results) -> str:
    return f"{max(float(r['peak_rss_mb']) for r in results):,.0f}" if results else "—"


def table(rows: list[Row]) -> str:
    lines = [
        "| what | ymdesk s: median (min–max) | peak RSS MB | baseline s: median (min–max) | baseline | figure "
        "| target | holds |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        baseline_name = row.baseline[0] if row.baseline else "—"
        figure, holds = verdict_of(row)
        verdict = {True: "yes", False: "**no**", None: "—"}[holds]
        lines.append(
            f"| {row.what} | {spread(row.subject_results)} | {peak(row.subject_results)} | "
            f"{spread(row.baseline_results)} | {baseline_name} | {figure} | {row.target} | {verdict} |"
        )
    return "\n".join(lines)


def machine() -> str:
    import importlib.metadata as metadata

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory = next((line.split()[1] for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal")), "0")
    versions = []
    for name in ("pandas", "pyarrow", "numpy", "fastexcel", "openpyxl", "xlsxwriter", "requests", "PySide6-Essentials"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "ymdesk"], cwd=ROOT, capture_output=True, text=True)
    load = " ".join(_read("/proc/loadavg").split()[:3])
    return (
        f"- CPU: {os.cpu_count()} cores ({cpu}); RAM {int(memory) / 2**20:.0f} GB; {platform.platform()}\n"
        f"- Python {platform.python_version()}; {', '.join(versions)}\n"
        f"- ymdesk at {commit.stdout.strip()}{' with uncommitted changes in ymdesk/' if dirty.stdout.strip() else ''};"
        f" load average at the start {load} (the cores are shared with other work)"
    )


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def run(rows: list[Row], repeats: int, log: Callable[[str], None]) -> None:
    for row in rows:
        for size, kind in row.files:
            ensure_catalog(size, kind)
    for row in rows:
        started = time.perf_counter()
        try:
            for _ in range(repeats):
                row.subject_results.append(measure(row.subject))
                if row.baseline:
                    row.baseline_results.append(measure(row.baseline))
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            row.error = str(error)
        figure = verdict_of(row)[0]
        log(f"{row.what}: {figure} [{time.perf_counter() - started:.0f} s]")


def write_results(path: Path, rows: list[Row], repeats: int, quick: bool, header: str, seconds: float) -> None:
    """Replace the block between the markers. Rows of the table this run did not measure keep their line,
    marked with the run they came from, so a partial run (--only) updates its rows and nothing else."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mode = "quick (small sizes, a smoke run)" if quick else "full"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    kept: list[str] = []
    if START_MARK in text and END_MARK in text:
        old = text.split(START_MARK, 1)[1].split(END_MARK, 1)[0]
        earlier = re.search(r"^Run (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", old, re.MULTILINE)
        measured = {row.what for row in rows}
        for line in old.splitlines():
            if not line.startswith("| ") or line.startswith("| what |"):
                continue
            what = line.split(" | ", 1)[0][2:]
            if re.sub(r" \(run [^)]*\)$", "", what) in measured:
                continue
            if earlier and "(run " not in what:
                line = line.replace(f"| {what} |", f"| {what} (run {earlier.group(1)}) |", 1)
            kept.append(line)
    note = "\n"
    if kept:
        note = (
            "\n\nRows marked (run ...) were not measured in this run; their figures are from the run named"
            " (its machine and versions: this file in the git history of that date).\n"
        )
    block = (
        f"{START_MARK}\n"
        f"Run {stamp}, {mode}, {repeats} run(s) of each measurement in a fresh process; "
        f"the whole run took {seconds / 60:.0f} min.\n\n{header}{note}\n{table(rows)}\n"
        + "".join(f"{line}\n" for line in kept)
        + END_MARK
    )
    if START_MARK in text and END_MARK in text:
        before, rest = text.split(START_MARK, 1)
        after = rest.split(END_MARK, 1)[1]
        text = before + block + after
    else:
        text = f"# Benchmark results\n\n{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repeat (CI smoke run)")
    parser.add_argument("--repeats", type=int, help="runs of each measurement (default 3, quick 1)")
    parser.add_argument("--only", nargs="*", help="row keys to run (default: all)")
    parser.add_argument("--output", type=Path, help="where to write the results (Markdown)")
    parser.add_argument("--list", action="store_true", help="list the row keys and exit")
    args = parser.parse_args(argv)
    rows = build_rows(args.quick)
    if args.list:
        for row in rows:
            print(f"{row.key:24s} {row.what}")
        return 0
    if args.only:
        rows = [row for row in rows if row.key in args.only]
    repeats = args.repeats or (1 if args.quick else 3)
    output = args.output or (DATA_DIR / "RESULTS-quick.md" if args.quick else RESULTS)
    header = machine()
    print(header, flush=True)
    started = time.perf_counter()
    run(rows, repeats, lambda line: print(line, flush=True))
    print()
    print(table(rows))
    write_results(output, rows, repeats, args.quick, header, time.perf_counter() - started)
    print(f"\nwritten to {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
