"""A job's report from the journal: every SKU that did not succeed (or every SKU), plus a summary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import xlsxwriter.exceptions

from ymdesk.core.messages import Message, Renderer, UserError, english
from ymdesk.core.runs.journal import ItemRecord, JobRecord, Journal
from ymdesk.core.runs.report import ReportRow, ReportSummary, write_report_csv, write_report_xlsx


def report_rows(
    journal: Journal, job_id: int, *, everything: bool = False, items: Iterable[ItemRecord] | None = None
) -> Iterator[ReportRow]:
    """The SKUs that did not succeed, every SKU (`everything`), or exactly `items` when given."""
    chosen = items if items is not None else journal.items(job_id, failed_only=not everything)
    for item in chosen:
        yield ReportRow(
            sku_raw=item.raw,
            row=item.row,
            outcome=item.outcome,
            reason=item.reason,
            api_code=item.api_code,
            http_status=item.http_status,
        )


def report_summary(journal: Journal, job: JobRecord) -> ReportSummary:
    return ReportSummary(
        job_id=job.id,
        operation=job.operation,
        target=job.target.describe(),
        source_file=job.source_file,
        started=_when(job.started_at),
        finished=_when(job.finished_at),
        counts=journal.counts(job.id),
        version=job.version,
    )


def write_job_report(
    journal: Journal,
    job_id: int,
    path: Path,
    *,
    everything: bool = False,
    render: Renderer = english,
    items: Iterable[ItemRecord] | None = None,
) -> Path:
    """XLSX, or CSV (UTF-8 with BOM) when `path` ends in .csv. Raises UserError if it cannot be written.
    By default the SKUs that did not succeed; `everything` for all of them; `items` for exactly those."""
    rows = report_rows(journal, job_id, everything=everything, items=items)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".csv":
            return write_report_csv(path, rows, render=render)
        return write_report_xlsx(path, rows, report_summary(journal, journal.job(job_id)), render=render)
    except (OSError, xlsxwriter.exceptions.XlsxFileError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UserError(
            Message.translate(
                "Report",
                "Cannot write the report to {path} ({reason}); choose another folder or close the file "
                "if it is open in Excel. The results stay in the journal.",
            ).with_args(path=str(path), reason=reason)
        ) from error


def has_failures(journal: Journal, job_id: int) -> bool:
    return any(not outcome.is_success and n for outcome, n in journal.counts(job_id).items())


def _when(stamp: str | None) -> datetime | None:
    return datetime.fromisoformat(stamp) if stamp else None
