"""The demo login's table offers only passwords that still open the demo shop (QA s41a F7: after
a recovery of the owner's password it kept showing the old one, which then failed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_ui_shell import session_login

from desktop_app.core import auth
from desktop_app.core.demo import (
    DEMO_OPERATORS,
    DEMO_README,
    DEMO_SLOTS,
    demo_operators,
    ensure_demo_shop,
)
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession

NEW_OWNER_PASSWORD = "owner-new-2026!"


def _recover_demo_owner(folder: Path) -> None:
    text = (folder / DEMO_README).read_text(encoding="utf-8")
    key = text.split("recovery key: ")[1].split()[0]
    auth.recover_owner(folder, "owner", key, NEW_OWNER_PASSWORD).close()


def test_a_recovered_password_is_no_longer_offered(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    assert demo_operators(folder) == DEMO_OPERATORS
    _recover_demo_owner(folder)
    assert demo_operators(folder) == [("owner", "", "owner"), DEMO_OPERATORS[1]]


def test_a_demo_made_before_the_record_lists_its_operators_as_made(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    (folder / DEMO_SLOTS).unlink()
    assert demo_operators(folder) == DEMO_OPERATORS


def test_the_login_fills_in_the_name_only_of_a_changed_password(
        qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    _recover_demo_owner(folder)
    session = ShopSession(folder, demo=True)
    session.start()
    try:
        dialog = session.dialog
        assert isinstance(dialog, LoginDialog)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
        owner_row, clerk_row = (dialog.demo_list.topLevelItem(i) for i in range(2))
        assert owner_row.text(2) == "changed in this shop"
        assert clerk_row.text(2) == DEMO_OPERATORS[1][1]
        for row, password in ((clerk_row, DEMO_OPERATORS[1][1]), (owner_row, "")):
            qtbot.mouseClick(dialog.demo_list.viewport(), Qt.MouseButton.LeftButton,
                             pos=dialog.demo_list.visualItemRect(row).center())
            assert dialog.password.text() == password
        assert dialog.operator.text() == "owner"
        assert dialog.focusWidget() is dialog.password  # the new password is typed there
        session_login(qtbot, session, "owner", NEW_OWNER_PASSWORD)
        assert session.window is not None
    finally:
        session.shutdown()


def test_the_lock_screen_reads_a_password_changed_under_it(
        qtbot: QtBot, tmp_path: Path) -> None:
    """QA s43a F3: a recovery from the command line while the lock screen was up left its
    table offering the old password, which failed and counted as a wrong one."""
    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    session = ShopSession(folder, demo=True)
    session.start()
    try:
        qtbot.waitUntil(lambda: not session.dialog.busy, timeout=60_000)  # type: ignore[union-attr]
        session_login(qtbot, session, "owner", DEMO_OPERATORS[0][1])
        window = session.window
        assert window is not None
        window.lock_requested.emit()
        qtbot.waitUntil(lambda: isinstance(session.dialog, LoginDialog)
                        and session.dialog.locked, timeout=60_000)
        lock_screen = session.dialog
        assert isinstance(lock_screen, LoginDialog)
        owner_row = lock_screen.demo_list.topLevelItem(0)
        assert owner_row.text(2) == DEMO_OPERATORS[0][1]
        _recover_demo_owner(folder)  # from the command line, under the lock screen
        qtbot.mouseClick(lock_screen.demo_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=lock_screen.demo_list.visualItemRect(owner_row).center())
        assert lock_screen.password.text() == ""  # the old one is not filled in
        qtbot.waitUntil(lambda: lock_screen.demo_list.topLevelItem(0).text(2)
                        == "changed in this shop", timeout=5_000)
    finally:
        session.shutdown()
