"""Text laid out once, measured, and drawn later exactly as measured; sizes that fit."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from desktop_app.printing.style import INK, font, per_thread

# Between words, or inside one too long for the line: nothing may run off the paper.
WRAP = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
LEFT = Qt.AlignmentFlag.AlignLeft
CENTER = Qt.AlignmentFlag.AlignHCenter
ELLIPSIS = "…"


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


def numbers_kept_whole(text: str) -> str:
    """``text`` with the spaces inside a number made no-break: a phone number "010-8888 6666"
    wraps as a whole, not as "010-8888" / "6666" on a 58 mm receipt (QA s35a F11)."""
    return re.sub(r"(?<=\d) (?=\d)", "\u00a0", text)


def lay_out(text: str, text_font: QFont, width: float, align: Qt.AlignmentFlag = LEFT,
            wrap: QTextOption.WrapMode = WRAP, color: QColor = INK) -> Text:
    """``text`` laid out in lines of ``width``. A batch prints the same shop, product, labels
    and dates on every voucher: each is laid out once and drawn as often as needed."""
    return _lay_out(text, text_font, width, align, wrap, color.rgba())


def lay_out_in_lines(text: str, text_font: QFont, width: float, align: Qt.AlignmentFlag,
                     columns: tuple[int, ...]) -> Text:
    """``text`` in lines of exactly ``columns`` characters each (UTF-16 units), in ``width``:
    breaks chosen by the caller (a card key's, between its parts)."""
    return _lay_out(text, text_font, width, align, WRAP, INK.rgba(), columns)


@per_thread(maxsize=64)
def balanced(text: str, text_font: QFont, width: float) -> Text:
    """``text`` centred in ``width``, its lines as even as its line count allows: a shop's
    note never ends on one character alone (QA s39a F20.9: "…最终解释权归本店所" / "有")."""
    laid = lay_out(text, text_font, width, CENTER)
    if laid.lines < 2:
        return laid
    low, high = width / laid.lines, width  # the narrowest lines keeping that count
    while high - low > 0.5:
        middle = (low + high) / 2
        if _lay_out(text, text_font, width, CENTER, WRAP, INK.rgba(), (), middle).lines \
                > laid.lines:
            low = middle
        else:
            high = middle
    return _lay_out(text, text_font, width, CENTER, WRAP, INK.rgba(), (), high)


@per_thread(maxsize=512)
def _lay_out(text: str, text_font: QFont, width: float, align: Qt.AlignmentFlag,
             wrap: QTextOption.WrapMode, rgba: int, columns: tuple[int, ...] = (),
             line_width: float | None = None) -> Text:
    """``line_width``: lines that narrow, centred in ``width`` (see ``balanced``)."""
    # Fonts hash and compare by value; a colour does not hash, its value does.
    color = QColor.fromRgba(rgba)
    indent = 0.0 if line_width is None else (width - line_width) / 2
    width = width if line_width is None else line_width
    layout = QTextLayout(text, text_font)
    option = QTextOption(align)
    option.setWrapMode(wrap)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    height = natural = 0.0
    counts = iter(columns)
    while (line := layout.createLine()).isValid():
        count = next(counts, None)  # past ``columns`` (none given): as many as fit
        if count is None:
            line.setLineWidth(width)
        else:
            line.setNumColumns(count, width)
        line.setPosition(QPointF(indent, height))
        height += line.height()
        natural = max(natural, line.naturalTextWidth())
    layout.endLayout()
    return Text(layout, height, natural, layout.lineCount(), color)


def fitted(text: str, width: float, max_pt: float, min_pt: float, max_lines: int, *,
           bold: bool = False, mono: bool = False, align: Qt.AlignmentFlag = LEFT,
           wrap: QTextOption.WrapMode = WRAP, color: QColor = INK,
           max_height: float | None = None, elide: bool = False) -> Text:
    """The largest size from ``max_pt`` down to ``min_pt`` at which ``text`` fits. What does
    not fit even at ``min_pt`` is cut to ``max_lines`` and ``max_height`` with "…" when
    ``elide`` (a name: a voucher's other parts keep their place), else kept whole (a code or a
    card key is never cut)."""
    size = max_pt
    while True:
        text_font = font(size, bold, mono)
        laid = lay_out(text, text_font, width, align, wrap, color)
        if fits(laid, width, max_lines, max_height):
            return laid
        if size <= min_pt:
            if not elide:
                return laid
            return _elided(laid, text, text_font, width, max_lines, max_height, align, wrap,
                           color)
        size = max(min_pt, size - 0.5)


def fits(laid: Text, width: float, max_lines: int, max_height: float | None) -> bool:
    """Whether ``laid`` keeps to ``width``, ``max_lines`` and ``max_height``."""
    return laid.lines <= max_lines and laid.width <= width + 0.5 and (
        max_height is None or laid.height <= max_height)


def _elided(laid: Text, text: str, text_font: QFont, width: float, max_lines: int,
            max_height: float | None, align: Qt.AlignmentFlag, wrap: QTextOption.WrapMode,
            color: QColor) -> Text:
    """``text`` cut after the lines that fit (at least one), ending in "…"."""
    keep = max(1, min(max_lines, laid.lines))
    while (keep > 1 and max_height is not None
           and laid.layout.lineAt(keep - 1).rect().bottom() > max_height):
        keep -= 1
    last = laid.layout.lineAt(keep - 1)
    # Qt counts UTF-16 units; a character outside the BMP (an emoji) is two of them.
    units = text.encode("utf-16-le")
    end = last.textStart() + last.textLength()
    while end > 0:
        head = units[: 2 * end].decode("utf-16-le", errors="ignore").rstrip()
        shorter = lay_out(head + ELLIPSIS, text_font, width, align, wrap, color)
        if shorter.lines <= keep:
            return shorter
        end -= 1
    return lay_out(ELLIPSIS, text_font, width, align, wrap, color)


def headline(text: str, width: float, max_pt: float, min_pt: float, max_lines: int,
             align: Qt.AlignmentFlag = LEFT, max_height: float | None = None) -> Text:
    """Bold text on one line if it fits at 80 % of ``max_pt``; else wrapped, so a short
    name never leaves one word dangling on a line of its own. A name too long for
    ``max_lines`` (and ``max_height``) at ``min_pt`` ends in "…"."""
    single = fitted(text, width, max_pt, max_pt * 0.8, 1, bold=True, align=align,
                    max_height=max_height)
    if single.lines == 1 and (max_height is None or single.height <= max_height):
        return single
    return fitted(text, width, max_pt, min_pt, max_lines, bold=True, align=align,
                  max_height=max_height, elide=True)


def one_line(text: str, width: float, max_pt: float, *, bold: bool = False, mono: bool = False,
             align: Qt.AlignmentFlag = LEFT, color: QColor = INK) -> Text:
    """One line at the largest size up to ``max_pt`` that fits ``width`` (for the code)."""
    advance = _metrics_at_100(bold, mono).horizontalAdvance(text)
    size = max_pt if advance <= 0 else min(max_pt, math.floor(1000 * width / advance) / 10)
    return fitted(text, width, size, 4, 1, bold=bold, mono=mono, align=align,
                  wrap=QTextOption.WrapMode.NoWrap, color=color)


@per_thread(maxsize=4)
def _metrics_at_100(bold: bool, mono: bool) -> QFontMetricsF:
    return QFontMetricsF(font(100, bold, mono))
