"""A report on paper: its heading (the shop, the report, the grouping, the days) and its totals
line, the bars per day, then the table, on A4 pages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from desktop_app.core.report_tables import Report
from desktop_app.ui.reports.chart import Series
from desktop_app.ui.reports.chart import paint_chart as paint_bars
from desktop_app.ui.reports.report_models import cell_text, column_title


def open_print_dialog(parent: QWidget, print_to: Callable[[QPrinter], object]
                      ) -> tuple[QPrintDialog, QPrinter]:
    """The Reports tab's print dialog on a printer of its own: ``print_to`` it once accepted.
    QPrintDialog.open() in PySide6 wants a receiver and slot: shown window-modal instead."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReportsTab", "Print the report"))
    dialog.accepted.connect(lambda: print_to(printer))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog, printer


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
    if panels:  # card-key stock has no days to chart
        chart = QRectF(0, top + line * 0.5, page.width(), page.height() * 0.35)
        paint_bars(painter, chart, panels, font)
        top = chart.bottom()
    _paint_table(painter, printer, report, currency, font, top + line)


def _paint_table(painter: QPainter, printer: QPrinter, report: Report, currency: str,
                 font: QFont, top: float) -> None:
    """The header (in bold, on two lines where a name is wider than its figures) and the
    rows from ``top`` down, figures right-aligned as on screen, a new page when one is full."""
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    line = painter.fontMetrics().height() * 1.3
    gap = line * 0.4
    columns = report.columns
    header = [column_title(c.key, report.by) for c in columns]
    rows = [[cell_text(c, row[c.key], currency, report.by) for c in columns]
            for row in report.rows]
    bold = QFont(font)
    bold.setBold(True)
    widths = _column_widths(QFontMetricsF(bold, painter.device()),
                            QFontMetricsF(font, painter.device()), header, rows, gap,
                            page.width())
    wrap = Qt.TextFlag.TextWordWrap
    painter.setFont(bold)
    header_height = max(painter.boundingRect(QRectF(0, 0, w - gap, line * 3), wrap, text)
                        .height() for w, text in zip(widths, header, strict=True)) + line * 0.3
    for number, texts in enumerate([header, *rows]):
        height = header_height if number == 0 else line
        if top + height > page.height():
            printer.newPage()
            top = 0
        painter.setFont(bold if number == 0 else font)
        left = 0.0
        for column, text, width in zip(columns, texts, widths, strict=True):
            side = (Qt.AlignmentFlag.AlignRight if column.kind in ("int", "money")
                    else Qt.AlignmentFlag.AlignLeft)
            cell = QRectF(left, top, width - gap, height)
            if number == 0:
                painter.drawText(cell, side | Qt.AlignmentFlag.AlignBottom | wrap, text)
            else:
                painter.drawText(cell, side | Qt.AlignmentFlag.AlignVCenter,
                                 painter.fontMetrics().elidedText(
                                     text, Qt.TextElideMode.ElideRight, int(width - gap)))
            left += width
        top += height


def _column_widths(bold: QFontMetricsF, plain: QFontMetricsF, header: list[str],
                   rows: list[list[str]], gap: float, room: float) -> list[float]:
    """Each column as wide as its figures; then as its header, as far as the page allows
    (a header that does not fit wraps); what is left shared out. Equal shares used to cut
    both: "Orders ref…", "¥978.…"."""
    gap *= 1.5  # the gap between columns, and some slack for rounding to whole pixels
    figures = [max([plain.horizontalAdvance(r[i]) for r in rows] +
                   [_longest_word(bold, header[i])]) + gap for i in range(len(header))]
    names = [bold.horizontalAdvance(text) + gap for text in header]
    spare = room - sum(figures)
    if spare <= 0:  # too many figures for the page: each gives up a share
        return [w * room / sum(figures) for w in figures]
    wants = [max(0.0, n - f) for n, f in zip(names, figures, strict=True)]
    share = min(1.0, spare / sum(wants)) if sum(wants) else 0.0
    widths = [f + w * share for f, w in zip(figures, wants, strict=True)]
    left = room - sum(widths)
    return [w + left / len(widths) for w in widths]


def _longest_word(metrics: QFontMetricsF, text: str) -> float:
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)


def _paragraph(painter: QPainter, text: str, top: float, width: float) -> float:
    """``text`` wrapped to ``width`` from ``top`` down; where the next line starts."""
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    room = QRectF(0, top, width, painter.fontMetrics().height() * 20)
    used = painter.boundingRect(room, flags, text)
    painter.drawText(room, flags, text)
    return used.bottom() + painter.fontMetrics().height() * 0.3
