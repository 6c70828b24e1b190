"""Card keys: fingerprints, import with a preview, the list (a page at a time, counted and
searched by the database), faulty keys and replacements."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass, field

from peewee import JOIN, Expression, ModelSelect, fn

from desktop_app.core import audit, dialect
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound, OutOfStock
from desktop_app.core.key_pattern import (
    MAX_CARD_KEY_LENGTH,
    key_matches,
    mask_key,
)
from desktop_app.core.key_rows import (
    KeyLine,
    is_header_word,
    key_number,
    read_key_text,
    refuse_excel_numbers,
)
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.products import get_product
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop


def key_fingerprint(shop: Shop, secret: str) -> str:
    """A keyed hash of a card key's number (before " / "): finds duplicates without comparing
    secrets in the clear, and one number with two passwords is one key (QA s15a F1). Keys
    imported before then hold the hash of their whole text (the same for a key of one part)."""
    return _keyed_hash(shop, key_number(secret))


def _keyed_hash(shop: Shop, text: str) -> str:
    return hmac.new(shop.card_key_salt, text.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass
class KeyImportReport:
    new: list[str] = field(default_factory=list)
    duplicate: int = 0  # its number already in this product's stock, or twice in the file
    other_product: int = 0  # already in the shop under another product: never sold twice
    blank: int = 0
    malformed: int = 0
    imported: int = 0
    header: tuple[str, ...] = ()  # the header row left out, its cells; empty when none
    joined: int = 0  # new keys made of several columns (number / password)
    # Of the duplicates and those under another product: the number the same, the rest of
    # the key (a password) not. Never imported; the owner asks the supplier which is right.
    conflicting: int = 0
    kept_columns: tuple[str, ...] = ()  # the header's names of the columns a key is made of
    ignored_columns: tuple[str, ...] = ()  # named a note, a price, a date…: no part of a key


def _fits(cell: str, product: Product) -> bool:
    return key_matches(cell, product.key_min_length, product.key_max_length,
                       product.key_alphabet)


def _is_malformed(line: KeyLine, product: Product) -> bool:
    """Not a key: too long, control characters, a header word, or a first column that is not
    the product's pattern (the other columns of a row are kept as they are)."""
    return (len(line.text) > MAX_CARD_KEY_LENGTH
            or any(ord(c) < 32 for cell in line.parts for c in cell)
            or is_header_word(line.first) or not _fits(line.first, product))


# Fingerprints looked up per query: well under every engine's limit on parameters.
LOOKUP_BATCH = 500


def stock_holding(product_ids: list[int], fingerprints: list[str]) -> ModelSelect:
    """(fingerprint, product) of the keys of ``product_ids`` with one of ``fingerprints``:
    both lists given as values, so that either engine searches the (product, fingerprint)
    index for each pair instead of reading every key (a subquery made PostgreSQL do that)."""
    return (CardKey.select(CardKey.fingerprint, CardKey.product)
            .where(CardKey.product.in_(product_ids) & CardKey.fingerprint.in_(fingerprints)))


def _card_key_products() -> list[int]:
    return [product_id for (product_id,) in Product.select(Product.id)
            .where(Product.kind == "cardkey").tuples()]


def _fingerprints_in_stock(fingerprints: list[str]) -> dict[str, int]:
    """Which of ``fingerprints`` the shop holds, under which product: a box of 10,000 keys
    costs a few queries."""
    product_ids = _card_key_products()
    found: dict[str, int] = {}
    for start in range(0, len(fingerprints), LOOKUP_BATCH):
        batch = fingerprints[start : start + LOOKUP_BATCH]
        found.update(stock_holding(product_ids, batch).tuples())
    return found


def _secrets_in_stock(fingerprints: list[str]) -> dict[str, str]:
    """The keys the shop holds with ``fingerprints``, by fingerprint: the few a file repeats."""
    product_ids = _card_key_products()
    held: dict[str, str] = {}
    for start in range(0, len(fingerprints), LOOKUP_BATCH):
        batch = fingerprints[start : start + LOOKUP_BATCH]
        held.update((fingerprint, secret) for fingerprint, secret in CardKey.select(
            CardKey.fingerprint, CardKey.secret).where(
            CardKey.product.in_(product_ids) & CardKey.fingerprint.in_(batch)).tuples())
    return held


def preview_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """What importing ``text`` would do, without changing anything."""
    require_owner(shop, "cardkey_import")
    product = get_product(product_id)
    if product.kind != "cardkey":
        raise InvalidInput(field="product", problem="not_cardkey")
    read = read_key_text(text, lambda cell: _fits(cell, product))
    refuse_excel_numbers(read.lines)
    report = KeyImportReport(header=read.header, kept_columns=read.kept_columns,
                             ignored_columns=read.ignored_columns)
    candidates: dict[str, KeyLine] = {}  # by the fingerprint of its number, the file's first
    for line in read.lines:
        if not line.parts:
            report.blank += 1
        elif _is_malformed(line, product):
            report.malformed += 1
        else:
            fingerprint = key_fingerprint(shop, line.text)
            if fingerprint in candidates:
                report.duplicate += 1
                report.conflicting += candidates[fingerprint].text != line.text
            else:
                candidates[fingerprint] = line
    _sort_against_stock(shop, product_id, candidates, report)
    return report


def _sort_against_stock(shop: Shop, product_id: int, candidates: dict[str, KeyLine],
                        report: KeyImportReport) -> None:
    """New, or held already (by this product or another): by the key's number, and for a key
    of several parts also by its whole text, as keys imported before were fingerprinted."""
    # The whole text's fingerprint of each key of several parts: that of its number.
    whole = {_keyed_hash(shop, line.text): by_number for by_number, line in candidates.items()
             if line.number != line.text}
    in_stock = _fingerprints_in_stock([*candidates, *whole])
    holders = {whole[fingerprint]: holder for fingerprint, holder in in_stock.items()
               if fingerprint in whole}
    holders.update((fp, holder) for fp, holder in in_stock.items() if fp in candidates)
    # Held by number: whether the rest of the key is the same is told by the key itself.
    held = _secrets_in_stock([fp for fp in holders if fp in in_stock])
    for fingerprint, line in candidates.items():
        holder = holders.get(fingerprint)
        if holder is None:
            report.new.append(line.text)
            report.joined += len(line.parts) > 1
            continue
        if holder == product_id:
            report.duplicate += 1
        else:
            report.other_product += 1
        report.conflicting += held.get(fingerprint, line.text) != line.text


def import_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """Add the new keys in ``text`` to stock; duplicates, blanks and malformed lines refused."""
    with shop.write():
        # Two counters importing the same box into two products: one checks after the other's
        # keys are in (the index is unique per product only).
        dialect.serialise(shop.db, dialect.CARD_KEY_IMPORT_LOCK)
        report = preview_card_keys(shop, product_id, text)
        now = utc_now()
        rows = [{"product": product_id, "secret": key, "fingerprint": key_fingerprint(shop, key),
                 "imported_at": now} for key in report.new]
        for start in range(0, len(rows), 500):
            CardKey.insert_many(rows[start : start + 500]).execute()
        report.imported = len(rows)
        audit.record(shop, "cardkey_import", product_id, imported=report.imported,
                     duplicate=report.duplicate, other_product=report.other_product,
                     blank=report.blank, malformed=report.malformed,
                     conflicting=report.conflicting)
    return report


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
_NOT_ALNUM = re.compile(r"[\W_]+")  # what a key is compared without: case, hyphens, spaces


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
    wanted = _comparable(typed)
    named: list[int] = []
    if not wanted or limit <= 0:
        return named
    # Secrets are compared here, not in SQL: on a server they are sealed in their column.
    for key_id, secret in (CardKey.select(CardKey.id, CardKey.secret).where(where)
                           .order_by(CardKey.id.desc()).tuples().iterator()):
        if wanted in _comparable(secret) and key_id not in skip and key_named_by(secret, typed):
            named.append(key_id)
            if len(named) == limit:
                break
    return named


def key_named_by(secret: str, typed: str) -> bool:
    """``typed`` is the whole key or its number (before " / "), or a part of what its mask
    shows, compared without case, hyphens or spaces. Never a part the mask hides: a search
    must not tell, a character at a time, what the list keeps hidden."""
    wanted = _comparable(typed)
    if not wanted:
        return False
    number = key_number(secret)
    if wanted in (_comparable(secret), _comparable(number)):
        return True
    return any(wanted in _comparable(shown) for shown in mask_key(secret).split("…"))


def _comparable(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


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


def replace_faulty_key(shop: Shop, key_id: int) -> CardKey:
    """Hand the customer a fresh key in place of a faulty one: the voucher that carried the
    faulty key now carries the new one. The faulty key stays on record with its order."""
    require_owner(shop, "cardkey_replace")
    with shop.write():
        key = _card_key(key_id)
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
