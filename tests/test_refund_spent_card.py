"""A gift card spent to 0.00 has nothing to pay back: its refund is refused with a clear
message, not an order refunded for 0.00 counted as a refunded unit (QA s11b F12)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_cli import as_json, run
from test_cli_giftcard import shop_with_a_sold_card
from test_refund_money import sell_card, spend

from desktop_app.core import orders, refunds
from desktop_app.core.errors import InvalidState
from desktop_app.core.models import Order, OrderLine, Voucher
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop
from desktop_app.messages import error_message

SHOP_ENGINES = ("file", "server")


def test_a_spent_card_is_not_refunded(shop: Shop) -> None:
    (card,) = sell_card(shop, "100")
    spend(shop, card, 10000)
    line = OrderLine.get(OrderLine.order == card.order_id)
    with pytest.raises(InvalidState) as whole:
        refunds.preview_refund(shop, card.order_id)
    assert whole.value.params["state"] == "card_spent"
    assert "Nothing is left on this gift card" in error_message(whole.value)
    assert orders.order_detail(shop, card.order_id).lines[0].refundable == 0  # part: disabled
    with pytest.raises(InvalidState) as part:
        refunds.refund_line(shop, line.id, 1)
    assert part.value.params["state"] == "card_spent"
    assert Order.get_by_id(card.order_id).status == "paid"
    assert Voucher.get_by_id(card.id).state == "valid"


def test_the_contracts_refund_of_a_spent_card_pays_nothing_and_counts_no_unit(
        shop: Shop) -> None:
    """``order refund`` (the contract's command) still refunds it, for 0.00; no unit is
    counted as refunded, the money spent stays sold (QA s11b F12)."""
    (card,) = sell_card(shop, "100")
    spend(shop, card, 10000)
    assert refunds.refund_order(shop, card.order_id).refund_cents == 0
    assert Order.get_by_id(card.order_id).status == "refunded"
    today = dt.date.today()
    totals = sales_report(shop, "product", today, today).totals
    assert (totals["refunded_quantity"], totals["refunds"]) == (0, 0)


def test_of_two_cards_the_one_with_money_left_is_the_one_refunded(shop: Shop) -> None:
    cards = sell_card(shop, "50", quantity=2)
    spend(shop, cards[0], 5000)
    line = OrderLine.get(OrderLine.order == cards[0].order_id)
    assert orders.order_detail(shop, cards[0].order_id).lines[0].refundable == 1
    assert refunds.refund_line(shop, line.id, 1).refund_cents == 5000  # the full one


def test_the_cli_refunds_a_spent_card_for_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    order, card = shop_with_a_sold_card(folder)
    assert run(folder, "redeem", card["code"], "--amount", "100", "--json").returncode == 0
    done = run(folder, "order", "refund", str(order), "--json")
    assert done.returncode == 0, done.stdout
    assert as_json(done)["refund"] == "0.00"
