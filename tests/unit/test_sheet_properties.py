"""Property: what Excel writes in a Russian locale (cp1251, ';', LF or CRLF) comes back exactly, 3 to 100,000 rows."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ymdesk.core.sheets.catalog import read_catalog
from ymdesk.core.sheets.encoding import LEGACY, likeliest_legacy

WORDS = [
    "Чайник", "электрический", "Ёлка", "ёмкость", "чёрный", "Щётка", "для", "зубов", "Кружка", "Утро",
    "Футболка", "хлопковая", "размер", "Набор", "посуды", "из", "стекла", "Свёкла", "сушёная", "Жёлтый",
    "Полотенце", "махровое", "Подушка", "ортопедическая", "Зеркало", "настенное", "Ведёрко", "детское",
]  # fmt: skip
SKU_PARTS = ["ЧАЙ", "Ёж", "ЁЛКА", "ёж", "КР", "Щ", "ФТ", "арт", "SKU", "№", "«", "»", "-", "_", "/", ".", "ё", "Ё"]

words = st.sampled_from(WORDS)
name = st.builds(
    lambda parts, quoted, number: (
        " ".join(parts) + (f" «{quoted}»" if quoted else "") + (f" № {number}" if number else "")
    ),
    st.lists(words, min_size=1, max_size=5),
    st.one_of(st.none(), words),
    st.one_of(st.none(), st.integers(1, 999)),
)
sku = st.builds(
    lambda parts, digits: "".join(parts) + digits,
    st.lists(st.sampled_from(SKU_PARTS), min_size=1, max_size=4),
    st.from_regex(r"[0-9]{0,5}", fullmatch=True),
)
# Rows are built from a few drawn ones, repeated with the row's number added, so large files stay quick to make.
sizes = st.one_of(st.integers(3, 60), st.integers(60, 5_000), st.integers(5_000, 100_000))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    base=st.lists(st.tuples(sku, name, st.integers(0, 10**6)), min_size=1, max_size=12),
    rows=sizes,
    newline=st.sampled_from(["\n", "\r\n"]),
)
@example(base=[("ЧАЙ-№", "Чайник «Утро» чёрный № 5", 1990)], rows=100_000, newline="\r\n")
@example(base=[("Ёж", "Ёлка", 1)], rows=3, newline="\n")
@example(base=[("Ёж", "Ёлка", 0)], rows=14, newline="\n")  # was read as cp866
def test_cp1251_semicolon_files_read_back_exactly(base: list[tuple[str, str, int]], rows: int, newline: str) -> None:
    skus = [f"{base[i % len(base)][0]}~{i}" for i in range(rows)]  # "~" never in a drawn SKU: all distinct
    names = [base[i % len(base)][1] for i in range(rows)]
    prices = [f"{base[i % len(base)][2] / 100:.2f}".replace(".", ",") for i in range(rows)]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator=newline)
    writer.writerow(["Ваш SKU", "Название товара", "Цена"])
    writer.writerows(zip(skus, names, prices, strict=True))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.csv"
        path.write_bytes(buffer.getvalue().encode("cp1251"))
        catalog = read_catalog(path)
    assert catalog.encoding == "cp1251"
    assert catalog.columns == ["Ваш SKU", "Название товара", "Цена"]
    assert (catalog.header_row, catalog.first_data_row) == (1, 2)
    assert catalog.frame["Ваш SKU"].tolist() == skus
    assert catalog.frame["Название товара"].tolist() == names
    assert catalog.frame["Цена"].tolist() == prices
    assert catalog.rows.tolist() == list(range(2, rows + 2))
    assert catalog.valid_skus() == skus


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.tuples(sku, name), min_size=1, max_size=12),
    repeats=st.integers(1, 60),
    encoding=st.sampled_from(LEGACY),
)
@example(lines=[("Ёж", "Ёлка")], repeats=14, encoding="cp1251")  # was cp866: rare ё outweighed three ╨-capitals
def test_the_code_page_of_a_catalog_is_found(lines: list[tuple[str, str]], repeats: int, encoding: str) -> None:
    """A header and rows of made-up SKUs (any case, any order of parts) and names, repeated as catalogs do."""
    rows = "".join(f"{s}~{i};{n}\n" for i in range(repeats) for s, n in lines)
    text = "Ваш SKU;Название товара\n" + rows
    # cp866 has no «», koi8-r no «» and №: a tool saving in them writes "?" instead.
    assert likeliest_legacy(text.encode(encoding, errors="replace"))[0] == encoding
