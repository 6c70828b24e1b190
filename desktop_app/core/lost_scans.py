"""A station's scans whose COMMIT lost its answer, kept until the server says what became of
them (see ``core.lost_commit``).

The counter remembers each by the voucher it named. When the server answers again (the tab
asks, or the same voucher is scanned again) each is settled: saved, and its verdict is the
one the cashier needs ("your earlier scan went through"); or not saved, and nothing was
taken. A re-scan of that voucher never takes a second use or a second charge before that,
nor the first re-scan within ``ANSWERED_KEPT_S`` after the tab settled it (QA s13b N1: the
cashier, unsure, scans once more; a deliberate second use is the scan after).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from desktop_app.core import lost_commit, vouchers
from desktop_app.core.lost_commit import RedemptionUncertain
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop

ANSWERED_KEPT_S = 120.0


@dataclass(frozen=True)
class SettledScan:
    """An earlier scan whose answer was lost, now known: ``saved`` or not."""

    verdict: Verdict  # what that scan decided (true only if saved)
    saved: bool


def voucher_key(shop: Shop, text: str, normalized: str) -> str:
    """The voucher ``text`` names (its code), whether scanned as a QR or typed; else the text."""
    parsed = vouchers.parse(text, shop.shop_id, shop.voucher_key, normalized)
    return parsed.code if parsed.reason is None else normalized


class LostScans:
    """Thread-safe: the counter's worker settles, any thread may ask whether some wait."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, tuple[Verdict, RedemptionUncertain]] = {}
        # Found saved by ``settle_all``: kept for the voucher's next scan (monotonic time).
        self._answered: dict[str, tuple[float, SettledScan]] = {}

    def __bool__(self) -> bool:
        """Some scan still waits for the server's answer."""
        with self._lock:
            return bool(self._waiting)

    def any_for(self) -> bool:
        """A scan waits, or one found saved waits for its voucher's next scan."""
        with self._lock:
            return bool(self._waiting or self._answered)

    def waiting_codes(self) -> list[str]:
        """The printed codes of the scans still waiting for the server to say."""
        with self._lock:
            return [verdict.code or key for key, (verdict, _lost) in self._waiting.items()]

    def waiting_for(self, key: str) -> RedemptionUncertain | None:
        """The lost scan of this voucher still waiting for the server, if any."""
        with self._lock:
            waiting = self._waiting.get(key)
        return waiting[1] if waiting else None

    def remember(self, key: str, lost: RedemptionUncertain) -> None:
        if lost.verdict is not None:  # redemption.redeem always says what it decided
            with self._lock:
                self._waiting[key] = (lost.verdict, lost)

    def settle_one(self, shop: Shop, key: str) -> SettledScan | None:
        """The earlier lost scan of this voucher, settled now; None when there is none.
        ``RedemptionUncertain`` again while the server still does not answer."""
        with self._lock:
            waiting = self._waiting.get(key)
            answered = self._answered.pop(key, None)
        if waiting is None:
            fresh = answered and time.monotonic() - answered[0] < ANSWERED_KEPT_S
            return answered[1] if answered and fresh else None
        settled = self._settle(shop, key, *waiting)
        if settled is None:
            raise RedemptionUncertain(waiting[0], **waiting[1].params)
        return settled

    def settle_all(self, shop: Shop) -> list[SettledScan]:
        """Every lost scan the server can now answer for, oldest first; the others wait."""
        with self._lock:
            waiting = list(self._waiting.items())
        found = [(key, self._settle(shop, key, *lost)) for key, lost in waiting]
        now = time.monotonic()
        with self._lock:
            self._answered = {k: seen for k, seen in self._answered.items()
                              if now - seen[0] < ANSWERED_KEPT_S}
            self._answered.update((key, (now, settled)) for key, settled in found
                                  if settled is not None and settled.saved)
        return [settled for _key, settled in found if settled is not None]

    def _settle(self, shop: Shop, key: str, verdict: Verdict,
                lost: RedemptionUncertain) -> SettledScan | None:
        attempt_id = int(lost.params["attempt_id"])
        saved = lost_commit.settle(shop, lost_commit.attempt_saved, attempt_id, wait_s=0)
        if saved is None:
            return None
        with self._lock:
            if self._waiting.get(key, (None, None))[1] is lost:
                del self._waiting[key]
        return SettledScan(verdict, saved)
