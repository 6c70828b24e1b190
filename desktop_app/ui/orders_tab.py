"""The Orders tab: sales, payments, refunds and the vouchers they issued (owners only).

A placeholder until the tab is written: it keeps the constructor the main window calls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.core.store import Shop
from desktop_app.ui import hint_label, scaled_font


class OrdersTab(QWidget):
    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        title = QLabel(self.tr("Orders"), self)
        title.setFont(scaled_font(title, 1.4, bold=True))
        text = hint_label(
            self.tr("Orders, payments and refunds, with the vouchers each order "
                    "issued, will be listed here."), self)
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 40, 40, 40)
        column.setSpacing(8)
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(text)
        column.addStretch(2)
