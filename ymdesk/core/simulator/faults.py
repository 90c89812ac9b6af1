"""Injected faults: 5xx, dropped connections, slow answers, 423, bursts of 420.

Reproducible with a seed, even when requests arrive concurrently: each request's fate is drawn from
a generator seeded with (seed, method, path, body digest, how many times this exact request was seen
before). So the same request meets the same fate in every run, and a retry of it draws anew.
"""

from __future__ import annotations

import hashlib
import random
import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Faults:
    seed: int = 0
    # Probability of a 5xx answer (500 or 503, half each).
    error_rate: float = 0.0
    # Probability that a 5xx comes after the work was applied (a real server may fail late).
    error_after_apply: float = 0.0
    # Probability of closing the connection without answering, after reading the request.
    drop_rate: float = 0.0
    # Probability that a dropped request was applied anyway (in real life you cannot tell).
    drop_after_apply: float = 0.5
    # Probability of a slow answer: the work is applied, then the answer waits `slow_seconds`.
    slow_rate: float = 0.0
    slow_seconds: float = 0.0
    # Probability of 423 LOCKED (nothing applied).
    locked_rate: float = 0.0
    # Probability that a request starts a burst of `burst_length` consecutive 420s for its
    # resource and scope, each with an Until `burst_until_seconds` ahead (nothing applied).
    burst_rate: float = 0.0
    burst_length: int = 3
    burst_until_seconds: float = 1.0
    # Added to every answer.
    latency_seconds: float = 0.0
    # SKUs the server refuses with 400 for reasons of its own (for testing client-side bisection).
    bad_request_skus: frozenset[str] = field(default_factory=frozenset)
    # The legacy price removal call answers 404, as if the live API had dropped it.
    legacy_prices_gone: bool = False
    # Send empty notDeletedOfferIds / rejectedOffers as null instead of leaving them out.
    empty_lists_as_null: bool = False

    @property
    def draws_anything(self) -> bool:
        return any((self.error_rate, self.drop_rate, self.slow_rate, self.locked_rate, self.burst_rate))


@dataclass(frozen=True)
class FaultPlan:
    """What will go wrong with one request. Several may be drawn; the server applies them in order."""

    starts_burst: bool = False
    locked: bool = False
    server_error: int | None = None  # 500 or 503
    error_after_apply: bool = False
    dropped: bool = False
    drop_applied: bool = False
    slow: bool = False


NO_FAULTS = FaultPlan()


class FaultDrawer:
    """Draws a `FaultPlan` per request, deterministically from the seed and the request itself."""

    def __init__(self, faults: Faults) -> None:
        self.faults = faults
        self._seen: dict[bytes, int] = {}
        self._lock = threading.Lock()

    def draw(self, method: str, path: str, body: bytes) -> FaultPlan:
        f = self.faults
        if not f.draws_anything:
            return NO_FAULTS
        digest = hashlib.blake2b(b"%s %s\n%s" % (method.encode(), path.encode(), body), digest_size=16).digest()
        with self._lock:
            attempt = self._seen.get(digest, 0)
            self._seen[digest] = attempt + 1
        rng = random.Random(b"%d:%d:%s" % (f.seed, attempt, digest))
        # Always draw the same number of values, so adding a fault kind keeps the others' fates.
        burst, locked, error, late, drop, drop_applied, slow, which = (rng.random() for _ in range(8))
        return FaultPlan(
            starts_burst=burst < f.burst_rate,
            locked=locked < f.locked_rate,
            server_error=(500 if which < 0.5 else 503) if error < f.error_rate else None,
            error_after_apply=late < f.error_after_apply,
            dropped=drop < f.drop_rate,
            drop_applied=drop_applied < f.drop_after_apply,
            slow=slow < f.slow_rate,
        )
