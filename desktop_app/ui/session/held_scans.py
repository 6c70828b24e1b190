"""Vouchers scanned at the lock or login screen, kept for the login (no Qt).

A scan there is redeemed right after the unlock, in order, if the customer can still be at
the counter; the same voucher scanned again (nothing seemed to happen) is one voucher, so it
is kept once. Only bursts with a voucher's shape are ever kept (``ShopSession._scanned``): any
other fast text may be a password.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

# Redeemed after the unlock only if not older than this: the customer is still at the counter.
HELD_SCAN_S = 60.0
# Scans kept, oldest first: a customer's few vouchers, not a day's.
HELD_SCANS_MAX = 20


@dataclass(frozen=True)
class Released:
    """What the login takes: the scans to redeem, in order, and how many grew too old."""

    fresh: list[str]
    too_old: int


class HeldScans:
    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self._clock = clock or (lambda: time.monotonic())  # looked up when read: tests move it
        self._held: list[tuple[str, float]] = []  # (text, clock()), in order

    def hold(self, text: str) -> None:
        now = self._clock()
        kept = [(held, at) for held, at in self._held
                if now - at < HELD_SCAN_S and held != text]
        self._held = [*kept, (text, now)][-HELD_SCANS_MAX:]

    def count(self) -> int:
        """Scans still fresh enough to be redeemed at the login."""
        now = self._clock()
        return sum(1 for _text, at in self._held if now - at < HELD_SCAN_S)

    def release(self) -> Released:
        """Every scan held, taken out: those to redeem now and the count of those too old."""
        held, self._held = self._held, []
        now = self._clock()
        fresh = [text for text, at in held if now - at < HELD_SCAN_S]
        return Released(fresh, len(held) - len(fresh))
