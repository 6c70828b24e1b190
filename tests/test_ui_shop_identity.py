"""The screens showing the shop's name or currency with the shop's server stopped: each opens
(the GUI thread asks the database nothing; the worker's reads say the server is away), and
another counter's new name and currency reach this one's screens, heard from the server.

A real PostgreSQL server, stopped and started again by the test; a real session and window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot
from scan_driver import WAIT_MS, log_in
from test_shop_identity import OTHER_COUNTER, ROOT
from test_ui_server_down import SHOP_NAME, server_session

from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["server_session"]  # the fixture, shared

UNREACHABLE = "cannot be reached"


def tab(window: MainWindow, kind: type) -> object:
    return next(window.tabs.widget(i) for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), kind))


def test_screens_showing_the_name_or_currency_open_with_the_server_stopped(
        qtbot: QtBot, server_session: ShopSession, pg_server: object) -> None:
    window = log_in(qtbot, server_session)
    assert tasks.wait_until_idle(WAIT_MS)
    pg_server.halt()  # type: ignore[attr-defined]
    expiring = window.open_expiring()
    assert expiring.isVisible()
    qtbot.waitUntil(lambda: UNREACHABLE in expiring.message.text(), timeout=WAIT_MS)
    expiring.close()
    window.customer_action.trigger()
    display = window.customer_window
    assert display is not None and display.isVisible()
    assert display.shop_name.text() == SHOP_NAME
    orders = tab(window, OrdersTab)
    assert isinstance(orders, OrdersTab)
    orders.open_card_lookup()
    assert isinstance(orders.dialog, CardLookupDialog) and orders.dialog.isVisible()
    orders.dialog.close()
    counter = tab(window, RedemptionTab)
    assert isinstance(counter, RedemptionTab)
    counter.open_card_lookup()
    assert counter.card_lookup is not None and counter.card_lookup.isVisible()
    counter.card_lookup.close()
    pg_server.restart()  # type: ignore[attr-defined]
    assert tasks.wait_until_idle(WAIT_MS)


def test_another_counters_new_name_and_currency_reach_this_counter(
        qtbot: QtBot, server_session: ShopSession, pg_url: str, tmp_path: Path) -> None:
    window = log_in(qtbot, server_session)
    shop = server_session.shop
    assert shop is not None and tasks.wait_until_idle(WAIT_MS)
    done = subprocess.run([sys.executable, "-c", OTHER_COUNTER, str(tmp_path / "pc2"), pg_url,
                           OWNER, OWNER_PASSWORD], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # Heard from the server (LISTEN/NOTIFY) and read again on the worker, by itself.
    qtbot.waitUntil(lambda: (shop.name, shop.currency) == ("Renamed", "USD"), timeout=WAIT_MS)
    # and the window says the new name: its title, header and status bar
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Renamed"), timeout=WAIT_MS)
    assert window.shop_label.text() == "Shop: Renamed" and window.shop_name == "Renamed"
    window.customer_action.trigger()
    display = window.customer_window
    assert display is not None and display.shop_name.text() == "Renamed"
    assert display.currency == "USD"
