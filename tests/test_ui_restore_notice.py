"""The login after a restore that stopped half-way (QA s12e F5-F7): the first right password
opens the shop, and the window tells what became of the restore as information; a wrong one
before it is refused as any wrong password, and tells nothing. Real encrypted shops, the
crash a restore process that dies after a rename (``restore_crash_worker``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_restore_crash import redeemed_since_backup
from test_restore_notice import ALL_MOVED_IN, HALF_ASIDE, crashed_at, with_clerk

from desktop_app.core.restore_notice import NOTICE_FILE
from desktop_app.core.store import Shop
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


@pytest.fixture
def crash_at() -> int:
    return HALF_ASIDE


@pytest.fixture
def session(qtbot: QtBot, shop: Shop, shop_dir: Path, tmp_path: Path, crash_at: int
            ) -> Iterator[ShopSession]:
    with_clerk(shop)
    chosen, _ = redeemed_since_backup(shop, tmp_path)
    crashed_at(shop_dir, chosen, crash_at)
    started = ShopSession(shop_dir)
    started.start()
    yield started
    started.shutdown()


def log_in(qtbot: QtBot, session: ShopSession, name: str, password: str) -> None:
    """One click on Log in, and the login is accepted."""
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    dialog.operator.setText(name)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.login_button.click()


def told_box(qtbot: QtBot, session: ShopSession) -> QMessageBox:
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: window.notice_box is not None and window.notice_box.isVisible(),
                    timeout=WAIT_MS)
    box = window.notice_box
    assert box is not None
    assert box.icon() == QMessageBox.Icon.Information  # not the error style (F5)
    return box


def test_a_wrong_password_is_refused_as_such_then_the_owner_logs_in_and_is_told(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    login = session.dialog
    assert isinstance(login, LoginDialog)
    login.operator.setText(OWNER)
    login.password.setText("not the password")
    login.submit()
    qtbot.waitUntil(lambda: not login.busy, timeout=WAIT_MS)
    assert login.message.text() and "restore" not in login.message.text()  # F7
    assert (shop_dir / NOTICE_FILE).exists()

    log_in(qtbot, session, OWNER, OWNER_PASSWORD)  # one click: in (F5)
    box = told_box(qtbot, session)
    assert "did not finish" in box.text() and "Run the restore again" in box.text()
    assert "owner is told" not in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert not box.isVisible()
    assert not (shop_dir / NOTICE_FILE).exists()


def test_a_clerk_is_told_too_and_the_notice_waits_for_the_owner(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    log_in(qtbot, session, CLERK, CLERK_PASSWORD)
    box = told_box(qtbot, session)
    assert "did not finish" in box.text() and "shop owner is told" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert (shop_dir / NOTICE_FILE).exists()


@pytest.mark.parametrize("crash_at", [ALL_MOVED_IN])
def test_a_restore_completed_at_the_login_is_told(
        qtbot: QtBot, session: ShopSession, shop_dir: Path) -> None:
    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    box = told_box(qtbot, session)
    assert "the restore is complete" in box.text()  # was silent (F6)
    kept = [p for p in shop_dir.glob("before-restore-*") if p.is_dir()]
    assert len(kept) == 1 and str(kept[0]) in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
