"""Operators and passwords: adding, disabling and resetting operators; changing my password.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed,
and none is left open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_ui_admin import open_window, wait_idle

from desktop_app.core import auth
from desktop_app.core.errors import InvalidState, WrongPassword
from desktop_app.core.keyslots import KeySlotFile
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.admin.operators_dialog import AddOperatorDialog, OperatorsDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.password_dialog import PasswordDialog
from tests.conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


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


def test_the_last_owner_cannot_be_disabled(qtbot: QtBot, shop: Shop) -> None:
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    assert dialog.select(OWNER)
    assert not dialog.disable_button.isEnabled()
    assert "Add another owner first" in dialog.disable_button.toolTip()
    dialog.close()


def test_disabling_the_last_owner_from_a_stale_list_is_refused_inline(
        qtbot: QtBot, shop: Shop) -> None:
    carol = auth.add_operator(shop, "Carol", "owner", "owner-two-pass")
    window = open_window(qtbot, shop)
    dialog = open_operators(qtbot, window)
    auth.set_active(shop, carol.id, False)  # meanwhile, in another window
    assert dialog.select(OWNER) and dialog.disable_button.isEnabled()
    dialog.disable_button.click()
    dialog.confirm_yes.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=WAIT_MS)
    assert dialog.message.text() == error_message(
        InvalidState(what="operator", id=shop.operator.id, state="last_owner"))
    assert "Add another owner first" in dialog.message.text()
    wait_idle(qtbot)
    assert [r.active for r in dialog.model.rows()] == [True, False]
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
