"""Build real spreadsheet files in code for the spreadsheet, SKU and report tests.

Everything is written with the libraries a user's software would use (xlsxwriter, odfpy through
pandas) or, for the old binary formats no installed library writes (.xls, an encrypted .xlsx), by a
small compound-file writer below that follows [MS-CFB] closely enough for calamine to read.
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

Cell = Any  # str, int, float, bool, datetime or None


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Cell]]],
    hidden: Sequence[str] = (),
    hidden_rows: dict[str, Sequence[int]] | None = None,
) -> Path:
    """One sheet per dict entry; rows from sheet row 1; None leaves a cell empty; str is always text, int and
    float are number cells. `hidden_rows` hides sheet rows (1-based, as in Excel) the way Excel does."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    date_format = book.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                _write_cell(sheet, r, c, value, date_format)
        for row_number in (hidden_rows or {}).get(name, ()):
            sheet.set_row(row_number - 1, None, None, {"hidden": True})
        if name in hidden:
            sheet.hide()
    book.close()
    return path


def _write_cell(sheet: Any, row: int, column: int, value: Cell, date_format: Any = None) -> None:
    if value is None:
        return
    if isinstance(value, datetime):
        sheet.write_datetime(row, column, value, date_format)
    elif isinstance(value, str):
        sheet.write_string(row, column, value)
    else:
        sheet.write(row, column, value)


MARKET_GROUPS = ["Основная информация", None, None, None, "Цена и штрихкод", None]
MARKET_HEADER = ["Ваш SKU *", "Название товара *", "Категория на Маркете *", "Бренд *", "Цена *", "Штрихкод"]
MARKET_HINTS = [
    "Уникальный идентификатор товара в вашей системе. Можно использовать буквы, цифры и символы",
    "Составьте название по схеме: тип + бренд или производитель + модель + особенности",
    "Укажите категорию товара так, как она называется на Маркете",
    "Название бренда или производителя. Пишите его так, как указано на упаковке",
    "Цена товара в рублях, в которой он будет продаваться на Маркете",
    "Штрихкод из 8, 12 или 13 цифр: EAN-13, EAN-8 или UPC-A",
]


def write_market_export(path: Path, data: Sequence[Sequence[Cell]]) -> Path:
    """Market's catalog template: an instruction sheet, then "Товары" with merged group titles in
    row 1, required headers ending in " *" in row 2, a row of hints in row 3 and data from row 4."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    intro = book.add_worksheet("Инструкция")
    intro.write_string(0, 0, "Как заполнить шаблон")
    intro.write_string(2, 0, "Поле")
    intro.write_string(2, 1, "Что указать")
    intro.write_string(3, 0, "Ваш SKU *")
    intro.write_string(3, 1, "Уникальный идентификатор товара в вашей системе")
    goods = book.add_worksheet("Товары")
    merged = book.add_format({"bold": True, "align": "center"})
    goods.merge_range(0, 0, 0, 3, MARKET_GROUPS[0], merged)
    goods.merge_range(0, 4, 0, 5, MARKET_GROUPS[4], merged)
    for c, text in enumerate(MARKET_HEADER):
        goods.write_string(1, c, text)
        goods.write_string(2, c, MARKET_HINTS[c])
    for r, row in enumerate(data, start=3):
        for c, value in enumerate(row):
            _write_cell(goods, r, c, value)
    book.close()
    return path


# --- Layouts of the files sellers really have (issue 11) ------------------------------------------------

#: Headers of the current catalog template, sheet "Данные о товарах", row 4 (62 columns).
TEMPLATE_HEADER = [
    "Ваш SKU *", "Критичные ошибки", "Некритичные ошибки", "Качество карточки", "Рекомендации по заполнению",
    "Название группы вариантов", "Название товара *", "Ссылка на изображение *", "Описание товара *", "Бренд *",
    "Штрихкод", "Цена *", "Цена до скидки", "Валюта", "НДС", "Страна производства", "Артикул производителя",
    "Вес с упаковкой, кг", "Габариты с упаковкой, см", "Срок годности", "Гарантийный срок", "Тип товара",
    "Цвет товара", "Материал корпуса", "Объём, л", "Мощность, Вт", "Длина шнура, м", "Подсветка",
    "Защита от включения без воды", "Фильтр от накипи", "Комплектация", "Страна бренда",
] + [f"Характеристика {n}" for n in range(1, 31)]  # fmt: skip
TEMPLATE_IDS = ["-12", "", "", "", "", "-13", "36", "37", "-11", "2", "14", "-1", "-2", "-3", "-4", "5"] + [
    str(100 + n) for n in range(len(TEMPLATE_HEADER) - 16)
]
TEMPLATE_HINTS = [
    "Уникальный идентификатор товара, для которого вы указываете данные: артикул из вашей системы учёта",
    "Ошибки, из-за которых товар не будет опубликован на Маркете",
    "Ошибки, которые стоит исправить, чтобы карточка стала лучше",
    "Насколько полно заполнена карточка товара в процентах",
    "Что стоит добавить в карточку, чтобы покупатели чаще её находили",
    "Укажите одинаковое название у товаров, которые отличаются только цветом или размером",
    "Составьте название по схеме: тип + бренд или производитель + модель + особенности",
]
TEMPLATE_MARKER = "🔗 Отличительный признак"


def write_catalog_template(
    path: Path,
    data: Sequence[dict[str, Cell]],
    *,
    roles: bool = True,
    hide_service_rows: bool = True,
    hidden_data_rows: Sequence[int] = (),
) -> Path:
    """Market's current catalog template: an "Инструкция" sheet, then "Данные о товарах" with category text
    in rows 1-2, group titles in row 3, headers in row 4, parameter ids in row 5, a marker row in row 6,
    hints in row 7 and data (dicts by header) from row 8. Rows 5 and 6 hidden, as the cabinet does; with
    `roles`, the last column names the top rows (HEADER, PARAM_NAMES, PARAM_IDS, SKU_DEFINING).
    `hidden_data_rows` are sheet rows (1-based) among the data to hide too."""
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    intro = book.add_worksheet("Инструкция")
    intro.write_string(0, 0, "Как заполнить шаблон")
    intro.write_string(2, 0, "Ваш SKU *")
    intro.write_string(2, 1, "Уникальный идентификатор товара")
    goods = book.add_worksheet("Данные о товарах")
    width = len(TEMPLATE_HEADER)
    goods.write_string(0, 0, "Категория: Электрические чайники")
    goods.write_string(1, 0, "Входит в категорию: Бытовая техника / Техника для кухни / Чайники и термопоты")
    for column, title in ((0, "Служебная информация"), (6, "Основные параметры"), (16, "Характеристики товара")):
        goods.write_string(2, column, title)
    for column, header in enumerate(TEMPLATE_HEADER):
        goods.write_string(3, column, header)
        if TEMPLATE_IDS[column]:
            goods.write_string(4, column, TEMPLATE_IDS[column])
        if column < len(TEMPLATE_HINTS):
            goods.write_string(6, column, TEMPLATE_HINTS[column])
        elif column < 20:
            goods.write_string(6, column, f"Укажите значение параметра «{header.rstrip(' *')}» так, как на упаковке")
    for column in (22, 25, 26):
        goods.write_string(5, column, TEMPLATE_MARKER)
    if roles:
        for row, word in enumerate(["HEADER", "PARAM_NAMES", "PARAM_IDS", "SKU_DEFINING"], start=2):
            goods.write_string(row, width, word)
    if hide_service_rows:
        goods.set_row(4, None, None, {"hidden": True})
        goods.set_row(5, None, None, {"hidden": True})
    for offset, record in enumerate(data):
        for header, value in record.items():
            _write_cell(goods, 7 + offset, TEMPLATE_HEADER.index(header), value)
    for row_number in hidden_data_rows:
        goods.set_row(row_number - 1, None, None, {"hidden": True})
    book.close()
    return path


#: The cabinet's catalog export as CSV: 44 columns; the SKU is the fourth.
EXPORT_HEADER = [
    "Критичные ошибки", "Некритичные ошибки", "Качество карточки", "Ваш SKU *", "Название товара *",
    "Ссылка на изображение *", "Описание товара *", "Категория на Маркете *", "Бренд *", "Штрихкод",
    "Цена *", "Цена до скидки", "Валюта", "НДС", "Страна производства", "Артикул производителя",
    "Вес с упаковкой, кг", "Габариты с упаковкой, см", "Срок годности", "Гарантийный срок",
] + [f"Параметр {n}" for n in range(1, 25)]  # fmt: skip
EXPORT_GROUPS = ["", "", "", "Основные параметры"] + [""] * 10 + ["Характеристики"] + [""] * 29


def export_description(index: int) -> str:
    """An HTML description over several lines, with commas, semicolons and quotes, as the cabinet exports."""
    return (
        f"<p>Чайник «Утро» модель {index}, объём 1,7 л; мощность 2200 Вт.</p>\n"
        '<ul>\n<li>Корпус: стекло, сталь</li>\n<li>Подсветка: "синяя"</li>\n</ul>\n'
        "<p>Гарантия — 1 год.</p>"
    )


def export_rows(count: int, *, critical_errors: bool = False) -> list[dict[str, str]]:
    """Rows for catalog_export_csv: kettles ЧАЙ-001.. with multi-line descriptions; with critical_errors every
    other row carries the cabinet's "Критичные ошибки" text (a column the reader must leave alone)."""
    rows = []
    for index in range(1, count + 1):
        row = {
            "Ваш SKU *": f"ЧАЙ-{index:03d}",
            "Название товара *": f"Чайник, модель {index}",
            "Описание товара *": export_description(index),
            "Цена *": "1 990,50",
        }
        if critical_errors:
            row["Критичные ошибки"] = "Нет фото; нет описания" if index % 2 else ""
        rows.append(row)
    return rows


def catalog_export_csv(
    data: Sequence[dict[str, str]], *, delimiter: str = ",", newline: str = "\n", inner_newline: str = "\n"
) -> str:
    """The cabinet's catalog export: line 1 group titles, line 2 headers, line 3 hints, then data (dicts by
    header); HTML descriptions in quoted cells that span several physical lines."""
    hints = [""] * len(EXPORT_HEADER)
    hints[3] = "Уникальный идентификатор товара, для которого вы указываете данные"
    hints[4] = "Составьте название по схеме: тип + бренд или производитель + модель"
    hints[6] = "Подробное описание товара: преимущества, особенности, комплектация"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(EXPORT_GROUPS)
    writer.writerow(EXPORT_HEADER)
    writer.writerow(hints)
    for record in data:
        row = [record.get(header, "") for header in EXPORT_HEADER]
        writer.writerow([cell.replace("\n", inner_newline) for cell in row])
    return buffer.getvalue()


def write_stocks_report(path: Path, data: Sequence[Sequence[Cell]]) -> Path:
    """The cabinet's stocks report: title lines, the header in row 4, row 5 blank, data from row 6."""
    header = ["SSKU", "Ваш SKU", "Название товара", "Склад", "Годные", "Доступно для заказа"]
    rows: list[Sequence[Cell]] = [
        ["Отчёт по остаткам на складах"],
        ["Магазин: Ромашка", None, "Дата формирования: 01.02.2025"],
        [],
        header,
        [],
        *data,
    ]
    return write_xlsx(path, {"Остатки": rows})


PRICE_HEADER = [
    "Ваш SKU",
    "Название товара",
    "Цена *",
    "Цена до скидки",
    "Минимальная цена для участия в акциях и программах лояльности",
    "Показывать цену на витринах партнёров",
]


def write_price_template(path: Path, data: Sequence[Sequence[Cell]]) -> Path:
    """The price template: an instruction line, headers in row 2, data from row 3."""
    rows: list[Sequence[Cell]] = [["Заполните цены и загрузите файл в кабинет"], PRICE_HEADER, *data]
    return write_xlsx(path, {"Цены": rows})


def write_marketplace_summary(path: Path, data: Sequence[Sequence[Cell]], totals: str = "ИТОГО") -> Path:
    """A summary over several marketplaces whose last row sums the table ("ИТОГО" in its first cell)."""
    header = ["Артикул", "Название", "Ozon, шт", "Wildberries, шт", "Яндекс Маркет, шт", "Всего, шт"]
    sums = [sum(float(row[column] or 0) for row in data) for column in range(2, 6)]
    return write_xlsx(path, {"Сводка": [header, *data, [totals, None, *sums]]})


def write_ods(path: Path, rows: Sequence[Sequence[Cell]], sheet: str = "Лист1") -> Path:
    width = max((len(row) for row in rows), default=0)
    frame = pd.DataFrame([list(row) + [None] * (width - len(row)) for row in rows], dtype=object)
    frame.to_excel(path, engine="odf", sheet_name=sheet, header=False, index=False)
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


# --- Compound File Binary (OLE2) containers: .xls and encrypted OOXML --------------------------------

_SECTOR = 512
_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_MIN_STREAM = 4096  # smaller streams would live in the mini stream; padding keeps the writer simple


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file holding `streams` at the root (each padded to at least 4 KiB)."""
    names = sorted(streams, key=lambda name: (len(name), name.upper()))  # CFB's sibling order
    bodies = [streams[name].ljust(_MIN_STREAM, b"\x00") for name in names]
    fat = [_FAT, _END]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for body in bodies:
        count = -(-len(body) // _SECTOR)
        first = len(fat)
        starts.append(first)
        fat.extend(range(first + 1, first + count))
        fat.append(_END)
    if len(fat) > _SECTOR // 4:
        raise ValueError("fixture too large for a one-sector FAT")
    fat.extend([_FREE] * (_SECTOR // 4 - len(fat)))
    entries = [_dir_entry("Root Entry", 5, child=1 if names else _FREE, start=_END, size=0)]
    for index, name in enumerate(names):
        right = index + 2 if index + 1 < len(names) else _FREE
        entries.append(_dir_entry(name, 2, right=right, start=starts[index], size=len(bodies[index])))
    directory = b"".join(entries).ljust(_SECTOR, b"\x00")
    if len(directory) > _SECTOR:
        raise ValueError("fixture has too many streams for a one-sector directory")
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"\x00" * 16,
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        b"\x00" * 6,
        0,
        1,  # FAT sectors
        1,  # first directory sector
        0,
        _MIN_STREAM,
        _END,  # no mini FAT
        0,
        _END,  # no DIFAT sectors
        0,
    )
    header += struct.pack("<109I", 0, *([_FREE] * 108))
    sectors = b"".join(body.ljust(-(-len(body) // _SECTOR) * _SECTOR, b"\x00") for body in bodies)
    return header + struct.pack(f"<{_SECTOR // 4}I", *fat) + directory + sectors


def _dir_entry(name: str, kind: int, *, child: int = _FREE, right: int = _FREE, start: int, size: int) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,  # black
        _FREE,  # left sibling
        right,
        child,
        b"\x00" * 16,
        0,
        0,
        0,
        start,
        size,
    )


def encrypted_xlsx_bytes() -> bytes:
    """What Excel writes for a password-protected .xlsx: a compound file, not a zip."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    return compound_file({"EncryptionInfo": info, "EncryptedPackage": struct.pack("<Q", 1024) + b"\x00" * 1024})


def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _xl_string(text: str) -> bytes:
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def xls_bytes(sheet: str, rows: Sequence[Sequence[Cell]]) -> bytes:
    """A BIFF8 workbook (Excel 97-2003 .xls) with one sheet of text and number cells."""
    bof_globals = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    codepage = _record(0x0042, struct.pack("<H", 1200))
    fonts = _record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + _short_string("Arial"))
    # 15 style XFs and one cell XF (index 15, used by every cell), as Excel writes at least.
    xf_type = [0xFFF5] * 15 + [0x0001]
    xfs = b"".join(_record(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, t, 0x20, 0, 0, 0, 0, 0, 0x20C0)) for t in xf_type)
    name = _short_string(sheet)
    sheet_cells = b"".join(_cell_record(r, c, value) for r, row in enumerate(rows) for c, value in enumerate(row))
    bof_sheet = _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    dimensions = _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, max(map(len, rows), default=0), 0))
    substream = bof_sheet + dimensions + sheet_cells + _record(0x000A, b"")
    boundsheet_size = 4 + 6 + len(name)
    globals_size = len(bof_globals) + len(codepage) + len(fonts) + len(xfs) + boundsheet_size + 4
    boundsheet = _record(0x0085, struct.pack("<IBB", globals_size, 0, 0) + name)
    workbook = bof_globals + codepage + fonts + xfs + boundsheet + _record(0x000A, b"") + substream
    return compound_file({"Workbook": workbook})


def _short_string(text: str) -> bytes:
    return struct.pack("<BB", len(text), 1) + text.encode("utf-16-le")


def _cell_record(row: int, column: int, value: Cell) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return _record(0x0204, struct.pack("<HHH", row, column, 15) + _xl_string(value))
    return _record(0x0203, struct.pack("<HHHd", row, column, 15, float(value)))


def zip_bomb_bytes(declared: int = 2 * 1024**3) -> bytes:
    """A zip whose one CSV member claims to unpack to `declared` bytes of zeros (stored compressed tiny)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("catalog.csv", b"0" * (64 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    # Patch the declared uncompressed size in the central directory to pretend it is even larger.
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, min(declared, 0xFFFFFFFF - 1))
    return bytes(data)


def replace_in_member(path: Path, member: str, old: str, new: str) -> Path:
    """Edit one part of a zip-based workbook in place, as another program might have written it."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    text = parts[member].decode("utf-8")
    assert old in text, f"{old!r} not in {member}"
    parts[member] = text.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path
