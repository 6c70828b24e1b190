"""Inventory and orders: products, card keys, payment issuing vouchers, stock, refunds."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import (
    auth,
    cardkeys,
    counter,
    fulfilment,
    orders,
    products,
    redemption,
    refunds,
    vouchers,
)
from desktop_app.core.errors import Forbidden, InvalidInput, InvalidState, OutOfStock
from desktop_app.core.models import CardKey, Order, Product, Voucher
from desktop_app.core.money import money_text, parse_money
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


def test_product_validation(shop: Shop) -> None:
    with pytest.raises(InvalidInput) as err:
        products.add_product(shop, "   ", "1.00")
    assert err.value.params["field"] == "name"
    with pytest.raises(InvalidInput):
        products.add_product(shop, "x", "1.00", kind="spaceship")
    with pytest.raises(InvalidInput):
        products.add_product(shop, "x", "1.00", uses=0)
    with pytest.raises(InvalidInput):
        products.add_product(shop, "x", "1.00", kind="cardkey", stock=5)


def test_archived_product_is_hidden_but_its_vouchers_still_redeem(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00", uses=2)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    products.set_archived(shop, wash.id, True)
    assert [p.name for p in products.list_products(shop)] == []
    assert [p.name for p in products.list_products(shop, include_archived=True)] == ["Wash"]
    with pytest.raises(InvalidInput):
        orders.create_order(shop, [(wash.id, 1)])
    assert redemption.redeem(shop, issued[0].payload, "c").ok


def test_card_key_import_counts_duplicates_blanks_bom_crlf_and_chinese(shop: Shop) -> None:
    product = products.add_product(shop, "Game 游戏", "30.00", "cardkey")
    text = ("\ufeffkey\r\nAAAA-1111\r\n\r\nBBBB-2222\r\nAAAA-1111\r\n  \r\n中文卡密-333\r\n"
            "CCCC-3333,extra column\r\n" + "x" * 600 + "\r\n")
    preview = cardkeys.preview_card_keys(shop, product.id, text)
    assert preview.new == ["AAAA-1111", "BBBB-2222", "中文卡密-333", "CCCC-3333"]
    assert (preview.duplicate, preview.blank, preview.malformed) == (1, 2, 2)
    assert CardKey.select().count() == 0  # a preview changes nothing
    report = cardkeys.import_card_keys(shop, product.id, text)
    assert report.imported == 4
    again = cardkeys.import_card_keys(shop, product.id, "BBBB-2222\nDDDD-4444\n")
    assert (again.imported, again.duplicate) == (1, 1)
    assert products.list_products(shop)[0].stock == 5


def test_card_keys_are_masked() -> None:
    assert products.mask_key("ABCDEF-123456-WXYZ") == "ABCD…YZ"
    assert "1234" not in products.mask_key("ABCDEF-123456-WXYZ")


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


def test_refund_voids_unredeemed_and_returns_stock(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00", uses=3)
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\nK-2\n")
    box = products.add_product(shop, "Box", "5.00", "goods", stock=4)
    order = orders.create_order(shop, [(wash.id, 1), (game.id, 1), (box.id, 2)])
    issued = fulfilment.pay_order(shop, order.id)
    first = redemption.redeem(shop, issued[0].payload, "c")
    result = refunds.refund_order(shop, order.id)
    assert result.voided == 2 and result.keys_returned == 1 and result.stock_returned == 2
    assert Product.get_by_id(box.id).stock == 4
    assert products.list_products(shop)[1].stock == 2  # Game: both keys unsold again
    assert redemption.redeem(shop, issued[0].payload, "c").reason == "voided"
    assert counter.history(Voucher.get_by_id(issued[0].id))[0].id == first.attempt_id
    with pytest.raises(InvalidState):
        refunds.refund_order(shop, order.id)


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


# --- editing products, faulty card keys, partial refunds -------------------------------------

def audit_events(kind: str) -> list[dict[str, object]]:
    import json

    from desktop_app.core.models import AuditEvent

    return [json.loads(e.detail) for e in AuditEvent.select().where(AuditEvent.kind == kind)
            .order_by(AuditEvent.id)]


def test_update_product_changes_and_audits_only_what_changed(shop: Shop) -> None:
    import datetime as dt

    from desktop_app.core import audit

    wash = products.add_product(shop, "Wash", "10.00", uses=2, valid_days=30, stock=5)
    products.update_product(shop, wash.id, name="Wash  deluxe", price="12.50", uses=3,
                             valid_days=30, stock=8)
    row = products.product_detail(shop, wash.id)
    assert (row.name, row.price_cents, row.uses_per_voucher, row.stock) == (
        "Wash deluxe", 1250, 3, 8)
    event = audit_events("product_update")[-1]
    assert event["before"] == {"name": "Wash", "price_cents": 1000, "uses_per_voucher": 2,
                               "stock": 5}
    assert event["after"] == {"name": "Wash deluxe", "price_cents": 1250, "uses_per_voucher": 3,
                              "stock": 8}
    products.update_product(shop, wash.id, name="Wash deluxe")  # nothing changed: no event
    assert len(audit_events("product_update")) == 1
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    products.update_product(shop, wash.id, valid_days=None, valid_from=start,
                             valid_until=start + dt.timedelta(days=90))
    assert products.product_detail(shop, wash.id).valid_until == start + dt.timedelta(days=90)
    with pytest.raises(InvalidInput) as err:
        products.update_product(shop, wash.id, valid_until=start)
    assert err.value.params == {"field": "valid_until", "problem": "before_start"}
    for bad in ({"name": " "}, {"price": "1.234"}, {"uses": 0}, {"stock": -1}, {"kind": "goods"}):
        with pytest.raises(InvalidInput):
            products.update_product(shop, wash.id, **bad)
    assert audit.verify_chain() == []


def test_update_card_key_product_masks_the_reusable_key_in_the_audit(shop: Shop) -> None:
    group = products.add_product(shop, "Group buy", "9.90", "cardkey")
    products.update_product(shop, group.id, reusable_key="TEAM-PASSWORD-2026")
    detail = products.product_detail(shop, group.id)
    assert detail.reusable_key_masked == "TEAM…26" and detail.stock is None
    assert "TEAM-PASSWORD-2026" not in str(audit_events("product_update"))
    with pytest.raises(InvalidInput):
        products.update_product(shop, group.id, stock=3)
    products.update_product(shop, group.id, reusable_key="")
    assert products.product_detail(shop, group.id).reusable_key_masked is None


def sold_key(shop: Shop, keys: str = "K-1\nK-2\nK-3\n") -> tuple[Product, Order, Voucher]:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, keys)
    order = orders.create_order(shop, [(game.id, 1)])
    issued = fulfilment.pay_order(shop, order.id)
    return game, order, Voucher.get_by_id(issued[0].id)


def test_faulty_key_is_replaced_on_its_order(shop: Shop) -> None:
    game, order, voucher = sold_key(shop)
    faulty = voucher.card_key
    cardkeys.mark_key_faulty(shop, faulty.id)
    rows = {row.id: row for row in cardkeys.list_card_keys(shop, game.id)}
    assert rows[faulty.id].state == "faulty" and rows[faulty.id].replaceable
    assert rows[faulty.id].order_id == order.id
    assert all("K-" not in row.masked or row.masked.endswith("…") for row in rows.values())
    fresh = cardkeys.replace_faulty_key(shop, faulty.id)
    assert fresh.id != faulty.id and fresh.state == "sold"
    assert Voucher.get_by_id(voucher.id).card_key_id == fresh.id
    assert CardKey.get_by_id(faulty.id).state == "faulty"  # kept, with its history
    assert products.product_detail(shop, game.id).stock == 1
    with pytest.raises(InvalidState):  # no voucher carries it any more
        cardkeys.replace_faulty_key(shop, faulty.id)
    kinds = [e["replacement"] for e in audit_events("cardkey_replace")]
    assert kinds == [fresh.id]
    refunds.refund_order(shop, order.id)  # the replacement goes back, the faulty key does not
    assert CardKey.get_by_id(fresh.id).state == "unsold"
    assert CardKey.get_by_id(faulty.id).state == "faulty"


def test_replacing_needs_an_unsold_key_and_a_faulty_one(shop: Shop) -> None:
    game, _order, voucher = sold_key(shop, "ONLY-KEY\n")
    with pytest.raises(InvalidState):
        cardkeys.replace_faulty_key(shop, voucher.card_key_id)  # not marked faulty
    cardkeys.mark_key_faulty(shop, voucher.card_key_id)
    with pytest.raises(OutOfStock) as err:
        cardkeys.replace_faulty_key(shop, voucher.card_key_id)
    assert err.value.params["available"] == 0
    with pytest.raises(InvalidState):
        cardkeys.mark_key_faulty(shop, voucher.card_key_id)  # already faulty
    cardkeys.import_card_keys(shop, game.id, "SPARE\n")
    spare = CardKey.get((CardKey.product == game.id) & (CardKey.state == "unsold"))
    assert spare.secret == "SPARE"  # (sealed on a server: found by state, not by its text)
    cardkeys.mark_key_faulty(shop, spare.id)  # unsold
    assert products.product_detail(shop, game.id).stock == 0


def test_refund_card_key_line_one_key_at_a_time(shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\nK-2\nK-3\n")
    wash = products.add_product(shop, "Wash", "10.00", uses=2)
    order = orders.create_order(shop, [(game.id, 3), (wash.id, 1)])
    fulfilment.pay_order(shop, order.id)
    detail = orders.order_detail(shop, order.id)
    key_line, wash_line = detail.lines
    assert (key_line.refundable, key_line.refund_step) == (3, 1)
    assert (wash_line.refundable, wash_line.refund_step) == (1, 1)
    result = refunds.refund_line(shop, key_line.id, 1)
    assert (result.voided, result.keys_returned) == (1, 1)
    assert products.product_detail(shop, game.id).stock == 1
    detail = orders.order_detail(shop, order.id)
    assert detail.order.status == "paid" and detail.refunded_cents == 3000
    assert detail.lines[0].refundable == 2 and detail.lines[0].refunded_quantity == 1
    # The returned key is sold again elsewhere; refunding this order must not take it back.
    other = orders.create_order(shop, [(game.id, 1)])
    fulfilment.pay_order(shop, other.id)
    result = refunds.refund_order(shop, order.id)
    assert result.keys_returned == 2
    assert products.product_detail(shop, game.id).stock == 2
    assert CardKey.select().where(CardKey.state == "sold").count() == 1
    assert [e["quantity"] for e in audit_events("order_refund_line")] == [1]


def test_refund_line_refuses_redeemed_vouchers(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash x3", "30.00", uses=3)
    order = orders.create_order(shop, [(wash.id, 2)])
    issued = fulfilment.pay_order(shop, order.id)
    line = orders.order_detail(shop, order.id).lines[0]
    assert (line.refundable, line.refund_step) == (2, 2)  # one voucher: all or nothing
    with pytest.raises(InvalidInput):
        refunds.refund_line(shop, line.id, 1)
    assert redemption.redeem(shop, issued[0].payload, "c").ok
    assert orders.order_detail(shop, order.id).lines[0].refundable == 0
    with pytest.raises(InvalidState):
        refunds.refund_line(shop, line.id, 2)
    assert Voucher.get_by_id(issued[0].id).state == "valid"


def test_refund_goods_by_quantity_then_the_order_is_refunded(shop: Shop) -> None:
    box = products.add_product(shop, "Box", "5.00", "goods", stock=10)
    wash = products.add_product(shop, "Wash", "10.00", stock=4)
    order = orders.create_order(shop, [(box.id, 3), (wash.id, 1)])
    fulfilment.pay_order(shop, order.id)
    box_line, wash_line = orders.order_detail(shop, order.id).lines
    assert refunds.refund_line(shop, box_line.id, 2).stock_returned == 2
    assert Product.get_by_id(box.id).stock == 9
    with pytest.raises(InvalidInput):
        refunds.refund_line(shop, box_line.id, 2)  # only one left to refund
    refunds.refund_line(shop, box_line.id, 1)
    assert Order.get_by_id(order.id).status == "paid"
    assert refunds.refund_line(shop, wash_line.id, 1).voided == 1
    assert Product.get_by_id(wash.id).stock == 4
    detail = orders.order_detail(shop, order.id)
    assert detail.order.status == "refunded" and detail.refunded_cents == detail.order.total_cents
    assert Product.get_by_id(box.id).stock == 10
    with pytest.raises(InvalidState):
        refunds.refund_line(shop, box_line.id, 1)


def test_refund_order_after_a_partial_goods_refund_returns_the_rest_once(shop: Shop) -> None:
    box = products.add_product(shop, "Box", "5.00", "goods", stock=10)
    order = orders.create_order(shop, [(box.id, 4)])
    fulfilment.pay_order(shop, order.id)
    refunds.refund_line(shop, orders.order_detail(shop, order.id).lines[0].id, 1)
    assert refunds.refund_order(shop, order.id).stock_returned == 3
    assert Product.get_by_id(box.id).stock == 10


def test_batch_line_refunds_voucher_by_voucher(shop: Shop) -> None:
    coffee = products.add_product(shop, "Coffee", "18.00")
    issued = fulfilment.issue_batch(shop, coffee.id, 3)
    order_id = Voucher.get_by_id(issued[0].id).order_id
    line = orders.order_detail(shop, order_id).lines[0]
    assert (line.refundable, line.refund_step) == (3, 1)
    assert redemption.redeem(shop, issued[2].payload, "c").ok
    assert orders.order_detail(shop, order_id).lines[0].refundable == 2
    refunds.refund_line(shop, line.id, 2)
    states = {v.id: v.state for v in orders.order_detail(shop, order_id).vouchers}
    assert states == {issued[0].id: "void", issued[1].id: "void", issued[2].id: "valid"}


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
            lambda: orders.order_rows(clerk),
            lambda: orders.order_detail(clerk, order.id),
            lambda: refunds.refund_line(clerk, 1, 1),
        ):
            with pytest.raises(Forbidden):
                call()


def test_stock_edit_does_not_overwrite_a_sale_made_meanwhile(shop: Shop) -> None:
    box = products.add_product(shop, "Box", "5.00", "goods", stock=10)
    seen = 10  # what the owner's dialog showed
    fulfilment.pay_order(shop, orders.create_order(shop, [(box.id, 3)]).id)
    with pytest.raises(InvalidState):
        products.update_product(shop, box.id, stock_seen=seen, stock=12)
    assert Product.get_by_id(box.id).stock == 7
    products.update_product(shop, box.id, stock_seen=7, stock=12)
    products.update_product(shop, box.id, stock_seen=seen, name="Gift box")  # stock untouched
    assert (Product.get_by_id(box.id).stock, Product.get_by_id(box.id).name) == (12, "Gift box")


def test_a_duplicate_product_name_is_refused_archived_ones_too(shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash ×5", "99.00", uses=5)
    with pytest.raises(InvalidInput) as same:
        products.add_product(shop, "  car  WASH ×5 ", "10.00")  # spaces and case do not count
    assert same.value.params == {"field": "name", "problem": "duplicate_name",
                                 "name": "Car wash ×5"}
    products.set_archived(shop, wash.id, True)
    with pytest.raises(InvalidInput) as archived:
        products.add_product(shop, "Car wash ×5", "10.00")
    assert archived.value.params["problem"] == "duplicate_archived_name"
    coffee = products.add_product(shop, "Coffee", "18.00")
    with pytest.raises(InvalidInput) as renamed:
        products.update_product(shop, coffee.id, name="CAR WASH ×5")
    assert renamed.value.params["problem"] == "duplicate_archived_name"
    products.update_product(shop, coffee.id, name="coffee", price="19.00")  # its own name
    assert Product.select().count() == 2


def test_card_keys_that_do_not_fit_the_pattern_are_malformed(shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "30.00", "cardkey", key_min_length=8,
                                key_max_length=12, key_alphabet="upper_digits")
    text = "ABCD-1234\nabcd-1234\nSHORT\nABCD-1234-EFGH-5678\nWXYZ-9876\n\n"
    preview = cardkeys.preview_card_keys(shop, game.id, text)
    assert (preview.new, preview.malformed, preview.blank) == (
        ["ABCD-1234", "WXYZ-9876"], 3, 1)
    report = cardkeys.import_card_keys(shop, game.id, text)
    assert report.imported == 2 and CardKey.select().count() == 2
    for bad in ({"key_min_length": 0}, {"key_min_length": 9, "key_max_length": 8},
                {"key_alphabet": "emoji"}):
        with pytest.raises(InvalidInput):
            products.update_product(shop, game.id, **bad)
    products.update_product(shop, game.id, key_min_length=None, key_max_length=None,
                            key_alphabet=None)
    assert cardkeys.preview_card_keys(shop, game.id, "abcd-1234\n").new == ["abcd-1234"]
