"""A backup written by the first build (schema 1, ``tests/data/backup_v1.vsb``) restores as
its shop folder opens: upgraded on the way in, its data whole, a tampered one still refused
(QA s19b F1: it was refused as damaged, the current checks asking for columns it lacks)."""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from test_cli import as_json, run
from test_restore_carry import sold

from desktop_app.core import giftcards, migrations, orders, redemption, restore
from desktop_app.core.backup_format import MAGIC, copy_database, read_backup, write_backup_file
from desktop_app.core.cipher_files import unbound
from desktop_app.core.errors import BackupInvalid
from desktop_app.core.keyslots import KeySlotFile
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.store import Shop, open_shop

DATA = Path(__file__).parent / "data"
OPERATOR, PASSWORD = "owner", "old1-owner-2026"
ENV = {"SHOP_OPERATOR": OPERATOR, "SHOP_PASSWORD": PASSWORD}
WASH, CARD, REFUNDED = "RAKM-HTWJ-29HJ-SKHQ7", "ARFZ-51EH-8K9Y-Y4A98", "278D-3PCP-HV0X-SYT58"
WASH_ID = 1


@pytest.fixture
def backup_v1(tmp_path: Path) -> Path:
    path = tmp_path / "backups" / "old1.vsb"
    path.parent.mkdir()
    shutil.copyfile(DATA / "backup_v1.vsb", path)
    return path


def restore_cli(folder: Path, backup: Path) -> dict[str, object]:
    return as_json(run(folder, "restore", str(backup), "--yes", "--json", env=ENV))


def upgrade_events(shop: Shop) -> list[dict[str, int]]:
    return [json.loads(e.detail) for e in AuditEvent.select().where(
        AuditEvent.kind == "schema_upgraded").order_by(AuditEvent.id)]


def uses_left(voucher_id: int) -> int:
    return int(Voucher.get_by_id(voucher_id).uses_left)


def test_a_first_build_backup_restores_into_an_empty_folder_with_all_its_data(
        tmp_path: Path, backup_v1: Path) -> None:
    folder = tmp_path / "shop"
    done = restore_cli(folder, backup_v1)
    assert done["ok"] is True and done["held"] is False, done
    assert as_json(run(folder, "verify", "--json", env=ENV)) == {"ok": True, "problems": []}
    with open_shop(folder, OPERATOR, PASSWORD) as shop:
        assert shop.integrity_problems == []
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
        # Upgraded once, on the way in: the open found nothing left to upgrade.
        assert upgrade_events(shop) == [{"from_version": 1,
                                         "to_version": migrations.CURRENT_VERSION}]
        statuses = {o.id: o.status for o in orders.list_orders(shop)}
        assert statuses == {1: "paid", 2: "paid", 3: "refunded", 4: "unpaid"}
        assert uses_left(WASH_ID) == 7
        assert redemption.redeem(shop, CARD, "test").reason == "already_redeemed"
        assert redemption.redeem(shop, REFUNDED, "test").reason == "voided"
        verdict = redemption.redeem(shop, WASH, "test")
        assert verdict.reason == "redeemed" and verdict.uses_left == 6
    assert as_json(run(folder, "verify", "--json", env=ENV))["problems"] == []


def live_shop_since(tmp_path: Path, backup: Path) -> Path:
    """The backup's shop at this version, with a use redeemed and an order made since."""
    folder = tmp_path / "live"
    assert restore_cli(folder, backup)["ok"] is True
    with open_shop(folder, OPERATOR, PASSWORD) as shop:
        assert redemption.redeem(shop, WASH, "test").uses_left == 6
        orders.create_order(shop, [(3, 1)], "Dee")
    return folder


def test_over_a_shop_the_backup_restores_and_keeps_what_no_restore_undoes(
        tmp_path: Path, backup_v1: Path) -> None:
    folder = live_shop_since(tmp_path, backup_v1)
    done = restore_cli(folder, backup_v1)
    assert done["ok"] is True and done["held"] is False and done["previous"], done
    with open_shop(folder, OPERATOR, PASSWORD) as shop:
        assert shop.integrity_problems == []
        assert uses_left(WASH_ID) == 6  # the redemption since was carried over
        assert [o.id for o in orders.list_orders(shop)] == [4, 3, 2, 1]  # order 5 lost
        assert redemption.redeem(shop, CARD, "test").reason == "already_redeemed"
        assert len(upgrade_events(shop)) == 1
    assert as_json(run(folder, "verify", "--json", env=ENV))["problems"] == []


def test_the_restore_question_reads_a_first_build_backup(tmp_path: Path,
                                                         backup_v1: Path) -> None:
    info, new = restore.check_restore_and_loss(tmp_path / "new", backup_v1, OPERATOR,
                                               PASSWORD)
    assert info.schema_version == 1
    assert new.into_empty and not new.stays_held
    folder = live_shop_since(tmp_path, backup_v1)
    _, loss = restore.check_restore_and_loss(folder, backup_v1, OPERATOR, PASSWORD)
    assert loss.readable and not loss.stays_held and not loss.into_empty
    assert (loss.redemptions, loss.orders) == (1, 1)


def tampered(backup: Path, folder: Path) -> Path:
    """``backup`` with one audit event's detail changed inside its database, the file and its
    hash otherwise written as a backup is."""
    info = read_backup(backup)
    folder.mkdir()
    (folder / "keyslots.json").write_bytes(info.keyslots)
    key = KeySlotFile.load(folder / "keyslots.json").unlock(OPERATOR, PASSWORD)
    database = folder / DATABASE_FILE
    copy_database(info, database)
    db = unbound(database, key)
    db.execute_sql("UPDATE audit_event SET detail = '{}' WHERE id = 3")
    db.close()
    raw = backup.read_bytes()
    start = len(MAGIC) + 8
    header = json.loads(raw[start:start + int.from_bytes(raw[len(MAGIC):start], "big")])
    header.pop("database_size")
    out = folder / "tampered.vsb"
    with out.open("wb") as target:
        write_backup_file(target, header, database)
    return out


def test_a_tampered_first_build_backup_is_still_refused(
        tmp_path: Path, backup_v1: Path, caplog: pytest.LogCaptureFixture) -> None:
    bad = tampered(backup_v1, tmp_path / "bad")
    with caplog.at_level(logging.INFO), pytest.raises(BackupInvalid) as refused:
        restore.restore_backup(tmp_path / "shop", bad, OPERATOR, PASSWORD)
    assert refused.value.params["problem"] == "damaged"
    # Refused by its chain, checked at its own version before any upgrade step wrote in it.
    assert "audit_chain: event 3 hash_mismatch" in caplog.text
    assert "schema upgraded" not in caplog.text
    assert not (tmp_path / "shop" / DATABASE_FILE).exists()
    folder = live_shop_since(tmp_path, backup_v1)
    before = (folder / DATABASE_FILE).read_bytes()
    over = restore_cli(folder, bad)
    assert (over["error"], over["problem"]) == ("backup_invalid", "damaged")
    assert (folder / DATABASE_FILE).read_bytes() == before
    assert restore_cli(folder, backup_v1)["ok"] is True  # the untampered one still does


def test_the_question_tells_what_the_restore_finds_of_cards_sold_since(
        tmp_path: Path, backup_v1: Path) -> None:
    """The question reads the copy at its own version (the models serve the open shop
    meanwhile); a first-build copy has no gift-card ledger yet, and the restore's upgraded copy
    an empty one: both lack the reload made since, and say so alike."""
    folder = tmp_path / "live"
    assert restore_cli(folder, backup_v1)["ok"] is True
    with open_shop(folder, OPERATOR, PASSWORD) as shop:
        (card,) = sold(shop, "giftcard", price="100")
        giftcards.reload(shop, Voucher.get_by_id(card.id), 5000)
    _, asked = restore.check_restore_and_loss(folder, backup_v1, OPERATOR, PASSWORD)
    told: list[restore.RestoreLoss] = []
    restore.restore_backup(folder, backup_v1, OPERATOR, PASSWORD,
                           confirm=lambda loss: told.append(loss) is None)
    assert (told[0].giftcard_changes, told[0].reload_cents) == (1, 5000)
    assert replace(asked, backup=told[0].backup) == told[0]
