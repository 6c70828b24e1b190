"""The Orders tab's tables: the orders, a page at a time, and the lines of one order."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.core.dates import local_time
from desktop_app.core.order_list import SORT_KEYS
from desktop_app.core.orders import LineView, OrderRow
from desktop_app.messages.labels import order_status_text
from desktop_app.ui.display import (
    STATUS_COLORS,
    customer_text,
    method_label,
    money,
    short_time,
)
from desktop_app.ui.paged_reader import PagedTableModel
from desktop_app.ui.tables import RIGHT, Column, RowTableModel
from desktop_app.ui.widgets import ERROR_COLOR


class OrderTableModel(PagedTableModel[OrderRow]):
    """The orders read so far. The database sorts them and reads the next page: the view's
    header asks by ``sort_asked``, its scrolling to the end by ``more_wanted`` (Qt's
    fetchMore, while its reader has more)."""

    NUMBER, DATE, CUSTOMER, TOTAL, STATUS, METHOD = range(6)
    MONEY_COLUMNS = (TOTAL, STATUS)  # their text is never cut short (QA s14a F10)
    sort_asked = Signal(str, bool)  # one of core's SORT_KEYS, descending

    def __init__(self, currency: str = "CNY", parent: QObject | None = None) -> None:
        self.currency = currency
        super().__init__(parent)

    def set_currency(self, currency: str) -> None:
        changed, self.currency = currency != self.currency, currency
        if changed and self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(SORT_KEYS):
            self.sort_asked.emit(SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)

    def columns(self) -> list[Column[OrderRow]]:
        # No sort keys: the database sorts (core/order_list.py), in the order of SORT_KEYS.
        return [
            Column(self.tr("No."), lambda r: str(r.id), align=RIGHT),
            Column(self.tr("Date"), lambda r: short_time(r.created_at),
                   tooltip=lambda r: local_time(r.created_at)),
            Column(self.tr("Customer"), customer_text, tooltip=customer_text),
            Column(self.tr("Total"), lambda r: money(r.total_cents, self.currency), align=RIGHT),
            Column(self.tr("Status"), self.status_text,
                   color=lambda r: STATUS_COLORS.get(r.status), tooltip=self.status_text),
            # An order not paid (yet, or cancelled) has no method: "Other" there read as paid.
            Column(self.tr("Payment"),
                   lambda r: method_label(r.payment_method) if r.payment_method else "—"),
        ]

    def status_text(self, row: OrderRow) -> str:
        """A paid order partly refunded says so, and how much, in the list (QA s11b F11); a
        refunded one says what its refunds paid back, as ``order list`` does (QA s42a F2: a
        pass half used pays back less than its price, seen only inside the order)."""
        return order_status_text(row.status, row.refunded_cents, row.refunded_units,
                                 self.currency, refunded_money=True)

    def muted(self, row: OrderRow) -> bool:
        return row.status in ("refunded", "cancelled")


class LineTableModel(RowTableModel[LineView]):
    """The lines of one order, with what was refunded of each."""

    REFUNDED = 4

    def __init__(self, currency: str = "CNY", parent: QObject | None = None) -> None:
        self.currency = currency
        super().__init__(parent)

    def columns(self) -> list[Column[LineView]]:
        return [
            Column(self.tr("Product"), lambda r: r.product_name),
            Column(self.tr("Qty"), lambda r: str(r.quantity), lambda r: r.quantity, RIGHT),
            Column(self.tr("Unit price"), lambda r: money(r.unit_price_cents, self.currency),
                   lambda r: r.unit_price_cents, RIGHT),
            Column(self.tr("Subtotal"),
                   lambda r: money(r.quantity * r.unit_price_cents, self.currency),
                   lambda r: r.quantity * r.unit_price_cents, RIGHT),
            # Refunded units as the sales report counts them: not a unit used up and closed
            # with its order for nothing (core/refund_units.py, QA s15a F7).
            Column(self.tr("Refunded"), lambda r: str(r.refunded_units)
                   if r.refunded_units else "", lambda r: r.refunded_units, RIGHT,
                   lambda r: ERROR_COLOR if r.refunded_units else None),
        ]

    def muted(self, row: LineView) -> bool:
        return row.refunded_quantity >= row.quantity
