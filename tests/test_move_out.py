"""Moving a shop to another computer, the old computer's side (QA s18a F1): a final backup
leaves this folder read-only, ``redeem`` first, while the shop restored from it elsewhere is
live; restoring it back here brings the shop back to life."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from PySide6.QtWidgets import QApplication
from test_backup_restore import rebind
from test_restore_guards import sold_voucher

from desktop_app.cli.restore_commands import loss_lines
from desktop_app.core import audit, backup, move_out, moved_shop, redemption, restore
from desktop_app.core.errors import ServerBackupElsewhere, ShopMoved
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui.admin.restore_dialog import loss_text


def newest_event() -> AuditEvent:
    return AuditEvent.select().order_by(AuditEvent.id.desc()).get()


def test_after_the_final_backup_the_folder_refuses_and_the_new_computer_is_live(
        shop: Shop, shop_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    voucher = sold_voucher(shop, uses=2)
    stick = tmp_path / "usb"
    stick.mkdir()
    done = move_out.write_final_backup(shop, stick / "final.vsbackup")
    assert done.path.exists() and done.size > 0
    assert moved_shop.to_computer(shop.moved_to)
    with pytest.raises(ShopMoved) as refused:
        redemption.redeem(shop, voucher.payload, "C1")
    assert refused.value.params["backup"] == "final.vsbackup"
    shop.close()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:  # and after reopening
        assert again.moved_to == moved_shop.computer_facts("final.vsbackup", done.at)
        with pytest.raises(ShopMoved):
            redemption.redeem(again, voucher.payload, "C1")
        assert newest_event().kind == moved_shop.MOVED_OUT_KIND  # nothing written meanwhile
    # The new computer: another folder, its own witnesses.
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "new-pc-witnesses"))
    new_pc = tmp_path / "new-pc" / "shop"
    assert restore.restore_backup(new_pc, done.path, OWNER, OWNER_PASSWORD) is None
    with open_shop(new_pc, OWNER, OWNER_PASSWORD) as there:
        assert there.moved_to is None and there.integrity_problem is None
        event = newest_event()
        assert event.kind == moved_shop.MOVED_OUT_KIND and event.subject == "final.vsbackup"
        assert json.loads(event.detail) == {"final_backup": "final.vsbackup",
                                            "backup_made_at": done.at}
        assert redemption.redeem(there, voucher.payload, "C2").ok
        assert audit.verify_shop(there) == []


def test_restoring_the_final_backup_here_brings_the_shop_back(
        shop: Shop, shop_dir: Path, tmp_path: Path, qapp: QApplication) -> None:
    """The move called off: asked first (the new computer may be using the shop), although
    the backup lacks nothing here; then the shop is live here again."""
    voucher = sold_voucher(shop)
    done = move_out.write_final_backup(shop, tmp_path / "final.vsbackup")
    shop.close()
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return True

    restore.restore_backup(shop_dir, done.path, OWNER, OWNER_PASSWORD, confirm=confirm)
    (loss,) = told
    assert loss.anything and loss.moved_out == "final.vsbackup"
    assert loss.events == 0 and loss.other_changes == 0
    for text in (" ".join(loss_lines(loss)), loss_text(loss)):
        assert "moved to another computer with the final backup final.vsbackup" in text
        assert "not used on the other computer" in text
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as back:
        assert back.moved_to is None and back.integrity_problem is None
        assert redemption.redeem(back, voucher.payload, "C1").ok


def test_a_copy_failing_after_the_record_takes_the_record_away(
        shop: Shop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No final backup was written (the copy's own temporary folder is not there): the shop
    stays here, live, and other counters may open it again."""
    voucher = sold_voucher(shop)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))
    with pytest.raises(OSError):
        move_out.write_final_backup(shop, tmp_path / "final.vsbackup")
    monkeypatch.undo()
    assert not (tmp_path / "final.vsbackup").exists()
    assert shop.moved_to is None and moved_shop.recorded_move() is None
    assert redemption.redeem(shop, voucher.payload, "C1").ok
    with open_shop(shop.data_dir, OWNER, OWNER_PASSWORD) as second:  # shared again
        assert second.moved_to is None
    rebind(shop)


def test_a_server_shop_has_no_folder_to_move(pg_url: str, tmp_path: Path) -> None:
    from desktop_app.core.engine import ShopLocation

    location = ShopLocation(tmp_path / "pc", pg_url)
    with location.create("Server Shop", "CNY", OWNER, OWNER_PASSWORD) as shop, \
            pytest.raises(ServerBackupElsewhere) as refused:
        move_out.write_final_backup(shop, tmp_path / "final.vsbackup")
    assert refused.value.params == {"action": "move_out"}


def test_a_plain_restore_asks_nothing_of_a_move(shop: Shop, shop_dir: Path,
                                                tmp_path: Path) -> None:
    out = backup.write_backup(shop, tmp_path / "plain.vsbackup")
    shop.close()
    told: list[restore.RestoreLoss] = []
    restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD,
                           confirm=lambda loss: told.append(loss) or True)
    assert told and told[0].moved_out == "" and not told[0].anything
