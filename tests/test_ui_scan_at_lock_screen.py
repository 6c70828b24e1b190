"""Scans at the lock screen and the login screen: a voucher is kept and redeemed after the
unlock, anything else a scanner types into the password box is neither tried nor counted.

Real sessions on real encrypted shops, real key events at a scanner's speed or a person's
(scan_driver.Keys).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from counter_driver import attempts
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from scan_driver import (
    PERSON_MS,
    SCANNER_MS,
    WAIT_MS,
    Keys,
    at_work,
    failures_counted,
    log_in,
    sell,
    session,
    tab_of,
    uses_left,
)

from desktop_app.core.errors import WrongPassword
from desktop_app.messages import error_message
from desktop_app.ui import tasks
from desktop_app.ui.session.held_scans import HELD_SCAN_S
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture, shared with the other scan tests

PRODUCT_BARCODE = "6901234567892"  # an EAN-13 off a bottle of water
NOT_A_PASSWORD = "That was a scan, not a password: it was not used."


def locked(qtbot: QtBot, session: ShopSession) -> tuple[Keys, LoginDialog]:
    keys = Keys(session)
    window = log_in(qtbot, session)
    keys.follow(window)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog) and lock_screen.locked
    assert lock_screen.focusWidget() is lock_screen.password
    return keys, lock_screen


def at_the_password(qtbot: QtBot, session: ShopSession) -> tuple[Keys, LoginDialog]:
    """The login screen, the owner's name typed, the password box focused."""
    keys = Keys(session)
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog) and not dialog.locked
    dialog.operator.setText(OWNER)
    dialog.password.setFocus()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.password)
    return keys, dialog


def settle(qtbot: QtBot, dialog: LoginDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    tasks.wait_until_idle()


def test_a_scan_at_the_lock_screen_is_kept_and_redeemed_after_the_unlock(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog) and lock_screen.locked
    assert lock_screen.focusWidget() is lock_screen.password
    for _ in range(6):  # more than the free failures: none may count
        keys.scan(lock_screen, payload)
        tasks.wait_until_idle()
    assert lock_screen.password.text() == ""
    assert lock_screen.isVisible() and not lock_screen.busy
    assert lock_screen.message.text().startswith("Locked – log in to redeem")
    assert failures_counted(shop_dir) == 0
    assert uses_left(voucher_id) == 2
    tab = tab_of(window)
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        log_in(qtbot, session)
    verdict = shown.args[0]
    assert verdict.ok and uses_left(voucher_id) == 1  # the scan once, not six times
    assert session.window is window and tab.isVisible()


def test_every_voucher_scanned_at_the_lock_screen_is_redeemed_after_the_unlock(
        qtbot: QtBot, session: ShopSession) -> None:
    keys, window, first_id, first = at_work(qtbot, session)
    assert session.shop is not None
    second_id, second = sell(session.shop, uses=3)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog)
    keys.scan(lock_screen, first)
    keys.scan(lock_screen, second)
    assert lock_screen.message.text() == (
        "Locked – log in to redeem. Scans kept for a minute: 2.")
    tab = tab_of(window)
    verdicts = []
    tab.verdict_shown.connect(lambda verdict, _repeated: verdicts.append(verdict))
    log_in(qtbot, session)
    qtbot.waitUntil(lambda: len(verdicts) == 2, timeout=WAIT_MS)
    assert [verdict.voucher_id for verdict in verdicts] == [first_id, second_id]
    assert all(verdict.ok for verdict in verdicts)
    assert uses_left(first_id) == 1 and uses_left(second_id) == 2


def test_a_busy_moment_in_the_middle_of_a_scan_at_the_lock_screen_keeps_the_voucher(
        qtbot: QtBot, session: ShopSession) -> None:
    """Seen once in a full run on a loaded machine: 1 scan kept of 2. The idle timeout ran out
    in the middle of a burst, the GUI thread busy while the scanner's next keys waited: its
    first part was fast text in the password box, its rest too, and the voucher was lost."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog)
    keys.now += 1000
    keys.type(lock_screen, payload[:20], SCANNER_MS)
    time.sleep(0.3)  # busy, well past the scanner's 80 ms idle timeout
    QCoreApplication.processEvents()  # back: the timers' turn, then the keys that waited
    keys.type(lock_screen, payload[20:], SCANNER_MS)
    keys.enter(lock_screen, SCANNER_MS)
    settle(qtbot, lock_screen)
    assert lock_screen.password.text() == ""
    assert lock_screen.message.text() == (
        "Locked – log in to redeem. The scan is kept for a minute.")
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        log_in(qtbot, session)
    assert shown.args[0].ok and uses_left(voucher_id) == 1


def test_a_scan_older_than_a_minute_is_not_redeemed_at_the_unlock(
        qtbot: QtBot, session: ShopSession, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = Keys(session)
    window = log_in(qtbot, session)
    assert session.shop is not None
    voucher_id, payload = sell(session.shop)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog)
    keys.scan(lock_screen, payload)
    later = time.monotonic() + HELD_SCAN_S + 1
    monkeypatch.setattr(time, "monotonic", lambda: later)  # the session's clock
    window = log_in(qtbot, session)
    tasks.wait_until_idle()
    assert uses_left(voucher_id) == 2
    box = window.notice_box  # QA s35b F11: it was said to be kept; now said not redeemed
    assert box is not None and box.isVisible() and "were not redeemed: 1" in box.text()


@pytest.mark.parametrize("scanned", [PRODUCT_BARCODE, "6921168509256012345678"])
def test_a_barcode_is_never_a_password_at_the_lock_screen(
        qtbot: QtBot, session: ShopSession, shop_dir: Path, scanned: str) -> None:
    keys, lock_screen = locked(qtbot, session)
    keys.type(lock_screen, "cor", PERSON_MS)  # the operator had begun the password
    for _ in range(7):  # more than the free failures: none may count
        keys.scan(lock_screen, scanned)
        settle(qtbot, lock_screen)
        assert lock_screen.password.text() == "cor"
    assert lock_screen.message.text() == NOT_A_PASSWORD
    assert failures_counted(shop_dir) == 0
    assert lock_screen.isVisible()
    keys.type(lock_screen, OWNER_PASSWORD[3:], PERSON_MS)
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        keys.enter(lock_screen, PERSON_MS)
    assert session.window is not None and session.window.isVisible()


@pytest.mark.parametrize("typed", ["GARBAGE-1-XYZ", "correct horse battery",
                                   "My-Long-Passw0rd-2026"])
def test_fast_text_in_the_password_box_stays_and_waits_for_the_persons_enter(
        qtbot: QtBot, session: ShopSession, shop_dir: Path, typed: str) -> None:
    """QA s10a F7: a password manager types at scanner speed; its password was emptied, or
    (16 characters and more) redeemed and shown on the counter's list. A scanner's stray text
    stays too, and is tried only when the person presses Enter: nothing is counted before."""
    keys, lock_screen = locked(qtbot, session)
    attempts_before = attempts()
    keys.scan(lock_screen, typed)  # the burst and its Enter, as fast as a scanner
    settle(qtbot, lock_screen)
    assert lock_screen.password.text() == typed and lock_screen.isVisible()
    assert lock_screen.message.text() != NOT_A_PASSWORD
    assert failures_counted(shop_dir) == 0 and attempts() == attempts_before
    lock_screen.password.clear()
    keys.type(lock_screen, OWNER_PASSWORD, SCANNER_MS)  # the right one, auto-typed
    qtbot.wait(300)  # the burst is over (its idle time), as before a person's key
    assert lock_screen.password.text() == OWNER_PASSWORD
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        keys.enter(lock_screen, PERSON_MS)  # the person confirms
    assert attempts() == attempts_before  # no password became a redemption attempt


@pytest.mark.parametrize("lock", [True, False])
def test_a_name_and_password_auto_typed_outside_the_fields_is_never_kept_as_a_scan(
        qtbot: QtBot, session: ShopSession, lock: bool) -> None:
    """Found trying it on a real screen: a password manager typed the name, Tab and the
    password while the login button had the focus; the burst (20 characters, no spaces) was
    kept as a scan, redeemed at the login and recorded, password and all, in the attempt's
    scanned text and on the counter's recent list."""
    if lock:
        keys, dialog = locked(qtbot, session)
    else:
        keys, dialog = at_the_password(qtbot, session)
        dialog.operator.clear()
    attempts_before = attempts() if lock else 0  # logged out: no shop open to count in
    dialog.login_button.setFocus()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.login_button)
    keys.scan(dialog, OWNER + "my-secret-2026")  # no space: a space presses the button
    settle(qtbot, dialog)
    assert dialog.message.text().startswith("That was typed very fast outside the fields")
    assert dialog.focusWidget() is (dialog.password if lock else dialog.operator)
    assert dialog.password.text() == "" and dialog.isVisible()
    dialog.operator.setText(OWNER)
    dialog.password.setText(OWNER_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    tasks.wait_until_idle()
    assert session.window is not None and session.window.isVisible()
    assert attempts() == attempts_before  # nothing redeemed, no password on record


def test_after_a_scan_kept_at_the_lock_screen_the_password_box_has_the_focus(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s35b F5: Tab twice put the focus on Quit; a voucher scanned there was kept, but the
    focus stayed on Quit, so the password typed next went nowhere and its Enter quit the app,
    the kept scan with it."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog)
    lock_screen.quit_button.setFocus()
    qtbot.waitUntil(lambda: lock_screen.focusWidget() is lock_screen.quit_button)
    keys.scan(lock_screen, payload)
    tasks.wait_until_idle()
    assert lock_screen.message.text().startswith("Locked – log in to redeem")
    assert lock_screen.focusWidget() is lock_screen.password and lock_screen.isVisible()
    keys.type(lock_screen, OWNER_PASSWORD, PERSON_MS)
    tab = tab_of(window)
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        keys.enter(lock_screen, PERSON_MS)
    assert shown.args[0].ok and uses_left(voucher_id) == 1


def test_a_person_typing_the_password_at_the_lock_screen_is_unaffected(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    keys, lock_screen = locked(qtbot, session)
    keys.type(lock_screen, "wrong password!", PERSON_MS)
    assert lock_screen.password.text() == "wrong password!"
    keys.enter(lock_screen, PERSON_MS)
    settle(qtbot, lock_screen)
    assert lock_screen.message.text().startswith(error_message(WrongPassword()) + " ")
    assert failures_counted(shop_dir) == 1
    keys.type(lock_screen, OWNER_PASSWORD, PERSON_MS)
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        keys.enter(lock_screen, PERSON_MS)
    assert session.window is not None and session.window.isVisible()


def test_a_pasted_password_unlocks(qtbot: QtBot, session: ShopSession) -> None:
    keys, lock_screen = locked(qtbot, session)
    QGuiApplication.clipboard().setText(OWNER_PASSWORD)
    handle = lock_screen.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert lock_screen.password.text() == OWNER_PASSWORD
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        keys.enter(lock_screen, SCANNER_MS)


def test_a_product_barcode_in_the_login_screens_password_box_is_not_tried(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    keys, dialog = at_the_password(qtbot, session)
    keys.scan(dialog, PRODUCT_BARCODE)
    settle(qtbot, dialog)
    assert dialog.password.text() == "" and dialog.isVisible()
    assert dialog.message.text() == NOT_A_PASSWORD
    assert failures_counted(shop_dir) == 0
    keys.type(dialog, OWNER_PASSWORD, PERSON_MS)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        keys.enter(dialog, PERSON_MS)


def test_a_label_scanned_into_the_password_box_is_replaced_by_the_typed_password(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    """QA s11a F6: a letters-and-digits label scanned into the login's password box stayed
    there without a word; the password typed after it was tried behind it and counted as
    wrong, five times a lockout."""
    keys, dialog = at_the_password(qtbot, session)
    keys.scan(dialog, "SKU4711AB20")
    settle(qtbot, dialog)
    assert dialog.password.text() == "SKU4711AB20"  # kept: it may be a password manager's
    assert "press Enter to use it" in dialog.message.text()
    qtbot.wait(300)  # the burst is over; the cashier types her password by hand
    keys.type(dialog, OWNER_PASSWORD, PERSON_MS)
    assert dialog.password.text() == OWNER_PASSWORD  # the label went first
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        keys.enter(dialog, PERSON_MS)
    assert failures_counted(shop_dir) == 0


def test_a_barcode_after_a_voucher_still_says_the_voucher_waits(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s12b F7: the barcode's line replaced "The scan is kept", so the cashier no longer
    saw that the voucher was waiting for the unlock."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog) and lock_screen.locked
    keys.scan(lock_screen, payload)
    settle(qtbot, lock_screen)
    keys.scan(lock_screen, PRODUCT_BARCODE)
    settle(qtbot, lock_screen)
    assert lock_screen.message.text() == (
        NOT_A_PASSWORD + " The voucher scanned before is kept: log in to redeem it.")
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        log_in(qtbot, session)
    assert shown.args[0].ok and uses_left(voucher_id) == 1


def test_a_scan_after_the_password_was_typed_and_erased_is_kept(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    """QA s43a F9: "ab" typed into the lock screen's password box and erased, then a scan:
    it was tried as the password, counted as a wrong one, and the voucher was lost."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.lock_action.trigger()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog) and lock_screen.locked
    keys.type_and_erase(qtbot, lock_screen, "ab")
    keys.now += 1000
    keys.scan(lock_screen, payload)
    tasks.wait_until_idle()
    assert lock_screen.message.text().startswith("Locked – log in to redeem")
    assert failures_counted(shop_dir) == 0 and lock_screen.password.text() == ""
    with qtbot.waitSignal(tab_of(window).verdict_shown, timeout=WAIT_MS) as shown:
        log_in(qtbot, session)
    assert shown.args[0].ok and uses_left(voucher_id) == 1
