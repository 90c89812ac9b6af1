"""GUI-only fixtures: offscreen Qt, a private data dir and settings file, an in-memory key store."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def ymdesk_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("YMDESK_HOME", str(home))
    monkeypatch.setenv("YMDESK_LANG", "en")
    return home


@pytest.fixture
def app_settings(tmp_path):
    from ymdesk.ui.settings import AppSettings

    return AppSettings.at_path(str(tmp_path / "settings.ini"))


@pytest.fixture
def catalog_frame():
    """Builds small catalog frames: ``catalog_frame(rows, bad_every=0)``."""
    return make_catalog_frame


def make_catalog_frame(rows: int, bad_every: int = 0) -> pd.DataFrame:
    """A small catalog like the seller cabinet's export: SKU, name, category, price (all text)."""
    skus = np.array([f"SKU-{i:06d}" for i in range(rows)], dtype=object)
    if bad_every:
        skus[::bad_every] = "bad sku!"
    return pd.DataFrame(
        {
            "Ваш SKU": pd.array(skus, dtype="str"),
            "Название товара": pd.array([f"Товар номер {i}" for i in range(rows)], dtype="str"),
            "Категория": pd.array(["Игрушки" if i % 3 else "Книги" for i in range(rows)], dtype="str"),
            "Цена": pd.array([str(100 + i % 50) for i in range(rows)], dtype="str"),
        }
    )
