"""A product's barcode scanned where no text is typed (QA s12b F3): in the New order dialog
the scanner's digits went into the Quantity box (6,901 units) or the picker, and its Enter
pressed Add. A fast burst that is no voucher and lands outside a text field is ignored whole,
its Enter too, and the dialog says why.

A real session on a real encrypted shop, driven by scan_driver's keys at a scanner's speed.
"""

from __future__ import annotations

import pytest
from counter_driver import attempts
from pytestqt.qtbot import QtBot
from scan_driver import PERSON_MS, WAIT_MS, at_work, open_product_dialog, session

from desktop_app.core.models import Order
from desktop_app.ui import tasks
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.batch_dialog import BatchDialog
from desktop_app.ui.orders.order_dialog import NewOrderDialog
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture

EAN_13 = "6901234567892"


def open_new_order(qtbot: QtBot, window: MainWindow) -> NewOrderDialog:
    orders_tab = next(tab for tab in (window.tabs.widget(i) for i in range(window.tabs.count()))
                      if isinstance(tab, OrdersTab))
    window.tabs.setCurrentWidget(orders_tab)
    orders_tab.new_button.click()
    dialog = orders_tab.dialog
    assert isinstance(dialog, NewOrderDialog)
    qtbot.waitExposed(dialog)
    assert tasks.wait_until_idle(WAIT_MS)
    qtbot.waitUntil(lambda: dialog.add_button.isEnabled(), timeout=WAIT_MS)
    return dialog


@pytest.mark.parametrize("focused", ["quantity", "product", "add_button"])
def test_a_product_barcode_in_the_new_order_dialog_adds_nothing(
        qtbot: QtBot, session: ShopSession, focused: str) -> None:
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    dialog = open_new_order(qtbot, window)
    getattr(dialog, focused).setFocus()
    before = attempts()
    for _ in range(2):
        keys.scan(dialog, EAN_13)
        qtbot.wait(200)
        assert tasks.wait_until_idle(WAIT_MS)
    assert dialog.draft.lines == [] and dialog.quantity.value() == 1
    assert dialog.isVisible() and attempts() == before
    assert dialog.error.text() == \
        "A product's barcode is not read here: choose the product from the list."
    dialog.quantity.setFocus()  # a person's keys still work there, Enter and all
    dialog.quantity.selectAll()
    keys.type(dialog, "3", PERSON_MS)
    keys.enter(dialog, PERSON_MS)
    assert [count for _product, count in dialog.draft.lines] == [3]
    dialog.draft.lines.clear()
    dialog.reject()


def test_a_product_barcode_in_a_new_batchs_count_issues_nothing(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s12b F12: the EAN's digits became a Count of 6,901 and its Enter issued them."""
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    orders_tab = next(tab for tab in (window.tabs.widget(i) for i in range(window.tabs.count()))
                      if isinstance(tab, OrdersTab))
    window.tabs.setCurrentWidget(orders_tab)
    orders_tab.new_batch()
    dialog = orders_tab.dialog
    assert isinstance(dialog, BatchDialog)
    qtbot.waitExposed(dialog)
    assert tasks.wait_until_idle(WAIT_MS)
    dialog.count.setFocus()
    orders_before = Order.select().count()
    keys.scan(dialog, EAN_13)
    qtbot.wait(200)
    assert tasks.wait_until_idle(WAIT_MS)
    assert dialog.isVisible() and dialog.count.value() == 1
    assert Order.select().count() == orders_before
    assert dialog.error.text().startswith("A product's barcode is not read here")
    dialog.reject()


def test_a_product_barcode_in_a_products_uses_changes_nothing(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    dialog = open_product_dialog(qtbot, session, window)
    dialog.uses.setFocus()
    keys.scan(dialog, EAN_13)
    qtbot.wait(200)
    assert dialog.isVisible() and dialog.uses.value() == 1
    dialog.reject()
