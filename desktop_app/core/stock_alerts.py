"""Low stock: a threshold per product (unsold card keys, or the stock of goods and other
products sold from a limited stock), and the products at or under it."""

from __future__ import annotations

from dataclasses import dataclass

from peewee import fn

from desktop_app.core.models import CardKey, Product
from desktop_app.core.products import get_product, update_product
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop


@dataclass(frozen=True)
class LowStock:
    product_id: int
    name: str
    unsold: int
    threshold: int


def set_low_stock_threshold(shop: Shop, product_id: int, threshold: int | None) -> None:
    """Warn when a product has ``threshold`` left or fewer (unsold keys, or its stock); None
    or 0: never. A product edit like any other (checked and audited there)."""
    update_product(shop, product_id, low_stock_threshold=threshold)


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
