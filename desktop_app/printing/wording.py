"""What a voucher says in words, in the user's language: the same on paper and on screen."""

from __future__ import annotations

import datetime as dt

from desktop_app.core.dates import local_day, valid_until_text
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.i18n import translate


def in_good_standing(view: VoucherView) -> bool:
    """Whether the customer may still use it. A void, used-up or expired voucher's paper
    carries its mark and nothing that invites its use: no uses or balance to take, no validity,
    no "show it at the counter" (QA s10c F3: a refunded reprint read "1 use")."""
    return view.status == "valid"


def uses_text(view: VoucherView) -> str:
    if view.status == "used_up":  # what is left, nothing: beside its mark, it says so too
        return translate("printing", "{left} of {total} uses left").format(
            left=view.uses_left, total=view.uses_total)
    if not in_good_standing(view):
        return ""
    if view.balance_cents is not None:  # a gift card: money left, not uses
        from desktop_app.ui.display import money  # here: the command line imports no widgets

        return translate("printing", "Balance {amount}").format(
            amount=money(view.balance_cents, view.currency))
    if view.kind == "cardkey":
        return ""
    if view.uses_left < view.uses_total:
        return translate("printing", "{left} of {total} uses left").format(
            left=view.uses_left, total=view.uses_total)
    if view.uses_total == 1:
        return translate("printing", "1 use")
    return translate("printing", "{count} uses").format(count=view.uses_total)


def validity_text(view: VoucherView) -> str:
    if not in_good_standing(view):
        return ""  # an expired one's mark names its last day
    start = view.valid_from
    # A start later than the sale (a product valid from a set day) is worth printing.
    later = local_day(start) if start and start - view.issued_at > dt.timedelta(minutes=1) else ""
    if view.valid_until is None:
        if later:
            return translate("printing", "Valid from {start}, no expiry").format(start=later)
        return translate("printing", "No expiry")
    until = valid_until_text(view.valid_until)
    if later:
        return translate("printing", "Valid {start} to {end}").format(start=later, end=until)
    return translate("printing", "Valid until {date}").format(date=until)


def footer_text(view: VoucherView) -> str:
    return translate("printing", "Order {order} · issued {date}").format(
        order=view.order_id, date=local_day(view.issued_at))


def code_label() -> str:
    return translate("printing", "Voucher code")


def key_label() -> str:
    return translate("printing", "Card key")


def hint_text(view: VoucherView) -> str:
    """How to use it, where it may still be used; empty otherwise. A card key is used where
    its publisher says, not at the counter (QA s17a F5: its paper sent the customer there,
    where a scan marks the key used and it is no longer refunded)."""
    if not in_good_standing(view):
        return ""
    if view.kind == "cardkey":
        if not view.card_key or view.card_key_faulty:
            return ""  # no key to activate: its mark, or the shop, says what comes next
        # One line of an A4 grid's card, as the counter's hint: a longer one left a long key
        # no room in its card (it then prints on a page of its own).
        return translate("printing", "Activate the key above where the product says "
                                     "(publisher's site or app).")
    return translate("printing", "Show the QR code, or tell the code, at the counter.")


def marks(view: VoucherView) -> list[str]:
    """What a reprint must not hide: void, used up, a faulty card key. Empty for a voucher in
    good standing."""
    said = []
    if view.status == "void":
        said.append(translate("printing", "VOID – not valid"))
    elif view.status == "used_up":
        said.append(translate("printing", "Used up – no uses left"))
    elif view.status == "expired" and view.valid_until is not None:
        said.append(translate("printing", "Expired – it was valid until {date}").format(
            date=valid_until_text(view.valid_until)))
    if view.card_key_faulty:
        said.append(faulty_key_text())
    return said


def faulty_key_text() -> str:
    return translate("printing", "Card key faulty – a replacement is owed")
