"""Properties over arbitrary input (hypothesis): the SKU rules, batching, and the report round trip."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from ymdesk.core.model import MAX_BATCH, Operation, Outcome, batches_of
from ymdesk.core.runs.report import ReportRow, ReportSummary, write_report_xlsx
from ymdesk.core.sheets.skus import WHITESPACE, check_skus

SPEC = yaml.safe_load((Path(__file__).parents[1] / "data" / "market-partner-api-subset.yaml").read_text("utf-8"))
SHOP_SKU = re.compile(SPEC["components"]["schemas"]["ShopSku"]["pattern"])

#: Every control character, every kind of space, characters that mean something to Excel or XML,
#: and ordinary letters in two scripts.
TRICKY = [chr(c) for c in range(0x20)] + ["\x7f", *WHITESPACE, "=", "+", "-", "@", "_x0041_", "&", "<", '"', "'"]
sku_text = st.lists(
    st.sampled_from(TRICKY) | st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.just("x" * 120),
    max_size=40,
).map("".join)


def spec_verdict(raw: str) -> bool:
    """The spec's own regular expression after the server's trim (ymdesk trims Unicode White_Space)."""
    return SHOP_SKU.fullmatch(raw.strip(WHITESPACE)) is not None


@settings(max_examples=400, deadline=None)
@given(st.lists(sku_text, max_size=40) | st.lists(st.sampled_from(["a", " a", "a ", "\ta\t", "A"]), max_size=10))
def test_the_validator_agrees_with_the_spec_pattern(values: list[str]) -> None:
    check = check_skus(pd.Series(values, dtype="string[pyarrow]"))
    assert list(check.valid) == [spec_verdict(v) for v in values]
    trimmed = list(check.trimmed)
    assert trimmed == [v.strip(WHITESPACE) for v in values]


def test_every_control_character_alone_and_inside() -> None:
    values = [f"A{chr(c)}B" for c in range(0x80)] + [chr(c) for c in range(0x80)]
    check = check_skus(pd.Series(values, dtype="string[pyarrow]"))
    assert list(check.valid) == [spec_verdict(v) for v in values]
    assert check.valid[values.index("A\tB")] and not check.valid[values.index("A\nB")]
    assert not check.valid[values.index("A\x7fB")]


@given(st.lists(st.integers(), max_size=2000), st.integers(min_value=-5, max_value=800))
def test_batching_partitions_the_skus_exactly(items: list[int], size: int) -> None:
    batches = batches_of(items, size)
    assert [x for batch in batches for x in batch] == items  # every item once, in order
    assert all(1 <= len(batch) <= min(max(size, 1), MAX_BATCH) for batch in batches)
    assert all(len(batch) == min(max(size, 1), MAX_BATCH) for batch in batches[:-1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(sku_text, min_size=1, max_size=30))
def test_any_sku_survives_a_report_round_trip_as_text(tmp_path: Path, skus: list[str]) -> None:
    path = tmp_path / "report.xlsx"
    rows = [ReportRow(sku, i + 2, Outcome.FAILED, None, "BAD_REQUEST", 400) for i, sku in enumerate(skus)]
    summary = ReportSummary(None, Operation.DELETE_OFFERS, "campaign 1", None, None, None, {Outcome.FAILED: 1}, "test")
    write_report_xlsx(path, rows, summary)
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    back = [row[0] for row in sheet[1:]]
    assert back == skus  # control characters, "=…", "_x0041_", leading zeros: all exactly as written


@given(st.binary(max_size=60).map(lambda b: bytes(b"ab\r\n"[x % 4] for x in b)), st.integers(1, 9))
def test_sliced_lone_cr_search_matches_the_whole_file_search(body: bytes, slice_size: int) -> None:
    from ymdesk.core.sheets import text as sheet_text

    whole = sheet_text._LONE_CR.search(body) is not None
    original = sheet_text._SEARCH_SLICE
    sheet_text._SEARCH_SLICE = slice_size  # small slices put a boundary everywhere
    try:
        assert sheet_text._has_lone_cr(body) == whole
    finally:
        sheet_text._SEARCH_SLICE = original


def test_overlapping_collector_pauses_keep_it_off_until_the_last_ends() -> None:
    import gc
    import threading

    from ymdesk.core.memory import collector_paused

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first pause has ended; this one still holds

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == [False] and gc.isenabled()
