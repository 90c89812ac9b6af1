"""The layouts of issue 11 as files built in code, each with what reading it must give (header, first data row,
SKU column, rows, SKUs, invalid and hidden rows, encoding). Used by the CLI and the app tests alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.sheet_fixtures import (
    catalog_export_csv,
    export_description,
    write_catalog_template,
    write_marketplace_summary,
    write_price_template,
    write_stocks_report,
    write_text,
    write_xlsx,
)


@dataclass
class Layout:
    build: Callable[[Path], Path]
    header_row: int
    first_data_row: int
    sku_column: str
    rows: int
    skus: list[str]
    invalid: list[tuple[int, str, str]] = field(default_factory=list)  # (row, sku, a part of the reason)
    hidden: list[int] = field(default_factory=list)
    encoding: str | None = None


TEMPLATE_DATA = [
    {"Ваш SKU *": "ЧАЙ-001", "Название товара *": "Чайник электрический Утро", "Цена *": 1990},
    {"Ваш SKU *": 1234567890123456789, "Название товара *": "Чайник, SKU числом", "Цена *": 2490},
    {"Ваш SKU *": "ЧАЙ-003", "Название товара *": "Чайник скрытый", "Цена *": 3990},
    {"Ваш SKU *": "1234567890123456789", "Название товара *": "Чайник, SKU текстом", "Цена *": 990},
]


def export_rows(count: int) -> list[dict[str, str]]:
    return [
        {
            "Ваш SKU *": f"ЧАЙ-{index:03d}",
            "Название товара *": f"Чайник, модель {index}",
            "Описание товара *": export_description(index),
            "Цена *": "1 990,50",
        }
        for index in range(1, count + 1)
    ]


def short_cp1251(path: Path) -> Path:
    text = "Ваш SKU;Название товара;Цена\n" + "".join(f"SKU-{i};Чайник электрический {i};10\n" for i in range(1, 49))
    return write_text(path / "short.csv", text, "cp1251")


def long_cp1251(path: Path) -> Path:
    lines = [f"SKU-{i:05d};Товар номер {i} «тест»" for i in range(1, 2001)] + ["Артикул-кириллица;Товар"]
    return write_text(path / "long.csv", "Ваш SKU;Название товара\n" + "\n".join(lines) + "\n", "cp1251")


LAYOUTS = {
    "current-template": Layout(
        lambda d: write_catalog_template(d / "template.xlsx", TEMPLATE_DATA, hidden_data_rows=[10]),
        header_row=4,
        first_data_row=8,
        sku_column="Ваш SKU *",
        rows=4,
        skus=["ЧАЙ-001", "ЧАЙ-003", "1234567890123456789"],
        invalid=[(9, "1234567890123457024", "more than 15 digits")],
        hidden=[10],
    ),
    "template-without-role-words": Layout(
        lambda d: write_catalog_template(d / "template.xlsx", TEMPLATE_DATA[:1], roles=False),
        header_row=4,
        first_data_row=8,
        sku_column="Ваш SKU *",
        rows=1,
        skus=["ЧАЙ-001"],
    ),
    "export-csv-utf8-comma": Layout(
        lambda d: write_text(d / "export.csv", catalog_export_csv(export_rows(12)), "utf-8"),
        header_row=2,
        first_data_row=4,
        sku_column="Ваш SKU *",
        rows=12,
        skus=[f"ЧАЙ-{index:03d}" for index in range(1, 13)],
        encoding="utf-8",
    ),
    "export-resaved-cp1251-semicolon-crlf": Layout(
        lambda d: write_text(
            d / "export.csv", catalog_export_csv(export_rows(12), delimiter=";", newline="\r\n"), "cp1251"
        ),
        header_row=2,
        first_data_row=4,
        sku_column="Ваш SKU *",
        rows=12,
        skus=[f"ЧАЙ-{index:03d}" for index in range(1, 13)],
        encoding="cp1251",
    ),
    "short-cp1251": Layout(
        short_cp1251,
        header_row=1,
        first_data_row=2,
        sku_column="Ваш SKU",
        rows=48,
        skus=[f"SKU-{i}" for i in range(1, 49)],
        encoding="cp1251",
    ),
    "cp1251-cyrillic-skus": Layout(
        long_cp1251,
        header_row=1,
        first_data_row=2,
        sku_column="Ваш SKU",
        rows=2001,
        skus=[f"SKU-{i:05d}" for i in range(1, 2001)] + ["Артикул-кириллица"],
        encoding="cp1251",
    ),
    "stocks-report": Layout(
        lambda d: write_stocks_report(
            d / "stocks.xlsx",
            [[100234, "КР-001", "Кружка", "Софьино", 10, 8], [100235, "ФТ-002", "Футболка", "", 0, 0]],
        ),
        header_row=4,
        first_data_row=6,
        sku_column="Ваш SKU",
        rows=2,
        skus=["КР-001", "ФТ-002"],
    ),
    "price-template": Layout(
        lambda d: write_price_template(d / "prices.xlsx", [["A-1", "Кружка", 350, 400, 300, "да"], [1001, "Чашка", 5]]),
        header_row=2,
        first_data_row=3,
        sku_column="Ваш SKU",
        rows=2,
        skus=["A-1", "1001"],
    ),
    "marketplace-summary-with-totals": Layout(
        lambda d: write_marketplace_summary(
            d / "summary.xlsx", [["A-1", "Кружка", 3, 2, 5, 10], ["B-2", "Чашка", 1, 0, 4, 5]]
        ),
        header_row=1,
        first_data_row=2,
        sku_column="Артикул",
        rows=3,
        skus=["A-1", "B-2"],
        invalid=[(4, "ИТОГО", "totals row")],
    ),
    "hidden-row-under-header": Layout(
        lambda d: write_xlsx(
            d / "hidden.xlsx",
            {"Лист1": [["Ваш SKU", "Название товара"], ["-12", "служебная"], ["A-1", "Кружка"], ["B-2", "Чашка"]]},
            hidden_rows={"Лист1": [2, 4]},
        ),
        header_row=1,
        first_data_row=3,
        sku_column="Ваш SKU",
        rows=2,
        skus=["A-1", "B-2"],
        hidden=[4],
    ),
}
