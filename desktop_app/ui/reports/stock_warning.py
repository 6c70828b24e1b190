"""A status-bar and Inventory-tab warning for card-key products at or under their
low-stock level; it re-reads when products change."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

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
