"""The rules of a run (core.runs.plan, core.runs.run_log): counts, targets, confirmation, the one estimator,
time left while running, report names, log lines. No Qt, no sockets."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd
import pytest

from ymdesk.core.market.ratelimit import DEFAULT_LIMITS, SECONDS_PER_REQUEST, RateLimits, estimate_seconds
from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import Progress, Waiting, WaitKind
from ymdesk.core.runs.journal import Journal, OutcomeUpdate
from ymdesk.core.runs.plan import (
    LARGE_RUN,
    PickCounts,
    RunEta,
    TargetError,
    WindowUse,
    build_target,
    duration,
    plan_resume,
    plan_run,
    report_path,
    window_use,
)
from ymdesk.core.runs.run_log import RunLog, outcome_words


def test_pick_counts_agree_with_the_job_items_the_run_records(tmp_path):
    from ymdesk.core.sheets.catalog import read_catalog

    skus = ["A-1", "A-2", " A-1", "", "B-7", "X" * 300, "A-2", "C-3", "B-7 ", "D-4"]
    path = tmp_path / "dupes.csv"
    pd.DataFrame({"Ваш SKU": skus, "Название": [f"n{i}" for i in range(len(skus))]}).to_csv(path, index=False)
    catalog = read_catalog(path)
    rng = np.random.default_rng(7)
    for picked in [None, *(rng.random(len(catalog.frame)) < 0.6 for _ in range(20))]:
        counts = PickCounts.of(catalog.check, picked)
        items = catalog.job_items(picked)
        assert counts.invalid == sum(1 for item in items if item.invalid)
        assert counts.valid == sum(1 for item in items if not item.invalid)
        assert counts.picked == counts.valid + counts.invalid + counts.duplicates


def test_typed_confirmation_above_large_run_and_for_whole_target_runs():
    store = Target(campaign_id=7)
    small = plan_run(Operation.DELETE_OFFERS, store, PickCounts(LARGE_RUN, LARGE_RUN, 0, 0))
    assert not small.confirmation.typed
    assert small.confirmation.accepts("y") and small.confirmation.accepts("да") and not small.confirmation.accepts("")
    big = plan_run(Operation.DELETE_OFFERS, store, PickCounts(LARGE_RUN + 1, LARGE_RUN + 1, 0, 0))
    assert big.confirmation.typed and big.confirmation.expected == "1001"
    assert big.confirmation.accepts("1 001") and big.confirmation.accepts("1,001") and not big.confirmation.accepts("y")
    prices = plan_run(Operation.REMOVE_PRICES, store, PickCounts(0, 0, 0, 0))
    assert prices.whole and prices.confirmation.typed and prices.confirmation.expected == "7"
    leave = plan_run(
        Operation.DELETE_PROMO_OFFERS, Target(business_id=1, promo_id="#77", all_offers=True), PickCounts(5, 5, 0, 0)
    )
    assert leave.whole and leave.confirmation.expected == "#77" and leave.batches == 1


def test_targets_are_built_once_and_refuse_what_the_operation_cannot_use():
    assert build_target(Operation.DELETE_OFFERS, campaign_id=5, business_id=9) == Target(campaign_id=5, business_id=9)
    assert build_target(Operation.DELETE_FROM_CATALOG, campaign_id=5, business_id=9) == Target(business_id=9)
    promo = build_target(Operation.DELETE_PROMO_OFFERS, business_id=9, promo_id="#1", all_offers=True)
    assert promo == Target(business_id=9, promo_id="#1", all_offers=True)
    cases = [
        (Operation.DELETE_OFFERS, {}, "campaign_id", "missing"),
        (Operation.DELETE_FROM_CATALOG, {"campaign_id": 5}, "business_id", "missing"),
        (Operation.DELETE_PROMO_OFFERS, {"business_id": 9}, "promo_id", "missing"),
        (Operation.DELETE_OFFERS, {"campaign_id": 5, "all_offers": True}, "all_offers", "not_allowed"),
        (Operation.REMOVE_PRICES, {"campaign_id": 0}, "campaign_id", "not_positive"),
    ]
    for operation, ids, field, problem in cases:
        with pytest.raises(TargetError) as caught:
            build_target(operation, **ids)
        assert (caught.value.field, caught.value.problem) == (field, problem)


def test_one_estimator_counts_the_window_already_used():
    limits = RateLimits(5000, 60.0, per_sku=True)
    assert estimate_seconds(4000, limits, 500) == pytest.approx(8 * SECONDS_PER_REQUEST)
    # 4,000 more after 3,000 sent 20 s ago: the window is full at 5,000, so one wait of the 40 s left.
    assert estimate_seconds(4000, limits, 500, used=3000, window_elapsed=20) == pytest.approx(
        8 * SECONDS_PER_REQUEST + 40
    )
    plan = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=1), PickCounts(12_000, 12_000, 0, 0), 500)
    assert plan.batches == 24
    assert plan.seconds == estimate_seconds(12_000, DEFAULT_LIMITS[Operation.DELETE_OFFERS], 500)


def _job(journal: Journal, skus: int) -> int:
    items = [JobItem(f"S{i}", f"S{i}", i + 2) for i in range(skus)] + [JobItem("", "", 1, invalid="{}")]
    return journal.create_job(
        Operation.DELETE_OFFERS, Target(campaign_id=3), items, api_url="http://127.0.0.1:1", batch_size=500
    )


def test_a_resume_plans_what_is_left_and_the_window_earlier_requests_used(tmp_path):
    with Journal(tmp_path / "journal.sqlite3") as journal:
        job = _job(journal, 12_000)
        journal.mark_sent(job, range(4000))
        journal.record(job, [OutcomeUpdate(seq, Outcome.DELETED) for seq in range(4000)])
        journal.record(job, [OutcomeUpdate(seq, Outcome.CANCELLED) for seq in range(4000, 12_000)])
        window = window_use(journal, Operation.DELETE_OFFERS, Target(campaign_id=3))
        assert window.units == 4000 and window.elapsed < 60
        plan = plan_resume(journal, job, target_name="«Shop» (3)")
        assert plan.resumes and plan.job_id == job
        assert (plan.valid, plan.done, plan.invalid, plan.batches) == (8000, 4000, 1, 16)
        # 8,000 left, 4,000 of the window already spent: the 1,000 that fit go now, then a wait.
        expected = estimate_seconds(
            8000, DEFAULT_LIMITS[Operation.DELETE_OFFERS], 500, used=4000, window_elapsed=plan.window.elapsed
        )
        assert plan.seconds == pytest.approx(expected) and plan.seconds > 16 * SECONDS_PER_REQUEST
        assert plan.confirmation.typed and plan.confirmation.expected == "8000"
        # Another store's window is its own; an hour later nothing counts.
        assert window_use(journal, Operation.DELETE_OFFERS, Target(campaign_id=4)).units == 0
        later = (datetime.now(UTC) + timedelta(hours=1)).timestamp()
        assert window_use(journal, Operation.DELETE_OFFERS, Target(campaign_id=3), now=later) == WindowUse()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_time_left_counts_down_through_the_waits_without_jumping():
    """20,000 SKUs at 5,000 a minute: the runner sends 10 batches, waits out the window, and so on. The time
    left must only go down (by about the time that passed), never jump up as a pace-so-far guess would."""
    clock = Clock()
    total = 20_000
    plan = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=1), PickCounts(total, total, 0, 0), 500)
    eta = RunEta(plan, clock)
    readings = [eta.seconds_left()]
    assert readings[0] == pytest.approx(plan.seconds)
    done = 0
    for batch in range(1, 41):
        if batch > 1 and (batch - 1) % 10 == 0:  # the window is spent: pace until it ends
            window_end = clock.now + 60 - 10 * 0.2
            while clock.now < window_end:
                eta.feed(Waiting(WaitKind.PACING, window_end - clock.now, Message("Runner", "pacing")))
                readings.append(eta.seconds_left())
                clock.now = min(window_end, clock.now + 1.0)
        clock.now += 0.2  # a request
        done += 500
        eta.feed(Progress(done, total, batch, 40, {Outcome.DELETED: done}))
        readings.append(eta.seconds_left())
    assert readings[-1] == 0
    rises = [later - earlier for earlier, later in itertools.pairwise(readings) if later > earlier]
    assert max(rises, default=0) <= 1.0, rises
    assert max(readings) <= readings[0] + 1.0


def test_durations_in_words():
    assert duration(42).english() == "42 s"
    assert duration(0.4).english() == "1 s"  # one quick request is not "about 0 s"
    assert duration(200).english() == "3 min 20 s"
    assert duration(20 * 60 + 10).english() == "20 min"
    assert duration(3 * 3600 + 5 * 60).english() == "3 h 5 min"
    plan = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=1), PickCounts(3, 3, 0, 0))
    assert plan.estimate().english() == f"about {duration(plan.seconds).english()}"
    assert plan.estimate().english() in plan.summary().english()


def test_report_names_are_the_same_from_the_cli_and_the_app(tmp_path):
    assert report_path(12, Operation.DELETE_OFFERS, folder=tmp_path) == tmp_path / "ymdesk-job-12-delete-offers.xlsx"
    assert report_path(12, Operation.REMOVE_PRICES, "csv", tmp_path).name == "ymdesk-job-12-remove-prices.csv"


def test_the_run_log_says_what_each_batch_did():
    log = RunLog(Operation.DELETE_OFFERS, {Outcome.DELETED: 10, Outcome.CANCELLED: 990, Outcome.INVALID: 2})
    first = Progress(510, 1002, 1, 2, {Outcome.DELETED: 508, Outcome.NOT_DELETED: 2, Outcome.PENDING: 490})
    assert log.lines(first)[0].english() == (
        "Batch 1 of 2: 498 deleted, 2 not in the store or held in a Market warehouse."
    )
    second = Progress(1002, 1002, 2, 2, {Outcome.DELETED: 1000, Outcome.NOT_DELETED: 2, Outcome.INVALID: 2})
    assert log.lines(second)[0].english() == "Batch 2 of 2: 492 deleted."


def test_the_run_log_has_words_for_every_outcome_a_batch_can_end_with():
    for operation in Operation:
        for outcome in Outcome:
            if outcome in (Outcome.PENDING, Outcome.INVALID):
                continue
            words = outcome_words(operation, outcome, 3)
            assert "{outcome}" not in words.text, (operation, outcome)  # not the fallback with the raw value
            assert words.english().startswith("3 ")


def test_time_left_learns_a_lower_limit_at_the_first_wait_then_only_counts_down():
    """The plan assumes the documented 5,000 SKUs a minute; Market (its headers) allows 60 per 6 s. The pacer
    waits after 60: from that first wait on, the time left is worked out with what Market allows."""
    clock = Clock()
    total, batch = 240, 20
    plan = plan_run(Operation.DELETE_OFFERS, Target(campaign_id=1), PickCounts(total, total, 0, 0), batch)
    eta = RunEta(plan, clock)
    readings_after_first_wait: list[float] = []
    done = 0
    for number in range(1, total // batch + 1):
        if number > 1 and (number - 1) % 3 == 0:  # 60 SKUs sent: wait for the window
            window_end = clock.now + 6.0 - 3 * 0.1
            while clock.now < window_end:
                eta.feed(Waiting(WaitKind.PACING, window_end - clock.now, Message("Runner", "pacing")))
                readings_after_first_wait.append(eta.seconds_left())
                clock.now = min(window_end, clock.now + 1.0)
        clock.now += 0.1
        done += batch
        eta.feed(Progress(done, total, number, total // batch, {Outcome.DELETED: done}))
        if readings_after_first_wait:
            readings_after_first_wait.append(eta.seconds_left())
    # 240 SKUs at 60 per 6 s: four windows, so about three waits of 6 s were left at the first one.
    assert 15 <= readings_after_first_wait[0] <= 25, readings_after_first_wait[0]
    rises = [b - a for a, b in itertools.pairwise(readings_after_first_wait) if b > a]
    assert max(rises, default=0) <= 1.0, rises
    assert readings_after_first_wait[-1] == 0
