"""A status-bar and Inventory-tab warning for products at or under their low-stock level
(unsold card keys, or the stock of goods); it re-reads when products change."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpinBox, QWidget

from desktop_app.core import events, stock_alerts
from desktop_app.core.stock_alerts import LowStock
from desktop_app.core.store import Shop
from desktop_app.ui.display import count_text
from desktop_app.ui.events import shop_events
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import ERROR_COLOR, MessageLabel

log = logging.getLogger(__name__)


class StockWarning(QLabel):
    """Hidden while every watched product has enough left; owners only (clerks never sell).

    The count comes first and stays whole however narrow the label gets (the status bar at
    1024 px): only the product names are cut, with "…"; the tooltip lists them all."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.low: list[LowStock] = []
        self.template = ""  # the words around ``{names}``, the count filled in
        self.names = ""
        self.giving_room = False  # something passing has the status bar (a backup written)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        bold = self.font()  # set here, not in the style sheet: the widths below measure it
        bold.setBold(True)
        self.setFont(bold)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.hide()
        shop_events().changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: frozenset[str]) -> None:
        if events.PRODUCTS in changes:
            self.refresh(background=True)  # behind the counter's work (ui/tasks.py)

    def refresh(self, background: bool = False) -> None:
        if not self.shop.is_owner:
            return
        shop = self.shop
        # A server that cannot be reached is said at the counter; here the warning stays as
        # it was until the next refresh, never an error box from the status bar (QA s13a).
        run_in_background(self, lambda: stock_alerts.low_stock(shop), self.show_low,
                          lambda exc: log.warning("low stock not read: %s", type(exc).__name__),
                          background=background)

    def show_low(self, low: list[LowStock]) -> None:
        self.low = low
        if not low:
            self.hide()
            return
        if len(low) == 1:
            self.template = self.tr("Low stock ({unsold} left): {names}").format(
                unsold=count_text(low[0].unsold), names="{names}")
            self.names = low[0].name
        else:
            self.template = self.tr("Low stock, {count} products: {names}").format(
                count=count_text(len(low)), names="{names}")
            self.names = ", ".join(f"{item.name} ({count_text(item.unsold)})" for item in low)
        self.setToolTip("\n".join(self.tr("{name}: {unsold} left, warning at {threshold}")
                                  .format(name=i.name, unsold=count_text(i.unsold),
                                          threshold=count_text(i.threshold))
                                  for i in low))
        self.updateGeometry()
        self._fit()
        self.setVisible(not self.giving_room)

    def give_room(self, giving: bool) -> None:
        """Stand aside while a backup's progress has the status bar: at 1024 px both squeezed
        the shop's name to "Shop: Be…" (QA s14b N3). Back as it was once it is done."""
        self.giving_room = giving
        self.setVisible(bool(self.low) and not giving)

    def _text_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text) + 2 * self.margin() + 4

    def sizeHint(self) -> QSize:
        full = self.template.replace("{names}", self.names)
        return QSize(self._text_width(full), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        """The count and one character of a name: never less."""
        shortest = self.template.replace("{names}", self.names[:1] + "…")
        return QSize(self._text_width(shortest), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - self._text_width(self.template.replace("{names}", ""))
        names = self.fontMetrics().elidedText(self.names, Qt.TextElideMode.ElideRight,
                                              max(room, 0))
        if not names.rstrip("…"):  # an ellipsis alone names nothing: the first letter at least
            names = self.names[:1] + "…"
        self.setText(self.template.replace("{names}", names))


class ThresholdEditor(QWidget):
    """"Warn at N unsold keys or fewer" for one card-key product (0 switches it off).
    ``saved(threshold or None)`` once set, for the dialog to confirm; a refusal goes to
    ``errors`` (the dialog's message line)."""

    saved = Signal(object)  # int | None

    def __init__(self, shop: Shop, product_id: int, parent: QWidget | None = None,
                 errors: MessageLabel | None = None) -> None:
        super().__init__(parent)
        self.shop, self.product_id, self.errors = shop, product_id, errors
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
                          lambda found: self.spin.setValue(found or 0), errors=errors)

    def save(self) -> None:
        shop, product_id, threshold = self.shop, self.product_id, self.spin.value() or None
        self.save_button.setEnabled(False)
        run_in_background(self, lambda: stock_alerts.set_low_stock_threshold(
            shop, product_id, threshold), lambda _: self.saved.emit(threshold),
            errors=self.errors, always=lambda: self.save_button.setEnabled(True))
