"""Refunds: a whole order, or part of a line that was not redeemed; stock and keys go back."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core import audit, giftcards
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.orders import get_order, refundable_units, unused_valid_vouchers
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class RefundResult:
    voided: int
    stock_returned: int
    keys_returned: int
    card_refund_cents: int = 0  # money paid back for gift cards' unspent balances and reloads


def _was_used(voucher: Voucher) -> bool:
    return voucher.uses_left < voucher.uses_total


def refund_order(shop: Shop, order_id: int) -> RefundResult:
    """Void what was not redeemed; unused stock and card keys go back. History stays."""
    require_owner(shop, "order_refund")
    with shop.write():
        order = get_order(order_id)
        if order.status != "paid":
            raise InvalidState(what="order", id=order_id, state=order.status)
        voided = stock_back = keys_back = card_money = 0
        reloaded = giftcards.reload_of(order.id)
        if reloaded is not None:
            card_money += giftcards.refund_reload(shop, reloaded)
        for line in order.lines:
            if line.product.kind == "giftcard":
                card_money += giftcards.refund_cards(
                    shop, [v.id for v in line.vouchers if v.state == "valid"])
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
        cards = {"card_refund_cents": card_money} if card_money else {}
        audit.record(shop, "order_refund", order.id, voided=voided, stock_returned=stock_back,
                     keys_returned=keys_back, **cards)
    return RefundResult(voided, stock_back, keys_back, card_money)


# --- partial refunds -------------------------------------------------------------------------


def _void_vouchers(line: OrderLine, count: int) -> list[Voucher]:
    chosen = unused_valid_vouchers(line)[:count]
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
    refundable, step = refundable_units(line, status)
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
        card_money = (giftcards.refund_cards(shop, [v.id for v in voided])
                      if product.kind == "giftcard" else 0)
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
                     order_refunded=everything, card_refund_cents=card_money)
    return RefundResult(len(voided), stock_back, keys_back, card_money)
