"""A status-bar and Inventory-tab warning for card-key products at or under their
low-stock level; it re-reads when products change."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from desktop_app.core import events, stock_alerts
from desktop_app.core.stock_alerts import LowStock
from desktop_app.core.store import Shop
from desktop_app.ui.events import shop_events
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import ERROR_COLOR


class StockWarning(QLabel):
    """Hidden while every card-key product has enough keys; owners only (clerks never sell)."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.low: list[LowStock] = []
        self.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.hide()
        shop_events().changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: frozenset[str]) -> None:
        if events.PRODUCTS in changes:
            self.refresh()

    def refresh(self) -> None:
        if not self.shop.is_owner:
            return
        shop = self.shop
        run_in_background(self, lambda: stock_alerts.low_stock(shop), self.show_low)

    def show_low(self, low: list[LowStock]) -> None:
        self.low = low
        if not low:
            self.hide()
            return
        names = ", ".join(f"{item.name} ({item.unsold})" for item in low[:3])
        more = "…" if len(low) > 3 else ""
        self.setText(self.tr("Low card-key stock: {names}{more}").format(names=names, more=more))
        self.setToolTip("\n".join(self.tr("{name}: {unsold} unsold, warning at {threshold}")
                                  .format(name=i.name, unsold=i.unsold, threshold=i.threshold)
                                  for i in low))
        self.show()


class ThresholdEditor(QWidget):
    """"Warn at N unsold keys or fewer" for one card-key product (0 switches it off)."""

    def __init__(self, shop: Shop, product_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.product_id = shop, product_id
        self.spin = QSpinBox(self)
        self.spin.setRange(0, 100_000)
        self.spin.setSpecialValueText(self.tr("off"))
        self.spin.setToolTip(self.tr("Warn in the status bar at this many unsold keys or fewer"))
        self.save_button = QPushButton(self.tr("Set"), self)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Low-stock warning at:"), self))
        row.addWidget(self.spin)
        row.addWidget(self.save_button)
        run_in_background(self, lambda: stock_alerts.low_stock_threshold(shop, product_id),
                          lambda found: self.spin.setValue(found or 0))

    def save(self) -> None:
        shop, product_id, value = self.shop, self.product_id, self.spin.value()
        self.save_button.setEnabled(False)
        run_in_background(self, lambda: stock_alerts.set_low_stock_threshold(
            shop, product_id, value or None), always=lambda: self.save_button.setEnabled(True))
