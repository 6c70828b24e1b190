"""Tall layouts: one voucher per page on 58 or 80 mm receipt paper (the page as tall as its
content), and one voucher large on an A4 sheet."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from desktop_app.core.vouchers_view import VoucherView
from desktop_app.printing.blocks import (
    Block,
    Page,
    key_block,
    mark_block,
    qr_block,
    rule,
    space,
    stack,
    text_block,
)
from desktop_app.printing.style import A4_MM, BAND, DOTS_PER_INCH, LINE, MUTED, PAPER, font, mm
from desktop_app.printing.text import (
    CENTER,
    balanced,
    fitted,
    headline,
    lay_out,
    numbers_kept_whole,
    one_line,
)
from desktop_app.printing.wording import (
    code_label,
    footer_text,
    hint_text,
    key_label,
    marks,
    uses_text,
    validity_text,
)


@dataclass(frozen=True)
class Tall:
    """Sizes of a tall layout, in points and millimetres."""

    paper_mm: float  # receipts: paper width; a4: the card's width
    side_mm: float
    top_mm: float
    bottom_mm: float
    shop_pt: float
    product_pt: float
    detail_pt: float
    label_pt: float
    code_pt: float
    key_pt: float
    small_pt: float
    qr_mm: float  # the symbol; its quiet zone comes on top
    band: bool  # the shop name on a dark band (A4), or plain bold (thermal paper)
    gap: float = 1.0  # spacing scale: a sheet breathes more than a receipt

    def space(self, height_mm: float) -> Block:
        return space(height_mm * self.gap)


A4_CARD_TOP_MM, A4_CARD_BOTTOM_MM = 18.0, 10.0  # the single voucher's card on its A4 sheet

TALL = {
    "receipt58": Tall(58, 5, 4, 10, 11, 13, 9, 7, 14, 9, 7, 35, False),
    "receipt80": Tall(80, 5, 5, 12, 13, 16, 10.5, 8, 18, 10.5, 8, 50, False),
    "a4": Tall(160, 14, 0, 14, 18, 30, 16, 11, 32, 16, 11, 72, True, 1.8),
}


def _label(text: str, width: float, size_pt: float) -> Block:
    return text_block(lay_out(text.upper(), font(size_pt, bold=True), width, CENTER,
                              color=MUTED))


def _band(view: VoucherView, style: Tall, width: float) -> Block:
    laid = fitted(view.shop_name, width, style.shop_pt, style.shop_pt * 0.7, 2, bold=True,
                  align=CENTER, color=PAPER, elide=True)
    pad = mm(5)

    def paint(painter: QPainter, area: QRectF) -> None:
        painter.fillRect(area.adjusted(-mm(style.side_mm), 0, mm(style.side_mm), 0), BAND)
        text_block(laid).paint(painter, area.adjusted(0, pad, 0, -pad))

    return Block(laid.height + 2 * pad, paint)


def _address(view: VoucherView, style: Tall, width: float) -> list[Block]:
    if not view.address_line:
        return []
    return [style.space(1), text_block(lay_out(numbers_kept_whole(view.address_line),
                                                font(style.small_pt), width, CENTER,
                                                color=MUTED))]


def _head(view: VoucherView, style: Tall, width: float) -> list[Block]:
    if style.band:
        return [_band(view, style, width), *_address(view, style, width), style.space(5)]
    shop = headline(view.shop_name, width, style.shop_pt, style.shop_pt * 0.7, 2,
                    CENTER)
    return [text_block(shop), *_address(view, style, width), style.space(2), rule(),
            style.space(3)]


def _marks(view: VoucherView, style: Tall, width: float) -> list[Block]:
    blocks: list[Block] = []
    for text in marks(view):
        blocks += [mark_block(text, width, style.detail_pt * 1.2), style.space(2)]
    return blocks


def _details(view: VoucherView, style: Tall, width: float) -> list[Block]:
    product = headline(view.product_name, width, style.product_pt, style.product_pt * 0.6, 3,
                       CENTER)
    blocks = [text_block(product), style.space(1.5)]
    for line in (uses_text(view), validity_text(view)):
        if line:
            blocks.append(text_block(lay_out(line, font(style.detail_pt), width,
                                             CENTER)))
            blocks.append(style.space(0.3))
    return blocks


def _code(view: VoucherView, style: Tall, width: float, key_height: float | None
          ) -> list[Block]:
    blocks = [_label(code_label(), width, style.label_pt), style.space(0.8),
              text_block(one_line(view.code, width, style.code_pt, bold=True, mono=True,
                                  align=CENTER))]
    if view.card_key:
        blocks += [style.space(4), _label(key_label(), width, style.label_pt), style.space(0.8),
                   key_block(view.card_key, width, style.key_pt, key_height)]
    return blocks


def _foot(view: VoucherView, style: Tall, width: float) -> list[Block]:
    hint = hint_text(view)
    foot = lay_out(footer_text(view), font(style.small_pt), width, CENTER, color=MUTED)
    note = ([text_block(balanced(view.voucher_note, font(style.small_pt, bold=True), width)),
             style.space(1.5)] if view.voucher_note else [])
    told = ([text_block(balanced(hint, font(style.small_pt), width))] if hint else [])
    return [*note, *told, style.space(2.5), rule(dashed=True), style.space(2),
            text_block(foot)]


def tall_voucher(view: VoucherView, style: Tall, key_height: float | None = None) -> Block:
    """The voucher, top to bottom; its card key in at most ``key_height`` when given."""
    width = mm(style.paper_mm - 2 * style.side_mm)
    return stack([*_head(view, style, width), *_marks(view, style, width),
                  *_details(view, style, width), style.space(1),
                  qr_block(view.payload, style.qr_mm), style.space(1),
                  *_code(view, style, width, key_height), style.space(5),
                  *_foot(view, style, width)])


def receipt_page(view: VoucherView, layout: str) -> Page:
    style = TALL[layout]
    body = tall_voucher(view, style)
    height_mm = style.top_mm + body.height * 25.4 / DOTS_PER_INCH + style.bottom_mm

    def paint(painter: QPainter) -> None:
        body.paint(painter, QRectF(mm(style.side_mm), mm(style.top_mm),
                                   mm(style.paper_mm - 2 * style.side_mm), body.height))

    return Page(QSizeF(style.paper_mm, math.ceil(height_mm)), paint)


def a4_card(view: VoucherView) -> tuple[Block, QRectF]:
    """The single voucher on A4 and the card it is drawn in, which stays on the sheet: a card
    key too long for it is set smaller (the other parts have their limits)."""
    style = TALL["a4"]
    body = tall_voucher(view, style)
    room = mm(A4_MM[1] - A4_CARD_TOP_MM - A4_CARD_BOTTOM_MM - style.bottom_mm)
    if body.height > room and view.card_key:
        width = mm(style.paper_mm - 2 * style.side_mm)
        key_height = key_block(view.card_key, width, style.key_pt).height
        body = tall_voucher(view, style, key_height - (body.height - room))
    return body, QRectF(mm((A4_MM[0] - style.paper_mm) / 2), mm(A4_CARD_TOP_MM),
                        mm(style.paper_mm), body.height + mm(style.bottom_mm))


def a4_single_page(view: VoucherView) -> Page:
    style = TALL["a4"]
    body, card = a4_card(view)

    def paint(painter: QPainter) -> None:
        outline = QPainterPath()
        outline.addRoundedRect(card, mm(4), mm(4))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipPath(outline)  # the dark band follows the card's rounded corners
        body.paint(painter, card.adjusted(mm(style.side_mm), 0, -mm(style.side_mm), 0))
        painter.restore()
        pen = QPen(LINE, mm(0.35))
        pen.setDashPattern([8, 5])  # also the line to cut along
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(outline)

    return Page(QSizeF(*A4_MM), paint)
