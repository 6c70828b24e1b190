"""A USB scanner's keys, read anywhere in the window while the Redemption tab shows.

The filter itself (scanning/wedge.py) tells a scanner's burst from a person typing and hands
the burst on; this keeps one on the tab's window, built from the counter's settings: on while
the tab shows, off while it hides, rebuilt when the settings change, off for good when the
tab goes (a filter aimed at a deleted field crashes, whatever order Qt deletes things in).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.scanning.keystrokes import SCANNER
from desktop_app.scanning.wedge import ScannerInput

KeyClock = Callable[[], float]


def no_input_method(field: QLineEdit) -> None:
    """Voucher codes are ASCII: a Chinese input method would swallow the scanner's keys."""
    field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    field.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly
                              | Qt.InputMethodHint.ImhNoPredictiveText
                              | Qt.InputMethodHint.ImhPreferUppercase)


def refuses_none(_text: str, _landed_in: QWidget | None) -> bool:
    return False


class ScanKeys:
    """Hands each burst to ``submit(text, source)``, but a scanner's burst that ``refuses``
    (given the text field it was typed into) keeps back. A plain object, not a QObject: it
    must outlive the widgets to switch the filter off when they go."""

    def __init__(self, field: QLineEdit, submit: Callable[[str, str], None],
                 refuses: Callable[[str, QWidget | None], bool] = refuses_none) -> None:
        self.field = field
        self.submit = submit
        self.refuses = refuses
        self.clock: KeyClock | None = None  # tests drive key timing (milliseconds)
        self._filter: ScannerInput | None = None
        self._built_from: tuple[object, ...] = ()

    @property
    def filter(self) -> ScannerInput | None:
        """The filter on the window now, or None (none yet, or Qt deleted it)."""
        current = self._filter
        return current if current is not None and shiboken6.isValid(current) else None

    def install(self, window: QWidget, timeout_ms: int, suffix: str) -> ScannerInput:
        """The filter on ``window`` with these settings, built again only if they changed.
        It starts switched off: ``set_enabled`` says when the tab shows."""
        built_from = (window, timeout_ms, suffix, self.clock)
        current = self.filter
        if current is not None:
            if built_from == self._built_from:
                return current
            current.enabled = False
            current.deleteLater()
        made = ScannerInput(window, self.field, enabled=False, clock=self.clock,
                            idle_timeout_ms=timeout_ms, suffix=suffix)
        made.submitted.connect(self._submitted)
        self._built_from = built_from
        self._filter = made
        return made

    def _submitted(self, text: str, source: str) -> None:
        current = self.filter
        landed_in = current.landed_in if current is not None else None
        if source == SCANNER and self.refuses(text, landed_in):
            return
        self.submit(text, source)

    def set_enabled(self, on: bool) -> None:
        current = self.filter
        if current is not None:
            current.enabled = on
