"""Where the table starts and which column holds the shop's SKUs, found the way a person would.

The header is the row, among the first 30 of a sheet, that has a SKU-like cell and the most cells a
catalog header usually has ("Название товара", "Цена", "Штрихкод"...). Headers are compared
ignoring case, spaces, "_", "-", "." and the " *" Market puts after required fields. The SKU column
is the shop's own SKU (offerId): "Ваш SKU" beats "SKU" beats "Артикул"; anything naming Market's own
card number (SKU на Маркете, marketSku) or a manufacturer code is never picked.

Between a header and its data Market's files put up to four service rows, none of them data: parameter
ids ("-12", "36", "37"...), a marker row ("🔗 Отличительный признак" in a few columns), hints
("Уникальный идентификатор товара..."), and rows hidden in Excel. Where the last column names each top
row's role (HEADER, PARAM_NAMES, PARAM_IDS, SKU_DEFINING), those words decide: the PARAM_NAMES row is the
header, every marked row is a service row, and the column itself is not part of the table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
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
    service_rows: tuple[int, ...]  # rows between the header and the data that are not data (ids, markers, hints)
    rank: int  # how clearly the SKU column is named (lower is clearer)
    known_headers: int  # other cells in the header row that look like catalog headers
    role_column: int | None = None  # the last column naming each service row's role (HEADER, PARAM_IDS...)

    @property
    def data_start(self) -> int:
        """First grid row that may hold data."""
        if self.service_rows:
            return max(self.service_rows) + 1
        return 0 if self.header_index is None else self.header_index + 1

    def clarity(self) -> tuple[int, int]:
        """Sort key among sheets: clearer SKU header, then a more catalog-like header row."""
        return (self.rank, -self.known_headers)


def _known_headers(row: list[str], except_index: int) -> int:
    return sum(
        1
        for index, cell in enumerate(row)
        if index != except_index and len(cell) <= _MAX_HEADER_CHARS and normalize(cell) in _HEADER_WORDS
    )


def find_layout(
    head: list[list[str]], sku_column: str | None = None, hidden: Sequence[bool] | None = None
) -> Layout | None:
    """The header row, SKU column and service rows in the first rows of a grid, or None when there is none.

    `hidden` tells, per row of `head`, whether the row is hidden in Excel.
    """
    roles, role_column = _roles(head)
    if role_column is not None:
        head = [row[:role_column] + [""] * (len(row) - role_column) for row in head]
    best: tuple[tuple[int, int, int, int], int, int, int] | None = None
    wanted = normalize(sku_column) if sku_column is not None else None
    named = roles.get("PARAM_NAMES", roles.get("HEADER", []))
    for row_index, row in enumerate(head[:HEADER_SCAN_ROWS]):
        found = _sku_cell(row, sku_column, wanted)
        if found is None:
            continue
        column, rank = found
        known = _known_headers(row, column)
        key = (0 if row_index in named else 1, -known, rank, row_index)
        if best is None or key < best[0]:
            best = (key, row_index, column, rank)
    if best is None:
        return _bare_list(head) if sku_column is None else None
    _, row_index, column, rank = best
    marked = {index for rows in roles.values() for index in rows}
    service = _service_rows(head, row_index, column, hidden, marked)
    return Layout(row_index, column, service, rank, -best[0][1], role_column)


# Words Market's template puts in its last (hidden) column to say what each top row is.
ROLE_WORDS = frozenset({"HEADER", "PARAM_NAMES", "PARAM_IDS", "SKU_DEFINING"})
# At most this many service rows (ids, markers, hints, hidden rows) between a header and its data.
MAX_SERVICE_ROWS = 4
_PARAM_ID = re.compile(r"-?\d{1,9}")


def _roles(head: list[list[str]]) -> tuple[dict[str, list[int]], int | None]:
    """Rows by role word, when the last filled column of the top rows holds at least two role words."""
    last = max((index for row in head for index, cell in enumerate(row) if cell.strip()), default=None)
    if last is None:
        return {}, None
    roles: dict[str, list[int]] = {}
    for row_index, row in enumerate(head):
        word = row[last].strip().upper() if last < len(row) else ""
        if word in ROLE_WORDS:
            roles.setdefault(word, []).append(row_index)
    if sum(len(rows) for rows in roles.values()) < 2:
        return {}, None
    return roles, last


def _service_rows(
    head: list[list[str]], header: int, sku: int, hidden: Sequence[bool] | None, marked: set[int]
) -> tuple[int, ...]:
    """The rows right under the header that are not data: up to `MAX_SERVICE_ROWS` (blank rows aside, and
    rows the role column marks), each a parameter-id row, a marker row, a hint row or hidden in Excel."""
    header_cells = sum(1 for cell in head[header] if cell.strip())
    service: list[int] = []
    counted = 0
    for index in range(header + 1, len(head)):
        row = head[index]
        filled = [cell for cell in row if cell.strip()]
        if not filled:
            continue
        if index in marked:
            service.append(index)
            continue
        if counted >= MAX_SERVICE_ROWS:
            break
        is_hidden = hidden is not None and index < len(hidden) and bool(hidden[index])
        if not (
            is_hidden
            or _is_id_row(filled)
            or _is_marker_row(row, sku, filled, header_cells)
            or _is_hint_row(row, sku, filled)
        ):
            break
        service.append(index)
        counted += 1
    return tuple(service)


def _is_id_row(filled: list[str]) -> bool:
    """Market's parameter ids ("-12", "36", "37", "-13"...): distinct whole numbers, some negative.
    A data row has text (a name) or repeats a number; negative ids are Market's own fields."""
    cells = [cell.strip() for cell in filled]
    return (
        len(cells) >= 3
        and all(_PARAM_ID.fullmatch(cell) for cell in cells)
        and len(set(cells)) == len(cells)
        and any(cell.startswith("-") for cell in cells)
    )


def _is_marker_row(row: list[str], sku: int, filled: list[str], header_cells: int) -> bool:
    """A row that marks some columns ("🔗 Отличительный признак"): no SKU, a few cells, each starting with a
    symbol or all the same text."""
    if sku < len(row) and row[sku].strip():
        return False
    if len(filled) * 2 > max(header_cells, 2):
        return False
    cells = [cell.strip() for cell in filled]
    return (len(set(cells)) == 1 and len(cells) > 1) or all(_starts_with_symbol(cell) for cell in cells)


def _starts_with_symbol(cell: str) -> bool:
    return unicodedata.category(cell[0]) in ("So", "Sk", "Sm", "Co", "Cs")


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
    return Layout(None, filled.pop(), (), _FUZZY_RANK + 1, 0)


def _is_prose(cell: str) -> bool:
    return len(cell) >= 20 and len(cell.split()) >= 3


def _is_hint_row(row: list[str], sku: int, filled: list[str]) -> bool:
    """Hints under the header ("Уникальный идентификатор товара..."): the SKU cell is prose, and so are most
    of the other filled cells, which a data row never is."""
    if sku >= len(row) or not _is_prose(row[sku]):
        return False
    prose = sum(1 for cell in filled if _is_prose(cell))
    return prose * 2 >= len(filled)
