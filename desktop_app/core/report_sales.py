"""The sales report: orders paid and refunded, quantities, revenue and refunds per local day,
product, payment method, operator or station; a sale on its day of payment, a refund on its
day of paying back. A gift card's reload counts with its card's product."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from peewee import Case, Expression, Value, fn

from desktop_app.core.dates import day_range
from desktop_app.core.models import GiftCardEntry, Order, OrderLine, Product, Refund, Voucher
from desktop_app.core.refund_units import refunded_units_sum
from desktop_app.core.report_cash_outs import (
    cash_outs,
    counted_on_their_day_from,
    earlier_cash_outs,
    on_their_day,
)
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


def _refund_sums(key: Any, when: Expression) -> Any:
    """Refunds paid back in ``when`` (their own day): refunded orders (those a refund closed),
    units (not one used up and refunded for nothing: core/refund_units.py) and money, by
    their own method and product."""
    closed = Case(None, [(Refund.closes_order == True, Refund.order)], None)  # noqa: E712
    return group_by_key(Refund.select(
        key.alias("key"), Value(0), fn.COUNT(closed.distinct()), Value(0),
        refunded_units_sum(), Value(0), fn.SUM(Refund.amount_cents))
        .where(when), key).tuples()


def _sold_sums(key_of: Callable[[str], Any], paid: Expression) -> list[tuple[Any, ...]]:
    """Per group: orders, quantity and revenue of the orders paid in ``paid``. A gift card's
    reload is an order without lines: counted with its card's product, as revenue without
    quantity."""
    line_key, reload_key = key_of("line"), key_of("reload")
    lines = group_by_key(OrderLine.select(
        line_key.alias("key"), fn.COUNT(Order.id.distinct()), Value(0),
        fn.SUM(OrderLine.quantity), Value(0),
        fn.SUM(OrderLine.quantity * OrderLine.unit_price_cents), Value(0))
        .join(Order).switch(OrderLine).join(Product, on=(OrderLine.product == Product.id))
        .where(paid), line_key).tuples()
    reloads = group_by_key(Order.select(
        reload_key.alias("key"), fn.COUNT(Order.id.distinct()), Value(0), Value(0), Value(0),
        fn.SUM(Order.total_cents), Value(0))
        .join(GiftCardEntry, on=((GiftCardEntry.order == Order.id)
                                 & (GiftCardEntry.kind == "reload")))
        .join(Voucher, on=(GiftCardEntry.voucher == Voucher.id))
        .where(paid), reload_key).tuples()
    return [*lines, *reloads]


def _merged(*parts: Iterable[tuple[Any, ...]]) -> dict[Any, list[int]]:
    """Per group: orders, refunded orders, quantity, refunded quantity, revenue, refunds."""
    merged: dict[Any, list[int]] = {}
    for key, *figures in (row for part in parts for row in part):
        if not any(figures):  # one day's (or by method, cash's) aggregate over no rows
            continue
        sums = merged.setdefault(key, [0] * len(figures))
        for i, value in enumerate(figures):
            sums[i] += int(value or 0)
    return merged


def _span(start: dt.date | None, end: dt.date | None, taken: Expression,
          refunded: Expression, cashed: Expression) -> tuple[dt.date, dt.date] | None:
    """The days to list: the chosen range, or the first to the last day with a sale, a
    refund or a cash-out."""
    spans = [span for span in (day_span(Order.paid_at, start, end, taken),
                               day_span(Refund.refunded_at, start, end, refunded),
                               day_span(GiftCardEntry.created_at, start, end, cashed))
             if span is not None]
    if not spans:
        return None
    return min(span[0] for span in spans), max(span[1] for span in spans)


def _rows(merged: dict[Any, list[int]]) -> list[tuple[Any, ...]]:
    return [(key, *figures) for key, figures in merged.items()]


def _per_day(span: tuple[dt.date, dt.date] | None,
             since: dt.datetime | None) -> dict[Any, list[int]]:
    """Each of sales, refunds and cash-outs per local day of its own time (each an index);
    cash-outs from before ``since`` on their card's sale day (see core/report_cash_outs.py)."""
    paid = Order.status.in_(("paid", "refunded"))
    cashout = on_their_day(since)
    days = (per_local_day(Order.paid_at, span, lambda key, day: _rows(_merged(
                _sold_sums(lambda _: key, paid & day), earlier_cash_outs(key, paid & day, since))),
                paid),
            per_local_day(Refund.refunded_at, span, _refund_sums),
            per_local_day(GiftCardEntry.created_at, span,
                          lambda key, day: cash_outs(key, day & cashout)))
    return _merged(*(((day, *figures) for day, figures in sums.items()) for sums in days))


def _known(station: Any) -> Any:
    """A counter's name as a group; none recorded (rows from before: NULL, or ``""``) is one
    group, None."""
    return fn.NULLIF(station, "")


def _group_keys(by: str) -> tuple[Callable[[str], Any], Any, Any]:
    """What a sale (of a ``line`` or a ``reload``), a refund and a cash-out are grouped by:
    a sale where and by whom it was paid, a refund where and by whom it was paid back, a
    cash-out where and by whom the cash was paid out; by method a cash-out is ``cash``."""
    if by == "method":
        return lambda _: fn.COALESCE(Order.payment_method, "other"), Refund.method, Value("cash")
    if by == "operator":
        return lambda _: Order.paid_by, Refund.operator, GiftCardEntry.operator
    if by == "station":
        return (lambda _: _known(Order.paid_station), _known(Refund.station),
                _known(GiftCardEntry.station))
    return (lambda source: OrderLine.product if source == "line" else Voucher.product,
            Refund.product, Voucher.product)


def sales_report(shop: Shop, by: str = "day", start: dt.date | None = None,
                 end: dt.date | None = None) -> Report:
    """Sales and refunds in the range, grouped by local day, product, method, operator or
    station: a sale on the day its order was paid, by its method, operator and counter; a
    refund on the day it was paid back, by the method it was paid back by
    (core/refund_records.py), its operator and counter, so a closed day never changes and
    each day's net is the money that moved. Payments and refunds from before these were
    recorded (core/payment_places.py) are the group None: not known. A part refund counts its
    units at the price they were sold for, a gift card what it paid back."""
    require_owner(shop, "report_sales")
    low, high = day_range(start, end)
    taken = Order.status.in_(("paid", "refunded")) & within(Order.paid_at, low, high)
    refunded = within(Refund.refunded_at, low, high)
    since = counted_on_their_day_from()
    cashed = within(GiftCardEntry.created_at, low, high) & on_their_day(since)

    if by == "day":
        span = _span(start, end, taken, refunded, cashed)
        sums = _per_day(span, since)
    else:
        sold_key, refund_key, cash_key = _group_keys(by)
        sums = _merged(_sold_sums(sold_key, taken), _refund_sums(refund_key, refunded),
                       cash_outs(cash_key, cashed), earlier_cash_outs(cash_key, taken, since))
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
    totals["orders"] = Order.select().where(taken).count()
    totals["refunded_orders"] = (Refund.select(fn.COUNT(Refund.order.distinct()))
                                 .where(refunded & (Refund.closes_order == True))  # noqa: E712
                                 .scalar() or 0)
    return Report("sales", by, start, end, shop.currency, columns, rows, totals)
