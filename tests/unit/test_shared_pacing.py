"""Pacing shared through the journal by jobs for one store in two processes (two connections to one file)."""

from __future__ import annotations

from ymdesk.core.runs.journal import Journal

RESOURCE = "delete-offers:21000001:"


def test_answers_recorded_in_the_other_order_than_market_counted_them_never_raise_remaining(tmp_path):
    path = tmp_path / "journal.sqlite3"
    wall = 1_000.0
    with Journal(path) as first, Journal(path) as second:
        # Both reserve half of a 1,000-unit window and send.
        delay_a, reservation_a = first.pacing_delay(RESOURCE, 500, 1000, 60.0, wall)
        delay_b, reservation_b = second.pacing_delay(RESOURCE, 500, 1000, 60.0, wall)
        assert (delay_a, delay_b) == (0.0, 0.0) and reservation_a and reservation_b
        # Market counted B first (Remaining 500), then A (Remaining 0), but A's answer is recorded first.
        # The Untils differ by a fraction of a second: each is read against its answer's Date.
        first.pacing_answer(RESOURCE, 0, wall + 60.0, wall + 0.1, reservation_a)
        second.pacing_answer(RESOURCE, 500, wall + 60.4, wall + 0.2, reservation_b)
        delay, reservation = first.pacing_delay(RESOURCE, 500, 1000, 60.0, wall + 0.3)
    assert reservation == 0 and delay > 59  # the window is spent: wait for the next one, do not send


def test_a_new_window_replaces_what_the_last_one_had_left(tmp_path):
    wall = 1_000.0
    with Journal(tmp_path / "journal.sqlite3") as journal:
        _, reservation = journal.pacing_delay(RESOURCE, 500, 1000, 60.0, wall)
        journal.pacing_answer(RESOURCE, 0, wall + 60.0, wall, reservation)
        assert journal.pacing_delay(RESOURCE, 500, 1000, 60.0, wall + 1)[1] == 0
        _, reservation = journal.pacing_delay(RESOURCE, 500, 1000, 60.0, wall + 61)
        journal.pacing_answer(RESOURCE, 500, wall + 120.0, wall + 61, reservation)
        delay, reservation = journal.pacing_delay(RESOURCE, 500, 1000, 60.0, wall + 62)
    assert delay == 0.0 and reservation
