"""The GUI shell: setup, login, lock, the main window's tabs, messages and translations.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app import __version__
from desktop_app.core import auth, errors
from desktop_app.core.auth import add_operator
from desktop_app.core.errors import InvalidInput, ShopError, WrongPassword
from desktop_app.core.store import Shop, open_shop
from desktop_app.i18n import install_translator, remove_translators, resolve_language
from desktop_app.messages import (
    error_message,
    integrity_message,
    problem_message,
    role_label,
    unexpected_error_message,
)
from desktop_app.messages.error_texts import ERROR_TEXTS
from desktop_app.resources import resources_dir, translations_dir
from desktop_app.ui import tasks
from desktop_app.ui.exception_hook import ExceptionHook
from desktop_app.ui.main_window import MainWindow, station_name
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.shop_session import ShopSession, close_shop
from tests.conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

# The offscreen platform of headless runs says so for any window with a size limit, and for
# raising a window; neither is about the app.
pytestmark = pytest.mark.usefixtures("temp_settings")

TS_FILES = sorted(translations_dir().glob("voucher_shop_*.ts"))
WAIT_MS = 15_000


def all_error_classes() -> list[type[ShopError]]:
    found, todo = [], [ShopError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


# -- setup dialog ---------------------------------------------------------------------------

def open_setup(qtbot: QtBot, folder: Path) -> SetupDialog:
    dialog = SetupDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_text(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Keys for ASCII; an input method's commit for the rest, as a Chinese IME sends it
    (QTest cannot press keys outside ASCII)."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(field, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(field, event)


def fill_setup(qtbot: QtBot, dialog: SetupDialog, password: str, confirm: str) -> None:
    type_text(qtbot, dialog.shop_name, "Corner Café 街角咖啡")
    dialog.currency.setCurrentText("HKD")
    qtbot.keyClicks(dialog.owner_name, OWNER)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClicks(dialog.confirm, confirm)


def test_setup_mismatched_passwords_keep_create_disabled(qtbot: QtBot, shop_dir: Path) -> None:
    dialog = open_setup(qtbot, shop_dir)
    assert not dialog.create_button.isEnabled()
    fill_setup(qtbot, dialog, OWNER_PASSWORD, "correct horse 43")
    assert not dialog.create_button.isEnabled()
    assert dialog.messages["confirm"].isVisible()
    assert dialog.messages["confirm"].text() == problem_message("mismatch")
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, OWNER_PASSWORD)
    assert dialog.create_button.isEnabled()
    assert not dialog.messages["confirm"].isVisible()


def test_setup_does_not_scold_a_repeat_still_being_typed(qtbot: QtBot, shop_dir: Path) -> None:
    dialog = open_setup(qtbot, shop_dir)
    fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD[:5])
    assert not dialog.create_button.isEnabled()
    assert not dialog.messages["confirm"].isVisible()


def test_setup_flags_weak_and_short_passwords(qtbot: QtBot, shop_dir: Path) -> None:
    dialog = open_setup(qtbot, shop_dir)
    fill_setup(qtbot, dialog, "abcdefgh", "abcdefgh")
    assert dialog.password_is_weak
    assert dialog.strength_label.text() == "Weak"
    assert dialog.messages["password"].isVisible()
    assert dialog.create_button.isEnabled()  # weak is a warning; the core allows 8 characters
    dialog.password.clear()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.password, "abc")
    qtbot.keyClicks(dialog.confirm, "abc")
    assert dialog.strength_label.text() == "Too short"
    assert not dialog.create_button.isEnabled()
    assert dialog.problems()["password"] == problem_message("too_short", minimum=8)
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "Tr0ub4dor & 3 horses")
    assert not dialog.password_is_weak
    assert dialog.strength_label.text() == "Strong"


def test_setup_requires_names_and_a_currency_code(qtbot: QtBot, shop_dir: Path) -> None:
    dialog = open_setup(qtbot, shop_dir)
    fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD)
    dialog.currency.setCurrentText("yu")
    assert dialog.currency.currentText() == "YU"
    assert not dialog.create_button.isEnabled()
    assert dialog.messages["currency"].text() == problem_message("bad_currency")
    dialog.currency.setCurrentText("eur")
    assert dialog.create_button.isEnabled()
    dialog.owner_name.clear()
    dialog.owner_name.editingFinished.emit()
    assert not dialog.create_button.isEnabled()
    assert dialog.messages["owner_name"].text() == problem_message("required")


def keep_recovery_key(qtbot: QtBot, dialog: SetupDialog) -> str:
    """The step after Create: the recovery key, confirmed by typing its last group."""
    qtbot.waitUntil(lambda: dialog.recovery_dialog is not None, timeout=WAIT_MS)
    keeper = dialog.recovery_dialog
    assert keeper is not None and keeper.isVisible()
    assert not dialog.result()  # the shop is not usable before the key is kept
    assert not keeper.continue_button.isEnabled()
    qtbot.keyClicks(keeper.confirm, keeper.last_group.lower())
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(keeper.continue_button, Qt.MouseButton.LeftButton)
    return keeper.key


def test_setup_creates_an_encrypted_shop(qtbot: QtBot, shop_dir: Path) -> None:
    dialog = open_setup(qtbot, shop_dir)
    fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    key = keep_recovery_key(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    created = dialog.shop
    assert created is not None
    assert (created.name, created.currency, created.operator.name) == (
        "Corner Café 街角咖啡", "HKD", OWNER)
    assert created.is_owner
    assert dialog.password.text() == ""  # no password left lying in a widget
    close_shop(created)
    assert not (shop_dir / "shop.db").read_bytes().startswith(b"SQLite format 3")
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as reopened:
        assert reopened.name == "Corner Café 街角咖啡"
    auth.recover_owner(shop_dir, OWNER, key, "a brand new pass 9").close()  # the key works


def test_recovery_key_dialog_prints_saves_copies_and_needs_the_last_group(
        qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.core.keyslots import new_recovery_key
    from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog

    key = new_recovery_key()
    dialog = RecoveryKeyDialog(key, "Corner Café")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.key_label.text() == key
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == key
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    dialog.file_dialog.fileSelected.emit(str(tmp_path / "key"))
    assert (tmp_path / "key.pdf").read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "key.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert key in text and "Corner Café" in text
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.print_dialog is not None
    printer = dialog.print_dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.print_dialog.accepted.emit(printer)
    dialog.print_dialog.close()
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    dialog.reject()  # Esc: the key must be kept first
    assert dialog.isVisible() and dialog.message.isVisible()
    qtbot.keyClicks(dialog.confirm, "0000" if dialog.last_group != "0000" else "1111")
    assert not dialog.continue_button.isEnabled()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, dialog.last_group)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)


def test_setup_shows_create_errors_inline(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    dialog = open_setup(qtbot, shop_dir)
    fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.shop is None
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == error_message(errors.ShopExists(path=str(shop_dir)))


# -- login dialog ---------------------------------------------------------------------------

def log_in(qtbot: QtBot, dialog: LoginDialog, name: str, password: str) -> None:
    dialog.operator.clear()
    qtbot.keyClicks(dialog.operator, name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter submits
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def open_login(qtbot: QtBot, folder: Path, **options: object) -> LoginDialog:
    dialog = LoginDialog(folder, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_wrong_password_says_so_inline(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    dialog = open_login(qtbot, shop_dir)
    log_in(qtbot, dialog, OWNER, "not the password")
    assert dialog.shop is None
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert dialog.message.text() == error_message(WrongPassword())
    assert dialog.password.text() == ""
    assert dialog.focusWidget() is dialog.password


def test_login_unknown_operator(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    dialog = open_login(qtbot, shop_dir)
    log_in(qtbot, dialog, "Mallory", OWNER_PASSWORD)
    assert dialog.shop is None
    assert "Mallory" in dialog.message.text()


def test_login_right_password_opens_the_shop(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    dialog = open_login(qtbot, shop_dir)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        log_in(qtbot, dialog, OWNER.lower(), OWNER_PASSWORD)  # names are case-insensitive
    opened = dialog.shop
    assert opened is not None
    try:
        assert opened.operator.name == OWNER
        assert opened.is_owner
        assert opened.name == shop.name
    finally:
        close_shop(opened)


def test_login_demo_panel_fills_the_fields(qtbot: QtBot, shop_dir: Path) -> None:
    demo = [("owner", "demo-owner-pass", "owner"), ("clerk", "demo-clerk-pass", "clerk")]
    dialog = open_login(qtbot, shop_dir, demo_operators=demo)
    item = dialog.demo_list.topLevelItem(1)
    assert [item.text(c) for c in range(3)] == ["clerk", role_label("clerk"), "demo-clerk-pass"]
    rect = dialog.demo_list.visualItemRect(item)
    qtbot.mouseClick(dialog.demo_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert (dialog.operator.text(), dialog.password.text()) == ("clerk", "demo-clerk-pass")


def test_after_login_the_window_tells_failed_attempts_since_the_last(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    shop.close()
    for _ in range(2):
        with pytest.raises(WrongPassword):
            open_shop(shop_dir, OWNER, "not the password")
    session = ShopSession(shop_dir)
    session.start()
    try:
        dialog = session.dialog
        assert isinstance(dialog, LoginDialog)
        dialog.operator.setText(OWNER)
        dialog.password.setText(OWNER_PASSWORD)
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            dialog.submit()
        assert session.window is not None
        assert "since your last login: 2" in session.window.statusBar().currentMessage()
    finally:
        session.shutdown()


def test_forgotten_owner_password_with_the_recovery_key(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    key = shop.recovery_key
    assert key is not None
    close_shop(shop)
    dialog = open_login(qtbot, shop_dir)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    assert dialog.recovery_dialog is None and dialog.message.isVisible()  # whose password?
    qtbot.keyClicks(dialog.operator, OWNER)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery_dialog
    assert recovery is not None and recovery.isVisible()
    qtbot.keyClicks(recovery.current, key[:-1] + ("0" if key[-1] != "0" else "1"))  # a typo
    qtbot.keyClicks(recovery.fields.password, "a brand new pass 9")
    qtbot.keyClicks(recovery.fields.confirm, "a brand new pass 9")
    qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recovery.busy and recovery.message.isVisible(), timeout=WAIT_MS)
    assert "typo" in recovery.message.text()
    recovery.current.clear()
    qtbot.keyClicks(recovery.current, key.lower())
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    assert dialog.shop is not None and dialog.shop.operator.name == OWNER
    close_shop(dialog.shop)
    open_shop(shop_dir, OWNER, "a brand new pass 9").close()


def test_no_shop_name_in_plain_settings_and_login_shows_the_folder(
        qtbot: QtBot, shop: Shop, shop_dir: Path, temp_settings: Path) -> None:
    QSettings().setValue("shops/0123456789abcdef/name", shop.name)  # an earlier version's
    session = ShopSession(shop_dir)
    session._enter(shop)
    assert session.window is not None
    qtbot.addWidget(session.window)
    QSettings().sync()
    stored = b"".join(p.read_bytes() for p in temp_settings.rglob("*") if p.is_file())
    assert shop.name.encode() not in stored and "shops" not in QSettings().childGroups()
    dialog = open_login(qtbot, shop_dir)
    assert dialog.header.title.text() == "Voucher Shop"
    assert dialog.windowTitle() == "Log in"


# -- main window ----------------------------------------------------------------------------

def open_window(qtbot: QtBot, opened: Shop) -> MainWindow:
    window = MainWindow(opened)
    qtbot.addWidget(window)
    window.show()
    return window


def test_owner_sees_four_tabs(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    assert window.tab_titles() == ["Inventory", "Orders", "Redemption", "Reports"]
    assert window.windowTitle() == f"{shop.name} — Voucher Shop"
    assert OWNER in window.operator_label.text() and "Owner" in window.operator_label.text()
    assert shop.name in window.shop_label.text()
    assert station_name() in window.station_label.text()
    assert __version__ in window.about_text()


def test_window_warns_when_the_records_cannot_be_vouched_for(qtbot: QtBot, shop: Shop) -> None:
    assert open_window(qtbot, shop).integrity_banner.isHidden()
    shop.integrity_problem = "rolled_back"
    window = open_window(qtbot, shop)
    assert window.integrity_banner.isVisible()
    assert window.integrity_banner.text() == integrity_message("rolled_back")


def test_clerk_sees_only_redemption(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    dialog = open_login(qtbot, shop_dir)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        log_in(qtbot, dialog, CLERK, CLERK_PASSWORD)
    clerk_shop = dialog.shop
    assert clerk_shop is not None and not clerk_shop.is_owner
    try:
        window = open_window(qtbot, clerk_shop)
        assert window.tab_titles() == ["Redemption"]
        assert CLERK in window.operator_label.text() and "Clerk" in window.operator_label.text()
        window.close()
    finally:
        close_shop(clerk_shop)


def test_station_name_comes_from_settings(qtbot: QtBot) -> None:
    QSettings().setValue("station", "Counter 2")  # the key before it was station/name
    assert station_name() == "Counter 2"
    QSettings().setValue("station/name", "Counter 3")
    assert station_name() == "Counter 3"
    QSettings().remove("station/name")
    QSettings().remove("station")
    assert station_name()  # the host name


def test_window_remembers_its_geometry(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    assert window.size() == window.default_size()
    assert window.default_size().width() <= 1100
    window.resize(640, 480)  # small enough for the headless screen
    window.close()
    again = open_window(qtbot, shop)
    assert (again.width(), again.height()) == (640, 480)


# -- the session: login, lock, log out ------------------------------------------------------

def session_login(qtbot: QtBot, session: ShopSession, name: str, password: str) -> None:
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        log_in(qtbot, dialog, name, password)


@pytest.fixture
def session(qtbot: QtBot, shop: Shop, shop_dir: Path) -> Iterator[ShopSession]:
    started = ShopSession(shop_dir)
    started.start()
    yield started
    started.shutdown()


def test_lock_returns_to_login_and_unlocks_the_same_window(
        qtbot: QtBot, session: ShopSession) -> None:
    assert isinstance(session.dialog, LoginDialog)
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    window, opened = session.window, session.shop
    assert window is not None and window.isVisible()
    window.tabs.setCurrentIndex(1)
    window.lock_action.trigger()
    assert not window.isVisible()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog) and lock_screen.locked
    assert lock_screen.operator.text() == OWNER
    assert lock_screen.focusWidget() is lock_screen.password
    log_in(qtbot, lock_screen, OWNER, "wrong password")
    assert not window.isVisible()
    assert lock_screen.message.text() == error_message(WrongPassword())
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        log_in(qtbot, lock_screen, OWNER, OWNER_PASSWORD)
    assert session.window is window and session.shop is opened
    assert window.isVisible() and window.tabs.currentIndex() == 1


def test_another_operator_at_the_lock_screen_starts_a_new_session(
        qtbot: QtBot, shop: Shop, session: ShopSession) -> None:
    add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    owner_window = session.window
    assert owner_window is not None
    owner_window.lock_requested.emit()
    session_login(qtbot, session, CLERK, CLERK_PASSWORD)
    assert session.window is not owner_window
    assert session.window is not None and session.window.tab_titles() == ["Redemption"]


def test_logout_returns_to_an_empty_login(qtbot: QtBot, session: ShopSession) -> None:
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    window = session.window
    assert window is not None
    window.logout_action.trigger()
    assert session.shop is None and session.window is None
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog) and not dialog.locked
    assert dialog.operator.text() == "" and dialog.focusWidget() is dialog.operator


def test_closing_the_login_quits(qtbot: QtBot, session: ShopSession) -> None:
    assert session.dialog is not None
    with qtbot.waitSignal(session.finished, timeout=1000):
        session.dialog.reject()


def test_first_start_shows_setup_then_the_window(qtbot: QtBot, shop_dir: Path) -> None:
    session = ShopSession(shop_dir)
    session.start()
    try:
        dialog = session.dialog
        assert isinstance(dialog, SetupDialog)
        fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD)
        dialog.create_button.click()
        keep_recovery_key(qtbot, dialog)
        assert session.window is not None and session.window.isVisible()
        assert session.window.tab_titles() == ["Inventory", "Orders", "Redemption", "Reports"]
    finally:
        session.shutdown()


def test_demo_session_lists_the_demo_operators(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop_app.core.demo import DEMO_OPERATORS, DEMO_SHOP_NAME

    session = ShopSession(tmp_path / "demo", demo=True)
    session.start()
    try:
        dialog = session.dialog
        assert isinstance(dialog, LoginDialog)
        assert dialog.header.title.text() == DEMO_SHOP_NAME  # named on the very first start
        qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
        assert not dialog.message.isVisible()
        names = [dialog.demo_list.topLevelItem(i).text(0)
                 for i in range(dialog.demo_list.topLevelItemCount())]
        assert names == [name for name, _, _ in DEMO_OPERATORS]
        clerk = next(row for row in DEMO_OPERATORS if row[2] == "clerk")
        session_login(qtbot, session, clerk[0], clerk[1])
        assert session.window is not None and session.window.tab_titles() == ["Redemption"]
    finally:
        session.shutdown()


# -- background tasks and errors nobody caught ----------------------------------------------

def test_background_task_results_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    import threading

    seen: list[object] = []
    task = tasks.run_in_background(None, threading.current_thread, on_success=seen.append)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert seen[0] is not threading.main_thread()
    failure = tasks.run_in_background(None, lambda: 1 / 0, on_failure=seen.append)
    with qtbot.waitSignal(failure.finished, timeout=WAIT_MS):
        pass
    assert isinstance(seen[1], ZeroDivisionError)


def test_a_refusal_is_said_at_the_error_target_and_a_bug_goes_to_the_excepthook(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui.widgets import MessageLabel

    label = MessageLabel()
    qtbot.addWidget(label)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: hooked.append(exc))
    settled: list[str] = []
    refusal = WrongPassword(operator="x")

    def refuse() -> None:
        raise refusal

    task = tasks.run_in_background(None, refuse, errors=label,
                                   always=lambda: settled.append("refused"))
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert label.text() == error_message(refusal) and hooked == []
    blamed: list[ShopError] = []
    task = tasks.run_in_background(None, refuse, errors=blamed.append)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert blamed == [refusal]
    task = tasks.run_in_background(None, lambda: 1 / 0, errors=label,
                                   always=lambda: settled.append("bug"))
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert isinstance(hooked[0], ZeroDivisionError)
    assert label.text() == error_message(refusal)  # a bug is not a refusal: not said inline
    assert settled == ["refused", "bug"]


def test_background_task_skips_a_deleted_parent(qtbot: QtBot) -> None:
    import shiboken6

    parent = QObject()
    seen: list[object] = []
    task = tasks.run_in_background(parent, lambda: 42, on_success=seen.append)
    shiboken6.delete(parent)
    with qtbot.waitSignal(task.finished, timeout=WAIT_MS):
        pass
    assert seen == []


def test_exception_hook_logs_the_traceback_and_shows_words(
        caplog: pytest.LogCaptureFixture) -> None:
    shown: list[str] = []
    hook = ExceptionHook(show=shown.append)
    try:
        raise RuntimeError("internal detail")
    except RuntimeError as exc:
        with caplog.at_level(logging.ERROR):
            hook(type(exc), exc, exc.__traceback__)
    assert shown == [unexpected_error_message()]
    assert "internal detail" not in shown[0] and "Traceback" not in shown[0]
    assert "RuntimeError: internal detail" in caplog.text  # the traceback went to the log
    hook(errors.DatabaseLocked, errors.DatabaseLocked(path="x"), None)
    assert shown[1] == error_message(errors.DatabaseLocked(path="x"))


# -- messages and translations --------------------------------------------------------------

@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda cls: cls.code)
def test_every_error_has_its_own_message(cls: type[ShopError]) -> None:
    assert cls.code in ERROR_TEXTS
    text = error_message(cls())
    assert text.strip()
    assert "{" not in text and "}" not in text


def test_messages_name_the_facts() -> None:
    assert "/mnt/share/shop" in error_message(errors.NetworkPathRefused(path="/mnt/share/shop"))
    assert "PostgreSQL" in error_message(errors.NetworkPathRefused(path="/x"))
    assert "Nothing already saved was lost" in error_message(errors.DiskFull(path="/x"))
    text = error_message(InvalidInput(field="password", problem="too_short", minimum=8))
    assert text == "Password: Too short: use at least 8 characters."
    stock = error_message(errors.OutOfStock(product="Coffee", wanted=3, available=1))
    assert "Coffee" in stock and "1" in stock
    state = error_message(errors.InvalidState(what="order", id=3, state="refunded"))
    assert "order" in state and "refunded" in state
    assert problem_message("no such problem") == "Not accepted."
    assert "another shop" in error_message(errors.BackupInvalid(problem="foreign", path="b"))


def test_lockout_message_names_the_wait(qapp: QApplication) -> None:
    try:
        assert install_translator(qapp, "en") == "en"
        assert "3 minutes," in error_message(errors.LockedOut(operator="Bob", seconds=150))
        assert "20 seconds," in error_message(errors.LockedOut(operator="Bob", seconds=20))
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        assert "20" in error_message(errors.LockedOut(operator="Bob", seconds=20))
    finally:
        remove_translators(qapp)


@pytest.mark.parametrize(("asked", "used"), [
    ("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("zh-Hans-CN", "zh_CN"), ("en", "en"),
    ("en_GB", "en"), ("de_DE", "en"), ("C", "en"),
])
def test_language_choice(asked: str, used: str) -> None:
    assert resolve_language(asked) == used


def test_chinese_translator_translates(qapp: QApplication) -> None:
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        translated = error_message(WrongPassword())
        assert translated != ERROR_TEXTS["wrong_password"]
        assert "密码" in translated
        assert QCoreApplication.translate("MainWindow", "Redemption") == "核销"
        assert role_label("clerk") == "核销员"
    finally:
        remove_translators(qapp)
    assert error_message(WrongPassword()).startswith("Wrong password")


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}|%n", text))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_no_translation_is_unfinished(ts: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm"))), "run tools/update_translations.py"
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, source
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""]
            assert all(form.strip() for form in forms), source
            for form in forms:  # a lost or renamed placeholder would break .format()
                assert placeholders(form) == placeholders(source), source
            if message.get("numerus") != "yes":
                assert translator.translate(name, source) == forms[0], f"stale .qm: {source}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda path: path.name)
def test_every_message_has_a_context(ts: Path) -> None:
    """lupdate reads the context from the call: a ``tr(text)`` helper function outside a class
    files its strings under no context, and the translations never match at run time."""
    for context in ET.parse(ts).getroot().iter("context"):
        sources = [m.findtext("source") for m in context.iter("message")]
        assert context.findtext("name"), (
            f"no context for {sources[:3]}: call QCoreApplication.translate('ctx', '...') or "
            "QT_TRANSLATE_NOOP('ctx', '...') with a literal context")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_qt_calls_keep_their_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a method that
    returns void; after some ten thousand calls the app dies with "deallocating None"."""
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    assert sys.getrefcount(None) > before - 50, (
        "this PySide6 drops references to None: pin PySide6-Essentials 6.11.3 or use Python 3.12+")


def test_resources_are_found_from_source_and_from_a_bundle(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert (resources_dir() / "icons" / "app.svg").exists()
    assert (resources_dir() / "icons" / "app.png").exists()
    assert (translations_dir() / "voucher_shop_zh_CN.qm").exists()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_every_setting_of_this_computer_goes_through_ui_settings() -> None:
    """One module knows every QSettings key and its default (``ui/settings.py``)."""
    app_dir = Path(__file__).resolve().parent.parent / "desktop_app"
    elsewhere = [str(path.relative_to(app_dir)) for path in app_dir.rglob("*.py")
                 if "QSettings(" in path.read_text(encoding="utf-8")
                 and path.name != "settings.py"]
    assert elsewhere == []


def test_first_start_can_put_the_shop_on_the_server_and_a_second_pc_joins_it(
        qtbot: QtBot, tmp_path: Path, pg_url: str) -> None:
    from desktop_app.core.engine import ShopLocation

    first = open_setup(qtbot, tmp_path / "pc1")
    assert first.this_pc.isChecked() and not first.server_url.isVisible()
    first.on_server.setChecked(True)
    assert first.server_url.isVisible()
    first.server_url.setText(pg_url)
    fill_setup(qtbot, first, OWNER_PASSWORD, OWNER_PASSWORD)
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    assert len(keep_recovery_key(qtbot, first).split("-")) == 7  # a server shop has one too
    assert first.location == ShopLocation(tmp_path / "pc1", pg_url)
    assert first.shop is not None and first.shop.name == "Corner Café 街角咖啡"
    close_shop(first.shop)
    second = open_setup(qtbot, tmp_path / "pc2")  # another counter: the shop is there already
    second.on_server.setChecked(True)
    second.server_url.setText(pg_url)
    fill_setup(qtbot, second, OWNER_PASSWORD, OWNER_PASSWORD)
    with qtbot.waitSignal(second.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(second.create_button, Qt.MouseButton.LeftButton)
    assert second.shop is not None and second.shop.operator.name == OWNER
    close_shop(second.shop)
    refused = open_setup(qtbot, tmp_path / "pc3")
    refused.on_server.setChecked(True)
    refused.server_url.setText("postgresql://u:pw@127.0.0.1/db")
    fill_setup(qtbot, refused, OWNER_PASSWORD, OWNER_PASSWORD)
    qtbot.mouseClick(refused.create_button, Qt.MouseButton.LeftButton)
    assert "PGPASSWORD" in refused.error.text() and refused.shop is None
