"""GUI-thread owner of one background task: the QThread, the worker, and the cancel Event.

The UI and the tests connect to the controller's signals, never to the worker's (a signal waited
on from another thread trips a cross-thread timer warning). ``finished`` is announced only after
the thread has stopped and been joined, so the controller can be dropped right after it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal

from ymdesk.jobs.worker import Task, Worker


class TaskController(QObject):
    event = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: Worker | None = None
        self._cancel = threading.Event()

    def start(self, task: Task, name: str = "ymdesk-task") -> None:
        if self.is_running():
            raise RuntimeError("this controller is already running a task")
        self._cancel = threading.Event()
        thread = QThread()
        thread.setObjectName(name)
        worker = Worker(task, self._cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)  # the bound slot, so the work runs in the thread
        worker.event.connect(self.event)
        worker.succeeded.connect(self.succeeded)
        worker.failed.connect(self.failed)
        # Direct: quit() is thread-safe, and a queued call would never run while cancel_and_wait blocks the GUI.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_finished)
        self._thread, self._worker = thread, worker
        thread.start()

    def is_running(self) -> bool:
        return self._thread is not None

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the task to stop; it checks the Event between steps. Never terminate()."""
        self._cancel.set()

    def cancel_and_wait(self, timeout_ms: int = 60_000) -> bool:
        """For closing the window: cancel, then block until the thread is gone (or the timeout)."""
        self.cancel()
        thread = self._thread
        if thread is None:
            return True
        stopped = thread.wait(timeout_ms)
        if stopped:
            self._on_thread_finished()
        return stopped

    def _on_thread_finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return  # already handled by cancel_and_wait
        thread.wait()
        self._worker = None
        thread.deleteLater()
        self.finished.emit()
