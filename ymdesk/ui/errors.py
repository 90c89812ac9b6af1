"""Errors as dialogs a seller's staff member understands, and the last-resort excepthook.

Every dialog says what happened (the core's message, already one clear sentence) under a title
that names the kind of problem, plus a hint on what to do. Unexpected exceptions go to the log
file in the data dir with their traceback; the user sees a short apology and where the log is.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ymdesk.core import paths
from ymdesk.core.logs import LOG_NAME
from ymdesk.core.messages import UserError
from ymdesk.i18n import render

log = logging.getLogger(__name__)


def describe(error: BaseException) -> tuple[str, str, str]:
    """(title, what happened, what to do) for an error, in the user's language."""
    from ymdesk.core.market import client as api

    what = render(error.message) if isinstance(error, UserError) else str(error)
    if isinstance(error, api.AuthError) and error.http_status == 401:
        return (
            QCoreApplication.translate("Errors", "The API key was not accepted"),
            what,
            QCoreApplication.translate(
                "Errors",
                "Open Market > Connect, paste the key again or create a new one in the seller cabinet "
                "(Settings > API and modules).",
            ),
        )
    if isinstance(error, api.AuthError):
        return (
            QCoreApplication.translate("Errors", "The API key lacks access"),
            what,
            QCoreApplication.translate(
                "Errors",
                "In the seller cabinet, give the key access to this store and the needed permission "
                "(for example, managing products and prices), then try again.",
            ),
        )
    if isinstance(error, api.RateLimitError):
        return (
            QCoreApplication.translate("Errors", "Market's request limit was reached"),
            what,
            QCoreApplication.translate(
                "Errors", "Wait a few minutes and run again; ymdesk continues where it stopped."
            ),
        )
    if isinstance(error, api.LockedError):
        return (
            QCoreApplication.translate("Errors", "The store is busy on Market's side"),
            what,
            QCoreApplication.translate("Errors", "Try again in a few minutes."),
        )
    if isinstance(error, api.NotFoundError):
        return (
            QCoreApplication.translate("Errors", "The store or promo was not found"),
            what,
            QCoreApplication.translate(
                "Errors",
                "The store may be disconnected from the API or the promo may be over; "
                "refresh the list in Market > Connect.",
            ),
        )
    if isinstance(error, api.TransportError):
        return (
            QCoreApplication.translate("Errors", "No connection to Market"),
            what,
            QCoreApplication.translate(
                "Errors", "Check the internet connection (and the proxy, if your office uses one), then try again."
            ),
        )
    if isinstance(error, api.ApiError):
        return (
            QCoreApplication.translate("Errors", "Market refused the request"),
            what,
            QCoreApplication.translate("Errors", "Check the store and the file, then try again."),
        )
    if isinstance(error, UserError):
        return QCoreApplication.translate("Errors", "Cannot continue"), what, ""
    return (
        QCoreApplication.translate("Errors", "Something went wrong"),
        what,
        QCoreApplication.translate("Errors", "Try again; if it keeps happening, send the log file to support."),
    )


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show a known error as a dialog (modal, blocking) and return the box (tests read its text)."""
    title, what, todo = describe(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title, what, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    if todo:
        box.setInformativeText(todo)
    present(box)
    return box


def present(box: QMessageBox) -> None:
    """Run a message box. Tests replace this to record dialogs instead of blocking."""
    box.exec()


# ---------------------------------------------------------------- unexpected errors


def log_file() -> Path:
    return paths.logs_dir() / LOG_NAME


def install_excepthook() -> None:
    """Unexpected exceptions: traceback to the log file, a short dialog for the user, keep running."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error:\n%s", text)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("Errors", "Something went wrong"),
            QCoreApplication.translate("Errors", "ymdesk met an unexpected error: {error}").format(error=error),
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "Errors", "Runs are recorded in the journal, so nothing is lost. The details for support are in {path}."
            ).format(path=log_file())
        )
        box.setDetailedText(text)
        present(box)

    sys.excepthook = hook
