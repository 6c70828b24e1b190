"""Settings → This computer → "Try the scanner" (QA s12b F9): a scan into the test field is
shown there, its end key and its real key gap, and is never redeemed: the one screen for
checking a scanner must not use up a customer's voucher.

A real session on a real encrypted shop, driven by scan_driver's keys at a scanner's speed.
"""

from __future__ import annotations

import pytest
from counter_driver import attempts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from scan_driver import SCANNER_MS, WAIT_MS, Keys, at_work, session, uses_left

from desktop_app.ui import tasks
from desktop_app.ui.admin.settings_dialog import SettingsDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")
__all__ = ["session"]  # the fixture


def open_scanner_test(qtbot: QtBot, session: ShopSession, window: MainWindow,
                      keys: Keys) -> SettingsDialog:
    assert session.shop is not None
    dialog = SettingsDialog(session.shop, window)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert tasks.wait_until_idle(WAIT_MS)
    dialog.pages.setCurrentIndex(dialog.pages.count() - 1)
    dialog.scan_test.clock = keys.clock
    dialog.scan_test.setFocus()
    return dialog


@pytest.mark.parametrize("end_key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_a_voucher_scanned_into_the_scanner_test_is_shown_and_not_redeemed(
        qtbot: QtBot, session: ShopSession, end_key: Qt.Key) -> None:
    keys, window, voucher_id, payload = at_work(qtbot, session)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # not the counter
    before = attempts()
    dialog = open_scanner_test(qtbot, session, window, keys)
    keys.now += 1000
    keys.type(dialog, payload, SCANNER_MS)
    keys.now += SCANNER_MS
    handle = dialog.windowHandle()
    assert handle is not None
    QTest.keyClick(handle, end_key)
    qtbot.wait(300)  # past the filter's idle timeout
    assert tasks.wait_until_idle(WAIT_MS)
    mark = "⏎" if end_key == Qt.Key.Key_Return else "⇥"
    assert dialog.scan_test.text() == payload + mark
    assert dialog.scan_result.text().startswith(f"{len(payload)} characters")
    assert f"the longest gap {SCANNER_MS} ms" in dialog.scan_result.text()
    assert uses_left(voucher_id) == 2 and attempts() == before
    assert dialog.isVisible() and dialog.scan_test.hasFocus()
    dialog.reject()


def test_a_scan_with_settings_open_before_clicking_the_test_field_is_shown_there(
        qtbot: QtBot, session: ShopSession) -> None:
    """QA s35b F4: with Settings open to try the scanner, a scan made before clicking the
    field redeemed the customer's last wash behind the dialog. While the test field shows,
    a scan anywhere in the dialog is shown there and never redeemed."""
    keys, window, voucher_id, payload = at_work(qtbot, session)
    before = attempts()
    dialog = open_scanner_test(qtbot, session, window, keys)
    dialog.save_button.setFocus()  # not the test field: the cashier has not clicked it
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.save_button)
    keys.scan(dialog, payload)
    qtbot.wait(300)
    assert tasks.wait_until_idle(WAIT_MS)
    assert dialog.scan_test.text() == payload + "⏎" and dialog.scan_test.hasFocus()
    assert "not redeemed" in dialog.scan_result.text()
    assert uses_left(voucher_id) == 2 and attempts() == before and dialog.isVisible()
    dialog.pages.setCurrentIndex(0)  # the test field out of sight: a scan redeems again
    dialog.name_edit.setFocus()
    keys.scan(dialog, payload)
    qtbot.waitUntil(lambda: uses_left(voucher_id) == 1, timeout=WAIT_MS)
    dialog.reject()
