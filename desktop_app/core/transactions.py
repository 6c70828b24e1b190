"""Write transactions on the embedded file, and what a database error means to a person.

SQLite lets one writer in at a time: ``begin_immediate`` asks for the write lock at the start
of a transaction (so writers queue instead of deadlocking) and keeps asking, with a jittered
pause, while another counter holds it. The errors that escape are named for the person at the
counter (locked, disk full, damaged) by ``translate_db_error``.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from peewee import Database, OperationalError

from desktop_app.core.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DiskFull,
    ShopError,
    ShopFileNotWritable,
    WriteConflict,
    name_database_error,
)

T = TypeVar("T")

# How long a writer keeps asking for the write lock, on top of busy_timeout's own waiting:
# busy_timeout alone starves an unlucky writer among many (8 counters at once).
LOCK_RETRY_S = 12.0


def error_chain_text(exc: BaseException) -> str:
    """The messages of ``exc`` and what it arose from. SQLite rolls a transaction back by
    itself on a full disk, so peewee's own ROLLBACK then fails with "no transaction is
    active" and hides the real cause one step down the chain."""
    texts: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(texts) < 8:
        texts.append(str(seen).lower())
        seen = seen.__cause__ or seen.__context__
    return " | ".join(texts)


def translate_db_error(exc: Exception, path: Path | str,
                       during: str | None = None) -> ShopError:
    """The user-facing meaning of an SQLite/SQLCipher error; ``during``: what the shop in a
    file at ``path`` was doing (see ``DiskFull``), None for a server's (``path`` its URL)."""
    if is_write_conflict(exc):  # a server's: "damaged" would send the owner to a backup
        return WriteConflict()
    if isinstance(exc, DatabaseCorrupt):  # named already (``damage``): its words are known
        return DatabaseCorrupt(**exc.params)
    text = error_chain_text(exc)
    if "readonly database" in text:  # made read-only while open: not damaged (QA s36b F1)
        return ShopFileNotWritable(path=str(path), reason="read_only",
                                   folder=str(Path(path).parent), files=Path(path).name)
    if "locked" in text or "busy" in text:
        return DatabaseLocked(path=str(path))
    if "disk is full" in text or "disk full" in text or (
            "disk i/o" in text and _nearly_full(Path(path).parent)):
        # Opening on a full disk fails to create the -wal/-shm files with an I/O error, not
        # "full": "damaged, restore a backup" would send the owner to lose recent sales.
        place = {} if during is None else {"shop_folder": str(Path(path).parent),
                                            "during": during}
        return DiskFull(path=str(path), **place)
    return DatabaseCorrupt(path=str(path), detail=name_database_error(exc))


NEARLY_FULL_BYTES = 1 << 20  # less than a WAL's first checkpoint needs


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def begin_immediate(db: Database) -> contextlib.AbstractContextManager[object]:
    """``BEGIN IMMEDIATE``, asked again with a growing, jittered pause while another
    counter holds the lock, for up to ``LOCK_RETRY_S``: a cashier never sees "locked"
    for contention shorter than that. Leaving the result commits or rolls back."""
    deadline = time.monotonic() + LOCK_RETRY_S
    pause = 0.005
    while True:
        transaction = db.atomic("IMMEDIATE")
        try:
            transaction.__enter__()
        except OperationalError as exc:
            text = str(exc).lower()
            if ("locked" not in text and "busy" not in text) or \
                    time.monotonic() + pause > deadline:
                raise
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, 0.2)
            continue
        return _Entered(transaction)


class _Entered(contextlib.AbstractContextManager[object]):
    """A transaction already begun: leaving it commits or rolls back as peewee's would."""

    def __init__(self, transaction: contextlib.AbstractContextManager[object]) -> None:
        self.transaction = transaction

    def __enter__(self) -> object:
        return self.transaction

    def __exit__(self, *exc: object) -> bool | None:
        return self.transaction.__exit__(*exc)  # type: ignore[arg-type]


# A server's SQLSTATEs for a transaction it rolled back so another could go on: a deadlock
# broken, a serialisation failure. Read from the codes, not the text, which follows the
# server's language (lc_messages).
CONFLICT_STATES = frozenset({"40P01", "40001"})


def is_write_conflict(exc: BaseException) -> bool:
    """True when the server rolled the transaction back for another's sake (nothing saved)."""
    return sqlstate_of(exc) in CONFLICT_STATES


def sqlstate_of(exc: BaseException) -> str | None:
    """The SQLSTATE a server's error carries, found down the chain of ``exc``; None for an
    error with none (SQLite's, a connection that failed before the server said anything)."""
    seen: BaseException | None = exc
    for _ in range(8):  # peewee's error holds the driver's as its first argument
        if seen is None:
            return None
        state = getattr(seen, "sqlstate", None)
        if state:
            return str(state)
        first = seen.args[0] if seen.args else None
        seen = first if isinstance(first, BaseException) else seen.__cause__ or seen.__context__
    return None


CONFLICT_TRIES = 3


def retried_on_conflict(work: Callable[[], T]) -> T:
    """``work`` (one whole write transaction, nothing kept from a try) done again, after a
    short jittered pause, when the server rolled it back for another counter's change
    (``WriteConflict``); the third conflict is said as such, never as a traceback."""
    for attempt in range(1, CONFLICT_TRIES + 1):
        try:
            return work()
        except WriteConflict:
            if attempt == CONFLICT_TRIES:
                raise
            time.sleep(0.02 * attempt * (0.5 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover
