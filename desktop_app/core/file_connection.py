"""Connecting to the shop's encrypted SQLite file: the pragmas every connection gets, the
proof that it is encrypted and readable, and what a failure to open means to a person."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from pathlib import Path

from peewee import DatabaseError, OperationalError
from playhouse.sqlcipher_ext import SqlCipherDatabase

from desktop_app.core import cipher_log, server_clock
from desktop_app.core.anchor import anchor_path
from desktop_app.core.cipher_files import raw_key
from desktop_app.core.errors import DiskFull, NotEncrypted, ShopError
from desktop_app.core.fileio import raise_for_os_error
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.transactions import translate_db_error

log = logging.getLogger(__name__)

cipher_log.quiet()  # before any shop opens: see core.cipher_log

DEFAULT_BUSY_TIMEOUT_MS = 5000


def _pragmas(busy_timeout_ms: int) -> list[tuple[str, object]]:
    # busy_timeout first: the journal_mode pragma itself may have to wait for another counter.
    return [
        ("busy_timeout", busy_timeout_ms),
        ("journal_mode", "wal"),
        ("synchronous", "full"),
        ("foreign_keys", 1),
    ]


def connect_file(path: Path, key: bytes, busy_timeout_ms: int,
                 new: bool = False) -> SqlCipherDatabase:
    """The shop's database at ``path``, connected with ``key`` and proven encrypted; ``new``:
    a new shop's, made first for this computer user only, as its other files are."""
    if new:
        _make_private(path)
    during = "create" if new else "open"
    db = SqlCipherDatabase(str(path), passphrase=raw_key(key),
                           pragmas=_pragmas(busy_timeout_ms))
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
