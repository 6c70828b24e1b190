"""A report's words as the Reports tab says them (context ``ReportsTab``): its columns' and
sections' titles, the totals row's label. The tab, its files and the command line's text all
read them from here (QA s20b F4: the command line printed the column keys). No Qt."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP, label, translate

CONTEXT = "ReportsTab"
COLUMN_TITLES = {
    "group": QT_TRANSLATE_NOOP("ReportsTab", "Group"),
    "day": QT_TRANSLATE_NOOP("ReportsTab", "Day"),
    "operator": QT_TRANSLATE_NOOP("ReportsTab", "Operator"),
    "station": QT_TRANSLATE_NOOP("ReportsTab", "Station"),
    "product": QT_TRANSLATE_NOOP("ReportsTab", "Product"),
    "method": QT_TRANSLATE_NOOP("ReportsTab", "Payment method"),
    "redeemed": QT_TRANSLATE_NOOP("ReportsTab", "Uses redeemed"),
    "undone": QT_TRANSLATE_NOOP("ReportsTab", "Undone"),
    "net": QT_TRANSLATE_NOOP("ReportsTab", "Net"),
    "refused": QT_TRANSLATE_NOOP("ReportsTab", "Refused"),
    "card_spent": QT_TRANSLATE_NOOP("ReportsTab", "Gift-card money spent"),
    "orders": QT_TRANSLATE_NOOP("ReportsTab", "Orders paid"),
    "refunded_orders": QT_TRANSLATE_NOOP("ReportsTab", "Orders refunded"),
    "quantity": QT_TRANSLATE_NOOP("ReportsTab", "Units sold"),
    "refunded_quantity": QT_TRANSLATE_NOOP("ReportsTab", "Units refunded"),
    "revenue": QT_TRANSLATE_NOOP("ReportsTab", "Revenue"),
    "refunds": QT_TRANSLATE_NOOP("ReportsTab", "Refunds"),
    "vouchers": QT_TRANSLATE_NOOP("ReportsTab", "Vouchers"),
    "uses_left": QT_TRANSLATE_NOOP("ReportsTab", "Uses left"),
    "value": QT_TRANSLATE_NOOP("ReportsTab", "Value"),
    "expiring_7": QT_TRANSLATE_NOOP("ReportsTab", "Expire in 7 days"),
    "expiring_30": QT_TRANSLATE_NOOP("ReportsTab", "Expire in 30 days"),
    "expired_unused": QT_TRANSLATE_NOOP("ReportsTab", "Expired unused"),
    "expired_unused_value": QT_TRANSLATE_NOOP("ReportsTab", "Expired unused value"),
    "unsold": QT_TRANSLATE_NOOP("ReportsTab", "Unsold"),
    "sold": QT_TRANSLATE_NOOP("ReportsTab", "Sold"),
    "returned": QT_TRANSLATE_NOOP("ReportsTab", "Returned"),
    "faulty": QT_TRANSLATE_NOOP("ReportsTab", "Faulty"),
    "threshold": QT_TRANSLATE_NOOP("ReportsTab", "Low-stock level"),
    "low": QT_TRANSLATE_NOOP("ReportsTab", "Low"),
    "customer": QT_TRANSLATE_NOOP("ReportsTab", "Customer"),
    "phone": QT_TRANSLATE_NOOP("ReportsTab", "Phone"),
    "code": QT_TRANSLATE_NOOP("ReportsTab", "Voucher"),
    "valid_until": QT_TRANSLATE_NOOP("ReportsTab", "Valid until"),
    "cards": QT_TRANSLATE_NOOP("ReportsTab", "Cards"),
    "balance": QT_TRANSLATE_NOOP("ReportsTab", "Balance"),
    "expiring_7_balance": QT_TRANSLATE_NOOP("ReportsTab", "Balance expiring in 7 days"),
    "expiring_30_balance": QT_TRANSLATE_NOOP("ReportsTab", "Balance expiring in 30 days"),
    "breakage": QT_TRANSLATE_NOOP("ReportsTab", "Breakage in these days"),
    "breakage_cards": QT_TRANSLATE_NOOP("ReportsTab", "Cards expired with money"),
}
SECTION_TITLES = {"to_call": QT_TRANSLATE_NOOP("ReportsTab", "Customers to call"),
                  "giftcards": QT_TRANSLATE_NOOP("ReportsTab", "Gift-card balances")}
TOTAL_TEXT = QT_TRANSLATE_NOOP("ReportsTab", "Total")
YES_TEXT = QT_TRANSLATE_NOOP("ReportsTab", "Yes")
AS_OF_TEXT = QT_TRANSLATE_NOOP("ReportsTab", "as of {moment}")


def column_title(key: str, by: str = "") -> str:
    """A column's title; the group column is named after the grouping (``Payment method``)."""
    return label(CONTEXT, COLUMN_TITLES, by if key == "group" else key)


def section_title(name: str) -> str:
    """A section's title (``Customers to call``); an unknown one as stored."""
    return label(CONTEXT, SECTION_TITLES, name)


def report_word(text: str) -> str:
    """One of the words above (``TOTAL_TEXT``, ``YES_TEXT``…) in the user's language."""
    return translate(CONTEXT, text)
