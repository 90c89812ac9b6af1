"""The Market Partner API client: one requests.Session, typed errors, rate-limit headers.

Only the calls ymdesk needs. Request bodies follow ../shared/spec/market-partner-api-subset.yaml
exactly. Retrying, pacing and bisection are the runner's job (it has to stay cancellable and
report every wait), so this client sends each request once and says precisely what happened.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from ymdesk import __version__
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, UserError

DEFAULT_API_URL = "https://api.partner.market.yandex.ru"
DEFAULT_TIMEOUT = (10.0, 30.0)  # connect, read
CAMPAIGNS_PAGE_LIMIT = 100  # the spec's maximum for `limit`

log = logging.getLogger(__name__)
C = "MarketApi"


# ---------------------------------------------------------------- errors


class InsecureUrlError(UserError):
    """The base URL would send the key in clear text to another machine, or is not a URL."""


class TransportError(UserError):
    """No HTTP answer: refused or dropped connection, DNS failure, timeout, TLS failure."""

    def __init__(self, message: Message, *, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


class ApiError(UserError):
    """An HTTP error answer. Keyed on the HTTP status; `code`/`api_message` come from the body."""

    def __init__(
        self,
        message: Message,
        http_status: int,
        code: str | None,
        api_message: str | None,
        rate: RateLimitState | None = None,
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.api_message = api_message
        self.rate = rate


class BadRequestError(ApiError):
    pass


class AuthError(ApiError):
    """401 or 403: the key is missing, wrong, revoked, or lacks access. Stops a whole job."""


class NotFoundError(ApiError):
    pass


class LegacyMethodGone(ApiError):
    """remove-prices answered 404/405: the live API no longer has this legacy method."""


class RateLimitError(ApiError):
    pass


class LockedError(ApiError):
    pass


class ServerError(ApiError):
    pass


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class RateLimitState:
    """What the X-RateLimit-Resource-* headers said; `until` is epoch seconds."""

    limit: int | None
    remaining: int | None
    until: float | None

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> RateLimitState | None:
        limit = _int_or_none(headers.get("X-RateLimit-Resource-Limit"))
        remaining = _int_or_none(headers.get("X-RateLimit-Resource-Remaining"))
        until = parse_until(headers.get("X-RateLimit-Resource-Until"))
        if limit is None and remaining is None and until is None:
            return None
        return cls(limit, remaining, until)


@dataclass(frozen=True)
class ApiResult:
    body: dict[str, Any]
    rate: RateLimitState | None
    elapsed: float  # seconds from send to parsed answer


@dataclass(frozen=True)
class Campaign:
    id: int
    domain: str
    business_id: int | None
    business_name: str
    placement_type: str
    api_availability: str


@dataclass(frozen=True)
class Promo:
    id: str
    name: str
    participating: bool
    processing: bool
    mechanics: str
    active_offers: int
    date_from: str
    date_to: str


def parse_until(value: str | None) -> float | None:
    """RFC 822 date (e.g. 'Thu, 10 Jul 2018 00:42:42 GMT') to epoch seconds; None if unreadable."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


# ---------------------------------------------------------------- URL safety


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> str:
    """The base URL without a trailing slash; refuses plain http to anything but loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureUrlError(
            Message.translate(
                "MarketApi", "The API address {url} is not a web address; use https://api.partner.market.yandex.ru."
            ).with_args({"url": url})
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise InsecureUrlError(
            Message.translate(
                "MarketApi",
                "Refusing to send the API key unencrypted to {host}: use an https:// address "
                "(plain http is allowed only for the local simulator).",
            ).with_args({"host": parts.hostname})
        )
    return url.strip().rstrip("/")


def ca_bundle() -> str | bool:
    """The CA bundle to verify Market's certificate with.

    Offices behind a TLS-inspecting proxy have their own CA. requests honours REQUESTS_CA_BUNDLE and
    CURL_CA_BUNDLE by itself (they win over the session's setting) but not SSL_CERT_FILE, which
    OpenSSL tools use; accept all three in that order. An empty value means unset, never "do not verify".
    """
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return True


# ---------------------------------------------------------------- the client


class MarketClient:
    def __init__(
        self, token: str, base_url: str = DEFAULT_API_URL, *, timeout: tuple[float, float] = DEFAULT_TIMEOUT
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.timeout = timeout
        self._session = requests.Session()
        # Retries belong to the runner (cancellable, reported); urllib3 must not retry behind its back.
        self._session.mount("https://", HTTPAdapter(max_retries=0))
        self._session.mount("http://", HTTPAdapter(max_retries=0))
        self._session.verify = ca_bundle()  # never off: True (certifi) or a corporate CA bundle file
        self._session.headers.update(
            {
                "Api-Key": token,
                "User-Agent": f"ymdesk/{__version__}",
                "Accept": "application/json",
            }
        )

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> MarketClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- operations

    def delete_campaign_offers(self, campaign_id: int, offer_ids: Sequence[str]) -> ApiResult:
        return self._post(f"/v2/campaigns/{int(campaign_id)}/offers/delete", {"offerIds": list(offer_ids)})

    def delete_catalog_offers(self, business_id: int, offer_ids: Sequence[str]) -> ApiResult:
        return self._post(f"/v2/businesses/{int(business_id)}/offer-mappings/delete", {"offerIds": list(offer_ids)})

    def delete_promo_offers(
        self, business_id: int, promo_id: str, offer_ids: Sequence[str] | None = None, *, delete_all: bool = False
    ) -> ApiResult:
        if delete_all == (offer_ids is not None):
            raise ValueError("pass either offer_ids or delete_all=True")
        body: dict[str, Any] = {"promoId": promo_id}
        if delete_all:
            body["deleteAllOffers"] = True
        else:
            body["offerIds"] = list(offer_ids or ())
        return self._post(f"/v2/businesses/{int(business_id)}/promos/offers/delete", body)

    def remove_all_prices(self, campaign_id: int) -> ApiResult:
        try:
            return self._post(f"/v2/campaigns/{int(campaign_id)}/offer-prices/removals", {"removeAll": True})
        except ApiError as exc:
            if exc.http_status in (404, 405) and not isinstance(exc, AuthError):
                raise LegacyMethodGone(
                    Message.translate(
                        "MarketApi",
                        "Market no longer offers the legacy method that removes all API prices "
                        "(HTTP {status}); change prices in the seller cabinet instead.",
                    ).with_args({"status": exc.http_status}),
                    exc.http_status,
                    exc.code,
                    exc.api_message,
                    exc.rate,
                ) from exc
            raise

    # -- listings

    def campaigns(self) -> list[Campaign]:
        """Every store the key reaches, following paging.nextPageToken."""
        found: list[Campaign] = []
        token: str | None = None
        while True:
            params: dict[str, Any] = {"limit": CAMPAIGNS_PAGE_LIMIT}
            if token:
                params["pageToken"] = token
            body = self._request("GET", "/v2/campaigns", params=params).body
            found.extend(_campaign(c) for c in body.get("campaigns") or [])
            token = (body.get("paging") or {}).get("nextPageToken")
            if not token:
                return found

    def promos(self, business_id: int) -> list[Promo]:
        body = self._post(f"/v2/businesses/{int(business_id)}/promos", {}).body
        return [_promo(p) for p in ((body.get("result") or {}).get("promos") or [])]

    # -- transport

    def _post(self, path: str, body: dict[str, Any]) -> ApiResult:
        return self._request("POST", path, json=body)

    def _request(self, method: str, path: str, **kwargs: Any) -> ApiResult:
        url = self.base_url + path
        started = time.monotonic()
        try:
            response = self._session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout as exc:
            raise TransportError(
                Message.translate(
                    "MarketApi", "Market did not answer in time; the request may or may not have been applied."
                ),
                timed_out=True,
            ) from exc
        except requests.exceptions.SSLError as exc:
            raise TransportError(
                Message.translate(
                    "MarketApi",
                    "The secure connection to {host} failed its certificate check; if your company uses its own "
                    "certificate authority, point REQUESTS_CA_BUNDLE at it.",
                ).with_args({"host": urlsplit(url).hostname}),
            ) from exc
        except requests.RequestException as exc:
            raise TransportError(
                Message.translate(
                    "MarketApi", "No connection to Market ({kind}); check the network and try again."
                ).with_args({"kind": type(exc).__name__})
            ) from exc
        rate = RateLimitState.from_headers(response.headers)
        body = _json_body(response)
        elapsed = time.monotonic() - started
        log.debug("%s %s -> %s in %.3fs", method, path, response.status_code, elapsed)
        if response.status_code >= 400:
            raise _api_error(response.status_code, body, rate)
        return ApiResult(body, rate, elapsed)


def _json_body(response: requests.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


_STATUS_TEXT = {
    400: QT_TRANSLATE_NOOP("MarketApi", "Market refused the request as invalid: {detail}"),
    401: QT_TRANSLATE_NOOP(
        "MarketApi",
        "Market did not accept the API key ({detail}); check the key in the connection "
        "settings or create a new one in the seller cabinet.",
    ),
    403: QT_TRANSLATE_NOOP(
        "MarketApi",
        "The API key has no access to this store or business, or lacks the needed "
        "permission ({detail}); give the key the right access in the seller cabinet.",
    ),
    404: QT_TRANSLATE_NOOP("MarketApi", "Market did not find it: {detail}"),
    420: QT_TRANSLATE_NOOP("MarketApi", "Market's rate limit was hit: {detail}"),
    423: QT_TRANSLATE_NOOP("MarketApi", "Market has locked this store or method for now: {detail}"),
}
_SERVER_TEXT = QT_TRANSLATE_NOOP("MarketApi", "Market had an internal error (HTTP {status}): {detail}")
_OTHER_TEXT = QT_TRANSLATE_NOOP("MarketApi", "Market answered with HTTP {status}: {detail}")

_ERROR_CLASS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthError,
    403: AuthError,
    404: NotFoundError,
    420: RateLimitError,
    423: LockedError,
}


def _api_error(status: int, body: dict[str, Any], rate: RateLimitState | None) -> ApiError:
    errors = body.get("errors") or []
    first = errors[0] if errors and isinstance(errors[0], dict) else {}
    code = first.get("code")
    api_message = first.get("message")
    detail = "; ".join(str(e.get("message") or e.get("code")) for e in errors if isinstance(e, dict)) or str(status)
    cls = _ERROR_CLASS.get(status, ServerError if status >= 500 else ApiError)
    text = _STATUS_TEXT.get(status, _SERVER_TEXT if status >= 500 else _OTHER_TEXT)
    return cls(Message(C, text, {"status": status, "detail": detail}), status, code, api_message, rate)


def _campaign(raw: dict[str, Any]) -> Campaign:
    business = raw.get("business") or {}
    return Campaign(
        id=int(raw["id"]),
        domain=str(raw.get("domain") or ""),
        business_id=int(business["id"]) if business.get("id") is not None else None,
        business_name=str(business.get("name") or ""),
        placement_type=str(raw.get("placementType") or ""),
        api_availability=str(raw.get("apiAvailability") or ""),
    )


def _promo(raw: dict[str, Any]) -> Promo:
    assortment = raw.get("assortmentInfo") or {}
    period = raw.get("period") or {}
    return Promo(
        id=str(raw["id"]),
        name=str(raw.get("name") or ""),
        participating=bool(raw.get("participating")),
        processing=bool(assortment.get("processing")),
        mechanics=str((raw.get("mechanicsInfo") or {}).get("type") or ""),
        active_offers=int(assortment.get("activeOffers") or 0),
        date_from=str(period.get("dateTimeFrom") or ""),
        date_to=str(period.get("dateTimeTo") or ""),
    )
