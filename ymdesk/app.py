"""The composition root of the desktop app: builds settings, the key store, the journal, the API client
factory (and, in demo mode, the built-in simulator), injects them into the main window, and runs Qt.

    ymdesk [FILE]        open the app (with a catalog: "Open with ymdesk")
    ymdesk --demo        the whole flow against the built-in simulator, with the sample catalog
    ymdesk --self-test   open the main window offscreen, load the sample catalog, exit 0 if it worked
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

SELF_TEST_TIMEOUT_MS = 120_000


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ymdesk", description="Bulk clean-up of Yandex Market catalogs.")
    parser.add_argument("file", nargs="?", type=Path, help="a catalog to open (XLSX or CSV)")
    parser.add_argument("--demo", action="store_true", help="use the built-in Market simulator and the sample catalog")
    parser.add_argument("--self-test", action="store_true", help="open the window offscreen, load the sample, exit")
    parser.add_argument("--lang", choices=("ru", "en"), help="the interface language for this session")
    # Qt's own options (-style, -platform …) pass through to QApplication.
    args, _qt_args = parser.parse_known_args(argv)
    return args


def build_services(settings, *, demo: bool = False, tokens=None, journal=None, language: str = "en"):
    """Everything the windows need. Tests pass a MemoryTokenStore and a settings file under tmp_path."""
    from ymdesk.core.market.client import MarketClient
    from ymdesk.core.runs.journal import Journal
    from ymdesk.core.secrets import TOKEN_ENV, KeyringTokenStore, MemoryTokenStore
    from ymdesk.ui.services import DemoSession, Services

    demo_session = None
    if demo:
        from ymdesk.core.simulator import DEMO_API_KEY, MarketSimulator, build_demo_state, sample_catalog_path

        simulator = MarketSimulator(state=build_demo_state()).start()
        demo_session = DemoSession(simulator.url, sample_catalog_path(), simulator.stop)
        tokens = MemoryTokenStore(DEMO_API_KEY)  # the demo key never goes to the keyring
    if tokens is None and os.environ.get(TOKEN_ENV, "").strip():
        # Where no keyring works (a bare Linux session), the key can come from YM_API_KEY, as for the CLI.
        tokens = MemoryTokenStore(os.environ[TOKEN_ENV].strip())
    return Services(
        settings=settings,
        tokens=tokens if tokens is not None else KeyringTokenStore(),
        journal=journal if journal is not None else Journal(),
        make_client=lambda token, url: MarketClient(token, url),
        demo=demo_session,
        language=language,
    )


# How often Python hands the GIL between threads. The default 5 ms means every Qt call the GUI thread
# makes while a worker computes can cost up to 5 ms (the convoy effect: a table repaint makes hundreds of
# data() callbacks). 0.2 ms keeps the GUI fluid; it costs nothing while the GUI thread is idle.
GIL_SWITCH_INTERVAL = 0.0002


def tune_threads() -> None:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)


def create_application(argv: Sequence[str]):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from ymdesk import __version__
    from ymdesk.ui.resources import app_icon, ensure_resources_package

    ensure_resources_package()
    tune_threads()
    QCoreApplication.setOrganizationName("ymdesk")
    QCoreApplication.setApplicationName("ymdesk")
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(list(argv))
    app.setWindowIcon(app_icon())
    return app


def report_display_problem(language: str | None = None) -> bool:
    """On Linux, when the libraries Qt's X11 plugin needs are missing, say which (on stderr) and return True:
    Qt itself would abort with "Reinstalling the application may fix this problem"."""
    from ymdesk.qt_platform import display_problem

    problem = display_problem()
    if problem is None:
        return False
    from PySide6.QtCore import QCoreApplication

    from ymdesk.i18n import install_translator, render

    _app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])  # translations need an instance
    install_translator(language)
    print(render(problem), file=sys.stderr)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if report_display_problem(args.lang):
        return 1
    app = create_application([sys.argv[0]] if argv is not None else sys.argv)

    from ymdesk.core.logs import setup_logging
    from ymdesk.i18n import install_translator
    from ymdesk.ui import errors
    from ymdesk.ui.main_window import MainWindow
    from ymdesk.ui.settings import AppSettings

    try:
        setup_logging()
    except OSError as error:  # a read-only or full data folder: go on without the log, never a traceback
        print(f"ymdesk: the log cannot be written ({error.strerror or error}); going on without it.", file=sys.stderr)
    errors.install_excepthook()
    settings = AppSettings()
    language = install_translator(args.lang or settings.language or None)
    if args.self_test:  # unattended: errors go to stderr and the log, never to a box that waits for a click
        errors.present = _report_instead_of_showing
    try:
        services = build_services(settings, demo=args.demo or args.self_test, language=language)
    except Exception as error:  # e.g. the journal's folder is not writable
        from ymdesk.core.messages import UserError

        if isinstance(error, UserError):  # said in the box; no traceback (the log may be what cannot be written)
            log.info("cannot start: %s", error)
        else:
            log.exception("cannot start")
        errors.show_error(None, error)
        return 1
    window = MainWindow(services)
    window.show()
    if services.demo and not args.file:
        window.open_file(services.demo.sample_catalog)
    elif args.file:
        window.open_file(args.file)
    if args.self_test:
        _arm_self_test(app, window)
    try:
        return app.exec()
    finally:
        if services.demo:
            services.demo.stop()
        services.journal.close()


def _report_instead_of_showing(box) -> None:
    log.error("self-test: %s — %s", box.windowTitle(), box.text())
    print(f"ymdesk self-test: {box.windowTitle()}: {box.text()}", file=sys.stderr)  # no-op where stderr is None


def _arm_self_test(app, window) -> None:
    """Exit 0 once the sample catalog is on screen, 1 if it failed to load, 2 on a timeout."""
    from PySide6.QtCore import QTimer

    from ymdesk.ui import errors

    errors.present = _report_instead_of_showing

    def loaded() -> None:
        rows = window.model.total_rows
        print(f"ymdesk self-test: main window open, sample catalog loaded ({rows} rows)")
        app.exit(0 if rows > 0 else 1)

    def failed(error) -> None:
        print(f"ymdesk self-test: loading the sample failed: {error}", file=sys.stderr)
        app.exit(1)

    window.catalog_loaded.connect(loaded)
    window.load_failed.connect(failed)
    QTimer.singleShot(SELF_TEST_TIMEOUT_MS, lambda: app.exit(2))
