"""GUI-only fixtures: settings under tmp_path, an in-memory key store, the simulator on a real socket,
generated catalog files, and a recorder for the dialogs the app would show."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items):
    """The offscreen platform cannot resize native windows and says so on every show(); nothing else is ignored."""
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"))


@pytest.fixture(autouse=True, scope="session")
def app_threading():
    """As ymdesk.app.create_application does: a short GIL switch interval for a fluid GUI thread."""
    import sys

    from ymdesk.app import tune_threads

    previous = sys.getswitchinterval()
    tune_threads()
    yield
    sys.setswitchinterval(previous)


@pytest.fixture
def app_settings(tmp_path):
    from ymdesk.ui.settings import AppSettings

    return AppSettings.at_path(str(tmp_path / "settings.ini"))


def make_catalog_frame(rows: int, bad_every: int = 0) -> pd.DataFrame:
    """A catalog like the seller cabinet's export: SKU, name, category, price (all text)."""
    skus = np.array([f"SKU-{i:06d}" for i in range(rows)], dtype=object)
    if bad_every:  # too long for Market (over 255 characters), each one different
        for i in range(bad_every - 1, rows, bad_every):
            skus[i] = "X" * 300 + str(i)
    return pd.DataFrame(
        {
            "Ваш SKU": pd.array(skus, dtype="str"),
            "Название товара": pd.array([f"Товар номер {i}" for i in range(rows)], dtype="str"),
            "Категория": pd.array(["Игрушки" if i % 3 else "Книги" for i in range(rows)], dtype="str"),
            "Цена": pd.array([str(100 + i % 50) for i in range(rows)], dtype="str"),
        }
    )


@pytest.fixture
def catalog_frame():
    """Builds small catalog frames: ``catalog_frame(rows, bad_every=0)``."""
    return make_catalog_frame


@pytest.fixture
def catalog_file(tmp_path):
    """Writes a generated catalog to tmp_path: ``catalog_file(rows, bad_every=0, kind="xlsx")`` -> Path."""

    def write(rows: int, bad_every: int = 0, kind: str = "xlsx"):
        frame = make_catalog_frame(rows, bad_every)
        path = tmp_path / f"catalog-{rows}.{kind}"
        if kind == "xlsx":
            frame.to_excel(path, index=False, sheet_name="Товары")
        else:
            frame.to_csv(path, index=False, sep=";", encoding="utf-8")
        return path

    return write


@dataclass
class ShownDialog:
    title: str
    text: str
    informative: str


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """An error box would wait offscreen for a click that never comes: fail the test at once instead.
    Tests that expect dialogs ask for `shown_dialogs`, which records them (it is set up after this one)."""
    from ymdesk.ui import errors

    def unexpected(box) -> None:
        raise AssertionError(f"unexpected dialog: {box.windowTitle()}: {box.text()} {box.informativeText()}")

    monkeypatch.setattr(errors, "present", unexpected)


@pytest.fixture
def shown_dialogs(monkeypatch):
    """Message boxes the app shows through ymdesk.ui.errors.present, recorded instead of blocking."""
    from ymdesk.ui import errors

    shown: list[ShownDialog] = []
    monkeypatch.setattr(
        errors, "present", lambda box: shown.append(ShownDialog(box.windowTitle(), box.text(), box.informativeText()))
    )
    return shown


@pytest.fixture
def simulator():
    """The Market simulator on 127.0.0.1, seeded with the generated catalog's SKUs, no rate limits."""
    from ymdesk.core.simulator import MarketSimulator, build_demo_state
    from ymdesk.core.simulator.limits import Limits

    skus = [f"SKU-{i:06d}" for i in range(2000)]
    with MarketSimulator(state=build_demo_state(skus), limits=Limits.unlimited()) as sim:
        yield sim


@pytest.fixture
def services(app_settings, simulator, tmp_path):
    """Services as the app builds them, but with an in-memory key and settings pointing at the simulator."""
    from ymdesk.app import build_services
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.secrets import MemoryTokenStore
    from ymdesk.core.simulator import DEMO_API_KEY

    app_settings.api_url = simulator.url
    journal = Journal(tmp_path / "journal.sqlite3")
    built = build_services(app_settings, tokens=MemoryTokenStore(DEMO_API_KEY), journal=journal)
    yield built
    journal.close()


@pytest.fixture
def main_window(qtbot, services):
    from ymdesk.ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def loaded_window(qtbot, main_window, catalog_file):
    """The main window with a generated 60-row catalog (every 10th SKU invalid) on screen."""
    path = catalog_file(60, bad_every=10)
    with qtbot.waitSignal(main_window.catalog_loaded, timeout=30_000):
        main_window.open_file(path)
    return main_window


@pytest.fixture
def confirm_runs(monkeypatch):
    """Answers every run confirmation Yes, as the person would, and records the plans it was asked about
    (the confirmation rule itself is tested on its own; here the runs go ahead)."""
    from ymdesk.ui import confirm

    asked = []

    def answer(dialog, plan) -> bool:
        asked.append(plan)
        return True

    monkeypatch.setattr(confirm, "confirm_run", answer)
    return asked


@pytest.fixture
def stop_answers(monkeypatch):
    """Answers "Stop the run?" with `answer[0]` (Yes unless a test changes it), recording the default button."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[QMessageBox.StandardButton] = []
    answer = [QMessageBox.StandardButton.Yes]

    def question(parent, title, text, buttons, default):
        assert title == "Stop the run?"
        asked.append(default)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked, answer
