"""Each refund's dated record (core.models.Refund): what was paid back, when, by which method
and operator, for which order and line. The sales report counts refunds from these, on the
local day they were paid back, so a day already closed never changes."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from peewee import JOIN, Case, Value, fn

from desktop_app.core.models import GiftCardEntry, Order, OrderLine, Product, Refund, Voucher
from desktop_app.core.money import money_text
from desktop_app.core.payment_places import station_of

if TYPE_CHECKING:  # the store runs the schema steps, which book past refunds from here
    from desktop_app.core.giftcard_value import Payback
    from desktop_app.core.store import Shop


def book(shop: Shop, order: Order, product_id: int, at: dt.datetime, *,
         line: OrderLine | None = None, quantity: int = 0, amount_cents: int = 0,
         closes: bool = False, method: str | None = None, station: str = "") -> None:
    """Record one refund paid back now, by this operator at ``station``; call inside the
    refund's write."""
    Refund.create(order=order.id, order_line=line.id if line is not None else None,
                  product=product_id, method=method or order.payment_method or "other",
                  quantity=quantity, amount_cents=amount_cents, closes_order=closes,
                  operator=shop.operator.id, station=station_of(station), refunded_at=at)


def made(order_id: int) -> dict[str, Any]:
    """What the refund that closed an order paid back and when, and all its refunds paid back
    (part refunds before it too), for a refusal to refund it again: a retry after a lost
    answer (a killed command) tells the money of that refund (QA s12d F5). A gift card's
    reloads refunded with it are booked under their own orders: their money is part of it,
    and ``reloads`` names them as the refund's first answer did (QA s20b F3: 49.04 was said
    where 69.04 was paid back). A refund booked by the upgrade has no known day (it is dated
    on the sale's): no time then."""
    own_lines = OrderLine.select(OrderLine.id).where(OrderLine.order == order_id)
    reloads_with_card = (Refund.order != order_id) & Refund.order_line.in_(own_lines)
    rows = list(Refund.select(Refund.order, Refund.method, Refund.amount_cents,
                              Refund.refunded_at, Refund.closes_order, Refund.operator)
                .where((Refund.order == order_id) | reloads_with_card).order_by(Refund.id))
    if not rows:
        return {}
    total = money_text(sum(int(row.amount_cents) for row in rows))
    closing = [row for row in rows if row.closes_order and row.operator_id]
    if not closing:
        return {"refund": total}
    when = max(row.refunded_at for row in closing)
    last = [row for row in closing if row.refunded_at == when]
    facts: dict[str, Any] = {
        "refund": money_text(sum(int(row.amount_cents) for row in last)),
        "refunded_at": when.isoformat(), "refunded_total": total}
    reloads = [{"order": row.order_id, "method": row.method,
                "refund": money_text(int(row.amount_cents))}
               for row in last if row.order_id != order_id]
    if reloads:
        facts["reloads"] = reloads
    return facts


def book_card_parts(shop: Shop, order: Order, line: OrderLine, parts: list[Payback],
                    at: dt.datetime, quantity: int, closes: bool, station: str = "") -> None:
    """A gift card line's refund: its own order's part with the units, and each reload's part
    under the reload's order and method (that order is refunded with the card)."""
    own = sum(part.money_cents for part in parts if part.order_id == order.id)
    book(shop, order, line.product_id, at, line=line, quantity=quantity, amount_cents=own,
         closes=closes, station=station)
    for part in parts:
        if part.order_id != order.id:
            book(shop, Order.get_by_id(part.order_id), line.product_id, at, line=line,
                 amount_cents=part.money_cents, closes=True, method=part.method,
                 station=station)


def book_past_refunds() -> None:
    """The records of refunds made before there were records. Their day is not known: each is
    dated on its sale's day (the order's payment), by the order's method, where the sales
    report counted it until then, so no report of a past day changes."""
    fields = [Refund.order, Refund.order_line, Refund.product, Refund.method, Refund.quantity,
              Refund.amount_cents, Refund.closes_order, Refund.refunded_at]
    closed = Order.status == "refunded"
    method = fn.COALESCE(Order.payment_method, "other")
    lines = (OrderLine.select(
        OrderLine.order, OrderLine.id, OrderLine.product, method, OrderLine.refunded_quantity,
        Case(None, [(Product.kind == "giftcard", 0)], OrderLine.refunded_cents), closed,
        Order.paid_at)
        .join(Order).switch(OrderLine).join(Product)
        .where(((OrderLine.refunded_quantity > 0) | (OrderLine.refunded_cents > 0))
               & Order.paid_at.is_null(False)))
    Refund.insert_from(lines, fields).execute()
    # A gift card's refund: the money its ledger says went back, under the order paid in by.
    paid_in = fn.COALESCE(GiftCardEntry.order, Voucher.order)
    cards = (GiftCardEntry.select(
        paid_in, Voucher.order_line, Voucher.product, method, Value(0),
        GiftCardEntry.money_cents * -1, closed, Order.paid_at)
        .join(Voucher, on=(GiftCardEntry.voucher == Voucher.id))
        .join(Order, on=(Order.id == paid_in))
        .where((GiftCardEntry.kind == "refund") & Order.paid_at.is_null(False)))
    Refund.insert_from(cards, fields).execute()
    # A reload order refunded with its card when nothing of it was left to pay back.
    booked = Refund.alias("booked")
    reloads = (GiftCardEntry.select(
        GiftCardEntry.order, Voucher.order_line, Voucher.product, method, Value(0), Value(0),
        closed, Order.paid_at)
        .join(Voucher, on=(GiftCardEntry.voucher == Voucher.id))
        .join(Order, on=(Order.id == GiftCardEntry.order))
        .join(booked, JOIN.LEFT_OUTER, on=(booked.order == Order.id))
        .where((GiftCardEntry.kind == "reload") & closed & booked.id.is_null()
               & Order.paid_at.is_null(False)))
    Refund.insert_from(reloads, fields).execute()


def orders_refunded_unrecorded() -> list[int]:
    """Orders marked refunded with no refund that closed them: an older build's refund written
    beside an upgrade (QA s19b F2), or a row changed outside the app. The sales report counts
    refunds from their records, so their money back is missing from it."""
    closing = Refund.select(Refund.id).where((Refund.order == Order.id)
                                             & (Refund.closes_order == True))  # noqa: E712
    query = (Order.select(Order.id).where((Order.status == "refunded") & ~fn.EXISTS(closing))
             .order_by(Order.id))
    return [row.id for row in query]


def voucher_refunded_at(voucher: Voucher) -> dt.datetime | None:
    """When the refund that voided ``voucher`` was paid back: the last refund of its line (a
    part refund) or the one that closed its order. None: no record says (an upgrade's)."""
    by_line = Refund.order_line == voucher.order_line_id
    closing = (Refund.order == voucher.order_id) & (Refund.closes_order == True)  # noqa: E712
    last = (Refund.select(Refund.refunded_at).where(by_line | closing)
            .order_by(Refund.refunded_at.desc()).first())
    return last.refunded_at if last is not None else None


def refunded_facts(voucher: Voucher) -> dict[str, Any]:
    """The refund's time for a refusal's message (``refunded_at``, ISO), where it is known."""
    when = voucher_refunded_at(voucher)
    return {"refunded_at": when.isoformat()} if when is not None else {}
