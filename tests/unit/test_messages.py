"""Numbers and plural forms in messages: the same machinery for the app and the CLI, in both languages."""

from __future__ import annotations

import pytest

from ymdesk.core.messages import Message, format_text, plural_index

RU_BATCHES = "{n:n} {n:plural:пакет|пакета|пакетов}"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "0 пакетов"),
        (1, "1 пакет"),
        (2, "2 пакета"),
        (4, "4 пакета"),
        (5, "5 пакетов"),
        (11, "11 пакетов"),
        (12, "12 пакетов"),
        (14, "14 пакетов"),
        (21, "21 пакет"),
        (22, "22 пакета"),
        (111, "111 пакетов"),
        (101, "101 пакет"),
        (600, "600 пакетов"),
        (1_000_001, "1 000 001 пакет"),
    ],
)
def test_russian_takes_three_plural_forms(count: int, expected: str) -> None:
    text = format_text(RU_BATCHES, {"n": count}, language="ru", number=lambda v: f"{v:,}".replace(",", " "))
    assert text == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, "in 0 batches"),
        (1, "in 1 batch"),
        (2, "in 2 batches"),
        (21, "in 21 batches"),
        (300_000, "in 300,000 batches"),
    ],
)
def test_english_takes_two_plural_forms_and_groups_thousands(count: int, expected: str) -> None:
    message = Message.translate("Cli", "in {n:n} {n:plural:batch|batches}").with_args(n=count)
    assert message.english() == expected


def test_plural_index_by_language() -> None:
    assert [plural_index("en", n) for n in (1, 2, 5, 21)] == [0, 1, 1, 1]
    assert [plural_index("ru", n) for n in (1, 2, 5, 21, 23, 25, 111, 112)] == [0, 1, 2, 0, 1, 2, 2, 2]


def test_a_translation_with_fewer_forms_takes_the_last_one() -> None:
    assert format_text("{n:plural:SKU|SKUs}", {"n": 7}, language="ru") == "SKUs"


def test_ids_stay_ungrouped_and_other_formats_work_as_in_str_format() -> None:
    message = Message.translate("Cli", "Job {job}: {done:n} of {total:n}, {share:.0%}").with_args(
        job=21000001, done=5000, total=300000, share=0.5
    )
    assert message.english() == "Job 21000001: 5,000 of 300,000, 50%"
    assert str(message) == message.english()
