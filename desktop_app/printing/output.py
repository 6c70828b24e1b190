"""Pages of vouchers onto a device: a PDF, a printer the print dialog set up, or an image."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPdfWriter,
)

from desktop_app.core.errors import InvalidInput
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.i18n import translate
from desktop_app.printing.blocks import Page
from desktop_app.printing.pdf_text import readable_cjk
from desktop_app.printing.sheet import GRID_COLUMNS, GRID_ROWS, a4_grid_page, fits_cell
from desktop_app.printing.style import DOTS_PER_INCH, PAPER
from desktop_app.printing.tall import a4_single_page, receipt_page

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

LAYOUTS = ("a4", "receipt58", "receipt80")
PDF_RESOLUTION = 300


def _default_platform() -> None:
    # Linux without a display (a server, a script over SSH) still renders: offscreen is enough
    # for painting PDFs and images, and xcb would abort the process instead.
    if (sys.platform.startswith("linux") and not os.environ.get("DISPLAY")
            and not os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication (or QApplication), made now if there is none.

    Painting text needs the font database, which only a QGuiApplication provides. A plain
    QCoreApplication cannot be upgraded in place, so it is refused with a clear error rather
    than letting Qt abort the process: ``desktop_app.__main__`` makes a QGuiApplication for
    commands for this reason.
    """
    app = QCoreApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    if app is not None:
        raise RuntimeError("printing needs a QGuiApplication, but a QCoreApplication exists")
    _default_platform()
    return QGuiApplication([sys.argv[0] if sys.argv else "voucher-shop"])


def pages(views: Sequence[VoucherView], layout: str) -> list[Page]:
    """The pages ``views`` print on in ``layout``."""
    if layout not in LAYOUTS:
        raise InvalidInput(field="layout", problem="choice", choices=",".join(LAYOUTS))
    if not views:
        raise InvalidInput(field="vouchers", problem="required")
    if layout != "a4":
        return [receipt_page(view, layout) for view in views]
    if len(views) == 1:
        return [a4_single_page(views[0])]
    in_grid = [view for view in views if fits_cell(view)]
    alone = [a4_single_page(view) for view in views if not fits_cell(view)]
    per_page = GRID_COLUMNS * GRID_ROWS
    return [a4_grid_page(in_grid[i : i + per_page])
            for i in range(0, len(in_grid), per_page)] + alone


def _paint_pages(device: QPagedPaintDevice, sheets: list[Page]) -> None:
    """Paint ``sheets`` onto a PDF writer or printer, each page sized for its sheet."""
    device.setPageLayout(QPageLayout(sheets[0].page_size(), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting on the output device")
    try:
        for number, sheet in enumerate(sheets):
            if number:
                device.setPageSize(sheet.page_size())
                device.newPage()
            painter.save()
            scale = device.logicalDpiX() / DOTS_PER_INCH
            painter.scale(scale, scale)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            sheet.paint(painter)
            painter.restore()
    finally:
        painter.end()


def pdf_bytes(paint: Callable[[QPdfWriter], None], title: str = "") -> bytes:
    """What ``paint`` draws on a PDF writer at 300 dpi, fonts embedded, as the file's bytes,
    its Chinese text copyable as typed (``pdf_text``)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Voucher Shop")
    if title:
        writer.setTitle(title)
    paint(writer)
    del writer  # flushes nothing more, but the buffer must outlive it
    buffer.close()
    return readable_cjk(bytes(buffer.data().data()))


def voucher_pdf_bytes(views: Sequence[VoucherView], layout: str) -> bytes:
    """The PDF of ``views`` in ``layout``, 300 dpi, fonts embedded."""
    ensure_gui_app()
    sheets = pages(views, layout)
    return pdf_bytes(lambda writer: _paint_pages(writer, sheets),
                     translate("printing", "Vouchers"))


def write_voucher_pdf(path: str | os.PathLike[str], vouchers: Sequence[VoucherView],
                      layout: str) -> None:
    """Write the printable ``vouchers`` to ``path`` as one PDF, atomically."""
    atomic_write_bytes(Path(path), voucher_pdf_bytes(vouchers, layout))


def voucher_image(view: VoucherView, layout: str, dpi: int = 150) -> QImage:
    """One voucher's page as an image: the preview shows exactly what prints."""
    ensure_gui_app()
    sheet = pages([view], layout)[0]
    size = sheet.size_mm
    image = QImage(round(size.width() * dpi / 25.4), round(size.height() * dpi / 25.4),
                   QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(PAPER)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(dpi / DOTS_PER_INCH, dpi / DOTS_PER_INCH)
        sheet.paint(painter)
    finally:
        painter.end()
    return image


def print_vouchers(printer: QPrinter, views: Sequence[VoucherView], layout: str) -> None:
    """Print on a printer the print dialog set up; pages sized for the layout."""
    ensure_gui_app()
    sheets = pages(views, layout)
    printer.setFullPage(True)  # our margins are in the layout; the origin is the paper's corner
    _paint_pages(printer, sheets)
