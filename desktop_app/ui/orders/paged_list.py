"""The Orders tab's list, read a page at a time (QA s14a F1-F5: a shop of 203,000 orders froze
the window for 17 s at login, after every scan and on every sort).

The database filters, searches and sorts (core/order_list.py); the worker reads the first page,
and the next one when the owner scrolls to the end. A search is read once the typing pauses. A
page read for an older search, filter or sort is dropped. After a change to the orders the
pages read so far are read again (up to ``REFRESH_MAX_ROWS``, or down to the chosen order and
the rows on screen), the chosen order kept chosen and the list where it was scrolled to.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView, QWidget

from desktop_app.core import order_list
from desktop_app.core.order_list import PAGE_SIZE, OrderQuery
from desktop_app.core.orders import STATUSES, OrderRow
from desktop_app.core.store import Shop
from desktop_app.core.vouchers import has_voucher_shape
from desktop_app.scanning.wedge import FINDS_VOUCHERS
from desktop_app.ui.display import batch_label, count_text, failure_text, status_label
from desktop_app.ui.orders.table_models import OrderTableModel
from desktop_app.ui.paged_reader import PagedReader
from desktop_app.ui.tables import EmptyState, select_where, selected_row, setup_table
from desktop_app.ui.tasks import ShowsError
from desktop_app.ui.widgets import hint_label

SEARCH_PAUSE_MS = 250
REFRESH_MAX_ROWS = 2000  # read again after a change, or as far down as the owner is
CELL_PADDING = 24  # a cell's margins and the sort arrow's room, beside its text
TEXT_WIDTH_MAX = 170  # a column of text other than money: longer is elided (its tooltip whole)


class PagedOrderList(QObject):
    """The table of orders with its search box and status filter."""

    # The rows were replaced (a new search, filter or sort; or re-read after a change), with
    # the order asked to be chosen then, and whether it is listed.
    listed = Signal(object, bool)

    def __init__(self, shop: Shop, errors: ShowsError, parent: QWidget) -> None:
        super().__init__(parent)
        self.shop = shop
        self.errors = errors
        self.started = False  # read on the tab's first showing, not at login (QA s14a F4)
        self.reselecting = False  # the list chose the row again, not the owner
        self._fitted = False  # the columns fitted to the first rows; widened only after
        self._select_when_listed: int | None = None  # an order just changed, to be chosen
        self.query = OrderQuery(batch_label=batch_label())
        self.pages = PagedReader(self, PAGE_SIZE)
        self.model = OrderTableModel("CNY", self)
        self.model.pages = self.pages
        self.table = QTableView(parent)
        self.table.setModel(self.model)
        setup_table(self.table, OrderTableModel.CUSTOMER)
        self.empty = EmptyState(self.table)
        # Under the list, while more orders match than are read (QA s20a F7: the scroll bar
        # ends where the rows read end; the oldest of 107,670 took 538 drags).
        self.shown_of = hint_label("", parent)
        self.shown_of.hide()
        self._total: tuple[tuple[str, str | None], int] | None = None  # filters, how many
        self._build_filters(parent)
        self.model.sort_asked.connect(self._sorted)
        self.model.more_wanted.connect(self.load_more)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OrderTableModel.NUMBER, Qt.SortOrder.DescendingOrder)

    def _build_filters(self, parent: QWidget) -> None:
        self.search = QLineEdit(parent)
        self.search.setPlaceholderText(QCoreApplication.translate(
            "OrdersTab", "Search: number, customer, phone, voucher code"))
        self.search.setClearButtonEnabled(True)
        self.search.setProperty(FINDS_VOUCHERS, True)  # a voucher scanned here is searched
        self.status_filter = QComboBox(parent)
        self.status_filter.addItem(QCoreApplication.translate("OrdersTab", "All orders"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self._search_pause = QTimer(self)
        self._search_pause.setSingleShot(True)
        self._search_pause.setInterval(SEARCH_PAUSE_MS)
        self._search_pause.timeout.connect(self._filters_changed)
        self.search.textChanged.connect(self._search_pause.start)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)

    # -- what is asked ------------------------------------------------------------------------

    def start(self) -> None:
        """The first page, once: the tab is shown."""
        if not self.started:
            self.started = True
            self.reload()

    def search_pending(self) -> bool:
        """True while typing in the search box has not been read yet."""
        return self._search_pause.isActive()

    def _filters_changed(self) -> None:
        self._search_pause.stop()
        self.query = dataclasses.replace(self.query, search=self.search.text(),
                                         status=self.status_filter.currentData())
        self.reload()

    def _sorted(self, sort: str, descending: bool) -> None:
        self.query = dataclasses.replace(self.query, sort=sort, descending=descending)
        self.reload()

    def set_filters(self, search: str, status: str | None, select_id: int | None = None
                    ) -> None:
        """The search box and status filter set at once, read once."""
        for widget in (self.search, self.status_filter):
            widget.blockSignals(True)
        self.search.setText(search)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))
        for widget in (self.search, self.status_filter):
            widget.blockSignals(False)
        self._search_pause.stop()
        self.query = dataclasses.replace(self.query, search=search, status=status)
        self.reload(select_id)

    # -- reading ------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """The first page for the current search, filter and sort."""
        self._select_when_listed = select_id or self._select_when_listed
        if self.started:
            self.pages.read_first(self._page(0, PAGE_SIZE),
                                  lambda rows: self._replace(rows, False),
                                  on_failure=self._failed)

    def refresh(self, select_id: int | None = None) -> None:
        """The pages read so far, read again: the orders changed. ``select_id`` is chosen
        once listed, even when another read overtakes this one."""
        self._select_when_listed = select_id or self._select_when_listed
        if self.started:
            count = min(max(self.model.rowCount(), PAGE_SIZE),
                        max(REFRESH_MAX_ROWS, self._rows_in_use()))
            self.pages.read_first(self._page(0, count), lambda rows: self._replace(rows, True),
                                  limit=count, on_failure=self._failed)

    def _rows_in_use(self) -> int:
        """The rows down to the chosen one and those on screen, and a page more: an order the
        owner scrolled far down to stays chosen and in view after a change (QA s14b N2)."""
        last_seen = self.table.rowAt(self.table.viewport().height() - 1)
        chosen = self.table.currentIndex().row() if self.selected_order() else -1
        return max(last_seen, chosen) + 1 + PAGE_SIZE

    def load_more(self) -> None:
        """The next page, at the end of the list (Qt's fetchMore)."""
        if self.started:
            self.pages.read_next(self._page(self.model.rowCount(), PAGE_SIZE), self._append,
                                 on_failure=self._failed)

    def _page(self, offset: int, limit: int) -> Callable[[], list[OrderRow]]:
        """The read of ``limit`` orders from ``offset`` under the search, filter and sort
        asked now, for the worker."""
        shop, query = self.shop, self.query
        return lambda: order_list.order_page(shop, query, offset, limit)

    def _failed(self, exc: Exception) -> None:
        self.errors.show_error(failure_text(exc))  # a page more is asked at the next scroll

    def _replace(self, rows: list[OrderRow], keep_scroll: bool) -> None:
        select_id, self._select_when_listed = self._select_when_listed, None
        kept = self.selected_order()
        wanted = select_id if select_id is not None else (kept.id if kept else None)
        if select_id is None and not keep_scroll and len(rows) == 1 \
                and has_voucher_shape(self.query.search):
            # A voucher's code or QR found its one order: shown at once, whichever order
            # was chosen before (QA s43a F13: the list kept trying that one, not listed).
            wanted = rows[0].id
        bar = self.table.verticalScrollBar()
        position = bar.value()
        self.reselecting = True
        try:
            if not keep_scroll:  # a new search or sort starts at its top: no page more yet
                self.table.scrollToTop()
            self.model.set_rows(rows)
            self._widen_for(rows, fit=bool(rows) and not self._fitted)
            self._fitted = self._fitted or bool(rows)
            found = wanted is not None and self.select_order(wanted)
            if keep_scroll and select_id is None:
                bar.setValue(position)
        finally:
            self.reselecting = False
        self._show_empty()
        self._show_shown_of()
        self.listed.emit(select_id, found)

    def _append(self, rows: list[OrderRow]) -> None:
        self.model.append_rows(rows)
        self._widen_for(rows)
        self._show_shown_of()

    def _widen_for(self, rows: list[OrderRow], fit: bool = False) -> None:
        """Columns as wide as the widest text of the rows read so far, but the customer's,
        which stretches (``fit``: narrower too, to the first rows). Money is never cut short
        ("¥11,44…", QA s14a F10); other text up to ``TEXT_WIDTH_MAX``. Measured here, not by
        Qt's resizeColumnsToContents, which asks every cell for every role (120 ms a page)."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        last = self.model.rowCount()
        for column in range(self.model.columnCount()):
            if column == OrderTableModel.CUSTOMER:
                continue
            texts = {self.model.index(row, column).data() for row in range(last - len(rows), last)}
            needed = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            needed = max(needed + CELL_PADDING, header.sectionSizeHint(column))
            if column not in OrderTableModel.MONEY_COLUMNS:
                needed = min(needed, TEXT_WIDTH_MAX)
            if fit or needed > self.table.columnWidth(column):
                self.table.setColumnWidth(column, needed)

    def set_total(self, counted: tuple[str, str | None], total: int) -> None:
        """How many orders the search and filter ``counted`` (search, status) find."""
        self._total = (counted, total)
        self._show_shown_of()

    def _show_shown_of(self) -> None:
        """Says "200 of 107,670 orders shown" while the list has read only some of those its
        search and filter find (counted for them, not for an older search)."""
        shown = self.model.rowCount()
        counted, total = self._total or (None, 0)
        more = (self.pages.more and counted == (self.query.search, self.query.status)
                and 0 < shown < total)
        if more:
            self.shown_of.setText(QCoreApplication.translate(
                "OrdersTab", "{shown} of {total} orders shown — scroll for more, or sort or "
                "search to reach older ones").format(shown=count_text(shown),
                                                      total=count_text(total)))
        self.shown_of.setVisible(more)

    def _show_empty(self) -> None:
        if self.model.rowCount() or not self.started:
            self.empty.show_text("")
        elif self.query.search.strip() or self.query.status:
            self.empty.show_text(QCoreApplication.translate(
                "OrdersTab", "No order matches the search or filter."))
        else:
            self.empty.show_text(QCoreApplication.translate(
                "OrdersTab", "No orders yet.\nClick “New order” to sell your first voucher."))

    # -- choosing -----------------------------------------------------------------------------

    def selected_order(self) -> OrderRow | None:
        order: OrderRow | None = selected_row(self.table)
        return order

    def select_order(self, order_id: int) -> bool:
        return select_where(self.table, lambda row: row.id == order_id)

    def show_order(self, order_id: int) -> None:
        """An order just changed that the list does not show: the search and filter are
        cleared; where it is further down than the pages read, the list asks for it alone."""
        number = f"#{order_id}"
        if self.query.search.strip() == number and not self.query.status:
            return  # asked for alone already: it is gone
        cleared = not self.query.search.strip() and not self.query.status
        self.set_filters(number if cleared else "", None, select_id=order_id)
