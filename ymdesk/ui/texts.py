"""Words the windows share: operation, target, status and outcome titles (the run dialog, History, results)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from ymdesk.core.market.client import Campaign
from ymdesk.core.model import OUTCOME_TITLES, Operation, Outcome, Target
from ymdesk.core.runs.events import STATUS_TITLES, JobStatus
from ymdesk.i18n import fill


def status_title(status: JobStatus) -> str:
    return QCoreApplication.translate("HistoryDialog", STATUS_TITLES[status])


def operation_title(operation: Operation) -> str:
    return QCoreApplication.translate("Operation", operation.label)


def outcome_title(outcome: Outcome) -> str:
    return QCoreApplication.translate("Outcome", OUTCOME_TITLES[outcome])


def describe_target(target: Target, campaigns: Sequence[Campaign], name: str | None = None) -> str:
    """The target in words: «name» (id) for the store or business when the store list (or the journal's
    `name`) knows it, the promo, and "all products" when a promo is left entirely."""
    stores = {c.id: c.domain for c in campaigns}
    businesses = {c.business_id: c.business_name for c in campaigns}
    parts = []
    if target.campaign_id is not None:
        known = stores.get(target.campaign_id) or name or ""
        label = f"«{known}» ({target.campaign_id})" if known else str(target.campaign_id)
        parts.append(fill(QCoreApplication.translate("RunDialog", "store {store}"), store=label))
    elif target.business_id is not None:
        known = businesses.get(target.business_id) or ("" if target.promo_id else name) or ""
        label = f"«{known}» ({target.business_id})" if known else str(target.business_id)
        parts.append(fill(QCoreApplication.translate("RunDialog", "business {business}"), business=label))
    if target.promo_id is not None:
        promo = f"«{name}» ({target.promo_id})" if name else str(target.promo_id)  # a promo job's name is the promo's
        parts.append(fill(QCoreApplication.translate("RunDialog", "promo {promo}"), promo=promo))
    if target.all_offers:
        parts.append(QCoreApplication.translate("RunDialog", "all products"))
    return ", ".join(parts)
