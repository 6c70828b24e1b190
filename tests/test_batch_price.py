"""A batch at the price the owner chooses, 0 included (QA s11b F1: 30 coffee vouchers given
away in a promotion were booked as ¥540 of revenue and ¥522 still owed). The order's total,
its line's price, the sales, the outstanding vouchers' value and refunds all follow it; a gift
card given away still carries its value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import as_json, run

from desktop_app.core import fulfilment, giftcard_value, products, redemption, refunds
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import AuditEvent, Order, OrderLine, Voucher
from desktop_app.core.money import MAX_CENTS
from desktop_app.core.report_liability import liability_report
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop


def _row(report_rows: list[dict[str, object]], group: str) -> dict[str, object]:
    return next(row for row in report_rows if row["group"] == group)


def test_a_free_batch_brings_in_nothing_and_owes_nothing(shop: Shop) -> None:
    coffee = products.add_product(shop, "咖啡券", "18", valid_days=30)
    sold = products.add_product(shop, "Wash", "50")
    fulfilment.issue_batch(shop, sold.id, 2)  # at its price: still revenue
    issued = fulfilment.issue_batch(shop, coffee.id, 30, note="promo", unit_price_cents=0)
    order = Order.get_by_id(issued[0].order_id)
    assert order.total_cents == 0 and order.status == "paid" and order.is_batch
    assert order.payment_method == "other"  # no new method code (contract)
    [line] = OrderLine.select().where(OrderLine.order == order)
    assert line.unit_price_cents == 0 and line.quantity == 30
    assert redemption.redeem(shop, issued[0].payload, "t").ok
    sales = sales_report(shop, by="product")
    assert _row(sales.rows, "咖啡券")["revenue"] == 0
    assert _row(sales.rows, "咖啡券")["quantity"] == 30
    assert sales.totals["revenue"] == 2 * 5000
    assert _row(sales_report(shop, by="method").rows, "other")["revenue"] == 2 * 5000
    owed = liability_report(shop)
    assert _row(owed.rows, "咖啡券")["vouchers"] == 29 and _row(owed.rows, "咖啡券")["value"] == 0
    assert owed.totals["value"] == 2 * 5000
    detail = json.loads(AuditEvent.select().where(AuditEvent.kind == "voucher_batch")
                        .order_by(AuditEvent.id.desc()).get().detail)
    assert (detail["price_cents"], detail["total_cents"]) == (0, 0)


def test_a_batch_at_a_chosen_price_is_booked_at_it(shop: Shop) -> None:
    coffee = products.add_product(shop, "Coffee", "18")
    issued = fulfilment.issue_batch(shop, coffee.id, 10, unit_price_cents=1250)
    assert Order.get_by_id(issued[0].order_id).total_cents == 12_500
    assert OrderLine.get().unit_price_cents == 1250
    redemption.redeem(shop, issued[0].payload, "t")
    assert liability_report(shop).totals["value"] == 9 * 1250
    assert sales_report(shop, by="product").totals["revenue"] == 12_500
    refunded = refunds.refund_order(shop, issued[0].order_id)
    assert refunded.refund_cents == 9 * 1250  # the one used is not paid back


def test_without_a_price_the_batch_is_at_the_products(shop: Shop) -> None:
    coffee = products.add_product(shop, "Coffee", "18")
    issued = fulfilment.issue_batch(shop, coffee.id, 3, unit_price_cents=None)
    assert Order.get_by_id(issued[0].order_id).total_cents == 3 * 1800


@pytest.mark.parametrize(("cents", "problem"), [(-1, "negative"), (MAX_CENTS + 1, "too_large")])
def test_a_price_out_of_range_issues_nothing(shop: Shop, cents: int, problem: str) -> None:
    coffee = products.add_product(shop, "Coffee", "18", stock=5)
    with pytest.raises(InvalidInput) as refused:
        fulfilment.issue_batch(shop, coffee.id, 2, unit_price_cents=cents)
    assert refused.value.params["field"] == "price" and refused.value.params["problem"] == problem
    assert Order.select().count() == 0 and Voucher.select().count() == 0
    assert products.get_product(coffee.id).stock == 5


def test_refunding_a_free_batch_pays_back_nothing(shop: Shop) -> None:
    coffee = products.add_product(shop, "Coffee", "18")
    issued = fulfilment.issue_batch(shop, coffee.id, 4, unit_price_cents=0)
    order_id = issued[0].order_id
    [line] = OrderLine.select()
    part = refunds.refund_line(shop, line.id, 1)
    assert part.voided == 1 and part.refund_cents == 0
    assert refunds.preview_refund(shop, order_id).refund_cents == 0
    whole = refunds.refund_order(shop, order_id)
    assert whole.voided == 3 and whole.refund_cents == 0
    assert sales_report(shop, by="product").totals["refunds"] == 0


def test_gift_cards_given_away_carry_their_value_and_pay_back_nothing(shop: Shop) -> None:
    box = products.add_product(shop, "Gift card", "90", "giftcard", value="100")
    issued = fulfilment.issue_batch(shop, box.id, 3, unit_price_cents=0)
    assert {v.balance_cents for v in issued} == {10_000}
    assert {v.balance_cents for v in Voucher.select()} == {10_000}
    spent = redemption.redeem(shop, issued[0].payload, "t", amount_cents=3550)
    assert spent.ok and spent.balance == 6450
    card = Voucher.get_by_id(issued[0].id)
    assert giftcard_value.cash_value(card) == 0  # a giveaway is never paid out in cash
    order_id = issued[0].order_id
    assert refunds.preview_refund(shop, order_id).refund_cents == 0
    assert refunds.refund_order(shop, order_id).refund_cents == 0
    assert sales_report(shop, by="product").totals["revenue"] == 0


def test_gift_cards_sold_in_a_batch_below_their_price_pay_back_what_was_paid(shop: Shop) -> None:
    box = products.add_product(shop, "Gift card", "90", "giftcard", value="100")
    issued = fulfilment.issue_batch(shop, box.id, 2, unit_price_cents=8000)
    assert {v.balance_cents for v in issued} == {10_000}
    [line] = OrderLine.select()
    assert refunds.refund_line(shop, line.id, 1).refund_cents == 8000
    assert Order.get_by_id(issued[0].order_id).total_cents == 16_000


# -- the command line --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    return folder


def _order(folder: Path, order_id: int) -> dict[str, object]:
    listed = as_json(run(folder, "order", "list", "--json"))["orders"]
    found: dict[str, object] = next(o for o in listed if o["id"] == order_id)
    return found


def test_cli_batch_price(cli_shop: Path) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", "Coffee", "--price", "18",
                          "--json"))["id"]
    free = run(cli_shop, "voucher", "batch", str(product), "--count", "3", "--price", "0",
               "--json")
    assert free.returncode == 0, free.stderr
    assert _order(cli_shop, as_json(free)["order"])["total"] == "0.00"
    chosen = run(cli_shop, "voucher", "batch", str(product), "--count", "2", "--price",
                 "１２.５", "--json")  # typed with a Chinese input method
    assert _order(cli_shop, as_json(chosen)["order"])["total"] == "25.00"
    default = run(cli_shop, "voucher", "batch", str(product), "--count", "2", "--json")
    assert _order(cli_shop, as_json(default)["order"])["total"] == "36.00"
    sales = as_json(run(cli_shop, "report", "sales", "--by", "product", "--json"))
    assert sales["totals"]["revenue"] == "61.00"


@pytest.mark.parametrize(("price", "problem"), [("-1", "negative"), ("1.999", "too_many_decimals"),
                                                ("free", "not_a_number")])
def test_cli_batch_refuses_a_bad_price_before_issuing(cli_shop: Path, price: str,
                                                      problem: str) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", f"Tea {problem}", "--price", "9",
                          "--json"))["id"]
    before = len(as_json(run(cli_shop, "order", "list", "--json"))["orders"])
    refused = run(cli_shop, "voucher", "batch", str(product), "--count", "2", f"--price={price}",
                  "--json")
    assert refused.returncode == 1
    assert (as_json(refused)["field"], as_json(refused)["problem"]) == ("price", problem)
    assert len(as_json(run(cli_shop, "order", "list", "--json"))["orders"]) == before
