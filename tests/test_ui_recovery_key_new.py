"""QA s19b F5 in the app: Admin → New recovery key… (asked first when a key exists, the
owner's current password proven, shown as at the shop's creation), the status bar of a shop
without a key, and the login's "Owner password forgotten?" for such a shop."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_login_remember import open_login

from desktop_app.core import audit
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import WrongPassword
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui import tasks
from desktop_app.ui.admin.recovery_key_action import NewRecoveryKey
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog

DATA = Path(__file__).parent / "data"
NEW_PASSWORD = "a brand new pass 9"
WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def _prove(qtbot: QtBot, flow: NewRecoveryKey, password: str = OWNER_PASSWORD) -> None:
    """The owner's current password typed into the flow's dialog, and its button clicked."""
    qtbot.waitUntil(lambda: flow.password_dialog is not None
                    and flow.password_dialog.isVisible(), timeout=WAIT_MS)
    dialog = flow.password_dialog
    assert dialog is not None and dialog.save_button.text() == "Make the new key"
    qtbot.keyClicks(dialog.current, password)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def _keep(qtbot: QtBot, flow: NewRecoveryKey) -> str:
    """The key shown, kept: its last group typed, then the button."""
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=WAIT_MS)
    dialog = flow.dialog
    assert isinstance(dialog, RecoveryKeyDialog)
    key = dialog.key_label.text()
    assert len(key.split("-")) == 7 and dialog.continue_button.text() == "I have kept it"
    qtbot.keyClicks(dialog.confirm, key.rsplit("-", 1)[-1])
    with qtbot.waitSignal(flow.made, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    return key


def _asked(qtbot: QtBot, window: MainWindow) -> NewRecoveryKey:
    """Admin → New recovery key… on a shop with a key: the question shown."""
    window.recovery_key_action.trigger()
    flow = window.recovery_key_flow
    qtbot.waitUntil(lambda: flow.question is not None and flow.question.isVisible(),
                    timeout=WAIT_MS)
    return flow


def test_admin_new_recovery_key_asks_first_and_shows_the_key_once(
        qtbot: QtBot, shop: Shop) -> None:
    old_key = shop.recovery_key
    assert old_key is not None
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    idle()
    assert window.no_recovery_key.isHidden()  # this shop has a key
    kept = _asked(qtbot, window)
    assert kept.question is not None
    qtbot.mouseClick(kept.question.button(QMessageBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert not kept.running and kept.dialog is None  # the old key kept: nothing made
    flow = _asked(qtbot, window)
    assert flow is not kept
    window.recovery_key_action.trigger()  # a second click: the same question, no second key
    assert window.recovery_key_flow is flow
    question = flow.question
    assert question is not None and "stops working" in question.text()
    assert question.defaultButton() is question.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(question.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    _prove(qtbot, flow)
    key = _keep(qtbot, flow)
    assert not flow.running
    assert "new recovery key works" in window.statusBar().currentMessage()
    window.close()
    idle()
    location = ShopLocation(shop.data_dir)
    shop.close()
    try:
        location.recover(OWNER, old_key, NEW_PASSWORD)
        raise AssertionError("the old key still works")
    except WrongPassword:
        pass
    location.recover(OWNER, key, NEW_PASSWORD).close()


def test_a_wrong_password_makes_no_key_and_the_right_one_does(qtbot: QtBot, shop: Shop) -> None:
    """Someone at an owner's unlocked session must not make a key (and then set the owner's
    password with it): the owner's current password is asked; a wrong one is said in the
    dialog, its field cleared, and nothing made."""
    slot_before = shop.reload_slots().recovery
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    idle()
    flow = _asked(qtbot, window)
    assert flow.question is not None
    qtbot.mouseClick(flow.question.button(QMessageBox.StandardButton.Yes),
                     Qt.MouseButton.LeftButton)
    _prove(qtbot, flow, "not the owner's password")
    dialog = flow.password_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.current_message.isVisible(), timeout=WAIT_MS)
    assert dialog.current_message.text() == error_message(WrongPassword())
    assert dialog.current.text() == "" and dialog.isVisible() and flow.dialog is None
    assert shop.reload_slots().recovery == slot_before
    assert audit.list_events(shop, kind="recovery_key_new") == []
    window.recovery_key_action.trigger()  # still under way: the same dialog, no second one
    assert window.recovery_key_flow is flow and flow.password_dialog is dialog
    _prove(qtbot, flow)
    _keep(qtbot, flow)
    assert not dialog.isVisible() and shop.reload_slots().recovery != slot_before
    window.close()
    idle()



def keyless_window(qtbot: QtBot, shop: Shop) -> MainWindow:
    """The window on ``shop`` with its recovery slot removed, as a first-build shop has."""
    slots = shop.reload_slots()
    slots.recovery = None
    slots.save()
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    idle()
    return window


def test_cancelling_the_password_makes_nothing(qtbot: QtBot, shop: Shop) -> None:
    window = keyless_window(qtbot, shop)
    qtbot.mouseClick(window.no_recovery_key, Qt.MouseButton.LeftButton)
    flow = window.recovery_key_flow
    qtbot.waitUntil(lambda: flow.password_dialog is not None
                    and flow.password_dialog.isVisible(), timeout=WAIT_MS)
    assert flow.password_dialog is not None
    flow.password_dialog.cancel_button.click()
    assert not flow.running and flow.dialog is None
    assert shop.reload_slots().recovery is None
    window.close()
    idle()


def test_a_shop_without_a_key_says_so_and_the_status_button_makes_one(
        qtbot: QtBot, shop: Shop) -> None:
    window = keyless_window(qtbot, shop)
    button = window.no_recovery_key
    assert button.isVisible() and "No recovery key" in button.text()
    assert window.minimumSizeHint().width() <= 911  # 1366x768 at 150 % (README)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    flow = window.recovery_key_flow
    _prove(qtbot, flow)
    _keep(qtbot, flow)
    assert flow.question is None  # nothing to replace: nothing to ask
    assert button.isHidden()
    assert shop.reload_slots().recovery is not None
    window.close()
    idle()


def test_forgotten_password_on_a_shop_without_a_key_says_what_to_do(
        qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "shop_v1"  # the first build's shop: no recovery key
    shutil.copytree(DATA / "shop_v1", folder)
    dialog = open_login(qtbot, folder)
    dialog.operator.setText("owner")
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery_dialog
    assert recovery is not None and recovery.isVisible()
    said = " ".join(label.text() for label in recovery.findChildren(QLabel))
    assert "no recovery key" in said and "New recovery key" in said
    assert "every owner's password is lost" in said
    assert not recovery.current.isEnabled() and not recovery.save_button.isEnabled()
    recovery.reject()


@pytest.mark.parametrize("shop", ["server"], indirect=True)
def test_forgotten_password_on_a_server_shop_uses_the_server(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    """The login's recovery went to this PC's folder, where a server shop has no key slots."""
    key, url = shop.recovery_key, getattr(shop, "url", "")
    assert key is not None and url
    shop.close()
    dialog = open_login(qtbot, shop_dir, database_url=url)
    dialog.operator.setText(OWNER)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery_dialog
    assert recovery is not None and recovery.save_button is not None
    qtbot.keyClicks(recovery.current, key)
    qtbot.keyClicks(recovery.fields.password, NEW_PASSWORD)
    qtbot.keyClicks(recovery.fields.confirm, NEW_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    assert dialog.shop is not None and dialog.shop.operator.name == OWNER
    dialog.shop.close()
    ShopLocation(shop_dir, url).open(OWNER, NEW_PASSWORD).close()


def test_a_key_shown_but_never_confirmed_is_replaced_at_the_next_login(
        qtbot: QtBot, shop_dir: Path) -> None:
    """QA s35a F1: the app died (killed, a power cut) with the new shop's recovery key on
    screen. The next login opened the shop as if the key had been kept, and nothing ever
    asked for it again: with the password forgotten, the shop would be lost. The shop now
    remembers the key was not confirmed; the owner's window says so and makes a new one."""
    from desktop_app.core import recovery_keys
    from desktop_app.core.store import open_shop
    from desktop_app.ui.shop_session import close_shop

    location = ShopLocation(shop_dir, None)
    made = location.join_or_create("Corner", "CNY", OWNER, OWNER_PASSWORD)  # as the setup
    assert recovery_keys.recovery_key_unconfirmed(made)
    close_shop(made)  # the app ends here, the key never typed back
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        window = MainWindow(shop)
        qtbot.addWidget(window)
        window.show()
        idle()
        button = window.no_recovery_key
        assert button.isVisible() and button.text().startswith("Recovery key not confirmed")
        box = window.notice_box
        assert box is not None and box.isVisible() and "never confirmed" in box.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        flow = window.recovery_key_flow
        qtbot.waitUntil(lambda: flow.question is not None, timeout=WAIT_MS)
        assert flow.question is not None
        qtbot.mouseClick(flow.question.button(QMessageBox.StandardButton.Yes),
                         Qt.MouseButton.LeftButton)
        _prove(qtbot, flow)
        qtbot.waitUntil(lambda: flow.dialog is not None, timeout=WAIT_MS)
        assert recovery_keys.recovery_key_unconfirmed(shop)  # shown, not yet typed back
        key = _keep(qtbot, flow)
        idle()
        assert not recovery_keys.recovery_key_unconfirmed(shop) and button.isHidden()
        assert len(audit.list_events(shop, kind="recovery_key_kept")) == 1
        window.close()
        idle()
    from desktop_app.core import auth

    auth.recover_owner(shop_dir, OWNER, key, NEW_PASSWORD).close()  # the new key works
