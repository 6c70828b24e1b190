"""A card key on paper: whole, at the largest size that fits, broken only where a customer
still copies it right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextOption

from desktop_app.core.key_pattern import KEY_PART_SEPARATOR
from desktop_app.printing.style import font
from desktop_app.printing.text import (
    LEFT,
    WRAP,
    Text,
    fits,
    fitted,
    lay_out,
    lay_out_in_lines,
)


def key_text(secret: str, width: float, max_pt: float, min_pt: float, max_lines: int, *,
             align: Qt.AlignmentFlag = LEFT, max_height: float | None = None) -> Text:
    """A card key, bold and monospaced, at the largest size that fits; never cut. A key
    joined from a number and a password breaks only between its parts (``joined_key_text``);
    any other key breaks between words or at hyphens, else anywhere."""
    if KEY_PART_SEPARATOR in secret:
        return joined_key_text(secret, width, max_pt, min_pt, max_lines, align=align,
                               max_height=max_height)
    whole_words = fitted(secret, width, max_pt, min_pt, max_lines, bold=True, mono=True,
                         align=align, wrap=QTextOption.WrapMode.WordWrap,
                         max_height=max_height)
    if fits(whole_words, width, max_lines, max_height):
        return whole_words
    return fitted(secret, width, max_pt, min_pt, max_lines, bold=True, mono=True, align=align,
                  max_height=max_height)


def joined_key_text(secret: str, width: float, max_pt: float, min_pt: float, max_lines: int,
                    *, align: Qt.AlignmentFlag = LEFT, max_height: float | None = None
                    ) -> Text:
    """A key imported as "number / password" breaks only after a " / ": the number ends its
    line with the "/" (the two read as one key), the password starts the next line whole.
    Breaking at a hyphen inside the password once printed "PW-8842-" / "ZKQL-001", and a
    line-end hyphen gets dropped as hyphenation. A part breaks inside itself (at hyphens, else
    anywhere) only when it cannot fit a line alone even at ``min_pt``: a key is never cut."""
    parts = _parts(secret)
    too_long = tuple(not _fits_line(part, font(min_pt, True, True), width) for part in parts)
    size = max_pt
    while True:
        laid = _joined_at(parts, too_long, font(size, True, True), width, align)
        if laid is not None and (fits(laid, width, max_lines, max_height) or size <= min_pt):
            return laid
        if size <= min_pt:  # a part fit at min_pt by its metrics, not its layout: let Qt wrap
            return fitted(secret, width, min_pt, min_pt, max_lines, bold=True, mono=True,
                          align=align, max_height=max_height)
        size = max(min_pt, size - 0.5)


def _parts(secret: str) -> list[str]:
    """``secret`` cut after each " / ", the separator kept with the part before it."""
    parts = secret.split(KEY_PART_SEPARATOR)
    return [part + KEY_PART_SEPARATOR for part in parts[:-1]] + parts[-1:]


def _fits_line(text: str, text_font: QFont, width: float) -> bool:
    # A line's trailing space takes no room: it is where the line breaks.
    return QFontMetricsF(text_font).horizontalAdvance(text.rstrip(" ")) <= width + 0.5


def _units(text: str) -> int:
    """``text``'s length as Qt counts it (UTF-16 units: an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def _joined_at(parts: Sequence[str], too_long: Sequence[bool], text_font: QFont, width: float,
               align: Qt.AlignmentFlag) -> Text | None:
    """The parts in lines of ``width``: as many whole parts on a line as fit; a part too long
    for any line on lines of its own, wrapped inside. None when a part that must stay whole
    does not fit a line at this size."""
    lengths: list[int] = []
    line = ""
    for part, long in zip(parts, too_long, strict=True):
        if not long and _fits_line(line + part, text_font, width):
            line += part
            continue
        if line:
            lengths.append(_units(line))
        line = ""
        if long:
            wrapped = lay_out(part, text_font, width, wrap=WRAP).layout
            lengths += [wrapped.lineAt(i).textLength() for i in range(wrapped.lineCount())]
        elif _fits_line(part, text_font, width):
            line = part
        else:
            return None
    if line:
        lengths.append(_units(line))
    return lay_out_in_lines("".join(parts), text_font, width, align, tuple(lengths))
