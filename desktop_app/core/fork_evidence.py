"""What a witness outside the data folder says, told apart where the evidence allows: a
database put back to an older copy, or a shop that went two ways (QA s18a F4).

Two computers that took sales on one shop (the old PC and the new one during a move, both
backing up to one stick) leave the stick's witness vouching for the other computer's newest
event, which this database lacks: the same "rolled_back" as a folder put back. A rollback's
database is a part of the witnessed chain; a fork's has records of its own. The chain shows
it when this database holds another event at the witnessed position; else the backup that
wrote the witness, in the same folder, holds the chain it vouched for: when that chain lacks
this database's newest event, this database went on on its own. The code stays
"rolled_back" (``anchor.FORKED`` adds the detail): scripts and the hold read it alike.
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

from peewee import DatabaseError

from desktop_app.core import anchor
from desktop_app.core.anchor import Head, WitnessDamaged, WitnessUnreadable
from desktop_app.core.backup_format import copy_database, read_backup
from desktop_app.core.cipher_files import unbound
from desktop_app.core.errors import BackupInvalid
from desktop_app.core.models import AuditEvent

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".vsbackup"  # as ``backup.SUFFIX`` (backup imports the integrity modules)
BACKUPS_READ = 3  # the newest: the witness was written with one of the last backups


def witness_problem(path: Path, key: bytes, *, backups: Path | None = None,
                    shop_id: str = "") -> str | None:
    """The problem of the witness at ``path`` with the bound database, None when it holds;
    ``backups``: the folder it lies in, whose backups of ``shop_id`` may show a fork."""
    try:
        record = anchor.read_record(path, key)
    except WitnessUnreadable:
        return "witness_unreadable"
    except WitnessDamaged:
        return "witness_damaged"
    if record is None:
        return None
    problem = anchor.witness_head_problem(record.head)
    if problem == "rolled_back" and backups is not None and _went_its_own_way(
            backups, key, shop_id, record.head):
        return anchor.FORKED
    return problem


def _went_its_own_way(folder: Path, key: bytes, shop_id: str, witnessed: Head) -> bool:
    """Whether a backup in ``folder`` vouches for ``witnessed`` and its chain lacks the bound
    database's newest event. Any doubt (no such backup, one unreadable) says no: the words
    of a rollback stay, as before."""
    own = anchor.current_head()
    if own.event_id == 0:
        return False
    try:
        newest = sorted(Path(folder).glob(f"*{BACKUP_SUFFIX}"),
                        key=lambda p: p.stat().st_mtime, reverse=True)[:BACKUPS_READ]
    except OSError:
        return False
    for path in newest:
        try:
            holds = _backup_holds(path, key, shop_id, witnessed, own)
        except (BackupInvalid, OSError, DatabaseError, ValueError, KeyError, TypeError):
            log.info("could not read %s for the witness beside it", path.name)
            continue
        if holds is not None:
            return not holds
    return False


def _backup_holds(path: Path, key: bytes, shop_id: str, witnessed: Head,
                  own: Head) -> bool | None:
    """Whether the backup at ``path`` holds ``own``; None when it is not the one that vouched
    for ``witnessed`` (another shop's, an older one)."""
    info = read_backup(path)
    header = json.loads(info.anchor.decode("utf-8"))
    if info.shop_id != shop_id or Head(int(header["event_id"]), str(header["head"])) != witnessed:
        return None
    with tempfile.TemporaryDirectory(prefix="voucher-fork-") as tmp:
        copy = Path(tmp) / "backup.db"
        copy_database(info, copy)
        db = unbound(copy, key)
        try:
            row = db.execute_sql(f"SELECT hash FROM {AuditEvent._meta.table_name} "
                                 "WHERE id = ?", (own.event_id,)).fetchone()
        finally:
            db.close()
    return row is not None and str(row[0]) == own.hash
