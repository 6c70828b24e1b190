"""The QR symbol drawn as rectangles snapped to whole device pixels: crisp on a printer,
seamless in a PDF viewer."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QTransform

from desktop_app.printing.style import INK, PAPER

QUIET_ZONE = 4  # modules of white around the symbol, as the QR standard asks

_DARK_RUN = re.compile(rb"\x01+")


def dark_rects(matrix: list[list[bool]]) -> list[QRect]:
    """The dark modules as rectangles in module units: each run of a row, carried down while
    the rows below repeat it (a fifth fewer rectangles than runs, so a smaller PDF)."""
    rects: list[QRect] = []
    open_runs: dict[tuple[int, int], int] = {}  # (first column, end) -> top row
    for row, cells in enumerate(matrix):
        continued = {}
        for match in _DARK_RUN.finditer(bytes(cells)):
            continued[match.span()] = open_runs.pop(match.span(), row)
        rects += [_rect(start, top, end - start, row - top)
                  for (start, end), top in open_runs.items()]
        open_runs = continued
    rects += [_rect(start, top, end - start, len(matrix) - top)
              for (start, end), top in open_runs.items()]
    return rects


# The same few thousand small rectangles recur in every symbol; making a QRect costs more
# than finding the rectangle.
_rect = lru_cache(maxsize=8192)(QRect)


def paint_qr(painter: QPainter, matrix: list[list[bool]], box: QRectF) -> None:
    """The symbol with its quiet zone, as large as fits ``box``, modules on whole device pixels."""
    modules = len(matrix) + 2 * QUIET_ZONE
    on_device = painter.transform().mapRect(box)
    module = max(1, math.floor(min(on_device.width(), on_device.height()) / modules))
    side = module * modules
    left = round(on_device.center().x() - side / 2)
    top = round(on_device.center().y() - side / 2)
    painter.save()
    painter.resetTransform()  # device pixels from here: whole-pixel modules stay sharp
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(left, top, side, side), PAPER)
    # Module units on whole device pixels; one fill of all rectangles (no hairline seams
    # between them), written to a PDF as one small "re" per rectangle.
    painter.setTransform(QTransform(module, 0, 0, module, left + QUIET_ZONE * module,
                                    top + QUIET_ZONE * module))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    painter.drawRects(dark_rects(matrix))
    painter.restore()
