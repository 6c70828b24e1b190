"""Refunds: a whole order, or part of a line that was not redeemed; stock goes back, card keys
are set aside, and each says the money to pay back.

The money to pay back is what the refunded parts were sold for (units at their line's
price), except gift cards: their unspent balance at the price paid for it, and each reload
under its own order (see core/giftcard_refunds.py). A card key the customer had (shown, sent
or printed with the voucher) is never put back on sale by a refund: it becomes ``returned``
until the owner checks it (core/cardkeys.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.core import audit, dialect, giftcard_refunds, refund_records
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound
from desktop_app.core.giftcard_value import Payback, money_of
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.money import money_text
from desktop_app.core.orders import (
    get_order,
    refundable_units,
    shared_voucher,
    unused_valid_vouchers,
    uses_per_unit,
)
from desktop_app.core.payment_places import station_detail
from desktop_app.core.refund_units import LineBack, line_back, units_back, unrefunded_price
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop
from desktop_app.core.transactions import retried_on_conflict


@dataclass(frozen=True)
class RefundResult:
    voided: int
    stock_returned: int
    keys_returned: int  # card keys now ``returned``: off sale until the owner checks them
    card_refund_cents: int = 0  # of ``refund_cents``: for gift cards' balances and reloads
    refund_cents: int = 0  # the money to pay back for this refund, all of it
    reloads: tuple[Payback, ...] = ()  # reload orders refunded with their cards


@dataclass(frozen=True)
class RefundPreview:
    """What refunding a whole order now would do, said before the owner confirms."""

    refund_cents: int
    reloads: tuple[Payback, ...]
    keys_to_check: int  # card keys the customer had, which become ``returned``
    lines: tuple[LineBack, ...] = ()  # line by line: units and money back (QA s15a F7)


def lock_order(shop: Shop, order_id: int, cards: Sequence[int] = ()) -> None:
    """First thing in a refund's write, before anything it decides on is read (QA s20c F1):
    the order's vouchers and ``cards`` (a reload's card, of another order), ids ascending,
    then the order. A scan at another counter at that instant either committed first, and
    the refund reads the uses it took (pays only for what is left), or waits and finds the
    voucher void, which its UPDATE's WHERE refuses. Two refunds of one order, or of a card
    and its reload, go one after the other. Vouchers before orders: a refund closes another
    order (a card's reloads) only once it holds that card. See ``dialect.lock_rows``."""
    vouchers = (Voucher.select(Voucher.id)
                .where((Voucher.order == order_id) | Voucher.id.in_(list(cards)))
                .order_by(Voucher.id))
    dialect.lock_rows(shop.db, vouchers)
    dialect.lock_rows(shop.db, Order.select(Order.id).where(Order.id == order_id))


def _was_used(voucher: Voucher) -> bool:
    return voucher.uses_left < voucher.uses_total


def _paid_order(shop: Shop, order_id: int) -> Order:
    """The order to refund whole: paid, and with something to give back."""
    order = get_order(order_id)
    if order.status == "refunded":
        raise InvalidState(what="order", id=order_id, state=order.status,
                           currency=shop.currency, **refund_records.made(order_id))
    if order.status != "paid":
        raise InvalidState(what="order", id=order_id, state=order.status)
    return order


def _refuse_all_used(order: Order) -> None:
    """Every unit used or refunded already: nothing to pay back, void or put back, so the
    order stays paid rather than turn refunded for 0.00, a used voucher voided and counted as
    a refunded unit (QA s12d F1). A reload order is refunded with its card: not judged here."""
    if giftcard_refunds.reload_of(order.id) is not None:
        return
    if any(unrefunded_price(line) or units_back(line) for line in order.lines):
        return
    raise InvalidState(what="order", id=order.id, state="all_used")


def _refuse_spent_cards(order: Order) -> None:
    """Gift cards spent to nothing, and nothing else to pay back: refused, not an order
    refunded for 0.00 with its cards counted as refunded units (QA s11b F12)."""
    cards = [card for line in order.lines if line.product.kind == "giftcard"
             for card in line.vouchers if card.state == "valid"]
    if not cards or any((card.balance_cents or 0) > 0 for card in cards):
        return
    if not any(unrefunded_price(line) for line in order.lines):
        raise InvalidState(what="giftcard", id=cards[0].id, state="card_spent", order=order.id)


def _valid_card_ids(line: OrderLine) -> list[int]:
    return [v.id for v in line.vouchers if v.state == "valid"]


def _sold_keys(line: OrderLine, vouchers: list[Voucher]) -> list[int]:
    """The keys of ``vouchers`` still sold on ``line`` (a faulty key stays faulty)."""
    key_ids = [v.card_key_id for v in vouchers if v.card_key_id]
    if not key_ids:
        return []
    return [key.id for key in CardKey.select(CardKey.id).where(
        CardKey.id.in_(key_ids) & (CardKey.state == "sold") & (CardKey.order_line == line))]


def _set_keys_aside(line: OrderLine, vouchers: list[Voucher]) -> int:
    """The customer had these keys: ``returned``, not sold again until the owner checks."""
    key_ids = [v.card_key_id for v in vouchers if v.card_key_id]
    if not key_ids:
        return 0
    return (CardKey.update(state="returned")
            .where(CardKey.id.in_(key_ids) & (CardKey.state == "sold")
                   & (CardKey.order_line == line)).execute())


def _reload_parts(order: Order, parts: list[Payback]) -> tuple[Payback, ...]:
    return tuple(part for part in parts if part.order_id != order.id)


def preview_refund(shop: Shop, order_id: int) -> RefundPreview:
    """The money refunding the whole order would pay back now, and the keys it sets aside;
    refuses what ``refund_order`` would refuse. Reads only."""
    require_owner(shop, "order_refund")
    order = _paid_order(shop, order_id)
    # Nothing left to give back: the app says so rather than offer a refund of 0.00 (QA s11b
    # F12, s12d F1). ``refund_order`` itself still does it, as the contract's command has it.
    _refuse_spent_cards(order)
    _refuse_all_used(order)
    parts: list[Payback] = []
    reloaded = giftcard_refunds.reload_of(order.id)
    if reloaded is not None:
        parts.append(giftcard_refunds.reload_payback(reloaded))
    keys = 0
    lines: list[LineBack] = []
    for line in order.lines.order_by(OrderLine.id):
        line_money = unrefunded_price(line)
        if line.product.kind == "giftcard":
            card_parts = giftcard_refunds.cards_paybacks(line, _valid_card_ids(line))
            parts += card_parts
            line_money = money_of(card_parts)
        elif line.product.kind == "cardkey":
            keys += len(_sold_keys(line, [v for v in line.vouchers if not _was_used(v)]))
        lines.append(line_back(line, line_money))
    return RefundPreview(money_of(parts) + sum(line.amount_cents for line in lines
                                               if line.kind != "giftcard"),
                         _reload_parts(order, parts), keys, tuple(lines))


def refund_order(shop: Shop, order_id: int, station: str = "",
                 expect_cents: int | None = None) -> RefundResult:
    """Void what was not redeemed; unused stock goes back, card keys are set aside. History
    stays. A scan or another refund at the same instant goes before or after it, whole. The
    refund records its operator and the counter it was paid back at (``station``).
    ``expect_cents``: the money the owner confirmed; a refund that would now pay back
    another amount is refused (``check_expected``)."""
    require_owner(shop, "order_refund")
    return retried_on_conflict(lambda: _refund_order(shop, order_id, station, expect_cents))


def check_expected(order_id: int, expect_cents: int | None, refund_cents: int,
                   currency: str) -> None:
    """Refuses, inside the refund's write so nothing of it is kept, a refund whose money is
    not what the owner confirmed: a counter redeemed a use or spent part of a gift card
    between the question and the click, and the owner would pay back the amount asked, not
    the one booked (QA s36a F1)."""
    if expect_cents is not None and refund_cents != expect_cents:
        raise InvalidState(what="order", id=order_id, state="refund_changed",
                           asked=money_text(expect_cents), now=money_text(refund_cents),
                           asked_cents=expect_cents, now_cents=refund_cents, currency=currency)


def _refund_order(shop: Shop, order_id: int, station: str,
                  expect_cents: int | None) -> RefundResult:
    with shop.write():
        reloaded = giftcard_refunds.reload_of(order_id)  # its card: a voucher of another order
        lock_order(shop, order_id, [reloaded.voucher_id] if reloaded is not None else [])
        order = _paid_order(shop, order_id)
        now = utc_now()
        voided = stock_back = keys_back = price_money = 0
        parts: list[Payback] = []
        if reloaded is not None:
            parts.append(giftcard_refunds.refund_reload(shop, reloaded, station))
            refund_records.book(shop, order, Voucher.get_by_id(reloaded.voucher_id).product_id,
                                now, amount_cents=parts[-1].money_cents, closes=True,
                                station=station)
        for line in order.lines:
            line_money = unrefunded_price(line)
            price_money += line_money
            remaining = line.quantity - line.refunded_quantity
            units = units_back(line)  # counted before its vouchers are voided
            if line.product.kind == "giftcard":
                card_parts = giftcard_refunds.refund_cards(shop, line, _valid_card_ids(line),
                                                           station)
                refund_records.book_card_parts(shop, order, line, card_parts, now, units,
                                               closes=True, station=station)
                parts += card_parts
            else:
                refund_records.book(shop, order, line.product_id, now, line=line,
                                    quantity=units, amount_cents=line_money, closes=True,
                                    station=station)
            voided += (Voucher.update(state="void")
                       .where((Voucher.order_line == line) & (Voucher.state == "valid"))
                       .execute())
            product: Product = line.product
            unused = [v for v in line.vouchers if not _was_used(v)]
            # What refund_line already gave back (``remaining`` leaves it out) is not given
            # back twice.
            if product.kind == "cardkey":
                keys_back += _set_keys_aside(line, unused)
            elif product.stock is not None and remaining and (product.kind == "goods" or unused):
                Product.update(stock=Product.stock + remaining).where(
                    Product.id == product.id).execute()
                stock_back += remaining
            line.refunded_quantity = line.quantity
            line.refunded_cents += line_money
            line.save()
        Order.update(status="refunded", closed_at=now).where(Order.id == order.id).execute()
        card_money = money_of(parts)
        check_expected(order.id, expect_cents, price_money + card_money, shop.currency)
        cards = {"card_refund_cents": card_money} if card_money else {}
        audit.record(shop, "order_refund", order.id, voided=voided, stock_returned=stock_back,
                     keys_returned=keys_back, refund_cents=price_money + card_money, **cards,
                     **station_detail(station))
    return RefundResult(voided, stock_back, keys_back, card_money, price_money + card_money,
                        _reload_parts(order, parts))


# --- partial refunds -------------------------------------------------------------------------


def _void_vouchers(line: OrderLine, count: int, voucher_ids: Sequence[int] | None
                   ) -> list[Voucher]:
    unused = unused_valid_vouchers(line)
    if voucher_ids is None:
        chosen = unused[:count]
    else:  # the ones handed back; one used, void or of another line refuses them all
        chosen = [voucher for voucher in unused if voucher.id in set(voucher_ids)]
    voided = (Voucher.update(state="void")
              .where(Voucher.id.in_([v.id for v in chosen]) & (Voucher.state == "valid")
                     & (Voucher.uses_left == Voucher.uses_total)).execute())
    if len(chosen) != count or voided != count:
        raise InvalidState(what="voucher", id=line.id, state="used")
    return chosen


def _take_uses(line: OrderLine, voucher: Voucher, quantity: int) -> list[Voucher]:
    """Refund ``quantity`` units of a voucher they share: their uses come off it (uses left
    and in all), in one conditional update, so a counter redeeming at the same moment cannot
    use a refunded use. Every unit of an unused voucher: the voucher is void, as before."""
    uses = quantity * uses_per_unit(line, voucher)
    if quantity == line.quantity - line.refunded_quantity and voucher.uses_left == uses:
        return _void_vouchers(line, 1, [voucher.id])
    taken = (Voucher.update(uses_total=Voucher.uses_total - uses,
                            uses_left=Voucher.uses_left - uses)
             .where((Voucher.id == voucher.id) & (Voucher.state == "valid")
                    & (Voucher.uses_left >= uses)).execute())
    if taken != 1:
        raise InvalidState(what="voucher", id=line.id, state="used")
    return []


def _return_stock(product: Product, quantity: int) -> int:
    if product.stock is None:
        return 0
    Product.update(stock=Product.stock + quantity).where(Product.id == product.id).execute()
    return quantity


def _check_refund_quantity(line: OrderLine, quantity: int, status: str) -> int:
    """The number of vouchers ``quantity`` units stand for; refuses what cannot be refunded."""
    refundable, step = refundable_units(line, status)
    if refundable == 0:
        if status != "paid":
            raise InvalidState(what="order", id=line.order_id, state=status)
        if line.product.kind == "giftcard" and any(card.state == "valid"
                                                   for card in line.vouchers):
            raise InvalidState(what="giftcard", id=line.id, state="card_spent",
                               order=line.order_id)
        raise InvalidState(what="voucher", id=line.id, state="used")
    if not 1 <= quantity <= refundable or quantity % step:
        raise InvalidInput(field="quantity", problem="out_of_range", low=step, high=refundable)
    return quantity // step


def refund_line(shop: Shop, order_line_id: int, quantity: int,
                voucher_ids: Sequence[int] | None = None, station: str = "",
                expect_cents: int | None = None) -> RefundResult:
    """Refund ``quantity`` units of one line of a paid order, where nothing was redeemed:
    the vouchers ``voucher_ids`` (see core/refund_choices.py), else the newest unused ones.

    Only whole vouchers without any redemption are voided: card keys one by one (the key is
    set aside as returned), goods by quantity (stock returns), a service voucher only when
    unused and then whole, a gift card with its unspent balance. Units sharing one voucher
    (two coffees on one voucher of two uses) are refunded one by one, their uses taken off
    it while enough are unused, used or not (QA s11b F7). The order stays paid until
    every line is refunded; then it is refunded. Serialised with scans as ``refund_order``;
    recorded at ``station`` as it is; ``expect_cents`` as ``refund_order``'s.
    """
    require_owner(shop, "order_refund")
    return retried_on_conflict(
        lambda: _refund_line(shop, order_line_id, quantity, voucher_ids, station, expect_cents))


def _refund_line(shop: Shop, order_line_id: int, quantity: int,
                 voucher_ids: Sequence[int] | None, station: str,
                 expect_cents: int | None) -> RefundResult:
    with shop.write():
        order_id = (OrderLine.select(OrderLine.order).where(OrderLine.id == order_line_id)
                    .scalar())
        if order_id is None:
            raise NotFound(what="order", id=order_line_id)
        lock_order(shop, order_id)
        line = OrderLine.get_by_id(order_line_id)  # read once it is locked
        order = get_order(line.order_id)
        vouchers_count = _check_refund_quantity(line, quantity, order.status)
        product: Product = line.product
        shared = shared_voucher(line)
        chosen = {shared.id} if shared is not None else None
        if voucher_ids is not None and (
                product.kind == "goods" or (set(voucher_ids) != chosen if chosen
                                            else len(set(voucher_ids)) != vouchers_count)):
            raise InvalidInput(field="quantity", problem="not_the_vouchers_chosen")
        voided: list[Voucher] = []
        if shared is not None:
            voided = _take_uses(line, shared, quantity)
        elif product.kind != "goods":
            voided = _void_vouchers(line, vouchers_count, voucher_ids)
        keys_back = _set_keys_aside(line, voided) if product.kind == "cardkey" else 0
        parts = (giftcard_refunds.refund_cards(shop, line, [v.id for v in voided], station)
                 if product.kind == "giftcard" else [])
        card_money = money_of(parts)
        money = card_money if product.kind == "giftcard" else quantity * line.unit_price_cents
        check_expected(order.id, expect_cents, money, shop.currency)
        stock_back = _return_stock(product, quantity) if product.kind != "cardkey" else 0
        line.refunded_quantity += quantity
        if product.kind != "giftcard":
            line.refunded_cents += money
        line.save()
        everything = all(other.refunded_quantity >= other.quantity for other in order.lines)
        now = utc_now()
        if everything:
            Order.update(status="refunded", closed_at=now).where(
                Order.id == order.id).execute()
        if product.kind == "giftcard":
            refund_records.book_card_parts(shop, order, line, parts, now, quantity, everything,
                                           station=station)
        else:
            refund_records.book(shop, order, product.id, now, line=line, quantity=quantity,
                                amount_cents=money, closes=everything, station=station)
        audit.record(shop, "order_refund_line", order.id, **station_detail(station),
                     line=line.id, quantity=quantity,
                     amount_cents=quantity * line.unit_price_cents, voided=len(voided),
                     vouchers=sorted(voucher.id for voucher in voided)
                     or sorted(chosen or ()),  # which (QA s8b F6); uses taken off (F7)
                     stock_returned=stock_back, keys_returned=keys_back,
                     order_refunded=everything, card_refund_cents=card_money,
                     refund_cents=money)
    return RefundResult(len(voided), stock_back, keys_back, card_money, money,
                        _reload_parts(order, parts))
