"""Vouchers that leave the shop through a message: who saw or sent a card key, and when.

A card key in full is the goods themselves: whoever reveals it on a screen or sends it to a
customer (an image or a text pasted into WeChat, QQ or an e-mail) leaves an audit event, so an
owner can tell later which key went out, when and by whom. The image and text are Qt's
business (``desktop_app.ui.orders.voucher_send``), as are PDFs and printouts
(``desktop_app.printing``); this module only records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from desktop_app.core import audit
from desktop_app.core.errors import NotFound
from desktop_app.core.models import Product, Voucher
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

CardKeyAction = Literal["shown", "sent"]
# How a key left: a sent image or text, the Orders screen, a saved PDF, a printer.
CHANNELS = ("image", "text", "screen", "pdf", "print")


def record_card_key_use(shop: Shop, voucher_id: int, action: CardKeyAction,
                        channel: str = "screen") -> None:
    """Audit that the card key of ``voucher_id`` was shown in full or sent (owners).

    Written as evidence of a read, so it is kept on a shop under integrity hold too.
    A voucher without a card key records nothing: there was no secret to reveal.
    """
    require_owner(shop, "voucher_print")
    if action not in ("shown", "sent") or channel not in CHANNELS:
        raise ValueError(f"unknown card-key action {action!r} or channel {channel!r}")
    voucher = Voucher.get_or_none(Voucher.id == voucher_id)
    if voucher is None:
        raise NotFound(what="voucher", id=voucher_id)
    if voucher.card_key_id is None and voucher.product.kind != "cardkey":
        return
    sent = action == "sent"
    with shop.write(evidence_only=True):
        # Both kinds spelt out here: the audit viewer's word list is checked against them.
        audit.record(shop, "cardkey_sent" if sent else "cardkey_shown", voucher.id,
                     card_key=voucher.card_key_id, channel=channel)


def record_card_keys_written(shop: Shop, voucher_ids: Iterable[int], channel: str) -> int:
    """Audit each card key a PDF or a printout of ``voucher_ids`` carries in full, as sent
    through ``channel``; one row per key, all in one write. Called before the file is written
    or the printer painted, so no key leaves without its row. Returns how many were recorded."""
    require_owner(shop, "voucher_print")
    if channel not in CHANNELS:
        raise ValueError(f"unknown card-key channel {channel!r}")
    ids = list(voucher_ids)
    with_keys: list[tuple[int, int | None]] = []
    for start in range(0, len(ids), 500):  # SQLite caps the number of bound parameters
        query = (Voucher.select(Voucher.id, Voucher.card_key).join(Product)
                 .where(Voucher.id.in_(ids[start : start + 500])
                        & ((Product.kind == "cardkey") | Voucher.card_key.is_null(False))))
        with_keys += [(row.id, row.card_key_id) for row in query]
    if with_keys:
        with shop.write(evidence_only=True):
            for voucher_id, key_id in with_keys:
                audit.record(shop, "cardkey_sent", voucher_id, card_key=key_id,
                             channel=channel)
    return len(with_keys)
