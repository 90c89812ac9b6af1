"""Helpers shared by GUI tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd


def write_big_catalog(path: Path, rows: int) -> Path:
    """A large CSV catalog written fast with pyarrow: SKU, name, category, price; every 1000th SKU too long."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    index = np.arange(rows)
    skus = pd.Series(index).map("SKU-{:07d}".format)
    skus[999::1000] = "X" * 300
    table = pa.table(
        {
            "Ваш SKU": pa.array(skus, pa.string()),
            "Название товара": pa.array(pd.Series(index).map("Товар номер {}".format), pa.string()),
            "Категория": pa.array(np.where(index % 3 == 0, "Книги", "Игрушки"), pa.string()),
            "Цена": pa.array((100 + index % 50).astype(str), pa.string()),
        }
    )
    pacsv.write_csv(table, path, pacsv.WriteOptions(delimiter=";"))
    return path
