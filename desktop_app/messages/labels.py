"""Words for stored codes that the app and the command line both show (context ``labels``),
and money as a price tag writes it. No Qt."""

from __future__ import annotations

from desktop_app.core.money import CURRENCY_SYMBOLS
from desktop_app.i18n import QT_TRANSLATE_NOOP, label, translate

METHOD_LABELS = {
    "cash": QT_TRANSLATE_NOOP("labels", "Cash"),
    "card": QT_TRANSLATE_NOOP("labels", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("labels", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("labels", "Alipay"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}


def method_label(method: str | None) -> str:
    """A payment method in the user's language (QA: the Chinese refund said "cash 支付")."""
    return label("labels", METHOD_LABELS, method or "other")


KIND_LABELS = {
    "service": QT_TRANSLATE_NOOP("labels", "Service"),
    "cardkey": QT_TRANSLATE_NOOP("labels", "Card key"),
    "goods": QT_TRANSLATE_NOOP("labels", "Goods"),
    "giftcard": QT_TRANSLATE_NOOP("labels", "Gift card"),
}
STATUS_LABELS = {
    "unpaid": QT_TRANSLATE_NOOP("labels", "Unpaid"),
    "paid": QT_TRANSLATE_NOOP("labels", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("labels", "Refunded"),
    "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
}
# A paid order partly refunded, as the Orders tab's list says it (QA s11b F11); a refunded
# one with the money its refunds paid back, as the command line's list says it (QA s20b F5).
PART_REFUNDED_TEXT = QT_TRANSLATE_NOOP("OrderTableModel", "Paid, {amount} refunded")
REFUNDED_WITH_MONEY_TEXT = QT_TRANSLATE_NOOP("labels", "Refunded, {amount} paid back")


def kind_label(kind: str) -> str:
    return label("labels", KIND_LABELS, kind or "")


def status_label(status: str) -> str:
    return label("labels", STATUS_LABELS, status or "")


def order_status_text(status: str, refunded_cents: int, refunded_units: int, currency: str,
                      *, refunded_money: bool = False) -> str:
    """An order's status in words: a paid order partly refunded says how much went back;
    with ``refunded_money``, a refunded one too (a gift card pays back less than its price)."""
    if status == "paid" and (refunded_cents or refunded_units):
        return translate("OrderTableModel", PART_REFUNDED_TEXT).format(
            amount=money(refunded_cents, currency))
    if status == "refunded" and refunded_money and refunded_cents:
        return translate("labels", REFUNDED_WITH_MONEY_TEXT).format(
            amount=money(refunded_cents, currency))
    return status_label(status)


def amount_text(cents: int) -> str:
    """1280000 → ``12,800.00``: thousands grouped with commas, as shops in China write them too."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}"


def money(cents: int, currency: str) -> str:
    """``¥12,800.00``; a currency without a known sign is written as its code: ``CHF 5.00``."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    amount = amount_text(cents)
    if symbol is None:
        return f"{currency} {amount}"
    if amount.startswith("-"):
        return f"-{symbol}{amount[1:]}"
    return f"{symbol}{amount}"


# A report's row, grouped by product, of the attempts whose text named no voucher (forged,
# garbage, another shop's, unknown): a row with a name, not an empty cell (QA s10b F5).
# Attempts whose text named no voucher: typos the check symbol caught, other shops' codes,
# forged or garbage scans (QA s11b F3: a typo read as a foreign voucher).
NO_VOUCHER_GROUP = QT_TRANSLATE_NOOP("labels", "Mistyped or not this shop's voucher")


def no_voucher_label() -> str:
    return translate("labels", NO_VOUCHER_GROUP)


# A sales report's row, by operator or station, of the payments and refunds made before the
# app recorded who took them and where (schema step add_payment_places): not a guess.
NOT_RECORDED_GROUP = QT_TRANSLATE_NOOP("labels", "(not recorded)")


def not_recorded_label() -> str:
    return translate("labels", NOT_RECORDED_GROUP)


def empty_group_label(by: str) -> str:
    """A report's group without a value, as the tab and the command line show it."""
    if by == "product":
        return no_voucher_label()
    if by in ("operator", "station"):
        return not_recorded_label()
    return "—"


# Why an imported line is no key (``core.key_import.REFUSAL_REASONS``), app and command line.
REFUSAL_LABELS = {
    "too_long": QT_TRANSLATE_NOOP("labels", "too long for a key"),
    "control_character": QT_TRANSLATE_NOOP("labels", "holds a control character"),
    "header_word": QT_TRANSLATE_NOOP("labels", "a column name, not a key"),
    "first_column_empty": QT_TRANSLATE_NOOP("labels", "the key's column is empty"),
    "pattern": QT_TRANSLATE_NOOP("labels", "not the product's key pattern"),
}
REFUSED_SHOWN = 20  # refused lines listed by the preview and the command line; then "N more"


def refusal_label(reason: str) -> str:
    return label("labels", REFUSAL_LABELS, reason)


# A report's name as the Reports tab titles it, and the command line says it (QA s17a F8:
# "已将 stock 报表…"). Context ``ReportsTab``, where the tab's words are.
REPORT_TITLES = {
    "redemptions": QT_TRANSLATE_NOOP("ReportsTab", "Redemptions"),
    "sales": QT_TRANSLATE_NOOP("ReportsTab", "Sales"),
    "liability": QT_TRANSLATE_NOOP("ReportsTab", "Outstanding vouchers"),
    "stock": QT_TRANSLATE_NOOP("ReportsTab", "Card-key stock"),
}


def report_title(name: str) -> str:
    """A report's name (``sales``) as the tab titles it; an unknown name as stored."""
    return label("ReportsTab", REPORT_TITLES, name)


def failed_logins_text(count: int) -> str:
    """Wrong passwords typed for this operator's name since their last login, said at this
    one (the app's status bar, the command line). "Since your last login" puzzled a new clerk
    at their first (QA s35a F9), its "(or since your account was made)" and "as you" everyone
    (QA s41a F6): before this login, whatever came before it."""
    if count == 1:
        return translate("labels", "Before this login, 1 wrong password was typed for your name.")
    return translate("labels", "Before this login, {count} wrong passwords were typed for your "
                               "name.").format(count=count)
