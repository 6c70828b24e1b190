"""Who took a payment and at which counter, and where a refund was paid back: the sales
report per operator and per station (QA s20c F2: a shop with two counters could split its
redemptions per counter, not its takings).

Schema step ``add_payment_places`` (core/migrations.py) adds the order's ``paid_by`` and
``paid_station`` and the refund's ``station``. Rows from before are filled only with what a
record of their own time says: the operator of a payment from its audit event
(``order_pay``, ``voucher_batch``: the event is written by the payment, in its transaction,
and names its operator), a reload's operator and counter from its ledger row. Everything
else stays empty (None): the reports show it as not recorded, never a guess (the order's
``created_by`` made it, and may not have taken the money).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from desktop_app.core.models import AuditEvent, GiftCardEntry, Order

PAYMENT_EVENTS = ("order_pay", "voucher_batch")  # events whose subject is the paid order
_CHUNK = 500  # order ids per UPDATE: SQLite's bound parameters are limited


def fill_from_old_records() -> None:
    """What the rows from before the step's columns say of them (see the module's words)."""
    _paid_by_from_events()
    _reloads_from_their_ledger()


def _paid_by_from_events() -> None:
    """Each old payment's operator as its audit event names it, a chunk of orders at a time
    per operator (a shop has few operators, and many orders)."""
    orders_of: dict[int, list[int]] = defaultdict(list)
    events = (AuditEvent.select(AuditEvent.subject, AuditEvent.operator)
              .where(AuditEvent.kind.in_(PAYMENT_EVENTS) & AuditEvent.operator.is_null(False))
              .tuples())
    for subject, operator_id in events:
        if str(subject).isdigit():
            orders_of[int(operator_id)].append(int(subject))
    for operator_id, order_ids in orders_of.items():
        for chunk in _chunks(order_ids):
            (Order.update(paid_by=operator_id)
             .where(Order.id.in_(chunk) & Order.paid_by.is_null()
                    & Order.paid_at.is_null(False)).execute())


def _reloads_from_their_ledger() -> None:
    """A reload's order was made and paid with its ledger row, which names its operator and
    counter (an empty counter stays unknown)."""
    rows = (GiftCardEntry.select(GiftCardEntry.order, GiftCardEntry.operator,
                                 GiftCardEntry.station)
            .where((GiftCardEntry.kind == "reload") & GiftCardEntry.order.is_null(False))
            .tuples())
    orders_of: dict[tuple[int, str | None], list[int]] = defaultdict(list)
    for order_id, operator_id, station in rows:
        orders_of[(int(operator_id), station or None)].append(int(order_id))
    for (operator_id, station), order_ids in orders_of.items():
        for chunk in _chunks(order_ids):
            (Order.update(paid_by=operator_id, paid_station=station)
             .where(Order.id.in_(chunk)).execute())


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def station_of(station: str) -> str | None:
    """A counter's name as a payment or refund records it; none given: not known."""
    return station.strip()[:64] or None


def station_detail(station: str) -> dict[str, str]:
    """A payment's or refund's counter for its audit event, as a redemption's names its own;
    nothing when none was given."""
    name = station_of(station)
    return {"station": name} if name else {}
