"""A one-line label that ends its text in "…" when its room is too small, the whole text in
its tooltip.

A shop's name may be 100 characters (``shop_settings.MAX_NAME``), in Chinese with no space to
break at: shown in a plain label it set the main window's least width, and pushed the Lock
button and the status bar's right end off a 1024-wide screen (QA s12e F8). This label asks
for its whole text when there is room (``sizeHint``) and makes do with a few characters
(``minimumSizeHint``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

LEAST_CHARS = 8  # what it shows at the least: enough to tell one name from another


class ElidedLabel(QLabel):
    """``setText`` keeps the whole text (``full_text``); ``text`` is what is shown."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 gives_way: bool = False) -> None:
        super().__init__(parent)
        self._full = ""
        self._gives_way = gives_way
        if gives_way:
            # In a row of labels that do not all fit, this one shrinks first (a box layout
            # takes the same from each): its hint does not count, only its least and most
            # width, and a stretch gives it room up to its whole text (QA s20c F11).
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # Qt's name: every caller keeps it
        self._full = text
        self.setToolTip(text)
        self._bound()
        self._fit()
        self.updateGeometry()

    def setContentsMargins(self, left: int, top: int,  # type: ignore[override]
                           right: int, bottom: int) -> None:
        super().setContentsMargins(left, top, right, bottom)
        self._bound()  # the margins are part of its least and most width

    def _bound(self) -> None:
        if self._gives_way:
            self.setMinimumWidth(self.minimumSizeHint().width())
            self.setMaximumWidth(self.sizeHint().width())

    def _width_of(self, text: str) -> int:
        margins = self.contentsMargins()
        return (self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right()
                + 2 * self.margin() + self.indent() * (self.indent() > 0))

    def sizeHint(self) -> QSize:
        return QSize(self._width_of(self._full), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        least = self._full if len(self._full) <= LEAST_CHARS + 1 \
            else self._full[:LEAST_CHARS] + "…"
        return QSize(self._width_of(least), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self._full
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized):  # laid out: its room is known
            room = self.contentsRect().width() - 2 * self.margin()
            metrics = self.fontMetrics()
            # Measured as sizeHint measures it: given its hint, the whole text shows (elidedText
            # alone can cut a mixed Latin and Chinese text a pixel short).
            if metrics.horizontalAdvance(self._full) > room:
                shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != super().text():
            super().setText(shown)
