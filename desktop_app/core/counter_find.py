"""What the counter's Find shows a clerk, and the audit row of a clerk's search (QA s21a F4).

Find lists a customer's vouchers by 2 characters of a name or phone, for the customer who
forgot their pass: the cashier finds it and redeems it by its code. A gift card's code is
its money, though, and "Card by phone…" guards it with the card's PIN; so a clerk sees a
found gift card's code masked (its last characters only, enough to tell two cards apart)
and is told to scan the card or use "Card by phone…". Owners see every code, as they do
in Orders. A card key voucher's code stays shown: redeeming it only marks the key used, the
key itself never reaches the counter (``core.sending``: only an owner shows or sends it).

Every search a clerk makes is an audit event, ``voucher_find``: its subject the text
searched (a phone's digits masked as the counter shows phones), its detail how many rows
it found, so the owner can see who looked up whom.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from desktop_app.core import audit
from desktop_app.core.redemption import mask_phone
from desktop_app.core.store import Shop

if TYPE_CHECKING:
    from desktop_app.core.voucher_lookup import VoucherInfo

SHOWN_TAIL = 4  # a masked code's last characters, as a phone's last 4 digits
MASK = "*"
QUERY_LIMIT = 64  # the counter's search field takes no more


def masked_code(code: str) -> str:
    """A printed code with every letter and digit but the last ``SHOWN_TAIL`` hidden, its
    hyphens kept: "K95A-2BFB-HK9M-Z2DCK" is "****-****-****-*2DCK"."""
    hidden = max(0, sum(ch.isalnum() for ch in code) - SHOWN_TAIL)
    masked = []
    for ch in code:
        if ch.isalnum() and hidden > 0:
            masked.append(MASK)
            hidden -= 1
        else:
            masked.append(ch)
    return "".join(masked)


def card_code_shown(code: str, balance: int | None, masked: bool) -> str:
    """A voucher's code as a counter shows it: a gift card's (it has a ``balance``) masked
    where ``masked`` (a clerk's counter): its code is its money."""
    return masked_code(code) if masked and balance is not None else code


def as_found(shop: Shop, info: VoucherInfo) -> VoucherInfo:
    """``info`` as Find shows it to this operator: a gift card's code masked for a clerk."""
    if shop.is_owner or info.balance is None:
        return info
    return replace(info, code=masked_code(info.code), code_hidden=True)


def query_shown(text: str) -> str:
    """The text searched, as the audit log keeps it: a name as typed, a phone's digits (or
    the digits in a name and number) masked like the counter's phones."""
    text = text.strip()[:QUERY_LIMIT]
    if not any(ch.isdigit() for ch in text):
        return text
    words = "".join(ch for ch in text if not ch.isdigit() and ch not in "+-() ")
    return f"{words} {mask_phone(text)}".strip()


def record_search(shop: Shop, text: str, rows: int) -> None:
    """Audit a clerk's search (an owner's is not: the owner reads the log)."""
    if shop.is_owner:
        return
    with shop.write(evidence_only=True):  # a read's evidence: kept on a held shop too
        audit.record(shop, "voucher_find", query_shown(text), rows=rows)
