"""Keeping to Market's rate limits before they are hit, and waiting them out when they are.

Market counts some methods in SKUs per window (offers/delete, offer-mappings/delete) and others in
requests per window (promos/offers/delete). Every answer carries X-RateLimit-Resource-Limit,
-Remaining and -Until; while those headers are present they are the truth and we pace by them
exactly, so a run goes as fast as the limit allows and never meets a 420. Without them we fall back
to a local sliding window over the configured limit.
"""

from __future__ import annotations

import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypedDict

from ymdesk.core.market.client import RateLimitError, RateLimitState
from ymdesk.core.model import Operation

# Until is an RFC 822 date with whole seconds; a little slack avoids arriving a hair early.
UNTIL_SLACK = 0.05


@dataclass(frozen=True)
class RateLimits:
    """`amount` units per `window` seconds; a unit is a SKU (`per_sku`) or a request."""

    amount: int
    window: float
    per_sku: bool

    def cost(self, skus: int) -> int:
        return skus if self.per_sku else 1


# Defaults from the spec's x-resource-limit-config (the lowest tier, so a small seller is safe).
DEFAULT_LIMITS: dict[Operation, RateLimits] = {
    Operation.DELETE_OFFERS: RateLimits(5000, 60.0, per_sku=True),
    Operation.DELETE_FROM_CATALOG: RateLimits(5000, 60.0, per_sku=True),
    Operation.DELETE_PROMO_OFFERS: RateLimits(5000, 3600.0, per_sku=False),
    Operation.REMOVE_PRICES: RateLimits(1000, 3600.0, per_sku=False),
    Operation.ARCHIVE: RateLimits(5000, 60.0, per_sku=True),
    Operation.UNARCHIVE: RateLimits(5000, 60.0, per_sku=True),
}


def max_wait(limits: RateLimits, operation: Operation | None = None) -> float:
    """The longest any single wait may be: the method's documented window (1 min for offer and catalog
    deletes, 1 h for promo deletes) plus a margin. Headers that ask for more are not believed."""
    window = max(limits.window, DEFAULT_LIMITS[operation].window if operation is not None else 0.0)
    return window * 1.1 + 1.0


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on retrying; every wait is cancellable and reported."""

    attempts: int = 5  # tries per request for 5xx and network faults
    backoff_base: float = 1.0
    backoff_cap: float = 30.0
    locked_attempts: int = 4  # 423: tries spread over a few minutes
    locked_base: float = 15.0
    rate_limit_waits: int = 20  # consecutive 420s before the batch fails
    rate_limit_fallback_cap: float = 120.0  # 420 without a usable Until: exponential from 1 s, up to this
    max_until_wait: float = 3700.0  # an Until further away than this is not believed (see also max_wait)

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [base/2, min(cap, base * 2**attempt)] (attempt counts from 1)."""
        ceiling = min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1))
        return rng.uniform(ceiling / 2, ceiling)

    def locked_delay(self, attempt: int) -> float:
        return float(self.locked_base * 2 ** (attempt - 1))

    def rate_limit_fallback(self, attempt: int) -> float:
        """1, 2, 4, 8… seconds (attempt counts from 1)."""
        return min(self.rate_limit_fallback_cap, 2.0 ** (attempt - 1))


class Pacing(TypedDict, total=False):
    """How a reader or a runner paces, retries and stops its requests: the keywords their constructors
    share, all optional (the default is the method's documented limit, the standard retry policy, an
    Event nobody sets and the real clocks)."""

    limits: RateLimits | None
    retry: RetryPolicy | None
    cancel: threading.Event | None
    rng: random.Random | None  # backoff jitter
    wall: Callable[[], float]  # the wall clock that X-RateLimit-Until dates are read against
    clock: Callable[[], float]  # a monotonic clock for waits


class PacedCalls:
    """What sends paced, retried, cancellable requests (OfferReader, JobRunner): its `Pacing`, resolved."""

    def __init__(self, default_limits: RateLimits, pacing: Pacing) -> None:
        self.limits = pacing.get("limits") or default_limits
        self.retry = pacing.get("retry") or RetryPolicy()
        self.cancel = pacing.get("cancel") or threading.Event()
        self._rng = pacing.get("rng") or random.Random()
        self._wall = pacing.get("wall", time.time)
        self._clock = pacing.get("clock", time.monotonic)

    _pacer: Pacer  # each builds its own: a runner's is shared with other processes through the journal

    def _rate_limit_wait(self, error: RateLimitError, limits_hit: int, retry_after: float | None = None) -> float:
        """Seconds to wait out the `limits_hit`-th 420 in a row: until X-RateLimit-Until, else `retry_after`,
        else backing off. Past RetryPolicy.rate_limit_waits the 420 is raised."""
        self._pacer.observe(error.rate)
        if limits_hit > self.retry.rate_limit_waits:
            raise error
        wait = until_wait(error.rate, self._wall(), self.retry)
        if wait is None:
            wait = retry_after
        return wait if wait is not None else self.retry.rate_limit_fallback(limits_hit)


class SharedPacing(Protocol):
    """Pacing kept where every process sees it (the journal): jobs for one store in two processes share it."""

    def delay(self, cost: int, limits: RateLimits, wall: float) -> float:
        """0 and the units reserved for a send now, or how long to wait first."""
        ...

    def answered(self, rate: RateLimitState | None, wall: float) -> None:
        """What Market's headers said (None: no headers, the local window applies)."""
        ...


class Pacer:
    """Decides how long to wait before sending `skus` SKUs so the limit is not exceeded."""

    def __init__(
        self,
        limits: RateLimits,
        *,
        wall: Callable[[], float] = time.time,
        clock: Callable[[], float] = time.monotonic,
        longest: float | None = None,
        shared: SharedPacing | None = None,
    ) -> None:
        self.limits = limits
        self.longest = longest if longest is not None else max_wait(limits)
        self.shared = shared
        self._wall = wall
        self._clock = clock
        self._sent: deque[tuple[float, int]] = deque()  # (monotonic time, units) in the local window
        self._server: RateLimitState | None = None

    def delay_before(self, skus: int) -> float:
        """Never more than `longest` (the documented window plus a margin), whatever the headers said."""
        if self.shared is not None:
            return min(self.longest, self.shared.delay(self.limits.cost(skus), self.limits, self._wall()))
        return min(self.longest, self._delay(self.limits.cost(skus)))

    def _delay(self, cost: int) -> float:
        server = self._server
        if server is not None and server.until is not None and server.remaining is not None:
            left = server.until - self._wall()
            if left > 0:
                return 0.0 if server.remaining >= cost else left + UNTIL_SLACK
            return 0.0  # the server's window has ended; a fresh one starts with this request
        return self._local_delay(cost)

    def record(self, skus: int, rate: RateLimitState | None) -> None:
        """After an answer (any answer that counted against the limit)."""
        if self.shared is not None:
            self.shared.answered(rate if rate is not None and rate.remaining is not None else None, self._wall())
            return
        self._sent.append((self._clock(), self.limits.cost(skus)))
        self._server = rate if rate is not None and rate.remaining is not None else None

    def observe(self, rate: RateLimitState | None) -> None:
        """After an answer that consumed nothing (420): keep what the headers say."""
        if rate is not None and rate.remaining is not None:
            if self.shared is not None:
                self.shared.answered(rate, self._wall())
            self._server = rate

    def _local_delay(self, cost: int) -> float:
        now = self._clock()
        window = self.limits.window
        while self._sent and self._sent[0][0] <= now - window:
            self._sent.popleft()
        used = sum(units for _, units in self._sent)
        if used + cost <= self.limits.amount:
            return 0.0
        # Wait until enough of the oldest sends have left the window.
        excess = used + cost - self.limits.amount
        freed = 0
        for sent_at, units in self._sent:
            freed += units
            if freed >= excess:
                return max(0.0, sent_at + window - now)
        return window


def until_wait(rate: RateLimitState | None, wall: float, policy: RetryPolicy) -> float | None:
    """Seconds to wait after a 420, from X-RateLimit-Resource-Until; None when it is absent, unreadable or
    already past (then the caller backs off exponentially: a past Until must not become a request storm)."""
    if rate is None or rate.until is None or rate.until <= wall:
        return None
    return min(policy.max_until_wait, rate.until - wall + UNTIL_SLACK)


# The time one request and its answer take, for estimates (the limit's waits dominate any run above one window).
SECONDS_PER_REQUEST = 0.5


def estimate_seconds(
    skus: int,
    limits: RateLimits,
    batch_size: int,
    seconds_per_request: float = SECONDS_PER_REQUEST,
    *,
    used: int = 0,
    window_elapsed: float = 0.0,
) -> float:
    """The one duration estimate (preview, confirmation, time left while running; app and CLI).

    Request time plus the waits the limit imposes. `used` units of the limit are already spent in a window
    that began `window_elapsed` seconds ago (a resumed run, or a run right after another on the same store):
    they count against the first window, and the first wait is shorter by the time already gone.
    """
    if skus <= 0:
        return seconds_per_request
    requests = -(-skus // max(1, batch_size))
    units = skus if limits.per_sku else requests
    windows_to_wait = max(0, -(-(max(0, used) + units) // limits.amount) - 1)
    waits = windows_to_wait * limits.window
    if windows_to_wait:
        waits -= min(max(0.0, window_elapsed), limits.window)
    return requests * seconds_per_request + waits
