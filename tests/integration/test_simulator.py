"""The Market simulator over real loopback sockets: endpoints, errors, limits, faults, observability.

Every JSON answer is checked against the response schema in the API spec subset.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import runpy
import statistics
import threading
import time
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.helpers.spec import assert_matches_spec
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    DEMO_FBY_CAMPAIGN_ID,
    PROMO_FLASH_ID,
    PROMO_WEEKLY_ID,
    Faults,
    Limits,
    ManualClock,
    MarketSimulator,
    RateLimit,
    build_demo_state,
    demo,
    sample_catalog_path,
)

REPO = Path(__file__).resolve().parents[2]

SKUS = [f"{i:06d}" for i in range(300)]
# The demo layout by position (see ymdesk/core/simulator/demo.py).
FBS_SKU = SKUS[1]  # catalog + FBS store
FBY_ONLY_SKU = SKUS[4]  # catalog + FBY store only
ABSENT_SKU = SKUS[19]  # nowhere
HELD_SKU = SKUS[12]  # held in a Market warehouse; in the FBS store
WEEKLY_SKU = SKUS[8]  # in the WEEKLY promo (8 % 7 == 1)
NOT_IN_WEEKLY_SKU = SKUS[3]

CAMPAIGNS = "/v2/campaigns"
STORE_DELETE = "/v2/campaigns/{campaignId}/offers/delete"
CATALOG_DELETE = "/v2/businesses/{businessId}/offer-mappings/delete"
PROMOS = "/v2/businesses/{businessId}/promos"
PROMO_DELETE = "/v2/businesses/{businessId}/promos/offers/delete"
PRICE_REMOVALS = "/v2/campaigns/{campaignId}/offer-prices/removals"


def error_code(response: requests.Response) -> str:
    code: str = response.json()["errors"][0]["code"]
    return code


# ------------------------------------------------------------------ fixtures and helpers


def start_sim(**kwargs: Any) -> MarketSimulator:
    state_options = {k: kwargs.pop(k) for k in ("extra_campaigns", "processing_seconds") if k in kwargs}
    return MarketSimulator(build_demo_state(SKUS, **state_options), **kwargs).start()


@pytest.fixture
def sim() -> Iterator[MarketSimulator]:
    with start_sim(processing_seconds=0.3) as simulator:
        yield simulator


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        s.headers["Api-Key"] = DEMO_API_KEY
        yield s


def url(sim: MarketSimulator, template: str, **ids: Any) -> str:
    return sim.url + template.format(**ids)


def delete_from_store(session: requests.Session, sim: MarketSimulator, skus: list[str], **kw: Any) -> requests.Response:
    campaign_id = kw.pop("campaign_id", DEMO_FBS_CAMPAIGN_ID)
    return session.post(url(sim, STORE_DELETE, campaignId=campaign_id), json={"offerIds": skus}, **kw)


def until_epoch(response: requests.Response) -> float:
    return parsedate_to_datetime(response.headers["X-RateLimit-Resource-Until"]).timestamp()


# ------------------------------------------------------------------ happy paths


def test_campaigns_lists_the_stores_the_key_covers(sim: MarketSimulator, session: requests.Session) -> None:
    response = session.get(url(sim, CAMPAIGNS), params={"limit": 100})
    body = assert_matches_spec(response, CAMPAIGNS, "GET")
    assert response.status_code == 200
    assert [(c["id"], c["placementType"]) for c in body["campaigns"]] == [
        (DEMO_FBS_CAMPAIGN_ID, "FBS"),
        (DEMO_FBY_CAMPAIGN_ID, "FBY"),
    ]
    assert body["campaigns"][0]["business"] == {"id": DEMO_BUSINESS_ID, "name": demo.DEMO_BUSINESS_NAME}
    assert body["campaigns"][0]["domain"] == "Демо-магазин FBS"
    assert body["campaigns"][0]["apiAvailability"] == "AVAILABLE"
    assert "nextPageToken" not in body["paging"]


def test_campaigns_page_through_next_page_token(session: requests.Session) -> None:
    with start_sim(extra_campaigns=120) as sim:
        seen, token, pages = [], None, 0
        while True:
            params: dict[str, Any] = {"limit": 50, **({"pageToken": token} if token else {})}
            body = assert_matches_spec(session.get(url(sim, CAMPAIGNS), params=params), CAMPAIGNS, "GET")
            seen += [c["id"] for c in body["campaigns"]]
            pages += 1
            token = body["paging"].get("nextPageToken")
            if not token:
                break
    assert pages == 3
    assert seen == [DEMO_FBS_CAMPAIGN_ID, DEMO_FBY_CAMPAIGN_ID, *range(demo.FIRST_EXTRA_CAMPAIGN_ID, 21000123)]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 101}, {"limit": "ten"}, {"pageToken": "not-a-token"}])
def test_campaigns_reject_bad_paging(sim: MarketSimulator, session: requests.Session, params: dict[str, Any]) -> None:
    response = session.get(url(sim, CAMPAIGNS), params=params)
    assert_matches_spec(response, CAMPAIGNS, "GET")
    assert response.status_code == 400 and error_code(response) == "BAD_REQUEST"


def test_store_delete_removes_from_that_store_only(sim: MarketSimulator, session: requests.Session) -> None:
    state = sim.state
    priced = next(
        sku for sku in state.api_prices(DEMO_FBS_CAMPAIGN_ID) if sku in state.store_offers(DEMO_FBY_CAMPAIGN_ID)
    )
    response = delete_from_store(session, sim, [FBS_SKU, priced, HELD_SKU, ABSENT_SKU, FBY_ONLY_SKU])
    body = assert_matches_spec(response, STORE_DELETE)
    assert response.status_code == 200
    assert body["result"]["notDeletedOfferIds"] == [HELD_SKU, ABSENT_SKU, FBY_ONLY_SKU]
    assert not {FBS_SKU, priced} & state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    assert priced not in state.api_prices(DEMO_FBS_CAMPAIGN_ID)
    assert {priced, FBY_ONLY_SKU} <= state.store_offers(DEMO_FBY_CAMPAIGN_ID)  # the other store is untouched
    assert {FBS_SKU, priced} <= state.catalog_offers(DEMO_BUSINESS_ID)  # and so is the catalog


def test_store_delete_leaves_out_an_empty_not_deleted_list(sim: MarketSimulator, session: requests.Session) -> None:
    body = assert_matches_spec(delete_from_store(session, sim, [FBS_SKU]), STORE_DELETE)
    assert body == {"status": "OK", "result": {}}
    sim.faults = Faults(empty_lists_as_null=True)
    body = assert_matches_spec(delete_from_store(session, sim, [SKUS[2]]), STORE_DELETE)
    assert body == {"status": "OK", "result": {"notDeletedOfferIds": None}}


def test_store_delete_trims_ids_like_the_server(sim: MarketSimulator, session: requests.Session) -> None:
    body = assert_matches_spec(delete_from_store(session, sim, [f"  {FBS_SKU}\t", f" {ABSENT_SKU}"]), STORE_DELETE)
    assert body["result"]["notDeletedOfferIds"] == [ABSENT_SKU]  # answered trimmed
    assert FBS_SKU not in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    assert sim.records()[-1].offer_ids == (f"  {FBS_SKU}\t", f" {ABSENT_SKU}")  # logged as received


def test_catalog_delete_removes_from_catalog_stores_and_promos(sim: MarketSimulator, session: requests.Session) -> None:
    state = sim.state
    assert WEEKLY_SKU in state.promo_offers(PROMO_WEEKLY_ID)
    skus = [FBS_SKU, FBY_ONLY_SKU, WEEKLY_SKU, HELD_SKU, ABSENT_SKU]
    response = session.post(url(sim, CATALOG_DELETE, businessId=DEMO_BUSINESS_ID), json={"offerIds": skus})
    body = assert_matches_spec(response, CATALOG_DELETE)
    assert body["result"]["notDeletedOfferIds"] == [HELD_SKU]  # an unknown SKU is not an error here
    gone = {FBS_SKU, FBY_ONLY_SKU, WEEKLY_SKU}
    assert not gone & state.catalog_offers(DEMO_BUSINESS_ID)
    assert not gone & (state.store_offers(DEMO_FBS_CAMPAIGN_ID) | state.store_offers(DEMO_FBY_CAMPAIGN_ID))
    assert WEEKLY_SKU not in state.promo_offers(PROMO_WEEKLY_ID)
    assert HELD_SKU in state.catalog_offers(DEMO_BUSINESS_ID) and HELD_SKU in state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    assert FBS_SKU in state.catalog_offers(demo.OTHER_BUSINESS_ID)  # other businesses keep their own catalogs


def test_promos_list_with_filters(sim: MarketSimulator, session: requests.Session) -> None:
    response = session.post(url(sim, PROMOS, businessId=DEMO_BUSINESS_ID))  # no body at all
    body = assert_matches_spec(response, PROMOS)
    promos = {p["id"]: p for p in body["result"]["promos"]}
    assert set(promos) == {PROMO_WEEKLY_ID, PROMO_FLASH_ID, demo.PROMO_BESTSELLERS_ID}
    weekly = promos[PROMO_WEEKLY_ID]
    assert weekly["participating"] is True and weekly["mechanicsInfo"] == {"type": "DIRECT_DISCOUNT"}
    assert weekly["assortmentInfo"]["activeOffers"] == len(sim.state.promo_offers(PROMO_WEEKLY_ID))
    assert promos[demo.PROMO_BESTSELLERS_ID]["bestsellerInfo"] == {"bestseller": True}

    def ids(filters: dict[str, str]) -> set[str]:
        answer = session.post(url(sim, PROMOS, businessId=DEMO_BUSINESS_ID), json=filters)
        return {p["id"] for p in assert_matches_spec(answer, PROMOS)["result"]["promos"]}

    assert ids({"participation": "PARTICIPATING_NOW"}) == {PROMO_WEEKLY_ID, PROMO_FLASH_ID}
    assert ids({"mechanics": "BLUE_FLASH"}) == {PROMO_FLASH_ID}
    bad = session.post(url(sim, PROMOS, businessId=DEMO_BUSINESS_ID), json={"mechanics": "FREE_LUNCH"})
    assert assert_matches_spec(bad, PROMOS) and bad.status_code == 400


def promo_processing(sim: MarketSimulator, session: requests.Session, promo_id: str) -> dict[str, Any]:
    body = session.post(url(sim, PROMOS, businessId=DEMO_BUSINESS_ID)).json()
    promo: dict[str, Any] = next(p for p in body["result"]["promos"] if p["id"] == promo_id)
    return promo


def test_promo_offers_delete_rejects_absent_offers_and_processes(
    sim: MarketSimulator, session: requests.Session
) -> None:
    payload = {"promoId": PROMO_WEEKLY_ID, "offerIds": [WEEKLY_SKU, NOT_IN_WEEKLY_SKU]}
    response = session.post(url(sim, PROMO_DELETE, businessId=DEMO_BUSINESS_ID), json=payload)
    body = assert_matches_spec(response, PROMO_DELETE)
    assert body["result"]["rejectedOffers"] == [{"offerId": NOT_IN_WEEKLY_SKU, "reason": "OFFER_DOES_NOT_EXIST"}]
    assert WEEKLY_SKU not in sim.state.promo_offers(PROMO_WEEKLY_ID)
    assert promo_processing(sim, session, PROMO_WEEKLY_ID)["assortmentInfo"]["processing"] is True
    deadline = time.monotonic() + 2.0  # processing_seconds is 0.3 in this fixture
    while sim.state.promo_is_processing(PROMO_WEEKLY_ID) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert promo_processing(sim, session, PROMO_WEEKLY_ID)["assortmentInfo"]["processing"] is False


def test_promo_delete_all_offers_leaves_the_promo(sim: MarketSimulator, session: requests.Session) -> None:
    payload = {"promoId": PROMO_FLASH_ID, "deleteAllOffers": True}
    response = session.post(url(sim, PROMO_DELETE, businessId=DEMO_BUSINESS_ID), json=payload)
    assert assert_matches_spec(response, PROMO_DELETE) == {"status": "OK"}
    promo = promo_processing(sim, session, PROMO_FLASH_ID)
    assert promo["participating"] is False and promo["assortmentInfo"]["processing"] is True
    assert promo["assortmentInfo"]["activeOffers"] == 0 and not sim.state.promo_offers(PROMO_FLASH_ID)


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"promoId": PROMO_WEEKLY_ID, "deleteAllOffers": True, "offerIds": [WEEKLY_SKU]}, 400),
        ({"promoId": PROMO_WEEKLY_ID}, 400),
        ({"promoId": PROMO_WEEKLY_ID, "deleteAllOffers": False}, 400),
        ({"offerIds": [WEEKLY_SKU]}, 400),
        ({"promoId": PROMO_WEEKLY_ID, "deleteAllOffers": "yes"}, 400),
        ({"promoId": "#404", "offerIds": [WEEKLY_SKU]}, 404),
        ({"promoId": demo.OTHER_PROMO_ID, "deleteAllOffers": True}, 404),  # another business's promo
    ],
)
def test_promo_offers_delete_refuses(
    sim: MarketSimulator, session: requests.Session, payload: dict[str, Any], status: int
) -> None:
    response = session.post(url(sim, PROMO_DELETE, businessId=DEMO_BUSINESS_ID), json=payload)
    assert_matches_spec(response, PROMO_DELETE)
    assert response.status_code == status
    assert WEEKLY_SKU in sim.state.promo_offers(PROMO_WEEKLY_ID)
    assert not sim.state.promo_is_processing(PROMO_WEEKLY_ID)


def test_price_removal_clears_that_store_only(sim: MarketSimulator, session: requests.Session) -> None:
    assert sim.state.api_prices(DEMO_FBS_CAMPAIGN_ID) and sim.state.api_prices(DEMO_FBY_CAMPAIGN_ID)
    response = session.post(url(sim, PRICE_REMOVALS, campaignId=DEMO_FBS_CAMPAIGN_ID), json={"removeAll": True})
    assert assert_matches_spec(response, PRICE_REMOVALS) == {"status": "OK"}
    assert sim.state.api_prices(DEMO_FBS_CAMPAIGN_ID) == {}
    assert sim.state.api_prices(DEMO_FBY_CAMPAIGN_ID)
    sim.faults = Faults(legacy_prices_gone=True)
    gone = session.post(url(sim, PRICE_REMOVALS, campaignId=DEMO_FBY_CAMPAIGN_ID), json={"removeAll": True})
    assert_matches_spec(gone, PRICE_REMOVALS)
    assert gone.status_code == 404 and sim.state.api_prices(DEMO_FBY_CAMPAIGN_ID)


# ------------------------------------------------------------------ 400s


BAD_BODIES = {
    "missing offerIds": b"{}",
    "null offerIds": b'{"offerIds": null}',
    "empty offerIds": b'{"offerIds": []}',
    "too many": json.dumps({"offerIds": [f"s{i}" for i in range(501)]}).encode(),
    "duplicates": b'{"offerIds": ["000001", "000002", "000001"]}',
    "duplicates after trim": b'{"offerIds": ["000001", "000001  "]}',
    "whitespace only": b'{"offerIds": ["000001", "   "]}',
    "line break": b'{"offerIds": ["000001", "000\\n002"]}',
    "control char": b'{"offerIds": ["000\\u0007001"]}',
    "too long": json.dumps({"offerIds": ["x" * 256]}).encode(),
    "not a string": b'{"offerIds": ["000001", 2]}',
    "not an array": b'{"offerIds": "000001"}',
    "not an object": b'["000001"]',
    "bad JSON": b'{"offerIds": ["000001"',
    "no body": b"",
}


@pytest.mark.parametrize("template", [STORE_DELETE, CATALOG_DELETE])
@pytest.mark.parametrize("body", list(BAD_BODIES.values()), ids=list(BAD_BODIES))
def test_schema_breaks_are_400_and_change_nothing(
    sim: MarketSimulator, session: requests.Session, template: str, body: bytes
) -> None:
    target = url(sim, template, campaignId=DEMO_FBS_CAMPAIGN_ID, businessId=DEMO_BUSINESS_ID)
    response = session.post(target, data=body, headers={"Content-Type": "application/json"})
    assert_matches_spec(response, template)
    assert response.status_code == 400 and error_code(response) == "BAD_REQUEST"
    assert SKUS[1] in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    assert response.headers["X-RateLimit-Resource-Remaining"] == "5000"  # nothing consumed


def test_longest_valid_sku_and_tabs_inside_are_accepted(sim: MarketSimulator, session: requests.Session) -> None:
    body = assert_matches_spec(delete_from_store(session, sim, ["x" * 255, "a\tb", "NA"]), STORE_DELETE)
    assert body["result"]["notDeletedOfferIds"] == ["x" * 255, "a\tb", "NA"]


def test_bad_request_skus_make_the_whole_batch_400(sim: MarketSimulator, session: requests.Session) -> None:
    sim.faults = Faults(bad_request_skus=frozenset({SKUS[2]}))
    refused = delete_from_store(session, sim, [SKUS[1], SKUS[2], SKUS[3]])
    assert_matches_spec(refused, STORE_DELETE)
    assert refused.status_code == 400 and SKUS[1] in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)
    halves = [delete_from_store(session, sim, [SKUS[1]]), delete_from_store(session, sim, [SKUS[2], SKUS[3]])]
    assert [r.status_code for r in halves] == [200, 400]


# ------------------------------------------------------------------ auth, 404, 405


def test_unknown_or_missing_key_is_401(sim: MarketSimulator) -> None:
    target = url(sim, STORE_DELETE, campaignId=DEMO_FBS_CAMPAIGN_ID)
    for headers in ({}, {"Api-Key": "not-a-key"}, {"Authorization": "Bearer not-a-key"}):
        response = requests.post(target, json={"offerIds": [FBS_SKU]}, headers=headers)
        assert_matches_spec(response, STORE_DELETE)
        assert response.status_code == 401 and response.json()["errors"][0] == {
            "code": "UNAUTHORIZED",
            "message": "Api-Key token is invalid",
        }
    assert FBS_SKU in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)


def test_bearer_token_works_like_api_key(sim: MarketSimulator) -> None:
    response = requests.get(url(sim, CAMPAIGNS), headers={"Authorization": f"Bearer {DEMO_API_KEY}"})
    assert response.status_code == 200 and assert_matches_spec(response, CAMPAIGNS, "GET")["campaigns"]


@pytest.mark.parametrize(
    ("template", "ids", "key", "status"),
    [
        (STORE_DELETE, {"campaignId": demo.OTHER_CAMPAIGN_ID}, DEMO_API_KEY, 403),
        (CATALOG_DELETE, {"businessId": demo.OTHER_BUSINESS_ID}, DEMO_API_KEY, 403),
        (STORE_DELETE, {"campaignId": DEMO_FBS_CAMPAIGN_ID}, demo.OTHER_API_KEY, 403),
        (STORE_DELETE, {"campaignId": DEMO_FBS_CAMPAIGN_ID}, demo.DEMO_READ_ONLY_API_KEY, 403),  # scope
        (STORE_DELETE, {"campaignId": 29999999}, DEMO_API_KEY, 404),
        (CATALOG_DELETE, {"businessId": 19999999}, DEMO_API_KEY, 404),
        (STORE_DELETE, {"campaignId": "abc"}, DEMO_API_KEY, 400),
    ],
)
def test_forbidden_and_unknown_targets(
    sim: MarketSimulator, template: str, ids: dict[str, Any], key: str, status: int
) -> None:
    response = requests.post(url(sim, template, **ids), json={"offerIds": [FBS_SKU]}, headers={"Api-Key": key})
    assert_matches_spec(response, template)
    assert response.status_code == status
    assert FBS_SKU in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)


def test_read_only_key_may_list(sim: MarketSimulator) -> None:
    headers = {"Api-Key": demo.DEMO_READ_ONLY_API_KEY}
    listed = requests.post(url(sim, PROMOS, businessId=DEMO_BUSINESS_ID), headers=headers)
    assert listed.status_code == 200 and assert_matches_spec(listed, PROMOS)["result"]["promos"]


def test_revoked_key_gets_401_on_an_open_connection(sim: MarketSimulator, session: requests.Session) -> None:
    assert delete_from_store(session, sim, [SKUS[1]]).status_code == 200
    sim.revoke_token(DEMO_API_KEY)
    response = delete_from_store(session, sim, [SKUS[2]])
    assert response.status_code == 401 and error_code(response) == "UNAUTHORIZED"
    assert SKUS[2] in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)


def test_wrong_method_is_405_and_unknown_path_404(sim: MarketSimulator, session: requests.Session) -> None:
    wrong = session.get(url(sim, STORE_DELETE, campaignId=DEMO_FBS_CAMPAIGN_ID))
    assert wrong.status_code == 405 and wrong.headers["Allow"] == "POST"
    assert_matches_spec(wrong, STORE_DELETE, "POST")
    assert session.delete(url(sim, CAMPAIGNS)).status_code == 405
    unknown = session.post(sim.url + "/v2/campaigns/21000001/offers/erase", json={})
    assert unknown.status_code == 404 and error_code(unknown) == "NOT_FOUND"


# ------------------------------------------------------------------ rate limits


def test_sku_limit_counts_offer_ids_and_420_consumes_nothing(session: requests.Session) -> None:
    with start_sim(limits=Limits(offers_delete=RateLimit(600, 3600))) as sim:
        first = delete_from_store(session, sim, [f"m{i}" for i in range(500)])
        assert first.headers["X-RateLimit-Resource-Limit"] == "600"
        assert first.headers["X-RateLimit-Resource-Remaining"] == "100"
        refused = delete_from_store(session, sim, [f"n{i}" for i in range(101)])
        assert_matches_spec(refused, STORE_DELETE)
        assert refused.status_code == 420 and error_code(refused) == "LIMIT_EXCEEDED"
        assert refused.headers["X-RateLimit-Resource-Remaining"] == "100"  # the refused request cost nothing
        assert delete_from_store(session, sim, [f"n{i}" for i in range(100)]).status_code == 200
        other_store = delete_from_store(session, sim, [FBY_ONLY_SKU], campaign_id=DEMO_FBY_CAMPAIGN_ID)
        assert other_store.headers["X-RateLimit-Resource-Remaining"] == "599"  # per campaign
        until = until_epoch(refused)
        assert until % 3600 == 0 and time.time() < until <= time.time() + 3600


def test_until_is_aligned_and_rounded_up_for_short_windows(session: requests.Session) -> None:
    with start_sim(limits=Limits.fast(skus=1000, period=2.0)) as sim:
        response = delete_from_store(session, sim, [FBS_SKU])
        until = until_epoch(response)
        assert until % 2 == 0 and response.headers["X-RateLimit-Resource-Remaining"] == "999"
        assert time.time() < until <= time.time() + 2
    with start_sim(limits=Limits.fast(skus=10, period=0.5)) as sim:
        requested = time.time()
        until = until_epoch(delete_from_store(session, sim, [FBS_SKU]))
        assert until == int(until) and requested < until <= requested + 1.5  # whole second, never early


def test_window_resets_at_the_aligned_boundary(session: requests.Session) -> None:
    clock = ManualClock(1_800_000_000.4)  # the simulator's clock moves only when the test says
    with start_sim(limits=Limits.fast(skus=3, period=1.0), clock=clock) as sim:
        assert delete_from_store(session, sim, SKUS[1:3]).status_code == 200
        answer = delete_from_store(session, sim, [SKUS[3], SKUS[5]])
        assert answer.status_code == 420 and answer.headers["X-RateLimit-Resource-Remaining"] == "1"
        assert until_epoch(answer) == 1_800_000_001
        clock.set(1_800_000_000.999)
        assert delete_from_store(session, sim, [SKUS[3], SKUS[5]]).status_code == 420
        clock.set(until_epoch(answer))
        assert delete_from_store(session, sim, [SKUS[3], SKUS[5]]).status_code == 200


def test_listing_limits_count_requests(session: requests.Session) -> None:
    with start_sim(limits=Limits.fast(requests=2, period=3600)) as sim:
        statuses = [session.get(url(sim, CAMPAIGNS)).status_code for _ in range(3)]
        assert statuses == [200, 200, 420]
        promos = session.post(url(sim, PROMOS, businessId=DEMO_BUSINESS_ID))
        assert promos.status_code == 200 and promos.headers["X-RateLimit-Resource-Remaining"] == "1"


def test_headers_can_be_left_out(session: requests.Session) -> None:
    with start_sim(limits=Limits.fast(skus=1, period=3600, send_headers=False)) as sim:
        answers = [delete_from_store(session, sim, [FBS_SKU]), delete_from_store(session, sim, [SKUS[2]])]
        assert [a.status_code for a in answers] == [200, 420]
        assert not any(name.startswith("X-RateLimit") for a in answers for name in a.headers)


def test_error_answers_carry_limit_headers_too(sim: MarketSimulator, session: requests.Session) -> None:
    response = session.post(url(sim, CATALOG_DELETE, businessId=DEMO_BUSINESS_ID), json={"offerIds": []})
    assert response.status_code == 400 and response.headers["X-RateLimit-Resource-Remaining"] == "5000"
    assert until_epoch(response) % 60 == 0


# ------------------------------------------------------------------ faults


def statuses_under(faults: Faults) -> list[int | None]:
    """Send the same 30 requests one after another; None marks a dropped connection."""
    with start_sim(faults=faults) as sim, requests.Session() as s:
        s.headers["Api-Key"] = DEMO_API_KEY
        for i in range(30):
            with contextlib.suppress(requests.ConnectionError):  # a dropped connection: status None
                delete_from_store(s, sim, [SKUS[i]])
        return [record.status for record in sim.records()]


def test_faults_are_reproducible_with_a_seed() -> None:
    faults = Faults(seed=7, error_rate=0.2, drop_rate=0.15, locked_rate=0.1)
    first = statuses_under(faults)
    assert first == statuses_under(faults)
    assert {None, 423} <= set(first) and {500, 503} & set(first) and 200 in first
    assert first != statuses_under(Faults(seed=8, error_rate=0.2, drop_rate=0.15, locked_rate=0.1))


@pytest.mark.parametrize("applied", [True, False])
def test_dropped_connection_may_or_may_not_have_applied(session: requests.Session, applied: bool) -> None:
    with start_sim(faults=Faults(drop_rate=1.0, drop_after_apply=1.0 if applied else 0.0)) as sim:
        with pytest.raises(requests.ConnectionError):
            delete_from_store(session, sim, [FBS_SKU])
        assert (FBS_SKU not in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)) is applied
        record = sim.records()[-1]
        assert record.status is None and record.fault == "drop" and record.applied is applied


@pytest.mark.parametrize("late", [True, False])
def test_server_errors_before_or_after_applying(session: requests.Session, late: bool) -> None:
    with start_sim(faults=Faults(error_rate=1.0, error_after_apply=1.0 if late else 0.0)) as sim:
        response = delete_from_store(session, sim, [FBS_SKU])
        assert_matches_spec(response, STORE_DELETE)
        assert response.status_code in (500, 503)
        assert (FBS_SKU not in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)) is late
        expected_remaining = "4999" if late else "5000"
        assert response.headers["X-RateLimit-Resource-Remaining"] == expected_remaining


def test_slow_answer_applies_the_work_then_waits(session: requests.Session) -> None:
    with start_sim(faults=Faults(slow_rate=1.0, slow_seconds=0.5)) as sim:
        with pytest.raises(requests.ReadTimeout):
            delete_from_store(session, sim, [FBS_SKU], timeout=0.1)
        assert FBS_SKU not in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)


def test_locked_answers_423_and_applies_nothing(session: requests.Session) -> None:
    with start_sim(faults=Faults(locked_rate=1.0)) as sim:
        response = delete_from_store(session, sim, [FBS_SKU])
        assert_matches_spec(response, STORE_DELETE)
        assert response.status_code == 423 and error_code(response) == "LOCKED"
        assert FBS_SKU in sim.state.store_offers(DEMO_FBS_CAMPAIGN_ID)


def test_burst_of_420_with_a_short_until(session: requests.Session) -> None:
    with start_sim(faults=Faults(burst_rate=1.0, burst_length=3, burst_until_seconds=1.0)) as sim:
        sent = time.time()
        burst = [delete_from_store(session, sim, [FBS_SKU]) for _ in range(3)]
        assert [r.status_code for r in burst] == [420, 420, 420]
        assert all(r.headers["X-RateLimit-Resource-Remaining"] == "0" for r in burst)
        assert sent < until_epoch(burst[0]) <= sent + 2
        sim.faults = Faults()
        assert delete_from_store(session, sim, [FBS_SKU]).status_code == 200
        assert sim.counters()["fault:burst"] == 3


def test_latency_is_added_to_every_answer(session: requests.Session) -> None:
    with start_sim(faults=Faults(latency_seconds=0.05)) as sim:
        started = time.perf_counter()
        assert session.get(url(sim, CAMPAIGNS)).status_code == 200
        assert time.perf_counter() - started >= 0.05
        assert sim.records()[-1].handling_seconds >= 0.05


# ------------------------------------------------------------------ observability, HTTP plumbing


def test_request_log_and_in_flight_under_concurrency() -> None:
    threads_count, per_thread = 8, 15
    errors: list[BaseException] = []

    def worker(n: int, sim: MarketSimulator) -> None:
        try:
            with requests.Session() as s:
                s.headers["Api-Key"] = DEMO_API_KEY
                for i in range(per_thread):
                    delete_from_store(s, sim, [f"t{n}-{i}"])
        except BaseException as error:  # surfaced below; a thread cannot fail the test itself
            errors.append(error)

    with start_sim(faults=Faults(latency_seconds=0.01)) as sim:
        threads = [threading.Thread(target=worker, args=(n, sim)) for n in range(threads_count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        records = sim.records()
        assert not errors
        assert len(records) == threads_count * per_thread
        assert sorted(r.offer_ids[0] for r in records) == sorted(
            f"t{n}-{i}" for n in range(threads_count) for i in range(per_thread)
        )
        assert sim.counters()["status:200"] == threads_count * per_thread
        assert sim.max_in_flight(campaign_id=DEMO_FBS_CAMPAIGN_ID) >= 2
        assert sim.max_in_flight(campaign_id=DEMO_FBY_CAMPAIGN_ID) == 0


def test_500_id_delete_is_handled_in_well_under_a_few_ms(session: requests.Session) -> None:
    many = [f"b{i:05d}" for i in range(15_000)]  # ~95% of them in the FBS store
    state = build_demo_state(many)
    with MarketSimulator(state, limits=Limits.unlimited()).start() as sim:
        for start in range(0, len(many), 500):
            assert delete_from_store(session, sim, many[start : start + 500]).status_code == 200
        handling = [r.handling_seconds for r in sim.records()]
    assert len(state.store_offers(DEMO_FBS_CAMPAIGN_ID)) < 1000
    median = statistics.median(handling)
    print(f"500-id delete: median handling {median * 1e3:.3f} ms over {len(handling)} requests")
    assert median < 0.005


def test_keep_alive_serves_many_requests_on_one_connection(sim: MarketSimulator) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", sim.port, timeout=5)
    try:
        for sku in SKUS[1:4]:
            body = json.dumps({"offerIds": [sku]})
            headers = {"Api-Key": DEMO_API_KEY, "Content-Type": "application/json"}
            connection.request("POST", STORE_DELETE.format(campaignId=DEMO_FBS_CAMPAIGN_ID), body, headers)
            answer = connection.getresponse()
            payload = answer.read()
            assert answer.status == 200 and answer.version == 11 and not answer.will_close
            assert int(answer.headers["Content-Length"]) == len(payload)
    finally:
        connection.close()


def test_stop_closes_idle_keep_alive_connections(session: requests.Session) -> None:
    sim = start_sim()
    address = url(sim, CAMPAIGNS)
    assert session.get(address).status_code == 200  # leaves an idle pooled keep-alive connection
    started = time.perf_counter()
    sim.stop()
    assert time.perf_counter() - started < 1.0
    with pytest.raises(requests.ConnectionError):
        session.get(address, timeout=1)


# ------------------------------------------------------------------ demo world and sample catalog


def test_demo_state_layout() -> None:
    state = build_demo_state(SKUS)
    catalog, fbs, fby = (
        state.catalog_offers(DEMO_BUSINESS_ID),
        state.store_offers(DEMO_FBS_CAMPAIGN_ID),
        state.store_offers(DEMO_FBY_CAMPAIGN_ID),
    )
    assert fbs <= catalog and fby <= catalog and len(fbs) > len(catalog) * 0.8
    assert FBY_ONLY_SKU in fby - fbs and ABSENT_SKU not in catalog
    held = state.held_skus(DEMO_BUSINESS_ID)
    assert HELD_SKU in held and held <= fbs and 5 <= len(held) <= 20
    assert set(state.api_prices(DEMO_FBS_CAMPAIGN_ID)) <= fbs
    assert state.promo_offers(PROMO_WEEKLY_ID) <= catalog and not state.promo_offers(demo.PROMO_BESTSELLERS_ID)
    assert state.catalog_offers(demo.OTHER_BUSINESS_ID) == set(SKUS[:20])


def test_sample_catalog_is_small_deterministic_and_looks_like_an_export(tmp_path: Path) -> None:
    import openpyxl

    script = runpy.run_path(str(REPO / "resources" / "make_sample_catalog.py"))  # not as __main__: no output
    committed = REPO / "resources" / "sample_catalog.xlsx"
    assert sample_catalog_path().read_bytes() == committed.read_bytes()
    assert committed.stat().st_size < 100_000
    assert script["write_sample_catalog"](tmp_path / "again.xlsx").read_bytes() == committed.read_bytes()
    workbook = openpyxl.load_workbook(committed, read_only=True)
    try:
        rows = list(workbook["Товары"].iter_rows(values_only=True))
    finally:
        workbook.close()
    assert rows[0][0] == "Основная информация" and rows[0][4] == "Цены"
    assert rows[1][:2] == ("Ваш SKU *", "Название товара *") and "Штрихкод" in rows[1]
    data = rows[3:]
    skus = [row[0] for row in data]
    assert 250 <= len(data) <= 350
    assert "000100" in skus and "NA" in skus and "null" in skus  # text, zeros kept
    assert {"   ", "ABC\n123", "X" * 256, None} <= set(skus)  # the invalid ones
    assert "ART-1010   " in skus and skus.count("000103") == 2
    barcode = data[0][rows[1].index("Штрихкод")]
    assert isinstance(barcode, int) and len(str(barcode)) == 13


def test_demo_state_defaults_to_the_sample_catalog() -> None:
    from ymdesk.core.sheets.catalog import read_catalog

    valid = read_catalog(sample_catalog_path()).valid_skus()
    state = build_demo_state()
    catalog = state.catalog_offers(DEMO_BUSINESS_ID)
    assert "000100" in catalog and "NA" in catalog and "ART-1010" in catalog
    assert catalog <= set(valid) and len(catalog) == len(valid) - len(valid) // 20  # every 20th is absent
    assert state.held_skus(DEMO_BUSINESS_ID) and state.promo_offers(PROMO_WEEKLY_ID)


def test_run_sandbox_seeds_from_a_file_and_returns_running(tmp_path: Path) -> None:
    from ymdesk.core.simulator import run_sandbox

    seed = tmp_path / "seed.csv"
    seed.write_text("Ваш SKU;Название\n" + "".join(f"{i:05d};Товар {i}\n" for i in range(40)), encoding="utf-8")
    with run_sandbox(port=0, seed_file=seed) as sim, requests.Session() as s:
        s.headers["Api-Key"] = DEMO_API_KEY
        response = delete_from_store(s, sim, ["00001", "00019"])
        assert assert_matches_spec(response, STORE_DELETE)["result"]["notDeletedOfferIds"] == ["00019"]
        assert sim.state.catalog_offers(DEMO_BUSINESS_ID) == {f"{i:05d}" for i in range(40) if i % 20 != 19}
