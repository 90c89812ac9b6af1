"""The journal's schema versions: a journal written by ymdesk 0.1.0 opens in this version, migrated in place,
and its interrupted job resumes against the simulator on a real socket."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers.job_runs import run_job
from ymdesk.core.messages import UserError
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus
from ymdesk.core.runs.journal import MIGRATIONS, SCHEMA_VERSION, Journal
from ymdesk.core.simulator import DEMO_FBS_CAMPAIGN_ID, Limits, MarketSimulator, build_demo_state

OLD_JOURNAL_SQL = Path(__file__).parents[1] / "data" / "journal-0.1.0.sql"
SKUS = [f"SKU-{i:05d}" for i in range(12)]


def journal_0_1_0(path: Path) -> Path:
    """The file exactly as ymdesk 0.1.0 left it (made by 0.1.0's own Journal, kept as a SQL dump)."""
    db = sqlite3.connect(path)
    db.executescript(OLD_JOURNAL_SQL.read_text(encoding="utf-8"))
    db.close()
    return path


def user_version(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()


def tables(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        db.close()


def table_definitions(db: sqlite3.Connection) -> dict[str, object]:
    """Each table as SQLite reads it: columns (name, type, NOT NULL, default, key), foreign keys, rowid or not."""
    names = [
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    return {
        name: (
            db.execute(f"PRAGMA table_xinfo({name})").fetchall(),
            db.execute(f"PRAGMA foreign_key_list({name})").fetchall(),
            db.execute("SELECT wr FROM pragma_table_list WHERE name = ?", (name,)).fetchone(),
        )
        for name in names
    }


def test_the_0_1_0_tables_are_format_1_column_for_column(tmp_path):
    old = sqlite3.connect(journal_0_1_0(tmp_path / "old.sqlite3"))
    new = sqlite3.connect(tmp_path / "format-1.sqlite3")
    MIGRATIONS[0](new)
    try:
        assert table_definitions(old) == table_definitions(new)
        assert set(table_definitions(old)) == {"jobs", "items"}
    finally:
        old.close()
        new.close()


def test_a_0_1_0_journal_is_migrated_in_place_and_says_what_was_sent(tmp_path):
    path = journal_0_1_0(tmp_path / "journal.sqlite3")
    assert user_version(path) == 0 and "leases" not in tables(path)

    with Journal(path) as journal:
        assert journal.schema_version() == SCHEMA_VERSION == 3
        jobs = {job.id: job for job in journal.jobs()}
        assert sorted(jobs) == [1, 2, 3]
        assert all(job.target_name is None and job.version == "0.1.0" for job in jobs.values())
        assert jobs[1].status is JobStatus.DONE and journal.counts(1) == {Outcome.DELETED: 4}
        assert jobs[2].status is JobStatus.RUNNING and jobs[2].target == Target(campaign_id=DEMO_FBS_CAMPAIGN_ID)
        items = {i.seq: i for i in journal.items(2)}
        # Batch 2 went out and no answer was recorded: 0.1.0 left it "pending"; it is "sent, no answer" now.
        assert [items[s].outcome for s in range(4, 8)] == [Outcome.UNANSWERED] * 4
        reasons = [items[s].reason for s in range(4, 8)]
        assert all(r is not None and "may have been applied" in r.english() for r in reasons)
        assert [items[s].outcome for s in range(8, 12)] == [Outcome.PENDING] * 4
        assert items[12].outcome is Outcome.INVALID and items[2].outcome is Outcome.NOT_DELETED
        assert [seq for seq, _sku, _attempts in journal.to_send(2)] == list(range(4, 12))
        # Job 3 was cancelled before anything went out: still "cancelled", still to send.
        assert journal.counts(3) == {Outcome.CANCELLED: 6} and len(journal.to_send(3)) == 6
        assert journal.integrity_ok()
    assert user_version(path) == 3
    assert {"jobs", "items", "leases", "rate_state", "rate_sends", "in_flight", "item_rows"} <= tables(path)

    # Opening it again changes nothing.
    with Journal(path) as journal:
        assert journal.schema_version() == 3 and len(journal.jobs()) == 3
        assert journal.counts(2)[Outcome.UNANSWERED] == 4


def test_the_interrupted_0_1_0_job_resumes_to_the_end(tmp_path):
    path = journal_0_1_0(tmp_path / "journal.sqlite3")
    state = build_demo_state(SKUS)
    with MarketSimulator(state, limits=Limits.unlimited()) as sim, Journal(path) as journal:
        store = sim.state.campaigns[DEMO_FBS_CAMPAIGN_ID]
        before = set(store.offers)
        finished, _ = run_job(journal, sim.url, 2)
        assert finished.status is JobStatus.DONE
        items = {i.seq: i for i in journal.items(2)}
        assert not any(i.outcome.needs_sending for i in items.values())
        sent = {sku for r in sim.records() if "/offers/delete" in r.path for sku in r.offer_ids}
        # The never-sent SKUs go out; the unanswered batch is read back (and sent again only if not applied).
        assert set(SKUS[8:12]) <= sent <= set(SKUS[4:12])
        for seq in range(4, 12):
            sku = SKUS[seq]
            if items[seq].outcome is Outcome.DELETED:  # sent now, or read back as gone after the lost request
                assert sku not in store.offers and (sku in before or seq < 8)
            else:
                assert items[seq].outcome is Outcome.NOT_DELETED and sku not in store.offers
        assert [items[s].attempts for s in range(8, 12)] == [1] * 4
        assert journal.job(2).status is JobStatus.DONE


def test_a_fresh_journal_has_the_new_schema_and_keeps_target_names(tmp_path):
    with Journal(tmp_path / "journal.sqlite3") as journal:
        assert journal.schema_version() == 3
        job_id = journal.create_job(
            Operation.DELETE_OFFERS,
            Target(campaign_id=5),
            [JobItem("a", "a", 2)],
            api_url="http://127.0.0.1:1",
            target_name="Демо-магазин FBS",
        )
        assert journal.job(job_id).target_name == "Демо-магазин FBS"


def test_a_journal_from_a_newer_ymdesk_is_refused_untouched(tmp_path):
    path = tmp_path / "journal.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE future (x)")
    db.execute("PRAGMA user_version = 9")
    db.commit()
    db.close()
    with pytest.raises(UserError) as caught:
        Journal(path)
    assert "newer ymdesk" in caught.value.message.english()
    assert user_version(path) == 9 and tables(path) == {"future"}
