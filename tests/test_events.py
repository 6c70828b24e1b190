"""A core write says what it changed, through the audit event every change appends."""

from __future__ import annotations

import re
import threading
from pathlib import Path

from desktop_app.core import events, fulfilment, orders, products
from desktop_app.core.store import Shop

CORE = Path(__file__).resolve().parent.parent / "desktop_app" / "core"


def test_paying_an_order_reports_orders_vouchers_and_stock(shop: Shop) -> None:
    product = products.add_product(shop, "Car wash", "20", uses=5, stock=10)
    order = orders.create_order(shop, [(product.id, 2)])
    events.take()
    fulfilment.pay_order(shop, order.id, "cash")
    changed = events.take()
    assert {events.ORDERS, events.VOUCHERS} <= changed
    assert events.PRODUCTS in changed  # stock is taken at payment
    assert events.take() == frozenset()  # taken once


def test_a_product_change_reports_products_only(shop: Shop) -> None:
    events.take()
    products.add_product(shop, "Coffee", "5")
    assert events.take() == {events.PRODUCTS}


def test_changes_are_collected_per_thread(shop: Shop) -> None:
    events.take()
    seen: list[frozenset[str]] = []
    worker = threading.Thread(target=lambda: seen.append(events.take()))
    products.add_product(shop, "Coffee", "5")
    worker.start()
    worker.join()
    assert seen == [frozenset()]
    assert events.take() == {events.PRODUCTS}


def test_every_audit_kind_recorded_in_core_says_what_it_changes() -> None:
    recorded: set[str] = set()
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"audit\.record\(\s*shop,\s*([^,]+),", text):
            recorded.update(re.findall(r'"([a-z_]+)"', call.group(1)))
    assert recorded, "no audit.record call found: the pattern above is out of date"
    assert recorded <= set(events.CHANGES_BY_AUDIT_KIND), recorded - set(
        events.CHANGES_BY_AUDIT_KIND)
