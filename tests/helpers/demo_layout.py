"""Where the demo world puts each seed SKU, by its position i in the seed list: ymdesk/core/simulator/demo.py's
layout written out on its own, so tests can hold the simulator (and what the client reads from it) to it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLayout:
    skus: list[str]

    @property
    def absent(self) -> str:
        """The first SKU Market has nowhere (i % 20 == 19)."""
        return self.skus[19]

    @property
    def first_held(self) -> str:
        """The first SKU held in a Market warehouse (i == 12: in the catalog, the FBS and the FBY store)."""
        return self.skus[12]

    def _where(self, keep: Callable[[int], bool]) -> list[str]:
        return [sku for i, sku in enumerate(self.skus) if keep(i)]

    @property
    def catalog(self) -> list[str]:
        return self._where(lambda i: i % 20 != 19)

    @property
    def fbs(self) -> list[str]:
        return self._where(lambda i: i % 20 != 19 and i % 10 != 4)

    @property
    def fby(self) -> list[str]:
        return self._where(lambda i: i % 20 != 19 and (i % 10 == 4 or i % 3 == 0))

    @property
    def weekly(self) -> list[str]:
        """In the WEEKLY promo."""
        return self._where(lambda i: i % 7 == 1 and i % 20 != 19)

    @property
    def held(self) -> set[str]:
        """Held in a Market warehouse: no store and not the catalog can delete them."""
        return set(self._where(lambda i: i % 25 == 12 and i % 20 != 19))
