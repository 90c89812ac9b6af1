"""Running a job: batches of at most 500 SKUs, paced, retried, bisected, journaled, cancellable.

`JobRunner.run()` is a plain generator of events (ymdesk.core.runs.events). The CLI loops over it in
the main thread; the app's worker loops over it in a QThread. Between batches and during every
wait it checks the cancel Event, so a run waiting out a 60-second limit stops within a second.

Every SKU ends with exactly one outcome in the journal. A batch's outcomes are committed before
the next batch is sent, and a batch is marked as sent before its request goes out, so after a
crash `resume` (running the job again) sends only the SKUs that have no final outcome.
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar, Unpack

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
    RateLimitState,
    RedirectError,
    RequestCancelled,
    ServerError,
    TransportError,
    UnreadableAnswerError,
    encode_body,
)
from ymdesk.core.market.ratelimit import (
    DEFAULT_LIMITS,
    PacedCalls,
    Pacer,
    Pacing,
    RateLimits,
    max_wait,
)
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message
from ymdesk.core.model import MAX_BATCH, MAX_REQUEST_BYTES, Operation, Outcome
from ymdesk.core.runs import archive
from ymdesk.core.runs.events import BatchStarted, Event, Finished, JobStatus, LogLine, Progress, Waiting, WaitKind
from ymdesk.core.runs.journal import UNANSWERED_TEXT, JobRecord, Journal, OutcomeUpdate
from ymdesk.core.runs.plan import business_of, campaign_of, promo_of
from ymdesk.core.runs.verify import Resolver

log = logging.getLogger(__name__)
C = "Runner"

# Why a SKU in notDeletedOfferIds was not deleted, by operation and by whether an earlier
# request for it went unanswered (then "not found" may be that request's own doing).
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
_KEY_REFUSED = QT_TRANSLATE_NOOP("Runner", "Not sent: Market refused the key.")
_NOT_SENT_STOPPED = QT_TRANSLATE_NOOP("Runner", "Not sent: the run stopped ({reason})")
_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Runner",
    "Market could not be reached for two batches in a row; nothing more was sent. Resume the job when the "
    "network is back.",
)
_UNREADABLE_TWICE = QT_TRANSLATE_NOOP(
    "Runner",
    "Two batches in a row got no usable answer from Market; nothing more was sent. Their SKUs are recorded as "
    "sent without an answer; resume the job to send them again.",
)
HEARTBEAT_SECONDS = 5.0
# Market's global limit: two parallel requests per login (more are answered 420 "Hit rate limit of 2 parallel
# requests"). Counted across every process that uses this journal.
MAX_IN_FLIGHT_PER_KEY = 2
# After this many consecutive batches that got no HTTP answer (or no readable one), the job stops.
BATCHES_WITHOUT_ANSWER = 2

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


class _NoAnswer(Exception):
    """A batch ended without any usable answer (network, timeout, unreadable body): its SKUs stay to send."""

    def __init__(self, error: TransportError | UnreadableAnswerError) -> None:
        super().__init__(error.message.english())
        self.error = error


@dataclass
class _Item:
    seq: int
    sku: str
    maybe_applied: bool  # went out before without an answer, so "not found" may be our own doing


class JobRunner(PacedCalls):
    def __init__(
        self,
        client: MarketClient,
        journal: Journal,
        job_id: int,
        *,
        retry_failed: bool = False,
        counts: Mapping[Outcome, int] | None = None,
        **pacing: Unpack[Pacing],
    ) -> None:
        """`counts`: the job's outcomes as the journal holds them, when the caller knows them (a job it has just
        recorded); otherwise the journal counts them (a scan: 0.4 s per 1M SKUs)."""
        self._known_counts = dict(counts) if counts is not None else None
        self.client = client
        self.journal = journal
        self.job_id = job_id
        self.job: JobRecord = journal.job(job_id)
        super().__init__(DEFAULT_LIMITS[self.job.operation], pacing)
        self.retry_failed = retry_failed  # also resend SKUs that failed for a retriable cause (5xx, 423, …)
        self._longest_wait = max_wait(self.limits, self.job.operation)
        # Pacing lives in the journal, so jobs for one store in two processes share it.
        shared = _JournalPacing(journal, _resource(self.job), self._longest_wait)
        self._pacer = Pacer(self.limits, wall=self._wall, clock=self._clock, longest=self._longest_wait, shared=shared)
        self._open: dict[int, _Item] = {}  # read for sending in this run, outcome not yet recorded
        self._unread = 0  # SKUs to send that are not read from the journal yet
        self._after = -1  # the last seq read
        # Reads SKUs back where the target has a read method, so no outcome is left at "may have".
        self._resolver = Resolver(client, self.job.operation, self.job.target, retry=self.retry, cancel=self.cancel)
        # SKUs to read back after the batch: (item, the error if there was no useful answer, the outcome to
        # record if reading fails: what the runner records without a read method).
        self._unsettled: list[tuple[_Item, ApiError | TransportError | None, OutcomeUpdate]] = []
        self._counts: Counter[Outcome] = Counter()
        self._lease = ""
        self._renewed = 0.0

    # ------------------------------------------------------------ the run

    def run(self) -> Iterator[Event]:
        """The job's events, ending with Finished. However it ends (an error, the journal failing, a second
        Ctrl+C, the consumer closing the generator) the job is not left `running`."""
        bind = getattr(self.client, "bind_cancel", None)
        if bind is not None:
            bind(self.cancel)
        self.journal.quick_check()  # a damaged journal stops here, before anything is sent
        self._lease = self.journal.acquire_lease(self.job_id)  # one process per job; raises naming the holder
        self._renewed = self._clock()
        ended = False
        try:
            self.journal.set_status(self.job_id, JobStatus.RUNNING, started=True)
            known, self._known_counts = self._known_counts, None
            self._counts = Counter(known if known is not None else self.journal.counts(self.job_id))
            if self.job.operation.takes_skus and not self.job.target.all_offers:
                status, message = yield from self._run_skus()
            else:
                status, message = yield from self._run_whole()
            self.journal.set_status(self.job_id, status, message, finished=True)
            ended = True
            log.info("job %s finished: %s %s", self.job_id, status.value, dict(self._counts))
            yield Finished(status, dict(self._counts), message)
        finally:
            if not ended:
                self._mark_abandoned()
            with contextlib.suppress(Exception):
                self.journal.release_lease(self.job_id, self._lease)

    def _heartbeat(self) -> None:
        """Tell other processes this job's runner is alive (at most every few seconds)."""
        if self._clock() - self._renewed >= HEARTBEAT_SECONDS:
            self._renewed = self._clock()
            self.journal.renew_lease(self.job_id, self._lease)

    def _mark_abandoned(self) -> None:
        status = JobStatus.CANCELLED if self.cancel.is_set() else JobStatus.INTERRUPTED
        try:
            self.journal.set_status(self.job_id, status, finished=True)
        except Exception:  # the journal itself failed (disk full, locked): the error on its way says so
            log.exception("job %s: could not record that it ended", self.job_id)

    def _run_skus(self) -> Generator[Event, None, tuple[JobStatus, Message | None]]:
        # The journal is read a batch at a time: a million SKUs cost no second before the first request.
        left = sum(count for outcome, count in self._counts.items() if outcome.needs_sending)
        # SKUs to send again (not sent, sent without an answer, retried failures): count them as pending for now.
        for outcome in (Outcome.CANCELLED, Outcome.UNANSWERED):
            self._counts[Outcome.PENDING] += self._counts.pop(outcome, 0)
        if self.retry_failed:
            retried = self.journal.retriable_failures(self.job_id)
            left += retried
            self._counts[Outcome.FAILED] -= retried
            self._counts[Outcome.PENDING] += retried
            self._counts = Counter({k: v for k, v in self._counts.items() if v > 0})
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
        without_answer = 0  # consecutive batches that got no (usable) answer at all
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
                without_answer = 0
            except _NoAnswer as no_answer:
                without_answer += 1
                yield LogLine(no_answer.error.message, "warning")
                if without_answer >= BATCHES_WITHOUT_ANSWER:
                    unreadable = isinstance(no_answer.error, UnreadableAnswerError)
                    message = Message(C, _UNREADABLE_TWICE if unreadable else _UNREACHABLE)
                    self._leave_open()
                    return JobStatus.INTERRUPTED, message
            except _Cancelled:
                self._close_open(_cancelled_message())
                return JobStatus.CANCELLED, _cancelled_message()
            except _Stop as stop:
                error = stop.error
                reason = (
                    Message(C, _KEY_REFUSED)
                    if isinstance(error, AuthError) and error.http_status == 401
                    else Message(C, _NOT_SENT_STOPPED, {"reason": error.message.english()})
                )
                self._close_open(reason, error.code, error.http_status)
                return JobStatus.STOPPED, error.message
            done = total - len(self._open) - self._unread
            yield Progress(done, total, number, max(batches, number), dict(self._counts))
        if self._open:  # batches that got no answer: still to send
            count = len(self._open)
            self._leave_open()
            return JobStatus.INTERRUPTED, Message.translate(
                "Runner", "{count} SKUs got no answer from Market; resume the job to send them again."
            ).with_args({"count": count})
        return JobStatus.DONE, None

    def _next_batch(self, size: int) -> list[_Item]:
        """The next SKUs to send, from the journal; they stay open until their outcomes are recorded. At most
        `size` of them and, encoded, at most MAX_REQUEST_BYTES: Market refuses a larger body with a 400 (500
        SKUs of 255 Cyrillic characters, escaped in JSON, are about 770 KB); the rest wait for the next batch."""
        rows = self.journal.to_send(self.job_id, retry_failed=self.retry_failed, after=self._after, limit=size)
        batch = self._within_request_size([_Item(seq, sku, attempts > 0) for seq, sku, attempts in rows])
        if batch:
            self._after = batch[-1].seq
        self._unread = max(0, self._unread - len(batch))
        self._open.update((item.seq, item) for item in batch)
        return batch

    def _within_request_size(self, items: list[_Item]) -> list[_Item]:
        template: dict[str, object] = {"offerIds": []}
        if self.job.operation is Operation.DELETE_PROMO_OFFERS:
            template = {"promoId": self.job.target.promo_id or "", "offerIds": []}
        size = len(encode_body(template))
        for count, item in enumerate(items):
            size += len(encode_body({"": item.sku})) - 5 + (1 if count else 0)  # the quoted, escaped SKU
            if size > MAX_REQUEST_BYTES and count:
                return items[:count]
        return items

    def _run_whole(self) -> Generator[Event, None, tuple[JobStatus, Message | None]]:
        """remove-prices, or leaving a promo: one request for the whole store or promo."""
        yield BatchStarted(1, 1, 0)
        try:
            yield from self._call(self._sender(), [])
        except _Cancelled:
            return JobStatus.CANCELLED, _cancelled_message()
        except _NoAnswer as no_answer:
            return JobStatus.INTERRUPTED, no_answer.error.message
        except ApiError as error:
            fatal = isinstance(error, AuthError | LegacyMethodGone | NotFoundError | RedirectError)
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
            except (AuthError, NotFoundError, LegacyMethodGone, RedirectError) as error:
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
        """Send `part` until Market answers, waiting out limits and retrying faults within bounds.

        Raises _NoAnswer when the request never got a usable answer (the network failed every try, or the
        answer could not be read), _Cancelled when the person cancelled (the request in flight is cut off at
        once), or the ApiError Market answered with once retrying it is over."""
        faults = locks = limits_hit = 0
        skus = [item.sku for item in part]
        while True:
            # Asked again after every wait: with pacing shared between processes, a send is reserved only when
            # the answer is 0, and another process may have taken the window meanwhile.
            while (delay := self._pacer.delay_before(len(part))) > 0:
                yield from self._wait(
                    WaitKind.PACING,
                    delay,
                    Message.translate("Runner", "Keeping to Market's rate limit: next batch in {seconds} s.").with_args(
                        {"seconds": _secs(delay)}
                    ),
                )
            self._check_cancel()
            slot = yield from self._request_slot()
            self.journal.mark_sent(self.job_id, (item.seq for item in part))
            try:
                try:
                    result = send(skus)
                finally:
                    self.journal.release_request_slot(slot)
            except RequestCancelled as error:
                if error.sent:
                    _maybe_applied(part)
                else:
                    self._unsend(part)
                raise _Cancelled from error
            except UnreadableAnswerError as error:
                _maybe_applied(part)
                self._pacer.record(len(part), None)
                raise _NoAnswer(error) from error
            except RateLimitError as error:
                limits_hit += 1
                wait = min(self._rate_limit_wait(error, limits_hit, error.retry_after), self._longest_wait)
                yield from self._wait(
                    WaitKind.RATE_LIMIT,
                    wait,
                    Message.translate(
                        "Runner", "Market's rate limit was reached (HTTP {status}); waiting {seconds} s as Market asks."
                    ).with_args({"seconds": _secs(wait), "status": error.http_status}),
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
                if isinstance(error, ServerError) or error.sent:
                    _maybe_applied(part)
                else:
                    self._unsend(part)
                if isinstance(error, ServerError):
                    self._pacer.observe(error.rate)
                faults += 1
                if faults >= self.retry.attempts:
                    if isinstance(error, TransportError):
                        raise _NoAnswer(error) from error
                    raise
                wait = self.retry.backoff(faults, self._rng)
                if isinstance(error, ServerError) and error.retry_after is not None:
                    wait = max(wait, error.retry_after)  # Retry-After on a 503 is honoured
                if isinstance(error, TransportError) and error.timed_out and error.sent:
                    # The connection was cut, but Market may still be working on the request we gave up on:
                    # give it one more read timeout before sending another, so never two are in flight.
                    wait = max(wait, self.client.timeout[1])
                wait = min(wait, self._longest_wait)
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

    def _request_slot(self) -> Generator[Event, None, int]:
        """Market allows two requests in flight per login: wait (cancellably) while two with this key are out,
        from any process using this journal."""
        key = str(getattr(self.client, "key_id", ""))
        lifetime = float(getattr(self.client, "deadline", 60.0)) + 10.0
        while True:
            slot = self.journal.take_request_slot(key, self.job_id, MAX_IN_FLIGHT_PER_KEY, lifetime)
            if slot is not None:
                return slot
            yield from self._wait(
                WaitKind.PACING,
                0.2,
                Message.translate("Runner", "Two requests with this key are already out; waiting for one to end."),
            )

    def _unsend(self, part: Sequence[_Item]) -> None:
        """No connection was made: the SKUs that had never gone out before are not sent, as before."""
        self.journal.unsend(self.job_id, [item.seq for item in part if not item.maybe_applied])

    def _wait(self, kind: WaitKind, seconds: float, reason: Message) -> Generator[Event, None, None]:
        """Sleep in slices of at most a second, reporting the countdown and watching for cancel."""
        deadline = self._clock() + seconds
        while (left := deadline - self._clock()) > 0:
            self._heartbeat()
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
        """Everything picked but not processed: CANCELLED with `reason` (sent again on resume), except what
        went out without an answer, which is UNANSWERED: it may have been applied."""
        rest = self.journal.to_send(self.job_id, retry_failed=self.retry_failed, after=self._after)
        self._open.update((seq, _Item(seq, sku, attempts > 0)) for seq, sku, attempts in rest)
        self._unread = 0
        self._commit(
            [
                OutcomeUpdate(item.seq, Outcome.UNANSWERED, Message("Runner", UNANSWERED_TEXT))
                if item.maybe_applied
                else OutcomeUpdate(item.seq, Outcome.CANCELLED, reason, code, status)
                for item in list(self._open.values())
            ]
        )

    def _leave_open(self) -> None:
        """The run stops without anyone asking (no network): what was not sent stays pending."""
        self._commit(
            [
                OutcomeUpdate(item.seq, Outcome.UNANSWERED, Message("Runner", UNANSWERED_TEXT))
                if item.maybe_applied
                else OutcomeUpdate(item.seq, Outcome.PENDING)
                for item in list(self._open.values())
            ]
        )

    def _commit(self, updates: list[OutcomeUpdate]) -> None:
        self.journal.record(self.job_id, updates)
        self._heartbeat()
        for update in updates:
            if self._open.pop(update.seq, None) is not None:
                self._counts[Outcome.PENDING] -= 1  # cancelled items were counted as pending-to-send
            self._counts[update.outcome] += 1
        self._counts = Counter({k: v for k, v in self._counts.items() if v > 0})


class _JournalPacing:
    """ratelimit.SharedPacing kept in the journal, for one resource (an operation on one store or business)."""

    def __init__(self, journal: Journal, resource: str, longest: float) -> None:
        self.journal, self.resource, self.longest = journal, resource, longest
        self._reservation = 0  # the units reserved for the request out now (one at a time per runner)

    def delay(self, cost: int, limits: RateLimits, wall: float) -> float:
        delay, reservation = self.journal.pacing_delay(self.resource, cost, limits.amount, limits.window, wall)
        if reservation:
            self._reservation = reservation
        return delay

    def answered(self, rate: RateLimitState | None, wall: float) -> None:
        remaining = rate.remaining if rate is not None else None
        until = rate.until if rate is not None else None
        if until is not None:  # an Until further than the documented window is not believed (a year, an hour off)
            until = min(until, wall + self.longest)
        reservation, self._reservation = self._reservation, 0
        self.journal.pacing_answer(self.resource, remaining, until, wall, reservation)


def _resource(job: JobRecord) -> str:
    target = job.target
    return f"{job.operation.value}:{target.campaign_id or ''}:{target.business_id or ''}"


def _maybe_applied(part: Sequence[_Item]) -> None:
    for item in part:
        item.maybe_applied = True


def _secs(seconds: float) -> int:
    return max(1, round(seconds))


def _cancelled_message() -> Message:
    return Message(C, _CANCELLED)


def _rejection(code: str) -> Message:
    if code == "OFFER_DOES_NOT_EXIST":
        return Message(C, _NOT_IN_CABINET)
    return Message(C, _REJECTED_OTHER, {"code": code})
