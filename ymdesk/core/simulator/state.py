"""What the simulated Market knows: businesses, stores, promos, API prices and API keys.

All mutation goes through `MarketState` methods called with `state.lock` held (the server does
that); the read accessors take the lock themselves and return copies, so tests can look at the
state while requests are being handled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

# Scopes a key gets unless told otherwise: everything.
ALL_METHODS = "all-methods"


@dataclass(frozen=True)
class TokenGrant:
    """What an API key may touch: these businesses (and their stores), with these scopes."""

    businesses: frozenset[int]
    scopes: frozenset[str] = frozenset({ALL_METHODS})


@dataclass
class Business:
    id: int
    name: str
    # The business catalog (offer mappings). A dict keeps insertion order for stable answers.
    catalog: dict[str, None] = field(default_factory=dict)
    # SKUs with stock in a Market warehouse: the Market refuses to delete them anywhere, or to archive them.
    held_in_warehouse: set[str] = field(default_factory=set)
    # Catalog SKUs in the archive: hidden in every store of the business (status ARCHIVED there).
    archived: set[str] = field(default_factory=set)


@dataclass
class Campaign:
    id: int
    business_id: int
    domain: str
    placement_type: str  # FBS, FBY, DBS, LAAS
    api_availability: str = "AVAILABLE"
    offers: dict[str, None] = field(default_factory=dict)
    # Prices set through the API (the legacy removals call clears them).
    api_prices: dict[str, float] = field(default_factory=dict)


@dataclass
class Promo:
    id: str
    business_id: int
    name: str
    date_from: str  # ISO 8601 with offset, as the API sends it
    date_to: str
    mechanics: str  # DIRECT_DISCOUNT, BLUE_FLASH, MARKET_PROMOCODE
    offers: dict[str, None] = field(default_factory=dict)
    potential_offers: int = 0
    bestseller: bool = False
    participating: bool = False
    # time.monotonic() until which assortment changes are "still being applied".
    processing_until: float = 0.0

    def is_processing(self, now: float | None = None) -> bool:
        return (time.monotonic() if now is None else now) < self.processing_until


@dataclass
class MarketState:
    businesses: dict[int, Business] = field(default_factory=dict)
    campaigns: dict[int, Campaign] = field(default_factory=dict)
    promos: dict[str, Promo] = field(default_factory=dict)
    tokens: dict[str, TokenGrant] = field(default_factory=dict)
    # How long a promo stays `processing` after a change (the real Market takes 4-6 hours).
    processing_seconds: float = 3.0
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)

    # ------------------------------------------------------------ building

    def add_business(self, business_id: int, name: str, catalog: Iterable[str] = ()) -> Business:
        business = Business(business_id, name, dict.fromkeys(catalog))
        self.businesses[business_id] = business
        return business

    def add_campaign(
        self, campaign_id: int, business_id: int, domain: str, placement_type: str, offers: Iterable[str] = ()
    ) -> Campaign:
        campaign = Campaign(campaign_id, business_id, domain, placement_type, offers=dict.fromkeys(offers))
        self.campaigns[campaign_id] = campaign
        return campaign

    def add_promo(self, promo: Promo) -> Promo:
        self.promos[promo.id] = promo
        return promo

    def add_token(self, token: str, businesses: Iterable[int], scopes: Iterable[str] = (ALL_METHODS,)) -> None:
        with self.lock:
            self.tokens[token] = TokenGrant(frozenset(businesses), frozenset(scopes))

    def revoke_token(self, token: str) -> None:
        """Forget a key: the next request with it gets 401, even on an open connection."""
        with self.lock:
            self.tokens.pop(token, None)

    # ------------------------------------------------------------ operations (caller holds the lock)

    def campaigns_of(self, business_ids: Iterable[int]) -> list[Campaign]:
        wanted = set(business_ids)
        return sorted((c for c in self.campaigns.values() if c.business_id in wanted), key=lambda c: c.id)

    def delete_store_offers(self, campaign_id: int, skus: list[str]) -> list[str]:
        """Remove SKUs from one store; returns those not deleted (not in the store, or held)."""
        campaign = self.campaigns[campaign_id]
        held = self.businesses[campaign.business_id].held_in_warehouse
        not_deleted = []
        for sku in skus:
            if sku not in campaign.offers or sku in held:
                not_deleted.append(sku)
                continue
            del campaign.offers[sku]
            campaign.api_prices.pop(sku, None)
        return not_deleted

    def delete_catalog_offers(self, business_id: int, skus: list[str]) -> list[str]:
        """Remove SKUs from the catalog, every store and every promo of the business.

        Returns the SKUs held in a Market warehouse; SKUs the catalog does not have are fine.
        """
        business = self.businesses[business_id]
        stores = [c for c in self.campaigns.values() if c.business_id == business_id]
        promos = [p for p in self.promos.values() if p.business_id == business_id]
        not_deleted = []
        for sku in skus:
            if sku in business.held_in_warehouse:
                not_deleted.append(sku)
                continue
            business.catalog.pop(sku, None)
            business.archived.discard(sku)
            for store in stores:
                store.offers.pop(sku, None)
                store.api_prices.pop(sku, None)
            for promo in promos:
                promo.offers.pop(sku, None)
        return not_deleted

    def delete_promo_offers(self, promo_id: str, skus: list[str]) -> list[str]:
        """Remove SKUs from a promo; returns those the promo does not have."""
        promo = self.promos[promo_id]
        missing = []
        for sku in skus:
            if promo.offers.pop(sku, "absent") == "absent":
                missing.append(sku)
        promo.participating = bool(promo.offers)
        self._start_processing(promo)
        return missing

    def leave_promo(self, promo_id: str) -> None:
        promo = self.promos[promo_id]
        promo.offers.clear()
        promo.participating = False
        self._start_processing(promo)

    def remove_api_prices(self, campaign_id: int) -> None:
        self.campaigns[campaign_id].api_prices.clear()

    def archive_offers(self, business_id: int, skus: list[str]) -> list[tuple[str, str]]:
        """Put catalog SKUs in the archive; returns (sku, reason) for those that could not be.

        OFFER_HAS_STOCKS: held in a Market warehouse (the documented rule). UNKNOWN: not in the catalog
        (the spec's only other reason; what the real Market answers there is not documented).
        Archiving an archived SKU again is fine.
        """
        business = self.businesses[business_id]
        refused = []
        for sku in skus:
            if sku not in business.catalog:
                refused.append((sku, "UNKNOWN"))
            elif sku in business.held_in_warehouse:
                refused.append((sku, "OFFER_HAS_STOCKS"))
            else:
                business.archived.add(sku)
        return refused

    def unarchive_offers(self, business_id: int, skus: list[str]) -> list[str]:
        """Bring SKUs back from the archive; returns those not in the catalog. Unarchived ones are fine."""
        business = self.businesses[business_id]
        missing = []
        for sku in skus:
            if sku not in business.catalog:
                missing.append(sku)
            else:
                business.archived.discard(sku)
        return missing

    # ------------------------------------------------------------ changes behind the API's back (for tests)

    def quietly_restore(
        self, sku: str, *, campaign_id: int | None = None, business_id: int | None = None, promo_id: str | None = None
    ) -> None:
        """Put a SKU back where a delete took it from, as if someone did it in the seller cabinet.

        No request is logged and no limit is touched: for tests of "verify after". `business_id`
        restores it to the catalog only (stores keep what they have); `campaign_id` to that store (and
        to its business' catalog, since a store offer is always a catalog offer); `promo_id` to that promo.
        """
        with self.lock:
            if campaign_id is not None:
                campaign = self.campaigns[campaign_id]
                self.businesses[campaign.business_id].catalog.setdefault(sku, None)
                campaign.offers.setdefault(sku, None)
            if business_id is not None:
                self.businesses[business_id].catalog.setdefault(sku, None)
            if promo_id is not None:
                promo = self.promos[promo_id]
                promo.offers.setdefault(sku, None)
                promo.participating = True

    def _start_processing(self, promo: Promo) -> None:
        promo.processing_until = time.monotonic() + self.processing_seconds

    # ------------------------------------------------------------ read access for tests and the demo UI

    def store_offers(self, campaign_id: int) -> set[str]:
        with self.lock:
            return set(self.campaigns[campaign_id].offers)

    def catalog_offers(self, business_id: int) -> set[str]:
        with self.lock:
            return set(self.businesses[business_id].catalog)

    def promo_offers(self, promo_id: str) -> set[str]:
        with self.lock:
            return set(self.promos[promo_id].offers)

    def api_prices(self, campaign_id: int) -> dict[str, float]:
        with self.lock:
            return dict(self.campaigns[campaign_id].api_prices)

    def archived_offers(self, business_id: int) -> set[str]:
        with self.lock:
            return set(self.businesses[business_id].archived)

    def held_skus(self, business_id: int) -> set[str]:
        with self.lock:
            return set(self.businesses[business_id].held_in_warehouse)

    def promo_is_processing(self, promo_id: str) -> bool:
        with self.lock:
            return self.promos[promo_id].is_processing()
