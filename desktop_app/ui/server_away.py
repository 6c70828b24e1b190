"""One calm line in the main window's status bar while the shop's server is not answering.

The Redemption tab's watch (``counter.server_status``) says when the server stops or starts
answering. Meanwhile a screen's own read that fails says so on its message line, never in a
box (``tasks``, ``exception_hook``); this line says it once for every tab. When the server is
back every screen reads the shop again, as if everything had changed (what other counters
did meanwhile was not heard), and each screen's "cannot be reached" goes with its answer.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtWidgets import QWidget

from desktop_app.core import events
from desktop_app.messages import error_message
from desktop_app.ui.counter.server_status import ServerWatcher, refusal_of
from desktop_app.ui.events import shop_events
from desktop_app.ui.widgets import MessageLabel

_saying: weakref.WeakSet[ServerAwayStatus] = weakref.WeakSet()


def said_on_screen() -> bool:
    """Whether a window's status bar says now that the server is not answering. A closed
    window's line can outlive its widget in Python (a reference not yet collected): it says
    nothing, and asking it would raise inside the exception hook (seen in CI)."""
    return any(shiboken6.isValid(status) and status.away and status.isVisible()
               for status in _saying)


class ServerAwayStatus(MessageLabel):
    """Hidden while the server answers (and for a shop in a file, which has no watch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)  # one line in the status bar; the tooltip says the rest
        self.away = False
        self._watcher: ServerWatcher | None = None
        _saying.add(self)

    def follow(self, watcher: ServerWatcher | None) -> None:
        if watcher is None:
            return
        self._watcher = watcher
        watcher.reachable_changed.connect(self.show_reachable)  # queued: the watch's thread
        if not watcher.reachable:
            self.show_reachable(False)

    def show_reachable(self, reachable: bool) -> None:
        if not reachable:
            self.away = True
            refusal = refusal_of(self._watcher)
            if refusal is not None:  # it answers and refuses this counter: no wait ends it
                self.show_warning(self.tr("⚠ The shop's server refuses this counter"))
                self.setToolTip(error_message(refusal))
                return
            self.show_warning(self.tr("⚠ The shop's server is not answering"))
            self.setToolTip(self.tr(
                "Nothing saved is lost. Redeeming and changes wait for the server; every "
                "screen reads the shop again by itself when the server is back."))
            return
        was_away, self.away = self.away, False
        self.clear()
        self.setToolTip("")
        if was_away:
            shop_events().announce(events.CHANGES)
