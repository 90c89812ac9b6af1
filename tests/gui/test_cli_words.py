"""The CLI's help and argparse's own sentences go through the same translations as every other text."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from ymdesk import cli, i18n

WORDS = {
    "the following arguments are required: %s": "нужно указать: %s",
    "see ymdesk-cli --help": "см. ymdesk-cli --help",
    "the store's id (see ymdesk-cli campaigns)": "ID магазина (см. ymdesk-cli campaigns)",
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
    assert "параметры:" in out and "--campaign-id N ID магазина (см. ymdesk-cli campaigns)" in out


class Pseudo(QTranslator):
    """Pseudo-translation: every text that goes through Qt's translation comes out marked with «‹»."""

    def translate(self, context, text, disambiguation=None, n=-1):
        return "‹" + text

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def pseudo(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(argparse, "_", argparse._)
    monkeypatch.setenv("YMDESK_HOME", str(tmp_path / "home"))
    translator = Pseudo()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    i18n.install_translator("en")


def _sentences(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_every_sentence_the_cli_says_goes_through_the_translations(pseudo, simulator, capsys, monkeypatch):
    """With English chosen (no .qm loaded) and a pseudo-translator installed, every line the CLI writes for a
    person carries the mark: none was printed around the translations (so the Russian CLI has no English)."""
    from ymdesk.core.simulator import DEMO_API_KEY, DEMO_FBS_CAMPAIGN_ID, sample_catalog_path

    monkeypatch.setenv("YM_API_KEY", DEMO_API_KEY)
    sample = str(sample_catalog_path())
    run = ["run", "delete-offers", "--campaign-id", str(DEMO_FBS_CAMPAIGN_ID), "--file", sample]
    run += ["--api-url", simulator.url, "--lang", "en"]
    lines: list[str] = []
    for args in (["inspect", sample, "--lang", "en"], [*run, "--dry-run"], [*run, "--yes"]):
        cli.main(args)
        captured = capsys.readouterr()
        lines += _sentences(captured.out) + _sentences(captured.err)
    for table in (["jobs", "--lang", "en"], ["campaigns", "--api-url", simulator.url, "--lang", "en"]):
        cli.main(table)
        header = capsys.readouterr().out.splitlines()[0]
        assert all(cell.startswith("‹") for cell in header.split("\t")), header
    unmarked = [line for line in lines if not line.startswith("‹")]
    assert not unmarked, unmarked
    assert any("‹Plan:" in line for line in lines) and any(line.startswith("‹Batch") for line in lines)
