"""Products, stock and card keys."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import hmac
import io
from dataclasses import dataclass, field
from decimal import Decimal

from peewee import fn

from desktop_app.core import audit
from desktop_app.core.auth import require_owner
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.models import CardKey, Product, utc_now
from desktop_app.core.money import parse_money
from desktop_app.core.store import Shop

KINDS = ("service", "cardkey", "goods")
MAX_USES = 10_000
MAX_VALID_DAYS = 36_600
MAX_CARD_KEY_LENGTH = 512


@dataclass(frozen=True)
class ProductRow:
    """A product as lists show it: with its current stock (None = unlimited)."""

    id: int
    name: str
    kind: str
    price_cents: int
    uses_per_voucher: int
    valid_days: int | None
    stock: int | None
    active: bool
    reusable_key: bool


def _check_int(value: int | None, field_name: str, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise InvalidInput(field=field_name, problem="out_of_range", low=low, high=high)


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput(field="name", problem="required")
    if len(cleaned) > 200:
        raise InvalidInput(field="name", problem="too_long", maximum=200)
    return cleaned


def add_product(
    shop: Shop,
    name: str,
    price: str | Decimal,
    kind: str = "service",
    uses: int = 1,
    valid_days: int | None = None,
    stock: int | None = None,
    reusable_key: str | None = None,
    valid_from: dt.datetime | None = None,
    valid_until: dt.datetime | None = None,
) -> Product:
    require_owner(shop, "product_add")
    if kind not in KINDS:
        raise InvalidInput(field="kind", problem="choice", choices=",".join(KINDS))
    cleaned = _clean_name(name)
    price_cents = parse_money(price)
    _check_int(uses, "uses", 1, MAX_USES)
    _check_int(valid_days, "valid_days", 1, MAX_VALID_DAYS)
    _check_int(stock, "stock", 0, 10**9)
    if kind == "cardkey" and stock is not None:
        raise InvalidInput(field="stock", problem="cardkey_stock")
    if valid_from and valid_until and valid_until <= valid_from:
        raise InvalidInput(field="valid_until", problem="before_start")
    with shop.write():
        product = Product.create(
            name=cleaned, kind=kind, price_cents=price_cents,
            uses_per_voucher=uses if kind == "service" else 1, valid_days=valid_days,
            valid_from=valid_from, valid_until=valid_until, stock=stock,
            reusable_key=(reusable_key or None) if kind == "cardkey" else None,
        )
        audit.record(shop, "product_add", product.id, kind=kind, price_cents=price_cents,
                     uses=product.uses_per_voucher, stock=stock)
    return product


def get_product(product_id: int) -> Product:
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound(what="product", id=product_id)
    return product


def unsold_key_counts() -> dict[int, int]:
    query = (CardKey.select(CardKey.product, fn.COUNT(CardKey.id).alias("n"))
             .where(CardKey.state == "unsold").group_by(CardKey.product))
    return {row.product_id: row.n for row in query}


def product_stock(product: Product, key_counts: dict[int, int] | None = None) -> int | None:
    if product.kind == "cardkey":
        if product.reusable_key:
            return None
        counts = key_counts if key_counts is not None else unsold_key_counts()
        return counts.get(product.id, 0)
    return product.stock


def list_products(shop: Shop, include_archived: bool = False) -> list[ProductRow]:
    require_owner(shop, "product_list")
    query = Product.select().order_by(Product.name, Product.id)
    if not include_archived:
        query = query.where(Product.active == True)  # noqa: E712 (peewee expression)
    counts = unsold_key_counts()
    return [
        ProductRow(p.id, p.name, p.kind, p.price_cents, p.uses_per_voucher, p.valid_days,
                   product_stock(p, counts), p.active, bool(p.reusable_key))
        for p in query
    ]


def set_archived(shop: Shop, product_id: int, archived: bool) -> None:
    require_owner(shop, "product_archive")
    with shop.write():
        product = get_product(product_id)
        product.active = not archived
        product.updated_at = utc_now()
        product.save()
        audit.record(shop, "product_archive" if archived else "product_restore", product_id)


# --- card keys -----------------------------------------------------------------------------


def key_fingerprint(shop: Shop, secret: str) -> str:
    """A keyed hash of a card key: finds duplicates without comparing secrets in the clear."""
    salt = bytes.fromhex(shop.setting("card_key_salt"))
    return hmac.new(salt, secret.encode("utf-8"), hashlib.sha256).hexdigest()


def mask_key(secret: str) -> str:
    """First 6 and last 4 characters; everything between hidden."""
    if len(secret) <= 10:
        return secret[:2] + "…" if len(secret) > 2 else "…"
    return f"{secret[:6]}…{secret[-4:]}"


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


def _is_malformed(candidate: str) -> bool:
    return (len(candidate) > MAX_CARD_KEY_LENGTH or any(ord(c) < 32 for c in candidate)
            or candidate.casefold() in {"key", "code", "cardkey", "card key", "卡密", "激活码"})


def preview_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """What importing ``text`` would do, without changing anything."""
    require_owner(shop, "cardkey_import")
    product = get_product(product_id)
    if product.kind != "cardkey":
        raise InvalidInput(field="product", problem="not_cardkey")
    report = KeyImportReport()
    seen: set[str] = set()
    for candidate in _key_candidates(text):
        if not candidate:
            report.blank += 1
        elif _is_malformed(candidate):
            report.malformed += 1
        else:
            fingerprint = key_fingerprint(shop, candidate)
            exists = CardKey.select().where(
                (CardKey.product == product) & (CardKey.fingerprint == fingerprint)).exists()
            if fingerprint in seen or exists:
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
