"""A journalled job run to its end by the real JobRunner and MarketClient against a Market on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ymdesk.core.market.client import MarketClient
from ymdesk.core.market.ratelimit import RateLimits, RetryPolicy
from ymdesk.core.runs.events import Finished
from ymdesk.core.runs.journal import Journal
from ymdesk.core.runs.runner import JobRunner
from ymdesk.core.simulator import DEMO_API_KEY

NO_LIMIT = RateLimits(10**9, 60.0, per_sku=True)  # pacing never waits
FAST_RETRY = RetryPolicy(attempts=6, backoff_base=0.01, backoff_cap=0.05, locked_attempts=3, locked_base=0.01)


def run_job(
    journal: Journal, url: str, job_id: int, timeout=(5.0, 5.0), on_event: Callable | None = None, **runner: Any
) -> tuple[Finished, list]:
    """Runs job `job_id` with the demo key to its end; returns its Finished event and every event in order.
    `runner` goes to JobRunner as it is (limits, retry, cancel); by default no rate limits and fast retries."""
    options = {"limits": NO_LIMIT, "retry": FAST_RETRY, **runner}
    events = []
    with MarketClient(DEMO_API_KEY, url, timeout=timeout) as client:
        for event in JobRunner(client, journal, job_id, **options).run():
            events.append(event)
            if on_event:
                on_event(event)
    assert isinstance(events[-1], Finished)
    return events[-1], events
