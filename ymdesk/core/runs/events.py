"""What a running job tells the outside world. The runner yields these; the CLI prints them and
the Qt worker turns them into signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message
from ymdesk.core.model import Outcome


class JobStatus(StrEnum):
    PLANNED = "planned"  # created, nothing sent yet
    RUNNING = "running"  # a process is (or was, if it crashed) sending batches
    DONE = "done"  # every SKU has a final outcome
    STOPPED = "stopped"  # the API refused the key or the method; the rest is cancelled
    CANCELLED = "cancelled"  # the user cancelled; the rest is cancelled
    FAILED = "failed"  # a job of one request (remove prices, leave a promo) whose request failed
    # Stopped before the end without the person asking: Market unreachable, answers unreadable, the journal
    # could not be written, or the process died of an unexpected error. Resume sends what is left.
    INTERRUPTED = "interrupted"

    @property
    def resumable(self) -> bool:
        return self is not JobStatus.DONE


# A title for every JobStatus, for History, `ymdesk-cli jobs` and the CLI's summary (tests enumerate them: a
# missing one crashed History). The context is History's, where they were first translated.
STATUS_TITLES = {
    JobStatus.PLANNED: QT_TRANSLATE_NOOP("HistoryDialog", "planned"),
    JobStatus.RUNNING: QT_TRANSLATE_NOOP("HistoryDialog", "interrupted"),
    JobStatus.DONE: QT_TRANSLATE_NOOP("HistoryDialog", "done"),
    JobStatus.STOPPED: QT_TRANSLATE_NOOP("HistoryDialog", "stopped by Market"),
    JobStatus.CANCELLED: QT_TRANSLATE_NOOP("HistoryDialog", "cancelled"),
    JobStatus.FAILED: QT_TRANSLATE_NOOP("HistoryDialog", "failed"),
    JobStatus.INTERRUPTED: QT_TRANSLATE_NOOP("HistoryDialog", "interrupted"),
}


def status_title(status: JobStatus) -> Message:
    return Message("HistoryDialog", STATUS_TITLES[status])


class WaitKind(StrEnum):
    PACING = "pacing"  # keeping to the rate limit before it is hit
    RATE_LIMIT = "rate_limit"  # HTTP 420: waiting until X-RateLimit-Resource-Until
    RETRY = "retry"  # 5xx or a network fault: backing off before the next try
    LOCKED = "locked"  # HTTP 423: the resource is busy on Market's side


@dataclass(frozen=True)
class JobCreated:
    """The first event of every run (new or resumed): the journal id of the job being run."""

    job_id: int


class PrepareStep(StrEnum):
    COLLECTING = "collecting"  # picking the SKUs to send out of the checked rows
    RECORDING = "recording"  # writing them into the journal
    LOADING = "loading"  # reading back what is left to send


@dataclass(frozen=True)
class Preparing:
    """Before the first request: what ymdesk is doing with the SKUs (seconds for 300,000 of them)."""

    step: PrepareStep
    number: int  # 1-based
    steps: int
    skus: int


@dataclass(frozen=True)
class BatchStarted:
    batch: int  # 1-based
    batches: int
    size: int


@dataclass(frozen=True)
class Progress:
    done: int  # SKUs with a final outcome
    total: int
    batch: int
    batches: int
    counts: dict[Outcome, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Waiting:
    """Emitted when a wait starts and then about once a second while it lasts (a countdown)."""

    kind: WaitKind
    seconds_left: float
    reason: Message


@dataclass(frozen=True)
class LogLine:
    message: Message
    level: str = "info"  # info | warning | error


@dataclass(frozen=True)
class Finished:
    status: JobStatus
    counts: dict[Outcome, int]
    message: Message | None = None


Event = JobCreated | Preparing | BatchStarted | Progress | Waiting | LogLine | Finished
