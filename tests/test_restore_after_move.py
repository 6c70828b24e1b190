"""Restoring a backup from before ``migrate-to`` (the way back when the move was a mistake):
the question counts the move apart from the other changes and says that what the server did
since the move is not in the backup (QA s11a: "other changes (products, settings, card-key
imports): 1", that 1 being the move)."""

from __future__ import annotations

from pathlib import Path

from conftest import OWNER, OWNER_PASSWORD
from PySide6.QtWidgets import QApplication

from desktop_app.cli.restore_commands import loss_lines
from desktop_app.core import backup, products, restore
from desktop_app.core.migrate_to import migrate_to_server
from desktop_app.core.pg_connection import server_facts
from desktop_app.core.store import create_shop
from desktop_app.ui.admin.restore_dialog import loss_text


def test_the_move_is_counted_apart_and_the_server_named(pg_url: str, tmp_path: Path,
                                                       qapp: QApplication) -> None:
    folder = tmp_path / "shop"
    with create_shop(folder, "File Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        products.add_product(shop, "Wash", "10.00", uses=2)
        before = backup.write_backup(shop, tmp_path / "before-the-move.vsbackup")
        migrate_to_server(shop, pg_url)
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return True

    restore.restore_backup(folder, before, OWNER, OWNER_PASSWORD,
                           confirm=confirm)
    (loss,) = told
    facts = server_facts(pg_url)
    assert loss.other_changes == 0 and loss.anything
    assert loss.moved_to == f"{facts['host']}/{facts['database']}"
    for text in (" ".join(loss_lines(loss)), loss_text(loss)):
        assert "other changes (products, settings, card-key imports): 0." in text
        assert f"moved to the server {facts['host']}/{facts['database']}" in text
        assert "done on the server since the move" in text and "not in this backup" in text


def test_a_loss_without_a_move_says_nothing_of_a_server(qapp: QApplication) -> None:
    plain = restore.RestoreLoss(True, orders=2, events=5, other_changes=1)
    assert "server" not in loss_text(plain) and "server" not in " ".join(loss_lines(plain))
