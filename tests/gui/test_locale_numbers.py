"""Numbers as the interface language writes them, and plural forms, through Qt's locale (app and CLI alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ymdesk import i18n
from ymdesk.core.messages import Message


@pytest.fixture
def language(qapp):
    def use(code: str) -> None:
        i18n.install_translator(code)

    yield use
    i18n.install_translator("en")


def test_english_groups_with_commas(language) -> None:
    language("en")
    assert i18n.number(300_000) == "300,000"
    message = Message.translate("Tests", "{done:n} of {total:n} {total:plural:SKU|SKUs} done").with_args(
        done=5000, total=300_000
    )
    assert i18n.render(message) == "5,000 of 300,000 SKUs done"
    assert i18n.fill("in {n:n} {n:plural:batch|batches}", n=1) == "in 1 batch"


def test_russian_groups_with_spaces_and_takes_three_forms(language) -> None:
    language("ru")
    assert i18n.current_language() == "ru"
    assert i18n.number(300_000).replace("\u00a0", " ") == "300 000"
    forms = "{n:n} {n:plural:пакет|пакета|пакетов}"
    shown = [i18n.fill(forms, n=n).replace("\u00a0", " ") for n in (1, 3, 600, 1001)]
    assert shown == ["1 пакет", "3 пакета", "600 пакетов", "1 001 пакет"]


def test_qt_own_dialogs_speak_russian(qtbot, language) -> None:
    """qtbase_ru.qm from PySide6's translations: the Open dialog says «Перейти к:», not "Look in:"."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    assert any(Path(folder, "qtbase_ru.qm").is_file() for folder in i18n.qt_translations_dirs())
    language("ru")
    dialog = QFileDialog(None, "", "", "*.xlsx")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] != "Look in:" and labels["fileTypeLabel"] != "Files of type:"
    assert labels["fileTypeLabel"].startswith("Тип") and labels["lookInLabel"].startswith("Перейти")
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Отмена"


def test_a_russian_translation_with_three_forms_renders_each_count(qapp, language) -> None:
    """What the translation pass writes for a plural text, through Qt's translator as the app and the CLI load it."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    source = "Sending {count:n} {count:plural:SKU|SKUs} in {batches:n} {batches:plural:batch|batches}."

    class Russian(QTranslator):
        def translate(self, context, text, disambiguation=None, n=-1):
            if context == "Runner" and text == source:
                return (
                    "Отправка {count:n} {count:plural:SKU|SKU|SKU} в {batches:n} "
                    "{batches:plural:пакете|пакетах|пакетах}."
                )
            return None

        def isEmpty(self) -> bool:
            return False

    language("ru")
    russian = Russian()
    QCoreApplication.installTranslator(russian)
    try:
        for batches, word in ((1, "пакете"), (2, "пакетах"), (21, "пакете"), (600, "пакетах")):
            text = i18n.render(Message("Runner", source, {"count": 300_000, "batches": batches}))
            assert text.replace("\u00a0", " ") == f"Отправка 300 000 SKU в {batches} {word}."
    finally:
        QCoreApplication.removeTranslator(russian)
