"""The layouts of issue 11 as files built in code, each with what reading it must give (header, first data row,
SKU column, rows, SKUs, invalid and hidden rows, encoding). Used by the CLI and the app tests alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.sheet_fixtures import (
    catalog_export_csv,
    export_rows,
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
    found: tuple[int, int, str]  # where the table is: header row, first data row, SKU column
    skus: list[str]
    invalid: list[tuple[int, str, str]] = field(default_factory=list)  # (row, sku, a part of the reason)
    hidden: list[int] = field(default_factory=list)
    encoding: str | None = None

    @property
    def rows(self) -> int:
        """Every data row holds a valid SKU or an invalid one."""
        return len(self.skus) + len(self.invalid)


TEMPLATE_DATA = [
    {"Ваш SKU *": "ЧАЙ-001", "Название товара *": "Чайник электрический Утро", "Цена *": 1990},
    {"Ваш SKU *": 1234567890123456789, "Название товара *": "Чайник, SKU числом", "Цена *": 2490},
    {"Ваш SKU *": "ЧАЙ-003", "Название товара *": "Чайник скрытый", "Цена *": 3990},
    {"Ваш SKU *": "1234567890123456789", "Название товара *": "Чайник, SKU текстом", "Цена *": 990},
]


def short_cp1251(path: Path) -> Path:
    text = "Ваш SKU;Название товара;Цена\n" + "".join(f"SKU-{i};Чайник электрический {i};10\n" for i in range(1, 49))
    return write_text(path / "short.csv", text, "cp1251")


def long_cp1251(path: Path) -> Path:
    lines = [f"SKU-{i:05d};Товар номер {i} «тест»" for i in range(1, 2001)] + ["Артикул-кириллица;Товар"]
    return write_text(path / "long.csv", "Ваш SKU;Название товара\n" + "\n".join(lines) + "\n", "cp1251")


def export_csv_layout(encoding: str, *, delimiter: str = ",", newline: str = "\n") -> Layout:
    """The cabinet's catalog export of 12 kettles, as saved with this encoding, delimiter and line end."""
    text = catalog_export_csv(export_rows(12), delimiter=delimiter, newline=newline)
    return Layout(
        lambda d: write_text(d / "export.csv", text, encoding),
        found=(2, 4, "Ваш SKU *"),
        skus=[f"ЧАЙ-{index:03d}" for index in range(1, 13)],
        encoding=encoding,
    )


def plain_cp1251_layout(build: Callable[[Path], Path], skus: list[str]) -> Layout:
    """A bare "Ваш SKU" CSV in Windows-1251: header on line 1, one valid SKU a row."""
    return Layout(build, found=(1, 2, "Ваш SKU"), skus=skus, encoding="cp1251")


LAYOUTS = {
    "current-template": Layout(
        lambda d: write_catalog_template(d / "template.xlsx", TEMPLATE_DATA, hidden_data_rows=[10]),
        found=(4, 8, "Ваш SKU *"),
        skus=["ЧАЙ-001", "ЧАЙ-003", "1234567890123456789"],
        invalid=[(9, "1234567890123457024", "more than 15 digits")],
        hidden=[10],
    ),
    "template-without-role-words": Layout(
        lambda d: write_catalog_template(d / "template.xlsx", TEMPLATE_DATA[:1], roles=False),
        found=(4, 8, "Ваш SKU *"),
        skus=["ЧАЙ-001"],
    ),
    "export-csv-utf8-comma": export_csv_layout("utf-8"),
    "export-resaved-cp1251-semicolon-crlf": export_csv_layout("cp1251", delimiter=";", newline="\r\n"),
    "short-cp1251": plain_cp1251_layout(short_cp1251, [f"SKU-{i}" for i in range(1, 49)]),
    "cp1251-cyrillic-skus": plain_cp1251_layout(
        long_cp1251, [f"SKU-{i:05d}" for i in range(1, 2001)] + ["Артикул-кириллица"]
    ),
    "stocks-report": Layout(
        lambda d: write_stocks_report(
            d / "stocks.xlsx",
            [[100234, "КР-001", "Кружка", "Софьино", 10, 8], [100235, "ФТ-002", "Футболка", "", 0, 0]],
        ),
        found=(4, 6, "Ваш SKU"),
        skus=["КР-001", "ФТ-002"],
    ),
    "price-template": Layout(
        lambda d: write_price_template(d / "prices.xlsx", [["A-1", "Кружка", 350, 400, 300, "да"], [1001, "Чашка", 5]]),
        found=(2, 3, "Ваш SKU"),
        skus=["A-1", "1001"],
    ),
    "marketplace-summary-with-totals": Layout(
        lambda d: write_marketplace_summary(
            d / "summary.xlsx", [["A-1", "Кружка", 3, 2, 5, 10], ["B-2", "Чашка", 1, 0, 4, 5]]
        ),
        found=(1, 2, "Артикул"),
        skus=["A-1", "B-2"],
        invalid=[(4, "ИТОГО", "totals row")],
    ),
    "hidden-row-under-header": Layout(
        lambda d: write_xlsx(
            d / "hidden.xlsx",
            {"Лист1": [["Ваш SKU", "Название товара"], ["-12", "служебная"], ["A-1", "Кружка"], ["B-2", "Чашка"]]},
            hidden_rows={"Лист1": [2, 4]},
        ),
        found=(1, 3, "Ваш SKU"),
        skus=["A-1", "B-2"],
        hidden=[4],
    ),
}
