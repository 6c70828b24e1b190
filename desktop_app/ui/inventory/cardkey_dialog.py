"""A card-key product's keys: import them (file or pasted), see them masked, handle faulty ones.

An import is checked first: how many keys are new, already there (or twice in the file), blank
or malformed. Only then does "Import" add the new ones, exactly the text that was checked.
Keys are shown masked here (first 6, last 4); only a customer's voucher shows one in full.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import cardkeys, products
from desktop_app.core.cardkeys import KeyImportReport, KeyRow
from desktop_app.core.products import ProductDetail
from desktop_app.core.store import Shop
from desktop_app.ui.display import key_state_label
from desktop_app.ui.inventory.key_file import read_key_file
from desktop_app.ui.inventory.table_models import KeyFilter, KeyTableModel
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
    ERROR_COLOR,
    MARGIN,
    SPACING,
    SUCCESS_COLOR,
    WARNING_COLOR,
    MessageLabel,
    hint_label,
    widget_font,
)

SAMPLE_SIZE = 3


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
        self.source_path: str | None = None
        self.checked_text: str | None = None  # what the preview below was made from
        self.report: KeyImportReport | None = None
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Card keys: {product}").format(product=product.name))
        self.resize(760, 560)
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
        self.model = KeyTableModel(self)
        self.proxy = KeyFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(page)
        self.table.setModel(self.proxy)
        setup_table(self.table, 0)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = EmptyState(self.table)
        self.summary = QLabel(page)
        self.state_filter = QComboBox(page)
        self.state_filter.addItem(self.tr("All keys"), None)
        for state in cardkeys.KEY_STATES:
            self.state_filter.addItem(key_state_label(state), state)
        self.state_filter.currentIndexChanged.connect(
            lambda: self._filter_state(self.state_filter.currentData()))
        self.faulty_button = QPushButton(self.tr("Mark faulty…"), page)
        self.faulty_button.setToolTip(self.tr("The key does not work: take it out of stock, "
                                              "or flag it on the order it was sold on"))
        self.faulty_button.clicked.connect(self.ask_mark_faulty)
        self.replace_button = QPushButton(self.tr("Replace on order"), page)
        self.replace_button.setToolTip(self.tr("Give the customer an unsold key in place of "
                                               "this faulty one"))
        self.replace_button.clicked.connect(self.replace_selected)
        self.keys_message = MessageLabel(page)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(ThresholdEditor(self.shop, self.product.id, page))
        top.addWidget(QLabel(self.tr("Show:"), page))
        top.addWidget(self.state_filter)
        actions = QHBoxLayout()
        actions.addWidget(hint_label(self.tr("Keys are shown masked. The customer's voucher "
                                             "shows the key in full."), page), 1)
        actions.addWidget(self.faulty_button)
        actions.addWidget(self.replace_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        column.setSpacing(SPACING)
        column.addLayout(top)
        column.addWidget(self.table, 1)
        column.addWidget(self.keys_message)
        column.addLayout(actions)
        self._update_buttons()
        return page

    def _filter_state(self, state: str | None) -> None:
        self.proxy.set_state(state)
        self._show_empty()

    def refresh(self, then_select: int | None = None) -> None:
        shop, product_id = self.shop, self.product.id
        run_in_background(self, lambda: cardkeys.list_card_keys(shop, product_id),
                          lambda rows: self._show_keys(rows, then_select),
                          errors=self.keys_message)

    def _show_keys(self, rows: list[KeyRow], then_select: int | None) -> None:
        self.model.set_rows(rows)
        counts = {state: sum(1 for r in rows if r.state == state)
                  for state in cardkeys.KEY_STATES}
        self.summary.setText(self.tr("{unsold} unsold · {sold} sold · {faulty} faulty").format(
            **counts))
        fit_columns(self.table, 0, maximum=200)
        if then_select is not None:
            select_where(self.table, lambda row: row.id == then_select)
        self._show_empty()
        self._update_buttons()

    def _show_empty(self) -> None:
        if self.proxy.rowCount():
            self.empty.show_text("")
        elif self.model.rowCount():
            self.empty.show_text(self.tr("No key in this state."))
        else:
            self.empty.show_text(self.tr("No keys yet. Import them on the “Import keys” page."))

    def selected_key(self) -> KeyRow | None:
        return selected_row(self.table)

    def _update_buttons(self) -> None:
        key = self.selected_key()
        self.faulty_button.setEnabled(not self.busy and key is not None
                                      and key.state in ("unsold", "sold"))
        self.replace_button.setEnabled(not self.busy and key is not None and key.replaceable)

    def ask_mark_faulty(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        if key.state == "sold":
            text = self.tr("Mark key {key} as faulty? It stays on order {order} until you "
                           "replace it there.").format(key=key.masked, order=key.order_id)
        else:
            text = self.tr("Mark key {key} as faulty? It will not be sold.").format(
                key=key.masked)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Faulty key"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        confirm = box.button(QMessageBox.StandardButton.Yes)
        confirm.setText(self.tr("Mark faulty"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self.mark_faulty(key.id) if button is confirm else None)
        self.confirm_box = box
        box.open()  # not exec(): nothing in the app waits behind a dialog's own loop

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
        page = QWidget(self)
        self.choose_button = QPushButton(self.tr("Choose file…"), page)
        self.choose_button.clicked.connect(self.ask_file)
        self.file_label = QLabel(self.tr("No file chosen"), page)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.paste = QPlainTextEdit(page)
        self.paste.setPlaceholderText(self.tr("…or paste the keys here: one per line, or CSV "
                                              "rows with the key in the first column."))
        self.paste.setFont(widget_font(self.paste, mono=True))
        self.paste.textChanged.connect(self._pasted)
        self.check_button = QPushButton(self.tr("Check"), page)
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"), page)
        self.import_button.clicked.connect(self.import_keys)
        self.import_message = MessageLabel(page)
        file_row = QHBoxLayout()
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        hint = self.tr("Text or CSV, UTF-8. Duplicates (in the file or already imported), "
                       "blank and malformed lines are left out.")
        pattern = self.pattern_text()
        self.import_hint = hint_label(f"{hint} {pattern}" if pattern else hint, page)
        buttons.addWidget(self.import_hint, 1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        column = QVBoxLayout(page)
        column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        column.setSpacing(SPACING)
        column.addLayout(file_row)
        column.addWidget(self.paste, 1)
        column.addWidget(self._build_preview(page))
        column.addWidget(self.import_message)
        column.addLayout(buttons)
        self._show_report(None)
        return page

    def pattern_text(self) -> str:
        """The product's key pattern in words; empty when any key goes."""
        product = self.product
        low, high = product.key_min_length, product.key_max_length
        if low and high:
            length = self.tr("{low} to {high} characters").format(low=low, high=high)
        elif low:
            length = self.tr("at least {low} characters").format(low=low)
        elif high:
            length = self.tr("at most {high} characters").format(high=high)
        else:
            length = ""
        alphabet = {"digits": self.tr("digits"),
                    "upper_digits": self.tr("capital letters and digits"),
                    "letters_digits": self.tr("letters and digits")}.get(
                        product.key_alphabet or "", "")
        if not length and not alphabet:
            return ""
        parts = ", ".join(part for part in (length, alphabet) if part)
        return self.tr("Keys of this product: {pattern} (hyphens allowed); other lines count "
                       "as malformed.").format(pattern=parts)

    def _build_preview(self, page: QWidget) -> QWidget:
        box = QWidget(page)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        self.counts: dict[str, QLabel] = {}
        titles = (("new", self.tr("New keys")), ("duplicate", self.tr("Duplicates")),
                  ("blank", self.tr("Blank lines")), ("malformed", self.tr("Malformed")))
        for column, (name, title) in enumerate(titles):
            number = QLabel("–", box)
            number.setFont(widget_font(number, scale=1.6, bold=True))
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(title, box)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(caption, 1, column)
            self.counts[name] = number
        self.sample = hint_label("", box)
        grid.addWidget(self.sample, 2, 0, 1, len(titles))
        return box

    def ask_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a key file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("Key lists (*.txt *.csv)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(self.use_file)
        self.file_dialog = dialog
        dialog.open()

    def use_file(self, path: str) -> None:
        """Import from ``path``: checked at once, so the owner sees what it holds."""
        self.source_path = path
        self.file_label.setText(Path(path).name)
        self.file_label.setToolTip(path)
        self.paste.blockSignals(True)
        self.paste.clear()
        self.paste.blockSignals(False)
        self._forget_check()
        self.check()

    def _pasted(self) -> None:
        if self.source_path is not None:
            self.source_path = None
            self.file_label.setText(self.tr("No file chosen"))
            self.file_label.setToolTip("")
        self._forget_check()

    def _forget_check(self) -> None:
        self.checked_text = None
        self.report = None
        self._show_report(None)

    def check(self) -> None:
        shop, product_id, path = self.shop, self.product.id, self.source_path
        text = self.paste.toPlainText()

        def work() -> tuple[str, KeyImportReport]:
            source = read_key_file(path) if path is not None else text
            return source, cardkeys.preview_card_keys(shop, product_id, source)

        self.import_message.clear()
        self._set_busy(True)
        run_in_background(self, work, self._checked, errors=self.import_message,
                          always=lambda: self._set_busy(False))

    def _checked(self, result: tuple[str, KeyImportReport]) -> None:
        self.checked_text, self.report = result
        self._show_report(self.report)

    def _show_report(self, report: KeyImportReport | None) -> None:
        values = {"new": len(report.new), "duplicate": report.duplicate, "blank": report.blank,
                  "malformed": report.malformed} if report else {}
        for name, label in self.counts.items():
            label.setText(str(values[name]) if report else "–")
            color = {"new": SUCCESS_COLOR, "duplicate": WARNING_COLOR,
                     "malformed": ERROR_COLOR}.get(name, "")
            label.setStyleSheet(f"color: {color};" if color and values.get(name) else "")
        if report and report.new:
            shown = ", ".join(products.mask_key(key) for key in report.new[:SAMPLE_SIZE])
            more = "…" if len(report.new) > SAMPLE_SIZE else ""
            self.sample.setText(self.tr("First new keys: {keys}").format(keys=shown + more))
        else:
            self.sample.setText("")
        count = len(report.new) if report else 0
        self.import_button.setText(self.tr("Import new keys ({count})").format(count=count)
                                   if count else self.tr("Import"))
        self._update_import_buttons()

    def import_keys(self) -> None:
        if self.checked_text is None or not self.report or not self.report.new:
            return
        shop, product_id, text = self.shop, self.product.id, self.checked_text
        self._set_busy(True)
        run_in_background(self, lambda: cardkeys.import_card_keys(shop, product_id, text),
                          self._imported, errors=self.import_message,
                          always=lambda: self._set_busy(False))

    def _imported(self, report: KeyImportReport) -> None:
        self.paste.blockSignals(True)
        self.paste.clear()
        self.paste.blockSignals(False)
        self.source_path = None
        self.file_label.setText(self.tr("No file chosen"))
        self._forget_check()
        skipped = report.duplicate + report.blank + report.malformed
        self.keys_message.show_info(self.tr("Keys imported: {count}. Lines left out: "
                                            "{skipped}.").format(count=report.imported,
                                                                 skipped=skipped))
        self.changed.emit()
        self.tabs.setCurrentIndex(self.KEYS_PAGE)
        self.refresh()


    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_import_buttons()
        self._update_buttons()

    def _update_import_buttons(self) -> None:
        has_input = self.source_path is not None or bool(self.paste.toPlainText().strip())
        self.check_button.setEnabled(not self.busy and has_input)
        self.choose_button.setEnabled(not self.busy)
        self.import_button.setEnabled(not self.busy and self.report is not None
                                      and bool(self.report.new))
