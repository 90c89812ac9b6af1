"""The simulator's clock: what its rate-limit windows, Until and Date headers are reckoned in.

By default the wall clock (epoch seconds). Tests inject another so that a window starts when they
want it to, instead of sleeping until the wall clock is well inside one:

- `window_start_clock(period)`: runs at wall-clock speed, set forward to the start of a fresh window
  of `period` seconds, so the whole window lies ahead (for tests that need a long wait for sure, or
  need to spend a window's budget without it running out underneath them);
- `ManualClock(start)`: stands still until the test moves it (`advance`, `set`), so a window ends the
  moment the test says, with no sleep at all.

The simulator also sends its clock in the HTTP Date header, so a client that reads Until against the
answer's Date (as it must, for clock skew) sees the same wait as the simulator means.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

# A clock: epoch seconds, as time.time() gives them.
Clock = Callable[[], float]


def wall_clock() -> float:
    return time.time()


def window_start_clock(period: float, *, base: Clock = wall_clock) -> Clock:
    """`base`, shifted forward so that it reads the start of a window of `period` seconds right now."""
    now = base()
    shift = math.ceil(now / period) * period - now
    return lambda: base() + shift


class ManualClock:
    """A clock that moves only when told to. Thread-safe."""

    def __init__(self, start: float | None = None) -> None:
        self._now = wall_clock() if start is None else start
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        with self._lock:
            self._now += seconds
            return self._now

    def set(self, now: float) -> None:
        with self._lock:
            self._now = now

    @classmethod
    def at_window_start(cls, period: float) -> ManualClock:
        """Standing at the start of a window of `period` seconds (a whole multiple of it, just ahead)."""
        return cls(math.floor(wall_clock() / period + 1) * period)
