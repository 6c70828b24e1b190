"""Refunded units: one rule for the order's Refunded column, the orders list and the sales
report, for every kind of product (QA s15a F7). A unit whose money went back (all or part) or
that was taken back unused is refunded; one used up and closed with its order for 0.00 is not:
a pass used 5/5, a redeemed card key, a gift card spent to nothing. A whole refund's question
says, line by line, the units and the money back."""

from __future__ import annotations

import datetime as dt

from desktop_app.core import (
    cardkeys,
    fulfilment,
    order_list,
    orders,
    products,
    redemption,
    refunds,
)
from desktop_app.core.models import Order
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # the report's sums run on the server's SQL too

# (name, kind, price, uses, quantity): the lines of QA s15a's order 1 and then some
LINES = (("Wash x5", "service", "30.00", 5, 1), ("Coffee x10", "service", "100.00", 10, 1),
         ("Game key", "cardkey", "39.90", 1, 2), ("Air freshener", "goods", "12.50", 1, 2),
         ("Gift card", "giftcard", "100.00", 1, 2), ("Wash x5 shared", "service", "20.00", 5, 2))
# Per line: the refunded units and the money back once the order is refunded whole
EXPECTED = ((0, 0), (1, 7000), (1, 3990), (2, 2500), (1, 6000), (1, 1200))


def sell_and_use(shop: Shop) -> int:
    """An order of every kind, each used in its own way before the refund."""
    ids = {}
    for name, kind, price, uses, _quantity in LINES:
        stock = 5 if kind == "goods" else None
        ids[name] = products.add_product(shop, name, price, kind, uses=uses, stock=stock).id
        if kind == "cardkey":
            cardkeys.import_card_keys(shop, ids[name], "KEY-1\nKEY-2\nKEY-3\n")
    order = orders.create_order(shop, [(ids[row[0]], row[4]) for row in LINES])
    by_name: dict[str, list[fulfilment.IssuedVoucher]] = {}
    for voucher in sorted(fulfilment.pay_order(shop, order.id), key=lambda v: v.id):
        by_name.setdefault(voucher.product_name, []).append(voucher)

    def redeem(name: str, index: int = 0, uses: int = 1, amount_cents: int | None = None
               ) -> None:
        voucher = by_name[name][index]
        assert redemption.redeem(shop, voucher.payload, "Till", uses=uses,
                                 amount_cents=amount_cents).ok

    redeem("Wash x5", uses=5)  # used up: nothing back
    redeem("Coffee x10", uses=3)  # 7 of 10 left: 7/10 back
    redeem("Game key", 0)  # one key redeemed, the other only shown: its price back
    redeem("Gift card", 0, amount_cents=10000)  # spent to nothing
    redeem("Gift card", 1, amount_cents=4000)  # 60.00 left
    redeem("Wash x5 shared", uses=7)  # 2 units on one voucher of 10: one used up, one partly
    return int(order.id)


def test_the_order_the_list_and_the_report_count_the_same_refunded_units(shop: Shop) -> None:
    order_id = sell_and_use(shop)
    preview = refunds.preview_refund(shop, order_id)
    said = [(line.product_name, line.units_back, line.amount_cents) for line in preview.lines]
    assert said == [(row[0], *expected) for row, expected in zip(LINES, EXPECTED, strict=True)]
    assert preview.refund_cents == sum(amount for _units, amount in EXPECTED)
    assert [line.units_used_up for line in preview.lines] == [1, 0, 1, 0, 1, 1]
    assert [line.partly_used for line in preview.lines] == [False, True, False, False, False,
                                                          True]
    assert refunds.refund_order(shop, order_id).refund_cents == preview.refund_cents

    detail = orders.order_detail(shop, order_id)
    assert [line.refunded_units for line in detail.lines] == [u for u, _ in EXPECTED]
    today = dt.date.today()
    report = sales_report(shop, "product", today, today)
    by_product = {row["group"]: row["refunded_quantity"] for row in report.rows}
    assert by_product == {row[0]: units for row, (units, _) in zip(LINES, EXPECTED, strict=True)}
    assert report.totals["refunded_quantity"] == 6
    assert report.totals["refunds"] == preview.refund_cents
    [listed] = [row for row in order_list.order_page(shop, order_list.OrderQuery())
                if row.id == order_id]
    assert listed.refunded_units == 6 and Order.get_by_id(order_id).status == "refunded"


def test_a_part_refund_then_the_whole_counts_each_unit_once(shop: Shop) -> None:
    """Two keys: one refunded alone (unused), then the order whole with the other redeemed:
    one refunded unit on the line, in the report too."""
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\nK-2\n")
    order = orders.create_order(shop, [(game.id, 2)])
    first, second = fulfilment.pay_order(shop, order.id)
    assert redemption.redeem(shop, first.payload, "Till").ok
    [line] = orders.order_detail(shop, order.id).lines
    refunds.refund_line(shop, line.id, 1, [second.id])
    refunds.refund_order(shop, order.id)  # the contract's command: 0.00 for the used key
    assert orders.order_detail(shop, order.id).lines[0].refunded_units == 1
    today = dt.date.today()
    assert sales_report(shop, "product", today, today).totals["refunded_quantity"] == 1


def test_a_redeemed_key_refunded_with_its_order_is_no_refunded_unit(shop: Shop) -> None:
    """QA s15a F7: of two keys, one redeemed, the whole refund paid back one: the report
    counted both."""
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\nK-2\n")
    order = orders.create_order(shop, [(game.id, 2)])
    first, _second = fulfilment.pay_order(shop, order.id)
    assert redemption.redeem(shop, first.payload, "Till").ok
    assert refunds.refund_order(shop, order.id).refund_cents == 3000
    today = dt.date.today()
    assert sales_report(shop, "product", today, today).totals["refunded_quantity"] == 1
