"""A counter of a server shop while the server is down or just after it restarted (QA s13a):
locking shows the lock screen (never no window at all, F1), which says the server cannot be
reached (M5), and unlocks once the server is back; no automatic backup alarm (F4).

A real PostgreSQL server, stopped and started again by the test; a real session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from scan_driver import WAIT_MS, log_in

from desktop_app.core.engine import ShopLocation
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

SHOP_NAME = "Server Shop 服务器店"


@pytest.fixture
def server_session(qtbot: QtBot, shop_dir: Path, pg_server: object,
                   pg_url: str) -> Iterator[ShopSession]:
    ShopLocation(shop_dir, pg_url).create(SHOP_NAME, "CNY", OWNER, OWNER_PASSWORD).close()
    started = ShopSession(shop_dir, database_url=pg_url)
    started.start()
    try:
        yield started
    finally:
        if not _running(pg_server):  # a test that failed with the server stopped
            pg_server.restart()  # type: ignore[attr-defined]
        started.shutdown()


def _running(server: object) -> bool:
    try:
        server.psql("SELECT 1")  # type: ignore[attr-defined]
    except Exception:
        return False
    return True


def lock_screen_of(session: ShopSession, window: MainWindow) -> LoginDialog:
    dialog = session.dialog
    assert isinstance(dialog, LoginDialog) and dialog.locked and dialog.isVisible()
    assert dialog.header.title.full_text() == SHOP_NAME
    assert not window.isVisible()
    return dialog


def unlock(qtbot: QtBot, session: ShopSession, dialog: LoginDialog) -> None:
    dialog.password.setText(OWNER_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)


def test_lock_after_the_server_restarted_shows_the_lock_screen_and_unlocks(
        qtbot: QtBot, server_session: ShopSession, pg_server: object) -> None:
    window = log_in(qtbot, server_session)
    pg_server.halt()  # type: ignore[attr-defined]
    pg_server.restart()  # type: ignore[attr-defined]  # every connection of the app is broken
    window.lock_action.trigger()
    dialog = lock_screen_of(server_session, window)
    unlock(qtbot, server_session, dialog)
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
    assert server_session.window is window


def test_the_idle_lock_while_the_server_is_down_shows_the_lock_screen(
        qtbot: QtBot, server_session: ShopSession, pg_server: object) -> None:
    window = log_in(qtbot, server_session)
    pg_server.halt()  # type: ignore[attr-defined]
    window._idle_timeout()  # what the idle timer calls after its minutes
    dialog = lock_screen_of(server_session, window)
    qtbot.waitUntil(dialog.server_line.isVisible, timeout=WAIT_MS)  # said before unlocking
    assert "server cannot be reached" in dialog.server_line.text()
    unlock(qtbot, server_session, dialog)  # still down: said, and the lock screen stays
    assert not window.isVisible() and dialog.isVisible()
    assert "cannot be reached" in dialog.message.text()
    pg_server.restart()  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.server_line.isHidden, timeout=WAIT_MS)  # back: said too
    # and the failed attempt's reason goes with it (QA s13b N3): the server answers again
    assert "cannot be reached" not in dialog.message.text()
    unlock(qtbot, server_session, dialog)
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)


def test_a_server_outage_is_no_automatic_backup_alarm(
        qtbot: QtBot, server_session: ShopSession, pg_server: object) -> None:
    window = log_in(qtbot, server_session)
    backups = window.backups
    assert backups is not None
    pg_server.halt()  # type: ignore[attr-defined]
    backups.check_daily()  # what its timer does a while after login, then every hour
    qtbot.waitUntil(lambda: not backups.auto_running, timeout=WAIT_MS)
    assert window.backup_banner.isHidden()
    assert window.open_backup_settings() is None  # a folder a server shop does not use


def test_a_server_refusing_this_counters_password_says_so_not_that_it_will_be_back(
        qtbot: QtBot, server_session: ShopSession, pg_server: object, pg_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s39b F11: the server's password changed while the counter runs (it reconnects):
    every screen said "cannot be reached … starts again by itself when it is back", which it
    never does; the lock screen said it beside the right "refused the login"."""
    from scan_driver import sell, tab_of

    from desktop_app.scanning.keystrokes import SCANNER

    window = log_in(qtbot, server_session)
    assert server_session.shop is not None
    _, payload = sell(server_session.shop)
    tab = tab_of(window)
    monkeypatch.setenv("PGPASSWORD", "not the one the server has now")
    database = pg_url.rsplit("/", 1)[1]
    pg_server.psql(  # type: ignore[attr-defined]
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{database}' AND pid <> pg_backend_pid()")
    qtbot.waitUntil(lambda: "refuses this counter" in window.server_status.text(),
                    timeout=WAIT_MS)  # first the lost connection, then the refused login
    assert "PGPASSWORD" in window.server_status.toolTip()
    assert "refused the login" in tab.server_message.text()
    assert "by itself" not in tab.server_message.text()
    tab.submit(payload, SCANNER)
    qtbot.waitUntil(lambda: tab.verdict.headline.text() == "Not redeemed", timeout=WAIT_MS)
    assert "refused the login" in tab.verdict.detail.text()
    assert "by itself" not in tab.verdict.detail.text()

    window.lock_action.trigger()
    dialog = lock_screen_of(server_session, window)
    assert "refused the login" in dialog.server_line.text()
    unlock(qtbot, server_session, dialog)
    assert "refused the login" in dialog.message.text()
    assert dialog.server_line.text() == ""  # said once, and not as "cannot be reached"
    monkeypatch.setenv("PGPASSWORD", str(pg_server.env()["PGPASSWORD"]))  # type: ignore
    qtbot.waitUntil(lambda: dialog.message.text() == "", timeout=WAIT_MS)
    unlock(qtbot, server_session, dialog)
    qtbot.waitUntil(window.isVisible, timeout=WAIT_MS)
