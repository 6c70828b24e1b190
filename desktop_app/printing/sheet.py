"""The A4 sheet of cut-out vouchers: a 2 x 4 grid with cut lines, on as many sheets as needed."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPen

from desktop_app.core.vouchers import qr_matrix
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.printing.blocks import Block, Page, rule, space, stack, text_block
from desktop_app.printing.qr import QUIET_ZONE, paint_qr
from desktop_app.printing.style import A4_MM, CUT, LINE, MUTED, font, mm, per_thread
from desktop_app.printing.text import fitted, headline, lay_out, one_line
from desktop_app.printing.wording import (
    code_label,
    footer_text,
    hint_text,
    key_label,
    uses_text,
    validity_text,
)

GRID_COLUMNS, GRID_ROWS = 2, 4
GRID_MARGIN_X_MM, GRID_MARGIN_Y_MM = 10.0, 12.0
CELL_PAD_MM = 5.0
CELL_QR_MM = 36.0


def _cell_size_mm() -> tuple[float, float]:
    return ((A4_MM[0] - 2 * GRID_MARGIN_X_MM) / GRID_COLUMNS,
            (A4_MM[1] - 2 * GRID_MARGIN_Y_MM) / GRID_ROWS)


def _cell_left(view: VoucherView, width: float) -> Block:
    return _heading(view.shop_name, view.product_name, uses_text(view), validity_text(view),
                    width)


# A batch's vouchers share shop, product, uses, validity and order: their heading and foot are
# laid out once and painted in every cell.
@per_thread(maxsize=32)
def _heading(shop_name: str, product_name: str, uses: str, validity: str, width: float) -> Block:
    shop = fitted(shop_name, width, 8, 6, 1, bold=True, color=MUTED)
    product = headline(product_name, width, 13, 8, 3)
    blocks = [text_block(shop), space(1), rule(color=LINE), space(2.5),
              text_block(product), space(2)]
    for line in (uses, validity):
        if line:
            blocks.append(text_block(lay_out(line, font(8.5), width)))
    return stack(blocks)


@per_thread(maxsize=32)
def _foot(footer: str, width: float) -> tuple[Block, float]:
    """The hint and the order line at the foot of a cell, and the height of their text."""
    hint = lay_out(hint_text(), font(6.5), width)
    foot = lay_out(footer, font(6.5), width, color=MUTED)
    return stack([text_block(hint), space(0.5), text_block(foot)]), hint.height + foot.height


def _cell_bottom(view: VoucherView, width: float, room: float) -> tuple[Block, Block]:
    """The code (and card key) under the QR, and the foot of the cell."""
    label = lay_out(code_label().upper(), font(6, bold=True), width, color=MUTED)
    code = one_line(view.code, width, 16, bold=True, mono=True)
    foot, foot_text_height = _foot(footer_text(view), width)
    blocks = [text_block(label), space(0.3), text_block(code)]
    if view.card_key:
        key_title = lay_out(key_label().upper(), font(6, bold=True), width, color=MUTED)
        used = label.height + code.height + key_title.height + foot_text_height + mm(3)
        key = fitted(view.card_key, width, 10, 4, 99, bold=True, mono=True,
                     max_height=room - used)
        blocks += [space(1.5), text_block(key_title), space(0.3), text_block(key)]
    return stack(blocks), foot


def paint_cell(painter: QPainter, view: VoucherView, cell: QRectF) -> None:
    inner = cell.adjusted(mm(CELL_PAD_MM), mm(CELL_PAD_MM), -mm(CELL_PAD_MM), -mm(CELL_PAD_MM))
    qr_side = mm(CELL_QR_MM)
    # The QR's own quiet zone is white space: let it reach into the padding, top and right.
    matrix = qr_matrix(view.payload)
    quiet = qr_side * QUIET_ZONE / (len(matrix) + 2 * QUIET_ZONE)
    paint_qr(painter, matrix, QRectF(inner.right() - qr_side + quiet, inner.top() - quiet,
                                     qr_side, qr_side))
    left = _cell_left(view, inner.width() - qr_side - mm(1))
    left.paint(painter, QRectF(inner.left(), inner.top(), inner.width() - qr_side, left.height))
    top = inner.top() + max(left.height, qr_side - 2 * quiet) + mm(3)
    bottom, foot = _cell_bottom(view, inner.width(), inner.bottom() - top)
    bottom.paint(painter, QRectF(inner.left(), top, inner.width(), bottom.height))
    foot.paint(painter, QRectF(inner.left(), inner.bottom() - foot.height, inner.width(),
                               foot.height))


def paint_cut_lines(painter: QPainter, cells: int) -> None:
    """Dashed lines along every edge of the used cells, out to the paper's edge."""
    width_mm, height_mm = _cell_size_mm()
    rows = math.ceil(cells / GRID_COLUMNS)
    bottom = A4_MM[1] if rows == GRID_ROWS else GRID_MARGIN_Y_MM + rows * height_mm + 6
    pen = QPen(CUT, mm(0.2))
    pen.setDashPattern([10, 6])
    painter.setPen(pen)
    for column in range(GRID_COLUMNS + 1):
        x = mm(GRID_MARGIN_X_MM + column * width_mm)
        painter.drawLine(QPointF(x, 0), QPointF(x, mm(bottom)))
    for row in range(rows + 1):
        y = mm(GRID_MARGIN_Y_MM + row * height_mm)
        painter.drawLine(QPointF(0, y), QPointF(mm(A4_MM[0]), y))


def a4_grid_page(views: Sequence[VoucherView]) -> Page:
    width_mm, height_mm = _cell_size_mm()

    def paint(painter: QPainter) -> None:
        paint_cut_lines(painter, len(views))
        for index, view in enumerate(views):
            row, column = divmod(index, GRID_COLUMNS)
            cell = QRectF(mm(GRID_MARGIN_X_MM + column * width_mm),
                          mm(GRID_MARGIN_Y_MM + row * height_mm), mm(width_mm), mm(height_mm))
            paint_cell(painter, view, cell)

    return Page(QSizeF(*A4_MM), paint)

