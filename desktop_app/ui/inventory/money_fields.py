"""Amounts in the product dialog: the price, and a gift card's value (the balance each card
carries when sold). Part of the product dialog, and in its words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.errors import InvalidInput
from desktop_app.core.money import CURRENCY_SYMBOLS, money_text, parse_money
from desktop_app.core.products import ProductDetail
from desktop_app.messages import problem_message
from desktop_app.ui.widgets import hint_label


def money_edit(currency: str, parent: QWidget) -> tuple[QHBoxLayout, QLineEdit]:
    """The currency sign and a right-aligned amount field, in a row that takes more."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    edit = QLineEdit(parent)
    edit.setPlaceholderText("0.00")
    edit.setMaxLength(20)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setMaximumWidth(160)
    row.addWidget(QLabel(CURRENCY_SYMBOLS.get(currency, currency), parent))
    row.addWidget(edit)
    return row, edit


def money_problem(text: str) -> str:
    """Why a typed amount is refused, or nothing."""
    try:
        parse_money(text)
    except InvalidInput as exc:
        return problem_message(str(exc.params["problem"]), **exc.params)
    return ""


class GiftValueField(QWidget):
    """A gift card's value; empty: the price (a promotion sells 100 of value for 90).

    Editing a card: empty when the value is its price, so it goes on following the price.
    """

    edited = Signal()  # typed in
    finished = Signal()  # left or Enter

    def __init__(self, currency: str, editing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        row, self.edit = money_edit(currency, self)
        self.edit.setPlaceholderText(QCoreApplication.translate("ProductDialog", "the price"))
        self.edit.textEdited.connect(self.edited)
        self.edit.editingFinished.connect(self.finished)
        row.addWidget(hint_label(QCoreApplication.translate(
            "ProductDialog", "The balance each card carries; empty: the price"), self), 1)
        column.addLayout(row)
        if editing:  # say what happens to cards already sold (QA: the value was hidden)
            column.addWidget(hint_label(QCoreApplication.translate(
                "ProductDialog", "A new value applies to cards sold from now on; cards already "
                "sold keep their balance."), self))

    def load(self, product: ProductDetail) -> None:
        if product.value_cents is not None and product.value_cents != product.price_cents:
            self.edit.setText(money_text(product.value_cents))

    def problem(self) -> str:
        text = self.edit.text().strip()
        if not text:
            return ""
        found = money_problem(text)
        if not found and parse_money(text) <= 0:
            return problem_message("not_positive")
        return found

    def values(self) -> dict[str, Any]:
        """Core's ``value``: None follows the price."""
        return {"value": self.edit.text().strip() or None}
