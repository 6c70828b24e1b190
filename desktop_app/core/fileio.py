"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from desktop_app.core.errors import DataDirUnusable, DiskFull


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def raise_for_os_error(exc: OSError, path: Path) -> None:
    """Turn an OSError into the user-facing error it means."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        raise DiskFull(path=str(path)) from exc
    raise DataDirUnusable(path=str(path), reason=exc.strerror or str(exc)) from exc


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside ``path``, ``.NAME.RANDOM.tmp``, that only this user may read: what
    tempfile.mkstemp makes, without loading tempfile (and shutil, bz2 and lzma with it) into
    every command."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(
        os, "O_NOINHERIT", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a synced temporary file and a rename."""
    path = Path(path)
    fd, tmp = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise_for_os_error(exc, path)


def remove_stale_temporaries(folder: Path, older_than_s: float = 60) -> None:
    """Temporary files a killed write left in a shop folder (kill -9 and power cuts cannot
    clean up), and a killed restore's staging folders. Called at open, with the shop's
    lock held, so no restore is running; another counter's write takes milliseconds, so a
    temporary file a minute old is nobody's."""
    import time

    cutoff = time.time() - older_than_s
    for leftover in [*folder.glob(".*.tmp"), *folder.glob(".restore-*")]:
        try:
            if leftover.is_dir():
                import shutil  # here: only for a killed restore's folder

                shutil.rmtree(leftover, ignore_errors=True)
            elif leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            continue
