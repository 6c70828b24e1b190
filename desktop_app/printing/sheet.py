"""The A4 sheet of cut-out vouchers: a 2 x 4 grid with cut lines, on as many sheets as needed."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPen

from desktop_app.core.vouchers import qr_matrix
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.printing.blocks import Block, Page, mark_block, rule, space, stack, text_block
from desktop_app.printing.card_key import key_text
from desktop_app.printing.qr import QUIET_ZONE, paint_qr
from desktop_app.printing.style import A4_MM, CUT, LINE, MUTED, font, mm, per_thread
from desktop_app.printing.text import fitted, headline, lay_out, one_line
from desktop_app.printing.wording import (
    code_label,
    footer_text,
    hint_text,
    key_label,
    marks,
    uses_text,
    validity_text,
)

GRID_COLUMNS, GRID_ROWS = 2, 4
GRID_MARGIN_X_MM, GRID_MARGIN_Y_MM = 10.0, 12.0
CELL_PAD_MM = 5.0
CELL_QR_MM = 36.0
GAP_MM = 3.0  # between the parts of a cell
KEY_MIN_PT = 4.0


def _cell_size_mm() -> tuple[float, float]:
    return ((A4_MM[0] - 2 * GRID_MARGIN_X_MM) / GRID_COLUMNS,
            (A4_MM[1] - 2 * GRID_MARGIN_Y_MM) / GRID_ROWS)


# A batch's vouchers share shop, product, uses, validity and order: their heading and foot are
# laid out once and painted in every cell.
@per_thread(maxsize=32)
def _heading(shop_name: str, product_name: str, uses: str, validity: str, width: float,
             max_height: float, said: tuple[str, ...] = ()) -> Block:
    """Shop, what a reprint must say (void…), product, uses and validity in at most
    ``max_height``: the name gives way ("…")."""
    shop = fitted(shop_name, width, 8, 6, 1, bold=True, color=MUTED, elide=True)
    details = [text_block(lay_out(line, font(8.5), width)) for line in (uses, validity) if line]
    above = [text_block(shop), space(1), rule(color=LINE), space(2.5)]
    if said:
        above += [mark_block(" · ".join(said), width, 8), space(1.5)]
    room = max_height - sum(block.height for block in [*above, space(2), *details])
    product = headline(product_name, width, 13, 8, 3, max_height=room)
    return stack([*above, text_block(product), space(2), *details])


@per_thread(maxsize=32)
def _foot(hint: str, footer: str, width: float) -> Block:
    """The hint (where the voucher may be used) and the order line at the foot of a cell."""
    foot = text_block(lay_out(footer, font(6.5), width, color=MUTED))
    if not hint:
        return foot
    return stack([text_block(lay_out(hint, font(6.5), width)), space(0.5), foot])


@dataclass(frozen=True)
class CellLayout:
    """Where each part of a cell goes; every rectangle lies inside the cell and none covers
    another, so a card cut out along the lines carries its own voucher whole."""

    qr: QRectF  # the symbol with its quiet zone
    heading: QRectF  # shop, product, uses, validity: left of the QR
    code: QRectF  # the printed code (and card key): under the QR and the heading
    foot: QRectF  # the hint and the order line, at the bottom
    blocks: tuple[Block, Block, Block]  # heading, code, foot
    matrix: list[list[bool]]  # the QR's modules, made once per cell


def _inner(cell: QRectF) -> QRectF:
    pad = mm(CELL_PAD_MM)
    return cell.adjusted(pad, pad, -pad, -pad)


def _qr_rect(modules: int, inner: QRectF) -> QRectF:
    """The box of a QR of ``modules`` a side. Its quiet zone is white space: it may reach into
    the padding, top and right, and it is the gap above the code."""
    side = mm(CELL_QR_MM)
    quiet = side * QUIET_ZONE / (modules + 2 * QUIET_ZONE)
    return QRectF(inner.right() - side + quiet, inner.top() - quiet, side, side)


def _code_block(view: VoucherView, width: float, room: float) -> Block | None:
    """The code (and card key) in at most ``room``; None when a card key does not fit."""
    label = lay_out(code_label().upper(), font(6, bold=True), width, color=MUTED)
    code = one_line(view.code, width, 16, bold=True, mono=True)
    blocks = [text_block(label), space(0.3), text_block(code)]
    if view.card_key:
        key_title = lay_out(key_label().upper(), font(6, bold=True), width, color=MUTED)
        head = [space(1.5), text_block(key_title), space(0.3)]
        key_room = room - sum(block.height for block in [*blocks, *head])
        key = key_text(view.card_key, width, 10, KEY_MIN_PT, 99, max_height=key_room)
        if key.height > key_room:
            return None
        blocks += [*head, text_block(key)]
    return stack(blocks)


def cell_layout(view: VoucherView, cell: QRectF) -> CellLayout | None:
    """The parts of ``view``'s cell, placed; None when they do not fit (a long card key)."""
    inner = _inner(cell)
    matrix = qr_matrix(view.payload)
    qr = _qr_rect(len(matrix), inner)
    foot = _foot(hint_text(view), footer_text(view), inner.width())
    foot_top = inner.bottom() - foot.height
    code = _code_block(view, inner.width(), foot_top - mm(1) - qr.bottom())
    if code is None:
        return None
    heading_width = inner.width() - mm(CELL_QR_MM) - mm(1)
    room = foot_top - mm(1) - code.height - mm(GAP_MM) - inner.top()
    heading = _heading(view.shop_name, view.product_name, uses_text(view), validity_text(view),
                       heading_width, room, tuple(marks(view)))
    if heading.height > room:
        return None
    code_top = max(qr.bottom(), inner.top() + heading.height + mm(GAP_MM))
    return CellLayout(
        qr=qr, heading=QRectF(inner.left(), inner.top(), heading_width, heading.height),
        code=QRectF(inner.left(), code_top, inner.width(), code.height),
        foot=QRectF(inner.left(), foot_top, inner.width(), foot.height),
        blocks=(heading, code, foot), matrix=matrix)


def fits_cell(view: VoucherView) -> bool:
    """Whether ``view`` fits a cell of the sheet: a card key too long for one prints alone.
    A voucher without a key or a mark always fits (its name gives way): not measured twice."""
    if not view.card_key and not marks(view):
        return True
    width_mm, height_mm = _cell_size_mm()
    return cell_layout(view, QRectF(0, 0, mm(width_mm), mm(height_mm))) is not None


def paint_cell(painter: QPainter, view: VoucherView, cell: QRectF) -> None:
    placed = cell_layout(view, cell)
    if placed is None:
        raise ValueError("a voucher whose card key does not fit a cell prints on its own page")
    painter.save()
    painter.setClipRect(cell)  # nothing of one voucher on its neighbour's card
    paint_qr(painter, placed.matrix, placed.qr)
    for block, area in zip(placed.blocks, (placed.heading, placed.code, placed.foot),
                           strict=True):
        block.paint(painter, area)
    painter.restore()


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

