"""A stateful Yandex Market Partner API on 127.0.0.1, for tests, benchmarks and the demo mode.

A real HTTP/1.1 server (keep-alive, Content-Length, X-RateLimit-* headers) with the endpoints ymdesk
uses, rate limits counted the way the Market counts them, reproducible fault injection, and a request
log. Qt-free; stdlib plus ymdesk.core.
"""

from ymdesk.core.simulator.clock import Clock, ManualClock, wall_clock, window_start_clock
from ymdesk.core.simulator.demo import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_BUSINESS_NAME,
    DEMO_CAMPAIGN_ID,
    DEMO_FBS_CAMPAIGN_ID,
    DEMO_FBY_CAMPAIGN_ID,
    DEMO_READ_ONLY_API_KEY,
    FIRST_EXTRA_CAMPAIGN_ID,
    OTHER_API_KEY,
    OTHER_BUSINESS_ID,
    OTHER_CAMPAIGN_ID,
    OTHER_PROMO_ID,
    PROMO_BESTSELLERS_ID,
    PROMO_FLASH_ID,
    PROMO_WEEKLY_ID,
    build_demo_state,
    sample_catalog_path,
    sample_path,
)
from ymdesk.core.simulator.faults import Faults
from ymdesk.core.simulator.limits import Limits, RateLimit, Resource
from ymdesk.core.simulator.records import RequestRecord
from ymdesk.core.simulator.server import MarketSimulator, run_sandbox
from ymdesk.core.simulator.state import MarketState, Promo, TokenGrant

__all__ = [
    "DEMO_API_KEY",
    "DEMO_BUSINESS_ID",
    "DEMO_BUSINESS_NAME",
    "DEMO_CAMPAIGN_ID",
    "DEMO_FBS_CAMPAIGN_ID",
    "DEMO_FBY_CAMPAIGN_ID",
    "DEMO_READ_ONLY_API_KEY",
    "FIRST_EXTRA_CAMPAIGN_ID",
    "OTHER_API_KEY",
    "OTHER_BUSINESS_ID",
    "OTHER_CAMPAIGN_ID",
    "OTHER_PROMO_ID",
    "PROMO_BESTSELLERS_ID",
    "PROMO_FLASH_ID",
    "PROMO_WEEKLY_ID",
    "Clock",
    "Faults",
    "Limits",
    "ManualClock",
    "MarketSimulator",
    "MarketState",
    "Promo",
    "RateLimit",
    "RequestRecord",
    "Resource",
    "TokenGrant",
    "build_demo_state",
    "run_sandbox",
    "sample_catalog_path",
    "sample_path",
    "wall_clock",
    "window_start_clock",
]
