"""Shop → Move to another computer… (QA s18a F1): the owner chooses a folder, confirms, the
final backup is written off the GUI thread, and the window is then a moved folder's: the
banner says the shop moved to another computer, and a scan at the counter is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from counter_driver import Counter, attempts, sell, uses_left
from pytestqt.qtbot import QtBot

from desktop_app.core import backup, moved_shop
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.admin.move_out_dialog import MoveOutDialog

pytestmark = pytest.mark.usefixtures("counter_station")


def test_the_menu_moves_the_shop_and_the_counter_then_refuses(
        qtbot: QtBot, counter: Counter, shop: Shop, tmp_path: Path) -> None:
    voucher = sell(shop)
    window = counter.window
    assert window.move_out_action.isEnabled()
    window.move_out_action.trigger()
    dialog = window.dialogs["move_out"]
    assert isinstance(dialog, MoveOutDialog)
    stick = tmp_path / "usb"
    stick.mkdir()
    dialog.choose_folder()
    assert dialog.folder_dialog is not None
    dialog.folder_dialog.fileSelected.emit(str(stick))  # as the folder dialog does
    dialog.folder_dialog.reject()
    assert dialog.folder.text() == str(stick)
    assert not dialog.move_button.isEnabled()  # not before the owner said they understand
    dialog.understood.setChecked(True)
    assert dialog.move_button.isEnabled()
    dialog.move_button.click()
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=30_000)
    assert window.notice_box is not None
    assert "Final backup written to" in window.notice_box.text()
    (written,) = [path for _, path in backup.backups_in(stick, shop.shop_id)]
    assert str(written) in window.notice_box.text()
    assert moved_shop.to_computer(shop.moved_to)
    banner = window.integrity_banner
    assert banner.isVisible() and "moved to another computer" in banner.text()
    assert written.name in banner.text()
    assert not window.move_out_action.isEnabled()
    assert not hasattr(window, "server_button")  # no server to go to
    before = attempts()
    window.tabs.setCurrentWidget(counter.tab)
    counter.type(voucher.payload, 4)
    counter.enter()
    qtbot.waitUntil(lambda: counter.tab.verdict.headline.text() == "Not redeemed",
                    timeout=15_000)
    assert "moved to another computer" in counter.tab.verdict.detail.text()
    tasks.wait_until_idle()
    assert uses_left(voucher) == 1 and attempts() == before


def test_a_clerk_is_not_offered_the_move(qtbot: QtBot, shop_dir: Path, shop: Shop) -> None:
    from conftest import CLERK, CLERK_PASSWORD

    from desktop_app.core import auth
    from desktop_app.core.store import open_shop
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.shop_session import close_shop

    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with open_shop(shop_dir, CLERK, CLERK_PASSWORD) as clerk:
        window = MainWindow(clerk)
        qtbot.addWidget(window)
        assert not hasattr(window, "move_out_action")
        window.close()
        tasks.wait_until_idle()
        close_shop(clerk)


def test_a_server_shop_does_not_offer_the_move(qtbot: QtBot, pg_url: str,
                                               tmp_path: Path) -> None:
    """It has no folder to move: every computer reaches the server where it is."""
    from conftest import OWNER, OWNER_PASSWORD

    from desktop_app.core.engine import ShopLocation
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.shop_session import close_shop

    shop = ShopLocation(tmp_path / "pc", pg_url).create("Server Shop", "CNY", OWNER,
                                                        OWNER_PASSWORD)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    assert not window.move_out_action.isEnabled()
    assert "connect to the same server" in window.move_out_action.toolTip()
    window.close()
    tasks.wait_until_idle()
    close_shop(shop)


def test_a_moved_shop_offers_no_change_it_would_refuse_at_save(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA s39a F24: after the move, New product, New order, New batch… stayed enabled; a
    whole form was filled and refused only at Save."""
    from test_ui_admin import open_window

    from desktop_app.core import move_out, orders, products
    from desktop_app.ui.inventory.inventory_tab import InventoryTab
    from desktop_app.ui.orders.orders_tab import OrdersTab

    wash = products.add_product(shop, "Wash", "10.00", "service")
    unpaid = orders.create_order(shop, [(wash.id, 1)])
    move_out.write_final_backup(shop, tmp_path / "final.vsbackup")
    window = open_window(qtbot, shop)
    inventory, orders_tab = window.findChild(InventoryTab), window.findChild(OrdersTab)
    assert isinstance(inventory, InventoryTab) and isinstance(orders_tab, OrdersTab)
    qtbot.waitUntil(lambda: inventory.model.rowCount() == 1, timeout=15_000)
    inventory.table.selectRow(0)
    window.tabs.setCurrentWidget(orders_tab)
    qtbot.waitUntil(lambda: orders_tab.select_order(unpaid.id), timeout=15_000)
    tasks.wait_until_idle()
    detail = orders_tab.detail
    for button in (inventory.new_button, inventory.edit_button, inventory.archive_button,
                   orders_tab.new_button, orders_tab.batch_button, detail.pay_button,
                   detail.cancel_button):
        assert not button.isEnabled(), button.text()
    for button in (inventory.new_button, orders_tab.new_button):
        assert "moved to another computer" in button.toolTip()
