"""Slowing down password guessing, per operator and per source, outside the encrypted database.

The database cannot be read without a password, so failed logins are counted in a small
file beside the key slots. Failures are counted per operator name *and* per source: the
computer's user for a login, or the session an operator locked (``session:<name>``). After
``FREE_FAILURES`` failures from one source each further one makes that source wait longer; no
more than ``MAX_PER_HOUR`` failures from one source are accepted in any hour. While a wait
runs even the right password (or the recovery key) is refused from that source, so guessing
cannot outpace the waits; but a clerk guessing at "owner" from their own locked session
never makes the owner wait at the login screen.

Every failure is also kept, with its source, until the operator's next login, which reports
how many there were ("3 failed attempts since your last login").

A new password the owner gives (or an owner's own, set with the recovery key) ends every wait
of that name (``forgive``): the operator is then typing the password just given, not guessing.

What this cannot do: the file lives in the shop folder, which everyone who can run the app
can write, so someone with the files can reset it, or copy ``keyslots.json`` away and guess
offline; there only scrypt's cost and the password's length protect the shop.
"""

from __future__ import annotations

import getpass
import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app.core.errors import LockedOut
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.keyslots import normalize_operator

log = logging.getLogger(__name__)

LOCKOUT_FILE = "lockout.json"
FREE_FAILURES = 5
WAITS_S = (30, 60, 300, 900, 3600)
MAX_PER_HOUR = 100
HOUR_S = 3600
MAX_UNSEEN = 1000  # failures kept for the "since your last login" line
RECOVERY_KEY = "recovery_key"  # a ``LockedOut``'s credential, as a ``WrongPassword``'s

_lock = threading.Lock()


def login_source(session_operator: str | None = None) -> str:
    """Where a login attempt comes from: the operator whose locked session it is typed into,
    else this computer's user (the command line, the login screen)."""
    if session_operator:
        return f"session:{normalize_operator(session_operator)}"
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        user = "?"
    return f"user:{user}"


class LoginThrottle:
    """Failure counts of one shop folder; ``clock`` is injectable for tests."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / LOCKOUT_FILE
        self.clock = clock

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != 2:
            return {}  # the first format counted per name only: start afresh
        return data

    def _save(self, data: dict[str, Any]) -> None:
        data["format"] = 2
        try:
            # A restore into a folder not made yet counts wrong passwords too (QA s39a F16:
            # a traceback in the log, the guesses not counted).
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps(data).encode("utf-8"))
        except Exception:  # counting must never stop a shop from opening
            log.exception("could not save the login failure counts")

    def _entry(self, data: dict[str, Any], operator: str) -> dict[str, Any]:
        names = data.setdefault("operators", {})
        entry = names.setdefault(normalize_operator(operator), {})
        if not isinstance(entry, dict):
            entry = names[normalize_operator(operator)] = {}
        entry.setdefault("sources", {})
        entry.setdefault("unseen", [])
        return entry

    def wait_seconds(self, operator: str, source: str | None = None) -> float:
        """How long ``operator`` must wait before the next attempt from ``source``."""
        source = source or login_source()
        entry = self._entry(self._load(), operator)
        counts = entry["sources"].get(source)
        if not isinstance(counts, dict):
            return 0.0
        now = self.clock()
        failures = [float(t) for t in counts.get("times", []) if now - float(t) < HOUR_S]
        streak = int(counts.get("streak", 0))
        waits = [0.0]
        if streak >= FREE_FAILURES and failures:
            step = WAITS_S[min(streak - FREE_FAILURES, len(WAITS_S) - 1)]
            waits.append(max(failures) + step - now)
        if len(failures) >= MAX_PER_HOUR:
            waits.append(min(failures) + HOUR_S - now)
        return max(waits)

    def check(self, operator: str, source: str | None = None, *,
              credential: str = "password") -> None:
        """Raise ``LockedOut`` while a wait runs; ``credential``: what is being tried (the
        recovery key waits as a password does, and its words say so: QA s18a F10)."""
        wait = self.wait_seconds(operator, source)
        if wait > 0:
            facts = {"credential": credential} if credential != "password" else {}
            raise LockedOut(operator=operator, seconds=int(wait + 0.999), **facts)

    def failed(self, operator: str, source: str | None = None) -> None:
        source = source or login_source()
        with _lock:
            data = self._load()
            entry = self._entry(data, operator)
            now = self.clock()
            counts = entry["sources"].setdefault(source, {"streak": 0, "times": []})
            times = [t for t in counts.get("times", []) if now - float(t) < HOUR_S]
            counts["times"] = [*times, now][-MAX_PER_HOUR:]
            counts["streak"] = int(counts.get("streak", 0)) + 1
            entry["unseen"] = [*entry["unseen"], [now, source]][-MAX_UNSEEN:]
            self._save(data)

    def succeeded(self, operator: str, source: str | None = None) -> int:
        """A login as ``operator`` from ``source`` worked: that source's streak ends. Returns
        the failed attempts (from any source) since the operator's previous login."""
        source = source or login_source()
        with _lock:
            data = self._load()
            entry = self._entry(data, operator)
            unseen = len(entry["unseen"])
            had_streak = entry["sources"].pop(source, None) is not None
            entry["unseen"] = []
            if unseen or had_streak:
                self._save(data)
            return unseen

    def forgive(self, operator: str) -> None:
        """An owner gave ``operator`` a new password, or an owner set their own with the
        recovery key: the waits of that name end, from every source (QA s19a F8: the new
        password was refused "too many wrong passwords" for up to an hour). The failures stay
        listed for the operator's next login."""
        with _lock:
            data = self._load()
            entry = self._entry(data, operator)
            if entry["sources"]:
                entry["sources"] = {}
                self._save(data)
