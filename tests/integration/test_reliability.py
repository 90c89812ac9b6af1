"""Attacks on the engine: a faulty Market at scale, cancel, two processes on one journal, and SIGKILL x 20.

These are the figures the README's "Reliability" section quotes. They are slow (about a minute or
two together on 2 cores) and run in CI.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.helpers.cli_process import cli_environment, delete_from_catalog_args, delete_offers_args, start_cli
from ymdesk.core.market.client import MarketClient
from ymdesk.core.market.ratelimit import RateLimits, RetryPolicy
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import Finished, JobStatus, Progress
from ymdesk.core.runs.journal import Journal
from ymdesk.core.runs.runner import JobRunner
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_FBS_CAMPAIGN_ID,
    DEMO_FBY_CAMPAIGN_ID,
    Faults,
    Limits,
    MarketSimulator,
    build_demo_state,
)

pytestmark = pytest.mark.slow

SOAK_SKUS = [f"{i:08d}" for i in range(100_000)]
SOAK_FAULTS = Faults(
    seed=20261122,
    error_rate=0.10,  # 500/503
    error_after_apply=0.3,  # some of them after the change was made
    drop_rate=0.05,  # connection closed without an answer
    drop_after_apply=0.5,
    slow_rate=0.02,  # answers slower than the client's read timeout
    slow_seconds=0.5,  # the client gives up at 0.3 s and waits at least 0.3 s more before retrying
    locked_rate=0.02,  # 423
    burst_rate=0.02,  # bursts of 420 with a short Until
    burst_length=3,
    burst_until_seconds=1.0,
)
SOAK_RETRY = RetryPolicy(
    attempts=10, backoff_base=0.01, backoff_cap=0.05, locked_attempts=6, locked_base=0.02, rate_limit_waits=30
)


def _items(skus: list[str]) -> list[JobItem]:
    return [JobItem(sku, sku, row) for row, sku in enumerate(skus, start=2)]


def test_soak_100k_skus_through_a_faulty_market(tmp_path: Path):
    state = build_demo_state(SOAK_SKUS)
    store = state.campaigns[DEMO_FBS_CAMPAIGN_ID]
    before = set(store.offers)
    with (
        MarketSimulator(state, limits=Limits.fast(skus=50_000, period=2.0), faults=SOAK_FAULTS) as sim,
        Journal(tmp_path / "journal.sqlite3") as journal,
        MarketClient(DEMO_API_KEY, sim.url, timeout=(2.0, 0.3)) as client,
    ):
        job_id = journal.create_job(
            Operation.DELETE_OFFERS, Target(campaign_id=DEMO_FBS_CAMPAIGN_ID), _items(SOAK_SKUS), api_url=sim.url
        )
        runner = JobRunner(
            client,
            journal,
            job_id,
            limits=RateLimits(50_000, 2.0, per_sku=True),
            retry=SOAK_RETRY,
            rng=random.Random(1),
        )
        events = list(runner.run())
        records = sim.records()
        in_flight = sim.max_in_flight(campaign_id=DEMO_FBS_CAMPAIGN_ID)
        assert journal.integrity_ok()
        items = list(journal.items(job_id))

    assert isinstance(events[-1], Finished) and events[-1].status is JobStatus.DONE
    # Every picked SKU has exactly one final outcome.
    assert len(items) == len(SOAK_SKUS) == len({i.sku for i in items})
    assert all(i.outcome in (Outcome.DELETED, Outcome.NOT_DELETED, Outcome.FAILED) for i in items)
    # The Market's final state agrees with them.
    for item in items:
        if item.outcome is Outcome.DELETED:
            # A SKU whose request went unanswered is read back: gone from the store is all Market can say
            # (that request deleted it, or it was never there), and its reason says it was verified so.
            assert item.sku in before or (item.reason is not None and "verified" in item.reason.english())
            assert item.sku not in store.offers
        elif item.sku in store.offers:
            assert item.outcome is not Outcome.DELETED
    # No request carried more than 500 ids; retries per batch stayed bounded; one request at a time.
    deletes = [r for r in records if r.path.endswith("/offers/delete")]
    assert max(r.offer_count for r in deletes) <= 500
    tries_per_sku = Counter(sku for r in deletes for sku in r.offer_ids)
    bound = SOAK_RETRY.attempts + SOAK_RETRY.locked_attempts + SOAK_RETRY.rate_limit_waits
    assert max(tries_per_sku.values()) <= bound
    assert in_flight == 1
    # The faults really happened.
    statuses = Counter(r.status for r in deletes)
    assert statuses[None] > 0 and statuses[420] > 0 and statuses[423] > 0
    assert statuses[500] + statuses[503] > 0
    faults = Counter(r.fault for r in deletes if r.fault)
    print(
        f"\nsoak: {len(deletes)} requests, statuses {dict(statuses)}, faults {dict(faults)}, "
        f"outcomes {dict(Counter(i.outcome.value for i in items))}, max tries per SKU {max(tries_per_sku.values())}"
    )


def test_nothing_is_sent_after_cancel(tmp_path: Path):
    skus = SOAK_SKUS[:20_000]
    cancel = threading.Event()
    cancelled_at: list[float] = []

    def cancel_on_batch_7(event) -> None:
        if isinstance(event, Progress) and event.batch == 7:
            cancelled_at.append(time.time())
            cancel.set()

    with (
        MarketSimulator(build_demo_state(skus), limits=Limits.unlimited(), faults=Faults(latency_seconds=0.01)) as sim,
        Journal(tmp_path / "j.sqlite3") as journal,
        MarketClient(DEMO_API_KEY, sim.url) as client,
    ):
        job_id = journal.create_job(
            Operation.DELETE_OFFERS, Target(campaign_id=DEMO_FBS_CAMPAIGN_ID), _items(skus), api_url=sim.url
        )
        for event in JobRunner(client, journal, job_id, limits=RateLimits(10**9, 60, True), cancel=cancel).run():
            cancel_on_batch_7(event)
        records = sim.records()
        counts = journal.counts(job_id)

    assert len(records) == 7 and all(r.time < cancelled_at[0] for r in records)
    assert counts[Outcome.CANCELLED] == 20_000 - 7 * 500 and Outcome.PENDING not in counts


def _cli(*args: str, home: Path) -> subprocess.Popen:
    return start_cli(*args, env=cli_environment(home))


def _catalog(path: Path, skus: list[str]) -> Path:
    path.write_text("SKU;Название\n" + "".join(f"{s};Товар {i}\n" for i, s in enumerate(skus)), encoding="cp1251")
    return path


def test_two_processes_share_one_journal(tmp_path: Path, isolated_home: Path):
    skus = SOAK_SKUS[:3000]
    catalog = _catalog(tmp_path / "c.csv", skus)
    with MarketSimulator(build_demo_state(skus), limits=Limits.unlimited()) as sim:
        runs = [
            _cli(
                *delete_offers_args(
                    catalog, "--api-url", sim.url, "--yes", "--json", "--batch-size", "10", campaign_id=campaign
                ),
                home=isolated_home,
            )
            for campaign in (DEMO_FBS_CAMPAIGN_ID, DEMO_FBY_CAMPAIGN_ID)
        ]
        outputs = [run.communicate(timeout=240) for run in runs]
        assert sim.max_in_flight(campaign_id=DEMO_FBS_CAMPAIGN_ID) == 1
        assert sim.max_in_flight(campaign_id=DEMO_FBY_CAMPAIGN_ID) == 1

    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode in (0, 1), err
        assert json.loads(out)["requested"] == 3000
    with sqlite3.connect(isolated_home / "journal.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT job_id, COUNT(*), SUM(outcome = 'pending') FROM items GROUP BY job_id").fetchall()
    assert sorted(rows) == [(1, 3000, 0), (2, 3000, 0)]


def test_twenty_sigkills_then_resume_equal_an_uninterrupted_run(tmp_path: Path):
    """delete-from-catalog, so the outcome of a SKU does not depend on whether a lost request was applied."""
    skus = SOAK_SKUS[:4000]
    catalog = _catalog(tmp_path / "c.csv", skus)
    run_args = delete_from_catalog_args(catalog, "--yes", "--json", "--batch-size", "50", "--report-all")

    reference_home = tmp_path / "reference"
    with MarketSimulator(build_demo_state(skus), limits=Limits.unlimited()) as sim:
        reference_run = _cli(*run_args, "--api-url", sim.url, home=reference_home)
        _, err = reference_run.communicate(timeout=120)
    reference = _outcomes(reference_home, 1)
    assert len(reference) == 4000 and "pending" not in reference.values(), err

    home = tmp_path / "killed"
    rng = random.Random(7)
    kills = 0
    state = build_demo_state(skus)
    # 100 SKUs a second with Until headers: runs pace themselves, so kills also land in rate-limit waits,
    # and the job outlives 20 kills (each process spends about a second starting up first).
    with MarketSimulator(state, limits=Limits.fast(skus=100, period=1.0), faults=Faults(latency_seconds=0.01)) as sim:
        start = [*run_args, "--api-url", sim.url]
        resume = ["resume", "1", "--yes", "--json", "--report-all", "--api-url", sim.url]
        for _ in range(60):  # twenty kills of the job, and a bound on the kills before it exists
            if kills == 20:
                break
            process = _cli(*(resume if _job_exists(home) else start), home=home)
            time.sleep(rng.uniform(1.0, 3.0))  # anywhere: start-up, a request, a commit, a wait, the report
            if process.poll() is not None:  # it finished before this kill: the job is done
                _, err = process.communicate(timeout=30)
                assert process.returncode in (0, 1), err
                break
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=30)
            # A kill before the job was recorded (start-up on a busy machine can outlast the sleep) only
            # means the run starts again; it does not count as one of the twenty kills of the job.
            if _job_exists(home):
                kills += 1
                with sqlite3.connect(home / "journal.sqlite3") as db:
                    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        final = _cli("resume", "1", "--yes", "--json", "--report-all", "--api-url", sim.url, home=home)
        out, err = final.communicate(timeout=120)
        assert final.returncode in (0, 1), err

    assert kills == 20, f"only {kills} kills landed before the job finished"
    assert _outcomes(home, 1) == reference
    assert json.loads(out)["report"]
    print(f"\nkills survived: {kills}")


def _job_exists(home: Path) -> bool:
    if not (home / "journal.sqlite3").exists():
        return False
    with sqlite3.connect(home / "journal.sqlite3") as db:
        return db.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'jobs'").fetchone()[0] == 1 and bool(
            db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
        )


def _outcomes(home: Path, job_id: int) -> dict[str, str]:
    with sqlite3.connect(home / "journal.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = db.execute("SELECT sku, outcome FROM items WHERE job_id = ?", (job_id,)).fetchall()
    return dict(rows)
