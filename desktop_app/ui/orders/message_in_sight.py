"""A message line that makes sure it is read: in a detail that scrolls, it scrolls into view
when it says something (the Orders tab at 1024x768 is shorter than an order's voucher)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QScrollArea, QWidget

from desktop_app.ui.widgets import SPACING, MessageLabel


class MessageInSight(MessageLabel):
    """A message that scrolls itself into view when it says something: Copy text sits low
    on the card, its answer above it, and the detail around them scrolls."""

    def _say(self, text: str, color: str) -> None:
        super()._say(text, color)
        if text:
            QTimer.singleShot(0, self, self.bring_into_view)  # once the layout placed it

    def bring_into_view(self) -> None:
        area = enclosing_scroll_area(self)
        if area is not None and self.isVisible():
            area.ensureWidgetVisible(self, 0, SPACING)


def enclosing_scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
