"""The rules of a run, written once for the CLI and the app.

What a run will do before it starts (the picked counts, batches, the estimated time), when it must be
confirmed by typing (`LARGE_RUN`), which target an operation needs, how its job is created, what its report
is called, how long "about 20 min" is in words, and `start_run`: the one way a run (new or resumed) is
started. `ymdesk-cli run|resume` and the app's run dialog both go through here; neither repeats a rule.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from ymdesk.core import paths
from ymdesk.core.market.ratelimit import DEFAULT_LIMITS, SECONDS_PER_REQUEST, RateLimits, estimate_seconds
from ymdesk.core.memory import collector_paused
from ymdesk.core.messages import Message, UserError
from ymdesk.core.model import MAX_BATCH, JobItem, JobItems, Operation, Outcome, Target
from ymdesk.core.runs.events import Event, JobCreated, PrepareStep, Preparing, Progress, Waiting, WaitKind

if TYPE_CHECKING:
    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.sheets.catalog import Catalog
    from ymdesk.core.sheets.skus import SkuCheck

# Runs above this many SKUs must be confirmed by typing the count (app and CLI alike).
LARGE_RUN = 1000

C = "RunPlan"


# ------------------------------------------------------------------ the target


class TargetError(UserError):
    """The target lacks an id its operation needs, or has one it must not.

    `field` is "campaign_id", "business_id", "promo_id" or "all_offers"; `problem` is "missing", "not_positive"
    or "not_allowed". The CLI words it with its option names; the app never lets it happen.
    """

    def __init__(self, operation: Operation, field: str, problem: str) -> None:
        super().__init__(
            Message.translate("RunPlan", "{operation}: the target's {field} is {problem}.").with_args(
                operation=operation.value, field=field, problem=problem
            )
        )
        self.operation, self.field, self.problem = operation, field, problem


def takes_campaign(operation: Operation) -> bool:
    """Operations on one store (campaign); the others work on the business."""
    return operation in (Operation.DELETE_OFFERS, Operation.REMOVE_PRICES)


def build_target(
    operation: Operation,
    *,
    campaign_id: int | None = None,
    business_id: int | None = None,
    promo_id: str | None = None,
    all_offers: bool = False,
) -> Target:
    """The target `operation` works on, from whatever ids are known. Raises TargetError when one is missing."""
    for field, value in (("campaign_id", campaign_id), ("business_id", business_id)):
        if value is not None and value < 1:
            raise TargetError(operation, field, "not_positive")
    if takes_campaign(operation):
        if campaign_id is None:
            raise TargetError(operation, "campaign_id", "missing")
    elif business_id is None:
        raise TargetError(operation, "business_id", "missing")
    if operation is Operation.DELETE_PROMO_OFFERS:
        if not promo_id:
            raise TargetError(operation, "promo_id", "missing")
    elif all_offers:
        raise TargetError(operation, "all_offers", "not_allowed")
    return Target(
        campaign_id=campaign_id if takes_campaign(operation) else None,
        business_id=business_id,
        promo_id=promo_id if operation is Operation.DELETE_PROMO_OFFERS else None,
        all_offers=all_offers,
    )


def campaign_of(operation: Operation, target: Target) -> int:
    if target.campaign_id is None:
        raise TargetError(operation, "campaign_id", "missing")
    return target.campaign_id


def business_of(operation: Operation, target: Target) -> int:
    if target.business_id is None:
        raise TargetError(operation, "business_id", "missing")
    return target.business_id


def promo_of(operation: Operation, target: Target) -> str:
    if not target.promo_id:
        raise TargetError(operation, "promo_id", "missing")
    return target.promo_id


def whole_target(operation: Operation, target: Target | None) -> bool:
    """One request for the whole store or promo, no SKU list (remove prices, leave a promo)."""
    return not operation.takes_skus or bool(target and target.all_offers)


# ------------------------------------------------------------------ counts and the plan


@dataclass(frozen=True)
class PickCounts:
    """What the picked rows hold, counted the way Catalog.job_items builds a job: every invalid picked
    row, and the first picked row of each valid trimmed SKU (later repeats are dropped)."""

    picked: int
    valid: int  # unique valid SKUs: what is sent
    invalid: int
    duplicates: int  # valid picked rows dropped as repeats

    @classmethod
    def of(cls, check: SkuCheck, picked: npt.NDArray[np.bool_] | None = None) -> PickCounts:
        """Vectorised over the catalog's SkuCheck (cheap for 500k rows); `picked` None means every row."""
        mask = np.ones(len(check), dtype=bool) if picked is None else np.asarray(picked, dtype=bool)
        valid_rows = mask & check.valid
        valid = int(np.unique(check.group[valid_rows]).size)
        invalid = int((mask & check.invalid).sum())
        return cls(int(mask.sum()), valid, invalid, int(valid_rows.sum()) - valid)


@dataclass(frozen=True)
class WindowUse:
    """How much of the operation's rate-limit window earlier requests to the same store already spent."""

    units: int = 0
    elapsed: float = 0.0  # seconds since that window began


def window_use(journal: Journal, operation: Operation, target: Target, now: float | None = None) -> WindowUse:
    """From the journal: SKUs answered for this store (or business) within the last window, by any job."""
    limits = DEFAULT_LIMITS[operation]
    moment = datetime.fromtimestamp(time.time() if now is None else now, UTC)
    since = (moment - timedelta(seconds=limits.window)).isoformat(timespec="seconds")
    skus, earliest = journal.answered_since(operation, target, since)
    if not skus or earliest is None:
        return WindowUse()
    elapsed = max(0.0, (moment - datetime.fromisoformat(earliest)).total_seconds())
    return WindowUse(skus if limits.per_sku else 1, elapsed)


@dataclass(frozen=True)
class Confirmation:
    """How a run is confirmed: a yes/no question (No by default), or typing `expected` (the count or an id)."""

    typed: bool
    expected: str = ""

    def accepts(self, answer: str) -> bool:
        if not self.typed:
            return answer.strip().lower() in ("y", "yes", "д", "да")
        return _digits_only(answer) == _digits_only(self.expected)


def _digits_only(text: str) -> str:
    """ "1 001", "1,001", "1 001" (a no-break space, as the Russian locale groups) all read as 1001."""
    return "".join(ch for ch in text.strip() if not ch.isspace() and ch not in ",.'")


@dataclass(frozen=True)
class RunPlan:
    """What a run will do. `job_id` is set when the plan resumes a job from the journal."""

    operation: Operation
    target: Target | None
    target_name: str = ""  # how the person knows the target: «Shop» (21000001); empty when unknown
    picked: int = 0
    valid: int = 0  # SKUs to send (for a resume: the ones still to send)
    invalid: int = 0
    duplicates: int = 0
    batch_size: int = MAX_BATCH
    batches: int = 0
    seconds: float = 0.0
    limits: RateLimits | None = None
    window: WindowUse = WindowUse()
    job_id: int | None = None
    done: int = 0  # a resume: SKUs that already have their final outcome

    @property
    def items_total(self) -> int:
        """SKUs the job records: the valid ones sent plus the invalid ones reported."""
        return self.valid + self.invalid

    @property
    def whole(self) -> bool:
        return whole_target(self.operation, self.target)

    @property
    def can_start(self) -> bool:
        return self.target is not None and (self.whole or self.valid > 0)

    @property
    def target_label(self) -> str:
        """The target as a confirmation names it: its name and the id that matters, "Shop (21000001)"."""
        if self.target is None:
            return ""
        if self.operation is Operation.DELETE_PROMO_OFFERS:
            key: object = self.target.promo_id
        elif takes_campaign(self.operation):
            key = self.target.campaign_id
        else:
            key = self.target.business_id
        return f"{self.target_name} ({key})" if self.target_name else str(key)

    @property
    def resumes(self) -> bool:
        return self.job_id is not None

    @property
    def confirmation(self) -> Confirmation:
        if self.whole:
            assert self.target is not None
            if self.operation is Operation.REMOVE_PRICES:
                return Confirmation(True, str(self.target.campaign_id))
            return Confirmation(True, str(self.target.promo_id))
        if self.valid > LARGE_RUN:
            return Confirmation(True, str(self.valid))
        return Confirmation(False)

    @property
    def needs_typed_confirmation(self) -> bool:
        return self.confirmation.typed

    def estimate(self) -> Message:
        """ "about 3 min 20 s": the same words in the preview, the confirmation and the CLI."""
        return Message.translate("RunPlan", "about {duration}").with_args(duration=duration(self.seconds))

    def describe(self) -> list[Message]:
        """The preview, line by line (the app shows it as it is; the CLI prints `summary`)."""
        if self.target is None:
            return [
                Message.translate(
                    "RunPlan", "Choose the store (and the promo, for promo operations) to see what will be sent."
                )
            ]
        if self.operation is Operation.REMOVE_PRICES:
            return [
                Message.translate(
                    "RunPlan", "All prices set through the API will be removed in the whole store, in one request."
                )
            ]
        if self.whole:
            return [
                Message.translate("RunPlan", "The store leaves the promo entirely: all its products, in one request.")
            ]
        lines = []
        if self.resumes:
            if self.done:
                lines.append(
                    Message.translate(
                        "RunPlan", "Resuming run #{job}: {done:n} {done:plural:SKU is|SKUs are} already done."
                    ).with_args(job=self.job_id, done=self.done)
                )
            lines.append(Message.translate("RunPlan", "SKUs left to send: {count:n}").with_args(count=self.valid))
        else:
            lines += [
                Message.translate("RunPlan", "Picked rows: {count:n}").with_args(count=self.picked),
                Message.translate("RunPlan", "Valid SKUs to send: {count:n}").with_args(count=self.valid),
                Message.translate("RunPlan", "Invalid (not sent, listed in the report): {count:n}").with_args(
                    count=self.invalid
                ),
                Message.translate("RunPlan", "Duplicates (sent once): {count:n}").with_args(count=self.duplicates),
            ]
        lines += [
            Message.translate("RunPlan", "Batches: {count:n}").with_args(count=self.batches),
            Message.translate("RunPlan", "Estimated time: {estimate}").with_args(estimate=self.estimate()),
        ]
        if self.window.units:
            lines.append(
                Message.translate(
                    "RunPlan",
                    "{units:n} {units:plural:SKU was|SKUs were} sent to this store within the last limit window; "
                    "they count too.",
                ).with_args(units=self.window.units)
            )
        if not self.valid:
            lines.append(Message.translate("RunPlan", "There is nothing valid to send: pick rows with valid SKUs."))
        return lines

    def summary(self) -> Message:
        """One line for the CLI: what goes where, in how many batches, and the same estimate as the app's."""
        from ymdesk.core.wording import target_title

        target = target_title(self.target, self.target_name) if self.target else "-"
        operation = Message("Operation", self.operation.label)
        if self.whole:
            return Message.translate("RunPlan", "Plan: {operation}, {target}: one request.").with_args(
                operation=operation, target=target
            )
        return Message.translate(
            "RunPlan",
            "Plan: {operation}, {target}: {count:n} {count:plural:SKU|SKUs} in {batches:n} "
            "{batches:plural:batch|batches}, {invalid:n} invalid (not sent); {estimate}.",
        ).with_args(
            operation=operation,
            target=target,
            count=self.valid,
            batches=self.batches,
            invalid=self.invalid,
            estimate=self.estimate(),
        )


def plan_run(
    operation: Operation,
    target: Target | None,
    counts: PickCounts,
    batch_size: int = MAX_BATCH,
    *,
    target_name: str = "",
    limits: RateLimits | None = None,
    window: WindowUse = WindowUse(),
) -> RunPlan:
    """The plan of a new run over the picked rows counted in `counts`."""
    limits = limits or DEFAULT_LIMITS[operation]
    plan = RunPlan(operation, target, target_name, counts.picked, batch_size=batch_size, limits=limits, window=window)
    if plan.whole:
        return replace(plan, batches=1, seconds=SECONDS_PER_REQUEST)
    return _with_estimate(
        replace(plan, valid=counts.valid, invalid=counts.invalid, duplicates=counts.duplicates),
    )


def plan_resume(
    journal: Journal,
    job_id: int,
    *,
    target_name: str = "",
    limits: RateLimits | None = None,
    window: WindowUse | None = None,
    retry_failed: bool = False,
) -> RunPlan:
    """The plan of resuming a journal job: what is left (with `retry_failed`, also the SKUs that failed for a
    retriable cause), and the window earlier requests already used. Raises KeyError when there is no such job."""
    job = journal.job(job_id)
    target_name = target_name or job.target_name or ""
    counts = journal.counts(job_id)
    left = sum(n for outcome, n in counts.items() if outcome.needs_sending)
    if retry_failed:
        left += journal.retriable_failures(job_id)
    total = sum(counts.values())
    invalid = counts.get(Outcome.INVALID, 0)
    if window is None:
        window = window_use(journal, job.operation, job.target)
    plan = RunPlan(
        job.operation,
        job.target,
        target_name,
        picked=total,
        invalid=invalid,
        batch_size=job.batch_size,
        limits=limits or DEFAULT_LIMITS[job.operation],
        window=window,
        job_id=job_id,
        done=total - left - invalid,
    )
    if plan.whole:
        return replace(plan, batches=1, seconds=SECONDS_PER_REQUEST)
    return _with_estimate(replace(plan, valid=left))


def _with_estimate(plan: RunPlan) -> RunPlan:
    limits = plan.limits or DEFAULT_LIMITS[plan.operation]
    batches = -(-plan.valid // max(1, plan.batch_size)) if plan.valid else 0
    seconds = (
        estimate_seconds(
            plan.valid, limits, plan.batch_size, used=plan.window.units, window_elapsed=plan.window.elapsed
        )
        if plan.valid
        else 0.0
    )
    return replace(plan, batches=batches, seconds=seconds)


# ------------------------------------------------------------------ words


def duration(seconds: float) -> Message:
    """A duration in words, rounded so an estimate does not pretend to be exact (and never "0 s" for a run)."""
    total = max(1, round(seconds)) if seconds > 0 else 0
    if total < 60:
        return Message.translate("Duration", "{seconds} s").with_args(seconds=total)
    minutes, secs = divmod(total, 60)
    if minutes < 10:
        return Message.translate("Duration", "{minutes} min {seconds} s").with_args(minutes=minutes, seconds=secs)
    if minutes < 60:
        return Message.translate("Duration", "{minutes} min").with_args(minutes=round(total / 60))
    hours, minutes = divmod(round(total / 60), 60)
    return Message.translate("Duration", "{hours} h {minutes} min").with_args(hours=hours, minutes=minutes)


def report_path(
    job_id: int, operation: Operation, kind: str = "xlsx", folder: Path | None = None, *, scope: str = ""
) -> Path:
    """Where a job's report goes unless the person chooses otherwise: the same name from the CLI and the app.
    `scope` names a report other than the default (the SKUs that did not succeed): "all", "shown"."""
    tail = f"-{scope}" if scope else ""
    return (folder or paths.reports_dir()) / f"ymdesk-job-{job_id}-{operation.value}{tail}.{kind}"


# ------------------------------------------------------------------ starting a run


@dataclass(frozen=True)
class JobSource:
    """Where a new job's SKUs come from: the picked rows of a catalog (`picked` None: every row)."""

    catalog: Catalog | None = None
    picked: npt.NDArray[np.bool_] | None = None

    def items(self) -> JobItems:
        """The picked SKUs as columns (about 0.5 s for 1M): call it off the GUI thread."""
        if self.catalog is None:
            return JobItems([], [])
        with collector_paused():  # no garbage collection over the items while they are built
            return self.catalog.job_items(self.picked)


def create_job(
    journal: Journal, plan: RunPlan, items: Sequence[JobItem], api_url: str, catalog: Catalog | None = None
) -> int:
    """Record the planned job and its SKUs (invalid ones get their final outcome now)."""
    if plan.target is None:
        raise TargetError(plan.operation, "target", "missing")
    return journal.create_job(
        plan.operation,
        plan.target,
        [] if plan.whole else items,
        api_url=api_url,
        batch_size=plan.batch_size,
        source_file=str(catalog.path.resolve()) if catalog is not None else None,
        sheet=catalog.sheet if catalog is not None else None,
        sku_column=catalog.sku_column if catalog is not None else None,
        target_name=plan.target_name or None,
    )


def start_run(
    journal: Journal,
    client: MarketClient,
    plan: RunPlan,
    *,
    source: JobSource = JobSource(),
    cancel: threading.Event | None = None,
    retry_failed: bool = False,
) -> Iterator[Event]:
    """Run `plan`: create its job (or take the journal job it resumes), yield `JobCreated`, then the runner's
    events. A plain generator: the CLI loops over it, the app's worker turns its events into signals.
    The runner watches `cancel`; the client is closed when the run ends."""
    from ymdesk.core.runs.runner import JobRunner

    steps = 1 if plan.resumes or plan.whole else 3
    if plan.job_id is None:
        if not plan.whole:
            yield Preparing(PrepareStep.COLLECTING, 1, steps, plan.items_total)
        items = [] if plan.whole else source.items()
        if not plan.whole:
            yield Preparing(PrepareStep.RECORDING, 2, steps, len(items))
        journal.quick_check()  # a damaged journal stops before the job is recorded (the runner's check is then free)
        job_id = create_job(journal, plan, items, client.base_url, source.catalog)
        recorded = JobItems.of([] if plan.whole else items)
        # What the journal now holds, so the runner need not count it again (a scan: 0.4 s per 1M SKUs).
        counts = {Outcome.PENDING: recorded.sendable, Outcome.INVALID: len(recorded) - recorded.sendable}
        known: dict[Outcome, int] | None = {outcome: n for outcome, n in counts.items() if n}
        del items, recorded  # the journal holds them now
    else:
        job_id, known = plan.job_id, None
    yield JobCreated(job_id)
    yield Preparing(PrepareStep.LOADING, steps, steps, plan.valid)
    with client:
        runner = JobRunner(
            client, journal, job_id, limits=plan.limits, cancel=cancel, counts=known, retry_failed=retry_failed
        )
        yield from runner.run()


# ------------------------------------------------------------------ time left while running


class RunEta:
    """Time left while a run goes, from the same estimator as the preview: what is left, plus the rest of
    the current limit window when more than it allows is left. It does not extrapolate the pace so far,
    so a wait does not make it jump ("20 min", then "32 min"); it only counts down."""

    def __init__(self, plan: RunPlan, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = plan.limits or DEFAULT_LIMITS[plan.operation]
        self._batch_size = plan.batch_size
        self._clock = clock
        self._left = plan.valid
        now = clock()
        self._used = plan.window.units
        self._window_start = now - plan.window.elapsed
        self._done = plan.done + plan.invalid  # SKUs with a final outcome before the first request
        self._wait_until = 0.0
        self._fresh_after_wait = False

    def feed(self, event: Event) -> None:
        now = self._clock()
        if isinstance(event, Progress):
            sent = event.done - self._done
            self._done, self._left = event.done, max(0, event.total - event.done)
            if self._fresh_after_wait or now - self._window_start >= self._limits.window:
                self._window_start, self._used = now, 0
                self._fresh_after_wait = False
            self._used += self._limits.cost(sent) if sent > 0 else 0
            self._wait_until = 0.0
        elif isinstance(event, Waiting):
            limit_wait = event.kind in (WaitKind.PACING, WaitKind.RATE_LIMIT)
            if limit_wait and self._wait_until <= now and 0 < self._used < self._limits.amount:
                # The window filled up before the assumed limit: Market's (from its headers) is lower. Learn it
                # once, here, so the rest of the run counts down from the truth instead of drifting up.
                window = max(1.0, now + event.seconds_left - self._window_start)
                self._limits = RateLimits(self._used, window, self._limits.per_sku)
            self._wait_until = now + event.seconds_left
            # A limit wait ends with a fresh window; a retry or a lock keeps the current one.
            self._fresh_after_wait = limit_wait

    def seconds_left(self) -> float:
        if self._left <= 0:
            return 0.0
        now = self._clock()
        if self._wait_until > now:
            used = 0 if self._fresh_after_wait else self._used
            elapsed = 0.0 if self._fresh_after_wait else now - self._window_start
            rest = estimate_seconds(self._left, self._limits, self._batch_size, used=used, window_elapsed=elapsed)
            return self._wait_until - now + rest
        return estimate_seconds(
            self._left, self._limits, self._batch_size, used=self._used, window_elapsed=now - self._window_start
        )
