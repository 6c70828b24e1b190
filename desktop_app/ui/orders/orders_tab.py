"""The Orders tab: sales, payments, refunds and the vouchers they issued (owners only).

The list of orders on the left, the chosen order on the right: its lines, what was paid and
refunded, the actions its status allows, and, once paid, its vouchers ready to be scanned off
the screen, copied, saved or printed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import events, orders
from desktop_app.core.orders import STATUSES, LineView, OrderDetail, OrderRow
from desktop_app.core.store import Shop
from desktop_app.ui import settings
from desktop_app.ui.display import (
    STATUS_COLORS,
    customer_text,
    local_time,
    method_label,
    money,
    status_label,
)
from desktop_app.ui.events import shop_events
from desktop_app.ui.inventory.inventory_tab import PRIMARY_STYLE
from desktop_app.ui.orders.order_dialog import LineRefundDialog, NewOrderDialog, PaymentDialog
from desktop_app.ui.orders.table_models import LineTableModel, OrderFilter, OrderTableModel
from desktop_app.ui.orders.voucher_panel import VoucherPanel
from desktop_app.ui.tables import EmptyState, fit_columns, select_where, selected_row, setup_table
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import MARGIN, SPACING, MessageLabel, hint_label, widget_font

LINE_ROWS_SHOWN = 4  # the lines table grows to this many rows, then scrolls


class OrderDetailPanel(QWidget):
    """One order: what it holds, what can be done with it now, and its vouchers."""

    def __init__(self, shop: Shop, tab: OrdersTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.tab = tab
        self.detail: OrderDetail | None = None
        self.currency = "CNY"
        self._build()
        self.show_detail(None)

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setFont(widget_font(self.title, scale=1.4, bold=True))
        self.status = QLabel(self)
        self.status.setFont(widget_font(self.status, bold=True))
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines_model = LineTableModel(self.currency, self)
        self.lines = QTableView(self)
        self.lines.setModel(self.lines_model)
        setup_table(self.lines, 0)
        # Compact rows: the voucher below must fit a laptop screen without scrolling.
        self.lines.verticalHeader().setDefaultSectionSize(self.lines.fontMetrics().height() + 8)
        self.lines.selectionModel().selectionChanged.connect(self._update_buttons)
        self.total = QLabel(self)
        self.total.setFont(widget_font(self.total, scale=1.25, bold=True))
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.refunded = QLabel(self)
        self.refunded.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.pay_button = QPushButton(self.tr("Take payment…"), self)
        self.pay_button.setStyleSheet(PRIMARY_STYLE)
        self.pay_button.clicked.connect(self.tab.take_payment)
        self.refund_button = QPushButton(self.tr("Refund order…"), self)
        self.refund_button.clicked.connect(self.tab.ask_refund)
        self.refund_line_button = QPushButton(self.tr("Refund part…"), self)
        self.refund_line_button.setToolTip(self.tr("Refund some of the selected line: what "
                                                   "has not been redeemed"))
        self.refund_line_button.clicked.connect(self.tab.refund_selected_line)
        self.cancel_button = QPushButton(self.tr("Cancel order…"), self)
        self.cancel_button.clicked.connect(self.tab.ask_cancel)
        self.vouchers = VoucherPanel(self.shop, self)
        self.voucher_note = hint_label("", self)
        self.placeholder = hint_label(self.tr("Select an order to see its lines, payment and "
                                              "vouchers."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget(self)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(5)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.status)
        heading.addStretch(1)
        column.addLayout(heading)
        column.addWidget(self.info)
        column.addWidget(self.lines)
        actions = QHBoxLayout()
        actions.setSpacing(8)
        for button in (self.pay_button, self.refund_line_button, self.refund_button,
                       self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        totals = QVBoxLayout()
        totals.setSpacing(0)
        totals.addWidget(self.total)
        totals.addWidget(self.refunded)
        actions.addLayout(totals)
        column.addLayout(actions)
        column.addWidget(self._separator())
        column.addWidget(self.voucher_note)
        column.addWidget(self.vouchers)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACING, 0, 0, 0)
        outer.addWidget(self.placeholder, 1)
        outer.addWidget(self.body, 1)

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    # -- showing ----------------------------------------------------------------------------

    def show_detail(self, detail: OrderDetail | None, currency: str | None = None) -> None:
        self.detail = detail
        if currency:
            self.currency = self.lines_model.currency = currency
        self.placeholder.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            self.lines_model.set_rows([])
            return
        order = detail.order
        self.title.setText(self.tr("Order {number}").format(number=order.id))
        color = STATUS_COLORS.get(order.status, "#6b7280")
        self.status.setText(status_label(order.status))
        self.status.setStyleSheet(f"QLabel {{ color: white; background: {color};"
                                  " border-radius: 9px; padding: 2px 10px; }")
        self.info.setText(self._info_text(order))
        self.lines_model.set_rows(detail.lines)
        self.lines.setColumnHidden(LineTableModel.REFUNDED,
                                   not any(line.refunded_quantity for line in detail.lines))
        fit_columns(self.lines, 0, maximum=140)
        rows = min(len(detail.lines), LINE_ROWS_SHOWN)
        self.lines.setFixedHeight(self.lines.horizontalHeader().height() + 4
                                  + rows * self.lines.verticalHeader().defaultSectionSize())
        self.total.setText(self.tr("Total {amount}").format(
            amount=money(order.total_cents, self.currency)))
        refunded = detail.refunded_cents
        self.refunded.setText(self.tr("Refunded {amount}").format(
            amount=money(refunded, self.currency)) if refunded else "")
        self.refunded.setStyleSheet("QLabel { color: #c62828; }")
        self._show_vouchers(detail)
        self._update_buttons()

    def _info_text(self, order: OrderRow) -> str:
        lines = [self.tr("Created {time}").format(time=local_time(order.created_at))]
        if order.paid_at:
            paid = self.tr("Paid {time} by {method}").format(
                time=local_time(order.paid_at), method=method_label(order.payment_method))
            if order.payment_ref:
                paid += " " + self.tr("(reference {ref})").format(ref=order.payment_ref)
            lines[0] += " · " + paid
        customer = customer_text(order)
        if customer:
            lines.append(self.tr("Customer: {customer}").format(customer=customer))
        if order.note:
            lines.append(self.tr("Note: {note}").format(note=order.note))
        return "\n".join(lines)

    def _show_vouchers(self, detail: OrderDetail) -> None:
        valid = [v.id for v in detail.vouchers if v.state == "valid"]
        status = detail.order.status
        if status == "unpaid":
            note = self.tr("Vouchers are issued when the order is paid.")
        elif status == "cancelled":
            note = self.tr("This order was cancelled; it issued no vouchers.")
        elif not detail.vouchers:
            note = self.tr("This order issued no vouchers (goods only).")
        elif not valid:
            note = self.tr("The vouchers of this order are void (refunded).")
        elif len(valid) < len(detail.vouchers):
            note = self.tr("Refunded vouchers are void and not shown.")
        else:
            note = ""
        self.voucher_note.setText(note)
        self.voucher_note.setVisible(bool(note))
        self.vouchers.setVisible(bool(valid))
        if valid:
            self.vouchers.show_vouchers(detail.order.id, valid)

    def selected_line(self) -> LineView | None:
        return selected_row(self.lines)

    def _update_buttons(self) -> None:
        status = self.detail.order.status if self.detail else ""
        self.pay_button.setVisible(status == "unpaid")
        self.cancel_button.setVisible(status == "unpaid")
        self.refund_button.setVisible(status == "paid")
        self.refund_line_button.setVisible(status == "paid")
        line = self.selected_line()
        self.refund_line_button.setEnabled(line is not None and line.refundable > 0)
        busy = self.tab.busy
        for button in (self.pay_button, self.cancel_button, self.refund_button):
            button.setEnabled(not busy)
        if busy:
            self.refund_line_button.setEnabled(False)


class OrdersTab(QWidget):
    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = "CNY"
        self.busy = False
        self.loaded = False
        self.dialog: QWidget | None = None
        self.confirm_box: QMessageBox | None = None
        self._reselecting = False
        self._select_next: int | None = None  # the order just changed, once the list is re-read
        self._pay_next: int | None = None  # a new order to take payment for, once listed
        self._build()
        shop_events().changed.connect(self._on_changes)
        self.refresh()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = OrderTableModel(self.currency, self)
        self.proxy = OrderFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        setup_table(self.table, OrderTableModel.CUSTOMER)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(OrderTableModel.NUMBER, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.empty = EmptyState(self.table)
        self.detail = OrderDetailPanel(self.shop, self, self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tall content scrolls; wide content is squeezed instead (a sideways scroll hides the
        # actions on the right).
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.setSpacing(SPACING)
        left_column.addLayout(self._build_filters())
        left_column.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        saved = settings.ORDERS_SPLITTER.read()
        if saved is None or not self.splitter.restoreState(saved):
            self.splitter.setSizes([500, 560])
        self.splitter.splitterMoved.connect(
            lambda: settings.ORDERS_SPLITTER.write(self.splitter.saveState()))
        # Said below, beside the count: a message must not push the lists around.
        self.summary = hint_label("", self)
        self.message = MessageLabel(self)
        bottom = QHBoxLayout()
        bottom.setSpacing(SPACING * 2)
        bottom.addWidget(self.summary)
        bottom.addWidget(self.message, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, SPACING + 4, MARGIN, SPACING)
        column.setSpacing(SPACING)
        column.addWidget(self.splitter, 1)
        column.addLayout(bottom)

    def _build_filters(self) -> QHBoxLayout:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search: number, customer, phone"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("All orders"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_label(status), status)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.new_button = QPushButton(self.tr("New order"), self)
        self.new_button.setStyleSheet(PRIMARY_STYLE)
        self.new_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_button.clicked.connect(self.new_order)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.search, 1)
        row.addWidget(self.status_filter)
        row.addWidget(self.new_button)
        return row

    # -- data -------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Read the orders again; the selected order (or ``select_id``) stays shown."""
        shop = self.shop
        run_in_background(self, lambda: (shop.currency, orders.order_rows(shop)),
                          lambda result: self._loaded(result, select_id), errors=self.message)

    def _loaded(self, result: tuple[str, list[OrderRow]], select_id: int | None) -> None:
        self.loaded = True
        currency, rows = result
        keep = self.selected_order()
        self.currency = self.model.currency = currency
        self._reselecting = True  # the owner did not choose: keep the message shown
        try:
            self.model.set_rows(rows)
            fit_columns(self.table, OrderTableModel.CUSTOMER, maximum=170)
            wanted = select_id if select_id is not None else (keep.id if keep else None)
            if wanted is not None and not self.select_order(wanted) and select_id is not None:
                self.search.clear()
                self.status_filter.setCurrentIndex(0)
                self.select_order(select_id)
        finally:
            self._reselecting = False
        if self.selected_order() is None:
            self.detail.show_detail(None)
        self._show_summary(rows)
        self._show_empty()

    def _show_summary(self, rows: list[OrderRow]) -> None:
        unpaid = sum(1 for row in rows if row.status == "unpaid")
        text = self.tr("Orders: {count}").format(count=len(rows))
        if unpaid:
            text += " · " + self.tr("unpaid: {count}").format(count=unpaid)
        self.summary.setText(text)

    def _filter_changed(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_status(self.status_filter.currentData())
        self._show_empty()

    def _show_empty(self) -> None:
        if not self.loaded or self.proxy.rowCount():
            self.empty.show_text("")
        elif self.model.rowCount():
            self.empty.show_text(self.tr("No order matches the search or filter."))
        else:
            self.empty.show_text(self.tr("No orders yet.\nClick “New order” to sell your "
                                         "first voucher."))

    def _on_changes(self, changes: frozenset[str]) -> None:
        """Orders or their vouchers changed (here, or a redemption, or a key replaced)."""
        if not changes & {events.ORDERS, events.VOUCHERS}:
            return
        select_id, self._select_next = self._select_next, None
        self.refresh(select_id=select_id)
        pay_id, self._pay_next = self._pay_next, None
        if pay_id is not None:
            self._pay_when_listed(pay_id)

    def selected_order(self) -> OrderRow | None:
        return selected_row(self.table)

    def select_order(self, order_id: int) -> bool:
        return select_where(self.table, lambda row: row.id == order_id)

    def _selection_changed(self) -> None:
        if not self._reselecting:
            self.message.clear()
        self.load_detail()

    def load_detail(self) -> None:
        order = self.selected_order()
        if order is None:
            self.detail.show_detail(None)
            return
        shop, order_id = self.shop, order.id

        def show(detail: OrderDetail) -> None:
            current = self.selected_order()
            if current is not None and current.id == detail.order.id:
                self.detail.show_detail(detail, self.currency)

        run_in_background(self, lambda: orders.order_detail(shop, order_id), show,
                          errors=self.message)

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]  # window-modal, no nested event loop

    def new_order(self) -> None:
        dialog = NewOrderDialog(self.shop, self.currency, self)
        dialog.created.connect(self._created)
        self._open(dialog)

    def _created(self, order_id: int, pay_now: bool) -> None:
        self.message.show_info(self.tr("Order {number} created.").format(number=order_id))
        self._select_next = order_id
        if pay_now:
            self._pay_next = order_id

    def _pay_when_listed(self, order_id: int) -> None:
        # The payment dialog wants the order's row: read it after the refresh just queued.
        shop = self.shop
        run_in_background(self, lambda: orders.order_detail(shop, order_id).order,
                          self._open_payment, errors=self.message)

    def take_payment(self) -> None:
        order = self.selected_order()
        if order is not None and order.status == "unpaid":
            self._open_payment(order)

    def _open_payment(self, order: OrderRow) -> None:
        dialog = PaymentDialog(self.shop, self.currency, order, self)
        dialog.paid.connect(self._paid)
        self._open(dialog)

    def _paid(self, order_id: int) -> None:
        self.message.show_info(self.tr("Order {number} is paid. Its vouchers are shown on "
                                       "the right.").format(number=order_id))
        self._select_next = order_id

    def refund_selected_line(self) -> None:
        order, line = self.selected_order(), self.detail.selected_line()
        if order is None or line is None or line.refundable <= 0:
            return
        dialog = LineRefundDialog(self.shop, self.currency, order.id, line, self)
        dialog.refunded.connect(self._refunded)
        self._open(dialog)

    def _refunded(self, order_id: int) -> None:
        self.message.show_info(self.tr("Refund recorded for order {number}.").format(
            number=order_id))
        self._select_next = order_id

    def _confirm(self, title: str, text: str, yes: str, action: Callable[[], object]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        confirm = box.button(QMessageBox.StandardButton.Yes)
        confirm.setText(yes)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The button itself, not accepted(): which signal a role maps to varies across Qt 6.
        box.buttonClicked.connect(lambda button: action() if button is confirm else None)
        self.confirm_box = box
        box.open()

    def ask_refund(self) -> None:
        order = self.selected_order()
        if order is None or order.status != "paid":
            return
        self._confirm(
            self.tr("Refund order"),
            self.tr("Refund order {number} ({amount})? Its unredeemed vouchers become void "
                    "and unsold stock and card keys go back. Uses already redeemed stay in "
                    "the history.").format(number=order.id,
                                           amount=money(order.total_cents, self.currency)),
            self.tr("Refund"), lambda: self.refund(order.id))

    def refund(self, order_id: int) -> None:
        shop = self.shop
        self._change(lambda: orders.refund_order(shop, order_id), order_id,
                     self.tr("Order {number} is refunded.").format(number=order_id))

    def ask_cancel(self) -> None:
        order = self.selected_order()
        if order is None or order.status != "unpaid":
            return
        self._confirm(self.tr("Cancel order"),
                      self.tr("Cancel order {number}? It was not paid; it stays in the list "
                              "as cancelled.").format(number=order.id),
                      self.tr("Cancel order"), lambda: self.cancel(order.id))

    def cancel(self, order_id: int) -> None:
        shop = self.shop
        self._change(lambda: orders.cancel_order(shop, order_id), order_id,
                     self.tr("Order {number} is cancelled.").format(number=order_id))

    def _change(self, work: Callable[[], object], order_id: int, done_text: str) -> None:
        self.busy = True
        self.detail._update_buttons()

        def done(_: object) -> None:
            self.message.show_info(done_text)
            self._select_next = order_id

        def settle() -> None:
            self.busy = False
            self.detail._update_buttons()

        run_in_background(self, work, done, errors=self.message, always=settle)
