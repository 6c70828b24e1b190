"""Refunding gift cards: what a card's unspent balance pays back, and under which order.

A card's balance is made of the money paid into it: the card's own order (which bought its
value, perhaps at a promotion's discount) and each reload still paid (one yuan of balance
per yuan). Spending takes the oldest money first, so a refund gives back the newest first:
each paid reload, newest first, under its own order and payment method (the sales report by
method then matches the cash drawer and each payment account), then what is left of the
card's own value at the price paid for it: ``floor(left × price / value)``, never more than
the price. A promotion's bonus is never paid out in cash. The reload orders are closed as
refunded with their card: the card they paid into is void.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from desktop_app.core import audit
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidState
from desktop_app.core.giftcards import add_entry
from desktop_app.core.models import GiftCardEntry, Order, Voucher
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class Payback:
    """One part of a card's refund: what goes back for the money ``order_id`` paid in."""

    order_id: int
    method: str | None
    balance_cents: int  # taken off the card's balance
    money_cents: int  # handed back to the customer


def _card_value(card: Voucher) -> int:
    """The balance the card was issued with (its product's value when it was sold)."""
    issued = (GiftCardEntry.select(fn.COALESCE(fn.SUM(GiftCardEntry.amount_cents), 0))
              .where((GiftCardEntry.voucher == card.id) & (GiftCardEntry.kind == "issue"))
              .scalar())
    return int(issued or 0)


def _paid_reloads(card: Voucher) -> list[GiftCardEntry]:
    """The card's reloads whose orders are still paid, newest first."""
    return list(GiftCardEntry.select(GiftCardEntry, Order)
                .join(Order, on=(GiftCardEntry.order == Order.id))
                .where((GiftCardEntry.voucher == card.id) & (GiftCardEntry.kind == "reload")
                       & (Order.status == "paid"))
                .order_by(GiftCardEntry.id.desc()))


def card_paybacks(card: Voucher) -> list[Payback]:
    """How the card's balance goes back: its own order first in the list, then its paid
    reloads, newest first (a reload already spent gives back nothing, yet is listed: its
    order is closed with the card). Reads only."""
    left = int(card.balance_cents or 0)
    reloads: list[Payback] = []
    for entry in _paid_reloads(card):
        taken = min(left, int(entry.amount_cents))
        reloads.append(Payback(entry.order_id, entry.method, taken, taken))
        left -= taken
    value, price = _card_value(card), int(card.order_line.unit_price_cents)
    money = min(left, value) * price // value if value > 0 else 0
    own = Payback(card.order_id, card.order.payment_method, left, min(money, price))
    return [own, *reloads]


def cards_paybacks(card_ids: list[int]) -> list[Payback]:
    """``card_paybacks`` of each of these gift cards (other vouchers are left out)."""
    cards = Voucher.select().where(Voucher.id.in_(card_ids)
                                   & Voucher.balance_cents.is_null(False)).order_by(Voucher.id)
    return [part for card in cards for part in card_paybacks(card)]


def _take_off(shop: Shop, card_id: int, part: Payback) -> None:
    taken = (Voucher.update(balance_cents=Voucher.balance_cents - part.balance_cents)
             .where((Voucher.id == card_id) & (Voucher.balance_cents >= part.balance_cents))
             .execute())
    if taken != 1:
        raise InvalidState(what="giftcard", id=card_id, state="spent")
    add_entry(card_id, "refund", -part.balance_cents, shop.operator.id, order=part.order_id,
              method=part.method, money_cents=-part.money_cents)


def _close_reload_order(shop: Shop, part: Payback, card_order_id: int) -> None:
    closed = (Order.update(status="refunded", closed_at=utc_now())
              .where((Order.id == part.order_id) & (Order.status == "paid")).execute())
    if closed:
        audit.record(shop, "order_refund", part.order_id, order=card_order_id,
                     refund_cents=part.money_cents)


def refund_cards(shop: Shop, card_ids: list[int]) -> list[Payback]:
    """Empty refunded cards, each part of a balance under the order that paid it in, and
    close their reload orders as refunded. Call inside the refund's write."""
    paid_back: list[Payback] = []
    for card in Voucher.select().where(Voucher.id.in_(card_ids)
                                       & Voucher.balance_cents.is_null(False)):
        parts = card_paybacks(card)
        for part in parts:
            if part.balance_cents > 0:
                _take_off(shop, card.id, part)
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
    or the reload has been spent."""
    card = Voucher.get_by_id(entry.voucher_id)
    if card.state != "valid":
        raise InvalidState(what="giftcard", id=card.id, state="card_refunded",
                           order=card.order_id)
    amount = int(entry.amount_cents)
    if int(card.balance_cents or 0) < amount:
        raise InvalidState(what="giftcard", id=card.id, state="spent")
    return Payback(entry.order_id, entry.method, amount, amount)


def refund_reload(shop: Shop, entry: GiftCardEntry) -> Payback:
    """Take a refunded reload back off its card; see ``reload_payback`` for refusals."""
    part = reload_payback(entry)
    _take_off(shop, entry.voucher_id, part)
    return part


def money_of(parts: list[Payback]) -> int:
    return sum(part.money_cents for part in parts)


def paid_back_for(order_id: int) -> int:
    """The money refunds of gift cards and reloads paid back for what ``order_id`` paid in."""
    money = (GiftCardEntry.select(fn.COALESCE(fn.SUM(GiftCardEntry.money_cents), 0))
             .where((GiftCardEntry.order == order_id) & (GiftCardEntry.kind == "refund"))
             .scalar())
    return -int(money or 0)
