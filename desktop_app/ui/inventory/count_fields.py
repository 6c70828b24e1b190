"""The product dialog's counted fields: uses per voucher (checked against a name that counts
uses) and stock (unlimited, or counted with a low-stock warning). Their words keep the
dialog's context (``ProductDialog``)."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSpinBox, QWidget

from desktop_app.core.products import MAX_LOW_STOCK, MAX_USES
from desktop_app.ui.widgets import WARNING_COLOR, hint_label

MAX_STOCK = 10**9

# "5 次", "5次卡", "×5", "x 5", "五次", "二十次卡": the number of uses a pass's name says it
# holds; Chinese shops name passes in words (QA s39a F14: 美甲五次卡 went unchecked).
_USES_IN_NAME = re.compile(r"(\d+)\s*次|[x×]\s*(\d+)|([零〇一二两三四五六七八九十百千]+)\s*次",
                           re.IGNORECASE)
_DIGITS = {c: n for n, chars in enumerate(("零〇", "一", "二两", "三", "四", "五", "六", "七",
                                           "八", "九")) for c in chars}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def uses_named_in(name: str) -> int | None:
    """The uses a name counts (more than one), or None when it counts none."""
    found = _USES_IN_NAME.search(unicodedata.normalize("NFKC", name))
    if found is None:
        return None
    arabic = found.group(1) or found.group(2)
    number = int(arabic) if arabic else chinese_number(found.group(3))
    return number if number is not None and 1 < number <= 1000 else None


def chinese_number(words: str) -> int | None:
    """五 → 5, 十 → 10, 十二 → 12, 二十 → 20, 一百零五 → 105; None for what is no number."""
    total, digit = 0, None
    for char in words:
        if char in _DIGITS:
            if digit is not None and digit != 0:
                return None  # 五五: two digits side by side is no count
            digit = _DIGITS[char]
        elif char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def _example() -> str:
    return QCoreApplication.translate("ProductDialog", "e.g. 5 for a five-wash pass")


class UsesField(QWidget):
    """Uses per voucher, with a hint that points out a name counting other uses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.uses = QSpinBox(self)
        self.uses.setRange(1, MAX_USES)
        self.uses.setMaximumWidth(120)
        self.hint = hint_label(_example(), self)
        row.addWidget(self.uses)
        row.addWidget(self.hint, 1)

    def check_against(self, name: str) -> None:
        """A name that counts uses ("洗车 5 次", "Wash ×5") with 1 use per voucher: said beside
        the uses, never refused (QA s35a F12: a 1-use "5 次" pass was saved by mistake)."""
        named = uses_named_in(name)
        if named and named != self.uses.value():
            self.hint.setText(QCoreApplication.translate(
                "ProductDialog", "The name says {named} uses; each voucher has {uses}.").format(
                named=named, uses=self.uses.value()))
            self.hint.setStyleSheet(f"color: {WARNING_COLOR};")
        else:
            self.hint.setText(_example())
            self.hint.setStyleSheet("")


class StockField(QWidget):
    """Stock: unlimited, or a count with a low-stock warning in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.stock = QSpinBox(self)
        self.stock.setRange(0, MAX_STOCK)
        self.stock.setMaximumWidth(120)
        self.unlimited = QCheckBox(QCoreApplication.translate("ProductDialog", "Unlimited"), self)
        self.hint = hint_label("", self)
        # A warning in the status bar before it runs out, as card keys have (QA: goods never).
        self.warn_at = QSpinBox(self)
        self.warn_at.setRange(0, MAX_LOW_STOCK)
        self.warn_at.setSpecialValueText(QCoreApplication.translate(
            "ProductDialog", "no low-stock warning"))  # alone, it says what it means
        self.warn_at.setPrefix(QCoreApplication.translate("ProductDialog", "warn at "))
        self.warn_at.setToolTip(QCoreApplication.translate(
            "ProductDialog", "Warn in the status bar at this stock or less"))
        self.unlimited.toggled.connect(self._limited)
        row.addWidget(self.stock)
        row.addWidget(self.unlimited)
        row.addWidget(self.hint, 1)
        row.addWidget(self.warn_at)

    def _limited(self, unlimited: bool) -> None:
        self.stock.setEnabled(not unlimited)
        self.warn_at.setEnabled(not unlimited)
