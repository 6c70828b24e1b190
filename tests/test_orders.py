"""Inventory and orders: products, card keys, payment issuing vouchers, stock, refunds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import auth, inventory, orders, redemption, vouchers
from desktop_app.core.errors import Forbidden, InvalidInput, InvalidState, OutOfStock
from desktop_app.core.models import CardKey, Order, Product, Voucher
from desktop_app.core.money import money_text, parse_money
from desktop_app.core.store import Shop, open_shop


def test_money_is_exact() -> None:
    assert parse_money("12.5") == 1250
    assert parse_money("0.10") == 10
    assert parse_money("1,299.99") == 129999
    assert money_text(129999) == "1299.99" and money_text(5) == "0.05"
    for bad in ["-1", "1.001", "abc", "NaN", "Infinity", ""]:
        with pytest.raises(InvalidInput):
            parse_money(bad)


def test_product_validation(shop: Shop) -> None:
    with pytest.raises(InvalidInput) as err:
        inventory.add_product(shop, "   ", "1.00")
    assert err.value.params["field"] == "name"
    with pytest.raises(InvalidInput):
        inventory.add_product(shop, "x", "1.00", kind="spaceship")
    with pytest.raises(InvalidInput):
        inventory.add_product(shop, "x", "1.00", uses=0)
    with pytest.raises(InvalidInput):
        inventory.add_product(shop, "x", "1.00", kind="cardkey", stock=5)


def test_archived_product_is_hidden_but_its_vouchers_still_redeem(shop: Shop) -> None:
    wash = inventory.add_product(shop, "Wash", "10.00", uses=2)
    issued = orders.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    inventory.set_archived(shop, wash.id, True)
    assert [p.name for p in inventory.list_products(shop)] == []
    assert [p.name for p in inventory.list_products(shop, include_archived=True)] == ["Wash"]
    with pytest.raises(InvalidInput):
        orders.create_order(shop, [(wash.id, 1)])
    assert redemption.redeem(shop, issued[0].payload, "c").ok


def test_card_key_import_counts_duplicates_blanks_bom_crlf_and_chinese(shop: Shop) -> None:
    product = inventory.add_product(shop, "Game 游戏", "30.00", "cardkey")
    text = ("\ufeffkey\r\nAAAA-1111\r\n\r\nBBBB-2222\r\nAAAA-1111\r\n  \r\n中文卡密-333\r\n"
            "CCCC-3333,extra column\r\n" + "x" * 600 + "\r\n")
    preview = inventory.preview_card_keys(shop, product.id, text)
    assert preview.new == ["AAAA-1111", "BBBB-2222", "中文卡密-333", "CCCC-3333"]
    assert (preview.duplicate, preview.blank, preview.malformed) == (1, 2, 2)
    assert CardKey.select().count() == 0  # a preview changes nothing
    report = inventory.import_card_keys(shop, product.id, text)
    assert report.imported == 4
    again = inventory.import_card_keys(shop, product.id, "BBBB-2222\nDDDD-4444\n")
    assert (again.imported, again.duplicate) == (1, 1)
    assert inventory.list_products(shop)[0].stock == 5


def test_card_keys_are_masked() -> None:
    assert inventory.mask_key("ABCDEF-123456-WXYZ") == "ABCDEF…WXYZ"
    assert "1234" not in inventory.mask_key("ABCDEF-123456-WXYZ")


def test_paying_issues_vouchers_once(shop: Shop) -> None:
    wash = inventory.add_product(shop, "Wash x5", "99.00", uses=5, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 2)], "王女士")
    assert order.total_cents == 19800
    issued = orders.pay_order(shop, order.id, "wechat", "WX-1")
    assert len(issued) == 1 and issued[0].uses == 10
    assert issued[0].valid_until is not None
    assert orders.pay_order(shop, order.id, "wechat") == issued  # paying twice: nothing new
    assert Voucher.select().count() == 1
    assert vouchers.qr_version(issued[0].payload) <= vouchers.MAX_QR_VERSION
    assert len(vouchers.normalize(issued[0].code)) == vouchers.TYPED_LEN


def test_card_key_sale_hands_over_one_key_per_unit(shop: Shop) -> None:
    game = inventory.add_product(shop, "Game", "30.00", "cardkey")
    inventory.import_card_keys(shop, game.id, "K-1\nK-2\nK-3\n")
    issued = orders.pay_order(shop, orders.create_order(shop, [(game.id, 2)]).id)
    keys = [Voucher.get_by_id(v.id).card_key.secret for v in issued]
    assert sorted(keys) == ["K-1", "K-2"]
    assert inventory.list_products(shop)[0].stock == 1


def test_not_enough_stock_refuses_payment_and_changes_nothing(shop: Shop) -> None:
    game = inventory.add_product(shop, "Game", "30.00", "cardkey")
    inventory.import_card_keys(shop, game.id, "K-1\n")
    box = inventory.add_product(shop, "Box", "5.00", "goods", stock=3)
    order = orders.create_order(shop, [(box.id, 2), (game.id, 2)])
    with pytest.raises(OutOfStock) as err:
        orders.pay_order(shop, order.id)
    assert err.value.params["product"] == "Game" and err.value.params["wanted"] == 2
    assert Order.get_by_id(order.id).status == "unpaid"
    assert Product.get_by_id(box.id).stock == 3  # the rollback returned the boxes
    assert CardKey.get().state == "unsold"


def test_two_payments_race_for_the_last_key(shop: Shop, shop_dir: Path) -> None:
    game = inventory.add_product(shop, "Game", "30.00", "cardkey")
    inventory.import_card_keys(shop, game.id, "LAST-KEY\n")
    first = orders.create_order(shop, [(game.id, 1)])
    second = orders.create_order(shop, [(game.id, 1)])
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def pay(order_id: int) -> None:
        barrier.wait()
        try:
            orders.pay_order(shop, order_id)
            outcomes.append("paid")
        except OutOfStock:
            outcomes.append("out_of_stock")

    threads = [threading.Thread(target=pay, args=(o.id,)) for o in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["out_of_stock", "paid"]
    assert CardKey.select().where(CardKey.state == "sold").count() == 1
    assert Voucher.select().count() == 1


def test_refund_voids_unredeemed_and_returns_stock(shop: Shop) -> None:
    wash = inventory.add_product(shop, "Wash", "10.00", uses=3)
    game = inventory.add_product(shop, "Game", "30.00", "cardkey")
    inventory.import_card_keys(shop, game.id, "K-1\nK-2\n")
    box = inventory.add_product(shop, "Box", "5.00", "goods", stock=4)
    order = orders.create_order(shop, [(wash.id, 1), (game.id, 1), (box.id, 2)])
    issued = orders.pay_order(shop, order.id)
    first = redemption.redeem(shop, issued[0].payload, "c")
    result = orders.refund_order(shop, order.id)
    assert result.voided == 2 and result.keys_returned == 1 and result.stock_returned == 2
    assert Product.get_by_id(box.id).stock == 4
    assert inventory.list_products(shop)[1].stock == 2  # Game: both keys unsold again
    assert redemption.redeem(shop, issued[0].payload, "c").reason == "voided"
    assert redemption.history(Voucher.get_by_id(issued[0].id))[0].id == first.attempt_id
    with pytest.raises(InvalidState):
        orders.refund_order(shop, order.id)


def test_cancel_only_unpaid(shop: Shop) -> None:
    wash = inventory.add_product(shop, "Wash", "10.00")
    order = orders.create_order(shop, [(wash.id, 1)])
    orders.cancel_order(shop, order.id)
    assert orders.list_orders(shop, "cancelled")[0].id == order.id
    with pytest.raises(InvalidState):
        orders.pay_order(shop, order.id)


def test_clerk_is_refused_at_owner_services(shop: Shop, shop_dir: Path) -> None:
    wash = inventory.add_product(shop, "Wash", "10.00")
    order = orders.create_order(shop, [(wash.id, 1)])
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with open_shop(shop_dir, CLERK, CLERK_PASSWORD) as clerk:
        for call in (
            lambda: inventory.add_product(clerk, "x", "1"),
            lambda: inventory.set_archived(clerk, wash.id, True),
            lambda: inventory.import_card_keys(clerk, wash.id, "k"),
            lambda: orders.create_order(clerk, [(wash.id, 1)]),
            lambda: orders.pay_order(clerk, order.id),
            lambda: orders.refund_order(clerk, order.id),
            lambda: orders.cancel_order(clerk, order.id),
            lambda: orders.list_orders(clerk),
            lambda: auth.add_operator(clerk, "Eve", "owner", "password-1"),
            lambda: auth.list_operators(clerk),
        ):
            with pytest.raises(Forbidden):
                call()
