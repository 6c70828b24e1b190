"""Words for stored codes that the app and the command line both show (context ``labels``).
No Qt."""

from __future__ import annotations

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


# A report's row, grouped by product, of the attempts whose text named no voucher (forged,
# garbage, another shop's, unknown): a row with a name, not an empty cell (QA s10b F5).
# Attempts whose text named no voucher: typos the check symbol caught, other shops' codes,
# forged or garbage scans (QA s11b F3: a typo read as a foreign voucher).
NO_VOUCHER_GROUP = QT_TRANSLATE_NOOP("labels", "Mistyped or not this shop's voucher")


def no_voucher_label() -> str:
    return translate("labels", NO_VOUCHER_GROUP)


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
