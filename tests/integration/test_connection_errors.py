"""Connection errors in words: what happened and where, never a Python class name."""

from __future__ import annotations

import re
import socket
import threading

import pytest

from tests.helpers.hostile_server import free_port
from ymdesk.core.market.client import MarketClient, TransportError


def _text(error: TransportError) -> str:
    return error.message.english()


def _no_class_names(text: str) -> None:
    assert not re.search(r"\b[A-Z][a-z]+(Error|Exception|Disconnected)\b", text), text
    assert "(" not in text.split(":")[0]


def test_a_refused_connection(tmp_path):
    port = free_port()
    with pytest.raises(TransportError) as caught, MarketClient("k", f"http://127.0.0.1:{port}") as client:
        client.campaigns()
    text = _text(caught.value)
    assert text == "Cannot connect to Market at 127.0.0.1: the connection was refused."
    _no_class_names(text)


def test_a_connection_closed_before_any_answer():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]

    def close_each() -> None:
        for _ in range(3):  # the client does not retry campaigns(); a spare accept or two is harmless
            try:
                connection, _ = server.accept()
            except OSError:
                return
            connection.recv(1024)
            connection.close()

    thread = threading.Thread(target=close_each, daemon=True)
    thread.start()
    try:
        with pytest.raises(TransportError) as caught, MarketClient("k", f"http://127.0.0.1:{port}") as client:
            client.campaigns()
    finally:
        server.close()
        thread.join(timeout=5)
    text = _text(caught.value)
    assert "dropped before Market answered" in text
    _no_class_names(text)
