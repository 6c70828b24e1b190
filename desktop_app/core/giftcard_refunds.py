"""Refunding gift cards: what a card's unspent balance pays back, and under which order.

A card's balance is made of the money paid into it: the card's own order (which bought its
value, perhaps at a promotion's discount) and each reload still paid (one yuan of balance
per yuan). Spending takes the oldest money first, so a refund gives back the newest first:
each paid reload, newest first, under its own order and payment method (the sales report by
method then matches the cash drawer and each payment account), then what is left of the
card's own value at the price paid for it: ``floor(left × price / value)``, never more than
the price. A promotion's bonus is never paid out in cash. The reload orders are closed as
refunded with their card: the card they paid into is void. What each part is worth is
core/giftcard_value.py's (a cash-out pays the same).
"""

from __future__ import annotations

from peewee import fn

from desktop_app.core import audit
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidState
from desktop_app.core.giftcard_value import Payback, line_paybacks
from desktop_app.core.giftcards import add_entry
from desktop_app.core.models import GiftCardEntry, Order, OrderLine, Voucher
from desktop_app.core.money import money_text
from desktop_app.core.store import Shop


def _line_cards(line: OrderLine, card_ids: list[int]) -> list[Voucher]:
    wanted = set(card_ids)
    return [card for card in Voucher.select().where(
        (Voucher.order_line == line) & Voucher.balance_cents.is_null(False))
        .order_by(Voucher.id) if card.id in wanted]


def cards_paybacks(line: OrderLine, card_ids: list[int]) -> list[Payback]:
    """Every part of what refunding these cards of ``line`` would pay back (other vouchers
    are left out)."""
    cards = _line_cards(line, card_ids)
    return [part for parts in line_paybacks(line, cards) for part in parts]


def _take_off(shop: Shop, card_id: int, part: Payback, station: str) -> None:
    taken = (Voucher.update(balance_cents=Voucher.balance_cents - part.balance_cents)
             .where((Voucher.id == card_id) & (Voucher.balance_cents >= part.balance_cents))
             .execute())
    if taken != 1:
        raise InvalidState(what="giftcard", id=card_id, state="spent")
    add_entry(card_id, "refund", -part.balance_cents, shop.operator.id, station=station,
              order=part.order_id, method=part.method, money_cents=-part.money_cents)


def _close_reload_order(shop: Shop, part: Payback, card_order_id: int) -> None:
    closed = (Order.update(status="refunded", closed_at=utc_now())
              .where((Order.id == part.order_id) & (Order.status == "paid")).execute())
    if closed:
        audit.record(shop, "order_refund", part.order_id, order=card_order_id,
                     refund_cents=part.money_cents)


def refund_cards(shop: Shop, line: OrderLine, card_ids: list[int],
                 station: str = "") -> list[Payback]:
    """Empty these refunded cards of ``line``, each part of a balance under the order that
    paid it in, and close their reload orders as refunded. Call inside the refund's write."""
    cards = _line_cards(line, card_ids)
    paid_back: list[Payback] = []
    for card, parts in zip(cards, line_paybacks(line, cards), strict=True):
        for part in parts:
            if part.balance_cents > 0:
                _take_off(shop, card.id, part, station)
            if part.order_id != card.order_id:
                _close_reload_order(shop, part, card.order_id)
        paid_back.extend(parts)
    return paid_back


def reload_of(order_id: int) -> GiftCardEntry | None:
    """The reload an order pays for, if it is a reload order."""
    return GiftCardEntry.get_or_none((GiftCardEntry.order == order_id)
                                     & (GiftCardEntry.kind == "reload"))


def reload_payback(entry: GiftCardEntry) -> Payback:
    """What refunding a reload order alone gives back: the whole reload, while its card is
    valid and holds it. Refused when the card was refunded (its reload went back with it)
    or part of the reload has been spent (the card's order pays back what is left)."""
    card = Voucher.get_by_id(entry.voucher_id)
    if card.state != "valid":
        raise InvalidState(what="giftcard", id=card.id, state="card_refunded",
                           order=card.order_id)
    amount = int(entry.amount_cents)
    left = int(card.balance_cents or 0)
    if left <= 0:
        raise InvalidState(what="giftcard", id=card.id, state="reload_gone")
    if left < amount:  # what is left goes back with the card's own order
        raise InvalidState(what="giftcard", id=card.id, state="reload_spent",
                           order=card.order_id, left=money_text(max(left, 0)),
                           amount=money_text(amount))
    return Payback(entry.order_id, entry.method, amount, amount)


def refund_reload(shop: Shop, entry: GiftCardEntry, station: str = "") -> Payback:
    """Take a refunded reload back off its card; see ``reload_payback`` for refusals."""
    part = reload_payback(entry)
    _take_off(shop, entry.voucher_id, part, station)
    return part


def reloads_paid_back_with(order_id: int) -> int:
    """What refunds paid back for the reloads of the cards ``order_id`` sold: booked under
    each reload's own order, said beside the card's order too (QA: its "Refunded" line did
    not match the money the refund said to hand back)."""
    money = (GiftCardEntry.select(fn.COALESCE(fn.SUM(GiftCardEntry.money_cents), 0))
             .join(Voucher, on=(GiftCardEntry.voucher == Voucher.id))
             .where((Voucher.order == order_id) & (GiftCardEntry.kind == "refund")
                    & (GiftCardEntry.order != order_id)).scalar())
    return -int(money or 0)


def paid_back_for(order_id: int) -> int:
    """The money refunds of gift cards and reloads paid back for what ``order_id`` paid in."""
    money = (GiftCardEntry.select(fn.COALESCE(fn.SUM(GiftCardEntry.money_cents), 0))
             .where((GiftCardEntry.order == order_id) & (GiftCardEntry.kind == "refund"))
             .scalar())
    return -int(money or 0)
