"""The benchmark runner in --quick mode, so the benchmarks never rot. Never asserts a timing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(600)
def test_quick_benchmarks_produce_the_whole_table(tmp_path):
    output = tmp_path / "RESULTS-quick.md"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "YMDESK_BENCH_DATA": str(tmp_path / "data"),  # generated catalogs stay in the test's folder
    }
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    text = output.read_text(encoding="utf-8")
    assert "<!-- results:start -->" in text and "<!-- results:end -->" in text
    table = [line for line in text.splitlines() if line.startswith("| ")]
    from benchmarks.run import build_rows

    keys = build_rows(quick=True)
    assert len(table) == 1 + len(keys)  # the header and one line per row
    assert not [line for line in table if "error" in line], "a measurement failed:\n" + "\n".join(table)
    assert "cores" in text and "Python" in text  # the machine's description
