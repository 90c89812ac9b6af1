"""ymdesk: bulk clean-up of Yandex Market catalogs through the Market Partner API."""

__version__ = "0.1.0"
