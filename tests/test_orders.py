"""Orders: exact money, payment issuing vouchers once, card keys and stock taken at payment
(races too), cancelling, and the owner-only services."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD
from test_refunds_and_faulty_keys import sold_key

from desktop_app.core import (
    auth,
    cardkeys,
    fulfilment,
    order_list,
    orders,
    products,
    refunds,
    vouchers,
)
from desktop_app.core.errors import Forbidden, InvalidInput, InvalidState, OutOfStock
from desktop_app.core.models import CardKey, Order, Product, Voucher
from desktop_app.core.money import money_text, parse_money
from desktop_app.core.order_list import OrderQuery
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


def test_money_is_exact() -> None:
    assert parse_money("12.5") == 1250
    assert parse_money("0.10") == 10
    assert parse_money("1,299.99") == 129999
    assert money_text(129999) == "1299.99" and money_text(5) == "0.05"
    for bad in ["-1", "1.001", "abc", "NaN", "Infinity", ""]:
        with pytest.raises(InvalidInput):
            parse_money(bad)


def test_paying_issues_vouchers_once(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash x5", "99.00", uses=5, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 2)], "王女士")
    assert order.total_cents == 19800
    issued = fulfilment.pay_order(shop, order.id, "wechat", "WX-1")
    assert len(issued) == 1 and issued[0].uses == 10
    assert issued[0].valid_until is not None
    assert fulfilment.pay_order(shop, order.id, "wechat") == issued  # paying twice: nothing new
    assert Voucher.select().count() == 1
    assert vouchers.qr_version(issued[0].payload) <= vouchers.MAX_QR_VERSION
    assert len(vouchers.normalize(issued[0].code)) == vouchers.TYPED_LEN


def test_card_key_sale_hands_over_one_key_per_unit(shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\nK-2\nK-3\n")
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(game.id, 2)]).id)
    keys = [Voucher.get_by_id(v.id).card_key.secret for v in issued]
    assert sorted(keys) == ["K-1", "K-2"]
    assert products.list_products(shop)[0].stock == 1


def test_not_enough_stock_refuses_payment_and_changes_nothing(shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\n")
    box = products.add_product(shop, "Box", "5.00", "goods", stock=3)
    order = orders.create_order(shop, [(box.id, 2), (game.id, 2)])
    with pytest.raises(OutOfStock) as err:
        fulfilment.pay_order(shop, order.id)
    assert err.value.params["product"] == "Game" and err.value.params["wanted"] == 2
    assert Order.get_by_id(order.id).status == "unpaid"
    assert Product.get_by_id(box.id).stock == 3  # the rollback returned the boxes
    assert CardKey.get().state == "unsold"


def test_two_payments_race_for_the_last_key(shop: Shop, shop_dir: Path) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "LAST-KEY\n")
    first = orders.create_order(shop, [(game.id, 1)])
    second = orders.create_order(shop, [(game.id, 1)])
    outcomes: list[str] = []
    barrier = threading.Barrier(2)

    def pay(order_id: int) -> None:
        barrier.wait()
        try:
            fulfilment.pay_order(shop, order_id)
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


def test_cancel_only_unpaid(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00")
    order = orders.create_order(shop, [(wash.id, 1)])
    orders.cancel_order(shop, order.id)
    assert orders.list_orders(shop, "cancelled")[0].id == order.id
    with pytest.raises(InvalidState):
        fulfilment.pay_order(shop, order.id)


def test_clerk_is_refused_at_owner_services(shop: Shop, shop_dir: Path) -> None:
    wash = products.add_product(shop, "Wash", "10.00")
    order = orders.create_order(shop, [(wash.id, 1)])
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        for call in (
            lambda: products.add_product(clerk, "x", "1"),
            lambda: products.set_archived(clerk, wash.id, True),
            lambda: cardkeys.import_card_keys(clerk, wash.id, "k"),
            lambda: orders.create_order(clerk, [(wash.id, 1)]),
            lambda: fulfilment.pay_order(clerk, order.id),
            lambda: refunds.refund_order(clerk, order.id),
            lambda: orders.cancel_order(clerk, order.id),
            lambda: orders.list_orders(clerk),
            lambda: auth.add_operator(clerk, "Eve", "owner", "password-1"),
            lambda: auth.list_operators(clerk),
        ):
            with pytest.raises(Forbidden):
                call()


def test_views_and_new_services_are_owner_only(shop: Shop, shop_dir: Path) -> None:
    game, order, voucher = sold_key(shop)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        for call in (
            lambda: products.list_products(clerk),
            lambda: products.update_product(clerk, game.id, name="x"),
            lambda: cardkeys.list_card_keys(clerk, game.id),
            lambda: cardkeys.mark_key_faulty(clerk, voucher.card_key_id),
            lambda: cardkeys.replace_faulty_key(clerk, voucher.card_key_id),
            lambda: order_list.order_page(clerk, OrderQuery()),
            lambda: orders.order_detail(clerk, order.id),
            lambda: refunds.refund_line(clerk, 1, 1),
        ):
            with pytest.raises(Forbidden):
                call()
