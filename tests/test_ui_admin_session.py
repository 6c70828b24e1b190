"""Admin through a running session: back up and restore through the menus, automatic backups
at log out and quit, backup settings, the idle lock over open dialogs.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed,
and none is left open.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from test_ui_admin import open_window, wait_idle
from test_ui_operators import open_operators

from desktop_app.core import backup, products
from desktop_app.core.errors import BackupInvalid, ShopInUse, WrongPassword
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.admin.backup_common import restore_refusal_text
from desktop_app.ui.admin.restore_dialog import RestoreDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


def log_in(qtbot: QtBot, session: ShopSession, name: str, password: str) -> MainWindow:
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.operator.setText(name)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.submit()
    assert session.window is not None
    wait_idle(qtbot)
    return session.window


def back_up_through_the_menu(qtbot: QtBot, window: MainWindow, out: Path) -> None:
    assert window.backups is not None
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backups.file_dialog is not None, timeout=WAIT_MS)
    file_dialog = window.backups.file_dialog
    assert file_dialog is not None
    suggested = Path(file_dialog.selectedFiles()[0]).name
    # apart from the automatic backups, whose pruning would delete it (QA s39a F23)
    assert re.fullmatch(r"voucher-shop-[0-9a-f]{8}-\d{8}-\d{6}-manual\.vsbackup", suggested)
    # What a user types into the name box: a whole path goes to that folder.
    name_box = file_dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(name_box, QLineEdit)
    name_box.setText(str(out))
    file_dialog.accept()
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=WAIT_MS)
    assert f"Backup written to {out}" in window.notice_box.text()
    window.notice_box.close()


def product_names(opened: Shop) -> list[str]:
    return [p.name for p in products.list_products(opened)]


def open_restore(qtbot: QtBot, window: MainWindow, path: Path) -> RestoreDialog:
    window.restore_action.trigger()
    assert window.backups is not None
    dialog = window.backups.restore_dialog
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    assert dialog.operator.text() == OWNER
    dialog.set_file(str(path))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def confirm_restore(qtbot: QtBot, dialog: RestoreDialog, password: str) -> None:
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    box = dialog.ask_confirmation()
    assert box is not None and box.isVisible()
    assert "replace all its data" in box.text()
    dialog.yes_button.click()


def test_back_up_then_restore_through_the_menus(qtbot: QtBot, session: ShopSession,
                                                shop_dir: Path, tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    assert session.shop is not None
    products.add_product(session.shop, "Before", "1.00")
    good = tmp_path / "saved" / "shop.vsbackup"
    good.parent.mkdir()
    back_up_through_the_menu(qtbot, window, good)
    products.add_product(session.shop, "After", "1.00")
    damaged = tmp_path / "damaged.vsbackup"
    raw = bytearray(good.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    damaged.write_bytes(bytes(raw))

    # A damaged file: refused as soon as it is chosen.
    dialog = open_restore(qtbot, window, damaged)
    assert dialog.file_message.text() == error_message(
        BackupInvalid(problem="damaged", path=str(damaged)))
    qtbot.keyClicks(dialog.password, OWNER_PASSWORD)
    assert not dialog.restore_button.isEnabled()

    # The right file, the wrong password: refused with the shop still open.
    dialog.set_file(str(good))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "A whole backup of this shop" in dialog.file_message.text()
    confirm_restore(qtbot, dialog, "wrong password")
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.message.text() == restore_refusal_text(WrongPassword(), OWNER)
    assert dialog.isVisible() and session.window is window and window.isVisible()

    # Damaged after it was chosen: the check before closing still refuses it.
    good_bytes = good.read_bytes()
    good.write_bytes(bytes(raw))
    confirm_restore(qtbot, dialog, OWNER_PASSWORD)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "damaged" in dialog.message.text()
    assert not list(shop_dir.glob("before-restore-*"))
    assert product_names(session.shop) == ["After", "Before"]
    good.write_bytes(good_bytes)

    confirm_restore(qtbot, dialog, OWNER_PASSWORD)
    # The backup lacks "After": said, and asked once more.
    qtbot.waitUntil(lambda: dialog.loss_box is not None, timeout=WAIT_MS)
    assert dialog.loss_box is not None and "Lost since this backup" in dialog.loss_box.text()
    dialog.loss_yes_button.click()
    qtbot.waitUntil(lambda: session.shop is None and isinstance(session.dialog, LoginDialog)
                    and not session.dialog.busy, timeout=WAIT_MS)
    login = session.dialog
    assert isinstance(login, LoginDialog)
    assert "is restored" in login.message.text()
    assert len(list(shop_dir.glob("before-restore-*"))) == 1
    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    assert session.shop is not None and product_names(session.shop) == ["Before"]
    assert session.shop.integrity_problem is None
    # QA s35a F6: the carry's copy wrote witnesses and logged a tamper alarm for a restore
    # the owner asked for.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_restore_refused_after_closing_reopens_the_shop(
        qtbot: QtBot, session: ShopSession, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    opened = session.shop
    assert opened is not None
    out = backup.write_backup(opened, tmp_path / "x.vsbackup")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise BackupInvalid(problem="damaged", path=str(out))

    monkeypatch.setattr("desktop_app.ui.shop_session.restore_backup", refuse)
    dialog = open_restore(qtbot, window, out)
    confirm_restore(qtbot, dialog, OWNER_PASSWORD)
    with qtbot.waitSignal(session.window.restore_requested, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=WAIT_MS)
    assert session.window is window and window.isVisible() and not session.restoring
    assert session.shop is opened and session.dialog is None
    assert window.notice_box is not None and "damaged" in window.notice_box.text()
    window.notice_box.close()
    products.add_product(opened, "Still open", "1.00")  # the shop goes on as before
    assert "Still open" in product_names(opened)


def test_a_restore_while_another_window_has_the_shop_open_is_refused_clearly(
        qtbot: QtBot, session: ShopSession, shop_dir: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    opened = session.shop
    assert opened is not None
    out = backup.write_backup(opened, tmp_path / "x.vsbackup")
    other = subprocess.Popen(  # a second window (another process) on the same folder
        [sys.executable, "-c", (
            "import time; from desktop_app.core.store import open_shop\n"
            f"shop = open_shop({str(shop_dir)!r}, {OWNER!r}, {OWNER_PASSWORD!r})\n"
            "print('open', flush=True); time.sleep(60)")],
        cwd=Path(__file__).resolve().parents[1], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        dialog = open_restore(qtbot, window, out)
        confirm_restore(qtbot, dialog, OWNER_PASSWORD)
        qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                        timeout=WAIT_MS)
    finally:
        other.kill()
        other.wait()
        if other.stdout is not None:
            other.stdout.close()
    assert window.notice_box is not None
    assert window.notice_box.text() == error_message(ShopInUse(path=str(shop_dir), by="open"))
    window.notice_box.close()
    assert session.shop is opened and not list(shop_dir.glob("before-restore-*"))
    products.add_product(opened, "Still open", "1.00")


def test_automatic_backups_at_logout_and_quit(qtbot: QtBot, session: ShopSession,
                                              tmp_path: Path) -> None:
    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    assert session.shop is not None
    stick = tmp_path / "usb"
    stick.mkdir()
    backup.set_backup_settings(session.shop, str(stick), True)
    session.window.logout_action.trigger()
    qtbot.waitUntil(lambda: any(stick.glob("*.vsbackup")), timeout=WAIT_MS)
    wait_idle(qtbot)
    for written in stick.glob("*.vsbackup"):
        backup.read_backup(written)
        written.unlink()
    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    session.window.close()  # quitting: the backup is written before the shop closes
    session.shutdown()
    assert len(list(stick.glob("*.vsbackup"))) == 1
    assert session.shop is None


def test_a_missing_backup_folder_warns_and_goes_on(
        qtbot: QtBot, session: ShopSession, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    assert session.shop is not None and window.backups is not None
    unplugged = tmp_path / "usb-not-plugged-in" / "backups"
    backup.set_backup_settings(session.shop, str(unplugged), True)
    window.backups.check_daily()  # the daily check: a banner, no dialog
    # (shown already since login, saying automatic backups were off: now it says this)
    qtbot.waitUntil(lambda: "is not there" in window.backup_banner_text.text(),
                    timeout=WAIT_MS)
    assert window.backup_banner.isVisible()
    assert window.notice_box is None
    window.logout_action.trigger()
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT_MS)
    assert dialog.message.text().startswith("The automatic backup failed")
    assert not unplugged.exists()
    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    with caplog.at_level(logging.WARNING):
        session.shutdown()
    assert "automatic backup at quitting failed" in caplog.text
    assert not unplugged.exists()


def test_backup_settings_dialog(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    window = open_window(qtbot, shop)
    dialog = window.open_backup_settings()
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.last_label.text() == "never"
    assert not dialog.automatic.isChecked()
    # QA: at 1024x768 the tick box's sentence ran past the dialog's edge ("… and once a").
    box = dialog.automatic
    assert box.mapTo(dialog, box.rect().topLeft()).x() + box.sizeHint().width() <= dialog.width()
    stick = tmp_path / "stick"
    dialog.set_folder(str(stick))
    assert dialog.automatic.isChecked()  # choosing a folder asks for backups there
    assert "not there" in dialog.folder_message.text()
    stick.mkdir()
    dialog.set_folder(str(stick))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save_button.click()
    wait_idle(qtbot)
    assert backup.backup_status(shop).folder == str(stick)
    assert "Automatic backups go to" in window.backup_label.toolTip()
    backup.run_auto_backup(shop)
    window.backups.refresh_status()
    wait_idle(qtbot)
    assert "never" not in window.backup_label.text()
    again = window.open_backup_settings()
    qtbot.waitUntil(lambda: not again.busy, timeout=WAIT_MS)
    assert again.last_label.text() != "never"
    again.reject()


def test_idle_lock_locks_the_session_and_hides_open_dialogs(
        qtbot: QtBot, session: ShopSession) -> None:
    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    operators = open_operators(qtbot, window)
    window.idle.set_timeout_ms(200)
    qtbot.waitUntil(lambda: isinstance(session.dialog, LoginDialog) and session.dialog.locked,
                    timeout=3000)
    assert not window.isVisible() and not operators.isVisible()
    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    assert session.window is window and operators.isVisible()
    assert window.idle.running
    operators.close()
