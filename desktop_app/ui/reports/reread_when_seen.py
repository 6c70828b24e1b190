"""A screen's re-read after changes, only while it is seen (QA s14a F8, F9): every scan at the
counter re-ran the report on screen, even on a tab nobody looked at, and a long report read
while a queue of scans waited behind it on the one worker.

A change marks the screen stale. Seen, it re-reads once the changes pause (a burst of scans is
one re-read); hidden, it re-reads when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

REREAD_PAUSE_MS = 1000  # changes closer together than this are one burst


class RereadWhenSeen(QObject):
    """Calls ``reread()`` for the changes ``changed()`` is told of, while ``screen`` is seen."""

    def __init__(self, screen: QWidget, reread: Callable[[], None], stale: bool = False) -> None:
        super().__init__(screen)
        self._screen = screen
        self._reread = reread
        self.stale = stale  # changes not read yet (at first: nothing read yet)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(REREAD_PAUSE_MS)
        self.pause.timeout.connect(self._paused)
        screen.installEventFilter(self)

    def changed(self) -> None:
        """Something the screen shows changed: re-read after the burst, or once seen."""
        self.stale = True
        if self._screen.isVisible():
            self.pause.start()  # again: the pause counts from the last change

    def reading(self) -> None:
        """The screen reads by itself now (the owner asked): that read sees every change so far."""
        self.stale = False
        self.pause.stop()

    def _paused(self) -> None:
        if self.stale and self._screen.isVisible():
            self.reading()
            self._reread()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._screen and event.type() == QEvent.Type.Show and self.stale:
            self.reading()
            self._reread()
        return False
