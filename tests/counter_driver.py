"""The Redemption tab driven as a cashier drives it: a main window with the tab shown, keys
typed at exact speeds, vouchers sold in a real shop. Shared by the counter's GUI tests."""


from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.core.models import RedemptionAttempt, Voucher
from desktop_app.core.store import Shop
from desktop_app.scanning.keystrokes import KEYBOARD
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.counter.sounds import (
    BEEP,
    Player,
    Sounds,
)
from desktop_app.ui.main_window import MainWindow

WAIT_MS = 10_000


class FakeClock:
    """Milliseconds that move only when a test says so: typing speed made exact."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class Counter:
    """A main window with its Redemption tab shown, and hands to type with."""

    def __init__(self, qtbot: QtBot, shop: Shop) -> None:
        self.qtbot = qtbot
        self.shop = shop
        self.window = MainWindow(shop)
        qtbot.addWidget(self.window)
        self.tab = next(self.window.tabs.widget(i) for i in range(self.window.tabs.count())
                        if isinstance(self.window.tabs.widget(i), RedemptionTab))
        self.tab.sounds = Sounds(True, Player(BEEP))
        self.window.tabs.setCurrentWidget(self.tab)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.clock = FakeClock()
        self.tab.set_key_clock(self.clock)
        tasks.wait_until_idle()

    def type(self, text: str, interval_ms: float) -> None:
        """Keys as the platform delivers them: to whatever has the focus."""
        for char in text:
            self.clock.now += interval_ms
            QTest.keyClick(self.window.windowHandle(), char)

    def enter(self, after_ms: float = 5) -> None:
        self.clock.now += after_ms
        QTest.keyClick(self.window.windowHandle(), Qt.Key.Key_Return)

    def scan(self, text: str) -> tuple[redemption.Verdict, bool]:
        """A USB scanner: the whole payload in a few milliseconds, then Enter."""
        with self.qtbot.waitSignal(self.tab.verdict_shown, timeout=WAIT_MS) as shown:
            self.type(text, 4)
            self.enter()
        return shown.args[0], shown.args[1]

    def submit(self, text: str, source: str = KEYBOARD) -> tuple[redemption.Verdict, bool]:
        with self.qtbot.waitSignal(self.tab.verdict_shown, timeout=WAIT_MS) as shown:
            self.tab.submit(text, source)
        return shown.args[0], shown.args[1]

    def close(self) -> None:
        self.tab.shutdown()
        self.window.close()
        tasks.wait_until_idle()


def sell(shop: Shop, uses: int = 1, **product: object) -> fulfilment.IssuedVoucher:
    item = products.add_product(shop, f"Coffee pass x{uses}", "30.00", "service", uses=uses,
                                 **product)  # type: ignore[arg-type]
    order = orders.create_order(shop, [(item.id, 1)])
    return fulfilment.pay_order(shop, order.id, "cash")[0]


def uses_left(voucher: fulfilment.IssuedVoucher) -> int:
    return Voucher.get_by_id(voucher.id).uses_left


def attempts() -> int:
    return RedemptionAttempt.select().count()
