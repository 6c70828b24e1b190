"""The owner's admin screens: operators, audit log, verify, backups and restore, idle lock.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed,
and none is left open.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core import auth, backup, fulfilment, orders, products, redemption
from desktop_app.core.errors import BackupInvalid, InvalidState, ShopInUse, WrongPassword
from desktop_app.core.keyslots import KeySlotFile
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop, open_shop, reopen_shop
from desktop_app.messages import error_message, integrity_message
from desktop_app.ui import tasks
from desktop_app.ui.admin.audit_dialog import AuditDialog
from desktop_app.ui.admin.operators_dialog import AddOperatorDialog, OperatorsDialog
from desktop_app.ui.admin.restore_dialog import RestoreDialog
from desktop_app.ui.admin.verify_dialog import VerifyDialog, verify_problem_text
from desktop_app.ui.idle import IDLE_LOCK_KEY, PreferencesDialog, idle_lock_minutes
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.session.password_dialog import PasswordDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


def open_window(qtbot: QtBot, opened: Shop) -> MainWindow:
    window = MainWindow(opened)
    qtbot.addWidget(window)
    window.show()
    return window


def wait_idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.busy(), timeout=WAIT_MS)


def menu_entries(window: MainWindow) -> set[str]:
    """Every menu entry's text, without accelerator marks."""
    texts = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            if not action.isSeparator():
                texts.add(action.text().replace("&", ""))
    return texts


def make_events(shop: Shop) -> None:
    product = products.add_product(shop, "Wash", "10.00", uses=2)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    redemption.redeem(shop, issued[0].payload, "counter")


# -- menus ----------------------------------------------------------------------------------

ADMIN_ENTRIES = {"Operators…", "Audit log…", "Verify database", "Back up now…",
                 "Restore from backup…", "Backup settings…", "Preferences…"}


def test_owner_gets_the_admin_menu(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    entries = menu_entries(window)
    assert entries >= ADMIN_ENTRIES
    assert {"Change my password…", "Lock", "Log out", "Quit"} <= entries
    wait_idle(qtbot)
    assert window.backup_label.text() == "Last automatic backup: never"
    assert "off" in window.backup_label.toolTip()


def test_clerk_gets_no_admin_entries(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    clerk_shop = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    try:
        window = open_window(qtbot, clerk_shop)
        # Settings is there for this computer's choices; the shop's page is owners' only.
        # The customer display faces the counter's customers: clerks open it too.
        assert menu_entries(window) == {"Change my password…", "Settings…", "Customer display",
                                        "Lock", "Log out", "Quit", "About Voucher Shop"}
        window.close()
        wait_idle(qtbot)
    finally:
        clerk_shop.close()
        reopen_shop(shop)


def test_daily_backup_runs_in_a_clerk_session(qtbot: QtBot, shop: Shop, shop_dir: Path,
                                              tmp_path: Path) -> None:
    """The owner switched automatic backups on for the shop; a clerk's long shift gets them."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    stick = tmp_path / "stick"
    stick.mkdir()
    backup.set_backup_settings(shop, str(stick), True)
    clerk_shop = open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    try:
        window = open_window(qtbot, clerk_shop)
        assert window.backups is not None
        with qtbot.waitSignal(window.backups.auto_succeeded, timeout=WAIT_MS):
            window.backups.check_daily()
        assert len(list(stick.glob("*.vsbackup"))) == 1
        window.close()
        wait_idle(qtbot)
    finally:
        clerk_shop.close()
        reopen_shop(shop)


# -- operators ------------------------------------------------------------------------------

def open_operators(qtbot: QtBot, window: MainWindow) -> OperatorsDialog:
    window.operators_action.trigger()
    dialog = window.dialogs["operators"]
    assert isinstance(dialog, OperatorsDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=WAIT_MS)
    return dialog


def names(dialog: OperatorsDialog) -> list[str]:
    return [row.name for row in dialog.model.rows()]


def test_add_a_clerk_through_the_dialog(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    assert names(dialog) == [OWNER]
    assert dialog.model.index(0, 0).data() == f"{OWNER} (you)"
    dialog.add_button.click()
    add = dialog.child
    assert isinstance(add, AddOperatorDialog) and add.isVisible()
    assert add.role.currentData() == "clerk"  # the safer choice comes first
    qtbot.keyClicks(add.name, CLERK)
    qtbot.keyClicks(add.fields.password, CLERK_PASSWORD)
    qtbot.keyClicks(add.fields.confirm, CLERK_PASSWORD[:-1] + "x")
    assert not add.add_button.isEnabled()
    add.fields.confirm.clear()
    qtbot.keyClicks(add.fields.confirm, CLERK_PASSWORD)
    assert add.add_button.isEnabled()
    with qtbot.waitSignal(add.accepted, timeout=WAIT_MS):
        add.add_button.click()
    qtbot.waitUntil(lambda: names(dialog) == [OWNER, CLERK], timeout=WAIT_MS)
    assert "Bob was added as clerk" in dialog.message.text()
    assert dialog.selected() is not None and dialog.selected().name == CLERK
    assert [r.role for r in dialog.model.rows()] == ["owner", "clerk"]
    KeySlotFile.load(shop_dir / "keyslots.json").unlock(CLERK, CLERK_PASSWORD)
    dialog.close()


def test_a_taken_name_is_refused_inline(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    add = dialog.open_add()
    qtbot.keyClicks(add.name, OWNER.upper())
    qtbot.keyClicks(add.fields.password, CLERK_PASSWORD)
    qtbot.keyClicks(add.fields.confirm, CLERK_PASSWORD)
    add.submit()
    qtbot.waitUntil(lambda: not add.busy, timeout=WAIT_MS)
    assert add.isVisible() and add.name_message.isVisible()
    assert "Already taken" in add.name_message.text()
    add.reject()
    dialog.close()


def test_disabling_the_last_owner_is_refused_inline(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    assert dialog.select(OWNER)
    assert dialog.disable_button.isEnabled()
    dialog.disable_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT_MS)
    assert dialog.message.text() == error_message(
        InvalidState(what="operator", id=shop.operator.id, state="last_owner"))
    wait_idle(qtbot)
    assert [r.active for r in dialog.model.rows()] == [True]
    dialog.close()


def test_disabling_yourself_asks_first(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, "Carol", "owner", "owner-two-pass")
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    assert dialog.select(OWNER)
    dialog.disable_button.click()
    box = dialog.confirm_box
    assert box.isVisible() and OWNER in box.text()
    dialog.confirm_no.click()
    wait_idle(qtbot)
    assert [r.active for r in dialog.model.rows()] == [True, True]
    dialog.disable_button.click()
    dialog.confirm_yes.click()
    qtbot.waitUntil(lambda: not dialog.model.rows()[0].active, timeout=WAIT_MS)
    assert not KeySlotFile.load(shop_dir / "keyslots.json").has(OWNER)
    dialog.close()


def test_disable_enable_and_reset_a_clerk(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    assert dialog.select(OWNER) and not dialog.reset_button.isEnabled()  # yourself: not here
    assert dialog.select(CLERK)
    dialog.disable_button.click()
    qtbot.waitUntil(lambda: not dialog.model.rows()[1].active, timeout=WAIT_MS)
    assert "can no longer log in" in dialog.message.text()
    assert dialog.selected().name == CLERK
    assert dialog.enable_button.isEnabled() and not dialog.disable_button.isEnabled()
    assert not KeySlotFile.load(shop_dir / "keyslots.json").has(CLERK)
    enable = dialog.open_enable()
    assert isinstance(enable, PasswordDialog) and not enable.ask_current
    set_new_password(qtbot, enable, "enabled-again-1")
    qtbot.waitUntil(lambda: dialog.model.rows()[1].active, timeout=WAIT_MS)
    KeySlotFile.load(shop_dir / "keyslots.json").unlock(CLERK, "enabled-again-1")
    assert dialog.select(CLERK) and dialog.reset_button.isEnabled()
    reset = dialog.open_reset()
    assert reset is not None
    set_new_password(qtbot, reset, "reset-by-owner-2")
    qtbot.waitUntil(lambda: "new password" in dialog.message.text(), timeout=WAIT_MS)
    slots = KeySlotFile.load(shop_dir / "keyslots.json")
    slots.unlock(CLERK, "reset-by-owner-2")
    with pytest.raises(WrongPassword):
        slots.unlock(CLERK, "enabled-again-1")
    dialog.close()


def set_new_password(qtbot: QtBot, dialog: PasswordDialog, password: str) -> None:
    qtbot.keyClicks(dialog.fields.password, password)
    qtbot.keyClicks(dialog.fields.confirm, password)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save_button.click()
    assert dialog.fields.value() == ""  # no password left lying in a widget


def test_change_my_password(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    window = open_window(qtbot, shop)
    window.password_action.trigger()
    dialog = window.dialogs["password"]
    assert isinstance(dialog, PasswordDialog) and dialog.ask_current
    qtbot.keyClicks(dialog.current, "not my password")
    qtbot.keyClicks(dialog.fields.password, "a brand new one 7")
    qtbot.keyClicks(dialog.fields.confirm, "a brand new one 7")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.current_message.isVisible(), timeout=WAIT_MS)
    assert dialog.current_message.text() == error_message(WrongPassword())
    assert dialog.isVisible() and dialog.current.text() == ""
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.current, OWNER_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.save_button.click()
    assert window.notice_box is not None and "password was changed" in window.notice_box.text()
    window.notice_box.close()
    KeySlotFile.load(shop_dir / "keyslots.json").unlock(OWNER, "a brand new one 7")


# -- audit log and verify -------------------------------------------------------------------

def wait_loaded(qtbot: QtBot, dialog: AuditDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.loading and not tasks.busy(), timeout=WAIT_MS)


def test_audit_viewer_lists_events_and_filters_by_kind(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    window = open_window(qtbot, shop)
    window.audit_action.trigger()
    dialog = window.dialogs["audit"]
    assert isinstance(dialog, AuditDialog)
    wait_loaded(qtbot, dialog)
    kinds = [row.kind for row in dialog.model.rows()]
    assert kinds == ["redeem", "order_pay", "order_create", "product_add"]  # newest first
    assert dialog.model.index(0, dialog.model.KIND).data() == "Redemption"
    assert dialog.model.index(0, dialog.model.OPERATOR).data() == OWNER
    assert dialog.model.index(0, dialog.model.SUBJECT).data().startswith("Voucher #")
    assert dialog.count_label.text() == "4 events"
    dialog.set_kind("order_pay")
    wait_loaded(qtbot, dialog)
    assert [row.kind for row in dialog.model.rows()] == ["order_pay"]
    assert "payment: Cash · total: ¥10.00" in dialog.model.index(0, dialog.model.DETAIL).data()
    dialog.from_date.setDate(dialog.from_date.date().currentDate().addDays(1))
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 0 and dialog.empty.label.isVisible()
    dialog.clear_filters()
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 4
    dialog.close()


def test_audit_viewer_reads_a_page_at_a_time(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    dialog = AuditDialog(shop, page_size=3)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 3 and dialog.more_button.isEnabled()
    assert dialog.count_label.text() == "The newest 3 events shown"
    dialog.more_button.click()
    wait_loaded(qtbot, dialog)
    assert [row.kind for row in dialog.model.rows()][-1] == "product_add"
    assert not dialog.more_button.isEnabled()


def wait_verified(qtbot: QtBot, dialog: VerifyDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.running, timeout=WAIT_MS)


def test_verify_says_all_good_then_names_a_rolled_back_log(qtbot: QtBot, shop: Shop) -> None:
    make_events(shop)
    window = open_window(qtbot, shop)
    window.verify_action.trigger()
    dialog = window.dialogs["verify"]
    assert isinstance(dialog, VerifyDialog)
    wait_verified(qtbot, dialog)
    assert dialog.problems == []
    assert "All checks passed" in dialog.heading.text()
    assert not dialog.problem_list.isVisible()
    newest = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    AuditEvent.delete().where(AuditEvent.id == newest.id).execute()
    dialog.again_button.click()
    wait_verified(qtbot, dialog)
    assert dialog.problems == ["anchor: rolled_back", "witness_computer: rolled_back"]
    assert "Problems found: 2" in dialog.heading.text()
    assert dialog.problem_texts() == [verify_problem_text(p) for p in dialog.problems]
    assert all(text.startswith("Rolled back:") for text in dialog.problem_texts())
    # found by verify: the shop is held, in red on every screen, until the owner acknowledges
    assert window.integrity_banner.isVisible()
    assert window.integrity_banner.text() == integrity_message("rolled_back")
    assert dialog.acknowledge_button.isVisible()
    dialog.acknowledge("the newest event was deleted on purpose in a test")
    wait_verified(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.problems == [], timeout=WAIT_MS)
    assert not window.integrity_banner.isVisible()
    dialog.close()


def test_verify_problems_in_plain_words() -> None:
    assert verify_problem_text("audit_chain: event 7 hash_mismatch") == (
        "Audit event #7 was changed after it was written.")
    assert "#8" in verify_problem_text("audit_chain: event 8 broken_link")
    assert verify_problem_text("anchor: anchor_missing").startswith("Missing:")
    assert verify_problem_text("anchor: anchor_damaged").startswith("Damaged:")
    assert "Voucher #3" in verify_problem_text("vouchers: voucher 3 uses_mismatch")
    assert verify_problem_text("something: new") == "something: new"


def test_the_audit_viewer_opens_verify(qtbot: QtBot, shop: Shop) -> None:
    dialog = AuditDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    verify = dialog.open_verify()
    wait_verified(qtbot, verify)
    assert verify.problems == []
    verify.close()
    wait_loaded(qtbot, dialog)


def test_the_integrity_banner_stays(qtbot: QtBot, shop: Shop) -> None:
    shop.integrity_problem = "rolled_back"
    window = open_window(qtbot, shop)
    assert window.integrity_banner.isVisible()
    wait_idle(qtbot)


# -- the session: backups, restore, automatic backups, idle lock ----------------------------

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


@pytest.fixture
def session(qtbot: QtBot, shop: Shop, shop_dir: Path) -> Iterator[ShopSession]:
    # The session opens the shop itself; the fixture's own connection would only hold
    # the old files open under a restore.
    shop.close()
    started = ShopSession(shop_dir)
    started.start()
    yield started
    started.shutdown()


def back_up_through_the_menu(qtbot: QtBot, window: MainWindow, out: Path) -> None:
    assert window.backups is not None
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: window.backups.file_dialog is not None, timeout=WAIT_MS)
    file_dialog = window.backups.file_dialog
    assert file_dialog is not None
    suggested = Path(file_dialog.selectedFiles()[0]).name
    assert re.fullmatch(r"voucher-shop-[0-9a-f]{8}-\d{8}-\d{6}\.vsbackup", suggested)
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
                                                shop_dir: Path, tmp_path: Path) -> None:
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
    assert dialog.message.text() == error_message(WrongPassword())
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
    assert dialog.loss_box is not None and "lacks" in dialog.loss_box.text()
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


def test_a_restore_refused_after_closing_reopens_the_shop(
        qtbot: QtBot, session: ShopSession, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    opened = session.shop
    assert opened is not None
    out = backup.write_backup(opened, tmp_path / "x.vsbackup")

    def refuse(*_args: object) -> None:
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
    qtbot.waitUntil(lambda: window.backup_banner.isVisible(), timeout=WAIT_MS)
    assert "is not there" in window.backup_banner_text.text()
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


def test_idle_lock_fires_and_input_puts_it_off(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    assert window.idle.running and window.idle.timeout_ms == 10 * 60_000  # the default
    window.idle.set_timeout_ms(200)
    with qtbot.waitSignal(window.lock_requested, timeout=3000):
        pass
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))
    window.idle.set_timeout_ms(400)
    window.idle.start()
    for _ in range(8):  # 800 ms of typing (a scanner's keys are keys too)
        qtbot.wait(100)
        qtbot.keyClick(window, Qt.Key.Key_5)
    assert locked == []
    qtbot.waitUntil(lambda: locked == [True], timeout=3000)


def test_webcam_verdicts_count_as_activity(qtbot: QtBot, shop: Shop) -> None:
    """A cashier scanning only with the webcam presses no key: the app must not lock on them."""
    from desktop_app.core.dates import utc_now
    from desktop_app.core.redemption import Verdict
    from desktop_app.ui.counter.redemption_tab import RedemptionTab

    window = open_window(qtbot, shop)
    tab = next(window.tabs.widget(i) for i in range(window.tabs.count())
               if isinstance(window.tabs.widget(i), RedemptionTab))
    locked: list[bool] = []
    window.lock_requested.connect(lambda: locked.append(True))
    window.idle.set_timeout_ms(400)
    verdict = Verdict(True, "redeemed", OWNER, "cam", utc_now())
    for _ in range(8):
        qtbot.wait(100)
        tab.verdict_shown.emit(verdict, False)
    assert locked == []
    qtbot.waitUntil(lambda: locked == [True], timeout=3000)


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


def test_preferences_set_the_idle_time(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    dialog = window.open_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.idle_minutes.value() == 10
    dialog.idle_minutes.setValue(0)
    assert dialog.idle_minutes.text() == "Never"
    dialog.accept()
    assert QSettings().value(IDLE_LOCK_KEY) in (0, "0") and idle_lock_minutes() == 0
    assert not window.idle.running  # 0: never
    QSettings().setValue(IDLE_LOCK_KEY, 3)
    dialog = window.open_preferences()
    assert dialog.idle_minutes.value() == 3
    dialog.accept()
    assert window.idle.running and window.idle.timeout_ms == 3 * 60_000


def test_notices_do_not_block(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    box = window.show_notice("Done.")
    assert box.windowModality() == Qt.WindowModality.NonModal
    assert window.show_notice("Again.", problem=True) is box
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()
    wait_idle(qtbot)


def test_changing_a_password_obeys_the_login_waits(shop: Shop) -> None:
    """Proving the current password (dialog or command line) must not dodge the login's waits."""
    from desktop_app.core.auth import change_own_password
    from desktop_app.core.errors import LockedOut
    from desktop_app.core.lockout import FREE_FAILURES

    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassword):
            change_own_password(shop, "not it", "whatever-new-1")
    with pytest.raises(LockedOut):
        change_own_password(shop, OWNER_PASSWORD, "whatever-new-1")


def test_audit_details_read_in_the_interface_language(qapp: object) -> None:
    from desktop_app.i18n import install_translator, remove_translators
    from desktop_app.ui.admin.audit_model import detail_text

    stored = '{"method": "cash", "total_cents": 123456, "custom_key": 1}'
    assert detail_text(stored) == "payment: Cash · total: ¥1,234.56 · custom_key: 1"
    try:
        install_translator(qapp, "zh_CN")  # type: ignore[arg-type]
        assert detail_text(stored) == "付款方式：现金 · 合计：¥1,234.56 · custom_key：1"
    finally:
        remove_translators(qapp)  # type: ignore[arg-type]
