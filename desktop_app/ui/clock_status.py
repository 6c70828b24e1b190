"""One calm line in the main window's status bar while this PC's clock is well off the shop's
server's (QA s16a F2): by how much, and that the shop's times follow the server, so that
someone sets the PC's clock. Hidden for a shop in a file, which has no other clock.

What the open measured is said at once; the Redemption tab's server watch measures again at
each poll and says when the offset changed (``ServerWatcher.clock_changed``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.core import server_clock
from desktop_app.messages.clock_texts import clock_off_text, what_to_do_text
from desktop_app.ui.counter.server_status import ServerWatcher
from desktop_app.ui.widgets import MessageLabel


class ClockOffStatus(MessageLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)  # one line in the status bar; the tooltip says the rest

    def follow(self, watcher: ServerWatcher | None) -> None:
        if watcher is None:
            return
        watcher.clock_changed.connect(self.show_offset)  # queued: the watch's thread
        self.show_offset()

    def show_offset(self) -> None:
        offset = server_clock.off_by()
        if offset is None:
            self.clear()
            self.setToolTip("")
            return
        self.show_warning("⚠ " + clock_off_text(offset))
        self.setToolTip(what_to_do_text())
