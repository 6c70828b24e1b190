"""The first screens: setup (a new shop and its recovery key) and login, on this PC and on a
shop's server.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.core import auth, errors
from desktop_app.core.errors import WrongPassword
from desktop_app.core.store import Shop, open_shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.messages import (
    error_message,
    problem_message,
    role_label,
)
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.shop_session import ShopSession, close_shop
from tests.conftest import OWNER, OWNER_PASSWORD

# The offscreen platform of headless runs says so for any window with a size limit, and for
# raising a window; neither is about the app.
pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


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


def test_setup_on_the_server_needs_its_address(qtbot: QtBot, shop_dir: Path) -> None:
    """QA s10a F8: "Connect to the shop's server" with the address left empty created a shop
    of this PC's own, apart from the other counters' (a voucher could be used at both)."""
    dialog = open_setup(qtbot, shop_dir)
    dialog.on_server.setChecked(True)
    fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD)
    assert not dialog.create_button.isEnabled()
    dialog._create()  # Enter in Repeat password tries it too
    assert dialog.shop is None and not (shop_dir / "shop.db").exists()
    assert dialog.messages["server"].text() == problem_message("required")
    qtbot.keyClicks(dialog.server_url, "postgresql://shop@192.168.1.10/shop")
    assert dialog.create_button.isEnabled() and not dialog.messages["server"].isVisible()
    dialog.server_url.clear()
    dialog.this_pc.setChecked(True)  # this PC only: no address needed
    assert dialog.create_button.isEnabled()


def test_passwords_emptied_by_the_app_are_not_said_to_be_missing(qtbot: QtBot,
                                                                  shop_dir: Path) -> None:
    """QA s43b F3: after a counter joined the server and "Choose another name" was picked,
    the emptied password showed a red "Required." the cashier had not caused."""
    dialog = open_setup(qtbot, shop_dir)
    fill_setup(qtbot, dialog, OWNER_PASSWORD, OWNER_PASSWORD)
    dialog.forget_passwords()
    assert dialog.password.text() == "" and dialog.confirm.text() == ""
    assert not dialog.messages["password"].text() and not dialog.messages["confirm"].text()
    assert not dialog.create_button.isEnabled()


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
    from desktop_app.core import recovery_keys

    assert not recovery_keys.recovery_key_unconfirmed(created)  # typed back: kept (QA s35a F1)
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


def log_in(qtbot: QtBot, dialog: LoginDialog, name: str, password: str,
           pace_ms: int = -1) -> None:
    """``pace_ms`` between the password's keys: a person's pace where a session's scanner
    filter watches (a password at machine speed is a scanner's burst, never tried)."""
    dialog.operator.clear()
    qtbot.keyClicks(dialog.operator, name)
    qtbot.keyClicks(dialog.password, password, delay=pace_ms)
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
    assert dialog.message.text().startswith(error_message(WrongPassword()) + " ")
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
    dialog = open_login(qtbot, shop_dir, demo_operators=lambda: demo)
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
        window = session.window
        assert window is not None
        bar = window.statusBar()
        assert bar.currentMessage() == (
            "Before this login, 2 wrong passwords were typed for your name.")  # QA s41a F6
        window.resize(1024, 768)
        qtbot.waitUntil(lambda: bar.width() <= 1024, timeout=WAIT_MS)
        qtbot.wait(200)  # the labels laid out for that width
        # whole beside the labels on the right (QA s43a F10: its end was behind them)
        room = min(w.mapTo(bar, QPoint(0, 0)).x() for w in bar.findChildren(QLabel)
                   if w.isVisible() and w.parentWidget() is bar)
        assert bar.fontMetrics().horizontalAdvance(bar.currentMessage()) + 12 < room
        bar.clearMessage()
        assert window.shop_label.isVisible()  # back once the message is gone
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


def test_a_recovery_that_names_a_clerk_is_put_right_in_the_dialog(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    """QA s41a F3: the counter PC's login holds the clerk's name; "Owner password forgotten?"
    then asked a new password for "the owner “clerk”" and, the key right, refused it with
    "Only the shop owner may do this. Ask the owner to log in". The dialog names the owner in
    a field of its own, says a clerk's name is the problem, and keeps the key typed."""
    from tests.conftest import CLERK, CLERK_PASSWORD

    key = shop.recovery_key
    assert key is not None
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    close_shop(shop)
    dialog = open_login(qtbot, shop_dir)
    qtbot.keyClicks(dialog.operator, CLERK)
    qtbot.mouseClick(dialog.forgot_button, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery_dialog
    assert recovery is not None and recovery.isVisible()
    assert recovery.owner.text() == CLERK and CLERK not in recovery.windowTitle()
    qtbot.keyClicks(recovery.current, key)
    qtbot.keyClicks(recovery.fields.password, "a brand new pass 9")
    qtbot.keyClicks(recovery.fields.confirm, "a brand new pass 9")
    qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not recovery.busy and recovery.message.isVisible(), timeout=WAIT_MS)
    said = recovery.message.text()
    assert f"“{CLERK}” is not an owner of this shop" in said and "The key is right" in said
    assert "Ask the owner to log in" not in said
    assert recovery.current.text() == key and recovery.owner.hasFocus()  # nothing to retype
    recovery.owner.clear()
    assert not recovery.save_button.isEnabled()  # whose password, then?
    qtbot.keyClicks(recovery.owner, OWNER)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(recovery.save_button, Qt.MouseButton.LeftButton)
    assert dialog.shop is not None and dialog.shop.operator.name == OWNER
    close_shop(dialog.shop)
    open_shop(shop_dir, OWNER, "a brand new pass 9").close()
    open_shop(shop_dir, CLERK, CLERK_PASSWORD).close()  # the clerk's own password untouched


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


def test_first_start_can_put_the_shop_on_the_server_and_a_second_pc_joins_it(
        qtbot: QtBot, tmp_path: Path, pg_url: str) -> None:
    from desktop_app.core.engine import ShopLocation

    first = open_setup(qtbot, tmp_path / "pc1")
    assert first.this_pc.isChecked() and not first.server_url.isVisible()
    first.on_server.setChecked(True)
    assert first.server_url.isVisible()
    qtbot.keyClicks(first.server_url, pg_url)
    # Not asked yet: no form to create a shop there (QA s43b F2), only the look
    assert first.create_button.text() == "Look for the shop" and not first.shop_name.isVisible()
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.shop_name.isVisible(), timeout=WAIT_MS)  # none there
    assert first.create_button.text() == "Create shop"
    fill_setup(qtbot, first, OWNER_PASSWORD, OWNER_PASSWORD)
    qtbot.mouseClick(first.create_button, Qt.MouseButton.LeftButton)
    assert len(keep_recovery_key(qtbot, first).split("-")) == 7  # a server shop has one too
    assert first.location == ShopLocation(tmp_path / "pc1", pg_url)
    assert first.shop is not None and first.shop.name == "Corner Café 街角咖啡"
    close_shop(first.shop)
    second = open_setup(qtbot, tmp_path / "pc2")  # another counter: the shop is there already
    second.on_server.setChecked(True)
    qtbot.keyClicks(second.server_url, pg_url)
    second.server_url.editingFinished.emit()
    # QA s20c F4: it said "Create your shop. You will be its owner" and wanted a shop name
    qtbot.waitUntil(second.place.joining, timeout=WAIT_MS)
    assert second.windowTitle() == "Connect this counter"
    assert "this PC becomes one of its counters" in second.header.subtitle.text()
    assert second.create_button.text() == "Log in" and not second.create_button.isEnabled()
    assert not any(f.isVisible() for f in (second.shop_name, second.currency, second.confirm))
    qtbot.keyClicks(second.owner_name, OWNER)
    qtbot.keyClicks(second.password, OWNER_PASSWORD)
    with qtbot.waitSignal(second.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(second.create_button, Qt.MouseButton.LeftButton)
    assert second.shop is not None and second.shop.operator.name == OWNER
    close_shop(second.shop)
    refused = open_setup(qtbot, tmp_path / "pc3")
    refused.on_server.setChecked(True)
    qtbot.keyClicks(refused.server_url, "postgresql://u:pw@127.0.0.1/db")
    refused.server_url.editingFinished.emit()
    qtbot.waitUntil(lambda: "PGPASSWORD" in refused.server_message.text(), timeout=WAIT_MS)
    # Nothing found, nothing offered: neither the owner's form nor the counter's (QA s39b F21)
    assert refused.create_button.text() == "Look again" and refused.create_button.isEnabled()
    assert not any(f.isVisible() for f in (refused.shop_name, refused.owner_name,
                                           refused.password, refused.confirm))
    assert "Once the shop's server answers" in refused.header.subtitle.text()
    qtbot.mouseClick(refused.create_button, Qt.MouseButton.LeftButton)  # asks again
    qtbot.waitUntil(lambda: "PGPASSWORD" in refused.server_message.text(), timeout=WAIT_MS)
    assert refused.shop is None and not (tmp_path / "pc3" / "shop.db").exists()


def test_a_save_dialog_opens_in_the_home_folder_where_documents_is_missing(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found on a real screen: a new Linux account has no ~/Documents and the recovery key's
    Save as PDF opened in the folder the app was started from (its own files)."""
    from desktop_app.core.keyslots import new_recovery_key
    from desktop_app.ui.folders import documents_folder
    from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    assert documents_folder() == tmp_path
    dialog = RecoveryKeyDialog(new_recovery_key(), "小马洗车行")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert dialog.file_dialog is not None
    assert Path(dialog.file_dialog.directory().absolutePath()) == tmp_path
    (tmp_path / "Documents").mkdir()
    assert documents_folder() == tmp_path / "Documents"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_repeat_box_stays_put_as_the_strength_appears(
        qtbot: QtBot, qapp: QApplication, shop_dir: Path, language: str) -> None:
    """QA s39: the strength's word appearing with the first key (一般, in a taller font than
    the empty label's) moved the repeat box down under the owner's mouse on its way there."""
    install_translator(qapp, language)
    try:
        dialog = open_setup(qtbot, shop_dir)
        qtbot.waitExposed(dialog)
        before = dialog.confirm.mapTo(dialog, dialog.confirm.rect().topLeft())
        qtbot.keyClicks(dialog.password, "Tr0ub4dor & 3 horses")
        assert dialog.strength_label.text() in ("Strong", "强")
        QApplication.processEvents()
        assert dialog.confirm.mapTo(dialog, dialog.confirm.rect().topLeft()) == before
    finally:
        remove_translators(qapp)


def test_a_new_counter_whose_server_password_is_refused_is_offered_no_shop_to_create(
        qtbot: QtBot, tmp_path: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s39b F21: the login refused, the dialog stayed "Create your shop — you will be its
    owner" under the red line: a cashier joining a counter was invited to make a second
    shop. Once the password is right, "Look again" finds what the server holds."""
    monkeypatch.setenv("PGPASSWORD", "not the server's password")
    dialog = open_setup(qtbot, tmp_path / "pc")
    dialog.on_server.setChecked(True)
    qtbot.keyClicks(dialog.server_url, pg_url)
    dialog.server_url.editingFinished.emit()
    qtbot.waitUntil(lambda: "refused the login" in dialog.server_message.text(),
                    timeout=WAIT_MS)
    assert dialog.windowTitle() == "Connect this counter"
    assert "You will be its owner" not in dialog.header.subtitle.text()
    assert not dialog.owner_name.isVisible() and not dialog.shop_name.isVisible()
    assert dialog.create_button.text() == "Look again"
    monkeypatch.undo()
    import os

    assert os.environ.get("PGPASSWORD")  # the server's, as the session's fixture set it
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.create_button.text() == "Create shop", timeout=WAIT_MS)
    assert dialog.owner_name.isVisible() and dialog.server_message.text() == ""
