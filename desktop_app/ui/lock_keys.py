"""Ctrl+L locks from a dialog over the main window too, as the idle lock does.

The Lock entry's shortcut belongs to the main window, and Qt gives no window's shortcut to
a window under a modal dialog: with the payment dialog or a message box open, Ctrl+L did
nothing, and the name and password typed next for the lock screen went into the counter's
scan field, the password recorded as a refused scan (QA s42a F9).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

LOCK_KEYS = QKeySequence("Ctrl+L")


class LockFromDialogs(QObject):
    """Calls ``lock`` for Ctrl+L pressed in a window ``owned`` says is the main window's
    (its own Lock entry takes the keys pressed in it)."""

    def __init__(self, window: QWidget, owned: Callable[[QWidget], bool],
                 lock: Callable[[], None]) -> None:
        super().__init__(window)
        self._window, self._owned, self._lock = window, owned, lock
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        if pressed.matches(LOCK_KEYS) != QKeySequence.SequenceMatch.ExactMatch:
            return False
        window = watched.window()
        if window is self._window or not self._window.isVisible() or not self._owned(window):
            return False
        self._lock()
        return True
