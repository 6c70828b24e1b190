"""The word for each verdict reason of the contract (context ``Redemption``): the big word on
the counter's verdict panel, its list's result column, and the command line's ``redeem``.
No Qt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.core.dates import local_time
from desktop_app.core.foreign_codes import PAYMENT_CODE, PRODUCT_BARCODE, foreign_code
from desktop_app.core.vouchers import length_slip, normalize
from desktop_app.i18n import QT_TRANSLATE_NOOP, label, translate

if TYPE_CHECKING:
    from desktop_app.core.redemption import Verdict

# The big word on the verdict panel, and the result column of the table.
HEADLINES: dict[str, str] = {
    "redeemed": QT_TRANSLATE_NOOP("Redemption", "Redeemed"),
    "already_redeemed": QT_TRANSLATE_NOOP("Redemption", "Already redeemed"),
    "unknown_code": QT_TRANSLATE_NOOP("Redemption", "Unknown code"),
    "invalid_signature": QT_TRANSLATE_NOOP("Redemption", "Forged or altered"),
    "wrong_shop": QT_TRANSLATE_NOOP("Redemption", "Not this shop's voucher"),
    "malformed": QT_TRANSLATE_NOOP("Redemption", "Not a voucher code"),
    "mistyped": QT_TRANSLATE_NOOP("Redemption", "Check the code"),
    "not_enough_uses": QT_TRANSLATE_NOOP("Redemption", "Not enough uses left"),
    "not_paid": QT_TRANSLATE_NOOP("Redemption", "Not paid"),
    "voided": QT_TRANSLATE_NOOP("Redemption", "Voided"),
    "expired": QT_TRANSLATE_NOOP("Redemption", "Expired"),
    "not_yet_valid": QT_TRANSLATE_NOOP("Redemption", "Not valid yet"),
    "forbidden": QT_TRANSLATE_NOOP("Redemption", "Not allowed"),
    "insufficient_balance": QT_TRANSLATE_NOOP("Redemption", "Balance too low"),
    "amount_required": QT_TRANSLATE_NOOP("Redemption", "Enter the amount"),
    "not_a_giftcard": QT_TRANSLATE_NOOP("Redemption", "Not a gift card"),
    "undone": QT_TRANSLATE_NOOP("Redemption", "Undo"),
}


# The sentence under the headline: what happened and what to do (the counter's verdict panel,
# and a look-up of a text that names no voucher here). {valid_from}/{valid_until}/{who}/{when}
# are filled in by the panel.
EXPLANATIONS: dict[str, str] = {
    "unknown_code": QT_TRANSLATE_NOOP(
        "Redemption", "There is no voucher with this code in this shop. Check the code."),
    "invalid_signature": QT_TRANSLATE_NOOP(
        "Redemption", "This QR code was not made by this shop, or it was changed. Do not "
        "accept it."),
    # What the cashier does next (QA s19a F14: it said only whose it was). Never that another
    # shop issued it: a misread or made-up code has the same shape (QA s35b F18).
    "wrong_shop": QT_TRANSLATE_NOOP(
        "Redemption", "It was not issued by this shop, or its QR code was misread. It cannot "
        "be used here: if the customer bought it here, type its printed code."),
    "malformed": QT_TRANSLATE_NOOP(
        "Redemption", "What was read is not a voucher. Scan again, or type the printed code."),
    "mistyped": QT_TRANSLATE_NOOP(
        "Redemption", "A character is wrong or two are swapped – check the code."),
    "not_enough_uses": QT_TRANSLATE_NOOP(
        "Redemption", "Fewer uses are left than were asked for; nothing was used."),
    "not_paid": QT_TRANSLATE_NOOP(
        "Redemption", "Its order has not been paid. Ask the owner to check the order."),
    "voided": QT_TRANSLATE_NOOP("Redemption", "Its order was refunded or cancelled."),
    "expired": QT_TRANSLATE_NOOP("Redemption", "It was valid until {valid_until}."),
    "not_yet_valid": QT_TRANSLATE_NOOP("Redemption", "It can be used from {valid_from}."),
    "forbidden": QT_TRANSLATE_NOOP(
        "Redemption", "This operator may not redeem vouchers now: the account was disabled "
        "or its role changed. Ask the owner."),
    "already_redeemed": QT_TRANSLATE_NOOP(
        "Redemption", "Last redeemed by {who} at {station}, {when}."),
    "insufficient_balance": QT_TRANSLATE_NOOP(
        "Redemption", "The card holds less than that amount. Nothing was spent."),
    # Enter spends from the card in hand; no second scan (QA s18b F7: this said "scan it
    # again" while the line under it said "press Enter").
    "amount_required": QT_TRANSLATE_NOOP(
        "Redemption", "This is a gift card: type the amount to spend and press Enter. No need "
        "to scan it again."),
    "not_a_giftcard": QT_TRANSLATE_NOOP(
        "Redemption", "This voucher counts uses, not money: scan it without an amount."),
}


# A printed code typed one symbol short or long (QA s18b F3): the slip said, in place of the
# "mistyped" explanation's "wrong or swapped".
LENGTH_SLIPS: dict[int, str] = {
    -1: QT_TRANSLATE_NOOP("Redemption", "A character is missing – check the code."),
    1: QT_TRANSLATE_NOOP("Redemption", "There is one character too many – check the code."),
}


# A scan that is no voucher and looks like something a counter's scanner also reads.
FOREIGN_CODES: dict[str, str] = {
    PAYMENT_CODE: QT_TRANSLATE_NOOP(
        "Redemption", "This is a customer's payment code (WeChat Pay or Alipay), not a "
        "voucher: ask for the voucher's QR code or its printed code. Nothing was charged."),
    PRODUCT_BARCODE: QT_TRANSLATE_NOOP(
        "Redemption", "This is a product's barcode, not a voucher: scan the voucher's QR code "
        "or type its printed code."),
}


def malformed_text(scanned: str) -> str:
    """Why ``scanned`` is no voucher: a payment code or a product's barcode said as such."""
    kind = foreign_code(scanned)
    return translate("Redemption", FOREIGN_CODES[kind] if kind else EXPLANATIONS["malformed"])


# The command line's line already says "Check the code" as its verdict word: the slip alone
# (QA s39a F20: "请核对券码: …  少了一个字符——请核对券码。").
SLIPS_SAID_SHORT: dict[int, str] = {
    -1: QT_TRANSLATE_NOOP("Redemption", "one character missing"),
    1: QT_TRANSLATE_NOOP("Redemption", "one character too many"),
}


def slip_text(typed: str) -> str:
    """A printed code's length slip in a few words; "" when its length is right."""
    slip = length_slip(normalize(typed))
    return translate("Redemption", SLIPS_SAID_SHORT[slip]) if slip else ""


def mistyped_text(typed: str) -> str:
    """What is wrong with ``typed``, a mistyped code, as far as its length tells."""
    slip = length_slip(normalize(typed))
    return translate("Redemption", LENGTH_SLIPS[slip] if slip else EXPLANATIONS["mistyped"])


def headline(reason: str) -> str:
    """``Redeemed``, ``Already redeemed``… in the user's language; an unknown reason as is."""
    return label("Redemption", HEADLINES, reason)


# A card key's verdict says it is one: its key was handed over on the voucher, so "redeemed"
# marks the key used (and no longer refunded), nothing more (QA s17a F5). Same reasons.
CARD_KEY_HEADLINES: dict[str, str] = {
    "redeemed": QT_TRANSLATE_NOOP("Redemption", "Card key marked as used"),
    "already_redeemed": QT_TRANSLATE_NOOP("Redemption", "Card key already marked as used"),
}
CARD_KEY_USED = QT_TRANSLATE_NOOP(
    "Redemption", "The key is on the customer's voucher. A used key is no longer refunded.")


def verdict_headline(reason: str, kind: str) -> str:
    """The verdict's word for a voucher of a product of ``kind``: a card key's says so."""
    if kind == "cardkey" and reason in CARD_KEY_HEADLINES:
        return label("Redemption", CARD_KEY_HEADLINES, reason)
    return headline(reason)


def card_key_used_text() -> str:
    """Under a card key's "marked as used": where the key is, and what using it costs."""
    return translate("Redemption", CARD_KEY_USED)


# A look-up's status in words, where it is not the refusal's headline: an emptied gift card
# is told how to use it again, not "Balance too low" (nothing was asked of it).
STATUS_TEXTS: dict[str, str] = {
    "redeemable": QT_TRANSLATE_NOOP("Redemption", "Can be redeemed"),
    "insufficient_balance": QT_TRANSLATE_NOOP("Redemption", "Empty: reload it to spend it again"),
    "integrity_hold": QT_TRANSLATE_NOOP(
        "Redemption", "Not now: redeeming is stopped until the owner checks the shop (Verify)"),
}


# A card key's look-up: its uses say nothing of a key already on the customer's voucher; the
# look-up tells whether it was marked used (QA s17a, left over).
CARD_KEY_STATUS = QT_TRANSLATE_NOOP("Redemption", "Can be marked as used")
CARD_KEY_STATES: dict[bool, str] = {
    False: QT_TRANSLATE_NOOP("Redemption", "card key not yet marked as used"),
    True: QT_TRANSLATE_NOOP("Redemption", "card key marked as used"),
}


def card_key_state_text(used: bool) -> str:
    """A looked-up card key's state in words, in place of its uses left."""
    return translate("Redemption", CARD_KEY_STATES[used])


# Beside the state above (the look-up's headline, the found list's "Left"), a used key's
# status says what else there is to know, not the same words again (QA s39a F20.5).
CARD_KEY_USED_STATUS = QT_TRANSLATE_NOOP("Redemption", "Used: no longer refunded")


def status_text(status: str, kind: str = "") -> str:
    """What a redemption would say now: ``Can be redeemed``, ``Empty: reload it…`` or the
    refusal's headline; a card key's in its own words, shown beside its state."""
    if kind == "cardkey" and status in ("redeemable", "already_redeemed"):
        return translate("Redemption", CARD_KEY_STATUS if status == "redeemable"
                         else CARD_KEY_USED_STATUS)
    if status in STATUS_TEXTS:
        return translate("Redemption", STATUS_TEXTS[status])
    return verdict_headline(status, kind) if kind == "cardkey" else headline(status)


# A shared voucher's uses a part refund took off it, beside a refusal of it (QA s41a F14).
REFUNDED_USES = {
    1: QT_TRANSLATE_NOOP("Redemption", "1 use of it was refunded ({when})."),
    2: QT_TRANSLATE_NOOP("Redemption", "{uses} uses of it were refunded ({when})."),
}
REFUNDED_USES_UNDATED = {
    1: QT_TRANSLATE_NOOP("Redemption", "1 use of it was refunded."),
    2: QT_TRANSLATE_NOOP("Redemption", "{uses} uses of it were refunded."),
}


def refunded_uses_text(verdict: Verdict,
                       when: Callable[[dt.datetime], str] = local_time) -> str:
    """"1 use of it was refunded (2026-12-04 09:27).", the time as ``when`` writes it (the
    counter: "today 09:27", as beside it); "" when none was."""
    uses = verdict.refunded_uses
    if not uses:
        return ""
    many = 1 if uses == 1 else 2
    if verdict.refunded_at is None:
        return translate("Redemption", REFUNDED_USES_UNDATED[many]).format(uses=uses)
    return translate("Redemption", REFUNDED_USES[many]).format(
        uses=uses, when=when(verdict.refunded_at))
