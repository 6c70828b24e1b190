"""A card-key product's keys: see them masked, find one, handle faulty ones, and import more
(the "Import keys" page: ``key_import_page``).

Keys are shown masked here (first 6, last 4); only a customer's voucher shows one in full. A
product of 50,000 keys opens at once (QA s14a F7): the database counts them and hands over a
page at a time, newest first, on the worker thread; scrolling to the end reads the next page.
A key is found by its order number or by what the customer reads out: the characters the list
shows of it, or all of it (``cardkeys.find_card_keys``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import cardkeys
from desktop_app.core.cardkeys import DuplicateKey, KeyImportReport, KeyRow
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.i18n import sentences
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.display import count_text, failure_text, key_state_label
from desktop_app.ui.inventory.duplicate_keys import DuplicateKeyNotice
from desktop_app.ui.inventory.key_import_page import KeyImportPage
from desktop_app.ui.inventory.table_models import KeyTableModel
from desktop_app.ui.paged_reader import PagedReader
from desktop_app.ui.reports.stock_warning import ThresholdEditor
from desktop_app.ui.tables import (
    EmptyState,
    fit_columns,
    select_where,
    selected_row,
    setup_table,
)
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    MessageLabel,
    fit_to_screen,
    hint_label,
)

SEARCH_PAUSE_MS = 300  # a search waits for the typing to pause


@dataclass(frozen=True)
class KeysRead:
    """One read of the keys page, on the worker thread."""

    counts: dict[str, int]
    rows: list[KeyRow]
    more_pages: bool  # the list has older keys to scroll to
    more_found: bool  # a search found more than it shows
    duplicates: list[DuplicateKey]  # second copies of a key, still on sale


def read_keys(shop: Shop, product_id: int, state: str | None, search: str,
              limit: int = cardkeys.KEY_PAGE) -> KeysRead:
    counts = cardkeys.key_counts(shop, product_id)
    duplicates = cardkeys.pending_duplicate_keys(shop, product_id)
    if search.strip():
        found = cardkeys.find_card_keys(shop, product_id, search, state)
        return KeysRead(counts, found.rows, False, found.more, duplicates)
    rows = cardkeys.list_card_keys(shop, product_id, state, limit=limit)
    return KeysRead(counts, rows, len(rows) == limit, False, duplicates)


class CardKeyDialog(QDialog):
    """Keys of one card-key product. ``changed`` after an import or a key was handled."""

    changed = Signal()
    KEYS_PAGE, IMPORT_PAGE = 0, 1

    def __init__(self, shop: Shop, product: ProductDetail, page: int = KEYS_PAGE,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.product = product
        self.busy = False
        self.confirm_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Card keys: {product}").format(product=product.name))
        fit_to_screen(self, 760, 560)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_keys_page(), self.tr("Keys"))
        self.tabs.addTab(self._build_import_page(), self.tr("Import keys"))
        self.tabs.setCurrentIndex(page)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        column.setSpacing(SPACING)
        column.addWidget(self.tabs, 1)
        column.addWidget(buttons)
        self.refresh()

    # -- the keys ---------------------------------------------------------------------------

    def _build_keys_page(self) -> QWidget:
        page = QWidget(self)
        self.pages = PagedReader(self, cardkeys.KEY_PAGE)
        self.counts: dict[str, int] = {}
        self.found_more = False
        self.fitted = False  # the columns fitted to the first keys shown
        self.model = KeyTableModel(self)
        self.model.pages = self.pages
        self.model.more_wanted.connect(self._read_more)
        self.table = QTableView(page)
        self.table.setModel(self.model)
        setup_table(self.table, 0)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = EmptyState(self.table)
        self.summary = QLabel(page)
        self.search = QLineEdit(page)
        self.search.setPlaceholderText(self.tr("Find a key or #order"))
        self.search.setToolTip(self.tr(
            "Type the first or last characters of the key as the list shows them, the whole "
            "key, or the number of the order it was sold on"))
        self.search.setClearButtonEnabled(True)
        self.search_pause = QTimer(self)
        self.search_pause.setSingleShot(True)
        self.search_pause.setInterval(SEARCH_PAUSE_MS)
        self.search_pause.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self.search_pause.start())
        self.search.returnPressed.connect(self.refresh)
        self.state_filter = QComboBox(page)
        self.state_filter.addItem(self.tr("All keys"), None)
        for state in cardkeys.KEY_STATES:
            self.state_filter.addItem(key_state_label(state), state)
        self.state_filter.currentIndexChanged.connect(lambda: self.refresh())
        self.list_note = hint_label("", page)
        self.faulty_button = QPushButton(self.tr("Mark faulty…"), page)
        self.faulty_button.setToolTip(self.tr("The key does not work: take it out of stock, "
                                              "or flag it on the order it was sold on"))
        self.faulty_button.clicked.connect(self.ask_mark_faulty)
        self.replace_button = QPushButton(self.tr("Replace on order"), page)
        self.replace_button.setToolTip(self.tr("Give the customer an unsold key in place of "
                                               "this faulty one"))
        self.replace_button.clicked.connect(self.replace_selected)
        self.restock_button = QPushButton(self.tr("Put back on sale…"), page)
        self.restock_button.setToolTip(self.tr("A key returned by a refund that the customer "
                                               "did not use: sell it again"))
        self.restock_button.clicked.connect(self.ask_put_back_on_sale)
        self.keys_message = MessageLabel(page)
        self.threshold = ThresholdEditor(self.shop, self.product.id, page, self.keys_message)
        self.threshold.saved.connect(self._threshold_saved)
        self.duplicates = DuplicateKeyNotice(page)
        self.duplicates.mark_wanted.connect(self._mark_copy)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.threshold)
        finding = QHBoxLayout()
        finding.addWidget(self.search, 1)
        finding.addWidget(QLabel(self.tr("Show:"), page))
        finding.addWidget(self.state_filter)
        actions = QHBoxLayout()
        actions.addWidget(hint_label(self.tr("Keys are shown masked. The customer's voucher "
                                             "shows the key in full."), page), 1)
        actions.addWidget(self.restock_button)
        actions.addWidget(self.faulty_button)
        actions.addWidget(self.replace_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        column.setSpacing(SPACING)
        column.addLayout(top)
        column.addWidget(self.duplicates)
        column.addLayout(finding)
        column.addWidget(self.table, 1)
        column.addWidget(self.list_note)
        column.addWidget(self.keys_message)
        column.addLayout(actions)
        self._update_buttons()
        return page

    def _threshold_saved(self, threshold: int | None) -> None:
        if threshold is None:
            self.keys_message.show_info(self.tr("Low-stock warning switched off."))
        else:
            self.keys_message.show_info(self.tr(
                "Low-stock warning set: the status bar warns at {threshold} unsold keys or "
                "fewer.").format(threshold=count_text(threshold)))

    def refresh(self, then_select: int | None = None) -> None:
        """Read the keys again: counts, and the first page or what the search finds. After a
        key was handled (``then_select``), as many rows as are shown, so it stays in view."""
        self.search_pause.stop()
        shop, product_id = self.shop, self.product.id
        state, search = self.state_filter.currentData(), self.search.text()
        limit = cardkeys.KEY_PAGE
        if then_select is not None:
            limit = max(limit, self.model.rowCount())
        self.pages.read_first(lambda: read_keys(shop, product_id, state, search, limit),
                              lambda read: self._show_keys(read, then_select), limit=limit,
                              more=lambda read: read.more_pages, errors=self.keys_message)

    @property
    def reading(self) -> int:
        """How many reads of the keys were asked for: an older one's answer is dropped."""
        return self.pages.generation

    def _show_keys(self, read: KeysRead, then_select: int | None) -> None:
        self.counts, self.found_more = read.counts, read.more_found
        self.model.set_rows(read.rows)
        self.duplicates.show_duplicates(read.duplicates)
        self.summary.setText(self.tr("{unsold} unsold · {sold} sold · {returned} returned · "
                                     "{faulty} faulty").format(
            **{state: count_text(count) for state, count in read.counts.items()}))
        if read.rows and not self.fitted:  # once: measuring every read's rows costs a frame
            self.fitted = True
            fit_columns(self.table, 0, maximum=200)
        if then_select is not None:
            select_where(self.table, lambda row: row.id == then_select)
        self._show_empty()
        self._update_buttons()

    def _read_more(self) -> None:
        """The next page, the view scrolled to the end of this one."""
        shop, product_id = self.shop, self.product.id
        state, rows = self.state_filter.currentData(), self.model.rowCount()
        if not rows:
            return
        older_than = self.model.row_at(rows - 1).id
        self.pages.read_next(
            lambda: cardkeys.list_card_keys(shop, product_id, state, older_than=older_than),
            self._add_keys, on_failure=self._more_failed)

    def _add_keys(self, page: list[KeyRow]) -> None:
        self.model.append_rows(page)
        self._show_empty()

    def _more_failed(self, exc: Exception) -> None:
        self.pages.more = False  # no retry at every scroll
        self.keys_message.show_error(failure_text(exc))

    def _show_empty(self) -> None:
        shown = self.model.rowCount()
        searching = bool(self.search.text().strip())
        state = self.state_filter.currentData()
        total = self.counts.get(state, 0) if state else sum(self.counts.values())
        if shown:
            self.empty.show_text("")
        elif searching:
            self.empty.show_text(self.tr(
                "No key found. Type the first or last characters of the key as the list shows "
                "them, the whole key, or #order number."))
        elif sum(self.counts.values()):
            self.empty.show_text(self.tr("No key in this state."))
        else:
            self.empty.show_text(self.tr("No keys yet. Import them on the “Import keys” page."))
        if searching and self.found_more:
            note = self.tr("The first {count} keys found are shown: type more of the key.")
        elif searching:
            note = self.tr("Keys found: {count}") if shown else ""
        elif shown < total:
            note = self.tr("The newest {count} of {total} shown: scroll down for more.")
        else:
            note = ""
        self.list_note.setText(note.format(count=count_text(shown), total=count_text(total)))

    def selected_key(self) -> KeyRow | None:
        key: KeyRow | None = selected_row(self.table)  # the model holds these
        return key

    def _update_buttons(self) -> None:
        key = self.selected_key()
        self.faulty_button.setEnabled(not self.busy and key is not None
                                      and key.state in ("unsold", "sold", "returned"))
        self.restock_button.setEnabled(not self.busy and key is not None
                                       and key.state == "returned")
        self.replace_button.setEnabled(not self.busy and key is not None and key.replaceable)

    def ask_mark_faulty(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.ask_mark_key_faulty(key)

    def _mark_copy(self, key: KeyRow) -> None:
        """The notice's button: the copy selected where the list shows it, then asked."""
        select_where(self.table, lambda row: row.id == key.id)
        self.ask_mark_key_faulty(key)

    def ask_mark_key_faulty(self, key: KeyRow) -> None:
        if key.state == "sold":
            text = self.tr("Mark key {key} as faulty? It stays on order {order} until you "
                           "replace it there.").format(key=key.masked, order=key.order_id)
        else:
            text = self.tr("Mark key {key} as faulty? It will not be sold.").format(
                key=key.masked)
        self._ask(self.tr("Faulty key"), text, self.tr("Mark faulty"),
                  lambda: self.mark_faulty(key.id))

    def ask_put_back_on_sale(self) -> None:
        key = self.selected_key()
        if key is None or key.state != "returned":
            return
        self._ask(self.tr("Put back on sale"),
                  self.tr("Put key {key} back on sale? It came back with the refund of order "
                          "{order}, and the customer had it: do this only if you checked that "
                          "it was not used. Otherwise mark it faulty.").format(
                      key=key.masked, order=key.order_id),
                  self.tr("Put back on sale"), lambda: self.put_back_on_sale(key.id))

    def _ask(self, title: str, text: str, yes: str, action: Callable[[], None]) -> None:
        self.confirm_box = ask_to_confirm(self, title, text, yes, action)

    def put_back_on_sale(self, key_id: int) -> None:
        shop = self.shop
        self._run(lambda: cardkeys.put_key_back_on_sale(shop, key_id),
                  lambda _: self._key_done(key_id, self.tr("The key is on sale again.")))

    def mark_faulty(self, key_id: int) -> None:
        shop = self.shop
        self._run(lambda: cardkeys.mark_key_faulty(shop, key_id),
                  lambda _: self._key_done(key_id, self.tr("The key is marked faulty.")))

    def replace_selected(self) -> None:
        key = self.selected_key()
        if key is None or not key.replaceable:
            return
        shop = self.shop
        self._run(lambda: cardkeys.replace_faulty_key(shop, key.id).id,
                  lambda fresh_id: self._replaced(key, fresh_id))

    def _replaced(self, old: KeyRow, fresh_id: int) -> None:
        self._key_done(fresh_id, self.tr("Order {order} now hands over another key. Show or "
                                         "print its voucher again from the Orders tab.")
                       .format(order=old.order_id))

    def _key_done(self, select_id: int, text: str) -> None:
        self.keys_message.show_info(text)
        self.changed.emit()
        self.refresh(then_select=select_id)

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        run_in_background(self, work, done, errors=self.keys_message,
                          always=lambda: self._set_busy(False))

    # -- importing --------------------------------------------------------------------------

    def _build_import_page(self) -> QWidget:
        self.importer = KeyImportPage(self.shop, self.product, self)
        self.importer.imported.connect(self._imported)
        self.importer.busy_changed.connect(self._set_busy)
        return self.importer

    def _imported(self, report: KeyImportReport) -> None:
        skipped = report.duplicate + report.other_product + report.blank + report.malformed
        text = self.tr("Keys imported: {count}. Lines left out: {skipped}.").format(
            count=count_text(report.imported), skipped=count_text(skipped))
        if report.other_product:
            text = sentences(text, self.tr(
                "Of these, already in stock under another product: {count}.").format(
                count=count_text(report.other_product)))
        self.keys_message.show_info(text)
        self.changed.emit()
        self.tabs.setCurrentIndex(self.KEYS_PAGE)
        self.refresh()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.importer.set_busy(busy)
        self.duplicates.set_busy(busy)
        self._update_buttons()
