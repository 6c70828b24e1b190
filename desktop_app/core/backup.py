"""Encrypted, self-checking backup files: writing, reading, automatic backups and their settings.

A backup file is one file: a magic line, a JSON header (shop id, schema version, the key
slots and the audit anchor at backup time), the SQLCipher database exported with the same key
(``sqlcipher_export``), and a SHA-256 over everything before it (``backup_format``, which
writes and reads it in chunks). Nothing in it is readable without an operator's password. It
is written atomically (temporary file, fsync, rename), so a crash or a kill leaves either the
old file or the new one, never half of one. Restoring one is in ``restore.py``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core import anchor, audit, dialect, integrity, migrations, moved_shop
from desktop_app.core.anchor import Head
from desktop_app.core.backup_format import FORMAT, Progress, write_backup_file
from desktop_app.core.backup_format import MAGIC as MAGIC
from desktop_app.core.backup_format import BackupInfo as BackupInfo
from desktop_app.core.backup_format import read_backup as read_backup
from desktop_app.core.cipher_files import raw_key
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import DiskFull, InvalidInput, ServerBackupElsewhere
from desktop_app.core.fileio import atomic_write_bytes, check_writable
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop, put_setting

log = logging.getLogger(__name__)

SUFFIX = ".vsbackup"
ROOM_MARGIN_BYTES = 1 << 20  # the header and the file system's own
_NAME = re.compile(r"^voucher-shop-(?P<shop>[0-9a-f]{8})-(?P<stamp>\d{8}-\d{6})\.vsbackup$")


def _export_database(shop: Shop, target: Path, leave_out: tuple[str, ...] = ()) -> Head:
    """A consistent encrypted copy of the database, and the chain's head in that copy;
    ``leave_out``: settings of this folder alone, removed from the copy (no event's)."""
    key = raw_key(shop.database_key)
    shop.db.execute_sql("ATTACH DATABASE ? AS backup_copy KEY ?", (str(target), key))
    try:
        with shop.db.atomic():  # one read snapshot for the copy and its head
            shop.db.execute_sql("SELECT sqlcipher_export('backup_copy')")
            for setting in leave_out:
                shop.db.execute_sql("DELETE FROM backup_copy.setting WHERE key = ?", (setting,))
            return anchor.current_head()
    finally:
        shop.db.execute_sql("DETACH DATABASE backup_copy")


def start_backup(shop: Shop, out: Path, automatic: bool = False) -> Path:
    """Everything a backup checks before copying, and its event (a write). Owners only,
    except the automatic backups an owner switched on: those run in whoever's session is
    open, since a shop run by clerks needs its daily backup most (the file is encrypted
    either way)."""
    if not automatic:
        require_owner(shop, "backup")
    out = check_destination(shop, out)
    # Its event goes first, so the copy holds it: the witnesses vouch for that event, and a
    # restore asks whether a backup holds what they vouch for (integrity.witnessed_holders).
    try:
        with shop.write(evidence_only=True):  # a backup is a read: it works on a held shop too
            audit.record(shop, "backup", out.name)
    except DiskFull as exc:  # the shop's own disk, not the backup's (QA s19a F6)
        if "shop_folder" not in exc.params:
            raise
        raise DiskFull(**{**exc.params, "during": "backup"}) from exc
    return out


def check_destination(shop: Shop, out: Path, action: str = "backup") -> Path:
    """``out`` as a backup's file: refused on a server (``action`` says what was asked), in
    the shop's folder, or in a folder not there."""
    if dialect.is_server(shop.db):  # the file's export; the server has pg_dump (README)
        raise ServerBackupElsewhere(**({} if action == "backup" else {"action": action}))
    out = Path(out)
    _refuse_inside_shop(shop.data_dir, out)
    # A missing folder is refused, never made: a USB stick not plugged in would otherwise
    # get its backup put on whatever disk holds the path.
    check_writable(out)
    _remove_stale_temporaries(out)
    return out


def copy_into(shop: Shop, out: Path, progress: Progress | None = None,
              leave_out: tuple[str, ...] = ()) -> Head:
    """The database copied into the backup file ``out`` atomically; the chain's head in it.
    Only reads the shop, in one snapshot: the app runs it on a thread of its own, on its own
    connection, so scans go on meanwhile (QA s14b N1). ``progress`` hears how much of the
    database is written, chunk by chunk."""
    with tempfile.TemporaryDirectory(prefix="voucher-backup-") as tmp:
        exported = Path(tmp) / "copy.db"
        head = _export_database(shop, exported, leave_out)
        header = {
            "format": FORMAT, "shop_id": shop.shop_id, "created_at": utc_now().isoformat(),
            "schema_version": migrations.current_version(shop.db),
            "keyslots": (shop.data_dir / KEYSLOTS_FILE).read_text(encoding="utf-8"),
            "anchor": anchor.anchor_bytes(shop.database_key, head).decode("utf-8"),
        }
        atomic_write_bytes(out, lambda target: write_backup_file(target, header, exported,
                                                                 progress))
    return head


def finish_backup(shop: Shop, out: Path, head: Head) -> Path:
    """The witness beside the backup, for the head its copy holds (events after it, scans
    made while it was copied, are not in this backup)."""
    integrity.write_witness(out.parent, shop, head)
    log.info("backup written (%d bytes)", out.stat().st_size)
    return out


def write_backup(shop: Shop, out: Path, automatic: bool = False,
                 progress: Progress | None = None) -> Path:
    """Write an encrypted backup of ``shop`` to ``out`` atomically, in one call: its three
    steps are ``start_backup``, ``copy_into`` and ``finish_backup``."""
    out = start_backup(shop, out, automatic)
    return finish_backup(shop, out, copy_into(shop, out, progress))


def inside_shop(data_dir: Path, path: Path) -> bool:
    """Whether ``path`` is the shop's folder or in it (its logs folder too: a restore moves
    the whole folder aside, backups and all)."""
    target = path.expanduser().resolve()
    folder = Path(data_dir).resolve()
    return target == folder or folder in target.parents


def _refuse_inside_shop(data_dir: Path, out: Path) -> None:
    """A backup must never overwrite the shop's own files (``--out keyslots.json`` would
    destroy the shop) nor live in its folder, which a restore replaces."""
    if inside_shop(data_dir, out):
        raise InvalidInput(field="out", problem="inside_shop", path=str(out))
    if out.expanduser().resolve().is_dir():
        raise InvalidInput(field="out", problem="is_a_folder", path=str(out))


def _remove_stale_temporaries(out: Path, older_than_s: float = 3600) -> None:
    """Temporary files a killed backup left behind (kill -9 and power cuts cannot clean up)."""
    cutoff = time.time() - older_than_s
    for leftover in out.parent.glob(f".{out.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()


# --- automatic backups ------------------------------------------------------------------


def backup_name(shop_id: str, moment: dt.datetime) -> str:
    return f"voucher-shop-{shop_id[:8]}-{moment.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"


def manual_backup_name(shop_id: str, moment: dt.datetime) -> str:
    """An owner's own backup: named apart from the dated ones, so the automatic backups'
    pruning of their folder never deletes it (QA s39a F23: one made before a risky change
    was gone at the next logout)."""
    return backup_name(shop_id, moment).removesuffix(SUFFIX) + "-manual" + SUFFIX


def backups_in(folder: Path, shop_id: str) -> list[tuple[dt.datetime, Path]]:
    found = []
    for path in Path(folder).glob(f"voucher-shop-{shop_id[:8]}-*{SUFFIX}"):
        match = _NAME.match(path.name)
        if match:
            stamp = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append((stamp.replace(tzinfo=dt.UTC), path))
    return sorted(found, reverse=True)


def backups_to_keep(stamps: list[dt.datetime], daily: int = 7, weekly: int = 4
                    ) -> set[dt.datetime]:
    """The newest backup of each of the last ``daily`` days that have one, and the newest of
    each of the ``weekly`` ISO weeks before those."""
    keep: set[dt.datetime] = set()
    days: dict[dt.date, dt.datetime] = {}
    for stamp in sorted(stamps, reverse=True):
        days.setdefault(stamp.date(), stamp)
    recent_days = sorted(days, reverse=True)[:daily]
    keep.update(days[d] for d in recent_days)
    weeks: dict[tuple[int, int], dt.datetime] = {}
    oldest_daily = min(recent_days) if recent_days else None
    for day in sorted(days, reverse=True):
        if oldest_daily is not None and day >= oldest_daily:
            continue
        weeks.setdefault(tuple(day.isocalendar())[:2], days[day])  # type: ignore[arg-type]
    keep.update(weeks[w] for w in sorted(weeks, reverse=True)[:weekly])
    return keep


def auto_backup(shop: Shop, folder: Path) -> Path:
    """A dated backup in ``folder``, then older ones pruned to 7 daily + 4 weekly."""
    out = _start_dated(shop, Path(folder))
    return finish_auto_backup(shop, out, copy_into(shop, out))


def _start_dated(shop: Shop, folder: Path) -> Path:
    return start_backup(shop, folder / backup_name(shop.shop_id, utc_now()), automatic=True)


def finish_auto_backup(shop: Shop, out: Path, head: Head) -> Path:
    """``finish_backup``, then the folder's older backups pruned and the moment noted."""
    finish_backup(shop, out, head)
    existing = backups_in(out.parent, shop.shop_id)
    keep = backups_to_keep([stamp for stamp, _ in existing])
    for stamp, path in existing:
        if stamp not in keep and path != out:
            with contextlib.suppress(OSError):
                path.unlink()
    if not shop.integrity_problems:  # a held shop's own backups change nothing
        shop.set_setting("last_backup_at", utc_now().isoformat())
    return out


# --- settings and checks for the desktop app ---------------------------------------------

BACKUP_FOLDER_SETTING = "backup_folder"
AUTO_BACKUP_SETTING = "backup_auto"
LAST_BACKUP_SETTING = "last_backup_at"
DAILY = dt.timedelta(hours=24)
# A last backup dated later than this after now was made while the PC's clock was ahead:
# when it was is unknown, so one is due (QA s19a F2: a year of no daily backups).
FUTURE_TOLERANCE = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class BackupStatus:
    shop_id: str
    folder: str  # "" until the owner chooses one
    automatic: bool
    last_at: dt.datetime | None  # the last successful automatic backup, UTC


def _last_backup_at(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def backup_status(shop: Shop) -> BackupStatus:
    """Where automatic backups go, whether they run, and when the last one succeeded."""
    require_owner(shop, "backup_status")
    return _status(shop)


def _recent(last_at: dt.datetime | None, older_than: dt.timedelta) -> bool:
    """The last automatic backup is younger than ``older_than``; one dated in the future
    (beyond ``FUTURE_TOLERANCE``) counts as unknown: not recent, back up now."""
    if last_at is None:
        return False
    return -FUTURE_TOLERANCE <= utc_now() - last_at < older_than


def _status(shop: Shop) -> BackupStatus:
    return BackupStatus(shop.shop_id, shop.setting(BACKUP_FOLDER_SETTING),
                        shop.setting(AUTO_BACKUP_SETTING) == "1",
                        _last_backup_at(shop.setting(LAST_BACKUP_SETTING)))


def short_of_room(shop: Shop, folder: Path) -> tuple[int, int] | None:
    """``(free, needed)`` when ``folder``'s disk has less room than a backup of this shop
    takes (about its database file, with a margin); None when it has, or cannot tell: a
    server's shop, a folder not there now (QA s18a F12: a full stick was accepted silently,
    and the first automatic backup failed the day after)."""
    if dialect.is_server(shop.db):
        return None
    database = shop.data_dir / DATABASE_FILE
    try:
        needed = database.stat().st_size + ROOM_MARGIN_BYTES
        free = shutil.disk_usage(folder).free
    except OSError:
        return None
    return (free, needed) if free < needed else None


def set_backup_settings(shop: Shop, folder: str, automatic: bool) -> BackupStatus:
    """Choose the automatic backups' folder and switch them on or off; audited."""
    require_owner(shop, "backup_settings")
    folder = folder.strip()
    if automatic and not folder:
        raise InvalidInput(field="backup_folder", problem="required")
    if folder and inside_shop(shop.data_dir, Path(folder)):
        # Every automatic backup there would fail, said only at the next login (QA s39a F11).
        raise InvalidInput(field="backup_folder", problem="folder_inside_shop", path=folder)
    with shop.write():
        before = {"folder": shop.setting(BACKUP_FOLDER_SETTING),
                  "automatic": shop.setting(AUTO_BACKUP_SETTING) == "1"}
        put_setting(BACKUP_FOLDER_SETTING, folder)
        put_setting(AUTO_BACKUP_SETTING, "1" if automatic else "0")
        audit.record(shop, "settings_change", "backup", before=before,
                     after={"folder": folder, "automatic": automatic})
    return backup_status(shop)


def run_auto_backup(shop: Shop, older_than: dt.timedelta | None = None) -> Path | None:
    """The automatic backup, if one is due (``due_auto_backup``), in one call: its steps are
    ``start_auto_backup``, ``copy_into`` and ``finish_auto_backup``."""
    out = start_auto_backup(shop, older_than)
    return None if out is None else finish_auto_backup(shop, out, copy_into(shop, out))


def start_auto_backup(shop: Shop, older_than: dt.timedelta | None = None) -> Path | None:
    """``start_backup`` of the automatic backup due now: the file to copy into, or None."""
    folder = due_auto_backup(shop, older_than)
    return None if folder is None else _start_dated(shop, folder)


def due_auto_backup(shop: Shop, older_than: dt.timedelta | None = None) -> Path | None:
    """The folder of the automatic backup due now, if the owner switched them on: on closing,
    on logging out, and (with ``older_than``) when the last one is older than that. None when
    nothing is due.
    It runs in a clerk's session too: the owner switched it on for the shop, not for a person.

    A folder that is not there (a USB stick not plugged in) is refused, never created:
    creating the path would put the backup on whatever disk holds it instead.

    A shop on a server makes none (PostgreSQL backs it up): asked before its settings are
    read, so a server that blinked is no backup alarm at every counter (QA s13a F4).
    """
    if dialect.is_server(shop.db) or moved_shop.to_computer(shop.moved_to):
        return None  # a folder moved by a final backup: another would only look newer
    status = _status(shop)
    if not status.automatic or not status.folder:
        return None
    if shop.integrity_problems:
        # A held shop may be the copy put back: its backups would prune the good ones away.
        log.warning("automatic backup skipped: the shop is on hold")
        return None
    if older_than is not None and _recent(status.last_at, older_than):
        return None
    folder = Path(status.folder)
    if not folder.is_dir():
        raise InvalidInput(field="backup_folder", problem="folder_missing", path=str(folder))
    return folder
