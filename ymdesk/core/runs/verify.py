"""No "maybe" left, and proof after: reading SKUs back from Market.

A request that got no readable answer (timeout, dropped connection, a kill or a cancel while it
was out) may or may not have been applied. Where the operation's target has a read method, the
runner asks `Resolver` to look those SKUs up and records each as done or not done for certain,
with "verified" in the reason, instead of "may have". `verify_job` re-reads the SKUs a finished
run recorded as done and reports any that Market still shows the old way (a SKU restored since,
or a change Market quietly undid).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass, field
from typing import Unpack

from ymdesk.core.market.client import ApiError, MarketClient, OfferState, TransportError
from ymdesk.core.market.ratelimit import Pacing
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message
from ymdesk.core.model import Operation, Outcome, Target
from ymdesk.core.runs.check import OfferReader, ReadCancelled, ReadEvent, ReadProgress, UnreadableListing, reader_for
from ymdesk.core.runs.events import LogLine, Waiting
from ymdesk.core.runs.journal import Journal, OutcomeUpdate

log = logging.getLogger(__name__)
C = "Verify"

Item = tuple[int, str]  # (seq, sku)


def success_outcome(operation: Operation) -> Outcome:
    """The outcome a SKU gets when the operation did what it was asked to."""
    if operation is Operation.ARCHIVE:
        return Outcome.ARCHIVED
    if operation is Operation.UNARCHIVE:
        return Outcome.UNARCHIVED
    return Outcome.DELETED


def failure_outcome(operation: Operation) -> Outcome:
    """The outcome of a SKU Market did not change (its "not deleted" for this operation)."""
    if operation in (Operation.DELETE_OFFERS, Operation.DELETE_FROM_CATALOG):
        return Outcome.NOT_DELETED
    return Outcome.REJECTED


def in_effect(operation: Operation, state: OfferState | None) -> bool:
    """Does what Market shows for a SKU (None: it does not have it) mean the operation is in effect?"""
    if operation is Operation.ARCHIVE:
        return state is not None and state.archived
    if operation is Operation.UNARCHIVE:
        return state is not None and not state.archived
    return state is None  # the deletes: Market no longer has it


# Read back after a request without an answer. A store or promo that no longer has the SKU does not say
# whether that request removed it or it was never there; the reason says exactly what was verified.
_DONE = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP(
        "Verify", "Not in the store any more (verified after a request that got no answer)."
    ),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP(
        "Verify", "Deleted (verified: the business catalog no longer has it)."
    ),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP(
        "Verify", "Not in the promo any more (verified after a request that got no answer)."
    ),
    Operation.ARCHIVE: QT_TRANSLATE_NOOP("Verify", "Archived (verified: Market shows it in the archive)."),
    Operation.UNARCHIVE: QT_TRANSLATE_NOOP("Verify", "Back from the archive (verified: Market shows it so)."),
}
# Market answered "not done" for a SKU an earlier unanswered request may have changed; it still shows it.
_NOT_DONE_ANSWERED = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP(
        "Verify", "Not deleted (verified: the store still has it): it is held in a Market warehouse."
    ),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP(
        "Verify", "Not deleted (verified: the catalog still has it): it is held in a Market warehouse."
    ),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP(
        "Verify", "Not removed (verified: the promo still has it): Market refused to remove it."
    ),
    Operation.ARCHIVE: QT_TRANSLATE_NOOP("Verify", "Not archived (verified: Market does not show it archived)."),
    Operation.UNARCHIVE: QT_TRANSLATE_NOOP("Verify", "Not brought back (verified: Market still shows it archived)."),
}
# The request got no answer however often it was sent; reading shows nothing changed.
_NOT_DONE_UNANSWERED = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP(
        "Verify", "Not deleted (verified: the store still has it); Market did not answer the request. Run it again."
    ),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP(
        "Verify", "Not deleted (verified: the catalog still has it); Market did not answer the request. Run it again."
    ),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP(
        "Verify", "Not removed (verified: the promo still has it); Market did not answer the request. Run it again."
    ),
    Operation.ARCHIVE: QT_TRANSLATE_NOOP(
        "Verify", "Not archived (verified); Market did not answer the request. Run it again."
    ),
    Operation.UNARCHIVE: QT_TRANSLATE_NOOP(
        "Verify", "Not brought back (verified); Market did not answer the request. Run it again."
    ),
}


@dataclass
class Settlement:
    """SKUs read back: in effect, verifiably not in effect, or unreadable (the read failed or was cancelled)."""

    done: list[Item] = field(default_factory=list)
    not_done: list[Item] = field(default_factory=list)
    unknown: list[Item] = field(default_factory=list)
    cancelled: bool = False


class Resolver:
    """What the runner calls to settle SKUs whose request may or may not have been applied."""

    def __init__(self, client: MarketClient, operation: Operation, target: Target, **pacing: Unpack[Pacing]) -> None:
        self.operation = operation
        self.reader: OfferReader | None = reader_for(client, operation, target, **pacing)

    @property
    def available(self) -> bool:
        """False when the operation has no read method (remove-prices, leaving a promo)."""
        return self.reader is not None

    def settle(self, items: Sequence[Item]) -> Generator[Waiting | LogLine, None, Settlement]:
        """Read `items` back. Never raises for a failed read: those SKUs come back `unknown`."""
        result = Settlement()
        if not items or self.reader is None:
            result.unknown = list(items)
            return result
        yield LogLine(
            Message.translate(
                "Verify", "Reading {count:n} {count:plural:SKU|SKUs} back from Market to settle unanswered requests."
            ).with_args(count=len(items))
        )
        skus = list(dict.fromkeys(sku for _, sku in items))
        try:
            found = yield from _quiet(self.reader.read(skus))
        except ReadCancelled:
            result.unknown, result.cancelled = list(items), True
            return result
        except (ApiError, TransportError, UnreadableListing) as error:
            yield LogLine(
                Message.translate("Verify", "Could not read the SKUs back ({problem}); they stay unsettled.").with_args(
                    problem=error.message.english()
                ),
                "warning",
            )
            result.unknown = list(items)
            return result
        for seq, sku in items:
            (result.done if in_effect(self.operation, found.get(sku)) else result.not_done).append((seq, sku))
        log.info("settled %d SKUs: %d done, %d not done", len(items), len(result.done), len(result.not_done))
        return result

    # -- the outcomes a settlement gives

    def done_updates(self, items: Sequence[Item]) -> list[OutcomeUpdate]:
        why = Message(C, _DONE[self.operation])
        return [OutcomeUpdate(seq, success_outcome(self.operation), why, None, None) for seq, _ in items]

    def not_done_updates(self, items: Sequence[Item], *, answered: bool) -> list[OutcomeUpdate]:
        why = Message(C, (_NOT_DONE_ANSWERED if answered else _NOT_DONE_UNANSWERED)[self.operation])
        outcome = failure_outcome(self.operation)
        return [OutcomeUpdate(seq, outcome, why, None, 200 if answered else None) for seq, _ in items]


def _quiet(
    events: Generator[ReadEvent, None, dict[str, OfferState]],
) -> Generator[Waiting | LogLine, None, dict[str, OfferState]]:
    """A reader's events without its ReadProgress (a run reports its own progress)."""
    while True:
        try:
            event = next(events)
        except StopIteration as stop:
            found: dict[str, OfferState] = stop.value
            return found
        if not isinstance(event, ReadProgress):
            yield event


# ---------------------------------------------------------------- verifying a finished run


@dataclass(frozen=True)
class VerifyResult:
    job_id: int
    operation: Operation
    checked: int  # SKUs the run recorded as done, read back (all unless cancelled)
    recorded: int  # SKUs the run recorded as done
    still_shown: list[tuple[int | None, str]]  # (row, sku): Market shows them as if nothing was done
    cancelled: bool = False
    seconds: float = 0.0
    requests: int = 0

    @property
    def ok(self) -> bool:
        return not self.cancelled and not self.still_shown

    def lines(self) -> list[Message]:
        """One verdict, after a note that the verification was cancelled when it was."""
        if self.recorded == 0:
            verdict = Message.translate(
                "Verify", "Job {job} recorded no SKU as done; there is nothing to verify."
            ).with_args(job=self.job_id)
        elif not self.still_shown:
            verdict = Message.translate(
                "Verify", "Verified: Market shows all {checked:n} {checked:plural:SKU|SKUs} as job {job} left them."
            ).with_args(checked=self.checked, job=self.job_id)
        else:
            verdict = Message.translate(
                "Verify",
                "Market still shows {count:n} of the {checked:n} {checked:plural:SKU|SKUs} job {job} recorded as done.",
            ).with_args(count=len(self.still_shown), checked=self.checked, job=self.job_id)
        if not self.cancelled:
            return [verdict]
        cancelled = Message.translate(
            "Verify", "Verification cancelled after {checked:n} of {recorded:n} {recorded:plural:SKU|SKUs}."
        ).with_args(checked=self.checked, recorded=self.recorded)
        return [cancelled, verdict]


def verify_job(
    client: MarketClient,
    journal: Journal,
    job_id: int,
    **pacing: Unpack[Pacing],
) -> Generator[ReadEvent, None, VerifyResult]:
    """Re-read the SKUs job `job_id` recorded as done; list those Market still shows unchanged."""
    job = journal.job(job_id)
    reader = reader_for(client, job.operation, job.target, **pacing)
    clock = pacing.get("clock", time.monotonic)
    if reader is None:
        raise ValueError(f"{job.operation.value} works on the whole target; there is nothing to verify")
    done = success_outcome(job.operation)
    recorded = [(item.row, item.sku) for item in journal.items(job_id) if item.outcome is done]
    started = clock()
    cancelled = False
    skus = list(dict.fromkeys(sku for _, sku in recorded))
    try:
        yield from reader.read(skus)
    except ReadCancelled:
        cancelled = True
    found, looked_up = reader.found, reader.looked_up
    read = set(skus[:looked_up])
    still = [(row, sku) for row, sku in recorded if sku in read and not in_effect(job.operation, found.get(sku))]
    result = VerifyResult(
        job_id, job.operation, looked_up, len(skus), still, cancelled, clock() - started, reader.requests
    )
    log.info("verified job %s: %d read, %d still shown%s", job_id, looked_up, len(still), " (cancelled)" * cancelled)
    return result
