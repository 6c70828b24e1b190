"""The Orders tab: the order list and its filters, new orders, payment, refunds, vouchers.

Real encrypted shops; models tested without widgets; dialogs shown and driven, never exec()ed.
Saved vouchers are read back by the project's own QR decoder.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import cardkeys, fulfilment, orders, products, redemption
from desktop_app.core.errors import OutOfStock
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import Order, Product, Voucher
from desktop_app.core.orders import OrderRow
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import order_voucher_views
from desktop_app.messages import error_message
from desktop_app.scanning.decoders import decode_file
from desktop_app.ui import tasks
from desktop_app.ui.orders.order_dialog import DraftOrder, NewOrderDialog
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.orders.payment_dialogs import LineRefundDialog, PaymentDialog
from desktop_app.ui.orders.table_models import OrderTableModel
from desktop_app.ui.tables import RIGHT

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def closed(widget: QWidget) -> bool:
    return not shiboken6.isValid(widget) or not widget.isVisible()


def open_tab(qtbot: QtBot, shop: Shop) -> OrdersTab:
    tab = OrdersTab(shop)
    qtbot.addWidget(tab)
    tab.resize(1100, 800)
    tab.show()
    idle()
    return tab


def searched(qtbot: QtBot, tab: OrdersTab) -> None:
    """The search typed is read once the typing pauses (QA s14a F5), then listed."""
    qtbot.waitUntil(lambda: not tab.list.search_pending(), timeout=WAIT_MS)
    idle()


def pay_in_the_dialog(qtbot: QtBot, tab: OrdersTab, order_id: int) -> None:
    """Pay the order as the owner does: its Pay button, then the payment dialog's."""
    show_order(tab, order_id)
    qtbot.mouseClick(tab.detail.pay_button, Qt.MouseButton.LeftButton)
    payment = tab.dialog
    assert isinstance(payment, PaymentDialog)
    with qtbot.waitSignal(payment.paid, timeout=WAIT_MS):
        qtbot.mouseClick(payment.pay_button, Qt.MouseButton.LeftButton)
    idle()


def show_order(tab: OrdersTab, order_id: int) -> None:
    assert tab.select_order(order_id)
    idle()
    assert tab.detail.detail is not None and tab.detail.detail.order.id == order_id


def product(product_id: int, **changes: object) -> ProductDetail:
    base = {"id": product_id, "name": "Wash", "kind": "service", "price_cents": 1250,
            "uses_per_voucher": 5, "valid_days": 30, "valid_from": None, "valid_until": None,
            "stock": None, "active": True, "reusable_key_masked": None}
    base.update(changes)
    return ProductDetail(**base)  # type: ignore[arg-type]


def row(order_id: int, **changes: object) -> OrderRow:
    now = dt.datetime.now(dt.UTC)
    base = {"id": order_id, "status": "paid", "created_at": now, "paid_at": now,
            "customer_name": "", "customer_phone": "", "note": "", "total_cents": 1800,
            "payment_method": "wechat", "payment_ref": "", "is_batch": False}
    base.update(changes)
    return OrderRow(**base)  # type: ignore[arg-type]


# -- models, without widgets -----------------------------------------------------------------

def test_order_model(qapp: QApplication) -> None:
    """(Its search and status filter are the database's now: tests/test_order_list.py.)"""
    model = OrderTableModel("CNY")
    model.set_rows([row(12, customer_name="王女士", customer_phone="138 0000 1234"),
                    row(7, status="unpaid", customer_name="Mr. Smith", payment_method=None),
                    row(3, status="refunded", is_batch=True, note="spring promotion")])
    total = model.index(0, OrderTableModel.TOTAL)
    assert total.data() == "¥18.00" and total.data(Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT)
    assert model.index(0, OrderTableModel.METHOD).data() == "WeChat Pay"
    assert model.index(1, OrderTableModel.STATUS).data() == "Unpaid"
    assert model.index(1, OrderTableModel.METHOD).data() == "—"  # not "Other": nothing paid
    assert model.index(2, OrderTableModel.CUSTOMER).data() == "Batch"


def test_draft_order_adds_up(qapp: QApplication) -> None:
    draft = DraftOrder()
    wash, box = product(1, price_cents=1999), product(2, name="Box", kind="goods", stock=1)
    draft.add(wash, 2)
    draft.add(box, 1)
    assert draft.add(wash, 1) == 0  # the same product joins its line
    assert draft.items() == [(1, 3), (2, 1)] and draft.total_cents == 3 * 1999 + 1250
    assert draft.shortages() == []
    draft.set_quantity(1, 3)
    assert draft.shortages() == [(box, 3)]
    draft.remove(0)
    assert draft.items() == [(2, 3)]


# -- creating and paying ---------------------------------------------------------------------

def test_empty_list_says_how_to_start(qtbot: QtBot, shop: Shop) -> None:
    tab = open_tab(qtbot, shop)
    assert tab.empty.label.isVisible() and "New order" in tab.empty.label.text()
    assert tab.detail.placeholder.isVisible()


def create_via_dialog(qtbot: QtBot, tab: OrdersTab, wash_id: int, game_id: int) -> int:
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, NewOrderDialog)
    idle()
    assert not dialog.create_button.isEnabled()  # nothing in it yet
    dialog.select_product(wash_id)
    dialog.quantity.setValue(2)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.select_product(game_id)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.total.text() == "Total: ¥229.00"
    dialog.set_quantity(1, 2)  # the quantity box of the second line
    assert dialog.total.text() == "Total: ¥259.00"
    qtbot.keyClicks(dialog.customer_name, "Wang")
    qtbot.keyClicks(dialog.customer_phone, "138 0000 1234")
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        qtbot.mouseClick(dialog.create_pay_button, Qt.MouseButton.LeftButton)
    idle()
    assert closed(dialog)
    return int(created.args[0])


def test_create_pay_and_see_the_vouchers(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash ×5 洗车", "99.50", uses=5, valid_days=30)
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "GAME-KEY-0000001\nGAME-KEY-0000002\n")
    tab = open_tab(qtbot, shop)
    order_id = create_via_dialog(qtbot, tab, wash.id, game.id)
    order = Order.get_by_id(order_id)
    assert (order.status, order.total_cents, order.customer_name) == ("unpaid", 25900, "Wang")
    payment = tab.dialog  # "Create and take payment" went on to the payment
    assert isinstance(payment, PaymentDialog) and payment.isVisible()
    assert tab.selected_order() is not None and tab.selected_order().id == order_id
    payment.set_method("wechat")
    qtbot.keyClicks(payment.reference, "WX-4711")
    with qtbot.waitSignal(payment.paid, timeout=WAIT_MS):
        qtbot.mouseClick(payment.pay_button, Qt.MouseButton.LeftButton)
    idle()
    assert closed(payment)
    order = Order.get_by_id(order_id)
    assert (order.status, order.payment_method, order.payment_ref) == ("paid", "wechat",
                                                                       "WX-4711")
    panel = tab.detail.vouchers
    views = order_voucher_views(shop, order_id)
    assert panel.isVisible() and panel.voucher_ids == [v.id for v in Voucher.select()
                                                        .where(Voucher.order == order_id)
                                                        .order_by(Voucher.id)]
    assert panel.card.code.text() == views[0].code
    assert panel.card.uses.text() == "10 uses" and not panel.card.key.isVisible()
    assert panel.title.text() == "Voucher 1 of 3" and panel.all_vouchers.isVisible()
    panel.card.copy_code()
    assert QGuiApplication.clipboard().text() == views[0].code
    panel.go_to(1)
    idle()
    assert panel.card.code.text() == views[1].code
    key = views[1].card_key
    assert key is not None and panel.card.key.isVisible()
    assert panel.card.key.text() == mask_key(key) and key not in panel.card.key.text()
    assert "Paid" in tab.detail.status.text() and "WeChat Pay" in tab.detail.info.text()
    assert tab.detail.refund_button.isVisible() and not tab.detail.pay_button.isVisible()


def decoded(path: Path) -> list[str]:
    return [found.text for found in decode_file(path)]


def rasterized(pdf: Path, out: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(out / "page")],
                   check=True, timeout=60)
    return sorted(out.glob("page*.png"))


def paid_order(shop: Shop) -> tuple[int, list[str]]:
    wash = products.add_product(shop, "精洗套餐 Deluxe wash", "88.00", uses=3, valid_days=90)
    order = orders.create_order(shop, [(wash.id, 1)], "李先生")
    issued = fulfilment.pay_order(shop, order.id, "alipay")
    return order.id, [v.payload for v in issued]


def test_partial_refund_of_a_card_key_line(qtbot: QtBot, shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-0000000001\nK-0000000002\nK-0000000003\n")
    wash = products.add_product(shop, "Wash", "10.00")
    order = orders.create_order(shop, [(game.id, 2), (wash.id, 1)])
    handed_back, kept, _wash = fulfilment.pay_order(shop, order.id)
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    assert len(tab.detail.vouchers.voucher_ids) == 3
    # QA s35a F8: no line chosen yet, the button was grey with nothing but a tooltip to say
    # why; now it says which to choose (two lines may be refunded in part here).
    assert tab.detail.refund_line_button.isEnabled()
    qtbot.mouseClick(tab.detail.refund_line_button, Qt.MouseButton.LeftButton)
    assert tab.dialog is None or not isinstance(tab.dialog, LineRefundDialog)
    assert tab.message.text() == "Select a line of the order first, then click Refund part…"
    tab.detail.lines.selectRow(0)
    assert tab.detail.refund_line_button.isEnabled()
    qtbot.mouseClick(tab.detail.refund_line_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LineRefundDialog) and dialog.choice_list is not None
    assert dialog.amount.text() == "¥0.00" and not dialog.refund_button.isEnabled()
    choices = dialog.choice_list
    assert [choices.list.item(row).text().split()[0] for row in range(2)] == [
        kept.code, handed_back.code]  # newest first, each with its masked key
    qtbot.keyClicks(choices.scan, "garbage")  # a wrong scan says so and ticks nothing
    qtbot.keyClick(choices.scan, Qt.Key.Key_Return)
    assert dialog.isVisible() and "not one of these" in choices.message.text()
    shown = choices.message.geometry()  # below the list, inside the dialog (QA: it covered it)
    assert shown.top() >= choices.list.geometry().bottom()
    assert choices.mapTo(dialog, shown.bottomLeft()).y() <= dialog.height()
    choices.scan.clear()
    qtbot.keyClicks(choices.scan, handed_back.payload)  # the scanner, the older key's QR
    qtbot.keyClick(choices.scan, Qt.Key.Key_Return)
    assert dialog.isVisible() and not choices.message.isVisible()  # Enter did not close it
    assert [c.voucher_id for c in choices.chosen()] == [handed_back.id]
    assert dialog.amount.text() == "¥30.00" and dialog.refund_button.isEnabled()
    with qtbot.waitSignal(dialog.refunded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.refund_button, Qt.MouseButton.LeftButton)
    idle()
    assert closed(dialog)
    assert Order.get_by_id(order.id).status == "paid"
    assert products.product_detail(shop, game.id).stock == 1  # set aside, not on sale
    assert "pay back ¥30.00" in tab.message.text() and "Returned" in tab.message.text()
    shown = tab.detail.detail
    assert shown is not None and shown.lines[0].refunded_quantity == 1
    assert shown.refunded_cents == 3000
    assert "¥30.00" in tab.detail.refunded.text()
    assert tab.detail.vouchers.voucher_ids == [kept.id, _wash.id, handed_back.id]
    assert "shown last, marked VOID" in tab.detail.voucher_note.text()
    assert not tab.detail.lines.isColumnHidden(4)  # the Refunded column appears
    assert Voucher.get_by_id(handed_back.id).state == "void"  # the one handed back, not
    assert Voucher.get_by_id(kept.id).state == "valid"  # the newest (QA R13)


def test_used_voucher_cannot_be_refunded_in_part(qtbot: QtBot, shop: Shop) -> None:
    order_id, payloads = paid_order(shop)
    redemption.redeem(shop, payloads[0], "c")
    tab = open_tab(qtbot, shop)
    show_order(tab, order_id)
    assert not tab.detail.refund_line_button.isEnabled()  # no line can be: nothing chosen
    tab.detail.lines.selectRow(0)
    assert not tab.detail.refund_line_button.isEnabled()
    assert tab.detail.vouchers.card.uses.text() == "2 of 3 uses left"


def test_out_of_stock_says_what_is_short(qtbot: QtBot, shop: Shop) -> None:
    box = products.add_product(shop, "Gift box 礼盒", "88.00", "goods", stock=1)
    order = orders.create_order(shop, [(box.id, 2)])
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    qtbot.mouseClick(tab.detail.pay_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, PaymentDialog)
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    idle()
    expected = error_message(OutOfStock(product="Gift box 礼盒", product_id=box.id, wanted=2,
                                        available=1))
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == expected and "Gift box 礼盒" in expected
    assert dialog.pay_button.isEnabled()  # fix the stock, then try again
    assert Order.get_by_id(order.id).status == "unpaid"
    assert Product.get_by_id(box.id).stock == 1
    dialog.reject()


def test_new_order_warns_before_stock_runs_short(qtbot: QtBot, shop: Shop) -> None:
    box = products.add_product(shop, "Gift box", "88.00", "goods", stock=1)
    products.add_product(shop, "Archived", "1.00")
    products.set_archived(shop, products.list_products(shop, include_archived=True)[0].id, True)
    dialog = NewOrderDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    assert [p.name for p in dialog.products] == ["Gift box"]  # archived: not for sale
    dialog.select_product(box.id)
    dialog.quantity.setValue(3)
    dialog.add_selected()
    assert dialog.stock_message.isVisible() and "only 1" in dialog.stock_message.text()
    dialog.remove_line(0)
    assert not dialog.stock_message.isVisible() and not dialog.create_button.isEnabled()


def test_new_order_says_that_passes_bought_together_are_one_voucher(
        qtbot: QtBot, shop: Shop) -> None:
    """QA s15a F8: 2 × a 5-wash pass became one voucher of 10 washes, unsaid; an owner took
    it for a mistake (the customer meant one as a gift)."""
    wash = products.add_product(shop, "Wash x5", "99.00", "service", uses=5)
    dialog = NewOrderDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    idle()
    dialog.select_product(wash.id)
    dialog.add_selected()
    assert not dialog.shared_note.isVisible()  # one pass, one voucher: nothing to say
    dialog.set_quantity(0, 2)
    text = dialog.shared_note.text()
    assert dialog.shared_note.isVisible()
    assert "2 × “Wash x5” is one voucher of 10 uses" in text and "order of its own" in text
    dialog.remove_line(0)
    assert not dialog.shared_note.isVisible()


def test_cancel_an_unpaid_order(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00")
    order = orders.create_order(shop, [(wash.id, 1)], note="pays on pickup")
    tab = open_tab(qtbot, shop)
    show_order(tab, order.id)
    assert "pays on pickup" in tab.detail.info.text()
    assert "issued when the order is paid" in tab.detail.voucher_note.text()
    tab.detail.cancel_button.click()
    assert tab.confirm_box is not None
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert Order.get_by_id(order.id).status == "cancelled"
    assert not tab.detail.cancel_button.isVisible() and not tab.detail.pay_button.isVisible()
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("paid"))
    idle()
    assert tab.model.rowCount() == 0 and "matches" in tab.empty.label.text()


def test_money_is_shown_with_thousands_separators_in_both_languages(qtbot: QtBot) -> None:
    from desktop_app.i18n import install_translator, remove_translators
    from desktop_app.ui.display import money

    for language in ("en", "zh_CN"):
        install_translator(QApplication.instance(), language)
        try:
            assert money(1_280_000, "CNY") == "¥12,800.00"
            assert money(-123_456_789, "USD") == "-$1,234,567.89"
            assert money(99, "CHF") == "CHF 0.99"
        finally:
            remove_translators(QApplication.instance())


def test_paying_on_the_orders_tab_refreshes_the_inventory_stock_without_a_show_event(
        qtbot: QtBot, shop: Shop) -> None:
    from desktop_app.ui.inventory.inventory_tab import InventoryTab

    box = products.add_product(shop, "Gift box 礼盒", "88.00", "goods", stock=5)
    order = orders.create_order(shop, [(box.id, 2)])
    stock = InventoryTab(shop)  # never shown: only the change can tell it
    qtbot.addWidget(stock)
    tab = open_tab(qtbot, shop)
    assert [r.stock for r in stock.model.rows()] == [5]
    pay_in_the_dialog(qtbot, tab, order.id)
    assert not stock.isVisible()
    assert [r.stock for r in stock.model.rows()] == [3]
    assert tab.selected_order() is not None and tab.selected_order().status == "paid"


@pytest.mark.parametrize(("width", "height"), [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_order_detail_is_never_cut_off(qtbot: QtBot, shop: Shop, width: int,
                                           height: int) -> None:
    """At 1024x768 the detail went off the right edge (Print, the subtotals); now it goes
    below the list when both do not fit side by side."""
    order_id, _payloads = paid_order(shop)
    tab = OrdersTab(shop)
    qtbot.addWidget(tab)
    tab.resize(width - 40, height - 200)  # the window's frame, header, tabs and status bar
    tab.show()
    idle()
    show_order(tab, order_id)
    idle()
    panel = tab.detail.vouchers
    viewport = tab.detail.parentWidget()
    assert viewport is not None
    scroll = viewport.parentWidget()
    assert scroll is not None
    for widget in (panel.print_button, panel.pdf_button, tab.detail.refund_button):
        left = widget.mapTo(scroll, widget.rect().topLeft()).x()
        assert left + widget.width() <= scroll.width(), (widget.text(), left, scroll.width())
    for column in range(tab.table.model().columnCount()):
        assert tab.table.columnWidth(column) >= 40
    expected = Qt.Orientation.Vertical if width < 1200 else Qt.Orientation.Horizontal
    assert tab.splitter.orientation() == expected


def test_an_order_of_one_line_refunds_it_in_part_without_choosing_it(qtbot: QtBot,
                                                                     shop: Shop) -> None:
    """QA s35a F8: with one line there is nothing to choose; Refund part… takes it."""
    order_id, _payloads = paid_order(shop)
    tab = open_tab(qtbot, shop)
    show_order(tab, order_id)
    assert tab.detail.selected_line() is None and tab.detail.refund_line_button.isEnabled()
    qtbot.mouseClick(tab.detail.refund_line_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, LineRefundDialog)
    dialog.reject()
