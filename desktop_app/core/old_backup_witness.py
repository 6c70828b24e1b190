"""The witness an older build left beside its backup: one event ahead of the copy, the
backup's own record (QA s19b F3).

Builds before 250b66b copied the database first and recorded the ``backup`` event after, then
wrote the witness beside the backup for that later head. The copy never holds that event, so a
restore of such a backup where nothing else holds it either (a new computer) read the witness
as records lost ("a newer backup was written there") and kept the shop on hold. A backup event
changes nothing in the shop (``restore_facts._NO_CHANGE``): the restored backup stands for it.

Only for those backups, and only for exactly that event: the witness beside the backup vouches
for the event right after the copy's newest. A witness two events ahead, or beside a backup of
this build (which records its event first, so its copy holds what its witness vouches for),
keeps its meaning: something was recorded after the backup that the restore would lose.
"""

from __future__ import annotations

from pathlib import Path

from peewee import DatabaseError
from sqlcipher3.dbapi2 import DatabaseError as DriverError

from desktop_app.core import anchor, integrity
from desktop_app.core.anchor import Head
from desktop_app.core.backup_format import BackupInfo
from desktop_app.core.cipher_files import unbound
from desktop_app.core.models import AuditEvent

# The last backup format, and the last schema, of builds that recorded a backup's event after
# copying. Schema 9 was written both ways (the order changed within it, 250b66b; schema 10
# came with bcd4bad): there a copy whose newest event is its own record is of the later kind.
EVENT_AFTER_COPY_FORMAT = 1
EVENT_AFTER_COPY_LAST_SCHEMA = 9
_BOTH_ORDERS_SCHEMA = 9


def _newest_event(restored: Path, key: bytes) -> tuple[Head, str, str] | None:
    """The copy's newest event: its head, kind and subject; None when it has none or cannot
    be read."""
    db = unbound(restored, key)
    try:
        row = db.execute_sql(f"SELECT id, hash, kind, subject FROM {AuditEvent._meta.table_name}"
                             " ORDER BY id DESC LIMIT 1").fetchone()
    except (DatabaseError, DriverError):
        return None
    finally:
        db.close()
    return None if row is None else (Head(int(row[0]), str(row[1])), str(row[2]), str(row[3]))


def records_event_after_copy(info: BackupInfo, kind: str, subject: str) -> bool:
    """Whether ``info``'s backup was written by a build that recorded its event after copying;
    ``kind`` and ``subject``: its copy's newest event (a copy that holds its own record, a
    ``backup`` event naming its file, was written the later way)."""
    if info.file_format != EVENT_AFTER_COPY_FORMAT:
        return False
    if info.schema_version < _BOTH_ORDERS_SCHEMA:
        return True
    return info.schema_version == EVENT_AFTER_COPY_LAST_SCHEMA and not (
        kind == "backup" and subject == Path(info.path).name)


def own_event_beside(info: BackupInfo, restored: Path, key: bytes) -> Head | None:
    """The event the witness beside ``info``'s backup vouches for when it is that backup's own
    record, written by an older build one event after its copy (``restored``); else None."""
    newest = _newest_event(restored, key)
    if newest is None or not records_event_after_copy(info, newest[1], newest[2]):
        return None
    folder = Path(info.path).resolve().parent
    try:
        record = anchor.read_record(integrity.backup_witness_path(folder, info.shop_id), key)
    except anchor.WitnessDamaged:
        return None
    if record is None or record.head.event_id != newest[0].event_id + 1:
        return None
    return record.head


def held_by_backup(holders: dict[Head, set[Path]], own: Head | None, restored: Path
                   ) -> dict[Head, set[Path]]:
    """``holders`` (``integrity.witnessed_holders``) where the restored copy stands for
    ``own``, the older build's backup event the witness beside it vouches for
    (``own_event_beside``, read before the copy is upgraded)."""
    if own is None or own not in holders:
        return holders
    return {**holders, own: {*holders[own], restored}}
