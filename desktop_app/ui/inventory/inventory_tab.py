"""The Inventory tab: products, prices and stock, and the card keys behind them (owners only).

The list is read on the worker thread whenever the tab shows (another tab may have sold
stock meanwhile) and after each change; sorting, the search and the filters work on what was
read, without asking the database again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import events, products, shop_identity
from desktop_app.core.products import KINDS, ProductDetail
from desktop_app.core.store import Shop
from desktop_app.ui.display import keep_read_only, kind_label, writable
from desktop_app.ui.events import shop_events
from desktop_app.ui.inventory.cardkey_dialog import CardKeyDialog
from desktop_app.ui.inventory.duplicate_keys import DuplicateKeyWarning
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.inventory.table_models import ProductFilter, ProductTableModel
from desktop_app.ui.reports.stock_warning import StockWarning
from desktop_app.ui.tables import EmptyState, fit_columns, select_where, selected_row, setup_table
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import MARGIN, PRIMARY_STYLE, SPACING, MessageLabel, hint_label


class InventoryTab(QWidget):
    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.currency = "CNY"
        self.loading = False
        self.loaded = False
        self.dialog: ProductDialog | CardKeyDialog | None = None
        self._select_next: int | None = None  # a product just saved, once the list is re-read
        self._build()
        self._update_buttons()
        keep_read_only(shop, self.new_button, self.edit_button, self.archive_button,
                       self.import_button)
        shop_events().changed.connect(self._on_changes)
        self.refresh()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.model = ProductTableModel(self.currency, self)
        self.proxy = ProductFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        setup_table(self.table, ProductTableModel.NAME)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProductTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = EmptyState(self.table)
        self.message = MessageLabel(self)
        self.summary = hint_label("", self)
        self.summary.setWordWrap(False)  # the counts stay whole; a message beside them wraps
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, SPACING + 4, MARGIN, SPACING)
        column.setSpacing(SPACING)
        column.addWidget(StockWarning(self.shop, self))
        self.duplicate_warning = DuplicateKeyWarning(self.shop, self)
        column.addWidget(self.duplicate_warning)
        column.addLayout(self._build_filters())
        column.addWidget(self.table, 1)
        column.addLayout(self._build_actions())

    def _build_filters(self) -> QHBoxLayout:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search products by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind in KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._filter_changed)
        self.show_archived = QCheckBox(self.tr("Show archived"), self)
        self.show_archived.toggled.connect(self._filter_changed)
        self.new_button = QPushButton(self.tr("New product"), self)
        self.new_button.setStyleSheet(PRIMARY_STYLE)
        self.new_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.new_button.clicked.connect(self.new_product)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.search, 2)
        row.addWidget(QLabel(self.tr("Kind:"), self))
        row.addWidget(self.kind_filter)
        row.addWidget(self.show_archived)
        row.addStretch(1)
        row.addWidget(self.new_button)
        return row

    def _build_actions(self) -> QHBoxLayout:
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton(self.tr("Archive"), self)
        self.archive_button.setToolTip(self.tr("Archived products are not sold any more; "
                                               "vouchers already sold still work"))
        self.archive_button.clicked.connect(self.toggle_archived)
        self.import_button = QPushButton(self.tr("Import card keys…"), self)
        self.import_button.clicked.connect(lambda: self.open_keys(CardKeyDialog.IMPORT_PAGE))
        self.keys_button = QPushButton(self.tr("Card keys…"), self)
        self.keys_button.setToolTip(self.tr("The keys of this product, masked; mark a key "
                                            "faulty and replace it on its order"))
        self.keys_button.clicked.connect(lambda: self.open_keys(CardKeyDialog.KEYS_PAGE))
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.summary)
        row.addSpacing(SPACING)
        row.addWidget(self.message, 1)  # beside the count: a message must not move the list
        row.addStretch(0)  # when there is no message, the buttons keep their size
        for button in (self.edit_button, self.archive_button, self.import_button,
                       self.keys_button):
            row.addWidget(button)
        return row

    # -- data -------------------------------------------------------------------------------

    def refresh(self, select_id: int | None = None, background: bool = False) -> None:
        """Read the products again, keeping the selection (or selecting ``select_id``).

        Tasks run in order on one worker, so a refresh asked for after a change sees it;
        ``background``: a re-read after a change, behind the counter's work (ui/tasks.py)."""
        self.loading = True
        shop = self.shop
        run_in_background(
            self, lambda: (shop_identity.reread_currency(shop),
                           products.list_products(shop, include_archived=True)),
            lambda result: self._loaded(result, select_id), errors=self.message,
            always=self._loading_done, background=background)

    def _loaded(self, result: tuple[str, list[ProductDetail]], select_id: int | None) -> None:
        self.loaded = True
        currency, rows = result
        keep = self.selected_product()
        self.model.currency = self.currency = currency
        self.model.set_rows(rows)
        fit_columns(self.table, ProductTableModel.NAME)
        wanted = select_id if select_id is not None else (keep.id if keep else None)
        if wanted is not None and not self.select_product(wanted) and select_id is not None:
            # Just saved, but hidden by the filters: clear them so the owner sees it.
            self.search.clear()
            self.kind_filter.setCurrentIndex(0)
            self.select_product(select_id)
        self._show_summary(rows)
        self._show_empty()
        self._update_buttons()

    def _loading_done(self) -> None:
        self.loading = False

    def _show_summary(self, rows: list[ProductDetail]) -> None:
        archived = sum(1 for row in rows if not row.active)
        ended = sum(1 for row in rows if row.active and row.ended())
        empty = sum(1 for row in rows if row.active and row.stock == 0)
        parts = [self.tr("On sale: {count}").format(count=len(rows) - archived - ended)]
        if empty:
            parts.append(self.tr("out of stock: {count}").format(count=empty))
        if ended:
            parts.append(self.tr("validity ended: {count}").format(count=ended))
        if archived:
            parts.append(self.tr("archived: {count}").format(count=archived))
        self.summary.setText(" · ".join(parts))

    def _filter_changed(self) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_kind(self.kind_filter.currentData())
        self.proxy.set_show_archived(self.show_archived.isChecked())
        self._show_empty()
        self._update_buttons()

    def _show_empty(self) -> None:
        if not self.loaded or self.proxy.rowCount():
            self.empty.show_text("")
        elif self.model.rowCount() and any(row.active for row in self.model.rows()):
            self.empty.show_text(self.tr("No product matches the search or filter."))
        elif self.model.rowCount():
            self.empty.show_text(self.tr("Every product is archived. Tick “Show archived” to "
                                         "see them."))
        else:
            self.empty.show_text(self.tr("No products yet.\nClick “New product” to add your "
                                         "first service pass, gift card, card key or goods."))

    def _on_changes(self, changes: frozenset[str]) -> None:
        """Products, stock or keys changed (here, or a sale on the Orders tab): re-read."""
        if events.PRODUCTS in changes:
            select_id, self._select_next = self._select_next, None
            self.refresh(select_id=select_id, background=True)

    # -- selection --------------------------------------------------------------------------

    def selected_product(self) -> ProductDetail | None:
        product: ProductDetail | None = selected_row(self.table)  # the model holds these
        return product

    def select_product(self, product_id: int) -> bool:
        return select_where(self.table, lambda row: row.id == product_id)

    def _double_clicked(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _update_buttons(self) -> None:
        product = self.selected_product()
        chosen, changing = product is not None, writable(self.shop)
        self.edit_button.setEnabled(chosen and changing)
        self.archive_button.setEnabled(chosen and changing)
        self.archive_button.setText(self.tr("Restore") if product is not None and not product.active
                                    else self.tr("Archive"))
        is_keys = product is not None and product.kind == "cardkey"
        self.import_button.setEnabled(is_keys and changing)
        self.keys_button.setEnabled(is_keys)

    # -- actions ----------------------------------------------------------------------------

    def new_product(self) -> None:
        self._open_product_dialog(None)

    def edit_selected(self) -> None:
        product = self.selected_product()
        if product is not None:
            self._open_product_dialog(product)

    def _open_product_dialog(self, product: ProductDetail | None) -> None:
        dialog = ProductDialog(self.shop, self.currency, product, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._product_saved)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _product_saved(self, product_id: int) -> None:
        self.message.show_info(self.tr("Saved."))
        self._select_next = product_id

    def toggle_archived(self) -> None:
        product = self.selected_product()
        if product is None:
            return
        shop, archive = self.shop, product.active
        text = (self.tr("“{name}” is archived: it is no longer sold. Vouchers already sold "
                        "still work.") if archive else self.tr("“{name}” is on sale again."))

        def done(_: object) -> None:
            self.message.show_info(text.format(name=product.name))

        run_in_background(self, lambda: products.set_archived(shop, product.id, archive), done,
                          errors=self.message)

    def open_keys(self, page: int = CardKeyDialog.KEYS_PAGE) -> None:
        product = self.selected_product()
        if product is None or product.kind != "cardkey":
            return
        dialog = CardKeyDialog(self.shop, product, page, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
