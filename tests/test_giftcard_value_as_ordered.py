"""A gift card is worth what it was ordered at, like its price: an edit of the product while
the order is unpaid changes neither (the products helper's note: a ¥200 order paid after the
card became ¥250 issued a ¥250 card for ¥200)."""

from __future__ import annotations

from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations

from desktop_app.core import fulfilment, migrations, orders, products
from desktop_app.core.models import OrderLine, SchemaVersion, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")


def test_a_card_ordered_before_an_edit_keeps_the_value_it_was_ordered_at(shop: Shop) -> None:
    card = products.add_product(shop, "Gift card", "200", "giftcard")
    order = orders.create_order(shop, [(card.id, 2)])
    products.update_product(shop, card.id, price="250")  # the value follows the price
    assert products.product_detail(shop, card.id).value_cents == 25000
    issued = fulfilment.pay_order(shop, order.id)
    assert [Voucher.get_by_id(v.id).balance_cents for v in issued] == [20000, 20000]
    assert orders.order_detail(shop, order.id).order.total_cents == 40000
    later = orders.create_order(shop, [(card.id, 1)])
    (new_card,) = fulfilment.pay_order(shop, later.id)
    assert Voucher.get_by_id(new_card.id).balance_cents == 25000


def test_step_11_leaves_older_lines_to_the_value_at_payment(shop: Shop) -> None:
    card = products.add_product(shop, "Gift card", "100", "giftcard", value="110")
    order = orders.create_order(shop, [(card.id, 1)])
    run_operations(SchemaMigrator.from_database(shop.db).drop_column(
        "order_line", "unit_value_cents"))
    SchemaVersion.delete().where(SchemaVersion.version > 10).execute()
    SchemaVersion.create(version=10)
    assert migrations.migrate(shop.db) == 10
    assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
    assert OrderLine.get(OrderLine.order == order.id).unit_value_cents is None
    products.update_product(shop, card.id, value="120")
    (issued,) = fulfilment.pay_order(shop, order.id)
    assert Voucher.get_by_id(issued.id).balance_cents == 12000  # the rule it was made under
