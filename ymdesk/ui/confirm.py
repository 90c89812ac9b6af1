"""Confirmation before a destructive run: name the target and the count; big or sweeping runs are typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from ymdesk.core.model import Operation
from ymdesk.core.runs.plan import Confirmation, RunPlan


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


def confirmation_text(dialog: QWidget, plan: RunPlan, target_name: str) -> str:
    if plan.operation is Operation.REMOVE_PRICES:
        return QCoreApplication.translate(
            "Confirm", "Remove ALL prices set through the API in the store “%1”? This cannot be undone."
        ).replace("%1", target_name)
    if plan.whole:
        return QCoreApplication.translate(
            "Confirm", "Leave the promo “%1” entirely, with all products? This cannot be undone."
        ).replace("%1", target_name)
    texts = {
        Operation.DELETE_OFFERS: QCoreApplication.translate(
            "Confirm", "Delete %1 products from the store “%2”? This cannot be undone."
        ),
        Operation.DELETE_FROM_CATALOG: QCoreApplication.translate(
            "Confirm",
            "Delete %1 products from the catalog of the business “%2”, from all its stores? This cannot be undone.",
        ),
        Operation.DELETE_PROMO_OFFERS: QCoreApplication.translate("Confirm", "Remove %1 products from the promo “%2”?"),
    }
    return texts[plan.operation].replace("%1", f"{plan.valid:,}").replace("%2", target_name)


def confirm_run(dialog: QWidget, plan: RunPlan) -> bool:
    """Ask before sending, by the plan's rule (the CLI's too): large runs, leaving a promo and removing all
    prices are typed; a small run is a question whose default answer is No."""
    text = confirmation_text(dialog, plan, plan.target_name)
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
        prompt = QCoreApplication.translate("Confirm", "To confirm, type the ID: %1").replace("%1", rule.expected)
    else:
        prompt = QCoreApplication.translate("Confirm", "To confirm, type the number of products: %1").replace(
            "%1", f"{plan.valid:,}"
        )
    typed = TypedConfirmDialog(dialog, title, f"{text}\n\n{prompt}", rule)
    return typed.exec() == QDialog.DialogCode.Accepted
