"""Archive and unarchive on the runner's engine: what to send and what Market's answer means per SKU.

POST v2/businesses/{businessId}/offer-mappings/archive hides offers in every store of the business;
/unarchive brings them back. Both take up to 200 offerIds (Operation.max_batch). Archive answers
`notArchivedOffers` (offerId + reason: OFFER_HAS_STOCKS when the product is held in a Market
warehouse, else UNKNOWN); unarchive answers `notUnarchivedOfferIds`. Every other SKU of the batch
is done. Archive is the reversible choice next to a delete from the whole catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ymdesk.core.market.client import ArchiveResult, MarketClient
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message
from ymdesk.core.model import Operation, Outcome, Target
from ymdesk.core.runs.journal import OutcomeUpdate

C = "Archive"
ARCHIVE_OPERATIONS = (Operation.ARCHIVE, Operation.UNARCHIVE)

_NOT_ARCHIVED = {
    "OFFER_HAS_STOCKS": QT_TRANSLATE_NOOP(
        "Archive", "Not archived: the product is held in a Market warehouse (OFFER_HAS_STOCKS)."
    ),
}
_NOT_ARCHIVED_OTHER = QT_TRANSLATE_NOOP("Archive", "Not archived: Market refused ({code}).")
_NOT_UNARCHIVED = QT_TRANSLATE_NOOP(
    "Archive", "Not brought back from the archive: Market refused (the catalog may not have this SKU)."
)


def sender(client: MarketClient, operation: Operation, target: Target) -> Callable[[Sequence[str]], ArchiveResult]:
    business_id = target.business_id
    if business_id is None:
        raise ValueError("archive and unarchive need the business id")
    if operation is Operation.ARCHIVE:
        return lambda skus: client.archive_offers(business_id, list(skus))
    return lambda skus: client.unarchive_offers(business_id, list(skus))


def outcomes(
    operation: Operation, part: Sequence[tuple[int, str]], refused: dict[str, str | None]
) -> list[OutcomeUpdate]:
    """One update per (seq, sku) of the batch from what Market's 200 answer refused (with its reason)."""
    updates: list[OutcomeUpdate] = []
    for seq, sku in part:
        if sku not in refused:
            updates.append(
                OutcomeUpdate(seq, Outcome.ARCHIVED if operation is Operation.ARCHIVE else Outcome.UNARCHIVED)
            )
            continue
        code = refused[sku]
        if operation is Operation.UNARCHIVE:
            why = Message(C, _NOT_UNARCHIVED)
        elif code in _NOT_ARCHIVED:
            why = Message(C, _NOT_ARCHIVED[code])
        else:
            why = Message(C, _NOT_ARCHIVED_OTHER, {"code": code or "UNKNOWN"})
        updates.append(OutcomeUpdate(seq, Outcome.REJECTED, why, code, 200))
    return updates
