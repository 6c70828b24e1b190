"""The Orders tab's tables: orders (with their filter) and the lines of one order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from desktop_app.core.dates import local_time
from desktop_app.core.orders import LineView, OrderRow
from desktop_app.ui.display import (
    STATUS_COLORS,
    customer_text,
    method_label,
    money,
    short_time,
    status_label,
)
from desktop_app.ui.tables import RIGHT, ROW_ROLE, SORT_ROLE, Column, ModelIndex, RowTableModel
from desktop_app.ui.widgets import ERROR_COLOR


class OrderTableModel(RowTableModel[OrderRow]):
    NUMBER, DATE, CUSTOMER, TOTAL, STATUS, METHOD = range(6)

    def __init__(self, currency: str = "CNY", parent: QObject | None = None) -> None:
        self.currency = currency
        super().__init__(parent)

    def columns(self) -> list[Column[OrderRow]]:
        return [
            Column(self.tr("No."), lambda r: str(r.id), lambda r: r.id, RIGHT),
            Column(self.tr("Date"), lambda r: short_time(r.created_at),
                   lambda r: r.created_at.timestamp(),
                   tooltip=lambda r: local_time(r.created_at)),
            Column(self.tr("Customer"), customer_text, tooltip=customer_text),
            Column(self.tr("Total"), lambda r: money(r.total_cents, self.currency),
                   lambda r: r.total_cents, RIGHT),
            Column(self.tr("Status"), self.status_text,
                   lambda r: ("unpaid", "paid", "refunded", "cancelled").index(r.status)
                   if r.status in STATUS_COLORS else 9,
                   color=lambda r: STATUS_COLORS.get(r.status), tooltip=self.status_text),
            Column(self.tr("Payment"), lambda r: method_label(r.payment_method)),
        ]

    def status_text(self, row: OrderRow) -> str:
        """A paid order partly refunded says so, and how much, in the list (QA s11b F11)."""
        if row.status != "paid" or not (row.refunded_cents or row.refunded_units):
            return status_label(row.status)
        return self.tr("Paid, {amount} refunded").format(
            amount=money(row.refunded_cents, self.currency))

    def muted(self, row: OrderRow) -> bool:
        return row.status in ("refunded", "cancelled")


class OrderFilter(QSortFilterProxyModel):
    """One status or all; the search matches the number, customer, phone or note.

    "#12" asks for order 12 only; a bare "12" also finds text with 12 in it, but order 12
    is listed first, whichever way the list is sorted.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.number_only = False
        self.status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        words = " ".join(text.split()).casefold()
        number = words.removeprefix("#").strip()
        self.number_only = words.startswith("#") and number.isdigit()
        self.search = number if words.startswith("#") else words
        self.invalidate()  # filters, and sorts the asked-for number to the top

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status or None
        self.endFilterChange()

    def asked_number(self) -> int | None:
        return int(self.search) if self.search.isdigit() else None

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        row = self._source_row(source_row)
        if self.status and row.status != self.status:
            return False
        if not self.search:
            return True
        if row.id == self.asked_number():
            return True
        if self.number_only:
            return False
        haystack = " ".join((customer_text(row), row.customer_phone.replace(" ", ""),
                             row.note, row.payment_ref)).casefold()
        return self.search in haystack

    def lessThan(self, source_left: ModelIndex, source_right: ModelIndex) -> bool:
        number = self.asked_number()
        left_asked = self._source_row(source_left.row()).id == number
        right_asked = self._source_row(source_right.row()).id == number
        if number is not None and left_asked != right_asked:
            # Qt reverses the comparison for a descending sort; the asked order stays first.
            return left_asked == (self.sortOrder() == Qt.SortOrder.AscendingOrder)
        return bool(super().lessThan(source_left, source_right))

    def _source_row(self, source_row: int) -> OrderRow:
        model = self.sourceModel()
        assert isinstance(model, OrderTableModel)
        return model.row_at(source_row)

    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)


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
            Column(self.tr("Refunded"), lambda r: str(r.refunded_quantity)
                   if r.refunded_quantity else "", lambda r: r.refunded_quantity, RIGHT,
                   lambda r: ERROR_COLOR if r.refunded_quantity else None),
        ]

    def muted(self, row: LineView) -> bool:
        return row.refunded_quantity >= row.quantity
