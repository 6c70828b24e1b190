"""What the Redemption tab says when a scan gets no verdict, and how a lost answer is settled.

A refusal to try (the server is away: nothing was sent) and a failure with nothing saved say
"Not redeemed". A redemption whose COMMIT answer was lost and which the server has not
answered for since is "Not certain" (QA s13a F2/F10): the verdict stays, the typed amount
and the waiting card go, and the counter asks the server again every few seconds (on its
database worker) until it can tell. Then the real outcome is shown: "Redeemed" with "your
earlier scan went through", or "Not redeemed: it was not saved", and the list with it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop_app.core.counter import Counter
from desktop_app.core.counter_recent import FAILED, RecentAttempt
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import ServerUnreachable, ShopError
from desktop_app.core.lost_commit import RedemptionUncertain
from desktop_app.core.lost_scans import SettledScan, voucher_key
from desktop_app.core.store import Shop
from desktop_app.core.vouchers import normalize, parse, typed_code
from desktop_app.messages import error_message, unexpected_error_message
from desktop_app.messages.session_texts import refusal_with_redeemed_before_hold
from desktop_app.ui import tasks
from desktop_app.ui.counter.amount_panel import AmountPanel
from desktop_app.ui.counter.recent_panel import RecentPanel
from desktop_app.ui.counter.redemption_models import TONE_READY, local_time_text
from desktop_app.ui.counter.sounds import REFUSAL, SUCCESS
from desktop_app.ui.counter.verdict_panel import UNCERTAIN, VerdictPanel

log = logging.getLogger(__name__)

ASK_AGAIN_MS = 2000  # while a lost answer is not known, how often the server is asked
REASON_SHOWN = 48  # a failure's words in the list's row; its tooltip has them whole


def scanned_code(shop: Shop, scanned: str) -> str:
    """What a failed check was for, as the cashier knows it: the voucher's printed code when
    the text names one of this shop's (a QR payload is no use to read), else the text."""
    text = scanned.strip()
    parsed = parse(text, shop.shop_id, shop.voucher_key) if text else None
    if parsed is not None and parsed.reason is None:
        return typed_code(parsed.code)
    return text


class ScanFailures(QObject):
    """The tab's failures: ``show`` a scan's exception, ``refuse`` a scan not tried;
    ``settle_now`` asks about lost answers at once (the server is back)."""

    def __init__(self, shop: Shop, counter: Counter, verdict: VerdictPanel,
                 amount_panel: AmountPanel, recent: RecentPanel,
                 play: Callable[[str], object]) -> None:
        super().__init__(verdict)
        self.shop, self.counter, self.verdict = shop, counter, verdict
        self.amount_panel, self.recent, self.play = amount_panel, recent, play
        self._asking = False
        # Asked only while the server watch says it answers: a dead link's connection
        # attempt would hold the worker for seconds, ahead of the next scan.
        self.reachable: Callable[[], bool] = lambda: True
        self.timer = QTimer(self)
        self.timer.setInterval(ASK_AGAIN_MS)
        self.timer.timeout.connect(self.settle_now)

    def refuse(self, text: str, scanned: str = "", refusal: ShopError | None = None) -> None:
        """Not tried (the server is away, or answers and ``refusal`` of this counter): nothing
        was redeemed now. A voucher whose earlier scan lost its answer is still "Not
        certain", not "Not redeemed" (QA s13b N1)."""
        lost = self._lost_scan_of(scanned)
        if lost is not None:
            self._show_uncertain(lost)
            return
        reason = (self.tr("the shop's server cannot be reached") if refusal is None
                  else self._reason(refusal, error_message(refusal)))  # QA s43b F4
        self._show_failed(text, scanned, reason)

    def _show_failed(self, text: str, scanned: str, reason: str) -> None:
        """"Not redeemed", naming what was scanned, until the next scan; and a row in the
        station's list (QA s19a F11: it went after 6 s and left no trace)."""
        code = scanned_code(self.shop, scanned)
        self.verdict.show_failure(text, code)
        self.amount_panel.show_failure(uncertain=False)
        self.play(REFUSAL)
        if code:  # a look-up's failure redeemed nothing and is no scan of the list
            self.recent.add_failed(RecentAttempt(
                attempt_id=0, at=utc_now(), code=code, product="", reason=FAILED, ok=False,
                operator=self.shop.operator.name, station=self.counter.station, note=text,
                failure=reason))

    def _lost_scan_of(self, scanned: str) -> RedemptionUncertain | None:
        if not scanned.strip() or not self.counter.lost:
            return None
        key = voucher_key(self.shop, scanned.strip(), normalize(scanned.strip()))
        return self.counter.lost.waiting_for(key)

    def _show_uncertain(self, exc: RedemptionUncertain) -> None:
        charging = exc.verdict is not None and exc.verdict.balance is not None
        self.verdict.show_uncertain(error_message(exc), charging)
        self.amount_panel.show_failure(uncertain=True, charging=charging)
        self.play(REFUSAL)
        self.timer.start()

    def show(self, exc: Exception, scanned: str = "") -> None:
        """``scanned``: the text whose check failed ("" for a look-up's)."""
        if isinstance(exc, RedemptionUncertain):
            log.warning("redemption not certain: attempt %s", exc.params.get("attempt_id"))
            self._show_uncertain(exc)
            self.recent.refresh()  # whatever the server can say of this station meanwhile
            return
        if isinstance(exc, ShopError):
            log.warning("redeeming failed: %s %s", exc.code, exc.params)
            text = refusal_with_redeemed_before_hold(error_message(exc), exc, self.shop)
        else:
            log.error("redeeming failed", exc_info=(type(exc), exc, exc.__traceback__))
            text = unexpected_error_message()
        self._show_failed(text, scanned, self._reason(exc, text))

    def _reason(self, exc: Exception, text: str) -> str:
        """Why a check failed, in the few words a row of the list has room for."""
        code = exc.code if isinstance(exc, ShopError) else ""
        if code == "database_locked":
            return self.tr("the shop file was in use")
        if code == "disk_full":
            return self.tr("the disk is full")
        if code == "server_lost_not_saved":  # as its verdict says it (QA s39b F10)
            return self.tr("the connection to the server broke: nothing was saved")
        if isinstance(exc, ServerUnreachable):
            return self.tr("the shop's server did not answer")
        if code == "server_login_failed":
            return self.tr("the shop's server refused this counter's login")
        if not isinstance(exc, ShopError):
            return self.tr("an unexpected error")
        return text if len(text) <= REASON_SHOWN else text[:REASON_SHOWN - 1] + "…"

    def settle_now(self) -> None:
        if not self.counter.lost:
            self.timer.stop()
            return
        if self._asking or not self.reachable():  # still asking, or no server to ask
            return
        self._asking = True
        counter = self.counter
        tasks.run_in_background(self, counter.settle_lost, on_success=self._settled,
                                on_failure=self._not_yet)

    def _not_yet(self, exc: Exception) -> None:
        self._asking = False
        log.info("a lost answer is not settled yet: %s", type(exc).__name__)

    def _settled(self, outcome: tuple[list[SettledScan], list[RecentAttempt] | None]) -> None:
        self._asking = False
        settled, recent = outcome
        if recent is not None:
            self.recent.set_rows(recent)
        if not self.counter.lost:
            self.timer.stop()
        # A newer verdict on the screen stays; the list then shows what became of it.
        # A failure kept on screen gives way too: it is in the list (QA s19a F11).
        if settled and (self.verdict.reason in (UNCERTAIN, FAILED)
                        or self.verdict.tone == TONE_READY):
            self._show_settled(settled[-1])

    def _show_settled(self, settled: SettledScan) -> None:
        verdict = settled.verdict
        if settled.saved:
            self.verdict.show_verdict(verdict, earlier=True)
            self.amount_panel.show_verdict(verdict, "")
            self.play(SUCCESS if verdict.ok else REFUSAL)
            return
        self.verdict.show_failure(self.tr(
            "Checked with the shop's server: the scan of {code} ({time}) was not saved, so "
            "nothing was taken. Scan it again.").format(
                code=verdict.code, time=local_time_text(verdict.at)))
        self.play(REFUSAL)
