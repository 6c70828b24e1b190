"""The amount a gift card spends, typed at the counter, and the balance it leaves.

The cashier types the amount (number keys, Enter) before the scan, or right after a card was
refused for want of one; then the card's next scan spends it. An amount is for one scan: its
verdict, spent or refused, clears it, and at the latest it goes when that verdict clears
itself (QA s18b F1: one left by a void card was spent from the next customer's card). The
balance left shows in large figures while its verdict does. The amount goes with the scan to
the counter, whose repeat guard covers it: a double read of the same card with the same
amount spends once. A voucher is never an amount: text that reads as one, typed or scanned
into the field at any speed, is handed on as a scan.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_app.core import giftcards
from desktop_app.core.counter import UndoResult
from desktop_app.core.errors import InvalidInput
from desktop_app.core.money import parse_amount
from desktop_app.core.redemption import Verdict
from desktop_app.core.vouchers import has_voucher_shape
from desktop_app.messages import error_message
from desktop_app.scanning.burst_rule import SCAN_MAX_CHARS, could_be_a_voucher, is_a_barcode
from desktop_app.ui.display import money
from desktop_app.ui.widgets import scaled_font

# Room for a whole voucher: one typed or scanned here slowly must be read whole, as a voucher.
MAX_AMOUNT_CHARS = SCAN_MAX_CHARS
# An amount put in the box from the scan field, not typed there on purpose, waits this long
# for a card (QA s35b F3: "50.5" typed again after a spend sat there and was spent from the
# next card scanned, 45 s later, with nothing but a grey line to say so).
PARKED_AMOUNT_MS = 20_000
# Digits, maybe with a decimal point: no voucher's code (a printed code has letters, a QR's
# text starts with V1), a number a person typed, most likely a gift card's amount.
TYPED_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def reads_as_a_voucher(text: str) -> bool:
    """Text in the amount field that is a voucher, or could be one (a voucher's length, with
    letters: a code with a typo): a scan's to judge, never an amount. Digits alone (a payment
    code) or with a decimal point are no voucher."""
    return has_voucher_shape(text) or (could_be_a_voucher(text)
                                       and any(char.isalpha() for char in text))


class AmountPanel(QFrame):
    """``amount_entered(cents)`` on Enter with a valid amount; ``voucher_entered(text)`` on
    Enter with a voucher in the field (taken out of it). ``pending_text`` is the card that was
    refused for want of an amount: the tab scans it again with the amount. ``scans_resume``
    when the card stops waiting while the field has the focus: the focus goes back to where
    scans and uses go."""

    amount_entered = Signal(int)
    voucher_entered = Signal(str)
    scans_resume = Signal()

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amountPanel")
        self.currency = currency
        self.pending_text = ""
        self._note = ""  # what the prompt says of digits typed in the scan field
        # The field's amount went with a scan: that scan's verdict (or, at the latest, its
        # clearing) takes it away. Any change to the field makes it a new amount.
        self._carried = False
        self._verdict_prompt = ""  # what a verdict said here: it goes with the verdict
        self._parked = ""  # an amount moved here from the scan field, until it expires
        self._parked_timer = QTimer(self)
        self._parked_timer.setSingleShot(True)
        self._parked_timer.setInterval(PARKED_AMOUNT_MS)
        self._parked_timer.timeout.connect(self._parked_expired)
        self.field = QLineEdit(self)
        self.field.setObjectName("amountField")
        self.field.setFont(scaled_font(self.field, 1.2))
        self.field.setPlaceholderText(self.tr("Gift card amount"))
        # No validator: a scan that starts while this field has the focus must land here in
        # full, so the scanner input can take all of it back out (it moves the burst to the
        # scan field). No input method either: it would swallow a scanner's keys.
        self.field.setMaxLength(MAX_AMOUNT_CHARS)
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setMaximumWidth(220)
        self.field.returnPressed.connect(self._entered)
        self.field.textEdited.connect(self.drop_note)
        self.field.textEdited.connect(self._unpark)  # the cashier's own amount now
        self.field.textChanged.connect(self._new_amount)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.balance = QLabel(self)
        self.balance.setObjectName("balanceFigure")
        self.balance.setFont(scaled_font(self.balance, 2.0, bold=True))
        self.balance.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field)
        row.addWidget(self.prompt, 1)
        row.addWidget(self.balance)
        self.show_idle()

    def amount_cents(self) -> int | None:
        """The typed amount, or None when the field is empty or does not hold an amount."""
        text = self.field.text().strip()
        if not text:
            return None
        try:
            cents = parse_amount(text)
            giftcards.check_amount(cents)  # QA s35b F13: "0" and Enter said nothing at all
        except InvalidInput as exc:
            self.prompt.setText(error_message(exc))
            return None
        return cents

    def take_for_scan(self) -> int | None:
        """The amount a scan about to go carries, or None: from now on it is that scan's."""
        cents = self.amount_cents()
        self._carried = cents is not None
        self._unpark()
        return cents

    def _unpark(self) -> None:
        self._parked = ""
        self._parked_timer.stop()

    def _parked_expired(self) -> None:
        parked, self._parked = self._parked, ""
        if not parked or self._carried or self.field.text().strip() != parked:
            return
        self.field.clear()
        self.show_note(self.tr(
            "{typed} was taken out of the gift card amount box: no gift card was scanned "
            "for it. Type the amount again when the card is in hand.").format(typed=parked))

    def _new_amount(self) -> None:
        self._carried = False

    def _entered(self) -> None:
        text = self.field.text().strip()
        if reads_as_a_voucher(text):
            self.field.clear()
            self.scans_resume.emit()  # as a scan would: the next scan and uses go there
            self.voucher_entered.emit(text)
            return
        cents = self.amount_cents()
        if cents is None:
            return
        if not self.pending_text:
            self.prompt.setText(self.tr("Now scan the gift card."))
        self.amount_entered.emit(cents)

    def refuses_scan(self, text: str, landed_in: QWidget | None) -> bool:
        """A burst of digits scanned into this field is a customer's payment code (QA s11a):
        no voucher to redeem, and no amount either. The scanner input gave the field back as
        the cashier left it; this says what the burst was."""
        if landed_in is not self.field or not is_a_barcode(text):
            return False
        self.prompt.setText(self.tr("Not an amount: that looks like a payment code. Type the "
                                    "amount to spend, press Enter, then scan the gift card."))
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def take_typed(self, text: str) -> bool:
        """A number a person typed into the scan field and ended with Enter, beyond the uses
        the picker takes (QA s16a F5: "150" was a refused "invalid code" counted against the
        counter): no scan, nothing recorded. An amount goes into this field for the gift
        card's scan, and the prompt says so; zero or too large, it says where amounts go.
        False for text that is not such a number."""
        typed = text.strip()
        if not TYPED_NUMBER.fullmatch(typed):
            return False
        try:
            cents = parse_amount(typed)
        except InvalidInput:
            cents = 0
        if not cents:
            self.show_note(self.tr(
                "Nothing redeemed: {typed} is not a voucher code. For a gift card, type the "
                "amount in the box on the left, press Enter, then scan the card.").format(
                    typed=typed))
            return True
        self.field.setText(typed)
        self._parked = typed
        self._parked_timer.start()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.show_note(self.tr(
            "Nothing redeemed: {typed} is not a voucher code. {amount} is now in the gift "
            "card amount box on the left for 20 seconds: scan the gift card to spend it."
        ).format(
                typed=typed, amount=money(cents, self.currency)))
        return True

    def show_note(self, text: str) -> None:
        """What became of digits typed in the scan field, said beside this field; the next
        scan, another number of uses or an edit here takes it away (``drop_note``)."""
        self._note = text
        self.prompt.setText(text)

    def drop_note(self) -> None:
        if self._note and self.prompt.text() == self._note:
            self.show_idle()
        self._note = ""

    def show_idle(self) -> None:
        self.prompt.setText(self.tr("For a gift card: type the amount, press Enter, scan."))

    def forget_pending(self) -> None:
        """The card that waited for its amount is no longer in hand (its verdict went, or
        something else was scanned): Enter must not spend from it (QA s13a F8)."""
        if self.pending_text:
            self.pending_text = ""
            self.balance.clear()
            self.show_idle()

    def prompt_cleared(self) -> None:
        """The verdict went (its time was up): the balance shown goes with it, and so does an
        amount a scan carried (QA s18b F1). The verdict that asked for the card's amount went:
        the card is forgotten, and so is an amount typed for it and not entered. The cashier
        goes back to the scan field: left here, their "3" for the next pass's uses was an
        amount (QA s15a F3). An amount typed since, for the next card, stays."""
        self.balance.clear()
        if self._carried:
            self.field.clear()
        if self._verdict_prompt and self.prompt.text() == self._verdict_prompt:
            self.show_idle()
        self._verdict_prompt = ""
        if not self.pending_text:
            return
        self.forget_pending()
        self.field.clear()
        if self.field.hasFocus():
            self.scans_resume.emit()

    def show_failure(self, uncertain: bool, charging: bool = True) -> None:
        """A scan failed: the balance shown belongs to no verdict now (QA s13a M1). When it
        is not known whether a card was charged, the amount and the waiting card go too: a
        second try would be a second charge (F10). A pass's is no card's: nothing said of an
        amount (QA s39b F7), none was typed for it."""
        self.balance.clear()
        if uncertain:
            self.pending_text = ""
            self.field.clear()
            if charging:
                self.prompt.setText(self.tr("The amount was cleared: wait for the counter to "
                                            "find out whether the card was charged."))

    def show_undone(self, result: UndoResult) -> None:
        """An undo gave a spend back: the figure shown must not be the balance before it."""
        if result.balance is None:
            self.balance.clear()
        else:
            self.balance.setText(self.tr("Balance {amount}").format(
                amount=money(result.balance, self.currency)))

    def show_verdict(self, verdict: Verdict, scanned: str) -> None:
        """After each verdict: ask for the amount, or show the balance left. The amount the
        scan carried was used or refused by it: it goes, whatever the verdict."""
        carried = self._carried
        if carried or verdict.ok:
            self.field.clear()
        if verdict.reason in ("amount_required", "insufficient_balance"):
            self.pending_text = scanned  # the card is in hand: Enter with an amount spends
            self._say_for_verdict(self.tr("Type the amount for this card and press Enter."))
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            self.field.selectAll()
        elif verdict.reason == "not_a_giftcard":
            # A stale amount (a card not scanned after all) must not hold up the queue, nor
            # be spent from the next card scanned (QA round 2): cleared, and said so.
            self.pending_text = ""
            self.field.clear()
            self._say_for_verdict(self.tr("The amount was cleared: scan the voucher again."))
        else:
            self.pending_text = ""
            if verdict.ok:
                self.show_idle()
            elif carried:  # refused as it is (void, expired, not a voucher…): nothing spent
                self._say_for_verdict(self.tr(
                    "The amount was cleared: nothing was spent. Type it again for the next "
                    "card."))
        if verdict.balance is not None:
            self.balance.setText(self.tr("Balance {amount}").format(
                amount=money(verdict.balance, self.currency)))
        else:
            self.balance.clear()

    def _say_for_verdict(self, text: str) -> None:
        """Said beside the field while the verdict is shown; it goes when the verdict does."""
        self._verdict_prompt = text
        self.prompt.setText(text)
