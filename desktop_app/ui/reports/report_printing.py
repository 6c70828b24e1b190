"""A report on paper: its heading (the shop, the report, the grouping, the days) and its totals
line, the bars per day, then the table, on A4 pages."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop_app.core.report_tables import Report
from desktop_app.ui.reports.chart import Series
from desktop_app.ui.reports.chart import paint_chart as paint_bars
from desktop_app.ui.reports.report_models import cell_text, column_title


def set_a4_portrait(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def paint_report(painter: QPainter, printer: QPrinter, report: Report, panels: list[Series],
                 base_font: QFont, currency: str, words: tuple[str, str]) -> None:
    """Paint ``report`` with ``painter`` (begun on ``printer``), a new page when one is full;
    ``words`` are its heading and its totals line, as the screen shows them."""
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)
    font = QFont(base_font)
    font.setPointSizeF(9)
    painter.setFont(font)
    line = painter.fontMetrics().height() * 1.3
    heading, totals = words
    font.setBold(True)
    painter.setFont(font)
    top = _paragraph(painter, heading, 0, page.width())
    font.setBold(False)
    painter.setFont(font)
    top = _paragraph(painter, totals, top, page.width()) if totals else top
    chart = QRectF(0, top + line * 0.5, page.width(), page.height() * 0.35)
    paint_bars(painter, chart, panels, font)
    top = chart.bottom() + line
    columns = report.columns
    width = page.width() / max(1, len(columns))
    cells: list[list[str]] = [[column_title(c.key, report.by) for c in columns]]
    cells += [[cell_text(c, row[c.key], currency, report.by) for c in columns]
              for row in report.rows]
    for number, texts in enumerate(cells):
        if top + line > page.height():
            printer.newPage()
            top = 0
        font.setBold(number == 0)
        painter.setFont(font)
        for i, text in enumerate(texts):
            painter.drawText(QRectF(i * width, top, width - 4, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(
                                 text, Qt.TextElideMode.ElideRight, int(width - 4)))
        top += line


def _paragraph(painter: QPainter, text: str, top: float, width: float) -> float:
    """``text`` wrapped to ``width`` from ``top`` down; where the next line starts."""
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    room = QRectF(0, top, width, painter.fontMetrics().height() * 20)
    used = painter.boundingRect(room, flags, text)
    painter.drawText(room, flags, text)
    return used.bottom() + painter.fontMetrics().height() * 0.3
