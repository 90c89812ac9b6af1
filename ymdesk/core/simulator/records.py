"""What the simulator saw: a thread-safe request log, counters, and concurrency per store/business."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestRecord:
    """One handled request. Never holds the API key."""

    method: str
    path: str  # without the query string
    status: int | None  # None: the connection was dropped without an answer
    offer_ids: tuple[str, ...]  # as received, before trimming
    handling_seconds: float  # from the parsed request line/headers to the answer ready to send
    time: float  # epoch seconds when handling started
    scope: str | None = None  # "campaign:<id>" / "business:<id>" / "key:<digest>"
    applied: bool = False  # the change was made to the state
    fault: str | None = None  # which injected fault shaped the answer, if any

    @property
    def offer_count(self) -> int:
        return len(self.offer_ids)


class RequestLog:
    def __init__(self) -> None:
        self._records: list[RequestRecord] = []
        self._lock = threading.Lock()

    def append(self, record: RequestRecord) -> None:
        with self._lock:
            self._records.append(record)

    def records(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    def counters(self) -> Counter[str]:
        """``status:<code>``, ``fault:<kind>``, ``requests``, ``applied``, ``offer_ids``."""
        counts: Counter[str] = Counter()
        for record in self.records():
            counts["requests"] += 1
            counts[f"status:{record.status if record.status is not None else 'dropped'}"] += 1
            counts["offer_ids"] += record.offer_count
            if record.applied:
                counts["applied"] += 1
            if record.fault:
                counts[f"fault:{record.fault}"] += 1
        return counts


class InFlight:
    """How many requests are being handled at once for the same store or business, and the peak."""

    def __init__(self) -> None:
        self._current: Counter[str] = Counter()
        self._peak: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def track(self, scope: str) -> Iterator[None]:
        with self._lock:
            self._current[scope] += 1
            self._peak[scope] = max(self._peak[scope], self._current[scope])
        try:
            yield
        finally:
            with self._lock:
                self._current[scope] -= 1

    def peak(self, scope: str) -> int:
        with self._lock:
            return self._peak[scope]

    def peaks(self) -> dict[str, int]:
        with self._lock:
            return dict(self._peak)

    def reset(self) -> None:
        with self._lock:
            self._peak = Counter(self._current)
