"""Files ymdesk cannot use: each gets one sentence naming the file, never a traceback, never a hang."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from tests.helpers.sheet_fixtures import (
    compound_file,
    encrypted_xlsx_bytes,
    write_text,
    write_xlsx,
    write_zip,
    zip_bomb_bytes,
)
from ymdesk.core.messages import UserError
from ymdesk.core.sheets.catalog import read_catalog
from ymdesk.core.sheets.errors import MAX_DATA_ROWS


def refusal(path: Path, **kwargs: str) -> str:
    """The English source text of the sentence read_catalog refuses `path` with."""
    with pytest.raises(UserError) as caught:
        read_catalog(path, **kwargs)
    message = caught.value.message
    assert message.context == "Spreadsheet"
    sentence = message.english()
    assert path.name in sentence
    assert sentence.count(". ") == 0 and sentence.endswith(".")  # one sentence
    assert "Traceback" not in sentence
    return message.text


def test_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.xlsx").startswith("The file {name} cannot be opened")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    assert refusal(folder).startswith("The file {name} cannot be opened")


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n", "\ufeff".encode()])
@pytest.mark.parametrize("name", ["empty.csv", "empty.xlsx", "empty.txt"])
def test_empty_files(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert " is empty" in refusal(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(encrypted_xlsx_bytes())
    assert "protected with a password" in refusal(path)


def test_compound_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "letter.xls"
    path.write_bytes(compound_file({"WordDocument": b"\x00" * 5000}))
    refusal(path)


def test_pdf_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + os.urandom(2000))
    assert "PDF document" in refusal(path)


def test_web_page_saved_as_xls(tmp_path: Path) -> None:
    path = write_text(tmp_path / "export.xls", "<html><body><table><tr><td>SKU</td></tr></table></body></html>")
    assert "web page" in refusal(path)


def test_random_binary(tmp_path: Path) -> None:
    path = tmp_path / "noise.csv"
    path.write_bytes(bytes(range(256)) * 40)
    refusal(path)


def test_truncated_workbook(tmp_path: Path) -> None:
    full = write_xlsx(tmp_path / "full.xlsx", {"S": [["SKU"]] + [[f"S{i}"] for i in range(2000)]})
    path = tmp_path / "cut.xlsx"
    path.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    assert "damaged or incomplete" in refusal(path)


def test_truncated_zip_of_csv(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", {"a.csv": os.urandom(100_000).hex().encode()})
    path = tmp_path / "cut.zip"
    path.write_bytes(full.read_bytes()[:30_000])
    assert "damaged or incomplete" in refusal(path)


def test_corrupt_zip_member(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", {"a.csv": ("SKU\n" + "A\n" * 50_000).encode()})
    data = bytearray(full.read_bytes())
    data[200:260] = b"\xff" * 60  # inside the deflate stream
    path = tmp_path / "bad.zip"
    path.write_bytes(bytes(data))
    assert "damaged or incomplete" in refusal(path)


def test_zip_with_no_spreadsheet(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "docs.zip", {"readme.pdf": b"%PDF-1.4", "photo.jpg": b"\xff\xd8\xff"})
    assert "holds no spreadsheet" in refusal(path)


def test_empty_zip(tmp_path: Path) -> None:
    path = tmp_path / "nothing.zip"
    with zipfile.ZipFile(path, "w"):
        pass
    assert "holds no spreadsheet" in refusal(path)


def test_zip_with_several_spreadsheets(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "two.zip", {"a.csv": b"SKU\nA\n", "b/b.xlsx": b"PK"})
    with pytest.raises(UserError) as caught:
        read_catalog(path)
    assert caught.value.message.args == {"name": "two.zip", "files": "a.csv, b.xlsx"}


def test_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    path.write_bytes(zip_bomb_bytes())
    assert "unpacks to far more data" in refusal(path)


def test_sheet_without_sku_column(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "prices.xlsx", {"S": [["Название", "Цена"], ["Кружка", 1], ["Чашка", 2]]})
    assert refusal(path).startswith("No column with SKUs was found in {name}")


def test_header_without_rows(tmp_path: Path) -> None:
    path = write_text(tmp_path / "header.csv", "Ваш SKU;Название;Цена\n;;\n")
    assert "has no rows under its header" in refusal(path)


def test_workbook_with_only_empty_sheets(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "blank.xlsx", {"Лист1": [], "Лист2": [[None]]})
    refusal(path)


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    # UTF-16 without a BOM looks like binary: refused rather than misread.
    path.write_bytes("Ваш SKU;Цена\nA;1\n".encode("utf-16-le"))
    refusal(path)


def test_more_rows_than_the_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(b"SKU\n")
        block = b"1\n" * 1_000_000
        for _ in range(MAX_DATA_ROWS // 1_000_000):
            handle.write(block)
        handle.write(b"2\n")
    assert "has more than {limit:n} rows" in refusal(path)
