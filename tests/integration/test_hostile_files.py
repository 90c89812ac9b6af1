"""A corpus of bad and odd files, generated here: each is read correctly or refused with one clear
sentence, within 10 seconds, never with a traceback or a hang."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from ymdesk.core.messages import UserError
from ymdesk.core.sheets.catalog import read_catalog

LIMIT_SECONDS = 10.0
Maker = Callable[[Path], Path]
CORPUS: dict[str, tuple[Maker, str]] = {}  # name -> (maker, "read" | "refuse" | "either")


def case(expect: str):
    def register(maker: Maker) -> Maker:
        CORPUS[maker.__name__] = (maker, expect)
        return maker

    return register


def _xlsx(path: Path, rows: list[list[object]], sheet: str = "Товары", **options) -> Path:
    workbook = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False, **options})
    worksheet = workbook.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                worksheet.write(r, c, value)
    workbook.close()
    return path


@contextmanager
def _one_sheet(path: Path) -> Iterator[Worksheet]:
    """A workbook of one sheet for what _xlsx cannot write (formulas, merged cells); saved on exit."""
    with xlsxwriter.Workbook(path) as workbook:
        yield workbook.add_worksheet()


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def register_literal_files(files: dict[str, tuple[str, str, bytes]]) -> None:
    """Cases whose whole file is a literal: name -> (expect, file name, content)."""
    for name, (expect, filename, content) in files.items():

        def make(tmp: Path, filename: str = filename, content: bytes = content) -> Path:
            path = tmp / filename
            path.write_bytes(content)
            return path

        make.__name__ = name
        case(expect)(make)


SIMPLE = [["Ваш SKU", "Название"], ["000123", "Товар"], ["A-2", "Ещё"]]


# ---------------------------------------------------------------- archives and containers


@case("refuse")
def truncated_xlsx(tmp: Path) -> Path:
    whole = _xlsx(tmp / "whole.xlsx", SIMPLE).read_bytes()
    path = tmp / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


@case("refuse")
def truncated_zip(tmp: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("catalog.csv", "SKU\n" + "\n".join(f"S{i}" for i in range(5000)))
    path = tmp / "report.zip"
    path.write_bytes(buffer.getvalue()[:-200])
    return path


@case("refuse")
def zip_bomb(tmp: Path) -> Path:
    path = tmp / "bomb.zip"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("catalog.csv", "w", force_zip64=True) as member,
    ):
        chunk = b"0" * (1 << 20)
        for _ in range(1024):  # 1 GiB of zeros, about 4 MB on disk
            member.write(chunk)
    return path


@case("refuse")
def xlsx_with_billion_laughs(tmp: Path) -> Path:
    source = _xlsx(tmp / "base.xlsx", SIMPLE)
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
        + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        "<si><t>&lol9;</t></si></sst>"
    )
    path = tmp / "laughs.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = laughs.encode() if item.filename == "xl/sharedStrings.xml" else old.read(item.filename)
            new.writestr(item, data)
    return path


@case("refuse")
def password_protected_workbook(tmp: Path) -> Path:
    """Excel saves an encrypted .xlsx as an OLE compound file holding EncryptedPackage."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900")
    path = tmp / "secret.xlsx"
    path.write_bytes(header + bytes(512 - len(header)) + "EncryptedPackage".encode("utf-16-le") + bytes(4096))
    return path


@case("refuse")
def zip_with_two_spreadsheets(tmp: Path) -> Path:
    return _zip(tmp / "two.zip", {"a.csv": b"SKU\n1\n", "b.csv": b"SKU\n2\n"})


@case("refuse")
def zip_without_a_spreadsheet(tmp: Path) -> Path:
    return _zip(tmp / "photos.zip", {"photo.jpg": b"\xff\xd8\xff\xe0" + bytes(100)})


@case("read")
def zip_with_one_csv(tmp: Path) -> Path:
    csv = "Ваш SKU;Цена\n000123;1 234,56\n".encode("cp1251")
    return _zip(tmp / "export.zip", {"export.csv": csv}, zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- empty and strange shapes


register_literal_files(
    {
        "pdf_renamed_xlsx": ("refuse", "catalog.xlsx", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        "empty_csv": ("refuse", "empty.csv", b""),
        "empty_xlsx_file": ("refuse", "empty.xlsx", b""),
        "only_blank_lines_after_header": ("refuse", "blank-lines.csv", b"SKU;Name\n\n;\n\n"),
        "binary_garbage_csv": ("refuse", "garbage.csv", bytes(range(256)) * 64),
        "garbage_xls": ("refuse", "old.xls", b"\x09\x08" + os.urandom(2000)),
    }
)


@case("refuse")
def empty_sheet(tmp: Path) -> Path:
    return _xlsx(tmp / "blank.xlsx", [])


@case("refuse")
def only_headers(tmp: Path) -> Path:
    return _xlsx(tmp / "headers.xlsx", [["Ваш SKU", "Название", "Цена"]])


@case("refuse")
def no_sku_like_column(tmp: Path) -> Path:
    return _xlsx(tmp / "prices.xlsx", [["Дата", "Выручка"], ["2026-01-01", "100"], ["2026-01-02", "200"]])


@case("read")
def three_hundred_columns(tmp: Path) -> Path:
    header = [f"Поле {i}" for i in range(299)] + ["Ваш SKU"]
    return _xlsx(tmp / "wide.xlsx", [header, [*["x"] * 299, "W-1"], [*["y"] * 299, "W-2"]])


@case("either")
def cell_of_32767_characters(tmp: Path) -> Path:
    return _xlsx(tmp / "long-cell.xlsx", [["Ваш SKU", "Описание"], ["L-1", "д" * 32767], ["L" * 32767, "x"]])


@case("read")
def formulas_in_the_sku_column(tmp: Path) -> Path:
    path = tmp / "formulas.xlsx"
    with _one_sheet(path) as sheet:
        sheet.write_row(0, 0, ["Ваш SKU", "Название"])
        sheet.write_formula(1, 0, '="SKU-"&"1"', None, "SKU-1")
        sheet.write_formula(2, 0, "=1+1", None, 2)
        sheet.write(1, 1, "Товар")
    return path


@case("read")
def merged_cells_over_the_sku_column(tmp: Path) -> Path:
    path = tmp / "merged.xlsx"
    with _one_sheet(path) as sheet:
        sheet.merge_range(0, 0, 0, 2, "Основная информация")
        sheet.write_row(1, 0, ["Ваш SKU *", "Название товара *", "Цена"])
        sheet.merge_range(2, 0, 3, 0, "M-1")
        sheet.write_row(4, 0, ["M-2", "Товар", "10"])
    return path


@case("read")
def hidden_sheets(tmp: Path) -> Path:
    path = tmp / "hidden.xlsx"
    workbook = xlsxwriter.Workbook(path)
    notes = workbook.add_worksheet("Инструкция")
    notes.write(0, 0, "Заполните лист Товары")
    data = workbook.add_worksheet("Товары")
    data.write_column(0, 0, ["Ваш SKU", "H-1", "H-2"])
    secret = workbook.add_worksheet("Служебный")
    secret.write_column(0, 0, ["id", "1"])
    secret.hide()
    workbook.close()
    return path


@case("read")
def open_document_spreadsheet(tmp: Path) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Лист1")
    for row in SIMPLE:
        table_row = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    path = tmp / "catalog.ods"
    document.save(str(path))
    return path


@case("read")
def xlsx_written_by_openpyxl_with_numbers(tmp: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Артикул", "Штрихкод"])
    sheet.append([123, 4607001234567])
    sheet.append(["00077", 4.607001234568e12])
    path = tmp / "numbers.xlsx"
    workbook.save(path)
    return path


# ---------------------------------------------------------------- text encodings and line ends


register_literal_files(
    {
        "utf16_csv_with_bom": ("read", "utf16.csv", "Ваш SKU\tНазвание\r\n000123\tТовар\r\n".encode("utf-16")),
        "mixed_encodings": (
            "either",
            "mixed.csv",
            "SKU;Название\nA-1;Товар\n".encode() + "A-2;Товар\n".encode("cp1251"),
        ),
        "nul_bytes": ("either", "nul.csv", b"SKU;Name\nA\x00B;x\nC-1;y\n"),
        "bom_in_the_middle": ("read", "bom-middle.csv", "SKU;Name\nB-1;x\n\ufeffB-2;y\n".encode()),
        "cr_only_line_ends": ("read", "mac.csv", b"SKU;Name\rR-1;x\rR-2;y\r"),
        "quoted_fields_with_delimiters_and_newlines": (
            "read",
            "quoted.csv",
            'SKU,Описание,Цена\r\nQ-1,"одна, две\r\nстроки","1 234,56"\r\nQ-2,x,1\r\n'.encode(),
        ),
        "csv_renamed_xlsx": ("either", "actually-csv.xlsx", b"SKU;Name\nC-1;x\n"),
        "tab_separated_txt": ("read", "list.txt", b"offerId\tname\nT-1\tx\nT-2\ty\n"),
        "terminal_escapes_in_skus": ("read", "escapes.csv", b"SKU;Name\n\x1b[31mRED;x\nOK-1;y\n"),
    }
)


@case("either")
def xlsx_renamed_csv(tmp: Path) -> Path:
    path = tmp / "actually-xlsx.csv"
    path.write_bytes(_xlsx(tmp / "x.xlsx", SIMPLE).read_bytes())
    return path


@case("either")
def two_million_rows(tmp: Path) -> Path:
    path = tmp / "huge.csv"
    with path.open("w", encoding="cp1251", newline="") as out:
        out.write("Ваш SKU;Название\n")
        block = "".join(f"{i:09d};Товар\n" for i in range(100_000))
        for _ in range(20):
            out.write(block)
    return path


@case("refuse")
def a_folder_not_a_file(tmp: Path) -> Path:
    path = tmp / "folder.xlsx"
    path.mkdir()
    return path


@case("refuse")
def a_missing_file(tmp: Path) -> Path:
    return tmp / "nowhere.xlsx"


# ---------------------------------------------------------------- the checks


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_each_file_is_read_or_refused_clearly_and_quickly(name: str, tmp_path: Path) -> None:
    maker, expect = CORPUS[name]
    path = maker(tmp_path)
    started = time.monotonic()
    try:
        catalog = read_catalog(path)
    except UserError as error:
        outcome = "refuse"
        text = error.message.english()
        assert "\n" not in text.strip() and text.strip().endswith((".", ")")), text
        assert path.name in text or "file" in text.lower(), text
    else:
        outcome = "read"
        assert len(catalog.frame) > 0 and catalog.sku_column in catalog.columns
    elapsed = time.monotonic() - started
    assert elapsed < LIMIT_SECONDS, f"{name} took {elapsed:.1f} s"
    assert expect in (outcome, "either"), f"{name}: expected {expect}, got {outcome}"


def test_the_corpus_is_large_enough() -> None:
    assert len(CORPUS) >= 30


def test_numbers_come_out_as_digits(tmp_path: Path) -> None:
    catalog = read_catalog(xlsx_written_by_openpyxl_with_numbers(tmp_path))
    assert catalog.valid_skus() == ["123", "00077"]
    assert list(catalog.frame["Штрихкод"]) == ["4607001234567", "4607001234568"]


def test_formula_cells_give_their_values(tmp_path: Path) -> None:
    assert read_catalog(formulas_in_the_sku_column(tmp_path)).valid_skus() == ["SKU-1", "2"]


def test_the_hidden_sheet_is_not_chosen(tmp_path: Path) -> None:
    catalog = read_catalog(hidden_sheets(tmp_path))
    assert catalog.sheet == "Товары" and catalog.valid_skus() == ["H-1", "H-2"]


@pytest.mark.parametrize("name", ["pdf_renamed_xlsx", "zip_bomb", "terminal_escapes_in_skus", "a_missing_file"])
def test_the_cli_shows_one_line_and_no_escape_sequences(name: str, tmp_path: Path) -> None:
    maker, _ = CORPUS[name]
    path = maker(tmp_path)
    if name == "a_missing_file":
        path = tmp_path / "evil\x1b]0;pwned\x07.xlsx"
    done = subprocess.run(
        [sys.executable, "-m", "ymdesk.cli", "inspect", str(path)], capture_output=True, text=True, timeout=60
    )
    assert "\x1b" not in done.stdout and "\x1b" not in done.stderr and "\x07" not in done.stderr
    assert "Traceback" not in done.stderr
    if name == "terminal_escapes_in_skus":
        assert done.returncode == 0 and "\\x1b[31mRED" in done.stdout  # shown escaped, in the invalid list
    else:
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
