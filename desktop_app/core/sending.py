"""Vouchers that leave the shop through a message: who saw or sent a card key, and when.

A card key in full is the goods themselves: whoever reveals it on a screen or sends it to a
customer (an image or a text pasted into WeChat, QQ or an e-mail) leaves an audit event, so an
owner can tell later which key went out, when and by whom. The image and text are Qt's
business (``desktop_app.ui.orders.voucher_send``); this module only records.
"""

from __future__ import annotations

from typing import Literal

from desktop_app.core import audit
from desktop_app.core.errors import NotFound
from desktop_app.core.models import Voucher
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

CardKeyAction = Literal["shown", "sent"]
CHANNELS = ("image", "text", "screen")


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
