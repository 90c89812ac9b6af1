"""Russian is shipped compiled, covers every source text, and reaches the windows and the core's messages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from ymdesk.core.messages import Message
from ymdesk.i18n import install_translator, render
from ymdesk.ui.resources import resource_path


@pytest.fixture
def russian(qapp):
    assert install_translator("ru") == "ru"
    yield
    install_translator("en")


def test_every_source_text_has_a_finished_russian_translation():
    ts = resource_path("translations", "ymdesk_ru.ts")
    assert resource_path("translations", "ymdesk_ru.qm").stat().st_size > 10_000
    unfinished = [
        message.findtext("source")
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert unfinished == []


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
