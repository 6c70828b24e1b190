"""A batch of vouchers issued at once from the Orders tab: a promotion, a box of gift cards.

One service or gift-card product, how many, the price each is booked at (the product's by
default; 0 for vouchers given away, which then count as no revenue), a note. Issuing runs in
the background and says any refusal here (out of stock, a product that ended), so the owner
can fix it and issue again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import fulfilment, products
from desktop_app.core.fulfilment import MAX_BATCH
from desktop_app.core.money import money_text, parse_money
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.core.text import MAX_NOTE
from desktop_app.ui import settings
from desktop_app.ui.display import money, stock_label
from desktop_app.ui.inventory.money_fields import money_edit, money_problem
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    MessageLabel,
    dialog_buttons,
    hint_label,
    widget_font,
)

BATCH_KINDS = ("service", "giftcard")  # what core's issue_batch takes


class BatchDialog(QDialog):
    """Emits ``issued(order_id, count)`` once the batch order exists, then closes."""

    issued = Signal(int, int)

    def __init__(self, shop: Shop, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = currency
        self.products: list[ProductDetail] = []
        self.busy = False
        self.price_typed = False  # the owner's price stays when another product is chosen
        self.setWindowTitle(self.tr("New batch"))
        self.setMinimumWidth(560)
        self._build()
        self._update()
        shop_ = shop
        run_in_background(self, lambda: products.products_on_sale(shop_),
                          self._products_loaded, errors=self.error)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.product = QComboBox(self)
        self.product.setPlaceholderText(self.tr("Loading products…"))
        self.product.currentIndexChanged.connect(self._product_changed)
        self.count = QSpinBox(self)
        self.count.setRange(1, MAX_BATCH)
        self.count.setGroupSeparatorShown(True)
        self.count.setMinimumWidth(110)
        self.count.valueChanged.connect(self._update)
        self.stock = hint_label("", self)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addWidget(self.stock, 1)
        price_row, self.price = money_edit(self.currency, self)
        self.price.textEdited.connect(self._price_typed)
        self.price.textChanged.connect(self._update)
        self.free_button = QToolButton(self)  # a tool button: never the one Enter presses
        self.free_button.setText(self.tr("Free"))
        self.free_button.setToolTip(self.tr("Give these vouchers away: booked at 0"))
        self.free_button.clicked.connect(self.make_free)
        price_row.addWidget(self.free_button)
        self.price_hint = hint_label("", self)
        price_row.addWidget(self.price_hint, 1)
        self.note = QLineEdit(self)
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Optional, e.g. spring promotion"))
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.addRow(self.tr("Product:"), self.product)
        form.addRow(self.tr("Vouchers:"), count_row)
        form.addRow(self.tr("Price each:"), price_row)
        form.addRow(self.tr("Note:"), self.note)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setFont(widget_font(self.summary, scale=1.2, bold=True))
        self.problem = MessageLabel(self)
        self.error = MessageLabel(self)
        buttons, self.issue_button, _cancel = dialog_buttons(
            self, self.tr("Issue"), self.issue, self.tr("Cancel"))
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addLayout(form)
        column.addWidget(self.summary)
        column.addWidget(self.problem)
        column.addWidget(hint_label(self.tr(
            "Issuing books the batch as one paid order (payment: Other) and makes its vouchers "
            "at once; the new order is then selected in the list, to save or print all of its "
            "vouchers."),
            self))
        column.addWidget(self.error)
        column.addStretch(1)
        column.addWidget(buttons)

    # -- products ---------------------------------------------------------------------------

    def say_scan_ignored(self) -> None:
        """A scanner's burst that is no voucher (a product's barcode) was ignored here."""
        self.error.show_warning(self.tr(
            "A product's barcode is not read here: choose the product from the list."))

    def _products_loaded(self, on_sale: list[ProductDetail]) -> None:
        self.products = [product for product in on_sale if product.kind in BATCH_KINDS]
        self.product.clear()
        for product in self.products:
            self.product.addItem(f"{product.name} — {money(product.price_cents, self.currency)}",
                                 product.id)
        if self.products:
            self.product.setCurrentIndex(0)  # a placeholder would leave nothing chosen
        else:
            self.product.setPlaceholderText(self.tr(
                "No service or gift card on sale: add one in the Inventory tab"))
        self._update()

    def chosen(self) -> ProductDetail | None:
        return next((p for p in self.products if p.id == self.product.currentData()), None)

    def select_product(self, product_id: int) -> None:
        self.product.setCurrentIndex(self.product.findData(product_id))

    def _product_changed(self) -> None:
        product = self.chosen()
        if product is not None and not self.price_typed:
            self.price.setText(money_text(product.price_cents))
        self._update()

    def _price_typed(self) -> None:
        self.price_typed = True

    def make_free(self) -> None:
        self.price_typed = True
        self.price.setText(money_text(0))

    # -- what would be issued ---------------------------------------------------------------

    def unit_price(self) -> int | None:
        """The price typed, in cents; None while it is not a price."""
        text = self.price.text().strip()
        return None if money_problem(text) else parse_money(text)

    def _problem(self, product: ProductDetail | None, price: int | None) -> str:
        if product is None:
            return ""
        if price is None:
            return self.tr("Price each: {problem}").format(
                problem=money_problem(self.price.text().strip()))
        if product.stock is not None and self.count.value() > product.stock:
            return self.tr("Only {stock} of “{product}” in stock.").format(
                stock=product.stock, product=product.name)
        return ""

    def _update(self) -> None:
        product, price, count = self.chosen(), self.unit_price(), self.count.value()
        problem = self._problem(product, price)
        if problem:
            self.problem.show_error(problem)
        else:
            self.problem.clear()
        self.stock.setText("" if product is None or product.stock is None else self.tr(
            "{stock} in stock").format(stock=stock_label(product.stock)))
        self.price_hint.setText(self._price_words(product, price))
        self.summary.setText(self._summary(count, price) if product and not problem else "")
        self.issue_button.setText(self.tr("Issue 1 voucher") if count == 1 else self.tr(
            "Issue {count} vouchers").format(count=f"{count:,}"))
        self.issue_button.setEnabled(product is not None and not problem and not self.busy)
        for field in (self.product, self.count, self.price, self.free_button, self.note):
            field.setEnabled(not self.busy)

    def _price_words(self, product: ProductDetail | None, price: int | None) -> str:
        """A gift card's value beside its price: given away or not, a card carries it."""
        if product is None or price is None or product.kind != "giftcard":
            return ""
        value = product.value_cents if product.value_cents is not None else product.price_cents
        return self.tr("each card carries {value}").format(value=money(value, self.currency))

    def _summary(self, count: int, price: int | None) -> str:
        if price is None:
            return ""
        if price == 0:
            return (self.tr("Free: 1 voucher given away, booked as no revenue.") if count == 1
                    else self.tr("Free: {count} vouchers given away, booked as no revenue.")
                    .format(count=f"{count:,}"))
        return self.tr("Total: {total} ({count} × {price})").format(
            total=money(price * count, self.currency), count=f"{count:,}",
            price=money(price, self.currency))

    # -- issuing ----------------------------------------------------------------------------

    def issue(self) -> None:
        self.count.interpretText()  # the number just typed, not the one before
        product, price = self.chosen(), self.unit_price()
        if self.busy or product is None or price is None or self._problem(product, price):
            return
        shop, count, note = self.shop, self.count.value(), self.note.text()
        station = settings.station_name()
        self.busy = True
        self.error.clear()
        self._update()
        run_in_background(
            self, lambda: fulfilment.issue_batch(shop, product.id, count, note, price,
                                                 station)[0].order_id,
            lambda order_id: self._issued(order_id, count), errors=self.error,
            always=self._not_busy)

    def _issued(self, order_id: int, count: int) -> None:
        self.issued.emit(order_id, count)
        self.accept()

    def _not_busy(self) -> None:
        self.busy = False
        self._update()

    def reject(self) -> None:
        """Escape or Cancel; not while the batch is being issued (its order is being made)."""
        if not self.busy:
            super().reject()
