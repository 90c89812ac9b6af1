"""ymdesk-cli: the same core as the app, for scripts. The contract is in README ("ymdesk-cli").

--json output is ASCII, other characters escaped as \\uXXXX: it survives any code page a pipe or file gets
(Windows gives them the ANSI one, cp1252 on an English desktop, which has no Cyrillic); every JSON reader decodes it.
Other text that stdout's encoding cannot hold is backslash-escaped rather than fatal.

Exit codes: 0 every picked SKU done; 1 finished, some SKUs failed; 2 bad input or arguments
(nothing sent); 3 stopped by an auth/permission/fatal API error; 130 cancelled.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import queue
import signal
import sys
import threading
from collections.abc import Generator, Iterable, Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

from ymdesk import __version__
from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, UserError
from ymdesk.core.model import MAX_BATCH, Operation, Outcome, Target
from ymdesk.core.runs.events import (
    Event,
    Finished,
    JobCreated,
    JobStatus,
    LogLine,
    Waiting,
    WaitKind,
    status_title,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from ymdesk.core.market.ratelimit import RateLimits
    from ymdesk.core.runs.check import ReadEvent
    from ymdesk.core.runs.journal import JobRecord, Journal
    from ymdesk.core.runs.plan import JobSource, RunPlan, WindowUse
    from ymdesk.core.runs.run_log import RunLog
    from ymdesk.core.sheets.catalog import Catalog
    from ymdesk.core.simulator import MarketSimulator

T = TypeVar("T")
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_STOPPED, EXIT_CANCELLED = 0, 1, 2, 3, 130
API_URL_ENV = "YM_API_URL"


class CliError(Exception):
    """Ends the command with one line on stderr and an exit code."""

    def __init__(self, message: Message, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message.english())
        self.message, self.code = message, code


# ---------------------------------------------------------------- output


def render(message: Message) -> str:
    from ymdesk.i18n import render as qt_render

    return qt_render(message)


def safe(text: object) -> str:
    """Text from files or servers, with control characters shown escaped so they cannot drive the terminal."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in str(text))


def say(message: Message, stream: TextIO | None = None) -> None:
    print(safe(render(message)), file=stream or sys.stdout)


def warn(message: Message) -> None:
    say(message, sys.stderr)


# ---------------------------------------------------------------- arguments


def _h(text: str) -> str:
    """A help text marked with QT_TRANSLATE_NOOP("CliHelp", ...), in the language of the session."""
    from ymdesk.i18n import tr as translated  # not named tr( here: lupdate would take "CliHelp" for a text

    return translated("CliHelp", text)


class _Formatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else _h(_USAGE))


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:  # argparse's own, passed through
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = _h(_POSITIONALS)
        self._optionals.title = _h(_OPTIONS)

    def error(self, message: str) -> NoReturn:
        # One line, no usage dump: scripts read stderr.
        print(f"ymdesk-cli: {safe(message)} ({_h(_SEE_HELP)})", file=sys.stderr)
        sys.exit(EXIT_BAD_INPUT)


_USAGE = QT_TRANSLATE_NOOP("CliHelp", "usage: ")
# argparse's own sentences that a person meets, translated like ours (argparse looks them up through its `_`).
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("CliHelp", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("CliHelp", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("CliHelp", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("CliHelp", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("CliHelp", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("CliHelp", "expected one argument"),
    QT_TRANSLATE_NOOP("CliHelp", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("CliHelp", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("CliHelp", "show program's version number and exit"),
)
_POSITIONALS = QT_TRANSLATE_NOOP("CliHelp", "arguments")
_OPTIONS = QT_TRANSLATE_NOOP("CliHelp", "options")
_SEE_HELP = QT_TRANSLATE_NOOP("CliHelp", "see ymdesk-cli --help")


def _rate_limit(text: str) -> tuple[int, float]:
    amount, _, seconds = text.partition("/")
    try:
        parsed = int(amount), float(seconds)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _h(QT_TRANSLATE_NOOP("CliHelp", "{text} is not N/SECONDS, e.g. 5000/60")).format(text=repr(text))
        ) from None
    if parsed[0] < 1 or parsed[1] <= 0:
        raise argparse.ArgumentTypeError(
            _h(QT_TRANSLATE_NOOP("CliHelp", "{text}: both numbers must be positive")).format(text=repr(text))
        )
    return parsed


def _arg(*flags: str, **options: Any) -> tuple[tuple[str, ...], dict[str, Any]]:
    return flags, options


# Every argument of every command, declared once by a key: its flags and argparse's keywords (its help is
# _HELP[key]). A command picks its own with `_add`.
_ARGUMENTS = {
    "lang": _arg("--lang", choices=["ru", "en"], default=argparse.SUPPRESS),
    "verbose": _arg("-v", "--verbose", action="store_true", default=argparse.SUPPRESS),
    "help": _arg("-h", "--help", action="help", default=argparse.SUPPRESS),
    "catalog": _arg("file", type=Path),
    "json": _arg("--json", action="store_true"),
    "json-summary": _arg("--json", action="store_true"),
    "skus": _arg("--skus", action="store_true"),
    "api-url": _arg("--api-url", metavar="URL"),
    "job-api-url": _arg("--api-url", metavar="URL"),
    "job": _arg("job_id", type=int, metavar="JOB"),
    "retry-failed": _arg("--retry-failed", action="store_true"),
    "port": _arg("--port", type=int, default=8765),
    "seed-file": _arg("--seed-file", type=Path, metavar="FILE"),
    "campaign-id": _arg("--campaign-id", type=int, metavar="N"),
    "business-id": _arg("--business-id", type=int, metavar="N"),
    "promo-id": _arg("--promo-id", metavar="P"),
    "all-offers": _arg("--all-offers", action="store_true"),
    "file": _arg("--file", type=Path, metavar="F"),
    "dry-run": _arg("--dry-run", action="store_true"),
    "check": _arg("--check", action="store_true"),
    "drop-missing": _arg("--drop-missing", action="store_true"),
    "batch-size": _arg("--batch-size", type=int, default=MAX_BATCH, metavar="N"),
    "sheet": _arg("--sheet", metavar="NAME"),
    "sku-column": _arg("--sku-column", metavar="NAME"),
    "encoding": _arg("--encoding", metavar="NAME"),
    "report": _arg("--report", type=Path, metavar="PATH"),
    "report-all": _arg("--report-all", action="store_true"),
    "yes": _arg("--yes", action="store_true"),
    "rate-limit": _arg("--rate-limit", type=_rate_limit, metavar="N/SECONDS"),
}
# The arguments' help (CliHelp texts; {env} and {max} in them are filled in when the parser is built).
_HELP = {
    "lang": QT_TRANSLATE_NOOP("CliHelp", "language of messages"),
    "verbose": QT_TRANSLATE_NOOP("CliHelp", "debug logging"),
    "help": QT_TRANSLATE_NOOP("CliHelp", "show this help and exit"),
    "catalog": QT_TRANSLATE_NOOP("CliHelp", "the catalog: XLSX, XLS, ODS or CSV"),
    "json": QT_TRANSLATE_NOOP("CliHelp", "print JSON"),
    "json-summary": QT_TRANSLATE_NOOP("CliHelp", "one JSON summary on stdout at the end"),
    "skus": QT_TRANSLATE_NOOP("CliHelp", "with --json: list the unique valid SKUs"),
    "api-url": QT_TRANSLATE_NOOP("CliHelp", "API address (default: ${env} or https://api.partner.market.yandex.ru)"),
    "job-api-url": QT_TRANSLATE_NOOP("CliHelp", "API address (default: the job's, ${env} or the Market API)"),
    "job": QT_TRANSLATE_NOOP("CliHelp", "the job's number (see ymdesk-cli jobs)"),
    "retry-failed": QT_TRANSLATE_NOOP(
        "CliHelp",
        "also send again the SKUs that failed for a cause worth retrying (network, timeout, 5xx, 423); "
        "never those Market refused",
    ),
    "port": QT_TRANSLATE_NOOP("CliHelp", "port to listen on (default 8765)"),
    "seed-file": QT_TRANSLATE_NOOP("CliHelp", "a catalog whose SKUs the demo stores hold (default: the sample)"),
    "campaign-id": QT_TRANSLATE_NOOP("CliHelp", "the store's id (see ymdesk-cli campaigns)"),
    "business-id": QT_TRANSLATE_NOOP("CliHelp", "the business's id (see ymdesk-cli campaigns)"),
    "promo-id": QT_TRANSLATE_NOOP("CliHelp", "the promo's id, e.g. '#600101' (see ymdesk-cli promos)"),
    "all-offers": QT_TRANSLATE_NOOP("CliHelp", "leave the promo entirely (instead of --file)"),
    "file": QT_TRANSLATE_NOOP("CliHelp", "the catalog with the SKUs"),
    "dry-run": QT_TRANSLATE_NOOP("CliHelp", "read, validate and plan; send nothing"),
    "check": QT_TRANSLATE_NOOP("CliHelp", "look the SKUs up on Market first (with --dry-run: only check)"),
    "drop-missing": QT_TRANSLATE_NOOP("CliHelp", "with --check: do not send SKUs Market does not have"),
    "batch-size": QT_TRANSLATE_NOOP("CliHelp", "SKUs per request (1..{max})"),
    "sheet": QT_TRANSLATE_NOOP("CliHelp", "sheet name (default: the one with the clearest SKU column)"),
    "sku-column": QT_TRANSLATE_NOOP("CliHelp", "header of the SKU column (default: detected)"),
    "encoding": QT_TRANSLATE_NOOP(
        "CliHelp", "text encoding of a CSV/TXT file, e.g. cp1251, utf-8, cp866, koi8-r (default: detected)"
    ),
    "report": QT_TRANSLATE_NOOP("CliHelp", "XLSX (or .csv) report of every SKU that did not succeed"),
    "report-all": QT_TRANSLATE_NOOP("CliHelp", "write the report with every SKU, always"),
    "yes": QT_TRANSLATE_NOOP("CliHelp", "do not ask for confirmation"),
    "rate-limit": QT_TRANSLATE_NOOP(
        "CliHelp", "pace to N units per SECONDS when Market sends no limit headers (default: the documented limit)"
    ),
}
# What reading a catalog file takes, and what every run takes (an operation's and a resume's).
_FILE_ARGUMENTS = ("sheet", "sku-column", "encoding")
_RUN_ARGUMENTS = ("api-url", "report", "report-all", "yes", "json-summary", "rate-limit")


def _add(parser: argparse.ArgumentParser, *keys: str, **changed: Any) -> None:
    """The arguments `keys` of _ARGUMENTS, in this order (the order --help lists them in), with their help in
    the session's language; `changed`: keywords that differ here."""
    for key in keys:
        flags, options = _ARGUMENTS[key]
        helptext = _h(_HELP[key]).format(env=API_URL_ENV, max=MAX_BATCH)
        parser.add_argument(*flags, **{**options, "help": helptext, **changed})


# What each operation does, for `ymdesk-cli run --help` and `ymdesk-cli run OPERATION --help`.
OPERATION_HELP = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP("CliHelp", "delete the products in the file from one store"),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP(
        "CliHelp", "delete the products in the file from the whole business catalog, every store included"
    ),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP(
        "CliHelp", "take the products in the file out of a promo, or leave the promo entirely (--all-offers)"
    ),
    Operation.REMOVE_PRICES: QT_TRANSLATE_NOOP(
        "CliHelp", "remove every price set through the API in one store (legacy method; no file)"
    ),
}
_CAMPAIGN_OPERATIONS = (Operation.DELETE_OFFERS, Operation.REMOVE_PRICES)


def build_parser() -> argparse.ArgumentParser:
    # -v and --lang work before or after the command; SUPPRESS keeps a later default from undoing an earlier flag.
    common = _Parser(add_help=False)
    _add(common, "lang", "verbose", "help")
    parser = _Parser(
        prog="ymdesk-cli",
        description=_h(QT_TRANSLATE_NOOP("CliHelp", "Bulk clean-up of a Yandex Market catalog (Partner API).")),
        parents=[common],
        add_help=False,
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ymdesk {__version__}",
        help=_h(QT_TRANSLATE_NOOP("CliHelp", "show the version and exit")),
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")

    def add_command(name: str, helptext: str, *keys: str) -> argparse.ArgumentParser:
        command: argparse.ArgumentParser = commands.add_parser(
            name, parents=[common], add_help=False, help=_h(helptext)
        )
        _add(command, *keys)
        return command

    add_command(
        "inspect",
        QT_TRANSLATE_NOOP("CliHelp", "read a catalog file and show what would be sent"),
        "catalog",
        *_FILE_ARGUMENTS,
        "json",
        "skus",
    )
    run = add_command("run", QT_TRANSLATE_NOOP("CliHelp", "run an operation (ymdesk-cli run OPERATION --help)"))
    operations = run.add_subparsers(dest="operation", required=True, parser_class=_Parser, metavar="OPERATION")
    for operation in Operation:
        described = _h(OPERATION_HELP[operation]) if operation in OPERATION_HELP else _operation_label(operation)
        one = operations.add_parser(
            operation.value, parents=[common], add_help=False, help=described, description=described
        )
        _operation_options(one, operation)
    add_command("campaigns", QT_TRANSLATE_NOOP("CliHelp", "stores reachable with the key"), "api-url", "json")
    promos = add_command("promos", QT_TRANSLATE_NOOP("CliHelp", "promos of a business"), "api-url", "json")
    _add(promos, "business-id", required=True)
    add_command("jobs", QT_TRANSLATE_NOOP("CliHelp", "the journal of runs"), "json")
    add_command(
        "verify",
        QT_TRANSLATE_NOOP("CliHelp", "re-read the SKUs a run recorded as done; list any Market still shows"),
        "job",
        "job-api-url",
        "json",
    )
    add_command(
        "resume", QT_TRANSLATE_NOOP("CliHelp", "finish an interrupted run"), "job", *_RUN_ARGUMENTS, "retry-failed"
    )
    add_command(
        "sandbox", QT_TRANSLATE_NOOP("CliHelp", "the built-in Market simulator on 127.0.0.1"), "port", "seed-file"
    )
    add_command(
        "demo",
        QT_TRANSLATE_NOOP("CliHelp", "the whole flow on the sample catalog against the built-in simulator"),
        "report",
        "json-summary",
    )
    return parser


def _operation_label(operation: Operation) -> str:
    return render(Message("Operation", operation.label))


def _operation_options(parser: argparse.ArgumentParser, operation: Operation) -> None:
    """The options `operation` takes, and nothing else, so that its --help says exactly what it needs."""
    parser.set_defaults(
        campaign_id=None,
        business_id=None,
        promo_id=None,
        file=None,
        all_offers=False,
        sheet=None,
        sku_column=None,
        encoding=None,
    )
    _add(parser, "campaign-id" if operation in _CAMPAIGN_OPERATIONS else "business-id")
    if operation is Operation.DELETE_PROMO_OFFERS:
        _add(parser, "promo-id", "all-offers")
    if operation.takes_skus:
        _add(parser, "file", *_FILE_ARGUMENTS)
    _add(parser, *_RUN_ARGUMENTS, "dry-run")
    if operation.takes_skus:
        _add(parser, "check", "drop-missing", "batch-size")
    else:
        parser.set_defaults(batch_size=MAX_BATCH, check=False, drop_missing=False)


# ---------------------------------------------------------------- commands


def cmd_inspect(args: argparse.Namespace) -> int:
    catalog = _read(args.file, args.sheet, args.sku_column, args.encoding)
    if args.json:
        data: dict[str, object] = {
            "file": str(args.file),
            "sheet": catalog.sheet,
            "encoding": catalog.encoding,
            "header_row": catalog.header_row,
            "first_data_row": catalog.first_data_row,
            "sku_column": catalog.sku_column,
            "rows": len(catalog.frame),
            "valid": len(catalog.valid_skus()),
            "invalid": [{"row": r, "sku": s, "reason": render(m)} for r, s, m in catalog.invalid_rows()],
            "duplicates": [{"row": r, "sku": s, "first_row": f} for r, s, f in catalog.duplicate_rows()],
            "hidden": catalog.hidden_rows(),
        }
        if args.skus:
            data["skus"] = catalog.valid_skus()
        print(json.dumps(data, ensure_ascii=True))
        return EXIT_OK
    say(
        Message.translate("Cli", "{file}: sheet {sheet}, header in row {header}, SKU column “{column}”.").with_args(
            file=args.file.name, sheet=catalog.sheet or "-", header=catalog.header_row, column=catalog.sku_column
        )
    )
    say(
        Message.translate(
            "Cli",
            "{rows:n} {rows:plural:row|rows}: {valid:n} unique valid {valid:plural:SKU|SKUs}, {invalid:n} invalid, "
            "{dupes:n} {dupes:plural:duplicate|duplicates}.",
        ).with_args(
            rows=len(catalog.frame),
            valid=len(catalog.valid_skus()),
            invalid=len(catalog.invalid_rows()),
            dupes=len(catalog.duplicate_rows()),
        )
    )
    if catalog.encoding:
        say(
            Message.translate("Cli", "Read as {encoding} (change with --encoding).").with_args(
                encoding=catalog.encoding
            )
        )
    if hidden := catalog.hidden_rows():
        say(
            Message.translate(
                "Cli", "{count:n} {count:plural:row is|rows are} hidden in Excel and were read too: {rows}."
            ).with_args(count=len(hidden), rows=", ".join(map(str, hidden[:20])) + (", …" if len(hidden) > 20 else ""))
        )
    for row, sku, reason in catalog.invalid_rows()[:20]:
        say(
            Message.translate("Cli", "  row {row}: {sku}: {reason}").with_args(
                row=row, sku=repr(sku), reason=render(reason)
            )
        )
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from ymdesk.core.runs.plan import JobSource, PickCounts, plan_run, whole_target

    operation = Operation(args.operation)
    target = _target(operation, args)
    api_url = _api_url(args.api_url)
    if not 1 <= args.batch_size <= MAX_BATCH:
        raise CliError(Message.translate("Cli", "--batch-size must be between 1 and {max}.").with_args(max=MAX_BATCH))
    catalog = None
    counts = PickCounts(0, 0, 0, 0)
    if not whole_target(operation, target):
        if args.file is None:
            raise CliError(
                Message.translate("Cli", "{operation} needs --file with the SKUs to process.").with_args(
                    operation=operation.value
                )
            )
        catalog = _read(args.file, args.sheet, args.sku_column, args.encoding)
        counts = PickCounts.of(catalog.check)
        if counts.valid == 0:
            raise CliError(
                Message.translate("Cli", "{file} has no valid SKUs to send; nothing was sent.").with_args(
                    file=args.file.name
                )
            )
    elif args.file is not None:
        raise CliError(
            Message.translate("Cli", "{operation} works on the whole target; --file is not used with it.").with_args(
                operation=operation.value
            )
        )
    limits = _limits_for(operation, args.rate_limit)
    if args.drop_missing and not args.check:
        raise CliError(Message.translate("Cli", "--drop-missing goes only with --check."))
    picked = None
    token = None if args.dry_run and not args.check else getattr(args, "demo_token", None) or _token()
    if args.check:
        picked = _check(operation, target, catalog, token, api_url, args)
        if picked is not None and catalog is not None:
            counts = PickCounts.of(catalog.check, picked)
            if counts.valid == 0:
                raise CliError(Message.translate("Cli", "No SKUs are left to send; nothing was sent."))
    # The name for the plan, the confirmation and the journal; a dry run, or a run that cannot be confirmed, asks
    # Market nothing more.
    asks = token and not args.dry_run and (args.yes or sys.stdin.isatty())
    name = _target_name(target, token, api_url) if asks else None
    key = token or (_token_if_any() if args.dry_run else None)
    if key and target.campaign_id is not None and (asks or args.dry_run):  # an unknown store: before the plan
        name = _check_campaign(target.campaign_id, key, api_url) or name
    plan = plan_run(
        operation,
        target,
        counts,
        args.batch_size,
        target_name=name or "",
        limits=limits,
        window=_window(operation, target),
    )
    warn(plan.summary())
    if args.dry_run or token is None:
        return EXIT_OK
    _confirm(plan, args.yes)

    from ymdesk.core.runs.journal import Journal

    with Journal() as journal:
        return _execute(journal, plan, token, api_url, args, JobSource(catalog, picked))


def _journal_job(journal: Journal, job_id: int) -> JobRecord:
    """The journal's job, or the one line that says there is none."""
    try:
        return journal.job(job_id)
    except KeyError:
        raise CliError(
            Message.translate("Cli", "There is no job {job} in the journal; see ymdesk-cli jobs.").with_args(job=job_id)
        ) from None


def cmd_resume(args: argparse.Namespace) -> int:
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.runs.plan import plan_resume

    with Journal() as journal:
        job = _journal_job(journal, args.job_id)
        holder = journal.lease_holder(job.id)
        if holder is not None:
            raise CliError(
                Message.translate(
                    "Cli",
                    "Job {job} is being run by another ymdesk (process {pid} on {host}); nothing was sent. Wait for "
                    "it to finish or stop that process, then resume.",
                ).with_args(job=job.id, pid=holder[0], host=holder[1])
            )
        retry_failed = bool(getattr(args, "retry_failed", False))
        left = journal.to_send(job.id, retry_failed=retry_failed, limit=1)
        if not left and not (
            job.status.resumable and (job.operation is Operation.REMOVE_PRICES or job.target.all_offers)
        ):
            warn(Message.translate("Cli", "Job {job} is already finished; nothing to send.").with_args(job=job.id))
            _finish(journal, job.id, job.status, args)
            return _exit_code(journal, job.id, job.status)
        api_url = _api_url(args.api_url or job.api_url)
        token = _token()
        plan = plan_resume(
            journal,
            job.id,
            target_name=job.target_name or "",
            limits=_limits_for(job.operation, args.rate_limit),
            retry_failed=retry_failed,
        )
        warn(
            Message.translate("Cli", "Resuming job {job}: {left:n} {left:plural:SKU|SKUs} still to send.").with_args(
                job=job.id, left=plan.valid
            )
        )
        warn(plan.summary())
        _confirm(plan, args.yes)
        return _execute(journal, plan, token, api_url, args)


def cmd_listing(args: argparse.Namespace) -> int:
    from ymdesk.core.market.client import MarketClient

    with MarketClient(_token(), _api_url(args.api_url)) as client:
        if args.command == "campaigns":
            rows = [c.__dict__ for c in client.campaigns()]
        else:
            rows = [p.__dict__ for p in client.promos(args.business_id)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=True))
    else:
        _print_table(args.command, rows)
    return EXIT_OK


# The columns of the tables `campaigns`, `promos` and `jobs` print: (command, field, heading). The headings are
# translated; the fields of `campaigns` and `promos` are their --json keys.
TABLE_COLUMNS = (
    ("campaigns", "id", QT_TRANSLATE_NOOP("CliTable", "Store id")),
    ("campaigns", "domain", QT_TRANSLATE_NOOP("CliTable", "Store")),
    ("campaigns", "business_id", QT_TRANSLATE_NOOP("CliTable", "Business id")),
    ("campaigns", "business_name", QT_TRANSLATE_NOOP("CliTable", "Business")),
    ("campaigns", "placement_type", QT_TRANSLATE_NOOP("CliTable", "Model")),
    ("campaigns", "api_availability", QT_TRANSLATE_NOOP("CliTable", "API access")),
    ("promos", "id", QT_TRANSLATE_NOOP("CliTable", "Promo id")),
    ("promos", "name", QT_TRANSLATE_NOOP("CliTable", "Promo")),
    ("promos", "mechanics", QT_TRANSLATE_NOOP("CliTable", "Mechanics")),
    ("promos", "participating", QT_TRANSLATE_NOOP("CliTable", "Taking part")),
    ("promos", "processing", QT_TRANSLATE_NOOP("CliTable", "Processing")),
    ("promos", "active_offers", QT_TRANSLATE_NOOP("CliTable", "Products in it")),
    ("promos", "date_to", QT_TRANSLATE_NOOP("CliTable", "Ends")),
    ("jobs", "job_id", QT_TRANSLATE_NOOP("CliTable", "Job")),
    ("jobs", "created", QT_TRANSLATE_NOOP("CliTable", "Created")),
    ("jobs", "operation", QT_TRANSLATE_NOOP("CliTable", "Operation")),
    ("jobs", "target", QT_TRANSLATE_NOOP("CliTable", "Target")),
    ("jobs", "status", QT_TRANSLATE_NOOP("CliTable", "Status")),
    ("jobs", "counts", QT_TRANSLATE_NOOP("CliTable", "SKUs by outcome")),
)


_YES = QT_TRANSLATE_NOOP("CliTable", "yes")
_NO = QT_TRANSLATE_NOOP("CliTable", "no")


def _heading(title: str) -> str:
    from ymdesk.i18n import tr as translated  # not named tr( here: lupdate would take "CliTable" for a text

    return translated("CliTable", title)


def _print_table(command: str, rows: list[dict[str, Any]]) -> None:
    """`command`'s TABLE_COLUMNS of `rows`: tab-separated lines (scripts split on tabs) under a header row a
    person can read."""
    columns = [(field, heading) for name, field, heading in TABLE_COLUMNS if name == command]
    words = {True: _heading(_YES), False: _heading(_NO)}
    print("\t".join(_heading(heading) for _field, heading in columns))
    for row in rows:
        values = (row[field] for field, _title in columns)
        cells = (words[value] if isinstance(value, bool) else "" if value is None else value for value in values)
        print("\t".join(safe(cell) for cell in cells))


def cmd_jobs(args: argparse.Namespace) -> int:
    from ymdesk.core.runs.journal import Journal

    with Journal() as journal:
        jobs = [(job, journal.counts(job.id)) for job in journal.jobs()]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "job_id": job.id,
                        "operation": job.operation.value,
                        "target": job.target.describe(),
                        "status": job.status.value,
                        "source_file": job.source_file,
                        "created": job.created_at,
                        "started": job.started_at,
                        "finished": job.finished_at,
                        "counts": {o.value: n for o, n in counts.items()},
                    }
                    for job, counts in jobs
                ],
                ensure_ascii=True,
            )
        )
        return EXIT_OK
    from ymdesk.core.model import OUTCOME_TITLES
    from ymdesk.core.wording import local_time, target_title
    from ymdesk.i18n import number, tr

    table = []
    for job, counts in jobs:
        tally = ", ".join(f"{tr('Outcome', OUTCOME_TITLES[o])} {number(n)}" for o, n in sorted(counts.items()) if n)
        table.append(
            {
                "job_id": job.id,
                "created": local_time(job.started_at or job.created_at),
                "operation": _operation_label(job.operation),
                "target": render(target_title(job.target, job.target_name)),
                "status": render(status_title(job.status)),
                "counts": tally,
            }
        )
    _print_table("jobs", table)
    return EXIT_OK


def cmd_sandbox(args: argparse.Namespace) -> int:
    from ymdesk.core.simulator import DEMO_API_KEY, run_sandbox

    with CtrlC(threading.Event()) as stopped:  # Ctrl+C stops the simulator, even while it starts
        try:
            simulator = run_sandbox(port=args.port, seed_file=args.seed_file)
        except OSError as error:
            raise CliError(
                Message.translate("Cli", "Cannot listen on port {port} ({error}); pick another with --port.").with_args(
                    port=args.port, error=error.strerror or error
                )
            ) from error
        with simulator:
            say(
                Message.translate("Cli", "Market simulator at {url}; API key: {key}. Press Ctrl+C to stop.").with_args(
                    url=simulator.url, key=DEMO_API_KEY
                )
            )
            _print_sandbox_targets(simulator)
            sys.stdout.flush()
            stopped.wait()
    return EXIT_OK


def _print_sandbox_targets(simulator: MarketSimulator) -> None:
    """The demo business, its stores and promos with their ids, and a first command to try."""
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_BUSINESS_ID, DEMO_FBS_CAMPAIGN_ID, sample_catalog_path

    state = simulator.state
    business = state.businesses[DEMO_BUSINESS_ID]
    say(Message.translate("Cli", "Business {id} «{name}»:").with_args(id=business.id, name=business.name))
    for campaign in state.campaigns_of([DEMO_BUSINESS_ID]):
        say(
            Message.translate(
                "Cli", "  store {id} «{name}» ({model}), {count:n} {count:plural:product|products}"
            ).with_args(id=campaign.id, name=campaign.domain, model=campaign.placement_type, count=len(campaign.offers))
        )
    for promo in sorted(state.promos.values(), key=lambda p: p.id):
        if promo.business_id == DEMO_BUSINESS_ID:
            say(Message.translate("Cli", "  promo {id} «{name}»").with_args(id=promo.id, name=promo.name))
    say(
        Message.translate(
            "Cli",
            "Try: YM_API_KEY={key} ymdesk-cli run delete-offers --campaign-id {store} --file {file} "
            "--api-url {url} --dry-run",
        ).with_args(key=DEMO_API_KEY, store=DEMO_FBS_CAMPAIGN_ID, file=sample_catalog_path(), url=simulator.url)
    )


def cmd_demo(args: argparse.Namespace) -> int:
    """delete-offers on the bundled sample catalog against an embedded simulator, end to end."""
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_FBS_CAMPAIGN_ID, MarketSimulator, sample_catalog_path

    sample = sample_catalog_path()
    with MarketSimulator().start() as simulator:
        warn(
            Message.translate("Cli", "Demo: the built-in Market simulator at {url}, sample catalog {file}.").with_args(
                url=simulator.url, file=sample.name
            )
        )
        run_args = build_parser().parse_args(
            [
                "run",
                Operation.DELETE_OFFERS.value,
                "--campaign-id",
                str(DEMO_FBS_CAMPAIGN_ID),
                "--file",
                str(sample),
                "--api-url",
                simulator.url,
                "--yes",
                *(["--report", str(args.report)] if args.report else []),
                *(["--json"] if args.json else []),
            ]
        )
        run_args.demo_token = DEMO_API_KEY
        code = cmd_run(run_args)
    if code != EXIT_FAILED:
        return code
    # The sample holds invalid and warehouse-held SKUs on purpose, to show how they are reported.
    warn(
        Message.translate(
            "Cli",
            "Demo finished. The sample catalog holds invalid SKUs and SKUs held in a Market "
            "warehouse on purpose; the report lists them with the reasons.",
        )
    )
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Re-read the SKUs a finished run recorded as done; exit 1 when Market still shows some."""
    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.runs.check import where_to_read
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.runs.run_log import RunLog
    from ymdesk.core.runs.verify import verify_job

    with Journal() as journal:
        job = _journal_job(journal, args.job_id)
        if where_to_read(job.operation, job.target) is None:
            raise CliError(
                Message.translate(
                    "Cli", "Job {job} worked on the whole target; Market has nothing to re-read."
                ).with_args(job=job.id)
            )
        api_url = _api_url(args.api_url or job.api_url)
        token = _token()
        with _cancel_on_ctrl_c(threading.Event()) as cancel, MarketClient(token, api_url) as client:
            show = TerminalProgress(RunLog(job.operation))
            result = _drain(verify_job(client, journal, job.id, cancel=cancel), show)
    if args.json:
        print(
            json.dumps(
                {
                    "job_id": result.job_id,
                    "operation": result.operation.value,
                    "recorded_done": result.recorded,
                    "checked": result.checked,
                    "still_shown": [{"row": row, "sku": sku} for row, sku in result.still_shown],
                    "cancelled": result.cancelled,
                    "seconds": round(result.seconds, 3),
                },
                ensure_ascii=True,
            )
        )
    else:
        for line in result.lines():
            say(line)
        for row, sku in result.still_shown[:50]:
            say(Message.translate("Cli", "  row {row}: {sku}").with_args(row=row if row is not None else "-", sku=sku))
        if len(result.still_shown) > 50:
            say(Message.translate("Cli", "… and {count:n} more.").with_args(count=len(result.still_shown) - 50))
    if result.cancelled:
        return EXIT_CANCELLED
    return EXIT_OK if not result.still_shown else EXIT_FAILED


def _check(
    operation: Operation, target: Target, catalog: Catalog | None, token: str, api_url: str, args: argparse.Namespace
) -> npt.NDArray[np.bool_] | None:
    """`run --check`: look the valid SKUs up on Market and print what it has not. Returns the rows to send
    (a mask without the SKUs Market does not have) with --drop-missing, else None (every row)."""
    import numpy as np

    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.runs.check import plan_check, run_check
    from ymdesk.core.runs.run_log import RunLog

    skus = catalog.valid_skus() if catalog is not None else []
    check_plan = plan_check(operation, target, len(skus), batch_size=args.batch_size)
    if check_plan is None:
        warn(
            Message.translate("Cli", "{operation} works on the whole target; there is nothing to check.").with_args(
                operation=Message("Operation", operation.label)
            )
        )
        return None
    warn(check_plan.describe(render))
    with _cancel_on_ctrl_c(threading.Event()) as cancel, MarketClient(token, api_url) as client:
        show = TerminalProgress(RunLog(operation))
        result = _drain(run_check(client, operation, target, skus, cancel=cancel), show)
    for line in result.lines(render):
        say(line, sys.stderr if args.json else None)
    for sku in result.missing[:50]:
        say(Message.translate("Cli", "  not on Market: {sku}").with_args(sku=sku), sys.stderr if args.json else None)
    if len(result.missing) > 50:
        warn(Message.translate("Cli", "… and {count:n} more.").with_args(count=len(result.missing) - 50))
    if args.json and args.dry_run:
        print(
            json.dumps(
                {
                    "operation": operation.value,
                    "target": result.where.value,
                    "picked": result.picked,
                    "checked": result.checked,
                    "found": result.found,
                    "missing": result.missing,
                    "archived": result.archived,
                    "statuses": result.statuses,
                    "cancelled": result.cancelled,
                    "seconds": round(result.seconds, 3),
                    "requests": result.requests,
                },
                ensure_ascii=True,
            )
        )
    if result.cancelled:
        raise CliError(Message.translate("Cli", "Check cancelled; nothing was sent."), EXIT_CANCELLED)
    if not (args.drop_missing and result.missing):
        return None
    warn(
        Message.translate(
            "Cli", "Dropping {count:n} {count:plural:SKU|SKUs} Market does not have from the run."
        ).with_args(count=len(result.missing))
    )
    assert catalog is not None  # there are missing SKUs only when a file was read
    trimmed = catalog.check.trimmed.to_numpy(dtype=object)
    return ~(catalog.check.valid & np.isin(trimmed, np.array(result.missing, dtype=object)))


def _drain(events: Generator[ReadEvent, None, T], show: TerminalProgress) -> T:
    """Show a core generator's events on stderr; its return value."""
    from ymdesk.core.runs.check import ReadProgress

    while True:
        try:
            event = next(events)
        except StopIteration as stop:
            result: T = stop.value
            return result
        if isinstance(event, ReadProgress):
            if event.requests_total and (event.requests % 10 == 0 or event.requests == event.requests_total):
                warn(
                    Message.translate("Cli", "{done:n} of {total:n} {total:plural:SKU|SKUs} read.").with_args(
                        done=event.done, total=event.total
                    )
                )
        else:
            show(event)


# ---------------------------------------------------------------- running a job


def _execute(
    journal: Journal,
    plan: RunPlan,
    token: str,
    api_url: str,
    args: argparse.Namespace,
    source: JobSource | None = None,
) -> int:
    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.runs.plan import JobSource, start_run
    from ymdesk.core.runs.run_log import RunLog

    status = JobStatus.RUNNING
    job_id = plan.job_id
    with _cancel_on_ctrl_c(threading.Event()) as cancel:
        show = TerminalProgress(RunLog(plan.operation, journal.counts(plan.job_id) if plan.job_id else None))
        client = MarketClient(token, api_url)
        retry_failed = bool(getattr(args, "retry_failed", False))
        events = start_run(
            journal, client, plan, source=source or JobSource(), cancel=cancel, retry_failed=retry_failed
        )
        try:
            for event in events:
                show(event)
                if isinstance(event, JobCreated):
                    job_id = _CURRENT_JOB["id"] = event.job_id
                elif isinstance(event, Finished):
                    status = event.status
                    if status is JobStatus.STOPPED and event.message is not None and _key_refused(event.message):
                        warn(
                            Message.translate(
                                "Cli",
                                "Market refused the API key. Set YM_API_KEY to a valid key, or save a new key in the "
                                "ymdesk app (Connect), then resume the job.",
                            )
                        )
        finally:
            events.close()  # a second Ctrl+C: the runner records how the job ended before the process goes
    assert job_id is not None  # start_run yields JobCreated before anything is sent
    _finish(journal, job_id, status, args)
    return _exit_code(journal, job_id, status)


# The job a run or resume works on, for the --json object printed after an unexpected error.
_CURRENT_JOB: dict[str, int | None] = {"id": None}


def _key_refused(message: Message) -> bool:
    from ymdesk.core.market.client import KEY_REFUSED_TEXT

    return message.text == KEY_REFUSED_TEXT


def _finish(journal: Journal, job_id: int, status: JobStatus, args: argparse.Namespace) -> None:
    """Write the report when something did not succeed (or when asked), then the summary."""
    from ymdesk.core.runs.job_report import has_failures, write_job_report
    from ymdesk.core.runs.plan import report_path

    report: Path | None = None
    if args.report_all or has_failures(journal, job_id):
        operation = journal.job(job_id).operation
        path = args.report or report_path(job_id, operation, scope="all" if args.report_all else "")
        report = write_job_report(journal, job_id, path, everything=args.report_all, render=render)
    _summarise(journal, job_id, status, report, args.json)


class CtrlC:
    """Ctrl+C while a job, a check or the sandbox runs: the first sets `cancel` (and prints `notice`), a second
    stops at once (KeyboardInterrupt; a job stays resumable).

    The handler only hands the signal to a thread through a SimpleQueue, whose put() is safe in a signal
    handler: setting an Event or printing inside the handler deadlocks or fails when the signal lands while
    the main thread holds that Event's lock or is writing a progress line, and a KeyboardInterrupt raised
    inside threading's lock handling can leave a lock held for ever (the sandbox then never stopped)."""

    def __init__(self, cancel: threading.Event, notice: Message | None = None) -> None:
        self.cancel = cancel
        self._notice = notice
        self._interrupted = False
        self._signals: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        self._relay = threading.Thread(target=self._relay_signals, name="ctrl-c", daemon=True)
        self._previous: Any = None

    def __enter__(self) -> threading.Event:
        self._relay.start()
        self._previous = signal.signal(signal.SIGINT, self._handle)
        return self.cancel

    def __exit__(self, *exc_info: object) -> None:
        signal.signal(signal.SIGINT, self._previous)
        self._signals.put(None)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self._interrupted:
            raise KeyboardInterrupt
        self._interrupted = True
        self._signals.put(signum)

    def _relay_signals(self) -> None:
        while self._signals.get() is not None:
            self.cancel.set()
            if self._notice is not None:
                warn(self._notice)


def _cancel_on_ctrl_c(cancel: threading.Event) -> CtrlC:
    return CtrlC(cancel, Message.translate("Cli", "Cancelling… (Ctrl+C again to stop at once)"))


class TerminalProgress:
    """Progress on stderr, so stdout stays clean for --json: the run log's lines (the app's too), a countdown
    line every 10 s at most."""

    def __init__(self, log: RunLog) -> None:
        self._log = log
        self._last_wait: tuple[Message, int] | None = None

    def __call__(self, event: Event) -> None:
        messages = self._log.lines(event)
        if isinstance(event, Waiting):
            countdown = self._countdown(event)
            messages = [countdown] if countdown is not None else []
        elif isinstance(event, LogLine | Finished) and event.message is not None:
            messages = [event.message]
        for message in messages:
            warn(message)

    def _countdown(self, event: Waiting) -> Message | None:
        tens = int(event.seconds_left) // 10
        if self._last_wait is not None and self._last_wait == (event.reason, tens):
            return None
        self._last_wait = (event.reason, tens)
        return event.reason if event.kind is not WaitKind.PACING or event.seconds_left >= 2 else None


def _summarise(journal: Journal, job_id: int, status: JobStatus, report: Path | None, as_json: bool) -> None:
    counts: dict[Outcome, int] = journal.counts(job_id)
    job = journal.job(job_id)
    summary = {
        "operation": job.operation.value,
        "job_id": job_id,
        "requested": sum(counts.values()),
        "succeeded": sum(n for o, n in counts.items() if o.is_success),
        "failed": sum(counts.get(o, 0) for o in (Outcome.NOT_DELETED, Outcome.REJECTED, Outcome.FAILED)),
        "invalid": counts.get(Outcome.INVALID, 0),
        "skipped": counts.get(Outcome.CANCELLED, 0) + counts.get(Outcome.PENDING, 0),
        "unanswered": counts.get(Outcome.UNANSWERED, 0),
        "report": str(report) if report else None,
        "status": status.value,
    }
    if as_json:
        print(json.dumps(summary, ensure_ascii=True))
        _JSON_STATE["printed"] = True
        return
    if job.operation is Operation.ARCHIVE:
        line = Message.translate(
            "Cli",
            "Job {job}, {status}: {succeeded:n} archived, {failed:n} not archived or failed, "
            "{invalid:n} invalid, {skipped:n} not sent.",
        )
    elif job.operation is Operation.UNARCHIVE:
        line = Message.translate(
            "Cli",
            "Job {job}, {status}: {succeeded:n} back from the archive, {failed:n} not brought back or failed, "
            "{invalid:n} invalid, {skipped:n} not sent.",
        )
    else:
        line = Message.translate(
            "Cli",
            "Job {job}, {status}: {succeeded:n} deleted, {failed:n} not deleted or failed, "
            "{invalid:n} invalid, {skipped:n} not sent.",
        )
    say(
        line.with_args(
            job=job_id,
            status=status_title(status),
            succeeded=summary["succeeded"],
            failed=summary["failed"],
            invalid=summary["invalid"],
            skipped=summary["skipped"],
        )
    )
    if report:
        say(Message.translate("Cli", "Report: {path}").with_args(path=report))


def _exit_code(journal: Journal, job_id: int, status: JobStatus) -> int:
    if status is JobStatus.CANCELLED:
        return EXIT_CANCELLED
    if status in (JobStatus.STOPPED, JobStatus.INTERRUPTED):
        return EXIT_STOPPED
    if status is JobStatus.FAILED:
        return EXIT_FAILED
    counts: dict[Outcome, int] = journal.counts(job_id)
    return EXIT_OK if all(o.is_success for o, n in counts.items() if n) else EXIT_FAILED


# ---------------------------------------------------------------- helpers


def _read(path: Path, sheet: str | None, sku_column: str | None, encoding: str | None = None) -> Catalog:
    from ymdesk.core.sheets.catalog import read_catalog

    return read_catalog(path, sheet=sheet, sku_column=sku_column, encoding=encoding)


def _target(operation: Operation, args: argparse.Namespace) -> Target:
    """core.runs.plan.build_target, its complaints worded with this command's options."""
    from ymdesk.core.runs.plan import TargetError, build_target

    if operation is Operation.DELETE_PROMO_OFFERS and args.promo_id and args.all_offers == (args.file is not None):
        raise CliError(Message.translate("Cli", "delete-promo-offers needs either --file or --all-offers."))
    try:
        return build_target(
            operation,
            campaign_id=args.campaign_id,
            business_id=args.business_id,
            promo_id=args.promo_id,
            all_offers=bool(args.all_offers),
        )
    except TargetError as error:
        option = "--" + error.field.replace("_", "-")
        if error.problem == "not_positive":
            message = Message.translate("Cli", "{option} must be a positive number.").with_args(option=option)
        elif error.field == "campaign_id":
            message = Message.translate(
                "Cli", "{operation} needs --campaign-id (the store's id; see ymdesk-cli campaigns)."
            ).with_args(operation=operation.value)
        elif error.field == "business_id":
            message = Message.translate("Cli", "{operation} needs --business-id (see ymdesk-cli campaigns).").with_args(
                operation=operation.value
            )
        elif error.field == "promo_id":
            message = Message.translate("Cli", "delete-promo-offers needs --promo-id (see ymdesk-cli promos).")
        else:
            message = Message.translate("Cli", "--all-offers goes only with delete-promo-offers.")
        raise CliError(message) from None


def _target_name(target: Target, token: str, api_url: str) -> str | None:
    """The store's or promo's name from Market, for the journal and `jobs` («Демо-магазин FBS»). Only a
    nicety: when the look-up fails, the run goes on without the name."""
    from ymdesk.core.market.client import MarketClient

    try:
        with MarketClient(token, api_url, timeout=(5, 10)) as client:
            if target.promo_id is not None and target.business_id is not None:
                return next((p.name for p in client.promos(target.business_id) if p.id == target.promo_id), None)
            if target.campaign_id is not None:
                return next((c.domain for c in client.campaigns() if c.id == target.campaign_id), None)
            if target.business_id is not None:
                found = (c.business_name for c in client.campaigns() if c.business_id == target.business_id)
                return next(found, None)
    except UserError as error:  # the run itself reports any real problem with the key or the network
        logging.getLogger("ymdesk.cli").info("no name for %s: %s", target.describe(), error)
    return None


def _token_if_any() -> str | None:
    from ymdesk.core.secrets import token_for_cli

    try:
        return token_for_cli() or None
    except Exception:  # no keyring service: a dry run simply does not check the store
        return None


def _check_campaign(campaign_id: int, token: str, api_url: str) -> str | None:
    """The store's name when the key reaches it; a store the key does not reach stops here (exit 2, nothing sent).
    When Market cannot be asked (network, the key refused), the run itself reports that."""
    from ymdesk.core.market.client import MarketClient

    try:
        with MarketClient(token, api_url, timeout=(5, 10), deadline=20) as client:
            campaigns = client.campaigns()
    except UserError as error:
        logging.getLogger("ymdesk.cli").info("could not check store %s: %s", campaign_id, error)
        return None
    for campaign in campaigns:
        if campaign.id == campaign_id:
            return campaign.domain or None
    raise CliError(
        Message.translate(
            "Cli",
            "This key reaches no store with id {campaign}; nothing was sent. See ymdesk-cli campaigns for the stores "
            "it reaches.",
        ).with_args(campaign=campaign_id)
    )


def _limits_for(operation: Operation, override: tuple[int, float] | None) -> RateLimits:
    from ymdesk.core.market.ratelimit import DEFAULT_LIMITS, RateLimits

    default = DEFAULT_LIMITS[operation]
    return RateLimits(override[0], override[1], default.per_sku) if override else default


def _window(operation: Operation, target: Target) -> WindowUse:
    """What earlier runs on this store spent of the limit window, when there is a journal to ask."""
    from ymdesk.core.paths import journal_path
    from ymdesk.core.runs.plan import WindowUse, window_use

    if not journal_path().exists():  # a dry run on a fresh machine creates nothing
        return WindowUse()
    from ymdesk.core.runs.journal import Journal

    with Journal() as journal:
        return window_use(journal, operation, target)


def _api_url(given: str | None) -> str:
    from ymdesk.core.market.client import DEFAULT_API_URL, check_base_url

    return check_base_url(given or os.environ.get(API_URL_ENV) or DEFAULT_API_URL)


def _token() -> str:
    from ymdesk.core.secrets import token_for_cli

    token = token_for_cli()
    if not token:
        raise CliError(
            Message.translate(
                "Cli", "No API key: set the YM_API_KEY environment variable, or save the key in the ymdesk app."
            )
        )
    return token


def _confirm(plan: RunPlan, assume_yes: bool) -> None:
    """The plan's confirmation rule (the app's too): typed above LARGE_RUN SKUs and for whole-target runs."""
    if assume_yes:
        return
    if not sys.stdin.isatty():
        raise CliError(
            Message.translate(
                "Cli",
                "This run changes your Market catalog; confirm it with --yes when "
                "running without a terminal. Nothing was sent.",
            )
        )
    from ymdesk.core.wording import target_title

    rule = plan.confirmation
    target = target_title(plan.target, plan.target_name) if plan.target else "-"
    operation = Message("Operation", plan.operation.label)
    if rule.typed:
        prompt = Message.translate("Cli", "{operation}, {target}. Type {expected} to confirm: ").with_args(
            operation=operation, target=target, expected=rule.expected
        )
    else:
        prompt = Message.translate(
            "Cli", "{operation}, {target}: {count:n} {count:plural:SKU|SKUs}. Continue? [y/N] "
        ).with_args(operation=operation, target=target, count=plan.valid)
    if not rule.accepts(input(safe(render(prompt)))):
        raise CliError(Message.translate("Cli", "Not confirmed; nothing was sent."))


COMMANDS = {
    "inspect": cmd_inspect,
    "run": cmd_run,
    "resume": cmd_resume,
    "verify": cmd_verify,
    "campaigns": cmd_listing,
    "promos": cmd_listing,
    "jobs": cmd_jobs,
    "sandbox": cmd_sandbox,
    "demo": cmd_demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _start_translation(_language_in(argv))  # before the parser: its help texts are translated
    _translate_argparse()
    args = build_parser().parse_args(argv)
    with contextlib.suppress(AttributeError, ValueError):  # a replaced or closed stream keeps its own rules
        sys.stdout.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    args.lang, args.verbose = getattr(args, "lang", None), getattr(args, "verbose", False)
    log_file = _setup_logging(args)
    _JSON_STATE["wanted"] = bool(getattr(args, "json", False)) and args.command in ("run", "resume", "demo")
    try:
        return COMMANDS[args.command](args)
    except CliError as error:
        warn(error.message)
        return _json_fallback(error.code, error.message)
    except UserError as error:
        warn(error.message)
        return _json_fallback(_user_error_code(error), error.message)
    except KeyboardInterrupt:
        stopped = Message.translate("Cli", "Stopped. The job stays in the journal; finish it with ymdesk-cli resume.")
        warn(stopped)
        return _json_fallback(EXIT_CANCELLED, stopped)
    except BrokenPipeError:
        # The reader went away (`ymdesk-cli inspect F | head`): not an error of ours; stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # a bug: one line for the user, the traceback for us
        with contextlib.suppress(Exception):
            logging.getLogger("ymdesk.cli").exception("unexpected error")
        unexpected = Message.translate(
            "Cli",
            "ymdesk hit an unexpected error ({kind}); details are in {log}. Any job stays in the journal: "
            "finish it with ymdesk-cli resume.",
        ).with_args(kind=type(error).__name__, log=log_file or "-")
        warn(unexpected)
        return _json_fallback(EXIT_STOPPED, unexpected)


# --json promises one object on stdout however the command ends; _summarise prints it when a run gets that far.
_JSON_STATE: dict[str, bool] = {"wanted": False, "printed": False}
_EXIT_STATUS = {
    EXIT_BAD_INPUT: "bad_input",
    EXIT_STOPPED: "stopped",
    EXIT_CANCELLED: "cancelled",
    EXIT_FAILED: "failed",
}


def _json_fallback(code: int, message: Message) -> int:
    """The --json object after an error that ended the command before its summary: status, the error, the job."""
    if _JSON_STATE["wanted"] and not _JSON_STATE["printed"]:
        _JSON_STATE["printed"] = True
        with contextlib.suppress(Exception):
            print(
                json.dumps(
                    {
                        "job_id": _CURRENT_JOB["id"],
                        "status": _EXIT_STATUS.get(code, "error"),
                        "error": safe(render(message)),
                        "exit_code": code,
                    },
                    ensure_ascii=True,
                )
            )
    return code


def _setup_logging(args: argparse.Namespace) -> Path | None:
    """The log file; a log that cannot be written (read-only data dir, full disk) is a warning, never a traceback."""
    from ymdesk.core.logs import setup_logging

    try:
        return setup_logging(verbose=args.verbose, secrets=tuple(filter(None, [os.environ.get("YM_API_KEY")])))
    except OSError as error:
        logging.getLogger().addHandler(logging.NullHandler())
        warn(
            Message.translate("Cli", "The log cannot be written ({reason}); going on without it.").with_args(
                reason=error.strerror or str(error)
            )
        )
        return None


def _user_error_code(error: UserError) -> int:
    from ymdesk.core.market.client import ApiError, TransportError
    from ymdesk.core.runs.journal import JobBusyError, JournalError

    if isinstance(error, JournalError):
        return error.exit_code
    if isinstance(error, JobBusyError):
        return EXIT_BAD_INPUT
    return EXIT_STOPPED if isinstance(error, ApiError | TransportError) else EXIT_BAD_INPUT


def _translate_argparse() -> None:
    """argparse's own sentences ("the following arguments are required") in the session's language too."""
    known = {*ARGPARSE_WORDS, _OPTIONS}  # "options" too: a parent's group merges only under the same title
    argparse._ = lambda text: _h(text) if text in known else text  # type: ignore[attr-defined]


def _language_in(argv: Sequence[str]) -> str | None:
    """--lang ru / --lang=ru anywhere on the command line (argparse checks it properly later)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _start_translation(language: str | None) -> None:
    from PySide6.QtCore import QCoreApplication

    from ymdesk.i18n import install_translator

    if QCoreApplication.instance() is None:
        _start_translation.app = QCoreApplication(["ymdesk-cli"])  # type: ignore[attr-defined]
    install_translator(language)


if __name__ == "__main__":
    sys.exit(main())
