"""Low stock: a threshold per product (unsold card keys, or the stock of goods and other
products sold from a limited stock), and the products at or under it."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from desktop_app.core import audit
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import CardKey, Product
from desktop_app.core.products import get_product
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class LowStock:
    product_id: int
    name: str
    unsold: int
    threshold: int


def set_low_stock_threshold(shop: Shop, product_id: int, threshold: int | None) -> None:
    """Warn when a card-key product has ``threshold`` unsold keys or fewer; None: never."""
    require_owner(shop, "product_update")
    if threshold is not None and not 0 <= threshold <= 1_000_000:
        raise InvalidInput(field="threshold", problem="out_of_range", low=0, high=1_000_000)
    with shop.write():
        product = get_product(product_id)
        before = product.low_stock_threshold
        Product.update(low_stock_threshold=threshold).where(Product.id == product_id).execute()
        audit.record(shop, "product_update", product_id, before={"low_stock_threshold": before},
                     after={"low_stock_threshold": threshold})


def low_stock(shop: Shop) -> list[LowStock]:
    """Active products at or under their threshold: card keys by their unsold keys, the
    others by their stock (unlimited stock never runs low), by name."""
    require_owner(shop, "product_list")
    unsold = (CardKey.select(fn.COUNT(CardKey.id)).where(
        (CardKey.product == Product.id) & (CardKey.state == "unsold")))
    watched = Product.active & Product.low_stock_threshold.is_null(False)
    keys = (Product.select(Product.id, Product.name, Product.low_stock_threshold,
                           unsold.alias("left"))
            .where(watched & (Product.kind == "cardkey") & Product.reusable_key.is_null()))
    counted = (Product.select(Product.id, Product.name, Product.low_stock_threshold,
                              Product.stock.alias("left"))
               .where(watched & (Product.kind != "cardkey") & Product.stock.is_null(False)))
    low = [LowStock(p.id, p.name, p.left, p.low_stock_threshold)
           for query in (keys, counted) for p in query if p.left <= p.low_stock_threshold]
    return sorted(low, key=lambda found: found.name.casefold())


def low_stock_threshold(shop: Shop, product_id: int) -> int | None:
    require_owner(shop, "product_list")
    threshold: int | None = get_product(product_id).low_stock_threshold
    return threshold
