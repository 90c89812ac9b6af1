"""What a run will do, before it starts: counts, batches, an estimated time, how to confirm it."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from ymdesk.core.model import JobItem, Operation, Target

#: Runs above this many SKUs must be confirmed by typing the count.
LARGE_RUN = 1000
#: A rough time for one request and its answer, for the estimate.
SECONDS_PER_REQUEST = 1.0


@dataclass
class RunPlan:
    operation: Operation
    target: Target | None
    picked: int
    items: list[JobItem] = field(default_factory=list)
    invalid: int = 0
    duplicates: int = 0
    batches: int = 0
    seconds: float = 0.0

    @property
    def whole(self) -> bool:
        """One request for the whole store or promo, no SKU list (remove prices, leave a promo)."""
        return not self.operation.takes_skus or bool(self.target and self.target.all_offers)

    @property
    def valid(self) -> int:
        return len(self.items) - self.invalid

    @property
    def can_start(self) -> bool:
        return self.target is not None and (self.whole or self.valid > 0)

    @property
    def needs_typed_confirmation(self) -> bool:
        return self.whole or self.valid > LARGE_RUN

    def describe(self) -> str:
        if self.target is None:
            return QCoreApplication.translate(
                "RunPlan", "Choose the store (and the promo, for promo operations) to see what will be sent."
            )
        if self.operation is Operation.REMOVE_PRICES:
            return QCoreApplication.translate(
                "RunPlan", "All prices set through the API will be removed in the whole store, in one request."
            )
        if self.whole:
            return QCoreApplication.translate(
                "RunPlan", "The store leaves the promo entirely: all its products, in one request."
            )
        lines = [
            QCoreApplication.translate("RunPlan", "Picked rows: %1").replace("%1", f"{self.picked:,}"),
            QCoreApplication.translate("RunPlan", "Valid SKUs to send: %1").replace("%1", f"{self.valid:,}"),
            QCoreApplication.translate("RunPlan", "Invalid (not sent, listed in the report): %1").replace(
                "%1", f"{self.invalid:,}"
            ),
            QCoreApplication.translate("RunPlan", "Duplicates (sent once): %1").replace("%1", f"{self.duplicates:,}"),
            QCoreApplication.translate("RunPlan", "Batches: %1").replace("%1", f"{self.batches:,}"),
            QCoreApplication.translate("RunPlan", "Estimated time: about %1").replace("%1", _duration(self.seconds)),
        ]
        if not self.valid:
            lines.append(
                QCoreApplication.translate("RunPlan", "There is nothing valid to send: pick rows with valid SKUs.")
            )
        return "\n".join(lines)


def _duration(seconds: float) -> str:
    from ymdesk.ui.run_dialog import format_duration

    return format_duration(seconds)


def estimate_seconds(operation: Operation, skus: int, batches: int) -> float:
    """Request time plus the waits the rate limit forces (the lowest tier's limits)."""
    from ymdesk.core.ratelimit import DEFAULT_LIMITS

    limits = DEFAULT_LIMITS[operation]
    units = skus if limits.per_sku else batches
    windows_waited = max(0, math.ceil(units / limits.amount) - 1)
    return batches * SECONDS_PER_REQUEST + windows_waited * limits.window


def plan_run(catalog, picked, operation: Operation, target: Target | None, batch_size: int, items=None) -> RunPlan:
    """`items`: the catalog's job items for `picked`, when already computed (they do not depend on the operation)."""
    picked_count = int(picked.sum())
    plan = RunPlan(operation, target, picked_count)
    if plan.whole:
        plan.batches = 1
        plan.seconds = SECONDS_PER_REQUEST
        return plan
    plan.items = list(items) if items is not None else catalog.job_items(picked)
    plan.invalid = sum(1 for item in plan.items if item.invalid)
    plan.duplicates = max(0, picked_count - len(plan.items))
    plan.batches = math.ceil(plan.valid / max(1, batch_size)) if plan.valid else 0
    plan.seconds = estimate_seconds(operation, plan.valid, plan.batches)
    return plan
