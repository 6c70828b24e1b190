"""Products and their stock: add, edit, archive, and the owner's views of them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from types import EllipsisType
from typing import cast

from peewee import fn

from desktop_app.core import audit
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, InvalidState, NotFound
from desktop_app.core.key_pattern import KEY_ALPHABETS, MAX_CARD_KEY_LENGTH, mask_key
from desktop_app.core.models import CardKey, Product
from desktop_app.core.money import parse_money
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop
from desktop_app.core.text import MAX_NAME, checked_text

KINDS = ("service", "cardkey", "goods", "giftcard")
MAX_USES = 10_000
MAX_VALID_DAYS = 36_600


def _check_key_pattern(min_length: object, max_length: object, alphabet: object) -> None:
    _check_int(min_length, "key_min_length", 1, MAX_CARD_KEY_LENGTH)  # type: ignore[arg-type]
    _check_int(max_length, "key_max_length", 1, MAX_CARD_KEY_LENGTH)  # type: ignore[arg-type]
    if min_length is not None and max_length is not None and max_length < min_length:  # type: ignore[operator]
        raise InvalidInput(field="key_max_length", problem="below_minimum")
    if alphabet is not None and alphabet not in KEY_ALPHABETS:
        raise InvalidInput(field="key_alphabet", problem="choice",
                           choices=",".join(KEY_ALPHABETS))


def _check_int(value: int | None, field_name: str, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise InvalidInput(field=field_name, problem="out_of_range", low=low, high=high)


def _clean_name(name: str) -> str:
    return " ".join(checked_text(name, "name", MAX_NAME, required=True).split())


def window_ended(kind: str, valid_until: dt.datetime | None,
                 now: dt.datetime | None = None) -> bool:
    """Whether a product's "between two dates" window is over: every voucher sold now would be
    expired at once (QA: a typo in the year put dead vouchers on sale). Goods carry no validity."""
    return kind != "goods" and valid_until is not None and valid_until <= (now or utc_now())


def check_on_sale(product: Product) -> None:
    """Refuses selling ``product`` when it is archived or its window has ended."""
    if not product.active:
        raise InvalidInput(field="product", problem="archived", id=product.id)
    if window_ended(product.kind, product.valid_until):
        raise InvalidInput(field="product", problem="ended", id=product.id,
                           product=product.name)


def terms_as_ordered(product: Product) -> dict[str, int | None]:
    """What an order line keeps of ``product`` besides its price, so an edit before payment
    changes nothing the customer was sold: a gift card's value, a pass's uses and days."""
    return {"unit_value_cents": product.value_cents, "unit_uses": product.uses_per_voucher,
            "unit_valid_days": product.valid_days}


def _check_window(start: dt.datetime | None, end: dt.datetime | None,
                  new_end: bool = True) -> None:
    """An end after the start; a new end not passed already (a product whose window ended
    stays editable for everything else)."""
    if start and end and end <= start:
        raise InvalidInput(field="valid_until", problem="before_start")
    if new_end and end is not None and end <= utc_now():
        raise InvalidInput(field="valid_until", problem="in_past")


def _threshold(value: object) -> int | None:
    """A low-stock warning level; None or 0: no warning."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(field="threshold", problem="not_a_number")
    _check_int(value, "threshold", 0, MAX_LOW_STOCK)
    return value or None


def _gift_value(value: object, price_cents: int) -> int:
    """A gift card's value as typed; None or blank: its price."""
    blank = value is None or not str(value).strip()
    value_cents = price_cents if blank else parse_money(value, "value")  # type: ignore[arg-type]
    if value_cents <= 0:
        raise InvalidInput(field="value", problem="not_positive")
    return value_cents


def _name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _check_unique_name(name: str, product_id: int | None = None) -> None:
    """Two products of one name make orders and reports ambiguous; an archived product keeps
    its name too (it can be restored). Compared as they read: without regard to case, and
    full-width letters, digits and spaces as their plain forms (QA s35a F5: "洗车　５　次",
    typed with a Chinese input method in full-width mode, sat beside "洗车 5 次")."""
    wanted = _name_key(name)
    query = Product.select(Product.id, Product.name, Product.active)
    if product_id is not None:
        query = query.where(Product.id != product_id)
    for other in query:
        if _name_key(other.name) == wanted:
            problem = "duplicate_name" if other.active else "duplicate_archived_name"
            raise InvalidInput(field="name", problem=problem, name=other.name)


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
    value: str | Decimal | None = None,
    key_min_length: int | None = None,
    key_max_length: int | None = None,
    key_alphabet: str | None = None,
    low_stock_threshold: int | None = None,
) -> Product:
    """A product; a ``giftcard`` carries ``value`` (default: the price) as each card's
    balance, so a promotion may sell 100 of value for 90."""
    require_owner(shop, "product_add")
    if kind not in KINDS:
        raise InvalidInput(field="kind", problem="choice", choices=",".join(KINDS))
    cleaned = _clean_name(name)
    price_cents = parse_money(price)
    value_cents = None
    if kind == "giftcard":
        value_cents = _gift_value(value, price_cents)
    elif value is not None:
        raise InvalidInput(field="value", problem="giftcard_only")
    _check_int(uses, "uses", 1, MAX_USES)
    _check_int(valid_days, "valid_days", 1, MAX_VALID_DAYS)
    _check_int(stock, "stock", 0, 10**9)
    if kind == "cardkey" and stock is not None:
        raise InvalidInput(field="stock", problem="cardkey_stock")
    _check_window(valid_from, valid_until)
    _check_key_pattern(key_min_length, key_max_length, key_alphabet)
    with shop.write():
        _check_unique_name(cleaned)
        product = Product.create(
            name=cleaned, kind=kind, price_cents=price_cents, value_cents=value_cents,
            uses_per_voucher=uses if kind == "service" else 1, valid_days=valid_days,
            valid_from=valid_from, valid_until=valid_until, stock=stock,
            reusable_key=(reusable_key or None) if kind == "cardkey" else None,
            low_stock_threshold=_threshold(low_stock_threshold),
            **({"key_min_length": key_min_length, "key_max_length": key_max_length,
                "key_alphabet": key_alphabet} if kind == "cardkey" else {}),
        )
        value_detail = {} if value_cents is None else {"value_cents": value_cents}
        audit.record(shop, "product_add", product.id, kind=kind, price_cents=price_cents,
                     uses=product.uses_per_voucher, stock=stock, **value_detail)
    return product


def get_product(product_id: int) -> Product:
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise NotFound(what="product", id=product_id)
    return product


def set_archived(shop: Shop, product_id: int, archived: bool) -> None:
    require_owner(shop, "product_archive")
    with shop.write():
        product = get_product(product_id)
        product.active = not archived
        product.updated_at = utc_now()  # type: ignore[assignment]  # peewee: a field's value
        product.save()
        audit.record(shop, "product_archive" if archived else "product_restore", product_id)



EDITABLE_FIELDS = ("name", "price", "value", "uses", "valid_days", "valid_from", "valid_until",
                   "stock", "reusable_key", "key_min_length", "key_max_length", "key_alphabet",
                   "low_stock_threshold")
MAX_LOW_STOCK = 1_000_000
KEY_PATTERN_FIELDS = ("key_min_length", "key_max_length", "key_alphabet")


@dataclass(frozen=True)
class ProductDetail:
    """A product with everything the owner's screens show; plain data, safe across threads.

    The reusable key travels masked: the owner types a new one to change it.
    """

    id: int
    name: str
    kind: str
    price_cents: int
    uses_per_voucher: int
    valid_days: int | None
    valid_from: dt.datetime | None
    valid_until: dt.datetime | None
    stock: int | None  # None: unlimited
    active: bool
    reusable_key_masked: str | None
    keys_unsold: int = 0
    keys_sold: int = 0
    keys_faulty: int = 0
    key_min_length: int | None = None
    key_max_length: int | None = None
    key_alphabet: str | None = None
    keys_returned: int = 0  # back from refunded orders, off sale until the owner checks them
    value_cents: int | None = None  # gift cards: the balance a card sold now carries
    low_stock_threshold: int | None = None  # warn at this stock (unsold keys) or fewer

    def ended(self, now: dt.datetime | None = None) -> bool:
        """Its validity window is over: not sold any more (see ``window_ended``)."""
        return window_ended(self.kind, self.valid_until, now)


def _key_state_counts() -> dict[tuple[int, str], int]:
    query = (CardKey.select(CardKey.product, CardKey.state, fn.COUNT(CardKey.id).alias("n"))
             .group_by(CardKey.product, CardKey.state))
    return {(row.product_id, row.state): row.n for row in query}


def _detail(product: Product, counts: dict[tuple[int, str], int]) -> ProductDetail:
    unsold = counts.get((product.id, "unsold"), 0)
    return ProductDetail(
        product.id, product.name, product.kind, product.price_cents, product.uses_per_voucher,
        product.valid_days, product.valid_from, product.valid_until,
        _stock(product, unsold), product.active,
        mask_key(product.reusable_key) if product.reusable_key else None,
        unsold, counts.get((product.id, "sold"), 0), counts.get((product.id, "faulty"), 0),
        product.key_min_length, product.key_max_length, product.key_alphabet,
        counts.get((product.id, "returned"), 0), product.value_cents,
        product.low_stock_threshold)


def _stock(product: Product, unsold_keys: int) -> int | None:
    """What is left to sell; None for unlimited (and for a key every buyer shares)."""
    if product.kind == "cardkey":
        return None if product.reusable_key else unsold_keys
    return product.stock


def list_products(shop: Shop, include_archived: bool = False) -> list[ProductDetail]:
    """The products on sale (and the archived ones, when asked), by name, with their stock."""
    require_owner(shop, "product_list")
    query = Product.select().order_by(Product.name, Product.id)
    if not include_archived:
        query = query.where(Product.active == True)  # noqa: E712 (peewee expression)
    counts = _key_state_counts()
    return [_detail(product, counts) for product in query]


def products_on_sale(shop: Shop) -> list[ProductDetail]:
    """What a new order may sell: not archived, and its validity window not over."""
    now = utc_now()
    return [product for product in list_products(shop) if not product.ended(now)]


def product_detail(shop: Shop, product_id: int) -> ProductDetail:
    require_owner(shop, "product_list")
    product = get_product(product_id)
    counts = {key: n for key, n in _key_state_counts().items() if key[0] == product_id}
    return _detail(product, counts)


def _audit_value(name: str, value: object) -> object:
    # The audit log is read by more eyes than the owner's: a reusable key stays masked there.
    if name == "reusable_key" and isinstance(value, str):
        return mask_key(value)
    return value


def _cleaned_changes(product: Product, changes: dict[str, object]) -> dict[str, object]:
    """The changed columns, checked as ``add_product`` checks them."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput(field=sorted(unknown)[0], problem="choice",
                           choices=",".join(EDITABLE_FIELDS))
    columns: dict[str, object] = {}
    if "name" in changes:
        columns["name"] = _clean_name(str(changes["name"]))
    if "price" in changes:
        columns["price_cents"] = parse_money(changes["price"])  # type: ignore[arg-type]
    columns.update(_value_change(product, changes, columns))
    if "uses" in changes and product.kind == "service":
        _check_int(changes["uses"], "uses", 1, MAX_USES)  # type: ignore[arg-type]
        columns["uses_per_voucher"] = changes["uses"]
    if "valid_days" in changes:
        _check_int(changes["valid_days"], "valid_days", 1, MAX_VALID_DAYS)  # type: ignore[arg-type]
        columns["valid_days"] = changes["valid_days"]
    for name in ("valid_from", "valid_until"):
        if name in changes:
            columns[name] = changes[name]
    if "stock" in changes:
        if product.kind == "cardkey" and changes["stock"] is not None:
            raise InvalidInput(field="stock", problem="cardkey_stock")
        _check_int(changes["stock"], "stock", 0, 10**9)  # type: ignore[arg-type]
        columns["stock"] = changes["stock"]
    if "low_stock_threshold" in changes:
        columns["low_stock_threshold"] = _threshold(changes["low_stock_threshold"])
    if "reusable_key" in changes and product.kind == "cardkey":
        key = str(changes["reusable_key"] or "").strip()
        if len(key) > MAX_CARD_KEY_LENGTH or any(ord(c) < 32 for c in key):
            raise InvalidInput(field="reusable_key", problem="too_long",
                               maximum=MAX_CARD_KEY_LENGTH)
        columns["reusable_key"] = key or None
    if product.kind == "cardkey" and any(name in changes for name in KEY_PATTERN_FIELDS):
        pattern = {name: changes.get(name, getattr(product, name)) for name in KEY_PATTERN_FIELDS}
        _check_key_pattern(*pattern.values())
        columns.update(pattern)
    end = columns.get("valid_until", product.valid_until)
    _check_window(columns.get("valid_from", product.valid_from), end,  # type: ignore[arg-type]
                  new_end=end != product.valid_until)
    return columns


def _value_change(product: Product, changes: dict[str, object],
                  columns: dict[str, object]) -> dict[str, object]:
    """A gift card's new value (blank: the price). Without one, a value that equalled the old
    price follows the new price: the owner left it "the price" (QA: a ¥250 card worth ¥200)."""
    price = cast(int, columns.get("price_cents", product.price_cents))
    if "value" in changes:
        if product.kind != "giftcard":
            raise InvalidInput(field="value", problem="giftcard_only")
        return {"value_cents": _gift_value(changes["value"], price)}
    if product.kind == "giftcard" and product.value_cents == product.price_cents:
        return {"value_cents": price}
    return {}


def update_product(shop: Shop, product_id: int, stock_seen: int | EllipsisType | None = ...,
                   **changes: object) -> Product:
    """Change a product's name, price, a gift card's value, uses, validity, stock or reusable key.

    Its kind never changes: vouchers and keys already sold depend on it. Vouchers already
    issued keep the uses, validity and balance they were issued with. The audit event keeps the
    before and after of each column that really changed. ``stock_seen`` is the stock the
    owner was looking at: if a sale changed it since, a new stock figure is refused rather
    than silently overwriting that sale.
    """
    require_owner(shop, "product_update")
    with shop.write():
        product = get_product(product_id)
        if (stock_seen is not ... and "stock" in changes and changes["stock"] != product.stock
                and product.stock != stock_seen):
            raise InvalidState(what="product", id=product_id, state="stock_changed")
        columns = _cleaned_changes(product, changes)
        if "name" in columns and columns["name"] != product.name:
            _check_unique_name(str(columns["name"]), product_id)
        changed = {name: value for name, value in columns.items()
                   if getattr(product, name) != value}
        if not changed:
            return product
        before = {name: _audit_value(name, getattr(product, name)) for name in changed}
        after = {name: _audit_value(name, value) for name, value in changed.items()}
        for name, value in changed.items():
            setattr(product, name, value)
        product.updated_at = utc_now()  # type: ignore[assignment]  # peewee: a field's value
        product.save()
        audit.record(shop, "product_update", product_id, before=before, after=after)
    return product
