"""The Orders tab: sales, payments, refunds and the vouchers they issued (owners only).

The list of orders on the left, the chosen order on the right (below the list when the window
is too narrow for both side by side): its lines, what was paid and refunded, the actions its
status allows, and, once paid, its vouchers ready to be scanned off the screen, copied, saved
or printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import events, order_list, orders, refunds, shop_identity
from desktop_app.core.errors import InvalidState, ShopError
from desktop_app.core.order_list import OrderCounts
from desktop_app.core.orders import OrderDetail, OrderRow
from desktop_app.core.refunds import RefundPreview, RefundResult
from desktop_app.core.store import Shop
from desktop_app.ui import settings
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.display import count_text, keep_read_only
from desktop_app.ui.events import shop_events
from desktop_app.ui.orders.batch_dialog import BatchDialog
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.orders.list_and_detail import ListAndDetail
from desktop_app.ui.orders.order_detail import OrderDetailPanel
from desktop_app.ui.orders.order_dialog import NewOrderDialog
from desktop_app.ui.orders.paged_list import PagedOrderList
from desktop_app.ui.orders.payment_dialogs import LineRefundDialog, PaymentDialog
from desktop_app.ui.orders.refund_words import (
    REFUND_TEXT_WIDTH,
    confirm_refund_text,
    refunded_text,
)
from desktop_app.ui.tasks import ErrorTarget, run_in_background, say_failure
from desktop_app.ui.widgets import (
    MARGIN,
    PRIMARY_STYLE,
    SPACING,
    MessageLabel,
    give_shortcut,
    hint_label,
)


class OrdersTab(QWidget):
    order_paid = Signal(int)  # an order was paid here: its vouchers exist now

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = "CNY"
        self.busy = False
        self.dialog: QWidget | None = None
        self.confirm_box: QMessageBox | None = None
        self._select_next: int | None = None  # the order just changed, once the list is re-read
        self._reveal_vouchers_of: int | None = None  # just paid: its vouchers scrolled to
        self._pay_next: int | None = None  # a new order to take payment for, once listed
        self._detail_stale = False  # its vouchers changed while the tab was hidden
        self._build()
        shop_events().changed.connect(self._on_changes)
        self._read_counts()  # the list itself is read when the tab is first shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.list.start()
        if self._detail_stale:
            self._detail_stale = False
            self.load_detail()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.message = MessageLabel(self)
        self.list = PagedOrderList(self.shop, self.message, self)
        self.model, self.table, self.empty = self.list.model, self.list.table, self.list.empty
        self.search, self.status_filter = self.list.search, self.list.status_filter
        self._focus_search_on(QKeySequence.StandardKey.Find)  # Ctrl+F
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.list.listed.connect(self._listed)
        self.detail = OrderDetailPanel(self.shop, self, self)
        self.detail_scroll = scroll = QScrollArea(self)
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
        left_column.addWidget(self.list.shown_of)
        self.splitter = ListAndDetail(left, scroll, self.detail, self.table, self)
        # Said below, beside the count: a message must not push the lists around.
        self.summary = hint_label("", self)
        self.summary.setWordWrap(False)  # the counts stay whole; a message beside them wraps
        bottom = QHBoxLayout()
        bottom.setSpacing(SPACING * 2)
        bottom.addWidget(self.summary)
        bottom.addWidget(self.message, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, SPACING + 4, MARGIN, SPACING)
        column.setSpacing(SPACING)
        column.addWidget(self.splitter, 1)
        column.addLayout(bottom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.splitter.fit_to(event.size().width())

    def _focus_search_on(self, keys: QKeySequence.StandardKey) -> None:
        find = QAction(self)
        find.setShortcut(keys)
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # this tab's
        find.triggered.connect(self._to_search)
        self.addAction(find)
        self.search.setToolTip(QKeySequence(keys).toString(
            QKeySequence.SequenceFormat.NativeText))

    def _to_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _build_filters(self) -> QHBoxLayout:
        self.new_button = QPushButton(self.tr("New order"), self)
        self.new_button.setStyleSheet(PRIMARY_STYLE)
        self.new_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_button.clicked.connect(self.new_order)
        give_shortcut(self.new_button, "Ctrl+N")
        self.batch_button = QPushButton(self.tr("New batch…"), self)
        self.batch_button.setToolTip(self.tr(
            "Issue many vouchers at once, free or at a price: a promotion, a box of gift cards"))
        self.batch_button.clicked.connect(self.new_batch)
        self.batch_button.setVisible(self.shop.is_owner)
        keep_read_only(self.shop, self.new_button, self.batch_button)
        self.card_lookup_button = QPushButton(self.tr("Card by phone…"), self)
        self.card_lookup_button.setToolTip(self.tr(
            "Look up a gift card by phone + PIN: the customer calls without the card in hand"))
        self.card_lookup_button.clicked.connect(self.open_card_lookup)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.search, 1)
        row.addWidget(self.status_filter)
        row.addWidget(self.card_lookup_button)
        row.addWidget(self.batch_button)
        row.addWidget(self.new_button)
        return row

    # -- data -------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None) -> None:
        """Read the orders again (and, once listed, their counts); the selected order (or
        ``select_id``) stays shown."""
        self.list.refresh(select_id)

    def _read_counts(self) -> None:
        shop, query = self.shop, self.list.query
        counted = (query.search, query.status)
        run_in_background(
            self, lambda: (shop_identity.reread_currency(shop),
                           order_list.order_counts(shop, query), counted),
            self._show_summary, errors=self.message)

    def _show_summary(self, result: tuple[str, OrderCounts, tuple[str, str | None]]) -> None:
        self.currency, counts, counted = result
        self.list.set_total(counted, counts.orders if counts.matching is None else counts.matching)
        self.model.set_currency(self.currency)
        text = self.tr("Orders: {count}").format(count=count_text(counts.orders))
        if counts.unpaid:
            text += " · " + self.tr("unpaid: {count}").format(count=count_text(counts.unpaid))
        if counts.matching is not None:
            text += " · " + self.tr("matching: {count}").format(
                count=count_text(counts.matching))
        self.summary.setText(text)

    def _listed(self, select_id: int | None, found: bool) -> None:
        # Counted each time the list is read: what a new search or filter finds, and orders
        # another counter or the command line made, which a sort brought in (QA s42a F5).
        self._read_counts()
        if select_id is not None and not found:
            self.list.show_order(select_id)  # cleared of the search that hid it
        elif self.selected_order() is None:  # filtered away: its detail and buttons go too (QA)
            self._show_detail(None)

    def _on_changes(self, changes: frozenset[str]) -> None:
        """Orders changed (here, a key replaced, a card reloaded): the list is read again. A
        redemption changes only vouchers: an order's row does not show them, its detail
        does (QA s14a F1: each scan re-read all 203,000 orders)."""
        if events.ORDERS in changes:
            select_id, self._select_next = self._select_next, None
            self.refresh(select_id=select_id)
            pay_id, self._pay_next = self._pay_next, None
            if pay_id is not None:
                self._pay_when_listed(pay_id)
        elif events.VOUCHERS in changes and self.selected_order() is not None:
            if self.isVisible():
                self.load_detail()
            else:  # the counter's tab is in front: read when the owner comes back
                self._detail_stale = True

    def selected_order(self) -> OrderRow | None:
        return self.list.selected_order()

    def select_order(self, order_id: int) -> bool:
        return self.list.select_order(order_id)

    def _selection_changed(self) -> None:
        if not self.list.reselecting:
            self.message.clear()
        self.load_detail()

    def _show_detail(self, detail: OrderDetail | None,
                     searched_voucher: int | None = None) -> None:
        shown = detail.order.id if detail is not None else None
        if shown != self.detail.shown_id():  # another order: from its top, not mid-voucher
            self.detail_scroll.verticalScrollBar().setValue(0)  # (QA s17b F10)
        self.detail.show_detail(detail, self.currency, searched_voucher)
        self.splitter.show_detail(detail is not None)  # it keeps the chosen order in sight

    def load_detail(self) -> None:
        order = self.selected_order()
        if order is None:
            self._show_detail(None)
            return
        shop, order_id, search = self.shop, order.id, self.search.text()

        def read() -> tuple[OrderDetail, int | None]:
            return orders.order_detail(shop, order_id), order_list.voucher_named(shop, search)

        def show(found: tuple[OrderDetail, int | None]) -> None:
            detail, searched_voucher = found
            current = self.selected_order()
            if current is not None and current.id == detail.order.id:
                self._show_detail(detail, searched_voucher)
                if self._reveal_vouchers_of == detail.order.id:
                    self._reveal_vouchers_of = None
                    if detail.order.is_batch:  # just issued: ready to save or print them all
                        self.detail.vouchers.all_vouchers.setChecked(True)
                    # once laid out: below the list, the vouchers start under the fold
                    QTimer.singleShot(0, self.reveal_vouchers)

        run_in_background(self, read, show, errors=self.message)

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]  # window-modal, no nested event loop

    def open_card_lookup(self) -> None:
        self._open(CardLookupDialog(self.shop, self))

    def new_order(self) -> None:
        dialog = NewOrderDialog(self.shop, self.currency, self)
        dialog.created.connect(self._created)
        self._open(dialog)

    def _created(self, order_id: int, pay_now: bool) -> None:
        self.message.show_info(self.tr("Order {number} created.").format(number=order_id))
        self._select_next = order_id
        if pay_now:
            self._pay_next = order_id

    def new_batch(self) -> None:
        dialog = BatchDialog(self.shop, self.currency, self)
        dialog.issued.connect(self._batch_issued)
        self._open(dialog)

    def _batch_issued(self, order_id: int, count: int) -> None:
        # Where the order shows depends on the window's width, which may change while this
        # is said (QA s39a F20.6: "on the right" kept after a narrowing): said without it.
        self.message.show_info(self.tr(
            "Batch order {number}: {count} vouchers issued, shown with the order to save or "
            "print.").format(number=order_id, count=f"{count:,}"))
        self._select_next = self._reveal_vouchers_of = order_id

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

    def reveal_vouchers(self) -> None:
        """The voucher panel's top at the top of the detail, as far as the detail scrolls;
        where it cannot scroll that far, from a whole row: a row cut at the top (the order's
        total after a batch at 1024x768, QA s11a) reads as broken, one cut at the bottom as
        more below."""
        bar = self.detail_scroll.verticalScrollBar()
        top = self.detail.vouchers.mapTo(self.detail, QPoint(0, 0)).y()
        bar.setValue(self.detail.row_top_at(min(top, bar.maximum())))

    def _paid(self, order_id: int) -> None:
        self.message.show_info(self.tr(
            "Order {number} is paid. Its vouchers are shown with the order.").format(
            number=order_id))
        self._select_next = self._reveal_vouchers_of = order_id
        self.order_paid.emit(order_id)

    def refund_selected_line(self) -> None:
        order, line = self.selected_order(), self.detail.line_to_refund()
        if order is not None and line is None and self.detail.has_refundable_line():
            self.message.show_info(self.tr(
                "Select a line of the order first, then click Refund part…"))
            self.detail.lines.setFocus()
            return
        if order is None or line is None or line.refundable <= 0:
            return
        dialog = LineRefundDialog(self.shop, self.currency, order.id, line, self)
        dialog.refunded.connect(self._refunded)
        self._open(dialog)

    def _refunded(self, order_id: int, result: RefundResult) -> None:
        self.message.show_info(refunded_text(order_id, result, self.currency, whole=False))
        self._select_next = order_id

    def _confirm(self, title: str, text: str, yes: str, action: Callable[[], object],
                 keep: str | None = None, text_width: int = 0) -> None:
        self.confirm_box = ask_to_confirm(self, title, text, yes, action, keep, text_width)

    def ask_refund(self) -> None:
        """Asks with the money the refund would pay back now (read first, off the GUI
        thread); a refund that would be refused says why instead."""
        order = self.selected_order()
        if order is None or order.status != "paid":
            return
        self.ask_refund_of(order.id)

    def ask_refund_of(self, order_id: int, was_cents: int | None = None) -> None:
        """The question, with the money refunding order ``order_id`` pays back now (and
        what it said before, ``was_cents``, when asked again)."""
        shop = self.shop

        def ask(preview: RefundPreview) -> None:
            self._confirm(self.tr("Refund order"),
                          confirm_refund_text(order_id, preview, self.currency, was_cents),
                          self.tr("Refund"),
                          lambda: self.refund(order_id, preview.refund_cents),
                          text_width=REFUND_TEXT_WIDTH)

        run_in_background(self, lambda: refunds.preview_refund(shop, order_id), ask,
                          errors=self.message)

    def refund(self, order_id: int, expect_cents: int | None = None) -> None:
        """Refunds the order for the money the owner confirmed (``expect_cents``): where a
        counter redeemed or spent from it since the question, nothing is refunded, the
        owner is told, and asked again with the new amount."""
        shop, currency, station = self.shop, self.currency, settings.station_name()
        self._change(lambda: refunds.refund_order(shop, order_id, station, expect_cents),
                     order_id,
                     lambda result: refunded_text(order_id, result, currency, whole=True),
                     errors=lambda exc: self._refund_refused(order_id, exc))

    def _refund_refused(self, order_id: int, exc: ShopError) -> None:
        say_failure(exc, self.message)
        if isinstance(exc, InvalidState) and exc.params.get("state") == "refund_changed":
            self._select_next = order_id
            self.ask_refund_of(order_id, int(exc.params["asked_cents"]))

    def ask_cancel(self) -> None:
        order = self.selected_order()
        if order is None or order.status != "unpaid":
            return
        self._confirm(self.tr("Cancel order"),
                      self.tr("Cancel order {number}? It was not paid; it stays in the list "
                              "as cancelled.").format(number=order.id),
                      self.tr("Cancel order"), lambda: self.cancel(order.id),
                      keep=self.tr("Keep the order"))

    def cancel(self, order_id: int) -> None:
        shop = self.shop
        done = self.tr("Order {number} is cancelled.").format(number=order_id)
        self._change(lambda: orders.cancel_order(shop, order_id), order_id, lambda _: done)

    def _change(self, work: Callable[[], Any], order_id: int,
                done_text: Callable[[Any], str], errors: ErrorTarget | None = None) -> None:
        self.busy = True
        self.detail._update_buttons()

        def done(result: Any) -> None:
            self.message.show_info(done_text(result))
            self._select_next = order_id

        def settle() -> None:
            self.busy = False
            self.detail._update_buttons()

        run_in_background(self, work, done, errors=errors or self.message, always=settle)
