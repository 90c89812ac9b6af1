"""Polish seen at 1280x800 in Russian: unique Alt letters in the menus, the loading label and the status bar
not cut, the whole API address in Settings, connection errors without class names or a doubled "try again"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenuBar

from tests.helpers.gui_support import connect_test_that_fails
from ymdesk import i18n
from ymdesk.ui.settings import DEFAULT_API_URL
from ymdesk.ui.settings_dialog import SettingsDialog
from ymdesk.ui.widgets import accelerator, unique_accelerators


@pytest.fixture(params=["en", "ru"])
def language(request, qapp):
    i18n.install_translator(request.param)
    yield request.param
    i18n.install_translator("en")


def _letters(texts: list[str]) -> list[str]:
    return [letter for letter in map(accelerator, texts) if letter]


def test_unique_accelerators_moves_a_repeat_to_a_free_letter():
    assert unique_accelerators(["&Файл", "&Выбор", "&Вид", "&Маркет", "&Справка"]) == [
        "&Файл",
        "&Выбор",
        "В&ид",
        "&Маркет",
        "&Справка",
    ]
    assert unique_accelerators(["&Open", "&Other", "No letter"]) == ["&Open", "O&ther", "&No letter"]


def test_menus_have_unique_alt_letters_in_both_languages(qtbot, services, language):
    from ymdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    bar: QMenuBar = window.menuBar()
    titles = [action.text() for action in bar.actions() if not action.isSeparator()]
    assert len(set(_letters(titles))) == len(titles), titles
    for action in bar.actions():
        menu = action.menu()
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        letters = _letters(texts)
        assert len(set(letters)) == len(letters), texts


def test_loading_label_and_counts_are_not_cut(qtbot, services, catalog_file, language):
    from ymdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    path = catalog_file(3000, kind="csv")  # a text file: the encoding picker shows too
    window.open_file(path)
    label = window.loading_label
    assert label.isVisible() and path.name in label.text()
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    with qtbot.waitSignal(window.catalog_loaded, timeout=30_000):
        pass
    assert not label.isVisible()
    assert window.minimumSizeHint().width() <= 1280  # nothing pushes the window wider than the screen
    assert window.width() <= 1280
    counts = window.counts_label
    # The whole counts line fits at 1280 px once the status bar has laid out the new text.
    qtbot.waitUntil(lambda: counts.shown_text() == counts.text(), timeout=5_000)
    assert window.show_rows_button.isVisible()
    assert window.show_rows_button.geometry().right() <= window.width()


def test_settings_show_the_whole_api_address(qtbot, services, language):
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = dialog.url_edit
    for text in (DEFAULT_API_URL, edit.text()):
        assert edit.width() >= edit.fontMetrics().horizontalAdvance(text) + 8, text


def test_a_connection_error_has_no_class_name_and_one_try_again(qtbot, services, shown_dialogs):
    connect_test_that_fails(qtbot, services)
    shown = shown_dialogs[0]
    whole = f"{shown.text} {shown.informative}"
    assert "ConnectionError" not in whole and "Error)" not in whole
    assert "refused" in shown.text and "127.0.0.1" in shown.text
    assert whole.lower().count("try again") == 1
