"""The part-refund dialog's "Scan or type the code of a voucher handed back" asks for a scan:
a voucher scanned into it at a scanner's speed ticks that voucher and is never redeemed (QA
s12b F10: the scan was redeemed at the counter behind the dialog and nothing was ticked).

A real session on a real encrypted shop, driven by scan_driver's keys at a scanner's speed.
"""

from __future__ import annotations

import pytest
from counter_driver import attempts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from scan_driver import SCANNER_MS, WAIT_MS, at_work, session
from test_ui_orders import idle, show_order

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.models import Voucher
from desktop_app.ui import tasks
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.orders.payment_dialogs import LineRefundDialog
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture


@pytest.mark.parametrize(("prefix", "end_key"), [
    ("", Qt.Key.Key_Return), ("]Q1", Qt.Key.Key_Return), ("", Qt.Key.Key_Tab)])
def test_a_voucher_scanned_into_the_refund_list_is_ticked_not_redeemed(
        qtbot: QtBot, session: ShopSession, prefix: str, end_key: Qt.Key) -> None:
    """An AIM identifier before the code and a Tab after it, as the counter takes them
    (QA s12d F4)."""
    keys, window, _voucher, _payload = at_work(qtbot, session)
    shop = session.shop
    assert shop is not None
    card = products.add_product(shop, "Gift card 储值卡", "100", "giftcard")
    order = orders.create_order(shop, [(card.id, 2)], "王女士")
    cards = fulfilment.pay_order(shop, order.id, "wechat")
    tab = window.findChild(OrdersTab)
    assert isinstance(tab, OrdersTab)
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    idle()
    show_order(tab, order.id)
    tab.detail.lines.selectRow(0)
    qtbot.mouseClick(tab.detail.refund_line_button,  # type: ignore[no-untyped-call]
                     Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LineRefundDialog) and dialog.choice_list is not None
    qtbot.waitExposed(dialog)
    choices = dialog.choice_list
    choices.scan.setFocus()
    before = attempts()
    handed_back = cards[1]
    keys.now += 1000
    keys.type(choices.scan, prefix + handed_back.payload, SCANNER_MS)
    keys.now += SCANNER_MS
    handle = dialog.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, end_key)
    qtbot.wait(300)  # past the filter's idle timeout
    assert tasks.wait_until_idle(WAIT_MS)
    assert attempts() == before  # nothing redeemed behind the dialog
    assert Voucher.get_by_id(handed_back.id).balance_cents == 10000
    ticked = [choice.code for choice in choices.chosen()]
    assert len(ticked) == 1 and handed_back.code.replace("-", "") in ticked[0].replace("-", "")
    assert dialog.isVisible() and choices.scan.hasFocus()
    dialog.reject()


@pytest.mark.parametrize("scanned_as", ["payload", "printed code"])
def test_a_voucher_scanned_into_the_orders_search_finds_its_order_and_redeems_nothing(
        qtbot: QtBot, session: ShopSession, scanned_as: str) -> None:
    """QA s39a F6: a customer back for a refund, the owner scans the voucher into the Orders
    search (its placeholder asks for a voucher code): a use was redeemed at the counter (a
    card key marked used, so no longer refundable) and the order was not found."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    shop = session.shop
    assert shop is not None
    wanted = Voucher.get_by_id(voucher_id)
    orders.create_order(shop, [(wanted.product_id, 1)], "李先生")  # another order, unpaid
    tab = window.findChild(OrdersTab)
    assert isinstance(tab, OrdersTab)
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    idle()
    tab.search.setText("王")  # the last search, still there: the scan replaces it
    tab.search.setFocus()
    before = attempts()
    scanned = payload if scanned_as == "payload" else fulfilment.issued(shop, wanted).code
    keys.scan(tab.search, scanned)
    qtbot.wait(300)  # past the filter's idle timeout
    qtbot.waitUntil(lambda: not tab.list.search_pending(), timeout=WAIT_MS)
    idle()
    assert attempts() == before and Voucher.get_by_id(voucher_id).uses_left == 2
    assert window.tabs.currentWidget() is tab and tab.search.text() == scanned
    rows = tab.model.rows()
    assert [row.id for row in rows] == [wanted.order_id]
    selected = tab.selected_order()  # and shown, for the refund the customer came for
    assert selected is not None and selected.id == wanted.order_id
