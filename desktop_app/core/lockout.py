"""Slowing down password guessing, per operator, outside the encrypted database.

The database cannot be read without a password, so failed logins are counted in a small
file beside the key slots. After ``FREE_FAILURES`` failures each further one makes the
operator wait longer; no more than ``MAX_PER_HOUR`` failures are accepted in any hour. While
a wait runs even the right password is refused, so guessing cannot outpace the waits.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.errors import LockedOut
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.keyslots import normalize_operator

log = logging.getLogger(__name__)

LOCKOUT_FILE = "lockout.json"
FREE_FAILURES = 5
WAITS_S = (30, 60, 300, 900, 3600)
MAX_PER_HOUR = 100
HOUR_S = 3600

_lock = threading.Lock()


class LoginThrottle:
    """Failure counts of one shop folder; ``clock`` is injectable for tests."""

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / LOCKOUT_FILE
        self.clock = clock

    def _load(self) -> dict[str, dict[str, list[float] | int]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self, data: dict[str, dict[str, list[float] | int]]) -> None:
        try:
            atomic_write_bytes(self.path, json.dumps(data).encode("utf-8"))
        except Exception:  # counting must never stop a shop from opening
            log.exception("could not save the login failure counts")

    def wait_seconds(self, operator: str) -> float:
        """How long ``operator`` must wait before the next attempt (0: may try now)."""
        entry = self._load().get(normalize_operator(operator))
        if not entry:
            return 0.0
        now = self.clock()
        failures = [t for t in entry.get("times", []) if now - t < HOUR_S]  # type: ignore[union-attr]
        streak = int(entry.get("streak", 0))  # type: ignore[arg-type]
        waits = [0.0]
        if streak >= FREE_FAILURES and failures:
            step = WAITS_S[min(streak - FREE_FAILURES, len(WAITS_S) - 1)]
            waits.append(max(failures) + step - now)
        if len(failures) >= MAX_PER_HOUR:
            waits.append(min(failures) + HOUR_S - now)
        return max(waits)

    def check(self, operator: str) -> None:
        wait = self.wait_seconds(operator)
        if wait > 0:
            raise LockedOut(operator=operator, seconds=int(wait + 0.999))

    def failed(self, operator: str) -> None:
        with _lock:
            data = self._load()
            entry = data.setdefault(normalize_operator(operator), {"streak": 0, "times": []})
            now = self.clock()
            times = [t for t in entry.get("times", []) if now - t < HOUR_S]  # type: ignore[union-attr]
            entry["times"] = [*times, now][-MAX_PER_HOUR:]
            entry["streak"] = int(entry.get("streak", 0)) + 1  # type: ignore[arg-type]
            self._save(data)

    def succeeded(self, operator: str) -> None:
        with _lock:
            data = self._load()
            if data.pop(normalize_operator(operator), None) is not None:
                self._save(data)
