"""A shop that cannot be opened (its database damaged, its key file lost) is restored from
the login screen: the message said "restore your latest backup", but Restore sat behind a
login that could not succeed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_restore_damaged_current import damage_table
from test_ui_admin_session import log_in, product_names

from desktop_app.core import backup, products
from desktop_app.core.store import Shop
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.shop_session import ShopSession
from tests.conftest import OWNER, OWNER_PASSWORD

pytestmark = pytest.mark.usefixtures("temp_settings")

WAIT_MS = 15_000


@pytest.fixture
def backed_up(shop: Shop, tmp_path: Path) -> Path:
    products.add_product(shop, "Kept", "1.00")
    out = backup.write_backup(shop, tmp_path / "shop.vsbackup")
    shop.close()
    return out


@pytest.fixture
def session(qtbot: QtBot, shop_dir: Path, backed_up: Path) -> Iterator[ShopSession]:
    started = ShopSession(shop_dir)
    started.start()
    yield started
    started.shutdown()


def _damage(shop_dir: Path, damage: str, key: bytes) -> None:
    if damage == "database":
        database = shop_dir / "shop.db"
        database.write_bytes(database.read_bytes()[:5000])
    elif damage == "middle page":  # read only by the restore's carry (QA s10a F6)
        damage_table(shop_dir, key, "operator")
    else:
        (shop_dir / "keyslots.json").unlink()


@pytest.mark.parametrize(("damage", "said"), [("database", "damaged"),
                                              ("middle page", "damaged"),
                                              ("key file", "missing or damaged")])
def test_a_shop_that_cannot_open_is_restored_from_the_login_screen(
        qtbot: QtBot, session: ShopSession, shop: Shop, shop_dir: Path, backed_up: Path,
        damage: str, said: str) -> None:
    _damage(shop_dir, damage, shop.database_key)
    login = session.dialog
    assert isinstance(login, LoginDialog) and not login.restore_button.isVisible()
    login.operator.setText(OWNER)
    login.password.setText(OWNER_PASSWORD)
    login.submit()
    qtbot.waitUntil(lambda: not login.busy, timeout=WAIT_MS)
    assert said in login.message.text() and login.restore_button.isVisible()

    login.restore_button.click()
    dialog = login.restore_dialog
    assert dialog is not None and dialog.isVisible() and dialog.operator.text() == OWNER
    dialog.set_file(str(backed_up))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert "A whole backup" in dialog.file_message.text()
    qtbot.keyClicks(dialog.password, OWNER_PASSWORD)
    box = dialog.ask_confirmation()
    assert box is not None
    dialog.yes_button.click()
    if damage != "key file":  # what the damaged data lacks cannot be read: asked once more
        qtbot.waitUntil(lambda: dialog.loss_box is not None, timeout=WAIT_MS)
        dialog.loss_yes_button.click()
    qtbot.waitUntil(lambda: "is restored" in login.message.text(), timeout=WAIT_MS)
    assert not login.busy and not login.restore_button.isVisible()
    assert len(list(shop_dir.glob("before-restore-*"))) == 1  # the damaged data kept aside

    log_in(qtbot, session, OWNER, OWNER_PASSWORD)
    assert session.shop is not None and product_names(session.shop) == ["Kept"]


def test_a_restore_that_keeps_the_hold_says_so_before_and_after(qapp: object) -> None:
    """A backup that lacks what a witness saw cannot undo a rollback: the question says
    redeeming stays stopped (not "no voucher used since can be used again"), and so does
    the login screen afterwards."""
    import datetime as dt

    from desktop_app.core.restore import RestoreLoss
    from desktop_app.ui.admin.restore_dialog import RestoreRequest, loss_text, restored_text

    held = RestoreLoss(True, redemptions=2, events=3, stays_held=True)
    assert "stays stopped" in loss_text(held) and "no voucher used since" not in loss_text(held)
    assert "stays stopped" not in loss_text(RestoreLoss(True, redemptions=2, events=3))
    request = RestoreRequest(Path("b.vsbackup"), OWNER, "pw", dt.datetime.now(dt.UTC))
    assert "Verify" not in restored_text(request, None)
    assert "Verify" in restored_text(dataclasses.replace(request, stays_held=True), None)


def test_a_wrong_backup_password_says_which_password_a_backup_takes(qapp: object) -> None:
    """QA round 2: after a recovery the owner typed today's password and was told to check
    Caps Lock; a backup takes the password as it was when it was made."""
    from desktop_app.core.errors import WrongPassword
    from desktop_app.ui.admin.backup_common import restore_refusal_text

    text = restore_refusal_text(WrongPassword(), OWNER)
    assert "when it was made" in text and "Caps Lock" not in text
