"""The Market Partner API client: one requests.Session, typed errors, rate-limit headers.

Only the calls ymdesk needs. Request bodies follow ../shared/spec/market-partner-api-subset.yaml
exactly. Retrying, pacing and bisection are the runner's job (it has to stay cancellable and
report every wait), so this client sends each request once and says precisely what happened.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import ipaddress
import json
import logging
import os
import select
import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as urllib3_exceptions
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ymdesk import __version__
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, UserError

DEFAULT_API_URL = "https://api.partner.market.yandex.ru"
DEFAULT_TIMEOUT = (10.0, 30.0)  # connect, read
# Every request ends within this many seconds, connect, headers and the whole body together: a stalled
# or trickling answer is a timeout (requests' own timeout is per read, so a byte every 5 s never ends).
DEFAULT_DEADLINE = 60.0
CAMPAIGNS_PAGE_LIMIT = 100  # the spec's maximum for `limit`

log = logging.getLogger(__name__)
C = "MarketApi"


# ---------------------------------------------------------------- errors


def connection_problem(error: BaseException) -> Message:
    """What went wrong with a connection, in words a person knows (never a Python class name)."""
    described = f"{type(error).__name__} {error}"
    cause = error.__cause__ or error.__context__
    while cause is not None and len(described) < 4000:
        described += f" {type(cause).__name__} {cause}"
        cause = cause.__cause__ or cause.__context__
    if isinstance(error, requests.exceptions.ProxyError) or "ProxyError" in described:
        return Message.translate("MarketApi", "the proxy server refused or failed the connection")
    text = described.lower()
    if any(mark in text for mark in ("nameresolution", "name or service not known", "getaddrinfo", "nodename")):
        return Message.translate("MarketApi", "the address was not found (no internet, or DNS does not answer)")
    if "refused" in text:
        return Message.translate("MarketApi", "the connection was refused")
    if any(mark in text for mark in ("reset", "aborted", "remotedisconnected", "closed connection", "broken pipe")):
        return Message.translate("MarketApi", "the connection was dropped before Market answered")
    if "network is unreachable" in text or "no route" in text:
        return Message.translate("MarketApi", "the network is unreachable")
    return Message.translate("MarketApi", "the connection failed")


class InsecureUrlError(UserError):
    """The base URL would send the key in clear text to another machine, or is not a URL."""


class TransportError(UserError):
    """No HTTP answer: refused or dropped connection, DNS failure, timeout, TLS failure.

    `sent` is False only when the request certainly never left (no connection was made): its SKUs were
    not sent. `timed_out`: ymdesk gave up waiting (Market may still be working on it)."""

    def __init__(self, message: Message, *, timed_out: bool = False, sent: bool = True) -> None:
        super().__init__(message)
        self.timed_out = timed_out
        self.sent = sent


class RequestCancelled(TransportError):
    """The person cancelled while the request was out: its connection was closed at once."""


@dataclass(eq=False, repr=False)  # an exception still: equal only to itself, shown as one
class ApiError(UserError):
    """An HTTP error answer. Keyed on the HTTP status; `code`/`api_message` come from the body."""

    message: Message
    http_status: int
    code: str | None
    api_message: str | None
    rate: RateLimitState | None = None
    retry_after: float | None = None  # seconds, from a Retry-After header

    def __post_init__(self) -> None:
        super().__init__(self.message)


class RedirectError(ApiError):
    """A 3xx: never followed, so the key goes nowhere but the configured host."""


class BadRequestError(ApiError):
    pass


class AuthError(ApiError):
    """401 or 403: the key is missing, wrong, revoked, or lacks access. Stops a whole job."""


class NotFoundError(ApiError):
    pass


class LegacyMethodGone(ApiError):
    """remove-prices answered 404/405: the live API no longer has this legacy method."""


class RateLimitError(ApiError):
    """420, or 429 (handled the same way)."""


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
    def from_headers(cls, headers: Mapping[str, str], received: float | None = None) -> RateLimitState | None:
        """`until` on our clock: when the answer has a Date header, Until is read against it (a server
        or client clock that is off by minutes must not turn into a wait of minutes)."""
        limit = _int_or_none(headers.get("X-RateLimit-Resource-Limit"))
        remaining = _int_or_none(headers.get("X-RateLimit-Resource-Remaining"))
        until = parse_until(headers.get("X-RateLimit-Resource-Until"))
        if limit is None and remaining is None and until is None:
            return None
        server_now = parse_until(headers.get("Date"))
        if until is not None and server_now is not None:
            until = (time.time() if received is None else received) + (until - server_now)
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


def parse_retry_after(value: str | None, received: float, server_now: float | None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date (read against Date when present)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = parse_until(value)
    if when is None:
        return None
    return max(0.0, when - (server_now if server_now is not None else received))


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


# ---------------------------------------------------------------- a deadline for the whole request

_current = threading.local()


class _Watch:
    """Watches one request from another thread: when its deadline passes or the cancel Event is set, it shuts
    the request's socket down, so the request ends at once whatever phase it is in (connect, headers, body).
    Closing the connection is what tells Market we gave up: never two requests of one job in flight."""

    def __init__(self, deadline: float, cancel: threading.Event | None) -> None:
        self.deadline = deadline
        self.cancel = cancel
        self.fired: str | None = None  # "deadline" | "cancel"
        self.sent = False  # a connection was made: from then on the request may have reached Market
        # The sockets themselves, not only the connections: once the headers say "Connection: close",
        # http.client drops conn.sock and the response reads the body from the socket alone.
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()

    def register(self, conn: HTTPConnection) -> None:
        sock = getattr(conn, "sock", None)
        with self._lock:
            if sock is not None:
                self._socks.append(sock)
            fired = self.fired
        if fired:
            if sock is not None:
                _shut(sock)
            raise OSError(f"request aborted ({fired})")

    def run(self) -> None:
        while not self._done.is_set():
            left = self.deadline - time.monotonic()
            if left <= 0:
                self._fire("deadline")
                return
            if self.cancel is not None and self.cancel.is_set():
                self._fire("cancel")
                return
            self._done.wait(min(0.05, left))

    def finish(self) -> None:
        self._done.set()

    def _fire(self, why: str) -> None:
        with self._lock:
            self.fired = why
            socks = list(self._socks)
        for sock in socks:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


# What a non-blocking connect answers while it is under way (POSIX, and Windows' WSAEWOULDBLOCK).
_CONNECTING = {errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK, 10035}


def _connect_watched(sock: socket.socket, address: Any, timeout: float | None, watch: _Watch) -> None:
    """Connect in slices of 50 ms, so a connect that hangs (a firewall dropping SYNs) ends as soon as the
    watch fires (cancel, deadline) rather than at the connect timeout: a socket cannot be shut mid-connect."""
    sock.setblocking(False)
    code = sock.connect_ex(address)
    ends = None if timeout is None else time.monotonic() + timeout
    while code in _CONNECTING:
        if watch.fired:
            raise OSError(f"request aborted ({watch.fired})")
        left = 0.05 if ends is None else min(0.05, ends - time.monotonic())
        if left <= 0:
            raise TimeoutError("timed out")
        _, writable, failed = select.select([], [sock], [sock], left)
        if writable or failed:
            code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if code:
        raise OSError(code, os.strerror(code))
    sock.settimeout(timeout)


def _create_watched_connection(conn: HTTPConnection, watch: _Watch) -> socket.socket:
    """urllib3's create_connection with a cancellable connect; errors map as urllib3 maps its own."""
    timeout = conn.timeout if isinstance(conn.timeout, int | float) else None
    error: OSError | None = None
    try:
        addresses = socket.getaddrinfo(conn._dns_host.strip("[]"), conn.port, 0, socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise urllib3_exceptions.NameResolutionError(conn.host, conn, exc) from exc
    for family, kind, proto, _name, address in addresses:
        sock = socket.socket(family, kind, proto)
        try:
            for option in conn.socket_options or ():
                sock.setsockopt(*option)
            _connect_watched(sock, address, timeout, watch)
            return sock
        except TimeoutError as exc:
            sock.close()
            raise urllib3_exceptions.ConnectTimeoutError(
                conn, f"Connection to {conn.host} timed out. (connect timeout={timeout})"
            ) from exc
        except OSError as exc:
            sock.close()
            if watch.fired:
                raise
            error = exc
    raise urllib3_exceptions.NewConnectionError(conn, f"Failed to establish a new connection: {error}")


class _WatchedConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        watch: _Watch | None = getattr(_current, "watch", None)
        if watch is None:
            return super()._new_conn()
        return _create_watched_connection(self, watch)

    def connect(self) -> None:
        watch: _Watch | None = getattr(_current, "watch", None)
        if watch is not None:
            watch.register(self)
        super().connect()
        if watch is not None:
            watch.sent = True
            watch.register(self)  # shuts the new socket at once if the watch fired while connecting

    def request(self, *args: Any, **kwargs: Any) -> None:
        watch: _Watch | None = getattr(_current, "watch", None)
        if watch is not None:
            if self.sock is not None:
                watch.sent = True
            watch.register(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(_WatchedConnection, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


# ---------------------------------------------------------------- the client


class MarketClient:
    """`deadline`: seconds each request may take in all. `cancel`: an Event that ends a request in flight
    at once (the runner binds its own with `bind_cancel`)."""

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_API_URL,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        deadline: float = DEFAULT_DEADLINE,
        cancel: threading.Event | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.timeout = timeout
        self.deadline = deadline
        # Who is asking, for the limit of two requests in flight per key; a digest, never the key itself.
        self.key_id = hashlib.sha256(f"{self.base_url}\n{token}".encode()).hexdigest()[:16]
        self.cancel = cancel
        self._session = requests.Session()
        # Retries belong to the runner (cancellable, reported); urllib3 must not retry behind its back.
        self._session.mount("https://", _Adapter(max_retries=0))
        self._session.mount("http://", _Adapter(max_retries=0))
        self._session.trust_env = True
        self._session.verify = ca_bundle()  # never off: True (certifi) or a corporate CA bundle file
        self._session.headers.update(
            {
                "Api-Key": token,
                "User-Agent": f"ymdesk/{__version__}",
                "Accept": "application/json",
            }
        )

    def bind_cancel(self, cancel: threading.Event | None) -> None:
        self.cancel = cancel

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> MarketClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- operations

    def delete_campaign_offers(self, campaign_id: int, offer_ids: Sequence[str]) -> ApiResult:
        return self._post(
            f"/v2/campaigns/{int(campaign_id)}/offers/delete",
            {"offerIds": list(offer_ids)},
            validate=_sku_list_result("notDeletedOfferIds"),
        )

    def delete_catalog_offers(self, business_id: int, offer_ids: Sequence[str]) -> ApiResult:
        return self._post(
            f"/v2/businesses/{int(business_id)}/offer-mappings/delete",
            {"offerIds": list(offer_ids)},
            validate=_sku_list_result("notDeletedOfferIds"),
        )

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
        return self._post(
            f"/v2/businesses/{int(business_id)}/promos/offers/delete", body, validate=_promo_delete_result
        )

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
        """Every store the key reaches, following paging.nextPageToken (see `pages`)."""
        found: list[Campaign] = []
        for body in self.pages(
            lambda token: (
                self._request(
                    "GET",
                    "/v2/campaigns",
                    params={"limit": CAMPAIGNS_PAGE_LIMIT, **({"pageToken": token} if token else {})},
                    validate=_campaigns_page,
                ).body
            ),
            items="campaigns",
        ):
            found.extend(_campaign(c) for c in body["campaigns"])
        return found

    def promos(self, business_id: int) -> list[Promo]:
        body = self._post(f"/v2/businesses/{int(business_id)}/promos", {}, validate=_promos_result).body
        return [_promo(p) for p in body["result"]["promos"]]

    @staticmethod
    def pages(
        fetch: Callable[[str | None], dict[str, Any]],
        *,
        items: str,
        token_of: Callable[[dict[str, Any]], Any] | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Pages of a listing: `fetch(page_token)` returns a validated body whose list is `body[items]` (or
        body["result"][items]). Stops on a missing token, a token seen before, an empty page, or after
        MAX_PAGES pages, whatever Market says (Prism's mock repeats one token for ever)."""
        seen: set[str] = set()
        token: str | None = None
        for _ in range(MAX_PAGES):
            body = fetch(token)
            holder = body.get("result") if items not in body and isinstance(body.get("result"), dict) else body
            page = holder.get(items) if isinstance(holder, dict) else None
            if not page:
                return
            yield body
            raw = token_of(body) if token_of is not None else _next_token(body)
            if not isinstance(raw, str) or not raw or raw in seen:
                return
            seen.add(raw)
            token = raw
        log.warning("listing stopped after %s pages", MAX_PAGES)

    # -- reading offers back, archive and unarchive (see the section "read and archive methods" below)

    def get_campaign_offers(self, campaign_id: int, offer_ids: Sequence[str]) -> OfferLookup:
        """What one store has of these 1..200 SKUs: one POST v2/campaigns/{campaignId}/offers with an
        offerIds filter (then no pageToken or limit). Its limit counts the offers answered."""
        ids = _filter_ids(offer_ids, CAMPAIGN_OFFERS_MAX_IDS)
        result = self._post(f"/v2/campaigns/{int(campaign_id)}/offers", {"offerIds": ids}, validate=_CAMPAIGN_OFFERS)
        return OfferLookup.of(ids, _CAMPAIGN_OFFERS.read(result.body), result.rate, result.elapsed)

    def list_campaign_offers(self, campaign_id: int, *, limit: int | None = None) -> Iterator[OffersPage]:
        """Every offer of one store, page by page (pace between pages: the limit counts offers answered)."""
        path = f"/v2/campaigns/{int(campaign_id)}/offers"

        return guarded_pages(self._pager(path, {}, limit or CAMPAIGN_OFFERS_PAGE_LIMIT, _CAMPAIGN_OFFERS))

    def get_offer_mappings(self, business_id: int, offer_ids: Sequence[str]) -> OfferLookup:
        """What the business catalog has of these 1..100 SKUs (the spec's maxItems for this filter), and
        whether each is archived and in which stores it is placed: one POST .../offer-mappings."""
        ids = _filter_ids(offer_ids, OFFER_MAPPINGS_MAX_IDS)
        path = f"/v2/businesses/{int(business_id)}/offer-mappings"
        result = self._post(path, {"offerIds": ids}, validate=_OFFER_MAPPINGS)
        return OfferLookup.of(ids, _OFFER_MAPPINGS.read(result.body), result.rate, result.elapsed)

    def list_offer_mappings(
        self, business_id: int, *, archived: bool | None = None, limit: int | None = None
    ) -> Iterator[OffersPage]:
        """The whole business catalog (or only its archived / not archived part), page by page."""
        path = f"/v2/businesses/{int(business_id)}/offer-mappings"
        body: dict[str, Any] = {} if archived is None else {"archived": archived}

        return guarded_pages(self._pager(path, body, limit or OFFER_MAPPINGS_PAGE_LIMIT, _OFFER_MAPPINGS))

    def get_promo_offers(self, business_id: int, promo_id: str, *, limit: int | None = None) -> Iterator[OffersPage]:
        """A promo's offers, page by page: those in it (`present`) and those that could join (not present).
        `OfferLookup.from_pages(skus, pages)` answers for a list of SKUs."""
        path = f"/v2/businesses/{int(business_id)}/promos/offers"

        body = {"promoId": promo_id}
        return guarded_pages(self._pager(path, body, limit or PROMO_OFFERS_PAGE_LIMIT, _PROMO_OFFERS))

    def archive_offers(self, business_id: int, offer_ids: Sequence[str]) -> ArchiveResult:
        """Hide 1..200 SKUs in every store of the business (POST .../offer-mappings/archive). An offer held
        in a Market warehouse is not archived: `refused[sku] == "OFFER_HAS_STOCKS"`."""
        ids = _filter_ids(offer_ids, ARCHIVE_MAX_IDS)
        path = f"/v2/businesses/{int(business_id)}/offer-mappings/archive"
        result = self._post(path, {"offerIds": ids}, validate=_validator(_not_archived))
        return ArchiveResult(_not_archived(result.body), result.rate, result.elapsed)

    def unarchive_offers(self, business_id: int, offer_ids: Sequence[str]) -> ArchiveResult:
        """Bring 1..200 SKUs back from the archive (POST .../offer-mappings/unarchive); Market gives no
        reason for those it could not bring back (`refused[sku] is None`)."""
        ids = _filter_ids(offer_ids, ARCHIVE_MAX_IDS)
        path = f"/v2/businesses/{int(business_id)}/offer-mappings/unarchive"
        result = self._post(path, {"offerIds": ids}, validate=_validator(_not_unarchived))
        return ArchiveResult(_not_unarchived(result.body), result.rate, result.elapsed)

    def _pager(
        self, path: str, body: dict[str, Any], limit: int, answer: _OffersAnswer
    ) -> Callable[[str | None], OffersPage]:
        """One page of a paged read method: POST `body` with pageToken and limit in the query."""

        def page(token: str | None) -> OffersPage:
            result = self._request(
                "POST",
                path,
                params=_page_params(token, limit),
                data=encode_body(body),
                headers={"Content-Type": "application/json"},
                validate=answer,
            )
            offers = tuple(answer.read(result.body))
            return OffersPage(offers, _next_token(result.body), result.rate, result.elapsed)

        return page

    # -- transport

    def _post(self, path: str, body: dict[str, Any], *, validate: Callable[[Any], None] | None = None) -> ApiResult:
        # Compact ASCII JSON, as requests would send it minus the spaces; runner.encoded_size measures the same.
        data = encode_body(body)
        return self._request(
            "POST",
            path,
            data=data,
            headers={"Content-Type": "application/json"},
            validate=validate or _status_ok,
        )

    def _request(
        self, method: str, path: str, *, validate: Callable[[Any], None] | None = None, **kwargs: Any
    ) -> ApiResult:
        url = self.base_url + path
        started = time.monotonic()
        watch = _Watch(started + self.deadline, self.cancel)
        watcher = threading.Thread(target=watch.run, name="ymdesk-request-deadline", daemon=True)
        watcher.start()
        _current.watch = watch
        connect, read = self.timeout
        timeout = (min(connect, self.deadline), min(read, self.deadline))
        try:
            response = self._session.request(method, url, timeout=timeout, allow_redirects=False, **kwargs)
            received = time.time()
        except requests.RequestException as exc:
            raise _transport_error(exc, watch, url) from exc
        except OSError as exc:
            raise _transport_error(exc, watch, url) from exc
        finally:
            _current.watch = None
            watch.finish()
        status = response.status_code
        elapsed = time.monotonic() - started
        log.debug("%s %s -> %s in %.3fs", method, path, status, elapsed)
        rate = RateLimitState.from_headers(response.headers, received)
        if 300 <= status < 400:
            raise _redirect_error(status, response.headers.get("Location"), rate)
        parsed = _parse_json(response.content)
        if status >= 400 or status < 200:
            body = parsed if isinstance(parsed, dict) else {}
            server_now = parse_until(response.headers.get("Date"))
            retry_after = parse_retry_after(response.headers.get("Retry-After"), received, server_now)
            raise _api_error(status, body, rate, retry_after)
        try:
            if not isinstance(parsed, dict):
                raise _Invalid("not a JSON object")
            (validate or _status_ok)(parsed)
        except _Invalid as why:
            log.warning("%s %s -> %s with an unreadable answer: %s", method, path, status, why)
            raise UnreadableAnswerError(
                Message.translate(
                    "MarketApi",
                    "Market's answer could not be read (HTTP {status}: {why}); the request may have been applied.",
                ).with_args({"status": status, "why": str(why)}),
                status,
                None,
                None,
                rate,
            ) from None
        return ApiResult(parsed, rate, elapsed)


def encode_body(body: dict[str, Any]) -> bytes:
    """The exact bytes sent for a JSON body (compact, ASCII-escaped)."""
    return json.dumps(body, ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")


def _transport_error(exc: BaseException, watch: _Watch, url: str) -> TransportError:
    host = urlsplit(url).hostname
    if watch.fired == "cancel":
        return RequestCancelled(
            Message.translate("MarketApi", "The request was cancelled while it was out; it may have been applied."),
            sent=watch.sent,
        )
    if watch.fired == "deadline" or _is_timeout(exc):
        return TransportError(
            Message.translate(
                "MarketApi", "Market did not answer in time; the request may or may not have been applied."
            ),
            timed_out=True,
            sent=watch.sent,
        )
    if isinstance(exc, requests.exceptions.SSLError):
        return TransportError(
            Message.translate(
                "MarketApi",
                "The secure connection to {host} failed its certificate check; if your company uses its own "
                "certificate authority, point REQUESTS_CA_BUNDLE at it.",
            ).with_args({"host": host}),
            sent=False,
        )
    return TransportError(
        Message.translate("MarketApi", "Cannot connect to Market at {host}: {problem}.").with_args(
            {"host": host or url, "problem": connection_problem(exc)}
        ),
        sent=watch.sent,
    )


def _is_timeout(exc: BaseException) -> bool:
    """A read that timed out mid-body reaches us as requests' ConnectionError: look down the chain."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, urllib3_exceptions.NewConnectionError):  # a refusal, though a ConnectTimeoutError
            continue
        if isinstance(item, requests.Timeout | TimeoutError | urllib3_exceptions.TimeoutError):
            return True
        todo.extend([item.__cause__, item.__context__, *item.args])
    return False


def _redirect_error(status: int, location: str | None, rate: RateLimitState | None) -> RedirectError:
    host = urlsplit(location or "").hostname or (location or "?")
    return RedirectError(
        Message.translate(
            "MarketApi",
            "The API address answered with a redirect (HTTP {status}) to {host}; ymdesk does not follow redirects "
            "and sent the key nowhere else. Check the API address.",
        ).with_args({"status": status, "host": host}),
        status,
        None,
        None,
        rate,
    )


# ---------------------------------------------------------------- reading answers


class _Invalid(Exception):
    """The body is not the method's documented JSON."""


def _parse_json(content: bytes) -> Any:
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return None


def _next_token(body: dict[str, Any]) -> str | None:
    """paging.nextPageToken, in `result` (offers, promos) or at the top (GetCampaignsResponse)."""
    for holder in (body.get("result"), body):
        paging = holder.get("paging") if isinstance(holder, dict) else None
        token = paging.get("nextPageToken") if isinstance(paging, dict) else None
        if isinstance(token, str) and token:
            return token
    return None


def _status_ok(body: dict[str, Any]) -> None:
    """Every ApiResponse: `status` must be "OK" (`{"status": "OK"}` alone is a whole, valid answer)."""
    status = body.get("status")
    if status != "OK":
        raise _Invalid(f"status {status!r}" if "status" in body else "no status")


def _optional_object(body: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Invalid(f"{key} is not an object")
    return value


def _string_list(holder: dict[str, Any], key: str) -> None:
    value = holder.get(key)
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Invalid(f"{key} is not a list of SKUs")


def _sku_list_result(key: str) -> Callable[[dict[str, Any]], None]:
    def validate(body: dict[str, Any]) -> None:
        _status_ok(body)
        result = _optional_object(body, "result")
        if result is not None:
            _string_list(result, key)

    return validate


def _promo_delete_result(body: dict[str, Any]) -> None:
    _status_ok(body)
    result = _optional_object(body, "result")
    if result is None or result.get("rejectedOffers") is None:
        return
    rejected = result["rejectedOffers"]
    if not isinstance(rejected, list):
        raise _Invalid("rejectedOffers is not a list")
    for entry in rejected:
        if not (
            isinstance(entry, dict) and isinstance(entry.get("offerId"), str) and isinstance(entry.get("reason"), str)
        ):
            raise _Invalid("a rejectedOffers entry lacks offerId or reason")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _campaigns_page(body: dict[str, Any]) -> None:
    # GetCampaignsResponse has no `status` in the spec; when one is there it must be OK.
    if "status" in body:
        _status_ok(body)
    campaigns = body.get("campaigns")
    if not isinstance(campaigns, list):
        raise _Invalid("campaigns is not a list")
    for c in campaigns:
        if not isinstance(c, dict) or not _is_int(c.get("id")):
            raise _Invalid("a campaign lacks an id")
        for key in ("domain", "placementType", "apiAvailability"):
            if c.get(key) is not None and not isinstance(c[key], str):
                raise _Invalid(f"campaign {key} is not text")
        business = _optional_object(c, "business")
        if business is not None:
            if business.get("id") is not None and not _is_int(business["id"]):
                raise _Invalid("business id is not a number")
            if business.get("name") is not None and not isinstance(business["name"], str):
                raise _Invalid("business name is not text")
    paging = _optional_object(body, "paging")
    if paging is not None and paging.get("nextPageToken") is not None and not isinstance(paging["nextPageToken"], str):
        raise _Invalid("nextPageToken is not text")


def _promos_result(body: dict[str, Any]) -> None:
    _status_ok(body)
    result = _optional_object(body, "result")
    if result is None or not isinstance(result.get("promos"), list):
        raise _Invalid("result.promos is not a list")
    for p in result["promos"]:
        if not isinstance(p, dict) or not isinstance(p.get("id"), str):
            raise _Invalid("a promo lacks an id")
        if p.get("name") is not None and not isinstance(p["name"], str):
            raise _Invalid("promo name is not text")
        for key in ("assortmentInfo", "period", "mechanicsInfo"):
            _optional_object(p, key)
        assortment = p.get("assortmentInfo") or {}
        if assortment.get("activeOffers") is not None and not _is_int(assortment["activeOffers"]):
            raise _Invalid("activeOffers is not a number")


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
    429: QT_TRANSLATE_NOOP("MarketApi", "Market's rate limit was hit: {detail}"),
    423: QT_TRANSLATE_NOOP("MarketApi", "Market has locked this store or method for now: {detail}"),
}
KEY_REFUSED_TEXT = _STATUS_TEXT[401]  # a run stopped by this says what to do about the key
_SERVER_TEXT = QT_TRANSLATE_NOOP("MarketApi", "Market had an internal error (HTTP {status}): {detail}")
_OTHER_TEXT = QT_TRANSLATE_NOOP("MarketApi", "Market answered with HTTP {status}: {detail}")

_ERROR_CLASS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthError,
    403: AuthError,
    404: NotFoundError,
    420: RateLimitError,
    429: RateLimitError,
    423: LockedError,
}


def _api_error(
    status: int, body: dict[str, Any], rate: RateLimitState | None, retry_after: float | None = None
) -> ApiError:
    """An error answer of any shape (errors as a dict, numbers for messages, no body at all) becomes a typed
    error; nothing in it can raise."""
    raw = body.get("errors")
    errors = [e for e in raw if isinstance(e, dict)] if isinstance(raw, list) else []
    first = errors[0] if errors else {}
    code = first.get("code") if isinstance(first.get("code"), str) else None
    api_message = first.get("message") if isinstance(first.get("message"), str) else None
    detail = "; ".join(str(e.get("message") or e.get("code")) for e in errors)[:500] or str(status)
    cls = _ERROR_CLASS.get(status, ServerError if status >= 500 else ApiError)
    text = _STATUS_TEXT.get(status, _SERVER_TEXT if status >= 500 else _OTHER_TEXT)
    return cls(Message(C, text, {"status": status, "detail": detail}), status, code, api_message, rate, retry_after)


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
    mechanics = raw.get("mechanicsInfo") or {}
    return Promo(
        id=str(raw["id"]),
        name=str(raw.get("name") or ""),
        participating=bool(raw.get("participating")),
        processing=bool(assortment.get("processing")),
        mechanics=str(mechanics.get("type") or ""),
        active_offers=int(assortment.get("activeOffers") or 0),
        date_from=str(period.get("dateTimeFrom") or ""),
        date_to=str(period.get("dateTimeTo") or ""),
    )


# ---------------------------------------------------------------- read and archive methods (issue 12)
#
# Answers are read strictly, through _request's validators: a 2xx whose body is not the documented answer
# (not JSON, no status "OK", the list missing or of the wrong shape) raises UnreadableAnswerError, never
# "not found", because a check or a verification must not conclude "Market does not have it" from an
# answer it could not read.

CAMPAIGN_OFFERS_MAX_IDS = 200  # GetCampaignOffersRequest.offerIds maxItems
OFFER_MAPPINGS_MAX_IDS = 100  # GetOfferMappingsRequest.offerIds maxItems
ARCHIVE_MAX_IDS = 200  # Add/DeleteOffersFromArchiveRequest.offerIds maxItems
CAMPAIGN_OFFERS_PAGE_LIMIT = 200  # PageLimit200
OFFER_MAPPINGS_PAGE_LIMIT = 100  # PageLimit100Truncate
PROMO_OFFERS_PAGE_LIMIT = 500  # PageLimit500
# A listing stops after this many pages whatever the answers say (a mock or a bug can page forever).
MAX_PAGES = 100
# PromoOfferParticipationStatusType values that mean "in the promo" (NOT_PARTICIPATING and
# RENEW_FAILED mean it is not).
PROMO_PARTICIPATING = frozenset({"AUTO", "PARTIALLY_AUTO", "MANUAL", "RENEWED", "MINIMUM_FOR_PROMOS"})


class UnreadableAnswerError(ApiError):
    """A 2xx whose body is not the documented answer of the method (not JSON, no status "OK", wrong types):
    nothing is concluded from it. For a request that changes something, it may have been applied."""


class ListingEnd(StrEnum):
    """Why a paged listing stopped (on its last page)."""

    COMPLETE = "complete"  # no nextPageToken
    EMPTY_PAGE = "empty page"  # a page with no offers
    REPEATED_TOKEN = "repeated page token"  # Market (or a mock) sent a token already followed
    PAGE_CAP = "page cap"  # MAX_PAGES pages read

    @property
    def complete(self) -> bool:
        return self in (ListingEnd.COMPLETE, ListingEnd.EMPTY_PAGE)


@dataclass(frozen=True)
class OfferState:
    """What a read answer says about one SKU, as far as it changes what a delete or archive will do.

    `present`: the target has it (the store places it; the catalog has it; the promo has it in it).
    `archived`: in the archive (status ARCHIVED in a store, or `archived` in the catalog).
    `status`: the store's OfferCampaignStatusType (e.g. NO_STOCKS, PUBLISHED, ARCHIVED), or the promo's
    PromoOfferParticipationStatusType; None for the catalog or when absent.
    `stores`: catalog only: (campaignId, status) of every store that places it; a catalog delete takes it
    from all of them. Read methods do not say whether stock sits in a Market warehouse (what makes a
    delete or an archive fail); a PUBLISHED offer in an FBY store is the nearest sign.
    `auto_campaign_ids`: promo only: stores where Market added it automatically (it may come back).
    """

    offer_id: str
    present: bool
    archived: bool = False
    status: str | None = None
    stores: tuple[tuple[int, str], ...] = ()
    auto_campaign_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class OffersPage:
    offers: tuple[OfferState, ...]
    next_page_token: str | None
    rate: RateLimitState | None
    elapsed: float
    # Set on the last page of a listing: why it stopped.
    end: ListingEnd | None = None


@dataclass(frozen=True)
class OfferLookup:
    """The answer for a list of SKUs: one OfferState per SKU asked about, in the order asked."""

    offers: dict[str, OfferState]
    returned: int  # offers the answer(s) held: what getCampaignOffers' limit counts
    rate: RateLimitState | None
    elapsed: float
    # False when it comes from a listing the guard cut short: then "not present" is not certain.
    complete: bool = True

    @classmethod
    def of(
        cls, asked: Sequence[str], found: Sequence[OfferState], rate: RateLimitState | None, elapsed: float
    ) -> OfferLookup:
        by_id = {offer.offer_id: offer for offer in found}
        offers = {sku: by_id.get(sku) or OfferState(sku, present=False) for sku in asked}
        return cls(offers, len(found), rate, elapsed)

    @classmethod
    def from_pages(cls, asked: Sequence[str], pages: Iterator[OffersPage] | Sequence[OffersPage]) -> OfferLookup:
        """Answer for `asked` from a whole listing (e.g. get_promo_offers)."""
        found: list[OfferState] = []
        rate, elapsed, complete = None, 0.0, True
        for page in pages:
            found.extend(page.offers)
            rate, elapsed = page.rate or rate, elapsed + page.elapsed
            if page.end is not None:
                complete = page.end.complete
        lookup = cls.of(list(dict.fromkeys(asked)), found, rate, elapsed)
        return replace(lookup, complete=complete)

    def present(self) -> list[str]:
        return [sku for sku, offer in self.offers.items() if offer.present]

    def missing(self) -> list[str]:
        return [sku for sku, offer in self.offers.items() if not offer.present]

    def archived(self) -> list[str]:
        return [sku for sku, offer in self.offers.items() if offer.archived]


@dataclass(frozen=True)
class ArchiveResult:
    """SKUs the archive (unarchive) call did not take, with Market's reason (archive: OFFER_HAS_STOCKS or
    UNKNOWN; unarchive: None, it gives none). Every other SKU sent was archived (unarchived)."""

    refused: dict[str, str | None]
    rate: RateLimitState | None
    elapsed: float


def guarded_pages(fetch: Callable[[str | None], OffersPage], max_pages: int = MAX_PAGES) -> Iterator[OffersPage]:
    """Follow nextPageToken, but stop on a repeated token, an empty page, or after `max_pages` pages.

    Lazily: the caller can pace (or cancel) between pages. The last page carries `end`.
    """
    seen: set[str] = set()
    token: str | None = None
    for number in range(1, max_pages + 1):
        page = fetch(token)
        following = page.next_page_token
        end: ListingEnd | None = None
        if not page.offers:
            end = ListingEnd.EMPTY_PAGE
        elif not following:
            end = ListingEnd.COMPLETE
        elif following in seen or following == token:
            end = ListingEnd.REPEATED_TOKEN
        elif number == max_pages:
            end = ListingEnd.PAGE_CAP
        if end is not None:
            if not end.complete:
                log.warning("listing stopped after %d pages: %s", number, end.value)
            yield replace(page, end=end)
            return
        assert following is not None
        seen.add(following)
        token = following
        yield page


def _filter_ids(offer_ids: Sequence[str], maximum: int) -> list[str]:
    ids = list(dict.fromkeys(offer_ids))
    if not 1 <= len(ids) <= maximum:
        raise ValueError(f"pass 1..{maximum} distinct offer ids, not {len(ids)}")
    return ids


def _page_params(token: str | None, limit: int) -> dict[str, Any]:
    return {"limit": limit, **({"pageToken": token} if token else {})}


class _OffersAnswer:
    """A read method's answer: `result[key]` is a list of offers, each read by `read` into an OfferState.

    Called as a validator (raises _Invalid, which _request turns into UnreadableAnswerError), then `read`
    gives the OfferStates of the validated body.
    """

    def __init__(self, key: str, read: Callable[[dict[str, Any]], OfferState]) -> None:
        self.key = key
        self._read = read

    def __call__(self, body: dict[str, Any]) -> None:
        self.read(body)
        paging = _optional_object(body["result"], "paging")
        token = paging.get("nextPageToken") if paging is not None else None
        if token is not None and not isinstance(token, str):
            raise _Invalid("nextPageToken is not text")

    def read(self, body: dict[str, Any]) -> list[OfferState]:
        _status_ok(body)
        result = body.get("result")
        if not isinstance(result, dict):
            raise _Invalid("no result object")  # an OK without result would read as "none of them"
        items = result.get(self.key)
        if not isinstance(items, list):
            raise _Invalid(f"{self.key} is not a list")
        try:
            return [self._read(item) for item in items]
        except (TypeError, ValueError, KeyError, AttributeError):
            raise _Invalid(f"an entry of {self.key} has the wrong shape") from None


def _validator(read: Callable[[dict[str, Any]], object]) -> Callable[[dict[str, Any]], None]:
    def validate(body: dict[str, Any]) -> None:
        read(body)

    return validate


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _items(value: object) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError("not a list")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def _campaign_offer(raw: dict[str, Any]) -> OfferState:
    status = _optional_text(raw.get("status"))
    return OfferState(_text(raw["offerId"]), present=True, archived=status == "ARCHIVED", status=status)


def _offer_mapping(raw: dict[str, Any]) -> OfferState:
    offer = raw["offer"]
    archived = offer.get("archived", False)
    if not isinstance(archived, bool):
        raise TypeError("archived is not a boolean")
    stores = tuple((_int(c["campaignId"]), _text(c["status"])) for c in _items(offer.get("campaigns")))
    return OfferState(_text(offer["offerId"]), present=True, archived=archived, stores=stores)


def _promo_offer(raw: dict[str, Any]) -> OfferState:
    status = _text(raw["status"])
    details = raw.get("autoParticipatingDetails") or {}
    auto = tuple(_int(c) for c in _items(details.get("campaignIds")))
    return OfferState(
        _text(raw["offerId"]), present=status in PROMO_PARTICIPATING, status=status, auto_campaign_ids=auto
    )


_CAMPAIGN_OFFERS = _OffersAnswer("offers", _campaign_offer)
_OFFER_MAPPINGS = _OffersAnswer("offerMappings", _offer_mapping)
_PROMO_OFFERS = _OffersAnswer("offers", _promo_offer)


def _not_archived(body: dict[str, Any]) -> dict[str, str | None]:
    """notArchivedOffers by SKU; `{"status": "OK"}` alone means every offer was archived (result is optional)."""
    _status_ok(body)
    result = _optional_object(body, "result") or {}
    try:
        return {_text(e["offerId"]): _text(e["error"]) for e in _items(result.get("notArchivedOffers"))}
    except (TypeError, KeyError):
        raise _Invalid("notArchivedOffers has the wrong shape") from None


def _not_unarchived(body: dict[str, Any]) -> dict[str, str | None]:
    _status_ok(body)
    result = _optional_object(body, "result") or {}
    try:
        return {_text(sku): None for sku in _items(result.get("notUnarchivedOfferIds"))}
    except TypeError:
        raise _Invalid("notUnarchivedOfferIds has the wrong shape") from None
