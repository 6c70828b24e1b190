"""An older shop's schema upgrade has the shop to itself, and leaves a trace.

An upgrade is a one-way door for every counter at once: a counter still running an older
version keeps writing the old way after it (a refund without its refund record vanishes from
the sales report), and never notices, since each version checks the schema only when it opens
the shop (QA s12c F6). So the steps run only while nobody else has the shop open, whatever
version: a folder shop's opener makes its shared lock exclusive for them (core/shoplock.py),
and its connection the database file's only one by SQLite's own lock, which sees the first
version too, one that took no shop.lock (QA s19b F2; ``file_connection.only_connection``); on
a server, no other session of the app may be connected to the database, and two counters
upgrading at once queue on an advisory lock (QA s12c F8). The upgrade is logged by
``migrations.migrate`` and recorded in the audit chain once the shop is open (QA s12c F7).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import Database
from playhouse.sqlcipher_ext import SqlCipherDatabase

from desktop_app.core import audit, migrations
from desktop_app.core.errors import ShopInUse
from desktop_app.core.file_connection import only_connection
from desktop_app.core.shoplock import ShopLock

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

UPGRADE_LOCK = 0x5653_0004  # the advisory lock two server counters queue on to upgrade
# Other connections of the app, any version (each names itself so, its watch "… watch"),
# not an admin's psql or pg_dump; one queued behind this upgrade's lock is not in the way.
_OTHER_SESSIONS = (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
    "AND pid <> pg_backend_pid() AND pid <> ALL(%s) AND application_name LIKE 'Voucher Shop%%' "
    "AND NOT (wait_event_type = 'Lock' AND query LIKE '%%schema upgrade queue%%')")


class FolderGuard:
    """A folder shop: the opener's shared lock, exclusive while the steps run, and its
    connection the database file's only one then (the first version took no lock)."""

    def __init__(self, lock: ShopLock, data_dir: Path, db: SqlCipherDatabase) -> None:
        self._lock, self._data_dir, self._db = lock, data_dir, db

    def queue(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()  # the exclusive lock: one upgrader, the others refused

    @contextlib.contextmanager
    def alone(self) -> Iterator[None]:
        with self._lock.alone(self._data_dir), \
                only_connection(self._db, str(self._data_dir), action="upgrade"):
            yield


class ServerGuard:
    """A shop on PostgreSQL: the whole upgrade one transaction, one counter at a time."""

    def __init__(self, db: Database, own_pids: frozenset[int], place: str) -> None:
        self._db, self._own_pids, self._place = db, own_pids, place

    @contextlib.contextmanager
    def queue(self) -> Iterator[None]:
        with self._db.atomic():
            self._db.execute_sql("SET LOCAL lock_timeout = 0")  # one upgrade may take a while
            self._db.execute_sql("SELECT pg_advisory_xact_lock(%s) /* schema upgrade queue */",
                                 (UPGRADE_LOCK,))
            yield

    @contextlib.contextmanager
    def alone(self) -> Iterator[None]:
        others = self._db.execute_sql(_OTHER_SESSIONS, (list(self._own_pids),)).fetchone()[0]
        if others:
            raise ShopInUse(path=self._place, by="open", action="upgrade", sessions=int(others))
        yield


def record(shop: Shop, found: int) -> None:
    """The upgrade in the audit chain, once the shop is open (an event names its operator):
    from ``found``, the version ``migrations.migrate`` found, to the current one; the shop
    keeps ``found`` for its operator to be told."""
    if not _upgraded(found):
        return
    with shop.write(evidence_only=True):
        _append_event(shop, found)
    shop.upgraded_from = found


def upgrade_copy(copy: Shop) -> int:
    """A restored backup of an older version brought to this one before it replaces the
    shop, as an open would bring the shop (QA s19b F1): the same steps, the same event, so
    the restored shop opens at this version with its upgrade in its chain. Nobody else can
    have the copy open; and no witness follows its event now, though an open's would: the
    restore may yet be refused, and once the copy is in, the restore re-bases them all on it
    (``integrity.after_restore``). Returns the version found."""
    found = migrations.migrate(copy.db)
    if _upgraded(found):
        with copy.db.atomic():
            _append_event(copy, found)
        copy.pending_head = None  # vouched for by the restore, not by this copy's write
    return found


def _upgraded(found: int) -> bool:
    return 0 < found < migrations.CURRENT_VERSION


def _append_event(shop: Shop, found: int) -> None:
    audit.record(shop, "schema_upgraded", from_version=found,
                 to_version=migrations.CURRENT_VERSION)
