"""The simulated Market Partner API, independent of HTTP plumbing: request in, `Answer` out.

Order of checks for every request (each step's failure answers at once):
route (404 unknown path, 405 wrong method, 404 gone legacy call) -> Api-Key (401) -> key scope (403)
-> campaign/business exists (404) and the key covers it (403) -> body (400) -> injected 420 burst
-> rate limit (420, consumes nothing) -> injected 423 / 5xx / dropped connection -> apply -> answer.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ymdesk.core.simulator.clock import Clock, wall_clock
from ymdesk.core.simulator.faults import NO_FAULTS, FaultDrawer, FaultPlan, Faults
from ymdesk.core.simulator.limits import Limits, RateLimiter, Resource, Verdict, rate_limit_headers
from ymdesk.core.simulator.records import InFlight
from ymdesk.core.simulator.state import ALL_METHODS, Business, Campaign, MarketState, TokenGrant
from ymdesk.core.simulator.validation import (
    ApiFailure,
    bad_request,
    error_body,
    is_positive_int32,
    is_string,
    one_of,
    parse_filter,
    parse_json_object,
    parse_offer_ids,
    refuse_bad_skus,
)

Payload = dict[str, Any]

# Page size for GET v2/campaigns when the client sends no `limit` (the spec gives no default).
DEFAULT_CAMPAIGNS_PAGE = 50
MAX_CAMPAIGNS_PAGE = 100
# The spec's limits of the read and archive methods (offerIds maxItems; PageLimit200/100Truncate/500).
CAMPAIGN_OFFERS_MAX_IDS = 200
CAMPAIGN_OFFERS_PAGE = (100, 200)  # default, maximum
OFFER_MAPPINGS_MAX_IDS = 100
OFFER_MAPPINGS_PAGE = (50, 100)  # a larger limit is cut to 100 (x-transform: truncateLimit), not refused
PROMO_OFFERS_PAGE = (250, 500)
ARCHIVE_MAX_IDS = 200

OFFER_STATUSES = (
    "PUBLISHED",
    "CHECKING",
    "DISABLED_BY_PARTNER",
    "DISABLED_AUTOMATICALLY",
    "REJECTED_BY_MARKET",
    "CREATING_CARD",
    "NO_CARD",
    "NO_STOCKS",
    "ARCHIVED",
    "READY_FOR_PUBLICATION",
)
CARD_STATUSES = (
    "HAS_CARD_CAN_NOT_UPDATE",
    "HAS_CARD_CAN_UPDATE",
    "HAS_CARD_CAN_UPDATE_ERRORS",
    "HAS_CARD_CAN_UPDATE_PROCESSING",
    "NO_CARD_NEED_CONTENT",
    "NO_CARD_MARKET_WILL_CREATE",
    "NO_CARD_ERRORS",
    "NO_CARD_PROCESSING",
    "NO_CARD_ADD_TO_CAMPAIGN",
)
PROMO_OFFER_FILTERS = ("MANUALLY_ADDED", "RENEWED", "RENEW_FAILED", "NOT_MANUALLY_ADDED", "MINIMUM_FOR_PROMOS")
PROMO_OFFER_STATUS_TYPES = ("MANUALLY_ADDED", "NOT_MANUALLY_ADDED")
CATALOG_LANGUAGES = ("RU", "UZ")

READ_SCOPES = frozenset({ALL_METHODS, "all-methods:read-only"})
OFFERS_SCOPES = frozenset({ALL_METHODS, "offers-and-cards-management"})
CATALOG_READ_SCOPES = READ_SCOPES | {"offers-and-cards-management", "offers-and-cards-management:read-only"}
PROMO_READ_SCOPES = READ_SCOPES | {"promotion", "promotion:read-only", "pricing", "pricing:read-only"}
PROMO_WRITE_SCOPES = frozenset({ALL_METHODS, "pricing", "promotion"})
PRICE_SCOPES = frozenset({ALL_METHODS, "pricing"})
CAMPAIGNS_SCOPES = READ_SCOPES | {
    "settings-management",
    "finance-and-accounting",
    "offers-and-cards-management",
    "offers-and-cards-management:read-only",
    "pricing",
    "pricing:read-only",
    "inventory-and-order-processing",
    "inventory-and-order-processing:read-only",
    "promotion",
    "promotion:read-only",
    "communication",
    "supplies-management:read-only",
}

PARTICIPATION_FILTERS = ("PARTICIPATING_NOW", "PARTICIPATED")
MECHANICS_TYPES = ("DIRECT_DISCOUNT", "BLUE_FLASH", "MARKET_PROMOCODE")


@dataclass(frozen=True)
class Route:
    resource: Resource
    method: str
    pattern: re.Pattern[str]
    owner: str  # what the path id names, and what the rate limit is per: "campaign", "business" or "key"
    scopes: frozenset[str]


def _route(resource: Resource, path: str, scopes: frozenset[str], method: str = "POST") -> Route:
    """A route at /v2/`path` (a regex; {id} stands for the campaign's or business's id, which the path's first
    word names, and which is then what the call is checked and rate-limited against; no {id}: the key)."""
    owner = {"campaigns": "campaign", "businesses": "business"}[path.split("/")[0]] if "{id}" in path else "key"
    return Route(resource, method, re.compile("/v2/" + path.replace("{id}", "([^/]+)")), owner, scopes)


ROUTES = (
    _route(Resource.CAMPAIGNS, "campaigns/?", CAMPAIGNS_SCOPES, method="GET"),
    _route(Resource.OFFERS_DELETE, "campaigns/{id}/offers/delete", OFFERS_SCOPES),
    _route(Resource.OFFER_MAPPINGS_DELETE, "businesses/{id}/offer-mappings/delete", OFFERS_SCOPES),
    _route(Resource.PROMOS, "businesses/{id}/promos", PROMO_READ_SCOPES),
    _route(Resource.PROMO_OFFERS_DELETE, "businesses/{id}/promos/offers/delete", PROMO_WRITE_SCOPES),
    _route(Resource.PRICE_REMOVALS, "campaigns/{id}/offer-prices/removals", PRICE_SCOPES),
    _route(Resource.CAMPAIGN_OFFERS, "campaigns/{id}/offers", CATALOG_READ_SCOPES),
    _route(Resource.OFFER_MAPPINGS, "businesses/{id}/offer-mappings", CATALOG_READ_SCOPES),
    _route(Resource.PROMO_OFFERS, "businesses/{id}/promos/offers", PROMO_READ_SCOPES),
    _route(Resource.OFFERS_ARCHIVE, "businesses/{id}/offer-mappings/archive", OFFERS_SCOPES),
    _route(Resource.OFFERS_UNARCHIVE, "businesses/{id}/offer-mappings/unarchive", OFFERS_SCOPES),
)


@dataclass
class Answer:
    """What to send back, plus what the request log wants to know about it."""

    status: int
    payload: Payload | None  # None with dropped=True: close the connection without answering
    headers: list[tuple[str, str]] = field(default_factory=list)
    dropped: bool = False
    applied: bool = False
    fault: str | None = None
    scope: str | None = None
    offer_ids: tuple[str, ...] = ()


@dataclass
class Call:
    """One request on its way through the checks."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    body: bytes
    route: Route | None = None
    owner_id: int = 0  # campaign or business id from the path
    scope: str | None = None
    grant: TokenGrant | None = None
    offer_ids: tuple[str, ...] = ()


@dataclass
class Work:
    """A validated request: what it costs against the limit, and the change to make.

    `charge`: for a limit counted in what the answer holds, the cost read off the payload after
    `apply` (then `cost` is what must be left in the window to let the request through).
    """

    cost: int
    apply: Callable[[], Payload]
    charge: Callable[[Payload], int] | None = None


class MarketApi:
    def __init__(self, state: MarketState, limits: Limits, faults: Faults, clock: Clock = wall_clock) -> None:
        self.state = state
        self.clock = clock
        self.limiter = RateLimiter(limits)
        self.faults = faults
        self.drawer = FaultDrawer(faults)
        self.in_flight = InFlight()
        self._bursts: dict[tuple[Resource, str], tuple[int, float]] = {}  # -> (420s left, until)
        self._bursts_lock = threading.Lock()

    def set_faults(self, faults: Faults) -> None:
        """Swap the fault settings; the draw sequence starts afresh from the new seed."""
        self.faults = faults
        self.drawer = FaultDrawer(faults)
        with self._bursts_lock:
            self._bursts.clear()

    # ------------------------------------------------------------ entry point

    def handle(self, call: Call, headers: Mapping[str, str]) -> Answer:
        faults = self.faults
        try:
            self._route(call, faults)
            self._authenticate(call, headers)
            self._resolve_owner(call)
        except ApiFailure as failure:
            _sleep(faults.latency_seconds)
            return self._failure(call, failure)
        assert call.scope is not None
        with self.in_flight.track(call.scope):
            # Latency counts as handling time, so concurrency shows in max_in_flight as it would live.
            _sleep(faults.latency_seconds)
            try:
                work = self._prepare(call, faults)
            except ApiFailure as failure:
                return self._failure(call, failure)
            plan = self.drawer.draw(call.method, call.path, call.body) if faults.draws_anything else NO_FAULTS
            answer = self._run(call, work, plan)
            if plan.slow and not answer.dropped and faults.slow_seconds > 0:
                time.sleep(faults.slow_seconds)  # the work is applied; only the answer is late
                answer.fault = answer.fault or "slow"
            return answer

    # ------------------------------------------------------------ routing and auth

    def _route(self, call: Call, faults: Faults) -> None:
        for route in ROUTES:
            match = route.pattern.fullmatch(call.path)
            if not match:
                continue
            if route.method != call.method:
                failure = ApiFailure(405, "METHOD_NOT_ALLOWED", f"Method {call.method} is not allowed here")
                failure.headers.append(("Allow", route.method))
                raise failure
            if route.resource is Resource.PRICE_REMOVALS and faults.legacy_prices_gone:
                raise ApiFailure(404, "NOT_FOUND", "Resource not found")
            call.route = route
            if route.owner != "key":
                call.owner_id = _path_id(match.group(1), route.owner)
                call.scope = f"{route.owner}:{call.owner_id}"
            return
        raise ApiFailure(404, "NOT_FOUND", "Resource not found")

    def _authenticate(self, call: Call, headers: Mapping[str, str]) -> None:
        token = headers.get("Api-Key") or _bearer_token(headers.get("Authorization", ""))
        with self.state.lock:
            grant = self.state.tokens.get(token) if token else None
        if grant is None:
            raise ApiFailure(401, "UNAUTHORIZED", "Api-Key token is invalid")
        call.grant = grant
        if call.scope is None:
            # GET v2/campaigns is limited per key. Keep only a digest: the key itself is never stored.
            call.scope = "key:" + hashlib.sha256(token.encode()).hexdigest()[:12]
        assert call.route is not None
        if grant.scopes.isdisjoint(call.route.scopes):
            raise ApiFailure(403, "FORBIDDEN", "Access denied: the key has no scope for this method")

    def _resolve_owner(self, call: Call) -> None:
        assert call.route is not None and call.grant is not None
        owner = call.route.owner
        if owner == "key":
            return
        with self.state.lock:
            if owner == "campaign":
                campaign = self.state.campaigns.get(call.owner_id)
                business_id = campaign.business_id if campaign else None
            else:
                business_id = call.owner_id if call.owner_id in self.state.businesses else None
        if business_id is None:
            raise ApiFailure(404, "NOT_FOUND", f"{owner.capitalize()} not found: {call.owner_id}")
        if business_id not in call.grant.businesses:
            raise ApiFailure(403, "FORBIDDEN", f"Access denied to {owner} {call.owner_id}")

    # ------------------------------------------------------------ per-method validation and work

    def _prepare(self, call: Call, faults: Faults) -> Work:
        assert call.route is not None
        resource = call.route.resource
        if resource is Resource.CAMPAIGNS:
            return self._prepare_campaigns(call)
        if resource is Resource.PROMOS:
            return self._prepare_promos(call)
        if resource is Resource.PRICE_REMOVALS:
            return self._prepare_price_removal(call)
        body = parse_json_object(call.body, required=resource is not Resource.OFFER_MAPPINGS)
        raw_ids = body.get("offerIds")
        if isinstance(raw_ids, list):
            call.offer_ids = tuple(str(x) for x in raw_ids)
        if resource is Resource.PROMO_OFFERS_DELETE:
            return self._prepare_promo_offers_delete(call, body, faults)
        if resource is Resource.CAMPAIGN_OFFERS:
            return self._prepare_campaign_offers(call, body)
        if resource is Resource.OFFER_MAPPINGS:
            return self._prepare_offer_mappings(call, body)
        if resource is Resource.PROMO_OFFERS:
            return self._prepare_promo_offers(call, body)
        if resource in (Resource.OFFERS_ARCHIVE, Resource.OFFERS_UNARCHIVE):
            _, skus = parse_offer_ids(raw_ids, ARCHIVE_MAX_IDS)
            refuse_bad_skus(skus, faults.bad_request_skus)
            if resource is Resource.OFFERS_ARCHIVE:
                return Work(len(skus), lambda: self._not_archived(self.state.archive_offers(call.owner_id, skus)))
            return Work(len(skus), lambda: self._not_unarchived(self.state.unarchive_offers(call.owner_id, skus)))
        _, skus = parse_offer_ids(raw_ids)
        refuse_bad_skus(skus, faults.bad_request_skus)
        if resource is Resource.OFFERS_DELETE:
            return Work(len(skus), lambda: self._not_deleted(self.state.delete_store_offers(call.owner_id, skus)))
        return Work(len(skus), lambda: self._not_deleted(self.state.delete_catalog_offers(call.owner_id, skus)))

    def _not_deleted(self, skus: list[str]) -> Payload:
        return {"status": "OK", "result": self._optional_list("notDeletedOfferIds", skus)}

    def _not_archived(self, refused: list[tuple[str, str]]) -> Payload:
        items = [{"offerId": sku, "error": reason} for sku, reason in refused]
        return {"status": "OK", "result": self._optional_list("notArchivedOffers", items)}

    def _not_unarchived(self, skus: list[str]) -> Payload:
        return {"status": "OK", "result": self._optional_list("notUnarchivedOfferIds", skus)}

    def _optional_list(self, name: str, items: list[Any]) -> Payload:
        # The Market leaves an empty list out (schema: nullable, minItems 1); optionally send null.
        if items:
            return {name: items}
        return {name: None} if self.faults.empty_lists_as_null else {}

    def _prepare_campaigns(self, call: Call) -> Work:
        limit = _query_int(call.query, "limit", DEFAULT_CAMPAIGNS_PAGE, 1, MAX_CAMPAIGNS_PAGE)
        token = _page_token(call.query)
        offset = _decode_page_token(token, "campaigns") if token else 0
        assert call.grant is not None
        businesses = call.grant.businesses
        return Work(1, lambda: self._campaigns_page(businesses, offset, limit))

    def _campaigns_page(self, businesses: frozenset[int], offset: int, limit: int) -> Payload:
        campaigns = self.state.campaigns_of(businesses)
        page = campaigns[offset : offset + limit]
        paging: Payload = {}
        if offset + limit < len(campaigns):
            paging["nextPageToken"] = _encode_page_token("campaigns", offset + limit)
        return {
            "campaigns": [
                {
                    "id": c.id,
                    "domain": c.domain,
                    "business": {"id": c.business_id, "name": self.state.businesses[c.business_id].name},
                    "placementType": c.placement_type,
                    "apiAvailability": c.api_availability,
                }
                for c in page
            ],
            "pager": {"total": len(campaigns), "from": offset + 1, "to": offset + len(page), "pageSize": limit},
            "paging": paging,
        }

    # -- the read methods

    def _paging(
        self, call: Call, body: Payload, kind: str, page: tuple[int, int], truncate: bool = False
    ) -> tuple[int, int]:
        """(offset, limit) from the query; with an offerIds filter there is no paging at all."""
        token = _page_token(call.query)
        if body.get("offerIds") is not None:
            if token or _first(call.query, "limit") is not None:
                raise bad_request("offerIds cannot be combined with pageToken or limit")
            return 0, 0
        default, maximum = page
        limit = _query_int(call.query, "limit", default, 1, 2**31 - 1 if truncate else maximum)
        return (_decode_page_token(token, kind) if token else 0), min(limit, maximum)

    def _prepare_campaign_offers(self, call: Call, body: Payload) -> Work:
        skus = _optional_offer_ids(body, CAMPAIGN_OFFERS_MAX_IDS)
        statuses = parse_filter(body, "statuses", one_of(OFFER_STATUSES), "an offer status")
        narrowed = _unsimulated_filters(body)
        offset, limit = self._paging(call, body, f"offers:{call.owner_id}", CAMPAIGN_OFFERS_PAGE)
        campaign_id = call.owner_id

        def page() -> Payload:
            campaign = self.state.campaigns[campaign_id]
            business = self.state.businesses[campaign.business_id]
            candidates = [s for s in skus if s in campaign.offers] if skus is not None else list(campaign.offers)
            entries = [] if narrowed else [(sku, _store_status(campaign, business, sku)) for sku in candidates]
            if statuses is not None:
                entries = [entry for entry in entries if entry[1] in statuses]
            chosen, paging = _page_of(entries, offset, limit, f"offers:{campaign_id}")
            offers = []
            for sku, status in chosen:
                offer: Payload = {"offerId": sku, "status": status}
                price = campaign.api_prices.get(sku)
                if price is not None:
                    offer["campaignPrice"] = {"value": price, "currencyId": "RUR", "updatedAt": PRICES_UPDATED_AT}
                offers.append(offer)
            return {"status": "OK", "result": {"offers": offers, "paging": paging}}

        return Work(1, page, charge=lambda payload: len(payload["result"]["offers"]))

    def _prepare_offer_mappings(self, call: Call, body: Payload) -> Work:
        language = _first(call.query, "language")
        if language is not None and language not in CATALOG_LANGUAGES:
            raise bad_request(f"language: must be one of {', '.join(CATALOG_LANGUAGES)}")
        skus = _optional_offer_ids(body, OFFER_MAPPINGS_MAX_IDS)
        card_statuses = parse_filter(body, "cardStatuses", one_of(CARD_STATUSES), "a card status")
        narrowed = _unsimulated_filters(body)
        archived = body.get("archived")
        if archived is not None and not isinstance(archived, bool):
            raise bad_request("archived: must be a boolean")
        offset, limit = self._paging(call, body, f"mappings:{call.owner_id}", OFFER_MAPPINGS_PAGE, truncate=True)
        business_id = call.owner_id

        def page() -> Payload:
            business = self.state.businesses[business_id]
            stores = sorted((c for c in self.state.campaigns.values() if c.business_id == business_id), key=_by_id)
            candidates = [s for s in skus if s in business.catalog] if skus is not None else list(business.catalog)
            if narrowed or (card_statuses is not None and CARD_STATUS not in card_statuses):
                candidates = []
            if archived is not None:
                candidates = [sku for sku in candidates if (sku in business.archived) == archived]
            chosen, paging = _page_of(candidates, offset, limit, f"mappings:{business_id}")
            mappings = []
            for sku in chosen:
                offer: Payload = {"offerId": sku, "cardStatus": CARD_STATUS, "archived": sku in business.archived}
                placed = [
                    {"campaignId": store.id, "status": _store_status(store, business, sku)}
                    for store in stores
                    if sku in store.offers
                ]
                if placed:
                    offer["campaigns"] = placed
                mappings.append({"offer": offer})
            return {"status": "OK", "result": {"offerMappings": mappings, "paging": paging}}

        return Work(1, page)

    def _prepare_promo_offers(self, call: Call, body: Payload) -> Work:
        promo_id = body.get("promoId")
        if not isinstance(promo_id, str) or not promo_id:
            raise bad_request("promoId: must be a non-empty string")
        status_type = body.get("statusType")
        if status_type is not None and status_type not in PROMO_OFFER_STATUS_TYPES:
            raise bad_request(f"statusType: must be one of {', '.join(PROMO_OFFER_STATUS_TYPES)}")
        wanted = set(parse_filter(body, "statuses", one_of(PROMO_OFFER_FILTERS), "a promo offer filter") or ())
        if status_type is not None:
            wanted.add(status_type)
        offset, limit = self._paging(call, body, f"promo:{promo_id}", PROMO_OFFERS_PAGE)
        with self.state.lock:
            promo = self.state.promos.get(promo_id)
            if promo is None or promo.business_id != call.owner_id:
                raise ApiFailure(404, "NOT_FOUND", f"Promo not found: {promo_id}")

        def page() -> Payload:
            business = self.state.businesses[promo.business_id]
            # Offers in the promo were added by hand (MANUAL); the rest of the catalog, up to the promo's
            # count of potential offers, could join (NOT_PARTICIPATING). Auto-added offers are not simulated.
            entries = [(sku, "MANUAL") for sku in promo.offers]
            room = max(0, promo.potential_offers - len(promo.offers))
            could = [sku for sku in business.catalog if sku not in promo.offers][:room]
            entries += [(sku, "NOT_PARTICIPATING") for sku in could]
            if wanted:
                keep = {"MANUAL"} if "MANUALLY_ADDED" in wanted else set()
                keep |= {"NOT_PARTICIPATING"} if "NOT_MANUALLY_ADDED" in wanted else set()
                entries = [entry for entry in entries if entry[1] in keep]
            chosen, paging = _page_of(entries, offset, limit, f"promo:{promo_id}")
            offers = [
                {"offerId": sku, "status": status, "params": {"discountParams": _promo_prices(sku)}}
                for sku, status in chosen
            ]
            return {"status": "OK", "result": {"offers": offers, "paging": paging}}

        return Work(1, page)

    def _prepare_promos(self, call: Call) -> Work:
        body = parse_json_object(call.body, required=False)
        participation = _optional_enum(body, "participation", PARTICIPATION_FILTERS)
        mechanics = _optional_enum(body, "mechanics", MECHANICS_TYPES)
        business_id = call.owner_id
        return Work(1, lambda: self._promos_list(business_id, participation, mechanics))

    def _promos_list(self, business_id: int, participation: str | None, mechanics: str | None) -> Payload:
        now = time.monotonic()
        promos = []
        for promo in self.state.promos.values():
            if promo.business_id != business_id or (mechanics and promo.mechanics != mechanics):
                continue
            # All simulated promos are current, so "participated in the past" never matches.
            if participation == "PARTICIPATED" or (participation and not promo.participating):
                continue
            promos.append(
                {
                    "id": promo.id,
                    "name": promo.name,
                    "period": {"dateTimeFrom": promo.date_from, "dateTimeTo": promo.date_to},
                    "participating": promo.participating,
                    "assortmentInfo": {
                        "activeOffers": len(promo.offers),
                        "potentialOffers": promo.potential_offers,
                        "processing": promo.is_processing(now),
                    },
                    "mechanicsInfo": {"type": promo.mechanics},
                    "bestsellerInfo": {"bestseller": promo.bestseller},
                }
            )
        return {"status": "OK", "result": {"promos": promos}}

    def _prepare_promo_offers_delete(self, call: Call, body: Payload, faults: Faults) -> Work:
        promo_id = body.get("promoId")
        if not isinstance(promo_id, str) or not promo_id:
            raise bad_request("promoId: must be a non-empty string")
        delete_all = body.get("deleteAllOffers", False)
        if not isinstance(delete_all, bool):
            raise bad_request("deleteAllOffers: must be a boolean")
        raw_ids = body.get("offerIds")
        if delete_all == (raw_ids is not None):
            raise bad_request("Pass either offerIds or deleteAllOffers: true, not both and not neither")
        skus = [] if delete_all else parse_offer_ids(raw_ids)[1]
        refuse_bad_skus(skus, faults.bad_request_skus)
        with self.state.lock:
            promo = self.state.promos.get(promo_id)
            if promo is None or promo.business_id != call.owner_id:
                raise ApiFailure(404, "NOT_FOUND", f"Promo not found: {promo_id}")
        if delete_all:
            return Work(1, lambda: self._leave_promo(promo_id))
        return Work(1, lambda: self._rejected(self.state.delete_promo_offers(promo_id, skus)))

    def _leave_promo(self, promo_id: str) -> Payload:
        self.state.leave_promo(promo_id)
        return {"status": "OK"}  # result comes back only when offerIds were sent

    def _rejected(self, missing: list[str]) -> Payload:
        rejected = [{"offerId": sku, "reason": "OFFER_DOES_NOT_EXIST"} for sku in missing]
        return {"status": "OK", "result": self._optional_list("rejectedOffers", rejected)}

    def _prepare_price_removal(self, call: Call) -> Work:
        body = parse_json_object(call.body)
        if body.get("removeAll") is not True:
            raise bad_request("removeAll: must be true")
        campaign_id = call.owner_id
        return Work(1, lambda: self._remove_prices(campaign_id))

    def _remove_prices(self, campaign_id: int) -> Payload:
        self.state.remove_api_prices(campaign_id)
        return {"status": "OK"}

    # ------------------------------------------------------------ limits, faults, applying

    def _run(self, call: Call, work: Work, plan: FaultPlan) -> Answer:
        assert call.route is not None and call.scope is not None
        resource, scope = call.route.resource, call.scope
        now = self.clock()
        with self.state.lock:
            burst = self._burst_420(resource, scope, plan.starts_burst, now)
            if burst:
                return burst
            verdict = self.limiter.check(resource, scope, work.cost, now)
            if not verdict.allowed:
                return self._limit_exceeded(call, verdict)
            if plan.locked:
                return self._answer(call, 423, _error("LOCKED", "Resource is locked"), verdict, fault="locked")
            if plan.server_error and not plan.error_after_apply:
                return self._server_error(call, plan.server_error, verdict, applied=False)
            if plan.dropped and not plan.drop_applied:
                return Answer(0, None, dropped=True, fault="drop", scope=scope, offer_ids=call.offer_ids)
            payload = work.apply()
            cost = work.charge(payload) if work.charge else work.cost
            verdict = self.limiter.consume(resource, scope, cost, now)
        if plan.dropped:
            return Answer(0, None, dropped=True, applied=True, fault="drop", scope=scope, offer_ids=call.offer_ids)
        if plan.server_error:
            return self._server_error(call, plan.server_error, verdict, applied=True)
        answer = self._answer(call, 200, payload, verdict)
        answer.applied = True
        return answer

    def _burst_420(self, resource: Resource, scope: str, starts: bool, now: float) -> Answer | None:
        key = (resource, scope)
        with self._bursts_lock:
            left, until = self._bursts.get(key, (0, 0.0))
            if left <= 0 and not starts:
                return None
            if left <= 0:
                left, until = self.faults.burst_length, now + self.faults.burst_until_seconds
            self._bursts[key] = (left - 1, until)
        limit = self.limiter.limits.of(resource).amount
        headers = rate_limit_headers(limit, 0, until) if self.limiter.limits.send_headers else []
        return Answer(420, _error("LIMIT_EXCEEDED", "Too many requests"), headers, fault="burst", scope=scope)

    def _limit_exceeded(self, call: Call, verdict: Verdict) -> Answer:
        assert call.route is not None
        limit = self.limiter.limits.of(call.route.resource)
        unit = (
            "offers"
            if call.route.resource.counts_answer
            else "offerIds"
            if call.route.resource.counts_skus
            else "requests"
        )
        message = f"Hit rate limit of {limit.amount} {unit} per {limit.period:g} s for {call.scope}"
        return self._answer(call, 420, _error("LIMIT_EXCEEDED", message), verdict)

    def _server_error(self, call: Call, status: int, verdict: Verdict, applied: bool) -> Answer:
        code = "INTERNAL_SERVER_ERROR" if status == 500 else "SERVICE_UNAVAILABLE"
        answer = self._answer(call, status, _error(code, "Internal Server Error"), verdict, fault=f"http{status}")
        answer.applied = applied
        return answer

    def _answer(
        self, call: Call, status: int, payload: Payload, verdict: Verdict | None, fault: str | None = None
    ) -> Answer:
        headers = verdict.headers() if verdict and self.limiter.limits.send_headers else []
        return Answer(status, payload, headers, fault=fault, scope=call.scope, offer_ids=call.offer_ids)

    def _failure(self, call: Call, failure: ApiFailure) -> Answer:
        # Answers after routing carry the rate-limit headers of that method and store/business too.
        verdict = None
        if call.route is not None and call.scope is not None:
            verdict = self.limiter.check(call.route.resource, call.scope, 0, self.clock())
        answer = self._answer(call, failure.status, error_body(failure), verdict)
        answer.headers.extend(failure.headers)
        return answer


# ------------------------------------------------------------ small parsers


def _sleep(seconds: float) -> None:
    if seconds > 0:
        time.sleep(seconds)


def _error(code: str, message: str) -> Payload:
    return {"status": "ERROR", "errors": [{"code": code, "message": message}]}


def _path_id(text: str, owner: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise bad_request(f"{owner}Id: must be a positive integer")
    return int(text)


def _bearer_token(value: str) -> str:
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() in ("bearer", "oauth") else ""


def _first(query: Mapping[str, list[str]], name: str) -> str | None:
    values = query.get(name)
    return values[0] if values else None


def _query_int(query: Mapping[str, list[str]], name: str, default: int, low: int, high: int) -> int:
    text = _first(query, name)
    if text is None:
        return default
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise bad_request(f"{name}: must be an integer from {low} to {high}")
    return int(text)


def _optional_enum(body: Payload, name: str, allowed: tuple[str, ...]) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if value not in allowed:
        raise bad_request(f"{name}: must be one of {', '.join(allowed)}")
    return str(value)


def _page_token(query: Mapping[str, list[str]]) -> str | None:
    return _first(query, "pageToken") or _first(query, "page_token")  # both names, as x-aliases says


def _encode_page_token(kind: str, offset: int) -> str:
    return base64.urlsafe_b64encode(f"{kind}@{offset}".encode()).decode().rstrip("=")


def _decode_page_token(token: str, kind: str) -> int:
    """The offset a token of this listing (`kind`) stands for; 400 for a token of another listing."""
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        prefix, _, offset = text.rpartition("@")
        if prefix == kind and offset.isascii() and offset.isdigit():
            return int(offset)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise bad_request("pageToken: invalid page token")


def _page_of(entries: list[Any], offset: int, limit: int, kind: str) -> tuple[list[Any], Payload]:
    """One page (limit 0: all of them) and its paging object (nextPageToken when more follow)."""
    if limit == 0:
        return entries, {}
    paging: Payload = {}
    if offset + limit < len(entries):
        paging["nextPageToken"] = _encode_page_token(kind, offset + limit)
    return entries[offset : offset + limit], paging


def _optional_offer_ids(body: Payload, maximum: int) -> list[str] | None:
    """The offerIds filter (nullable), trimmed, in request order; None when absent."""
    if body.get("offerIds") is None:
        return None
    return parse_offer_ids(body["offerIds"], maximum)[1]


def _unsimulated_filters(body: Payload) -> bool:
    """Checks categoryIds, vendorNames and tags; True if any is given. Simulated offers have no category,
    brand or tag, so such a filter matches nothing."""
    given = [
        parse_filter(body, "categoryIds", is_positive_int32, "a positive integer"),
        parse_filter(body, "vendorNames", is_string, "a string"),
        parse_filter(body, "tags", is_string, "a string"),
    ]
    return any(value is not None for value in given)


# Every simulated offer has a card that can be updated.
CARD_STATUS = "HAS_CARD_CAN_UPDATE"
PRICES_UPDATED_AT = "2026-11-01T09:00:00+03:00"


def _store_status(campaign: Campaign, business: Business, sku: str) -> str:
    """ARCHIVED in every store once archived. An FBY store sells from Market's warehouse: PUBLISHED when
    the SKU is held there, NO_STOCKS otherwise. Other stores: PUBLISHED."""
    if sku in business.archived:
        return "ARCHIVED"
    if campaign.placement_type == "FBY" and sku not in business.held_in_warehouse:
        return "NO_STOCKS"
    return "PUBLISHED"


def _promo_prices(sku: str) -> Payload:
    price = 1000 + int(hashlib.blake2b(sku.encode(), digest_size=2).hexdigest(), 16) % 9000
    return {"price": price, "promoPrice": price * 4 // 5}


def _by_id(campaign: Campaign) -> int:
    return campaign.id
