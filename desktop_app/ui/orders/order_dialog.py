"""The dialogs of the Orders tab: a new order, taking its payment, refunding part of a line.

Each dialog does its one change in the background and says any refusal inside itself (what is
out of stock, what cannot be refunded), so the owner can fix it and try again.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import orders, products
from desktop_app.core.orders import MAX_QUANTITY
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.display import kind_label, money, stock_label
from desktop_app.ui.tables import LEFT, RIGHT, EmptyState
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    MessageLabel,
    fit_to_screen,
    widget_font,
)


@dataclass
class DraftOrder:
    """The lines of an order being put together; no widgets, no database."""

    lines: list[tuple[ProductDetail, int]] = field(default_factory=list)

    def add(self, product: ProductDetail, quantity: int = 1) -> int:
        """Add ``quantity`` of ``product`` (to its line if there is one); returns the line."""
        for number, (existing, count) in enumerate(self.lines):
            if existing.id == product.id:
                self.lines[number] = (existing, min(MAX_QUANTITY, count + quantity))
                return number
        self.lines.append((product, quantity))
        return len(self.lines) - 1

    def set_quantity(self, number: int, quantity: int) -> None:
        self.lines[number] = (self.lines[number][0], quantity)

    def remove(self, number: int) -> None:
        del self.lines[number]

    @property
    def total_cents(self) -> int:
        return sum(product.price_cents * count for product, count in self.lines)

    def items(self) -> list[tuple[int, int]]:
        return [(product.id, count) for product, count in self.lines]

    def shared_passes(self) -> list[tuple[ProductDetail, int]]:
        """Service lines of several units: sold as one voucher holding all their uses."""
        return [(product, count) for product, count in self.lines
                if product.kind == "service" and count > 1]

    def shortages(self) -> list[tuple[ProductDetail, int]]:
        """Lines asking for more than is in stock now: (product, quantity wanted)."""
        return [(product, count) for product, count in self.lines
                if product.stock is not None and count > product.stock]


class NewOrderDialog(QDialog):
    """Products and quantities, an optional customer; emits ``created(order_id, pay_now)``."""

    created = Signal(int, bool)
    PRODUCT, QUANTITY, PRICE, SUBTOTAL, REMOVE = range(5)

    def __init__(self, shop: Shop, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = currency
        self.draft = DraftOrder()
        self.products: list[ProductDetail] = []
        self.busy = False
        self.created_id: int | None = None
        self.discard_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("New order"))
        fit_to_screen(self, 720, 600)
        self._build()
        self._refresh_lines()
        shop_ = shop
        run_in_background(self, lambda: products.products_on_sale(shop_),
                          self._products_loaded, errors=self.error)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.product = QComboBox(self)
        self.product.setMinimumWidth(320)
        self.product.setPlaceholderText(self.tr("Loading products…"))
        self.quantity = QSpinBox(self)
        self.quantity.setRange(1, MAX_QUANTITY)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.clicked.connect(self.add_selected)
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Product:"), self))
        picker.addWidget(self.product, 1)
        picker.addWidget(QLabel(self.tr("Quantity:"), self))
        picker.addWidget(self.quantity)
        picker.addWidget(self.add_button)
        self.lines = self._build_lines()
        self.empty = EmptyState(self.lines)  # what to do first: the buttons wait for a line
        self.total = QLabel(self)
        self.total.setFont(widget_font(self.total, scale=1.5, bold=True))
        self.total.setAlignment(RIGHT)
        self.stock_message = MessageLabel(self)
        self.shared_note = MessageLabel(self)
        self.error = MessageLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addLayout(picker)
        column.addWidget(self.lines, 1)
        column.addWidget(self.total)
        column.addWidget(self.stock_message)
        column.addWidget(self.shared_note)
        column.addLayout(self._build_customer())
        column.addWidget(self.error)
        column.addWidget(self._build_buttons())
        self._set_tab_order()

    def _build_lines(self) -> QTableWidget:
        table = QTableWidget(0, 5, self)
        table.setHorizontalHeaderLabels([self.tr("Product"), self.tr("Qty"),
                                         self.tr("Unit price"), self.tr("Subtotal"), ""])
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(36)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab goes on to the customer and the buttons (QA)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        header = table.horizontalHeader()
        header.setSectionResizeMode(self.PRODUCT, QHeaderView.ResizeMode.Stretch)
        for number, width in ((self.QUANTITY, 90), (self.PRICE, 110), (self.SUBTOTAL, 110),
                              (self.REMOVE, 40)):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Fixed)
            table.setColumnWidth(number, width)
        header.setDefaultAlignment(LEFT)
        for number in (self.QUANTITY, self.PRICE, self.SUBTOTAL):
            item = table.horizontalHeaderItem(number)
            if item is not None:  # set with the labels above
                item.setTextAlignment(RIGHT)
        return table

    def _build_customer(self) -> QFormLayout:
        self.customer_name = QLineEdit(self)
        self.customer_name.setMaxLength(200)
        self.customer_name.setPlaceholderText(self.tr("Optional"))
        self.customer_phone = QLineEdit(self)
        self.customer_phone.setMaxLength(64)
        self.customer_phone.setPlaceholderText(self.tr("Optional"))
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Optional, e.g. pays on pickup"))
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.tr("Customer:"), self.customer_name)
        form.addRow(self.tr("Phone:"), self.customer_phone)
        form.addRow(self.tr("Note:"), self.note)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        # Alt+letter presses them (QA s17b F4); the Chinese texts end "(&C)", "(&P)".
        self.create_button = QPushButton(self.tr("&Create order"), self)
        self.create_button.clicked.connect(lambda: self.create_order(pay_now=False))
        self.create_pay_button = QPushButton(self.tr("Create and take &payment"), self)
        self.create_pay_button.setDefault(True)
        self.create_pay_button.clicked.connect(lambda: self.create_order(pay_now=True))
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.create_pay_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.reject)
        # The box made the default button its focus proxy, and Tab then jumps from the Note
        # straight to that proxy, past "Create order" (QA s17b F4).
        buttons.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr
        return buttons

    def _set_tab_order(self) -> None:
        """Tab goes top to bottom: a line's own boxes right after the list (not after Cancel,
        as made later), then every button."""
        cells = [self.lines.cellWidget(row, column) for row in range(self.lines.rowCount())
                 for column in (self.QUANTITY, self.REMOVE)]
        chain = [self.product, self.quantity, self.add_button, self.lines,
                 *[cell for cell in cells if cell is not None], self.customer_name,
                 self.customer_phone, self.note, self.create_button, self.create_pay_button,
                 self.cancel_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- products and lines -----------------------------------------------------------------

    def _products_loaded(self, products: list[ProductDetail]) -> None:
        self.products = products
        self.product.clear()
        for product in products:
            self.product.addItem(self._product_text(product), product.id)
        if products:
            self.product.setCurrentIndex(0)  # a placeholder would leave nothing chosen
        else:
            self.product.setPlaceholderText(self.tr("No products on sale: add one in the "
                                                    "Inventory tab"))
        self.add_button.setEnabled(bool(products))

    def _product_text(self, product: ProductDetail) -> str:
        text = f"{product.name} — {money(product.price_cents, self.currency)}"
        if product.stock is not None:
            text += " · " + self.tr("{stock} in stock").format(stock=stock_label(product.stock))
        return text

    def select_product(self, product_id: int) -> None:
        self.product.setCurrentIndex(self.product.findData(product_id))

    def add_selected(self) -> None:
        product = next((p for p in self.products if p.id == self.product.currentData()), None)
        if product is None:
            return
        self.draft.add(product, self.quantity.value())
        self.quantity.setValue(1)
        self._refresh_lines()

    def _refresh_lines(self) -> None:
        self.lines.setRowCount(len(self.draft.lines))
        for number, (product, count) in enumerate(self.draft.lines):
            name = QTableWidgetItem(product.name)
            name.setToolTip(kind_label(product.kind))
            self.lines.setItem(number, self.PRODUCT, name)
            self.lines.setCellWidget(number, self.QUANTITY, self._quantity_box(number, count))
            self._money_cell(number, self.PRICE, product.price_cents)
            self._money_cell(number, self.SUBTOTAL, product.price_cents * count)
            self.lines.setCellWidget(number, self.REMOVE, self._remove_button(number))
        self.empty.show_text("" if self.draft.lines else self.tr(
            "Choose a product and its quantity above, then press Add (or Enter)."))
        self._set_tab_order()
        self._update_total()

    def _money_cell(self, row: int, column: int, cents: int) -> None:
        item = QTableWidgetItem(money(cents, self.currency))
        item.setTextAlignment(RIGHT)
        self.lines.setItem(row, column, item)

    def _quantity_box(self, number: int, count: int) -> QSpinBox:
        box = QSpinBox(self.lines)
        box.setRange(1, MAX_QUANTITY)
        box.setValue(count)
        box.setAlignment(RIGHT)
        box.valueChanged.connect(lambda value: self.set_quantity(number, value))
        return box

    def _remove_button(self, number: int) -> QToolButton:
        button = QToolButton(self.lines)
        button.setText("✕")
        button.setToolTip(self.tr("Remove this line"))
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.remove_line(number))
        return button

    def set_quantity(self, number: int, quantity: int) -> None:
        self.draft.set_quantity(number, quantity)
        product = self.draft.lines[number][0]
        self._money_cell(number, self.SUBTOTAL, product.price_cents * quantity)
        self._update_total()

    def remove_line(self, number: int) -> None:
        self.draft.remove(number)
        self._refresh_lines()

    def _update_total(self) -> None:
        self.total.setText(self.tr("Total: {total}").format(
            total=money(self.draft.total_cents, self.currency)))
        short = [self.tr("only {stock} of “{product}” in stock").format(
            stock=product.stock, product=product.name)
            for product, _count in self.draft.shortages()]
        if short:
            self.stock_message.show_warning(
                self.tr("Not enough stock to take payment now: {list}. Lower the quantity, or "
                        "create the order and take payment once there is stock.").format(
                    list="; ".join(short)))
        else:
            self.stock_message.clear()
        self._say_shared_passes()
        self._update_buttons()

    def _say_shared_passes(self) -> None:
        """2 × a 5-use pass is one voucher of 10 uses: said before it is sold, so it is no
        surprise (QA s15a F8), with the way to two vouchers."""
        shared = [self.tr("{count} × “{product}” is one voucher of {uses} uses").format(
            count=count, product=product.name, uses=product.uses_per_voucher * count)
            for product, count in self.draft.shared_passes()]
        if shared:
            self.shared_note.show_info(self.tr(
                "{list}, for one customer to share. For separate vouchers (a gift for "
                "someone else), sell each in an order of its own.").format(
                list="; ".join(shared)))
        else:
            self.shared_note.clear()

    def _update_buttons(self) -> None:
        ready = bool(self.draft.lines) and not self.busy
        short = bool(self.draft.shortages())
        self.create_button.setEnabled(ready)
        # payment would be refused: the button says why instead of opening a dialog that does
        self.create_pay_button.setEnabled(ready and not short)
        self.create_pay_button.setToolTip(self.tr("Not enough stock: see the message above")
                                          if short else "")

    # -- keys and closing -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter after choosing a product or typing its quantity adds that line, as Add does;
        elsewhere it still presses the default button (create and take payment)."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        focused = self.focusWidget()
        if enter and focused in (self.product, self.quantity):
            self.quantity.interpretText()  # the number just typed, not the one before
            self.add_selected()
            self.product.setFocus()  # ready for the next product
            return
        if enter and isinstance(focused, QSpinBox) and self.lines.isAncestorOf(focused):
            focused.interpretText()  # a line's quantity changed: taken, nothing created (QA)
            self.product.setFocus()
            return
        super().keyPressEvent(event)

    def say_scan_ignored(self) -> None:
        """A scanner's burst that is no voucher (a product's barcode) was ignored here."""
        self.error.show_warning(self.tr(
            "A product's barcode is not read here: choose the product from the list."))

    def reject(self) -> None:
        """Escape, Cancel or the window's close: lines already entered are not lost unasked."""
        count = len(self.draft.lines)
        if not count or self.busy:
            super().reject()
            return
        text = (self.tr("Discard this order's 1 line?") if count == 1 else
                self.tr("Discard this order's {count} lines?").format(count=count))
        self.discard_box = ask_to_confirm(self, self.tr("New order"), text,
                                          self.tr("Discard"), super().reject,
                                          keep=self.tr("Keep editing"))

    # -- creating ---------------------------------------------------------------------------

    def create_order(self, pay_now: bool = False) -> None:
        if self.busy or not self.draft.lines:
            return
        shop, items = self.shop, self.draft.items()
        name, phone, note = (self.customer_name.text(), self.customer_phone.text(),
                             self.note.text())
        self.busy = True
        self._update_buttons()
        self.error.clear()
        run_in_background(
            self, lambda: orders.create_order(shop, items, name, phone, note).id,
            lambda order_id: self._created(order_id, pay_now), errors=self.error,
            always=self._not_busy)

    def _created(self, order_id: int, pay_now: bool) -> None:
        self.created_id = order_id
        self.created.emit(order_id, pay_now)
        self.accept()

    def _not_busy(self) -> None:
        self.busy = False
        self._update_buttons()
