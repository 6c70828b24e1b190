"""Backups of older builds, and this build's backups in older builds (QA s19b).

F3: build 6fd055c (like every build before 250b66b) recorded a backup's ``backup`` event after
copying and wrote the witness beside the backup for that later head. Its newest backup,
restored on a new computer, was held as "a newer backup was written there… records are
lost". The committed fixture (tests/data/backup_v5, made by that build: see its README) is
restored here; a witness further ahead, or beside this build's backup, still holds.
F4: a backup of this build was taken by 6fd055c, which then could not open the shop it left.
Those builds read only header format 1; this build writes 2 and still reads 1.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest
from integrity_helpers import sell
from test_cli import as_json, run

from desktop_app.core import anchor, audit, backup, integrity, redemption, restore
from desktop_app.core.backup_format import MAGIC, BackupInfo, write_backup_file
from desktop_app.core.errors import BackupInvalid
from desktop_app.core.old_backup_witness import records_event_after_copy
from desktop_app.core.store import Shop, open_shop
from tests.conftest import OWNER, OWNER_PASSWORD

DATA = Path(__file__).parent / "data"
OLD_OWNER, OLD_PASSWORD = "owner", "fixture-owner-5"  # tests/data/make_backup_v5.py
OLD_PAYLOAD = (DATA / "backup_v5.payload.txt").read_text(encoding="ascii").strip()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """The old build's backup folder as it left it: its one backup and the witness beside."""
    folder = tmp_path / "usb"
    shutil.copytree(DATA / "backup_v5", folder)
    return folder


@pytest.fixture
def new_computer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "new-pc-witnesses"))
    return tmp_path / "new-pc"


def old_backup(folder: Path) -> Path:
    return next(folder.glob("*.vsbackup"))


def told(folder: Path, out: Path, operator: str = OLD_OWNER,
         password: str = OLD_PASSWORD) -> list[restore.RestoreLoss]:
    """What the app's question (before) and the restore itself say of restoring ``out``."""
    said = [restore.check_restore_and_loss(folder, out, operator, password)[1]]

    def confirm(loss: restore.RestoreLoss) -> bool:
        said.append(loss)
        return True

    restore.restore_backup(folder, out, operator, password, confirm=confirm)
    assert len(said) == 2
    return said


def copy_head(out: Path) -> anchor.Head:
    """The head the backup's copy holds, as its header's anchor names it."""
    data = json.loads(backup.read_backup(out).anchor)
    return anchor.Head(int(data["event_id"]), str(data["head"]))


def test_the_old_builds_newest_backup_restores_on_a_new_computer_not_held(
        usb: Path, new_computer: Path) -> None:
    out = old_backup(usb)
    info = backup.read_backup(out)
    assert (info.file_format, info.schema_version) == (1, 5)  # the old build's, as committed
    for loss in told(new_computer, out):
        assert not loss.stays_held and not loss.backup.witness_ahead
        assert loss.backup.newer_file == ""
    with open_shop(new_computer, OLD_OWNER, OLD_PASSWORD) as opened:
        assert opened.integrity_problems == []
        assert audit.verify_shop(opened) == []
        assert redemption.redeem(opened, OLD_PAYLOAD, "New PC").ok


def test_the_command_line_restores_it_not_held(usb: Path, tmp_path: Path) -> None:
    env = {"SHOP_OPERATOR": OLD_OWNER, "SHOP_PASSWORD": OLD_PASSWORD,
           "SHOP_WITNESS_DIR": str(tmp_path / "cli-witnesses")}
    restored = run(tmp_path / "cli-pc", "restore", str(old_backup(usb)), "--yes", "--json",
                   env=env)
    assert restored.returncode == 0, restored.stderr
    assert as_json(restored)["held"] is False
    assert run(tmp_path / "cli-pc", "redeem", OLD_PAYLOAD, "--json", env=env).returncode == 0


def test_a_witness_beside_it_two_events_ahead_still_holds(usb: Path, tmp_path: Path,
                                                          new_computer: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """Something recorded after the old backup's own event is lost with it: held."""
    out = old_backup(usb)
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "scratch-witnesses"))
    restore.restore_backup(tmp_path / "scratch", out, OLD_OWNER, OLD_PASSWORD)
    with open_shop(tmp_path / "scratch", OLD_OWNER, OLD_PASSWORD) as scratch:
        key = scratch.database_key
    head = copy_head(out)
    anchor.write_record(integrity.backup_witness_path(usb, backup.read_backup(out).shop_id),
                        key, anchor.Head(head.event_id + 2, "cd" * 32), sync=True,
                        rebase=True)
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "new-pc-witnesses"))
    for loss in told(new_computer, out):
        assert loss.stays_held and loss.backup.witness_ahead
    with open_shop(new_computer, OLD_OWNER, OLD_PASSWORD) as opened:
        assert any("witness_backup" in p for p in opened.integrity_problems)


def test_this_builds_backup_with_its_witness_one_event_ahead_still_holds(
        shop: Shop, tmp_path: Path, new_computer: Path) -> None:
    """This build's copy holds its own event: one event more beside it is a redemption
    made after it, lost with it (its witness moved by a later backup's folder write)."""
    voucher = sell(shop)[0]
    folder = tmp_path / "stick"
    folder.mkdir()
    out = backup.write_backup(shop, folder / "monday.vsbackup")
    assert copy_head(out) == anchor.current_head()
    redemption.redeem(shop, voucher.payload, "Old PC")
    assert anchor.current_head().event_id == copy_head(out).event_id + 1
    integrity.write_witness(folder, shop)
    for loss in told(new_computer, out, OWNER, OWNER_PASSWORD):
        assert loss.stays_held and loss.backup.witness_ahead


def test_which_backups_recorded_their_event_after_copying(usb: Path) -> None:
    old = backup.read_backup(old_backup(usb))
    name = old.path.name

    def of(file_format: int, schema: int) -> BackupInfo:
        return dataclasses.replace(old, file_format=file_format, schema_version=schema)

    assert records_event_after_copy(of(1, 5), "redeem", "")
    assert records_event_after_copy(of(1, 8), "backup", name)  # the same name overwritten
    assert records_event_after_copy(of(1, 9), "backup", "another.vsbackup")
    assert not records_event_after_copy(of(1, 9), "backup", name)  # its own: the later way
    assert not records_event_after_copy(of(1, 10), "redeem", "")
    assert not records_event_after_copy(of(2, 5), "redeem", "")


def header_of(path: Path) -> dict[str, object]:
    raw = path.read_bytes()
    length = int.from_bytes(raw[len(MAGIC):len(MAGIC) + 8], "big")
    header: dict[str, object] = json.loads(raw[len(MAGIC) + 8:len(MAGIC) + 8 + length])
    return header


def test_a_new_backup_carries_a_format_the_older_builds_refuse(shop: Shop,
                                                                tmp_path: Path) -> None:
    """6d841fe and 6fd055c read the same magic line, then refuse as damaged any header whose
    "format" is not 1, before they touch anything (``header["format"] != 1``)."""
    out = backup.write_backup(shop, tmp_path / "new.vsbackup")
    assert out.read_bytes().startswith(b"VOUCHER-SHOP-BACKUP 1\n")
    assert header_of(out)["format"] == 2
    assert backup.read_backup(out).file_format == 2


def test_older_backups_still_read_and_an_unknown_format_is_refused(usb: Path,
                                                                    tmp_path: Path) -> None:
    old = old_backup(usb)
    assert header_of(old)["format"] == 1
    assert backup.read_backup(old).file_format == 1
    database = tmp_path / "copy.db"
    database.write_bytes(b"x" * 100)
    header = {**header_of(old), "format": 3}
    header.pop("database_size")
    with (tmp_path / "future.vsbackup").open("wb") as target:
        write_backup_file(target, header, database)
    with pytest.raises(BackupInvalid) as refused:
        backup.read_backup(tmp_path / "future.vsbackup")
    assert refused.value.params["problem"] == "damaged"
