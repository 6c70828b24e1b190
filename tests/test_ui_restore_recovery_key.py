"""The restore dialog opens a backup made before a recovery with the recovery key, tells a
password of today apart from a wrong one, and says the backup brings older passwords back
(QA s12a F3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core import auth, backup, restore
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui.admin.restore_dialog import RestoreDialog, RestoreRequest
from tests.conftest import OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000
NEW_PASSWORD = "brand-new-pass-9"


def test_the_recovery_key_restores_a_backup_made_before_a_recovery(
        qtbot: QtBot, shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    recovery_key = shop.recovery_key
    assert recovery_key
    chosen = backup.write_backup(shop, tmp_path / "before.vsbackup")
    shop.close()
    recovered = auth.recover_owner(shop_dir, OWNER, recovery_key, NEW_PASSWORD)
    dialog = RestoreDialog(recovered)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_file(str(chosen))
    qtbot.waitUntil(lambda: not dialog.busy and dialog.summary is not None, timeout=WAIT_MS)
    assert not dialog.recovery_key.isVisible()

    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    dialog.check_and_restore()
    qtbot.waitUntil(lambda: not dialog.busy and bool(dialog.message.text()), timeout=WAIT_MS)
    assert "made before the password was changed" in dialog.message.text()

    dialog.use_recovery_key.setChecked(True)
    assert dialog.recovery_key.isVisible() and not dialog.password.isVisible()
    qtbot.keyClicks(dialog.recovery_key, recovery_key)
    dialog.check_and_restore()
    qtbot.waitUntil(lambda: dialog.loss_box is not None, timeout=WAIT_MS)
    assert dialog.loss_box is not None
    assert "come back as they were then" in dialog.loss_box.text()
    with qtbot.waitSignal(dialog.confirmed, timeout=WAIT_MS) as confirmed:
        dialog.loss_yes_button.click()
    request = confirmed.args[0]
    assert isinstance(request, RestoreRequest) and request.recovery_key == recovery_key
    recovered.close()
    restore.restore_backup(shop_dir, request.path, request.operator, request.password,
                           recovery_key=request.recovery_key)
    open_shop(shop_dir, OWNER, OWNER_PASSWORD).close()  # the backup's password is back


def test_choose_opens_in_documents(qtbot: QtBot, shop: Shop, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s41a: Qt's file dialogs opened in the folder the app was started from."""
    from PySide6.QtCore import Qt

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    (tmp_path / "Documents").mkdir()
    dialog = RestoreDialog(shop)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.file_dialog is not None
    assert Path(dialog.file_dialog.directory().absolutePath()) == tmp_path / "Documents"
    dialog.file_dialog.close()
