"""A hostile "Market" on 127.0.0.1 for the trust tests: answers the way real networks, proxies and a
misbehaving API do, one scripted reply per request.

Raw sockets, not http.server: a reply can stall before its headers, trickle its body a byte at a time,
stop mid-body, reset the connection without answering, redirect, or lie about its length. Every request
is recorded (method, path, headers, body, when it arrived, when its connection ended) and the server
counts how many requests were in flight at once.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any


def free_port() -> int:
    """A 127.0.0.1 port nobody listens on: the OS picks it for a socket that is closed at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Reply:
    status: int = 200
    body: bytes | str | dict[str, Any] | list[Any] | None = field(default_factory=lambda: {"status": "OK"})
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    trickle: float | None = None  # seconds between single body bytes
    stall_after: int | None = None  # send this many body bytes, then hold the connection open without a word
    stall_before_headers: bool = False  # read the request, then say nothing at all
    reset: bool = False  # close with a TCP reset instead of answering
    redirect: str | None = None  # a Location to send with a 3xx status
    content_length: int | None = None  # lie about the length (None: the real one)
    date: bool = True  # send a Date header (now)

    def payload(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    arrived: float  # time.monotonic()
    ended: float | None = None  # when the server saw the connection end (either side)

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


Script = Callable[[Seen], Reply]


class HostileServer:
    def __init__(self, script: Script | Reply | Iterable[Reply] | None = None) -> None:
        script = Reply() if script is None else script
        if isinstance(script, Reply):
            reply = script
            self._script: Script = lambda _seen: reply
        elif callable(script):
            self._script = script
        else:
            replies = list(script)
            last = replies[-1]
            self._script = lambda _seen: replies.pop(0) if replies else last
        self.seen: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, name="hostile-accept", daemon=True)

    # -- lifecycle

    def start(self) -> HostileServer:
        self._accepting.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._accepting.join(5)
        self._listener.close()
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def requests_to(self, part: str) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if part in s.path]

    def wait_for(self, count: int, timeout: float = 10.0) -> bool:
        """True once `count` requests have arrived (polls; the tests never sleep a fixed time)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.seen) >= count:
                    return True
            time.sleep(0.01)
        return False

    # -- serving

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        seen: Seen | None = None
        try:
            while not self._stop.is_set():
                seen = self._read_request(conn)
                if seen is None:
                    return
                with self._lock:
                    self.seen.append(seen)
                    self.in_flight += 1
                    self.max_in_flight = max(self.max_in_flight, self.in_flight)
                try:
                    keep = self._answer(conn, self._script(seen))
                finally:
                    with self._lock:
                        self.in_flight -= 1
                        seen.ended = time.monotonic()
                if not keep:
                    return
        finally:
            if seen is not None and seen.ended is None:
                seen.ended = time.monotonic()
            with contextlib.suppress(OSError):
                conn.close()

    def _read_request(self, conn: socket.socket) -> Seen | None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = self._recv(conn)
            if not chunk:
                return None
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _version = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            chunk = self._recv(conn)
            if not chunk:
                return None
            rest += chunk
        return Seen(method, path, headers, rest[:length], time.monotonic())

    def _recv(self, conn: socket.socket) -> bytes:
        while not self._stop.is_set():
            try:
                return conn.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return b""
        return b""

    def _client_gone(self, conn: socket.socket, seconds: float) -> bool:
        """Wait up to `seconds` (or until the server stops); True if the client closed the connection."""
        deadline = time.monotonic() + seconds
        while not self._stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            conn.settimeout(min(0.05, left))
            try:
                if conn.recv(1, socket.MSG_PEEK) == b"":
                    return True
            except TimeoutError:
                continue
            except OSError:
                return True
        return True

    def _answer(self, conn: socket.socket, reply: Reply) -> bool:
        if reply.delay and self._client_gone(conn, reply.delay):
            return False
        if reply.reset:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return False
        if reply.stall_before_headers:
            self._client_gone(conn, 3600)
            return False
        payload = reply.payload()
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if reply.date:
            headers["Date"] = formatdate(usegmt=True)
        if reply.redirect:
            headers["Location"] = reply.redirect
        headers.update(reply.headers)
        headers["Content-Length"] = str(reply.content_length if reply.content_length is not None else len(payload))
        headers["Connection"] = "close"
        head = f"HTTP/1.1 {reply.status} X\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        try:
            conn.sendall(head.encode("latin-1"))
            if reply.stall_after is not None:
                conn.sendall(payload[: reply.stall_after])
                self._client_gone(conn, 3600)
                return False
            if reply.trickle is not None:
                for byte in payload:
                    conn.sendall(bytes([byte]))
                    if self._client_gone(conn, reply.trickle):
                        return False
                return False
            conn.sendall(payload)
        except OSError:
            return False
        return False


def ok(result: dict[str, Any] | None = None, **headers: str) -> Reply:
    body: dict[str, Any] = {"status": "OK"}
    if result is not None:
        body["result"] = result
    return Reply(200, body, dict(headers))


def error(status: int, code: str = "ERROR", message: str = "error", **headers: str) -> Reply:
    return Reply(status, {"status": "ERROR", "errors": [{"code": code, "message": message}]}, dict(headers))


class HungListener:
    """A port whose connects hang, as behind a firewall that drops SYNs: it listens with a backlog of one
    and never accepts, and one connection fills that backlog, so the kernel ignores every later SYN."""

    def __enter__(self) -> HungListener:
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(0)
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        self._filler = socket.create_connection(self._server.getsockname(), timeout=5)
        return self

    def __exit__(self, *exc: object) -> None:
        self._filler.close()
        self._server.close()
