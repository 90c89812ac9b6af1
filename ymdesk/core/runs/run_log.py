"""What a run's log says, in the same words in the app and the CLI: what ymdesk does before the first
request ("Preparing 300,000 SKUs…") and what happened to each batch ("Batch 3 of 600: 498 deleted, 2 not in
the store")."""

from __future__ import annotations

from collections.abc import Mapping

from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message
from ymdesk.core.model import Operation, Outcome
from ymdesk.core.runs.events import Event, JobCreated, PrepareStep, Preparing, Progress

# How a batch line counts each outcome ({count} is filled in), by operation where the words differ.
_OUTCOME_WORDS: dict[tuple[Operation | None, Outcome], str] = {
    (None, Outcome.DELETED): QT_TRANSLATE_NOOP("RunLog", "{count:n} deleted"),
    (Operation.DELETE_PROMO_OFFERS, Outcome.DELETED): QT_TRANSLATE_NOOP("RunLog", "{count:n} removed from the promo"),
    (None, Outcome.NOT_DELETED): QT_TRANSLATE_NOOP("RunLog", "{count:n} not deleted"),
    (Operation.DELETE_OFFERS, Outcome.NOT_DELETED): QT_TRANSLATE_NOOP(
        "RunLog", "{count:n} not in the store or held in a Market warehouse"
    ),
    (Operation.DELETE_FROM_CATALOG, Outcome.NOT_DELETED): QT_TRANSLATE_NOOP(
        "RunLog", "{count:n} held in a Market warehouse"
    ),
    (None, Outcome.REJECTED): QT_TRANSLATE_NOOP("RunLog", "{count:n} refused by Market"),
    (None, Outcome.FAILED): QT_TRANSLATE_NOOP("RunLog", "{count:n} failed"),
    (None, Outcome.CANCELLED): QT_TRANSLATE_NOOP("RunLog", "{count:n} not sent"),
    (None, Outcome.UNANSWERED): QT_TRANSLATE_NOOP("RunLog", "{count:n} sent without an answer (resume checks them)"),
    (None, Outcome.ARCHIVED): QT_TRANSLATE_NOOP("RunLog", "{count:n} archived"),
    (None, Outcome.UNARCHIVED): QT_TRANSLATE_NOOP("RunLog", "{count:n} brought back from the archive"),
}
_OTHER = QT_TRANSLATE_NOOP("RunLog", "{count:n} {outcome}")

_PREPARING = {
    PrepareStep.COLLECTING: QT_TRANSLATE_NOOP("RunLog", "Preparing {count:n} {count:plural:SKU|SKUs}…"),
    PrepareStep.RECORDING: QT_TRANSLATE_NOOP("RunLog", "Recording {count:n} {count:plural:SKU|SKUs} in the journal…"),
    PrepareStep.LOADING: QT_TRANSLATE_NOOP(
        "RunLog", "Reading the {count:n} {count:plural:SKU|SKUs} to send from the journal…"
    ),
}


def preparing_message(event: Preparing) -> Message:
    return Message("RunLog", _PREPARING[event.step], {"count": event.skus})


def outcome_words(operation: Operation, outcome: Outcome, count: int) -> Message:
    text = _OUTCOME_WORDS.get((operation, outcome)) or _OUTCOME_WORDS.get((None, outcome))
    if text is None:
        return Message("RunLog", _OTHER, {"count": count, "outcome": outcome.value})
    return Message("RunLog", text, {"count": count})


class RunLog:
    """Turns a run's events into log lines. Feed it every event in order; it keeps the counts it last saw
    so a batch line says what that batch alone did. `before` is what the journal held before this run sent
    anything (a resume); SKUs the runner sends again are not counted as already done."""

    def __init__(self, operation: Operation, before: Mapping[Outcome, int] | None = None) -> None:
        self.operation = operation
        self._seen: dict[Outcome, int] = {o: n for o, n in (before or {}).items() if not o.needs_sending}

    def lines(self, event: Event) -> list[Message]:
        if isinstance(event, Preparing):
            return [preparing_message(event)]
        if isinstance(event, JobCreated):
            return [Message.translate("RunLog", "Run #{job} is recorded in the journal.").with_args(job=event.job_id)]
        if isinstance(event, Progress):
            return [self.batch_line(event)]
        return []

    def batch_line(self, event: Progress) -> Message:
        parts = []
        for outcome in Outcome:
            if outcome is Outcome.PENDING or outcome is Outcome.INVALID:  # invalid ones are never sent
                continue
            now = event.counts.get(outcome, 0)
            change = now - self._seen.get(outcome, 0)
            if change > 0:
                parts.append(outcome_words(self.operation, outcome, change))
        self._seen = {o: n for o, n in event.counts.items() if o is not Outcome.PENDING}
        return Message.translate("RunLog", "Batch {batch:n} of {batches:n}: {outcomes}.").with_args(
            batch=event.batch, batches=event.batches, outcomes=parts
        )
