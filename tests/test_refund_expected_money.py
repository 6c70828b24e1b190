"""A refund pays back the money the owner confirmed or nothing (QA s36a F1): a counter that
redeemed a use or spent from a gift card between the question and the click made the refund
book less than the owner was told to pay back, and only the status bar said so. Now the
refund is refused whole, the owner is told the new amount and asked again with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_cli import as_json, run
from test_cli_giftcard import shop_with_a_sold_card
from test_refund_money import sell_card, spend
from test_ui_order_refunds import sold_cards
from test_ui_orders import WAIT_MS, idle, open_tab, show_order

from desktop_app.core import fulfilment, orders, products, redemption, refunds
from desktop_app.core.errors import InvalidState
from desktop_app.core.models import Order, Voucher
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.orders.payment_dialogs import LineRefundDialog


def two_washes_sold(shop: Shop) -> fulfilment.IssuedVoucher:
    """One voucher of two uses: two washes at ¥20.00 each."""
    wash = products.add_product(shop, "Wash", "20", "service", uses=1)
    order = orders.create_order(shop, [(wash.id, 2)], "王女士")
    (voucher,) = fulfilment.pay_order(shop, order.id, "cash")
    return voucher


def test_a_refund_for_other_money_than_confirmed_changes_nothing(shop: Shop) -> None:
    first = two_washes_sold(shop)
    asked = refunds.preview_refund(shop, first.order_id).refund_cents
    assert asked == 4000
    assert redemption.redeem(shop, first.payload, "counter 2").ok  # meanwhile
    with pytest.raises(InvalidState) as refused:
        refunds.refund_order(shop, first.order_id, expect_cents=asked)
    assert refused.value.params["state"] == "refund_changed"
    assert (refused.value.params["asked"], refused.value.params["now"]) == ("40.00", "20.00")
    said = error_message(refused.value)
    # the shop's currency, as the question said it (QA s39 F2); the JSON keeps the number
    assert "Nothing was refunded" in said and "pay back ¥20.00, not ¥40.00" in said
    assert "Do not pay back ¥40.00;" in said
    assert Order.get_by_id(first.order_id).status == "paid"
    assert Voucher.get_by_id(first.id).state == "valid"
    assert orders.order_detail(shop, first.order_id).refunded_cents == 0
    done = refunds.refund_order(shop, first.order_id, expect_cents=2000)
    assert done.refund_cents == 2000 and Order.get_by_id(first.order_id).status == "refunded"


def test_the_same_money_refunds_as_before(shop: Shop) -> None:
    (card,) = sell_card(shop, "100")
    spend(shop, card, 3000)
    asked = refunds.preview_refund(shop, card.order_id).refund_cents
    assert refunds.refund_order(shop, card.order_id, expect_cents=asked).refund_cents == 7000


def test_a_part_refund_of_a_card_spent_meanwhile_is_refused(shop: Shop) -> None:
    cards = sell_card(shop, "100", quantity=2)
    line_id = Voucher.get_by_id(cards[0].id).order_line_id
    spend(shop, cards[0], 2500)
    with pytest.raises(InvalidState) as refused:
        refunds.refund_line(shop, line_id, 1, [cards[0].id], expect_cents=10000)
    assert refused.value.params["now_cents"] == 7500
    assert Voucher.get_by_id(cards[0].id).state == "valid"
    result = refunds.refund_line(shop, line_id, 1, [cards[0].id], expect_cents=7500)
    assert result.refund_cents == 7500


@pytest.mark.usefixtures("temp_settings")
def test_the_orders_tab_asks_again_with_the_new_money(qtbot: QtBot, shop: Shop) -> None:
    first = two_washes_sold(shop)
    tab = open_tab(qtbot, shop)
    show_order(tab, first.order_id)
    qtbot.mouseClick(tab.detail.refund_button, Qt.MouseButton.LeftButton)
    idle()
    box = tab.confirm_box
    assert box is not None and "Pay back ¥40.00" in box.text()
    assert redemption.redeem(shop, first.payload, "counter 2").ok  # while the box is open
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: tab.confirm_box is not box and tab.confirm_box is not None
                    and tab.confirm_box.isVisible(), timeout=WAIT_MS)
    assert Order.get_by_id(first.order_id).status == "paid"
    assert "Nothing was refunded" in tab.message.text()
    assert "¥20.00, not ¥40.00" in tab.message.text()
    again = tab.confirm_box
    assert "Pay back ¥20.00" in again.text()
    assert again.text().startswith("Nothing was refunded yet") and "from ¥40.00" in again.text()
    again.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: Order.get_by_id(first.order_id).status == "refunded",
                    timeout=WAIT_MS)
    idle()
    assert tab.message.text().startswith(f"Order {first.order_id} is refunded: pay back ¥20.00.")


@pytest.mark.usefixtures("temp_settings")
def test_the_part_refund_dialog_shows_the_new_money_and_takes_it(qtbot: QtBot,
                                                                  shop: Shop) -> None:
    (card,) = sold_cards(shop, "200", 1)
    tab = open_tab(qtbot, shop)
    show_order(tab, card.order_id)
    tab.detail.lines.selectRow(0)
    qtbot.mouseClick(tab.detail.refund_line_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LineRefundDialog) and dialog.amount.text() == "¥200.00"
    assert redemption.redeem(shop, card.payload, "c", amount_cents=3550).ok  # meanwhile
    qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Nothing was refunded" in dialog.error.text(), timeout=WAIT_MS)
    assert dialog.amount.text() == "¥164.50"
    assert Voucher.get_by_id(card.id).state == "valid"
    with qtbot.waitSignal(dialog.refunded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    idle()
    assert "pay back ¥164.50" in tab.message.text()


def test_the_command_line_refunds_only_the_money_expected(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    order, card = shop_with_a_sold_card(folder)
    assert run(folder, "redeem", card["code"], "--amount", "30", "--json").returncode == 0
    refused = run(folder, "order", "refund", str(order), "--expect", "100", "--json")
    answer = as_json(refused)
    assert refused.returncode == 1
    assert (answer["error"], answer["state"], answer["now"], answer["asked"]) == (
        "invalid_state", "refund_changed", "70.00", "100.00")
    assert "Nothing was refunded" in answer["message"]
    assert "pay back ¥70.00, not ¥100.00" in answer["message"] and answer["currency"] == "CNY"
    assert (answer["now_cents"], answer["asked_cents"]) == (7000, 10000)
    bad = run(folder, "order", "refund", str(order), "--expect", "7,5", "--json")
    assert bad.returncode == 1 and as_json(bad)["field"] == "expect"
    done = run(folder, "order", "refund", str(order), "--expect", "¥70", "--json")
    assert done.returncode == 0 and as_json(done)["refund"] == "70.00"
