"""The first start on a new computer restores a backup the first build wrote (schema 1,
``tests/data/backup_v1.vsb``): the dialog called it whole, then the restore refused it as
damaged (QA s19b F1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_restore_old_backup import OPERATOR, PASSWORD, backup_v1  # noqa: F401 (a fixture)
from test_ui_admin_session import log_in, product_names

from desktop_app.core import audit
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.shop_session import ShopSession

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


@pytest.fixture
def first_start(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                ) -> Iterator[ShopSession]:
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "new-pc-witnesses"))
    started = ShopSession(tmp_path / "new-pc")
    started.start()
    yield started
    started.shutdown()


def test_the_first_start_restores_a_first_build_backup_and_opens_it(
        qtbot: QtBot, first_start: ShopSession, backup_v1: Path) -> None:  # noqa: F811
    setup = first_start.dialog
    assert isinstance(setup, SetupDialog)
    qtbot.mouseClick(setup.restore_button, Qt.MouseButton.LeftButton)
    dialog = setup.restore_dialog
    assert dialog is not None
    dialog.set_file(str(backup_v1))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "A whole backup, made" in dialog.file_message.text()
    qtbot.keyClicks(dialog.operator, OPERATOR)
    qtbot.keyClicks(dialog.password, PASSWORD)
    assert dialog.restore_button.isEnabled(), (  # see test_ui_restore_new_computer
        f"operator {dialog.operator.text()!r}, password of {len(dialog.password.text())}, "
        f"busy {dialog.busy}, summary {dialog.summary is not None}")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.loss_box is not None or bool(dialog.message.text()),
                    timeout=WAIT_MS)
    assert dialog.loss_box is not None, dialog.message.text()
    dialog.loss_yes_button.click()

    qtbot.waitUntil(lambda: isinstance(first_start.dialog, LoginDialog)
                    and "is restored" in first_start.dialog.message.text(), timeout=WAIT_MS)
    log_in(qtbot, first_start, OPERATOR, PASSWORD)
    shop = first_start.shop
    assert shop is not None and shop.integrity_problems == []
    assert sorted(product_names(shop)) == ["Game card", "Soap", "Wash x5"]
    assert audit.verify_shop(shop) == []
