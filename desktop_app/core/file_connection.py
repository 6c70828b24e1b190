"""Connecting to the shop's encrypted SQLite file: the pragmas every connection gets, the
proof that it is encrypted and readable, and what a failure to open means to a person."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from peewee import DatabaseError, OperationalError
from playhouse.sqlcipher_ext import SqlCipherDatabase

from desktop_app.core import cipher_log, file_clock, server_clock
from desktop_app.core.anchor import anchor_path
from desktop_app.core.cipher_files import raw_key
from desktop_app.core.damage import ShopFileDatabase
from desktop_app.core.errors import DiskFull, NotEncrypted, ShopError, ShopInUse
from desktop_app.core.fileio import raise_for_os_error
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.text import SQL_NAME_ORDER_KEY, name_order_key
from desktop_app.core.transactions import translate_db_error

log = logging.getLogger(__name__)

cipher_log.quiet()  # before any shop opens: see core.cipher_log

DEFAULT_BUSY_TIMEOUT_MS = 5000
_ALONE_WAIT_MS = 250  # another connection's own write, ending, may be waited for this long


def _pragmas(busy_timeout_ms: int) -> list[tuple[str, object]]:
    # busy_timeout first: the journal_mode pragma itself may have to wait for another counter.
    return [
        ("busy_timeout", busy_timeout_ms),
        ("journal_mode", "wal"),
        ("synchronous", "full"),
        ("foreign_keys", 1),
    ]


def connect_file(path: Path, key: bytes, busy_timeout_ms: int,
                 new: bool = False) -> ShopFileDatabase:
    """The shop's database at ``path``, connected with ``key`` and proven encrypted; ``new``:
    a new shop's, made first for this computer user only, as its other files are."""
    if new:
        _make_private(path)
    during = "create" if new else "open"
    db = ShopFileDatabase(str(path), passphrase=raw_key(key),
                           pragmas=_pragmas(busy_timeout_ms))
    db.register_function(name_order_key, SQL_NAME_ORDER_KEY, 1, deterministic=True)
    try:
        db.connect()
        version = db.execute_sql("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            # Against plain SQLite, PRAGMA key silently does nothing: never store in the clear.
            raise NotEncrypted()
        db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (DatabaseError, OperationalError) as exc:
        db.close()
        log.warning("opening the database failed: %s: %s", type(exc).__name__, exc)
        raise translate_db_error(exc, path, during) from exc
    except ShopError:
        db.close()
        raise
    server_clock.use_this_pc()  # a file has no clock of its own: this PC's is the shop's
    if not new:  # ...and its newest record, to compare with (a new file has no tables yet)
        file_clock.measure_at_open(db.execute_sql)
    return db


def _make_private(path: Path) -> None:
    """An empty file SQLite then starts its database in: 0600 (QA s19a F13: it made it 0644,
    the umask's, while the key slots, the anchor and a restored database are 0600). SQLite
    gives the -wal and -shm files the database's permissions."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600))
        os.chmod(path, 0o600)
    except OSError as exc:  # create_shop removes it again
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFull(path=str(path), shop_folder=str(path.parent), during="create") from exc
        raise_for_os_error(exc, path)


def remove_half_made(data_dir: Path, slots_path: Path) -> None:
    """A shop whose creation failed part way (a full disk): gone, or the next try would be
    refused as a shop that exists, one nobody can open (QA s10a F4, s11a F2)."""
    db_path = data_dir / DATABASE_FILE
    for leftover in (f"{db_path}-wal", f"{db_path}-shm", db_path, slots_path,
                     anchor_path(data_dir)):
        with contextlib.suppress(OSError):
            os.unlink(leftover)


@contextlib.contextmanager
def only_connection(db: SqlCipherDatabase, place: str, action: str) -> Iterator[None]:
    """While the block runs, ``db``'s connection (this thread's) is the database file's only
    one, by SQLite's own exclusive lock on it; refused at once (``ShopInUse``) while any
    other connection has the file open, in this process or another, whatever it is.

    ``shop.lock`` shows only the versions that take it: the first one did not, and a counter
    left running on it went on writing the old way after an upgrade (QA s19b F2). Every
    version holds the database in WAL mode, and a WAL-mode connection keeps a SHARED lock
    on the file for as long as it is open, idle too; SQLite grants the EXCLUSIVE lock of
    ``locking_mode=EXCLUSIVE`` only when no other connection has one. The lock is SQLite's,
    the same on Windows and POSIX; while it is held, any other opener waits, then gives up.
    """
    waited = db.execute_sql("PRAGMA busy_timeout").fetchone()[0]
    db.execute_sql(f"PRAGMA busy_timeout = {_ALONE_WAIT_MS}")
    db.execute_sql("PRAGMA locking_mode = EXCLUSIVE")
    try:
        db.execute_sql("BEGIN EXCLUSIVE")  # in WAL mode, only this takes the file's lock
        db.execute_sql("COMMIT")  # the lock stays: locking_mode is EXCLUSIVE
    except OperationalError as exc:
        log.warning("another connection has the database open: %s", exc)
        _share_again(db, waited)
        raise ShopInUse(path=place, by="open", action=action) from exc
    try:
        yield
    except BaseException:
        with contextlib.suppress(DatabaseError, OperationalError):  # the first failure told
            _share_again(db, waited)
        raise
    _share_again(db, waited)


def _share_again(db: SqlCipherDatabase, busy_timeout_ms: int) -> None:
    """The exclusive lock let go: in WAL mode, by the end of a write transaction once the
    locking mode is NORMAL again (SQLite's pager keeps it until then)."""
    db.execute_sql("PRAGMA locking_mode = NORMAL")
    db.execute_sql("BEGIN IMMEDIATE")
    db.execute_sql("COMMIT")
    db.execute_sql(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")


def require_no_other_connection(path: Path, key: bytes, place: str) -> None:
    """``ShopInUse`` while any connection has the database at ``path`` open, by the probe of
    ``only_connection`` from a connection of its own, closed again. For what replaces the
    files (a restore): a counter of the first version, open on them, takes no shop.lock and
    would write on into files set aside (QA s19b F2). A database that ``key`` does not open
    (another shop's, a damaged one) cannot be asked: nothing is said."""
    if not path.exists():
        return
    db = SqlCipherDatabase(str(path), passphrase=raw_key(key))
    try:
        try:
            db.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()  # WAL, shared
        except DatabaseError as exc:
            if "locked" in str(exc):  # even a read waited in vain: someone writes on
                raise ShopInUse(path=place, by="open", action="restore") from exc
            return
        with only_connection(db, place, action="restore"):
            pass
    finally:
        db.close()
