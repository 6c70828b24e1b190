"""Backups and restore: encrypted round trips, damaged and foreign backups refused,
rotation, automatic backups and their settings, restore pre-checks."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

from desktop_app.core import audit, auth, backup, cardkeys, products, restore
from desktop_app.core.errors import BackupInvalid, Forbidden, WrongPassword
from desktop_app.core.store import Shop, create_shop, database_path, open_shop

ROOT = Path(__file__).resolve().parents[1]


def assert_restore_refused_changing_nothing(shop: Shop, shop_dir: Path, out: Path) -> None:
    """Restoring ``out`` into the (closed) shop is refused, its database as it was, nothing
    set aside."""
    shop.close()
    before = database_path(shop_dir).read_bytes()
    with pytest.raises(BackupInvalid):
        restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    assert database_path(shop_dir).read_bytes() == before
    assert not list(shop_dir.glob("before-restore-*"))


def rebind(shop: Shop) -> None:
    """A second shop opened in a test rebinds the models; bind them to ``shop`` again."""
    from desktop_app.core.store import reopen_shop

    reopen_shop(shop)


# --- backups ------------------------------------------------------------------------------


def test_backup_round_trip_keeps_everything_encrypted(shop: Shop, shop_dir: Path,
                                                      tmp_path: Path) -> None:
    product = products.add_product(shop, "BACKEDUPNAME", "10.00")
    (tmp_path / "b").mkdir()
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
    assert_restore_refused_changing_nothing(shop, shop_dir, out)


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
    # an owner's own backup, made in that folder before a risky change (QA s39a F23)
    manual = backup.manual_backup_name(shop.shop_id, dt.datetime.now(dt.UTC)
                                       - dt.timedelta(days=30))
    backup.write_backup(shop, folder / manual)
    out = backup.auto_backup(shop, folder)
    names = sorted(p.name for p in folder.iterdir())
    assert out.name in names and "unrelated.txt" in names and manual in names
    names.remove(manual)
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


# --- backup settings, restore pre-checks ------------------------------------------------------


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
