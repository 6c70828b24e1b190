"""Who may restore a backup: its database key, unlocked with the password an owner had when
the backup was made, or with the shop's recovery key (the backup's key slots hold the same
recovery slot), under the login's limit on guessing.

After ``recover`` no password of today opens an older backup: the recovery key does (QA s12a
F3). A password that opens the shop here but not the backup is no guess at all; it is said so
(``WrongPassword`` with ``credential="backup_older"``) and not counted toward the lockout.
"""

from __future__ import annotations

from pathlib import Path

from peewee import DatabaseError

from desktop_app.core.backup import BackupInfo
from desktop_app.core.cipher_files import unbound
from desktop_app.core.errors import (
    BackupInvalid,
    KeySlotMissing,
    KeySlotsDamaged,
    NoShop,
    OperatorDisabled,
    WrongPassword,
)
from desktop_app.core.keyslots import KeySlotFile, canonical_recovery_key, normalize_operator
from desktop_app.core.lockout import RECOVERY_KEY, LoginThrottle, login_source
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE

BACKUP_OLDER = "backup_older"  # the ``credential`` of a password of today, not of the backup's


def unlock_throttled(info: BackupInfo, data_dir: Path, staging: Path, operator: str,
                     password: str, backup: Path, recovery_key: str | None = None) -> bytes:
    """``unlock_backup`` under the login's limit on guessing: a restore is a login."""
    if recovery_key is not None:
        canonical_recovery_key(recovery_key)  # a typo is refused before it counts as a guess
    throttle = LoginThrottle(data_dir)
    source = login_source()
    throttle.check(operator, source,
                   credential="password" if recovery_key is None else RECOVERY_KEY)
    refuse_disabled_here(data_dir, operator)
    try:
        key = unlock_backup(info, data_dir, staging, operator, password, backup, recovery_key)
    except WrongPassword as exc:
        if exc.params.get("credential") != BACKUP_OLDER:
            throttle.failed(operator, source)
        raise
    throttle.succeeded(operator, source)
    return key


def unlock_backup(info: BackupInfo, data_dir: Path, staging: Path, operator: str,
                  password: str, backup: Path, recovery_key: str | None = None) -> bytes:
    """The database key of a backup of this shop (or of any shop, where ``data_dir`` holds
    none yet), unlocked with ``operator``'s password as it was when the backup was made, or
    with ``recovery_key``. The backup's key slots are left in ``staging``.

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
    if recovery_key is not None:
        key = slots.unlock_recovery(recovery_key)
    else:
        try:
            key = slots.unlock(operator, password)
        except WrongPassword:
            if not opens_the_shop_here(data_dir, operator, password):
                raise
            raise WrongPassword(credential=BACKUP_OLDER, operator=operator) from None
    if current_id is None and not _database_opens_with(data_dir / DATABASE_FILE, key):
        raise BackupInvalid(problem="foreign", path=str(backup))
    return key


def opens_the_shop_here(data_dir: Path, operator: str, password: str) -> bool:
    """Whether ``password`` is ``operator``'s password of the shop in ``data_dir`` today."""
    slots = current_slots(data_dir)
    if slots is None:
        return False
    try:
        slots.unlock(operator, password)
    except (WrongPassword, KeySlotMissing, OperatorDisabled):
        return False
    return True


def refuse_disabled_here(data_dir: Path, operator: str) -> None:
    """An operator disabled in the shop as it is now restores nothing, though the backup
    still knows their password (QA: a disabled owner wiped the orders made since). No shop
    here, or its key file lost: the backup is what decides."""
    slots = current_slots(data_dir)
    if slots is not None and normalize_operator(operator) in slots.disabled:
        raise OperatorDisabled(operator=operator)


def current_slots(data_dir: Path) -> KeySlotFile | None:
    """The key slots in ``data_dir``; None when they are missing or damaged."""
    try:
        return KeySlotFile.load(data_dir / KEYSLOTS_FILE)
    except (KeySlotsDamaged, NoShop):
        return None


def current_shop_id(data_dir: Path) -> str | None:
    """The shop id of the key slots in ``data_dir``; None when they are missing or damaged."""
    slots = current_slots(data_dir)
    return slots.shop_id if slots is not None else None


def older_passwords(restored: KeySlotFile, data_dir: Path) -> tuple[tuple[str, ...], bool]:
    """What the backup's key slots bring back: the operators whose password changed since
    (a ``recover`` too: they log in with the password as it was then again), and whether the
    recovery key is an older one."""
    current = current_slots(data_dir)
    if current is None:
        return (), False
    changed = tuple(sorted(name for name, slot in restored.slots.items()
                           if name in current.slots and current.slots[name] != slot))
    return changed, restored.recovery != current.recovery


def _database_opens_with(path: Path, key: bytes) -> bool:
    """True when there is no database at ``path`` or ``key`` opens it; a database another
    key encrypted (another shop's) is False. A damaged one is True: restoring is its cure."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    db = unbound(path, key)
    try:
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        return "not a database" not in str(exc).lower()
    finally:
        db.close()
    return True
