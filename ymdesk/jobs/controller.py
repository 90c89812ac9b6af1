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
        self._reported = False  # the current task's result or error has been relayed

    def start(self, task: Task, name: str = "ymdesk-task") -> None:
        if self._thread is not None and self._reported:
            # The last task has reported its result and its thread is only winding down: join it now.
            self._on_thread_finished(self._thread)
        if self.is_running():
            raise RuntimeError("this controller is already running a task")
        self._cancel = threading.Event()
        self._reported = False
        thread = QThread()
        thread.setObjectName(name)
        worker = Worker(task, self._cancel)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)  # the bound slot, so the work runs in the thread
        worker.event.connect(self.event)
        worker.succeeded.connect(self._relay_succeeded)
        worker.failed.connect(self._relay_failed)
        # Direct: quit() is thread-safe, and a queued call would never run while cancel_and_wait blocks the GUI.
        worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_stopped)  # a bound method: runs queued, in the GUI thread
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
            self._on_thread_finished(thread)
        return stopped

    def _relay_succeeded(self, result: object) -> None:
        if self.sender() is not self._worker:
            return  # a task abandoned by cancel_and_wait; its caller no longer wants the result
        self._reported = True
        self.succeeded.emit(result)

    def _relay_failed(self, error: object) -> None:
        if self.sender() is not self._worker:
            return
        self._reported = True
        self.failed.emit(error)

    def _on_thread_stopped(self) -> None:
        self._on_thread_finished(self.sender())

    def _on_thread_finished(self, thread: QThread) -> None:
        if thread is not self._thread:
            return  # already joined by cancel_and_wait or start
        self._thread = None
        thread.wait()
        self._worker = None
        thread.deleteLater()
        self.finished.emit()


def stop_all(owner: QObject, timeout_ms: int = 60_000) -> None:
    """Cancel every task controller under `owner` (at any depth) and wait for their threads.

    Call it before a window or dialog goes away: destroying a QThread that still runs aborts the process.
    """
    for controller in owner.findChildren(TaskController):
        controller.cancel_and_wait(timeout_ms)
