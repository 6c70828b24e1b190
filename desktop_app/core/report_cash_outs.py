"""Gift-card cash-outs in the sales report: cash paid out of a card, a refund of its order,
under the card's product, and under ``cash`` by method, the drawer it left.

A cash-out counts on the local day the cash left the drawer; until the refund records (schema
step ``add_refund_records``) the report counted it on the day the card was sold. Cash-outs
made before the shop reached that step stay there, so no day already closed changes with the
upgrade (QA s12c F1): the moment the shop reached it is its schema version's ``applied_at``
(a shop made since: its creation, with no cash-out before).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import Expression, Value, fn

from desktop_app.core.migrations import STEPS, add_refund_records
from desktop_app.core.models import GiftCardEntry, Order, SchemaVersion, Voucher
from desktop_app.core.report_rows import group_by_key

CASHED_OUT = GiftCardEntry.kind == "cashout"


def counted_on_their_day_from() -> dt.datetime | None:
    """When the shop reached the schema step from which cash-outs count on their own day."""
    version = STEPS.index(add_refund_records) + 2
    reached = (SchemaVersion.select(fn.MIN(SchemaVersion.applied_at))
               .where(SchemaVersion.version >= version).scalar())
    return None if reached is None else SchemaVersion.applied_at.python_value(reached)


def on_their_day(since: dt.datetime | None) -> Expression:
    """The cash-outs counted on their own day: those since ``since``."""
    return CASHED_OUT if since is None else CASHED_OUT & (GiftCardEntry.created_at >= since)


def cash_outs(key: Any, when: Expression) -> Any:
    """Cash-outs in ``when`` (over ``GiftCardEntry``: with ``on_their_day``) per ``key``."""
    e = GiftCardEntry
    return group_by_key(e.select(
        key.alias("key"), Value(0), Value(0), Value(0), Value(0), Value(0),
        fn.SUM(e.money_cents * -1))
        .join(Voucher, on=(e.voucher == Voucher.id))
        .where(when), key).tuples()


def earlier_cash_outs(key: Any, sold: Expression, since: dt.datetime | None) -> Any:
    """Cash-outs from before ``since`` per ``key``, on their card's order as the report of
    their time had them: ``sold`` picks the orders (paid or refunded, their day of payment)."""
    if since is None:
        return []
    e = GiftCardEntry
    return group_by_key(e.select(
        key.alias("key"), Value(0), Value(0), Value(0), Value(0), Value(0),
        fn.SUM(e.money_cents * -1))
        .join(Voucher, on=(e.voucher == Voucher.id))
        .join(Order, on=(Voucher.order == Order.id))
        .where(sold & CASHED_OUT & (e.created_at < since)), key).tuples()
