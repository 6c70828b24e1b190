"""Fulfilment: taking payment issues vouchers, hands over card keys and takes stock, all in
one transaction; batches of paid vouchers for promotions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import repeat
from typing import NamedTuple

from desktop_app.core import audit, batch_codes, dialect, giftcards, sql, vouchers
from desktop_app.core.dates import add_local_days, utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, OutOfStock
from desktop_app.core.meanwhile import Meanwhile
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.money import parse_money
from desktop_app.core.orders import get_order
from desktop_app.core.payment_places import station_detail, station_of
from desktop_app.core.products import check_on_sale, get_product, terms_as_ordered, window_ended
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop
from desktop_app.core.text import MAX_NOTE, checked_text

PAYMENT_METHODS = ("cash", "card", "wechat", "alipay", "other")


class IssuedVoucher(NamedTuple):
    """A voucher as issued, for the screen, the printer or a file. A named tuple: a batch
    makes ten thousand at once, three times faster than a frozen dataclass."""

    id: int
    code: str  # the printed form, with check symbol and groups
    payload: str  # what the QR holds
    product_name: str
    uses: int
    valid_until: dt.datetime | None
    order_id: int
    balance_cents: int | None = None  # gift cards: the balance when issued


def voucher_payload(shop: Shop, voucher: Voucher) -> str:
    return vouchers.payload(shop.shop_id, shop.voucher_key, voucher.code)


def issued(shop: Shop, voucher: Voucher) -> IssuedVoucher:
    return IssuedVoucher(voucher.id, vouchers.typed_code(voucher.code),
                         voucher_payload(shop, voucher), voucher.product.name,
                         voucher.uses_total, voucher.valid_until, voucher.order_id,
                         voucher.balance_cents)


def _validity(product: Product, paid_at: dt.datetime,
              valid_days: int | None) -> tuple[dt.datetime, dt.datetime | None]:
    """The window of a voucher paid at ``paid_at``: the product's dates, else ``valid_days``
    (its line's, as ordered) from payment."""
    start = product.valid_from or paid_at
    if product.valid_until:
        return start, product.valid_until
    if valid_days:
        return start, add_local_days(paid_at, valid_days)  # calendar days, local
    return start, None


def _new_voucher(line: OrderLine, uses: int, paid_at: dt.datetime,
                 card_key: CardKey | None = None, balance_cents: int | None = None) -> Voucher:
    valid_from, valid_until = _validity(line.product, paid_at, line.valid_days)
    return Voucher.create(code=vouchers.new_code(), order=line.order_id, order_line=line,
                          product=line.product_id, card_key=card_key, uses_total=uses,
                          uses_left=uses, valid_from=valid_from, valid_until=valid_until,
                          issued_at=paid_at, balance_cents=balance_cents)


def _issue_cards(line: OrderLine, paid_at: dt.datetime, operator_id: int) -> list[Voucher]:
    """One gift card per unit, each with the product's value as its opening ledger row."""
    cards = [_new_voucher(line, 1, paid_at, balance_cents=line.card_value_cents)
             for _ in range(line.quantity)]
    for card in cards:
        giftcards.record_issue(card, operator_id, paid_at)
    return cards


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


def _fulfil(line: OrderLine, paid_at: dt.datetime, operator_id: int) -> list[Voucher]:
    product: Product = line.product
    if product.kind == "cardkey":
        return _allocate_keys(line, paid_at)
    _take_stock(product, line.quantity)
    if product.kind == "giftcard":
        return _issue_cards(line, paid_at, operator_id)
    if product.kind == "service":
        return [_new_voucher(line, line.uses_per_voucher * line.quantity, paid_at)]
    return []


def _refuse_ended_products(order: Order, now: dt.datetime) -> None:
    """An order made before a product's window ended, paid after it, would sell vouchers
    that are expired at once: refused, so the owner cancels it (or gives the product new
    dates first) instead of taking money for nothing."""
    for line in order.lines.order_by(OrderLine.id):
        product: Product = line.product
        if window_ended(product.kind, product.valid_until, now):
            raise InvalidState(what="order", id=order.id, state="product_ended",
                               product=product.name)


def pay_order(shop: Shop, order_id: int, method: str = "cash",
              reference: str = "", station: str = "") -> list[IssuedVoucher]:
    """Mark paid and issue the vouchers in one transaction. Paying twice issues nothing new.
    The order records who took the money and at which counter (``station``)."""
    require_owner(shop, "order_pay")
    if method not in PAYMENT_METHODS:
        raise InvalidInput(field="method", problem="choice", choices=",".join(PAYMENT_METHODS))
    with shop.write():
        order = get_order(order_id)
        if order.status == "paid":
            return [issued(shop, v) for v in order.vouchers.order_by(Voucher.id)]
        now = utc_now()
        _refuse_ended_products(order, now)
        marked = (Order.update(status="paid", paid_at=now, payment_method=method,
                               payment_ref=reference.strip()[:200], paid_by=shop.operator.id,
                               paid_station=station_of(station))
                  .where((Order.id == order.id) & (Order.status == "unpaid")).execute())
        if marked != 1:
            raise InvalidState(what="order", id=order_id, state=order.status)
        created: list[Voucher] = []
        for line in order.lines.order_by(OrderLine.id):
            created.extend(_fulfil(line, now, shop.operator.id))
        audit.record(shop, "order_pay", order.id, method=method, total_cents=order.total_cents,
                     vouchers=[v.id for v in created], **station_detail(station))
        return [issued(shop, v) for v in created]


# --- batches ---------------------------------------------------------------------------------

MAX_BATCH = 10_000


def _insert_batch_vouchers(shop: Shop, line: OrderLine, product: Product, codes: list[str],
                           paid_at: dt.datetime) -> list[int]:
    """Insert a voucher for each of ``codes``; their ids, in the same order.

    Hand-written SQL (core/sql.py): peewee building a statement row by row cost four times
    the insert itself. Field conversions are done once, for the values all rows share."""
    valid_from, valid_until = _validity(product, paid_at, line.valid_days)
    uses = line.uses_per_voucher
    as_db = Voucher.issued_at.db_value
    shared = (line.order_id, line.id, product.id, uses, uses, as_db(valid_from),
              as_db(valid_until), as_db(paid_at), product.value_cents)
    if not dialect.is_server(shop.db):
        # The file seals no column (SQLCipher encrypts every page).
        ids = sql.batch_ids(shop.db, codes, sql.insert_each(shop.db, sql.VOUCHERS, codes, shared))
        if ids is not None:
            return ids
    else:
        # On the server each code goes through its field, which seals it; other sessions draw
        # ids from the same sequence meanwhile, so they are read back, in insertion order.
        stored = [Voucher.code.db_value(code) for code in codes]
        sql.insert_each(shop.db, sql.VOUCHERS, stored, shared)
    return [row[0] for row in sql.execute(shop.db, sql.BATCH_VOUCHER_IDS, (line.id,))]


def _issued_batch(ids: list[int], codes: list[str], payloads: list[str],
                  shared: tuple[str, int, dt.datetime | None, int, int | None]
                  ) -> list[IssuedVoucher]:
    """A batch as issued; ``shared``: the product's name, uses, the validity, order, balance.
    Built by map and _make: half the time of calling the class per voucher."""
    typed = batch_codes.typed_codes(codes)
    repeated = [repeat(value, len(ids)) for value in shared]
    return list(map(IssuedVoucher._make, zip(ids, typed, payloads, *repeated, strict=True)))


def _checked_unit_price(unit_price_cents: int | None, product: Product) -> int:
    """The price each voucher of a batch is booked at: the owner's (0 for a giveaway) or,
    when None, the product's."""
    if unit_price_cents is None:
        return int(product.price_cents)
    return parse_money(Decimal(unit_price_cents) / 100, "price")  # its range, as typed


def issue_batch(shop: Shop, product_id: int, count: int, note: str = "",
                unit_price_cents: int | None = None, station: str = "") -> list[IssuedVoucher]:
    """Issue ``count`` paid vouchers of a service product as one batch order.

    A promotion or a box of gift cards: one order (``is_batch``, paid, method ``other``), one
    voucher per unit, each with the product's uses, all in one transaction. Each is booked at
    ``unit_price_cents`` (None: the product's price; 0: given away), which the sales, the
    outstanding vouchers' value and any refund follow; a gift card still carries the
    product's value. No QR images are made here; printing renders them later. The printed
    codes and payloads are made on a second thread while SQLite inserts and commits (see
    core/meanwhile.py).
    """
    require_owner(shop, "voucher_batch")
    if not 1 <= count <= MAX_BATCH:
        raise InvalidInput(field="count", problem="out_of_range", low=1, high=MAX_BATCH)
    with Meanwhile() as meanwhile, shop.write():  # the commit comes first, then the join
        product = get_product(product_id)
        check_on_sale(product)
        if product.kind not in ("service", "giftcard"):
            raise InvalidInput(field="product", problem="not_service", id=product_id)
        price = _checked_unit_price(unit_price_cents, product)
        _take_stock(product, count)
        now = utc_now()
        total = price * count
        note = checked_text(note, "note", MAX_NOTE, multiline=True)
        order = Order.create(status="paid", note=note, total_cents=total,
                             payment_method="other", is_batch=True, created_by=shop.operator.id,
                             created_at=now, paid_at=now, paid_by=shop.operator.id,
                             paid_station=station_of(station))
        line = OrderLine.create(order=order, product=product, quantity=count,
                                unit_price_cents=price, **terms_as_ordered(product))
        codes = vouchers.new_codes(count)
        payloads = meanwhile.run(batch_codes.payloads, shop.shop_id, shop.voucher_key, codes)
        ids = _insert_batch_vouchers(shop, line, product, codes, now)
        if product.kind == "giftcard":
            giftcards.record_batch_issue(shop, ids, product.value_cents, order.id, now)
        audit.record(shop, "voucher_batch", order.id, product=product.id, count=count,
                     price_cents=price, total_cents=total, method="other",
                     first_voucher=ids[0], last_voucher=ids[-1], **station_detail(station))
        until = _validity(product, now, line.valid_days)[1]
        shared = (product.name, line.uses_per_voucher, until, order.id, product.value_cents)
        issued = meanwhile.run(lambda: _issued_batch(ids, codes, payloads(), shared))
    return issued()
