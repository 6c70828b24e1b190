"""Which vouchers of a line a part refund may take, so the owner refunds the one handed back.

A customer who bought two card keys and returns the one not activated must get that one voided,
not the newest; a gift card given away stays valid while the card on the counter is refunded.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core import giftcard_value, vouchers
from desktop_app.core.errors import NotFound
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import CardKey, OrderLine
from desktop_app.core.orders import refundable_units, shared_voucher, unused_valid_vouchers
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class RefundChoice:
    voucher_id: int
    code: str  # the printed, grouped form
    refund_cents: int  # what refunding this voucher alone pays back now
    key_hint: str = ""  # a card key, masked as everywhere else
    balance_cents: int | None = None  # a gift card's balance


def refund_choices(shop: Shop, line_id: int) -> list[RefundChoice]:
    """The line's vouchers a part refund may void now (valid, nothing used), newest first:
    the order ``refund_line`` takes them in when none is named."""
    del shop  # read as the logged-in operator; the signature matches the other services
    line = OrderLine.get_or_none(OrderLine.id == line_id)
    if line is None:
        raise NotFound(what="order", id=line_id)
    unused = unused_valid_vouchers(line)
    if line.product.kind == "giftcard":
        paid_back = [giftcard_value.money_of(parts)
                     for parts in giftcard_value.line_paybacks(line, unused)]
    else:
        _refundable, step = refundable_units(line, line.order.status)
        if shared_voucher(line) is not None:  # refunding it alone: all its units left
            step = line.quantity - line.refunded_quantity
        paid_back = [step * line.unit_price_cents] * len(unused)
    return [RefundChoice(voucher.id, vouchers.typed_code(voucher.code), money,
                         _key_hint(voucher.card_key_id), voucher.balance_cents)
            for voucher, money in zip(unused, paid_back, strict=True)]


def _key_hint(key_id: int | None) -> str:
    return mask_key(CardKey.get_by_id(key_id).secret) if key_id is not None else ""
