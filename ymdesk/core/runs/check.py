"""Checking picked SKUs against what Market has, before a run and after it.

`OfferReader` looks SKUs up with the read method that belongs to the target of an operation:
a store (getCampaignOffers, `offerIds` batches of 200), the business catalog (getOfferMappings,
batches of 100, the spec's maxItems) or a promo (getPromoOffers, paged: it has no `offerIds`
filter). It keeps to the read method's own rate limit (its X-RateLimit-* headers while Market sends
them, else the documented limit), waits out 420s, retries network faults and 5xx (a read changes
nothing, so retrying is always safe), and stops within a second when cancelled.

`run_check` is the "Check against Market" step: how many picked SKUs the target has, which it has
not (they would come back "not found"), which are archived, and what else Market's answer says
that changes the outcome. `plan_check` estimates its duration before it starts, next to the run's.
The same reader settles unanswered requests and verifies finished runs (ymdesk.core.runs.verify).
"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar, Unpack

from ymdesk.core.market.client import (
    CAMPAIGN_OFFERS_MAX_IDS,
    OFFER_MAPPINGS_MAX_IDS,
    PROMO_OFFERS_PAGE_LIMIT,
    LockedError,
    MarketClient,
    OfferLookup,
    OffersPage,
    OfferState,
    RateLimitError,
    RateLimitState,
    ServerError,
    TransportError,
)
from ymdesk.core.market.ratelimit import (
    DEFAULT_LIMITS,
    PacedCalls,
    Pacer,
    Pacing,
    RateLimits,
    estimate_seconds,
)
from ymdesk.core.messages import Message, Renderer, UserError, english
from ymdesk.core.model import MAX_BATCH, Operation, Target
from ymdesk.core.runs.events import LogLine, Waiting, WaitKind

log = logging.getLogger(__name__)
C = "Check"


class Where(StrEnum):
    """Which list of Market's an operation's SKUs are looked up in."""

    STORE = "store"  # POST v2/campaigns/{campaignId}/offers (getCampaignOffers)
    CATALOG = "catalog"  # POST v2/businesses/{businessId}/offer-mappings (getOfferMappings)
    PROMO = "promo"  # POST v2/businesses/{businessId}/promos/offers (getPromoOffers)


# offerIds per read request (the spec's maxItems), and the page size for a promo (its maximum `limit`).
IDS_PER_READ = {
    Where.STORE: CAMPAIGN_OFFERS_MAX_IDS,
    Where.CATALOG: OFFER_MAPPINGS_MAX_IDS,
    Where.PROMO: PROMO_OFFERS_PAGE_LIMIT,
}

# The read methods' documented limits on the lowest tier (x-resource-limit-config "none"):
# getCampaignOffers counts the offers it returns, the other two count requests.
READ_LIMITS: dict[Where, RateLimits] = {
    Where.STORE: RateLimits(1000, 60.0, per_sku=True),
    Where.CATALOG: RateLimits(100, 60.0, per_sku=False),
    Where.PROMO: RateLimits(5000, 3600.0, per_sku=False),
}

# A check is called longer than the run only when it is longer by more than this.
NOTICEABLE_SECONDS = 5.0


def where_to_read(operation: Operation, target: Target) -> Where | None:
    """The read method for an operation's SKUs; None when the operation takes no SKUs."""
    if not operation.takes_skus or target.all_offers:
        return None
    if operation is Operation.DELETE_OFFERS:
        return Where.STORE
    if operation is Operation.DELETE_PROMO_OFFERS:
        return Where.PROMO
    return Where.CATALOG  # delete from the catalog, archive, unarchive: the business catalog


@dataclass(frozen=True)
class ReadProgress:
    """After each read request: SKUs looked up so far (for a promo: offers read so far)."""

    done: int
    total: int
    requests: int
    requests_total: int | None  # None: a promo whose size is not known in advance


class ReadCancelled(Exception):
    """The cancel Event was set while reading."""


class UnreadableListing(UserError):
    """A promo listing that stopped before its end (a repeated page token, too many pages)."""

    def __init__(self, why: str) -> None:
        super().__init__(
            Message.translate("Check", "Market's list of the promo's products stopped early ({why}).").with_args(
                why=why
            )
        )


class _Answer(Protocol):
    @property
    def rate(self) -> RateLimitState | None: ...


A = TypeVar("A", bound=_Answer)


class _PromoListing:
    """get_promo_offers' pages one call at a time; a failed page starts the listing over (a read is safe)."""

    def __init__(self, client: MarketClient, business_id: int, promo_id: str) -> None:
        self._start = functools.partial(client.get_promo_offers, business_id, promo_id, limit=PROMO_OFFERS_PAGE_LIMIT)
        self._pages: Iterator[OffersPage] = self._start()
        self.restarted = False

    def __call__(self) -> OffersPage:
        try:
            return next(self._pages)
        except Exception:
            self._pages, self.restarted = self._start(), True
            raise


ReadEvent = ReadProgress | Waiting | LogLine


class OfferReader(PacedCalls):
    """Looks SKUs up in a store, the catalog or a promo, paced, retried and cancellable."""

    def __init__(self, client: MarketClient, where: Where, target: Target, **pacing: Unpack[Pacing]) -> None:
        super().__init__(READ_LIMITS[where], pacing)
        self.client = client
        self.where = where
        self.target = target
        self._pacer = Pacer(self.limits, wall=self._wall, clock=self._clock)
        self.requests = 0
        # What the last `read` found so far, and how many of its SKUs were looked up: still
        # meaningful after a ReadCancelled (store and catalog; a promo counts only when read whole).
        self.found: dict[str, OfferState] = {}
        self.looked_up = 0

    # ------------------------------------------------------------ reading

    def read(self, skus: Sequence[str]) -> Generator[ReadEvent, None, dict[str, OfferState]]:
        """What Market has of `skus` (unique): SKU -> state, for the SKUs it has (a promo: takes part in)."""
        self.found, self.looked_up = {}, 0
        if not skus:
            return {}
        if self.where is Where.PROMO:
            return (yield from self._read_promo(set(skus), len(skus)))
        found = self.found
        size = IDS_PER_READ[self.where]
        chunks = [skus[start : start + size] for start in range(0, len(skus), size)]
        done = 0
        for number, chunk in enumerate(chunks, 1):
            lookup = yield from self._call(functools.partial(self._send_ids, list(chunk)), len(chunk))
            self._pacer.record(lookup.returned if self.limits.per_sku else 1, lookup.rate)
            found.update((sku, state) for sku, state in lookup.offers.items() if state.present)
            done += len(chunk)
            self.looked_up = done
            yield ReadProgress(done, len(skus), number, len(chunks))
        return found

    def _send_ids(self, ids: list[str]) -> OfferLookup:
        if self.where is Where.STORE:
            return self.client.get_campaign_offers(_need(self.target.campaign_id), ids)
        return self.client.get_offer_mappings(_need(self.target.business_id), ids)

    def _read_promo(self, wanted: set[str], count: int) -> Generator[ReadEvent, None, dict[str, OfferState]]:
        found: dict[str, OfferState] = {}
        pages = offers = 0
        listing = _PromoListing(self.client, _need(self.target.business_id), _need(self.target.promo_id))
        while True:
            page = yield from self._call(listing, 1)
            self._pacer.record(1, page.rate)
            if listing.restarted:  # a page failed and the listing started over: count from its first page
                found.clear()
                pages = offers = 0
                listing.restarted = False
            pages += 1
            offers += len(page.offers)
            found.update((o.offer_id, o) for o in page.offers if o.present and o.offer_id in wanted)
            yield ReadProgress(offers, offers, pages, pages if page.end is not None else None)
            if page.end is not None:
                if not page.end.complete:
                    raise UnreadableListing(page.end.value)
                self.found, self.looked_up = found, count
                return found

    # ------------------------------------------------------------ one request, paced and retried

    def _call(self, send: Callable[[], A], units: int) -> Generator[ReadEvent, None, A]:
        faults = limits_hit = 0
        while True:
            delay = self._pacer.delay_before(units)
            if delay > 0:
                yield from self._wait(
                    WaitKind.PACING,
                    delay,
                    Message.translate("Check", "Keeping to Market's read limit: next request in {seconds} s."),
                )
            self._check_cancel()
            try:
                result = send()
            except RateLimitError as error:
                limits_hit += 1
                yield from self._wait(
                    WaitKind.RATE_LIMIT,
                    self._rate_limit_wait(error, limits_hit),
                    Message.translate(
                        "Check", "Market's read limit was reached (HTTP 420); waiting {seconds} s as Market asks."
                    ),
                )
            except (ServerError, LockedError, TransportError) as error:
                if isinstance(error, ServerError | LockedError):
                    self._pacer.observe(error.rate)
                faults += 1
                if faults >= self.retry.attempts:
                    raise
                wait = self.retry.backoff(faults, self._rng)
                yield from self._wait(
                    WaitKind.RETRY,
                    wait,
                    Message.translate("Check", "{problem} Reading again in {seconds} s.").with_args(
                        problem=error.message.english()
                    ),
                )
            else:
                self.requests += 1
                return result

    def _wait(self, kind: WaitKind, seconds: float, reason: Message) -> Generator[ReadEvent, None, None]:
        deadline = self._clock() + seconds
        while (left := deadline - self._clock()) > 0:
            yield Waiting(kind, left, reason.with_args(seconds=max(1, round(left))))
            if self.cancel.wait(min(1.0, left)):
                raise ReadCancelled

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise ReadCancelled


def reader_for(
    client: MarketClient, operation: Operation, target: Target, **pacing: Unpack[Pacing]
) -> OfferReader | None:
    """The reader for an operation's target, or None when the operation takes no SKUs."""
    where = where_to_read(operation, target)
    return OfferReader(client, where, target, **pacing) if where is not None else None


# ---------------------------------------------------------------- the check before a run


@dataclass(frozen=True)
class CheckPlan:
    where: Where
    skus: int
    requests: int | None  # None: a promo of unknown size
    seconds: float  # the check's own estimate
    run_seconds: float  # the run's estimate, for comparison

    @property
    def slower_than_run(self) -> bool:
        """Noticeably longer than the run: a few seconds either way are not worth a sentence."""
        return self.seconds > self.run_seconds + NOTICEABLE_SECONDS

    def describe(self, render: Renderer = english) -> Message:
        check, run = render(duration(self.seconds)), render(duration(self.run_seconds))
        if self.slower_than_run:
            return Message.translate(
                "Check",
                "Checking {count:n} {count:plural:SKU|SKUs} against Market takes about {check}, longer than the run "
                "itself (about {run}): Market allows fewer reads than changes.",
            ).with_args(count=self.skus, check=check, run=run)
        return Message.translate(
            "Check", "Checking {count:n} {count:plural:SKU|SKUs} against Market takes about {check}."
        ).with_args(count=self.skus, check=check)


def plan_check(
    operation: Operation,
    target: Target,
    skus: int,
    *,
    batch_size: int = MAX_BATCH,
    promo_size: int | None = None,
    limits: RateLimits | None = None,
    run_limits: RateLimits | None = None,
) -> CheckPlan | None:
    """How long a check of `skus` SKUs would take, next to the run's own estimate; None: nothing to check."""
    where = where_to_read(operation, target)
    if where is None:
        return None
    read_limits = limits or READ_LIMITS[where]
    if where is Where.PROMO:
        offers = promo_size if promo_size is not None else skus
        seconds = estimate_seconds(offers, read_limits, IDS_PER_READ[where])
        requests: int | None = -(-offers // IDS_PER_READ[where]) if promo_size is not None else None
    else:
        seconds = estimate_seconds(skus, read_limits, IDS_PER_READ[where])
        requests = -(-skus // IDS_PER_READ[where])
    run = estimate_seconds(skus, run_limits or DEFAULT_LIMITS[operation], batch_size)
    return CheckPlan(where, skus, requests, seconds, run)


@dataclass(frozen=True)
class CheckResult:
    operation: Operation
    where: Where
    checked: int  # picked valid SKUs looked up (all of them unless cancelled)
    picked: int
    found: int  # of those, the target has
    missing: list[str]  # the target has not: they would come back "not found"
    archived: list[str]  # in the archive
    statuses: dict[str, int] = field(default_factory=dict)  # Market's status -> count, among the found
    # Catalog only: store (campaign id) -> how many of the found SKUs it places; a catalog delete or an
    # archive takes them out of every one of them.
    stores: dict[int, int] = field(default_factory=dict)
    cancelled: bool = False
    seconds: float = 0.0
    requests: int = 0

    placed: int = 0  # catalog only: found SKUs placed in at least one store

    @property
    def complete(self) -> bool:
        return not self.cancelled and self.checked == self.picked

    def lines(self, render: Renderer = english) -> list[Message]:
        """The result in a few sentences, for the CLI and the dialog."""
        where = render(
            {
                Where.STORE: Message.translate("Check", "the store"),
                Where.CATALOG: Message.translate("Check", "the business catalog"),
                Where.PROMO: Message.translate("Check", "the promo"),
            }[self.where]
        )
        out: list[Message] = []
        if self.cancelled:
            out.append(
                Message.translate(
                    "Check", "Check cancelled after {checked:n} of {picked:n} {picked:plural:SKU|SKUs}."
                ).with_args(checked=self.checked, picked=self.picked)
            )
        out.append(
            Message.translate(
                "Check", "Market has {found:n} of the {checked:n} checked {checked:plural:SKU|SKUs} in {where}."
            ).with_args(found=self.found, checked=self.checked, where=where)
        )
        if self.missing:
            out.append(
                Message.translate(
                    "Check",
                    "{count:n} {count:plural:is|are} not there: the run would report {count:plural:it|them} "
                    "“not found”; you can drop {count:plural:it|them}.",
                ).with_args(count=len(self.missing))
            )
        if self.operation is Operation.UNARCHIVE:
            not_archived = self.found - len(self.archived)
            if not_archived:
                out.append(
                    Message.translate(
                        "Check", "{count:n} {count:plural:is|are} not in the archive: there is nothing to bring back."
                    ).with_args(count=not_archived)
                )
        elif self.archived:
            if self.operation is Operation.ARCHIVE:
                text = Message.translate("Check", "{count:n} {count:plural:is|are} already in the archive.")
            else:
                text = Message.translate(
                    "Check", "{count:n} {count:plural:is|are} in the archive (hidden in every store)."
                )
            out.append(text.with_args(count=len(self.archived)))
        if self.stores and self.operation in (Operation.DELETE_FROM_CATALOG, Operation.ARCHIVE):
            out.append(
                Message.translate(
                    "Check",
                    "{count} of them are placed in stores; this takes them out of all {stores} of those stores.",
                ).with_args(count=self.placed, stores=len(self.stores))
            )
        if self.statuses and self.where is not Where.CATALOG:
            tally = ", ".join(f"{status} {count}" for status, count in sorted(self.statuses.items()))
            out.append(Message.translate("Check", "Statuses on Market: {tally}.").with_args(tally=tally))
        return out


CheckEvent = ReadEvent


def run_check(
    client: MarketClient,
    operation: Operation,
    target: Target,
    skus: Sequence[str],
    **pacing: Unpack[Pacing],
) -> Generator[CheckEvent, None, CheckResult]:
    """Look the picked valid SKUs up; on cancel, the result covers what was read so far."""
    reader = reader_for(client, operation, target, **pacing)
    if reader is None:
        raise ValueError(f"{operation.value} works on the whole target; there is nothing to check")
    unique = list(dict.fromkeys(skus))
    clock = pacing.get("clock", time.monotonic)
    started = clock()
    cancelled = False
    try:
        yield from reader.read(unique)
    except ReadCancelled:
        cancelled = True
    found, checked = reader.found, reader.looked_up
    looked_up = unique[:checked]
    missing = [sku for sku in looked_up if sku not in found]
    archived = [sku for sku in looked_up if sku in found and found[sku].archived]
    statuses = Counter(str(found[sku].status) for sku in looked_up if sku in found and found[sku].status)
    stores = Counter(store for sku in looked_up if sku in found for store, _ in found[sku].stores)
    placed = sum(1 for sku in looked_up if sku in found and found[sku].stores)
    result = CheckResult(
        operation,
        reader.where,
        checked,
        len(unique),
        len(looked_up) - len(missing),
        missing,
        archived,
        statuses=dict(statuses),
        stores=dict(stores),
        cancelled=cancelled,
        seconds=clock() - started,
        requests=reader.requests,
        placed=placed,
    )
    log.info(
        "check %s %s: %d checked, %d found, %d missing, %d archived, %d requests in %.1fs%s",
        operation.value,
        target.describe(),
        result.checked,
        result.found,
        len(missing),
        len(archived),
        result.requests,
        result.seconds,
        " (cancelled)" if cancelled else "",
    )
    return result


def _need(value: Any) -> Any:
    if value is None:
        raise ValueError("the target lacks an id its read method needs")
    return value


def duration(seconds: float) -> Message:
    if seconds < 120:
        return Message.translate("Check", "{seconds} s").with_args(seconds=max(1, round(seconds)))
    return Message.translate("Check", "{minutes} min").with_args(minutes=round(seconds / 60))
