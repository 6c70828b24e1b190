"""A counter station: scanned or typed text in, a complete verdict and the station's list out.

Every way in (a USB scanner's keys, the camera, a typed code) ends in ``Counter.scan``: the
text is normalised once; a code this station decided in the last few seconds repeats that
verdict and consumes nothing (a scanner's double read, a voucher held in front of the lens);
a code whose check is still running waits for that check instead of starting a second one;
anything else goes to ``core.redemption.redeem``. The result carries all the screen shows, so
nothing goes back to the database for it. Safe to call from any thread (the GUI calls it on
its database worker).

Also the look-ups that never consume (``voucher_by_text``, ``history``).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from peewee import JOIN

from desktop_app.core import redemption, vouchers
from desktop_app.core.errors import NotFound
from desktop_app.core.models import Operator, Product, RedemptionAttempt, Voucher
from desktop_app.core.redemption import MAX_STATION, Verdict
from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

REPEAT_WINDOW_S = 3.0
RECENT_LIMIT = 50


@dataclass(frozen=True)
class RecentAttempt:
    """One row of a station's recent redemptions, as the counter lists them."""

    attempt_id: int
    at: dt.datetime
    code: str  # the printed form; for text that named no voucher, what was scanned
    product: str
    reason: str  # a verdict reason, or "undone" for an undo record
    ok: bool
    operator: str
    station: str
    undone: bool = False  # a redemption an owner has since undone
    note: str = ""
    uses_left_after: int | None = None


@dataclass(frozen=True)
class CounterResult:
    """One scan's outcome: the verdict and the station's list after it."""

    verdict: Verdict
    repeated: bool  # a double read: the earlier verdict again, nothing consumed
    source: str  # where the text came from (scanner, keyboard, camera), as the caller said
    # None on a repeat (nothing new to list) or when the list could not be read this time
    recent: list[RecentAttempt] | None


@dataclass(frozen=True)
class UndoResult:
    uses_left: int | None
    recent: list[RecentAttempt]


class Counter:
    """One station. ``clock`` (seconds, monotonic) times the repeat window; tests set it."""

    def __init__(self, shop: Shop, station: str, *, window_s: float = REPEAT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic,
                 recent_limit: int = RECENT_LIMIT) -> None:
        self.shop = shop
        self.station = station
        self.window_s = window_s
        self.clock = clock
        self.recent_limit = recent_limit
        self._lock = threading.Lock()
        self._settled = threading.Condition(self._lock)
        self._in_flight: set[str] = set()
        self._decided: dict[str, tuple[float, CounterResult]] = {}  # code -> (last seen, result)

    def scan(self, text: str, source: str, now: dt.datetime | None = None, *,
             amount_cents: int | None = None) -> CounterResult:
        """Redeem what ``text`` names (spend ``amount_cents`` from a gift card), or repeat the
        verdict it got moments ago. The amount is part of what repeats: a double read spends
        once, while a card that was refused for want of an amount can be scanned with one."""
        scanned = text.strip()
        code = vouchers.normalize(scanned)
        key = code if amount_cents is None else f"{code} {amount_cents}"
        with self._settled:
            while key in self._in_flight:  # the same code, still being decided elsewhere
                self._settled.wait()
            earlier = self._repeat_of(key)
            if earlier is not None:
                return replace(earlier, repeated=True, source=source, recent=None)
            self._in_flight.add(key)
        try:
            verdict = redemption.redeem(self.shop, scanned, self.station, now,
                                        amount_cents=amount_cents, normalized=code)
            result = CounterResult(verdict, False, source, self._recent_quietly())
            with self._lock:
                self._decided[key] = (self.clock(), result)
            return result
        finally:
            with self._settled:
                self._in_flight.discard(key)
                self._settled.notify_all()

    def _repeat_of(self, key: str) -> CounterResult | None:
        now = self.clock()
        # Every code seen in the window is remembered, not just the last: A, B, A repeats A.
        self._decided = {k: seen for k, seen in self._decided.items()
                         if now - seen[0] < self.window_s}
        seen = self._decided.get(key)
        if seen is None:
            return None
        self._decided[key] = (now, seen[1])  # a voucher held still stays quiet
        return seen[1]

    def recent(self) -> list[RecentAttempt]:
        return recent_attempts(self.shop, self.station, self.recent_limit)

    def _recent_quietly(self) -> list[RecentAttempt] | None:
        # After a verdict the list must not hide it: a failure here is logged, the verdict kept.
        try:
            return self.recent()
        except Exception:
            log.exception("reading the recent redemptions after a verdict failed")
            return None

    def undo(self, attempt_id: int, note: str) -> UndoResult:
        """Give back a use (owners). The voucher's next scan is a new attempt, not a repeat."""
        undo = redemption.undo_redemption(self.shop, attempt_id, note, self.station)
        with self._lock:
            self._decided = {k: seen for k, seen in self._decided.items()
                             if seen[1].verdict.voucher_id != undo.voucher_id}
        return UndoResult(undo.uses_left_after, self.recent())


def _attempt_code(attempt: RedemptionAttempt) -> str:
    if attempt.voucher_id is not None:
        return vouchers.typed_code(attempt.voucher.code)
    return attempt.scanned_text


def recent_attempts(shop: Shop, station: str, limit: int = RECENT_LIMIT) -> list[RecentAttempt]:
    """The latest attempts at ``station``, newest first. A clerk sees only their own: the
    owner decides what others did at the counter, a clerk answers for what they did."""
    query = (RedemptionAttempt.select(RedemptionAttempt, Voucher, Product, Operator)
             .join_from(RedemptionAttempt, Voucher, JOIN.LEFT_OUTER)
             .join_from(Voucher, Product, JOIN.LEFT_OUTER)
             .join_from(RedemptionAttempt, Operator)
             .where(RedemptionAttempt.station == (station.strip() or "?")[:MAX_STATION])
             .order_by(RedemptionAttempt.id.desc()).limit(max(0, limit)))
    if not shop.is_owner:
        query = query.where(RedemptionAttempt.operator == shop.operator.id)
    rows = list(query)
    ids = [row.id for row in rows if row.ok]
    undone = {row.undo_of_id for row in RedemptionAttempt.select(RedemptionAttempt.undo_of)
              .where(RedemptionAttempt.undo_of.in_(ids))} if ids else set()
    return [RecentAttempt(
        attempt_id=row.id, at=row.created_at, code=_attempt_code(row),
        product=row.voucher.product.name if row.voucher_id is not None else "",
        reason=row.reason, ok=row.ok, operator=row.operator.name, station=row.station,
        undone=row.id in undone, note=row.note, uses_left_after=row.uses_left_after)
        for row in rows]


# --- look-ups that never consume -------------------------------------------------------------


def voucher_by_text(shop: Shop, text: str) -> Voucher:
    """The voucher a QR payload or typed code names (no use consumed)."""
    parsed = vouchers.parse(text, shop.shop_id, shop.voucher_key)
    voucher = None if parsed.reason else Voucher.get_or_none(Voucher.code == parsed.code)
    if voucher is None:
        raise NotFound(what="voucher", reason=parsed.reason or "unknown_code")
    return voucher


def history(voucher: Voucher) -> list[RedemptionAttempt]:
    return list(RedemptionAttempt.select().where(RedemptionAttempt.voucher == voucher)
                .order_by(RedemptionAttempt.id))
