"""The vendored API spec (tests/data) as test helpers: check an answer or a request body against it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import openapi_schema_validator
import requests
import yaml
from referencing import Registry
from referencing import Resource as SchemaResource
from referencing.jsonschema import DRAFT4

SPEC_PATH = Path(__file__).resolve().parents[1] / "data" / "market-partner-api-subset.yaml"  # vendored copy


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def spec_registry() -> Registry:
    return Registry().with_resource("urn:spec", SchemaResource.from_contents(spec(), default_specification=DRAFT4))


def _validator(ref: str) -> openapi_schema_validator.OAS30Validator:
    return openapi_schema_validator.OAS30Validator({"$ref": "urn:spec" + ref}, registry=spec_registry())


def response_schema_ref(template: str, method: str, status: int) -> str:
    responses = spec()["paths"][template][method.lower()]["responses"]
    answer = responses.get(str(status))
    if answer is None:  # e.g. 405 or 503: not in the spec, but still the Market's error envelope
        return "#/components/schemas/ApiErrorResponse"
    if "$ref" in answer:
        answer = spec()["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    ref: str = answer["content"]["application/json"]["schema"]["$ref"]
    return ref


def assert_matches_spec(response: requests.Response, template: str, method: str = "POST") -> dict[str, Any]:
    """The answer is JSON with the right Content-Length and fits the spec's schema for its status."""
    assert response.headers["Content-Type"].startswith("application/json")
    assert int(response.headers["Content-Length"]) == len(response.content)
    body: dict[str, Any] = response.json()
    ref = response_schema_ref(template, method, response.status_code)
    errors = [error.message for error in _validator(ref).iter_errors(body)]
    assert not errors, f"{response.status_code} {body} breaks {ref}: {errors}"
    if response.status_code >= 400:
        assert body["status"] == "ERROR" and body["errors"][0]["code"]
    return body


def request_body_errors(template: str, body: Any, method: str = "POST") -> list[str]:
    """What is wrong with a request body for this path template, by the spec's requestBody schema."""
    ref = spec()["paths"][template][method.lower()]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return [error.message for error in _validator(ref).iter_errors(body)]
