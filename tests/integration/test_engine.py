"""The engine end to end: MarketClient + JobRunner + Journal against the simulator on a real socket."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
import requests

from tests.helpers.job_runs import FAST_RETRY, run_job
from ymdesk.core.market.client import (
    AuthError,
    InsecureUrlError,
    LegacyMethodGone,
    MarketClient,
    TransportError,
)
from ymdesk.core.market.ratelimit import RateLimits, RetryPolicy
from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, Operation, Outcome, Target
from ymdesk.core.runs.events import JobStatus, Progress, Waiting, WaitKind
from ymdesk.core.runs.journal import Journal
from ymdesk.core.simulator import (
    DEMO_API_KEY,
    DEMO_BUSINESS_ID,
    DEMO_FBS_CAMPAIGN_ID,
    PROMO_WEEKLY_ID,
    Faults,
    Limits,
    MarketSimulator,
    build_demo_state,
    window_start_clock,
)

SKUS = [f"SKU-{i:05d}" for i in range(3000)]
INVALID = Message("Sku", "Whitespace only").to_json()


@pytest.fixture
def journal(tmp_path: Path):
    with Journal(tmp_path / "journal.sqlite3") as j:
        yield j


def new_job(
    journal: Journal,
    sim: MarketSimulator,
    skus: list[str],
    operation=Operation.DELETE_OFFERS,
    target: Target | None = None,
    batch_size: int = 500,
    extra: list[JobItem] = (),
) -> int:
    items = [JobItem(sku, sku, row) for row, sku in enumerate(skus, start=2)] + list(extra)
    return journal.create_job(
        operation, target or Target(campaign_id=DEMO_FBS_CAMPAIGN_ID), items, api_url=sim.url, batch_size=batch_size
    )


def outcomes(journal: Journal, job_id: int) -> dict[str, Outcome]:
    return {item.sku: item.outcome for item in journal.items(job_id)}


def sent_requests(sim: MarketSimulator, path_part: str = "/delete"):
    return [r for r in sim.records() if path_part in r.path]


def test_delete_offers_end_to_end_matches_the_market(sim, journal):
    store = sim.state.campaigns[DEMO_FBS_CAMPAIGN_ID]
    before = set(store.offers)
    picked = SKUS[:1200]
    job_id = new_job(journal, sim, picked)

    finished, events = run_job(journal, sim.url, job_id)

    assert finished.status is JobStatus.DONE
    result = outcomes(journal, job_id)
    assert set(result) == set(picked) and Outcome.PENDING not in result.values()
    for sku, outcome in result.items():
        if outcome is Outcome.DELETED:
            assert sku in before and sku not in store.offers
        else:
            assert outcome is Outcome.NOT_DELETED
            assert sku not in before or sku in sim.state.businesses[DEMO_BUSINESS_ID].held_in_warehouse
    requests_made = sent_requests(sim)
    assert [r.offer_count for r in requests_made] == [500, 500, 200]
    progress = [e for e in events if isinstance(e, Progress)]
    assert [p.done for p in progress] == [500, 1000, 1200] and progress[-1].total == 1200
    assert journal.job(job_id).status is JobStatus.DONE


def test_invalid_items_are_recorded_and_never_sent(sim, journal):
    job_id = new_job(journal, sim, SKUS[:10], extra=[JobItem("", "   ", 99, INVALID)])
    finished, _ = run_job(journal, sim.url, job_id)
    assert finished.counts[Outcome.INVALID] == 1
    sent = {sku for r in sent_requests(sim) for sku in r.offer_ids}
    assert sent == set(SKUS[:10])
    for r in sent_requests(sim):
        assert r.offer_count <= 500 and len(set(r.offer_ids)) == r.offer_count


def test_pacing_by_headers_never_meets_a_420(sim, journal):
    sim.limits = Limits.fast(skus=1000, period=2.0)
    job_id = new_job(journal, sim, SKUS[:2500])
    started = time.monotonic()

    finished, events = run_job(journal, sim.url, job_id, limits=RateLimits(1000, 2.0, per_sku=True))

    assert finished.status is JobStatus.DONE
    assert all(r.status != 420 for r in sim.records())
    assert any(isinstance(e, Waiting) and e.kind is WaitKind.PACING for e in events)
    assert time.monotonic() - started < 8  # three windows at most, not a fixed minute


def test_420_waits_until_the_header_says_then_retries_the_same_batch(sim, journal):
    sim.limits = Limits.fast(skus=500, period=2.0)
    _use_up_the_window(sim)
    job_id = new_job(journal, sim, SKUS[:300])
    waits: list[Waiting] = []

    finished, _ = run_job(journal, sim.url, job_id, on_event=lambda e: isinstance(e, Waiting) and waits.append(e))

    assert finished.status is JobStatus.DONE and finished.counts.get(Outcome.FAILED, 0) == 0
    deletes = [r for r in sent_requests(sim) if r.offer_count == 300]
    assert [r.status for r in deletes] == [420, 200]
    assert deletes[0].offer_ids == deletes[1].offer_ids
    first_wait = next(w for w in waits if w.kind is WaitKind.RATE_LIMIT)
    assert first_wait.seconds_left <= 2.2  # what Until said, not a fixed minute
    window_end = (int(deletes[0].time // 2) + 1) * 2
    assert deletes[1].time >= window_end


def test_420_without_headers_backs_off(sim, journal):
    sim.limits = Limits.fast(skus=500, period=1.0, send_headers=False)
    _use_up_the_window(sim)
    job_id = new_job(journal, sim, SKUS[:100])
    finished, events = run_job(journal, sim.url, job_id)
    assert finished.status is JobStatus.DONE
    waits = [e for e in events if isinstance(e, Waiting) and e.kind is WaitKind.RATE_LIMIT]
    assert waits and waits[0].seconds_left <= 2.0


def test_server_errors_and_drops_are_retried_and_the_market_agrees(sim, journal):
    sim.faults = Faults(seed=7, error_rate=0.25, error_after_apply=0.5, drop_rate=0.1, drop_after_apply=0.5)
    store = sim.state.campaigns[DEMO_FBS_CAMPAIGN_ID]
    job_id = new_job(journal, sim, SKUS[:2000], batch_size=100)

    finished, _ = run_job(journal, sim.url, job_id, retry=RetryPolicy(attempts=10, backoff_base=0.01, backoff_cap=0.02))

    assert finished.status is JobStatus.DONE
    result = outcomes(journal, job_id)
    assert len(result) == 2000 and set(result.values()) <= {Outcome.DELETED, Outcome.NOT_DELETED}
    for sku, outcome in result.items():
        if outcome is Outcome.DELETED:
            assert sku not in store.offers
    assert all(sku in result and result[sku] is not Outcome.DELETED for sku in store.offers if sku in result)
    counters = sim.counters()
    assert counters.get("fault:drop", 0) + counters.get("status:dropped", 0) > 0
    assert any(k.startswith("status:5") for k in counters)


def test_persistent_server_errors_fail_the_batch_with_a_bounded_number_of_tries(sim, journal):
    sim.faults = Faults(seed=1, error_rate=1.0)
    job_id = new_job(journal, sim, SKUS[:250], batch_size=100)

    finished, _ = run_job(journal, sim.url, job_id, retry=RetryPolicy(attempts=3, backoff_base=0.01, backoff_cap=0.02))

    assert finished.counts == {Outcome.FAILED: 250}
    assert len(sent_requests(sim)) == 3 * 3  # three batches, three tries each
    item = next(journal.items(job_id))
    assert item.http_status in (500, 503) and item.reason is not None and "internal error" in item.reason.english()


def test_timeouts_are_retried_and_reported_honestly(sim, journal):
    sim.faults = Faults(seed=3, slow_rate=0.5, slow_seconds=1.0)
    store = sim.state.campaigns[DEMO_FBS_CAMPAIGN_ID]
    job_id = new_job(journal, sim, SKUS[:400], batch_size=50)

    finished, _ = run_job(
        journal, sim.url, job_id, timeout=(2.0, 0.3), retry=RetryPolicy(attempts=8, backoff_base=0.01, backoff_cap=0.02)
    )

    assert finished.status is JobStatus.DONE
    items = list(journal.items(job_id))
    assert {i.outcome for i in items} <= {Outcome.DELETED, Outcome.NOT_DELETED}
    assert all(i.sku not in store.offers for i in items if i.outcome is Outcome.DELETED)
    # A slow answer was applied before it timed out; the retry finds the SKU gone, and reading the store
    # back settles it: deleted, verified, never "may have".
    assert any(i.outcome is Outcome.DELETED and i.reason and "verified" in i.reason.english() for i in items)
    assert not any(i.reason and "may" in i.reason.english() for i in items)


def test_locked_is_retried_a_few_times_then_fails_clearly(sim, journal):
    sim.faults = Faults(seed=2, locked_rate=1.0)
    job_id = new_job(journal, sim, SKUS[:10])
    finished, _ = run_job(journal, sim.url, job_id)
    assert finished.counts == {Outcome.FAILED: 10}
    assert len(sent_requests(sim)) == FAST_RETRY.locked_attempts
    assert next(journal.items(job_id)).http_status == 423


def test_bad_request_bisection_isolates_the_skus_market_refuses(sim, journal):
    bad = {SKUS[17], SKUS[301]}
    sim.faults = Faults(bad_request_skus=frozenset(bad))
    job_id = new_job(journal, sim, SKUS[:500])

    finished, _ = run_job(journal, sim.url, job_id)

    assert finished.status is JobStatus.DONE
    result = outcomes(journal, job_id)
    assert {sku for sku, o in result.items() if o is Outcome.FAILED} == bad
    assert all(o in (Outcome.DELETED, Outcome.NOT_DELETED) for sku, o in result.items() if sku not in bad)
    assert len(sent_requests(sim)) <= 4 * 9 + 1  # two bad SKUs, log2(500) ~ 9 levels
    failed = [i for i in journal.items(job_id) if i.outcome is Outcome.FAILED]
    assert all(i.http_status == 400 for i in failed)


def test_401_mid_run_stops_at_once_and_records_everything(sim, journal):
    job_id = new_job(journal, sim, SKUS[:2000])

    def revoke_after_first_batch(event):
        if isinstance(event, Progress) and event.batch == 1:
            sim.revoke_token(DEMO_API_KEY)

    finished, _ = run_job(journal, sim.url, job_id, on_event=revoke_after_first_batch)

    assert finished.status is JobStatus.STOPPED
    assert finished.message is not None and "did not accept the API key" in finished.message.english()
    deletes = sent_requests(sim)
    assert [r.status for r in deletes] == [200, 401]  # nothing after the 401
    counts = journal.counts(job_id)
    assert counts[Outcome.CANCELLED] == 1500 and Outcome.PENDING not in counts
    assert sum(counts.values()) == 2000
    cancelled = [i for i in journal.items(job_id) if i.outcome is Outcome.CANCELLED]
    assert all(i.http_status == 401 for i in cancelled)


def test_cancel_during_a_long_rate_limit_wait_stops_within_a_second_and_resume_finishes(sim, journal):
    # A whole hour-long window ahead on the simulator's clock: a long wait for sure, and no sleep to align.
    sim.clock = window_start_clock(3600.0)
    sim.limits = Limits.fast(skus=500, period=3600.0)
    job_id = new_job(journal, sim, SKUS[:1000])
    cancel = threading.Event()
    cancelled_at: list[float] = []

    def cancel_when_waiting(event):
        if isinstance(event, Waiting) and not cancel.is_set():
            assert event.seconds_left > 5
            cancel.set()
            cancelled_at.append(time.monotonic())

    finished, _ = run_job(
        journal,
        sim.url,
        job_id,
        limits=RateLimits(500, 60.0, per_sku=True),
        cancel=cancel,
        on_event=cancel_when_waiting,
    )

    assert time.monotonic() - cancelled_at[0] < 1.0
    assert finished.status is JobStatus.CANCELLED
    assert journal.counts(job_id)[Outcome.CANCELLED] == 500
    first_run = {sku for r in sent_requests(sim) for sku in r.offer_ids}

    sim.limits = Limits.unlimited()
    sim.reset_observations()
    # The journal remembers Market's window for every process (Remaining 0 until the hour is over); the
    # simulator's hour is over now, so is the journal's.
    journal.pacing_answer(f"delete-offers:{DEMO_FBS_CAMPAIGN_ID}:", None, None, time.time())
    finished, _ = run_job(journal, sim.url, job_id)

    assert finished.status is JobStatus.DONE
    second_run = [sku for r in sent_requests(sim) for sku in r.offer_ids]
    assert len(second_run) == 500 and not first_run & set(second_run)
    assert Outcome.CANCELLED not in journal.counts(job_id)


def test_promo_removal_reports_rejected_offers(sim, journal):
    promo = sim.state.promos[PROMO_WEEKLY_ID]
    in_promo = list(promo.offers)[:5]
    outsider = next(s for s in SKUS if s not in promo.offers)
    job_id = new_job(
        journal,
        sim,
        [*in_promo, outsider],
        Operation.DELETE_PROMO_OFFERS,
        Target(business_id=DEMO_BUSINESS_ID, promo_id=PROMO_WEEKLY_ID),
    )
    finished, _ = run_job(journal, sim.url, job_id, limits=RateLimits(100, 60, per_sku=False))
    assert finished.status is JobStatus.DONE
    result = outcomes(journal, job_id)
    assert result[outsider] is Outcome.REJECTED
    assert all(result[s] is Outcome.DELETED and s not in promo.offers for s in in_promo)
    rejected = next(i for i in journal.items(job_id) if i.sku == outsider)
    assert rejected.api_code == "OFFER_DOES_NOT_EXIST"


def test_leaving_a_promo_is_one_request(sim, journal):
    target = Target(business_id=DEMO_BUSINESS_ID, promo_id=PROMO_WEEKLY_ID, all_offers=True)
    job_id = journal.create_job(Operation.DELETE_PROMO_OFFERS, target, [], api_url=sim.url)
    finished, _ = run_job(journal, sim.url, job_id)
    assert finished.status is JobStatus.DONE
    assert not sim.state.promos[PROMO_WEEKLY_ID].offers
    with MarketClient(DEMO_API_KEY, sim.url) as client:
        weekly = next(p for p in client.promos(DEMO_BUSINESS_ID) if p.id == PROMO_WEEKLY_ID)
    assert weekly.processing and not weekly.participating


def test_remove_prices_and_the_legacy_method_gone(sim, journal):
    store = sim.state.campaigns[DEMO_FBS_CAMPAIGN_ID]
    assert store.api_prices
    target = Target(campaign_id=DEMO_FBS_CAMPAIGN_ID)
    job_id = journal.create_job(Operation.REMOVE_PRICES, target, [], api_url=sim.url)
    assert run_job(journal, sim.url, job_id)[0].status is JobStatus.DONE
    assert not store.api_prices

    sim.faults = Faults(legacy_prices_gone=True)
    with MarketClient(DEMO_API_KEY, sim.url) as client, pytest.raises(LegacyMethodGone) as gone:
        client.remove_all_prices(DEMO_FBS_CAMPAIGN_ID)
    assert "no longer offers" in gone.value.message.english()
    job_id = journal.create_job(Operation.REMOVE_PRICES, target, [], api_url=sim.url)
    finished, _ = run_job(journal, sim.url, job_id)
    assert finished.status is JobStatus.STOPPED and "no longer offers" in finished.message.english()


def test_campaigns_follow_every_page():
    state = build_demo_state(SKUS[:50], extra_campaigns=230)
    with MarketSimulator(state, limits=Limits.unlimited()) as sim, MarketClient(DEMO_API_KEY, sim.url) as client:
        campaigns = client.campaigns()
        pages = [r for r in sim.records() if r.path == "/v2/campaigns"]
    assert len(campaigns) == 232 and len({c.id for c in campaigns}) == 232
    assert len(pages) == 3
    fbs = next(c for c in campaigns if c.id == DEMO_FBS_CAMPAIGN_ID)
    assert fbs.business_id == DEMO_BUSINESS_ID and fbs.placement_type == "FBS" and fbs.api_availability


def test_wrong_key_is_an_auth_error(sim):
    with MarketClient("not-a-key", sim.url) as client, pytest.raises(AuthError) as refused:
        client.campaigns()
    assert refused.value.http_status == 401 and refused.value.code


@pytest.mark.parametrize("url", ["http://example.com", "http://10.0.0.1:8080", "ftp://127.0.0.1", "not a url"])
def test_plain_http_to_another_machine_is_refused_before_any_request(url):
    with pytest.raises(InsecureUrlError):
        MarketClient("secret", url)


def test_no_connection_is_a_transport_error():
    with (
        socket_closed_port() as port,
        MarketClient("k", f"http://127.0.0.1:{port}", timeout=(1, 1)) as client,
        pytest.raises(TransportError) as failed,
    ):
        client.campaigns()
    assert "Cannot connect to Market" in failed.value.message.english() and not failed.value.sent


def test_client_headers_and_tls_verification(sim):
    seen: list[requests.PreparedRequest] = []
    with MarketClient(DEMO_API_KEY, sim.url) as client:
        client._session.hooks["response"].append(lambda r, *a, **k: seen.append(r.request))
        client.campaigns()
        assert client._session.verify is True or Path(client._session.verify).is_file()  # never False
    headers = seen[0].headers
    assert headers["Api-Key"] == DEMO_API_KEY and headers["User-Agent"].startswith("ymdesk/")


def _use_up_the_window(sim: MarketSimulator) -> None:
    """Spend the current window's SKU budget from outside the runner, so its first request meets a 420.

    The simulator's clock is set to the start of a fresh window, so the window cannot end in between (and
    the client reads its Until against the answer's Date, which tells the same clock)."""
    sim.clock = window_start_clock(sim.limits.offers_delete.period)
    with requests.Session() as session:
        answer = session.post(
            f"{sim.url}/v2/campaigns/{DEMO_FBS_CAMPAIGN_ID}/offers/delete",
            json={"offerIds": SKUS[-500:]},
            headers={"Api-Key": DEMO_API_KEY},
        )
    assert answer.status_code == 200
    sim.reset_observations()


class socket_closed_port:
    """A loopback port with nothing listening on it."""

    def __enter__(self) -> int:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def __exit__(self, *exc) -> None:
        return None


def test_the_runner_reads_the_journal_a_batch_at_a_time_and_counts_right(sim, journal, monkeypatch):
    job_id = new_job(journal, sim, SKUS[:1200], extra=[JobItem("", "   ", 99, INVALID)])
    reads: list[int] = []
    to_send = journal.to_send

    def counted(job: int, **kwargs):
        rows = to_send(job, **kwargs)
        reads.append(len(rows))
        return rows

    monkeypatch.setattr(journal, "to_send", counted)
    finished, events = run_job(journal, sim.url, job_id)

    assert finished.status is JobStatus.DONE
    assert reads == [500, 500, 200, 0]  # never the whole job at once
    started = [e for e in events if type(e).__name__ == "BatchStarted"]
    assert [(e.batch, e.batches, e.size) for e in started] == [(1, 3, 500), (2, 3, 500), (3, 3, 200)]
    assert [(e.done, e.total) for e in events if isinstance(e, Progress)] == [(501, 1201), (1001, 1201), (1201, 1201)]
