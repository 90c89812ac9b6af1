"""CSV, TSV and TXT: encodings, delimiters, quoting, service lines and the physical line numbers people see."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.helpers.sheet_fixtures import write_text, write_xlsx, write_zip
from ymdesk.core.sheets.catalog import read_catalog

CYRILLIC = "Ваш SKU;Название товара;Цена\nКР-001;Кружка Ромашка;1 234,56\nФТ-002;Футболка;990\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "utf-16", "koi8_r"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    path = write_text(tmp_path / "catalog.csv", CYRILLIC, encoding)
    catalog = read_catalog(path)
    assert catalog.columns == ["Ваш SKU", "Название товара", "Цена"]
    assert catalog.valid_skus() == ["КР-001", "ФТ-002"]
    assert catalog.frame["Название товара"].tolist() == ["Кружка Ромашка", "Футболка"]
    assert catalog.frame["Цена"].tolist() == ["1 234,56", "990"]
    assert catalog.rows.tolist() == [2, 3]
    assert catalog.sheet is None
    assert catalog.sheets == []


@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_delimiters(tmp_path: Path, delimiter: str) -> None:
    lines = [["offerId", "name", "price"], ["A-1", "Mug", "1 234,56"], ["B-2", "Cup", "10"]]
    text = "\n".join(delimiter.join(f'"{cell}"' if delimiter in cell else cell for cell in line) for line in lines)
    catalog = read_catalog(write_text(tmp_path / "c.csv", text + "\n"))
    assert catalog.frame.to_dict("list") == {
        "offerId": ["A-1", "B-2"],
        "name": ["Mug", "Cup"],
        "price": ["1 234,56", "10"],
    }


def test_quoted_fields_with_delimiters_and_line_breaks_keep_physical_line_numbers(tmp_path: Path) -> None:
    text = (
        "SKU;Описание;Цена\r\n"
        'A-1;"Кружка; синяя\r\nвторая строка\r\nтретья";"1 234,56"\r\n'
        'B-2;"Чашка ""Утро""";10\r\n'
        'C-3;"одна\nдве";5\r\n'
        "D-4;Ложка;1\r\n"
    )
    catalog = read_catalog(write_text(tmp_path / "q.csv", text))
    assert catalog.frame["SKU"].tolist() == ["A-1", "B-2", "C-3", "D-4"]
    assert catalog.frame["Описание"].tolist()[:3] == [
        "Кружка; синяя\r\nвторая строка\r\nтретья",
        'Чашка "Утро"',
        "одна\nдве",
    ]
    assert catalog.rows.tolist() == [2, 5, 6, 8]


def test_service_line_before_the_header(tmp_path: Path) -> None:
    text = "Отчёт по товарам магазина «Ромашка» за 01.02.2025\nВаш SKU;Название;Цена\nA-1;Кружка;1\nB-2;Чашка;2\n"
    catalog = read_catalog(write_text(tmp_path / "report.csv", text, "cp1251"))
    assert catalog.header_row == 2
    assert catalog.first_data_row == 3
    assert catalog.rows.tolist() == [3, 4]
    assert catalog.valid_skus() == ["A-1", "B-2"]


def test_blank_lines_and_ragged_lines_still_give_the_right_line_numbers(tmp_path: Path) -> None:
    text = 'Ваш SKU;Название;Цена\n\nA-1;Кружка;1\nB-2;"две\nстроки"\n\n\nC-3\n   \nD-4;Ложка;4;лишнее\n'
    catalog = read_catalog(write_text(tmp_path / "ragged.csv", text))
    assert catalog.frame["Ваш SKU"].tolist() == ["A-1", "B-2", "C-3", "D-4"]
    assert catalog.rows.tolist() == [3, 4, 8, 10]
    assert catalog.frame["Цена"].tolist() == ["1", "", "", "4"]


def test_values_are_never_guessed(tmp_path: Path) -> None:
    text = "SKU,barcode,price\nNA,04600000000017,001.50\nnull,4.6e12,\nNone,,1e5\nN/A,TRUE,-0\n#N/A,nan,=1+2\n"
    catalog = read_catalog(write_text(tmp_path / "raw.csv", text))
    assert catalog.frame.to_dict("list") == {
        "SKU": ["NA", "null", "None", "N/A", "#N/A"],
        "barcode": ["04600000000017", "4.6e12", "", "TRUE", "nan"],
        "price": ["001.50", "", "1e5", "-0", "=1+2"],
    }
    assert catalog.valid_skus() == ["NA", "null", "None", "N/A", "#N/A"]


def test_tsv_and_a_txt_list_of_skus(tmp_path: Path) -> None:
    tsv = read_catalog(write_text(tmp_path / "a.tsv", "Артикул\tЦена\nA,1\t5\nB;2\t6\n"))
    assert tsv.frame.to_dict("list") == {"Артикул": ["A,1", "B;2"], "Цена": ["5", "6"]}
    listing = read_catalog(write_text(tmp_path / "list.txt", 'SKU-1\n"SKU-2\n\nSKU-1\r\n 007 \n'))
    assert listing.header_row == 0
    assert listing.frame.iloc[:, 0].tolist() == ["SKU-1", '"SKU-2', "SKU-1", " 007 "]
    assert listing.rows.tolist() == [1, 2, 4, 5]
    assert listing.valid_skus() == ["SKU-1", '"SKU-2', "007"]
    assert listing.duplicate_rows() == [(4, "SKU-1", 1)]


def test_csv_with_an_excel_name_is_read_as_text(tmp_path: Path) -> None:
    path = write_text(tmp_path / "renamed.xlsx", "Ваш SKU;Цена\nA-1;1\n")
    assert read_catalog(path).valid_skus() == ["A-1"]


def test_zip_holding_one_csv_or_one_workbook(tmp_path: Path) -> None:
    csv_zip = write_zip(tmp_path / "report.zip", {"report/catalog.csv": CYRILLIC.encode("cp1251")})
    assert read_catalog(csv_zip).valid_skus() == ["КР-001", "ФТ-002"]
    book = write_xlsx(tmp_path / "inner.xlsx", {"Товары": [["Ваш SKU"], ["Z-1"]]})
    members = {"__MACOSX/._inner.xlsx": b"junk", "inner.xlsx": book.read_bytes(), "readme.pdf": b"%PDF-1.4"}
    book_zip = write_zip(tmp_path / "book.zip", members)
    catalog = read_catalog(book_zip)
    assert catalog.valid_skus() == ["Z-1"]
    assert catalog.sheet == "Товары"
    assert not any(p.name == "inner.xlsx" for p in tmp_path.glob("**/*") if p.parent != tmp_path)
    # Nothing is unpacked beside the user's file.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.zip", "inner.xlsx", "report.zip"]


def test_two_million_rows_are_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("SKU\n")
        handle.writelines(f"S{i}\n" for i in range(2_000_000))
    catalog = read_catalog(path)
    assert len(catalog.frame) == 2_000_000
    assert catalog.rows[-1] == 2_000_001
    assert catalog.frame["SKU"].iloc[-1] == "S1999999"
    assert catalog.check.counts["valid"] == 2_000_000


def test_zip_member_is_not_extracted_to_disk(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "one.zip", {"a.csv": b"SKU\nA\n"})
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["a.csv"]
    read_catalog(path)
    assert [p.name for p in tmp_path.iterdir()] == ["one.zip"]


def test_a_short_csv_with_control_characters_in_a_sku_is_still_text(tmp_path: Path) -> None:
    catalog = read_catalog(write_text(tmp_path / "escapes.csv", "SKU;Name\n\x1b[31mRED;x\nOK-1;y\n"))
    assert catalog.valid_skus() == ["OK-1"]
    assert [(row, raw) for row, raw, _ in catalog.invalid_rows()] == [(2, "\x1b[31mRED")]
