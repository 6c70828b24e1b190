"""Operators, login throttling, the audit chain and its anchor, backups and restore."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

from desktop_app.core import (
    anchor,
    audit,
    auth,
    backup,
    cardkeys,
    fulfilment,
    integrity,
    orders,
    products,
    redemption,
    restore,
)
from desktop_app.core.errors import (
    BackupInvalid,
    DatabaseCorrupt,
    Forbidden,
    InvalidState,
    KeySlotMissing,
    LockedOut,
    OperatorDisabled,
    WrongPassword,
)
from desktop_app.core.lockout import FREE_FAILURES, MAX_PER_HOUR, LoginThrottle
from desktop_app.core.models import AuditEvent, Operator
from desktop_app.core.store import Shop, create_shop, database_path, open_shop

ROOT = Path(__file__).resolve().parents[1]


# --- operators -------------------------------------------------------------------------------


def test_disable_removes_the_slot_and_enable_needs_a_new_password(shop: Shop, shop_dir: Path
                                                                  ) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    auth.set_active(shop, clerk.id, False)
    with pytest.raises(KeySlotMissing):
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    auth.set_active(shop, clerk.id, True, "brand-new-pass")
    with open_shop(shop_dir, CLERK, "brand-new-pass") as again:
        assert again.operator.active


def test_last_owner_cannot_be_disabled(shop: Shop) -> None:
    with pytest.raises(InvalidState):
        auth.set_active(shop, shop.operator.id, False)
    second = auth.add_operator(shop, "Carol", "owner", "owner-two-pass")
    auth.set_active(shop, shop.operator.id, False)  # another owner remains
    with pytest.raises(InvalidState):
        auth.set_active(shop, second.id, False)


def test_reset_and_change_password(shop: Shop, shop_dir: Path) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    auth.reset_password(shop, clerk.id, "reset-by-owner")
    with pytest.raises(WrongPassword):
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)
    with open_shop(shop_dir, CLERK, "reset-by-owner") as as_clerk:
        with pytest.raises(WrongPassword):
            auth.change_own_password(as_clerk, "wrong-current", "whatever-123")
        auth.change_own_password(as_clerk, "reset-by-owner", "clerk-chose-this")
    open_shop(shop_dir, CLERK, "clerk-chose-this").close()


def test_disabled_while_logged_in_is_refused_at_open(shop: Shop, shop_dir: Path) -> None:
    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    Operator.update(active=False).where(Operator.id == clerk.id).execute()
    with pytest.raises(OperatorDisabled):
        open_shop(shop_dir, CLERK, CLERK_PASSWORD)


# --- login throttling ------------------------------------------------------------------------


def test_waits_grow_after_five_failures_and_refuse_the_right_password(tmp_path: Path) -> None:
    now = [1_000_000.0]
    throttle = LoginThrottle(tmp_path, clock=lambda: now[0])
    for _ in range(FREE_FAILURES):
        throttle.check("bob")
        throttle.failed("bob")
    waits = []
    for _ in range(4):
        waits.append(throttle.wait_seconds("Bob"))
        with pytest.raises(LockedOut) as locked:
            throttle.check("BOB")
        assert locked.value.params["seconds"] == int(waits[-1])
        now[0] += waits[-1]
        throttle.check("bob")
        throttle.failed("bob")
    assert waits == [30, 60, 300, 900]
    throttle.succeeded("bob")
    assert throttle.wait_seconds("bob") == 0


def test_at_most_a_hundred_failures_an_hour(tmp_path: Path) -> None:
    now = [0.0]
    throttle = LoginThrottle(tmp_path, clock=lambda: now[0])
    for _ in range(MAX_PER_HOUR):
        throttle.failed("eve")
        now[0] += 1
    throttle_wait = throttle.wait_seconds("eve")
    assert throttle_wait >= 3600 - MAX_PER_HOUR


def test_locked_out_operator_cannot_open_even_with_the_right_password(shop: Shop,
                                                                       shop_dir: Path) -> None:
    shop.close()
    for _ in range(FREE_FAILURES):
        with pytest.raises(WrongPassword):
            open_shop(shop_dir, OWNER, "guess-guess")
    with pytest.raises(LockedOut):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    assert b"Alice" not in (shop_dir / "lockout.json").read_bytes()  # slot names only


# --- the audit chain ---------------------------------------------------------------------


def _events(shop: Shop) -> list[AuditEvent]:
    product = products.add_product(shop, "Wash", "10.00", uses=2)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    redemption.redeem(shop, issued[0].payload, "c")
    return list(AuditEvent.select().order_by(AuditEvent.id))


def test_every_change_is_in_an_intact_chain(shop: Shop) -> None:
    kinds = [e.kind for e in _events(shop)]
    assert kinds == ["product_add", "order_create", "order_pay", "redeem"]
    assert audit.verify_shop(shop) == []


def test_an_edited_event_is_named(shop: Shop) -> None:
    events = _events(shop)
    AuditEvent.update(detail='{"price_cents": 1}').where(AuditEvent.id == events[0].id).execute()
    assert audit.verify_chain() == [audit.ChainProblem(events[0].id, "hash_mismatch")]


def test_a_deleted_event_is_named(shop: Shop) -> None:
    events = _events(shop)
    AuditEvent.delete().where(AuditEvent.id == events[1].id).execute()
    assert audit.verify_chain() == [audit.ChainProblem(events[2].id, "broken_link")]


def test_reordered_events_are_named(shop: Shop) -> None:
    events = _events(shop)
    first, second = events[1], events[2]
    swap = {f: getattr(second, f) for f in ("at", "kind", "subject", "detail", "prev_hash",
                                            "hash")}
    AuditEvent.update(hash="tmp1").where(AuditEvent.id == first.id).execute()
    AuditEvent.update(hash="tmp2").where(AuditEvent.id == second.id).execute()
    AuditEvent.update(**{f: getattr(first, f) for f in swap}).where(
        AuditEvent.id == second.id).execute()
    AuditEvent.update(**swap).where(AuditEvent.id == first.id).execute()
    problems = audit.verify_chain()
    assert {p.event_id for p in problems} >= {first.id, second.id}
    assert all(p.problem == "broken_link" for p in problems)


def test_deleting_the_newest_event_is_caught_by_the_anchor(shop: Shop) -> None:
    events = _events(shop)
    AuditEvent.delete().where(AuditEvent.id == events[-1].id).execute()
    assert audit.verify_chain() == []  # the chain alone cannot see a truncated tail
    assert audit.verify_shop(shop) == ["anchor: rolled_back", "witness_computer: rolled_back"]


def test_a_file_rolled_back_to_an_older_copy_is_detected(shop: Shop, shop_dir: Path,
                                                         tmp_path: Path) -> None:
    products.add_product(shop, "Before", "1.00")
    shop.close()
    old_copy = tmp_path / "old.db"
    shutil.copy(database_path(shop_dir), old_copy)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        products.add_product(again, "After", "1.00")
    shutil.copy(old_copy, database_path(shop_dir))
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as rolled:
        assert rolled.integrity_problem == "rolled_back"
        assert "anchor: rolled_back" in audit.verify_shop(rolled)


def test_any_single_rolled_back_page_of_a_redemption_is_detected(shop: Shop, shop_dir: Path
                                                                  ) -> None:
    """A copy taken before a redemption, one page of it put back afterwards (say, to make a
    used voucher valid again): SQLCipher's page MACs accept the older genuine page, so the
    cross-checks, the chain or the anchor must catch it, whichever page it is."""
    issued = [sell_one(shop) for _ in range(3)]
    shop.close()
    path = database_path(shop_dir)
    old = path.read_bytes()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        for voucher in issued:
            assert redemption.redeem(again, voucher.payload, "c").ok
    new = path.read_bytes()
    page = 4096
    changed = [i for i in range(min(len(old), len(new)) // page)
               if old[i * page : (i + 1) * page] != new[i * page : (i + 1) * page]]
    assert len(changed) >= 3
    missed = []
    for index in changed:
        mixed = bytearray(new)
        mixed[index * page : (index + 1) * page] = old[index * page : (index + 1) * page]
        path.write_bytes(bytes(mixed))
        try:
            with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as opened:
                if not (opened.integrity_problem or audit.verify_shop(opened)):
                    missed.append(index)
        except DatabaseCorrupt:
            pass  # refusing to open is detection too
        for hold in integrity.hold_files(shop_dir, shop.shop_id):
            hold.unlink(missing_ok=True)  # each page is judged on its own
    path.write_bytes(new)
    assert missed == []


_NUMBERS = itertools.count(1)  # product names are unique in a shop

def sell_one(shop: Shop) -> fulfilment.IssuedVoucher:
    product = products.add_product(shop, f"Pass #{next(_NUMBERS)}", "10.00", uses=1)
    return fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)[0]


def test_a_lost_wal_frame_is_detected(shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """A crash copy whose WAL lost its last frames: the committed tail is gone."""
    shop.db.execute_sql("PRAGMA wal_autocheckpoint=0")
    shop.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(5):
        products.add_product(shop, f"In the WAL {i}", "1.00")
    crash = tmp_path / "crash"
    crash.mkdir()
    for name in ("shop.db", "shop.db-wal", "keyslots.json", "anchor.bin"):
        shutil.copy(shop_dir / name, crash / name)
    wal = crash / "shop.db-wal"
    frame = 24 + 4096
    wal.write_bytes(wal.read_bytes()[: -frame])  # drop the last frame: that commit is lost
    with open_shop(crash, OWNER, OWNER_PASSWORD) as opened:
        assert opened.integrity_problem == "rolled_back"


# --- backups ------------------------------------------------------------------------------


def test_backup_round_trip_keeps_everything_encrypted(shop: Shop, shop_dir: Path,
                                                      tmp_path: Path) -> None:
    product = products.add_product(shop, "BACKEDUPNAME", "10.00")
    out = backup.write_backup(shop, tmp_path / "b" / "shop.vsbackup")
    assert b"BACKEDUPNAME" not in out.read_bytes()
    products.set_archived(shop, product.id, True)
    products.add_product(shop, "Made after the backup", "1.00")
    shop.close()
    aside = restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert aside is not None and (aside / "shop.db").exists()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert [p.name for p in products.list_products(restored)] == ["BACKEDUPNAME"]
        assert restored.integrity_problem is None
        assert audit.verify_shop(restored) == []


def test_restore_into_an_empty_folder(shop: Shop, tmp_path: Path) -> None:
    products.add_product(shop, "Wash", "1.00")
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    assert restore.restore_backup(tmp_path / "new-pc", out, OWNER, OWNER_PASSWORD) is None
    open_shop(tmp_path / "new-pc", OWNER, OWNER_PASSWORD).close()


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_damaged_backups_are_refused_before_anything_changes(shop: Shop, shop_dir: Path,
                                                             tmp_path: Path, damage: str) -> None:
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    raw = bytearray(out.read_bytes())
    if damage == "flip":
        raw[len(raw) // 2] ^= 0x01
    elif damage == "truncate":
        raw = raw[: len(raw) - 5000]
    elif damage == "garbage":
        raw = bytearray(b"PK\x03\x04 not a backup at all" * 100)
    else:
        raw = bytearray()
    out.write_bytes(bytes(raw))
    shop.close()
    before = database_path(shop_dir).read_bytes()
    with pytest.raises(BackupInvalid):
        restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert database_path(shop_dir).read_bytes() == before
    assert not list(shop_dir.glob("before-restore-*"))


def test_foreign_backup_is_refused(shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    with create_shop(tmp_path / "other", "Other", "CNY", OWNER, OWNER_PASSWORD) as other:
        foreign = backup.write_backup(other, tmp_path / "foreign.vsbackup")
    shop.close()
    with pytest.raises(BackupInvalid) as err:
        restore.restore_backup(shop_dir, foreign, OWNER, OWNER_PASSWORD)
    assert err.value.params["problem"] == "foreign"


def test_restore_needs_an_owner_password_of_the_backup(shop: Shop, shop_dir: Path,
                                                       tmp_path: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    shop.close()
    with pytest.raises(WrongPassword):
        restore.restore_backup(shop_dir, out, OWNER, "wrong-wrong")
    from desktop_app.core.errors import Forbidden

    with pytest.raises(Forbidden):
        restore.restore_backup(shop_dir, out, CLERK, CLERK_PASSWORD)


def test_rotation_keeps_seven_daily_and_four_weekly() -> None:
    start = dt.datetime(2026, 1, 1, 18, tzinfo=dt.UTC)
    stamps = [start + dt.timedelta(days=d, hours=h) for d in range(60) for h in (0, 2)]
    keep = backup.backups_to_keep(stamps)
    assert len(keep) == 11
    newest = max(stamps)
    assert newest in keep
    daily = sorted(keep, reverse=True)[:7]
    assert [d.date() for d in daily] == [(newest - dt.timedelta(days=i)).date() for i in range(7)]
    assert all(d.hour == 20 for d in daily)  # the newest of each day


def test_auto_backup_prunes_old_files(shop: Shop, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    for days in range(1, 40):
        moment = dt.datetime.now(dt.UTC) - dt.timedelta(days=days)
        (folder / backup.backup_name(shop.shop_id, moment)).write_bytes(b"old")
    (folder / "unrelated.txt").write_text("keep me")
    out = backup.auto_backup(shop, folder)
    names = sorted(p.name for p in folder.iterdir())
    assert out.name in names and "unrelated.txt" in names
    witness = f"voucher-shop-{shop.shop_id[:8]}.witness"  # the chain's head, outside the shop
    assert witness in names
    assert len(names) == 11 + 1 + 1
    assert shop.setting("last_backup_at")


@pytest.mark.slow
def test_kill_during_backup_leaves_old_backup_and_database_intact(shop: Shop, shop_dir: Path,
                                                                   tmp_path: Path) -> None:
    product = products.add_product(shop, "Big", "1.00", "cardkey")
    cardkeys.import_card_keys(shop, product.id,
                               "\n".join(f"KEY-{i:06d}-{'x' * 200}" for i in range(20000)))
    out = tmp_path / "shop.vsbackup"
    backup.write_backup(shop, out)
    old = out.read_bytes()
    shop.close()
    script = ("import sys; from pathlib import Path; from desktop_app.core import backup;"
              "from desktop_app.core.store import open_shop;"
              f"s = open_shop(Path({str(shop_dir)!r}), {OWNER!r}, {OWNER_PASSWORD!r});"
              "print('ready', flush=True);"
              f"[backup.write_backup(s, Path({str(out)!r})) for _ in range(50)]")
    for delay in (0.05, 0.2, 0.5):
        proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        info = backup.read_backup(out)  # whole: the old one or a complete new one
        assert info.shop_id and len(out.read_bytes()) >= len(old) - 4096
        # A killed writer may leave its temporary file (nothing can clean up after kill -9);
        # the next backup removes stale ones. The backup itself is never half written.
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as again:
        assert audit.verify_shop(again) == []


def test_anchor_is_written_beside_the_key_slots(shop: Shop, shop_dir: Path) -> None:
    products.add_product(shop, "x", "1.00")
    head = anchor.current_head()
    record = anchor.read_record(shop_dir / "anchor.bin", shop.database_key)
    assert record is not None and record.head == head and head.event_id >= 1


# --- the audit viewer's queries, backup settings, restore pre-checks ------------------------


def test_list_events_filters_newest_first_and_pages(shop: Shop) -> None:
    from desktop_app.core.errors import Forbidden

    clerk = auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    events = _events(shop)
    rows = audit.list_events(shop)
    assert [r.id for r in rows] == sorted((e.id for e in events), reverse=True)
    assert rows[-1].kind == "operator_add" and rows[-1].operator == OWNER
    assert [r.kind for r in audit.list_events(shop, kind="redeem")] == ["redeem"]
    assert audit.list_events(shop, operator_id=clerk.id) == []
    first_page = audit.list_events(shop, limit=2)
    assert len(first_page) == 2
    rest = audit.list_events(shop, before_id=first_page[-1].id)
    assert [r.id for r in first_page + rest] == [r.id for r in rows]
    today = dt.date.today()
    assert len(audit.list_events(shop, start=today, end=today)) == len(rows)
    assert audit.list_events(shop, end=today - dt.timedelta(days=1)) == []
    assert audit.list_events(shop, start=today + dt.timedelta(days=1)) == []
    assert "redeem" in audit.event_kinds(shop)
    with open_shop(shop.data_dir, CLERK, CLERK_PASSWORD) as as_clerk:
        with pytest.raises(Forbidden):
            audit.list_events(as_clerk)
        with pytest.raises(Forbidden):
            backup.backup_status(as_clerk)
        assert backup.run_auto_backup(as_clerk) is None  # not switched on in this shop
    rebind(shop)


def rebind(shop: Shop) -> None:
    """A second shop opened in a test rebinds the models; bind them to ``shop`` again."""
    from desktop_app.core.store import reopen_shop

    reopen_shop(shop)


def test_backup_settings_are_audited_and_automatic_backups_refuse_a_missing_folder(
        shop: Shop, tmp_path: Path) -> None:
    from desktop_app.core.errors import InvalidInput

    assert backup.backup_status(shop) == backup.BackupStatus(shop.shop_id, "", False, None)
    assert backup.run_auto_backup(shop) is None  # off
    stick = tmp_path / "usb" / "backups"
    status = backup.set_backup_settings(shop, f"  {stick}  ", True)
    assert (status.folder, status.automatic) == (str(stick), True)
    assert audit.list_events(shop, kind="settings_change")[0].subject == "backup"
    with pytest.raises(InvalidInput) as err:
        backup.run_auto_backup(shop)
    assert err.value.params["problem"] == "folder_missing"
    assert not stick.exists()  # never created: that would hide the backup on the wrong disk
    stick.mkdir(parents=True)
    written = backup.run_auto_backup(shop)
    assert written is not None and written.parent == stick
    last = backup.backup_status(shop).last_at
    assert last is not None and dt.datetime.now(dt.UTC) - last < dt.timedelta(minutes=1)
    assert backup.run_auto_backup(shop, older_than=backup.DAILY) is None  # not due yet
    with pytest.raises(InvalidInput):
        backup.set_backup_settings(shop, " ", True)


def test_check_restore_refuses_without_touching_the_open_shop(shop: Shop, shop_dir: Path,
                                                               tmp_path: Path) -> None:
    from desktop_app.core.errors import Forbidden

    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    before = sorted(p.name for p in shop_dir.iterdir())
    info = restore.check_restore(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert info.shop_id == shop.shop_id
    with pytest.raises(WrongPassword):
        restore.check_restore(shop_dir, out, OWNER, "wrong-wrong")
    with pytest.raises(Forbidden):
        restore.check_restore(shop_dir, out, CLERK, CLERK_PASSWORD)
    with create_shop(tmp_path / "other", "Other", "CNY", OWNER, OWNER_PASSWORD) as other:
        foreign = backup.write_backup(other, tmp_path / "foreign.vsbackup")
    rebind(shop)
    with pytest.raises(BackupInvalid) as err:
        restore.check_restore(shop_dir, foreign, OWNER, OWNER_PASSWORD)
    assert err.value.params["problem"] == "foreign"
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    out.write_bytes(bytes(raw))
    with pytest.raises(BackupInvalid):
        restore.check_restore(shop_dir, out, OWNER, OWNER_PASSWORD)
    # Only the failure count changed: a wrong password at a restore counts like at a login.
    assert sorted(p.name for p in shop_dir.iterdir()) == sorted([*before, "lockout.json"])
    assert audit.verify_shop(shop) == []  # the open shop was never touched


def test_a_closed_shop_reopens_without_a_password(shop: Shop) -> None:
    from desktop_app.core.store import reopen_shop

    shop.close()
    reopened = reopen_shop(shop)
    assert reopened.name == "Test Shop 测试店"
    products.add_product(reopened, "After reopening", "1.00")
    assert audit.verify_shop(reopened) == []


def test_automatic_backups_run_in_a_clerk_session(shop: Shop, tmp_path: Path) -> None:
    """The owner switches them on for the shop; a shop run by clerks needs them most."""
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    folder = tmp_path / "usb"
    folder.mkdir()
    backup.set_backup_settings(shop, str(folder), True)
    with open_shop(shop.data_dir, CLERK, CLERK_PASSWORD) as as_clerk:
        made = backup.run_auto_backup(as_clerk)
        assert made is not None and made.parent == folder
        with pytest.raises(Forbidden):
            backup.write_backup(as_clerk, tmp_path / "by-hand.vsbackup")
    rebind(shop)
    assert backup.read_backup(made).shop_id == shop.shop_id


def test_a_password_change_keeps_slots_added_at_another_counter(shop: Shop, shop_dir: Path
                                                                ) -> None:
    """Each counter holds the slot file as read at login; a change must not drop another
    counter's newer slot."""
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as other_counter:
        auth.add_operator(other_counter, CLERK, "clerk", CLERK_PASSWORD)
    rebind(shop)
    auth.change_own_password(shop, OWNER_PASSWORD, "owner-new-pass-1")
    open_shop(shop_dir, CLERK, CLERK_PASSWORD).close()
    rebind(shop)


def test_a_change_saved_before_the_anchor_failed_is_not_reported_as_failed(
        shop: Shop, shop_dir: Path) -> None:
    """The commit is done when the anchor is written; a failing anchor write (a full disk)
    must not tell the cashier a redemption failed that in fact went through."""
    anchor_path = shop_dir / anchor.ANCHOR_FILE
    anchor_path.unlink()
    anchor_path.mkdir()  # the anchor cannot be replaced now
    product = products.add_product(shop, "Saved anyway", "1.00")
    assert shop.audit_dirty  # the next commit tries again
    anchor_path.rmdir()
    products.set_archived(shop, product.id, True)
    assert not shop.audit_dirty
    assert audit.verify_shop(shop) == []


def test_a_backup_whose_key_slots_are_damaged_is_refused_as_a_backup(
        shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """Checksum right (rewritten by whoever damaged it), key slots inside not JSON."""
    import hashlib
    import json

    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    raw = out.read_bytes()[:-32]
    start = len(backup.MAGIC) + 8
    size = int.from_bytes(raw[len(backup.MAGIC):start], "big")
    header = json.loads(raw[start:start + size])
    header["keyslots"] = "{not json"
    new_header = json.dumps(header).encode()
    body = backup.MAGIC + len(new_header).to_bytes(8, "big") + new_header + raw[start + size:]
    out.write_bytes(body + hashlib.sha256(body).digest())
    shop.close()
    for check in (restore.check_restore, restore.restore_backup):
        with pytest.raises(BackupInvalid) as err:
            check(shop_dir, out, OWNER, OWNER_PASSWORD)
        assert err.value.params["problem"] == "damaged"
    assert not list(shop_dir.glob("before-restore-*"))
