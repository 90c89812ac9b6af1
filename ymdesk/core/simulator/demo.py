"""The demo world: who is who in the simulated Market, seeded from a list of SKUs.

Layout, by each SKU's position i in the seed list (file order):
- i % 20 == 19: absent everywhere, so "not found" shows up;
- i % 10 == 4: in the catalog and the FBY store only;
- otherwise: in the catalog and the FBS store, and also in the FBY store when i % 3 == 0;
- i % 25 == 12: held in a Market warehouse (cannot be deleted from any store or the catalog);
- API prices: FBS store for its SKUs with i % 4 == 0, FBY store for its SKUs with i % 5 == 0;
- promos: WEEKLY has catalog SKUs with i % 7 == 1, FLASH those with i % 11 == 2, BESTSELLERS is empty
  (not participating, can be joined). The other business holds the first 20 SKUs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ymdesk.core.simulator.state import MarketState, Promo

DEMO_API_KEY = "ymdesk-demo-key"
# A key for the demo business with the read-only scope: listing works, deleting answers 403.
DEMO_READ_ONLY_API_KEY = "ymdesk-demo-read-only-key"
# A key for the other business only; the demo key gets 403 there.
OTHER_API_KEY = "ymdesk-other-key"

DEMO_BUSINESS_ID = 10000001
DEMO_BUSINESS_NAME = "Демо-кабинет"
DEMO_FBS_CAMPAIGN_ID = 21000001
DEMO_FBY_CAMPAIGN_ID = 21000002
# The store the demo deletes from (the CLI's `demo` command uses this name).
DEMO_CAMPAIGN_ID = DEMO_FBS_CAMPAIGN_ID
# Extra demo stores (extra_campaigns=N) get ids from here on.
FIRST_EXTRA_CAMPAIGN_ID = 21000003
OTHER_BUSINESS_ID = 10000002
OTHER_CAMPAIGN_ID = 22000001

# Market promo ids look like "#6001": mind the "#" in a shell (`--promo '#600101'`).
PROMO_WEEKLY_ID = "#600101"
PROMO_FLASH_ID = "#600102"
PROMO_BESTSELLERS_ID = "#600103"
OTHER_PROMO_ID = "#600201"

SAMPLE_CATALOG_NAME = "sample_catalog.xlsx"
MSK = dt.timezone(dt.timedelta(hours=3))


def sample_catalog_path() -> Path:
    """The bundled sample catalog (installed package data, or resources/ in a source checkout)."""
    try:
        candidate = Path(str(resources.files("ymdesk.resources") / SAMPLE_CATALOG_NAME))
        if candidate.is_file():
            return candidate
    except ModuleNotFoundError:
        pass  # running from a source checkout, where resources/ is not inside the package
    return Path(__file__).resolve().parents[3] / "resources" / SAMPLE_CATALOG_NAME


# Alias used by ymdesk.cli.
sample_path = sample_catalog_path


def read_seed_skus(path: Path) -> list[str]:
    """Valid, unique, trimmed SKUs of a catalog file, in file order. Raises UserError."""
    from ymdesk.core.sheets.catalog import read_catalog  # imported late: the demo must not need it to import

    skus: list[str] = read_catalog(path).valid_skus()
    return skus


def build_demo_state(
    skus: Sequence[str] | None = None,
    *,
    seed_file: Path | None = None,
    extra_campaigns: int = 0,
    processing_seconds: float = 3.0,
) -> MarketState:
    """The demo Market, seeded from `skus`, else `seed_file`, else the bundled sample catalog."""
    if skus is None:
        skus = read_seed_skus(seed_file or sample_catalog_path())
    state = MarketState(processing_seconds=processing_seconds)
    _add_demo_business(state, list(skus), extra_campaigns)
    _add_other_business(state, list(skus[:20]))
    state.add_token(DEMO_API_KEY, {DEMO_BUSINESS_ID})
    state.add_token(DEMO_READ_ONLY_API_KEY, {DEMO_BUSINESS_ID}, ["all-methods:read-only"])
    state.add_token(OTHER_API_KEY, {OTHER_BUSINESS_ID})
    return state


def _add_demo_business(state: MarketState, skus: list[str], extra_campaigns: int) -> None:
    catalog = [sku for i, sku in enumerate(skus) if i % 20 != 19]
    business = state.add_business(DEMO_BUSINESS_ID, DEMO_BUSINESS_NAME, catalog)
    business.held_in_warehouse = {sku for i, sku in enumerate(skus) if i % 25 == 12 and i % 20 != 19}
    fbs = state.add_campaign(DEMO_FBS_CAMPAIGN_ID, DEMO_BUSINESS_ID, "Демо-магазин FBS", "FBS")
    fby = state.add_campaign(DEMO_FBY_CAMPAIGN_ID, DEMO_BUSINESS_ID, "Демо-магазин FBY", "FBY")
    for i, sku in enumerate(skus):
        if i % 20 == 19:
            continue
        if i % 10 != 4:
            fbs.offers[sku] = None
            if i % 4 == 0:
                fbs.api_prices[sku] = _price(i)
        if i % 10 == 4 or i % 3 == 0:
            fby.offers[sku] = None
            if i % 5 == 0:
                fby.api_prices[sku] = _price(i)
    placements = ("DBS", "FBS", "FBY", "LAAS")
    for n in range(extra_campaigns):
        domain = f"Демо-магазин {n + 3}"
        state.add_campaign(FIRST_EXTRA_CAMPAIGN_ID + n, DEMO_BUSINESS_ID, domain, placements[n % len(placements)])
    weekly = [sku for i, sku in enumerate(skus) if i % 7 == 1 and i % 20 != 19]
    flash = [sku for i, sku in enumerate(skus) if i % 11 == 2 and i % 20 != 19]
    state.add_promo(_promo(PROMO_WEEKLY_ID, DEMO_BUSINESS_ID, "Скидки недели", "DIRECT_DISCOUNT", weekly))
    state.add_promo(_promo(PROMO_FLASH_ID, DEMO_BUSINESS_ID, "Флеш-распродажа", "BLUE_FLASH", flash))
    bestsellers = _promo(PROMO_BESTSELLERS_ID, DEMO_BUSINESS_ID, "Бестселлеры Маркета", "DIRECT_DISCOUNT", [])
    bestsellers.bestseller = True
    bestsellers.potential_offers = min(len(catalog), 50)
    state.add_promo(bestsellers)


def _add_other_business(state: MarketState, skus: list[str]) -> None:
    state.add_business(OTHER_BUSINESS_ID, "Другой кабинет", skus)
    state.add_campaign(OTHER_CAMPAIGN_ID, OTHER_BUSINESS_ID, "Чужой магазин", "FBS", skus)
    state.add_promo(_promo(OTHER_PROMO_ID, OTHER_BUSINESS_ID, "Чужая акция", "DIRECT_DISCOUNT", skus[:5]))


def _promo(promo_id: str, business_id: int, name: str, mechanics: str, skus: list[str]) -> Promo:
    today = dt.datetime.now(MSK).replace(hour=0, minute=0, second=0, microsecond=0)
    return Promo(
        id=promo_id,
        business_id=business_id,
        name=name,
        date_from=(today - dt.timedelta(days=7)).isoformat(),
        date_to=(today + dt.timedelta(days=30, hours=23, minutes=59, seconds=59)).isoformat(),
        mechanics=mechanics,
        offers=dict.fromkeys(skus),
        potential_offers=len(skus) + 15,
        participating=bool(skus),
    )


def _price(i: int) -> float:
    return float(290 + (i * 137) % 9000)
