"""At 1024x768 the Orders tab shows a chosen paid order's voucher whole, beside its lines, with
the order from its top (QA s41a F4: the QR of an order of two lines was below the fold, and
scrolling to it would have undone s17b F10, "another order opens at its top")."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from counter_driver import Counter
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from test_ui_orders import WAIT_MS, idle, show_order

from desktop_app.core import fulfilment, orders, products
from desktop_app.ui import settings
from desktop_app.ui.orders.orders_tab import OrdersTab

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


def _in_sight(widget: QWidget, tab: OrdersTab) -> bool:
    viewport = tab.detail_scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def _paid_order_of_two_lines(counter: Counter) -> int:
    shop = counter.shop
    wash = products.add_product(shop, "Car wash ×5 洗车五次卡", "199.00", "service", uses=5)
    coffee = products.add_product(shop, "Coffee 咖啡券", "18.00", "service", uses=1)
    for _ in range(6):  # a list longer than the rows it shows
        orders.create_order(shop, [(coffee.id, 1)], "李先生")
    order = orders.create_order(shop, [(wash.id, 1), (coffee.id, 2)], "王女士", "138 0000 0000")
    fulfilment.pay_order(shop, order.id, "wechat")
    return order.id


def _order_shown_at_1024x768(counter: Counter, qtbot: QtBot) -> OrdersTab:
    """The Orders tab at 1024x768 showing a paid order of two lines, its voucher loaded."""
    order_id = _paid_order_of_two_lines(counter)
    window = counter.window
    window.tabs.setCurrentWidget(tab := next(
        t for t in (window.tabs.widget(i) for i in range(window.tabs.count()))
        if isinstance(t, OrdersTab)))
    window.resize(1024, 768)
    idle()
    show_order(tab, order_id)
    qtbot.waitUntil(lambda: tab.detail.vouchers.card.isVisible(), timeout=WAIT_MS)
    return tab


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_a_paid_orders_voucher_is_whole_beside_its_lines_at_1024x768(
        language: str, counter: Counter, qtbot: QtBot, tmp_path: Path) -> None:
    tab = _order_shown_at_1024x768(counter, qtbot)
    window, detail = counter.window, tab.detail
    qtbot.wait(50)
    window.grab().save(str(Path(os.environ.get("SHOP_SCREENSHOTS", tmp_path))
                           / f"orders-beside-1024x768-{language}.png"))
    assert detail.is_beside()
    assert tab.detail_scroll.verticalScrollBar().value() == 0  # the order from its top
    for widget in (detail.title, detail.lines, detail.total, detail.vouchers.card,
                   detail.vouchers.print_button, detail.vouchers.all_vouchers):
        assert _in_sight(widget, tab), widget
    assert tab.table.viewport().height() >= 3 * tab.table.verticalHeader().defaultSectionSize()

    window.resize(1400, 900)  # side by side with the list: the voucher below the lines again
    idle()
    qtbot.waitUntil(lambda: not detail.is_beside(), timeout=WAIT_MS)
    vouchers = detail.vouchers

    def below() -> int:
        return (vouchers.print_button.geometry().top()
                - vouchers.previous_button.geometry().bottom())

    qtbot.waitUntil(lambda: below() < 0, timeout=WAIT_MS)  # one row of buttons
    assert detail.vouchers.mapTo(detail, QPoint(0, 0)).y() > detail.total.mapTo(
        detail, QPoint(0, 0)).y()
    window.resize(1024, 768)
    idle()
    qtbot.waitUntil(detail.is_beside, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: below() > 0, timeout=WAIT_MS)  # the buttons in a row of their own


@pytest.mark.parametrize("language", ["zh_CN"], indirect=True)
def test_a_long_message_beside_the_order_gets_its_lines(
        language: str, counter: Counter, qtbot: QtBot) -> None:
    """QA s42a F8: Send's answer, wrapped to two lines beside the order, kept one line's
    height: its first line lost its top and the second, where the picture was saved, was cut
    by the card below (seen on X11 with a refusal under the list too; not reproduced here:
    this guards the layout that gives the message its lines)."""
    tab = _order_shown_at_1024x768(counter, qtbot)
    vouchers = tab.detail.vouchers
    assert tab.detail.is_beside()
    tab.message.show_error("未退款：您确认后订单 3 有变动（其间有收银台核销了一次，"
                           "或从其礼品卡中消费了金额），现在退款应退 ¥161.31，"
                           "而不是 ¥179.07。请不要退给顾客 ¥179.07。")
    vouchers.message.show_info("卡券图片已复制：请粘贴到微信、QQ 或电子邮件中。已保存为 "
                               "/home/shop/Documents/voucher-BQ7N-AE3J-JAMB-N5V9A.png")
    message = vouchers.message

    def laid_out() -> bool:
        return message.height() >= message.heightForWidth(message.width()) \
            and message.geometry().bottom() < vouchers.card.geometry().top()

    qtbot.waitUntil(laid_out, timeout=WAIT_MS)
    assert message.heightForWidth(message.width()) > message.fontMetrics().height() * 1.5


@pytest.mark.parametrize("size", [(1024, 768), (1008, 720)])
def test_the_list_above_an_order_shows_whole_rows(size: tuple[int, int], counter: Counter,
                                                  qtbot: QtBot) -> None:
    """An older order chosen at the list's foot: the list scrolls it into sight, and its top
    row was cut in half (the list's share of the height was no number of whole rows)."""
    shop = counter.shop
    coffee = products.add_product(shop, "Coffee 咖啡券", "18.00", "service", uses=1)
    oldest = orders.create_order(shop, [(coffee.id, 1)], "王女士")
    fulfilment.pay_order(shop, oldest.id, "cash")
    for _ in range(8):
        orders.create_order(shop, [(coffee.id, 1)], "李先生")
    window = counter.window
    window.tabs.setCurrentWidget(tab := next(
        t for t in (window.tabs.widget(i) for i in range(window.tabs.count()))
        if isinstance(t, OrdersTab)))
    window.resize(*size)
    idle()
    show_order(tab, oldest.id)
    qtbot.waitUntil(lambda: tab.detail.vouchers.card.isVisible(), timeout=WAIT_MS)
    idle()
    table = tab.table
    row_height = table.verticalHeader().defaultSectionSize()
    chosen = table.currentIndex().row()
    assert table.viewport().height() % row_height == 0
    assert table.rowViewportPosition(table.rowAt(0)) == 0  # the top row whole
    assert 0 <= table.rowViewportPosition(chosen) <= table.viewport().height() - row_height


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
@pytest.mark.parametrize("size", [(1024, 768), (1008, 720)])
def test_sends_answer_beside_the_order_keeps_the_voucher_in_sight(
        language: str, size: tuple[int, int], counter: Counter, qtbot: QtBot,
        tmp_path: Path) -> None:
    """QA s43a F1: at 1024x768 Send's two-line answer pushed the card down, its QR cut off
    below, gave the list back five rows, and widened the voucher's side, squeezing the
    order's lines. Now the list gives up rows down to three, and the detail scrolls as far
    as the card's foot needs while the buttons stay in sight."""
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path / ("folder" * 14)))
    tab = _order_shown_at_1024x768(counter, qtbot)
    counter.window.resize(*size)
    vouchers = tab.detail.vouchers
    idle()
    qtbot.wait(100)  # laid out for that size
    row_height = tab.table.verticalHeader().defaultSectionSize()
    width_before, rows_before = vouchers.width(), tab.table.viewport().height() // row_height
    qtbot.mouseClick(vouchers.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "voucher-" in vouchers.message.text(), timeout=WAIT_MS)
    idle()
    qtbot.waitUntil(lambda: tab.table.viewport().height() // row_height == min(3, rows_before),
                    timeout=WAIT_MS)
    bar = tab.detail_scroll.verticalScrollBar()
    if size == (1024, 768):  # room enough: everything whole
        qtbot.waitUntil(lambda: _in_sight(vouchers.card, tab), timeout=WAIT_MS)
    else:
        qtbot.waitUntil(lambda: bar.value() > 0, timeout=WAIT_MS)
    for widget in (vouchers.message, vouchers.send_button, vouchers.print_button):
        assert _in_sight(widget, tab), widget
    assert vouchers.message.height() >= vouchers.message.heightForWidth(vouchers.message.width())
    assert vouchers.width() <= width_before  # the answer wraps; the voucher's side stays


def test_the_chosen_order_stays_in_sight_when_sends_answer_takes_rows(
        counter: Counter, qtbot: QtBot, tmp_path: Path) -> None:
    """Seen by hand after QA s43a F1's fix: the list gave up rows for Send's answer and the
    chosen order, low in it, went out of sight."""
    settings.VOUCHER_SAVE_FOLDER.write(str(tmp_path))
    shop = counter.shop
    coffee = products.add_product(shop, "Coffee 咖啡券", "18.00", "service", uses=1)
    wash = products.add_product(shop, "Car wash ×5 洗车五次卡", "199.00", "service", uses=5)
    oldest = orders.create_order(shop, [(wash.id, 1), (coffee.id, 2)], "王女士")
    fulfilment.pay_order(shop, oldest.id, "wechat")
    for _ in range(5):
        orders.create_order(shop, [(coffee.id, 1)], "李先生")
    window = counter.window
    window.tabs.setCurrentWidget(tab := next(
        t for t in (window.tabs.widget(i) for i in range(window.tabs.count()))
        if isinstance(t, OrdersTab)))
    window.resize(1008, 720)
    idle()
    show_order(tab, oldest.id)
    vouchers = tab.detail.vouchers
    qtbot.waitUntil(lambda: vouchers.card.isVisible(), timeout=WAIT_MS)
    rows = tab.table.viewport().height()
    qtbot.mouseClick(vouchers.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "voucher-" in vouchers.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.table.viewport().height() < rows, timeout=WAIT_MS)
    table = tab.table
    row_height = table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: 0 <= table.rowViewportPosition(table.currentIndex().row())
                    <= table.viewport().height() - row_height, timeout=WAIT_MS)
