"""Where the table starts and which column holds the shop's SKUs, found the way a person would.

The header is the row, among the first 30 of a sheet, that has a SKU-like cell and the most cells a
catalog header usually has ("Название товара", "Цена", "Штрихкод"...). Headers are compared
ignoring case, spaces, "_", "-", "." and the " *" Market puts after required fields. The SKU column
is the shop's own SKU (offerId): "Ваш SKU" beats "SKU" beats "Артикул"; anything naming Market's own
card number (SKU на Маркете, marketSku) or a manufacturer code is never picked.

Market's catalog export puts one row of hints under the header ("Уникальный идентификатор товара...");
a row right below the header is taken for hints only when its SKU cell is prose (several words) and so
are most of its other cells, which a data row never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER_SCAN_ROWS = 30
_MAX_HEADER_CHARS = 60  # longer cells are prose or data, never a header: skip normalising them

_IGNORED = re.compile(r"[\s_\-.:*\"'«»“”()]+")


def normalize(header: str) -> str:
    """Case- and space-insensitive form of a header: "Ваш SKU *" -> "вашsku"."""
    return _IGNORED.sub("", header.casefold().replace("ё", "е"))


# Lower rank = clearer. Compared in normalized form.
_SKU_RANKS = {
    **dict.fromkeys(["вашsku", "offerid", "shopsku", "yoursku", "sellersku", "skuпродавца", "вашskuofferid"], 0),
    **dict.fromkeys(["sku", "артикулпродавца", "вашартикул", "merchantsku", "offer", "skuid", "skuкод"], 1),
    **dict.fromkeys(["артикул", "article", "articlenumber", "itemsku", "itemid", "productsku"], 2),
}
_SKU_FRAGMENTS = ("sku", "артикул", "offerid", "shopsku")
_NOT_SKU_FRAGMENTS = ("маркет", "market", "msku", "производител", "manufactur", "vendorcode", "модел", "model")
_FUZZY_RANK = 3

_HEADER_WORDS = frozenset(
    normalize(word)
    for word in (
        "Название товара", "Название", "Наименование", "Наименование товара", "Товар", "Цена", "Цена до скидки",
        "Цена со скидкой", "Старая цена", "Валюта", "НДС", "Штрихкод", "Штрихкоды", "Баркод", "Категория",
        "Категория на Маркете", "Бренд", "Производитель", "Описание", "Описание товара", "Количество", "Остаток",
        "Остатки", "Доступно", "Статус", "Статус товара", "SKU на Маркете", "Ссылка на изображение", "Изображение",
        "Фото", "Страна производства", "Вес", "Вес с упаковкой, кг", "Габариты", "Габариты с упаковкой, см",
        "Артикул производителя", "Модель", "Склад", "Акция", "Комментарий", "Name", "Product name", "Title",
        "Price", "Old price", "Currency", "VAT", "Barcode", "Barcodes", "Category", "Brand", "Vendor",
        "Manufacturer", "Description", "Quantity", "Stock", "Status", "Market SKU", "marketSku", "Picture",
        "Pictures", "Image", "Weight", "Dimensions", "Vendor code", "vendorCode", "Warehouse", "Comment",
    )
)  # fmt: skip


def sku_rank(header: str) -> int | None:
    """How clearly `header` names the shop's own SKU column (0 clearest), or None when it does not."""
    if len(header) > _MAX_HEADER_CHARS:
        return None
    key = normalize(header)
    if not key or any(fragment in key for fragment in _NOT_SKU_FRAGMENTS):
        return None
    if key in _SKU_RANKS:
        return _SKU_RANKS[key]
    # Loosely: "SKU товара", "Артикул (ваш)"; but not a value such as "SKU-001" (headers carry no digits).
    if len(key) <= 40 and not any(char.isdigit() for char in key) and any(f in key for f in _SKU_FRAGMENTS):
        return _FUZZY_RANK
    return None


@dataclass(frozen=True)
class Layout:
    """Where the table is in a grid (indexes into the grid's rows and columns)."""

    header_index: int | None  # None: no header, a bare list of SKUs in one column
    sku_index: int
    hint_index: int | None  # Market's hint row under the header, not data
    rank: int  # how clearly the SKU column is named (lower is clearer)
    known_headers: int  # other cells in the header row that look like catalog headers

    @property
    def data_start(self) -> int:
        """First grid row that may hold data."""
        after = self.hint_index if self.hint_index is not None else self.header_index
        return 0 if after is None else after + 1

    def clarity(self) -> tuple[int, int]:
        """Sort key among sheets: clearer SKU header, then a more catalog-like header row."""
        return (self.rank, -self.known_headers)


def _known_headers(row: list[str], except_index: int) -> int:
    return sum(
        1
        for index, cell in enumerate(row)
        if index != except_index and len(cell) <= _MAX_HEADER_CHARS and normalize(cell) in _HEADER_WORDS
    )


def find_layout(head: list[list[str]], sku_column: str | None = None) -> Layout | None:
    """The header row and SKU column in the first rows of a grid, or None when there is none."""
    best: tuple[tuple[int, int, int], int, int, int] | None = None
    wanted = normalize(sku_column) if sku_column is not None else None
    for row_index, row in enumerate(head[:HEADER_SCAN_ROWS]):
        found = _sku_cell(row, sku_column, wanted)
        if found is None:
            continue
        column, rank = found
        known = _known_headers(row, column)
        key = (-known, rank, row_index)
        if best is None or key < best[0]:
            best = (key, row_index, column, rank)
    if best is None:
        return _bare_list(head) if sku_column is None else None
    _, row_index, column, rank = best
    hint = _hint_row(head, row_index, column)
    return Layout(row_index, column, hint, rank, -best[0][0])


def _sku_cell(row: list[str], sku_column: str | None, wanted: str | None) -> tuple[int, int] | None:
    """(column, rank) of the SKU header in `row`: the named one, else the clearest, leftmost."""
    if sku_column is not None:
        exact = [index for index, cell in enumerate(row) if cell == sku_column]
        loose = [index for index, cell in enumerate(row) if wanted and normalize(cell) == wanted]
        matches = exact or loose
        return (matches[0], 0) if matches else None
    ranked = [(rank, index) for index, cell in enumerate(row) if (rank := sku_rank(cell)) is not None]
    if not ranked:
        return None
    rank, index = min(ranked)
    return index, rank


def _bare_list(head: list[list[str]]) -> Layout | None:
    """A file with one filled column and no header at all is a plain list of SKUs (but not of sentences)."""
    filled = {index for row in head for index, cell in enumerate(row) if cell.strip()}
    if len(filled) != 1 or any(_is_prose(cell) for row in head for cell in row):
        return None
    return Layout(None, filled.pop(), None, _FUZZY_RANK + 1, 0)


def _is_prose(cell: str) -> bool:
    return len(cell) >= 20 and len(cell.split()) >= 3


def _hint_row(head: list[list[str]], header_index: int, sku_index: int) -> int | None:
    below = header_index + 1
    if below >= len(head):
        return None
    row = head[below]
    if sku_index >= len(row) or not _is_prose(row[sku_index]):
        return None
    filled = [cell for cell in row if cell.strip()]
    prose = sum(1 for cell in filled if _is_prose(cell))
    return below if prose * 2 >= len(filled) else None
