"""Card keys: the list (a page at a time, counted and searched by the database), faulty keys
and replacements. Importing them is ``key_import``'s (its names are kept here too)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN, Expression, fn

from desktop_app.core import audit, refund_records, refunds
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidState, NotFound, OutOfStock
from desktop_app.core.key_import import LOOKUP_BATCH as LOOKUP_BATCH
from desktop_app.core.key_import import KeyImportReport as KeyImportReport
from desktop_app.core.key_import import RefusedLine as RefusedLine
from desktop_app.core.key_import import import_card_keys as import_card_keys
from desktop_app.core.key_import import key_fingerprint as key_fingerprint
from desktop_app.core.key_import import preview_card_keys as preview_card_keys
from desktop_app.core.key_import import stock_holding as stock_holding
from desktop_app.core.key_pattern import comparable_key, key_number, mask_key
from desktop_app.core.key_refingerprint import duplicate_pairs
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.products import get_product
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

# --- editing and the owner's views -----------------------------------------------------------


# ``returned``: the key of a refunded order, which the customer had (shown, sent, printed);
# off sale until the owner puts it back on sale or marks it faulty. Stock counts ``unsold``.
KEY_STATES = ("unsold", "sold", "returned", "faulty")


@dataclass(frozen=True)
class KeyRow:
    """A card key as lists show it: masked, never the secret itself."""

    id: int
    masked: str
    state: str
    order_id: int | None  # the order it was sold on, also after it turned out faulty
    imported_at: dt.datetime
    sold_at: dt.datetime | None
    replaceable: bool  # faulty, and still the key a customer's voucher hands over


KEY_PAGE = 200  # keys a list reads at a time, newest first
FOUND_AT_MOST = 100  # keys a search shows; more is "type more of it"


def key_counts(shop: Shop, product_id: int) -> dict[str, int]:
    """How many keys of the product are in each state, counted by the database."""
    require_owner(shop, "cardkey_list")
    get_product(product_id)
    counts = dict.fromkeys(KEY_STATES, 0)
    counts.update(CardKey.select(CardKey.state, fn.COUNT(CardKey.id))
                  .where(CardKey.product == product_id).group_by(CardKey.state).tuples())
    return counts


def list_card_keys(shop: Shop, product_id: int, state: str | None = None, *,
                   older_than: int | None = None, limit: int = KEY_PAGE) -> list[KeyRow]:
    """A page of the product's keys, newest first (``state``'s only, where given): the
    ``limit`` keys imported before key ``older_than``, or the newest. Fewer than ``limit``:
    there are no more."""
    require_owner(shop, "cardkey_list")
    get_product(product_id)
    where = _of_product(product_id, state)
    if older_than is not None:
        where &= CardKey.id < older_than
    return _key_rows(product_id, where, limit)


@dataclass(frozen=True)
class FoundKeys:
    rows: list[KeyRow]  # newest first, at most FOUND_AT_MOST
    more: bool  # more keys match than are shown


def find_card_keys(shop: Shop, product_id: int, text: str, state: str | None = None,
                   limit: int = FOUND_AT_MOST) -> FoundKeys:
    """The product's keys that ``text`` names: those sold on order number ``text`` first
    (``#12``: only those), then those whose key ``text`` is (``key_named_by``), newest first.
    The owner with a customer on the phone."""
    require_owner(shop, "cardkey_list")
    get_product(product_id)
    where = _of_product(product_id, state)
    typed = text.strip()
    number = typed.removeprefix("#")
    found: list[int] = []
    if number.isdigit() and len(number) <= 18:
        found += [key_id for (key_id,) in CardKey.select(CardKey.id)
                  .join(OrderLine, on=(CardKey.order_line == OrderLine.id))
                  .where(where & (OrderLine.order == int(number)))
                  .order_by(CardKey.id.desc()).tuples()]
    if not typed.startswith("#"):
        found += _named_keys(where, typed, set(found), limit + 1 - len(found))
    shown = found[:limit]
    rows = {row.id: row for row in _key_rows(product_id, CardKey.id.in_(shown), limit)}
    return FoundKeys([rows[key_id] for key_id in shown], len(found) > limit)


def _named_keys(where: Expression, typed: str, skip: set[int], limit: int) -> list[int]:
    """Up to ``limit`` keys ``where`` says that ``typed`` names, newest first."""
    wanted = comparable_key(typed)
    named: list[int] = []
    if not wanted or limit <= 0:
        return named
    # Secrets are compared here, not in SQL: on a server they are sealed in their column.
    for key_id, secret in (CardKey.select(CardKey.id, CardKey.secret).where(where)
                           .order_by(CardKey.id.desc()).tuples().iterator()):
        if wanted in comparable_key(secret) and key_id not in skip and key_named_by(secret, typed):
            named.append(key_id)
            if len(named) == limit:
                break
    return named


def key_named_by(secret: str, typed: str) -> bool:
    """``typed`` is the whole key or its number (before " / "), or a part of what its mask
    shows, compared without case, hyphens or spaces. Never a part the mask hides: a search
    must not tell, a character at a time, what the list keeps hidden."""
    wanted = comparable_key(typed)
    if not wanted:
        return False
    number = key_number(secret)
    if wanted in (comparable_key(secret), comparable_key(number)):
        return True
    return any(wanted in comparable_key(shown) for shown in mask_key(secret).split("…"))


def _of_product(product_id: int, state: str | None) -> Expression:
    where: Expression = CardKey.product == product_id
    return where & (CardKey.state == state) if state else where


def _key_rows(product_id: int, where: Expression, limit: int) -> list[KeyRow]:
    """The keys ``where`` says, newest first, masked, with the order each was sold on."""
    keys = list(CardKey.select(CardKey.id, CardKey.secret, CardKey.state, CardKey.imported_at,
                               CardKey.sold_at, OrderLine.order)
                .join(OrderLine, JOIN.LEFT_OUTER, on=(CardKey.order_line == OrderLine.id))
                .where(where).order_by(CardKey.id.desc()).limit(limit).tuples())
    faulty = [key[0] for key in keys if key[2] == "faulty"]
    on_vouchers = {key_id for (key_id,) in Voucher.select(Voucher.card_key).where(
        Voucher.product == product_id, Voucher.card_key.in_(faulty),
        Voucher.state == "valid").tuples()} if faulty else set()
    return [KeyRow(key_id, mask_key(secret), state, order_id, imported_at, sold_at,
                   state == "faulty" and key_id in on_vouchers)
            for key_id, secret, state, imported_at, sold_at, order_id in keys]


@dataclass(frozen=True)
class DuplicateKey:
    """A key on sale that is a second copy of ``first`` (schema step 17 found them one)."""

    first: KeyRow
    later: KeyRow


def pending_duplicate_keys(shop: Shop, product_id: int) -> list[DuplicateKey]:
    """The product's keys imported twice in two spellings before schema step 17 whose later
    copy is still on sale (``unsold``), oldest first: each is to be marked faulty. Once it is
    faulty, sold or returned it is no longer listed: the setting is never cleaned up."""
    require_owner(shop, "cardkey_list")
    pairs = [(first, later) for product, first, later in duplicate_pairs()
             if product == product_id]
    if not pairs:
        return []
    ids = {key_id for pair in pairs for key_id in pair}
    rows = {row.id: row for row in _key_rows(product_id, CardKey.id.in_(list(ids)), len(ids))}
    return [DuplicateKey(rows[first], rows[later]) for first, later in sorted(pairs)
            if first in rows and later in rows and rows[later].state == "unsold"]


def products_with_duplicate_keys(shop: Shop) -> list[str]:
    """The names of the active products with a pending duplicate key, by name."""
    require_owner(shop, "product_list")
    later_ids = [later for _, _, later in duplicate_pairs()]
    if not later_ids:
        return []
    names = (Product.select(Product.name).join(CardKey, on=(CardKey.product == Product.id))
             .where(Product.active & CardKey.id.in_(later_ids) & (CardKey.state == "unsold"))
             .distinct().tuples())
    return sorted((name for (name,) in names), key=str.casefold)


def _card_key(key_id: int) -> CardKey:
    key = CardKey.get_or_none(CardKey.id == key_id)
    if key is None:
        raise NotFound(what="card_key", id=key_id)
    return key


def mark_key_faulty(shop: Shop, key_id: int) -> None:
    """A key that does not work: out of stock for good, or flagged on the order it was sold
    on until it is replaced. Kept, never deleted: it is part of that order's history."""
    require_owner(shop, "cardkey_faulty")
    with shop.write():
        key = _card_key(key_id)
        marked = (CardKey.update(state="faulty")
                  .where((CardKey.id == key_id)
                         & CardKey.state.in_(("unsold", "sold", "returned")))
                  .execute())
        if marked != 1:
            raise InvalidState(what="card_key", id=key_id, state=key.state)
        audit.record(shop, "cardkey_faulty", key_id, product=key.product_id, was=key.state,
                     order_line=key.order_line_id)


def put_key_back_on_sale(shop: Shop, key_id: int) -> None:
    """The owner checked a returned key (the customer never used it): sell it again."""
    require_owner(shop, "cardkey_restock")
    with shop.write():
        key = _card_key(key_id)
        restocked = (CardKey.update(state="unsold", order_line=None, sold_at=None)
                     .where((CardKey.id == key_id) & (CardKey.state == "returned")).execute())
        if restocked != 1:
            raise InvalidState(what="card_key", id=key_id, state=key.state)
        audit.record(shop, "cardkey_restock", key_id, product=key.product_id, was=key.state,
                     order_line=key.order_line_id)


def _claim_replacement(key: CardKey) -> CardKey:
    """An unsold key of the same product, claimed with ``WHERE state = 'unsold'``."""
    now = utc_now()
    while True:
        candidate = (CardKey.select(CardKey.id)
                     .where((CardKey.product == key.product_id) & (CardKey.state == "unsold"))
                     .order_by(CardKey.id).first())
        if candidate is None:
            raise OutOfStock(product=key.product.name, product_id=key.product_id, wanted=1,
                             available=0)
        claimed = (CardKey.update(state="sold", order_line=key.order_line_id, sold_at=now)
                   .where((CardKey.id == candidate.id) & (CardKey.state == "unsold"))
                   .execute())
        if claimed:
            return CardKey.get_by_id(candidate.id)


def _key_order_id(key_id: int) -> int | None:
    """The order a key is sold on now (a key sold again after a refund: the later one)."""
    order_id: int | None = (OrderLine.select(OrderLine.order)
                            .join(CardKey, on=(CardKey.order_line == OrderLine.id))
                            .where(CardKey.id == key_id).scalar())
    return order_id


def replace_faulty_key(shop: Shop, key_id: int) -> CardKey:
    """Hand the customer a fresh key in place of a faulty one: the voucher that carried the
    faulty key now carries the new one. The faulty key stays on record with its order.
    A refund of that order at the same instant at another PC goes first or after, never both
    (the customer would get the money back and a new key): the order's rows are locked as the
    refund locks them, before anything is read. After a refund: refused, nothing changed."""
    require_owner(shop, "cardkey_replace")
    with shop.write():
        order_id = _key_order_id(key_id)  # which rows to lock; what it is decided on, after
        if order_id is not None:
            refunds.lock_order(shop, order_id)
        key = _card_key(key_id)
        if key.state == "faulty" and order_id is not None:
            _refuse_refunded(key_id, order_id)
        # A key sold again after a refund: the voucher handing it over now, not the void one.
        voucher = Voucher.get_or_none((Voucher.card_key == key_id) & (Voucher.state == "valid"))
        if key.state != "faulty" or voucher is None:
            raise InvalidState(what="card_key", id=key_id, state=key.state)
        order = Order.get_by_id(voucher.order_id)
        if order.status != "paid" or voucher.state != "valid":
            raise InvalidState(what="order", id=order.id, state=order.status)
        fresh = _claim_replacement(key)
        Voucher.update(card_key=fresh.id).where(Voucher.id == voucher.id).execute()
        audit.record(shop, "cardkey_replace", key_id, replacement=fresh.id, voucher=voucher.id,
                     order=order.id, product=key.product_id)
    return fresh


def _refuse_refunded(key_id: int, order_id: int) -> None:
    """The faulty key's voucher was refunded (the order, or the key's part of it): the
    customer has the money back, so no new key; said with the refund's time."""
    voucher = (Voucher.select().where((Voucher.card_key == key_id)
                                      & (Voucher.order == order_id)).first())
    if voucher is not None and voucher.state == "void":
        raise InvalidState(what="card_key", id=key_id, state="key_refunded", order=order_id,
                           **refund_records.refunded_facts(voucher))
