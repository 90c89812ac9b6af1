"""User-facing text from a Qt-free core.

The core never imports Qt, yet every string a user sees must go through Qt's translation.
So the core describes text as a `Message`: an English source text with ``{named}`` placeholders
plus its arguments. The edges (``ymdesk.i18n`` for the app and the CLI) translate the source
text with ``QCoreApplication.translate(context, text)`` and then fill in the arguments.

Messages are built as ``Message.translate("Context", "Source text {n}").with_args(n=3)``, and
bare source strings are marked ``QT_TRANSLATE_NOOP("Context", "text")``: pyside6-lupdate finds
both, as it finds ``tr()`` in the UI. The context must be a string literal (lupdate skips names),
and ``.translate`` takes exactly the two literals (lupdate skips calls with more arguments).
"""

from __future__ import annotations

import json
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def group_thousands(value: object) -> str:
    """A count with English digit grouping: 300000 -> "300,000"."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def plural_index(language: str, count: object) -> int:
    """Which plural form a count takes: English has two (1 file, 2 files), Russian three
    (1 файл, 2 файла, 5 файлов; 21 файл, 22 файла, 11 файлов)."""
    try:
        n = abs(int(str(count).replace(",", "").replace("\u00a0", "").replace(" ", "")))
    except ValueError:
        n = 0
    if language == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


class _TextFormatter(string.Formatter):
    """str.format with two extra field formats that translators keep in their texts:

    ``{count:n}``                      the number grouped as the language writes it (300,000 / 300 000);
    ``{count:plural:batch|batches}``   the word form for that count: English gives two forms,
                                       Russian three (``{count:plural:пакет|пакета|пакетов}``).
    """

    def __init__(self, language: str, number: Callable[[object], str]) -> None:
        super().__init__()
        self.language, self.number = language, number

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "n":
            return self.number(value)
        if format_spec.startswith("plural:"):
            forms = format_spec[len("plural:") :].split("|")
            return forms[min(plural_index(self.language, value), len(forms) - 1)]
        return str(super().format_field(value, format_spec))


def format_text(
    text: str, args: Mapping[str, Any], *, language: str = "en", number: Callable[[object], str] = group_thousands
) -> str:
    """Fill a source or translated text's ``{named}`` fields (see _TextFormatter for ``:n`` and ``:plural:``)."""
    return _TextFormatter(language, number).vformat(text, (), dict(args))


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """A translatable sentence: English source text, its translation context, and arguments."""

    context: str
    text: str
    args: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def translate(cls, context: str, text: str) -> Message:
        """Build a message. Written as a two-argument ``.translate(context, text)`` call so that
        pyside6-lupdate extracts the literal source text; add arguments with `with_args`."""
        return cls(context, text)

    def with_args(self, args: Mapping[str, Any] | None = None, /, **kwargs: Any) -> Message:
        return Message(self.context, self.text, {**self.args, **(args or {}), **kwargs})

    def english(self) -> str:
        return format_text(self.text, self.rendered_args(english))

    def rendered_args(self, render: Callable[[Message], str]) -> dict[str, Any]:
        """The arguments, with any that is itself a Message rendered by `render` and a list of Messages
        joined by commas (so a sentence can hold a duration or a list of counts, each translated)."""
        return {name: _rendered(value, render) for name, value in self.args.items()}

    def to_json(self) -> str:
        return json.dumps({"c": self.context, "t": self.text, "a": dict(self.args)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> Message:
        data = json.loads(raw)
        return cls(data["c"], data["t"], data.get("a", {}))

    def __str__(self) -> str:
        return self.english()


# Turns a Message into the text a user reads. The core defaults to English; the app and the
# CLI pass ``ymdesk.i18n.render`` which translates through Qt.
Renderer = Callable[[Message], str]


def english(message: Message) -> str:
    return message.english()


def _rendered(value: Any, render: Callable[[Message], str]) -> Any:
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, list | tuple) and value and all(isinstance(part, Message) for part in value):
        return ", ".join(render(part) for part in value)
    return value


class UserError(Exception):
    """An error whose message is meant for the user: one clear sentence, no traceback."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english())
        self.message = message
