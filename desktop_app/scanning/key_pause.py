"""The pause that ends a scanner's burst when no suffix does, measured so that a moment of a
busy GUI thread never ends a burst whose next keys are already waiting to be delivered."""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, Qt, QTimer, Signal

# Turns of the event loop a pause waits through after its timer: the keys queued during a
# stall are delivered on the turn the timer fires (Qt's Unix dispatchers) or the next one
# (glib, where the platform's keys reach Qt's own queue a turn after they are read).
LOOP_TURNS = 2


class KeyPause(QObject):
    """Emits ``over`` when no key came for ``interval_ms``: its timer ran out, and then the
    event loop went round ``LOOP_TURNS`` times with no ``start()`` or ``stop()`` meanwhile.

    The timer alone measures the GUI thread's time, not the keys': while the thread is busy
    (a repaint, a slow disk, a loaded shop PC) the scanner's next keys wait in the window
    system's queue, stamped with the times they were typed, and when the thread comes back
    the event loop runs its due timers before it delivers them. Ended there, the burst would
    be split: its first part a scan of its own (a voucher refused, or lost at the lock
    screen), the rest another. The turns are posted calls, handled after the keys that waited.
    """

    over = Signal()

    def __init__(self, interval_ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._timer_ran_out)
        self._generation = 0  # each start() and stop() makes the turns on their way stale

    def start(self) -> None:
        """A key came: the pause is measured again from now."""
        self._generation += 1
        self._timer.start()

    def stop(self) -> None:
        self._generation += 1
        self._timer.stop()

    def _timer_ran_out(self) -> None:
        self._after_turns(self._generation, LOOP_TURNS)

    def _after_turns(self, generation: int, turns: int) -> None:
        if generation != self._generation:
            return  # a key that waited behind the timer came: the burst goes on
        if turns == 0:
            self.over.emit()
            return
        QTimer.singleShot(0, self, functools.partial(self._after_turns, generation, turns - 1))
