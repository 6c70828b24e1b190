"""A lock every open shop holds, so nothing replaces the files under an open shop.

Each process (each window, each command) that has the shop open holds a *shared* lock on
``shop.lock`` in the data folder; ``restore`` takes it *exclusively*, without waiting, and is
refused while anyone else holds it. The operating system drops a lock when its process ends,
even by a crash or a kill, so a stale lock file never blocks anything.

POSIX: ``flock`` (per open file, so two shops opened in one process conflict too). Windows:
``msvcrt`` has only exclusive byte-range locks, so each opener locks one byte of its own in a
range of slots and the exclusive locker locks the whole range.

A lock file can be deleted under an open shop (a clean-up habit, a sync tool): the next opener
makes a new one with a free lock (QA s12a F7). On POSIX the data folder itself is locked the
same way, so a restore is still refused then; an open shop also notices a lock file that is
no longer the folder's before its next change (``ShopLock.in_folder``, see ``live_files``).
Windows refuses to delete a file that is open.
"""

from __future__ import annotations

import contextlib
import os
import time
import weakref
from collections.abc import Iterator
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

    def __init__(self, handle: IO[bytes], folder: int | None = None, slot: int = 0) -> None:
        self._handle: IO[bytes] | None = handle
        self._folder, self._slot = folder, slot
        self._finalizer = weakref.finalize(self, _close_quietly, handle, folder)
        held = os.fstat(handle.fileno())
        self._identity = (held.st_dev, held.st_ino)

    def release(self) -> None:
        if self._handle is not None:
            self._finalizer()  # closing drops flock and msvcrt locks alike
            self._handle = None

    @contextlib.contextmanager
    def alone(self, data_dir: Path) -> Iterator[None]:
        """This shared lock made exclusive while the block runs (a schema upgrade), then
        shared again: refused at once while anyone else has the shop open, any version of
        the app (each holds its shared lock while open; QA s12c F6)."""
        handle = self._handle
        if handle is None:
            raise ShopInUse(path=str(data_dir), by="open", action="upgrade")
        alone = _try_alone(handle, self._folder, self._slot)
        try:
            if not alone:
                raise ShopInUse(path=str(data_dir), by="open", action="upgrade")
            yield
        finally:
            self._share_again(data_dir)

    def _share_again(self, data_dir: Path) -> None:
        """Back to the shared lock. POSIX converts a lock by dropping it first, so another
        opener's exclusive lock (a restore, an upgrade) may come between: wait for it."""
        assert self._handle is not None
        deadline = time.monotonic() + _WAIT_S
        while not _share_again(self._handle, self._folder, self._slot):
            if time.monotonic() >= deadline:
                raise ShopInUse(path=str(data_dir), by="restore")
            time.sleep(0.05)

    @property
    def held(self) -> bool:
        return self._handle is not None

    def in_folder(self, data_dir: Path) -> bool:
        """Whether ``data_dir``'s lock file is still the file this lock holds: a deleted one
        is made again, free, by the next opener, and a restore could lock that (QA s12a F7).
        Where the file system reports no inode (``st_ino`` 0) it cannot be told: True."""
        if self._identity[1] == 0:
            return True
        try:
            found = os.stat(os.path.join(data_dir, LOCK_FILE))
        except OSError:
            return False
        return (found.st_dev, found.st_ino) == self._identity


def _close_quietly(handle: IO[bytes], folder: int | None = None) -> None:
    with contextlib.suppress(OSError):
        handle.close()
    if folder is not None:
        with contextlib.suppress(OSError):
            os.close(folder)


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

    def _try_shared(handle: IO[bytes]) -> int | None:
        for slot in range(1, _SLOTS + 1):
            handle.seek(slot)
            with contextlib.suppress(OSError):
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                return slot
        return None

    def _others(slot: int) -> list[tuple[int, int]]:
        """The whole range but this opener's own slot: (start, length) pairs."""
        return [(start, length) for start, length in ((0, slot), (slot + 1, _SLOTS - slot))
                if length > 0]

    def _try_alone(handle: IO[bytes], folder: int | None, slot: int) -> bool:
        """Every other slot locked too; what was locked is let go by ``_share_again``."""
        for start, length in _others(slot):
            handle.seek(start)
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, length)  # type: ignore[attr-defined]
            except OSError:
                return False
        return True

    def _share_again(handle: IO[bytes], folder: int | None, slot: int) -> bool:
        for start, length in _others(slot):
            handle.seek(start)
            with contextlib.suppress(OSError):  # not locked: the exclusive try failed there
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, length)  # type: ignore[attr-defined]
        return True

    def _try_exclusive(handle: IO[bytes]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, _SLOTS + 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _open_folder(data_dir: Path) -> int | None:
        return None  # an open lock file cannot be deleted on Windows

    def _try_folder(folder: int | None, *, exclusive: bool) -> bool:
        return True

else:
    import fcntl

    def _try_shared(handle: IO[bytes]) -> int | None:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return None
        return 0

    def _try_alone(handle: IO[bytes], folder: int | None, slot: int) -> bool:
        """flock converts the lock on the same file (dropping it first if that fails)."""
        return _try_exclusive(handle) and _try_folder(folder, exclusive=True)

    def _share_again(handle: IO[bytes], folder: int | None, slot: int) -> bool:
        return _try_shared(handle) is not None and _try_folder(folder, exclusive=False)

    def _try_exclusive(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _open_folder(data_dir: Path) -> int | None:
        try:
            return os.open(data_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return None

    def _try_folder(folder: int | None, *, exclusive: bool) -> bool:
        if folder is None:
            return True
        try:
            fcntl.flock(folder, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:  # a file system without locks on folders: the lock file alone
            return True
        return True


def hold_open(data_dir: Path, wait_s: float = _WAIT_S) -> ShopLock:
    """The shared lock of a shop being opened. Waits a little for a restore to finish; a
    restore that takes longer refuses the open (``ShopInUse`` with ``by="restore"``)."""
    handle = _open(data_dir)
    folder = _open_folder(data_dir)
    deadline = time.monotonic() + wait_s
    while (slot := _try_shared(handle)) is None or not _try_folder(folder, exclusive=False):
        if time.monotonic() >= deadline:
            _close_quietly(handle, folder)
            raise ShopInUse(path=str(data_dir), by="restore")
        time.sleep(0.05)
    return ShopLock(handle, folder, slot)


def hold_alone(data_dir: Path) -> ShopLock:
    """The exclusive lock a restore needs: refused at once while anyone has the shop open."""
    handle = _open(data_dir)
    folder = _open_folder(data_dir)
    if not (_try_exclusive(handle) and _try_folder(folder, exclusive=True)):
        _close_quietly(handle, folder)
        raise ShopInUse(path=str(data_dir), by="open")
    return ShopLock(handle, folder)
