"""Refunded units: the one rule the order's Refunded column, the orders list and the sales
report count them by (QA s15a F7), and what a whole refund gives back line by line.

A unit is refunded when its money went back, all or part (a pass with uses left, a card key
not redeemed, shown or not, a gift card with balance left), or it was taken back unused
(goods). A unit used up (a pass's last wash, a redeemed card key, a gift card spent to 0.00)
and closed with its order for 0.00 is not a refunded unit. Each refund books its units so
(``Refund.quantity``, core/refund_records.py); every screen sums those records, never the
line's ``refunded_quantity``, which counts the units closed (refunded or used) instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import Function, fn

from desktop_app.core.models import OrderLine, Refund, Voucher


@dataclass(frozen=True)
class LineBack:
    """One line of a whole refund, said before it is confirmed: the units it gives back out
    of those not refunded yet, and the money (a gift card's: its unspent balance at the
    price paid, its reloads' parts included)."""

    product_name: str
    kind: str
    units_left: int  # not refunded before (by a part refund)
    units_back: int  # refunded units: money of them goes back (see the module)
    amount_cents: int
    unit_price_cents: int

    @property
    def units_used_up(self) -> int:
        """Units closed with nothing back: used up, redeemed or spent."""
        return self.units_left - self.units_back

    @property
    def partly_used(self) -> bool:
        """Some units give back only the uses they have left (never goods or gift cards)."""
        return (self.kind in ("service", "cardkey")
                and self.amount_cents < self.units_back * self.unit_price_cents)


def _units_each(line: OrderLine, vouchers: list[Voucher]) -> int:
    """The units one voucher of the line stands for; a single voucher holds every unit not
    refunded yet (a part refund took the uses of its units off it, core/refunds.py)."""
    if len(vouchers) == 1:
        return line.quantity - line.refunded_quantity
    return max(1, line.quantity // len(vouchers)) if vouchers else 0


def _voucher_units_back(voucher: Voucher, each: int, card: bool) -> int:
    """Of the ``each`` units ``voucher`` stands for, those with something left: a gift card
    while it has balance (its one "use" is no value), a pass's units not used up (uses are
    used from the first unit on, so a unit partly used counts)."""
    if voucher.state != "valid":
        return 0
    if card:
        return each if (voucher.balance_cents or 0) > 0 else 0
    if voucher.uses_total <= 0 or voucher.uses_left <= 0:
        return 0
    return min(each, -(-each * voucher.uses_left // voucher.uses_total))


def units_back(line: OrderLine) -> int:
    """The units refunding the rest of ``line`` now counts as refunded (see the module)."""
    remaining = line.quantity - line.refunded_quantity
    if line.product.kind == "goods" or remaining <= 0:
        return max(0, remaining)
    vouchers = list(line.vouchers)
    each = _units_each(line, vouchers)
    card = line.product.kind == "giftcard"
    return min(remaining, sum(_voucher_units_back(v, each, card) for v in vouchers))


def unrefunded_price(line: OrderLine) -> int:
    """What refunding the rest of the line pays back (gift cards: see their ledger): goods
    not refunded yet at their price; a pass or a card key, what its valid vouchers have left,
    pro rata of their uses (QA: a pass with 5 of 6 washes used paid back all 6)."""
    kind = line.product.kind
    if kind == "giftcard":
        return 0
    if kind == "goods":
        return (line.quantity - line.refunded_quantity) * int(line.unit_price_cents)
    vouchers = list(line.vouchers)
    each = _units_each(line, vouchers)
    return sum(int(line.unit_price_cents) * each * v.uses_left // v.uses_total
               for v in vouchers if v.state == "valid" and v.uses_total)


def line_back(line: OrderLine, amount_cents: int) -> LineBack:
    """``line``'s part of a whole refund that pays ``amount_cents`` back for it."""
    return LineBack(line.product.name, line.product.kind, line.quantity - line.refunded_quantity,
                    units_back(line), amount_cents, int(line.unit_price_cents))


def refunded_units_sum() -> Function:
    """The refunded units of the refunds an aggregate query groups: every screen's count (the
    sales report, the orders list, an order's lines) is this sum of the booked units."""
    return fn.SUM(Refund.quantity)


def refunded_units_of_lines(line_ids: list[int]) -> dict[int, int]:
    """The refunded units of each line: the sum of its refunds' units, as the sales report
    and the orders list count them."""
    if not line_ids:
        return {}
    query = (Refund.select(Refund.order_line, refunded_units_sum())
             .where(Refund.order_line.in_(line_ids)).group_by(Refund.order_line).tuples())
    return {line_id: int(units or 0) for line_id, units in query}
