"""The simulator's read and archive methods over real sockets: getCampaignOffers, getOfferMappings,
getPromoOffers, offer-mappings/archive and /unarchive; their schema limits, paging, rate limits,
the archived state, the warehouse rule, and the injected clock. Every answer is checked against the spec.
"""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
import requests

from tests.helpers.demo_layout import DemoLayout
from tests.helpers.spec import assert_matches_spec, request_body_errors
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    DEMO_FBY_CAMPAIGN_ID,
    DEMO_READ_ONLY_API_KEY,
    OTHER_PROMO_ID,
    PROMO_BESTSELLERS_ID,
    PROMO_WEEKLY_ID,
    Limits,
    ManualClock,
    MarketSimulator,
    RateLimit,
    Resource,
    build_demo_state,
    window_start_clock,
)

SKUS = [f"{i:06d}" for i in range(300)]
LAYOUT = DemoLayout(SKUS)
FBS_SKUS, FBY_SKUS, CATALOG, WEEKLY = LAYOUT.fbs, LAYOUT.fby, LAYOUT.catalog, LAYOUT.weekly
ABSENT, HELD = LAYOUT.absent, LAYOUT.first_held
FBY_NOT_HELD = SKUS[4]  # catalog + FBY store only

STORE_OFFERS = "/v2/campaigns/{campaignId}/offers"
MAPPINGS = "/v2/businesses/{businessId}/offer-mappings"
PROMO_OFFERS = "/v2/businesses/{businessId}/promos/offers"
ARCHIVE = "/v2/businesses/{businessId}/offer-mappings/archive"
UNARCHIVE = "/v2/businesses/{businessId}/offer-mappings/unarchive"
STORE_DELETE = "/v2/campaigns/{campaignId}/offers/delete"


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        s.headers["Api-Key"] = DEMO_API_KEY
        yield s


def call(
    session: requests.Session, sim: MarketSimulator, template: str, body: Any, params: dict[str, Any] | None = None
) -> requests.Response:
    """POST a body the spec allows (checked here, so a test cannot lean on a body Market would refuse)."""
    path = template.format(campaignId=DEMO_FBS_CAMPAIGN_ID, businessId=DEMO_BUSINESS_ID)
    return session.post(sim.url + path, json=body, params=params)


def store_offers(session: requests.Session, sim: MarketSimulator, skus: list[str], campaign_id: int) -> dict[str, str]:
    assert not request_body_errors(STORE_OFFERS, {"offerIds": skus})
    response = session.post(f"{sim.url}/v2/campaigns/{campaign_id}/offers", json={"offerIds": skus})
    body = assert_matches_spec(response, STORE_OFFERS)
    assert response.status_code == 200, body
    return {o["offerId"]: o["status"] for o in body["result"]["offers"]}


def mappings(session: requests.Session, sim: MarketSimulator, skus: list[str]) -> dict[str, dict[str, Any]]:
    assert not request_body_errors(MAPPINGS, {"offerIds": skus})
    response = call(session, sim, MAPPINGS, {"offerIds": skus})
    body = assert_matches_spec(response, MAPPINGS)
    assert response.status_code == 200, body
    return {m["offer"]["offerId"]: m["offer"] for m in body["result"]["offerMappings"]}


def list_all(session: requests.Session, sim: MarketSimulator, template: str, body: Any, key: str, limit: int) -> list:
    items: list[Any] = []
    token = None
    for _ in range(1000):
        params = {"limit": limit, **({"page_token": token} if token else {})}
        response = call(session, sim, template, body, params)
        answer = assert_matches_spec(response, template)
        assert response.status_code == 200, answer
        page = answer["result"][key]
        assert len(page) <= limit
        items.extend(page)
        token = answer["result"]["paging"].get("nextPageToken")
        if not token:
            return items
    raise AssertionError("the listing did not end")


# ------------------------------------------------------------------ reads


def test_campaign_offers_answer_for_the_ids_asked_with_their_status(sim, session):
    asked = [SKUS[1], HELD, FBY_NOT_HELD, ABSENT, SKUS[3]]
    assert store_offers(session, sim, asked, DEMO_FBS_CAMPAIGN_ID) == {
        SKUS[1]: "PUBLISHED",
        HELD: "PUBLISHED",
        SKUS[3]: "PUBLISHED",
    }
    # FBY sells from Market's warehouse: stock there only for the held SKU.
    assert store_offers(session, sim, asked, DEMO_FBY_CAMPAIGN_ID) == {
        HELD: "PUBLISHED",
        FBY_NOT_HELD: "NO_STOCKS",
        SKUS[3]: "NO_STOCKS",
    }


def test_offer_mappings_tell_archived_and_the_stores_that_place_each_offer(sim, session):
    found = mappings(session, sim, [SKUS[3], FBY_NOT_HELD, ABSENT])
    assert set(found) == {SKUS[3], FBY_NOT_HELD}
    assert found[SKUS[3]]["archived"] is False
    assert found[SKUS[3]]["campaigns"] == [
        {"campaignId": DEMO_FBS_CAMPAIGN_ID, "status": "PUBLISHED"},
        {"campaignId": DEMO_FBY_CAMPAIGN_ID, "status": "NO_STOCKS"},
    ]
    assert found[FBY_NOT_HELD]["campaigns"] == [{"campaignId": DEMO_FBY_CAMPAIGN_ID, "status": "NO_STOCKS"}]


@pytest.mark.parametrize(
    ("template", "largest"), [(STORE_OFFERS, 200), (MAPPINGS, 100), (ARCHIVE, 200), (UNARCHIVE, 200)]
)
def test_id_filters_keep_the_schema_limits(sim, session, template, largest):
    ok = call(session, sim, template, {"offerIds": SKUS[:largest]})
    assert_matches_spec(ok, template)
    assert ok.status_code == 200
    too_many = {"offerIds": SKUS[: largest + 1]}
    assert request_body_errors(template, too_many)  # the spec refuses it too
    refused = call(session, sim, template, too_many)
    assert_matches_spec(refused, template)
    assert refused.status_code == 400 and str(largest) in refused.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("template", "body"),
    [
        (STORE_OFFERS, {"offerIds": []}),
        (STORE_OFFERS, {"offerIds": ["a", "a"]}),
        (STORE_OFFERS, {"statuses": ["GONE"]}),
        (STORE_OFFERS, {"categoryIds": [0]}),
        (MAPPINGS, {"archived": "yes"}),
        (MAPPINGS, {"cardStatuses": []}),
        (PROMO_OFFERS, {}),
        (PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID, "statuses": ["NOPE"]}),
        (ARCHIVE, {}),
        (UNARCHIVE, {"offerIds": ["line\nbreak"]}),
    ],
)
def test_bodies_the_spec_refuses_get_400(sim, session, template, body):
    assert request_body_errors(template, body)
    response = call(session, sim, template, body)
    assert_matches_spec(response, template)
    assert response.status_code == 400


def test_a_store_read_needs_a_body_and_an_id_filter_takes_no_paging(sim, session):
    no_body = session.post(sim.url + STORE_OFFERS.format(campaignId=DEMO_FBS_CAMPAIGN_ID))
    assert no_body.status_code == 400  # requestBody required
    paged_filter = call(session, sim, STORE_OFFERS, {"offerIds": [SKUS[1]]}, {"limit": 10})
    assert paged_filter.status_code == 400
    assert call(session, sim, STORE_OFFERS, {}, {"limit": 201}).status_code == 400
    assert call(session, sim, PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID}, {"limit": 501}).status_code == 400
    assert call(session, sim, PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID}, {"limit": 500}).status_code == 200
    assert call(session, sim, MAPPINGS, {}, {"language": "EN"}).status_code == 400
    assert call(session, sim, MAPPINGS, {}, {"language": "UZ"}).status_code == 200
    catalog_without_body = session.post(sim.url + MAPPINGS.format(businessId=DEMO_BUSINESS_ID))
    assert catalog_without_body.status_code == 200  # requestBody not required here


def test_listings_page_through_everything_once(sim, session):
    offers = list_all(session, sim, STORE_OFFERS, {}, "offers", 37)
    assert [o["offerId"] for o in offers] == FBS_SKUS
    catalog = list_all(session, sim, MAPPINGS, {}, "offerMappings", 100)
    assert [m["offer"]["offerId"] for m in catalog] == CATALOG
    promo = list_all(session, sim, PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID}, "offers", 7)
    assert [o["offerId"] for o in promo if o["status"] == "MANUAL"] == WEEKLY
    assert {o["status"] for o in promo} == {"MANUAL", "NOT_PARTICIPATING"}


def test_catalog_limit_above_100_is_cut_not_refused(sim, session):
    response = call(session, sim, MAPPINGS, {}, {"limit": 500})
    assert response.status_code == 200 and len(response.json()["result"]["offerMappings"]) == 100


def test_a_page_token_of_another_listing_is_refused(sim, session):
    first = call(session, sim, STORE_OFFERS, {}, {"limit": 10}).json()
    token = first["result"]["paging"]["nextPageToken"]
    assert call(session, sim, MAPPINGS, {}, {"pageToken": token}).status_code == 400
    assert call(session, sim, STORE_OFFERS, {}, {"pageToken": token}).status_code == 200


def test_promo_offers_filters_and_unknown_promos(sim, session):
    manual = list_all(
        session, sim, PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID, "statuses": ["MANUALLY_ADDED"]}, "offers", 500
    )
    assert [o["offerId"] for o in manual] == WEEKLY
    empty = list_all(session, sim, PROMO_OFFERS, {"promoId": PROMO_BESTSELLERS_ID}, "offers", 500)
    assert empty and all(o["status"] == "NOT_PARTICIPATING" for o in empty)
    for promo_id in ("#999999", OTHER_PROMO_ID):  # unknown, and another business' promo
        response = call(session, sim, PROMO_OFFERS, {"promoId": promo_id})
        assert_matches_spec(response, PROMO_OFFERS)
        assert response.status_code == 404


def test_a_read_only_key_reads_but_cannot_archive(sim):
    with requests.Session() as s:
        s.headers["Api-Key"] = DEMO_READ_ONLY_API_KEY
        assert call(s, sim, STORE_OFFERS, {"offerIds": [SKUS[1]]}).status_code == 200
        assert call(s, sim, MAPPINGS, {"offerIds": [SKUS[1]]}).status_code == 200
        assert call(s, sim, ARCHIVE, {"offerIds": [SKUS[1]]}).status_code == 403
    assert not sim.state.archived_offers(DEMO_BUSINESS_ID)


# ------------------------------------------------------------------ archive


def test_archive_hides_everywhere_refuses_held_and_unknown_and_unarchive_restores(sim, session):
    before = (sim.state.catalog_offers(DEMO_BUSINESS_ID), sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID))
    sent = [SKUS[1], SKUS[3], HELD, ABSENT]
    response = call(session, sim, ARCHIVE, {"offerIds": sent})
    body = assert_matches_spec(response, ARCHIVE)
    assert response.status_code == 200
    assert body["result"]["notArchivedOffers"] == [
        {"offerId": HELD, "error": "OFFER_HAS_STOCKS"},
        {"offerId": ABSENT, "error": "UNKNOWN"},
    ]
    assert sim.state.archived_offers(DEMO_BUSINESS_ID) == {SKUS[1], SKUS[3]}
    # The reads show it: ARCHIVED in every store, archived in the catalog, and a filter for it.
    assert store_offers(session, sim, [SKUS[1], SKUS[3]], DEMO_FBS_CAMPAIGN_ID) == dict.fromkeys(
        [SKUS[1], SKUS[3]], "ARCHIVED"
    )
    assert store_offers(session, sim, [SKUS[3]], DEMO_FBY_CAMPAIGN_ID) == {SKUS[3]: "ARCHIVED"}
    found = mappings(session, sim, [SKUS[1], SKUS[3], SKUS[5]])
    assert [sku for sku, offer in found.items() if offer["archived"]] == [SKUS[1], SKUS[3]]
    archived = list_all(session, sim, MAPPINGS, {"archived": True}, "offerMappings", 100)
    assert [m["offer"]["offerId"] for m in archived] == [SKUS[1], SKUS[3]]
    listed = list_all(session, sim, STORE_OFFERS, {"statuses": ["ARCHIVED"]}, "offers", 200)
    assert [o["offerId"] for o in listed] == [SKUS[1], SKUS[3]]

    back = call(session, sim, UNARCHIVE, {"offerIds": sent})
    assert assert_matches_spec(back, UNARCHIVE)["result"] == {"notUnarchivedOfferIds": [ABSENT]}
    assert not sim.state.archived_offers(DEMO_BUSINESS_ID)
    assert (sim.state.catalog_offers(DEMO_BUSINESS_ID), sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)) == before
    again = call(session, sim, ARCHIVE, {"offerIds": [SKUS[1]]})
    assert assert_matches_spec(again, ARCHIVE) == {"status": "OK", "result": {}}  # empty lists are left out


# ------------------------------------------------------------------ limits


def test_store_reads_are_charged_the_offers_answered(session):
    limits = Limits.unlimited().with_limit(Resource.CAMPAIGN_OFFERS, RateLimit(300, 3600.0))
    with MarketSimulator(build_demo_state(SKUS), limits=limits, clock=window_start_clock(3600.0)) as sim:
        present = FBS_SKUS[:150]
        first = call(session, sim, STORE_OFFERS, {"offerIds": [*present, ABSENT]})
        assert first.headers["X-RateLimit-Resource-Limit"] == "300"
        assert first.headers["X-RateLimit-Resource-Remaining"] == "150"  # 150 answered, the absent one free
        nothing = call(session, sim, STORE_OFFERS, {"offerIds": [ABSENT, SKUS[39]]})
        assert nothing.status_code == 200 and nothing.headers["X-RateLimit-Resource-Remaining"] == "150"
        # Let through while anything is left, charged what it answered (200 > 150 left).
        second = call(session, sim, STORE_OFFERS, {}, {"limit": 200})
        assert second.status_code == 200 and len(second.json()["result"]["offers"]) == 200
        assert second.headers["X-RateLimit-Resource-Remaining"] == "0"
        refused = call(session, sim, STORE_OFFERS, {"offerIds": [SKUS[1]]})
        assert_matches_spec(refused, STORE_OFFERS)
        assert refused.status_code == 420 and "offers" in refused.json()["errors"][0]["message"]


def test_default_limits_are_the_documented_lowest_tier():
    limits = Limits()
    assert limits.campaign_offers == RateLimit(1000, 60.0)
    assert limits.offers_archive == limits.offers_unarchive == RateLimit(5000, 60.0)
    assert limits.offer_mappings == RateLimit(100, 60.0) and limits.promo_offers == RateLimit(5000, 3600.0)


def test_archive_and_unarchive_are_charged_per_offer_id_and_catalog_reads_per_request(session):
    clock = ManualClock.at_window_start(60.0)
    with MarketSimulator(build_demo_state(SKUS), clock=clock) as sim:
        archived = call(session, sim, ARCHIVE, {"offerIds": CATALOG[:120]})
        assert archived.headers["X-RateLimit-Resource-Remaining"] == str(5000 - 120)
        unarchived = call(session, sim, UNARCHIVE, {"offerIds": CATALOG[:20]})
        assert unarchived.headers["X-RateLimit-Resource-Remaining"] == str(5000 - 20)  # its own budget
        read = call(session, sim, MAPPINGS, {"offerIds": CATALOG[:100]})
        assert read.headers["X-RateLimit-Resource-Remaining"] == "99"
        promo = call(session, sim, PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID})
        assert promo.headers["X-RateLimit-Resource-Remaining"] == "4999"


# ------------------------------------------------------------------ the injected clock


def test_a_manual_clock_ends_a_window_without_any_sleep(session):
    clock = ManualClock.at_window_start(60.0)
    limits = Limits.unlimited().with_limit(Resource.OFFERS_ARCHIVE, RateLimit(3, 60.0))
    with MarketSimulator(build_demo_state(SKUS), limits=limits, clock=clock) as sim:
        assert call(session, sim, ARCHIVE, {"offerIds": CATALOG[:3]}).status_code == 200
        refused = call(session, sim, ARCHIVE, {"offerIds": CATALOG[3:4]})
        assert refused.status_code == 420
        until = parsedate_to_datetime(refused.headers["X-RateLimit-Resource-Until"]).timestamp()
        date = parsedate_to_datetime(refused.headers["Date"]).timestamp()
        assert date == clock() and until == clock() + 60  # Date tells the simulator's clock
        clock.advance(59.9)
        assert call(session, sim, ARCHIVE, {"offerIds": CATALOG[3:4]}).status_code == 420
        clock.advance(0.1)
        assert call(session, sim, ARCHIVE, {"offerIds": CATALOG[3:4]}).status_code == 200


def test_a_window_start_clock_puts_a_whole_window_ahead(session):
    with MarketSimulator(build_demo_state(SKUS), clock=window_start_clock(3600.0)) as sim:
        response = call(session, sim, ARCHIVE, {"offerIds": CATALOG[:1]})
        until = parsedate_to_datetime(response.headers["X-RateLimit-Resource-Until"]).timestamp()
        date = parsedate_to_datetime(response.headers["Date"]).timestamp()
        assert until % 60 == 0 and 59 <= until - date <= 60


# ------------------------------------------------------------------ quiet changes for verify tests


def test_quietly_restored_skus_show_in_the_reads_and_leave_no_trace(sim, session):
    deleted = session.post(
        sim.url + STORE_DELETE.format(campaignId=DEMO_FBS_CAMPAIGN_ID), json={"offerIds": [SKUS[1], SKUS[2]]}
    )
    assert deleted.status_code == 200 and deleted.json() == {"status": "OK", "result": {}}
    assert store_offers(session, sim, [SKUS[1], SKUS[2]], DEMO_FBS_CAMPAIGN_ID) == {}
    requests_before = len(sim.records())
    sim.quietly_restore(SKUS[2], campaign_id=DEMO_FBS_CAMPAIGN_ID)
    sim.quietly_restore(SKUS[3], promo_id=PROMO_WEEKLY_ID)
    assert len(sim.records()) == requests_before
    assert store_offers(session, sim, [SKUS[1], SKUS[2]], DEMO_FBS_CAMPAIGN_ID) == {SKUS[2]: "PUBLISHED"}
    promo = list_all(
        session, sim, PROMO_OFFERS, {"promoId": PROMO_WEEKLY_ID, "statuses": ["MANUALLY_ADDED"]}, "offers", 500
    )
    assert SKUS[3] in {o["offerId"] for o in promo}
