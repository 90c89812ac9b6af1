"""The client's read and archive methods against the simulator over real sockets, and against answers
it cannot read (a loopback server answering whatever the test says)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tests.helpers.spec import request_body_errors
from ymdesk.core.market.client import (
    ListingEnd,
    MarketClient,
    OfferLookup,
    UnreadableAnswerError,
)
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    DEMO_FBY_CAMPAIGN_ID,
    PROMO_WEEKLY_ID,
    Limits,
    MarketSimulator,
    build_demo_state,
)

SKUS = [f"SKU-{i:04d}" for i in range(600)]
FBS_SKUS = [s for i, s in enumerate(SKUS) if i % 20 != 19 and i % 10 != 4]
CATALOG = [s for i, s in enumerate(SKUS) if i % 20 != 19]
WEEKLY = [s for i, s in enumerate(SKUS) if i % 7 == 1 and i % 20 != 19]
ABSENT = SKUS[19]
HELD = SKUS[12]
HELD_ALL = {s for i, s in enumerate(SKUS) if i % 25 == 12 and i % 20 != 19}  # held in a Market warehouse
TEMPLATES = {
    f"/v2/campaigns/{DEMO_FBS_CAMPAIGN_ID}/offers": "/v2/campaigns/{campaignId}/offers",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings": "/v2/businesses/{businessId}/offer-mappings",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/promos/offers": "/v2/businesses/{businessId}/promos/offers",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings/archive": "/v2/businesses/{businessId}/offer-mappings/archive",
    f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings/unarchive": (
        "/v2/businesses/{businessId}/offer-mappings/unarchive"
    ),
}


@pytest.fixture
def sim() -> Iterator[MarketSimulator]:
    with MarketSimulator(build_demo_state(SKUS), limits=Limits.unlimited()) as simulator:
        yield simulator


@pytest.fixture
def client(sim: MarketSimulator) -> Iterator[MarketClient]:
    with MarketClient(DEMO_API_KEY, sim.url) as c:
        yield c


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


class _Answering(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    body = b""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def answering() -> Iterator[tuple[type[_Answering], str]]:
    handler = type("Handler", (_Answering,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield handler, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


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
]


@pytest.mark.parametrize("body", UNREADABLE)
def test_a_read_answer_it_cannot_read_is_never_taken_for_not_found(answering, body):
    handler, url = answering
    handler.body = body
    with MarketClient("k", url) as client:
        with pytest.raises(UnreadableAnswerError):
            client.get_campaign_offers(1, ["a"]) if b"offerMappings" not in body else client.get_offer_mappings(
                1, ["a"]
            )
        with pytest.raises(UnreadableAnswerError):
            list(client.get_promo_offers(1, "#1"))


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b'{"status": "ERROR"}',
        b'{"status": "OK", "result": []}',
        b'{"status": "OK", "result": {"notArchivedOffers": [{"offerId": "a"}]}}',
        b'{"status": "OK", "result": {"notArchivedOffers": "a"}}',
    ],
)
def test_an_archive_answer_it_cannot_read_raises(answering, body):
    handler, url = answering
    handler.body = body
    with MarketClient("k", url) as client, pytest.raises(UnreadableAnswerError):
        client.archive_offers(1, ["a"])


def test_an_ok_archive_answer_without_result_means_every_offer_was_taken(answering):
    handler, url = answering
    handler.body = b'{"status": "OK"}'  # the spec makes result optional
    with MarketClient("k", url) as client:
        assert client.archive_offers(1, ["a"]).refused == {}
        assert client.unarchive_offers(1, ["a"]).refused == {}


def test_a_listing_that_repeats_its_page_token_stops(answering):
    handler, url = answering
    handler.body = b'{"status": "OK", "result": {"offers": [{"offerId": "a"}], "paging": {"nextPageToken": "same"}}}'
    with MarketClient("k", url) as client:
        pages = list(client.list_campaign_offers(1))
    assert len(pages) == 2 and pages[-1].end is ListingEnd.REPEATED_TOKEN
