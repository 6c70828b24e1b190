"""A slower scanner (a Bluetooth one: 40-50 ms a key) on another tab (QA s12b F8): its payload
was left typed into the search box, or vanished on a table. A voucher's payload ending with
the scanner's Enter is a scan at any steady speed; a person's typing stays theirs.

A real session on a real encrypted shop, driven by scan_driver's keys.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from scan_driver import PERSON_MS, WAIT_MS, at_work, session, tab_of, uses_left
from test_ui_scan_anywhere import inventory_tab_of, orders_tab_of

from desktop_app.core.models import Voucher
from desktop_app.core.vouchers import typed_code
from desktop_app.ui import tasks
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture


@pytest.mark.parametrize("key_ms", [40, 50])
def test_a_slow_scanners_voucher_in_a_search_box_is_redeemed(
        qtbot: QtBot, session: ShopSession, key_ms: float) -> None:
    """The Inventory tab's search box, a text field like any other; the Orders tab's finds
    the voucher's order instead (QA s39a F6), at a slow scanner's speed too."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    inventory = inventory_tab_of(window)
    window.tabs.setCurrentWidget(inventory)
    assert tasks.wait_until_idle(WAIT_MS)
    inventory.search.setFocus()
    keys.type(window, "Zhang", PERSON_MS)
    keys.now += 1000
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.type(window, payload, key_ms)
        keys.enter(window, key_ms)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
    assert inventory.search.text() == "Zhang"

    orders = orders_tab_of(window)
    window.tabs.setCurrentWidget(orders)
    assert tasks.wait_until_idle(WAIT_MS)
    orders.search.setFocus()
    keys.now += 1000
    keys.type(window, payload, key_ms)
    keys.enter(window, key_ms)
    qtbot.wait(300)
    assert tasks.wait_until_idle(WAIT_MS)
    assert orders.search.text() == payload and uses_left(voucher_id) == 1
    assert window.tabs.currentWidget() is orders


def test_a_slow_scanners_voucher_on_a_table_is_redeemed(qtbot: QtBot,
                                                         session: ShopSession) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    orders_tab = orders_tab_of(window)
    window.tabs.setCurrentWidget(orders_tab)
    assert tasks.wait_until_idle(WAIT_MS)
    orders_tab.table.setFocus()
    keys.now += 1000
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        keys.type(window, payload, 45)
        keys.enter(window, 45)
    assert shown.args[0].ok and uses_left(voucher_id) == 1


def test_a_printed_code_typed_into_a_search_box_stays_a_search(qtbot: QtBot,
                                                               session: ShopSession) -> None:
    keys, window, voucher_id, _payload = at_work(qtbot, session)
    orders_tab = orders_tab_of(window)
    window.tabs.setCurrentWidget(orders_tab)
    assert tasks.wait_until_idle(WAIT_MS)
    orders_tab.search.setFocus()
    code = typed_code(Voucher.get_by_id(voucher_id).code)
    keys.type(window, code, 60)  # a quick typist, steadily
    keys.enter(window, 60)
    assert tasks.wait_until_idle(WAIT_MS)
    assert orders_tab.search.text() == code and uses_left(voucher_id) == 2
