"""`ymdesk-cli inspect --json --skus` on each layout of issue 11, in a real subprocess on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.sheet_fixtures import catalog_export_csv, export_rows, write_text
from tests.helpers.sheet_layouts import LAYOUTS, long_cp1251, short_cp1251


def inspect(path: Path, *options: str, home: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "YMDESK_HOME": str(home)}
    environment.pop("YM_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "ymdesk.cli", "inspect", str(path), "--json", "--skus", "--lang", "en", *options],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_inspect_reads_each_layout(tmp_path: Path, name: str) -> None:
    layout = LAYOUTS[name]
    path = layout.build(tmp_path)
    result = inspect(path, home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert (data["header_row"], data["first_data_row"], data["sku_column"]) == layout.found
    assert data["rows"] == layout.rows
    assert data["skus"] == layout.skus
    assert data["valid"] == len(layout.skus)
    assert [(item["row"], item["sku"]) for item in data["invalid"]] == [(r, s) for r, s, _ in layout.invalid]
    for item, (_, _, reason) in zip(data["invalid"], layout.invalid, strict=True):
        assert reason in item["reason"]
    assert data["duplicates"] == []
    assert data["hidden"] == layout.hidden
    assert data["encoding"] == layout.encoding


def test_export_csv_with_the_sku_column_named(tmp_path: Path) -> None:
    path = write_text(tmp_path / "export.csv", catalog_export_csv(export_rows(5)), "utf-8")
    result = inspect(path, "--sku-column", "Ваш SKU *", home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["skus"] == [f"ЧАЙ-{index:03d}" for index in range(1, 6)]


def test_encoding_option_changes_the_reading(tmp_path: Path) -> None:
    path = long_cp1251(tmp_path)
    forced = inspect(path, "--encoding", "mac-cyrillic", home=tmp_path / "home")
    assert forced.returncode == 0, forced.stderr
    data = json.loads(forced.stdout)
    assert data["encoding"] == "mac-cyrillic"
    assert data["sku_column"] == "¬аш SKU"
    assert data["skus"][-1] == "јртикул-кириллица"  # what the person asked for, and can see is wrong
    back = json.loads(inspect(path, "--encoding", "cp1251", home=tmp_path / "home").stdout)
    assert back["skus"][-1] == "Артикул-кириллица"


def test_unknown_encoding_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = inspect(short_cp1251(tmp_path), "--encoding", "klingon", home=tmp_path / "home")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "klingon" in result.stderr
    assert "Traceback" not in result.stderr
