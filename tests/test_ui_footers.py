"""The counts under a list stay on one line when a long message is shown beside them (at
1024x768 they wrapped mid-word: "out of / stock", "已 / 下架")."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from test_ui_orders import idle

from desktop_app.core import orders, products
from desktop_app.core.store import Shop
from desktop_app.ui.inventory.inventory_tab import InventoryTab
from desktop_app.ui.orders.orders_tab import OrdersTab

LONG = ("“Towel 毛巾 with a rather long name” is archived and no longer sold. Vouchers "
        "already sold still work.")


def _one_line(label: QLabel) -> bool:
    return label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def _shown_at_1024(qtbot: QtBot, tab: QWidget) -> None:
    qtbot.addWidget(tab)
    tab.resize(984, 568)  # a 1024x768 window less its frame, header, tabs and status bar
    tab.show()
    idle()


def test_the_inventory_counts_stay_whole_beside_a_message(qtbot: QtBot, shop: Shop) -> None:
    products.add_product(shop, "Car wash 洗车", "10.00")
    archived = products.add_product(shop, "Towel", "5.00", "goods", stock=0)
    products.set_archived(shop, archived.id, True)
    tab = InventoryTab(shop)
    _shown_at_1024(qtbot, tab)
    tab.message.show_info(LONG)
    qtbot.waitUntil(lambda: tab.message.isVisible())
    assert "archived" in tab.summary.text().lower() and _one_line(tab.summary)


def test_the_order_counts_stay_whole_beside_a_message(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash 洗车", "10.00")
    orders.create_order(shop, [(wash.id, 1)])
    tab = OrdersTab(shop)
    _shown_at_1024(qtbot, tab)
    tab.message.show_info(LONG * 2)
    qtbot.waitUntil(lambda: tab.message.isVisible())
    assert "unpaid" in tab.summary.text() and _one_line(tab.summary)
