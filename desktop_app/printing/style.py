"""The reference grid every layout is computed in, the inks, and the fonts.

Everything is laid out once in "dots" of a 300 dpi reference and scaled to the device, so a
PDF, an on-screen preview and a 203 dpi thermal printer show the same voucher.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Sequence
from functools import lru_cache, wraps
from typing import TypeVar

from PySide6.QtGui import QColor, QFont, QFontDatabase

DOTS_PER_INCH = 300  # the reference resolution every layout is computed in
A4_MM = (210.0, 297.0)

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


Result = TypeVar("Result")


def per_thread(maxsize: int) -> Callable[[Callable[..., Result]], Callable[..., Result]]:
    """``lru_cache``, one cache per thread: Qt's fonts and text layouts may be used by one
    thread at a time, and a PDF can be painted in the background while the screen paints a
    preview."""
    def decorate(function: Callable[..., Result]) -> Callable[..., Result]:
        local = threading.local()

        @wraps(function)
        def cached(*args: Hashable) -> Result:
            if not hasattr(local, "memo"):
                local.memo = lru_cache(maxsize)(function)
            result: Result = local.memo(*args)
            return result

        return cached

    return decorate


def mm(value: float) -> float:
    """Millimetres in reference dots."""
    return value * DOTS_PER_INCH / 25.4


def _installed(preferred: Sequence[str]) -> list[str]:
    # Only families that exist: asking Qt for a missing one can cost a slow alias scan.
    have = {name.casefold(): name for name in QFontDatabase.families()}
    return [have[name.casefold()] for name in preferred if name.casefold() in have]


def font(size_pt: float, bold: bool = False, mono: bool = False) -> QFont:
    """A font sized in reference dots (pixel size), so metrics do not depend on the device."""
    return QFont(_font(size_pt, bold, mono))  # a copy (cheap: shared data): callers may change it


@lru_cache(maxsize=64)
def _families(mono: bool) -> list[str]:
    return _installed(MONO_FAMILIES if mono else SANS_FAMILIES)


@per_thread(maxsize=128)
def _font(size_pt: float, bold: bool, mono: bool) -> QFont:
    # Made once per size: a batch asks for the same few fonts thousands of times.
    result = QFont()
    if _families(mono):
        result.setFamilies(_families(mono))
    result.setStyleHint(QFont.StyleHint.TypeWriter if mono else QFont.StyleHint.SansSerif)
    result.setFixedPitch(mono)
    result.setPixelSize(max(1, round(size_pt * DOTS_PER_INCH / 72)))
    result.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result
