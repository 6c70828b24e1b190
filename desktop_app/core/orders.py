"""Orders: create, pay (issuing vouchers in the same transaction), refund, cancel."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import audit, vouchers
from desktop_app.core.auth import require_owner
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound, OutOfStock
from desktop_app.core.inventory import get_product
from desktop_app.core.models import (
    CardKey,
    Order,
    OrderLine,
    Product,
    Voucher,
    utc_now,
)
from desktop_app.core.store import Shop

PAYMENT_METHODS = ("cash", "card", "wechat", "alipay", "other")
STATUSES = ("unpaid", "paid", "refunded", "cancelled")
MAX_QUANTITY = 10_000


@dataclass(frozen=True)
class IssuedVoucher:
    id: int
    code: str  # the printed form, with check symbol and groups
    payload: str  # what the QR holds
    product_name: str
    uses: int
    valid_until: dt.datetime | None


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
    with shop.write():
        order = Order.create(customer_name=customer_name.strip()[:200],
                             customer_phone=customer_phone.strip()[:64], note=note.strip(),
                             created_by=shop.operator.id, is_batch=is_batch)
        total = 0
        for product_id, quantity in items:
            if not 1 <= quantity <= MAX_QUANTITY:
                raise InvalidInput(field="quantity", problem="out_of_range", low=1,
                                   high=MAX_QUANTITY)
            product = get_product(product_id)
            if not product.active:
                raise InvalidInput(field="product", problem="archived", id=product_id)
            OrderLine.create(order=order, product=product, quantity=quantity,
                             unit_price_cents=product.price_cents)
            total += product.price_cents * quantity
        order.total_cents = total
        order.save()
        audit.record(shop, "order_create", order.id, total_cents=total, lines=len(items))
    return order


def voucher_payload(shop: Shop, voucher: Voucher) -> str:
    return vouchers.payload(shop.shop_id, shop.voucher_key, voucher.code)


def issued(shop: Shop, voucher: Voucher) -> IssuedVoucher:
    return IssuedVoucher(voucher.id, vouchers.typed_code(voucher.code),
                         voucher_payload(shop, voucher), voucher.product.name,
                         voucher.uses_total, voucher.valid_until)


def _validity(product: Product, paid_at: dt.datetime) -> tuple[dt.datetime, dt.datetime | None]:
    start = product.valid_from or paid_at
    if product.valid_until:
        return start, product.valid_until
    if product.valid_days:
        return start, paid_at + dt.timedelta(days=product.valid_days)
    return start, None


def _new_voucher(line: OrderLine, uses: int, paid_at: dt.datetime,
                 card_key: CardKey | None = None) -> Voucher:
    valid_from, valid_until = _validity(line.product, paid_at)
    return Voucher.create(code=vouchers.new_code(), order=line.order_id, order_line=line,
                          product=line.product_id, card_key=card_key, uses_total=uses,
                          uses_left=uses, valid_from=valid_from, valid_until=valid_until,
                          issued_at=paid_at)


def _take_stock(product: Product, quantity: int) -> None:
    """Decrement limited stock with one conditional update, so two tills never oversell."""
    if product.stock is None:
        return
    taken = (Product.update(stock=Product.stock - quantity)
             .where((Product.id == product.id) & (Product.stock >= quantity)).execute())
    if taken != 1:
        raise OutOfStock(product=product.name, product_id=product.id, wanted=quantity,
                         available=Product.get_by_id(product.id).stock)


def _allocate_keys(line: OrderLine, paid_at: dt.datetime) -> list[Voucher]:
    """Hand over ``quantity`` unsold keys; each claimed with ``WHERE state = 'unsold'``."""
    product: Product = line.product
    if product.reusable_key:
        return [_new_voucher(line, 1, paid_at) for _ in range(line.quantity)]
    issued_vouchers: list[Voucher] = []
    while len(issued_vouchers) < line.quantity:
        needed = line.quantity - len(issued_vouchers)
        candidates = list(CardKey.select(CardKey.id)
                          .where((CardKey.product == product) & (CardKey.state == "unsold"))
                          .order_by(CardKey.id).limit(needed))
        if not candidates:
            raise OutOfStock(product=product.name, product_id=product.id, wanted=line.quantity,
                             available=len(issued_vouchers))
        for candidate in candidates:
            claimed = (CardKey.update(state="sold", order_line=line, sold_at=paid_at)
                       .where((CardKey.id == candidate.id) & (CardKey.state == "unsold"))
                       .execute())
            if claimed:
                issued_vouchers.append(_new_voucher(line, 1, paid_at, CardKey.get_by_id(
                    candidate.id)))
    return issued_vouchers


def _fulfil(line: OrderLine, paid_at: dt.datetime) -> list[Voucher]:
    product: Product = line.product
    if product.kind == "cardkey":
        return _allocate_keys(line, paid_at)
    _take_stock(product, line.quantity)
    if product.kind == "service":
        return [_new_voucher(line, product.uses_per_voucher * line.quantity, paid_at)]
    return []


def pay_order(shop: Shop, order_id: int, method: str = "cash",
              reference: str = "") -> list[IssuedVoucher]:
    """Mark paid and issue the vouchers in one transaction. Paying twice issues nothing new."""
    require_owner(shop, "order_pay")
    if method not in PAYMENT_METHODS:
        raise InvalidInput(field="method", problem="choice", choices=",".join(PAYMENT_METHODS))
    with shop.write():
        order = get_order(order_id)
        if order.status == "paid":
            return [issued(shop, v) for v in order.vouchers.order_by(Voucher.id)]
        now = utc_now()
        marked = (Order.update(status="paid", paid_at=now, payment_method=method,
                               payment_ref=reference.strip()[:200])
                  .where((Order.id == order.id) & (Order.status == "unpaid")).execute())
        if marked != 1:
            raise InvalidState(what="order", id=order_id, state=order.status)
        created: list[Voucher] = []
        for line in order.lines.order_by(OrderLine.id):
            created.extend(_fulfil(line, now))
        audit.record(shop, "order_pay", order.id, method=method, total_cents=order.total_cents,
                     vouchers=[v.id for v in created])
        return [issued(shop, v) for v in created]


@dataclass(frozen=True)
class RefundResult:
    voided: int
    stock_returned: int
    keys_returned: int


def _was_used(voucher: Voucher) -> bool:
    return voucher.uses_left < voucher.uses_total


def refund_order(shop: Shop, order_id: int) -> RefundResult:
    """Void what was not redeemed; unused stock and card keys go back. History stays."""
    require_owner(shop, "order_refund")
    with shop.write():
        order = get_order(order_id)
        if order.status != "paid":
            raise InvalidState(what="order", id=order_id, state=order.status)
        voided = stock_back = keys_back = 0
        for line in order.lines:
            voided += (Voucher.update(state="void")
                       .where((Voucher.order_line == line) & (Voucher.state == "valid"))
                       .execute())
            product: Product = line.product
            unused = [v for v in line.vouchers if not _was_used(v)]
            # What refund_line already gave back is not given back twice.
            remaining = line.quantity - line.refunded_quantity
            if product.kind == "cardkey":
                key_ids = [v.card_key_id for v in unused if v.card_key_id]
                if key_ids:
                    keys_back += (CardKey.update(state="unsold", order_line=None, sold_at=None)
                                  .where(CardKey.id.in_(key_ids) & (CardKey.state == "sold")
                                         & (CardKey.order_line == line))
                                  .execute())
            elif product.stock is not None and remaining and (product.kind == "goods" or unused):
                Product.update(stock=Product.stock + remaining).where(
                    Product.id == product.id).execute()
                stock_back += remaining
            line.refunded_quantity = line.quantity
            line.save()
        Order.update(status="refunded", closed_at=utc_now()).where(Order.id == order.id).execute()
        audit.record(shop, "order_refund", order.id, voided=voided, stock_returned=stock_back,
                     keys_returned=keys_back)
    return RefundResult(voided, stock_back, keys_back)


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


# --- batches ---------------------------------------------------------------------------------

MAX_BATCH = 10_000
_INSERT_CHUNK = 500  # rows per INSERT: well under SQLite's limit on bound parameters


def _fresh_codes(count: int) -> list[str]:
    # 80 random bits: a repeat is all but impossible, yet cheap to rule out before inserting.
    codes: set[str] = set()
    while len(codes) < count:
        codes.add(vouchers.new_code())
    return list(codes)


def _insert_batch_vouchers(line: OrderLine, product: Product, count: int,
                           paid_at: dt.datetime) -> list[tuple[int, str]]:
    """Insert ``count`` vouchers in bulk; returns (id, code) pairs in issue order."""
    valid_from, valid_until = _validity(product, paid_at)
    uses = product.uses_per_voucher
    rows = [{"code": code, "order": line.order_id, "order_line": line.id, "product": product.id,
             "uses_total": uses, "uses_left": uses, "state": "valid", "valid_from": valid_from,
             "valid_until": valid_until, "issued_at": paid_at} for code in _fresh_codes(count)]
    for start in range(0, len(rows), _INSERT_CHUNK):
        Voucher.insert_many(rows[start : start + _INSERT_CHUNK]).execute()
    return [(v.id, v.code) for v in Voucher.select(Voucher.id, Voucher.code)
            .where(Voucher.order_line == line).order_by(Voucher.id)]


def issue_batch(shop: Shop, product_id: int, count: int, note: str = "") -> list[IssuedVoucher]:
    """Issue ``count`` paid vouchers of a service product as one batch order.

    A promotion or a box of gift cards: one order (``is_batch``, paid, method ``other``), one
    voucher per unit, each with the product's uses, all in one transaction. No QR images are
    made here; printing renders them later.
    """
    require_owner(shop, "voucher_batch")
    if not 1 <= count <= MAX_BATCH:
        raise InvalidInput(field="count", problem="out_of_range", low=1, high=MAX_BATCH)
    with shop.write():
        product = get_product(product_id)
        if not product.active:
            raise InvalidInput(field="product", problem="archived", id=product_id)
        if product.kind != "service":
            raise InvalidInput(field="product", problem="not_service", id=product_id)
        _take_stock(product, count)
        now = utc_now()
        total = product.price_cents * count
        order = Order.create(status="paid", note=note.strip(), total_cents=total,
                             payment_method="other", is_batch=True, created_by=shop.operator.id,
                             created_at=now, paid_at=now)
        line = OrderLine.create(order=order, product=product, quantity=count,
                                unit_price_cents=product.price_cents)
        created = _insert_batch_vouchers(line, product, count, now)
        audit.record(shop, "voucher_batch", order.id, product=product.id, count=count,
                     total_cents=total, method="other", first_voucher=created[0][0],
                     last_voucher=created[-1][0])
    shop_id, key = shop.shop_id, shop.voucher_key
    _, valid_until = _validity(product, now)
    return [IssuedVoucher(voucher_id, vouchers.typed_code(code),
                          vouchers.payload(shop_id, key, code), product.name,
                          product.uses_per_voucher, valid_until)
            for voucher_id, code in created]


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

    @property
    def refunded_cents(self) -> int:
        return sum(line.refunded_quantity * line.unit_price_cents for line in self.lines)


def _row(order: Order) -> OrderRow:
    return OrderRow(order.id, order.status, order.created_at, order.paid_at, order.customer_name,
                    order.customer_phone, order.note, order.total_cents, order.payment_method,
                    order.payment_ref, order.is_batch)


def order_rows(shop: Shop, status: str | None = None) -> list[OrderRow]:
    """The orders, newest first, as plain rows."""
    return [_row(order) for order in list_orders(shop, status)]


def _unused_valid(line: OrderLine) -> list[Voucher]:
    """The line's vouchers a refund may still void: valid and not used at all, newest first."""
    return list(Voucher.select().where((Voucher.order_line == line) & (Voucher.state == "valid")
                                       & (Voucher.uses_left == Voucher.uses_total))
                .order_by(Voucher.id.desc()))


def _refund_step(line: OrderLine) -> int:
    """How many units one voucher of the line stands for (a service line: all of them)."""
    if line.product.kind == "goods":
        return 1
    issued_count = Voucher.select().where(Voucher.order_line == line).count()
    return max(1, line.quantity // issued_count) if issued_count else line.quantity


def _refundable(line: OrderLine, status: str) -> tuple[int, int]:
    """(units refundable now, refund step) for a line of an order in ``status``."""
    step = _refund_step(line)
    if status != "paid":
        return 0, step
    if line.product.kind == "goods":
        return line.quantity - line.refunded_quantity, step
    return len(_unused_valid(line)) * step, step


def order_detail(shop: Shop, order_id: int) -> OrderDetail:
    require_owner(shop, "order_list")
    order = get_order(order_id)
    lines = []
    for line in order.lines.order_by(OrderLine.id):
        refundable, step = _refundable(line, order.status)
        lines.append(LineView(line.id, line.product_id, line.product.name, line.product.kind,
                              line.quantity, line.unit_price_cents, line.refunded_quantity,
                              refundable, step))
    states = [VoucherState(v.id, v.state, v.uses_left, v.uses_total)
              for v in order.vouchers.order_by(Voucher.id)]
    return OrderDetail(_row(order), lines, states)


# --- partial refunds -------------------------------------------------------------------------


def _void_vouchers(line: OrderLine, count: int) -> list[Voucher]:
    chosen = _unused_valid(line)[:count]
    voided = (Voucher.update(state="void")
              .where(Voucher.id.in_([v.id for v in chosen]) & (Voucher.state == "valid")
                     & (Voucher.uses_left == Voucher.uses_total)).execute())
    if len(chosen) != count or voided != count:
        raise InvalidState(what="voucher", id=line.id, state="used")
    return chosen


def _return_keys(line: OrderLine, voided: list[Voucher]) -> int:
    key_ids = [v.card_key_id for v in voided if v.card_key_id]
    if not key_ids:
        return 0
    # Only keys still sold on this line: a faulty key stays faulty, never back in stock.
    return (CardKey.update(state="unsold", order_line=None, sold_at=None)
            .where(CardKey.id.in_(key_ids) & (CardKey.state == "sold")
                   & (CardKey.order_line == line)).execute())


def _return_stock(product: Product, quantity: int) -> int:
    if product.stock is None:
        return 0
    Product.update(stock=Product.stock + quantity).where(Product.id == product.id).execute()
    return quantity


def _check_refund_quantity(line: OrderLine, quantity: int, status: str) -> int:
    """The number of vouchers ``quantity`` units stand for; refuses what cannot be refunded."""
    refundable, step = _refundable(line, status)
    if refundable == 0:
        if status != "paid":
            raise InvalidState(what="order", id=line.order_id, state=status)
        raise InvalidState(what="voucher", id=line.id, state="used")
    if not 1 <= quantity <= refundable or quantity % step:
        raise InvalidInput(field="quantity", problem="out_of_range", low=step, high=refundable)
    return quantity // step


def refund_line(shop: Shop, order_line_id: int, quantity: int) -> RefundResult:
    """Refund ``quantity`` units of one line of a paid order, where nothing was redeemed.

    Only whole vouchers without any redemption are voided: card keys one by one (the key goes
    back to stock), goods by quantity (stock returns), a service voucher only when unused and
    then whole. The order stays paid until every line is refunded; then it is refunded.
    """
    require_owner(shop, "order_refund")
    with shop.write():
        line = OrderLine.get_or_none(OrderLine.id == order_line_id)
        if line is None:
            raise NotFound(what="order", id=order_line_id)
        order = get_order(line.order_id)
        vouchers_count = _check_refund_quantity(line, quantity, order.status)
        product: Product = line.product
        voided: list[Voucher] = []
        if product.kind != "goods":
            voided = _void_vouchers(line, vouchers_count)
        keys_back = _return_keys(line, voided) if product.kind == "cardkey" else 0
        stock_back = _return_stock(product, quantity) if product.kind != "cardkey" else 0
        line.refunded_quantity += quantity
        line.save()
        everything = all(other.refunded_quantity >= other.quantity for other in order.lines)
        if everything:
            Order.update(status="refunded", closed_at=utc_now()).where(
                Order.id == order.id).execute()
        audit.record(shop, "order_refund_line", order.id, line=line.id, quantity=quantity,
                     amount_cents=quantity * line.unit_price_cents, voided=len(voided),
                     stock_returned=stock_back, keys_returned=keys_back,
                     order_refunded=everything)
    return RefundResult(len(voided), stock_back, keys_back)
