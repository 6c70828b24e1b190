"""A voucher scanned or typed into the Orders tab's search opens its order on that voucher
(QA s43a F5: a batch's order opened on its first voucher, used up, beside the one in hand)."""

from __future__ import annotations

import pytest
from counter_driver import Counter
from pytestqt.qtbot import QtBot
from test_ui_orders import WAIT_MS, idle

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.ui.orders.orders_tab import OrdersTab

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


def _orders_tab(counter: Counter) -> OrdersTab:
    window = counter.window
    tab = next(t for t in (window.tabs.widget(i) for i in range(window.tabs.count()))
               if isinstance(t, OrdersTab))
    window.tabs.setCurrentWidget(tab)
    idle()
    return tab


def _shown_code(tab: OrdersTab) -> str:
    view = tab.detail.vouchers.view
    return "" if view is None else view.code


@pytest.mark.parametrize("how", ["payload", "typed"])
def test_the_voucher_searched_for_is_the_one_shown(how: str, counter: Counter,
                                                    qtbot: QtBot) -> None:
    shop = counter.shop
    passes = [products.add_product(shop, f"Pass {n}", "18.00", "service", uses=1)
              for n in range(4)]
    order = orders.create_order(shop, [(item.id, 1) for item in passes], "王女士")
    issued = fulfilment.pay_order(shop, order.id, "cash")
    assert redemption.redeem(shop, issued[0].payload, "Front").ok  # the first is used up
    wanted = issued[2]
    tab = _orders_tab(counter)
    tab.search.setText(wanted.payload if how == "payload"
                       else wanted.code.replace("-", "").lower())
    qtbot.waitUntil(lambda: _shown_code(tab) == wanted.code, timeout=WAIT_MS)
    assert tab.detail.vouchers.position == 2

    tab.detail.vouchers.go_to(1)  # the owner looks at another: a re-read keeps it there
    qtbot.waitUntil(lambda: _shown_code(tab) == issued[1].code, timeout=WAIT_MS)
    tab.load_detail()
    idle()
    assert tab.detail.vouchers.position == 1
    tab.search.setText(issued[3].payload)  # another of the same order: that one
    qtbot.waitUntil(lambda: _shown_code(tab) == issued[3].code, timeout=WAIT_MS)


def test_a_voucher_searched_for_opens_its_order_with_another_order_chosen(
        counter: Counter, qtbot: QtBot) -> None:
    """QA s43a F13: with an order chosen, a scanned voucher's one order was listed alone but
    not opened: the list tried to keep the order chosen before."""
    shop = counter.shop
    coffee = products.add_product(shop, "Coffee 咖啡券", "18.00", "service", uses=1)
    other = orders.create_order(shop, [(coffee.id, 1)], "李先生")
    tab = _orders_tab(counter)
    assert tab.select_order(other.id)
    idle()
    order = orders.create_order(shop, [(coffee.id, 1)], "王女士")
    wanted = fulfilment.pay_order(shop, order.id, "cash")[0]
    tab.search.setText(wanted.payload)
    qtbot.waitUntil(lambda: _shown_code(tab) == wanted.code, timeout=WAIT_MS)
    assert tab.detail.detail is not None and tab.detail.detail.order.id == order.id
