"""ymdesk-cli under faults, in a real subprocess: Ctrl+C mid-request, Market unreachable, one process per job,
--retry-failed, journal faults (read-only, locked, damaged, full), --json always, an unknown store."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.cli_process import cli_environment, delete_offers_args, run_cli, start_cli
from tests.helpers.hostile_server import HostileServer, Reply, Seen, ok
from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.journal import Journal, OutcomeUpdate
from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID, Limits, MarketSimulator, build_demo_state

SKUS = [f"{i:07d}" for i in range(1200)]
CAMPAIGNS = Reply(200, {"campaigns": [{"id": DEMO_FBS_CAMPAIGN_ID, "domain": "Shop", "business": {"id": 1}}]})


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text("SKU;Name\n" + "".join(f"{sku};x\n" for sku in SKUS), encoding="utf-8")
    return path


def market(delete_reply: Reply):
    """A hostile Market that lists the demo store and answers every delete with `delete_reply`."""

    def script(seen: Seen) -> Reply:
        return CAMPAIGNS if seen.path.startswith("/v2/campaigns?") or seen.path == "/v2/campaigns" else delete_reply

    return HostileServer(script)


def run_args(catalog: Path, url: str, *more: str) -> list[str]:
    return delete_offers_args(catalog, "--api-url", url, "--yes", "--json", *more)


def deletes(server: HostileServer) -> list[Seen]:
    return [s for s in server.seen if s.method == "POST"]


def wait_for_delete(server: HostileServer, timeout: float = 60) -> Seen:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = deletes(server)
        if found:
            return found[0]
        time.sleep(0.01)
    raise AssertionError("the CLI sent no delete")


def journal_counts(home: Path, job_id: int = 1) -> dict[Outcome, int]:
    with Journal(home / "journal.sqlite3") as journal:
        return journal.counts(job_id)


def test_ctrl_c_during_a_request_cuts_it_within_a_second_records_it_sent_and_resume_finishes(catalog, isolated_home):
    with market(Reply(stall_before_headers=True)) as server:
        process = start_cli(*run_args(catalog, server.url))
        request = wait_for_delete(server)
        interrupted = time.monotonic()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        while request.ended is None and time.monotonic() - interrupted < 5:
            time.sleep(0.01)
    assert request.ended is not None and request.ended - interrupted < 1.0  # the request was cut at once
    assert process.returncode == 130, err
    summary = json.loads(out)
    assert summary["status"] == "cancelled" and summary["unanswered"] == 500 and summary["skipped"] == 700
    assert "Traceback" not in err
    counts = journal_counts(isolated_home)
    assert counts == {Outcome.UNANSWERED: 500, Outcome.CANCELLED: 700}  # sent, no answer -- never "Not sent"

    with MarketSimulator(build_demo_state(SKUS), limits=Limits.unlimited()) as sim:
        done = run_cli("resume", "1", "--yes", "--api-url", sim.url)
    assert done.returncode in (0, 1), done.stderr
    assert not any(o.needs_sending for o in journal_counts(isolated_home))


def test_a_second_ctrl_c_exits_at_once_and_leaves_the_journal_consistent(catalog, isolated_home):
    with market(Reply(stall_before_headers=True)) as server:
        process = start_cli(*run_args(catalog, server.url))
        wait_for_delete(server)
        process.send_signal(signal.SIGINT)
        process.send_signal(signal.SIGINT)
        started = time.monotonic()
        out, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert process.returncode == 130 and "Traceback" not in err
    assert json.loads(out)["status"] == "cancelled"
    with Journal(isolated_home / "journal.sqlite3") as journal:
        assert journal.integrity_ok()
        assert journal.job(1).status.value != "running" and journal.lease_holder(1) is None
        counts = journal.counts(1)
        assert counts.get(Outcome.DELETED, 0) == 0 and counts.get(Outcome.UNANSWERED, 0) == 500
        assert len(journal.to_send(1)) == 1200


def test_market_unreachable_stops_as_interrupted_with_exit_3_and_resume_sends_the_rest(catalog, isolated_home):
    with HostileServer() as gone:
        url = gone.url  # closed: every connection is refused
    done = run_cli(*run_args(catalog, url), timeout=180)
    assert done.returncode == 3, done.stderr
    assert json.loads(done.stdout)["status"] == "interrupted"
    assert done.stderr.count("could not be reached") == 1 and "Traceback" not in done.stderr
    assert journal_counts(isolated_home) == {Outcome.PENDING: 1200}

    with MarketSimulator(build_demo_state(SKUS), limits=Limits.unlimited()) as sim:
        again = run_cli("resume", "1", "--yes", "--api-url", sim.url)
        sent = sum(r.offer_count for r in sim.records() if "/delete" in r.path)
    assert again.returncode in (0, 1) and sent == 1200


def test_a_live_job_is_refused_a_second_process_and_a_dead_ones_lease_is_taken_over(catalog, isolated_home):
    with market(Reply(stall_before_headers=True)) as server:
        first = start_cli(*run_args(catalog, server.url))
        try:
            wait_for_delete(server)
            second = run_cli("resume", "1", "--yes", "--json", "--api-url", server.url)
            assert second.returncode == 2
            assert f"process {first.pid}" in second.stderr and "Traceback" not in second.stderr
            assert json.loads(second.stdout)["status"] == "bad_input"
            assert len(deletes(server)) == 1  # the second process sent nothing
        finally:
            first.kill()  # SIGKILL: its lease stays behind, with a pid that is gone
            first.communicate()
    with MarketSimulator(build_demo_state(SKUS), limits=Limits.unlimited()) as sim:
        third = run_cli("resume", "1", "--yes", "--api-url", sim.url)
    assert third.returncode in (0, 1), third.stderr
    with Journal(isolated_home / "journal.sqlite3") as journal:
        assert journal.lease_holder(1) is None and not journal.to_send(1)


def test_resume_retry_failed_resends_only_retriable_failures(isolated_home):
    with Journal(isolated_home / "journal.sqlite3") as journal:
        items = [JobItem(sku, sku, row) for row, sku in enumerate(SKUS[:30], 2)]
        job_id = journal.create_job(
            Operation.DELETE_OFFERS, Target(campaign_id=DEMO_FBS_CAMPAIGN_ID), items, api_url="http://127.0.0.1:1"
        )
        why = Message("MarketApi", "failed")
        journal.record(
            job_id,
            [OutcomeUpdate(s, Outcome.DELETED) for s in range(10)]
            + [OutcomeUpdate(s, Outcome.FAILED, why, None, 503) for s in range(10, 15)]
            + [OutcomeUpdate(s, Outcome.FAILED, why, None, None) for s in range(15, 20)]  # network
            + [OutcomeUpdate(s, Outcome.FAILED, why, "BAD_REQUEST", 400) for s in range(20, 25)]
            + [OutcomeUpdate(s, Outcome.REJECTED, why, "X", 200) for s in range(25, 30)],
        )
        journal.set_status(job_id, journal.job(job_id).status.DONE, finished=True)
    with MarketSimulator(build_demo_state(SKUS), limits=Limits.unlimited()) as sim:
        plain = run_cli("resume", str(job_id), "--yes", "--api-url", sim.url)
        assert plain.returncode == 1 and "already finished" in plain.stderr and not sim.records()
        done = run_cli("resume", str(job_id), "--yes", "--retry-failed", "--api-url", sim.url)
        sent = sorted(sku for r in sim.records() if "/delete" in r.path for sku in r.offer_ids)
    assert done.returncode in (0, 1), done.stderr
    assert sent == sorted(SKUS[10:20])  # 5xx and network failures; never the 400s or the rejections


def _mount_tmpfs(where: Path, options: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (tests run as root in CI): {done.stderr.decode().strip()}")


def test_a_read_only_data_dir_is_one_line_and_exit_2(catalog, tmp_path):
    home = tmp_path / "ro-home"
    _mount_tmpfs(home, "ro,size=1m")  # root ignores chmod; a read-only filesystem stops root too
    try:
        with market(ok()) as server:
            done = run_cli(*run_args(catalog, server.url), env=cli_environment(home))
            assert not deletes(server)
    finally:
        subprocess.run(["umount", str(home)], check=False)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "cannot be written" in done.stderr
    assert json.loads(done.stdout)["status"] == "bad_input"


def test_a_journal_locked_by_another_program_is_exit_3_naming_the_file(catalog, isolated_home):
    Journal(isolated_home / "journal.sqlite3").close()
    locker = sqlite3.connect(isolated_home / "journal.sqlite3", isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with market(ok()) as server:
            done = run_cli(*run_args(catalog, server.url), env=cli_environment(YMDESK_JOURNAL_BUSY_MS="300"))
            assert not deletes(server)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert done.returncode == 3, done.stderr
    assert "locked by another program" in done.stderr and "journal.sqlite3" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_damaged_journal_is_checked_before_a_job_starts(catalog, isolated_home):
    path = isolated_home / "journal.sqlite3"
    with Journal(path) as journal:
        items = [JobItem(f"old-{i}-" + "x" * 200, "x", i) for i in range(3000)]
        journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=1), items, api_url="http://127.0.0.1:1")
        journal._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as file:  # middle pages overwritten, the header left intact
        file.seek(size // 2)
        file.write(os.urandom(16 * 4096))
    with market(ok()) as server:
        done = run_cli(*run_args(catalog, server.url))
        assert not deletes(server)
    assert done.returncode == 3, done.stderr
    assert "damaged" in done.stderr and "journal.sqlite3.damaged" in done.stderr and "Traceback" not in done.stderr
    assert json.loads(done.stdout)["status"] == "stopped"


def test_a_full_disk_mid_run_is_exit_3_with_the_batch_left_sent_no_answer(catalog, tmp_path):
    home = tmp_path / "small-home"
    _mount_tmpfs(home, "size=3m")
    try:
        gate = {"open": False}

        def script(seen: Seen) -> Reply:
            if seen.method == "GET":
                return CAMPAIGNS
            while not gate["open"]:  # hold the answer until the disk is full
                time.sleep(0.01)
            return ok({"notDeletedOfferIds": [f"{i:07d}" for i in range(500)]})

        with HostileServer(script) as server:
            process = start_cli(*run_args(catalog, server.url), env=cli_environment(home))
            wait_for_delete(server)
            filler = home / "filler"
            with contextlib.suppress(OSError), filler.open("wb") as out:
                while True:
                    out.write(b"\0" * 65536)
                    out.flush()
            gate["open"] = True
            out_text, err = process.communicate(timeout=60)
            filler.unlink()
        assert process.returncode == 3, err
        assert "disk holding the journal" in err and "Traceback" not in err
        with Journal(home / "journal.sqlite3") as journal:
            counts = journal.counts(1)
        assert counts.get(Outcome.UNANSWERED) == 500 and Outcome.DELETED not in counts
        assert json.loads(out_text)["status"] == "stopped"
    finally:
        subprocess.run(["umount", str(home)], check=False)


def test_an_unknown_store_is_said_before_the_plan_even_in_a_dry_run(catalog):
    with market(ok()) as server:
        args = run_args(catalog, server.url, "--dry-run")
        args[args.index(str(DEMO_FBS_CAMPAIGN_ID))] = "987654"
        done = run_cli(*args)
        assert not deletes(server)
    assert done.returncode == 2 and "no store with id 987654" in done.stderr and "Plan" not in done.stderr


def test_the_app_on_a_read_only_data_dir_says_so_without_a_traceback(tmp_path):
    home = tmp_path / "ro-home"
    _mount_tmpfs(home, "ro,size=1m")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ymdesk", "--self-test"],
            env={**cli_environment(home), "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        subprocess.run(["umount", str(home)], check=False)
    assert done.returncode == 1
    assert "cannot be written" in done.stderr and "Traceback" not in done.stderr
