"""A job's items as columns: built in bulk from a catalog, recorded in bulk by the journal, read back intact."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ymdesk.core.messages import Message
from ymdesk.core.model import JobItem, JobItems, Operation, Outcome, Target
from ymdesk.core.runs.journal import Journal
from ymdesk.core.sheets.catalog import read_catalog
from ymdesk.core.sheets.skus import reason_for

CELLS = [" A ", "B", "", "A", "C\x07D", "   ", 'q"uo\\te\tx', "B ", "Ж-7", "X" * 300, "E"]


@pytest.fixture
def catalog(tmp_path: Path):
    path = tmp_path / "items.csv"
    pd.DataFrame({"Ваш SKU": CELLS, "Название": [f"n{i}" for i in range(len(CELLS))]}).to_csv(path, index=False)
    return read_catalog(path)


def expected_items(picked: list[bool]) -> list[JobItem]:
    """The rule written out row by row: invalid picked rows with the reason, the first picked row of each SKU."""
    seen: set[str] = set()
    items = []
    for row, (cell, pick) in enumerate(zip(CELLS, picked, strict=True), start=2):
        if not pick:
            continue
        reason = reason_for(cell)
        if reason is not None:
            items.append(JobItem(cell.strip(), cell, row, reason.to_json()))
        elif cell.strip() not in seen:
            seen.add(cell.strip())
            items.append(JobItem(cell.strip(), cell, row))
    return items


def test_job_items_match_the_row_by_row_rule_for_any_picks(catalog):
    assert catalog.rows.tolist() == list(range(2, 2 + len(CELLS)))  # the empty cell's row has a name: it is data
    rng = np.random.default_rng(3)
    for picked in [np.ones(len(CELLS), dtype=bool), *(rng.random(len(CELLS)) < 0.5 for _ in range(30))]:
        items = catalog.job_items(picked)
        assert isinstance(items, JobItems)
        assert list(items) == expected_items(picked.tolist())
        assert items.sendable == sum(1 for item in items if item.invalid is None)


def test_only_the_unusual_items_carry_more_than_the_sku_and_row(catalog):
    items = catalog.job_items()
    cells = {items.rows[p]: CELLS[items.rows[p] - 2] for p in range(len(items))}  # type: ignore[operator]
    assert {items.rows[p] for p in items.raws} == {row for row, cell in cells.items() if cell != cell.strip()}
    assert {items.rows[p] for p in items.invalid} == {4, 6, 7, 11}  # empty, control char, spaces, too long
    reason = Message.from_json(items.invalid[items.rows.index(6)])
    assert reason.args == {"code": "U+0007", "position": 2}


def test_the_journal_records_column_items_as_it_records_a_list(tmp_path: Path, catalog):
    items = catalog.job_items()
    with Journal(tmp_path / "journal.sqlite3") as journal:
        columns = journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=1), items, api_url="http://x")
        listed = journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=1), list(items), api_url="http://x")
        for job_id in (columns, listed):
            records = list(journal.items(job_id))
            assert [(r.seq, r.sku, r.raw, r.row) for r in records] == [
                (seq, item.sku, item.raw, item.row) for seq, item in enumerate(items)
            ]
            for record, item in zip(records, items, strict=True):
                if item.invalid is None:
                    assert record.outcome is Outcome.PENDING and record.reason is None
                else:
                    assert record.outcome is Outcome.INVALID
                    assert record.reason is not None and record.reason.to_json() == item.invalid
            to_send = journal.to_send(job_id)
            assert [sku for _, sku, _ in to_send] == [item.sku for item in items if item.invalid is None]
            assert journal.to_send(job_id, after=to_send[1][0], limit=2) == to_send[2:4]


def test_job_items_from_a_list_index_slice_and_compare_like_a_list():
    plain = [JobItem("A", " A ", 2), JobItem("", "", None, json.dumps({"c": "Sku"})), JobItem("B", "B", 9)]
    items = JobItems.of(plain)
    assert items == plain and len(items) == 3 and items.sendable == 2
    assert items[-1] == plain[-1] and items[1:] == plain[1:]
    assert items.raws == {0: " A "} and list(items.invalid) == [1]
    with pytest.raises(IndexError):
        items[3]
    assert JobItems([], []) == [] and JobItems([], []) != plain


def test_a_big_job_is_recorded_and_read_back_a_batch_at_a_time(tmp_path: Path):
    count = 120_000
    skus = [f"{i:08d}" for i in range(count)]
    rows = list(range(10, 10 + 2 * count, 2))
    items = JobItems(skus, rows, raws={5: " 00000005"}, invalid={7: Message("Sku", "bad").to_json()})
    with Journal(tmp_path / "journal.sqlite3") as journal:
        job_id = journal.create_job(Operation.DELETE_OFFERS, Target(campaign_id=1), items, api_url="http://x")
        assert journal.counts(job_id) == {Outcome.PENDING: count - 1, Outcome.INVALID: 1}
        first = journal.to_send(job_id, limit=500)
        assert [seq for seq, _, _ in first[:8]] == [0, 1, 2, 3, 4, 5, 6, 8]
        last = list(journal.items(job_id))[-1]
        assert (last.seq, last.sku, last.raw, last.row) == (count - 1, skus[-1], skus[-1], rows[-1])
        assert next(r for r in journal.items(job_id) if r.seq == 5).raw == " 00000005"
