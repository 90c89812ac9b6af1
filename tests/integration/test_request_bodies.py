"""Every request body the client can send validates against the API spec (OpenAPI 3.0 schema)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource

from ymdesk.core.market.client import MarketClient
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    PROMO_WEEKLY_ID,
    Limits,
    MarketSimulator,
    build_demo_state,
)

SPEC_PATH = Path(__file__).parents[1] / "data" / "market-partner-api-subset.yaml"
SKUS = [f"{i:06d}" for i in range(600)] + ["NA", "null", " padded ", "tab\there", "Артикул-1"]


@pytest.fixture(scope="module")
def spec() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def body_validator(spec: dict, path: str) -> OAS30Validator:
    schema = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
    registry = Registry().with_resource("urn:spec", Resource.opaque(spec))
    schema = {**schema, "$ref": schema["$ref"].replace("#", "urn:spec#")} if "$ref" in schema else schema
    return OAS30Validator(schema, registry=registry)


def test_the_vendored_spec_is_the_shared_one():
    shared = Path(__file__).parents[3] / "shared" / "spec" / "market-partner-api-subset.yaml"
    if not shared.exists():
        pytest.skip("no ../shared beside this checkout")
    assert shared.read_bytes() == SPEC_PATH.read_bytes()


def test_every_body_the_client_sends_matches_the_spec(spec):
    sent: list[tuple[str, str, bytes | None]] = []
    state = build_demo_state(SKUS)
    with MarketSimulator(state, limits=Limits.unlimited()) as sim, MarketClient(DEMO_API_KEY, sim.url) as client:
        client._session.hooks["response"].append(
            lambda r, *a, **k: sent.append((r.request.method, r.request.path_url, r.request.body))
        )
        batch = [s.strip() for s in SKUS[:500]]
        client.delete_campaign_offers(DEMO_FBS_CAMPAIGN_ID, batch)
        client.delete_catalog_offers(DEMO_BUSINESS_ID, batch[:3] + [s.strip() for s in SKUS[600:]])
        client.delete_promo_offers(DEMO_BUSINESS_ID, PROMO_WEEKLY_ID, batch[:10])
        client.delete_promo_offers(DEMO_BUSINESS_ID, PROMO_WEEKLY_ID, delete_all=True)
        client.remove_all_prices(DEMO_FBS_CAMPAIGN_ID)
        client.promos(DEMO_BUSINESS_ID)
        client.campaigns()

    templates = {  # path sent -> path template in the spec
        f"/v2/campaigns/{DEMO_FBS_CAMPAIGN_ID}/offers/delete": "/v2/campaigns/{campaignId}/offers/delete",
        f"/v2/businesses/{DEMO_BUSINESS_ID}/offer-mappings/delete": "/v2/businesses/{businessId}/offer-mappings/delete",
        f"/v2/businesses/{DEMO_BUSINESS_ID}/promos/offers/delete": "/v2/businesses/{businessId}/promos/offers/delete",
        f"/v2/campaigns/{DEMO_FBS_CAMPAIGN_ID}/offer-prices/removals": (
            "/v2/campaigns/{campaignId}/offer-prices/removals"
        ),
        f"/v2/businesses/{DEMO_BUSINESS_ID}/promos": "/v2/businesses/{businessId}/promos",
    }
    posts = [(path, body) for method, path, body in sent if method == "POST"]
    assert len(posts) == 6
    for path, body in posts:
        validator = body_validator(spec, templates[path])
        document = json.loads(body)
        errors = list(validator.iter_errors(document))
        assert not errors, (path, [e.message for e in errors])
    leave = json.loads(posts[3][1])
    assert leave == {"promoId": PROMO_WEEKLY_ID, "deleteAllOffers": True}
    assert json.loads(posts[4][1]) == {"removeAll": True}
    gets = [path for method, path, _ in sent if method == "GET"]
    assert gets and all("limit=100" in path for path in gets)


def test_the_validator_does_catch_a_bad_body(spec):
    validator = body_validator(spec, "/v2/campaigns/{campaignId}/offers/delete")
    assert list(validator.iter_errors({"offerIds": [f"s{i}" for i in range(501)]}))
    assert list(validator.iter_errors({"offerIds": ["a", "a"]}))
    assert list(validator.iter_errors({"offerIds": ["line\nbreak"]}))
    assert not list(validator.iter_errors({"offerIds": ["ok"]}))
