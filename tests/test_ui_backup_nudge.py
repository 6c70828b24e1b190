"""A new shop has no backup until its owner chooses a folder (QA s15a F4): the owner's window
says so in the backup banner, which blocks no sale, until automatic backups are on or it is
hidden for the session. Clerks are not told (backup settings are owners'), nor is a shop on a
server (backed up with pg_dump). A new shop's first start opens the backup settings.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed,
and none is left open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_ui_admin import open_window, wait_idle
from test_ui_admin_session import log_in
from test_ui_setup_login import fill_setup, keep_recovery_key

from desktop_app.core import auth, backup
from desktop_app.core.store import Shop, open_shop, reopen_shop
from desktop_app.ui.admin.backup_settings_dialog import BackupSettingsDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000
NO_BACKUPS = "No automatic backups"


def owner_told(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(window.backup_banner.isVisible, timeout=WAIT_MS)
    assert window.backup_banner_text.text().startswith(NO_BACKUPS)


def open_settings_from_the_banner(qtbot: QtBot, window: MainWindow) -> BackupSettingsDialog:
    qtbot.mouseClick(window.backup_settings_button, Qt.MouseButton.LeftButton)
    assert window.backups is not None
    dialog = window.backups.settings_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def save_folder(qtbot: QtBot, dialog: BackupSettingsDialog, folder: Path) -> None:
    """What the owner does: types the folder (which ticks automatic backups), clicks Save."""
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(folder))
    assert dialog.automatic.isChecked()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_the_owner_of_a_new_shop_is_told_until_backups_are_on(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    window = open_window(qtbot, shop)
    owner_told(qtbot, window)
    assert "USB stick" in window.backup_banner_text.text()
    dialog = open_settings_from_the_banner(qtbot, window)
    stick = tmp_path / "usb"
    stick.mkdir()
    save_folder(qtbot, dialog, stick)
    assert window.backup_banner.isHidden()  # at once: the saved status, not a reload
    assert backup.backup_status(shop).automatic
    window.backups.refresh_status()
    wait_idle(qtbot)
    assert window.backup_banner.isHidden()
    # Switched off again: said again.
    backup.set_backup_settings(shop, str(stick), False)
    window.backups.refresh_status()
    owner_told(qtbot, window)


def test_hide_hides_it_for_the_session(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    owner_told(qtbot, window)
    qtbot.mouseClick(window.backup_hide_button, Qt.MouseButton.LeftButton)
    assert window.backup_banner.isHidden()
    window.backups.refresh_status()  # the status read again (after Back up now, a backup)
    wait_idle(qtbot)
    assert window.backup_banner.isHidden()
    assert window.backup_label.toolTip().startswith("Automatic backups are off")


def test_a_failed_backup_still_says_it_failed(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    window = open_window(qtbot, shop)
    owner_told(qtbot, window)
    unplugged = tmp_path / "usb-not-plugged-in"
    save_folder(qtbot, open_settings_from_the_banner(qtbot, window), unplugged)
    assert window.backup_banner.isHidden()
    assert window.backups is not None
    window.backups.check_daily()
    qtbot.waitUntil(window.backup_banner.isVisible, timeout=WAIT_MS)
    assert window.backup_banner_text.text().startswith("The automatic backup failed")
    # switched off after the failure: the failure stays said until hidden
    backup.set_backup_settings(shop, "", False)
    window.backups.refresh_status()
    wait_idle(qtbot)
    assert window.backup_banner_text.text().startswith("The automatic backup failed")
    qtbot.mouseClick(window.backup_hide_button, Qt.MouseButton.LeftButton)
    assert window.backup_banner.isHidden()
    window.backups.refresh_status()
    owner_told(qtbot, window)  # hiding the failure was not hiding this


def test_a_clerk_is_not_told(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    clerk_shop = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    try:
        window = open_window(qtbot, clerk_shop)
        wait_idle(qtbot)
        assert window.backup_banner.isHidden()
        window.close()
        wait_idle(qtbot)
    finally:
        clerk_shop.close()
        reopen_shop(shop)


def test_a_shop_moved_to_another_computer_is_not_told(qtbot: QtBot, shop: Shop,
                                                      tmp_path: Path) -> None:
    """QA s41a F12: the old folder, read-only since its final backup, still said "if this
    computer's disk fails, the shop is lost": the shop lives on the new computer."""
    from desktop_app.core import move_out

    move_out.write_final_backup(shop, tmp_path / "final.vsbackup")
    window = open_window(qtbot, shop)
    wait_idle(qtbot)
    assert window.integrity_banner.isVisible()  # it says where the shop went
    assert window.backup_banner.isHidden()
    window.close()
    wait_idle(qtbot)


@pytest.mark.parametrize("shop", ["server"], indirect=True)
def test_a_shop_on_a_server_is_not_told(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    wait_idle(qtbot)
    assert window.backup_label.text() == "Backups: not made by this app (pg_dump)"
    assert window.backup_banner.isHidden()


def test_hidden_until_the_next_login(qtbot: QtBot, session: ShopSession) -> None:
    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    owner_told(qtbot, window)
    qtbot.mouseClick(window.backup_hide_button, Qt.MouseButton.LeftButton)
    window.logout_action.trigger()
    wait_idle(qtbot)
    again = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    owner_told(qtbot, again)


def test_a_new_shop_asks_where_its_backups_go(qtbot: QtBot, shop_dir: Path,
                                               tmp_path: Path) -> None:
    """First start: after the recovery key, the backup settings over the new shop's window."""
    session = ShopSession(shop_dir)
    session.start()
    try:
        setup = session.dialog
        assert isinstance(setup, SetupDialog)
        fill_setup(qtbot, setup, OWNER_PASSWORD, OWNER_PASSWORD)
        qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
        keep_recovery_key(qtbot, setup)
        window = session.window
        assert window is not None and window.isVisible() and window.backups is not None
        dialog = window.backups.settings_dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
        owner_told(qtbot, window)  # under it, for when it is cancelled
        stick = tmp_path / "usb"
        stick.mkdir()
        save_folder(qtbot, dialog, stick)
        assert window.backup_banner.isHidden()
    finally:
        session.shutdown()
    assert len(list(stick.glob("*.vsbackup"))) == 1  # the first, at quitting


def test_the_shops_own_folder_is_refused_for_backups(qtbot: QtBot, shop: Shop,
                                                     shop_dir: Path) -> None:
    """QA s39a F11: the shop's folder (or one in it) was saved; every automatic backup then
    failed, said only on the login screen after logout, and the banner had gone."""
    from desktop_app.core.errors import InvalidInput

    window = open_window(qtbot, shop)
    dialog = open_settings_from_the_banner(qtbot, window)
    for folder in (shop_dir, shop_dir / "logs"):
        dialog.folder.clear()
        qtbot.keyClicks(dialog.folder, str(folder))
        assert "shop's own folder" in dialog.folder_message.text()
        assert not dialog.save_button.isEnabled()
    with pytest.raises(InvalidInput) as refused:
        backup.set_backup_settings(shop, str(shop_dir / "backups"), True)
    assert refused.value.params["problem"] == "folder_inside_shop"
    assert not backup.backup_status(shop).automatic
    dialog.reject()
    owner_told(qtbot, window)
