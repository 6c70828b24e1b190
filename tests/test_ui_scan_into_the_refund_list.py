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
