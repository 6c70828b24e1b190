"""The verdict's facts: a few lines that never wrap and never grow the window.

A 40-character product and a company's name as customer wrapped into three or four lines; the
counter at 150 % on a 1366x768 screen had room for two, so the glyphs were sliced through the
middle and the main window grew past the screen (QA s17b F2), and the voucher code broke at a
hyphen (F8). Here each line is a row of parts; the part that may give way (a product's or a
customer's name) ends in "…" at a whole character, the rest (a code, a date, a phone) stays
whole, and the tooltip holds the whole text. ``text()`` is the whole text too, one line each.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

Part = tuple[str, bool]  # a piece of a line, and whether it may end in "…"
Line = list[Part]
LEAST_WIDTH = 160  # the least the facts ask for: the window is never widened by a name
LEAST_SHOWN = "MMMM"  # a name that gives way keeps at least this much, then the line does


def line_text(line: Line) -> str:
    return "".join(text for text, _ in line)


def fitted(line: Line, metrics: QFontMetrics, room: int) -> str:
    """``line`` in ``room`` pixels: its first part that may give way is cut at a whole
    character with "…"; if even that is not enough, the whole line is."""
    whole = line_text(line)
    if metrics.horizontalAdvance(whole) <= room:
        return whole
    cut = next((i for i, (_, elidable) in enumerate(line) if elidable), None)
    if cut is not None:
        fixed = "".join(text for i, (text, _) in enumerate(line) if i != cut)
        left = room - metrics.horizontalAdvance(fixed)
        if left >= metrics.horizontalAdvance(LEAST_SHOWN):
            name = metrics.elidedText(line[cut][0], Qt.TextElideMode.ElideRight, left)
            return "".join(name if i == cut else text for i, (text, _) in enumerate(line))
    return metrics.elidedText(whole, Qt.TextElideMode.ElideRight, max(room, 0))


class FactLines(QLabel):
    """Plain lines set with :meth:`set_lines`, drawn fitted to the width; ``setText`` with rich
    text (a typo's marked group, short) is drawn as a plain ``QLabel`` draws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self.setWordWrap(False)

    def set_lines(self, lines: list[Line]) -> None:
        self._lines = [line for line in lines if line_text(line)]
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText("\n".join(line_text(line) for line in self._lines))
        self._tooltip()

    def setText(self, text: str) -> None:  # Qt's name: a rich text (a typo) drops the lines
        if text != "\n".join(line_text(line) for line in self._lines):
            self._lines = []
        super().setText(text)
        self.updateGeometry()

    def shown_lines(self) -> list[str]:
        """What is drawn now, line by line (for tests and the tooltip)."""
        room = self.contentsRect().width() - 2 * self.margin()
        return [fitted(line, self.fontMetrics(), room) for line in self._lines]

    def is_cut(self) -> bool:
        return self.shown_lines() != [line_text(line) for line in self._lines]

    def _tooltip(self) -> None:
        self.setToolTip(self.text() if self._lines and self.is_cut() else "")

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 4 * LEAST_WIDTH), self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(super().minimumSizeHint().width(), LEAST_WIDTH), self._height())

    def _height(self) -> int:
        if not self._lines:
            return super().sizeHint().height()
        margins = self.contentsMargins()
        return (self.fontMetrics().lineSpacing() * len(self._lines) + margins.top()
                + margins.bottom() + 2 * self.margin())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._lines:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = self.fontMetrics()
        area = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), 0)
        for row, text in enumerate(self.shown_lines()):
            top = area.top() + row * metrics.lineSpacing()
            painter.drawText(QPoint(area.left(), top + metrics.ascent()), text)
        painter.end()
