"""A gift card by phone + PIN: the customer calls without the card in hand.

Find their cards by the phone number on the order or by the order's number; the list names
each card by its number, product, order and customer (phone masked), never its code or QR.
Pick one and type the PIN the caller gives: the balance, what the card can do now, its
validity and its latest ledger rows; or, for the customer at the counter without the card,
an amount spent from it (the PIN typed again for each spend; ``spend_with_pin`` redeems it as
a scan would). A wrong PIN says how many attempts are left; too many
lock that card's PIN for a while; a card without a PIN cannot be looked up here. The answer
is hidden again as soon as another card is chosen or the PIN is edited. Everything runs
through ``core.giftcard_lookup`` on the worker thread, and every attempt is audited there.
"""

from __future__ import annotations

from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import giftcard_lookup, giftcards
from desktop_app.core.errors import InvalidInput
from desktop_app.core.giftcard_lookup import CardLookup, CardRef, CardSpend
from desktop_app.core.money import parse_amount
from desktop_app.core.store import Shop
from desktop_app.i18n import QT_TRANSLATE_NOOP, label
from desktop_app.messages import error_message
from desktop_app.messages.verdict_texts import status_text as lookup_status_text
from desktop_app.scanning.burst_rule import PIN_BOX
from desktop_app.ui import settings
from desktop_app.ui.display import money, short_time
from desktop_app.ui.orders.giftcard_box import LedgerModel
from desktop_app.ui.tables import Column, RowTableModel, fit_columns, selected_row, setup_table
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    MessageLabel,
    fit_to_screen,
    hint_label,
    widget_font,
)

STATUS_TEXTS: dict[str, str] = {
    "redeemable": QT_TRANSLATE_NOOP("CardLookupDialog", "can be spent now"),
    "expired": QT_TRANSLATE_NOOP("CardLookupDialog", "expired"),
    "not_yet_valid": QT_TRANSLATE_NOOP("CardLookupDialog", "not valid yet"),
    "voided": QT_TRANSLATE_NOOP("CardLookupDialog", "void (refunded)"),
    "not_paid": QT_TRANSLATE_NOOP("CardLookupDialog", "not paid"),
}


def status_text(status: str) -> str:
    """The card's status as the caller hears it; an emptied card in the counter's words."""
    if status in STATUS_TEXTS:
        return label("CardLookupDialog", STATUS_TEXTS, status)
    return lookup_status_text(status)


class CardRefModel(RowTableModel[CardRef]):
    def columns(self) -> list[Column[CardRef]]:
        return [
            Column(self.tr("Card"), lambda r: f"#{r.voucher_id}", lambda r: r.voucher_id),
            Column(self.tr("Product"), lambda r: r.product),
            Column(self.tr("Order"), lambda r: f"#{r.order_id}", lambda r: r.order_id),
            Column(self.tr("Customer"), lambda r: " ".join(
                part for part in (r.customer, r.customer_phone) if part)),
            Column(self.tr("Sold"), lambda r: short_time(r.issued_at), lambda r: r.issued_at),
            Column(self.tr("PIN"), lambda r: self.tr("yes") if r.has_pin else self.tr("no")),
        ]


class CardLookupDialog(QDialog):
    """Find a caller's cards, then open one with its PIN, or spend from it."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWindowTitle(self.tr("Gift card by phone + PIN"))
        fit_to_screen(self, 720, 560)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addWidget(hint_label(self.tr(
            "For a customer without the card in hand, on the phone or at the counter: find "
            "their cards, choose one and ask for its PIN to read its balance or spend from it. "
            "The card's code and QR are never shown here."), self))
        column.addLayout(self._build_search())
        self.cards = CardRefModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.cards)
        setup_table(self.table, 1)
        # Four cards in view, whatever is found or shown below: a list that shrank once the
        # answer showed moved the PIN and amount fields up under the cashier's click (QA
        # s35b F8: an amount aimed at its field was typed into the PIN and tried).
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + 4 * rows + 2 * self.table.frameWidth())
        self.table.selectionModel().selectionChanged.connect(self._card_chosen)
        column.addWidget(self.table)
        column.addLayout(self._build_pin())
        column.addLayout(self._build_spend())
        self.message = MessageLabel(self)
        column.addWidget(self.message)
        column.addWidget(self._build_answer(), 1)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        column.addLayout(bottom)
        for button in (self.find_button, self.lookup_button, self.spend_button,
                       self.close_button):
            button.setAutoDefault(False)  # Enter belongs to the field it is typed in
        self._show_answer(None)
        self._update_buttons()

    def _build_search(self) -> QHBoxLayout:
        self.search_by = QComboBox(self)
        self.search_by.addItem(self.tr("Phone number"), "phone")
        self.search_by.addItem(self.tr("Order number"), "order")
        self.search = QLineEdit(self)
        self.search.setMaxLength(40)
        self.search.setPlaceholderText(self.tr("The number the customer gives"))
        self.search.returnPressed.connect(self.find_cards)
        self.search.textChanged.connect(self._update_buttons)
        self.find_button = QPushButton(self.tr("Find cards"), self)
        self.find_button.clicked.connect(self.find_cards)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.search_by)
        row.addWidget(self.search, 1)
        row.addWidget(self.find_button)
        return row

    def _build_pin(self) -> QHBoxLayout:
        self.pin = QLineEdit(self)
        self.pin.setMaxLength(6)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        # full-width digits too (pasted, or an input method's): core reads them NFKC'd
        self.pin.setValidator(QRegularExpressionValidator(r"[0-9０-９]{0,6}", self.pin))
        self.pin.setPlaceholderText(self.tr("4 to 6 digits, asked for each look-up and spend"))
        self.pin.setProperty(PIN_BOX, True)  # a short barcode scanned here is no PIN
        self.pin.textEdited.connect(self._pin_edited)
        self.pin.returnPressed.connect(self._pin_entered)
        self.lookup_button = QPushButton(self.tr("Look up"), self)
        self.lookup_button.clicked.connect(self.look_up)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("The card's PIN:"), self))
        row.addWidget(self.pin, 1)
        row.addWidget(self.lookup_button)
        return row

    def _build_spend(self) -> QHBoxLayout:
        """The customer at the counter without the card pays with it by its PIN (typed again
        above for each spend, as for each look-up)."""
        self.amount = QLineEdit(self)
        self.amount.setMaxLength(12)
        self.amount.setPlaceholderText(self.tr("e.g. 30.00"))
        self.amount.textChanged.connect(self._update_buttons)
        self.amount.textEdited.connect(lambda _text: self.message.clear())  # about another amount
        self.amount.returnPressed.connect(self.spend)
        self.spend_button = QPushButton(self.tr("Spend with PIN"), self)
        self.spend_button.clicked.connect(self.spend)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("Amount to spend:"), self))
        row.addWidget(self.amount, 1)
        row.addWidget(self.spend_button)
        return row

    def _build_answer(self) -> QWidget:
        self.answer = QWidget(self)
        self.balance = QLabel(self.answer)
        self.balance.setFont(widget_font(self.balance, scale=1.6, bold=True))
        self.facts = QLabel(self.answer)
        self.facts.setWordWrap(True)
        self.ledger_model = LedgerModel(self.answer)
        self.ledger_model.currency = self.shop.currency
        self.ledger = QTableView(self.answer)
        self.ledger.setModel(self.ledger_model)
        setup_table(self.ledger, 4)
        column = QVBoxLayout(self.answer)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.balance)
        column.addWidget(self.facts)
        column.addWidget(self.ledger, 1)
        # Hidden until a PIN opens a card, it keeps its room: the rest stays packed at the top
        # instead of spreading over the dialog.
        policy = self.answer.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.answer.setSizePolicy(policy)
        return self.answer

    # -- finding the caller's cards ------------------------------------------------------

    def find_cards(self) -> None:
        text, by, shop = self.search.text().strip(), self.search_by.currentData(), self.shop
        if not text:
            return
        if by == "order" and not text.lstrip("#").isdigit():
            self.message.show_error(self.tr("An order number is digits only."))
            return
        order_id = int(text.lstrip("#")) if by == "order" else None
        self.message.clear()
        self._show_answer(None)
        run_in_background(self, lambda: giftcard_lookup.caller_cards(
            shop, order_id=order_id, phone=text if order_id is None else ""),
            self._cards_found, errors=self.message)

    def _cards_found(self, refs: list[CardRef]) -> None:
        self.cards.set_rows(refs)
        fit_columns(self.table, 1)
        if not refs:
            self.message.show_warning(self.tr("No gift cards found for this number."))
        elif len(refs) == 1:
            self.table.selectRow(0)
        self._update_buttons()

    def chosen(self) -> CardRef | None:
        ref: CardRef | None = selected_row(self.table)
        return ref

    def _card_chosen(self) -> None:
        self.pin.clear()
        self._show_answer(None)
        ref = self.chosen()
        if ref is not None and not ref.has_pin:
            self.message.show_warning(self._no_pin_text())
        else:
            self.message.clear()
        self._update_buttons()
        if ref is not None and ref.has_pin:
            self.pin.setFocus()

    # -- the PIN ------------------------------------------------------------------------------

    def _pin_edited(self) -> None:
        self._show_answer(None)  # what the last PIN opened is not left on screen
        self._update_buttons()

    def _update_buttons(self) -> None:
        ref = self.chosen()
        self.find_button.setEnabled(bool(self.search.text().strip()))
        self.pin.setEnabled(ref is not None and ref.has_pin)
        pin_typed = ref is not None and ref.has_pin and 4 <= len(self.pin.text()) <= 6
        self.lookup_button.setEnabled(pin_typed)
        self.amount.setEnabled(ref is not None and ref.has_pin)
        self.spend_button.setEnabled(pin_typed and self._amount() is not None)

    def _pin_entered(self) -> None:
        """Enter in the PIN: spends when an amount is typed (the cashier typed it, then asked
        for the PIN), else looks the card up."""
        if self._amount() is not None:
            self.spend()
        else:
            self.look_up()

    def _amount(self) -> int | None:
        try:
            return self._parsed_amount()
        except InvalidInput:
            return None

    def _parsed_amount(self) -> int:
        cents = parse_amount(self.amount.text())
        giftcards.check_amount(cents)
        return cents

    def _say_amount_problem(self) -> None:
        """Enter on an amount that is none: why, as the counter's amount box says it (QA
        s35b F9: nothing new was said, the last answer about another amount stayed)."""
        try:
            self._parsed_amount()
        except InvalidInput as exc:
            self.message.show_error(error_message(exc))

    def look_up(self) -> None:
        ref = self.chosen()
        if ref is None or not self.lookup_button.isEnabled():
            return
        shop, card, pin = self.shop, ref.voucher_id, self.pin.text()
        station = settings.station_name()
        self.pin.clear()  # asked again for every look-up
        self.lookup_button.setEnabled(False)
        self.message.clear()
        run_in_background(self, lambda: giftcard_lookup.look_up_card(shop, card, pin, station),
                          self._looked_up, errors=self.message, always=self._update_buttons)

    def spend(self) -> None:
        ref, amount = self.chosen(), self._amount()
        if ref is not None and amount is None and self.amount.text().strip():
            self._say_amount_problem()
            return
        if ref is not None and ref.has_pin and amount is not None \
                and not 4 <= len(self.pin.text()) <= 6:
            self.message.show_warning(self.tr("Ask for the card's PIN: each spend needs it."))
            self.pin.setFocus()
            return
        if ref is None or amount is None or not self.spend_button.isEnabled():
            return
        shop, card, pin = self.shop, ref.voucher_id, self.pin.text()
        station = settings.station_name()
        self.pin.clear()  # asked again for every spend
        self.spend_button.setEnabled(False)
        self.message.clear()
        run_in_background(
            self, lambda: giftcard_lookup.spend_with_pin(shop, card, pin, amount, station),
            lambda spent: self._spent(spent, amount), errors=self.message,
            always=self._update_buttons)

    def _spent(self, spent: CardSpend, asked: int) -> None:
        verdict = spent.verdict
        if verdict is None:
            self._looked_up(spent.pin)
            return
        if verdict.ok:
            self.amount.clear()
            self.message.show_info(self.tr(
                "Spent {amount} from card #{card}. Balance now {balance}.").format(
                amount=money(verdict.spent or 0, self.shop.currency), card=spent.pin.voucher_id,
                balance=money(verdict.balance or 0, self.shop.currency)))
        elif verdict.reason == "insufficient_balance":
            self.message.show_error(self.tr(
                "Nothing was spent: the card holds {balance}, less than {amount}.").format(
                balance=money(verdict.balance or 0, self.shop.currency),
                amount=money(asked, self.shop.currency)))
        else:
            self.message.show_error(self.tr("Nothing was spent: {why}.").format(
                why=status_text(verdict.reason)))
        self._show_answer(spent.pin)

    def _looked_up(self, found: CardLookup) -> None:
        ref = self.chosen()
        if ref is None or ref.voucher_id != found.voucher_id:
            return  # another card was chosen meanwhile
        if found.reason == "wrong_pin" and found.attempts_left == 1:
            self.message.show_error(self.tr(
                "Wrong PIN. 1 attempt left before this card's PIN locks."))
        elif found.reason == "wrong_pin":
            self.message.show_error(self.tr(
                "Wrong PIN. {left} attempts left before this card's PIN locks.").format(
                left=found.attempts_left))
        elif found.reason == "pin_locked":
            until = short_time(found.locked_until) if found.locked_until else ""
            self.message.show_error(self.tr(
                "Too many wrong PINs: this card's PIN is locked until {time}. The customer "
                "can call again later, or come in with the card.").format(time=until))
        elif found.reason == "no_pin":
            self.message.show_warning(self._no_pin_text())
        self._show_answer(found if found.ok else None)
        if found.ok and self.amount.isEnabled():
            self.amount.setFocus()  # what a customer at the counter asks next

    def say_scan_not_pin(self) -> None:
        """A scanner's burst landed in the PIN box: taken out, neither tried nor counted."""
        self.message.show_warning(self.tr(
            "That was a scan, not the PIN: it was not tried. Type the PIN the customer gives."))
        self.pin.setFocus()

    def _no_pin_text(self) -> str:
        return self.tr("This card has no PIN: it can be looked up only with the card in hand. "
                       "An owner can set one below the card's voucher on the Orders tab.")

    def _show_answer(self, found: CardLookup | None) -> None:
        facts = found.facts if found is not None else None
        self.answer.setVisible(facts is not None)
        if found is None or facts is None:
            self.balance.clear()
            self.facts.clear()
            self.ledger_model.set_rows([])
            return
        currency = self.shop.currency
        self.balance.setText(self.tr("Card #{card}: balance {amount}").format(
            card=found.voucher_id, amount=money(facts.balance_cents, currency)))
        validity = (self.tr("valid until {until}").format(until=short_time(facts.valid_until))
                    if facts.valid_until else self.tr("no expiry"))  # not "until no end date"
        self.facts.setText(self.tr("{product} · order #{order} · {status} · {validity}").format(
            product=facts.product, order=facts.order_id, status=status_text(facts.status),
            validity=validity))
        self.ledger_model.set_rows(facts.recent)
        self.ledger.resizeColumnsToContents()
