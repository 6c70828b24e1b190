"""A lock every open shop holds, so nothing replaces the files under an open shop.

Each process (each window, each command) that has the shop open holds a *shared* lock on
``shop.lock`` in the data folder; ``restore`` takes it *exclusively*, without waiting, and is
refused while anyone else holds it. The operating system drops a lock when its process ends,
even by a crash or a kill, so a stale lock file never blocks anything.

POSIX: ``flock`` (per open file, so two shops opened in one process conflict too). Windows:
``msvcrt`` has only exclusive byte-range locks, so each opener locks one byte of its own in a
range of slots and the exclusive locker locks the whole range.
"""

from __future__ import annotations

import contextlib
import os
import time
import weakref
from pathlib import Path
from typing import IO

from desktop_app.core.errors import ShopFolderNotWritable, ShopInUse
from desktop_app.core.fileio import raise_for_os_error

LOCK_FILE = "shop.lock"
_SLOTS = 4096  # Windows: at most this many processes may have one shop open at once
_WAIT_S = 3.0  # an opener waits this long for a restore (which is quick) to finish


class ShopLock:
    """A held lock on one shop folder; ``release`` (or the process ending) lets it go.

    A lock dropped without ``release`` (a shop abandoned the way a killed process abandons
    it) closes its file when collected, as the process ending would, and quietly."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle: IO[bytes] | None = handle
        self._finalizer = weakref.finalize(self, _close_quietly, handle)

    def release(self) -> None:
        if self._handle is not None:
            self._finalizer()  # closing drops flock and msvcrt locks alike
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def _close_quietly(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        handle.close()


def _open(data_dir: Path) -> IO[bytes]:
    """The lock file, made if missing. Every open needs it, reading ones too: a shop in a
    read-only folder (a write-protected stick, a read-only mount) is refused with that said."""
    path = Path(data_dir) / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise_for_os_error(exc, Path(data_dir), ShopFolderNotWritable)
    return os.fdopen(fd, "r+b", buffering=0)


if os.name == "nt":
    import msvcrt

    def _try_shared(handle: IO[bytes]) -> bool:
        for slot in range(1, _SLOTS + 1):
            handle.seek(slot)
            with contextlib.suppress(OSError):
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                return True
        return False

    def _try_exclusive(handle: IO[bytes]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, _SLOTS + 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_shared(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _try_exclusive(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


def hold_open(data_dir: Path, wait_s: float = _WAIT_S) -> ShopLock:
    """The shared lock of a shop being opened. Waits a little for a restore to finish; a
    restore that takes longer refuses the open (``ShopInUse`` with ``by="restore"``)."""
    handle = _open(data_dir)
    deadline = time.monotonic() + wait_s
    while not _try_shared(handle):
        if time.monotonic() >= deadline:
            handle.close()
            raise ShopInUse(path=str(data_dir), by="restore")
        time.sleep(0.05)
    return ShopLock(handle)


def hold_alone(data_dir: Path) -> ShopLock:
    """The exclusive lock a restore needs: refused at once while anyone has the shop open."""
    handle = _open(data_dir)
    if not _try_exclusive(handle):
        handle.close()
        raise ShopInUse(path=str(data_dir), by="open")
    return ShopLock(handle)
