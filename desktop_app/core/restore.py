"""Restoring a backup: its checks, then the files replaced.

A restore replaces the shop's files with a backup's only after proving the copy whole and the
restoring operator an owner in it; what the backup lacks is counted (``restore_loss``) and
what must never be undone is carried into the copy (``restore_carry``); the replaced files
are kept aside.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from peewee import DatabaseError

from desktop_app.core import (
    anchor,
    audit,
    hold_record,
    integrity,
    migrations,
    old_backup_witness,
    restore_facts,
    restore_journal,
    restore_notice,
    schema_upgrade,
    shoplock,
)
from desktop_app.core.backup_format import BackupInfo, copy_database, read_backup
from desktop_app.core.cipher_files import unbound
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import (
    BackupInvalid,
    Forbidden,
    RestoreNotConfirmed,
    ShopError,
    name_database_error,
)
from desktop_app.core.file_connection import require_no_other_connection
from desktop_app.core.fileio import raise_for_os_error
from desktop_app.core.keyslots import KeySlotFile, normalize_operator
from desktop_app.core.models import Operator
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE, prepare_data_dir
from desktop_app.core.restore_aside import aside_carried
from desktop_app.core.restore_carry import carry_newer, models_bound_to
from desktop_app.core.restore_loss import RestoreLoss as RestoreLoss
from desktop_app.core.restore_loss import what_backup_lacks
from desktop_app.core.restore_unlock import current_shop_id as current_shop_id
from desktop_app.core.restore_unlock import older_passwords, unlock_throttled
from desktop_app.core.store import Shop

log = logging.getLogger(__name__)


def _check_restored(path: Path, key: bytes, info: BackupInfo, operator: str) -> None:
    """Open the restored copy and prove it whole before it replaces anything; a backup of an
    older version is proven as far as its version reads (pages, structure, chain, anchor)
    and then upgraded as an open would upgrade the shop, so that the full check, the carry
    and what it tells ``confirm`` read it as this version's (QA s19b F1)."""
    db = unbound(path, key)
    try:
        with models_bound_to(db):
            older = 0 < migrations.current_version(db) < migrations.CURRENT_VERSION
            if older:
                _refuse_problems(audit.verify_database(db, key, info.anchor, any_version=True))
            row = Operator.get_or_none(Operator.slot_name == normalize_operator(operator))
            if row is None or row.role != "owner" or not row.active:
                raise Forbidden(action="restore")
            if older:
                slots = KeySlotFile.load(path.parent / KEYSLOTS_FILE)
                schema_upgrade.upgrade_copy(Shop(path.parent, db, row, slots, key))
            _refuse_problems(audit.verify_database(db, key, info.anchor))
    except DatabaseError as exc:
        log.error("backup check failed: %s", name_database_error(exc))
        raise BackupInvalid(problem="damaged") from exc


def _refuse_problems(problems: list[str]) -> None:
    if problems:
        log.error("backup check failed: %s", problems[:5])
        raise BackupInvalid(problem="damaged")


def restore_backup(data_dir: Path, backup: Path, operator: str, password: str,
                   confirm: Callable[[RestoreLoss], bool] | None = None, *,
                   recovery_key: str | None = None) -> Path | None:
    """Replace the shop in ``data_dir`` with ``backup`` after checking it whole.

    Refused while any process has the shop open (``ShopInUse``), under the login's limit on
    guessing; ``recovery_key``, where given, unlocks the backup instead of the password.
    ``confirm`` is told what the backup lacks and may refuse (``RestoreNotConfirmed``); then
    nothing has changed. What no restore may undo is carried
    over (``restore_carry``): redemptions, voids, card keys handed out, operators disabled.
    The current files are kept aside in a ``before-restore-…`` folder, whose path is returned
    (None when there was no shop).
    """
    info = read_restorable(backup)
    data_dir = prepare_data_dir(data_dir, create=True)
    alone = shoplock.hold_alone(data_dir)
    try:
        return _restore_alone(data_dir, backup, info, operator, password, confirm,
                              recovery_key)
    finally:
        alone.release()


def read_restorable(backup: Path) -> BackupInfo:
    """``backup`` read and checked whole, and one this version can open: a newer version's
    (its schema above this one's) would leave a shop that will not open here (QA s12c F4)."""
    info = read_backup(backup)
    if info.schema_version > migrations.CURRENT_VERSION:
        raise BackupInvalid(problem="newer_version", path=str(backup),
                            found=info.schema_version, supported=migrations.CURRENT_VERSION)
    return info


def _restore_alone(data_dir: Path, backup: Path, info: BackupInfo, operator: str,
                   password: str, confirm: Callable[[RestoreLoss], bool] | None,
                   recovery_key: str | None) -> Path | None:
    restore_journal.settle_alone(data_dir, None)  # undone: this restore is the one to run
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    current = data_dir / DATABASE_FILE
    try:
        key = unlock_throttled(info, data_dir, staging, operator, password, backup,
                               recovery_key)
        restore_journal.finish_pending(data_dir, key)  # one whose files are in: finished
        require_no_other_connection(current, key, str(data_dir))  # a first version's too
        copy_database(info, staging / DATABASE_FILE)
        restored = staging / DATABASE_FILE
        # Read before the check upgrades the copy: an upgrade adds an event after its newest.
        own = old_backup_witness.own_event_beside(info, restored, key)
        _check_restored(restored, key, info, operator)
        # Data an earlier restore put aside and carried whole explains a witness ahead of
        # both: that restore stopped before the witnesses followed it (QA s12a F2).
        carried = [p for p in [aside_carried(data_dir, current, key)] if p is not None]
        # The witnesses the next open reads, the backup's folder's too: "held" now is what
        # that open decides, not a surprise at the next scan (QA s18a F3).
        holders = _witnessed(data_dir, key, info, restored, [restored, current, *carried], own)
        beyond_both = any(not held for held in holders.values())
        beyond_backup = any(restored not in held for held in holders.values())
        facts = restore_facts.backup_facts(info, restored, key, holders)  # before a carry
        # The question tells what the carry found: a current database that turned out
        # unreadable during it is "unknown", not the counts read before (QA s10a F6). Then
        # nothing of it was carried, so what a witness saw beyond the backup is lost, even
        # if the damaged file still holds it: the shop stays held (QA s11a F7).
        loss = carry_newer(staging, current, key, operator)
        loss = replace(loss, stays_held=beyond_both if loss.readable else beyond_backup,
                       into_empty=restore_facts.holds_no_shop(current), backup=facts,
                       **_passwords_brought_back(staging, data_dir))
        if confirm is not None and not confirm(loss):
            raise RestoreNotConfirmed()
        for name in (KEYSLOTS_FILE, DATABASE_FILE):
            os.chmod(staging / name, 0o600)
        aside = _swap_in(data_dir, staging, key, info, loss.stays_held)
        # Not an older copy put back (QA s19a F7); nor a folder that held no shop, whose
        # newer records are elsewhere, not unreadable here (QA s42a F7)
        if loss.stays_held and not loss.readable and not loss.into_empty:
            hold_record.mark_replaced_unreadable(data_dir)
        elif loss.stays_held and facts.newer_file:
            hold_record.note_newer_backup(data_dir, Path(facts.newer_file).name)
        restore_facts.keep_watching(facts, info)
    except OSError as exc:
        raise_for_os_error(exc, data_dir)
    except ShopError as exc:
        named = _in_shop_folder(exc, staging, data_dir)
        if named is None:
            raise
        raise named from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("restored a backup made %s", info.created_at.isoformat())
    return aside


def _witnessed(data_dir: Path, key: bytes, info: BackupInfo, restored: Path,
               databases: list[Path], own: anchor.Head | None) -> dict[anchor.Head, set[Path]]:
    """Which of ``databases`` hold each event a witness vouches for, the backup's folder's
    witness among them; the copy ``restored`` stands for ``own``, an older build's backup
    event the witness beside it vouches for, recorded after copying (QA s19b F3)."""
    holders = integrity.witnessed_holders(data_dir, key, info.shop_id, databases,
                                          restore_facts.watched_folders(info.path, restored, key))
    return old_backup_witness.held_by_backup(holders, own, restored)


def _in_shop_folder(exc: ShopError, staging: Path, data_dir: Path) -> ShopError | None:
    """``exc`` naming its file by its place in the shop's folder where it named one in the
    staging folder, gone by the time anyone reads it (QA s10a F6); None when it names none."""
    path = str(exc.params.get("path", ""))
    if not path.startswith(str(staging)):
        return None
    return type(exc)(**{**exc.params, "path": str(data_dir) + path[len(str(staging)):]})


def _swap_in(data_dir: Path, staging: Path, key: bytes, info: BackupInfo, behind: bool
             ) -> Path | None:
    """The current files aside, the restored ones in, the witnesses re-based: under a journal,
    so that a crash at any point is finished or undone at the next open (``restore_journal``).
    What an earlier restore left to tell goes: the shop is this backup now. The aside folder;
    None when there was no shop."""
    shop_id, now = info.shop_id, utc_now()
    present = [data_dir / n for n in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm",
                                      KEYSLOTS_FILE, anchor.ANCHOR_FILE, anchor.LEGACY_ANCHOR_FILE,
                                      integrity.HOLD_FILE) if (data_dir / n).exists()]
    aside = data_dir / f"before-restore-{now.strftime('%Y%m%d-%H%M%S-%f')}"
    restore_journal.begin(data_dir, restore_journal.Journal(
        staging=staging.name, aside=aside.name if present else None, shop_id=shop_id,
        behind=behind, started_at=now.isoformat(), backup_made_at=info.created_at.isoformat()))
    if present:
        aside.mkdir()
        for path in present:
            os.replace(path, aside / path.name)
        restore_journal.sync(data_dir)
    for name in restore_journal.RESTORED_FILES:
        os.replace(staging / name, data_dir / name)
    restore_journal.sync(data_dir)
    integrity.after_restore(data_dir, key, shop_id, behind=behind)
    restore_journal.end(data_dir)
    restore_notice.clear(data_dir)
    return aside if present else None


def check_restore(data_dir: Path, backup: Path, operator: str, password: str, *,
                  recovery_key: str | None = None) -> BackupInfo:
    """What ``restore_backup`` checks before it touches anything, short of opening the copy
    through the shop's models: the file is whole and this shop's, ``operator``'s password
    opens it (under the login's limit on guessing), and ``operator`` is an active owner in it.

    Runs while the shop is still open, so the app can refuse a bad file or password without
    closing the shop first; ``restore_backup`` checks everything again, and more.
    """
    return check_restore_and_loss(data_dir, backup, operator, password,
                                  recovery_key=recovery_key)[0]


def check_restore_and_loss(data_dir: Path, backup: Path, operator: str, password: str, *,
                           recovery_key: str | None = None) -> tuple[BackupInfo, RestoreLoss]:
    """``check_restore``, and what the backup lacks against the shop as it is now."""
    info = read_restorable(backup)
    with tempfile.TemporaryDirectory(prefix="voucher-check-") as tmp:
        key = unlock_throttled(info, Path(data_dir), Path(tmp), operator, password, backup,
                               recovery_key)
        staged_db = Path(tmp) / DATABASE_FILE
        copy_database(info, staged_db)
        _check_owner_in_copy(staged_db, key, operator, backup)
        loss = replace(_loss_and_hold(Path(data_dir), staged_db, key, info),
                       **_passwords_brought_back(Path(tmp), Path(data_dir)))
    return info, loss


def _passwords_brought_back(staging: Path, data_dir: Path) -> dict[str, Any]:
    """The ``RestoreLoss`` fields of the passwords the backup's key slots bring back."""
    changed, older_key = older_passwords(KeySlotFile.load(staging / KEYSLOTS_FILE), data_dir)
    return {"older_passwords": changed, "older_recovery_key": older_key}


def _loss_and_hold(data_dir: Path, staged_db: Path, key: bytes, info: BackupInfo
                   ) -> RestoreLoss:
    """What the backup lacks, and whether the shop stays held, as ``_restore_alone`` finds."""
    current = data_dir / DATABASE_FILE
    carried = [p for p in [aside_carried(data_dir, current, key)] if p is not None]
    holders = _witnessed(data_dir, key, info, staged_db, [staged_db, current, *carried],
                         old_backup_witness.own_event_beside(info, staged_db, key))
    loss = what_backup_lacks(staged_db, current, key)
    # As the restore decides: over data it cannot read, what the copy lacks stays held.
    stays = any((staged_db not in found) if not loss.readable else not found
                for found in holders.values())
    return replace(loss, stays_held=stays, into_empty=restore_facts.holds_no_shop(current),
                   backup=restore_facts.backup_facts(info, staged_db, key, holders))


def _check_owner_in_copy(path: Path, key: bytes, operator: str, backup: Path) -> None:
    # Plain SQL, not the models: they are bound to the shop that is open meanwhile.
    db = unbound(path, key)
    try:
        pages = [r[0] for r in db.execute_sql("PRAGMA cipher_integrity_check")]
        structure = [r[0] for r in db.execute_sql("PRAGMA quick_check") if r[0] != "ok"]
        if pages or structure:
            raise BackupInvalid(problem="damaged", path=str(backup))
        row = db.execute_sql("SELECT role, active FROM operator WHERE slot_name = ?",
                             (normalize_operator(operator),)).fetchone()
    except DatabaseError as exc:
        raise BackupInvalid(problem="damaged", path=str(backup)) from exc
    finally:
        db.close()
    if row is None or row[0] != "owner" or not row[1]:
        raise Forbidden(action="restore")
