"""The Orders tab's right side: one order's lines, payment, actions and vouchers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.dates import local_time
from desktop_app.core.orders import LineView, OrderDetail, OrderRow, ReloadView
from desktop_app.core.store import Shop
from desktop_app.ui.display import (
    STATUS_COLORS,
    customer_text,
    method_label,
    money,
    status_label,
    writable,
)
from desktop_app.ui.orders.table_models import LineTableModel
from desktop_app.ui.orders.voucher_panel import VoucherPanel
from desktop_app.ui.tables import fit_columns, selected_row, setup_table
from desktop_app.ui.widgets import PRIMARY_STYLE, SPACING, hint_label, widget_font

if TYPE_CHECKING:
    from desktop_app.ui.orders.orders_tab import OrdersTab

LINE_ROWS_SHOWN = 4  # the lines table grows to this many rows, then scrolls
# From this width, below the list, the vouchers go beside the order (measured at 1024x768 in
# both languages: the lines' four columns and the voucher's buttons in two rows).
BESIDE_MIN_WIDTH = 900


class OrderDetailPanel(QWidget):
    """One order: what it holds, what can be done with it now, and its vouchers."""

    def __init__(self, shop: Shop, tab: OrdersTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.tab = tab
        self.detail: OrderDetail | None = None
        self.currency = "CNY"
        self.beside_allowed = False
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
        self.pay_button = QPushButton(self.tr("Take &payment…"), self)  # Alt+P, as New order
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
        self.order_part = QWidget(self.body)
        column = self.rows = QVBoxLayout(self.order_part)
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
        self.voucher_part = QWidget(self.body)
        voucher_column = QVBoxLayout(self.voucher_part)
        voucher_column.setContentsMargins(0, 0, 0, 0)
        voucher_column.setSpacing(5)
        voucher_column.addWidget(self.voucher_note)
        voucher_column.addWidget(self.vouchers)
        # Each part's rows from its top, by a stretch below them, not by aligning the part:
        # an aligned part is as tall as its one-line hint, and a message wrapped to two lines
        # in it was cut by the card below (QA s42a F8).
        for part_column in (column, voucher_column):
            part_column.addStretch(1)
        self.separator = self._separator()
        self.parts = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.body)
        self.parts.setContentsMargins(0, 0, 0, 0)
        self.parts.setSpacing(5)
        for part in (self.order_part, self.separator, self.voucher_part):
            self.parts.addWidget(part)
        self.parts.setStretch(2, 1)  # below: the rest of the height; beside: as wide as needs
        outer = self.outer = QVBoxLayout(self)
        outer.setContentsMargins(SPACING, 0, 0, 0)
        outer.addWidget(self.placeholder, 1)
        outer.addWidget(self.body, 1)

    # -- the vouchers below the order, or beside it ------------------------------------------

    def allow_beside(self, allowed: bool) -> None:
        """Below the list (``ListAndDetail``), the detail is wide and short: the vouchers go
        beside the order where both fit, so a voucher's QR is in sight with the order's
        lines at 1024x768 (QA s41a F4: it was below the fold)."""
        self.beside_allowed = allowed
        self._arrange()

    def is_beside(self) -> bool:
        return self.parts.direction() == QBoxLayout.Direction.LeftToRight

    def stacked_min_width(self) -> int:
        """The width the detail needs with the vouchers below the order."""
        margins = self.outer.contentsMargins()
        widest = max(self.order_part.minimumSizeHint().width(),
                     self.voucher_part.minimumSizeHint().width(), self.vouchers.wide_min_width())
        return widest + margins.left() + margins.right()

    def height_with_vouchers(self) -> int:
        """The height the order shown needs to show a voucher whole, whether it has one or
        not (the list's share of the height stays as one order after another is chosen)."""
        order = self.order_part.sizeHint().height()
        vouchers = _height_at_its_width(self.vouchers)  # a message above the card wraps
        if self.is_beside():
            return max(order, vouchers)
        return order + self.parts.spacing() * 2 + self.separator.sizeHint().height() + vouchers

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        # Some slack either way: a scroll bar shown or hidden by the change must not undo it.
        slack = 0 if self.is_beside() else 2 * SPACING
        beside = self.beside_allowed and self.width() >= BESIDE_MIN_WIDTH + slack
        if beside == self.is_beside():
            return
        self.vouchers.set_narrow(beside)
        self.separator.setFrameShape(QFrame.Shape.VLine if beside else QFrame.Shape.HLine)
        self.parts.setDirection(QBoxLayout.Direction.LeftToRight if beside
                                else QBoxLayout.Direction.TopToBottom)
        self.parts.setStretch(0, 1 if beside else 0)
        self.parts.setStretch(2, 0 if beside else 1)

    def row_top_at(self, y: int) -> int:
        """The top of the row (heading, lines, total, vouchers…) that ``y`` falls in, in this
        widget's coordinates; ``y`` itself between rows."""
        rows = [(self.order_part, self.rows.itemAt(i)) for i in range(self.rows.count())]
        if not self.is_beside():
            rows.append((self.body, self.parts.itemAt(2)))
        for part, item in rows:
            if item is None or item.isEmpty():
                continue
            top = part.mapTo(self, item.geometry().topLeft()).y()
            if top < y < top + item.geometry().height():
                return top
        return y

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    # -- showing ----------------------------------------------------------------------------

    def shown_id(self) -> int | None:
        """The order shown, if any."""
        return self.detail.order.id if self.detail is not None else None

    def show_detail(self, detail: OrderDetail | None, currency: str | None = None,
                    searched_voucher: int | None = None) -> None:
        """``searched_voucher``: the voucher the search named, shown first."""
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
        self.info.setText(self._info_text(order, shows_note=detail.reload is None))
        self.lines_model.set_rows(detail.lines)
        self.lines.setVisible(bool(detail.lines) or detail.reload is None)  # a reload has none
        self.lines.setColumnHidden(LineTableModel.REFUNDED,
                                   not any(line.refunded_units for line in detail.lines))
        fit_columns(self.lines, 0, maximum=140)
        rows = min(len(detail.lines), LINE_ROWS_SHOWN)
        self.lines.setFixedHeight(self.lines.horizontalHeader().height() + 4
                                  + rows * self.lines.verticalHeader().defaultSectionSize())
        self.total.setText(self.tr("Total {amount}").format(
            amount=money(order.total_cents, self.currency)))
        refunded = detail.refunded_cents  # the money paid back, not the units' price
        self.refunded.setText(self._refunded_text(detail)
                              if refunded or order.status == "refunded" else "")
        self.refunded.setStyleSheet("QLabel { color: #c62828; }")
        self._show_vouchers(detail, searched_voucher)
        self._update_buttons()

    def _refunded_text(self, detail: OrderDetail) -> str:
        amount = money(detail.refunded_cents, self.currency)
        if not detail.reloads_refunded_cents:
            return self.tr("Refunded {amount}").format(amount=amount)
        return self.tr("Refunded {amount}, and {reloads} for its cards' reloads").format(
            amount=amount, reloads=money(detail.reloads_refunded_cents, self.currency))

    def _info_text(self, order: OrderRow, shows_note: bool = True) -> str:
        lines = [self.tr("Created {time}").format(time=local_time(order.created_at))]
        if order.paid_at:
            # One sentence each: Chinese puts the reference inside the method's brackets.
            paid = (self.tr("Paid {time} by {method} (reference {ref})") if order.payment_ref
                    else self.tr("Paid {time} by {method}"))
            lines[0] += " · " + paid.format(time=local_time(order.paid_at),
                                            method=method_label(order.payment_method),
                                            ref=order.payment_ref)
        customer = customer_text(order)
        if customer:
            lines.append(self.tr("Customer: {customer}").format(customer=customer))
        if order.note and shows_note:  # a reload's stored note is said as its card below
            lines.append(self.tr("Note: {note}").format(note=order.note))
        return "\n".join(lines)

    def _show_vouchers(self, detail: OrderDetail, searched: int | None) -> None:
        """The valid vouchers first, then the void ones of a refund: marked VOID, they are
        there to be looked up or reprinted (a dispute), and their paper says VOID too."""
        valid = [v.id for v in detail.vouchers if v.state == "valid"]
        void = [v.id for v in detail.vouchers if v.state != "valid"]
        status = detail.order.status
        if status == "unpaid":
            note = self.tr("Vouchers are issued when the order is paid.")
        elif status == "cancelled":
            note = self.tr("This order was cancelled; it issued no vouchers.")
        elif detail.reload is not None:
            note = self._reload_text(detail.reload)
        elif not detail.vouchers:
            note = self.tr("This order issued no vouchers (goods only).")
        elif not valid:
            note = self.tr("The vouchers of this order are void (refunded). They are shown "
                           "for the record: on screen and on paper they say VOID.")
        elif void:
            note = self.tr("Refunded vouchers are void: they are shown last, marked VOID.")
        else:
            note = ""
        self.voucher_note.setText(note)
        self.voucher_note.setVisible(bool(note))
        shown = valid + void
        self.vouchers.setVisible(bool(shown))
        if shown:
            self.vouchers.show_vouchers(detail.order.id, shown, void, searched)

    def _reload_text(self, reload: ReloadView) -> str:
        return self.tr("Reload of gift card {code}-… (order {order}): {amount}; the card's "
                       "balance is now {balance}.").format(
            code=reload.code_start, order=reload.card_order_id,
            amount=money(reload.amount_cents, self.currency),
            balance=money(reload.balance_cents, self.currency))

    def selected_line(self) -> LineView | None:
        line: LineView | None = selected_row(self.lines)
        return line

    def line_to_refund(self) -> LineView | None:
        """The selected line; with none selected, the order's only line that can be
        refunded, if it has just one (QA s35a F8: Refund part… stayed grey until a line was
        clicked, and only its tooltip said so)."""
        line = self.selected_line()
        if line is not None:
            return line
        refundable = [row for row in self.lines_model.rows() if row.refundable > 0]
        return refundable[0] if len(refundable) == 1 else None

    def has_refundable_line(self) -> bool:
        return any(row.refundable > 0 for row in self.lines_model.rows())

    def _update_buttons(self) -> None:
        status = self.detail.order.status if self.detail else ""
        self.pay_button.setVisible(status == "unpaid")
        self.cancel_button.setVisible(status == "unpaid")
        self.refund_button.setVisible(status == "paid")
        self.refund_line_button.setVisible(status == "paid")
        line = self.selected_line()
        self.refund_line_button.setEnabled(
            line.refundable > 0 if line is not None else self.has_refundable_line())
        busy = self.tab.busy or not writable(self.shop)  # a moved shop is read only
        for button in (self.pay_button, self.cancel_button, self.refund_button):
            button.setEnabled(not busy)
        if busy:
            self.refund_line_button.setEnabled(False)


def _height_at_its_width(widget: QWidget) -> int:
    """The height ``widget`` needs at the width it has (its size hint's height is for the
    width it would like, where wrapped text takes fewer lines)."""
    width = widget.width()
    if widget.hasHeightForWidth() and width > 0:
        return max(widget.heightForWidth(width), widget.minimumSizeHint().height())
    return widget.sizeHint().height()
