"""Exactly once around the file (issue #11): witnesses outside the data folder, the
integrity hold, verify naming every database error, the lock retry, and kills mid-write."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from integrity_worker import OWNER, OWNER_PASSWORD, redeem_all
from test_cli import as_json, run

from desktop_app.core import (
    anchor,
    audit,
    backup,
    fulfilment,
    integrity,
    orders,
    products,
    redemption,
    reports,
    restore,
)
from desktop_app.core.errors import DatabaseCorrupt, IntegrityHold
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop, create_shop, database_path, open_shop

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def owner_shop(shop_dir: Path) -> Shop:
    """A shop the command line's test credentials open."""
    return create_shop(shop_dir, "Integrity", "CNY", OWNER, OWNER_PASSWORD, busy_timeout_ms=2000)


def sell(shop: Shop, count: int = 1, uses: int = 1) -> list[fulfilment.IssuedVoucher]:
    sold = len(products.list_products(shop, include_archived=True))
    product = products.add_product(shop, f"Pass {sold + 1}", "10.00", uses=uses)
    if count > 1:
        return fulfilment.issue_batch(shop, product.id, count)
    return fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)


def reopen(folder: Path) -> Shop:
    return open_shop(folder, OWNER, OWNER_PASSWORD)


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


# --- case 2: only shop.db put back, the -wal lost, the anchor damaged ---------------------


def assert_held(folder: Path, problem: str, payload: str) -> None:
    with reopen(folder) as held:
        assert problem in held.integrity_problems
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(held, payload, "C1")
        assert refused.value.code == "integrity_hold"
        assert problem in refused.value.params["problems"]
        assert problem in audit.verify_shop(held)


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


def test_a_torn_slot_leaves_the_other_one(owner_shop: Shop, shop_dir: Path) -> None:
    sell(owner_shop)
    sell(owner_shop)
    owner_shop.close()
    path = shop_dir / anchor.ANCHOR_FILE
    raw = bytearray(path.read_bytes())
    assert len(raw) == 2 * anchor.SLOT_SIZE
    raw[10:40] = os.urandom(30)  # a write torn half-way through slot 0
    path.write_bytes(bytes(raw))
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []


def test_a_kill_between_commit_and_anchor_is_not_a_rollback(
        owner_shop: Shop, shop_dir: Path) -> None:
    """The commit is on disk, the anchor one commit behind: the chain links to the anchor's
    head, so it holds, and the anchor is brought forward at open."""
    voucher = sell(owner_shop)[0]
    with owner_shop.db.atomic("IMMEDIATE"):  # what Shop.write does, up to the commit
        assert redemption.redeem(owner_shop, voucher.payload, "C1").ok
    owner_shop.pending_head = None  # killed before the anchor write
    lagging = anchor.read_record(shop_dir / anchor.ANCHOR_FILE, owner_shop.database_key)
    head = anchor.current_head()
    assert lagging is not None and lagging.head.event_id < head.event_id
    owner_shop.db.close()
    assert owner_shop.lock is not None
    owner_shop.lock.release()  # a killed process's lock goes with it
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == [] and audit.verify_shop(shop) == []
        brought = anchor.read_record(shop_dir / anchor.ANCHOR_FILE, shop.database_key)
        assert brought is not None and brought.head == head


def test_each_commit_writes_one_slot_and_the_head_it_just_wrote(owner_shop: Shop,
                                                                 shop_dir: Path) -> None:
    path = shop_dir / anchor.ANCHOR_FILE
    before = anchor.read_record(path, owner_shop.database_key)
    sell(owner_shop)
    after = anchor.read_record(path, owner_shop.database_key)
    assert before is not None and after is not None
    assert after.sequence > before.sequence and after.head == anchor.current_head()
    assert path.stat().st_size == 2 * anchor.SLOT_SIZE
    assert (path.stat().st_mode & 0o777) == 0o600 or os.name == "nt"


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


# --- case 7: damaged and missing database files -------------------------------------------


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_or_missing_database_is_never_a_new_shop(owner_shop: Shop, shop_dir: Path,
                                                          how: str) -> None:
    owner_shop.close()
    db = database_path(shop_dir)
    if how == "empty":
        db.write_bytes(b"")
    else:
        db.unlink()
    redeem = run(shop_dir, "redeem", "K7QM-2X9R-TB4W-HN3P8", "--json")
    assert redeem.returncode == 3
    assert as_json(redeem)["error"] == "integrity_hold"
    assert as_json(redeem)["problems"] == "database: missing"
    verified = run(shop_dir, "verify", "--json")
    assert verified.returncode == 1
    assert as_json(verified)["problems"] == ["database: missing"]
    assert not db.exists() or db.stat().st_size == 0  # nothing new was made there
    with pytest.raises(IntegrityHold):
        reopen(shop_dir)


def test_verify_names_every_database_error_of_a_mixed_file(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """Pages put back from an older genuine copy make SQLite's own errors ("malformed")
    surface while rows are read: verify names them and never crashes."""
    issued = sell(owner_shop, 40)
    owner_shop.close()
    path = database_path(shop_dir)
    old = path.read_bytes()
    with reopen(shop_dir) as shop:
        for voucher in issued:
            assert redemption.redeem(shop, voucher.payload, "C1").ok
    new = path.read_bytes()
    page = 4096
    changed = [i for i in range(min(len(old), len(new)) // page)
               if old[i * page:(i + 1) * page] != new[i * page:(i + 1) * page]]
    named_errors = []
    for index in changed:
        mixed = bytearray(new)
        mixed[index * page:(index + 1) * page] = old[index * page:(index + 1) * page]
        path.write_bytes(bytes(mixed))
        try:
            with reopen(shop_dir) as opened:
                problems = audit.verify_shop(opened)
        except DatabaseCorrupt as exc:
            named_errors.append(exc.params["detail"])
            continue
        assert problems, index
        named_errors += [p for p in problems if p.endswith(("database_malformed",
                                                            "database_unreadable"))]
        if any(p.endswith("database_malformed") for p in problems):
            result = run(shop_dir, "verify", "--json")  # once was "internal"
            assert result.returncode == 1 and "error" not in as_json(result)
            assert any(p.endswith("database_malformed") for p in as_json(result)["problems"])
        for leftover in integrity.hold_files(shop_dir, opened.shop_id):
            leftover.unlink(missing_ok=True)  # each page is judged on its own
    assert "internal" not in named_errors
    assert any(name.endswith("database_malformed") for name in named_errors)


# --- the lock: 8 processes at once ---------------------------------------------------------


def test_eight_processes_never_see_database_locked(owner_shop: Shop, shop_dir: Path) -> None:
    issued = sell(owner_shop, 24)
    owner_shop.close()
    payloads = [v.payload for v in issued]
    context = multiprocessing.get_context("spawn")
    with context.Pool(8) as pool:
        jobs = [pool.apply_async(redeem_all, (str(shop_dir), random.sample(payloads, 24),
                                              f"C{n}")) for n in range(8)]
        results = [reason for job in jobs for reason in job.get(timeout=240)]
    assert "database_locked" not in results
    assert results.count("redeemed") == 24
    with reopen(shop_dir) as shop:  # eight writers of one anchor never look like a rollback
        assert shop.integrity_problems == [] and audit.verify_shop(shop) == []


# --- reliability: SIGKILL during redeem -----------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_kills_during_redeem_never_look_like_a_rollback(owner_shop: Shop,
                                                        shop_dir: Path) -> None:
    """Kill a redeeming process at random moments; after each kill the shop opens without a
    hold, verify passes and every redemption it reported is kept. More rounds with
    SHOP_KILL_ROUNDS=N."""
    rounds = int(os.environ.get("SHOP_KILL_ROUNDS", "3"))
    issued = sell(owner_shop, 30 * rounds)
    owner_shop.close()
    payloads = [v.payload for v in issued]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    reported: set[str] = set()
    for round_ in range(rounds):
        batch = payloads[round_ * 30:(round_ + 1) * 30]
        worker = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "integrity_worker.py"), str(shop_dir), *batch],
            stdout=subprocess.PIPE, text=True, env=env)
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "open"
        time.sleep(random.uniform(0.0, 0.15))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate(timeout=60)
        reported |= {line.split()[1] for line in out.splitlines()
                     if line.startswith("redeemed ")}
        with reopen(shop_dir) as shop:
            assert shop.integrity_problems == [], round_
            assert audit.verify_shop(shop) == [], round_
            used = {v.payload for v in issued
                    if Voucher.get_by_id(v.id).uses_left == 0}
            assert reported <= used


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


def test_an_old_anchor_json_is_read_once_and_replaced(owner_shop: Shop, shop_dir: Path) -> None:
    sell(owner_shop)
    head = anchor.current_head()
    count = AuditEvent.select().count()
    legacy = shop_dir / anchor.LEGACY_ANCHOR_FILE
    legacy.write_text(json.dumps({"format": 1, "head": head.hash, "count": count,
                                  "mac": anchor._legacy_mac(owner_shop.database_key, head.hash,
                                                            count)}))
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    with reopen(shop_dir) as shop:
        assert shop.integrity_problems == []
        assert not legacy.exists()
        record = anchor.read_record(shop_dir / anchor.ANCHOR_FILE, shop.database_key)
        assert record is not None and record.head == head


def test_an_old_anchor_json_ahead_of_the_database_holds(owner_shop: Shop,
                                                         shop_dir: Path) -> None:
    voucher = sell(owner_shop)[0]
    key = owner_shop.database_key
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).unlink()
    (shop_dir / anchor.LEGACY_ANCHOR_FILE).write_text(json.dumps(
        {"format": 1, "head": "ab" * 32, "count": 999,
         "mac": anchor._legacy_mac(key, "ab" * 32, 999)}))
    assert_held(shop_dir, "anchor: rolled_back", voucher.payload)
    assert (shop_dir / anchor.LEGACY_ANCHOR_FILE).exists()  # the evidence stays
