"""Exactly once around the file (issue #11): a data folder or database put back to an older
copy, a lost -wal or a damaged anchor holds the shop until the owner acknowledges or
restores; the witnesses outside the data folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from integrity_helpers import assert_held, reopen, sell
from integrity_worker import OWNER, OWNER_PASSWORD
from test_cli import as_json, run

from desktop_app.core import (
    anchor,
    audit,
    backup,
    integrity,
    products,
    redemption,
    reports,
    restore,
)
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop, database_path

# --- case 1: the whole data folder put back to an older copy -------------------------------


def test_a_folder_put_back_with_its_anchor_refuses_to_redeem_again(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    voucher = sell(owner_shop)[0]
    owner_shop.close()
    old = tmp_path / "old-copy"
    shutil.copytree(shop_dir, old)
    redeemed = run(shop_dir, "redeem", voucher.payload, "--station", "C1", "--json")
    assert redeemed.returncode == 0, redeemed.stdout
    shutil.rmtree(shop_dir)
    shutil.copytree(old, shop_dir)  # db, key slots and anchor together

    again = run(shop_dir, "redeem", voucher.payload, "--station", "C1", "--json")
    assert again.returncode == 3
    refusal = as_json(again)
    assert refusal["ok"] is False and refusal["error"] == "integrity_hold"
    assert "witness_computer: rolled_back" in refusal["problems"]
    verified = run(shop_dir, "verify", "--json")
    assert verified.returncode == 1
    assert "witness_computer: rolled_back" in as_json(verified)["problems"]
    with reopen(shop_dir):  # the redemption never happened in the copy put back
        assert Voucher.get_by_id(voucher.id).uses_left == 1


def test_the_witness_beside_a_backup_catches_a_folder_copy_too(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path, witness_dir: Path) -> None:
    """Even with this computer's witness gone (another account, or deleted), the folder a
    backup went to remembers the newer chain."""
    voucher = sell(owner_shop)[0]
    owner_shop.close()
    old = tmp_path / "old-copy"
    shutil.copytree(shop_dir, old)
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, voucher.payload, "C1").ok
        (tmp_path / "usb").mkdir()
        backup.write_backup(shop, tmp_path / "usb" / "b.vsbackup")
    assert integrity.backup_witness_path(tmp_path / "usb", shop.shop_id).exists()
    shutil.rmtree(shop_dir)
    shutil.copytree(old, shop_dir)
    for leftover in witness_dir.glob("*.witness"):
        leftover.unlink()
    with reopen(shop_dir) as held:
        assert "witness_backup: rolled_back" in held.integrity_problems
        with pytest.raises(IntegrityHold):
            redemption.redeem(held, voucher.payload, "C1")


def test_a_folder_copy_still_knows_where_its_manual_backups_went(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path, witness_dir: Path) -> None:
    """QA: with the per-user witness folder deleted (and with it the list of folders manual
    backups went to), a folder put back opened unchallenged beside a stick of backups."""
    voucher = sell(owner_shop)[0]
    (tmp_path / "usb").mkdir()
    backup.write_backup(owner_shop, tmp_path / "usb" / "monday.vsbackup")
    owner_shop.close()
    shutil.copytree(shop_dir, tmp_path / "old-copy")  # knows of the stick, not of what follows
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, voucher.payload, "C1").ok
        backup.write_backup(shop, tmp_path / "usb" / "tuesday.vsbackup")
    shutil.rmtree(shop_dir)
    shutil.copytree(tmp_path / "old-copy", shop_dir)
    for leftover in witness_dir.iterdir():
        leftover.unlink()  # the whole per-user witness folder gone
    with reopen(shop_dir) as held:
        assert "witness_backup: rolled_back" in held.integrity_problems
        with pytest.raises(IntegrityHold):
            redemption.redeem(held, voucher.payload, "C1")


# --- case 2: only shop.db put back, the -wal lost, the anchor damaged ---------------------


def test_only_the_database_put_back_is_held_and_stays_held(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    first, second = sell(owner_shop, 2)
    owner_shop.close()
    old = tmp_path / "old.db"
    shutil.copy(database_path(shop_dir), old)
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, first.payload, "C1").ok
    shutil.copy(old, database_path(shop_dir))
    assert_held(shop_dir, "anchor: rolled_back", first.payload)
    with reopen(shop_dir) as held:  # reading still works, and moves no witness
        backup.write_backup(held, tmp_path / "b.vsbackup")
        reports.export_redemptions(held, tmp_path / "r.csv")
        with pytest.raises(IntegrityHold):
            products.add_product(held, "New", "1.00")
        with pytest.raises(IntegrityHold):
            redemption.redeem(held, second.payload, "C1")
    assert_held(shop_dir, "anchor: rolled_back", second.payload)  # the evidence stays


def test_a_lost_wal_holds_the_shop(owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    voucher = sell(owner_shop)[0]
    owner_shop.db.execute_sql("PRAGMA wal_autocheckpoint=0")
    owner_shop.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert redemption.redeem(owner_shop, voucher.payload, "C1").ok  # only in the -wal
    crash = tmp_path / "crash"
    crash.mkdir()
    for name in ("shop.db", "keyslots.json", "anchor.bin"):  # the -wal is gone
        shutil.copy(shop_dir / name, crash / name)
    owner_shop.close()
    assert_held(crash, "anchor: rolled_back", voucher.payload)


def test_a_damaged_anchor_holds_until_the_owner_acknowledges(
        owner_shop: Shop, shop_dir: Path) -> None:
    voucher = sell(owner_shop)[0]
    owner_shop.close()
    path = shop_dir / anchor.ANCHOR_FILE
    path.write_bytes(bytes(b ^ 0x55 for b in path.read_bytes()))
    assert_held(shop_dir, "anchor: anchor_damaged", voucher.payload)
    assert_held(shop_dir, "anchor: anchor_damaged", voucher.payload)  # a later open too

    with reopen(shop_dir) as held:
        recorded = audit.acknowledge(held, "anchor file damaged by a disk check",
                                         audit.verify_shop(held))
        assert "anchor: anchor_damaged" in recorded
        assert redemption.redeem(held, voucher.payload, "C1").ok
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == [] and audit.verify_shop(shop) == []
        event = AuditEvent.get(AuditEvent.kind == integrity.ACKNOWLEDGE_KIND)
        assert "anchor_damaged" in event.detail and "disk check" in event.detail


def test_acknowledge_from_the_command_line(owner_shop: Shop, shop_dir: Path) -> None:
    voucher = sell(owner_shop)[0]
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    held = run(shop_dir, "redeem", voucher.payload, "--json")
    assert held.returncode == 3 and as_json(held)["error"] == "integrity_hold"
    acknowledged = run(shop_dir, "verify", "--acknowledge", "anchor deleted by cleanup", "--json")
    assert acknowledged.returncode == 0, acknowledged.stdout
    assert "anchor: anchor_missing" in as_json(acknowledged)["acknowledged"]
    assert run(shop_dir, "redeem", voucher.payload, "--json").returncode == 0
    assert run(shop_dir, "verify", "--json").returncode == 0


def test_a_clerk_cannot_acknowledge(owner_shop: Shop, shop_dir: Path) -> None:
    from desktop_app.core.auth import add_operator

    add_operator(owner_shop, "Clerk", "clerk", "clerk-pass-77")
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    refused = run(shop_dir, "verify", "--acknowledge", "x", "--json",
                  env={"SHOP_OPERATOR": "Clerk", "SHOP_PASSWORD": "clerk-pass-77"})
    assert refused.returncode == 3 and as_json(refused)["error"] == "forbidden"


# --- the owner's restore lifts a hold ------------------------------------------------------


def test_a_restored_backup_lifts_the_hold(owner_shop: Shop, shop_dir: Path,
                                          tmp_path: Path) -> None:
    voucher = sell(owner_shop)[0]
    out = backup.write_backup(owner_shop, tmp_path / "good.vsbackup")
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).write_bytes(b"garbage")
    assert_held(shop_dir, "anchor: anchor_damaged", voucher.payload)
    restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []
        assert redemption.redeem(shop, voucher.payload, "C1").ok


def put_back_an_older_copy(owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> str:
    """The folder copied, a voucher's one use redeemed, the copy put back: the shop is held
    and the copy does not know of that redemption. The voucher's payload."""
    voucher = sell(owner_shop)[0]
    owner_shop.close()
    shutil.copytree(shop_dir, tmp_path / "old-copy")
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, voucher.payload, "C1").ok
    shutil.rmtree(shop_dir)
    shutil.copytree(tmp_path / "old-copy", shop_dir)
    return voucher.payload


@pytest.mark.parametrize("which", ["of_the_held_shop", "older"])
def test_a_backup_that_lacks_what_a_witness_saw_keeps_the_hold(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path, which: str) -> None:
    """Neither the backup nor the held shop holds the redemption the witness saw: restoring
    cannot carry it over, so the restore says the shop stays held, and it does (QA: a backup
    of the held shop, restored, re-opened the voucher)."""
    older = backup.write_backup(owner_shop, tmp_path / "older.vsbackup")
    payload = put_back_an_older_copy(owner_shop, shop_dir, tmp_path)
    with reopen(shop_dir) as held:
        assert "witness_computer: rolled_back" in held.integrity_problems
        made = backup.write_backup(held, tmp_path / "held.vsbackup")
    chosen = made if which == "of_the_held_shop" else older
    _, checked = restore.check_restore_and_loss(shop_dir, chosen, OWNER, OWNER_PASSWORD)
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return True

    restore.restore_backup(shop_dir, chosen, OWNER, OWNER_PASSWORD, confirm=confirm)
    assert checked.stays_held and told[0].stays_held and told[0].anything
    assert_held(shop_dir, "witness_computer: rolled_back", payload)


def test_a_held_shop_makes_no_automatic_backup_and_prunes_none(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """The held data may be the old copy put back: its backups would rotate the good ones
    away, and the red bar tells the owner to restore one of those."""
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_backup_settings(owner_shop, str(usb), automatic=True)
    good = backup.auto_backup(owner_shop, usb)
    put_back_an_older_copy(owner_shop, shop_dir, tmp_path)
    with reopen(shop_dir) as held:
        assert held.integrity_problems
        assert backup.run_auto_backup(held) is None
    assert sorted(usb.glob("*.vsbackup")) == [good]


def test_a_backup_that_holds_what_the_witness_saw_lifts_the_hold(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    voucher = sell(owner_shop)[0]
    owner_shop.close()
    shutil.copytree(shop_dir, tmp_path / "old-copy")
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, voucher.payload, "C1").ok
        newest = backup.write_backup(shop, tmp_path / "newest.vsbackup")
    shutil.rmtree(shop_dir)
    shutil.copytree(tmp_path / "old-copy", shop_dir)
    _, checked = restore.check_restore_and_loss(shop_dir, newest, OWNER, OWNER_PASSWORD)
    assert not checked.stays_held
    restore.restore_backup(shop_dir, newest, OWNER, OWNER_PASSWORD)
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []
        assert redemption.redeem(shop, voucher.payload, "C1").reason == "already_redeemed"


def test_restoring_an_older_backup_moves_every_witness_with_it(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path, witness_dir: Path) -> None:
    """The owner's restore is the other way out of a hold: the witnesses on this computer
    and beside the automatic backups follow the restored chain, so it opens unheld."""
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_backup_settings(owner_shop, str(usb), automatic=True)
    older = backup.auto_backup(owner_shop, usb)
    shutil.copy(older, tmp_path / "older.vsbackup")
    voucher = sell(owner_shop)[0]
    assert redemption.redeem(owner_shop, voucher.payload, "C1").ok
    backup.write_backup(owner_shop, usb / "newer.vsbackup")
    owner_shop.close()
    for leftover in witness_dir.glob("*.destinations.json"):
        leftover.unlink()  # the list of folders lost: the setting in the backup still names it
    restore.restore_backup(shop_dir, tmp_path / "older.vsbackup", OWNER, OWNER_PASSWORD)
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []
        assert audit.verify_shop(shop) == []


def test_the_command_line_restore_says_the_shop_stays_held(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    older = backup.write_backup(owner_shop, tmp_path / "older.vsbackup")
    payload = put_back_an_older_copy(owner_shop, shop_dir, tmp_path)
    asked = run(shop_dir, "restore", str(older), "--json")  # no terminal: says why, exit 2
    assert asked.returncode == 2 and "verify --acknowledge" in as_json(asked)["message"]
    restored = run(shop_dir, "restore", str(older), "--yes", "--json")
    assert restored.returncode == 0 and as_json(restored)["held"] is True
    again = run(shop_dir, "redeem", payload, "--json")
    assert again.returncode == 3 and as_json(again)["error"] == "integrity_hold"


def test_the_hold_and_verify_speak_words_not_codes(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA: a cashier read "(witness_computer: rolled_back)"; verify printed only the code."""
    payload = put_back_an_older_copy(owner_shop, shop_dir, tmp_path)
    refusal = as_json(run(shop_dir, "redeem", payload, "--json"))
    assert refusal["problems"] == "witness_computer: rolled_back"  # the codes stay for scripts
    assert "put back to an older copy" in refusal["message"]
    assert "witness_computer" not in refusal["message"]
    verified = run(shop_dir, "verify")
    assert verified.returncode == 1
    assert "this computer remembers newer records" in verified.stdout
    # QA s18a F6: the code is for --json and the log, not for the owner reading verify
    assert "witness_computer" not in verified.stdout
    assert "witness_computer: rolled_back" in as_json(run(shop_dir, "verify", "--json"))[
        "problems"]


def test_reading_an_older_copy_elsewhere_does_not_hold_the_live_shop(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA: opening an old copy (a before-restore folder, to look something up) held the live
    shop through the hold this computer keeps per shop."""
    voucher = sell(owner_shop, uses=2)[0]
    owner_shop.close()
    shutil.copytree(shop_dir, tmp_path / "old-copy")
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, voucher.payload, "C1").ok
    with reopen(tmp_path / "old-copy") as old:
        assert "witness_computer: rolled_back" in old.integrity_problems
    with reopen(shop_dir) as live:
        assert live.integrity_problems == []
        assert redemption.redeem(live, voucher.payload, "C1").ok
    with reopen(tmp_path / "old-copy") as old:  # the copy itself stays held
        assert old.integrity_problems


def test_holding_a_copy_keeps_the_live_shops_own_hold(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA round 2: this computer kept one hold per shop; holding an older copy rewrote it, and
    the live shop's hold (found by verify) then rested on its folder's file alone."""
    voucher = sell(owner_shop, uses=2)[0]
    owner_shop.close()
    shutil.copytree(shop_dir, tmp_path / "old-copy")
    with reopen(shop_dir) as shop:
        assert redemption.redeem(shop, voucher.payload, "C1").ok
        integrity.hold(shop, ["giftcards: voucher 9 balance_mismatch"])
    with reopen(tmp_path / "old-copy") as old:
        assert "witness_computer: rolled_back" in old.integrity_problems
    (shop_dir / integrity.HOLD_FILE).unlink()  # what the record on this computer resists
    with reopen(shop_dir) as live:
        assert live.integrity_problems == ["giftcards: voucher 9 balance_mismatch"]


def test_acknowledging_an_older_copy_elsewhere_names_the_live_folder(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA round 2: acknowledging a copy kept to look something up re-based this computer's
    witness on it and held the live shop, with nothing said before."""
    from desktop_app.core import live_folder
    from desktop_app.ui.admin.verify_dialog import acknowledge_question

    voucher = sell(owner_shop, uses=2)[0]
    owner_shop.close()
    old = tmp_path / "old-copy"
    shutil.copytree(shop_dir, old)
    with reopen(shop_dir) as shop:  # the live folder, opened unheld
        assert redemption.redeem(shop, voucher.payload, "C1").ok
        shop_id = shop.shop_id
    root = integrity.witness_root()
    assert live_folder.elsewhere(root, shop_id, shop_dir) is None
    assert live_folder.elsewhere(root, shop_id, old) == shop_dir.resolve()
    assert str(shop_dir.resolve()) in acknowledge_question(
        ["witness_computer: rolled_back"], live_folder.elsewhere(root, shop_id, old))
    done = run(old, "verify", "--acknowledge", "looking up an old order", "--yes")
    assert done.returncode == 0 and str(shop_dir.resolve()) in done.stdout


def test_another_shops_hold_left_in_the_folder_does_not_hold_this_shop(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """QA s10b F1: a hold names its shop. Another shop's files put in the folder (the hold
    file left behind) open unheld; the first shop's hold is kept aside and holds it again
    when it is back, even with this computer's record of it gone."""
    from desktop_app.core.store import create_shop

    integrity.hold(owner_shop, ["giftcards: voucher 9 balance_mismatch"])
    first_id = owner_shop.shop_id
    owner_shop.close()
    shop_files = ("shop.db", "keyslots.json", anchor.ANCHOR_FILE)
    (tmp_path / "first").mkdir()
    for name in shop_files:
        shutil.move(shop_dir / name, tmp_path / "first" / name)
    create_shop(shop_dir, "Second", "CNY", OWNER, OWNER_PASSWORD).close()
    with reopen(shop_dir) as second:
        assert second.integrity_problems == []
        products.add_product(second, "Coffee", "3.00")
        assert audit.verify_shop(second) == []
    assert (shop_dir / f"integrity-hold.{first_id}.json").exists()  # the evidence is kept
    for name in shop_files:
        shutil.move(tmp_path / "first" / name, shop_dir / name)
    integrity.hold_files(shop_dir, first_id)[1].unlink()
    with reopen(shop_dir) as first:
        assert first.integrity_problems == ["giftcards: voucher 9 balance_mismatch"]
