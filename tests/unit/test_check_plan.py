"""The check's own time estimate, next to the run's, from the documented limits (no sockets)."""

from __future__ import annotations

from ymdesk.core.model import Operation, Target
from ymdesk.core.runs.check import Where, plan_check


def test_the_estimate_says_when_the_check_is_slower_than_the_run():
    store = plan_check(Operation.DELETE_OFFERS, Target(campaign_id=1), 10_000)
    assert store is not None and store.requests == 50
    # 1,000 offers a minute to read against 5,000 SKUs a minute to delete
    assert store.slower_than_run and "longer than the run" in store.describe().english()
    catalog = plan_check(Operation.DELETE_FROM_CATALOG, Target(business_id=1), 1000, batch_size=200)
    assert catalog is not None and catalog.requests == 10 and not catalog.slower_than_run
    assert plan_check(Operation.REMOVE_PRICES, Target(campaign_id=1), 0) is None
    promo = plan_check(Operation.DELETE_PROMO_OFFERS, Target(business_id=1, promo_id="#1"), 40, promo_size=1200)
    assert promo is not None and promo.where is Where.PROMO and promo.requests == 3  # pages of 500
