"""Locking the app after a while without anyone using it (how long: Settings → This computer).

``IdleMonitor`` watches every key, click and touch of the whole application (a scanner's
keystrokes count too: they arrive as keys) and says ``idle`` once nothing came for the
configured time. The main window turns that into the same lock as its Lock menu entry.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop_app.ui import settings

IDLE_LOCK_KEY = settings.IDLE_LOCK_MINUTES.key
MAX_IDLE_LOCK_MINUTES = 240

ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove, QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TabletPress, QEvent.Type.InputMethod,
})


def idle_lock_minutes() -> int:
    """This computer's idle time before the lock, in minutes; 0 means never."""
    return min(max(settings.IDLE_LOCK_MINUTES.number(), 0), MAX_IDLE_LOCK_MINUTES)


def set_idle_lock_minutes(minutes: int) -> None:
    settings.IDLE_LOCK_MINUTES.write(min(max(int(minutes), 0), MAX_IDLE_LOCK_MINUTES))


class IdleMonitor(QObject):
    """Emits ``idle`` once no input came for ``timeout_ms``; 0 switches it off.

    Input only stamps the time: restarting a timer on every mouse move would cost more than
    the check when the timer fires."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = max(0, timeout_ms)
        self._last_input = time.monotonic()
        self._running = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def running(self) -> bool:
        return self._running

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """A new idle time, counted from now (also the tests' way to a short one)."""
        self.timeout_ms = max(0, timeout_ms)
        if self._running:
            self.start()

    def start(self) -> None:
        self.stop()
        if self.timeout_ms <= 0:
            return
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._running = True
        self._last_input = time.monotonic()
        self._timer.start(self.timeout_ms)

    def stop(self) -> None:
        self._timer.stop()
        if self._running:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._running = False

    def touch(self, *_: object) -> None:
        """Activity that arrives without a key or a click: a voucher read by the webcam."""
        self._last_input = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._last_input = time.monotonic()
        return False  # only watching: every event goes on to where it was going

    def _check(self) -> None:
        if not self._running:
            return
        left_ms = int(self.timeout_ms - (time.monotonic() - self._last_input) * 1000)
        if left_ms > 0:
            self._timer.start(left_ms)
            return
        self.stop()
        self.idle.emit()
