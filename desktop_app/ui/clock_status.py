"""One calm line in the main window's status bar while this PC's clock looks wrong, so that
someone sets it; the tooltip says the rest.

A shop on a server (QA s16a F2): while this PC's clock is well off the server's, by how much,
and that the shop's times follow the server. What the open measured is said at once; the
Redemption tab's server watch measures again at each poll and says when the offset changed
(``ServerWatcher.clock_changed``).

A shop in a file (QA s19a F1, F3) goes by this PC's clock, and its newest record is all it can
compare with (``core.file_clock``): said when this PC's clock is behind the shop's newest
records, or its date far after them (as a question). What the open read is said at once; the
newest record's time is read again every few minutes, off the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.core import dialect, file_clock, server_clock
from desktop_app.core.errors import ShopError
from desktop_app.core.store import Shop
from desktop_app.messages.clock_texts import (
    clock_off_text,
    file_clock_off_text,
    file_what_to_do_text,
    what_to_do_text,
)
from desktop_app.ui.counter.server_status import ServerWatcher
from desktop_app.ui.status_line import StatusLine
from desktop_app.ui.tasks import run_in_background

log = logging.getLogger(__name__)
RECHECK_MS = int(file_clock.RECHECK_EVERY.total_seconds() * 1000)


class ClockOffStatus(StatusLine):
    """The line gives way on a narrow window, whole in the tooltip (``StatusLine``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop: Shop | None = None  # a shop in a file, whose newest record is read again
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setInterval(RECHECK_MS)
        self.recheck_timer.timeout.connect(self.recheck)

    def follow(self, watcher: ServerWatcher | None, shop: Shop | None = None) -> None:
        """The server's clock through ``watcher``; else, for a shop in a file, its records."""
        if watcher is not None:
            watcher.clock_changed.connect(self.show_offset)  # queued: the watch's thread
        elif shop is not None and not dialect.is_server(shop.db):
            self.shop = shop
            self.start()
        self.show_offset()

    def start(self) -> None:
        if self.shop is not None:
            self.recheck_timer.start()

    def stop(self) -> None:
        """The shop is about to close under the window (a restore): read nothing meanwhile."""
        self.recheck_timer.stop()

    def recheck(self) -> None:
        shop = self.shop
        if shop is None:
            return
        run_in_background(self, lambda: file_clock.recheck(shop.db.execute_sql),
                          lambda _: self.show_offset(), errors=self._unread, background=True)

    def _unread(self, exc: ShopError) -> None:
        log.info("the newest record's time was not read again: %s", exc.code)  # next time

    def show_offset(self) -> None:
        offset = server_clock.off_by()
        if offset is not None:
            self.show_warning("⚠ " + clock_off_text(offset))
            self.tooltip_with_line(what_to_do_text())
            return
        offset = file_clock.suspicion()
        if offset is not None:  # the line whole in the tooltip too: a narrow window cuts it
            self.show_warning("⚠ " + file_clock_off_text(offset))
            self.tooltip_with_line(file_what_to_do_text(offset))
            return
        self.clear()
        self.setToolTip("")
