"""Bars per day drawn with QPainter (no plotting library in the bundle): redemptions and
sales, one panel each, on screen and on paper alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

SALES_COLOR = QColor("#2e7d32")
REDEMPTIONS_COLOR = QColor("#1565c0")
AXIS = QColor("#9e9e9e")
TEXT = QColor("#424242")


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


def paint_series(painter: QPainter, area: QRectF, series: Series, font: QFont) -> None:
    """One titled panel of bars in ``area`` (any device: screen, PDF, printer)."""
    painter.save()
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    line = metrics.height()
    painter.setPen(TEXT)
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, series.title)
    top = _nice_top(max([0, *series.values]))
    label_width = metrics.horizontalAdvance(series.label(top)) + line * 0.5
    plot = QRectF(area.left() + label_width, area.top() + line * 1.4,
                  area.width() - label_width, area.height() - line * 2.8)
    painter.setPen(AXIS)
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    painter.drawText(QRectF(area.left(), plot.top() - line / 2, label_width - line * 0.3, line),
                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, series.label(top))
    painter.drawText(QRectF(area.left(), plot.bottom() - line / 2, label_width - line * 0.3, line),
                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0")
    count = len(series.days)
    if count and plot.width() > 0 and plot.height() > 0:
        slot = plot.width() / count
        every = max(1, int(metrics.horizontalAdvance("00-00 ") / slot) + 1)
        for i, (day, value) in enumerate(zip(series.days, series.values, strict=True)):
            height = plot.height() * max(value, 0) / top
            bar = QRectF(plot.left() + i * slot + slot * 0.15, plot.bottom() - height,
                         slot * 0.7, height)
            painter.fillRect(bar, series.color)
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
        self.setMinimumHeight(90)

    def sizeHint(self) -> QSize:
        return QSize(420, 300)

    def set_panels(self, panels: list[Series], empty_text: str = "") -> None:
        self.panels = panels
        self.empty_text = empty_text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        if not any(any(s.values) for s in self.panels):
            painter.setPen(AXIS)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        paint_chart(painter, area, self.panels, self.font())
        painter.end()

