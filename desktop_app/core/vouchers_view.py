"""What a printed voucher shows, read from the database once and handed to the renderer.

The renderer (``desktop_app.printing``) is Qt and must not touch the database; this module is
the only place that reads a card key in full for printing, so the secret travels no further
than the sheet of paper it ends up on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_app.core import vouchers
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import NotFound
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.redemption import unusable_reason
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class VoucherView:
    """Everything one printed voucher needs; times are aware UTC datetimes."""

    shop_name: str
    currency: str
    product_name: str
    kind: str  # service | cardkey | goods | giftcard
    uses_total: int
    uses_left: int
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    code: str  # the typed form, grouped, with its check symbol
    payload: str  # what the QR holds
    card_key: str | None = field(repr=False)  # the full secret; None when not a card key
    order_id: int
    issued_at: dt.datetime
    price_cents: int = 0  # the unit price it was sold at
    address_line: str = ""  # the shop's address and phone (Settings)
    voucher_note: str = ""  # the shop's note at the foot of every voucher (Settings)
    balance_cents: int | None = None  # gift cards: the money left; None for the others
    # valid | void (refunded or cancelled) | used_up (no uses left) | expired: a reprint says so
    status: str = "valid"
    card_key_faulty: bool = False  # its key was marked faulty: a replacement is owed


class _Secrets:
    """The shop's settings a view needs, read once per batch instead of once per voucher."""

    def __init__(self, shop: Shop) -> None:
        self.shop_id = shop.shop_id
        self.voucher_key = shop.voucher_key
        self.shop_name = shop.name
        self.currency = shop.currency
        self.address_line = shop.setting("address_line")
        self.voucher_note = shop.setting("voucher_note")


def _card_key(voucher: Voucher, product: Product) -> tuple[str | None, bool]:
    """The key in full, and whether it was marked faulty."""
    if product.kind != "cardkey":
        return None, False
    if voucher.card_key_id is not None:
        key = CardKey.get_by_id(voucher.card_key_id)
        if key.order_line_id != voucher.order_line_id:
            return None, False  # put back on sale since, maybe sold to someone else (QA)
        return key.secret, key.state == "faulty"
    return product.reusable_key, False  # products that hand every buyer the same key


def _status(voucher: Voucher, product: Product) -> str:
    order: Order = voucher.order
    if unusable_reason(order.status, voucher.state, None, None, utc_now()) == "voided":
        return "void"
    # A gift card at nought may be reloaded, and a card key is the goods whatever its uses.
    if voucher.balance_cents is None and product.kind != "cardkey" and voucher.uses_left <= 0:
        return "used_up"
    if voucher.valid_until is not None and utc_now() >= voucher.valid_until:
        return "expired"  # a reprint must not look valid (left open by the first QA fixes)
    return "valid"


def _view(voucher: Voucher, known: _Secrets) -> VoucherView:
    product: Product = voucher.product
    card_key, faulty = _card_key(voucher, product)
    return VoucherView(
        shop_name=known.shop_name, currency=known.currency, product_name=product.name,
        kind=product.kind, uses_total=voucher.uses_total, uses_left=voucher.uses_left,
        valid_from=voucher.valid_from, valid_until=voucher.valid_until,
        code=vouchers.typed_code(voucher.code),
        payload=vouchers.payload(known.shop_id, known.voucher_key, voucher.code),
        card_key=card_key, order_id=voucher.order_id,
        issued_at=voucher.issued_at, price_cents=voucher.order_line.unit_price_cents,
        address_line=known.address_line, voucher_note=known.voucher_note,
        balance_cents=voucher.balance_cents, status=_status(voucher, product),
        card_key_faulty=faulty)


def voucher_view(shop: Shop, voucher: Voucher) -> VoucherView:
    """The printable view of one voucher. Owner only: it carries a card key in full."""
    require_owner(shop, "voucher_print")
    return _view(voucher, _Secrets(shop))


def voucher_views(shop: Shop, voucher_ids: Iterable[int]) -> list[VoucherView]:
    """Views of many vouchers (a batch sheet), in the order of ``voucher_ids``."""
    require_owner(shop, "voucher_print")
    ids = list(voucher_ids)
    known = _Secrets(shop)
    rows: dict[int, Voucher] = {}
    for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
        query = (Voucher.select(Voucher, Product, OrderLine, Order)
                 .join(Product).switch(Voucher).join(OrderLine)
                 .switch(Voucher).join(Order)
                 .where(Voucher.id.in_(ids[start : start + 500])))
        rows.update({row.id: row for row in query})
    return [_view(rows[i], known) for i in ids if i in rows]


def order_voucher_views(shop: Shop, order_id: int) -> list[VoucherView]:
    """Views of every voucher an order issued, oldest first."""
    require_owner(shop, "voucher_print")
    ids = [v.id for v in Voucher.select(Voucher.id).where(Voucher.order == order_id)
           .order_by(Voucher.id)]
    if not ids and Order.get_or_none(Order.id == order_id) is None:
        raise NotFound(what="order", id=order_id)
    return voucher_views(shop, ids)
