"""A scanner burst is a scan wherever it lands: a dialog, another tab (the lock screen is in
test_ui_scan_at_lock_screen.py).

Real sessions on real encrypted shops, driven by scan_driver: real key events at a scanner's
speed or a person's, timed by a clock the test moves.
"""

from __future__ import annotations

import pytest
from counter_driver import attempts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from scan_driver import (
    PERSON_MS,
    SCANNER_MS,
    WAIT_MS,
    Keys,
    at_work,
    log_in,
    open_product_dialog,
    sell,
    session,
    tab_of,
    uses_left,
)

from desktop_app.ui import tasks
from desktop_app.ui.inventory.inventory_tab import InventoryTab
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture


def orders_tab_of(window: MainWindow) -> OrdersTab:
    return next(tab for tab in (window.tabs.widget(i) for i in range(window.tabs.count()))
                if isinstance(tab, OrdersTab))


def inventory_tab_of(window: MainWindow) -> InventoryTab:
    return next(tab for tab in (window.tabs.widget(i) for i in range(window.tabs.count()))
                if isinstance(tab, InventoryTab))



# -- over dialogs ------------------------------------------------------------------------------

def test_a_scan_over_the_change_password_dialog_redeems_and_leaves_it_as_it_was(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    dialog = window.open_change_password()
    qtbot.waitExposed(dialog)
    field = dialog.focusWidget()
    assert field is not None
    keys.type(dialog, "abc", PERSON_MS)  # the operator had begun typing
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert dialog.isVisible()
    assert field.text() == "abc"  # type: ignore[attr-defined]


def test_a_password_typed_fast_into_change_password_stays_there(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s10a F7: a password manager's auto-typed password was emptied from the field, and
    one of 16 characters or more was redeemed: shown in clear on the counter's list, kept in
    the shop's records."""
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    before = attempts()
    dialog = window.open_change_password()
    qtbot.waitExposed(dialog)
    field = dialog.focusWidget()
    assert field is not None
    keys.scan(dialog, "My-Long-Passw0rd-2026")  # auto-typed, with its Enter
    tasks.wait_until_idle()
    assert field.text() == "My-Long-Passw0rd-2026"  # type: ignore[attr-defined]
    assert dialog.isVisible() and attempts() == before


def test_a_scan_over_the_about_box_does_not_close_it(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.show_about()
    box = window.about_box
    qtbot.waitExposed(box)
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(box, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert box.isVisible()


def test_a_scan_over_a_yes_no_question_answers_nothing(
        qtbot: QtBot, session: ShopSession) -> None:
    """Letters are the buttons' shortcuts in a message box: a burst of Y and N presses none."""
    keys = Keys(session)
    window = log_in(qtbot, session)
    keys.follow(window)
    box = QMessageBox(QMessageBox.Icon.Question, "Refund?", "Refund this order?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    answers: list[int] = []
    box.finished.connect(answers.append)
    box.open()
    qtbot.waitExposed(box)
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(box, "YNYNYNYNYNYNYNYNYN")
    assert not shown.args[0].ok
    assert box.isVisible() and answers == []
    box.done(0)


def test_a_scan_over_the_product_dialog_does_not_land_in_its_fields(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    dialog = open_product_dialog(qtbot, session, window)
    dialog.name.setFocus()
    keys.type(dialog, "Tea", PERSON_MS)
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert dialog.isVisible() and dialog.name.text() == "Tea"
    dialog.reject()


def test_a_scan_over_move_to_another_computer_neither_types_nor_moves(
        qtbot: QtBot, session: ShopSession) -> None:
    """The final backup's folder field and tick are the owner's: a burst (with its Enter) is
    a scan at the counter, never a folder typed nor the move started."""
    from desktop_app.ui.admin.move_out_dialog import MoveOutDialog

    keys, window, voucher_id, payload = at_work(qtbot, session)
    dialog = window.open_move_out()
    assert isinstance(dialog, MoveOutDialog)
    qtbot.waitExposed(dialog)
    dialog.folder.setFocus()
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert dialog.isVisible() and dialog.folder.text() == ""
    assert not dialog.understood.isChecked() and window.shop.moved_to is None
    dialog.reject()


def test_a_scan_over_the_counters_card_look_up_leaves_its_pin_alone(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    tab = tab_of(window)
    QTest.mouseClick(tab.cards_button, Qt.MouseButton.LeftButton)
    dialog = tab.card_lookup
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.search.setFocus()
    keys.type(dialog, "5678", PERSON_MS)  # a caller's phone, as the clerk types it
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert dialog.isVisible() and dialog.search.text() == "5678" and dialog.pin.text() == ""
    dialog.reject()


# -- other tabs --------------------------------------------------------------------------------

def test_a_scan_on_the_inventory_tab_switches_to_redemption_and_redeems(
        qtbot: QtBot, session: ShopSession) -> None:
    """Into its search box too (the Orders tab's finds the voucher's order instead)."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    inventory = inventory_tab_of(window)
    window.tabs.setCurrentWidget(inventory)
    tasks.wait_until_idle()
    search = inventory.search
    search.setFocus()
    keys.type(window, "Wang", PERSON_MS)  # a person's search stays theirs
    keys.type(window, "Li", PERSON_MS)
    keys.enter(window, PERSON_MS)
    assert search.text() == "WangLi" and window.tabs.currentWidget() is inventory
    search.clear()
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(window, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert window.tabs.currentWidget() is tab_of(window)
    assert search.text() == ""


def test_a_scan_on_the_orders_table_is_not_a_table_search(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    orders_tab = orders_tab_of(window)
    window.tabs.setCurrentWidget(orders_tab)
    tasks.wait_until_idle()
    orders_tab.table.setFocus()
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(window, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1


def wedge_scan(keys: Keys, into: QWidget, text: str) -> None:
    """A keyboard-wedge scanner as the system delivers it: Shift goes down before each
    capital letter and up after it, as separate key events (a QTest key click alone has no
    Shift press), then Enter."""
    handle = into.window().windowHandle()
    assert handle is not None
    keys.now += 1000
    for char in text:
        keys.now += SCANNER_MS
        if char.isupper():
            QTest.keyPress(handle, Qt.Key.Key_Shift, Qt.KeyboardModifier.ShiftModifier)
            QTest.keyClick(handle, char, Qt.KeyboardModifier.ShiftModifier)  # type: ignore[call-overload]
            QTest.keyRelease(handle, Qt.Key.Key_Shift)
        else:
            QTest.keyClick(handle, char)  # type: ignore[call-overload]
    keys.enter(into, SCANNER_MS)


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # offscreen: a popup
def test_a_scan_while_a_menu_is_open_is_one_scan_and_closes_the_menu(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s35b F1: with the Help menu open, a scan was split at its first "A" (the Shift
    before it let the held keys go to the menu), which opened About; two refused attempts were
    recorded for one good voucher. With the Shop menu open, its "S" opened Settings."""
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    assert session.shop is not None
    before = attempts()
    for number, action in enumerate(window.menuBar().actions(), start=3):
        menu = action.menu()
        assert isinstance(menu, QMenu)
        voucher_id, payload = sell(session.shop, uses=number)
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        qtbot.waitExposed(menu)
        with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
            wedge_scan(keys, menu, payload)
        assert shown.args[0].reason == "redeemed", action.text()
        assert uses_left(voucher_id) == number - 1
        tasks.wait_until_idle()
        assert not menu.isVisible(), action.text()  # the verdict is in sight
        assert getattr(window, "about_box", None) is None or not window.about_box.isVisible()
        assert "settings" not in window.dialogs or not window.dialogs["settings"].isVisible()
    assert attempts() == before + len(window.menuBar().actions())  # one attempt per scan


@pytest.mark.parametrize(("scanned", "said"), [
    ("134567890123456789", "payment code (WeChat Pay or Alipay)"),  # WeChat Pay
    ("28123456789012345678", "payment code (WeChat Pay or Alipay)"),  # Alipay
    ("ZZZZ-NOT-A-VOUCHER", "Scan again, or type the printed code"),
])
def test_a_payment_code_scanned_at_the_counter_is_said_to_be_one(
        qtbot: QtBot, session: ShopSession, scanned: str, said: str) -> None:
    """QA s39a F21: a customer's WeChat/Alipay payment code (read all day by the same
    scanner) was told "not a voucher … scan again", and the cashier scanned it again."""
    keys, window, _voucher_id, _payload = at_work(qtbot, session)
    tab = tab_of(window)
    before = attempts()
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS):
        keys.scan(tab.scan_field, scanned)
    assert tab.verdict.headline.text() == "Not a voucher code"
    assert said in tab.verdict.detail.text()
    assert attempts() == before + 1  # recorded as any refused scan


def test_a_scan_over_a_dialog_after_its_field_was_typed_in_and_erased_redeems(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s43a F6: "ab" typed into New order's customer and erased, then a scan two seconds
    later: the payload stayed in the field (an order's customer, later) and was not
    redeemed."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    dialog = open_product_dialog(qtbot, session, window)
    dialog.name.setFocus()
    keys.type_and_erase(qtbot, dialog, "ab")
    assert dialog.name.text() == ""
    keys.now += 1000  # and the scan comes two seconds later (scan adds one more)
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert dialog.isVisible() and dialog.name.text() == ""
    dialog.reject()
