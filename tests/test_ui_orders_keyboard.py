"""The Orders tab by keyboard and its questions (QA S6-5, S6-6, S6-8): Enter after a quantity
adds the line, Escape does not lose typed lines unasked, Tab leaves a list for its buttons, the
search's "#12" means order 12; "Cancel order" is never one word from keeping it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot
from test_ui_orders import WAIT_MS, closed, idle, open_tab, searched

from desktop_app.core import orders, products
from desktop_app.core.store import Shop
from desktop_app.ui.orders.order_dialog import NewOrderDialog
from desktop_app.ui.orders.orders_tab import OrdersTab

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def new_order_dialog(qtbot: QtBot, shop: Shop) -> tuple[OrdersTab, NewOrderDialog]:
    products.add_product(shop, "Car wash ×5 洗车", "99.50", uses=5, valid_days=30)
    products.add_product(shop, "Yoga class ×10", "300.00", uses=10, valid_days=90)
    tab = open_tab(qtbot, shop)
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, NewOrderDialog)
    idle()
    qtbot.waitExposed(dialog)
    return tab, dialog


def lines(dialog: NewOrderDialog) -> list[tuple[str, int]]:
    return [(product.name, count) for product, count in dialog.draft.lines]


def test_enter_in_quantity_or_product_adds_the_line(qtbot: QtBot, shop: Shop) -> None:
    """QA S6-5: Enter after typing a quantity pressed "Create and take payment" and made the
    order without the product just chosen."""
    tab, dialog = new_order_dialog(qtbot, shop)
    # Before any line the empty list says what to do: the create buttons wait for one.
    assert dialog.empty.label.isVisible() and "press Add" in dialog.empty.label.text()
    assert not dialog.create_pay_button.isEnabled()
    dialog.product.setFocus()
    qtbot.keyClick(dialog.product, Qt.Key.Key_Down)  # the second product
    chosen = dialog.product.currentText().split(" — ")[0]
    dialog.quantity.setFocus()
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "3")
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    idle()
    assert not closed(dialog) and tab.dialog is dialog  # no order, no payment dialog
    assert lines(dialog) == [(chosen, 3)] and dialog.quantity.value() == 1
    assert not dialog.empty.label.isVisible()

    qtbot.keyClick(dialog.product, Qt.Key.Key_Up)
    first = dialog.product.currentText().split(" — ")[0]
    qtbot.keyClick(dialog.product, Qt.Key.Key_Enter)  # the keypad's Enter too
    idle()
    assert lines(dialog) == [(chosen, 3), (first, 1)] and not closed(dialog)

    # Elsewhere Enter still means the default button: create and take payment.
    dialog.customer_name.setFocus()
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        qtbot.keyClick(dialog.customer_name, Qt.Key.Key_Return)
    assert created.args[1] is True
    order = orders.order_detail(shop, int(created.args[0]))
    assert sorted((line.product_name, line.quantity) for line in order.lines) == sorted(
        [(chosen, 3), (first, 1)])
    idle()
    assert isinstance(tab.dialog, QWidget) and tab.dialog is not dialog
    tab.dialog.close()


def test_escape_asks_before_losing_the_lines(qtbot: QtBot, shop: Shop) -> None:
    _tab, dialog = new_order_dialog(qtbot, shop)
    dialog.add_selected()
    dialog.quantity.setValue(2)
    qtbot.keyClick(dialog.product, Qt.Key.Key_Down)
    dialog.add_selected()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and box.isVisible() and not closed(dialog)
    assert box.text() == "Discard this order's 2 lines?"
    keep = box.defaultButton()
    assert keep is box.button(QMessageBox.StandardButton.Cancel)
    assert keep.text() == "Keep editing" and box.escapeButton() is keep
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # a second Escape: the safe answer
    assert closed(box) and not closed(dialog) and len(dialog.draft.lines) == 2

    dialog.remove_line(0)
    qtbot.mouseClick(next(button for button in dialog.findChildren(QPushButton)
                          if button.text() == "Cancel"), Qt.MouseButton.LeftButton)
    box = dialog.discard_box
    assert isinstance(box, QMessageBox) and box.text() == "Discard this order's 1 line?"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert closed(dialog)


def test_escape_closes_an_empty_new_order_at_once(qtbot: QtBot, shop: Shop) -> None:
    _tab, dialog = new_order_dialog(qtbot, shop)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert closed(dialog) and dialog.discard_box is None


def test_the_cancel_question_offers_to_keep_the_order(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash", "99.50", uses=5, valid_days=30)
    order = orders.create_order(shop, [(wash.id, 1)], "Wang")
    tab = open_tab(qtbot, shop)
    assert tab.select_order(order.id)
    idle()
    tab.ask_cancel()
    box = tab.confirm_box
    assert isinstance(box, QMessageBox)
    keep = box.button(QMessageBox.StandardButton.Cancel)
    assert keep.text() == "Keep the order" and box.defaultButton() is keep
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Cancel order"
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    idle()
    assert orders.order_detail(shop, order.id).order.status == "unpaid"


def test_tab_leaves_the_order_list_for_the_buttons(qtbot: QtBot, shop: Shop) -> None:
    """QA S6-6: Tab walked the list cell by cell; the buttons were out of reach."""
    wash = products.add_product(shop, "Car wash", "99.50", uses=5, valid_days=30)
    for name in ("Wang", "Li", "Zhao"):
        orders.create_order(shop, [(wash.id, 1)], name)
    tab = open_tab(qtbot, shop)
    tab.activateWindow()
    tab.table.setFocus()
    tab.table.selectRow(0)
    idle()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)  # Up/Down still move the row
    assert tab.table.currentIndex().row() == 1
    reached = []
    for _press in range(6):
        qtbot.keyClick(QApplication.focusWidget() or tab.table, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[0] is not tab.table
    assert tab.detail.pay_button in reached


# The search's "#12" and a bare number listed first: tests/test_order_list.py (the database's).


def test_a_search_that_hides_the_chosen_order_clears_its_detail(qtbot: QtBot,
                                                                shop: Shop) -> None:
    """QA: the detail of an order the search had hidden stayed, its Take payment live."""
    product = products.add_product(shop, "Tea", "4.00")
    order = orders.create_order(shop, [(product.id, 1)], "王女士")
    tab = open_tab(qtbot, shop)
    assert tab.select_order(order.id)
    idle()
    assert tab.detail.detail is not None and tab.detail.pay_button.isVisible()
    qtbot.keyClicks(tab.search, "#9999")
    searched(qtbot, tab)
    assert tab.detail.detail is None and not tab.detail.pay_button.isVisible()
    tab.search.clear()
    searched(qtbot, tab)
    assert tab.select_order(order.id)
    idle()
    tab.search.setText("王")  # still listed: the detail stays
    searched(qtbot, tab)
    assert tab.detail.detail is not None and tab.detail.detail.order.id == order.id


def test_a_lines_quantity_takes_enter_and_tab_leaves_the_lines(qtbot: QtBot,
                                                               shop: Shop) -> None:
    """QA: Enter in a line's own quantity box created the order and opened the payment; Tab
    and Shift+Tab went round the lines table, never reaching the customer or the buttons."""
    tab, dialog = new_order_dialog(qtbot, shop)
    dialog.add_selected()
    qtbot.keyClick(dialog.product, Qt.Key.Key_Down)
    dialog.add_selected()
    box = dialog.lines.cellWidget(0, dialog.QUANTITY)
    assert isinstance(box, QSpinBox)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "4")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    idle()
    assert not closed(dialog) and tab.dialog is dialog  # nothing created
    assert lines(dialog)[0][1] == 4
    box.setFocus()
    reached = set()
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    assert dialog.customer_name in reached and dialog.create_pay_button in reached
    dialog.reject()


def test_tab_reaches_every_field_and_button_of_a_new_order(qtbot: QtBot, shop: Shop) -> None:
    """QA s17b F4: Tab went from the Note straight to "Create and take payment": an unpaid
    order ("pays on pickup") needed the mouse. Tab and Shift+Tab go top to bottom and back."""
    _tab, dialog = new_order_dialog(qtbot, shop)
    dialog.add_selected()
    cancel = next(button for button in dialog.findChildren(QPushButton)
                  if button.text() == "Cancel")
    expected = [dialog.quantity, dialog.add_button, dialog.lines,
                dialog.lines.cellWidget(0, dialog.QUANTITY),
                dialog.lines.cellWidget(0, dialog.REMOVE), dialog.customer_name,
                dialog.customer_phone, dialog.note, dialog.create_button,
                dialog.create_pay_button, cancel, dialog.product]
    dialog.product.setFocus()
    reached = []
    for _press in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert dialog.create_button in reached, "Tab never reaches Create order"
    assert reached == expected
    back = []
    for _press in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        back.append(QApplication.focusWidget())
    assert back == [*reversed(expected[:-1]), dialog.product]
    dialog.reject()


def test_alt_c_creates_an_unpaid_order(qtbot: QtBot, shop: Shop) -> None:
    """QA s17b F4: "Create order" had no accelerator; Alt+C presses it (Alt+P creates and
    takes the payment)."""
    _tab, dialog = new_order_dialog(qtbot, shop)
    dialog.add_selected()
    dialog.note.setFocus()
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        qtbot.keyClick(dialog.note, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    assert created.args[1] is False
    assert orders.order_detail(shop, int(created.args[0])).order.status == "unpaid"
    idle()


def activate(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()  # a closed dialog leaves no window active offscreen
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def test_the_owner_at_the_keyboard_finds_creates_pays_and_prints(qtbot: QtBot,
                                                                 shop: Shop) -> None:
    """Ctrl+F to the search, Ctrl+N a new order, Alt+P takes payment as in New order, Ctrl+P
    prints the voucher shown; each key named in its button's tooltip (left from QA s17b)."""
    from PySide6.QtPrintSupport import QPrintDialog
    from test_ui_orders import show_order

    from desktop_app.ui.orders.payment_dialogs import PaymentDialog

    products.add_product(shop, "Car wash ×5 洗车", "99.50", uses=5)
    tab = open_tab(qtbot, shop)
    activate(qtbot, tab)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus() and tab.search.toolTip() == "Ctrl+F"

    assert tab.new_button.toolTip() == "Ctrl+N"
    qtbot.keyClick(tab.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.dialog is not None, timeout=WAIT_MS)  # shown pressed first
    dialog = tab.dialog
    assert isinstance(dialog, NewOrderDialog)
    idle()
    dialog.add_selected()
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS) as created:
        qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # create only
    idle()
    order_id = int(created.args[0])
    show_order(tab, order_id)
    assert tab.detail.pay_button.text() == "Take &payment…"
    assert tab.detail.pay_button.isEnabled()
    activate(qtbot, tab)
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, PaymentDialog), timeout=WAIT_MS)
    payment = tab.dialog
    assert isinstance(payment, PaymentDialog)
    with qtbot.waitSignal(payment.paid, timeout=WAIT_MS):
        qtbot.mouseClick(payment.pay_button, Qt.MouseButton.LeftButton)
    idle()
    show_order(tab, order_id)
    qtbot.waitUntil(lambda: tab.detail.vouchers.print_button.isEnabled(), timeout=WAIT_MS)
    assert tab.detail.vouchers.print_button.toolTip() == "Ctrl+P"
    activate(qtbot, tab)
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.detail.vouchers.print_dialog is not None, timeout=WAIT_MS)
    printing = tab.detail.vouchers.print_dialog
    assert isinstance(printing, QPrintDialog) and printing.isVisible()
    printing.reject()
