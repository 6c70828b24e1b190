"""The whole refund's question says, line by line, the units and the money back and why a
line gives less (used up, redeemed, spent, partly used), not only the sum (QA s15a F7); after
it, the order's Refunded column counts the units as the sales report does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_refunded_units_rule import EXPECTED, sell_and_use
from test_ui_orders import idle, open_tab, show_order

from desktop_app.core.models import Order
from desktop_app.core.store import Shop
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.orders.table_models import LineTableModel

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

BREAKDOWN = (
    "Line by line:\n"
    "• Wash x5: 0 of 1 back, ¥0.00 (used up: nothing back)\n"
    "• Coffee x10: 1 of 1 back, ¥70.00 (partly used: only the uses left)\n"
    "• Game key: 1 of 2 back, ¥39.90 (1 redeemed: nothing back for it)\n"
    "• Air freshener: 2 of 2 back, ¥25.00\n"
    "• Gift card: 1 of 2 back, ¥60.00 (1 spent: nothing back for it; the other: its unspent "
    "balance)\n"
    "• Wash x5 shared: 1 of 2 back, ¥12.00 (1 used up: nothing back for it; partly used: only "
    "the uses left)")


def ask(qtbot: QtBot, tab: OrdersTab) -> QMessageBox:
    qtbot.mouseClick(tab.detail.refund_button, Qt.MouseButton.LeftButton)
    idle()
    box = tab.confirm_box
    assert box is not None and box.isVisible()
    return box


def test_the_question_breaks_the_money_down_by_line(qtbot: QtBot, shop: Shop) -> None:
    order_id = sell_and_use(shop)
    tab = open_tab(qtbot, shop)
    tab.resize(1024, 768)
    show_order(tab, order_id)
    box = ask(qtbot, tab)
    assert box.text().startswith(f"Refund order {order_id}? Pay back ¥206.90 to the customer.")
    assert BREAKDOWN in box.text()
    assert sum(amount for _units, amount in EXPECTED) == 20690  # the lines add up to the sum
    assert box.sizeHint().width() <= 1024 and box.sizeHint().height() <= 768
    box.button(QMessageBox.StandardButton.Cancel).click()
    idle()
    assert Order.get_by_id(order_id).status == "paid"

    box = ask(qtbot, tab)
    box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert Order.get_by_id(order_id).status == "refunded"
    show_order(tab, order_id)
    model = tab.detail.lines_model
    column = [model.index(row, LineTableModel.REFUNDED).data() for row in range(model.rowCount())]
    assert column == ["", "1", "1", "2", "1", "1"]  # the used-up pass: no refunded unit


def test_the_breakdown_reads_in_chinese(qtbot: QtBot, shop: Shop, language: str) -> None:
    """QA s18b F10: the notes were joined by a half-width ";" in Chinese too, and a card's
    last note dangled ("…; its unspent balance")."""
    order_id = sell_and_use(shop)
    tab = open_tab(qtbot, shop)
    show_order(tab, order_id)
    box = ask(qtbot, tab)
    said = box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    if language == "zh_CN":
        assert "; " not in said and "；" in said
    else:
        assert "the other: its unspent balance" in said
