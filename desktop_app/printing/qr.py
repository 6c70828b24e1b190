"""The QR symbol drawn as rectangles snapped to whole device pixels: crisp on a printer,
seamless in a PDF viewer."""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath

from desktop_app.printing.style import INK, PAPER

QUIET_ZONE = 4  # modules of white around the symbol, as the QR standard asks


def dark_runs(matrix: list[list[bool]]) -> Iterator[tuple[int, int, int]]:
    """(row, first column, length) of each horizontal run of dark modules."""
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            start = column
            while column < len(cells) and cells[column]:
                column += 1
            if column > start:
                yield row, start, column - start
            else:
                column += 1


def paint_qr(painter: QPainter, matrix: list[list[bool]], box: QRectF) -> None:
    """The symbol with its quiet zone, as large as fits ``box``, modules on whole device pixels."""
    modules = len(matrix) + 2 * QUIET_ZONE
    on_device = painter.transform().mapRect(box)
    module = max(1, math.floor(min(on_device.width(), on_device.height()) / modules))
    side = module * modules
    left = round(on_device.center().x() - side / 2)
    top = round(on_device.center().y() - side / 2)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)  # one filled shape: no hairline seams between runs
    for row, start, length in dark_runs(matrix):
        path.addRect(left + (QUIET_ZONE + start) * module, top + (QUIET_ZONE + row) * module,
                     length * module, module)
    painter.save()
    painter.resetTransform()  # device pixels from here: whole-pixel modules stay sharp
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(QRectF(left, top, side, side), PAPER)
    painter.fillPath(path, INK)
    painter.restore()
