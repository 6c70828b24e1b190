"""Orders: create, cancel, list, and the owner's views of them (plain rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import audit, giftcard_refunds, giftcard_value, phones, refund_units
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound
from desktop_app.core.models import Order, OrderLine, Voucher
from desktop_app.core.products import check_on_sale, get_product, terms_as_ordered
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop
from desktop_app.core.text import MAX_NAME, MAX_NOTE, MAX_PHONE, checked_text
from desktop_app.core.vouchers import typed_code

STATUSES = ("unpaid", "paid", "refunded", "cancelled")
MAX_QUANTITY = 10_000


def get_order(order_id: int) -> Order:
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise NotFound(what="order", id=order_id)
    return order


def create_order(
    shop: Shop,
    items: list[tuple[int, int]],
    customer_name: str = "",
    customer_phone: str = "",
    note: str = "",
    is_batch: bool = False,
) -> Order:
    require_owner(shop, "order_create")
    if not items:
        raise InvalidInput(field="items", problem="required")
    customer_name = checked_text(customer_name, "customer", MAX_NAME)
    # NFKC: a phone typed full-width shows and is searched as ASCII digits (QA s18b F2)
    customer_phone = checked_text(phones.as_stored(customer_phone), "phone", MAX_PHONE)
    note = checked_text(note, "note", MAX_NOTE, multiline=True)
    with shop.write():
        order = Order.create(customer_name=customer_name, customer_phone=customer_phone,
                             note=note,
                             created_by=shop.operator.id, is_batch=is_batch)
        total = 0
        for product_id, quantity in items:
            if not 1 <= quantity <= MAX_QUANTITY:
                raise InvalidInput(field="quantity", problem="out_of_range", low=1,
                                   high=MAX_QUANTITY)
            product = get_product(product_id)
            check_on_sale(product)
            OrderLine.create(order=order, product=product, quantity=quantity,
                             unit_price_cents=product.price_cents,
                             **terms_as_ordered(product))
            total += product.price_cents * quantity
        order.total_cents = total
        order.save()
        audit.record(shop, "order_create", order.id, total_cents=total, lines=len(items))
    return order


def cancel_order(shop: Shop, order_id: int) -> None:
    require_owner(shop, "order_cancel")
    with shop.write():
        cancelled = (Order.update(status="cancelled", closed_at=utc_now())
                     .where((Order.id == order_id) & (Order.status == "unpaid")).execute())
        if cancelled != 1:
            order = get_order(order_id)
            raise InvalidState(what="order", id=order_id, state=order.status)
        audit.record(shop, "order_cancel", order_id)


def list_orders(shop: Shop, status: str | None = None) -> list[Order]:
    require_owner(shop, "order_list")
    if status is not None and status not in STATUSES:
        raise InvalidInput(field="status", problem="choice", choices=",".join(STATUSES))
    query = Order.select().order_by(Order.id.desc())
    if status:
        query = query.where(Order.status == status)
    return list(query)


# --- the owner's views of orders -------------------------------------------------------------


@dataclass(frozen=True)
class OrderRow:
    """An order as the list shows it; plain data, safe to hand across threads."""

    id: int
    status: str
    created_at: dt.datetime
    paid_at: dt.datetime | None
    customer_name: str
    customer_phone: str
    note: str
    total_cents: int
    payment_method: str | None
    payment_ref: str
    is_batch: bool
    refunded_cents: int = 0  # what its refunds paid back so far (see core/refund_records.py)
    refunded_units: int = 0  # a paid order with either is partly refunded (QA s11b F11)
    refunded_at: dt.datetime | None = None  # when the last of its refunds was made


@dataclass(frozen=True)
class LineView:
    id: int
    product_id: int
    product_name: str
    kind: str
    quantity: int
    unit_price_cents: int
    refunded_quantity: int
    refundable: int  # units that can be refunded now: nothing of them was redeemed
    refund_step: int  # units per voucher: a partial refund returns whole vouchers only
    # Gift cards: the money each refundable card pays back, in the order a part refund takes
    # them (its unspent balance at the price paid; see core/giftcard_value.py).
    card_paybacks: tuple[int, ...] = ()
    # Units sharing one voucher (two coffees on one voucher): the uses a refunded unit takes
    # off it; 0 where each refunded voucher is voided whole.
    uses_per_unit: int = 0
    # Units whose money went back or that were taken back unused, as the sales report counts
    # them (core/refund_units.py); ``refunded_quantity`` also counts units closed used up.
    refunded_units: int = 0

    def refund_cents(self, quantity: int) -> int:
        """The money a part refund of ``quantity`` units of this line pays back now."""
        if self.kind == "giftcard":
            return sum(self.card_paybacks[: quantity // self.refund_step])
        return quantity * self.unit_price_cents


@dataclass(frozen=True)
class VoucherState:
    id: int
    state: str  # valid | void
    uses_left: int
    uses_total: int


@dataclass(frozen=True)
class OrderDetail:
    order: OrderRow
    lines: list[LineView]
    vouchers: list[VoucherState]
    refunded_cents: int = 0  # the money its refunds paid back so far
    reloads_refunded_cents: int = 0  # and for its cards' reloads, under their own orders
    reload: ReloadView | None = None  # a gift card's reload order: the card it topped up


@dataclass(frozen=True)
class ReloadView:
    """What a reload order paid into: the card, named by its code's start (enough to tell
    it, not enough to spend it) and its own order."""

    card_id: int
    code_start: str  # "XXXX-XXXX"
    card_order_id: int
    amount_cents: int
    balance_cents: int  # the card's balance now


def _reload_view(order_id: int) -> ReloadView | None:
    entry = giftcard_refunds.reload_of(order_id)
    if entry is None:
        return None
    card = Voucher.get_by_id(entry.voucher_id)
    return ReloadView(card.id, typed_code(card.code)[:9], card.order_id,
                      int(entry.amount_cents), int(card.balance_cents or 0))


def _refunded_cents(order: Order) -> int:
    """Units refunded at their price, and what gift cards and reloads paid back."""
    priced = sum(line.refunded_cents for line in order.lines
                 if line.product.kind != "giftcard")
    return priced + giftcard_refunds.paid_back_for(order.id)


def _card_paybacks(line: OrderLine) -> tuple[int, ...]:
    if line.product.kind != "giftcard":
        return ()
    cards = unused_valid_vouchers(line)
    return tuple(giftcard_value.money_of(parts)
                 for parts in giftcard_value.line_paybacks(line, cards))


def order_row(order: Order,
              refunded: tuple[int, int, dt.datetime | None] = (0, 0, None)) -> OrderRow:
    """``order`` as a plain row; ``refunded``: the money and units its refunds paid back, and
    when the last was made."""
    return OrderRow(order.id, order.status, order.created_at, order.paid_at, order.customer_name,
                    order.customer_phone, order.note, order.total_cents, order.payment_method,
                    order.payment_ref, order.is_batch, *refunded)


def unused_valid_vouchers(line: OrderLine) -> list[Voucher]:
    """The line's vouchers a refund may still void: valid and not used at all, newest first;
    a gift card while something is left on it (QA s11b F12: one spent to 0.00 was refunded)."""
    left = Voucher.balance_cents.is_null() | (Voucher.balance_cents > 0)
    return list(Voucher.select().where((Voucher.order_line == line) & (Voucher.state == "valid")
                                       & (Voucher.uses_left == Voucher.uses_total) & left)
                .order_by(Voucher.id.desc()))


def shared_voucher(line: OrderLine) -> Voucher | None:
    """The one valid voucher a service line of several units holds all of them on (two
    coffees: one voucher of two uses), which a part refund takes uses off unit by unit."""
    if line.product.kind != "service" or line.quantity - line.refunded_quantity < 1:
        return None
    vouchers = list(Voucher.select().where(Voucher.order_line == line).limit(2))
    if len(vouchers) != 1 or line.quantity < 2 or vouchers[0].state != "valid":
        return None
    return vouchers[0]


def uses_per_unit(line: OrderLine, voucher: Voucher) -> int:
    """The uses one unit not yet refunded stands for on the line's shared voucher."""
    return uses_each(voucher.uses_total, line.quantity - line.refunded_quantity)


def uses_each(uses_total: int, units_left: int) -> int:
    """``uses_per_unit`` of a shared voucher's ``uses_total`` over its ``units_left``."""
    return max(1, uses_total // max(1, units_left))


def _refund_step(line: OrderLine) -> int:
    """How many units one voucher of the line stands for (a service line: all of them; one
    unit at a time where they share one voucher, see ``shared_voucher``)."""
    if line.product.kind == "goods":
        return 1
    issued_count = Voucher.select().where(Voucher.order_line == line).count()
    return max(1, line.quantity // issued_count) if issued_count else line.quantity


def refundable_units(line: OrderLine, status: str) -> tuple[int, int]:
    """(units refundable now, refund step) for a line of an order in ``status``."""
    shared = shared_voucher(line)
    step = 1 if shared is not None else _refund_step(line)
    if status != "paid":
        return 0, step
    if line.product.kind == "goods":
        return line.quantity - line.refunded_quantity, step
    if shared is not None:  # as many units as its unused uses cover
        return min(line.quantity - line.refunded_quantity,
                   shared.uses_left // uses_per_unit(line, shared)), step
    return len(unused_valid_vouchers(line)) * step, step


def order_detail(shop: Shop, order_id: int) -> OrderDetail:
    require_owner(shop, "order_list")
    order = get_order(order_id)
    lines = []
    refunded = refund_units.refunded_units_of_lines([line.id for line in order.lines])
    for line in order.lines.order_by(OrderLine.id):
        refundable, step = refundable_units(line, order.status)
        shared = shared_voucher(line)
        lines.append(LineView(line.id, line.product_id, line.product.name, line.product.kind,
                              line.quantity, line.unit_price_cents, line.refunded_quantity,
                              refundable, step,
                              _card_paybacks(line) if refundable else (),
                              uses_per_unit(line, shared) if shared is not None else 0,
                              refunded.get(line.id, 0)))
    states = [VoucherState(v.id, v.state, v.uses_left, v.uses_total)
              for v in order.vouchers.order_by(Voucher.id)]
    return OrderDetail(order_row(order), lines, states, _refunded_cents(order),
                       giftcard_refunds.reloads_paid_back_with(order.id), _reload_view(order.id))
