"""The login screen offers the last operator who logged in on this PC (QA s15a F11), and a
mistyped recovery key says what can be told about the typo (QA s15a F10).

Real encrypted shops in temporary folders, settings in a temporary folder; dialogs are shown
and driven with the mouse and keys.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core import auth
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui.session.last_operator import remember_operator, remembered_operator
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import close_shop
from tests.conftest import OWNER, OWNER_PASSWORD
from tests.test_ui_setup_login import WAIT_MS, fill_setup, keep_recovery_key, open_setup, type_text

pytestmark = pytest.mark.usefixtures("temp_settings")

CLERK = "小李"
CLERK_PASSWORD = "xiaoli-pass-2026"


def open_login(qtbot: QtBot, folder: Path, **options: object) -> LoginDialog:
    dialog = LoginDialog(folder, **options)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)
    return dialog


def log_in_with_keys(qtbot: QtBot, dialog: LoginDialog, password: str) -> Shop:
    """The password typed where the focus is, then the Log in button clicked."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, password)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    assert dialog.shop is not None
    return dialog.shop


@pytest.fixture
def clerk_shop_dir(shop: Shop, shop_dir: Path) -> Path:
    """The test shop with a clerk whose name is typed through a Chinese input method; closed."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    close_shop(shop)
    return shop_dir


def test_the_clerk_types_only_the_password_at_the_next_start(
        qtbot: QtBot, clerk_shop_dir: Path, temp_settings: Path) -> None:
    first = open_login(qtbot, clerk_shop_dir)
    assert first.operator.text() == "" and first.operator.hasFocus()  # nobody logged in yet
    type_text(qtbot, first.operator, CLERK)
    qtbot.keyClick(first.operator, Qt.Key.Key_Tab)
    close_shop(log_in_with_keys(qtbot, first, CLERK_PASSWORD))

    again = open_login(qtbot, clerk_shop_dir)
    assert again.operator.text() == CLERK and again.password.hasFocus()
    shop = log_in_with_keys(qtbot, again, CLERK_PASSWORD)
    assert shop.operator.name == CLERK
    close_shop(shop)
    # This PC's settings hold the name, never the password; another shop is offered nothing.
    QSettings().sync()
    stored = b"".join(p.read_bytes() for p in temp_settings.rglob("*") if p.is_file())
    assert CLERK_PASSWORD.encode() not in stored
    other = open_login(qtbot, clerk_shop_dir.parent / "other shop")
    assert other.operator.text() == "" and other.operator.hasFocus()


def test_the_owner_after_the_clerk_types_over_the_offered_name(
        qtbot: QtBot, clerk_shop_dir: Path) -> None:
    remember_operator(clerk_shop_dir, None, CLERK)
    dialog = open_login(qtbot, clerk_shop_dir)
    qtbot.mouseClick(dialog.operator, Qt.MouseButton.LeftButton)  # a click into the name
    qtbot.waitUntil(lambda: dialog.operator.selectedText() == CLERK, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.operator, OWNER)
    assert dialog.operator.text() == OWNER  # replaced, not "小李Alice"
    qtbot.keyClick(dialog.operator, Qt.Key.Key_Tab)
    close_shop(log_in_with_keys(qtbot, dialog, OWNER_PASSWORD))
    assert remembered_operator(clerk_shop_dir) == OWNER

    # Shift+Tab back from the password selects the offered name too
    again = open_login(qtbot, clerk_shop_dir)
    qtbot.keyClick(again.password, Qt.Key.Key_Backtab)
    assert again.operator.hasFocus() and again.operator.selectedText() == OWNER


def test_a_name_no_longer_valid_is_refused_as_today_and_forgot_password_uses_the_name(
        qtbot: QtBot, clerk_shop_dir: Path) -> None:
    remember_operator(clerk_shop_dir, None, "Ghost")
    dialog = open_login(qtbot, clerk_shop_dir)
    qtbot.keyClicks(dialog.password, OWNER_PASSWORD)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message.isVisible(), timeout=WAIT_MS)
    assert dialog.shop is None and dialog.operator.hasFocus()
    assert dialog.operator.selectedText() == "Ghost"
    assert remembered_operator(clerk_shop_dir) == "Ghost"  # only a login changes it

    remember_operator(clerk_shop_dir, None, OWNER)
    offered = open_login(qtbot, clerk_shop_dir)
    qtbot.mouseClick(offered.forgot_button, Qt.MouseButton.LeftButton)
    assert offered.recovery_dialog is not None and offered.recovery_dialog.isVisible()
    offered.recovery_dialog.reject()


def test_the_lock_screen_and_the_demo_list_are_as_before(
        qtbot: QtBot, clerk_shop_dir: Path) -> None:
    remember_operator(clerk_shop_dir, None, CLERK)
    locked = open_login(qtbot, clerk_shop_dir, operator=OWNER, locked=True)
    assert locked.operator.text() == OWNER and locked.password.hasFocus()
    demo = [("owner", "demo-owner-pass", "owner"), ("clerk", "demo-clerk-pass", "clerk")]
    listed = open_login(qtbot, clerk_shop_dir, demo_operators=lambda: demo)
    assert listed.demo_list.topLevelItemCount() == 2 and listed.operator.text() == CLERK
    item = listed.demo_list.topLevelItem(0)
    qtbot.mouseClick(listed.demo_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=listed.demo_list.visualItemRect(item).center())
    assert (listed.operator.text(), listed.password.text()) == ("owner", "demo-owner-pass")


def test_the_owner_who_made_the_shop_is_offered_at_its_first_login(
        qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "new shop"
    setup = open_setup(qtbot, folder)
    fill_setup(qtbot, setup, OWNER_PASSWORD, OWNER_PASSWORD)
    qtbot.mouseClick(setup.create_button, Qt.MouseButton.LeftButton)
    keep_recovery_key(qtbot, setup)
    assert setup.shop is not None
    close_shop(setup.shop)
    dialog = open_login(qtbot, folder)
    assert dialog.operator.text() == setup.owner_name.text().strip()
    assert dialog.password.hasFocus()


# --- a mistyped recovery key (F10) ------------------------------------------------------------


def _recovery_refusal(qtbot: QtBot, dialog: LoginDialog, key: str) -> str:
    recovery = dialog.recovery_dialog
    assert recovery is not None
    recovery.current.clear()
    type_text(qtbot, recovery.current, key)
    qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recovery.busy and recovery.message.isVisible(), timeout=WAIT_MS)
    return recovery.message.text()


def test_a_mistyped_recovery_key_says_what_can_be_told(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    key = shop.recovery_key
    assert key is not None
    close_shop(shop)
    dialog = open_login(qtbot, shop_dir)
    qtbot.keyClicks(dialog.operator, OWNER)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery_dialog
    assert recovery is not None
    qtbot.keyClicks(recovery.fields.password, "a brand new pass 9")
    qtbot.keyClicks(recovery.fields.confirm, "a brand new pass 9")
    groups = key.split("-")

    # one character wrong: the check symbol knows it, not where; said honestly
    wrong = "0" if groups[1][2] != "0" else "1"
    typo = "-".join([groups[0], groups[1][:2] + wrong + groups[1][3:], *groups[2:]])
    text = _recovery_refusal(qtbot, dialog, typo)
    assert "7 groups" in text and "not which one" in text and "not the recovery key" not in text
    # a character no key has: its group is named
    starred = "-".join([*groups[:2], "*" + groups[2][1:], *groups[3:]])
    assert "Group 3 holds “*”" in _recovery_refusal(qtbot, dialog, starred)
    # a group left out: the count is told; a Chinese comma between groups is named
    assert "this has 24" in _recovery_refusal(qtbot, dialog, "-".join(groups[:6]))
    assert "“,” is no part" in _recovery_refusal(qtbot, dialog, "，".join(groups))

    recovery.current.clear()
    qtbot.keyClicks(recovery.current, key)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    assert dialog.shop is not None
    close_shop(dialog.shop)
    open_shop(shop_dir, OWNER, "a brand new pass 9").close()

