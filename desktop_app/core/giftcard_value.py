"""What a gift card's balance is worth in money, part by part, for a refund or a cash-out.

A card's balance is made of the money paid into it: the card's own order (which bought its
value, perhaps at a promotion's discount) and each reload still paid (one yuan of balance per
yuan). Spending takes the oldest money first, so what is left is the newest: each paid reload,
newest first, in full, then what is left of the card's own value at the price paid for it,
``floor(left × price / value)``, never more than the price. A promotion's bonus is never paid
out in cash. Reads only; core/giftcard_refunds.py books a refund, core/giftcards.py a cash-out.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from desktop_app.core.models import GiftCardEntry, Order, OrderLine, Voucher


@dataclass(frozen=True)
class Payback:
    """One part of a card's refund: what goes back for the money ``order_id`` paid in."""

    order_id: int
    method: str | None
    balance_cents: int  # taken off the card's balance
    money_cents: int  # handed back to the customer


# Cards are read in chunks: a batch line holds up to 10,000 of them, too many for one IN list.
CHUNK = 500


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start : start + CHUNK] for start in range(0, len(ids), CHUNK)]


def _issued_values(card_ids: list[int]) -> dict[int, int]:
    """The balance each card was issued with (its product's value when it was sold)."""
    values: dict[int, int] = {}
    for chunk in _chunks(card_ids):
        values.update((card, int(value or 0)) for card, value in GiftCardEntry.select(
            GiftCardEntry.voucher, fn.SUM(GiftCardEntry.amount_cents))
            .where(GiftCardEntry.voucher.in_(chunk) & (GiftCardEntry.kind == "issue"))
            .group_by(GiftCardEntry.voucher).tuples())
    return values


def _paid_reloads(card_ids: list[int]) -> dict[int, list[GiftCardEntry]]:
    """Each card's reloads whose orders are still paid, newest first."""
    reloads: dict[int, list[GiftCardEntry]] = {}
    for chunk in _chunks(card_ids):
        for entry in (GiftCardEntry.select(GiftCardEntry, Order)
                      .join(Order, on=(GiftCardEntry.order == Order.id))
                      .where(GiftCardEntry.voucher.in_(chunk)
                             & (GiftCardEntry.kind == "reload") & (Order.status == "paid"))
                      .order_by(GiftCardEntry.id.desc())):
            reloads.setdefault(entry.voucher_id, []).append(entry)
    return reloads


def line_paybacks(line: OrderLine, cards: list[Voucher]) -> list[list[Payback]]:
    """How the balance of each of ``cards`` (gift cards of ``line``) goes back: its own
    order's part first in its list, then its paid reloads, newest first (a reload already
    spent gives back nothing, yet is listed: its order is closed with the card). Reads only,
    a few queries for the whole line."""
    ids = [card.id for card in cards]
    values, reloads = _issued_values(ids), _paid_reloads(ids)
    price, method = int(line.unit_price_cents), line.order.payment_method
    paybacks: list[list[Payback]] = []
    for card in cards:
        left = max(0, int(card.balance_cents or 0))  # below 0 after a restore: nothing back
        parts: list[Payback] = []
        for entry in reloads.get(card.id, []):
            taken = min(left, int(entry.amount_cents))
            parts.append(Payback(entry.order_id, entry.method, taken, taken))
            left -= taken
        value = values.get(card.id, 0)
        money = min(left, value) * price // value if value > 0 else 0
        paybacks.append([Payback(line.order_id, method, left, min(money, price)), *parts])
    return paybacks


def cash_value(card: Voucher) -> int:
    """The money ``card``'s balance is worth in cash: what refunding it would pay back."""
    return money_of(line_paybacks(card.order_line, [card])[0])


def money_of(parts: list[Payback]) -> int:
    return sum(part.money_cents for part in parts)
