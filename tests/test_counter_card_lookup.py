"""A clerk sees only the Redemption tab: "Card by phone…" there opens the gift card look-up by
phone + PIN (the Orders tab's dialog), and the scan field has the keys again when it closes
(a scanner burst over any dialog is tests/test_ui_scan_anywhere.py's). Real shop, real
window, every button clicked."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import CLERK, CLERK_PASSWORD
from counter_driver import Counter, sell
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core import auth, fulfilment, giftcards, orders, products
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.shop_session import close_shop

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

PIN = "2468"


@pytest.fixture
def clerk_at_the_counter(qtbot: QtBot, shop: Shop) -> Iterator[tuple[Counter, int, str]]:
    """A clerk's window on a shop that sold a gift card with a PIN and a one-use pass."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    order = orders.create_order(shop, [(card.id, 1)], "李先生", "139 8765 4321")
    issued = fulfilment.pay_order(shop, order.id, "wechat")[0]
    giftcards.set_pin(shop, Voucher.get_by_id(issued.id), PIN)
    payload = sell(shop).payload
    clerk = open_shop(shop.data_dir, CLERK, CLERK_PASSWORD)
    counter = Counter(qtbot, clerk)
    yield counter, issued.id, payload
    counter.close()
    close_shop(clerk)


def test_a_clerk_looks_a_card_up_from_the_counter(
        qtbot: QtBot, clerk_at_the_counter: tuple[Counter, int, str]) -> None:
    counter, card_id, payload = clerk_at_the_counter
    tabs = counter.window.tabs
    assert [type(tabs.widget(i)) for i in range(tabs.count())] == [RedemptionTab]
    cards_button = counter.tab.cards_button
    assert cards_button.isVisible() and cards_button.isEnabled()
    qtbot.mouseClick(cards_button, Qt.MouseButton.LeftButton)
    dialog = counter.tab.card_lookup
    assert isinstance(dialog, CardLookupDialog) and dialog.isVisible()

    qtbot.keyClicks(dialog.search, "4321")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    dialog.table.selectRow(dialog.cards.row_of(lambda ref: ref.voucher_id == card_id))
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.mouseClick(dialog.lookup_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    assert dialog.balance.text() == f"Card #{card_id}: balance ¥200.00"

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    counter.window.activateWindow()  # the window system's part, which offscreen has not
    qtbot.waitUntil(lambda: counter.tab.scan_field.hasFocus(), timeout=5_000)
    verdict, _ = counter.scan(payload)  # the counter is ready again
    assert verdict.ok
