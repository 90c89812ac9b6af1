"""The words the whole program shares: operations, targets, per-SKU outcomes and job items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from ymdesk.core.messages import QT_TRANSLATE_NOOP

#: The API accepts at most this many offer ids in one request (maxItems in the spec).
MAX_BATCH = 500


T = TypeVar("T")


def batches_of(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Consecutive slices of at most `size` (capped at MAX_BATCH): every item exactly once, in order."""
    size = max(1, min(size, MAX_BATCH))
    return [items[start : start + size] for start in range(0, len(items), size)]


class Operation(StrEnum):
    DELETE_OFFERS = "delete-offers"  # POST v2/campaigns/{campaignId}/offers/delete
    DELETE_FROM_CATALOG = "delete-from-catalog"  # POST v2/businesses/{businessId}/offer-mappings/delete
    DELETE_PROMO_OFFERS = "delete-promo-offers"  # POST v2/businesses/{businessId}/promos/offers/delete
    REMOVE_PRICES = "remove-prices"  # POST v2/campaigns/{campaignId}/offer-prices/removals (legacy)

    @property
    def takes_skus(self) -> bool:
        return self is not Operation.REMOVE_PRICES

    @property
    def label(self) -> str:
        """English name for people (not `title`: that would hide str.title); translate in context "Operation"."""
        return OPERATION_TITLES[self]


OPERATION_TITLES = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP("Operation", "Delete products from the store"),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP("Operation", "Delete products from the business catalog"),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP("Operation", "Remove products from the promo"),
    Operation.REMOVE_PRICES: QT_TRANSLATE_NOOP("Operation", "Remove all prices set through the API"),
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
    """Exactly one per picked SKU once a job is over. PENDING is the only non-final value."""

    PENDING = "pending"
    DELETED = "deleted"
    NOT_DELETED = "not_deleted"  # notDeletedOfferIds: not found, or held in a Market warehouse
    REJECTED = "rejected"  # rejectedOffers with a reason (promos)
    INVALID = "invalid"  # failed the ShopSku rules; never sent
    FAILED = "failed"  # HTTP/API error after bounded retries
    CANCELLED = "cancelled"  # never processed: the user cancelled or the job stopped; resumable

    @property
    def is_success(self) -> bool:
        return self is Outcome.DELETED

    @property
    def needs_sending(self) -> bool:
        """SKUs a resumed job sends again: never sent, or never processed by the server."""
        return self in (Outcome.PENDING, Outcome.CANCELLED)


OUTCOME_TITLES = {
    Outcome.PENDING: QT_TRANSLATE_NOOP("Outcome", "pending"),
    Outcome.DELETED: QT_TRANSLATE_NOOP("Outcome", "deleted"),
    Outcome.NOT_DELETED: QT_TRANSLATE_NOOP("Outcome", "not deleted"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("Outcome", "rejected"),
    Outcome.INVALID: QT_TRANSLATE_NOOP("Outcome", "invalid"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Outcome", "failed"),
    Outcome.CANCELLED: QT_TRANSLATE_NOOP("Outcome", "cancelled"),
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
