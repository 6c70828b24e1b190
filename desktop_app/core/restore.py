"""Restoring a backup: its checks, what it lacks against the shop, and what it carries over.

A restore replaces the shop's files with a backup's only after proving the copy whole and the
restoring operator an owner in it; redemptions and operators disabled since the backup are
carried into the copy, and the replaced files are kept aside.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from peewee import DatabaseError
from playhouse.sqlcipher_ext import SqlCipherDatabase

from desktop_app.core import anchor, audit, integrity, shoplock
from desktop_app.core.backup import BackupInfo, read_backup
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import (
    BackupInvalid,
    Forbidden,
    KeySlotsDamaged,
    NoShop,
    RestoreNotConfirmed,
    WrongPassword,
)
from desktop_app.core.fileio import raise_for_os_error
from desktop_app.core.keyslots import KeySlotFile, normalize_operator
from desktop_app.core.lockout import LoginThrottle, login_source
from desktop_app.core.models import Operator, database_proxy
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE, prepare_data_dir
from desktop_app.core.store import Shop

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreLoss:
    """What a backup lacks against the shop it replaces, counted from the current database;
    ``readable`` False when that could not be read (missing, damaged, another history)."""

    readable: bool
    redemptions: int = 0  # uses consumed since the backup (carried over, never lost)
    orders: int = 0  # orders created since the backup (lost)
    operator_changes: int = 0  # operators added, disabled, enabled, passwords changed
    events: int = 0  # every audited change since the backup (writing a backup is none)
    # A witness saw records neither the backup nor the current data holds (the shop was put
    # back to an older copy): redemptions among them cannot be carried over, so the restored
    # shop stays on hold until an owner acknowledges (``integrity.witnessed_beyond``).
    stays_held: bool = False

    @property
    def anything(self) -> bool:
        return not self.readable or self.events > 0 or self.stays_held


@contextlib.contextmanager
def _models_bound_to(db: SqlCipherDatabase) -> Iterator[None]:
    previous = database_proxy.obj
    database_proxy.initialize(db)
    try:
        yield
    finally:
        db.close()
        database_proxy.initialize(previous)


def _check_restored(path: Path, key: bytes, info: BackupInfo, operator: str) -> None:
    """Open the restored copy and prove it whole before it replaces anything."""
    db = SqlCipherDatabase(str(path), passphrase=f"x'{key.hex()}'")
    try:
        with _models_bound_to(db):
            problems = audit.verify_database(db, key, info.anchor)
            if problems:
                log.error("backup check failed: %s", problems[:5])
                raise BackupInvalid(problem="damaged")
            row = Operator.get_or_none(Operator.slot_name == normalize_operator(operator))
            if row is None or row.role != "owner" or not row.active:
                raise Forbidden(action="restore")
    except DatabaseError as exc:
        raise BackupInvalid(problem="damaged") from exc


def _attach_current(db: SqlCipherDatabase, current: Path, key: bytes) -> bool:
    """Attach the shop's current database to ``db`` (the restored copy) as ``current``, if
    it exists, opens with the backup's key and continues the backup's history."""
    if not current.exists() or current.stat().st_size == 0:
        return False
    try:
        db.execute_sql("ATTACH DATABASE ? AS current KEY ?", (str(current), f"x'{key.hex()}'"))
    except DatabaseError:
        return False
    try:
        last = db.execute_sql("SELECT id, hash FROM main.audit_event ORDER BY id DESC LIMIT 1"
                              ).fetchone()
        same = last is None or db.execute_sql(
            "SELECT hash FROM current.audit_event WHERE id = ?", (last[0],)).fetchone() == (
            last[1],)
    except DatabaseError:
        same = False
    if not same:
        db.execute_sql("DETACH DATABASE current")
    return same


def _max_id(db: SqlCipherDatabase, table: str) -> int:
    return int(db.execute_sql(f'SELECT coalesce(max(id), 0) FROM main."{table}"').fetchone()[0])


def _count_newer(db: SqlCipherDatabase, table: str, where: str = "1") -> int:
    return int(db.execute_sql(
        f'SELECT count(*) FROM current."{table}" WHERE id > ? AND {where}',
        (_max_id(db, table),)).fetchone()[0])


def _loss(db: SqlCipherDatabase) -> RestoreLoss:
    return RestoreLoss(
        True, redemptions=_count_newer(db, "redemption_attempt", "ok = 1"),
        orders=_count_newer(db, "order"),
        operator_changes=_count_newer(db, "audit_event", "kind LIKE 'operator%'"),
        events=_count_newer(db, "audit_event", "kind NOT IN ('backup', 'export')"))


def what_backup_lacks(restored: Path, current: Path, key: bytes) -> RestoreLoss:
    """What restoring ``restored`` over ``current`` would lose, read with plain SQL (the
    models may be bound to the open shop meanwhile)."""
    db = SqlCipherDatabase(str(restored), passphrase=f"x'{key.hex()}'")
    try:
        if not _attach_current(db, current, key):
            return RestoreLoss(False)
        return _loss(db)
    except DatabaseError:
        return RestoreLoss(False)
    finally:
        db.close()


def _carry_newer(staging: Path, current: Path, key: bytes, operator: str) -> RestoreLoss:
    """Bring into the restored copy what a restore must never undo: every redemption
    attempt since the backup (so no voucher redeemed since redeems again) with its vouchers'
    uses left, and every operator disabled since (stays disabled, key slot removed).
    Audited in the copy as ``restore_carry``. The current history must continue the
    backup's; otherwise nothing can be matched and nothing is carried."""
    db = SqlCipherDatabase(str(staging / DATABASE_FILE), passphrase=f"x'{key.hex()}'")
    with _models_bound_to(db):
        if not _attach_current(db, current, key):
            return RestoreLoss(False)
        loss = _loss(db)
        slots = KeySlotFile.load(staging / KEYSLOTS_FILE)
        owner = Operator.get(Operator.slot_name == normalize_operator(operator))
        shop = Shop(staging, db, owner, slots, key)
        with shop.write():
            carried = _carry_attempts(db, owner.id)
            voided = _carry_voids(db)
            disabled = _carry_disabled(db, slots)
            if carried or voided or disabled or loss.events:
                audit.record(shop, "restore_carry", "", attempts=carried, voided=voided,
                             disabled=disabled, events_lost=loss.events - loss.redemptions)
            slots.save()
        db.execute_sql("DETACH DATABASE current")
    return loss


# What a carried attempt records instead, where the copy lacks its operator (added since).
_CARRIED_OPERATOR = "coalesce(o.id, :owner)"
_CARRIED_NOTE = "CASE WHEN o.id IS NULL THEN a.note || ' [' || co.name || ']' ELSE a.note END"


def _columns(db: SqlCipherDatabase, schema: str, table: str) -> list[str]:
    return [row[1] for row in db.execute_sql(f'PRAGMA {schema}.table_info("{table}")')]


def _carry_attempts(db: SqlCipherDatabase, owner_id: int) -> int:
    """Copy newer attempts of vouchers the copy has (same id and code), keeping their ids and
    every column both schemas know; an operator the copy lacks becomes the restoring owner,
    named in the note."""
    since = _max_id(db, "redemption_attempt")
    current = set(_columns(db, "current", "redemption_attempt"))
    columns = [c for c in _columns(db, "main", "redemption_attempt") if c in current]
    special = {"operator_id": _CARRIED_OPERATOR, "note": _CARRIED_NOTE}
    picked = ", ".join(special.get(c, f"a.{c}") for c in columns)
    cursor = db.execute_sql(
        f"INSERT INTO main.redemption_attempt ({', '.join(columns)}) SELECT {picked} "
        "FROM current.redemption_attempt a "
        "JOIN current.operator co ON co.id = a.operator_id "
        "LEFT JOIN main.operator o ON o.id = a.operator_id AND o.slot_name = co.slot_name "
        "LEFT JOIN current.voucher cv ON cv.id = a.voucher_id "
        "LEFT JOIN main.voucher v ON v.id = a.voucher_id AND v.code = cv.code "
        "WHERE a.id > :since AND (a.voucher_id IS NULL OR v.id IS NOT NULL) ORDER BY a.id",
        {"owner": owner_id, "since": since})
    # A voucher those attempts touched is as the current database has it now (uses left, a
    # balance, its state): its row there is the sum of the same records.
    current_voucher = set(_columns(db, "current", "voucher"))
    kept = [c for c in _columns(db, "main", "voucher") if c in current_voucher and c != "id"]
    db.execute_sql(
        f"UPDATE main.voucher SET ({', '.join(kept)}) = (SELECT {', '.join(kept)} "
        "FROM current.voucher cv WHERE cv.id = main.voucher.id) WHERE id IN (SELECT voucher_id "
        "FROM main.redemption_attempt WHERE id > ?)", (since,))
    return int(cursor.rowcount or 0)


def _carry_voids(db: SqlCipherDatabase) -> int:
    """Vouchers voided since the backup (their order refunded or cancelled) stay void: the
    refund itself is lost with the backup's orders, but the voucher must not work again."""
    cursor = db.execute_sql(
        "UPDATE main.voucher SET state = 'void' WHERE state != 'void' AND id IN ("
        "SELECT cv.id FROM current.voucher cv JOIN main.voucher v "
        "ON v.id = cv.id AND v.code = cv.code WHERE cv.state = 'void')")
    return int(cursor.rowcount or 0)


def _carry_disabled(db: SqlCipherDatabase, slots: KeySlotFile) -> int:
    rows = db.execute_sql(
        "SELECT o.id, o.name FROM main.operator o JOIN current.operator c "
        "ON c.slot_name = o.slot_name WHERE o.active = 1 AND c.active = 0").fetchall()
    for operator_id, name in rows:
        db.execute_sql("UPDATE main.operator SET active = 0 WHERE id = ?", (operator_id,))
        slots.disable(name)
    return len(rows)


def restore_backup(data_dir: Path, backup: Path, operator: str, password: str,
                   confirm: Callable[[RestoreLoss], bool] | None = None) -> Path | None:
    """Replace the shop in ``data_dir`` with ``backup`` after checking it whole.

    Refused while any process has the shop open (``ShopInUse``), under the login's limit on
    guessing. ``confirm`` is told what the backup lacks and may refuse
    (``RestoreNotConfirmed``); then nothing has changed. Redemptions and operators disabled
    since the backup are carried over. The current files are kept aside in a
    ``before-restore-…`` folder, whose path is returned (None when there was no shop).
    """
    info = read_backup(backup)
    data_dir = prepare_data_dir(data_dir, create=True)
    alone = shoplock.hold_alone(data_dir)
    try:
        return _restore_alone(data_dir, backup, info, operator, password, confirm)
    finally:
        alone.release()


def _restore_alone(data_dir: Path, backup: Path, info: BackupInfo, operator: str,
                   password: str, confirm: Callable[[RestoreLoss], bool] | None) -> Path | None:
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    current = data_dir / DATABASE_FILE
    try:
        key = _unlock_throttled(info, data_dir, staging, operator, password, backup)
        (staging / DATABASE_FILE).write_bytes(info.database)
        _check_restored(staging / DATABASE_FILE, key, info, operator)
        loss = _loss_and_hold(data_dir, staging / DATABASE_FILE, key, info.shop_id)
        if confirm is not None and not confirm(loss):
            raise RestoreNotConfirmed()
        _carry_newer(staging, current, key, operator)
        for name in (KEYSLOTS_FILE, DATABASE_FILE):
            os.chmod(staging / name, 0o600)
        aside = _move_current_aside(data_dir)
        for name in (DATABASE_FILE, KEYSLOTS_FILE):
            os.replace(staging / name, data_dir / name)
        integrity.after_restore(data_dir, key, info.shop_id, behind=loss.stays_held)
    except OSError as exc:
        raise_for_os_error(exc, data_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("restored a backup made %s", info.created_at.isoformat())
    return aside


def _unlock_throttled(info: BackupInfo, data_dir: Path, staging: Path, operator: str,
                      password: str, backup: Path) -> bytes:
    """``_unlock_backup`` under the login's limit on guessing: a restore is a login."""
    throttle = LoginThrottle(data_dir)
    source = login_source()
    throttle.check(operator, source)
    try:
        key = _unlock_backup(info, data_dir, staging, operator, password, backup)
    except WrongPassword:
        throttle.failed(operator, source)
        raise
    throttle.succeeded(operator, source)
    return key


def _unlock_backup(info: BackupInfo, data_dir: Path, staging: Path, operator: str,
                   password: str, backup: Path) -> bytes:
    """The database key of a backup of this shop (or of any shop, where ``data_dir`` holds
    none yet), unlocked with ``operator``'s password as it was when the backup was made. The
    backup's key slots are left in ``staging``.

    A damaged or missing ``keyslots.json`` beside a database is what a backup is for: then
    the database itself must open with the backup's key, which proves it is this shop."""
    (staging / KEYSLOTS_FILE).write_bytes(info.keyslots)
    try:
        slots = KeySlotFile.load(staging / KEYSLOTS_FILE)
    except (KeySlotsDamaged, NoShop) as exc:
        raise BackupInvalid(problem="damaged", path=str(backup)) from exc
    if slots.shop_id != info.shop_id:
        raise BackupInvalid(problem="damaged", path=str(backup))
    current_id = current_shop_id(data_dir)
    if current_id is not None and current_id != info.shop_id:
        raise BackupInvalid(problem="foreign", path=str(backup))
    key = slots.unlock(operator, password)
    if current_id is None and not _database_opens_with(data_dir / DATABASE_FILE, key):
        raise BackupInvalid(problem="foreign", path=str(backup))
    return key


def current_shop_id(data_dir: Path) -> str | None:
    """The shop id of the key slots in ``data_dir``; None when they are missing or damaged."""
    try:
        return KeySlotFile.load(data_dir / KEYSLOTS_FILE).shop_id
    except (KeySlotsDamaged, NoShop):
        return None


def _database_opens_with(path: Path, key: bytes) -> bool:
    """True when there is no database at ``path`` or ``key`` opens it; a database another
    key encrypted (another shop's) is False. A damaged one is True: restoring is its cure."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    db = SqlCipherDatabase(str(path), passphrase=f"x'{key.hex()}'")
    try:
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        return "not a database" not in str(exc).lower()
    finally:
        db.close()
    return True


def _move_current_aside(data_dir: Path) -> Path | None:
    present = [data_dir / n for n in (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm",
                                      KEYSLOTS_FILE, anchor.ANCHOR_FILE, anchor.LEGACY_ANCHOR_FILE,
                                      integrity.HOLD_FILE) if (data_dir / n).exists()]
    if not present:
        return None
    aside = data_dir / f"before-restore-{utc_now().strftime('%Y%m%d-%H%M%S-%f')}"
    aside.mkdir()
    for path in present:
        os.replace(path, aside / path.name)
    return aside


def check_restore(data_dir: Path, backup: Path, operator: str, password: str) -> BackupInfo:
    """What ``restore_backup`` checks before it touches anything, short of opening the copy
    through the shop's models: the file is whole and this shop's, ``operator``'s password
    opens it (under the login's limit on guessing), and ``operator`` is an active owner in it.

    Runs while the shop is still open, so the app can refuse a bad file or password without
    closing the shop first; ``restore_backup`` checks everything again, and more.
    """
    return check_restore_and_loss(data_dir, backup, operator, password)[0]


def check_restore_and_loss(data_dir: Path, backup: Path, operator: str, password: str
                           ) -> tuple[BackupInfo, RestoreLoss]:
    """``check_restore``, and what the backup lacks against the shop as it is now."""
    info = read_backup(backup)
    with tempfile.TemporaryDirectory(prefix="voucher-check-") as tmp:
        key = _unlock_throttled(info, Path(data_dir), Path(tmp), operator, password, backup)
        staged_db = Path(tmp) / DATABASE_FILE
        staged_db.write_bytes(info.database)
        _check_owner_in_copy(staged_db, key, operator, backup)
        loss = _loss_and_hold(Path(data_dir), staged_db, key, info.shop_id)
    return info, loss


def _loss_and_hold(data_dir: Path, staged_db: Path, key: bytes, shop_id: str) -> RestoreLoss:
    current = data_dir / DATABASE_FILE
    held = integrity.witnessed_beyond(data_dir, key, shop_id, [staged_db, current])
    return replace(what_backup_lacks(staged_db, current, key), stays_held=held)


def _check_owner_in_copy(path: Path, key: bytes, operator: str, backup: Path) -> None:
    # Plain SQL, not the models: they are bound to the shop that is open meanwhile.
    db = SqlCipherDatabase(str(path), passphrase=f"x'{key.hex()}'")
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
