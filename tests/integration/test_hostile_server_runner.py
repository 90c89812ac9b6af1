"""The runner and journal against a hostile Market on 127.0.0.1: what the journal says must be what Market did."""

from __future__ import annotations

import itertools
import json
import threading
import time
from email.utils import formatdate
from pathlib import Path

import pytest

from tests.helpers.hostile_server import HostileServer, Reply, error, ok
from ymdesk.core.market.client import MarketClient
from ymdesk.core.market.ratelimit import RateLimits, RetryPolicy
from ymdesk.core.model import MAX_REQUEST_BYTES, JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import Finished, JobStatus, Waiting, WaitKind
from ymdesk.core.runs.journal import Journal
from ymdesk.core.runs.runner import JobRunner
from ymdesk.core.simulator import DEMO_API_KEY, DEMO_FBS_CAMPAIGN_ID, Limits, MarketSimulator, build_demo_state

KEY = "hostile-test-key"
FAST = RetryPolicy(attempts=3, backoff_base=0.01, backoff_cap=0.02, locked_attempts=2, locked_base=0.01)
NO_LIMIT = RateLimits(10**9, 60.0, per_sku=True)
SKUS = [f"SKU-{i:05d}" for i in range(1500)]


@pytest.fixture
def journal(tmp_path: Path):
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


def new_job(journal, skus, operation=Operation.DELETE_OFFERS, target=None, batch_size=500):
    items = [JobItem(sku, sku, row) for row, sku in enumerate(skus, start=2)]
    if target is None:
        catalog = operation is Operation.DELETE_FROM_CATALOG
        target = Target(business_id=1) if catalog else Target(campaign_id=DEMO_FBS_CAMPAIGN_ID)
    return journal.create_job(operation, target, items, api_url="http://127.0.0.1:1", batch_size=batch_size)


def run(journal, url, job_id, *, key=KEY, cancel=None, on_event=None, deadline=60.0, timeout=(5.0, 5.0), **kw):
    events = []
    with MarketClient(key, url, deadline=deadline, timeout=timeout) as client:
        runner = JobRunner(client, journal, job_id, limits=NO_LIMIT, retry=kw.pop("retry", FAST), cancel=cancel, **kw)
        for event in runner.run():
            events.append(event)
            if on_event:
                on_event(event)
    assert isinstance(events[-1], Finished)
    return events[-1], events


@pytest.mark.parametrize(
    "body",
    ["deleted", "<html>Proxy login</html>", b"", {"status": "ERROR"}, {"status": "OK", "result": "done"}],
    ids=["text", "html", "empty", "status error", "result text"],
)
def test_unreadable_answers_mark_no_sku_deleted(journal, body):
    job_id = new_job(journal, SKUS[:1200])
    with HostileServer(Reply(200, body)) as server:
        finished, _ = run(journal, server.url, job_id)
        sent = len(server.seen)
    assert finished.status is JobStatus.INTERRUPTED  # two batches in a row without a usable answer
    counts = journal.counts(job_id)
    assert Outcome.DELETED not in counts
    assert counts == {Outcome.UNANSWERED: 1000, Outcome.PENDING: 200} and sent == 2
    item = next(journal.items(job_id))
    assert item.reason is not None and "may have been applied" in item.reason.english()
    assert journal.job(job_id).status is JobStatus.INTERRUPTED
    assert len(journal.to_send(job_id)) == 1200  # resume picks every one of them up


def test_status_ok_without_result_means_everything_was_deleted(journal):
    job_id = new_job(journal, SKUS[:700])
    with HostileServer(ok()) as server:
        finished, _ = run(journal, server.url, job_id)
    assert finished.status is JobStatus.DONE and journal.counts(job_id) == {Outcome.DELETED: 700}


def test_a_stalled_answer_is_resent_only_after_its_connection_is_closed(journal):
    job_id = new_job(journal, SKUS[:10])
    with HostileServer([Reply(stall_after=4), ok()]) as server:
        finished, _ = run(journal, server.url, job_id, deadline=1.0, timeout=(1.0, 0.5))
        first, second = server.seen
    assert finished.status is JobStatus.DONE
    assert server.max_in_flight == 1 and first.ended is not None and second.arrived >= first.ended
    # and the retry waited for a read timeout after the first was cut off
    assert second.arrived - first.ended >= 0.45
    items = list(journal.items(job_id))
    assert {i.outcome for i in items} == {Outcome.DELETED} and {i.attempts for i in items} == {2}


def test_cancel_during_a_request_stops_within_a_second_and_records_sent_no_answer(journal):
    job_id = new_job(journal, SKUS[:1500])
    cancel = threading.Event()
    asked: list[float] = []

    def cancel_once_market_has_it():
        server.wait_for(2)
        asked.append(time.monotonic())
        cancel.set()

    with HostileServer([ok(), Reply(stall_before_headers=True)]) as server:
        threading.Thread(target=cancel_once_market_has_it, daemon=True).start()
        finished, _ = run(journal, server.url, job_id, cancel=cancel)
        stopped = time.monotonic()
    assert stopped - asked[0] < 1.0
    assert finished.status is JobStatus.CANCELLED
    counts = journal.counts(job_id)
    assert counts == {Outcome.DELETED: 500, Outcome.UNANSWERED: 500, Outcome.CANCELLED: 500}
    by_outcome = {i.outcome: i for i in journal.items(job_id)}
    assert "Not sent" in by_outcome[Outcome.CANCELLED].reason.english()
    assert "Not sent" not in by_outcome[Outcome.UNANSWERED].reason.english()
    assert journal.job(job_id).status is JobStatus.CANCELLED and len(journal.to_send(job_id)) == 1000


def test_unreachable_market_stops_after_two_batches_and_resume_sends_them(journal):
    job_id = new_job(journal, SKUS[:1500])
    with HostileServer() as gone:
        url = gone.url  # closed again: every connection is refused
    finished, _ = run(journal, url, job_id)
    assert finished.status is JobStatus.INTERRUPTED
    assert finished.message is not None and "could not be reached" in finished.message.english()
    assert journal.counts(job_id) == {Outcome.PENDING: 1500}  # refused connections sent nothing
    assert journal.job(job_id).status.resumable

    with MarketSimulator(build_demo_state(SKUS), limits=Limits.unlimited()) as sim:
        finished, _ = run(journal, sim.url, job_id, key=DEMO_API_KEY)
        sent = sum(r.offer_count for r in sim.records() if "/delete" in r.path)
    assert finished.status is JobStatus.DONE and sent == 1500
    assert not any(o.needs_sending for o in journal.counts(job_id))


def test_connections_reset_without_an_answer_leave_the_batches_sent_no_answer(journal):
    job_id = new_job(journal, SKUS[:1500])
    with HostileServer(Reply(reset=True)) as server:
        finished, _ = run(journal, server.url, job_id)
        sent = len(server.seen)
    assert finished.status is JobStatus.INTERRUPTED
    assert journal.counts(job_id) == {Outcome.UNANSWERED: 1000, Outcome.PENDING: 500}
    assert sent == 2 * FAST.attempts


def test_no_wait_is_longer_than_the_documented_window(journal):
    year = formatdate(time.time() + 365 * 86400, usegmt=True)
    headers = {"X-RateLimit-Resource-Remaining": "0", "X-RateLimit-Resource-Until": year}
    job_id = new_job(journal, SKUS[:1000])
    cancel = threading.Event()
    waits: list[Waiting] = []

    def note(event):
        if isinstance(event, Waiting):
            waits.append(event)
            cancel.set()

    with HostileServer(Reply(200, {"status": "OK"}, headers)) as server:
        finished, _ = run(journal, server.url, job_id, cancel=cancel, on_event=note)
    assert finished.status is JobStatus.CANCELLED
    assert waits and waits[0].kind is WaitKind.PACING and 55 < waits[0].seconds_left <= 60 * 1.1 + 1


def test_420_with_a_past_or_missing_until_backs_off_from_a_second(journal):
    past = formatdate(time.time() - 30, usegmt=True)
    replies = [
        error(420, "LIMIT", "Hit rate limit", **{"X-RateLimit-Resource-Until": past}),
        error(420, "LIMIT", "Hit rate limit"),
        error(429, "LIMIT", "Too many"),
        ok(),
    ]
    job_id = new_job(journal, SKUS[:5])
    with HostileServer(replies) as server:
        finished, events = run(journal, server.url, job_id)
        arrivals = [s.arrived for s in server.seen]
    assert finished.status is JobStatus.DONE and len(arrivals) == 4
    starts = [e.seconds_left for e in events if isinstance(e, Waiting) and e.kind is WaitKind.RATE_LIMIT]
    firsts = [starts[0]] + [b for a, b in itertools.pairwise(starts) if b > a]
    assert [round(s) for s in firsts] == [1, 2, 4]
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert gaps[0] >= 0.95 and gaps[1] >= 1.95 and gaps[2] >= 3.95


def test_retry_after_is_honoured_on_503_and_429(journal):
    replies = [error(503, **{"Retry-After": "2"}), error(429, **{"Retry-After": "1"}), ok()]
    job_id = new_job(journal, SKUS[:5])
    with HostileServer(replies) as server:
        finished, _ = run(journal, server.url, job_id)
        arrivals = [s.arrived for s in server.seen]
    assert finished.status is JobStatus.DONE
    assert arrivals[1] - arrivals[0] >= 1.95 and arrivals[2] - arrivals[1] >= 0.95


def test_no_request_body_is_over_512_kb(journal):
    long_cyrillic = [f"{i:05d}" + "Ж" * 250 for i in range(500)]
    job_id = new_job(journal, long_cyrillic)
    with HostileServer(ok()) as server:
        finished, _ = run(journal, server.url, job_id)
        bodies = [s.body for s in server.seen]
    assert finished.status is JobStatus.DONE
    assert len(bodies) == 2 and all(len(b) <= MAX_REQUEST_BYTES for b in bodies)
    sent = [sku for b in bodies for sku in json.loads(b)["offerIds"]]
    assert sorted(sent) == sorted(long_cyrillic)


def test_catalog_deletes_go_in_batches_of_200(journal):
    job_id = new_job(journal, SKUS[:1000], operation=Operation.DELETE_FROM_CATALOG)
    with HostileServer(ok()) as server:
        finished, _ = run(journal, server.url, job_id)
        sizes = [len(s.json()["offerIds"]) for s in server.seen]
    assert finished.status is JobStatus.DONE and sizes == [200] * 5


def test_a_refused_key_says_so_on_every_sku_not_sent(journal):
    job_id = new_job(journal, SKUS[:1500])
    with HostileServer([ok(), error(401, "UNAUTHORIZED", "Unauthorized")]) as server:
        finished, _ = run(journal, server.url, job_id)
    assert finished.status is JobStatus.STOPPED
    assert journal.counts(job_id) == {Outcome.DELETED: 500, Outcome.CANCELLED: 1000}
    reasons = {i.reason.english() for i in journal.items(job_id) if i.outcome is Outcome.CANCELLED}
    assert reasons == {"Not sent: Market refused the key."}


def test_a_redirect_stops_the_job_and_nothing_goes_elsewhere(journal):
    job_id = new_job(journal, SKUS[:600])
    with HostileServer(ok()) as elsewhere, HostileServer(Reply(307, b"", redirect=elsewhere.url)) as server:
        finished, _ = run(journal, server.url, job_id)
        assert elsewhere.seen == [] and len(server.seen) == 1
    assert finished.status is JobStatus.STOPPED and "redirect" in finished.message.english()
    assert Outcome.DELETED not in journal.counts(job_id)


def _run_in_threads(jobs, make_client, path):
    """Each job in its own thread with its own journal connection and client, as separate processes would."""
    results: dict[int, Finished] = {}
    failures: list[BaseException] = []

    def work(job_id):
        try:
            with Journal(path) as own, make_client() as client:
                runner = JobRunner(client, own, job_id, retry=FAST)
                results[job_id] = [e for e in runner.run() if isinstance(e, Finished)][-1]
        except BaseException as error:  # reported by the test below
            failures.append(error)

    threads = [threading.Thread(target=work, args=(job_id,)) for job_id in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures
    return results


def test_never_more_than_two_requests_in_flight_per_key(tmp_path):
    path = tmp_path / "journal.sqlite3"
    with Journal(path) as journal:
        jobs = [
            journal.create_job(
                Operation.DELETE_OFFERS,
                Target(campaign_id=store),
                [JobItem(s, s, i) for i, s in enumerate(SKUS[:1000])],
                api_url="http://127.0.0.1:1",
            )
            for store in (101, 102, 103)
        ]
    with HostileServer(Reply(200, {"status": "OK"}, delay=0.2)) as server:
        results = _run_in_threads(jobs, lambda: MarketClient(KEY, server.url), path)
        assert server.max_in_flight == 2 and len(server.seen) == 6
    assert all(f.status is JobStatus.DONE for f in results.values()) and len(results) == 3


def test_jobs_for_one_store_in_two_processes_share_its_pacing(tmp_path):
    path = tmp_path / "journal.sqlite3"
    skus = [f"S{i:05d}" for i in range(4000)]
    with Journal(path) as journal:
        jobs = [
            journal.create_job(
                Operation.DELETE_OFFERS,
                Target(campaign_id=DEMO_FBS_CAMPAIGN_ID),
                [JobItem(s, s, i) for i, s in enumerate(half)],
                api_url="http://127.0.0.1:1",
            )
            for half in (skus[:2000], skus[2000:])
        ]
    with MarketSimulator(build_demo_state(skus), limits=Limits.fast(skus=1000, period=2.0)) as sim:
        results = _run_in_threads(jobs, lambda: MarketClient(DEMO_API_KEY, sim.url), path)
        statuses = [r.status for r in sim.records() if "/delete" in r.path]
    assert all(f.status is JobStatus.DONE for f in results.values())
    assert statuses.count(200) == 8 and 420 not in statuses  # one window for both: not a single 420
