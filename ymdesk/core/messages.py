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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


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
        return self.text.format(**self.args)

    def to_json(self) -> str:
        return json.dumps({"c": self.context, "t": self.text, "a": dict(self.args)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> Message:
        data = json.loads(raw)
        return cls(data["c"], data["t"], data.get("a", {}))

    def __str__(self) -> str:
        return self.english()


#: Turns a Message into the text a user reads. The core defaults to English; the app and the
#: CLI pass ``ymdesk.i18n.render`` which translates through Qt.
Renderer = Callable[[Message], str]


def english(message: Message) -> str:
    return message.english()


class UserError(Exception):
    """An error whose message is meant for the user: one clear sentence, no traceback."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.english())
        self.message = message
