"""Write resources/sample_catalog.xlsx: a small catalog that looks like a Market cabinet export.

    python resources/make_sample_catalog.py [OUT.xlsx]

Deterministic (fixed seed, fixed document dates), about 300 data rows, well under 100 KB. Layout as
in a cabinet export: row 1 merged group titles, row 2 headers (required ones end in " *"), row 3
hints, data from row 4 on a sheet named "Товары". The SKU column is text: leading zeros stay.

On purpose it holds the awkward cases a real export has: SKUs with leading zeros, Cyrillic SKUs,
"NA" and "null" (valid SKUs that pandas would turn into missing values), a few invalid SKUs
(blank, whitespace-only, too long, with a line break) and a few duplicates (one with trailing spaces).
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter

OUTPUT = Path(__file__).with_name("sample_catalog.xlsx")
SHEET = "Товары"
REGULAR_ROWS = 290
SEED = 20261122

GROUPS = [("Основная информация", 0, 3), ("Цены", 4, 5), ("Идентификаторы", 6, 7), ("Характеристики", 8, 9)]
HEADERS = [
    "Ваш SKU *",
    "Название товара *",
    "Категория",
    "Бренд",
    "Цена *",
    "Цена до скидки",
    "Штрихкод",
    "SKU на Маркете",
    "Вес, кг",
    "Описание",
]
HINTS = [
    "Уникальный идентификатор товара в вашей системе. До 255 символов, без переносов строк. "
    "Пробелы в начале и в конце будут удалены.",
    "Составьте название по схеме: тип товара, бренд, модель, важные характеристики.",
    "Категория Маркета, в которой будет размещён товар.",
    "Название бренда или производителя. Если бренда нет, укажите «Нет бренда».",
    "Цена в рублях, по которой покупатель купит товар.",
    "Цена без скидки в рублях. Должна быть больше основной цены хотя бы на 5%.",
    "Штрихкод EAN-13 с упаковки товара. Несколько штрихкодов перечислите через запятую.",
    "Идентификатор карточки на Маркете. Заполняется автоматически после сопоставления.",
    "Вес товара в упаковке в килограммах, с точностью до сотых.",
    "Подробное описание товара: назначение, материалы, комплектация. До 6000 символов.",
]

KINDS = [
    ("Электроника", ["Наушники беспроводные", "Пауэрбанк", "Колонка портативная", "Зарядное устройство"]),
    ("Дом и сад", ["Кружка керамическая", "Набор полотенец", "Лейка садовая", "Светильник настольный"]),
    ("Детские товары", ["Конструктор", "Пазл", "Мягкая игрушка", "Набор для рисования"]),
    ("Спорт и отдых", ["Коврик для йоги", "Бутылка для воды", "Скакалка", "Гантели виниловые"]),
    ("Красота и здоровье", ["Крем для рук", "Шампунь", "Зубная щётка", "Маска для лица"]),
    ("Продукты", ["Чай чёрный", "Кофе молотый", "Мёд цветочный", "Шоколад горький"]),
]
BRANDS = ["Северный ветер", "Солнышко", "ТехноДом", "Берёзка", "Нет бренда", "Zvezda", "Ладога", "Пчёлкин"]
QUALITIES = ["синий", "красный", "большой", "компактный", "500 г", "1 л", "набор из 3 шт.", "подарочный"]
DESCRIPTIONS = [
    "Практичный товар на каждый день. Поставляется в картонной коробке.",
    "Подходит для подарка. Гарантия производителя — 12 месяцев.",
    "Изготовлено из безопасных материалов. Не содержит BPA.",
    "Компактная упаковка, удобно брать с собой в поездку.",
]


@dataclass(frozen=True)
class Row:
    sku: str | None  # None: the cell is empty
    name: str
    category: str
    brand: str
    price: int
    old_price: int | None
    barcode: int
    market_sku: int | None
    weight: float
    description: str


def regular_sku(i: int) -> str:
    """A mix of the SKU styles sellers use."""
    if i % 3 == 0:
        return f"{i + 100:06d}"  # leading zeros: must stay text
    if i % 7 == 1:
        return f"КР-{i:04d}"  # Cyrillic
    if i % 11 == 2:
        return f"AB {i:03d}"  # an inner space is fine
    return f"ART-{1000 + i}"


def ean13(body12: int) -> int:
    digits = [int(d) for d in f"{body12:012d}"]
    check = (10 - sum(d * (3 if k % 2 else 1) for k, d in enumerate(digits)) % 10) % 10
    return body12 * 10 + check


def make_row(rng: random.Random, sku: str | None, i: int) -> Row:
    category, kinds = KINDS[i % len(KINDS)]
    brand = rng.choice(BRANDS)
    price = rng.randrange(199, 20000, 10)
    return Row(
        sku=sku,
        name=f"{rng.choice(kinds)} {brand} {rng.choice(QUALITIES)}",
        category=category,
        brand=brand,
        price=price,
        old_price=int(round(price * 1.25, -1)) if rng.random() < 0.6 else None,
        barcode=ean13(460_000_000_000 + rng.randrange(10**9)),
        market_sku=100_000_000_000 + rng.randrange(10**10) if rng.random() < 0.7 else None,
        weight=round(rng.uniform(0.05, 25.0), 2),
        description=rng.choice(DESCRIPTIONS),
    )


#: Where the awkward rows go (index into the regular rows they are inserted before), and their SKU.
SPECIAL_SKUS: list[tuple[int, str | None]] = [
    (5, "NA"),
    (6, "null"),
    (40, "   "),  # whitespace only: invalid
    (77, "X" * 256),  # too long: invalid
    (120, "ABC\n123"),  # line break: invalid
    (150, None),  # empty cell: invalid (required column)
    (200, regular_sku(3)),  # exact duplicate of a leading-zero SKU
    (230, regular_sku(10) + "   "),  # duplicate once trimmed
    (260, regular_sku(8)),  # duplicate of a Cyrillic SKU
]


def build_rows() -> list[Row]:
    rng = random.Random(SEED)
    specials = dict(SPECIAL_SKUS)
    rows = []
    for i in range(REGULAR_ROWS):
        if i in specials:
            rows.append(make_row(rng, specials[i], i))
        rows.append(make_row(rng, regular_sku(i), i))
    return rows


def write_sample_catalog(path: Path = OUTPUT) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    # Fixed document dates so the file is byte-identical on every run.
    workbook.set_properties({"created": dt.datetime(2026, 1, 15, 9, 0, 0), "author": "ymdesk"})
    formats = _formats(workbook)
    sheet = workbook.add_worksheet(SHEET)
    _write_head(sheet, formats)
    for r, row in enumerate(build_rows(), start=3):
        _write_row(sheet, r, row, formats)
    sheet.freeze_panes(3, 1)
    for col, width in enumerate([16, 48, 20, 18, 10, 14, 16, 16, 9, 60]):
        sheet.set_column(col, col, width)
    instructions = workbook.add_worksheet("Инструкция")
    instructions.write(0, 0, "Заполните лист «Товары». Обязательные поля отмечены звёздочкой.")
    workbook.close()
    return path


def _formats(workbook: xlsxwriter.Workbook) -> dict[str, xlsxwriter.format.Format]:
    return {
        "group": workbook.add_format({"bold": True, "align": "center", "bg_color": "#FFE9A8", "border": 1}),
        "header": workbook.add_format({"bold": True, "text_wrap": True, "bg_color": "#F2F2F2", "border": 1}),
        "required": workbook.add_format({"bold": True, "text_wrap": True, "bg_color": "#FCE4D6", "border": 1}),
        "hint": workbook.add_format({"italic": True, "text_wrap": True, "font_color": "#7F7F7F", "valign": "top"}),
        "text": workbook.add_format({"num_format": "@"}),
        "integer": workbook.add_format({"num_format": "0"}),
        "weight": workbook.add_format({"num_format": "0.00"}),
    }


def _write_head(sheet: xlsxwriter.worksheet.Worksheet, formats: dict[str, xlsxwriter.format.Format]) -> None:
    for title, first, last in GROUPS:
        sheet.merge_range(0, first, 0, last, title, formats["group"])
    for col, header in enumerate(HEADERS):
        sheet.write_string(1, col, header, formats["required" if header.endswith(" *") else "header"])
        sheet.write_string(2, col, HINTS[col], formats["hint"])
    sheet.set_row(2, 75)


def _write_row(
    sheet: xlsxwriter.worksheet.Worksheet, r: int, row: Row, formats: dict[str, xlsxwriter.format.Format]
) -> None:
    if row.sku is not None:
        sheet.write_string(r, 0, row.sku, formats["text"])  # as text, or "000123" loses its zeros
    else:
        sheet.write_blank(r, 0, None, formats["text"])
    sheet.write_string(r, 1, row.name)
    sheet.write_string(r, 2, row.category)
    sheet.write_string(r, 3, row.brand)
    sheet.write_number(r, 4, row.price, formats["integer"])
    if row.old_price is not None:
        sheet.write_number(r, 5, row.old_price, formats["integer"])
    sheet.write_number(r, 6, row.barcode, formats["integer"])
    if row.market_sku is not None:
        sheet.write_number(r, 7, row.market_sku, formats["integer"])
    sheet.write_number(r, 8, row.weight, formats["weight"])
    sheet.write_string(r, 9, row.description)


if __name__ == "__main__":
    print(write_sample_catalog(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
