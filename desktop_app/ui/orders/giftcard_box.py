"""A gift card under its voucher on the Orders screen: balance, ledger, reload, cash-out, PIN.

Shown by the voucher panel when the voucher shown is a gift card. Reload takes a payment
(the method chosen as in the payment dialog); Cash out pays a small remainder in cash where
the owner's setting allows it; the PIN can be set or removed. Everything runs through
``core.giftcard_desk`` on the worker thread; the ledger (kind, amount, balance after,
operator, time; newest first) is re-read whenever the voucher is shown again, after each
action here and after spends and undos elsewhere.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import giftcard_desk
from desktop_app.core.errors import ShopError
from desktop_app.core.giftcard_desk import CardState
from desktop_app.core.giftcards import RELOAD_METHODS, LedgerRow
from desktop_app.core.store import Shop
from desktop_app.i18n import QT_TRANSLATE_NOOP, label
from desktop_app.scanning.burst_rule import PIN_BOX
from desktop_app.ui import settings
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.display import money, short_time
from desktop_app.ui.orders.payment_dialogs import choose_method, chosen_method, method_buttons
from desktop_app.ui.tables import RIGHT, Column, RowTableModel, setup_table
from desktop_app.ui.tasks import run_in_background, say_failure
from desktop_app.ui.widgets import MARGIN, SPACING, MessageLabel, dialog_buttons, widget_font

ENTRY_KINDS: dict[str, str] = {
    "issue": QT_TRANSLATE_NOOP("GiftCardBox", "Issued"),
    "spend": QT_TRANSLATE_NOOP("GiftCardBox", "Spent"),
    "reload": QT_TRANSLATE_NOOP("GiftCardBox", "Reloaded"),
    "refund": QT_TRANSLATE_NOOP("GiftCardBox", "Refunded"),
    "cashout": QT_TRANSLATE_NOOP("GiftCardBox", "Cashed out"),
    "expiry": QT_TRANSLATE_NOOP("GiftCardBox", "Expired"),
    "undo": QT_TRANSLATE_NOOP("GiftCardBox", "Spend undone"),
}


def entry_kind_label(kind: str) -> str:
    return label("GiftCardBox", ENTRY_KINDS, kind)


class LedgerModel(RowTableModel[LedgerRow]):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.currency = "CNY"
        super().__init__(parent)

    def columns(self) -> list[Column[LedgerRow]]:
        return [
            Column(self.tr("Time"), lambda r: short_time(r.at), lambda r: r.id),
            Column(self.tr("Kind"), lambda r: entry_kind_label(r.kind)),
            Column(self.tr("Amount"), lambda r: money(r.amount_cents, self.currency),
                   lambda r: r.amount_cents, RIGHT),
            Column(self.tr("Balance after"),
                   lambda r: money(r.balance_after_cents, self.currency),
                   lambda r: r.balance_after_cents, RIGHT),
            Column(self.tr("Operator"), lambda r: r.operator),
        ]


class ReloadDialog(QDialog):
    """How much, and how the customer paid it. Emits ``reloaded`` once core took it."""

    reloaded = Signal(object)  # core's BalanceChange

    def __init__(self, shop: Shop, voucher_id: int, code: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.voucher_id = shop, voucher_id
        self.setWindowTitle(self.tr("Reload gift card"))
        card = QLabel(self.tr("Gift card {code}").format(code=code), self)  # which one (QA)
        card.setFont(widget_font(card, mono=True, bold=True))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText("0.00")
        self.amount.setMaxLength(20)
        self.methods, method_row = method_buttons(RELOAD_METHODS, self)
        self.reference = QLineEdit(self)
        self.reference.setMaxLength(200)
        self.error = MessageLabel(self)
        buttons, self.reload_button, self.cancel_button = dialog_buttons(
            self, self.tr("Reload"), self.reload, self.tr("Cancel"))
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.tr("Amount:"), self.amount)
        form.addRow(self.tr("Paid by:"), method_row)
        form.addRow(self.tr("Reference:"), self.reference)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.addWidget(card)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)

    def method(self) -> str:
        return chosen_method(self.methods)

    def set_method(self, method: str) -> None:
        choose_method(self.methods, method)

    def reload(self) -> None:
        shop, voucher_id, station = self.shop, self.voucher_id, settings.station_name()
        amount, method, reference = self.amount.text(), self.method(), self.reference.text()
        self.reload_button.setEnabled(False)
        self.error.clear()

        def done(change: object) -> None:
            self.reloaded.emit(change)
            self.accept()

        run_in_background(self, lambda: giftcard_desk.reload_card(
            shop, voucher_id, amount, method, station, reference), done, errors=self.error,
            always=lambda: self.reload_button.setEnabled(True))


class PinDialog(QDialog):
    """A new 4-6 digit PIN for the card. Emits ``pin_set``."""

    pin_set = Signal()

    def __init__(self, shop: Shop, voucher_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.voucher_id = shop, voucher_id
        self.setWindowTitle(self.tr("Gift card PIN"))
        self.pin = QLineEdit(self)
        self.pin.setMaxLength(6)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("4 to 6 digits"))
        self.pin.setProperty(PIN_BOX, True)  # a short barcode scanned here is no PIN
        self.error = MessageLabel(self)
        buttons, self.set_button, self.cancel_button = dialog_buttons(
            self, self.tr("Set PIN"), self.set_pin, self.tr("Cancel"))
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.addWidget(QLabel(self.tr("Needed only to look the card up without it in hand "
                                        "(on the phone)."), self))
        column.addWidget(self.pin)
        column.addWidget(self.error)
        column.addWidget(buttons)

    def say_scan_not_pin(self) -> None:
        """A scanner's burst landed in the PIN box: taken out, never set as the card's PIN."""
        self.error.show_warning(self.tr(
            "That was a scan, not a PIN: it was not kept. Type the PIN the customer chooses."))
        self.pin.setFocus()

    def set_pin(self) -> None:
        shop, voucher_id, pin = self.shop, self.voucher_id, self.pin.text()

        def done(_: object) -> None:
            self.pin_set.emit()
            self.accept()

        run_in_background(self, lambda: giftcard_desk.set_card_pin(shop, voucher_id, pin),
                          done, errors=self.error)


class GiftCardBox(QWidget):
    """The card's balance, its ledger and the owner's actions on it. ``compact`` (the
    counter's look-up, for clerks too): Reload and Cash out alone, shown only to an operator
    who may take money for cards; the verdict above says the balance."""

    changed = Signal()  # a reload, cash-out or PIN change went through

    def __init__(self, shop: Shop, parent: QWidget | None = None, *,
                 compact: bool = False) -> None:
        super().__init__(parent)
        self.shop = shop
        self.compact = compact
        self.voucher_id: int | None = None
        self.state: CardState | None = None
        self.dialog: QDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.balance = QLabel(self)
        self.balance.setFont(widget_font(self.balance, scale=1.2, bold=True))
        self.reload_button = QPushButton(self.tr("Reload…"), self)
        self.reload_button.clicked.connect(self.ask_reload)
        self.cashout_button = QPushButton(self.tr("Cash out"), self)
        self.cashout_button.clicked.connect(self.ask_cash_out)
        self.pin_button = QPushButton(self.tr("Set PIN…"), self)
        self.pin_button.clicked.connect(self.ask_pin)
        self.clear_pin_button = QPushButton(self.tr("Remove PIN"), self)
        self.clear_pin_button.clicked.connect(self.clear_pin)
        self.model = LedgerModel(self)
        self.model.currency = shop.currency
        self.ledger = QTableView(self)
        self.ledger.setModel(self.model)
        setup_table(self.ledger, 4)
        self.ledger.setMaximumHeight(150)
        self.message = MessageLabel(self)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.balance, 1)
        for button in (self.reload_button, self.cashout_button, self.pin_button,
                       self.clear_pin_button):
            row.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(row)
        column.addWidget(self.ledger)
        column.addWidget(self.message)
        if compact:
            for part in (self.ledger, self.pin_button, self.clear_pin_button):
                part.hide()
            for button in (self.reload_button, self.cashout_button):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scanner keeps typing

    def show_card(self, voucher_id: int | None) -> None:
        if voucher_id != self.voucher_id:
            self._close_questions()  # they were about the card shown before
        self.voucher_id = voucher_id
        self.setVisible(voucher_id is not None and not self.compact)  # compact: once read
        if voucher_id is None:
            self.state = None
            return
        shop = self.shop
        run_in_background(self, lambda: giftcard_desk.card_state(shop, voucher_id),
                          self._loaded, errors=self.message)

    def _loaded(self, state: CardState) -> None:
        if state.voucher_id != self.voucher_id:
            return
        self.state = state
        self.balance.setText(self.tr("Balance {amount}").format(
            amount=money(state.balance_cents, self.model.currency)))
        self.reload_button.setEnabled(state.may_take_money and state.usable)
        self.cashout_button.setVisible(state.cashout_max_cents > 0)
        self.cashout_button.setEnabled(state.may_cash_out)
        self.cashout_button.setToolTip(self.tr("Pays out a balance of at most {amount} in "
                                               "cash").format(
            amount=money(state.cashout_max_cents, self.model.currency)))
        if self.compact:
            self.setVisible(state.may_take_money and state.usable)
            return
        self.model.set_rows(state.ledger[::-1])  # newest first: the latest is in sight
        self.ledger.resizeColumnsToContents()
        owner = self.shop.is_owner and state.usable  # a void card is there to be read
        self.pin_button.setEnabled(owner)
        self.pin_button.setText(self.tr("Change PIN…") if state.has_pin else self.tr("Set PIN…"))
        self.clear_pin_button.setVisible(state.has_pin)
        self.clear_pin_button.setEnabled(owner)

    def _close_questions(self) -> None:
        for open_one in (self.confirm_box, self.dialog):
            if open_one is not None and shiboken6.isValid(open_one) and open_one.isVisible():
                open_one.reject()
        self.confirm_box = self.dialog = None

    def _done(self, text: str) -> None:
        """Said here; the panel shows the voucher again, and this card with it."""
        self.message.show_info(text)
        self.changed.emit()

    def ask_reload(self) -> None:
        if self.voucher_id is None or self.state is None:
            return
        dialog = ReloadDialog(self.shop, self.voucher_id, self.state.code, self)
        dialog.reloaded.connect(lambda change: self._done(self.tr(
            "Reloaded; balance {amount}.").format(
            amount=money(change.balance_cents, self.model.currency))))
        self.dialog = dialog
        dialog.open()

    def ask_cash_out(self) -> None:
        state = self.state
        if state is None or not state.may_cash_out:
            return
        cash = money(state.cashout_cents, self.model.currency)
        # A money question names its action (QA L6) and its card: it pays out that card, even
        # if another one is shown meanwhile (QA: a card scanned under the question was paid).
        self.confirm_box = ask_to_confirm(
            self, self.tr("Cash out"),
            self.tr("Pay {amount} out in cash for gift card {code} (balance {balance}) and "
                    "empty it?").format(amount=cash, code=state.code, balance=money(
                        state.balance_cents, self.model.currency)),
            self.tr("Pay out {amount}").format(amount=cash),
            lambda: self.cash_out(state.voucher_id, state.cashout_cents))

    def cash_out(self, voucher_id: int, expect_cents: int | None = None) -> None:
        """Pays out the cash the question named, or nothing: a card spent from at another
        counter since is said, and shown again with its balance now."""
        shop, station = self.shop, settings.station_name()
        run_in_background(
            self, lambda: giftcard_desk.cash_out_card(shop, voucher_id, station, expect_cents),
            lambda change: self._done(self.tr("Paid out {amount} in cash.").format(
                amount=money(change.money_cents, self.model.currency))),
            errors=self._cash_out_refused)

    def _cash_out_refused(self, exc: ShopError) -> None:
        say_failure(exc, self.message)
        if exc.params.get("state") == "cashout_changed":
            self.changed.emit()  # the card shown again, with what it holds now

    def ask_pin(self) -> None:
        if self.voucher_id is None:
            return
        dialog = PinDialog(self.shop, self.voucher_id, self)
        dialog.pin_set.connect(lambda: self._done(self.tr("PIN set.")))
        self.dialog = dialog
        dialog.open()

    def clear_pin(self) -> None:
        shop, voucher_id = self.shop, self.voucher_id
        if voucher_id is None:
            return
        run_in_background(self, lambda: giftcard_desk.clear_card_pin(shop, voucher_id),
                          lambda _: self._done(self.tr("PIN removed.")), errors=self.message)
