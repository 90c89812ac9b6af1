"""Measures how long the GUI thread stalls: a 10 ms timer on the GUI thread notes the longest gap
between its ticks. Used by the responsiveness test and the benchmark, never by the app itself."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer


class StallProbe(QObject):
    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = self._started = self._stopped = 0.0
        self.longest_gap_ms = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.longest_gap_ms = 0.0
        self.ticks = 0
        self._last = self._started = time.perf_counter()
        self._stopped = 0.0
        self._timer.start()

    def stop(self) -> float:
        """Stop and return the longest stall: the longest gap minus the timer's own interval, in ms."""
        self._tick()
        self._timer.stop()
        self._stopped = self._last
        return self.stall_ms

    @property
    def elapsed_ms(self) -> float:
        """How long the probe ran: what the stall would have been had the work run on the GUI thread."""
        return max(0.0, (self._stopped or time.perf_counter()) - self._started) * 1000

    @property
    def stall_ms(self) -> float:
        return max(0.0, self.longest_gap_ms - self.interval_ms)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_gap_ms = max(self.longest_gap_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1
