"""The job journal: SQLite in WAL mode, one row per job and one per picked SKU.

The runner commits each batch's outcomes before it sends the next batch, and marks a batch as
sent before the request goes out, so a process killed at any moment leaves a journal from which
`resume` knows exactly which SKUs still need sending and which may already have been applied.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ymdesk import __version__
from ymdesk.core import paths
from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus

BUSY_TIMEOUT_MS = 30_000  # two ymdesk processes may share a journal

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    operation TEXT NOT NULL,
    campaign_id INTEGER,
    business_id INTEGER,
    promo_id TEXT,
    all_offers INTEGER NOT NULL DEFAULT 0,
    source_file TEXT,
    sheet TEXT,
    sku_column TEXT,
    api_url TEXT NOT NULL,
    batch_size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    status TEXT NOT NULL,
    message TEXT,
    version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    sku TEXT NOT NULL,
    raw TEXT NOT NULL,
    row INTEGER,
    outcome TEXT NOT NULL DEFAULT 'pending',
    reason TEXT,
    api_code TEXT,
    http_status INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
-- No index on outcome: every batch rewrites 500 outcomes, and the index made that a third slower:
-- counting a 100k-SKU job without it takes ~20 ms, and only History and summaries count.
"""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class JobRecord:
    id: int
    operation: Operation
    target: Target
    source_file: str | None
    sheet: str | None
    sku_column: str | None
    api_url: str
    batch_size: int
    created_at: str
    started_at: str | None
    finished_at: str | None
    status: JobStatus
    message: Message | None
    version: str


@dataclass(frozen=True)
class ItemRecord:
    seq: int
    sku: str
    raw: str
    row: int | None
    outcome: Outcome
    reason: Message | None
    api_code: str | None
    http_status: int | None
    attempts: int


@dataclass(frozen=True)
class OutcomeUpdate:
    seq: int
    outcome: Outcome
    reason: Message | None = None
    api_code: str | None = None
    http_status: int | None = None


class Journal:
    """One SQLite connection, shared safely between the GUI thread and a worker thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else paths.journal_path()
        paths.touch_private(self.path)
        self._lock = threading.RLock()
        self._db = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
        )
        self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable against process crashes
        self._db.execute("PRAGMA foreign_keys = ON")
        with self._transaction():
            for statement in _statements(SCHEMA):
                self._db.execute(statement)
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            # POSIX only: on Windows chmod merely toggles read-only and the profile's ACL keeps the data folder
            # private. A refusal (Wine: "Sharing violation" on the mapped -shm) must not stop ymdesk starting.
            if os.name == "posix" and side.exists():
                with contextlib.suppress(OSError):
                    side.chmod(0o600)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing

    def create_job(
        self,
        operation: Operation,
        target: Target,
        items: Sequence[JobItem],
        *,
        api_url: str,
        source_file: str | None = None,
        sheet: str | None = None,
        sku_column: str | None = None,
        batch_size: int = 500,
    ) -> int:
        """Record a planned job and every picked SKU; invalid SKUs get their final outcome now."""
        stamp = now_iso()
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO jobs (operation, campaign_id, business_id, promo_id, all_offers, source_file, sheet,"
                " sku_column, api_url, batch_size, created_at, status, version)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    operation.value,
                    target.campaign_id,
                    target.business_id,
                    target.promo_id,
                    int(target.all_offers),
                    source_file,
                    sheet,
                    sku_column,
                    api_url,
                    batch_size,
                    stamp,
                    JobStatus.PLANNED.value,
                    __version__,
                ),
            )
            job_id = int(cursor.lastrowid or 0)
            self._db.executemany(
                "INSERT INTO items (job_id, seq, sku, raw, row, outcome, reason, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    (
                        job_id,
                        seq,
                        item.sku,
                        item.raw,
                        item.row,
                        (Outcome.INVALID if item.invalid else Outcome.PENDING).value,
                        item.invalid,
                        stamp if item.invalid else None,
                    )
                    for seq, item in enumerate(items)
                ),
            )
        return job_id

    def set_status(
        self,
        job_id: int,
        status: JobStatus,
        message: Message | None = None,
        *,
        started: bool = False,
        finished: bool = False,
    ) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE jobs SET status = ?, message = ? WHERE id = ?",
                (status.value, message.to_json() if message else None, job_id),
            )
            if started:
                self._db.execute(
                    "UPDATE jobs SET started_at = COALESCE(started_at, ?), finished_at = NULL WHERE id = ?",
                    (now_iso(), job_id),
                )
            if finished:
                self._db.execute("UPDATE jobs SET finished_at = ? WHERE id = ?", (now_iso(), job_id))

    def mark_sent(self, job_id: int, seqs: Iterable[int]) -> None:
        """Before a request goes out: from now on these SKUs may have been applied."""
        with self._transaction():
            self._db.execute(
                "UPDATE items SET attempts = attempts + 1 WHERE job_id = ? AND seq IN (SELECT value FROM json_each(?))",
                (job_id, json.dumps(list(seqs))),
            )

    def record(self, job_id: int, updates: Iterable[OutcomeUpdate]) -> None:
        """Final outcomes, in one transaction. A batch's outcomes share a few distinct values (most SKUs
        "deleted", the rest a handful of reasons), so it is one UPDATE per distinct value, not per SKU."""
        groups: dict[tuple[str, str | None, str | None, int | None], list[int]] = defaultdict(list)
        for u in updates:
            key = (u.outcome.value, u.reason.to_json() if u.reason else None, u.api_code, u.http_status)
            groups[key].append(u.seq)
        stamp = now_iso()
        with self._transaction():
            for (outcome, reason, code, status), seqs in groups.items():
                self._db.execute(
                    "UPDATE items SET outcome = ?, reason = ?, api_code = ?, http_status = ?, updated_at = ?"
                    " WHERE job_id = ? AND seq IN (SELECT value FROM json_each(?))",
                    (outcome, reason, code, status, stamp, job_id, json.dumps(seqs)),
                )

    # -- reading

    def job(self, job_id: int) -> JobRecord:
        with self._lock:
            row = self._db.execute(f"SELECT {_JOB_COLUMNS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        if row is None:
            raise KeyError(job_id)
        return _job_record(row)

    def jobs(self) -> list[JobRecord]:
        with self._lock:
            rows = self._db.execute(f"SELECT {_JOB_COLUMNS} FROM jobs ORDER BY id DESC").fetchall()
        return [_job_record(r) for r in rows]

    def to_send(self, job_id: int) -> list[tuple[int, str, int]]:
        """(seq, sku, attempts) of the SKUs without a final outcome, in file order."""
        with self._lock:
            return self._db.execute(
                "SELECT seq, sku, attempts FROM items WHERE job_id = ? AND outcome IN (?, ?) ORDER BY seq",
                (job_id, Outcome.PENDING.value, Outcome.CANCELLED.value),
            ).fetchall()

    def counts(self, job_id: int) -> dict[Outcome, int]:
        with self._lock:
            rows = self._db.execute(
                "SELECT outcome, COUNT(*) FROM items WHERE job_id = ? GROUP BY outcome", (job_id,)
            ).fetchall()
        return {Outcome(o): n for o, n in rows}

    def items(self, job_id: int, *, failed_only: bool = False) -> Iterator[ItemRecord]:
        """Every SKU of a job in file order; `failed_only` leaves out the deleted ones."""
        query = (
            "SELECT seq, sku, raw, row, outcome, reason, api_code, http_status, attempts FROM items"
            " WHERE job_id = ?" + (" AND outcome != 'deleted'" if failed_only else "") + " ORDER BY seq"
        )
        with self._lock:
            rows = self._db.execute(query, (job_id,)).fetchall()
        for seq, sku, raw, row, outcome, reason, code, status, attempts in rows:
            yield ItemRecord(
                seq,
                sku,
                raw,
                row,
                Outcome(outcome),
                Message.from_json(reason) if reason else None,
                code,
                status,
                attempts,
            )

    def integrity_ok(self) -> bool:
        with self._lock:
            return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # -- plumbing

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db, self._lock)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT under the journal's lock; ROLLBACK on error."""

    def __init__(self, db: sqlite3.Connection, lock: threading.RLock) -> None:
        self._db, self._lock = db, lock

    def __enter__(self) -> None:
        self._lock.acquire()
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, exc_type: object, *rest: object) -> None:
        try:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")
        finally:
            self._lock.release()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


_JOB_COLUMNS = (
    "id, operation, campaign_id, business_id, promo_id, all_offers, source_file, sheet, sku_column,"
    " api_url, batch_size, created_at, started_at, finished_at, status, message, version"
)


def _job_record(row: tuple[Any, ...]) -> JobRecord:
    (
        job_id,
        operation,
        campaign_id,
        business_id,
        promo_id,
        all_offers,
        source_file,
        sheet,
        sku_column,
        api_url,
        batch_size,
        created_at,
        started_at,
        finished_at,
        status,
        message,
        version,
    ) = row
    return JobRecord(
        id=int(job_id),
        operation=Operation(str(operation)),
        target=Target(campaign_id, business_id, promo_id, bool(all_offers)),
        source_file=source_file,
        sheet=sheet,
        sku_column=sku_column,
        api_url=str(api_url),
        batch_size=int(batch_size),
        created_at=str(created_at),
        started_at=started_at,
        finished_at=finished_at,
        status=JobStatus(str(status)),
        message=Message.from_json(str(message)) if message else None,
        version=str(version),
    )
