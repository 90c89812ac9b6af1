"""Confirmation before a destructive run: name the target and the count; big or sweeping runs are typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from ymdesk.core.messages import QT_TRANSLATE_NOOP
from ymdesk.core.model import Operation
from ymdesk.core.runs.plan import Confirmation, RunPlan
from ymdesk.i18n import fill, render
from ymdesk.ui.texts import operation_title


class TypedConfirmDialog(QDialog):
    """OK is enabled only once the user has typed the expected text (the count or the store name)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, rule: Confirmation) -> None:
        super().__init__(parent)
        self.setObjectName("typedConfirmDialog")
        self.setWindowTitle(title)
        self.rule = rule
        label = QLabel(text)
        label.setWordWrap(True)
        self.edit = QLineEdit(objectName="typedConfirmEdit")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.edit.textChanged.connect(lambda typed: self.ok_button.setEnabled(self.matches(typed)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)

    def matches(self, typed: str) -> bool:
        return self.rule.accepts(typed)


# The question before a run over picked SKUs, per operation (translated when it is asked).
_RUN_QUESTION = {
    Operation.DELETE_OFFERS: QT_TRANSLATE_NOOP(
        "Confirm", "Delete {count:n} products from the store “{target}”? This cannot be undone."
    ),
    Operation.DELETE_FROM_CATALOG: QT_TRANSLATE_NOOP(
        "Confirm",
        "Delete {count:n} products from the catalog of the business “{target}”, from all its stores? "
        "This cannot be undone.",
    ),
    Operation.DELETE_PROMO_OFFERS: QT_TRANSLATE_NOOP("Confirm", "Remove {count:n} products from the promo “{target}”?"),
    Operation.ARCHIVE: QT_TRANSLATE_NOOP(
        "Confirm",
        "Archive {count:n} products of the business “{target}”? They are hidden in every store; "
        "this can be undone by restoring them from the archive.",
    ),
    Operation.UNARCHIVE: QT_TRANSLATE_NOOP(
        "Confirm", "Bring {count:n} products of the business “{target}” back from the archive?"
    ),
}


def confirmation_text(dialog: QWidget | None, plan: RunPlan, target_name: str) -> str:
    if plan.operation is Operation.REMOVE_PRICES:
        text = QCoreApplication.translate(
            "Confirm", "Remove ALL prices set through the API in the store “{target}”? This cannot be undone."
        )
    elif plan.whole:
        text = QCoreApplication.translate(
            "Confirm", "Leave the promo “{target}” entirely, with all products? This cannot be undone."
        )
    elif plan.resumes:
        text = QCoreApplication.translate(
            "Confirm", "Resume run #{job}: send the {count:n} SKUs left ({operation}) to “{target}”?"
        )
    else:
        text = QCoreApplication.translate("Confirm", _RUN_QUESTION[plan.operation])
    estimate = fill(QCoreApplication.translate("Confirm", "It takes {estimate}."), estimate=render(plan.estimate()))
    body = fill(text, count=plan.valid, target=target_name, job=plan.job_id, operation=operation_title(plan.operation))
    return f"{body} {estimate}"


def offer_archive(dialog: QWidget | None, plan: RunPlan) -> str:
    """Before a delete from the whole catalog: offer the reversible choice. "archive", "delete" or "cancel"."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Confirm", "Delete from the whole catalog?"),
        fill(
            QCoreApplication.translate(
                "Confirm",
                "Deleting {count:n} products from the catalog of “{target}” removes them from every store and "
                "cannot be undone. Archiving hides them in every store instead, and can be undone.",
            ),
            count=plan.valid,
            target=plan.target_label,
        ),
    )
    if dialog is not None:
        box.setParent(dialog, box.windowFlags())
    box.setObjectName("offerArchiveBox")
    archive = box.addButton(
        QCoreApplication.translate("Confirm", "Archive instead (can be undone)"), QMessageBox.ButtonRole.AcceptRole
    )
    archive.setObjectName("archiveInstead")
    delete = box.addButton(QCoreApplication.translate("Confirm", "Delete"), QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("deleteAnyway")
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(archive)
    box.exec()
    clicked = box.clickedButton()
    if clicked is archive:
        return "archive"
    if clicked is delete:
        return "delete"
    return "cancel"


def confirm_run(dialog: QWidget | None, plan: RunPlan) -> bool:
    """Ask before sending, by the plan's rule (the CLI's too): large runs, leaving a promo and removing all
    prices are typed; a smaller run is a question whose default answer is No."""
    text = confirmation_text(dialog, plan, plan.target_label)
    title = QCoreApplication.translate("Confirm", "Confirm the run")
    rule = plan.confirmation
    if not rule.typed:
        answer = QMessageBox.question(
            dialog,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
    if plan.whole:
        prompt = fill(QCoreApplication.translate("Confirm", "To confirm, type the ID: {id}"), id=rule.expected)
    else:
        prompt = fill(
            QCoreApplication.translate("Confirm", "To confirm, type the number of products: {count:n}"),
            count=plan.valid,
        )
    typed = TypedConfirmDialog(dialog, title, f"{text}\n\n{prompt}", rule)
    return typed.exec() == QDialog.DialogCode.Accepted
