"""An older shop's one-time upgrade is said on the login screen as it starts: on a server shop
of some years it takes a minute or more, which must not read as a hung screen."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core import migrations
from desktop_app.core.store import open_shop
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import close_shop
from tests.test_ui_setup_login import WAIT_MS, log_in, open_login

pytestmark = pytest.mark.usefixtures("temp_settings")

DATA = Path(__file__).parent / "data"
V1_OWNER, V1_PASSWORD = "owner", "fixture-owner-1"  # as tests/data/make_shop_v1.py made it


@pytest.fixture
def v1_shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop_v1"
    shutil.copytree(DATA / "shop_v1", folder)
    return folder


def shown_at_upgrade(dialog: LoginDialog) -> list[tuple[bool, str]]:
    """What the busy row shows right after an upgrade's start is told (slots run in order)."""
    seen: list[tuple[bool, str]] = []
    dialog.busy_row.upgrade_started.connect(
        lambda: seen.append((dialog.busy_row.isVisible(), dialog.busy_row.label.text())))
    return seen


def log_in_and_close(qtbot: QtBot, dialog: LoginDialog) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        log_in(qtbot, dialog, V1_OWNER, V1_PASSWORD)
    assert dialog.shop is not None
    close_shop(dialog.shop)


def test_the_login_says_an_upgrade_runs_and_only_then(qtbot: QtBot, v1_shop: Path) -> None:
    dialog = open_login(qtbot, v1_shop)
    seen = shown_at_upgrade(dialog)
    log_in_and_close(qtbot, dialog)
    assert len(seen) == 1
    visible, text = seen[0]
    assert visible and "Upgrading the shop's data" in text
    assert not dialog.busy_row.isVisible()  # gone with the login

    again = open_login(qtbot, v1_shop)  # upgraded now: a login like any other
    seen_again = shown_at_upgrade(again)
    log_in_and_close(qtbot, again)
    assert seen_again == []


def test_an_upgrade_is_told_only_to_its_own_thread(v1_shop: Path) -> None:
    told: list[str] = []
    elsewhere = threading.Thread(target=lambda: migrations.upgrade_told_to(
        lambda: told.append("other thread")).__enter__())
    elsewhere.start()
    elsewhere.join()
    with migrations.upgrade_told_to(lambda: told.append("this thread")):
        open_shop(v1_shop, V1_OWNER, V1_PASSWORD).close()
    assert told == ["this thread"]
    open_shop(v1_shop, V1_OWNER, V1_PASSWORD).close()  # no listener now: nothing to tell
    assert told == ["this thread"]


def test_the_window_says_once_that_the_data_was_upgraded(qtbot: QtBot, v1_shop: Path,
                                                         language: str) -> None:
    """QA s19b F7: the upgrade was silent, and an older build at another counter, or a backup
    made from then on, then failed there with nothing said here."""
    from test_ui_admin_session import log_in

    from desktop_app.i18n import translate
    from desktop_app.messages.restore_notice_texts import CONTEXT, UPGRADED_TEXT
    from desktop_app.ui.shop_session import ShopSession

    for upgrading in (True, False):
        session = ShopSession(v1_shop)
        session.start()
        try:
            window = log_in(qtbot, session, V1_OWNER, V1_PASSWORD)
            box = window.notice_box
            told = box is not None and box.isVisible() and box.text() == translate(
                CONTEXT, UPGRADED_TEXT)
            assert told == upgrading, language
            if upgrading:
                assert "older versions" in box.text() or "旧版本" in box.text()
        finally:
            session.shutdown()
