"""A pass is sold with the uses and days it was ordered with, like its price: an edit of the
product while the order is unpaid changes neither (last session's note: "Car wash x5" ordered,
edited to x3, then paid, issued three washes for the price of five)."""

from __future__ import annotations

import datetime as dt

from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations

from desktop_app.core import fulfilment, migrations, orders, products
from desktop_app.core.models import OrderLine, SchemaVersion, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")


def _window_days(voucher: Voucher) -> float:
    return float((voucher.valid_until - voucher.issued_at) / dt.timedelta(days=1))


def test_a_pass_ordered_before_an_edit_keeps_its_uses_and_days(shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash x5", "100", "service", uses=5, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 2)])
    products.update_product(shop, wash.id, uses=3, valid_days=10)
    (issued,) = fulfilment.pay_order(shop, order.id)
    voucher = Voucher.get_by_id(issued.id)
    assert (voucher.uses_total, voucher.uses_left) == (10, 10)
    assert _window_days(voucher) == 30
    later = orders.create_order(shop, [(wash.id, 1)])
    (new,) = fulfilment.pay_order(shop, later.id)
    assert Voucher.get_by_id(new.id).uses_total == 3
    assert _window_days(Voucher.get_by_id(new.id)) == 10


def test_days_taken_away_after_ordering_are_still_given(shop: Shop) -> None:
    coffee = products.add_product(shop, "Coffee", "5", "service", valid_days=7)
    order = orders.create_order(shop, [(coffee.id, 1)])
    products.update_product(shop, coffee.id, valid_days=None)
    (issued,) = fulfilment.pay_order(shop, order.id)
    assert _window_days(Voucher.get_by_id(issued.id)) == 7


def test_a_batch_line_keeps_the_terms_it_was_issued_with(shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash x5", "100", "service", uses=5, valid_days=30)
    fulfilment.issue_batch(shop, wash.id, 3)
    line = OrderLine.get(OrderLine.product == wash.id)
    assert (line.unit_uses, line.unit_valid_days) == (5, 30)


def test_step_12_leaves_older_lines_to_the_terms_at_payment(shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash x5", "100", "service", uses=5, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 1)])
    migrator = SchemaMigrator.from_database(shop.db)
    run_operations(migrator.drop_column("order_line", "unit_uses"),
                   migrator.drop_column("order_line", "unit_valid_days"))
    SchemaVersion.delete().where(SchemaVersion.version > 11).execute()
    SchemaVersion.create(version=11)
    assert migrations.migrate(shop.db) == 11
    assert migrations.STEPS[12 - 2] is migrations.add_line_terms  # version 12, later ones after
    assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
    assert OrderLine.get(OrderLine.order == order.id).unit_uses is None
    products.update_product(shop, wash.id, uses=4, valid_days=20)
    (issued,) = fulfilment.pay_order(shop, order.id)
    voucher = Voucher.get_by_id(issued.id)
    assert voucher.uses_total == 4 and _window_days(voucher) == 20  # the rule it was made under
