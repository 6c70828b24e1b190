"""Witness files taken to the disk soon after a commit wrote them, on a thread of their own.

A commit's witness write reaches the system before its caller hears back: every process sees
it at once, and a crash of the app cannot lose it. Only the trip to the disk waits, at most
``DELAY_S``, so a redemption pays one sync, its database's (synchronous=FULL), not two.

What the wait cannot weaken: the database's commit is on the disk before the verdict, so a
power cut in that window leaves a witness at worst one commit behind the chain, which checks
out (a lagging witness is allowed), and loses no redemption. A disk that drops a synced
commit would drop an equally fresh witness sync with it. What it gives up: a witness older by
those milliseconds when the system itself dies before writing it back, and someone then puts
an older database back; the other witnesses, and the next commit, still see that.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time

log = logging.getLogger(__name__)

DELAY_S = 0.2  # commits within it share one sync per file
_data_sync = getattr(os, "fdatasync", os.fsync)  # not on Windows nor macOS

_pending: set[str] = set()
_wake = threading.Condition()
_syncing = threading.Lock()  # flush() waits for a sync the thread has begun
_thread: threading.Thread | None = None


def soon(path: str) -> None:
    """Take ``path`` (a witness file just written in place) to the disk within DELAY_S."""
    global _thread
    with _wake:
        _pending.add(path)
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="witness-sync", daemon=True)
            _thread.start()
        _wake.notify()


def pending() -> set[str]:
    """The files written but not yet synced."""
    with _wake:
        return set(_pending)


def flush() -> None:
    """Sync every pending witness now, and wait for one the thread is syncing (a shop's close,
    the process's exit)."""
    with _syncing:
        with _wake:
            paths = sorted(_pending)
            _pending.clear()
        for path in paths:
            _sync(path)


def _run() -> None:
    while True:
        with _wake:
            while not _pending:
                _wake.wait()
        time.sleep(DELAY_S)
        flush()


def _sync(path: str) -> None:
    """A failure is logged, not raised: the write itself happened, and the next commit's
    witness write and sync try again."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return  # moved away meanwhile (a restore sets the old folder aside): nothing to sync
    except OSError as exc:
        log.warning("could not open a witness to sync it: %s", type(exc).__name__)
        return
    try:
        _data_sync(fd)
    except OSError as exc:
        log.warning("could not sync a witness: %s", type(exc).__name__)
    finally:
        os.close(fd)


def _forget_in_child() -> None:
    """A forked child has no witness thread, and a lock the thread held at the fork would
    never be released there: it starts afresh (its parent syncs what the parent wrote)."""
    global _pending, _wake, _syncing, _thread
    _pending, _wake, _syncing, _thread = set(), threading.Condition(), threading.Lock(), None


atexit.register(flush)
if hasattr(os, "register_at_fork"):  # not on Windows, which never forks
    os.register_at_fork(after_in_child=_forget_in_child)
