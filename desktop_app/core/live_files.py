"""An open shop still works on the shop folder's files, checked before each change.

SQLite keeps the file it opened. A database renamed over while a shop is open (a sync tool
or a person putting an older copy back; the whole folder moved aside and another put in its
place) leaves the open shop writing into a file nobody will read again, while every other
process opens the new one by name, with the same ``-wal`` (QA s12a F6): vouchers redeemed
twice, redemptions lost. A deleted ``shop.lock`` is made again by the next opener with a free
lock, so a restore could run under the open shop (F7).

So an open shop remembers which files it opened (device and inode: the database, its
``-wal``, the data folder, its lock file) and, inside each write transaction on the embedded
file, checks that the folder's names still lead to them: a few stats, microseconds. When one
does not, the shop is held for this session (nothing is written into the lost file); closing
and opening the shop again runs the usual checks at open on the folder's files. A lock file
deleted while nothing else changed is only locked again.

Where a file system reports no inode (``st_ino`` 0: some network folders) nothing is
compared. Windows refuses to rename over or delete a file that is open, so there this
never fires.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import dialect, live_server, session_redeemed, shoplock
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import IntegrityHold, ShopInUse
from desktop_app.core.paths import DATABASE_FILE

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

Identity = tuple[int, int]
FILES_REPLACED = "files_replaced"  # the hold's problem code
SESSION_PLACE = "session"  # held for this session only: nothing is recorded in the folder


def identity(path: Path | str) -> Identity | None:
    """(device, inode) of the file at ``path``; None when it is not there."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _comparable(remembered: Identity | None) -> bool:
    return remembered is not None and remembered[1] != 0


@dataclass(frozen=True)
class OpenedFiles:
    """The files a shop opened, by identity; None where unknown (then not compared)."""

    database: Identity | None
    wal: Identity | None
    folder: Identity | None
    # When: what the session wrote since then is what replaced files may lack.
    opened_at: dt.datetime | None = None

    @classmethod
    def of(cls, data_dir: Path) -> OpenedFiles:
        db_path = Path(data_dir) / DATABASE_FILE
        return cls(identity(db_path), identity(f"{db_path}-wal"), identity(data_dir),
                   utc_now())

    def replaced(self, data_dir: Path) -> str | None:
        """Which of them the folder's names no longer lead to ("database"...); None: none."""
        for name, remembered, path in zip(("database", "wal", "folder"),
                                          (self.database, self.wal, self.folder),
                                          _named_paths(str(data_dir)), strict=True):
            if _comparable(remembered) and identity(path) != remembered:
                return name
        return None


@functools.lru_cache(maxsize=8)
def _named_paths(data_dir: str) -> tuple[str, str, str]:
    """The database's, its log's and the folder's paths: made once, read before each change."""
    database = os.path.join(data_dir, DATABASE_FILE)
    return database, f"{database}-wal", data_dir


def remember(shop: Shop, before_connect: Identity | None) -> None:
    """At open, once the connection has read the database: what it opened. A database
    replaced between the name's stat and the connection's first read is a file swapped
    under the opening shop: held at once (``before_connect`` is the stat before)."""
    opened = OpenedFiles.of(shop.data_dir)
    shop.opened_files = opened
    if _comparable(before_connect) and opened.database != before_connect:
        _hold(shop, "database")


def require_same(shop: Shop) -> None:
    """Inside a write transaction on the embedded file, before any change: refuse it (and
    hold the shop for this session) when the folder's files are no longer the open ones."""
    opened = shop.opened_files
    if opened is None:
        return
    replaced = opened.replaced(shop.data_dir)
    if replaced is None and not _lock_still_held(shop):
        replaced = "lock"
    if replaced is not None:
        _hold(shop, replaced)
    if any(problem_of(p) for p in shop.integrity_problems):
        raise IntegrityHold(problem=FILES_REPLACED,
                            problems="; ".join(shop.integrity_problems[:5]))


def _lock_still_held(shop: Shop) -> bool:
    """The lock file the shop holds is the folder's; a deleted one is locked again when
    nothing else changed, which no restore can have run under (it locks the same file)."""
    lock = shop.lock
    if lock is None or lock.in_folder(shop.data_dir):
        return True
    try:
        again = shoplock.hold_open(shop.data_dir, wait_s=0)
    except ShopInUse:  # a restore holds the new lock file: it is replacing the files now
        return False
    if shop.opened_files is not None and \
            shop.opened_files.replaced(shop.data_dir) is not None:
        again.release()
        return False
    lock.release()
    shop.lock = again
    log.warning("the shop's lock file was deleted while open; locked again")
    return True


def problem_of(problem: str) -> bool:
    """Whether a hold's problem is this module's (a file replaced under the open shop)."""
    return problem.startswith(f"{SESSION_PLACE}: {FILES_REPLACED}")


def hold_forked(shop: Shop, witness: str) -> None:
    """A witness (``"anchor"`` beside the database, ``"witness"`` on this computer) vouches
    for a chain this database does not hold, found while writing it after a commit: the
    files were replaced under the shop, or another copy of it is in use. On a server there
    are no files: its database went back to an older copy (QA s13a F3)."""
    if dialect.is_server(shop.db):
        live_server.hold_rolled_back(shop, f"after a commit, in this computer's {witness}")
        return
    _hold(shop, witness)


def _hold(shop: Shop, what: str) -> None:
    problem = f"{SESSION_PLACE}: {FILES_REPLACED} ({what})"
    if problem in shop.integrity_problems:
        return
    log.error("the shop's %s was replaced while the shop was open: held", what)
    if not any(problem_of(p) for p in shop.integrity_problems):
        # What the replaced files may lack, named before anyone logs out (QA s12e F3); before
        # the hold shows, so the window's red bar names it too.
        session_redeemed.remember_at_hold(shop, keep_copy=what in ("database", "folder"))
    # First, so the words the counter reads name this and its way out.
    shop.integrity_problems = [problem, *shop.integrity_problems]
