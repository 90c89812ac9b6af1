"""The words the whole program shares: operations, targets, per-SKU outcomes and job items."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar, overload

from ymdesk.core.messages import QT_TRANSLATE_NOOP

# The API accepts at most this many offer ids in one request (maxItems in the spec); some methods fewer
# (Operation.max_batch).
MAX_BATCH = 500
# Market refuses (HTTP 400) any request whose body is larger than this.
MAX_REQUEST_BYTES = 512 * 1024


T = TypeVar("T")


def batches_of(items: Sequence[T], size: int, operation: Operation | None = None) -> list[Sequence[T]]:
    """Consecutive slices of at most `size`, capped at MAX_BATCH and at the operation's own limit
    (`Operation.max_batch`, e.g. 200 for catalog deletes): every item exactly once, in order."""
    size = max(1, min(size, MAX_BATCH if operation is None else operation.max_batch))
    return [items[start : start + size] for start in range(0, len(items), size)]


class Operation(StrEnum):
    DELETE_OFFERS = "delete-offers"  # POST v2/campaigns/{campaignId}/offers/delete
    DELETE_FROM_CATALOG = "delete-from-catalog"  # POST v2/businesses/{businessId}/offer-mappings/delete
    DELETE_PROMO_OFFERS = "delete-promo-offers"  # POST v2/businesses/{businessId}/promos/offers/delete
    REMOVE_PRICES = "remove-prices"  # POST v2/campaigns/{campaignId}/offer-prices/removals (legacy)
    ARCHIVE = "archive"  # POST v2/businesses/{businessId}/offer-mappings/archive
    UNARCHIVE = "unarchive"  # POST v2/businesses/{businessId}/offer-mappings/unarchive

    @property
    def takes_skus(self) -> bool:
        return self is not Operation.REMOVE_PRICES

    @property
    def max_batch(self) -> int:
        """SKUs per request at most. The method page of offer-mappings/delete says "no more than 200
        products per request" (every version since 2025) although its schema allows 500; archive and
        unarchive have maxItems 200. A 400 about the size must never turn into a bisection storm."""
        if self in (Operation.DELETE_FROM_CATALOG, Operation.ARCHIVE, Operation.UNARCHIVE):
            return 200
        return MAX_BATCH

    @property
    def label(self) -> str:
        """English name for people (not `title`: that would hide str.title); translate in context "Operation"."""
        return OPERATION_TITLES[self]


OPERATION_TITLES = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP("Operation", "Delete products from the store"),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP("Operation", "Delete products from the business catalog"),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP("Operation", "Remove products from the promo"),
    Operation.REMOVE_PRICES: QT_TRANSLATE_NOOP("Operation", "Remove all prices set through the API"),
    Operation.ARCHIVE: QT_TRANSLATE_NOOP("Operation", "Put products into the archive"),
    Operation.UNARCHIVE: QT_TRANSLATE_NOOP("Operation", "Restore products from the archive"),
}


@dataclass(frozen=True)
class Target:
    """Where an operation applies. Which fields are needed depends on the operation."""

    campaign_id: int | None = None
    business_id: int | None = None
    promo_id: str | None = None
    all_offers: bool = False  # delete-promo-offers only: leave the promo entirely

    def describe(self) -> str:
        parts = []
        if self.campaign_id is not None:
            parts.append(f"campaign {self.campaign_id}")
        if self.business_id is not None:
            parts.append(f"business {self.business_id}")
        if self.promo_id is not None:
            parts.append(f"promo {self.promo_id}")
        if self.all_offers:
            parts.append("all offers")
        return ", ".join(parts)


class Outcome(StrEnum):
    """Exactly one per picked SKU once a job is over. PENDING is the only non-final value; UNANSWERED is
    final for the run that recorded it but unresolved: Market may or may not have applied the request."""

    PENDING = "pending"
    DELETED = "deleted"
    NOT_DELETED = "not_deleted"  # notDeletedOfferIds: not found, or held in a Market warehouse
    REJECTED = "rejected"  # rejectedOffers with a reason (promos)
    INVALID = "invalid"  # failed the ShopSku rules; never sent
    FAILED = "failed"  # HTTP/API error after bounded retries
    CANCELLED = "cancelled"  # never processed: the user cancelled or the job stopped; resumable
    # Sent, but no readable answer: a timeout, a dropped connection, a kill or cancel during the request,
    # an answer that was not the method's documented JSON. Market may have applied it. Recorded before the
    # request goes out, so a process killed mid-request leaves exactly this. Resume resends or verifies.
    UNANSWERED = "unanswered"
    ARCHIVED = "archived"  # archive: Market put it in the archive (hidden in every store)
    UNARCHIVED = "unarchived"  # unarchive: Market brought it back from the archive

    @property
    def is_success(self) -> bool:
        return self in (Outcome.DELETED, Outcome.ARCHIVED, Outcome.UNARCHIVED)

    @property
    def needs_sending(self) -> bool:
        """SKUs a resumed job sends again (or, where a read method exists, verifies first): never sent,
        never processed by the server, or sent without a readable answer."""
        return self in (Outcome.PENDING, Outcome.CANCELLED, Outcome.UNANSWERED)

    @property
    def may_be_applied(self) -> bool:
        """Market may have done it although ymdesk does not know: resolve it before calling it failed."""
        return self is Outcome.UNANSWERED


# HTTP statuses of a FAILED outcome worth trying again (`resume --retry-failed`): Market's own trouble
# (5xx), locks (423), rate limits (420, 429). None is a network fault or timeout. A 400 with Market's
# reason, a 404, a rejection are permanent and never resent.
RETRIABLE_STATUSES = frozenset({420, 423, 429})


def is_retriable_failure(outcome: Outcome, http_status: int | None) -> bool:
    if outcome is not Outcome.FAILED:
        return False
    return http_status is None or http_status >= 500 or http_status in RETRIABLE_STATUSES


OUTCOME_TITLES = {
    Outcome.PENDING: QT_TRANSLATE_NOOP("Outcome", "pending"),
    Outcome.DELETED: QT_TRANSLATE_NOOP("Outcome", "deleted"),
    Outcome.NOT_DELETED: QT_TRANSLATE_NOOP("Outcome", "not deleted"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("Outcome", "rejected"),
    Outcome.INVALID: QT_TRANSLATE_NOOP("Outcome", "invalid"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Outcome", "failed"),
    Outcome.CANCELLED: QT_TRANSLATE_NOOP("Outcome", "cancelled"),
    Outcome.UNANSWERED: QT_TRANSLATE_NOOP("Outcome", "sent, no answer"),
    Outcome.ARCHIVED: QT_TRANSLATE_NOOP("Outcome", "archived"),
    Outcome.UNARCHIVED: QT_TRANSLATE_NOOP("Outcome", "back from the archive"),
}


@dataclass(frozen=True)
class JobItem:
    """One picked SKU as it goes into a job.

    `sku` is what is sent (trimmed the way the server trims); `raw` is the cell exactly as in the
    file, for the report; `row` is the sheet row / CSV line the user sees. An item with an
    `invalid` message is recorded with outcome INVALID and never sent.
    """

    sku: str
    raw: str
    row: int | None = None
    invalid: str | None = None  # Message.to_json() of the reason, when the SKU breaks the rules


@dataclass(frozen=True, eq=False)
class JobItems(Sequence[JobItem]):
    """A job's picked SKUs as columns, in file order: what `Catalog.job_items` builds and
    `Journal.create_job` records without a Python object per SKU (a million of them took seconds).

    `skus[i]` is what is sent, `rows[i]` the row the person sees. Only the few items that differ from
    the common case carry more: `raws` (position -> the cell as in the file, where it is not the SKU
    itself) and `invalid` (position -> Message.to_json() of the reason). Indexing gives a `JobItem`.
    """

    skus: list[str]
    rows: list[int | None]
    raws: dict[int, str] = field(default_factory=dict)
    invalid: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, items: Iterable[JobItem]) -> JobItems:
        if isinstance(items, JobItems):
            return items
        skus: list[str] = []
        rows: list[int | None] = []
        raws: dict[int, str] = {}
        invalid: dict[int, str] = {}
        for position, item in enumerate(items):
            skus.append(item.sku)
            rows.append(item.row)
            if item.raw != item.sku:
                raws[position] = item.raw
            if item.invalid is not None:
                invalid[position] = item.invalid
        return cls(skus, rows, raws, invalid)

    @property
    def sendable(self) -> int:
        """Items that go to Market (the valid ones)."""
        return len(self.skus) - len(self.invalid)

    def __len__(self) -> int:
        return len(self.skus)

    @overload
    def __getitem__(self, index: int) -> JobItem: ...

    @overload
    def __getitem__(self, index: slice) -> JobItems: ...

    def __getitem__(self, index: int | slice) -> JobItem | JobItems:
        if isinstance(index, slice):
            positions = range(len(self.skus))[index]
            return JobItems.of(self[p] for p in positions)
        position = range(len(self.skus))[index]  # IndexError and negative indexes as a list has them
        sku = self.skus[position]
        return JobItem(sku, self.raws.get(position, sku), self.rows[position], self.invalid.get(position))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable columns: not hashable, as a list is not
