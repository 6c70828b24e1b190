"""What the shop still owes: vouchers with uses left and their value, those expiring soon,
expired ones never used, the customers to call, and gift-card balances."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import Case, fn

from desktop_app.core import expiring, giftcards, vouchers
from desktop_app.core.dates import utc_now
from desktop_app.core.models import Order, OrderLine, Product, Voucher
from desktop_app.core.report_rows import Column, Report, totals_of, utc
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

EXPIRY_WINDOWS = (7, 30)  # days: "expires within a week / a month"

LIABILITY_COLUMNS = (Column("group", "text"), Column("vouchers", "int"),
                     Column("uses_left", "int"), Column("value", "money"),
                     Column("expiring_7", "int"), Column("expiring_30", "int"),
                     Column("expired_unused", "int"), Column("expired_unused_value", "money"))
CALL_COLUMNS = (Column("customer", "text"), Column("phone", "text"), Column("code", "text"),
                Column("product", "text"), Column("uses_left", "int"), Column("value", "money"),
                Column("valid_until", "datetime"))


def _remaining_value() -> Any:
    """The value of a voucher's uses left in cents: the price its line paid, per use, times
    uses left (a sold service line is one voucher for all its units; a batch's line and a
    card key's, one voucher per unit), rounded half-up to the cent.

    Rounded per voucher, not the exact sum once: a voucher's value is a figure of its own (the
    customers to call list each one), so the rows per product and the total are sums of the
    figures listed, and each is re-derived by hand as price × uses left ÷ uses, to the cent.
    (QA s20b F6: integer division truncated each one, 7.996 + 15.992 was 23.98.) In integers
    on both engines: for a, b > 0, (2a + b) div 2b is a ÷ b rounded half-up."""
    one_for_all = (Product.kind == "service") & (Order.is_batch == False)  # noqa: E712
    # Its units not refunded: a part refund takes a unit's uses off it (QA s11b F7).
    units = Case(None, [(one_for_all, OrderLine.quantity - OrderLine.refunded_quantity)], 1)
    value_times_uses = Voucher.uses_left * OrderLine.unit_price_cents * units
    return (value_times_uses * 2 + Voucher.uses_total) / (Voucher.uses_total * 2)


def _owed() -> Any:
    """Paid vouchers with uses still to give. Not a card key's: the key was handed over with
    the sale, nothing is owed for it (QA s11b F2: every key ever sold stayed owed)."""
    return (Voucher.select().join(Order, on=(Voucher.order == Order.id))
            .switch(Voucher).join(OrderLine, on=(Voucher.order_line == OrderLine.id))
            .switch(Voucher).join(Product, on=(Voucher.product == Product.id))
            .where((Voucher.state == "valid") & (Voucher.uses_left > 0)
                   & Voucher.balance_cents.is_null() & (Order.status == "paid")
                   & (Product.kind != "cardkey")))


def liability_report(shop: Shop, by: str = "product", now: dt.datetime | None = None,
                     start: dt.date | None = None, end: dt.date | None = None) -> Report:
    """Vouchers with uses left and their value, how many expire within 7 and 30 days; expired
    ones never used apart; the customers to call before their voucher expires; gift-card
    balances, with the breakage of local days ``start``..``end`` (all days when None)."""
    require_owner(shop, "report_liability")
    now = now or utc_now()
    live = Voucher.valid_until.is_null() | (Voucher.valid_until > now)
    expired_unused = (~live) & (Voucher.uses_left == Voucher.uses_total)

    def within(days: int) -> Any:
        return fn.SUM(Case(None, [(live & (Voucher.valid_until <= now + dt.timedelta(days=days)),
                                   1)], 0))

    value = _remaining_value()
    query = (_owed().select(
        Product.id, Product.name, fn.SUM(Case(None, [(live, 1)], 0)),
        fn.SUM(Case(None, [(live, Voucher.uses_left)], 0)),
        fn.SUM(Case(None, [(live, value)], 0)), within(7), within(30),
        fn.SUM(Case(None, [(expired_unused, 1)], 0)),
        fn.SUM(Case(None, [(expired_unused, value)], 0)))
        .group_by(Product.id, Product.name).order_by(Product.name).tuples())
    keys = [c.key for c in LIABILITY_COLUMNS[1:]]
    rows = [{"group": name, **{k: int(v or 0) for k, v in zip(keys, values, strict=True)}}
            for _, name, *values in query]
    report = Report("liability", "product", start, end, shop.currency, LIABILITY_COLUMNS, rows,
                    totals_of(LIABILITY_COLUMNS, rows))
    report.sections["to_call"] = customers_to_call(now, max(EXPIRY_WINDOWS))
    cards = gift_card_balances(now)
    report.sections["giftcards"] = cards
    kept = giftcards.breakage(start, end, now)
    report.section_totals["giftcards"] = {**totals_of(GIFTCARD_COLUMNS, cards),
                                          "breakage_cards": kept.cards, "breakage": kept.cents}
    return report


GIFTCARD_COLUMNS = (Column("group", "text"), Column("cards", "int"), Column("balance", "money"),
                    Column("expiring_7", "int"), Column("expiring_7_balance", "money"),
                    Column("expiring_30", "int"), Column("expiring_30_balance", "money"))


def gift_card_balances(now: dt.datetime) -> list[dict[str, Any]]:
    """Per gift-card product: cards still spendable with money on them, their balances, and
    those expiring within 7 and 30 days (a card that has expired is breakage, not owed)."""
    live = Voucher.valid_until.is_null() | (Voucher.valid_until > now)

    def expiring(days: int, figure: Any) -> Any:
        soon = Voucher.valid_until <= now + dt.timedelta(days=days)
        return fn.SUM(Case(None, [(soon, figure)], 0))

    query = (Voucher.select(Product.name, fn.COUNT(Voucher.id), fn.SUM(Voucher.balance_cents),
                            expiring(7, 1), expiring(7, Voucher.balance_cents),
                            expiring(30, 1), expiring(30, Voucher.balance_cents))
             .join(Order, on=(Voucher.order == Order.id))
             .switch(Voucher).join(Product, on=(Voucher.product == Product.id))
             .where((Voucher.state == "valid") & (Voucher.balance_cents > 0)
                    & (Order.status == "paid") & live)
             .group_by(Product.id, Product.name).order_by(Product.name).tuples())
    keys = [c.key for c in GIFTCARD_COLUMNS[1:]]
    return [{"group": name, **{k: int(v or 0) for k, v in zip(keys, values, strict=True)}}
            for name, *values in query]


def customers_to_call(now: dt.datetime, within_days: int) -> list[dict[str, Any]]:
    """Vouchers with uses left that expire within ``within_days``, soonest first; only those
    of a customer with a name or phone to call (a promotion's batch has none: QA s11b F4).
    Filtered here, not in SQL: on a server the phone is sealed."""
    soon = (Voucher.valid_until > now) & (Voucher.valid_until <= now + dt.timedelta(
        days=within_days))
    query = (_owed().select(Order.customer_name, Order.customer_phone, Voucher.code,
                            Product.name, Voucher.uses_left, _remaining_value(),
                            Voucher.valid_until)
             .where(soon).order_by(Voucher.valid_until, Voucher.id).tuples())
    return [{"customer": customer, "phone": phone, "code": vouchers.typed_code(code),
             "product": product, "uses_left": left, "value": int(value or 0),
             "valid_until": utc(until)}
            for customer, phone, code, product, left, value, until in query
            if expiring.reachable(customer, phone)]
