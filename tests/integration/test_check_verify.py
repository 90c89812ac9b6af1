"""Plan against Market, prove after: the check before a run, no "maybe" left, verify, archive/unarchive.

Everything over real sockets: the real client against the seeded simulator on 127.0.0.1, and
ymdesk-cli as a subprocess. Expected figures come from the simulator's own state, never typed in.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

from tests.helpers.cli_process import cli_environment, delete_offers_args, run_cli, start_cli
from ymdesk.core.model import Operation, Target
from ymdesk.core.runs.check import ReadProgress, Where, run_check
from ymdesk.core.simulator import Faults, Limits, MarketSimulator
from ymdesk.core.simulator.demo import DEMO_BUSINESS_ID, DEMO_FBS_CAMPAIGN_ID, PROMO_WEEKLY_ID, build_demo_state

SKUS = [f"{i:07d}" for i in range(1000)]
NOT_ANYWHERE = [f"ghost-{i}" for i in range(7)]  # valid SKUs Market has nowhere


def drain(events):
    """Run a core generator to its end; (events, result)."""
    seen = []
    while True:
        try:
            seen.append(next(events))
        except StopIteration as stop:
            return seen, stop.value


def cli(*args: str, home: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return run_cli(*args, env=cli_environment(home), timeout=timeout)


def delete_offers(sim: MarketSimulator, catalog: Path, *more: str) -> subprocess.CompletedProcess:
    """`ymdesk-cli run delete-offers` with `catalog` on the demo FBS store of `sim`."""
    return cli(*delete_offers_args(catalog, "--api-url", sim.url, *more))


def catalog_file(path: Path, skus: list[str]) -> Path:
    path.write_text("SKU;Name\n" + "".join(f"{sku};Товар\n" for sku in skus), encoding="utf-8")
    return path


# ---------------------------------------------------------------- the check reports exact counts


def test_store_check_counts_exactly_what_the_store_has(sim, client, state):
    archived = SKUS[0:30:3]  # archived in the catalog: the store shows them with status ARCHIVED
    with state.lock:
        state.businesses[DEMO_BUSINESS_ID].archived.update(archived)
    picked = SKUS[:700] + NOT_ANYWHERE
    store = state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    target = Target(campaign_id=DEMO_FBS_CAMPAIGN_ID)

    events, result = drain(run_check(client, Operation.DELETE_OFFERS, target, picked))

    expected_missing = [sku for sku in picked if sku not in store]
    assert result.where is Where.STORE
    assert result.complete and result.checked == result.picked == len(picked)
    assert result.found == len(picked) - len(expected_missing)
    assert result.missing == expected_missing
    assert result.archived == [sku for sku in archived if sku in store]
    assert result.requests == -(-len(picked) // 200)  # offerIds batches of 200
    progress = [e for e in events if isinstance(e, ReadProgress)]
    assert progress[-1].done == len(picked) and progress[-1].requests_total == result.requests
    # every request held at most 200 ids
    reads = [r for r in sim.records() if r.path.endswith("/offers")]
    assert reads and max(r.offer_count for r in reads) <= 200


def test_catalog_check_counts_exactly_and_sees_the_archive(client, state):
    archived = SKUS[0:40:4]
    with state.lock:
        state.businesses[DEMO_BUSINESS_ID].archived.update(archived)
    picked = SKUS[::2] + NOT_ANYWHERE
    catalog = state.catalog_offers(DEMO_BUSINESS_ID)

    _, result = drain(run_check(client, Operation.ARCHIVE, Target(business_id=DEMO_BUSINESS_ID), picked))

    assert result.where is Where.CATALOG
    assert result.missing == [sku for sku in picked if sku not in catalog]
    assert result.found == len([sku for sku in picked if sku in catalog])
    assert result.archived == [sku for sku in picked if sku in set(archived) and sku in catalog]
    assert any("already in the archive" in line.english() for line in result.lines())
    # Market's answer also says which stores place each product: archiving hides them in all of those.
    with state.lock:
        placed = {
            sku
            for sku in picked
            if any(sku in c.offers for c in state.campaigns.values() if c.business_id == DEMO_BUSINESS_ID)
        }
    assert result.placed == len(placed) and len(result.stores) == 2
    assert any("placed in stores" in line.english() for line in result.lines())


def test_promo_check_reads_the_promo_page_by_page(client, state):
    picked = SKUS[:300] + NOT_ANYWHERE
    promo = state.promo_offers(PROMO_WEEKLY_ID)
    target = Target(business_id=DEMO_BUSINESS_ID, promo_id=PROMO_WEEKLY_ID)

    _, result = drain(run_check(client, Operation.DELETE_PROMO_OFFERS, target, picked))

    assert result.where is Where.PROMO
    assert result.found == len([sku for sku in picked if sku in promo])
    assert result.missing == [sku for sku in picked if sku not in promo]


def test_check_is_cancellable_and_keeps_what_it_read(sim, client, state):
    sim.limits = Limits.fast(skus=200, requests=100, period=60.0)  # one request of 200 a minute: the second waits
    cancel = threading.Event()
    events = run_check(
        client, Operation.DELETE_OFFERS, Target(campaign_id=DEMO_FBS_CAMPAIGN_ID), SKUS[:600], cancel=cancel
    )
    seen = []
    started = time.monotonic()
    while True:
        try:
            event = next(events)
        except StopIteration as stop:
            result = stop.value
            break
        seen.append(event)
        if isinstance(event, ReadProgress):
            cancel.set()
    assert time.monotonic() - started < 30
    assert result.cancelled and not result.complete
    assert result.checked == 200
    store = state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    assert result.found == len([sku for sku in SKUS[:200] if sku in store])


def test_cli_check_with_dry_run_only_checks(sim, state, tmp_path):
    picked = SKUS[:250] + NOT_ANYWHERE
    before = state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    run = delete_offers(sim, catalog_file(tmp_path / "c.csv", picked), "--check", "--dry-run", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["missing"] == [sku for sku in picked if sku not in before]
    assert data["found"] == len(picked) - len(data["missing"])
    assert "takes about" in run.stderr
    assert state.store_offers(DEMO_FBS_CAMPAIGN_ID) == before  # nothing deleted
    assert not [r for r in sim.records() if r.path.endswith("/delete")]


def test_cli_check_drops_missing_skus_from_the_run(sim, state, tmp_path):
    picked = SKUS[:100] + NOT_ANYWHERE
    store = state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    run = delete_offers(sim, catalog_file(tmp_path / "c.csv", picked), "--check", "--drop-missing", "--yes", "--json")
    assert run.returncode in (0, 1), run.stderr
    sent = {sku for r in sim.records() if r.path.endswith("/offers/delete") for sku in r.offer_ids}
    assert sent == {sku for sku in picked if sku in store}
    assert json.loads(run.stdout.strip().splitlines()[-1])["requested"] == len(sent)


# ---------------------------------------------------------------- archive, unarchive


def test_archive_then_unarchive_restores_the_simulators_state(sim, state, tmp_path):
    picked = SKUS[:450] + NOT_ANYWHERE
    path = catalog_file(tmp_path / "c.csv", picked)
    with state.lock:
        before = {
            "archived": set(state.businesses[DEMO_BUSINESS_ID].archived),
            "catalog": state.catalog_offers(DEMO_BUSINESS_ID),
            "store": state.store_offers(DEMO_FBS_CAMPAIGN_ID),
        }
    held = state.held_skus(DEMO_BUSINESS_ID)
    common = ("--business-id", str(DEMO_BUSINESS_ID), "--file", str(path), "--api-url", sim.url, "--yes", "--json")

    archive = cli("run", "archive", *common)
    assert archive.returncode == 1, archive.stderr  # held and unknown SKUs are refused, with reasons
    archived_now = state.archived_offers(DEMO_BUSINESS_ID)
    expected = {sku for sku in picked if sku in before["catalog"] and sku not in held}
    assert archived_now == before["archived"] | expected
    requests = [r for r in sim.records() if r.path.endswith("/archive")]
    assert requests and max(r.offer_count for r in requests) <= 200
    outcomes = _outcomes(1)
    assert {sku for sku, (o, _) in outcomes.items() if o == "archived"} == expected
    refused = {sku: why for sku, (o, why) in outcomes.items() if o == "rejected"}
    assert set(refused) == set(picked) - expected
    assert all("warehouse" in refused[sku] for sku in held & set(picked))

    unarchive = cli("run", "unarchive", *common)
    assert unarchive.returncode in (0, 1), unarchive.stderr
    with state.lock:
        after = {
            "archived": set(state.businesses[DEMO_BUSINESS_ID].archived),
            "catalog": state.catalog_offers(DEMO_BUSINESS_ID),
            "store": state.store_offers(DEMO_FBS_CAMPAIGN_ID),
        }
    assert after == before
    assert {sku for sku, (o, _) in _outcomes(2).items() if o == "unarchived"} == {
        sku for sku in picked if sku in before["catalog"]
    }


# ---------------------------------------------------------------- verify after


def test_verify_finds_a_sku_the_simulator_quietly_restored(sim, state, tmp_path):
    picked = SKUS[:200]
    run = delete_offers(sim, catalog_file(tmp_path / "c.csv", picked), "--yes", "--json")
    assert run.returncode in (0, 1), run.stderr
    deleted = [sku for sku, (o, _) in _outcomes(1).items() if o == "deleted"]
    assert len(deleted) > 100

    clean = cli("verify", "1", "--api-url", sim.url, "--json")
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["still_shown"] == []

    restored = deleted[17]
    state.quietly_restore(restored, campaign_id=DEMO_FBS_CAMPAIGN_ID)
    found = cli("verify", "1", "--api-url", sim.url, "--json")
    assert found.returncode == 1, found.stderr
    data = json.loads(found.stdout)
    assert [entry["sku"] for entry in data["still_shown"]] == [restored]
    assert data["checked"] == len(deleted)
    assert data["still_shown"][0]["row"] == picked.index(restored) + 2  # the CSV line the person sees


# ---------------------------------------------------------------- no "maybe" left after kills


def test_sigkills_then_resume_leave_no_maybe_and_a_journal_equal_to_market(tmp_path):
    """delete-offers, where "not found" after a lost answer used to be reported as "may have"."""
    skus = [f"{i:08d}" for i in range(3000)]
    path = catalog_file(tmp_path / "c.csv", skus)
    state = build_demo_state(skus)
    store_before = state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    held = state.held_skus(DEMO_BUSINESS_ID)
    home = tmp_path / "home"
    rng = random.Random(12)
    faults = Faults(seed=5, latency_seconds=0.01, drop_rate=0.08, drop_after_apply=0.7)
    kills = 0
    with MarketSimulator(state, limits=Limits.fast(skus=200, requests=1000, period=1.0), faults=faults) as sim:
        start = delete_offers_args(path, "--yes", "--json", "--batch-size", "50", "--api-url", sim.url)
        resume = ["resume", "1", "--yes", "--json", "--api-url", sim.url]
        while kills < 8:
            args = resume if (home / "journal.sqlite3").exists() and _jobs(home) else start
            sent_before = len(_deletes(sim))
            process = start_cli(*args, env=cli_environment(home))
            # Kill only once this process has sent something: a kill during start-up proves nothing.
            deadline = time.monotonic() + 60
            while len(_deletes(sim)) == sent_before and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 1.5))  # then anywhere: a request, a commit, a wait, a read back
            if process.poll() is not None:
                process.communicate(timeout=30)
                break
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=30)
            kills += 1
        sim.faults = Faults(latency_seconds=0.0)
        final = cli("resume", "1", "--yes", "--json", "--api-url", sim.url, home=home, timeout=300)
        assert final.returncode in (0, 1), final.stderr
        store_after = state.store_offers(DEMO_FBS_CAMPAIGN_ID)

    assert kills == 8
    outcomes = _outcomes(1, home)
    assert len(outcomes) == len(skus)
    maybe = {sku: why for sku, (o, why) in outcomes.items() if "may" in why or o in ("unanswered", "pending")}
    assert maybe == {}
    # The journal equals Market: recorded deleted <=> the store does not have it now.
    for sku, (outcome, why) in outcomes.items():
        if outcome == "deleted":
            assert sku not in store_after, (sku, why)
        else:
            assert outcome == "not_deleted", (sku, outcome, why)
            assert sku in store_after or sku not in store_before, (sku, why)
    assert {sku for sku, (o, _) in outcomes.items() if o == "not_deleted" and sku in store_before} == (
        held & store_before
    )
    assert any("verified" in why for _, why in outcomes.values())


def _deletes(sim: MarketSimulator) -> list:
    return [r for r in sim.records() if r.path.endswith("/offers/delete")]


def _jobs(home: Path) -> int:
    with sqlite3.connect(home / "journal.sqlite3") as db:
        try:
            return int(db.execute("SELECT COUNT(*) FROM jobs").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def _outcomes(job_id: int, home: Path | None = None) -> dict[str, tuple[str, str]]:
    """sku -> (outcome, English reason) from the journal file."""
    home = home or Path(os.environ["YMDESK_HOME"])
    with sqlite3.connect(home / "journal.sqlite3") as db:
        rows = db.execute("SELECT sku, outcome, reason FROM items WHERE job_id = ?", (job_id,)).fetchall()
    result = {}
    for sku, outcome, reason in rows:
        text = ""
        if reason:
            data = json.loads(reason)
            text = data["t"].format(**data.get("a", {}))
        result[sku] = (outcome, text)
    return result
