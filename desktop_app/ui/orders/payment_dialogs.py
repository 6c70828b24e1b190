"""Taking payment for an order, and refunding part of one of its lines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import fulfilment, refunds
from desktop_app.core.errors import InvalidState, ShopError
from desktop_app.core.fulfilment import PAYMENT_METHODS
from desktop_app.core.orders import LineView, OrderRow
from desktop_app.core.refund_choices import refund_choices
from desktop_app.core.store import Shop
from desktop_app.i18n import sentences
from desktop_app.ui import settings
from desktop_app.ui.display import method_label, money
from desktop_app.ui.orders.refund_choice_list import RefundChoiceList
from desktop_app.ui.tasks import run_in_background, say_failure
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    MessageLabel,
    dialog_buttons,
    hint_label,
    widget_font,
)


def method_buttons(methods: tuple[str, ...], parent: QWidget) -> tuple[QButtonGroup, QHBoxLayout]:
    """One radio button per payment method in a row, the last one used checked."""
    group = QButtonGroup(parent)
    row = QHBoxLayout()
    for method in methods:
        button = QRadioButton(method_label(method), parent)
        button.setProperty("method", method)
        group.addButton(button)
        row.addWidget(button)
    choose_method(group, settings.LAST_PAYMENT_METHOD.text())
    if group.checkedButton() is None:
        group.buttons()[0].setChecked(True)
    return group, row


def chosen_method(group: QButtonGroup) -> str:
    button = group.checkedButton()
    return str(button.property("method")) if button else "cash"


def choose_method(group: QButtonGroup, method: str) -> None:
    for button in group.buttons():
        button.setChecked(button.property("method") == method)


class PaymentDialog(QDialog):
    """How the customer paid, and a reference; paying issues the vouchers. Emits ``paid``."""

    paid = Signal(int)

    def __init__(self, shop: Shop, currency: str, order: OrderRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.order = order
        self.busy = False
        self.setWindowTitle(self.tr("Take payment"))
        self.setMinimumWidth(520)
        amount = QLabel(money(order.total_cents, currency), self)
        amount.setFont(widget_font(amount, scale=2.0, bold=True))
        amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Order {number}").format(number=order.id), self)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.methods, method_row = method_buttons(PAYMENT_METHODS, self)
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(200)
        self.reference.setPlaceholderText(self.tr("Optional: transaction number, last digits "
                                                  "of the card…"))
        self.error = MessageLabel(self)
        buttons, self.pay_button, _cancel = dialog_buttons(
            self, self.tr("Confirm payment"), self.pay, self.tr("Cancel"))
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.tr("Paid by:"), method_row)
        form.addRow(self.tr("Reference:"), self.reference)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addWidget(title)
        column.addWidget(amount)
        column.addLayout(form)
        column.addWidget(hint_label(self.tr("Confirming marks the order paid and issues its "
                                            "vouchers and card keys at once."), self))
        column.addWidget(self.error)
        column.addStretch(1)
        column.addWidget(buttons)

    def method(self) -> str:
        return chosen_method(self.methods)

    def set_method(self, method: str) -> None:
        choose_method(self.methods, method)

    def pay(self) -> None:
        if self.busy:
            return
        shop, order_id, station = self.shop, self.order.id, settings.station_name()
        method, reference = self.method(), self.reference.text()
        self.busy = True
        self.pay_button.setEnabled(False)
        self.error.clear()
        run_in_background(self,
                          lambda: len(fulfilment.pay_order(shop, order_id, method, reference,
                                                           station)),
                          self._paid, errors=self.error, always=self._not_busy)

    def _paid(self, _issued: int) -> None:
        self.busy = False
        settings.LAST_PAYMENT_METHOD.write(self.method())
        self.paid.emit(self.order.id)
        self.accept()

    def _not_busy(self) -> None:
        # A refusal (out of stock names the product, what was wanted and what is left) is said
        # here, so the owner can change the order or restock, then confirm again.
        self.busy = False
        self.pay_button.setEnabled(True)


class LineRefundDialog(QDialog):
    """Refund part of one line: whole unused vouchers, keys one by one, goods by quantity,
    gift cards with their unspent balance. Emits ``refunded(order id, RefundResult)``."""

    refunded = Signal(int, object)

    def __init__(self, shop: Shop, currency: str, order_id: int, line: LineView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = currency
        self.line = line
        self.order_id = order_id
        self.busy = False
        # What the shop said the choice pays back now, where a counter changed it after the
        # dialog opened (QA s36a F1): shown, and the amount the next click expects.
        self.amount_now: int | None = None
        self.setWindowTitle(self.tr("Refund part of the order"))
        self.setMinimumWidth(480)
        title = QLabel(self.tr("{product} · order {number}").format(
            product=line.product_name, number=order_id), self)
        title.setFont(widget_font(title, scale=1.2, bold=True))
        title.setWordWrap(True)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(line.refund_step, max(line.refund_step, line.refundable))
        self.quantity.setSingleStep(line.refund_step)
        self.quantity.setValue(line.refund_step)
        self.quantity.valueChanged.connect(self._choice_changed)
        self.quantity.setEnabled(line.refundable > line.refund_step)
        self.quantity.setMaximumWidth(120)
        self.choice_list = self._choice_list()
        self.amount = QLabel(self)
        self.amount.setFont(widget_font(self.amount, scale=1.3, bold=True))
        self.error = MessageLabel(self)
        buttons = QDialogButtonBox(self)
        self.refund_button = QPushButton(self.tr("Refund"), self)
        self.refund_button.setAutoDefault(False)  # Enter must not refund by accident
        self.refund_button.clicked.connect(self.refund)
        buttons.addButton(self.refund_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        if self.choice_list is None:
            form.addRow(self.tr("Quantity:"), self.quantity)
        else:
            self.quantity.hide()
            form.addRow(self.tr("Handed back:"), self.choice_list)
        form.addRow(self.tr("Pay back:"), self.amount)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addWidget(title)
        column.addWidget(hint_label(self._rule(), self))
        column.addLayout(form)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addWidget(buttons)
        self._update_amount()
        # A minimum set on the dialog stops its layout's from applying: the list of cards
        # (code, balance, what each pays back) squeezed "Handed back:" to "Handed b" and cut
        # the money (QA s18b F6). The larger of the two holds.
        self.setMinimumWidth(max(self.minimumWidth(), column.minimumSize().width()))

    def _choice_list(self) -> RefundChoiceList | None:
        """Which key or card comes back, where the line has several and they differ."""
        if self.line.kind not in ("cardkey", "giftcard") or self.line.refundable <= (
                self.line.refund_step):
            return None
        choices = refund_choices(self.shop, self.line.id)
        if len(choices) < 2:
            return None
        chosen = RefundChoiceList(self.shop, self.currency, choices, self)
        chosen.changed.connect(self._choice_changed)
        return chosen

    def _rule(self) -> str:
        """What a refund of this line does; where its keys or cards are listed, how to choose
        them (QA s42a F6: one card, no list, was asked to be ticked)."""
        listed = self.choice_list is not None
        if self.line.kind == "cardkey":
            rule = self.tr("Each refunded key becomes “Returned” (the customer had it: it is "
                           "not sold again until you check it in Card keys) and its voucher "
                           "becomes void. Keys already redeemed cannot be refunded.")
            return sentences(rule, self.tr("Tick the keys handed back, or scan them.")
                             if listed else "")
        if self.line.kind == "giftcard":
            rule = self.tr("Each refunded card becomes void and pays back its unspent "
                           "balance at the price paid for it (its reloads in full).")
            return sentences(rule, self.tr("Tick the cards handed back, or scan them.")
                             if listed else "")
        if self.line.kind == "goods":
            return self.tr("Refunded items go back to stock.")
        if self.line.uses_per_unit:
            return self.tr("The units of this line share one voucher: each refunded unit "
                           "takes {uses} use(s) off it, used or not, while that many are "
                           "unused; the voucher stays valid with the rest.").format(
                uses=self.line.uses_per_unit)
        if self.line.refund_step == self.line.quantity:
            return self.tr("The voucher of this line has not been used, so it can be refunded "
                           "as a whole; it becomes void.")
        return self.tr("Only unused vouchers can be refunded, each as a whole; they become "
                       "void.")

    def _choice_changed(self) -> None:
        self.amount_now = None
        self._update_amount()

    def _amount_cents(self) -> int:
        if self.amount_now is not None:
            return self.amount_now
        if self.choice_list is None:
            return self.line.refund_cents(self.quantity.value())
        return sum(choice.refund_cents for choice in self.choice_list.chosen())

    def _update_amount(self) -> None:
        if self.choice_list is not None:
            self.refund_button.setEnabled(bool(self.choice_list.chosen()) and not self.busy)
        self.amount.setText(money(self._amount_cents(), self.currency))

    def refund(self) -> None:
        if self.busy:
            return
        shop, line_id, quantity = self.shop, self.line.id, self.quantity.value()
        station = settings.station_name()
        chosen: list[int] | None = None
        if self.choice_list is not None:
            chosen = [choice.voucher_id for choice in self.choice_list.chosen()]
            if not chosen:
                return
            quantity = len(chosen) * self.line.refund_step
        expect = self._amount_cents()
        self.busy = True
        self.refund_button.setEnabled(False)
        self.error.clear()
        run_in_background(self, lambda: refunds.refund_line(shop, line_id, quantity, chosen,
                                                            station, expect),
                          self._refunded, errors=self._refused, always=self._not_busy)

    def _refused(self, exc: ShopError) -> None:
        say_failure(exc, self.error)
        if isinstance(exc, InvalidState) and exc.params.get("state") == "refund_changed":
            self.amount_now = int(exc.params["now_cents"])
            self._update_amount()

    def _refunded(self, result: refunds.RefundResult) -> None:
        self.busy = False
        self.refunded.emit(self.order_id, result)
        self.accept()

    def _not_busy(self) -> None:
        self.busy = False
        self.refund_button.setEnabled(True)
        self._update_amount()
