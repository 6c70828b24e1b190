"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NoReturn

from desktop_app.core.errors import CannotWrite, DataDirUnusable, DiskFull, InvalidInput

# What the system says when a place takes no new file, as the user can act on it.
_NOT_WRITABLE = {errno.EROFS: "read_only", errno.EACCES: "no_permission",
                 errno.EPERM: "no_permission"}
_NOT_A_FOLDER = {errno.ENOTDIR: "not_a_folder", errno.EEXIST: "not_a_folder"}


def os_reason(exc: OSError) -> str:
    """Why the system refused, as a code the messages translate (read_only, no_permission,
    not_a_folder), else the error's name (ENOENT...): never the system's English words in a
    translated message (QA s10a F5)."""
    number = exc.errno or 0
    reason = _NOT_WRITABLE.get(number) or _NOT_A_FOLDER.get(number)
    return reason or errno.errorcode.get(number, "unknown")


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename.
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def raise_for_os_error(exc: OSError, path: Path, not_writable: type[CannotWrite] = CannotWrite,
                       *, making_a_file: bool = False) -> NoReturn:
    """Turn an OSError into the user-facing error it means; a place that takes no file (a
    read-only disk, a folder not ours) is ``not_writable``. ``making_a_file``: the error came
    from making a new file there, so whatever the system says, the place takes none (a system
    folder such as /proc refuses with errors of its own)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        # ``folder``: the disk that is full is named, perhaps not the shop's (a backup's USB
        # stick, the per-user witness folder), and the shop's data is not what failed.
        folder = path if path.is_dir() else path.parent
        raise DiskFull(path=str(path), folder=str(folder)) from exc
    if exc.errno in _NOT_WRITABLE or making_a_file:
        raise not_writable(path=str(path), reason=os_reason(exc)) from exc
    raise DataDirUnusable(path=str(path), reason=os_reason(exc)) from exc


def check_opens_for_writing(paths: Iterable[Path],
                            not_writable: type[CannotWrite] = CannotWrite) -> None:
    """Each of ``paths`` that exists opens for writing, else ``not_writable`` naming all
    that do not (``files``, in ``folder``), so they are put right at once, not one a try.
    A file made read-only, or another user's, in a folder that is writable: SQLite opens it
    read-only without a word and the first change then fails."""
    refused: list[tuple[Path, OSError]] = []
    for path in paths:
        try:
            _try_for_writing(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            if exc.errno not in _NOT_WRITABLE:
                raise_for_os_error(exc, path, not_writable)
            refused.append((path, exc))
    if refused:
        first, why = refused[0]
        raise not_writable(path=str(first), reason=os_reason(why), folder=str(first.parent),
                           files=", ".join(path.name for path, _ in refused))


def _try_for_writing(path: Path) -> None:
    """OSError when ``path`` would not open for writing. On POSIX it is asked, not opened:
    SQLite's locks are the process's record locks, and closing any descriptor of a file drops
    every one the process holds on it, an open connection's too, without it knowing. Another
    process's connection then took the shop's log for its own and deleted it, and the open
    shop went on writing into a log no longer in the folder (QA s41a F9: a second login in
    the same window, then a command beside it; held as "files replaced")."""
    if os.name == "nt":  # a handle's byte-range locks are its own: opening is safe there
        os.close(os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0)))
        return
    if not os.path.lexists(path):
        raise FileNotFoundError(errno.ENOENT, "not there", str(path))
    if not os.access(path, os.W_OK):
        read_only = os.statvfs(path).f_flag & os.ST_RDONLY
        raise PermissionError(errno.EROFS if read_only else errno.EACCES, "not writable",
                              str(path))


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
        except OSError as exc:
            raise_for_os_error(exc, path, making_a_file=True)


def check_writable(path: Path) -> Path:
    """``path``'s folder exists and takes a new file. Checked before work whose result a
    refused write would lose (a batch issued, a backup exported); the same check and words
    for every file a user chooses."""
    if not path.parent.is_dir():
        raise InvalidInput(field="out", problem="no_folder", path=str(path.parent))
    if path.is_dir():  # QA round 2: a batch was issued, then its file failed on the folder
        raise InvalidInput(field="out", problem="is_a_folder", path=str(path))
    fd, tmp = _new_temporary(path)
    os.close(fd)
    tmp.unlink(missing_ok=True)
    return path


# What a staged file holds: its bytes, or a function writing them to the open file (a
# backup of hundreds of megabytes, written in chunks rather than built in memory).
Content = bytes | Callable[[BinaryIO], object]


def atomic_write_bytes(path: Path, data: Content) -> None:
    """Write ``data`` to ``path`` via a synced temporary file and a rename: a crash leaves
    the old file or the new one, never half of one."""
    with staged_write(path, data) as publish:
        publish()


@contextlib.contextmanager
def staged_write(path: Path, data: Content) -> Iterator[Callable[[], None]]:
    """``data`` in a synced temporary file beside ``path``; calling what this yields renames
    it into place. Not called (the caller's audit record refused, say), the temporary file
    goes and ``path`` is as it was: an export is never left behind by a refused one."""
    path = Path(path)
    write = data if callable(data) else (lambda handle: handle.write(data))
    fd, tmp = _new_temporary(path)

    def publish() -> None:
        try:
            os.replace(tmp, path)
            _fsync_dir(path.parent)
        except OSError as exc:
            raise_for_os_error(exc, path)

    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise_for_os_error(exc, path)
        yield publish
    finally:
        tmp.unlink(missing_ok=True)  # gone already once published


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
