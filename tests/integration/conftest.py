"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ymdesk.core.simulator import Limits, MarketSimulator, MarketState, build_demo_state


@pytest.fixture
def state(request: pytest.FixtureRequest) -> MarketState:
    """The demo world seeded with the test module's SKUS."""
    return build_demo_state(request.module.SKUS)


@pytest.fixture
def sim(state: MarketState) -> Iterator[MarketSimulator]:
    """The demo Market on `state`, without rate limits, on a 127.0.0.1 port. A module that needs another
    Market (faults, limits, a clock) defines its own `sim`."""
    with MarketSimulator(state, limits=Limits.unlimited()) as simulator:
        yield simulator
