"""The job journal: SQLite in WAL mode, one row per job and one per picked SKU.

The runner commits each batch's outcomes before it sends the next batch, and marks a batch as
sent before the request goes out, so a process killed at any moment leaves a journal from which
`resume` knows exactly which SKUs still need sending and which may already have been applied.
"""

from __future__ import annotations

import bisect
import contextlib
import errno
import json
import logging
import os
import socket
import sqlite3
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ymdesk import __version__
from ymdesk.core import paths
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, UserError
from ymdesk.core.model import RETRIABLE_STATUSES, JobItem, JobItems, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus

UNTIL_SLACK = 0.05  # as ratelimit.UNTIL_SLACK
BUSY_TIMEOUT_MS = 30_000  # two ymdesk processes may share a journal
BUSY_TIMEOUT_ENV = "YMDESK_JOURNAL_BUSY_MS"  # a shorter wait for a locked journal (tests)
# A lease whose process is on another host counts as dead when its heartbeat is older than this (a request
# takes at most a minute, and the runner renews the heartbeat between requests and every second of a wait).
LEASE_STALE_SECONDS = 180.0
log = logging.getLogger(__name__)

# PRAGMA user_version of the journal this ymdesk writes. 0 is a journal written by ymdesk 0.1.0 (or a new,
# empty file); MIGRATIONS[n] takes version n to n + 1, each in one transaction with its version bump.
SCHEMA_VERSION = 3


def _items_table(name: str, raw: str) -> str:
    """The items table: format 1 (0.1.0) and format 3 differ only in whether `raw` may be NULL."""
    return f"""CREATE TABLE IF NOT EXISTS {name} (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    sku TEXT NOT NULL,
    raw {raw},
    row INTEGER,
    outcome TEXT NOT NULL DEFAULT 'pending',
    reason TEXT,
    api_code TEXT,
    http_status INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT,
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID"""


_SCHEMA_0_1_0 = """
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
{items};
-- No index on outcome: every batch rewrites 500 outcomes, and the index made that a third slower:
-- counting a 100k-SKU job without it takes ~20 ms, and only History and summaries count.
""".format(items=_items_table("items", raw="TEXT NOT NULL"))

# Reason recorded for SKUs that went out without a readable answer (also on SKUs a 0.1.0 journal left
# pending or "cancelled" after sending them: 0.1.0 called those "Not sent", which was not true).
UNANSWERED_TEXT = QT_TRANSLATE_NOOP(
    "Runner", "Sent, but Market's answer never arrived or could not be read; the request may have been applied."
)

_SCHEMA_2 = """
ALTER TABLE jobs ADD COLUMN target_name TEXT;
-- One process per job: the process running a job holds its lease and renews the heartbeat.
CREATE TABLE IF NOT EXISTS leases (
    job_id INTEGER PRIMARY KEY,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    token TEXT NOT NULL,
    heartbeat REAL NOT NULL
);
-- Pacing shared by every process using this journal: what Market's rate-limit headers last said per
-- resource (an operation on one store or business) and the sends made in the local window.
CREATE TABLE IF NOT EXISTS rate_state (
    resource TEXT PRIMARY KEY,
    remaining INTEGER,
    until REAL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS rate_sends (
    resource TEXT NOT NULL,
    at REAL NOT NULL,
    units INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_sends_by_resource ON rate_sends (resource, at);
-- Requests in flight per API key (keyed by a digest of the key, never the key): Market allows two.
CREATE TABLE IF NOT EXISTS in_flight (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    job_id INTEGER,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started REAL NOT NULL,
    expires REAL NOT NULL
);
"""


def _migrate_0_to_1(db: sqlite3.Connection) -> None:
    """Version 1 is 0.1.0's schema: created on a new file, already there in a 0.1.0 journal."""
    for statement in _statements(_SCHEMA_0_1_0):
        db.execute(statement)


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    for statement in _statements(_SCHEMA_2):
        db.execute(statement)
    db.execute(
        "UPDATE items SET outcome = 'unanswered', reason = ?"
        " WHERE outcome IN ('pending', 'cancelled') AND attempts > 0",
        (Message("Runner", UNANSWERED_TEXT).to_json(),),
    )


_SCHEMA_3 = """
-- A job's rows (the sheet row or CSV line of each item) as runs: from `seq` on, the items' rows count up by one
-- from `row` (NULL: the items from `seq` on have no row). A job written since format 3 keeps its rows here,
-- with items.row NULL, while an older job keeps them in items.row and has no runs. Writing 1M rows into items cost
-- 0.5 s of the job's start, and a catalog's picked rows are a few runs (a gap at each repeat or unpicked row).
CREATE TABLE IF NOT EXISTS item_rows (
    job_id INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    row INTEGER,
    PRIMARY KEY (job_id, seq)
) WITHOUT ROWID;
"""


# items as of format 3: `raw` is NULL where the cell is the SKU itself (nearly every item: writing each SKU twice
# cost 0.2 s per 1M of a job's start, and 13 MB); readers take COALESCE(raw, sku).
_ITEMS_3 = _items_table("items_3", raw="TEXT")


def _migrate_2_to_3(db: sqlite3.Connection) -> None:
    """SQLite cannot drop a NOT NULL: the items table is copied (once; about 2 s per 1M items recorded)."""
    for statement in _statements(_SCHEMA_3):
        db.execute(statement)
    db.execute(_ITEMS_3)
    db.execute(
        "INSERT INTO items_3 SELECT job_id, seq, sku, NULLIF(raw, sku), row, outcome, reason, api_code,"
        " http_status, attempts, updated_at FROM items"
    )
    db.execute("DROP TABLE items")
    db.execute("ALTER TABLE items_3 RENAME TO items")


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_0_to_1, _migrate_1_to_2, _migrate_2_to_3)
assert len(MIGRATIONS) == SCHEMA_VERSION


class JournalError(UserError):
    """The journal cannot be used: one clear line and the exit code the CLI contract gives it (2 when the data
    folder cannot be written at all, so nothing could start; 3 when a run stopped or could not start)."""

    def __init__(self, message: Message, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class JobBusyError(UserError):
    """Another live process holds the job's lease."""

    def __init__(self, message: Message, pid: int, host: str) -> None:
        super().__init__(message)
        self.pid, self.host = pid, host


# What the person reads when the journal fails, by kind of failure, and the exit code (2: fix it, nothing was sent).
_FAILURES: dict[str, tuple[str, int]] = {
    "read_only": (
        QT_TRANSLATE_NOOP(
            "Journal",
            "The data folder {folder} cannot be written ({reason}); nothing was sent. Make it writable, or point "
            "YMDESK_HOME at a folder that is.",
        ),
        2,
    ),
    "full": (
        QT_TRANSLATE_NOOP(
            "Journal",
            "The disk holding the journal {path} is full; nothing more was sent. The batch in flight is recorded "
            "as sent without an answer: free some space, then resume the job.",
        ),
        3,
    ),
    "locked": (
        QT_TRANSLATE_NOOP(
            "Journal",
            "The journal {path} is locked by another program; nothing more was sent. Close that program (a "
            "database viewer, a backup or sync tool), then resume the job.",
        ),
        3,
    ),
    "cannot_open": (
        QT_TRANSLATE_NOOP(
            "Journal",
            "The journal {path} cannot be opened ({reason}); nothing was sent. Check that its folder exists "
            "and can be written, or point YMDESK_HOME at one that can.",
        ),
        2,
    ),
    "other": (QT_TRANSLATE_NOOP("Journal", "The journal {path} failed ({reason}); nothing more was sent."), 3),
}


def journal_error(error: BaseException, path: Path) -> JournalError:
    """What an SQLite or OS error on the journal means for the person, by its SQLite error code."""
    kind = _failure_kind(error)
    if kind == "corrupt":
        return corrupt_journal_error(path, str(error))
    text, code = _FAILURES[kind]
    return JournalError(
        Message("Journal", text).with_args(folder=str(path.parent), path=str(path), reason=str(error)), code
    )


def _failure_kind(error: BaseException) -> str:
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    number = error.errno if isinstance(error, OSError) else None
    if (
        isinstance(error, PermissionError | IsADirectoryError)
        or "READONLY" in name
        or "readonly" in text
        or number in (errno.EROFS, errno.EACCES, errno.EPERM)
    ):
        return "read_only"
    if "FULL" in name or "disk is full" in text or number == errno.ENOSPC:
        return "full"
    if "BUSY" in name or "LOCKED" in name or "locked" in text:
        return "locked"
    if "CORRUPT" in name or "NOTADB" in name or "malformed" in text or "not a database" in text:
        return "corrupt"
    if "CANTOPEN" in name or "unable to open" in text:
        return "cannot_open"
    return "other"


def corrupt_journal_error(path: Path, detail: str) -> JournalError:
    aside = path.with_name(path.name + ".damaged")
    return JournalError(
        Message.translate(
            "Journal",
            "The journal {path} is damaged ({detail}); nothing was sent. Move it aside (rename it to {aside}, with "
            "its -wal and -shm files if they are there) and ymdesk starts a new one; the old one keeps what it held.",
        ).with_args(path=str(path), detail=detail[:200], aside=aside.name),
        3,
    )


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
    target_name: str | None = None  # the store or promo as shown to the person, e.g. «Демо-магазин FBS»


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
        self._lock = threading.RLock()
        self._checked_at: int | None = None  # PRAGMA data_version when quick_check last passed
        self._checkpoint_deferred = False
        busy = _busy_timeout_ms()
        try:
            paths.touch_private(self.path)
            self._db = sqlite3.connect(self.path, timeout=busy / 1000, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise journal_error(error, self.path) from error
        try:
            self._db.execute(f"PRAGMA busy_timeout = {busy}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: durable against process crashes
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.Error as error:
            self._db.close()
            raise journal_error(error, self.path) from error
        except BaseException:
            self._db.close()
            raise
        for suffix in ("-wal", "-shm"):
            side = Path(str(self.path) + suffix)
            # POSIX only: on Windows chmod merely toggles read-only and the profile's ACL keeps the data folder
            # private. A refusal (Wine: "Sharing violation" on the mapped -shm) must not stop ymdesk starting.
            if os.name == "posix" and side.exists():
                with contextlib.suppress(OSError):
                    side.chmod(0o600)

    def _migrate(self) -> None:
        """Bring the file to SCHEMA_VERSION, one transaction per step (a crash leaves a whole version)."""
        while True:
            with self._transaction():
                version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
                if version > SCHEMA_VERSION:
                    raise UserError(
                        Message.translate(
                            "Journal",
                            "The journal {path} was written by a newer ymdesk (format {found}, this one knows "
                            "{known}); update ymdesk.",
                        ).with_args(path=str(self.path), found=version, known=SCHEMA_VERSION)
                    )
                if version == SCHEMA_VERSION:
                    return
                MIGRATIONS[version](self._db)
                self._db.execute(f"PRAGMA user_version = {version + 1}")
                log.info("journal %s migrated to format %s", self.path, version + 1)

    def quick_check(self) -> None:
        """PRAGMA quick_check before a job starts: a damaged journal stops it with how to move the file aside.
        The check reads the whole file (0.2 s per 1M items recorded); it is not repeated while only this
        connection has written since the last check passed (PRAGMA data_version: another process's commit
        changes it), so a new job is checked before it is recorded and not again when its run starts."""
        try:
            with self._lock:
                version = self._db.execute("PRAGMA data_version").fetchone()[0]
                if version == self._checked_at:
                    return
                rows = self._db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.Error as error:
            raise journal_error(error, self.path) from error
        if [r[0] for r in rows] != ["ok"]:
            raise corrupt_journal_error(self.path, "; ".join(str(r[0]) for r in rows[:3]))
        self._checked_at = version

    # -- one process per job

    def acquire_lease(self, job_id: int) -> str:
        """Take the job for this process, or raise JobBusyError naming the live process that holds it. A lease
        left by a dead process (same host: its pid is gone; another host: no heartbeat for a while) is taken."""
        token = uuid.uuid4().hex
        host = socket.gethostname()
        with self._transaction():
            row = self._db.execute("SELECT pid, host, heartbeat FROM leases WHERE job_id = ?", (job_id,)).fetchone()
            if row is not None and _holder_alive(int(row[0]), str(row[1]), float(row[2])):
                pid, holder = int(row[0]), str(row[1])
                raise JobBusyError(
                    Message.translate(
                        "Journal",
                        "Job {job} is being run by another ymdesk (process {pid} on {host}); wait for it to finish, "
                        "or stop that process, then resume.",
                    ).with_args(job=job_id, pid=pid, host=holder),
                    pid,
                    holder,
                )
            self._db.execute(
                "INSERT OR REPLACE INTO leases (job_id, pid, host, token, heartbeat) VALUES (?,?,?,?,?)",
                (job_id, os.getpid(), host, token, time.time()),
            )
        return token

    def renew_lease(self, job_id: int, token: str) -> None:
        with self._transaction():
            self._db.execute(
                "UPDATE leases SET heartbeat = ? WHERE job_id = ? AND token = ?", (time.time(), job_id, token)
            )

    def release_lease(self, job_id: int, token: str) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM leases WHERE job_id = ? AND token = ?", (job_id, token))

    def lease_holder(self, job_id: int) -> tuple[int, str] | None:
        """(pid, host) of the live process running the job, if any."""
        with self._lock:
            row = self._db.execute("SELECT pid, host, heartbeat FROM leases WHERE job_id = ?", (job_id,)).fetchone()
        if row is None or not _holder_alive(int(row[0]), str(row[1]), float(row[2])):
            return None
        return int(row[0]), str(row[1])

    # -- pacing and requests in flight, shared by every process using this journal

    def pacing_delay(self, resource: str, cost: int, amount: int, window: float, wall: float) -> tuple[float, int]:
        """(0, a reservation) with `cost` units reserved for a send now, or (seconds to wait, 0). While Market's
        headers are known (Remaining, Until) they are the truth, less what was reserved since; else a sliding
        window over every process's sends. A reservation is open (negative units) until its answer is in."""
        with self._transaction():
            self._db.execute("DELETE FROM rate_sends WHERE resource = ? AND at <= ?", (resource, wall - window))
            row = self._db.execute("SELECT remaining, until FROM rate_state WHERE resource = ?", (resource,)).fetchone()
            if row is not None and row[0] is not None and row[1] is not None and float(row[1]) > wall:
                remaining, until = int(row[0]), float(row[1])
                if remaining < cost:
                    return until - wall + UNTIL_SLACK, 0
                self._db.execute("UPDATE rate_state SET remaining = ? WHERE resource = ?", (remaining - cost, resource))
                return 0.0, self._reserve(resource, wall, cost)
            sends = self._db.execute(
                "SELECT at, ABS(units) FROM rate_sends WHERE resource = ? ORDER BY at", (resource,)
            ).fetchall()
            used = sum(int(units) for _at, units in sends)
            if used + cost <= amount:
                return 0.0, self._reserve(resource, wall, cost)
            excess, freed = used + cost - amount, 0
            for at, units in sends:
                freed += int(units)
                if freed >= excess:
                    return max(0.0, float(at) + window - wall), 0
            return window, 0

    def _reserve(self, resource: str, wall: float, cost: int) -> int:
        cursor = self._db.execute("INSERT INTO rate_sends VALUES (?,?,?)", (resource, wall, -cost))
        return int(cursor.lastrowid or 0)

    def pacing_answer(
        self, resource: str, remaining: int | None, until: float | None, wall: float, reservation: int = 0
    ) -> None:
        """Market answered the request of `reservation`. Its Remaining does not know the requests other
        processes have reserved and not yet had answered: they are taken off it."""
        with self._transaction():
            if reservation:
                self._db.execute("UPDATE rate_sends SET units = ABS(units) WHERE rowid = ?", (reservation,))
            if remaining is None or until is None:
                self._db.execute("DELETE FROM rate_state WHERE resource = ?", (resource,))
                return
            out = self._db.execute(
                "SELECT COALESCE(SUM(-units), 0) FROM rate_sends WHERE resource = ? AND units < 0", (resource,)
            ).fetchone()[0]
            left = max(0, remaining - int(out))
            # Within one window Remaining only goes down. Two processes' answers can arrive in the other order
            # than Market counted them: the later-counted one's lower Remaining must not be raised by the other.
            # (Until is read against Date, whose resolution is a second: one window's Untils differ by less.)
            known = self._db.execute("SELECT remaining, until FROM rate_state WHERE resource = ?", (resource,))
            row = known.fetchone()
            if row is not None and row[0] is not None and row[1] is not None and abs(float(row[1]) - until) < 1.0:
                left = min(left, int(row[0]))
            self._db.execute(
                "INSERT OR REPLACE INTO rate_state (resource, remaining, until, updated) VALUES (?,?,?,?)",
                (resource, left, until, wall),
            )

    def take_request_slot(self, key: str, job_id: int, limit: int, lifetime: float) -> int | None:
        """A slot for one request with API key `key` (a digest), or None when `limit` are in flight already.
        Slots of dead processes, and slots older than a request can live, do not count."""
        now = time.time()
        host = socket.gethostname()
        with self._transaction():
            self._db.execute("DELETE FROM in_flight WHERE expires < ?", (now,))
            rows = self._db.execute("SELECT id, pid, host FROM in_flight WHERE key = ?", (key,)).fetchall()
            live = 0
            for slot, pid, holder in rows:
                if holder == host and int(pid) != os.getpid() and not _pid_alive(int(pid)):
                    self._db.execute("DELETE FROM in_flight WHERE id = ?", (slot,))
                else:
                    live += 1
            if live >= limit:
                return None
            cursor = self._db.execute(
                "INSERT INTO in_flight (key, job_id, pid, host, started, expires) VALUES (?,?,?,?,?,?)",
                (key, job_id, os.getpid(), host, now, now + lifetime),
            )
            return int(cursor.lastrowid or 0)

    def release_request_slot(self, slot: int) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM in_flight WHERE id = ?", (slot,))

    def schema_version(self) -> int:
        with self._lock:
            return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._resume_checkpoints()
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
        target_name: str | None = None,
    ) -> int:
        """Record a planned job and every picked SKU; invalid SKUs get their final outcome now."""
        stamp = now_iso()
        # The commit of a big job would copy it from the WAL into the file at once (the automatic checkpoint:
        # 0.1 s per 1M SKUs) before the first request; it is left to the first recorded answer (`record`).
        # The committed job is in the WAL either way: durable as any commit.
        with self._lock:
            self._db.execute("PRAGMA wal_autocheckpoint = 0")
            self._checkpoint_deferred = True
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO jobs (operation, campaign_id, business_id, promo_id, all_offers, source_file, sheet,"
                " sku_column, api_url, batch_size, created_at, status, version, target_name)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                    target_name,
                ),
            )
            job_id = int(cursor.lastrowid or 0)
            self._insert_items(job_id, JobItems.of(items), stamp)
        return job_id

    def _insert_items(self, job_id: int, items: JobItems, stamp: str) -> None:
        """Every item from its columns, inside the caller's transaction: SQLite splits one JSON array of the
        SKUs itself (json_each), which takes half the time of an executemany row by row (2.6 -> 1.2 s per 1M
        SKUs). The rows go into item_rows as runs (a few per job; 1M rows in items cost another 0.5 s).
        Then the few items that differ from the common case: a cell that is not its SKU, invalid ones."""
        self._db.execute(
            "INSERT INTO items (job_id, seq, sku) SELECT ?, key, value FROM json_each(?)",
            (job_id, _json_array(items.skus)),
        )
        self._db.executemany(
            "INSERT INTO item_rows (job_id, seq, row) VALUES (?, ?, ?)",
            ((job_id, seq, row) for seq, row in row_runs(items.rows)),
        )
        special = sorted(items.raws.keys() | items.invalid.keys())
        self._db.executemany(
            "UPDATE items SET raw = ?, outcome = ?, reason = ?, updated_at = ? WHERE job_id = ? AND seq = ?",
            (
                (
                    items.raws.get(seq),  # NULL: the cell is the SKU
                    (Outcome.INVALID if seq in items.invalid else Outcome.PENDING).value,
                    items.invalid.get(seq),
                    stamp if seq in items.invalid else None,
                    job_id,
                    seq,
                )
                for seq in special
            ),
        )

    def set_status(
        self,
        job_id: int,
        status: JobStatus,
        message: Message | None = None,
        *,
        started: bool = False,
        finished: bool = False,
    ) -> None:
        if finished:
            self._resume_checkpoints()
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
        """Before a request goes out: from now on these SKUs may have been applied. They are UNANSWERED
        until the answer is recorded, so a process killed (or a disk filled) mid-request leaves the truth."""
        with self._transaction():
            self._db.execute(
                "UPDATE items SET attempts = attempts + 1, outcome = ?, reason = ?, api_code = NULL,"
                " http_status = NULL, updated_at = ? WHERE job_id = ? AND seq IN (SELECT value FROM json_each(?))",
                (
                    Outcome.UNANSWERED.value,
                    Message("Runner", UNANSWERED_TEXT).to_json(),
                    now_iso(),
                    job_id,
                    json.dumps(list(seqs)),
                ),
            )

    def unsend(self, job_id: int, seqs: Iterable[int]) -> None:
        """The request never left (no connection was made): these SKUs are back to pending, not sent."""
        self._resume_checkpoints()
        with self._transaction():
            self._db.execute(
                "UPDATE items SET attempts = MAX(0, attempts - 1), outcome = ?, reason = NULL, updated_at = ?"
                " WHERE job_id = ? AND seq IN (SELECT value FROM json_each(?))",
                (Outcome.PENDING.value, now_iso(), job_id, json.dumps(list(seqs))),
            )

    def record(self, job_id: int, updates: Iterable[OutcomeUpdate]) -> None:
        """Final outcomes, in one transaction. A batch's outcomes share a few distinct values (most SKUs
        "deleted", the rest a handful of reasons), so it is one UPDATE per distinct value, not per SKU."""
        groups: dict[tuple[str, str | None, str | None, int | None], list[int]] = defaultdict(list)
        for u in updates:
            key = (u.outcome.value, u.reason.to_json() if u.reason else None, u.api_code, u.http_status)
            groups[key].append(u.seq)
        stamp = now_iso()
        self._resume_checkpoints()
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

    def to_send(
        self, job_id: int, *, retry_failed: bool = False, after: int = -1, limit: int = -1
    ) -> list[tuple[int, str, int]]:
        """(seq, sku, attempts) of the SKUs a run of the job sends, in file order: those without a final
        outcome (pending, cancelled, sent without an answer); with `retry_failed` also those that failed
        for a cause worth retrying (network, timeout, 5xx, 420/423/429), never permanent refusals.
        With `after` and `limit`: at most `limit` of them past seq `after` (a runner reads a batch at a time)."""
        query = "SELECT seq, sku, attempts FROM items WHERE job_id = ? AND seq > ? AND (outcome IN (?, ?, ?)"
        if retry_failed:
            statuses = ",".join(str(s) for s in sorted(RETRIABLE_STATUSES))
            query += (
                " OR (outcome = 'failed' AND (http_status IS NULL OR http_status >= 500"
                f" OR http_status IN ({statuses})))"
            )
        with self._lock:
            return self._db.execute(
                query + ") ORDER BY seq LIMIT ?",
                (job_id, after, Outcome.PENDING.value, Outcome.CANCELLED.value, Outcome.UNANSWERED.value, limit),
            ).fetchall()

    def retriable_failures(self, job_id: int) -> int:
        """How many SKUs of the job failed for a cause worth retrying (what `to_send(retry_failed=True)` adds)."""
        statuses = ",".join(str(s) for s in sorted(RETRIABLE_STATUSES))
        with self._lock:
            return int(
                self._db.execute(
                    "SELECT COUNT(*) FROM items WHERE job_id = ? AND outcome = 'failed' AND (http_status IS NULL"
                    f" OR http_status >= 500 OR http_status IN ({statuses}))",
                    (job_id,),
                ).fetchone()[0]
            )

    def counts(self, job_id: int) -> dict[Outcome, int]:
        with self._lock:
            rows = self._db.execute(
                "SELECT outcome, COUNT(*) FROM items WHERE job_id = ? GROUP BY outcome", (job_id,)
            ).fetchall()
        return {Outcome(o): n for o, n in rows}

    def answered_since(self, operation: Operation, target: Target, since: str) -> tuple[int, str | None]:
        """SKUs sent to this operation's limit holder (the store, or the business) and answered at or after
        `since` (ISO time), by any job, with the earliest answer's time: what a new window already holds."""
        column, value = (
            ("campaign_id", target.campaign_id)
            if target.campaign_id is not None and (operation in (Operation.DELETE_OFFERS, Operation.REMOVE_PRICES))
            else ("business_id", target.business_id)
        )
        with self._lock:
            count, earliest = self._db.execute(
                "SELECT COUNT(*), MIN(items.updated_at) FROM jobs JOIN items ON items.job_id = jobs.id"
                f" WHERE jobs.operation = ? AND jobs.{column} IS ? AND COALESCE(jobs.finished_at, ?) >= ?"
                " AND items.attempts > 0 AND items.updated_at >= ?",
                (operation.value, value, since, since, since),
            ).fetchone()
        return int(count), earliest

    def items(self, job_id: int, *, failed_only: bool = False) -> Iterator[ItemRecord]:
        """Every SKU of a job in file order; `failed_only` leaves out the deleted ones."""
        query = (
            "SELECT seq, sku, raw, row, outcome, reason, api_code, http_status, attempts FROM items"
            " WHERE job_id = ?"
            + (" AND outcome NOT IN ('deleted', 'archived', 'unarchived')" if failed_only else "")
            + " ORDER BY seq"
        )
        with self._lock:
            rows = self._db.execute(query, (job_id,)).fetchall()
            runs = self._db.execute(
                "SELECT seq, row FROM item_rows WHERE job_id = ? ORDER BY seq", (job_id,)
            ).fetchall()
        row_of = _RowsOfRuns(runs)
        for seq, sku, raw, row, outcome, reason, code, status, attempts in rows:
            yield ItemRecord(
                seq,
                sku,
                sku if raw is None else raw,
                row if row is not None else row_of(seq),
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

    def _resume_checkpoints(self) -> None:
        """Automatic checkpoints again (SQLite's default, every 1000 pages): the next commit copies what
        create_job left in the WAL into the file."""
        with self._lock:
            if self._checkpoint_deferred:
                self._db.execute("PRAGMA wal_autocheckpoint = 1000")
                self._checkpoint_deferred = False

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
        except sqlite3.Error as error:
            self._lock.release()
            raise journal_error(error, _db_path(self._db)) from error
        except BaseException:
            self._lock.release()
            raise

    def __exit__(self, exc_type: object, exc: BaseException | None, *rest: object) -> None:
        try:
            if exc_type is None:
                try:
                    self._db.execute("COMMIT")
                except sqlite3.Error as error:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                    raise journal_error(error, _db_path(self._db)) from error
                return
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):  # disk full, locked, damaged: one clear line, not a traceback
                raise journal_error(exc, _db_path(self._db)) from exc
        finally:
            self._lock.release()


def _db_path(db: sqlite3.Connection) -> Path:
    with contextlib.suppress(sqlite3.Error):
        for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
            if name == "main" and file:
                return Path(file)
    return paths.journal_path()


def _busy_timeout_ms() -> int:
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _holder_alive(pid: int, host: str, heartbeat: float) -> bool:
    if host == socket.gethostname():
        if pid == os.getpid():
            return True  # another runner of this very process (the app) holds it
        return _pid_alive(pid)
    return time.time() - heartbeat < LEASE_STALE_SECONDS


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# json.dumps of a million strings is one C call holding the GIL for ~100 ms (a frozen window when a worker
# records a job): the array is written in slices, each hold short.
_JSON_SLICE = 50_000


def _json_array(values: Sequence[object]) -> str:
    parts = [
        json.dumps(values[start : start + _JSON_SLICE], ensure_ascii=False, separators=(",", ":"))[1:-1]
        for start in range(0, len(values), _JSON_SLICE)
    ]
    return "[" + ",".join(parts) + "]"


def row_runs(rows: Sequence[int | None]) -> list[tuple[int, int | None]]:
    """(position, row) where the rows stop counting up by one: the first item, then each gap (and each
    change between a row and none). Every row is its run's row + (position - the run's position)."""
    if not rows:
        return []
    if None not in rows:
        import numpy as np  # here, not at the top: the CLI's history and report commands never need it

        values = np.asarray(rows, dtype=np.int64)
        starts = np.flatnonzero(np.diff(values) != 1) + 1
        return [(0, int(values[0])), *zip(starts.tolist(), values[starts].tolist(), strict=True)]
    runs: list[tuple[int, int | None]] = []
    previous: int | None = None
    for position, row in enumerate(rows):
        expected = None if previous is None else previous + 1
        if position == 0 or row != expected:
            runs.append((position, row))
        previous = row
    return runs


class _RowsOfRuns:
    """An item's row from its job's runs (item_rows); None where the job has no runs (written before format
    3, its rows are in items.row) or the run has no row."""

    def __init__(self, runs: list[tuple[int, int | None]]) -> None:
        self._starts = [seq for seq, _ in runs]
        self._rows = [row for _, row in runs]

    def __call__(self, seq: int) -> int | None:
        index = bisect.bisect_right(self._starts, seq) - 1
        if index < 0:
            return None
        row = self._rows[index]
        return None if row is None else row + seq - self._starts[index]


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


_JOB_COLUMNS = (
    "id, operation, campaign_id, business_id, promo_id, all_offers, source_file, sheet, sku_column,"
    " api_url, batch_size, created_at, started_at, finished_at, status, message, version, target_name"
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
        target_name,
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
        target_name=target_name,
    )
