"""The counter's look-ups: one voucher shown with its history, consuming nothing, and kept
current while it shows (QA s16a F3).

A look-up says what a redemption would say now. Another counter's redemption of that voucher,
or the owner's undo, reaches this counter as a change notice (``ShopEvents``: a server's
NOTIFY, or a task of this app); the look-up on screen is then read again, on the worker behind
any scan waiting (a re-read lane task), and its words and history updated in place: no flash,
no focus taken, the verdict's own time to clear left as it was. Notices closer together than
``FOLLOW_DELAY_MS`` are one re-read, and a notice during a re-read is one more read after it,
so a busy Saturday at the other counters is never a storm of reads here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.core import events
from desktop_app.core.errors import NotFound
from desktop_app.core.store import Shop
from desktop_app.core.voucher_lookup import VoucherInfo, find_vouchers, lookup
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import TONE_LOOKUP
from desktop_app.ui.counter.redemption_panels import FindPanel, HistoryPanel
from desktop_app.ui.counter.verdict_panel import VerdictPanel
from desktop_app.ui.events import shop_events

FOLLOW_DELAY_MS = 300  # notices this close together are one re-read; soon enough to read
FOLLOWED = frozenset({events.REDEMPTIONS, events.VOUCHERS})  # what a look-up shows


class LookUps(QObject):
    """``look_up(text)`` shows the voucher ``text`` names; ``looked_up(info)`` once shown,
    ``refreshed(info)`` when a change notice updated it. ``failed(exc)`` hears a failure
    that is not "no such voucher" (the tab says it as a scan's failure)."""

    looked_up = Signal(object)  # a VoucherInfo
    refreshed = Signal(object)  # a VoucherInfo read again after a change notice

    def __init__(self, shop: Shop, verdict: VerdictPanel, history: HistoryPanel,
                 finder: FindPanel, failed: Callable[[Exception], None],
                 parent: QObject) -> None:
        super().__init__(parent)
        self.shop = shop
        self.verdict = verdict
        self.history = history
        self.finder = finder
        self.failed = failed
        self.info: VoucherInfo | None = None  # the look-up shown (None: a refusal, or none)
        self.reads = 0  # re-reads after change notices, for tests
        self._text = ""  # what it was asked with: a re-read asks the same
        self._serial = 0  # one per look-up asked: an older one's answer is not shown
        self._stale = False  # a change notice not read yet
        self._reading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FOLLOW_DELAY_MS)
        self._timer.timeout.connect(self._reread)
        shop_events().changed.connect(self._changed)

    def look_up(self, text: str) -> None:
        self._serial += 1
        self._text = text
        self._stale = False  # this read sees every change so far
        self._timer.stop()
        shop = self.shop
        tasks.run_in_background(self, lambda: lookup(shop, text),
                                on_success=functools.partial(self._looked_up, self._serial),
                                on_failure=self._lookup_failed)

    def find(self, text: str) -> None:
        shop = self.shop
        tasks.run_in_background(self, lambda: find_vouchers(shop, text),
                                on_success=self.finder.show_found, errors=self.finder.message)

    def showing(self) -> bool:
        """Whether the verdict panel shows the voucher last looked up (not a refusal, not a
        scan's verdict since, not "Ready to scan")."""
        return (self.info is not None and self.verdict.tone == TONE_LOOKUP
                and self.verdict.reason == "lookup")

    def _looked_up(self, serial: int, info: VoucherInfo) -> None:
        if serial != self._serial:
            return  # another look-up was asked meanwhile: its answer is the one to show
        self.info = info
        self.verdict.show_lookup(info)
        self.history.show_info(info)
        self.looked_up.emit(info)

    def _lookup_failed(self, exc: Exception) -> None:
        if isinstance(exc, NotFound) and exc.params.get("what") == "voucher":
            self.info = None
            self.verdict.show_lookup_refusal(str(exc.params.get("reason", "unknown_code")),
                                             self._text)
            self.history.setVisible(False)
        else:
            self.failed(exc)

    # -- following changes ------------------------------------------------------------------

    def _changed(self, changes: frozenset[str]) -> None:
        if not changes & FOLLOWED or not self.showing():
            return
        self._stale = True
        if self.verdict.isVisible():
            self._schedule()

    def seen(self) -> None:
        """The tab is shown again: a change heard while it was hidden is read now."""
        self._schedule()

    def _schedule(self) -> None:
        # Not restarted by every notice: a steady stream of them is still read, once a pause.
        if self._stale and not self._reading and not self._timer.isActive():
            self._timer.start()

    def _reread(self) -> None:
        if not self._stale or not self.showing() or not self.verdict.isVisible():
            return
        self._stale = False
        self._reading = True
        self.reads += 1
        shop, text, serial = self.shop, self._text, self._serial
        tasks.run_in_background(
            self, lambda: lookup(shop, text), functools.partial(self._reread_done, serial),
            errors=lambda _refused: None,  # the server's absence is said above the verdict
            always=self._reread_ended, background=True)

    def _reread_ended(self) -> None:
        self._reading = False
        self._schedule()  # a notice heard during the read

    def _reread_done(self, serial: int, info: VoucherInfo) -> None:
        if serial != self._serial or not self.showing() or info == self.info:
            return  # another look-up, or a scan's verdict, since; or nothing of it changed
        self.info = info
        self.verdict.show_lookup(info, refresh=True)
        self.history.show_info(info, refresh=True)
        self.refreshed.emit(info)
