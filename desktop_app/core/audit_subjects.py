"""What an audit event is about, by name: a voucher by its printed code, a product by its
name, a card key by its product and masked key (QA s11b F6: "Voucher #37" told the owner
nothing without other tools). A shop's log runs to 500k events, so names are read for the
page on screen only: one query per kind of subject, never one per event."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from desktop_app.core import vouchers
from desktop_app.core.audit import EventRow
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import CardKey, Product, Voucher
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

# What an event's subject id is, by the kind's first word (first match wins).
SUBJECT_KINDS: tuple[tuple[str, str], ...] = (
    ("product_", "product"),
    ("cardkey_import", "product"),
    ("cardkey_shown", "voucher"),
    ("cardkey_sent", "voucher"),
    ("cardkey_", "card_key"),
    ("order_", "order"),
    ("voucher_batch", "order"),
    ("redeem", "voucher"),
    ("redemption_", "voucher"),
    ("giftcard_", "voucher"),
)


# The detail keys that hold the id of a record to name, and what kind of record it is.
DETAIL_SUBJECTS = {"product": "product", "voucher": "voucher", "card_key": "card_key",
                   "replacement": "card_key", "vouchers": "voucher"}
LISTS_NAMED_UP_TO = 50  # a longer list (a big order's vouchers) keeps its numbers


def record_ids(value: object) -> list[int]:
    """The ids a detail's value names: one id, or a list of them (an order's vouchers)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list) and len(value) <= LISTS_NAMED_UP_TO:
        return [item for item in value if isinstance(item, int) and not isinstance(item, bool)]
    return []


def subject_kind(event_kind: str) -> str | None:
    """"product", "voucher", "card_key" or "order"; None for an event about no record."""
    return next((subject for prefix, subject in SUBJECT_KINDS if event_kind.startswith(prefix)),
                None)


def _voucher_codes(ids: set[int]) -> Iterable[tuple[int, str]]:
    query = Voucher.select(Voucher.id, Voucher.code).where(Voucher.id.in_(sorted(ids)))
    return ((voucher_id, vouchers.typed_code(code)) for voucher_id, code in query.tuples())


def _product_names(ids: set[int]) -> Iterable[tuple[int, str]]:
    return Product.select(Product.id, Product.name).where(Product.id.in_(sorted(ids))).tuples()


def _card_keys(ids: set[int]) -> Iterable[tuple[int, str]]:
    """The product's name and the key masked: a full key is shown only on purpose, audited."""
    query = (CardKey.select(CardKey.id, CardKey.secret, Product.name).join(Product)
             .where(CardKey.id.in_(sorted(ids))).tuples())
    return ((key_id, f"{name} {mask_key(secret)}") for key_id, secret, name in query)


# Orders keep their numbers: the Orders tab and the receipts call them so.
_NAMERS: dict[str, Callable[[set[int]], Iterable[tuple[int, str]]]] = {
    "voucher": _voucher_codes, "product": _product_names, "card_key": _card_keys}


def detail_subjects(detail: str) -> list[tuple[str, int]]:
    """(kind, id) of each record a stored detail names by its id (``DETAIL_SUBJECTS``)."""
    try:
        data = json.loads(detail)
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    return [(DETAIL_SUBJECTS[key], record_id) for key, value in data.items()
            if key in DETAIL_SUBJECTS for record_id in record_ids(value)]


def subject_names(shop: Shop, events: Iterable[EventRow]) -> dict[tuple[str, int], str]:
    """(kind, id): name, for the records ``events`` are about or name in their details that
    still exist; owners only."""
    require_owner(shop, "audit_view")
    wanted: dict[str, set[int]] = {}
    for event in events:
        subject = subject_kind(event.kind)
        if subject in _NAMERS and event.subject.isdigit():
            wanted.setdefault(subject, set()).add(int(event.subject))
        for kind, record_id in detail_subjects(event.detail):
            wanted.setdefault(kind, set()).add(record_id)
    return {(subject, record_id): name for subject, ids in wanted.items()
            for record_id, name in _NAMERS[subject](ids)}
