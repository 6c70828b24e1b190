"""What the owner sees right after taking a payment, at a laptop's and a desktop's size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_ui_orders import WAIT_MS, idle, pay_in_the_dialog, show_order

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.store import Shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.ui.orders.orders_tab import OrdersTab


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1920, 1080)])
def test_after_payment_the_message_points_at_the_vouchers_in_view(
        qtbot: QtBot, shop: Shop, width: int, height: int) -> None:
    """At 1024x768 it said "on the right" while they sat below the list, under the fold; a
    side it named stayed wrong once the window was resized (QA s39a F20.6): it names none."""
    lines = [(products.add_product(shop, f"Pass {n}", "10.00", uses=5).id, 1) for n in range(4)]
    order = orders.create_order(shop, lines, "王女士", "138 0000 1234")
    tab = OrdersTab(shop)
    qtbot.addWidget(tab)
    tab.resize(width - 40, height - 240)  # the window's frame, header, tabs and status bar
    tab.show()
    idle()
    pay_in_the_dialog(qtbot, tab, order.id)
    qtbot.waitUntil(lambda: tab.detail.vouchers.isVisible(), timeout=WAIT_MS)
    said = tab.message.text()
    assert "shown with the order" in said and "right" not in said and "below" not in said
    panel, viewport = tab.detail.vouchers, tab.detail_scroll.viewport()

    def code_in_view() -> bool:
        code = panel.card.code
        top = code.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + code.height() <= viewport.height()

    qtbot.waitUntil(code_in_view, timeout=WAIT_MS)  # the printed code, to read out


def test_the_payment_reads_as_one_sentence_in_chinese(qtbot: QtBot, shop: Shop,
                                                      qapp: QApplication) -> None:
    """It read "付款（微信支付） （交易单号 WX-1）": two brackets and a stray space."""
    wash = products.add_product(shop, "Car wash 洗车", "10.00")
    order = orders.create_order(shop, [(wash.id, 1)])
    fulfilment.pay_order(shop, order.id, "wechat", "WX-1")
    try:
        install_translator(qapp, "zh_CN")
        tab = OrdersTab(shop)
        qtbot.addWidget(tab)
        tab.show()
        idle()
        show_order(tab, order.id)
        assert "付款（微信支付，交易单号 WX-1）" in tab.detail.info.text()
    finally:
        remove_translators(qapp)
