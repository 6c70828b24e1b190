"""Printable vouchers, painted with QPainter on any paint device: PDF, printer or image.

Three layouts:

* ``a4``: one voucher large on an A4 sheet, or, for several, a 2 x 4 grid of cut-out vouchers
  with cut lines on as many sheets as needed;
* ``receipt58`` and ``receipt80``: one voucher per page on 58 or 80 mm receipt paper, the page
  as tall as its content.

Everything is laid out once in "dots" of a 300 dpi reference and scaled to the device, so a
PDF, an on-screen preview and a 203 dpi thermal printer show the same voucher. The QR is drawn
as rectangles snapped to whole device pixels: crisp on a printer, seamless in a PDF viewer.
Core stays Qt-free; the data comes from ``desktop_app.core.vouchers_view``.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from desktop_app.core.dates import last_valid_day, local_day
from desktop_app.core.errors import InvalidInput
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.vouchers import qr_matrix
from desktop_app.core.vouchers_view import VoucherView

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

LAYOUTS = ("a4", "receipt58", "receipt80")
DOTS_PER_INCH = 300  # the reference resolution every layout is computed in
PDF_RESOLUTION = 300
QUIET_ZONE = 4  # modules of white around the symbol, as the QR standard asks

INK = QColor("#000000")
MUTED = QColor("#555555")
LINE = QColor("#9a9a9a")
CUT = QColor("#b5b5b5")
PAPER = QColor("#ffffff")
BAND = QColor("#1d1d1f")

# Tried in order, first installed wins; CJK families follow so Chinese product names find a
# Simplified Chinese face (not a Japanese one) before Qt's own fallback guesses.
SANS_FAMILIES = ("Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial",
                 "Liberation Sans", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
                 "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC",
                 "Droid Sans Fallback")
MONO_FAMILIES = ("DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "Menlo", "Liberation Mono",
                 "Courier New", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", "Microsoft YaHei",
                 "PingFang SC")


translate = QCoreApplication.translate  # lupdate needs the literal context at each call


# --- the application -------------------------------------------------------------------------


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


# --- units and fonts -------------------------------------------------------------------------


def mm(value: float) -> float:
    """Millimetres in reference dots."""
    return value * DOTS_PER_INCH / 25.4


def _installed(preferred: Sequence[str]) -> list[str]:
    # Only families that exist: asking Qt for a missing one can cost a slow alias scan.
    have = {name.casefold(): name for name in QFontDatabase.families()}
    return [have[name.casefold()] for name in preferred if name.casefold() in have]


_family_cache: dict[bool, list[str]] = {}


def font(size_pt: float, bold: bool = False, mono: bool = False) -> QFont:
    """A font sized in reference dots (pixel size), so metrics do not depend on the device."""
    if mono not in _family_cache:
        _family_cache[mono] = _installed(MONO_FAMILIES if mono else SANS_FAMILIES)
    result = QFont()
    if _family_cache[mono]:
        result.setFamilies(_family_cache[mono])
    result.setStyleHint(QFont.StyleHint.TypeWriter if mono else QFont.StyleHint.SansSerif)
    result.setFixedPitch(mono)
    result.setPixelSize(max(1, round(size_pt * DOTS_PER_INCH / 72)))
    result.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result


# --- text ------------------------------------------------------------------------------------


# Between words, or inside one too long for the line: nothing may run off the paper.
WRAP = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


@dataclass
class Text:
    """Laid-out text: measured once, drawn later exactly as measured."""

    layout: QTextLayout
    height: float
    width: float
    lines: int
    color: QColor

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        painter.setPen(self.color)
        self.layout.draw(painter, QPointF(left, top))


def lay_out(text: str, text_font: QFont, width: float, align: Qt.AlignmentFlag = Qt.AlignLeft,
            wrap: QTextOption.WrapMode = WRAP, color: QColor = INK) -> Text:
    layout = QTextLayout(text, text_font)
    option = QTextOption(align)
    option.setWrapMode(wrap)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    height = natural = 0.0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        natural = max(natural, line.naturalTextWidth())
    layout.endLayout()
    return Text(layout, height, natural, layout.lineCount(), color)


def fitted(text: str, width: float, max_pt: float, min_pt: float, max_lines: int, *,
           bold: bool = False, mono: bool = False, align: Qt.AlignmentFlag = Qt.AlignLeft,
           wrap: QTextOption.WrapMode = WRAP, color: QColor = INK,
           max_height: float | None = None) -> Text:
    """The largest size from ``max_pt`` down to ``min_pt`` at which ``text`` fits; never cut."""
    size = max_pt
    while True:
        laid = lay_out(text, font(size, bold, mono), width, align, wrap, color)
        fits = laid.lines <= max_lines and laid.width <= width + 0.5 and (
            max_height is None or laid.height <= max_height)
        if fits or size <= min_pt:
            return laid
        size = max(min_pt, size - 0.5)


def headline(text: str, width: float, max_pt: float, min_pt: float, max_lines: int,
             align: Qt.AlignmentFlag = Qt.AlignLeft) -> Text:
    """Bold text on one line if it fits at 80 % of ``max_pt``; else wrapped, so a short
    name never leaves one word dangling on a line of its own."""
    single = fitted(text, width, max_pt, max_pt * 0.8, 1, bold=True, align=align)
    if single.lines == 1:
        return single
    return fitted(text, width, max_pt, min_pt, max_lines, bold=True, align=align)


def one_line(text: str, width: float, max_pt: float, *, bold: bool = False, mono: bool = False,
             align: Qt.AlignmentFlag = Qt.AlignLeft, color: QColor = INK) -> Text:
    """One line at the largest size up to ``max_pt`` that fits ``width`` (for the code)."""
    advance = QFontMetricsF(font(100, bold, mono)).horizontalAdvance(text)
    size = max_pt if advance <= 0 else min(max_pt, math.floor(1000 * width / advance) / 10)
    return fitted(text, width, size, 4, 1, bold=bold, mono=mono, align=align,
                  wrap=QTextOption.WrapMode.NoWrap, color=color)


# --- what a voucher says ---------------------------------------------------------------------


def uses_text(view: VoucherView) -> str:
    if view.balance_cents is not None:  # a gift card: money left, not uses
        from desktop_app.ui.display import money  # here: the command line imports no widgets

        return translate("printing", "Balance {amount}").format(
            amount=money(view.balance_cents, view.currency))
    if view.kind == "cardkey":
        return ""
    if view.uses_left < view.uses_total:
        return translate("printing", "{left} of {total} uses left").format(
            left=view.uses_left, total=view.uses_total)
    if view.uses_total == 1:
        return translate("printing", "1 use")
    return translate("printing", "{count} uses").format(count=view.uses_total)


def validity_text(view: VoucherView) -> str:
    start = view.valid_from
    # A start later than the sale (a product valid from a set day) is worth printing.
    later = local_day(start) if start and start - view.issued_at > dt.timedelta(minutes=1) else ""
    if view.valid_until is None:
        if later:
            return translate("printing", "Valid from {start}, no expiry").format(start=later)
        return translate("printing", "No expiry")
    until = last_valid_day(view.valid_until)
    if later:
        return translate("printing", "Valid {start} to {end}").format(start=later, end=until)
    return translate("printing", "Valid until {date}").format(date=until)


def footer_text(view: VoucherView) -> str:
    return translate("printing", "Order {order} · issued {date}").format(
        order=view.order_id, date=local_day(view.issued_at))


def code_label() -> str:
    return translate("printing", "Voucher code")


def key_label() -> str:
    return translate("printing", "Card key")


def hint_text() -> str:
    return translate("printing", "Show the QR code, or tell the code, at the counter.")


# --- the QR ----------------------------------------------------------------------------------


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


# --- blocks: a tall voucher is a stack of them -----------------------------------------------


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


def key_block(secret: str, width: float, size_pt: float) -> Block:
    """The card key in full inside a box; a long key wraps at its hyphens, or anywhere."""
    pad = mm(2)
    laid = fitted(secret, width - 2 * pad, size_pt, size_pt * 0.75, 2, bold=True, mono=True,
                  align=Qt.AlignHCenter)

    def paint(painter: QPainter, area: QRectF) -> None:
        painter.setPen(QPen(INK, mm(0.3)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(area, mm(1.2), mm(1.2))
        laid.paint(painter, area.left() + pad, area.top() + pad)

    return Block(laid.height + 2 * pad, paint)


def stack(blocks: list[Block]) -> Block:
    def paint(painter: QPainter, area: QRectF) -> None:
        top = area.top()
        for block in blocks:
            block.paint(painter, QRectF(area.left(), top, area.width(), block.height))
            top += block.height

    return Block(sum(b.height for b in blocks), paint)


# --- tall layouts: receipts and the single A4 voucher ----------------------------------------


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


TALL = {
    "receipt58": Tall(58, 5, 4, 10, 11, 13, 9, 7, 14, 9, 7, 35, False),
    "receipt80": Tall(80, 5, 5, 12, 13, 16, 10.5, 8, 18, 10.5, 8, 50, False),
    "a4": Tall(160, 14, 0, 14, 18, 30, 16, 11, 32, 16, 11, 72, True, 1.8),
}


def _label(text: str, width: float, size_pt: float) -> Block:
    return text_block(lay_out(text.upper(), font(size_pt, bold=True), width, Qt.AlignHCenter,
                              color=MUTED))


def _band(view: VoucherView, style: Tall, width: float) -> Block:
    laid = fitted(view.shop_name, width, style.shop_pt, style.shop_pt * 0.7, 2, bold=True,
                  align=Qt.AlignHCenter, color=PAPER)
    pad = mm(5)

    def paint(painter: QPainter, area: QRectF) -> None:
        painter.fillRect(area.adjusted(-mm(style.side_mm), 0, mm(style.side_mm), 0), BAND)
        text_block(laid).paint(painter, area.adjusted(0, pad, 0, -pad))

    return Block(laid.height + 2 * pad, paint)


def _address(view: VoucherView, style: Tall, width: float) -> list[Block]:
    if not view.address_line:
        return []
    return [style.space(1), text_block(lay_out(view.address_line, font(style.small_pt), width,
                                                Qt.AlignHCenter, color=MUTED))]


def _head(view: VoucherView, style: Tall, width: float) -> list[Block]:
    if style.band:
        return [_band(view, style, width), *_address(view, style, width), style.space(5)]
    shop = headline(view.shop_name, width, style.shop_pt, style.shop_pt * 0.7, 2,
                    Qt.AlignHCenter)
    return [text_block(shop), *_address(view, style, width), style.space(2), rule(),
            style.space(3)]


def _details(view: VoucherView, style: Tall, width: float) -> list[Block]:
    product = headline(view.product_name, width, style.product_pt, style.product_pt * 0.6, 3,
                       Qt.AlignHCenter)
    blocks = [text_block(product), style.space(1.5)]
    for line in (uses_text(view), validity_text(view)):
        if line:
            blocks.append(text_block(lay_out(line, font(style.detail_pt), width,
                                             Qt.AlignHCenter)))
            blocks.append(style.space(0.3))
    return blocks


def _code(view: VoucherView, style: Tall, width: float) -> list[Block]:
    blocks = [_label(code_label(), width, style.label_pt), style.space(0.8),
              text_block(one_line(view.code, width, style.code_pt, bold=True, mono=True,
                                  align=Qt.AlignHCenter))]
    if view.card_key:
        blocks += [style.space(4), _label(key_label(), width, style.label_pt), style.space(0.8),
                   key_block(view.card_key, width, style.key_pt)]
    return blocks


def _foot(view: VoucherView, style: Tall, width: float) -> list[Block]:
    hint = lay_out(hint_text(), font(style.small_pt), width, Qt.AlignHCenter)
    foot = lay_out(footer_text(view), font(style.small_pt), width, Qt.AlignHCenter, color=MUTED)
    note = ([text_block(lay_out(view.voucher_note, font(style.small_pt, bold=True), width,
                                Qt.AlignHCenter)), style.space(1.5)] if view.voucher_note else [])
    return [*note, text_block(hint), style.space(2.5), rule(dashed=True), style.space(2),
            text_block(foot)]


def tall_voucher(view: VoucherView, style: Tall) -> Block:
    width = mm(style.paper_mm - 2 * style.side_mm)
    return stack([*_head(view, style, width), *_details(view, style, width), style.space(1),
                  qr_block(view.payload, style.qr_mm), style.space(1),
                  *_code(view, style, width), style.space(5), *_foot(view, style, width)])


# --- pages -----------------------------------------------------------------------------------


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


A4_MM = (210.0, 297.0)


def receipt_page(view: VoucherView, layout: str) -> Page:
    style = TALL[layout]
    body = tall_voucher(view, style)
    height_mm = style.top_mm + body.height * 25.4 / DOTS_PER_INCH + style.bottom_mm

    def paint(painter: QPainter) -> None:
        body.paint(painter, QRectF(mm(style.side_mm), mm(style.top_mm),
                                   mm(style.paper_mm - 2 * style.side_mm), body.height))

    return Page(QSizeF(style.paper_mm, math.ceil(height_mm)), paint)


def a4_single_page(view: VoucherView) -> Page:
    style = TALL["a4"]
    body = tall_voucher(view, style)
    card = QRectF(mm((A4_MM[0] - style.paper_mm) / 2), mm(18), mm(style.paper_mm),
                  body.height + mm(style.bottom_mm))

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


# --- the A4 grid of cut-out vouchers ---------------------------------------------------------

GRID_COLUMNS, GRID_ROWS = 2, 4
GRID_MARGIN_X_MM, GRID_MARGIN_Y_MM = 10.0, 12.0
CELL_PAD_MM = 5.0
CELL_QR_MM = 36.0


def _cell_size_mm() -> tuple[float, float]:
    return ((A4_MM[0] - 2 * GRID_MARGIN_X_MM) / GRID_COLUMNS,
            (A4_MM[1] - 2 * GRID_MARGIN_Y_MM) / GRID_ROWS)


def _cell_left(view: VoucherView, width: float) -> Block:
    shop = fitted(view.shop_name, width, 8, 6, 1, bold=True, color=MUTED)
    product = headline(view.product_name, width, 13, 8, 3)
    blocks = [text_block(shop), space(1), rule(color=LINE), space(2.5),
              text_block(product), space(2)]
    for line in (uses_text(view), validity_text(view)):
        if line:
            blocks.append(text_block(lay_out(line, font(8.5), width)))
    return stack(blocks)


def _cell_bottom(view: VoucherView, width: float, room: float) -> tuple[Block, Block]:
    """The code (and card key) under the QR, and the foot of the cell."""
    label = lay_out(code_label().upper(), font(6, bold=True), width, color=MUTED)
    code = one_line(view.code, width, 16, bold=True, mono=True)
    hint = lay_out(hint_text(), font(6.5), width)
    foot = lay_out(footer_text(view), font(6.5), width, color=MUTED)
    blocks = [text_block(label), space(0.3), text_block(code)]
    if view.card_key:
        key_title = lay_out(key_label().upper(), font(6, bold=True), width, color=MUTED)
        used = sum(t.height for t in (label, code, key_title, hint, foot)) + mm(3)
        key = fitted(view.card_key, width, 10, 4, 99, bold=True, mono=True,
                     max_height=room - used)
        blocks += [space(1.5), text_block(key_title), space(0.3), text_block(key)]
    return stack(blocks), stack([text_block(hint), space(0.5), text_block(foot)])


def paint_cell(painter: QPainter, view: VoucherView, cell: QRectF) -> None:
    inner = cell.adjusted(mm(CELL_PAD_MM), mm(CELL_PAD_MM), -mm(CELL_PAD_MM), -mm(CELL_PAD_MM))
    qr_side = mm(CELL_QR_MM)
    # The QR's own quiet zone is white space: let it reach into the padding, top and right.
    matrix = qr_matrix(view.payload)  # slow-ish (mask scoring): once per voucher
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
    per_page = GRID_COLUMNS * GRID_ROWS
    return [a4_grid_page(views[i : i + per_page]) for i in range(0, len(views), per_page)]


# --- devices ---------------------------------------------------------------------------------


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


def voucher_pdf_bytes(views: Sequence[VoucherView], layout: str) -> bytes:
    """The PDF of ``views`` in ``layout``, 300 dpi, fonts embedded."""
    ensure_gui_app()
    sheets = pages(views, layout)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setCreator("Voucher Shop")
    writer.setTitle(translate("printing", "Vouchers"))
    _paint_pages(writer, sheets)
    del writer  # flushes nothing more, but the buffer must outlive it
    buffer.close()
    return bytes(buffer.data().data())


def write_voucher_pdf(path: str | os.PathLike[str], vouchers: list[VoucherView],
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
