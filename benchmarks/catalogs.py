"""Realistic seller catalogs generated in code, cached in benchmarks/.data by size, seed and generator version.

Ten columns as in the cabinet's export, Cyrillic text, SKUs with leading zeros, about 1% invalid SKUs
(empty, only spaces, a control character, over 255 characters) and about 2% repeats of earlier SKUs.
Written as XLSX (xlsxwriter constant_memory, numbers as number cells) and as cp1251 CSV with ";".
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import numpy as np

#: Bump when the generated content changes, so cached files are regenerated.
GENERATOR_VERSION = 1
DEFAULT_SEED = 20261122
DATA_DIR = Path(os.environ.get("YMDESK_BENCH_DATA", Path(__file__).resolve().parent / ".data"))

HEADER = [
    "Ваш SKU *",
    "Название товара *",
    "Категория",
    "Бренд",
    "Цена",
    "Цена до скидки",
    "Штрихкод",
    "Остаток",
    "Описание товара",
    "Статус товара",
]
SKU_COLUMN = HEADER[0]
NUMBER_COLUMNS = (4, 5, 7)  # written as numbers in XLSX, as an export would

_NOUNS = ["Чайник", "Кружка", "Плед", "Фонарик", "Рюкзак", "Конструктор", "Блокнот", "Сковорода", "Наушники", "Шарф"]
_ADJECTIVES = ["синий", "большой", "детский", "складной", "керамический", "тёплый", "умный", "походный"]
_CATEGORIES = ["Дом и сад", "Игрушки", "Электроника", "Одежда", "Книги", "Спорт и отдых", "Кухня", "Канцелярия"]
_BRANDS = ["Ромашка", "СеверТех", "Уют", "Бобёр", "Заря", "Медведь", "Кедр", "Пчёлка"]
_STATUSES = ["Готов к продаже", "На проверке", "Нет в наличии", "Скрыт"]
_INVALID = ["", "   ", "АБВ\x07123", "Z" * 300]  # empty, only spaces, a control character, too long


def _skus(rows: int, rng: np.random.Generator) -> list[str]:
    numbers = rng.permutation(rows * 3)[:rows]
    skus = [f"{n:08d}" if n % 3 else f"АРТ-{n:07d}" for n in numbers.tolist()]  # leading zeros, Cyrillic prefix
    repeats = np.flatnonzero(rng.random(rows) < 0.02)
    repeats = repeats[repeats > 0]
    for index, source in zip(repeats.tolist(), (rng.random(len(repeats)) * repeats).astype(int).tolist(), strict=True):
        skus[index] = skus[source]
    for i, index in enumerate(np.flatnonzero(rng.random(rows) < 0.01).tolist()):
        skus[index] = _INVALID[i % len(_INVALID)]
    return skus


def catalog_rows(rows: int, seed: int = DEFAULT_SEED) -> list[list[object]]:
    """The data rows (no header): text cells as str, price and stock as int."""
    rng = np.random.default_rng(seed)
    skus = _skus(rows, rng)  # first from the generator, so sku_list() gets the same SKUs alone
    noun = rng.integers(0, len(_NOUNS), rows).tolist()
    adjective = rng.integers(0, len(_ADJECTIVES), rows).tolist()
    category = rng.integers(0, len(_CATEGORIES), rows).tolist()
    brand = rng.integers(0, len(_BRANDS), rows).tolist()
    price = rng.integers(99, 99_999, rows).tolist()
    stock = rng.integers(0, 500, rows).tolist()
    barcode = rng.integers(4_600_000_000_000, 4_699_999_999_999, rows).tolist()
    status = rng.integers(0, len(_STATUSES), rows).tolist()
    result = []
    for i in range(rows):
        name = f"{_NOUNS[noun[i]]} {_ADJECTIVES[adjective[i]]}, модель {i % 997}"
        result.append(
            [
                skus[i],
                name,
                _CATEGORIES[category[i]],
                _BRANDS[brand[i]],
                price[i],
                price[i] + price[i] // 5,
                str(barcode[i]),
                stock[i],
                f"{name}. Бренд {_BRANDS[brand[i]]}; гарантия {1 + i % 3} года.",
                _STATUSES[status[i]],
            ]
        )
    return result


def catalog_path(rows: int, kind: str, seed: int = DEFAULT_SEED) -> Path:
    return DATA_DIR / f"catalog-{rows}-s{seed}-v{GENERATOR_VERSION}.{kind}"


def ensure_catalog(rows: int, kind: str, seed: int = DEFAULT_SEED) -> Path:
    """The cached catalog file, generated first when missing (written to a temp name, then renamed)."""
    path = catalog_path(rows, kind, seed)
    if path.exists():
        return path
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".partial-{os.getpid()}.{kind}")
    data = catalog_rows(rows, seed)
    if kind == "xlsx":
        _write_xlsx(partial, data)
    elif kind == "csv":
        _write_csv(partial, data)
    else:
        raise ValueError(f"unknown catalog kind {kind!r}")
    partial.replace(path)
    return path


def _write_xlsx(path: Path, data: list[list[object]]) -> None:
    import xlsxwriter

    options = {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
               "strings_to_urls": False}  # fmt: skip
    book = xlsxwriter.Workbook(str(path), options)
    sheet = book.add_worksheet("Товары")
    for column, title in enumerate(HEADER):
        sheet.write_string(0, column, title)
    for row, cells in enumerate(data, 1):
        for column, value in enumerate(cells):
            if column in NUMBER_COLUMNS:
                sheet.write_number(row, column, value)  # type: ignore[arg-type]
            else:
                sheet.write_string(row, column, value)  # type: ignore[arg-type]
    book.close()


def _write_csv(path: Path, data: list[list[object]]) -> None:
    with path.open("w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(data)


def sku_list(rows: int, seed: int = DEFAULT_SEED) -> list[str]:
    """The SKU column of the catalog as the file holds it (raw cells), without building the other columns."""
    return _skus(rows, np.random.default_rng(seed))


if __name__ == "__main__":
    import sys

    for argument in sys.argv[1:]:
        size, kind = argument.split(":")
        print(ensure_catalog(int(size), kind), flush=True)
