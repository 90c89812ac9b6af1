"""Rate limits the way the Market counts them: fixed windows aligned to the epoch clock.

Each (resource, scope) pair has a window of `period` seconds starting at a multiple of `period`
(a 60 s window starts on the minute, a 2 s window on an even second) of the simulator's clock, which
tests may inject (see `clock.py`). SKU deletions, archive and unarchive cost the number of offerIds in
the request (x-resource-limit-config path req.offerIds); getCampaignOffers costs the number of offers
it returns (path resp, per the docs); the other calls cost 1. A request that does not fit is refused
whole and consumes nothing. A request counted by its answer cannot know its cost before it is served:
it is let through while the window has anything left, and then charged what it returned.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace
from email.utils import formatdate
from enum import StrEnum
from typing import Any


class Resource(StrEnum):
    """One rate-limited API method."""

    CAMPAIGNS = "campaigns"
    OFFERS_DELETE = "offers-delete"
    OFFER_MAPPINGS_DELETE = "offer-mappings-delete"
    PROMOS = "promos"
    PROMO_OFFERS_DELETE = "promo-offers-delete"
    PRICE_REMOVALS = "offer-prices-removals"
    CAMPAIGN_OFFERS = "campaign-offers"
    OFFER_MAPPINGS = "offer-mappings"
    PROMO_OFFERS = "promo-offers"
    OFFERS_ARCHIVE = "offer-mappings-archive"
    OFFERS_UNARCHIVE = "offer-mappings-unarchive"

    @property
    def counts_skus(self) -> bool:
        """True when the limit counts offerIds (x-resource-limit-config path req.offerIds)."""
        return self in (
            Resource.OFFERS_DELETE,
            Resource.OFFER_MAPPINGS_DELETE,
            Resource.OFFERS_ARCHIVE,
            Resource.OFFERS_UNARCHIVE,
        )

    @property
    def counts_answer(self) -> bool:
        """True when the limit counts the offers answered (getCampaignOffers, per the docs)."""
        return self is Resource.CAMPAIGN_OFFERS


@dataclass(frozen=True)
class RateLimit:
    amount: int
    period: float  # seconds

    def window(self, now: float) -> tuple[int, float]:
        """The index of the window holding `now` and the epoch second it ends at."""
        index = math.floor(now / self.period)
        return index, (index + 1) * self.period


HOUR = 3600.0
MINUTE = 60.0


@dataclass(frozen=True)
class Limits:
    """Per-method limits; defaults are the documented ones for a plain ("none") account."""

    campaigns: RateLimit = RateLimit(1000, HOUR)
    offers_delete: RateLimit = RateLimit(5000, MINUTE)  # SKUs per campaign
    offer_mappings_delete: RateLimit = RateLimit(5000, MINUTE)  # SKUs per business
    promos: RateLimit = RateLimit(1000, HOUR)
    promo_offers_delete: RateLimit = RateLimit(5000, HOUR)  # requests per business
    price_removals: RateLimit = RateLimit(1000, HOUR)  # not documented; a guess
    campaign_offers: RateLimit = RateLimit(1000, MINUTE)  # offers returned, per campaign
    # Requests per business. The spec says "path: resp" (as for GET v2/campaigns, counted in requests
    # here too); counting the offers returned would make 100 a minute one page a minute.
    offer_mappings: RateLimit = RateLimit(100, MINUTE)
    promo_offers: RateLimit = RateLimit(5000, HOUR)  # requests per business (path: resp, as above)
    offers_archive: RateLimit = RateLimit(5000, MINUTE)  # SKUs per business
    offers_unarchive: RateLimit = RateLimit(5000, MINUTE)  # SKUs per business
    # False: answer without X-RateLimit-* headers, to exercise the client's fallback pacing.
    send_headers: bool = True

    def of(self, resource: Resource) -> RateLimit:
        return {
            Resource.CAMPAIGNS: self.campaigns,
            Resource.OFFERS_DELETE: self.offers_delete,
            Resource.OFFER_MAPPINGS_DELETE: self.offer_mappings_delete,
            Resource.PROMOS: self.promos,
            Resource.PROMO_OFFERS_DELETE: self.promo_offers_delete,
            Resource.PRICE_REMOVALS: self.price_removals,
            Resource.CAMPAIGN_OFFERS: self.campaign_offers,
            Resource.OFFER_MAPPINGS: self.offer_mappings,
            Resource.PROMO_OFFERS: self.promo_offers,
            Resource.OFFERS_ARCHIVE: self.offers_archive,
            Resource.OFFERS_UNARCHIVE: self.offers_unarchive,
        }[resource]

    @classmethod
    def fast(cls, skus: int = 1000, requests: int = 100, period: float = 2.0, send_headers: bool = True) -> Limits:
        """Same shape, short windows: `skus` per `period` for the methods counted in offers (deletions,
        archive, unarchive, and getCampaignOffers' offers returned), `requests` for the rest."""
        sku_limit, request_limit = RateLimit(skus, period), RateLimit(requests, period)
        return cls(
            campaigns=request_limit,
            offers_delete=sku_limit,
            offer_mappings_delete=sku_limit,
            promos=request_limit,
            promo_offers_delete=request_limit,
            price_removals=request_limit,
            campaign_offers=sku_limit,
            offer_mappings=request_limit,
            promo_offers=request_limit,
            offers_archive=sku_limit,
            offers_unarchive=sku_limit,
            send_headers=send_headers,
        )

    @classmethod
    def unlimited(cls) -> Limits:
        big = RateLimit(10**12, HOUR)
        changes: dict[str, Any] = {resource.name.lower(): big for resource in Resource}
        return replace(cls(), **changes)

    def with_limit(self, resource: Resource, limit: RateLimit) -> Limits:
        changes: dict[str, Any] = {resource.name.lower(): limit}
        return replace(self, **changes)


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    until: float  # epoch seconds the current window ends

    def headers(self) -> list[tuple[str, str]]:
        return rate_limit_headers(self.limit, self.remaining, self.until)


def rate_limit_headers(limit: int, remaining: int, until: float) -> list[tuple[str, str]]:
    # Round the reset UP to a whole second: a client waiting until this date must never be early.
    # Rounding to microseconds first keeps float noise (2.0000000001) from adding a whole second.
    until_second = math.ceil(round(until, 6))
    return [
        ("X-RateLimit-Resource-Limit", str(limit)),
        ("X-RateLimit-Resource-Remaining", str(max(remaining, 0))),
        ("X-RateLimit-Resource-Until", formatdate(until_second, usegmt=True)),
    ]


class RateLimiter:
    """Fixed-window counters per (resource, scope). Thread-safe."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._used: dict[tuple[Resource, str], tuple[int, int]] = {}  # -> (window index, used)
        self._lock = threading.Lock()

    def check(self, resource: Resource, scope: str, cost: int, now: float) -> Verdict:
        """Would `cost` fit in the current window? Consumes nothing."""
        with self._lock:
            limit = self.limits.of(resource)
            index, until = limit.window(now)
            used = self._used_in(resource, scope, index)
            return Verdict(used + cost <= limit.amount, limit.amount, limit.amount - used, until)

    def consume(self, resource: Resource, scope: str, cost: int, now: float) -> Verdict:
        """Count `cost` against the current window (after a successful `check`)."""
        with self._lock:
            limit = self.limits.of(resource)
            index, until = limit.window(now)
            used = self._used_in(resource, scope, index) + cost
            self._used[resource, scope] = (index, used)
            return Verdict(True, limit.amount, limit.amount - used, until)

    def reset(self) -> None:
        with self._lock:
            self._used.clear()

    def _used_in(self, resource: Resource, scope: str, index: int) -> int:
        window_index, used = self._used.get((resource, scope), (index, 0))
        return used if window_index == index else 0
