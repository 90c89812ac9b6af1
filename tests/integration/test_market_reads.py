"""The client's read and archive methods against the simulator over real sockets, and against answers
it cannot read (a loopback server answering whatever the test says)."""

from __future__ import annotations

import json

import pytest

from tests.helpers.demo_layout import DemoLayout
from tests.helpers.hostile_server import HostileServer, Reply
from tests.helpers.spec import request_body_errors
from ymdesk.core.market.client import ListingEnd, MarketClient, OfferLookup, UnreadableAnswerError
from ymdesk.core.simulator import DEMO_BUSINESS_ID, DEMO_FBS_CAMPAIGN_ID, DEMO_FBY_CAMPAIGN_ID, PROMO_WEEKLY_ID

SKUS = [f"SKU-{i:04d}" for i in range(600)]
LAYOUT = DemoLayout(SKUS)
FBS_SKUS, CATALOG, WEEKLY, HELD_ALL = LAYOUT.fbs, LAYOUT.catalog, LAYOUT.weekly, LAYOUT.held
ABSENT, HELD = LAYOUT.absent, LAYOUT.first_held
TEMPLATES = {
    f"/v2/campaigns/{DEMO_FBS_CAMPAIGN_ID}/offers": "/v2/campaigns/{campaignId}/offers",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings": "/v2/businesses/{businessId}/offer-mappings",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/promos/offers": "/v2/businesses/{businessId}/promos/offers",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings/archive": "/v2/businesses/{businessId}/offer-mappings/archive",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings/unarchive": (
        "/v2/businesses/{businessId}/offer-mappings/unarchive"
    ),
}


def test_store_lookup_says_present_missing_archived_and_status(sim, client):
    lookup = client.get_campaign_offers(DEMO_FBS_CAMPAIGN_ID, [SKUS[1], ABSENT, SKUS[4], SKUS[3]])
    assert list(lookup.offers) == [SKUS[1], ABSENT, SKUS[4], SKUS[3]]  # every id asked, in order
    assert lookup.present() == [SKUS[1], SKUS[3]] and lookup.missing() == [ABSENT, SKUS[4]]
    assert lookup.returned == 2 and lookup.complete and lookup.rate is not None
    assert client.archive_offers(DEMO_BUSINESS_ID, [SKUS[3]]).refused == {}
    after = client.get_campaign_offers(DEMO_FBY_CAMPAIGN_ID, [SKUS[3], SKUS[4], HELD])
    assert after.archived() == [SKUS[3]]
    assert {sku: o.status for sku, o in after.offers.items()} == {
        SKUS[3]: "ARCHIVED",
        SKUS[4]: "NO_STOCKS",
        HELD: "PUBLISHED",
    }


def test_catalog_lookup_says_archived_and_which_stores_place_it(client):
    client.archive_offers(DEMO_BUSINESS_ID, [SKUS[6]])
    lookup = client.get_offer_mappings(DEMO_BUSINESS_ID, [SKUS[6], SKUS[1], ABSENT])
    assert lookup.missing() == [ABSENT] and lookup.archived() == [SKUS[6]]
    assert lookup.offers[SKUS[1]].stores == ((DEMO_FBS_CAMPAIGN_ID, "PUBLISHED"),)
    assert lookup.offers[SKUS[6]].stores == ((DEMO_FBS_CAMPAIGN_ID, "ARCHIVED"), (DEMO_FBY_CAMPAIGN_ID, "ARCHIVED"))


def test_archive_refusals_carry_market_reasons_and_unarchive_restores_the_state(sim, client):
    before = sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID), sim.state.catalog_offers(DEMO_BUSINESS_ID)
    archived = client.archive_offers(DEMO_BUSINESS_ID, CATALOG[:200])
    held = [sku for sku in CATALOG[:200] if sku in HELD_ALL]
    assert len(held) == 8 and archived.refused == dict.fromkeys(held, "OFFER_HAS_STOCKS")
    assert sim.state.archived_offers(DEMO_BUSINESS_ID) == set(CATALOG[:200]) - set(held)
    assert client.archive_offers(DEMO_BUSINESS_ID, [ABSENT]).refused == {ABSENT: "UNKNOWN"}
    unarchived = client.unarchive_offers(DEMO_BUSINESS_ID, [*CATALOG[:199], ABSENT])
    assert unarchived.refused == {ABSENT: None}
    assert sim.state.archived_offers(DEMO_BUSINESS_ID) == {CATALOG[199]}
    assert client.unarchive_offers(DEMO_BUSINESS_ID, [CATALOG[199]]).refused == {}
    assert not sim.state.archived_offers(DEMO_BUSINESS_ID)
    assert (sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID), sim.state.catalog_offers(DEMO_BUSINESS_ID)) == before


def test_listings_read_everything_and_end_complete(client):
    pages = list(client.list_campaign_offers(DEMO_FBS_CAMPAIGN_ID))
    assert [o.offer_id for p in pages for o in p.offers] == FBS_SKUS
    assert len(pages) == 3 and pages[-1].end is ListingEnd.COMPLETE and all(p.end is None for p in pages[:-1])
    catalog = list(client.list_offer_mappings(DEMO_BUSINESS_ID))
    assert [o.offer_id for p in catalog for o in p.offers] == CATALOG
    client.archive_offers(DEMO_BUSINESS_ID, [SKUS[1], SKUS[2]])
    archived = list(client.list_offer_mappings(DEMO_BUSINESS_ID, archived=True))
    assert [o.offer_id for p in archived for o in p.offers] == [SKUS[1], SKUS[2]]


def test_promo_lookup_from_its_listing(client):
    lookup = OfferLookup.from_pages(
        [WEEKLY[0], SKUS[3], ABSENT], client.get_promo_offers(DEMO_BUSINESS_ID, PROMO_WEEKLY_ID, limit=50)
    )
    assert lookup.present() == [WEEKLY[0]] and lookup.complete
    assert lookup.offers[WEEKLY[0]].status == "MANUAL" and lookup.offers[SKUS[3]].status == "NOT_PARTICIPATING"
    assert lookup.offers[ABSENT].status is None


def test_verify_sees_a_quietly_restored_sku(sim, client):
    client.delete_campaign_offers(DEMO_FBS_CAMPAIGN_ID, [SKUS[1], SKUS[2]])
    assert client.get_campaign_offers(DEMO_FBS_CAMPAIGN_ID, [SKUS[1], SKUS[2]]).present() == []
    sim.quietly_restore(SKUS[2], campaign_id=DEMO_FBS_CAMPAIGN_ID)
    assert client.get_campaign_offers(DEMO_FBS_CAMPAIGN_ID, [SKUS[1], SKUS[2]]).present() == [SKUS[2]]


def test_the_id_limits_are_the_spec_ones(client):
    for method, largest in (
        (client.get_campaign_offers, 200),
        (client.get_offer_mappings, 100),
        (client.archive_offers, 200),
        (client.unarchive_offers, 200),
    ):
        assert method(
            DEMO_FBS_CAMPAIGN_ID if method == client.get_campaign_offers else DEMO_BUSINESS_ID, CATALOG[:largest]
        )
        with pytest.raises(ValueError, match=f"1..{largest}"):
            method(DEMO_BUSINESS_ID, CATALOG[: largest + 1])
        with pytest.raises(ValueError):
            method(DEMO_BUSINESS_ID, [])


def test_every_request_of_the_new_methods_matches_the_spec(sim, client):
    sent: list[tuple[str, str, bytes]] = []
    client._session.hooks["response"].append(
        lambda r, *a, **k: sent.append((r.request.method, r.request.path_url, r.request.body))
    )
    client.get_campaign_offers(DEMO_FBS_CAMPAIGN_ID, CATALOG[:200])
    list(client.list_campaign_offers(DEMO_FBS_CAMPAIGN_ID))
    client.get_offer_mappings(DEMO_BUSINESS_ID, CATALOG[:100])
    list(client.list_offer_mappings(DEMO_BUSINESS_ID, archived=False))
    list(client.get_promo_offers(DEMO_BUSINESS_ID, PROMO_WEEKLY_ID))
    client.archive_offers(DEMO_BUSINESS_ID, CATALOG[:200])
    client.unarchive_offers(DEMO_BUSINESS_ID, CATALOG[:200])
    assert len(sent) >= 9 and all(method == "POST" for method, _, _ in sent)
    for _, path_url, body in sent:
        path, _, query = path_url.partition("?")
        errors = request_body_errors(TEMPLATES[path], json.loads(body))
        assert not errors, (path_url, errors)
        if "offerIds" in json.loads(body):
            assert not query  # an id filter takes no pageToken or limit
        else:
            assert "limit=" in query
    assert all(r.status == 200 for r in sim.records())


# ------------------------------------------------------------------ answers that cannot be read


UNREADABLE = [
    b"<html>OK</html>",
    b"",
    b'{"status": "ERROR"}',
    b'{"status": "OK"}',
    b'{"status": "OK", "result": {"offers": "none"}}',
    b'{"status": "OK", "result": {"offers": [{"status": "PUBLISHED"}]}}',
    b'{"status": "OK", "result": {"offers": [{"offerId": 5}]}}',
    b'{"status": "OK", "result": {"offers": [7]}}',
    b'{"status": "OK", "result": {"offerMappings": [{"offer": {"offerId": "a", "archived": "no"}}]}}',
    b'{"status": "OK", "result": {"offerMappings": [{"offer": {"offerId": "a", "campaigns": [{"status": "X"}]}}]}}',
    b'{"status": "OK", "result": {"offers": [], "paging": {"nextPageToken": 5}}}',
]


@pytest.mark.parametrize("body", UNREADABLE)
def test_a_read_answer_it_cannot_read_is_never_taken_for_not_found(body):
    with HostileServer(Reply(body=body)) as server, MarketClient("k", server.url) as client:
        read = client.get_offer_mappings if b"offerMappings" in body else client.get_campaign_offers
        with pytest.raises(UnreadableAnswerError):
            read(1, ["a"])
        with pytest.raises(UnreadableAnswerError):
            list(client.get_promo_offers(1, "#1"))


BAD_EITHER = [b"not json", b'{"status": "ERROR"}', b'{"status": "OK", "result": []}']


@pytest.mark.parametrize(
    ("method", "body"),
    [("archive_offers", body) for body in BAD_EITHER]
    + [("unarchive_offers", body) for body in BAD_EITHER]
    + [
        ("archive_offers", b'{"status": "OK", "result": {"notArchivedOffers": [{"offerId": "a"}]}}'),
        ("archive_offers", b'{"status": "OK", "result": {"notArchivedOffers": "a"}}'),
        ("unarchive_offers", b'{"status": "OK", "result": {"notUnarchivedOfferIds": [5]}}'),
        ("unarchive_offers", b'{"status": "OK", "result": {"notUnarchivedOfferIds": "a"}}'),
    ],
)
def test_an_archive_answer_it_cannot_read_raises(method, body):
    with (
        HostileServer(Reply(body=body)) as server,
        MarketClient("k", server.url) as client,
        pytest.raises(UnreadableAnswerError),
    ):
        getattr(client, method)(1, ["a"])


def test_an_ok_archive_answer_without_result_means_every_offer_was_taken():
    # The spec makes result optional.
    with HostileServer(Reply(body={"status": "OK"})) as server, MarketClient("k", server.url) as client:
        assert client.archive_offers(1, ["a"]).refused == {}
        assert client.unarchive_offers(1, ["a"]).refused == {}


def test_a_listing_that_repeats_its_page_token_stops():
    same = Reply(body={"status": "OK", "result": {"offers": [{"offerId": "a"}], "paging": {"nextPageToken": "same"}}})
    with HostileServer(same) as server, MarketClient("k", server.url) as client:
        pages = list(client.list_campaign_offers(1))
        assert len(server.seen) == 2
    assert len(pages) == 2 and pages[-1].end is ListingEnd.REPEATED_TOKEN
