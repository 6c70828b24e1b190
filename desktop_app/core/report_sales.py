"""The sales report: orders paid and refunded, quantities, revenue and refunds per local day
of payment, product or payment method. A gift card's reload counts with its card's product."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from peewee import Case, Expression, Value, fn

from desktop_app.core.dates import day_range
from desktop_app.core.models import GiftCardEntry, Order, OrderLine, Product, Voucher
from desktop_app.core.report_rows import (
    Column,
    Report,
    by_net,
    day_span,
    group_by_key,
    group_names,
    grouped_days,
    per_local_day,
    totals_of,
    within,
)
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

SALES_COLUMNS = (Column("group", "text"), Column("orders", "int"),
                 Column("refunded_orders", "int"), Column("quantity", "int"),
                 Column("refunded_quantity", "int"), Column("revenue", "money"),
                 Column("refunds", "money"), Column("net", "money"))


def _line_refunds() -> Any:
    """Money a line gave back. A gift card pays back only its unspent balance: the ledger's
    money for the line's cards, not the units' price (a cash-out: ``_cash_outs``)."""
    e, v = GiftCardEntry, Voucher.alias("refunded_card")
    card_money = (e.select(fn.COALESCE(fn.SUM(e.money_cents * -1), 0))
                  .join(v, on=(e.voucher == v.id))
                  .where((v.order_line == OrderLine.id) & (e.kind == "refund")
                         & (e.order.is_null() | (e.order == OrderLine.order))))
    return Case(None, [(Product.kind == "giftcard", card_money)], OrderLine.refunded_cents)


def _reload_refunds() -> Any:
    """Money a refunded reload order gave back (its ledger row; the whole reload)."""
    e = GiftCardEntry.alias("reload_refund")
    return (e.select(fn.COALESCE(fn.SUM(e.money_cents * -1), 0))
            .where((e.order == Order.id) & (e.kind == "refund")))


def _cash_outs(key: Any, paid: Expression) -> Any:
    """Cash paid out of cards, a refund of each card's order: with the order's day and the
    card's product, but under ``cash`` by method, the drawer it left (QA: it was booked
    under the method the card was sold with, so the cash drawer did not reconcile)."""
    e = GiftCardEntry
    return group_by_key(e.select(
        key.alias("key"), Value(0), Value(0), Value(0), Value(0), Value(0),
        fn.SUM(e.money_cents * -1))
        .join(Voucher, on=(e.voucher == Voucher.id))
        .join(Order, on=(Voucher.order == Order.id))
        .where(paid & (e.kind == "cashout")), key).tuples()


def _sales_sums(key_of: Callable[[str], Any], where: Expression) -> list[tuple[Any, ...]]:
    """Per group: orders, refunded orders, quantity, refunded quantity, revenue, refunds. A
    gift card's reload is an order without lines: counted with its card's product, as
    revenue without quantity."""
    price = OrderLine.unit_price_cents
    paid = Order.status.in_(("paid", "refunded")) & where
    refunded_id = Case(None, [(Order.status == "refunded", Order.id)], None)
    line_key, reload_key = key_of("line"), key_of("reload")
    lines = group_by_key(OrderLine.select(
        line_key.alias("key"), fn.COUNT(Order.id.distinct()),
        fn.COUNT(refunded_id.distinct()), fn.SUM(OrderLine.quantity),
        fn.SUM(OrderLine.refunded_quantity), fn.SUM(OrderLine.quantity * price),
        fn.SUM(_line_refunds()))
        .join(Order).switch(OrderLine).join(Product, on=(OrderLine.product == Product.id))
        .where(paid), line_key).tuples()
    cash_outs = _cash_outs(key_of("cashout"), paid)
    reloads = group_by_key(Order.select(
        reload_key.alias("key"), fn.COUNT(Order.id.distinct()),
        fn.COUNT(refunded_id.distinct()), Value(0), Value(0), fn.SUM(Order.total_cents),
        fn.SUM(_reload_refunds()))
        .join(GiftCardEntry, on=((GiftCardEntry.order == Order.id)
                                 & (GiftCardEntry.kind == "reload")))
        .join(Voucher, on=(GiftCardEntry.voucher == Voucher.id))
        .where(paid), reload_key).tuples()
    merged: dict[Any, list[int]] = {}
    for key, *figures in [*lines, *reloads, *cash_outs]:
        if not any(figures):  # one day's (or by method, cash's) aggregate over no rows
            continue
        sums = merged.setdefault(key, [0] * len(figures))
        for i, value in enumerate(figures):
            sums[i] += int(value or 0)
    return [(key, *sums) for key, sums in merged.items()]


def sales_report(shop: Shop, by: str = "day", start: dt.date | None = None,
                 end: dt.date | None = None) -> Report:
    """Orders paid in the range, grouped by the local day they were paid, product or method.
    A refund counts with the sale it undoes (its order's day); a partial line refund counts
    its units at the price they were sold for, a gift card what it paid back."""
    require_owner(shop, "report_sales")
    low, high = day_range(start, end)
    taken = Order.status.in_(("paid", "refunded")) & within(Order.paid_at, low, high)

    if by == "day":
        span = day_span(Order.paid_at, start, end, taken)
        sums = per_local_day(Order.paid_at, span,
                              lambda key, where: _sales_sums(lambda _: key, where))
    else:
        def key_of(source: str) -> Any:
            if by == "method":
                return Value("cash") if source == "cashout" else fn.COALESCE(
                    Order.payment_method, "other")
            return OrderLine.product if source == "line" else Voucher.product

        sums = {row[0]: row[1:] for row in _sales_sums(key_of, taken)}
    found = {k: {"orders": o, "refunded_orders": ro, "quantity": q, "refunded_quantity": rq,
                 "revenue": rev, "refunds": ref, "net": rev - ref}
             for k, (o, ro, q, rq, rev, ref) in sums.items()}
    if by == "day":
        empty = dict.fromkeys(("orders", "refunded_orders", "quantity", "refunded_quantity",
                               "revenue", "refunds", "net"), 0)
        rows = grouped_days(found, span, empty)
    else:
        names = group_names(by)
        rows = by_net({"group": names.get(k, k), **v} for k, v in found.items())
    columns = (Column("group", "date" if by == "day" else "text"), *SALES_COLUMNS[1:])
    totals = totals_of(columns, rows)
    # An order with several lines is one order, whatever the grouping added up.
    orders = Order.select().where(taken)
    totals["orders"] = orders.count()
    totals["refunded_orders"] = orders.where(Order.status == "refunded").count()
    return Report("sales", by, start, end, shop.currency, columns, rows, totals)
