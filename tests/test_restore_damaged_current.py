"""Restoring over a shop whose database is damaged in the middle (QA s10a F6): the restore is
what the login's "damaged" message sends the owner to, so it must work. The current database
turns out unreadable (a damaged page the carry reads): nothing is carried, the owner is told
what the backup lacks is unknown, the damaged file is kept aside, the backup is put in place;
and no message names the restore's temporary copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot
from test_cli import run
from test_restore_carry import restored_with, sold

from desktop_app.core import audit, backup, redemption, restore
from desktop_app.core.cipher_files import unbound
from desktop_app.core.errors import DatabaseCorrupt, IntegrityHold
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui import tasks

PAGE = 4096  # SQLCipher 4's page size


def damage_table(shop_dir: Path, key: bytes, table: str) -> None:
    """Overwrite the first page of ``table`` in the closed shop's database, as a bad sector
    would: the file still opens, reading that table fails."""
    database = shop_dir / "shop.db"
    db = unbound(database, key)
    try:
        (root,) = db.execute_sql("SELECT rootpage FROM sqlite_master WHERE name = ?",
                                 (table,)).fetchone()
    finally:
        db.close()
    with database.open("r+b") as handle:
        handle.seek((int(root) - 1) * PAGE)
        handle.write(b"\xff" * PAGE)


@pytest.fixture
def damaged(shop: Shop, shop_dir: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """A backup, redemptions since, then the operator table's page damaged (only the carry
    reads it: the loss question could still count)."""
    vouchers = [v for _ in range(3) for v in sold(shop)]
    out = backup.write_backup(shop, tmp_path / "good.vsbackup")
    for voucher in vouchers[:2]:
        assert redemption.redeem(shop, voucher.payload, "c").ok
    key = shop.database_key
    shop.close()
    damage_table(shop_dir, key, "operator")
    with pytest.raises(DatabaseCorrupt):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD).close()
    return out, [v.payload for v in vouchers]


def test_a_database_damaged_in_the_middle_is_replaced_by_the_backup(
        shop_dir: Path, damaged: tuple[Path, list[str]]) -> None:
    out, payloads = damaged
    checked = restore.check_restore_and_loss(shop_dir, out, OWNER, OWNER_PASSWORD)[1]
    told = restored_with(shop_dir, out)
    assert not checked.readable and not told.readable  # "what the backup lacks is unknown"
    (aside,) = shop_dir.glob("before-restore-*")
    assert (aside / "shop.db").is_file()
    assert not list(shop_dir.glob(".restore-*"))
    # QA s11a F7: the redemptions since the backup are lost with the damaged file, and this
    # computer's witness saw them: the shop stays held, or they could be redeemed again.
    assert told.stays_held
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert not audit.list_events(shop, kind="restore_carry")  # nothing carried
        assert shop.integrity_problems
        with pytest.raises(IntegrityHold):
            redemption.redeem(shop, payloads[0], "c")


def test_the_command_line_restores_over_a_damaged_middle(
        shop_dir: Path, damaged: tuple[Path, list[str]]) -> None:
    out, _ = damaged
    result = run(shop_dir, "restore", str(out), "--yes",
                 env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD})
    # Before: exit 1, "The shop's database (…/.restore-…/shop.db) is damaged…"
    assert result.returncode == 0, result.stderr
    assert ".restore-" not in result.stdout + result.stderr
    assert len(list(shop_dir.glob("before-restore-*"))) == 1
    # QA s19a F7: the newer records are in the damaged data kept aside, not "put back to an
    # older copy", in the restore's words, the refusals and verify's.
    assert "too damaged to read" in result.stdout
    assert "older copy" not in result.stdout
    refused = run(shop_dir, "order", "create", "--item", "1:1",
                  env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD})
    assert refused.returncode == 3
    assert "restored over data too damaged to read" in refused.stderr
    verified = run(shop_dir, "verify", env={"SHOP_OPERATOR": OWNER,
                                            "SHOP_PASSWORD": OWNER_PASSWORD})
    assert "nothing was put back to an older copy" in verified.stdout
    assert "Rolled back" not in verified.stdout


@pytest.mark.usefixtures("temp_settings")
def test_the_restore_dialog_red_bar_and_verify_say_the_replaced_data_was_unreadable(
        qtbot: QtBot, shop_dir: Path, damaged: tuple[Path, list[str]]) -> None:
    from desktop_app.ui.admin.restore_loss_text import loss_text
    from desktop_app.ui.admin.verify_dialog import VerifyDialog
    from desktop_app.ui.main_window import MainWindow

    out, _ = damaged
    asked = loss_text(restore.check_restore_and_loss(shop_dir, out, OWNER, OWNER_PASSWORD)[1])
    assert "too damaged to read" in asked and "older copy" not in asked
    restored_with(shop_dir, out)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as held:
        window = MainWindow(held)
        qtbot.addWidget(window)
        banner = window.integrity_banner.text()
        assert "too damaged to read" in banner and "before-restore" in banner
        dialog = VerifyDialog(held)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
        assert "too damaged to read" in dialog.summary.text()
        assert dialog.problem_texts() and not any(
            "Rolled back" in text for text in dialog.problem_texts())
        window.close()
        dialog.close()
        tasks.finish_long_reads()
