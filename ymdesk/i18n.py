"""Translation at the edges: the app and the CLI load the same Qt translations.

Core code describes text as `Message`s; here they become the user's language through
``QCoreApplication.translate``. Only QtCore is needed, so the CLI can use this without a GUI.
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ymdesk.core.messages import Message, format_text

SUPPORTED = ("ru", "en")
LANGUAGE_ENV = "YMDESK_LANG"

_installed: list[QTranslator] = []  # keep translators alive as long as they are installed
_language = "en"  # the language in use: it picks plural forms
LOCALES = {"ru": "ru_RU", "en": "en_US"}


def system_language() -> str:
    """ru or en, from YMDESK_LANG, else the system locale (Russian speakers get Russian)."""
    forced = os.environ.get(LANGUAGE_ENV, "").strip().lower()[:2]
    if forced in SUPPORTED:
        return forced
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "ru" if value.lower().startswith("ru") else "en"
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def translations_dir() -> str:
    try:
        return str(resources.files("ymdesk.resources") / "translations")
    except ModuleNotFoundError:  # a source checkout, not installed: resources/ sits beside the package
        return str(Path(__file__).resolve().parents[1] / "resources" / "translations")


class _WithoutAccelerator(QTranslator):
    """Qt 6 asks for "&Look in:" and "Files of &type:" in its Open dialog, but its qtbase_ru.qm still holds
    them as "Look in:" and "Files of type:". Asked last, this looks a text up again without its "&"."""

    def __init__(self, base: QTranslator) -> None:
        super().__init__()
        self._base = base

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None is Qt's null string, "not here" (an empty string would be taken as the translation).
        if "&" not in source:
            return None
        return self._base.translate(context, source.replace("&", ""), disambiguation, n) or None

    def isEmpty(self) -> bool:
        return False


def qt_translations_dirs() -> list[str]:
    """Where Qt's own translations (qtbase_ru.qm) may be: Qt's configured path, else PySide6's folders
    (PySide6/Qt/translations from pip on Linux and macOS, PySide6/translations on Windows and in bundles)."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    package = Path(PySide6.__file__).resolve().parent
    found = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    found += [str(package / "Qt" / "translations"), str(package / "translations")]
    return [folder for i, folder in enumerate(found) if folder and folder not in found[:i] and Path(folder).is_dir()]


def install_translator(language: str | None = None) -> str:
    """Load ymdesk's translation (and Qt's own, for standard dialogs) for `language`.

    Needs a QCoreApplication (or QApplication) to exist. Returns the language in use.
    """
    app = QCoreApplication.instance()
    assert app is not None, "create the QCoreApplication first"
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = language if language in SUPPORTED else system_language()
    global _language
    _language = language
    QLocale.setDefault(QLocale(LOCALES[language]))  # numbers: 300,000 in English, 300 000 in Russian
    if language == "en":
        return language  # English is the source language
    for folder in qt_translations_dirs():
        qt_base = QTranslator()
        if qt_base.load(f"qtbase_{language}", folder):  # Qt's own dialogs: Open, Save, message box buttons
            fallback = _WithoutAccelerator(qt_base)  # Qt asks the last installed first: this one last of all
            app.installTranslator(fallback)
            app.installTranslator(qt_base)
            _installed.extend((fallback, qt_base))
            break
    ours = QTranslator()
    if ours.load(f"ymdesk_{language}", translations_dir()):
        app.installTranslator(ours)
        _installed.append(ours)
    return language


def current_language() -> str:
    return _language


def number(value: object) -> str:
    """A count as the language writes it: 300,000 in English, 300 000 in Russian (Qt's locale)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return QLocale().toString(value)
    return str(value)


def fill(text: str, *values: object, **args: object) -> str:
    """Fill an already translated text's ``{named}`` fields, with ``{n:n}`` numbers and
    ``{n:plural:one|other}`` word forms in the language in use (ymdesk.core.messages.format_text).

    A text translated earlier with Qt's ``%1``, ``%2`` takes its values positionally instead (in one pass, so
    a value that itself holds "%2" stays as it is): the one helper for both, instead of ``.replace`` chains."""
    if values:
        return _POSITIONAL.sub(
            lambda m: number(values[int(m.group(1)) - 1]) if int(m.group(1)) <= len(values) else m.group(0), text
        )
    return format_text(text, args, language=_language, number=number)


_POSITIONAL = re.compile(r"%([1-9])")


def render(message: Message) -> str:
    """A Message in the user's language."""
    text = QCoreApplication.translate(message.context, message.text)
    try:
        return fill(text, **message.rendered_args(render))
    except (KeyError, IndexError, ValueError):
        return message.english()  # a broken translation must never hide the message


def tr(context: str, text: str, **args: object) -> str:
    """Translate a plain source string outside a QObject (CLI output)."""
    translated = QCoreApplication.translate(context, text)
    return fill(translated, **args) if args else translated
