"""Blocks: a voucher is a stack of them, each measured before anything is painted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPen

from desktop_app.core.vouchers import qr_matrix
from desktop_app.printing.card_key import key_text
from desktop_app.printing.qr import QUIET_ZONE, paint_qr
from desktop_app.printing.style import A4_MM, INK, LINE, mm
from desktop_app.printing.text import CENTER, Text, fitted


@dataclass
class Block:
    height: float
    paint: Callable[[QPainter, QRectF], None]


def text_block(laid: Text) -> Block:
    """Text laid out for the block's width; its own alignment places it."""
    return Block(laid.height, lambda painter, area: laid.paint(painter, area.left(), area.top()))


def space(height_mm: float) -> Block:
    return Block(mm(height_mm), lambda painter, area: None)


def rule(dashed: bool = False, color: QColor = LINE) -> Block:
    def paint(painter: QPainter, area: QRectF) -> None:
        pen = QPen(color, mm(0.25))
        if dashed:
            pen.setDashPattern([6, 4])
        painter.setPen(pen)
        y = area.center().y()
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))

    return Block(mm(0.6), paint)


def qr_block(payload: str, symbol_mm: float) -> Block:
    """The QR whose symbol (quiet zone not counted) is ``symbol_mm`` wide."""
    matrix = qr_matrix(payload)
    side = mm(symbol_mm) * (len(matrix) + 2 * QUIET_ZONE) / len(matrix)

    def paint(painter: QPainter, area: QRectF) -> None:
        paint_qr(painter, matrix, QRectF(area.center().x() - side / 2, area.top(), side, side))

    return Block(side, paint)


KEY_MIN_PT = 6.0  # the smallest a key gets on a page that cannot grow


def key_block(secret: str, width: float, size_pt: float, max_height: float | None = None
              ) -> Block:
    """The card key in full inside a box; a long key wraps between its parts or at its
    hyphens, else anywhere. On a page that cannot grow (``max_height``), a very long key gets
    smaller, never cut."""
    pad = mm(2)
    if max_height is None:
        laid = key_text(secret, width - 2 * pad, size_pt, size_pt * 0.75, 2, align=CENTER)
    else:
        laid = key_text(secret, width - 2 * pad, size_pt, KEY_MIN_PT, 99, align=CENTER,
                        max_height=max_height - 2 * pad)

    def paint(painter: QPainter, area: QRectF) -> None:
        painter.setPen(QPen(INK, mm(0.3)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(area, mm(1.2), mm(1.2))
        laid.paint(painter, area.left() + pad, area.top() + pad)

    return Block(laid.height + 2 * pad, paint)


def mark_block(text: str, width: float, size_pt: float) -> Block:
    """A word the eye cannot miss on a reprint (void, used up, a faulty key): bold, boxed."""
    pad = mm(1.2)
    laid = fitted(text, width - 2 * pad, size_pt, size_pt * 0.6, 2, bold=True, align=CENTER,
                  elide=True)

    def paint(painter: QPainter, area: QRectF) -> None:
        painter.setPen(QPen(INK, mm(0.6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(area)
        laid.paint(painter, area.left() + pad, area.top() + pad)

    return Block(laid.height + 2 * pad, paint)


def stack(blocks: list[Block]) -> Block:
    def paint(painter: QPainter, area: QRectF) -> None:
        top = area.top()
        for block in blocks:
            block.paint(painter, QRectF(area.left(), top, area.width(), block.height))
            top += block.height

    return Block(sum(b.height for b in blocks), paint)


@dataclass
class Page:
    size_mm: QSizeF
    paint: Callable[[QPainter], None]  # in reference dots, from the paper's top-left corner

    def page_size(self) -> QPageSize:
        if (self.size_mm.width(), self.size_mm.height()) == A4_MM:
            return QPageSize(QPageSize.PageSizeId.A4)
        name = f"{self.size_mm.width():g} x {self.size_mm.height():.0f} mm"
        return QPageSize(self.size_mm, QPageSize.Unit.Millimeter, name,
                         QPageSize.SizeMatchPolicy.ExactMatch)
