"""The ShopSku rules: vectorised check against a plain-Python reference and the spec's own pattern."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ymdesk.core.messages import Message
from ymdesk.core.sheets.skus import CONTROL_CHARS, WHITESPACE, Problem, check_skus, first_of_each, reason_for

# The spec's pattern, applied with full-match semantics to the server-trimmed value.
SPEC_PATTERN = re.compile(r"(?=.*\S.*)[^\x00-\x08\x0A-\x1f\x7f]{1,255}", re.DOTALL)

TRICKY = [
    "abc",
    " abc ",
    "",
    " ",
    "\t",
    "\xa0",
    "\u2028",
    "\u3000x\u3000",
    "\xa0SKU-1\xa0",
    "abc\n",
    "\nabc",
    "a\nb",
    "a\rb",
    "a\tb",
    "\tab",
    "x\x7f",
    "\x7f",
    "x\x00y",
    "\x00",
    "x\x85y",
    "x\u200by",  # zero-width space is not White_Space: a visible-less but valid character
    "NA",
    "null",
    "None",
    "N/A",
    "=1+2",
    "a" * 255,
    "a" * 256,
    " " + "a" * 255 + " ",
    "я" * 300,
    "😀" * 255,
    "😀" * 256,
]
TRICKY += [f"a{chr(code)}b" for code in range(0x20)] + [f"{chr(code)}" for code in range(0x20)]
TRICKY += [f"{chr(code)}x{chr(code)}" for code in range(0x20)]


def reference_problem(raw: str) -> Problem:
    trimmed = raw.strip()
    if raw == "":
        return Problem.EMPTY
    if trimmed == "":
        return Problem.BLANK
    if any(char in CONTROL_CHARS for char in trimmed):
        return Problem.CONTROL
    if len(trimmed) > 255:
        return Problem.TOO_LONG
    return Problem.OK


def test_whitespace_list_is_exactly_pythons_isspace() -> None:
    assert set(WHITESPACE) == {chr(code) for code in range(0x110000) if chr(code).isspace()}


def test_control_chars_are_the_patterns_class() -> None:
    refused = {chr(code) for code in range(0x80) if re.fullmatch(r"[\x00-\x08\x0A-\x1f\x7f]", chr(code))}
    assert refused == CONTROL_CHARS
    assert "\t" not in CONTROL_CHARS


@pytest.mark.parametrize("storage", ["object", "str"])
def test_vectorised_check_equals_reference_and_spec_on_tricky_input(storage: str) -> None:
    check = check_skus(pd.Series(TRICKY, dtype=storage))
    expected = [reference_problem(raw) for raw in TRICKY]
    assert [Problem(code) for code in check.problem] == expected
    assert check.trimmed.tolist() == [raw.strip() for raw in TRICKY]
    spec_valid = [bool(SPEC_PATTERN.fullmatch(raw.strip())) for raw in TRICKY]
    assert check.valid.tolist() == spec_valid


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=8) | st.sampled_from(TRICKY), max_size=30))
def test_vectorised_check_equals_reference_on_generated_input(values: list[str]) -> None:
    check = check_skus(pd.Series(values, dtype=object))
    assert [Problem(code) for code in check.problem] == [reference_problem(raw) for raw in values]
    assert check.valid.tolist() == [bool(SPEC_PATTERN.fullmatch(raw.strip())) for raw in values]


def test_re_match_with_dollar_would_accept_a_trailing_newline_but_fullmatch_does_not() -> None:
    # The trap the rules are written against: "$" matches before a final "\n".
    assert re.match(r"^[^\x00-\x08\x0A-\x1f\x7f]{1,255}$", "a\nb\n") is None
    assert re.match(r"^[^\x00-\x08\x0A-\x1f\x7f]{1,255}$", "abc\n") is not None
    assert check_skus(pd.Series(["ab\nc"])).problem.tolist() == [Problem.CONTROL]


def test_missing_cells_count_as_empty() -> None:
    check = check_skus(pd.Series(["A", None, np.nan], dtype=object))
    assert check.problem.tolist() == [Problem.OK, Problem.EMPTY, Problem.EMPTY]
    assert check.raw.tolist() == ["A", "", ""]


def test_na_words_are_valid_skus() -> None:
    check = check_skus(pd.Series(["NA", "null", "None", "N/A", "nan", "#N/A"], dtype="str"))
    assert check.valid.all()


def test_reasons_are_messages_with_the_details_a_person_needs() -> None:
    assert reason_for("") == Message("Sku", "The SKU is empty.")
    assert reason_for(" \xa0 ") == Message("Sku", "The SKU has only spaces.")
    control = reason_for("  ab\ncd")
    assert control is not None
    assert control.context == "Sku"
    assert control.args == {"code": "U+000A", "position": 5}
    assert control.english() == "The SKU has a control character U+000A at position 5."
    too_long = reason_for(" " + "x" * 258)
    assert too_long is not None
    assert too_long.args == {"length": 258, "over": 3, "limit": 255}
    assert too_long.english() == "The SKU is too long: 258 characters, 3 over the limit of 255."
    assert reason_for("\u2028ok\u2028") is None


def test_check_reason_matches_the_row() -> None:
    check = check_skus(pd.Series(["ok", "", "a\x7fb"]))
    assert check.reason(0) is None
    assert check.reason(1) == Message("Sku", "The SKU is empty.")
    reason = check.reason(2)
    assert reason is not None
    assert reason.args["code"] == "U+007F"


def test_duplicates_after_trimming_keep_the_first_occurrence() -> None:
    values = ["A", " A", "B", "", "A\xa0", "b", "B", "A\n"]
    check = check_skus(pd.Series(values))
    assert check.first.tolist() == [0, 0, 2, -1, 0, 5, 2, 0]
    assert check.duplicate.tolist() == [False, True, False, False, True, False, True, True]
    assert check.unique.tolist() == [True, False, True, False, False, True, False, False]
    assert check.counts == {"rows": 8, "valid": 3, "invalid": 1, "duplicates": 4}


def test_first_of_each_among_picked_rows_only() -> None:
    check = check_skus(pd.Series(["A", "B", " A", "C", "B", ""]))
    picked = np.array([False, True, True, True, True, True])
    # "A" first picked at row 2 (row 0 is not picked); "B" at 1; "C" at 3.
    assert first_of_each(check, picked).tolist() == [1, 2, 3]
    assert first_of_each(check, np.zeros(6, dtype=bool)).tolist() == []


def test_empty_column() -> None:
    check = check_skus(pd.Series([], dtype="str"))
    assert len(check) == 0
    assert check.counts == {"rows": 0, "valid": 0, "invalid": 0, "duplicates": 0}
