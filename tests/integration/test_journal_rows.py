"""Journal format 3: a job's rows are kept as runs (item_rows) instead of one per item. Real SQLite files:
a format-2 journal is migrated in place and its job resumes on the simulator over a real socket; rows of
every shape (gaps, no rows, a mix) read back exactly as recorded."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.job_runs import run_job
from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, JobItems, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus
from ymdesk.core.runs.journal import MIGRATIONS, Journal, OutcomeUpdate, row_runs
from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID, Limits, MarketSimulator, build_demo_state

SKUS = [f"SKU-{i:05d}" for i in range(30)]
# Rows with gaps (a repeat left out at 6, unpicked rows after 20), as a catalog's picked rows are.
ROWS = [*range(2, 6), *range(7, 20), *range(40, 53)]


def journal_format_2(path: Path) -> Path:
    """A journal as the previous ymdesk (format 2) wrote it: its own migrations, then a job recorded the way it
    recorded one (every item's row in items.row), 10 of its SKUs already answered."""
    db = sqlite3.connect(path, isolation_level=None)
    for migrate in MIGRATIONS[:2]:
        migrate(db)
    db.execute("PRAGMA user_version = 2")
    db.execute(
        "INSERT INTO jobs (operation, campaign_id, api_url, batch_size, created_at, status, version)"
        " VALUES ('delete-offers', ?, 'http://127.0.0.1:1', 5, '2026-11-29T20:00:00+00:00', 'stopped', '0.2.0')",
        (DEMO_FBS_CAMPAIGN_ID,),
    )
    db.executemany(
        "INSERT INTO items (job_id, seq, sku, raw, row, outcome, attempts) VALUES (1, ?, ?, ?, ?, ?, ?)",
        [
            (seq, sku, f" {sku} " if seq == 3 else sku, row, "deleted" if seq < 10 else "pending", int(seq < 10))
            for seq, (sku, row) in enumerate(zip(SKUS, ROWS, strict=True))
        ],
    )
    db.close()
    return path


def test_a_format_2_journal_migrates_to_3_keeps_its_rows_and_its_job_resumes(tmp_path):
    path = journal_format_2(tmp_path / "journal.sqlite3")
    state = build_demo_state(SKUS)
    with MarketSimulator(state, limits=Limits.unlimited()) as sim, Journal(path) as journal:
        assert journal.schema_version() == 3
        before = [(i.seq, i.sku, i.raw, i.row) for i in journal.items(1)]
        assert before == [
            (seq, sku, f" {sku} " if seq == 3 else sku, row)
            for seq, (sku, row) in enumerate(zip(SKUS, ROWS, strict=True))
        ]
        assert [seq for seq, _sku, _attempts in journal.to_send(1)] == list(range(10, 30))
        finished, _ = run_job(journal, sim.url, 1)
        assert finished.status is JobStatus.DONE
        sent = [sku for r in sim.records() if "/offers/delete" in r.path for sku in r.offer_ids]
        assert sent == SKUS[10:]  # each unsent SKU exactly once, none of the answered ones again
        after = list(journal.items(1))
        store = sim.state.campaigns[DEMO_FBS_CAMPAIGN_ID]
        assert [i.outcome for i in after[:10]] == [Outcome.DELETED] * 10
        # Every resumed SKU ends with one final outcome, the one the store shows (some are not in this store or held).
        assert all(i.outcome in (Outcome.DELETED, Outcome.NOT_DELETED) for i in after[10:])
        assert not {i.sku for i in after[10:] if i.outcome is Outcome.DELETED} & set(store.offers)
        assert [(i.seq, i.sku, i.raw, i.row) for i in after] == before
        assert sum(journal.counts(1).values()) == 30
        # A new job in the migrated journal is written the new way and reads back the same.
        job_id = journal.create_job(
            Operation.DELETE_OFFERS,
            Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
            [JobItem(sku, sku, row) for sku, row in zip(SKUS, ROWS, strict=True)],
            api_url=sim.url,
        )
        assert [(i.sku, i.row) for i in journal.items(job_id)] == list(zip(SKUS, ROWS, strict=True))
        assert journal.integrity_ok()
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
        assert db.execute("SELECT COUNT(*) FROM item_rows WHERE job_id = 1").fetchone()[0] == 0
        assert db.execute("SELECT seq, row FROM item_rows WHERE job_id = ? ORDER BY seq", (job_id,)).fetchall() == [
            (0, 2),
            (4, 7),
            (17, 40),
        ]
        explicit = db.execute("SELECT COUNT(*) FROM items WHERE job_id = ? AND row IS NOT NULL", (job_id,))
        assert explicit.fetchone()[0] == 0
    finally:
        db.close()


@pytest.mark.parametrize(
    "rows",
    [
        [2, 3, 4, 5],
        [10, 12, 13, 20, 21, 22, 5, 6],  # gaps, and a row lower than the one before
        [None, None, None],
        [None, 4, 5, None, None, 9, 10, 10],  # no row, rows, no row again, the same row twice
        [7],
        [],
    ],
)
def test_rows_of_any_shape_read_back_exactly_and_failed_only_keeps_them(tmp_path, rows):
    skus = [f"A{i}" for i in range(len(rows))]
    invalid = {1: Message("Skus", "bad").to_json()} if len(rows) > 1 else {}
    items = JobItems(skus, rows, invalid=invalid)
    with Journal(tmp_path / "journal.sqlite3") as journal:
        job_id = journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=5), items, api_url="http://127.0.0.1:1")
        assert [(i.seq, i.sku, i.row) for i in journal.items(job_id)] == [
            (seq, sku, row) for seq, (sku, row) in enumerate(zip(skus, rows, strict=True))
        ]
        failed = [(i.seq, i.row, i.outcome) for i in journal.items(job_id, failed_only=True)]
        assert [(seq, row) for seq, row, _ in failed] == list(enumerate(rows))
        assert [outcome for seq, _, outcome in failed if seq in invalid] == [Outcome.INVALID] * len(invalid)


def test_row_runs_are_the_starts_of_each_run_counting_up_by_one():
    assert row_runs([]) == []
    assert row_runs([2, 3, 4, 6, 7, 8, 100]) == [(0, 2), (3, 6), (6, 100)]
    assert row_runs([None, None, 4, 5, None]) == [(0, None), (2, 4), (4, None)]
    assert row_runs([5, 5, 6]) == [(0, 5), (1, 5)]
    big = list(range(2, 1_000_002))
    del big[500_000]
    assert row_runs(big) == [(0, 2), (500_000, 500_003)]


def test_raw_is_stored_only_where_the_cell_is_not_its_sku_and_reads_back_the_same(tmp_path):
    path = journal_format_2(tmp_path / "journal.sqlite3")
    items = JobItems(
        ["A1", "B2", ""], [2, 3, 4], raws={1: "  B2 ", 2: "   "}, invalid={2: Message("Skus", "x").to_json()}
    )
    with Journal(path) as journal:
        job_id = journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=5), items, api_url="http://127.0.0.1:1")
        assert [(i.sku, i.raw) for i in journal.items(job_id)] == [("A1", "A1"), ("B2", "  B2 "), ("", "   ")]
        assert [i.raw for i in journal.items(1)][2:5] == ["SKU-00002", " SKU-00003 ", "SKU-00004"]
    db = sqlite3.connect(path)
    try:
        # The migration dropped the copies from the old job too: only the one cell with spaces is stored.
        assert db.execute("SELECT seq, raw FROM items WHERE job_id = 1 AND raw IS NOT NULL").fetchall() == [
            (3, " SKU-00003 ")
        ]
        stored = db.execute("SELECT seq, raw FROM items WHERE job_id = ? AND raw IS NOT NULL", (job_id,))
        assert stored.fetchall() == [(1, "  B2 "), (2, "   ")]
    finally:
        db.close()


def test_the_quick_check_runs_again_only_after_another_connection_wrote(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        checks: list[str] = []
        journal._db.set_trace_callback(lambda sql: checks.append(sql) if "quick_check" in sql else None)
        journal.quick_check()
        journal.quick_check()
        assert len(checks) == 1
        # This connection's own writes (a job recorded) need no new check: the run's check is free.
        journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=5), [JobItem("a", "a", 2)], api_url="x")
        journal.quick_check()
        assert len(checks) == 1
        other = sqlite3.connect(path)
        other.execute("INSERT INTO rate_sends (resource, at, units) VALUES ('r', 1.0, 1)")
        other.commit()
        other.close()
        journal.quick_check()  # another process wrote: checked again
        assert len(checks) == 2


def test_a_job_left_in_the_wal_survives_a_crash_and_the_first_answer_checkpoints_it(tmp_path):
    """create_job leaves the job's pages in the WAL (no checkpoint before the first request): a process killed
    right after recording it (os._exit, no close) leaves every SKU there; the first recorded answer copies
    the WAL into the file (SQLite checkpoints once the WAL holds 1000 pages: 150k SKUs are about 6 MB)."""
    path = tmp_path / "journal.sqlite3"
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from ymdesk.core.model import JobItems, Operation, Target\n"
        "from ymdesk.core.runs.journal import Journal\n"
        "journal = Journal(Path(sys.argv[1]))\n"
        "skus = [f'S{i:06d}' for i in range(150_000)]\n"
        "items = JobItems(skus, list(range(2, 150_002)))\n"
        "journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=5), items, api_url='http://127.0.0.1:1')\n"
        "print(Path(sys.argv[1]).stat().st_size, Path(sys.argv[1] + '-wal').stat().st_size, flush=True)\n"
        "os._exit(9)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, env=env)
    assert done.returncode == 9, done.stderr
    file_size, wal_size = (int(v) for v in done.stdout.split())
    assert wal_size > 10 * file_size  # the job is in the WAL, not yet in the file
    with Journal(path) as journal:
        items = list(journal.items(1))
        assert [(i.sku, i.row) for i in items] == [(f"S{i:06d}", i + 2) for i in range(150_000)]
        assert journal.counts(1) == {Outcome.PENDING: 150_000} and journal.integrity_ok()
        job_id = journal.create_job(
            Operation.DELETE_OFFERS, Target(campaign_id=5), JobItems(["a", "b"], [2, 3]), api_url="x"
        )
        journal.mark_sent(job_id, [0])
        before = path.stat().st_size
        journal.record(job_id, [OutcomeUpdate(0, Outcome.DELETED)])
        after = path.stat().st_size
        assert before == file_size and after > wal_size // 2  # the answer's commit copied the WAL into the file
        assert journal.counts(job_id) == {Outcome.DELETED: 1, Outcome.PENDING: 1}
