"""The scanner test field of Settings → This computer."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.scanning.wedge import TAKES_SCANS_ITSELF

VISIBLE_KEYS = {Qt.Key.Key_Return: "⏎", Qt.Key.Key_Enter: "⏎", Qt.Key.Key_Tab: "⇥"}


class ScanTestField(QLineEdit):
    """Scan into this to see what the scanner sends: the characters, its end key made
    visible (⏎ Enter, ⇥ Tab) and how fast they came. Its keys are its own: the scanner
    filters leave them alone, so nothing scanned here is redeemed and the gaps are real."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setProperty(TAKES_SCANS_ITSELF, True)
        self.clock: Callable[[], float] | None = None  # ms; tests type at exact speeds
        self.setPlaceholderText(self.tr("Click here and scan a voucher"))
        self.times: list[float] = []
        self.seen = ""

    def focusNextPrevChild(self, next_child: bool) -> bool:
        return False  # Tab is what some scanners send: show it, do not move on

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.seen.endswith(("⏎", "⇥")):
            self.seen, self.times = "", []
        self.times.append(self._now(event))
        self.seen += VISIBLE_KEYS.get(Qt.Key(event.key()), event.text())
        self.setText(self.seen)

    def _now(self, event: QKeyEvent) -> float:
        clock = self.clock
        return clock() if clock else float(event.timestamp()) or time.monotonic() * 1000

    def show_scan(self, text: str) -> None:
        """A scan that landed elsewhere in this field's window while it shows: the person is
        trying the scanner, so it is shown here, never redeemed (QA s35b F4: a customer's
        last wash was used behind Settings). Its key gaps were timed elsewhere: none shown."""
        self.times = []
        self.seen = text + VISIBLE_KEYS[Qt.Key.Key_Return]
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setText(self.seen)

    def burst_ms(self) -> int:
        """The longest gap between two keys of the last scan, in milliseconds."""
        gaps = [b - a for a, b in zip(self.times, self.times[1:], strict=False)]
        return round(max(gaps, default=0))
