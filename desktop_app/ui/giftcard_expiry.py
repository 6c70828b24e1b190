"""Gift-card balances whose validity ended are written off once a day, off the GUI thread.

Run when the shop opens (after login, in every operator's session, as the automatic backups
are) and again every 24 hours for a window left open overnight. ``giftcards.expire_due`` is
safe to run again, so two counters doing it on one day write nothing twice.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_app.core import giftcards
from desktop_app.core.errors import ShopError
from desktop_app.core.store import Shop
from desktop_app.ui.tasks import run_in_background

log = logging.getLogger(__name__)
DAY_MS = 24 * 60 * 60 * 1000


class GiftCardExpiry(QObject):
    expired = Signal(int)  # how many cards were written off this time

    def __init__(self, shop: Shop, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.timer = QTimer(self)
        self.timer.setInterval(DAY_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        self.run()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run(self) -> None:
        shop = self.shop
        run_in_background(self, lambda: giftcards.expire_due(shop), self.expired.emit,
                          errors=self._refused)

    def _refused(self, exc: ShopError) -> None:
        # A shop on integrity hold refuses every change: the write-off waits for the next day.
        log.info("gift-card expiry not run: %s", exc.code)
