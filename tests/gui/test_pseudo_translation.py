"""Pseudo-translation of the windows: with a translator that marks every text it is asked for, every label,
button, menu item and header a person reads carries the mark (none bypasses tr(), so none stays English)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QMenu, QWidget

from ymdesk import i18n

#: Texts that are names, not words (the languages by their own names, encodings, the product), and the standard
#: buttons of QDialogButtonBox, which Qt's own qtbase_ru.qm translates (tests/gui/test_locale_numbers.py).
NOT_WORDS = {"Русский", "English", "UTF-8", "UTF-16", "KOI8-R", "ymdesk", "OK", "Cancel", "Close"}


class Pseudo(QTranslator):
    def translate(self, context, text, disambiguation=None, n=-1):
        return None if context.startswith("Q") else "‹" + text  # Qt's own dialogs keep their texts

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qapp):
    i18n.install_translator("en")
    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def _unmarked(root: QWidget) -> list[str]:
    texts: list[str] = []
    for label in root.findChildren(QLabel):
        if label.objectName() not in ("fileLabel", "countsLabel", "demoLabel") and label.text():
            texts.append(label.text())
    texts += [button.text() for button in root.findChildren(QAbstractButton) if button.text()]
    for combo in root.findChildren(QComboBox):
        texts += [combo.itemText(i) for i in range(combo.count())]
    for menu in root.findChildren(QMenu):
        texts.append(menu.title())
        texts += [action.text() for action in menu.actions() if not action.isSeparator() and action.text()]
    return [text for text in texts if not text.startswith("‹") and text not in NOT_WORDS and text.strip("&")]


def test_the_main_window_its_first_start_and_help(qtbot, services, pseudo):
    from ymdesk.ui.help import GettingStartedDialog, ShortcutsDialog
    from ymdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    assert _unmarked(window) == []
    for dialog in (GettingStartedDialog(window), ShortcutsDialog(window)):
        qtbot.addWidget(dialog)
        assert _unmarked(dialog) == []


def test_settings_history_and_results(qtbot, services, pseudo):
    from ymdesk.ui.history_dialog import HistoryDialog
    from ymdesk.ui.settings_dialog import SettingsDialog

    settings = SettingsDialog(services)
    qtbot.addWidget(settings)
    assert _unmarked(settings) == []
    history = HistoryDialog(services)
    qtbot.addWidget(history)
    headers = [history.table.horizontalHeaderItem(c).text() for c in range(history.table.columnCount())]
    results = history.results.model
    headers += [results.headerData(c, Qt.Orientation.Horizontal) for c in range(results.columnCount())]
    assert [h for h in headers if not h.startswith("‹")] == []
    assert _unmarked(history) == []
    history.done(0)
