"""What ymdesk tells a person whose file it cannot open: one sentence each, what, which file, what to do."""

from __future__ import annotations

from typing import Any

from ymdesk.core.messages import QT_TRANSLATE_NOOP, Message, UserError

# Data rows ymdesk opens from one sheet or CSV. Excel's own limit (1,048,576 rows per sheet) is
# below it; a CSV can be longer, and past 5 million rows the table no longer fits comfortably in
# memory on an ordinary office PC, so larger files are refused with a request to split them.
MAX_DATA_ROWS = 5_000_000
# Largest file (or unpacked archive member) ymdesk reads, in bytes.
MAX_FILE_BYTES = 1536 * 1024 * 1024

NOT_FOUND = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The file {name} cannot be opened; check that it exists and that you may read it."
)
EMPTY = QT_TRANSLATE_NOOP("Spreadsheet", "The file {name} is empty; choose the file that holds your SKUs.")
TOO_BIG = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The file {name} is larger than {limit} MB, more than ymdesk opens at once; split it into smaller files.",
)
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The file {name} has more than {limit:n} rows, more than ymdesk opens at once; split it into smaller files.",
)
PDF = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The file {name} is a PDF document, not a spreadsheet; export the catalog from the cabinet as Excel or CSV.",
)
HTML = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The file {name} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx."
)
NOT_SPREADSHEET = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The file {name} is not a spreadsheet ymdesk can read; save it as .xlsx or .csv and open that."
)
ENCRYPTED = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The workbook {name} is protected with a password; open it in Excel, remove the password, save it and try again.",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The file {name} is damaged or incomplete; download or export it again and open the new copy."
)
UNREADABLE = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The file {name} could not be read as a spreadsheet; open it in Excel, save it as .xlsx and try again.",
)
ZIP_EMPTY = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The archive {name} holds no spreadsheet; extract the catalog file from it and open that."
)
ZIP_SEVERAL = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The archive {name} holds several spreadsheets ({files}); extract the one you need and open it directly.",
)
ZIP_BOMB = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The archive {name} unpacks to far more data than a catalog holds; check where it came from and "
    "open the spreadsheet itself.",
)
ENCODING = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The text encoding of {name} was not recognised; save it as CSV UTF-8 and open it again."
)
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("Spreadsheet", "There is no text encoding “{encoding}”; choose one of {known}.")
NOT_IN_ENCODING = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "The file {name} cannot be read as {encoding}; choose another encoding or leave the choice to ymdesk.",
)
NO_SKU_COLUMN = QT_TRANSLATE_NOOP(
    "Spreadsheet",
    "No column with SKUs was found in {name}; give it a header such as “Ваш SKU” or choose the column yourself.",
)
NO_SUCH_COLUMN = QT_TRANSLATE_NOOP(
    "Spreadsheet", "There is no column “{column}” in {name}; choose one of the columns it has."
)
NO_SUCH_SHEET = QT_TRANSLATE_NOOP(
    "Spreadsheet", "There is no sheet “{sheet}” in {name}; choose one of the sheets it has."
)
NO_ROWS = QT_TRANSLATE_NOOP(
    "Spreadsheet", "The file {name} has no rows under its header; check that this is the right file and sheet."
)
CANCELLED = QT_TRANSLATE_NOOP("Spreadsheet", "Opening {name} was cancelled.")


class ReadCancelled(UserError):
    """The caller set the cancel event while a file was being read."""


def fail(text: str, **args: Any) -> UserError:
    """A UserError for one of the sentences above (use: ``raise fail(EMPTY, name=...)``)."""
    return UserError(Message("Spreadsheet", text, args))
