"""The CLI's help and argparse's own sentences go through the same translations as every other text."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from ymdesk import cli, i18n

WORDS = {
    "the following arguments are required: %s": "нужно указать: %s",
    "see ymdesk-cli --help": "см. ymdesk-cli --help",
    "the store's id (see ymdesk-cli campaigns)": "номер магазина (см. ymdesk-cli campaigns)",
    "options": "параметры",
}


class Russian(QTranslator):
    def translate(self, context, text, disambiguation=None, n=-1):
        return WORDS.get(text) if context == "CliHelp" else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def russian_words(qapp, monkeypatch):
    monkeypatch.setattr(argparse, "_", argparse._)  # the CLI replaces argparse's lookup; put it back after
    translator = Russian()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    i18n.install_translator("en")


def test_argparse_errors_are_translated(russian_words, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--lang", "ru", "resume"])
    assert stopped.value.code == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err.strip() == "ymdesk-cli: нужно указать: JOB (см. ymdesk-cli --help)"


def test_operation_help_is_translated(russian_words, capsys):
    with pytest.raises(SystemExit):
        cli.main(["--lang", "ru", "run", "delete-offers", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "параметры:" in out and "--campaign-id N номер магазина (см. ymdesk-cli campaigns)" in out
