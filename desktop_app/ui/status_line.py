"""A warning in the main window's status bar that gives way on a narrow window: one line,
ended in "…" when its room is short, the whole line in its tooltip (QA s20c F11: at 1024 px
the clock warning was cut mid-word, with nothing to read the rest in).

``text()`` stays the whole line (what the window says is what the tests read); only the
painting is cut. The least it asks for is a few words, so the status bar's layout can shrink
it rather than push the labels on the right out of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ui.widgets import MessageLabel

LEAST_CHARS = 16  # at the least: "⚠ This PC's cloc…", enough to know which warning it is


class StatusLine(MessageLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(False)  # one line in the status bar; the tooltip says the rest
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def minimumSizeHint(self) -> QSize:
        text = self.text()
        least = text if len(text) <= LEAST_CHARS + 1 else text[:LEAST_CHARS] + "…"
        margins = self.contentsMargins()
        width = (self.fontMetrics().horizontalAdvance(least) + margins.left() + margins.right()
                 + 2 * self.margin())
        return QSize(width, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The line as painted: whole, or ended in "…" when its room is short."""
        room = self.contentsRect().width() - 2 * self.margin()
        if self.fontMetrics().horizontalAdvance(self.text()) <= room:
            return self.text()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             max(room, 0))

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(),
                                            -self.margin())
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), shown, self.foregroundRole())
        painter.end()

    def tooltip_with_line(self, more: str = "") -> None:
        """The tooltip: the line itself (cut on screen when narrow), then ``more``."""
        line = self.text().removeprefix("⚠ ")
        self.setToolTip(f"{line}\n\n{more}" if more else line)

