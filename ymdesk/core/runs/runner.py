"""Running a job: batches of at most 500 SKUs, paced, retried, bisected, journaled, cancellable.

`JobRunner.run()` is a plain generator of events (ymdesk.core.runs.events). The CLI loops over it in
the main thread; the app's worker loops over it in a QThread. Between batches and during every
wait it checks the cancel Event, so a run waiting out a 60-second limit stops within a second.

Every SKU ends with exactly one outcome in the journal. A batch's outcomes are committed before
the next batch is sent, and a batch is marked as sent before its request goes out, so after a
crash `resume` (running the job again) sends only the SKUs that have no final outcome.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ymdesk.core.market.client import (
    ApiError,
    ApiResult,
    ArchiveResult,
    AuthError,
    BadRequestError,
    LegacyMethodGone,
    LockedError,
    MarketClient,
    NotFoundError,
    RateLimitError,
    ServerError,
    TransportError,
)
from ymdesk.core.market.ratelimit import DEFAULT_LIMITS, Pacer, RateLimits, RetryPolicy, until_wait
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message
from ymdesk.core.model import MAX_BATCH, Operation, Outcome
from ymdesk.core.runs import archive
from ymdesk.core.runs.events import BatchStarted, Event, Finished, JobStatus, LogLine, Progress, Waiting, WaitKind
from ymdesk.core.runs.journal import JobRecord, Journal, OutcomeUpdate
from ymdesk.core.runs.plan import business_of, campaign_of, promo_of
from ymdesk.core.runs.verify import Resolver

log = logging.getLogger(__name__)
C = "Runner"

#: Why a SKU in notDeletedOfferIds was not deleted, by operation and by whether an earlier
#: request for it went unanswered (then "not found" may be that request's own doing).
_NOT_DELETED = {
    (Operation.DELETE_OFFERS, False): QT_TRANSLATE_NOOP(
        "Runner", "Not deleted: the product is not in this store, or it is held in a Market warehouse."
    ),
    (Operation.DELETE_OFFERS, True): QT_TRANSLATE_NOOP(
        "Runner",
        "Not deleted: the product is not in this store, or it is held in a Market warehouse. An earlier "
        "request for it got no answer and may already have deleted it.",
    ),
    (Operation.DELETE_FROM_CATALOG, False): QT_TRANSLATE_NOOP(
        "Runner", "Not deleted: the product is held in a Market warehouse."
    ),
    (Operation.DELETE_FROM_CATALOG, True): QT_TRANSLATE_NOOP(
        "Runner", "Not deleted: the product is held in a Market warehouse."
    ),
}
_NOT_IN_CABINET = QT_TRANSLATE_NOOP("Runner", "Market has no product with this SKU in the cabinet.")
_REJECTED_OTHER = QT_TRANSLATE_NOOP("Runner", "Market refused to remove it from the promo ({code}).")
_CANCELLED = QT_TRANSLATE_NOOP("Runner", "Not sent: the run was cancelled.")

Send = Callable[[Sequence[str]], ApiResult | ArchiveResult]
T = TypeVar("T")
Steps = Generator[Event, None, ApiResult | ArchiveResult]


class _Cancelled(Exception):
    pass


class _Stop(Exception):
    """The API refused the key, the store, or the method: nothing more is sent."""

    def __init__(self, error: ApiError) -> None:
        super().__init__(error.message.english())
        self.error = error


@dataclass
class _Item:
    seq: int
    sku: str
    maybe_applied: bool  # went out before without an answer, so "not found" may be our own doing


class JobRunner:
    def __init__(
        self,
        client: MarketClient,
        journal: Journal,
        job_id: int,
        *,
        limits: RateLimits | None = None,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        rng: random.Random | None = None,
        wall: Callable[[], float] = time.time,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.journal = journal
        self.job_id = job_id
        self.job: JobRecord = journal.job(job_id)
        self.limits = limits or DEFAULT_LIMITS[self.job.operation]
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self._rng = rng or random.Random()
        self._wall, self._clock = wall, clock
        self._pacer = Pacer(self.limits, wall=wall, clock=clock)
        self._open: dict[int, _Item] = {}  # read for sending in this run, outcome not yet recorded
        self._unread = 0  # SKUs to send that are not read from the journal yet
        self._after = -1  # the last seq read
        # Reads SKUs back where the target has a read method, so no outcome is left at "may have".
        self._resolver = Resolver(client, self.job.operation, self.job.target, retry=self.retry, cancel=self.cancel)
        # SKUs to read back after the batch: (item, the error if there was no useful answer, the outcome to
        # record if reading fails: what the runner records without a read method).
        self._unsettled: list[tuple[_Item, ApiError | TransportError | None, OutcomeUpdate]] = []
        self._counts: Counter[Outcome] = Counter()

    # ------------------------------------------------------------ the run

    def run(self) -> Iterator[Event]:
        self.journal.set_status(self.job_id, JobStatus.RUNNING, started=True)
        self._counts = Counter(self.journal.counts(self.job_id))
        if self.job.operation.takes_skus and not self.job.target.all_offers:
            status, message = yield from self._run_skus()
        else:
            status, message = yield from self._run_whole()
        self.journal.set_status(self.job_id, status, message, finished=True)
        log.info("job %s finished: %s %s", self.job_id, status.value, dict(self._counts))
        yield Finished(status, dict(self._counts), message)

    def _run_skus(self) -> Generator[Event, None, tuple[JobStatus, Message | None]]:
        # The journal is read a batch at a time: a million SKUs cost no second before the first request.
        left = sum(count for outcome, count in self._counts.items() if outcome.needs_sending)
        # SKUs cancelled by an earlier run are being sent again: count them as pending for now.
        self._counts[Outcome.PENDING] += self._counts.pop(Outcome.CANCELLED, 0)
        size = max(1, min(self.job.batch_size, MAX_BATCH, self.job.operation.max_batch))
        batches = -(-left // size)
        self._unread, self._after = left, -1
        total = sum(self._counts.values())
        if batches:
            yield LogLine(
                Message.translate(
                    "Runner", "Sending {count:n} {count:plural:SKU|SKUs} in {batches:n} {batches:plural:batch|batches}."
                ).with_args({"count": left, "batches": batches})
            )
        number = 0
        while True:
            try:
                self._check_cancel()
                batch = self._next_batch(size)
                if not batch:
                    break
                batch = yield from self._settle_before_sending(batch)
                if not batch:  # every SKU of it was read back as done
                    continue
                number += 1
                yield BatchStarted(number, max(batches, number), len(batch))
                yield from self._send_batch(batch)
                yield from self._settle_after_batch()
            except _Cancelled:
                self._close_open(_cancelled_message())
                return JobStatus.CANCELLED, _cancelled_message()
            except _Stop as stop:
                error = stop.error
                self._close_open(error.message, error.code, error.http_status)
                return JobStatus.STOPPED, error.message
            done = total - len(self._open) - self._unread
            yield Progress(done, total, number, max(batches, number), dict(self._counts))
        return JobStatus.DONE, None

    def _next_batch(self, size: int) -> list[_Item]:
        """The next SKUs to send, from the journal; they stay open until their outcomes are recorded."""
        rows = self.journal.to_send(self.job_id, after=self._after, limit=size)
        batch = [_Item(seq, sku, attempts > 0) for seq, sku, attempts in rows]
        if batch:
            self._after = batch[-1].seq
        self._unread = max(0, self._unread - len(batch))
        self._open.update((item.seq, item) for item in batch)
        return batch

    def _run_whole(self) -> Generator[Event, None, tuple[JobStatus, Message | None]]:
        """remove-prices, or leaving a promo: one request for the whole store or promo."""
        yield BatchStarted(1, 1, 0)
        try:
            yield from self._call(self._sender(), [])
        except _Cancelled:
            return JobStatus.CANCELLED, _cancelled_message()
        except ApiError as error:
            fatal = isinstance(error, AuthError | LegacyMethodGone | NotFoundError)
            return (JobStatus.STOPPED if fatal else JobStatus.FAILED), error.message
        except TransportError as error:
            return JobStatus.FAILED, error.message
        if self.job.operation is Operation.REMOVE_PRICES:
            done = Message.translate(
                "Runner", "All prices set through the API were removed from store {store}."
            ).with_args({"store": self.job.target.campaign_id})
        else:
            done = Message.translate(
                "Runner",
                "Left promo {promo}: all its products were removed. Market applies the change within 4 to 6 hours.",
            ).with_args({"promo": self.job.target.promo_id})
        yield LogLine(done)
        return JobStatus.DONE, done

    # ------------------------------------------------------------ one batch, bisected on 400

    def _send_batch(self, batch: Sequence[_Item]) -> Generator[Event, None, None]:
        send = self._sender()
        parts: deque[list[_Item]] = deque([list(batch)])
        while parts:
            part = parts.popleft()
            try:
                result = yield from self._call(send, part)
            except BadRequestError as error:
                if len(part) > 1:
                    middle = len(part) // 2
                    parts.extendleft([part[middle:], part[:middle]])
                    yield LogLine(
                        Message.translate(
                            "Runner",
                            "Market refused a batch of {count:n} {count:plural:SKU|SKUs}; splitting it to find "
                            "the ones it objects to.",
                        ).with_args({"count": len(part)}),
                        "warning",
                    )
                    continue
                self._record_failure(part, error)
            except (AuthError, NotFoundError, LegacyMethodGone) as error:
                raise _Stop(error) from error
            except (ApiError, TransportError) as error:
                self._record_failure(part, error)
            else:
                self._record_result(part, result)

    def _sender(self) -> Send:
        job, client = self.job, self.client
        operation, target = job.operation, job.target
        if operation is Operation.DELETE_OFFERS:
            return lambda skus: client.delete_campaign_offers(campaign_of(operation, target), skus)
        if operation is Operation.DELETE_FROM_CATALOG:
            return lambda skus: client.delete_catalog_offers(business_of(operation, target), skus)
        if operation in archive.ARCHIVE_OPERATIONS:
            return archive.sender(client, operation, target)
        if operation is Operation.DELETE_PROMO_OFFERS:
            business, promo = business_of(operation, target), promo_of(operation, target)
            if target.all_offers:
                return lambda _skus: client.delete_promo_offers(business, promo, delete_all=True)
            return lambda skus: client.delete_promo_offers(business, promo, skus)
        if operation is Operation.REMOVE_PRICES:
            return lambda _skus: client.remove_all_prices(campaign_of(operation, target))
        raise ValueError(f"the runner cannot send {operation.value} yet")

    # ------------------------------------------------------------ one request, paced and retried

    def _call(self, send: Send, part: list[_Item]) -> Steps:
        """Send `part` until Market answers, waiting out limits and retrying faults within bounds."""
        faults = locks = limits_hit = 0
        skus = [item.sku for item in part]
        while True:
            delay = self._pacer.delay_before(len(part))
            if delay > 0:
                yield from self._wait(
                    WaitKind.PACING,
                    delay,
                    Message.translate("Runner", "Keeping to Market's rate limit: next batch in {seconds} s.").with_args(
                        {"seconds": _secs(delay)}
                    ),
                )
            self._check_cancel()
            self.journal.mark_sent(self.job_id, (item.seq for item in part))
            try:
                result = send(skus)
            except RateLimitError as error:
                self._pacer.observe(error.rate)
                limits_hit += 1
                if limits_hit > self.retry.rate_limit_waits:
                    raise
                wait = until_wait(error.rate, self._wall(), self.retry)
                if wait is None:
                    wait = self.retry.rate_limit_fallback(limits_hit)
                yield from self._wait(
                    WaitKind.RATE_LIMIT,
                    wait,
                    Message.translate(
                        "Runner", "Market's rate limit was reached (HTTP 420); waiting {seconds} s as Market asks."
                    ).with_args({"seconds": _secs(wait)}),
                )
            except LockedError:
                locks += 1
                if locks >= self.retry.locked_attempts:
                    raise
                wait = self.retry.locked_delay(locks)
                yield from self._wait(
                    WaitKind.LOCKED,
                    wait,
                    Message.translate(
                        "Runner", "Market has locked the store for now (HTTP 423); trying again in {seconds} s."
                    ).with_args({"seconds": _secs(wait)}),
                )
            except (ServerError, TransportError) as error:
                for item in part:
                    item.maybe_applied = True
                if isinstance(error, ServerError):
                    self._pacer.observe(error.rate)
                faults += 1
                if faults >= self.retry.attempts:
                    raise
                wait = self.retry.backoff(faults, self._rng)
                if isinstance(error, TransportError) and error.timed_out:
                    # Market may still be working on the request we gave up on: give it one more read
                    # timeout before sending another, so we never have two in flight for one store.
                    wait = max(wait, self.client.timeout[1])
                yield from self._wait(
                    WaitKind.RETRY,
                    wait,
                    Message.translate(
                        "Runner", "{problem} Trying again in {seconds} s (attempt {attempt} of {attempts})."
                    ).with_args(
                        {
                            "problem": error.message.english(),
                            "seconds": _secs(wait),
                            "attempt": faults + 1,
                            "attempts": self.retry.attempts,
                        }
                    ),
                )
            else:
                self._pacer.record(len(part), result.rate)
                return result

    def _wait(self, kind: WaitKind, seconds: float, reason: Message) -> Generator[Event, None, None]:
        """Sleep in slices of at most a second, reporting the countdown and watching for cancel."""
        deadline = self._clock() + seconds
        while (left := deadline - self._clock()) > 0:
            yield Waiting(kind, left, reason)
            if self.cancel.wait(min(1.0, left)):
                raise _Cancelled

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise _Cancelled

    # ------------------------------------------------------------ no "maybe" left (ymdesk.core.runs.verify)

    def _settle_before_sending(self, to_send: list[_Item]) -> Generator[Event, None, list[_Item]]:
        """On resume, batch by batch: SKUs sent before without an answer are read back; those done are
        recorded so (verified), the rest are sent again as SKUs known not to be applied."""
        sent = [item for item in to_send if item.maybe_applied]
        if not sent or not self._resolver.available:
            return to_send
        settled = yield from self._resolver.settle([(item.seq, item.sku) for item in sent])
        self._check_cancel()
        self._commit(self._resolver.done_updates(settled.done))
        for seq, _ in settled.not_done:
            self._open[seq].maybe_applied = False
        return [item for item in to_send if item.seq in self._open]

    def _settle_after_batch(self) -> Generator[Event, None, None]:
        """SKUs of the batch whose answer could be the doing of an earlier unanswered request, or that got
        no answer at all: read back and recorded for certain. Unreadable ones stay UNANSWERED for resume."""
        unsettled, self._unsettled = self._unsettled, []
        if not unsettled:
            return
        settled = yield from self._resolver.settle([(item.seq, item.sku) for item, _, _ in unsettled])
        errors = {item.seq: error for item, error, _ in unsettled}
        fallback = {item.seq: update for item, _, update in unsettled}
        updates = self._resolver.done_updates(settled.done)
        updates += [fallback[seq] for seq, _ in settled.unknown]
        answered = [(seq, sku) for seq, sku in settled.not_done if errors[seq] is None]
        updates += self._resolver.not_done_updates(answered, answered=True)
        for seq, sku in settled.not_done:
            error = errors[seq]
            if isinstance(error, ApiError):  # Market answered with an error, and nothing was applied
                updates.append(OutcomeUpdate(seq, Outcome.FAILED, error.message, error.code, error.http_status))
            elif error is not None:
                updates += self._resolver.not_done_updates([(seq, sku)], answered=False)
        self._commit(updates)
        self._check_cancel()

    # ------------------------------------------------------------ outcomes

    def _record_result(self, part: list[_Item], result: ApiResult | ArchiveResult) -> None:
        if isinstance(result, ArchiveResult):
            self._commit(archive.outcomes(self.job.operation, [(item.seq, item.sku) for item in part], result.refused))
            return
        body = result.body.get("result") or {}
        updates: list[OutcomeUpdate] = []
        if self.job.operation is Operation.DELETE_PROMO_OFFERS:
            rejected = {str(r.get("offerId")): str(r.get("reason") or "") for r in body.get("rejectedOffers") or []}
            for item in part:
                code = rejected.get(item.sku)
                if code is None:
                    updates.append(OutcomeUpdate(item.seq, Outcome.DELETED))
                else:
                    update = OutcomeUpdate(item.seq, Outcome.REJECTED, _rejection(code), code, 200)
                    if item.maybe_applied and code == "OFFER_DOES_NOT_EXIST" and self._resolver.available:
                        self._unsettled.append((item, None, update))  # perhaps our earlier request: read it back
                    else:
                        updates.append(update)
        else:
            not_deleted = {str(sku) for sku in body.get("notDeletedOfferIds") or []}
            for item in part:
                if item.sku in not_deleted:
                    why = Message(C, _NOT_DELETED[self.job.operation, item.maybe_applied])
                    update = OutcomeUpdate(item.seq, Outcome.NOT_DELETED, why, None, 200)
                    if item.maybe_applied and self._resolver.available:
                        self._unsettled.append((item, None, update))  # perhaps our earlier request: read it back
                    else:
                        updates.append(update)
                else:
                    updates.append(OutcomeUpdate(item.seq, Outcome.DELETED))
        self._commit(updates)

    def _record_failure(self, part: list[_Item], error: ApiError | TransportError) -> None:
        code = error.code if isinstance(error, ApiError) else None
        status = error.http_status if isinstance(error, ApiError) else None
        if self._resolver.available:  # read back the SKUs an attempt may have changed; record the rest now
            unsure = [item for item in part if item.maybe_applied]
            self._unsettled.extend(
                (item, error, OutcomeUpdate(item.seq, Outcome.FAILED, error.message, code, status)) for item in unsure
            )
            part = [item for item in part if not item.maybe_applied]
        self._commit([OutcomeUpdate(item.seq, Outcome.FAILED, error.message, code, status) for item in part])

    def _close_open(self, reason: Message, code: str | None = None, status: int | None = None) -> None:
        """Everything picked but not processed becomes CANCELLED: recorded, and sent again on resume."""
        rest = self.journal.to_send(self.job_id, after=self._after)
        self._open.update((seq, _Item(seq, sku, attempts > 0)) for seq, sku, attempts in rest)
        self._unread = 0
        self._commit([OutcomeUpdate(seq, Outcome.CANCELLED, reason, code, status) for seq in list(self._open)])

    def _commit(self, updates: list[OutcomeUpdate]) -> None:
        self.journal.record(self.job_id, updates)
        for update in updates:
            if self._open.pop(update.seq, None) is not None:
                self._counts[Outcome.PENDING] -= 1  # cancelled items were counted as pending-to-send
            self._counts[update.outcome] += 1
        self._counts = Counter({k: v for k, v in self._counts.items() if v > 0})


def _secs(seconds: float) -> int:
    return max(1, round(seconds))


def _cancelled_message() -> Message:
    return Message(C, _CANCELLED)


def _rejection(code: str) -> Message:
    if code == "OFFER_DOES_NOT_EXIST":
        return Message(C, _NOT_IN_CABINET)
    return Message(C, _REJECTED_OTHER, {"code": code})
