"""Ctrl+L locks from a dialog over the main window (QA s42a F9): with the payment dialog or a
message box open it did nothing, and the name and password typed next for the lock screen
went into the counter's scan field, the password kept as a refused scan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QVBoxLayout
from pytestqt.qtbot import QtBot
from test_ui_setup_login import log_in
from test_ui_shell import PERSON_PACE_MS, WAIT_MS, session_login

from desktop_app.core.models import RedemptionAttempt
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import OWNER, OWNER_PASSWORD


def _dialog_with_a_field(parent: object) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(parent)  # type: ignore[arg-type]
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    return dialog, field


@pytest.mark.parametrize("kind", ["dialog", "message_box"])
def test_ctrl_l_in_a_dialog_locks_and_the_dialog_comes_back_after(
        qtbot: QtBot, session: ShopSession, kind: str) -> None:
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    window = session.window
    assert window is not None
    if kind == "dialog":
        dialog, focus = _dialog_with_a_field(window)
    else:
        dialog = focus = QMessageBox(QMessageBox.Icon.Information, "Shop", "Kept scans…",
                                     QMessageBox.StandardButton.Ok, window)
    dialog.open()  # modal over the window, as the app opens its dialogs
    qtbot.waitExposed(dialog)
    attempts = RedemptionAttempt.select().count()
    QTest.keyClick(focus, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(session.dialog, LoginDialog)
                    and session.dialog.locked, timeout=WAIT_MS)
    assert not window.isVisible() and not dialog.isVisible()
    lock_screen = session.dialog
    assert isinstance(lock_screen, LoginDialog)
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        log_in(qtbot, lock_screen, OWNER, OWNER_PASSWORD, PERSON_PACE_MS)
    assert window.isVisible() and dialog.isVisible()  # back as it was
    # over the window, taking the keys (QA s43a F2: raised behind it, the app looked frozen)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    assert RedemptionAttempt.select().count() == attempts  # the password went nowhere else
    dialog.close()


def test_ctrl_l_in_the_window_itself_locks_once(qtbot: QtBot, session: ShopSession) -> None:
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    window = session.window
    assert window is not None
    locks: list[bool] = []
    window.lock_requested.connect(lambda: locks.append(True))
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(locks), timeout=WAIT_MS)
    qtbot.wait(50)
    assert locks == [True]
