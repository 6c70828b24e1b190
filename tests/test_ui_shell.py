"""The GUI shell: the main window's tabs, the session (lock, log out, first start), background
tasks and the exception hook.

Real encrypted shops in temporary folders; dialogs are shown and driven, never ``exec()``ed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings, QSize
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from test_ui_setup_login import fill_setup, keep_recovery_key, log_in, open_login

from desktop_app import __version__
from desktop_app.core import errors
from desktop_app.core.auth import add_operator
from desktop_app.core.errors import ShopError, WrongPassword
from desktop_app.core.store import Shop, open_shop
from desktop_app.messages import (
    error_message,
    integrity_message,
    unexpected_error_message,
)
from desktop_app.resources import resources_dir, translations_dir
from desktop_app.ui import tasks
from desktop_app.ui.exception_hook import ExceptionHook
from desktop_app.ui.main_window import MainWindow, station_name
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.shop_session import ShopSession, close_shop
from desktop_app.ui.widgets import screen_room
from tests.conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

# The offscreen platform of headless runs says so for any window with a size limit, and for
# raising a window; neither is about the app.
pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000
PERSON_PACE_MS = 60  # a person at the keys: a session's scanner filter takes faster keys


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
    room = screen_room(window)
    assert window.size() == QSize(min(1100, room.width()), min(720, room.height()))
    window.resize(640, 480)  # small enough for the headless screen
    window.close()
    again = open_window(qtbot, shop)
    assert (again.width(), again.height()) == (640, 480)


def session_login(qtbot: QtBot, session: ShopSession, name: str, password: str) -> None:
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        log_in(qtbot, dialog, name, password, PERSON_PACE_MS)


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
    log_in(qtbot, lock_screen, OWNER, "wrong password", PERSON_PACE_MS)
    assert not window.isVisible()
    assert lock_screen.message.text().startswith(error_message(WrongPassword()) + " ")
    with qtbot.waitSignal(lock_screen.accepted, timeout=WAIT_MS):
        log_in(qtbot, lock_screen, OWNER, OWNER_PASSWORD, PERSON_PACE_MS)
    assert session.window is window and session.shop is opened
    assert window.isVisible() and window.tabs.currentIndex() == 1


def test_another_operator_at_the_lock_screen_starts_a_new_session(
        qtbot: QtBot, shop_dir: Path, session: ShopSession) -> None:
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:  # at the login, no shop is open
        add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    owner_window = session.window
    assert owner_window is not None
    owner_window.lock_requested.emit()
    session_login(qtbot, session, CLERK, CLERK_PASSWORD)
    assert session.window is not owner_window
    assert session.window is not None and session.window.tab_titles() == ["Redemption"]


def test_logout_returns_to_the_login_offering_who_logged_out(
        qtbot: QtBot, session: ShopSession) -> None:
    """Its name offered (QA s15a F11), the focus on the password; no password kept."""
    session_login(qtbot, session, OWNER, OWNER_PASSWORD)
    window = session.window
    assert window is not None
    window.logout_action.trigger()
    assert session.shop is None and session.window is None
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog) and not dialog.locked
    assert dialog.operator.text() == OWNER and dialog.focusWidget() is dialog.password
    assert dialog.password.text() == ""


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
