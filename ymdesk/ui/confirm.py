"""Confirmation before a destructive run: name the target and the count; big or sweeping runs are typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from ymdesk.core.model import Operation
from ymdesk.ui.plan import RunPlan


class TypedConfirmDialog(QDialog):
    """OK is enabled only once the user has typed the expected text (the count or the store name)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, expected: str) -> None:
        super().__init__(parent)
        self.setObjectName("typedConfirmDialog")
        self.setWindowTitle(title)
        self.expected = expected
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
        return typed.strip().replace(" ", "").replace(",", "") == self.expected.replace(" ", "").replace(",", "")


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


def confirm_run(dialog: QWidget, plan: RunPlan, target_name: str, campaign) -> bool:
    """Ask before sending. Large runs, leaving a promo and removing all prices must be typed."""
    text = confirmation_text(dialog, plan, target_name)
    if not plan.needs_typed_confirmation:
        answer = QMessageBox.question(dialog, QCoreApplication.translate("Confirm", "Confirm the run"), text)
        return answer == QMessageBox.StandardButton.Yes
    if plan.whole:
        expected = str(campaign.id) if plan.operation is Operation.REMOVE_PRICES else str(plan.target.promo_id)
        prompt = QCoreApplication.translate("Confirm", "To confirm, type the ID: %1").replace("%1", expected)
    else:
        expected = str(plan.valid)
        prompt = QCoreApplication.translate("Confirm", "To confirm, type the number of products: %1").replace(
            "%1", f"{plan.valid:,}"
        )
    typed = TypedConfirmDialog(
        dialog, QCoreApplication.translate("Confirm", "Confirm the run"), f"{text}\n\n{prompt}", expected
    )
    return typed.exec() == QDialog.DialogCode.Accepted
