"""The Orders tab on a shop of thousands of orders (QA s14a F1-F5, F10, F11): the list reads a
page at a time, the next as the owner scrolls, sorted and searched by the database; a scan at
the counter reads no list; a change to the orders keeps the chosen order chosen.

The orders are put in by bulk SQL (tests/bench/bulk.py), not made one by one."""

from __future__ import annotations

import pytest
from bench.bulk import add_paid_orders
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_ui_orders import idle, open_tab, searched

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.core import vouchers as vc
from desktop_app.core.models import Order, Voucher
from desktop_app.core.order_list import PAGE_SIZE
from desktop_app.core.store import Shop
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.orders.paged_list import REFRESH_MAX_ROWS
from desktop_app.ui.orders.table_models import OrderTableModel
from desktop_app.ui.tasks import run_in_background

pytestmark = pytest.mark.usefixtures("temp_settings")

BULK = 5000
NEEDLE_ID = 42  # far below the first page of the newest
LARGEST_ID = 77
LARGEST_CENTS = 10**11  # ¥1,000,000,000.00


@pytest.fixture
def big_shop(shop: Shop) -> Shop:
    """5,000 paid orders of varied totals, one named "Needle 针", and the newest an unpaid
    order of a real product (with the largest total of all)."""
    add_paid_orders(shop, BULK)
    shop.db.execute_sql('UPDATE "order" SET total_cents = (id * 7919) % 100000')
    Order.update(customer_name="Needle 针").where(Order.id == NEEDLE_ID).execute()
    Order.update(total_cents=LARGEST_CENTS).where(Order.id == LARGEST_ID).execute()
    Order.update(note=f"table {NEEDLE_ID}").where(Order.id == BULK - 1).execute()
    return shop


def ids(tab: OrdersTab) -> list[int]:
    return [row.id for row in tab.model.rows()]


def paid_pass(shop: Shop) -> tuple[int, str]:
    """A newly paid order of a 5-use pass, and its voucher's payload."""
    wash = products.add_product(shop, "Wash", "10.00", uses=5)
    order = orders.create_order(shop, [(wash.id, 1)], "Mrs. Li")
    fulfilment.pay_order(shop, order.id, "cash")
    code = Voucher.get(Voucher.order == order.id).code
    return order.id, vc.payload(shop.shop_id, shop.voucher_key, code)


def test_the_list_is_read_when_shown_a_page_at_a_time(qtbot: QtBot, big_shop: Shop) -> None:
    tab = OrdersTab(big_shop)
    qtbot.addWidget(tab)
    idle()
    assert tab.model.rowCount() == 0  # not read at login (QA s14a F4)
    assert tab.summary.text() == "Orders: 5,000"  # but counted
    tab.resize(1100, 800)
    tab.show()
    idle()
    assert ids(tab) == list(range(BULK, BULK - PAGE_SIZE, -1))
    tab.table.scrollToBottom()  # Qt asks for more at the end
    idle()
    assert ids(tab) == list(range(BULK, BULK - 2 * PAGE_SIZE, -1))
    tab.table.sortByColumn(OrderTableModel.TOTAL, Qt.SortOrder.DescendingOrder)
    idle()
    assert ids(tab)[0] == LARGEST_ID and tab.model.rowCount() == PAGE_SIZE
    totals = [row.total_cents for row in tab.model.rows()]
    assert totals == sorted(totals, reverse=True)
    text = tab.model.index(0, OrderTableModel.TOTAL).data()
    assert text == "¥1,000,000,000.00"  # and not cut short (QA s14a F10)
    assert tab.table.columnWidth(OrderTableModel.TOTAL) > \
        tab.table.fontMetrics().horizontalAdvance(text)
    tab.table.sortByColumn(OrderTableModel.TOTAL, Qt.SortOrder.AscendingOrder)
    idle()
    totals = [row.total_cents for row in tab.model.rows()]
    assert totals == sorted(totals) and LARGEST_ID not in ids(tab)


def test_search_finds_orders_beyond_the_first_page(qtbot: QtBot, big_shop: Shop) -> None:
    tab = open_tab(qtbot, big_shop)
    assert NEEDLE_ID not in ids(tab)
    qtbot.keyClicks(tab.search, "needle")  # type: ignore[no-untyped-call]
    assert tab.list.search_pending()  # read once the typing pauses, not at every key
    searched(qtbot, tab)
    assert ids(tab) == [NEEDLE_ID]
    idle()
    assert tab.summary.text() == "Orders: 5,000 · matching: 1"  # QA s14a F13
    assert tab.select_order(NEEDLE_ID)
    idle()
    assert tab.detail.detail is not None and tab.detail.detail.order.id == NEEDLE_ID
    tab.search.setText(f"#{LARGEST_ID}")
    searched(qtbot, tab)
    assert ids(tab) == [LARGEST_ID]
    assert tab.detail.detail is None  # the chosen order is no longer listed
    tab.search.setText(str(NEEDLE_ID))  # a bare number: that order first, then the rest
    searched(qtbot, tab)
    assert ids(tab) == [NEEDLE_ID, BULK - 1]
    tab.search.setText("")
    searched(qtbot, tab)
    idle()
    assert tab.summary.text() == "Orders: 5,000"


def test_a_page_read_for_an_older_search_is_dropped(qtbot: QtBot, big_shop: Shop) -> None:
    tab = open_tab(qtbot, big_shop)
    tab.list.set_filters("needle", None)
    tab.list.set_filters("", "paid")  # asked again before the first answer came
    idle()
    assert tab.model.rowCount() == PAGE_SIZE and ids(tab)[0] == BULK


def test_a_scan_at_the_counter_reads_no_list(qtbot: QtBot, big_shop: Shop) -> None:
    """QA s14a F1: every redemption re-read all 203,000 orders; now only the chosen order's
    detail is read again, which shows the use taken."""
    order_id, payload = paid_pass(big_shop)
    tab = open_tab(qtbot, big_shop)
    assert tab.select_order(order_id)
    idle()
    assert tab.detail.detail is not None and tab.detail.detail.vouchers[0].uses_left == 5
    before = tab.model.rows()
    resets: list[bool] = []
    tab.model.modelReset.connect(lambda: resets.append(True))
    run_in_background(None, lambda: redemption.redeem(big_shop, payload, "Counter 1"))
    idle()
    assert resets == [] and all(a is b for a, b in zip(tab.model.rows(), before, strict=True))
    assert tab.detail.detail is not None and tab.detail.detail.vouchers[0].uses_left == 4
    tab.hide()  # the owner went to the counter's tab: nothing is read until they come back
    run_in_background(None, lambda: redemption.redeem(big_shop, payload, "Counter 1"))
    idle()
    assert tab.detail.detail.vouchers[0].uses_left == 4
    tab.show()
    idle()
    assert resets == [] and tab.detail.detail.vouchers[0].uses_left == 3


def test_a_change_to_the_orders_keeps_the_chosen_order_and_the_scroll(
        qtbot: QtBot, big_shop: Shop) -> None:
    tab = open_tab(qtbot, big_shop)
    tab.table.scrollToBottom()
    idle()
    chosen = ids(tab)[300]
    assert tab.select_order(chosen)
    idle()
    qtbot.wait(100)  # laid out for the detail shown (the list may grow shorter below it)
    bar = tab.table.verticalScrollBar()
    position = bar.value()
    product = products.add_product(big_shop, "Tea", "4.00")
    run_in_background(None, lambda: orders.create_order(big_shop, [(product.id, 1)]))
    idle()
    assert ids(tab)[0] == BULK + 1 and tab.model.rowCount() >= 2 * PAGE_SIZE
    selected = tab.selected_order()
    assert selected is not None and selected.id == chosen
    assert tab.detail.detail is not None and tab.detail.detail.order.id == chosen
    assert abs(bar.value() - position) <= 1
    assert tab.summary.text() == "Orders: 5,001 · unpaid: 1"


def test_below_the_list_an_empty_detail_leaves_the_height_to_the_list(
        qtbot: QtBot, big_shop: Shop) -> None:
    """QA s14a F10: at 1024x768 the list showed six orders over an empty detail."""
    tab = open_tab(qtbot, big_shop)
    tab.resize(1000, 640)
    qtbot.waitUntil(lambda: tab.splitter.orientation() == Qt.Orientation.Vertical)
    row_height = tab.table.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: tab.table.viewport().height() >= 10 * row_height)
    assert tab.select_order(BULK - 3)
    idle()
    assert tab.detail.detail is not None
    qtbot.waitUntil(lambda: tab.detail_scroll.height() > tab.table.height())
    qtbot.waitUntil(lambda: tab.table.viewport().rect().intersects(
        tab.table.visualRect(tab.table.currentIndex())))


def test_an_order_chosen_beyond_the_rows_read_again_stays_chosen(
        qtbot: QtBot, big_shop: Shop) -> None:
    """QA s14b N2: after a change only the first 2,000 rows were read again, and an order the
    owner had scrolled further down to was dropped, its detail closed, the list jumped."""
    tab = open_tab(qtbot, big_shop)
    while tab.model.rowCount() < REFRESH_MAX_ROWS + PAGE_SIZE:
        tab.list.load_more()
        idle()
    chosen = ids(tab)[REFRESH_MAX_ROWS + 100]
    assert tab.select_order(chosen)
    idle()
    product = products.add_product(big_shop, "Tea", "4.00")
    run_in_background(None, lambda: orders.create_order(big_shop, [(product.id, 1)]))
    idle()
    selected = tab.selected_order()
    assert selected is not None and selected.id == chosen
    assert tab.detail.detail is not None and tab.detail.detail.order.id == chosen


def test_under_the_list_how_many_of_how_many_are_shown(qtbot: QtBot, big_shop: Shop) -> None:
    """QA s20a F7: the scroll bar ends where the rows read end; the list says how many of how
    many it shows, and how to reach the others, while more match than are read."""
    tab = open_tab(qtbot, big_shop)
    idle()
    shown_of = tab.list.shown_of
    assert shown_of.isVisible()
    assert shown_of.text().startswith("200 of 5,000 orders shown")
    tab.table.scrollToBottom()
    idle()
    assert shown_of.text().startswith("400 of 5,000 orders shown")
    tab.search.setText("needle")  # all it finds is shown: nothing to say
    searched(qtbot, tab)
    idle()
    assert ids(tab) == [NEEDLE_ID] and not shown_of.isVisible()
    tab.search.setText("")
    searched(qtbot, tab)
    idle()
    assert shown_of.isVisible() and shown_of.text().startswith("200 of 5,000")


def test_the_count_below_follows_every_reading_of_the_list(qtbot: QtBot, shop: Shop) -> None:
    """QA s42a F5: orders made by another process (a `voucher batch` from the command line)
    came into the list when it was read again (a sort, a search cleared), but the count
    below kept saying the old number; it is read with the list now."""
    wash = products.add_product(shop, "Wash", "10.00", uses=5)
    orders.create_order(shop, [(wash.id, 1)], "Mrs. Li")
    tab = open_tab(qtbot, shop)
    assert tab.summary.text() == "Orders: 1 · unpaid: 1"
    add_paid_orders(shop, 2)  # elsewhere: this window is not told
    tab.table.sortByColumn(OrderTableModel.TOTAL, Qt.SortOrder.DescendingOrder)
    idle()
    assert len(ids(tab)) == 3
    assert tab.summary.text() == "Orders: 3 · unpaid: 1"
    add_paid_orders(shop, 1)
    tab.list.search.setText("Li")
    searched(qtbot, tab)
    tab.list.search.setText("")  # the same search as counted last: the list read again
    searched(qtbot, tab)
    assert len(ids(tab)) == 4
    assert tab.summary.text() == "Orders: 4 · unpaid: 1"
