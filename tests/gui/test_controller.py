"""The background task controller: events relayed, results, errors, cancel, and back-to-back tasks."""

from __future__ import annotations

import threading

import pytest

from ymdesk.jobs.controller import TaskController


def count_to(n: int):
    def task(cancel: threading.Event):
        for i in range(n):
            if cancel.is_set():
                return "cancelled"
            yield i
        return "done"

    return task


def test_generator_events_then_result_then_finished(qtbot):
    controller = TaskController()
    events, order = [], []
    controller.event.connect(events.append)
    controller.succeeded.connect(lambda result: order.append(("succeeded", result)))
    controller.finished.connect(lambda: order.append(("finished", controller.is_running())))
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.start(count_to(5))
    assert events == [0, 1, 2, 3, 4]
    assert order == [("succeeded", "done"), ("finished", False)]


def test_failure_is_reported_not_raised(qtbot):
    controller = TaskController()

    def broken(cancel):
        raise ValueError("bad input")

    with qtbot.waitSignal(controller.failed, timeout=10_000) as failed:
        controller.start(broken)
    assert isinstance(failed.args[0], ValueError)
    qtbot.waitUntil(lambda: not controller.is_running())


def test_a_new_task_can_start_as_soon_as_the_last_one_reported(qtbot):
    controller = TaskController()
    results = []
    controller.succeeded.connect(results.append)
    with qtbot.waitSignal(controller.succeeded, timeout=10_000):
        controller.start(lambda cancel: 1)
    controller.start(lambda cancel: 2)  # its thread may still be winding down: joined, not refused
    qtbot.waitUntil(lambda: results == [1, 2], timeout=10_000)
    qtbot.waitUntil(lambda: not controller.is_running())


def test_cancel_and_wait_from_the_gui_thread_does_not_deadlock(qtbot):
    controller = TaskController()
    started = threading.Event()

    def waits_for_cancel(cancel: threading.Event):
        started.set()
        cancel.wait(30)
        return "stopped"

    controller.start(waits_for_cancel)
    assert started.wait(10)
    assert controller.cancel_and_wait(10_000)
    assert not controller.is_running()
    with pytest.raises(RuntimeError):
        controller.start(waits_for_cancel)
        controller.start(waits_for_cancel)
    controller.cancel_and_wait(10_000)
