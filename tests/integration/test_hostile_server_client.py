"""The Market client against a hostile server on 127.0.0.1: unreadable answers, redirects, deadlines, listings."""

from __future__ import annotations

import json
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.hostile_server import HostileServer, HungListener, Reply, error, ok
from ymdesk.core.market.client import (
    ApiError,
    MarketClient,
    RateLimitError,
    RedirectError,
    RequestCancelled,
    ServerError,
    TransportError,
    UnreadableAnswerError,
)

KEY = "hostile-test-key"
UNREADABLE_BODIES = {
    "text": "deleted",
    "html": "<html><body><h1>502 Bad Gateway</h1></body></html>",
    "empty": b"",
    "status error": {"status": "ERROR"},
    "no status": {"result": {}},
    "result as text": {"status": "OK", "result": "done"},
    "notDeleted a number": {"status": "OK", "result": {"notDeletedOfferIds": 5}},
    "notDeleted numbers": {"status": "OK", "result": {"notDeletedOfferIds": [1, 2]}},
    "errors as a dict": {"status": "OK", "errors": {"code": "X"}, "result": []},
    "a list": [{"status": "OK"}],
    "truncated": '{"status": "OK", "result": {"notDeletedOfferIds": ["a"',
    "deeply nested": "[" * 100_000,
}


@pytest.mark.parametrize("body", UNREADABLE_BODIES.values(), ids=UNREADABLE_BODIES.keys())
def test_a_200_that_is_not_the_documented_json_is_unreadable(body):
    with (
        HostileServer(Reply(200, body)) as server,
        MarketClient(KEY, server.url) as client,
        pytest.raises(UnreadableAnswerError) as caught,
    ):
        client.delete_campaign_offers(1, ["a", "b"])
    assert caught.value.http_status == 200
    assert "may have been applied" in caught.value.message.english()


def test_status_ok_without_result_is_a_whole_answer():
    with HostileServer(ok()) as server, MarketClient(KEY, server.url) as client:
        assert client.delete_campaign_offers(1, ["a"]).body == {"status": "OK"}
        assert client.delete_catalog_offers(1, ["a"]).body == {"status": "OK"}
        assert client.delete_promo_offers(1, "#1", ["a"]).body == {"status": "OK"}


def test_error_answers_of_any_shape_become_typed_errors():
    shapes = [
        Reply(500, "<html>oops</html>"),
        Reply(503, {"errors": {"code": "X"}}),
        Reply(500, {"status": "ERROR", "errors": [1, None, {"code": 5, "message": ["x"]}]}),
        Reply(500, b""),
    ]
    with HostileServer(shapes) as server, MarketClient(KEY, server.url) as client:
        for _ in shapes:
            with pytest.raises(ServerError):
                client.delete_campaign_offers(1, ["a"])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
documented_keys = st.sampled_from(["status", "result", "notDeletedOfferIds", "rejectedOffers", "offerId", "reason"])
shaped = st.recursive(
    st.none() | st.sampled_from(["OK", "ERROR", "sku"]) | st.integers() | st.text(max_size=4),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(documented_keys, children, max_size=4),
    max_leaves=10,
)
bodies = (
    json_values.map(lambda v: json.dumps(v).encode())
    | shaped.map(lambda v: json.dumps(v).encode())
    | st.binary(max_size=64)
)


class _Switchboard:
    """One server for every generated example: the next reply is set before each call."""

    def __init__(self) -> None:
        self.reply = Reply()
        self.server = HostileServer(lambda _seen: self.reply).start()


@pytest.fixture(scope="module")
def switchboard():
    board = _Switchboard()
    yield board
    board.server.stop()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, status=st.sampled_from([200, 200, 200, 201, 400, 420, 429, 500, 503]), op=st.integers(0, 3))
def test_no_exception_type_escapes_parsing_an_answer(switchboard, body, status, op):
    switchboard.reply = Reply(status, body)
    with MarketClient(KEY, switchboard.server.url) as client:
        calls = [
            lambda: client.delete_campaign_offers(1, ["a"]),
            lambda: client.delete_catalog_offers(1, ["a"]),
            lambda: client.delete_promo_offers(1, "#1", ["a"]),
            lambda: client.campaigns(),
        ]
        try:
            result = calls[op]()
        except (UnreadableAnswerError, ApiError):
            return
        if op in (0, 1):
            listed = (result.body.get("result") or {}).get("notDeletedOfferIds") or []
            assert result.body["status"] == "OK" and all(isinstance(s, str) for s in listed)
        elif op == 2:
            rejected = (result.body.get("result") or {}).get("rejectedOffers") or []
            assert all(isinstance(r["offerId"], str) and isinstance(r["reason"], str) for r in rejected)
        else:
            assert all(isinstance(c.id, int) for c in result)


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_are_never_followed_and_name_the_host(status):
    with HostileServer(ok()) as elsewhere:
        target = elsewhere.url.replace("127.0.0.1", "localhost") + "/v2/campaigns/1/offers/delete"
        with (
            HostileServer(Reply(status, b"", redirect=target)) as server,
            MarketClient(KEY, server.url) as client,
            pytest.raises(RedirectError) as caught,
        ):
            client.delete_campaign_offers(1, ["a"])
        assert elsewhere.seen == []  # the key went nowhere else
    assert "localhost" in caught.value.message.english() and str(status) in caught.value.message.english()


@pytest.mark.parametrize(
    "reply",
    [
        Reply(trickle=0.3, body={"status": "OK", "result": {"notDeletedOfferIds": ["a", "b", "c"]}}),
        Reply(stall_after=5),
        Reply(stall_before_headers=True),
    ],
    ids=["trickle", "stall mid-body", "stall before headers"],
)
def test_every_request_ends_by_its_total_deadline(reply):
    with HostileServer(reply) as server, MarketClient(KEY, server.url, deadline=1.5, timeout=(5, 5)) as client:
        started = time.monotonic()
        with pytest.raises(TransportError) as caught:
            client.delete_campaign_offers(1, ["a"])
        took = time.monotonic() - started
        assert server.wait_for(1)
        deadline = time.monotonic() + 2
        while server.seen[0].ended is None and time.monotonic() < deadline:
            time.sleep(0.01)
    assert caught.value.timed_out and caught.value.sent
    assert 1.4 <= took < 2.5
    # The connection was closed by ymdesk, not left open beside a retry.
    assert server.seen[0].ended is not None and server.seen[0].ended - server.seen[0].arrived < 2.5


def test_cancel_cuts_a_request_in_flight_within_a_second():
    cancel = threading.Event()
    with HostileServer(Reply(stall_before_headers=True)) as server, MarketClient(KEY, server.url, cancel=cancel) as c:
        threading.Thread(target=lambda: server.wait_for(1) and cancel.set(), daemon=True).start()
        started = time.monotonic()
        with pytest.raises(RequestCancelled) as caught:
            c.delete_campaign_offers(1, ["a"])
        took = time.monotonic() - started
    assert caught.value.sent and took < 1.0


def test_a_refused_connection_was_not_sent():
    with HostileServer() as server:
        url = server.url
    with MarketClient(KEY, url) as client, pytest.raises(TransportError) as caught:
        client.delete_campaign_offers(1, ["a"])
    assert not caught.value.sent and not caught.value.timed_out


def test_429_is_a_rate_limit_and_retry_after_is_read():
    replies = [error(429, "LIMIT", "slow down", **{"Retry-After": "7"}), error(503, **{"Retry-After": "3"})]
    with HostileServer(replies) as server, MarketClient(KEY, server.url) as client:
        with pytest.raises(RateLimitError) as limited:
            client.delete_campaign_offers(1, ["a"])
        with pytest.raises(ServerError) as unavailable:
            client.delete_campaign_offers(1, ["a"])
    assert limited.value.retry_after == 7 and unavailable.value.retry_after == 3


def test_until_is_read_against_the_answers_date():
    # The server's clock is an hour behind ours; its Until is 30 s after its own Date.
    from email.utils import formatdate

    server_now = time.time() - 3600
    headers = {
        "Date": formatdate(server_now, usegmt=True),
        "X-RateLimit-Resource-Until": formatdate(server_now + 30, usegmt=True),
        "X-RateLimit-Resource-Remaining": "0",
        "X-RateLimit-Resource-Limit": "5000",
    }
    with HostileServer(Reply(200, {"status": "OK"}, headers, date=False)) as server, MarketClient(KEY, server.url) as c:
        rate = c.delete_campaign_offers(1, ["a"]).rate
    assert rate is not None and rate.until is not None
    assert 25 < rate.until - time.time() <= 31


def _campaigns_page(ids, token=None):
    body = {"campaigns": [{"id": i, "domain": f"s{i}", "business": {"id": 7, "name": "b"}} for i in ids]}
    if token is not None:
        body["paging"] = {"nextPageToken": token}
    return Reply(200, body)


def test_listing_stops_on_a_repeated_page_token():
    # Prism's mock answers every page with the same nextPageToken.
    with HostileServer(_campaigns_page([1, 2], token="same")) as server, MarketClient(KEY, server.url) as client:
        campaigns = client.campaigns()
    assert len(server.seen) == 2 and [c.id for c in campaigns] == [1, 2, 1, 2]


def test_listing_stops_on_an_empty_page_and_after_100_pages():
    with HostileServer([_campaigns_page([1], "a"), _campaigns_page([], "b")]) as server:
        with MarketClient(KEY, server.url) as client:
            assert [c.id for c in client.campaigns()] == [1]
        assert len(server.seen) == 2
    counter = iter(range(10**6))
    with HostileServer(lambda _seen: _campaigns_page([next(counter)], token=f"t{time.monotonic_ns()}")) as server:
        with MarketClient(KEY, server.url) as client:
            assert len(client.campaigns()) == 100
        assert len(server.seen) == 100


def test_cancel_ends_a_connect_that_hangs_within_a_second_and_nothing_was_sent():
    cancel = threading.Event()
    with HungListener() as port, MarketClient(KEY, port.url, timeout=(10.0, 30.0), cancel=cancel) as client:
        threading.Timer(0.3, cancel.set).start()
        started = time.monotonic()
        with pytest.raises(RequestCancelled) as caught:
            client.delete_campaign_offers(1, ["a"])
        took = time.monotonic() - started
    assert not caught.value.sent and took < 1.0


def test_the_total_deadline_ends_a_connect_that_hangs():
    with HungListener() as port, MarketClient(KEY, port.url, timeout=(10.0, 30.0), deadline=0.5) as client:
        started = time.monotonic()
        with pytest.raises(TransportError) as caught:
            client.delete_campaign_offers(1, ["a"])
        took = time.monotonic() - started
    assert caught.value.timed_out and not caught.value.sent and took < 1.5
