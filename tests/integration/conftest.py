"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ymdesk.core.market.client import MarketClient
from ymdesk.core.simulator import DEMO_API_KEY, Limits, MarketSimulator, MarketState, build_demo_state


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


@pytest.fixture
def client(sim: MarketSimulator) -> Iterator[MarketClient]:
    """The real client on `sim`, with the demo key."""
    with MarketClient(DEMO_API_KEY, sim.url) as market_client:
        yield market_client
