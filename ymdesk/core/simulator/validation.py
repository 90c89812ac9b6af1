"""Request checks the way the Market's schema layer does them, and the error answers they produce."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from ymdesk.core.model import MAX_BATCH

# The server trims like Java's String.trim(): every char up to U+0020, nothing else (a no-break
# space stays). The spec says only "x-transform: trim"; the JVM behaviour is our best guess.
TRIMMED_CHARS = "".join(map(chr, range(0x21)))

# The spec's ShopSku pattern. re.ASCII makes \S mean what it means in Java (ASCII whitespace only);
# fullmatch because "$" would accept a trailing newline.
SHOP_SKU = re.compile(r"(?=.*\S.*)[^\x00-\x08\x0A-\x1f\x7f]{1,255}", re.ASCII)


class ApiFailure(Exception):
    """An error answer: HTTP status plus the Market's {"code", "message"}."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers: list[tuple[str, str]] = []  # extra answer headers, e.g. Allow for a 405


def bad_request(message: str) -> ApiFailure:
    return ApiFailure(400, "BAD_REQUEST", message)


def trim_sku(raw: str) -> str:
    return raw.strip(TRIMMED_CHARS)


def parse_json_object(body: bytes, required: bool = True) -> dict[str, Any]:
    if not body.strip():
        if required:
            raise bad_request("Request body is required")
        return {}
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError) as error:
        raise bad_request(f"Malformed JSON: {error}") from None
    if not isinstance(data, dict):
        raise bad_request("Request body must be a JSON object")
    return data


def parse_offer_ids(value: object, maximum: int = MAX_BATCH) -> tuple[list[str], list[str]]:
    """Check an offerIds array of at most `maximum` items; returns (as received, trimmed). Raises ApiFailure(400)."""
    if value is None:
        raise bad_request("offerIds: must not be null")
    if not isinstance(value, list):
        raise bad_request("offerIds: must be an array")
    if not value:
        raise bad_request("Collection of field must not be empty")
    if len(value) > maximum:
        raise bad_request(f"offerIds: size must be between 1 and {maximum}")
    trimmed = []
    for index, raw in enumerate(value):
        if not isinstance(raw, str):
            raise bad_request(f"offerIds[{index}]: must be a string")
        sku = trim_sku(raw)
        if not SHOP_SKU.fullmatch(sku):
            raise bad_request(f"offerIds[{index}]: must match the ShopSku pattern")
        trimmed.append(sku)
    # Uniqueness is checked on the trimmed values: "A" and "A " are the same offer to the server.
    if len(set(trimmed)) != len(trimmed):
        raise bad_request("offerIds: must contain unique elements")
    return value, trimmed


def parse_filter(body: dict[str, Any], name: str, item: Callable[[object], bool], what: str) -> list[Any] | None:
    """An optional filter array (nullable, minItems 1, uniqueItems) whose items pass `item`."""
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, list):
        raise bad_request(f"{name}: must be an array")
    if not value:
        raise bad_request(f"{name}: size must be at least 1")
    for index, raw in enumerate(value):
        if not item(raw):
            raise bad_request(f"{name}[{index}]: must be {what}")
    if len({json.dumps(v, sort_keys=True) for v in value}) != len(value):
        raise bad_request(f"{name}: must contain unique elements")
    return value


def one_of(allowed: Iterable[str]) -> Callable[[object], bool]:
    values = frozenset(allowed)
    return lambda raw: isinstance(raw, str) and raw in values


def is_string(raw: object) -> bool:
    return isinstance(raw, str)


def is_positive_int32(raw: object) -> bool:
    return isinstance(raw, int) and not isinstance(raw, bool) and 0 < raw < 2**31


def refuse_bad_skus(skus: list[str], bad_skus: frozenset[str]) -> None:
    """The injected "server refuses these for its own reasons" 400 (it does not say which)."""
    if bad_skus and not bad_skus.isdisjoint(skus):
        raise bad_request("Request contains offers that cannot be processed")


def error_body(failure: ApiFailure) -> dict[str, Any]:
    return {"status": "ERROR", "errors": [{"code": failure.code, "message": failure.message}]}
