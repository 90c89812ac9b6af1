"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ymdesk.core.simulator import Limits, MarketSimulator, build_demo_state


@pytest.fixture
def sim(request: pytest.FixtureRequest) -> Iterator[MarketSimulator]:
    """The demo Market seeded with the test module's SKUS, without rate limits, on a 127.0.0.1 port.
    A module that needs another Market (faults, limits, a clock) defines its own `sim`."""
    with MarketSimulator(build_demo_state(request.module.SKUS), limits=Limits.unlimited()) as simulator:
        yield simulator
