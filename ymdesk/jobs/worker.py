"""The one generic background worker: runs a plain function (or generator) off the GUI thread.

The worker gets everything in ``__init__``; its ``run`` slot calls ``task(cancel)``. If the task
returns a generator, every yielded item becomes an ``event`` signal and the generator's return
value is the result. Exactly one of ``succeeded`` / ``failed`` is emitted, then ``finished``.
The worker never touches a widget.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ymdesk.core.memory import collector_paused

log = logging.getLogger(__name__)

# A background task: receives the cancel Event, returns a result or a generator of events.
Task = Callable[[threading.Event], Any]


class Worker(QObject):
    event = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    finished = Signal()

    def __init__(self, task: Task, cancel: threading.Event) -> None:
        super().__init__()
        self._task = task
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            # A task's result objects, and every step of a generator task (a run: its job items, its journal
            # records), are built without collection pauses, so its callers need not pause the collector again.
            with collector_paused():
                result = self._task(self._cancel)
                if inspect.isgenerator(result):
                    result = self._drain(result)
        except Exception as exc:
            log.info("background task failed: %r", exc)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()

    def _drain(self, events: Any) -> Any:
        while True:
            try:
                item = next(events)
            except StopIteration as stop:
                return stop.value
            self.event.emit(item)
