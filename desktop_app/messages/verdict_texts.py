"""The word for each verdict reason of the contract (context ``Redemption``): the big word on
the counter's verdict panel, its list's result column, and the command line's ``redeem``.
No Qt."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP, label, translate

# The big word on the verdict panel, and the result column of the table.
HEADLINES: dict[str, str] = {
    "redeemed": QT_TRANSLATE_NOOP("Redemption", "Redeemed"),
    "already_redeemed": QT_TRANSLATE_NOOP("Redemption", "Already redeemed"),
    "unknown_code": QT_TRANSLATE_NOOP("Redemption", "Unknown code"),
    "invalid_signature": QT_TRANSLATE_NOOP("Redemption", "Forged or altered"),
    "wrong_shop": QT_TRANSLATE_NOOP("Redemption", "Another shop's voucher"),
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


def headline(reason: str) -> str:
    """``Redeemed``, ``Already redeemed``… in the user's language; an unknown reason as is."""
    return label("Redemption", HEADLINES, reason)


# A look-up's status in words, where it is not the refusal's headline: an emptied gift card
# is told how to use it again, not "Balance too low" (nothing was asked of it).
STATUS_TEXTS: dict[str, str] = {
    "redeemable": QT_TRANSLATE_NOOP("Redemption", "Can be redeemed"),
    "insufficient_balance": QT_TRANSLATE_NOOP("Redemption", "Empty: reload it to spend it again"),
}


def status_text(status: str) -> str:
    """What a redemption would say now: ``Can be redeemed``, ``Empty: reload it…`` or the
    refusal's headline."""
    if status in STATUS_TEXTS:
        return translate("Redemption", STATUS_TEXTS[status])
    return headline(status)
