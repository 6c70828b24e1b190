"""Card keys: fingerprints, import with a preview, the list, faulty keys and replacements."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
from dataclasses import dataclass, field

from desktop_app.core import audit
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound, OutOfStock
from desktop_app.core.models import CardKey, Order, OrderLine, Product, Voucher
from desktop_app.core.products import MAX_CARD_KEY_LENGTH, get_product, key_matches, mask_key
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop


def key_fingerprint(shop: Shop, secret: str) -> str:
    """A keyed hash of a card key: finds duplicates without comparing secrets in the clear."""
    salt = shop.card_key_salt
    return hmac.new(salt, secret.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass
class KeyImportReport:
    new: list[str] = field(default_factory=list)
    duplicate: int = 0  # already in stock, or twice in the file
    blank: int = 0
    malformed: int = 0
    imported: int = 0


def _key_candidates(text: str) -> list[str]:
    """One key per line; in a CSV, the first column (a header row is recognised as malformed)."""
    text = text.lstrip("\ufeff")
    rows: list[str] = []
    for line in text.splitlines():
        if "," in line or ";" in line or "\t" in line:
            dialect = csv.excel_tab if "\t" in line else csv.excel
            delimiter = ";" if ";" in line and "," not in line else dialect.delimiter
            fields = next(csv.reader(io.StringIO(line), dialect, delimiter=delimiter), [""])
            rows.append(fields[0] if fields else "")
        else:
            rows.append(line)
    return [row.strip() for row in rows]


def _is_malformed(candidate: str, product: Product) -> bool:
    """Not a key: too long, control characters, a header row, or not the product's pattern."""
    return (len(candidate) > MAX_CARD_KEY_LENGTH or any(ord(c) < 32 for c in candidate)
            or candidate.casefold() in {"key", "code", "cardkey", "card key", "卡密", "激活码"}
            or not key_matches(candidate, product.key_min_length, product.key_max_length,
                               product.key_alphabet))


def preview_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """What importing ``text`` would do, without changing anything."""
    require_owner(shop, "cardkey_import")
    product = get_product(product_id)
    if product.kind != "cardkey":
        raise InvalidInput(field="product", problem="not_cardkey")
    report = KeyImportReport()
    # Fingerprints already in stock, read once: a box of 10,000 keys must not cost a query each.
    seen = {fingerprint for (fingerprint,) in CardKey.select(CardKey.fingerprint)
            .where(CardKey.product == product).tuples()}
    for candidate in _key_candidates(text):
        if not candidate:
            report.blank += 1
        elif _is_malformed(candidate, product):
            report.malformed += 1
        else:
            fingerprint = key_fingerprint(shop, candidate)
            if fingerprint in seen:
                report.duplicate += 1
            else:
                seen.add(fingerprint)
                report.new.append(candidate)
    return report


def import_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """Add the new keys in ``text`` to stock; duplicates, blanks and malformed lines refused."""
    with shop.write():
        report = preview_card_keys(shop, product_id, text)
        now = utc_now()
        rows = [{"product": product_id, "secret": key, "fingerprint": key_fingerprint(shop, key),
                 "imported_at": now} for key in report.new]
        for start in range(0, len(rows), 500):
            CardKey.insert_many(rows[start : start + 500]).execute()
        report.imported = len(rows)
        audit.record(shop, "cardkey_import", product_id, imported=report.imported,
                     duplicate=report.duplicate, blank=report.blank, malformed=report.malformed)
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


def list_card_keys(shop: Shop, product_id: int) -> list[KeyRow]:
    require_owner(shop, "cardkey_list")
    get_product(product_id)
    on_vouchers = {row.card_key_id for row in Voucher.select(Voucher.card_key)
                   .where(Voucher.product == product_id, Voucher.card_key.is_null(False),
                          Voucher.state == "valid")}
    line_orders = {line.id: line.order_id for line in OrderLine.select(
        OrderLine.id, OrderLine.order).where(OrderLine.product == product_id)}
    return [KeyRow(key.id, mask_key(key.secret), key.state, line_orders.get(key.order_line_id),
                   key.imported_at, key.sold_at, key.state == "faulty" and key.id in on_vouchers)
            for key in CardKey.select().where(CardKey.product == product_id).order_by(CardKey.id)]


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
