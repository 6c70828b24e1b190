"""A scanner burst is a scan wherever it lands: the lock screen, a dialog, another tab.

Real sessions on real encrypted shops; keys are real key events delivered to the focused
widget of a window, at a scanner's speed (4 ms apart) or a person's (150 ms apart), timed by
a clock the test moves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.lockout import LOCKOUT_FILE
from desktop_app.core.models import Voucher
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000
SCANNER_MS = 4
PERSON_MS = 150


class Keys:
    """Typing into whatever has the focus in a window, with a clock the test moves."""

    def __init__(self, session: ShopSession) -> None:
        self.session = session
        self.now = 1_000_000.0
        session.scanner.set_clock(self.clock)

    def clock(self) -> float:
        return self.now

    def follow(self, window: MainWindow) -> None:
        tab = window.redemption_tab()
        assert tab is not None
        tab.set_key_clock(self.clock)

    def type(self, into: QWidget, text: str, interval_ms: float) -> None:
        handle = into.window().windowHandle()
        assert handle is not None
        for char in text:
            self.now += interval_ms
            QTest.keyClick(handle, char)

    def enter(self, into: QWidget, after_ms: float) -> None:
        self.now += after_ms
        handle = into.window().windowHandle()
        assert handle is not None
        QTest.keyClick(handle, Qt.Key.Key_Return)

    def scan(self, into: QWidget, text: str) -> None:
        self.now += 1000  # nobody types right up to a scan
        self.type(into, text, SCANNER_MS)
        self.enter(into, SCANNER_MS)


@pytest.fixture
def session(qtbot: QtBot, shop: Shop, shop_dir: Path) -> Iterator[ShopSession]:
    QSettings().setValue("station", "Counter 1")
    shop.close()
    started = ShopSession(shop_dir)
    started.start()
    yield started
    started.shutdown()


def log_in(qtbot: QtBot, session: ShopSession, password: str = OWNER_PASSWORD) -> MainWindow:
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.operator.setText(OWNER)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.submit()
    window = session.window
    assert window is not None and window.isVisible()
    return window


def at_work(qtbot: QtBot, session: ShopSession) -> tuple[Keys, MainWindow, int, str]:
    """The owner logged in, keys following the window's clock, a voucher of two uses sold:
    the keys, the window, the voucher's id and payload."""
    keys = Keys(session)
    window = log_in(qtbot, session)
    keys.follow(window)
    assert session.shop is not None
    voucher_id, payload = sell(session.shop)
    return keys, window, voucher_id, payload


def sell(shop: Shop, uses: int = 2) -> tuple[int, str]:
    item = products.add_product(shop, f"Wash x{uses}", "30.00", "service", uses=uses)
    order = orders.create_order(shop, [(item.id, 1)])
    issued = fulfilment.pay_order(shop, order.id, "cash")[0]
    return issued.id, issued.payload


def orders_tab_of(window: MainWindow) -> OrdersTab:
    return next(tab for tab in (window.tabs.widget(i) for i in range(window.tabs.count()))
                if isinstance(tab, OrdersTab))


def uses_left(voucher_id: int) -> int:
    return int(Voucher.get_by_id(voucher_id).uses_left)


def tab_of(window: MainWindow) -> RedemptionTab:
    tab = window.redemption_tab()
    assert tab is not None
    return tab


def failures_counted(shop_dir: Path) -> int:
    path = shop_dir / LOCKOUT_FILE
    if not path.exists():
        return 0
    operators = json.loads(path.read_text()).get("operators", {})
    return sum(len(counts.get("times", [])) for entry in operators.values()
               for counts in entry.get("sources", {}).values())


def wait_for_verdict(qtbot: QtBot, window: MainWindow) -> Verdict:
    tab = tab_of(window)
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        pass
    return shown.args[0]  # type: ignore[no-any-return]


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
    dialog = ProductDialog(session.shop, "CNY", parent=window)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.name.setFocus()
    keys.type(dialog, "Tea", PERSON_MS)
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.scan(dialog, payload)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert dialog.isVisible() and dialog.name.text() == "Tea"
    dialog.reject()


def test_a_scan_over_the_counters_card_look_up_leaves_its_pin_alone(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    tab = tab_of(window)
    qtbot.mouseClick(tab.cards_button, Qt.MouseButton.LeftButton)
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

def test_a_scan_on_the_orders_tab_switches_to_redemption_and_redeems(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    orders_tab = orders_tab_of(window)
    window.tabs.setCurrentWidget(orders_tab)
    tasks.wait_until_idle()
    search = orders_tab.search
    search.setFocus()
    keys.type(window, "Wang", PERSON_MS)  # a person's search stays theirs
    keys.type(window, "Li", PERSON_MS)
    keys.enter(window, PERSON_MS)
    assert search.text() == "WangLi" and window.tabs.currentWidget() is orders_tab
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
