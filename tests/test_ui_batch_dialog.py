"""Orders → New batch…: a batch issued from the desktop app (QA s11b F1: only the command line
could), free or at a price, then shown with its vouchers ready to save and print all; the
saved PDF is rasterised and every QR read back by the project's decoder."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_ui_orders import WAIT_MS, closed, decoded, idle, open_tab, rasterized

from desktop_app.core import auth, fulfilment, products
from desktop_app.core.models import Order, OrderLine, Voucher
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop
from desktop_app.ui.orders.batch_dialog import BatchDialog
from desktop_app.ui.orders.orders_tab import OrdersTab

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def open_batch(qtbot: QtBot, tab: OrdersTab) -> BatchDialog:
    assert tab.batch_button.isVisible()
    qtbot.mouseClick(tab.batch_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, BatchDialog)
    idle()  # its products
    return dialog


def type_count(qtbot: QtBot, dialog: BatchDialog, count: int) -> None:
    dialog.count.selectAll()
    qtbot.keyClicks(dialog.count, str(count))


def commit_text(field: QWidget, text: str) -> None:
    """``text`` as an input method hands it over (QTest types Latin-1 keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def test_a_free_batch_issued_and_shown_ready_to_print_all(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    coffee = products.add_product(shop, "咖啡券 Coffee", "18.00", valid_days=30)
    gift = products.add_product(shop, "Gift card", "90", "giftcard", value="100")
    products.add_product(shop, "Box", "5", kind="goods")
    products.add_product(shop, "Game key", "45", kind="cardkey")
    old = products.add_product(shop, "Old pass", "10")
    products.set_archived(shop, old.id, True)
    tab = open_tab(qtbot, shop)
    dialog = open_batch(qtbot, tab)
    assert sorted(dialog.product.itemData(i) for i in range(dialog.product.count())) == sorted(
        [coffee.id, gift.id])  # what a batch may issue, as the command line allows
    dialog.select_product(coffee.id)
    assert dialog.price.text() == "18.00"  # the product's price by default
    type_count(qtbot, dialog, 5)
    assert dialog.summary.text() == "Total: ¥90.00 (5 × ¥18.00)"
    qtbot.mouseClick(dialog.free_button, Qt.MouseButton.LeftButton)
    assert dialog.price.text() == "0.00"
    assert dialog.summary.text() == "Free: 5 vouchers given away, booked as no revenue."
    assert dialog.issue_button.text() == "Issue 5 vouchers"
    qtbot.keyClicks(dialog.note, "spring promotion")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter issues: the fields are valid
    assert dialog.busy and not dialog.issue_button.isEnabled()  # off the GUI thread
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # not while the order is being made
    assert not closed(dialog)
    idle()
    assert closed(dialog)
    [order] = Order.select()
    assert order.is_batch and order.total_cents == 0 and order.note == "spring promotion"
    assert OrderLine.get().unit_price_cents == 0
    assert sales_report(shop, by="product").totals["revenue"] == 0
    idle()  # the list re-read, the new order selected and its detail loaded
    selected = tab.selected_order()
    assert selected is not None and selected.id == order.id
    assert "5 vouchers issued" in tab.message.text()
    panel = tab.detail.vouchers
    assert panel.title.text() == "Voucher 1 of 5"
    assert panel.all_vouchers.isVisible() and panel.all_vouchers.isChecked()
    panel.set_layout("a4")
    panel.save_pdf(str(tmp_path / "batch.pdf"))
    idle()
    pages = tmp_path / "pages"
    pages.mkdir()
    found = sorted(payload for page in rasterized(tmp_path / "batch.pdf", pages)
                   for payload in decoded(page))
    stored = Voucher.select().where(Voucher.order == order.id)
    assert found == sorted(fulfilment.voucher_payload(shop, v) for v in stored)
    assert len(found) == 5


def test_a_gift_card_batch_at_the_products_price_by_clicking_issue(
        qtbot: QtBot, shop: Shop) -> None:
    products.add_product(shop, "A pass", "30")
    gift = products.add_product(shop, "Gift card", "90", "giftcard", value="100")
    tab = open_tab(qtbot, shop)
    dialog = open_batch(qtbot, tab)
    dialog.select_product(gift.id)
    assert dialog.price.text() == "90.00"
    assert dialog.price_hint.text() == "each card carries ¥100.00"
    qtbot.mouseClick(dialog.free_button, Qt.MouseButton.LeftButton)
    assert dialog.price_hint.text() == "each card carries ¥100.00"  # given away, all the same
    dialog.price.setText("90")
    dialog.count.setValue(3)
    with qtbot.waitSignal(dialog.issued, timeout=WAIT_MS) as issued:
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    idle()
    assert issued.args[1] == 3
    order = Order.get_by_id(issued.args[0])
    assert order.total_cents == 3 * 9000 and order.payment_method == "other"
    assert {v.balance_cents for v in Voucher.select()} == {10_000}


def test_enter_waits_for_valid_fields_and_escape_cancels(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "25", stock=4)
    tab = open_tab(qtbot, shop)
    dialog = open_batch(qtbot, tab)
    dialog.select_product(wash.id)
    assert dialog.stock.text() == "4 in stock"
    type_count(qtbot, dialog, 5)
    assert dialog.problem.text() == "Only 4 of “Wash” in stock."
    assert not dialog.issue_button.isEnabled()
    qtbot.keyClick(dialog.count, Qt.Key.Key_Return)
    dialog.count.setValue(2)
    dialog.price.selectAll()
    qtbot.keyClicks(dialog.price, "-3")
    assert dialog.problem.text().startswith("Price each:") and dialog.summary.text() == ""
    qtbot.keyClick(dialog.price, Qt.Key.Key_Return)
    dialog.price.selectAll()
    commit_text(dialog.price, "１２。５")  # typed with a Chinese input method
    assert dialog.problem.text() == "" and dialog.summary.text() == "Total: ¥25.00 (2 × ¥12.50)"
    dialog.select_product(wash.id)  # the owner's price stays
    assert dialog.price.text() == "１２。５"
    idle()
    assert Order.select().count() == 0  # Enter issued nothing while a field was wrong
    qtbot.keyClick(dialog.price, Qt.Key.Key_Escape)
    assert closed(dialog) and Order.select().count() == 0


def test_a_refusal_is_said_in_the_dialog_and_nothing_is_lost(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "25", stock=4)
    tab = open_tab(qtbot, shop)
    dialog = open_batch(qtbot, tab)
    dialog.select_product(wash.id)
    dialog.count.setValue(3)
    qtbot.keyClicks(dialog.note, "for the fair")
    fulfilment.issue_batch(shop, wash.id, 2)  # another counter took stock meanwhile
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    idle()
    assert not closed(dialog) and "Wash" in dialog.error.text()
    assert dialog.note.text() == "for the fair" and dialog.issue_button.isEnabled()
    assert Order.select().count() == 1


def test_no_batch_button_for_a_clerk(qtbot: QtBot, shop: Shop) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        tab = OrdersTab(clerk)
        qtbot.addWidget(tab)
        tab.show()
        idle()
        assert not tab.batch_button.isVisible()


def rows_cut_at_the_top(tab: OrdersTab) -> list[int]:
    """The detail's rows (heading, info, lines, total, voucher panel…) that the scrolled
    viewport starts inside of: shown cut in half at its top."""
    shown_from = tab.detail_scroll.verticalScrollBar().value()
    column, body = tab.detail.rows, tab.detail.body
    cut = []
    for index in range(column.count()):
        item = column.itemAt(index)
        assert item is not None
        top = body.mapTo(tab.detail, item.geometry().topLeft()).y()
        if not item.isEmpty() and top < shown_from < top + item.geometry().height():
            cut.append(index)
    return cut


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_after_a_batch_the_detail_scrolls_to_whole_rows(
        qtbot: QtBot, shop: Shop, size: tuple[int, int], tmp_path: Path) -> None:
    """QA s11a: after New batch… at 1024x768 the detail scrolled to the vouchers as far as it
    could, and the order's total line showed cut in half at the top. A shop with its
    backups set up: the "no automatic backups" banner, while shown, takes the 27 px that
    the voucher's QR needs at 1024x768 (see the session note)."""
    from desktop_app.core import backup
    from desktop_app.ui.main_window import MainWindow

    backup.set_backup_settings(shop, str(tmp_path), automatic=True)
    coffee = products.add_product(shop, "Coffee pass", "18.00", uses=5, valid_days=30)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    tab = next(window.tabs.widget(i) for i in range(window.tabs.count())
               if isinstance(window.tabs.widget(i), OrdersTab))
    window.tabs.setCurrentWidget(tab)
    idle()
    dialog = open_batch(qtbot, tab)
    dialog.select_product(coffee.id)
    type_count(qtbot, dialog, 50)
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    idle()
    idle()  # the list, then the detail, then its first voucher
    qtbot.waitUntil(lambda: tab.detail.vouchers.view is not None, timeout=WAIT_MS)
    qtbot.wait(50)  # the scroll to the vouchers, once laid out
    panel = tab.detail.vouchers
    assert rows_cut_at_the_top(tab) == []
    viewport = tab.detail_scroll.viewport()
    for shown in (panel.print_button, panel.pdf_button, panel.all_vouchers, panel.card.qr):
        top = shown.mapTo(viewport, QPoint(0, 0)).y()
        assert top >= 0 and top + shown.height() <= viewport.height(), shown
