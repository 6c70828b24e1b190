"""A counter station: scanned or typed text in, a complete verdict and the station's list out.

Every way in (a USB scanner's keys, the camera, a typed code) ends in ``Counter.scan``: the
text is normalised once; a voucher this station decided in the last few seconds, whatever
text named it (its QR or its printed code), repeats that verdict with its uses and balance as
they are now and consumes nothing (a scanner's double read, a voucher held in front of the
lens); a voucher whose check is still running waits for that check instead of starting a second;
anything else goes to ``core.redemption.redeem``. The result carries all the screen shows, so
nothing goes back to the database for it. Safe to call from any thread (the GUI calls it on
its database worker).

The look-ups that never consume are ``core.voucher_lookup``'s.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from desktop_app.core import lost_commit, pending_scans, redemption, vouchers
from desktop_app.core.counter_recent import RECENT_LIMIT, RecentAttempt, recent_attempts
from desktop_app.core.errors import ServerUnreachable
from desktop_app.core.lost_commit import RedemptionUncertain
from desktop_app.core.lost_scans import LostScans, SettledScan, voucher_key
from desktop_app.core.models import Voucher
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop
from desktop_app.core.voucher_lookup import lookup

log = logging.getLogger(__name__)

REPEAT_WINDOW_S = 3.0


@dataclass(frozen=True)
class CounterResult:
    """One scan's outcome: the verdict and the station's list after it."""

    verdict: Verdict
    repeated: bool  # a double read: the earlier verdict again, nothing consumed
    source: str  # where the text came from (scanner, keyboard, camera), as the caller said
    # None on a repeat (nothing new to list) or when the list could not be read this time
    recent: list[RecentAttempt] | None
    # The verdict of this station's earlier scan of the voucher, whose answer was lost and
    # which the server has since shown saved: nothing was consumed by this scan.
    earlier_scan: bool = False


@dataclass(frozen=True)
class UndoResult:
    uses_left: int | None
    recent: list[RecentAttempt]
    balance: int | None = None  # a gift card's balance once its spend was given back


# What a scan asks for: (uses, a gift card's amount in cents or None).
Request = tuple[int, int | None]
DEFAULT_REQUEST: Request = (1, None)  # the uses and amount pickers reset to it after a scan


@dataclass(frozen=True)
class _Decision:
    """The latest verdict this station gave a code, what was asked, and when last seen."""

    at: float
    request: Request
    result: CounterResult

    def repeated_by(self, request: Request) -> bool:
        """A scan within the window repeats this decision when it asks the same, or asks
        nothing in particular: the pickers reset after every scan, so a scanner's double read
        of a "3 uses" or "¥35.50" scan comes as the default (QA s15a F2: it took one more
        use). Only another amount or number of uses, chosen, is a new attempt: a card
        refused for want of an amount, or a pass for want of uses, scanned again with one.
        A pass refused for the amount given with it is asked for again without one (the
        counter says "scan the voucher again"): that scan is a new attempt too."""
        if request == self.request:
            return True
        return request == DEFAULT_REQUEST and self.result.verdict.reason != "not_a_giftcard"


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
        self._decided: dict[str, _Decision] = {}  # by normalised code
        self.lost = LostScans()  # scans whose commit lost its answer, until the server says
        self.settle_wait_s = lost_commit.SETTLE_WAIT_S

    def scan(self, text: str, source: str, now: dt.datetime | None = None, *,
             uses: int = 1, amount_cents: int | None = None,
             by_hand: bool = False) -> CounterResult:
        """Redeem ``uses`` uses of what ``text`` names (or spend ``amount_cents`` from a gift
        card), or repeat the verdict it got moments ago (see ``_Decision.repeated_by``).
        ``by_hand``: typed by a person (``redemption.redeem``: kept hidden if no code)."""
        scanned = text.strip()
        code = vouchers.normalize(scanned)
        # The voucher, not the text: its QR and its printed code are one (QA s19a F12). A
        # parse costs an HMAC of a few bytes, no database.
        key = voucher_key(self.shop, scanned, code)
        request = (uses, amount_cents)
        with self._settled:
            while key in self._in_flight:  # the same voucher, still being decided elsewhere
                self._settled.wait()
            earlier = self._repeat_of(key, request)
            if earlier is not None:
                return replace(earlier, repeated=True, source=source, recent=None)
            self._in_flight.add(key)
        try:
            lost_before = (self.lost.settle_one(self.shop, key)
                           if self.lost.any_for() else None)
            self._forget_noted([lost_before] if lost_before is not None else [])
            if lost_before is not None and lost_before.saved:  # no second use, nor charge
                return CounterResult(lost_before.verdict, False, source, self._recent_quietly(),
                                     earlier_scan=True)
            if lost_before is None:  # one noted before a restart of the app (or a command)
                noted = pending_scans.settle_earlier(self.shop, scanned, self.station)
                if noted is not None:
                    verdict = pending_scans.earlier_verdict(
                        self.shop, self.station, lookup(self.shop, scanned), noted)
                    return CounterResult(verdict, False, source, self._recent_quietly(),
                                         earlier_scan=True)
            try:
                verdict = redemption.redeem(
                    self.shop, scanned, self.station, uses=uses, amount_cents=amount_cents,
                    now=now, normalized=code, by_hand=by_hand,
                    settle_wait_s=self.settle_wait_s)
            except RedemptionUncertain as lost:
                self.lost.remember(key, lost)
                pending_scans.remember(self.shop, scanned, self.station,
                                       int(lost.params["attempt_id"]))
                raise
            result = CounterResult(verdict, False, source, self._recent_quietly())
            with self._lock:
                self._decided[key] = _Decision(self.clock(), request, result)
            return result
        finally:
            with self._settled:
                self._in_flight.discard(key)
                self._settled.notify_all()

    def _repeat_of(self, key: str, request: Request) -> CounterResult | None:
        now = self.clock()
        # Every voucher seen in the window is remembered, not just the last: A, B, A repeats A.
        self._decided = {k: seen for k, seen in self._decided.items()
                         if now - seen.at < self.window_s}
        seen = self._decided.get(key)
        if seen is None or not seen.repeated_by(request):
            return None
        try:
            verdict = _verdict_now(seen.result.verdict)
        except ServerUnreachable:  # not to be asked now: the verdict as it was (QA s39b F18)
            verdict = seen.result.verdict
        if verdict is None:  # refunded, or a use given back since: checked afresh
            del self._decided[key]
            return None
        result = seen.result if verdict is seen.result.verdict else replace(seen.result,
                                                                            verdict=verdict)
        self._decided[key] = _Decision(now, seen.request, result)  # held still: stays quiet
        return result

    def last_known_repeat(self, text: str, source: str, uses: int = 1,
                          amount_cents: int | None = None) -> CounterResult | None:
        """The verdict ``text`` got within the repeat window, as it was then, asking nothing
        of the database: a double read while the server is away repeats the green it just
        got, not "nothing was redeemed … scan again", which took a second use once the server
        was back (QA s39b F18)."""
        if not self._decided:
            return None  # nothing decided: not even the voucher key was read yet
        scanned = text.strip()
        key = voucher_key(self.shop, scanned, vouchers.normalize(scanned))
        with self._settled:
            seen = self._decided.get(key)
            if seen is None or self.clock() - seen.at >= self.window_s \
                    or not seen.repeated_by((uses, amount_cents)):
                return None
        return replace(seen.result, repeated=True, source=source, recent=None)

    def recent(self) -> list[RecentAttempt]:
        return recent_attempts(self.shop, self.station, self.recent_limit)

    def _recent_quietly(self) -> list[RecentAttempt] | None:
        # After a verdict the list must not hide it: a failure here is logged, the verdict kept.
        try:
            return self.recent()
        except Exception:
            log.exception("reading the recent redemptions after a verdict failed")
            return None

    def settle_lost(self) -> tuple[list[SettledScan], list[RecentAttempt] | None]:
        """The lost scans the server can now answer for, and the list after them."""
        settled = self.lost.settle_all(self.shop)
        self._forget_noted(settled)
        return settled, self._recent_quietly() if settled else None

    def _forget_noted(self, settled: list[SettledScan]) -> None:
        """Found out: no need for the note that outlives this run (``pending_scans``)."""
        for scan in settled:
            if scan.verdict.attempt_id is not None:
                pending_scans.forget(self.shop, scan.verdict.attempt_id)

    def undo(self, attempt_id: int, note: str) -> UndoResult:
        """Give back a use (owners). The voucher's next scan is a new attempt, not a repeat."""
        undo = redemption.undo_redemption(self.shop, attempt_id, note, self.station,
                                          settle_wait_s=self.settle_wait_s)
        with self._lock:
            self._decided = {k: seen for k, seen in self._decided.items()
                             if seen.result.verdict.voucher_id != undo.voucher_id}
        balance = (Voucher.select(Voucher.balance_cents)
                   .where(Voucher.id == undo.voucher_id).scalar())
        return UndoResult(undo.uses_left_after, self.recent(), balance)


def _verdict_now(verdict: Verdict) -> Verdict | None:
    """A use taken moments ago, repeated with the voucher's uses and balance as they are now
    (another counter may have taken one since); None when its green no longer holds: the
    voucher was refunded or voided (QA s16a F4: re-scans 2.5 s apart kept the green verdict
    of a refunded pass for 10 s), or a use or an amount was given back (an undo elsewhere).
    Read on repeats of a use taken only (one row by its key): a refusal takes nothing."""
    if not verdict.ok or verdict.voucher_id is None:
        return verdict
    row = (Voucher.select(Voucher.state, Voucher.uses_left, Voucher.balance_cents)
           .where(Voucher.id == verdict.voucher_id).tuples().first())
    if row is None or row[0] != "valid":
        return None
    uses_left, balance = row[1], row[2]
    if _more(uses_left, verdict.uses_left) or _more(balance, verdict.balance):
        return None
    if (uses_left, balance) == (verdict.uses_left, verdict.balance):
        return verdict
    return replace(verdict, uses_left=uses_left, balance=balance)


def _more(now: int | None, then: int | None) -> bool:
    return now is not None and then is not None and now > then
