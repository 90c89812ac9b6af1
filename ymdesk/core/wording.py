"""How runs are described to people, the same in the app and the CLI: the target with its name, as the seller
knows it («Демо-магазин FBS» (21000001)), and journal times (stored in UTC) in the local time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from ymdesk.core.messages import Message
from ymdesk.core.model import Target


def target_title(target: Target, name: str | None = None) -> Message:
    """The store, business or promo in words; with its name when known (the journal keeps it). A name given
    with its id already ("Shop (21000001)", as the app's confirmation writes it) or in «» is shown once."""
    name = _bare_name(name, target)
    if target.campaign_id is not None:
        if name:
            return Message.translate("Target", "store «{name}» ({id})").with_args(name=name, id=target.campaign_id)
        return Message.translate("Target", "store {id}").with_args(id=target.campaign_id)
    if target.promo_id is not None:
        args = {"promo": target.promo_id, "business": target.business_id, "name": name}
        if target.all_offers:
            if name:
                return Message.translate(
                    "Target", "promo «{name}» ({promo}) of business {business}, all products"
                ).with_args(args)
            return Message.translate("Target", "promo {promo} of business {business}, all products").with_args(args)
        if name:
            return Message.translate("Target", "promo «{name}» ({promo}) of business {business}").with_args(args)
        return Message.translate("Target", "promo {promo} of business {business}").with_args(args)
    if name:
        return Message.translate("Target", "business «{name}» ({id})").with_args(name=name, id=target.business_id)
    return Message.translate("Target", "business {id}").with_args(id=target.business_id)


def _bare_name(name: str | None, target: Target) -> str:
    name = (name or "").strip()
    for ident in (target.promo_id, target.campaign_id, target.business_id):
        if ident is not None and name.endswith(f"({ident})"):
            name = name[: -len(f"({ident})")].rstrip()
            break
    return name.removeprefix("«").removesuffix("»").strip()


def local_time(stamp: str | None, *, seconds: bool = False) -> str:
    """A journal time (ISO 8601, UTC) as local time, "2026-11-29 22:44"; "" for none. A stamp without a zone
    is taken as UTC, which is how the journal writes them."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
