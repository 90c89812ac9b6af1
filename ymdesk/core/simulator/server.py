"""The simulator's HTTP side: a threading HTTP/1.1 server with keep-alive on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from ymdesk.core.simulator.api import Answer, Call, MarketApi
from ymdesk.core.simulator.clock import Clock, wall_clock
from ymdesk.core.simulator.faults import Faults
from ymdesk.core.simulator.limits import Limits
from ymdesk.core.simulator.records import RequestLog, RequestRecord
from ymdesk.core.simulator.state import MarketState

# Reason phrases http.server does not know. 420 is Spring's METHOD_FAILURE, as the Market sends it.
REASONS = {420: "Method Failure"}
JSON_TYPE = "application/json;charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the client reuses one connection per thread
    server_version = "ymdesk-market-simulator"
    # Headers and body go out in one segment (buffered wfile, flushed after each request), and
    # Nagle is off: otherwise a split write can wait ~40 ms for a delayed ACK.
    wbufsize = 64 * 1024
    disable_nagle_algorithm = True
    server: _Server

    def version_string(self) -> str:
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header tells the simulator's clock (injected in tests), so Until and Date agree.
        return super().date_time_string(self.server.simulator.api.clock() if timestamp is None else timestamp)

    def setup(self) -> None:
        super().setup()
        self.server.connection_opened(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.connection_closed(self.connection)

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: the request log is the record, and stderr noise would leak into CLI output."""

    def _handle(self) -> None:
        started, wall = time.perf_counter(), self.server.simulator.api.clock()
        url = urlsplit(self.path)
        call = Call(self.command, url.path, parse_qs(url.query), self._read_body())
        answer = self.server.simulator.api.handle(call, {k: v for k, v in self.headers.items()})
        body = b"" if answer.dropped else _encode(answer.payload)
        elapsed = time.perf_counter() - started
        self.server.simulator.log.append(_record(call, answer, elapsed, wall))
        if answer.dropped:
            self.close_connection = True  # no answer at all; the server closes the socket
            return
        self.send_response(answer.status, REASONS.get(answer.status))
        self.send_header("Content-Type", JSON_TYPE)
        self.send_header("Content-Length", str(len(body)))
        for name, value in answer.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline()


def _encode(payload: dict[str, Any] | None) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def _record(call: Call, answer: Answer, elapsed: float, wall: float) -> RequestRecord:
    return RequestRecord(
        method=call.method,
        path=call.path,
        status=None if answer.dropped else answer.status,
        offer_ids=answer.offer_ids or call.offer_ids,
        handling_seconds=elapsed,
        time=wall,
        scope=answer.scope,
        applied=answer.applied,
        fault=answer.fault,
    )


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], simulator: MarketSimulator, tls: ssl.SSLContext | None = None) -> None:
        self.simulator = simulator
        self.tls = tls
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._idle = threading.Condition(self._connections_lock)
        super().__init__(address, _Handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, address = super().get_request()
        if self.tls is not None:
            # The handshake happens on first read, in the handler's thread, so a slow client blocks nobody.
            connection = self.tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def connection_opened(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(connection)

    def connection_closed(self, connection: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(connection)
            self._idle.notify_all()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-answer (or stop() cutting a slow one) is normal here, not news.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)

    def close_connections(self, timeout: float) -> None:
        """Wake handler threads parked on idle keep-alive connections, and wait for them to end."""
        with self._connections_lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):  # already closed by the peer
                    connection.shutdown(socket.SHUT_RDWR)
            self._idle.wait_for(lambda: not self._connections, timeout)


class MarketSimulator:
    """A stateful Market Partner API on a real socket.

    >>> with MarketSimulator(build_demo_state(skus)) as sim:
    ...     requests.get(sim.url + "/v2/campaigns", headers={"Api-Key": DEMO_API_KEY})
    """

    def __init__(
        self,
        state: MarketState | None = None,
        limits: Limits | None = None,
        faults: Faults | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        tls: ssl.SSLContext | None = None,
        clock: Clock = wall_clock,
    ) -> None:
        """`tls`: serve HTTPS with this server context (for testing certificate handling).

        `clock`: epoch seconds for the rate-limit windows and the Date header (see `clock.py`).
        """
        if state is None:
            from ymdesk.core.simulator.demo import build_demo_state

            state = build_demo_state()
        self.state = state
        self.api = MarketApi(state, limits or Limits(), faults or Faults(), clock)
        self.log = RequestLog()
        self._host, self._port = host, port
        self._tls = tls
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()

    # ------------------------------------------------------------ lifecycle

    def start(self) -> MarketSimulator:
        if self._server is not None:
            raise RuntimeError("the simulator is already running")
        self._server = _Server((self._host, self._port), self, self._tls)
        self._stopped.clear()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="market-simulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.shutdown()
        server.close_connections(timeout=2.0)
        server.server_close()
        thread.join(timeout=2.0)
        self._server = self._thread = None
        self._stopped.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until `stop()` (Ctrl+C interrupts it); True if stopped."""
        return self._stopped.wait(timeout)

    def __enter__(self) -> MarketSimulator:
        return self.start() if self._server is None else self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the simulator is not running")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://{self._host}:{self.port}"

    # ------------------------------------------------------------ knobs for tests

    @property
    def limits(self) -> Limits:
        return self.api.limiter.limits

    @limits.setter
    def limits(self, limits: Limits) -> None:
        self.api.limiter.limits = limits
        self.api.limiter.reset()

    @property
    def faults(self) -> Faults:
        return self.api.faults

    @faults.setter
    def faults(self, faults: Faults) -> None:
        self.api.set_faults(faults)

    @property
    def clock(self) -> Clock:
        return self.api.clock

    @clock.setter
    def clock(self, clock: Clock) -> None:
        """A new clock; the window counters start afresh (their windows were reckoned in the old one)."""
        self.api.clock = clock
        self.api.limiter.reset()

    def quietly_restore(
        self, sku: str, *, campaign_id: int | None = None, business_id: int | None = None, promo_id: str | None = None
    ) -> None:
        """Put a deleted SKU back behind the API's back (see MarketState.quietly_restore); for verify tests."""
        self.state.quietly_restore(sku, campaign_id=campaign_id, business_id=business_id, promo_id=promo_id)

    def revoke_token(self, token: str) -> None:
        self.state.revoke_token(token)

    def add_token(self, token: str, businesses: set[int] | frozenset[int], scopes: tuple[str, ...] = ()) -> None:
        if scopes:
            self.state.add_token(token, businesses, scopes)
        else:
            self.state.add_token(token, businesses)

    # ------------------------------------------------------------ observations

    def records(self) -> list[RequestRecord]:
        return self.log.records()

    def counters(self) -> dict[str, int]:
        return dict(self.log.counters())

    def max_in_flight(self, *, campaign_id: int | None = None, business_id: int | None = None) -> int:
        """Most requests handled at once for this store (per-campaign methods) or business."""
        if (campaign_id is None) == (business_id is None):
            raise ValueError("pass exactly one of campaign_id, business_id")
        scope = f"campaign:{campaign_id}" if campaign_id is not None else f"business:{business_id}"
        return self.api.in_flight.peak(scope)

    def reset_observations(self) -> None:
        self.log.clear()
        self.api.in_flight.reset()


def run_sandbox(
    port: int = 0,
    seed_file: Path | None = None,
    *,
    host: str = "127.0.0.1",
    extra_campaigns: int = 0,
    limits: Limits | None = None,
    faults: Faults | None = None,
) -> MarketSimulator:
    """Start the demo Market for `ymdesk-cli sandbox` and return it running; prints nothing.

    Seeds from `seed_file` (any catalog ymdesk can read) or the bundled sample catalog.
    The caller prints `sim.url` and `DEMO_API_KEY`, then blocks in `sim.wait()` and calls
    `sim.stop()` on Ctrl+C. Raises UserError if the seed file cannot be read, OSError if the port is busy.
    """
    from ymdesk.core.simulator.demo import build_demo_state

    state = build_demo_state(seed_file=seed_file, extra_campaigns=extra_campaigns)
    return MarketSimulator(state, limits=limits, faults=faults, host=host, port=port).start()
