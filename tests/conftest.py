"""Shared test setup: offscreen Qt, an isolated data dir, no real keyring, English messages.

Tests talk to real things: the simulator over a loopback socket, real files, real SQLite.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read or write the developer's real keyring from a test.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test gets its own YMDESK_HOME (journal, logs, reports) and a clean environment."""
    home = tmp_path_factory.mktemp("ymdesk-home")
    monkeypatch.setenv("YMDESK_HOME", str(home))
    monkeypatch.setenv("YMDESK_LANG", "en")
    for name in ("YM_API_KEY", "YM_API_URL"):
        monkeypatch.delenv(name, raising=False)
    return home
