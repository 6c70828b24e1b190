"""Bars per day drawn with QPainter (no plotting library in the bundle): redemptions and
sales, one panel each, on screen and on paper alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

SALES_COLOR = QColor("#2e7d32")
REDEMPTIONS_COLOR = QColor("#1565c0")
AXIS = QColor("#9e9e9e")
TEXT = QColor("#424242")
NEGATIVE = QColor("#c62828")  # a day that paid back more than it took


@dataclass(frozen=True)
class Series:
    title: str
    days: list[dt.date]
    values: list[int]
    color: QColor
    label: Callable[[int], str]  # how a value reads (a count, an amount of money)


def _nice_top(value: int) -> int:
    """The axis top: 1, 2 or 5 times a power of ten at or above ``value``."""
    top = 1
    while True:
        for step in (1, 2, 5):
            if top * step >= value:
                return top * step
        top *= 10


def axis_top_text(series: Series, top: int) -> str:
    """The axis top's label; none for a panel of zeros (money's smallest top read "0.01")."""
    return series.label(top) if any(series.values) else ""


@dataclass(frozen=True)
class PanelLayout:
    title: QRectF
    top_label: QRectF  # the axis top's value, at the plot's top, clear of the title
    zero_label: QRectF
    plot: QRectF


def panel_layout(area: QRectF, metrics: QFontMetricsF, top_text: str) -> PanelLayout:
    """Where a panel's title, axis labels and bars go in ``area``."""
    line = metrics.height()
    label_width = metrics.horizontalAdvance(top_text) + line * 0.5
    # The top label is centred on the plot's top edge: half a line above it, then a gap.
    plot_top = area.top() + line * 1.8
    plot = QRectF(area.left() + label_width, plot_top,
                  area.width() - label_width, area.bottom() - line * 1.4 - plot_top)
    title = QRectF(area.left(), area.top(), area.width(), line)
    top_label = QRectF(area.left(), plot.top() - line / 2, label_width - line * 0.3, line)
    zero_label = QRectF(area.left(), plot.bottom() - line / 2, label_width - line * 0.3, line)
    return PanelLayout(title, top_label, zero_label, plot)


def axis_range(values: list[int]) -> tuple[int, int]:
    """The axis's top and bottom: zero, or nice values past the highest and the lowest. A
    day's net can be below zero now that refunds count on the day paid back (QA s12d F2)."""
    top = _nice_top(max(values)) if max(values, default=0) > 0 else 0
    low = -_nice_top(-min(values)) if min(values, default=0) < 0 else 0
    return (top or (0 if low else 1)), low


def paint_series(painter: QPainter, area: QRectF, series: Series, font: QFont) -> None:
    """One titled panel of bars in ``area`` (any device: screen, PDF, printer); a value below
    zero hangs under the zero line, in red."""
    painter.save()
    painter.setFont(font)
    # Measured on the device painted: a printer's 1200 dpi, not the screen's 96 (the bars
    # covered the titles and the days on paper).
    metrics = QFontMetricsF(font, painter.device())
    line = metrics.height()
    top, low = axis_range(series.values)
    top_text = axis_top_text(series, top) if top else ""
    low_text = series.label(low) if low else ""
    widest = max(top_text or "0", low_text, key=metrics.horizontalAdvance)
    layout = panel_layout(area, metrics, widest)
    plot = layout.plot
    zero_y = plot.top() + plot.height() * top / (top - low)
    painter.setPen(TEXT)
    painter.drawText(layout.title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     series.title)
    painter.setPen(AXIS)
    painter.drawLine(QPointF(plot.left(), zero_y), QPointF(plot.right(), zero_y))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(layout.top_label, right, top_text)
    painter.drawText(layout.zero_label.translated(0, zero_y - plot.bottom()), right, "0")
    if plot.bottom() - zero_y >= line:  # else it would print over the zero's label
        painter.drawText(layout.zero_label, right, low_text)
    count = len(series.days)
    if count and plot.width() > 0 and plot.height() > 0:
        slot = plot.width() / count
        every = max(1, int(metrics.horizontalAdvance("00-00 ") / slot) + 1)
        for i, (day, value) in enumerate(zip(series.days, series.values, strict=True)):
            # Any day with something is seen: a small refund beside a big sale still shows.
            height = max(plot.height() * abs(value) / (top - low), 2.0 if value else 0.0)
            bar = QRectF(plot.left() + i * slot + slot * 0.15,
                         zero_y - height if value >= 0 else zero_y, slot * 0.7, height)
            painter.fillRect(bar, series.color if value >= 0 else NEGATIVE)
            if i % every == 0:
                painter.setPen(TEXT)
                painter.drawText(QRectF(plot.left() + i * slot - slot * every / 2 + slot / 2,
                                        plot.bottom() + line * 0.2, slot * every, line),
                                 Qt.AlignmentFlag.AlignHCenter, day.strftime("%m-%d"))
    painter.restore()


def paint_chart(painter: QPainter, area: QRectF, panels: list[Series], font: QFont) -> None:
    if not panels:
        return
    height = area.height() / len(panels)
    for i, series in enumerate(panels):
        paint_series(painter, QRectF(area.left(), area.top() + i * height, area.width(),
                                     height * 0.92), series, font)


class DayChart(QWidget):
    """The chart on screen; ``set_panels`` replaces what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panels: list[Series] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 300)

    def minimumSizeHint(self) -> QSize:
        # Two panels, each with its title, axis labels, the days and some bar to read.
        line = QFontMetricsF(self.font()).height()
        return QSize(120, int(2 * (line * 3.4 + 28) / 0.92) + 16)

    def set_panels(self, panels: list[Series], empty_text: str = "") -> None:
        self.panels = panels
        self.empty_text = empty_text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if self.shows_empty_text():
            # Only the words: drawn over empty panels they ran across a panel's title.
            painter.setPen(AXIS)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
        else:
            paint_chart(painter, area, self.panels, self.font())
        painter.end()

    def shows_empty_text(self) -> bool:
        return bool(self.empty_text) and not any(any(s.values) for s in self.panels)

