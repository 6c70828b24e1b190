"""A whole session of the app driven through its screens with a scanner's or a person's keys:
real key events delivered to the focused widget of a window, at a scanner's speed (4 ms apart)
or a person's (150 ms apart), timed by a clock the test moves. Shared by the scan tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.lockout import LOCKOUT_FILE
from desktop_app.core.models import Voucher
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession

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
            QTest.keyClick(handle, char)  # type: ignore[call-overload]  # stubs lack str

    def enter(self, into: QWidget, after_ms: float) -> None:
        self.press(into, Qt.Key.Key_Return, after_ms)

    def press(self, into: QWidget, key: Qt.Key, after_ms: float) -> None:
        """One key that types no text (Enter, Esc) into ``into``'s window."""
        self.now += after_ms
        handle = into.window().windowHandle()
        assert handle is not None
        QTest.keyClick(handle, key)

    def type_and_erase(self, qtbot: QtBot, into: QWidget, text: str) -> None:
        """``text`` typed at a person's pace, then erased with Backspace, key by key; the pause
        after each key passes, as it does for a person (the app's scanner resets then)."""
        for key in [*text, *[Qt.Key.Key_Backspace] * len(text)]:
            if isinstance(key, str):
                self.type(into, key, PERSON_MS)
            else:
                self.press(into, key, PERSON_MS)
            qtbot.wait(120)

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


def log_in(qtbot: QtBot, session: ShopSession, password: str = OWNER_PASSWORD,
           operator: str = OWNER) -> MainWindow:
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.operator.setText(operator)
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


def open_product_dialog(qtbot: QtBot, session: ShopSession, window: MainWindow
                        ) -> ProductDialog:
    """The owner's new-product dialog, open over ``window``."""
    assert session.shop is not None
    dialog = ProductDialog(session.shop, "CNY", parent=window)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def sell(shop: Shop, uses: int = 2) -> tuple[int, str]:
    item = products.add_product(shop, f"Wash x{uses}", "30.00", "service", uses=uses)
    order = orders.create_order(shop, [(item.id, 1)])
    issued = fulfilment.pay_order(shop, order.id, "cash")[0]
    return issued.id, issued.payload


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
