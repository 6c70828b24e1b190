"""What a backup says of itself before it is restored, and what lies beside it.

Restored into a folder that holds no shop (a new computer), a backup has nothing to be
compared with: what it lacks is whatever the other computer did after it was made, and a
voucher used there since looks unused here (QA s18a F1). So the question says when it was
made, and whether it is the other computer's final backup ("Move to another computer…",
whose newest change is ``MOVED_OUT_KIND``): then nothing is missing.

A backup picked from a folder that holds a newer backup of the same shop is the wrong one
(QA s18a F3): the backups beside it are looked at by their headers, and the witness beside
them is read as the next open will read it, so the restore says "stays held" when the next
open will hold, not a scan later.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from peewee import DatabaseError
from sqlcipher3.dbapi2 import DatabaseError as DriverError

from desktop_app.core import anchor, integrity
from desktop_app.core.backup_format import BackupInfo, HeaderGlance, read_header_only
from desktop_app.core.cipher_files import unbound
from desktop_app.core.models import AuditEvent, Setting
from desktop_app.core.moved_shop import MOVED_OUT_KIND

BACKUP_SUFFIX = ".vsbackup"
# Not changes to the shop: a backup or an export written after the move out changes nothing.
_NO_CHANGE = ("backup", "export")


@dataclass(frozen=True)
class BackupFacts:
    """The backup being restored: when it was made (UTC), whether it is a final backup,
    the newest backup of the same shop beside it if one is newer, and whether the witness
    beside it saw records the restored shop will lack."""

    made_at: dt.datetime | None = None
    final: bool = False  # its newest change is the move out: nothing done after is missing
    newer_file: str = ""  # a newer backup of this shop in the same folder ("" when none)
    newer_made_at: dt.datetime | None = None
    # The witness in the backup's folder vouches for records that neither the backup nor
    # the shop's current data holds (a newer backup was written there): the shop stays held.
    witness_ahead: bool = False


def holds_no_shop(database: Path) -> bool:
    """The shop folder's database is not there (or empty): a new computer's folder."""
    return not database.exists() or database.stat().st_size == 0


def is_final(database: Path, key: bytes) -> bool:
    """The newest change in ``database`` (an unbound copy) is the shop's move out."""
    db = unbound(database, key)
    try:
        row = db.execute_sql(
            f"SELECT kind FROM {AuditEvent._meta.table_name} WHERE kind NOT IN (?, ?) "
            "ORDER BY id DESC LIMIT 1", _NO_CHANGE).fetchone()
    except (DatabaseError, DriverError):
        return False
    finally:
        db.close()
    return row is not None and row[0] == MOVED_OUT_KIND


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def newer_beside(backup: Path, shop_id: str, made_at: dt.datetime, events: int | None = None
                 ) -> tuple[dt.datetime, Path] | None:
    """The newest backup of ``shop_id`` in ``backup``'s folder that is newer than the chosen
    one (made at ``made_at``, its copy holding ``events`` events), by the headers of the files
    there (any name: an owner names the stick's files as they like); None when there is none.

    Newer is a longer history, where both headers tell it: the time a backup was made is the
    clock of the PC that made it, and one made while that clock was a year ahead is still the
    older copy (QA s19a F2: the newest backup was told to give way to it)."""
    chosen = Path(backup).resolve()
    found = []
    with contextlib.suppress(OSError):
        for path in chosen.parent.glob(f"*{BACKUP_SUFFIX}"):
            header = read_header_only(path)
            if (header is not None and header.shop_id == shop_id
                    and path.resolve() != chosen and _newer(header, made_at, events)):
                found.append((header.events or 0, header.created_at, path))
    if not found:
        return None
    _, newest_made_at, newest = max(found)
    return newest_made_at, newest


def _newer(header: HeaderGlance, made_at: dt.datetime, events: int | None) -> bool:
    if events is not None and header.events is not None:
        return header.events > events
    return header.created_at > _utc(made_at)  # a header that does not say: by its time


def watched_folders(backup: Path, restored: Path, key: bytes) -> list[Path]:
    """The folders whose witnesses the next open of the restored shop reads, beyond those
    this computer remembers: the backup folders the copy names, and the backup's own folder
    (remembered when its witness holds the shop: ``keep_watching``)."""
    folders = [Path(backup).resolve().parent]
    db = unbound(restored, key)
    try:
        rows = db.execute_sql(
            f"SELECT key, value FROM {Setting._meta.table_name} WHERE key IN (?, ?)",
            (integrity.BACKUP_FOLDER_SETTING, integrity.DESTINATIONS_SETTING)).fetchall()
    except (DatabaseError, DriverError):
        rows = []
    finally:
        db.close()
    for name, value in rows:
        if name == integrity.BACKUP_FOLDER_SETTING:
            folders.extend([Path(value.strip())] if value.strip() else [])
        else:
            folders.extend(Path(f) for f in integrity.destinations_in(value))
    return folders


def witness_ahead(folder: Path, key: bytes, shop_id: str,
                  holders: dict[anchor.Head, set[Path]]) -> bool:
    """The witness in ``folder`` vouches for an event none of the databases holds; by the
    witnesses' one reading (``integrity.witnessed_holders``, with ``folder`` among them): the
    restored copy is opened once for all of them."""
    try:
        record = anchor.read_record(integrity.backup_witness_path(folder, shop_id), key)
    except anchor.WitnessDamaged:  # unreadable or damaged: vouches for nothing
        return False
    return record is not None and not holders.get(record.head, {folder})


def backup_facts(info: BackupInfo, restored: Path, key: bytes,
                 holders: dict[anchor.Head, set[Path]]) -> BackupFacts:
    """The facts of ``info``'s backup, its database copied out to ``restored``; read before
    anything is carried into the copy (a carry adds changes after the move out). ``holders``:
    the witnesses' reading with the backup's folder among them (``watched_folders``)."""
    newer = newer_beside(info.path, info.shop_id, info.created_at, anchor.events_in(info.anchor))
    return BackupFacts(
        made_at=info.created_at, final=is_final(restored, key),
        newer_file=str(newer[1]) if newer else "", newer_made_at=newer[0] if newer else None,
        witness_ahead=witness_ahead(Path(info.path).resolve().parent, key, info.shop_id,
                                    holders))


def keep_watching(facts: BackupFacts, info: BackupInfo) -> None:
    """After a restore kept on hold by the witness beside the backup: this computer
    remembers that folder, so the next open reads that witness too and holds, as the restore
    said (a first backup into a folder is not named in its own copy: QA s18a F3)."""
    if facts.witness_ahead:
        with contextlib.suppress(OSError):
            integrity.remember_destination(info.shop_id, Path(info.path).resolve().parent)
