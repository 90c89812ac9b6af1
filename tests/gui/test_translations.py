"""Russian is shipped compiled, covers every source text, and reaches the windows and the core's messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from resources.translations.update_translations import update
from ymdesk.core.messages import Message
from ymdesk.i18n import install_translator, render
from ymdesk.ui.resources import resource_path

RUSSIAN = Path(__file__).resolve().parents[2] / "resources" / "translations" / "ymdesk_ru.po"


@pytest.fixture
def russian(qapp):
    assert install_translator("ru") == "ru"
    yield
    install_translator("en")


def test_every_source_text_has_a_finished_russian_translation():
    po = polib.pofile(str(RUSSIAN))
    assert resource_path("translations", "ymdesk_ru.qm").stat().st_size > 10_000
    assert len(po) > 600
    # lupdate gives a new text an empty msgstr and a changed one "fuzzy"; polib's translated() is False for both.
    assert [entry.msgid for entry in po if not entry.translated()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    assert all(not line.startswith("#: /") for line in po.__unicode__().splitlines()), "absolute paths"


def test_the_russian_translations_hold_every_text_of_the_sources(tmp_path):
    """A text added to the code without running update_translations.py would reach Russian users in English."""
    fresh = tmp_path / RUSSIAN.name
    shutil.copyfile(RUSSIAN, fresh)
    update(fresh, "ru")

    def texts(path: Path) -> set[tuple[str, str]]:
        return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path))}

    # Only the texts: the references' line numbers move with every edit of the code.
    assert texts(fresh) == texts(RUSSIAN), "run resources/translations/update_translations.py"
    # lupdate hands a Python comment starting "#:" to the translators as a note on the next text.
    assert [entry.comment for entry in polib.pofile(str(fresh)) if entry.comment] == []


def test_the_main_window_and_core_messages_speak_russian(qtbot, russian, services):
    from ymdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.open_action.text() == "&Открыть каталог…"
    assert "Строк: 0" in window.counts_label.text()
    sku_too_long = Message(
        "Sku",
        "The SKU is too long: {length} characters, {over} over the limit of {limit}.",
        {"length": 300, "over": 45, "limit": 255},
    )
    assert render(sku_too_long) == "SKU слишком длинный: 300 символов, на 45 больше предела 255."
