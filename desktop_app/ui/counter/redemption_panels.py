"""The Redemption tab's inline panels: scanner settings and undoing a redemption.

Inline, not dialogs: nothing may block the next scan.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.counter_find import card_code_shown
from desktop_app.core.counter_recent import RecentAttempt
from desktop_app.core.store import Shop
from desktop_app.core.voucher_lookup import VoucherInfo
from desktop_app.ui.counter.lookup_models import FoundModel, HistoryModel, hidden_code_hint
from desktop_app.ui.counter.redemption_models import (
    CLEAR_RANGE_S,
    LOOKUP_BORDER,
    SUFFIXES,
    TIMEOUT_RANGE_MS,
    ScanSettings,
    local_time_text,
)
from desktop_app.ui.display import money
from desktop_app.ui.orders.giftcard_box import GiftCardBox
from desktop_app.ui.tables import setup_table
from desktop_app.ui.widgets import MessageLabel, hint_label


class ScanSettingsPanel(QFrame):
    """The counter's scanner settings, inline: a dialog would hold up the next scan."""

    changed = Signal()

    def __init__(self, settings: ScanSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("scanSettings")
        self.setStyleSheet("QFrame#scanSettings { border: 1px solid palette(mid);"
                           " border-radius: 6px; }")
        self.timeout = QSpinBox(self)
        self.timeout.setRange(*TIMEOUT_RANGE_MS)
        self.timeout.setSuffix(self.tr(" ms"))
        self.timeout.setValue(settings.timeout_ms)
        self.suffix = QComboBox(self)
        self.suffix.addItem(self.tr("Enter (most scanners)"), "")
        self.suffix.addItem(self.tr("Tab"), "\t")
        if settings.suffix not in SUFFIXES:
            self.suffix.addItem(repr(settings.suffix), settings.suffix)
        self.suffix.setCurrentIndex(max(0, self.suffix.findData(settings.suffix)))
        self.clear_after = QSpinBox(self)
        self.clear_after.setRange(*CLEAR_RANGE_S)
        self.clear_after.setSuffix(self.tr(" s"))
        self.clear_after.setSpecialValueText(self.tr("never"))
        self.clear_after.setValue(settings.clear_after_s)
        form = QFormLayout(self)
        form.setContentsMargins(14, 8, 14, 8)
        form.setVerticalSpacing(4)
        form.addRow(self.tr("The scanner ends a code with:"), self.suffix)
        form.addRow(self.tr("Without Enter, take the code after a pause of:"), self.timeout)
        form.addRow(self.tr("Clear the verdict after:"), self.clear_after)
        form.addRow(hint_label(self.tr(
            "These settings belong to this computer. Most scanners send Enter after each code; "
            "for one that sends nothing, the code is taken after the pause."), self))
        self.timeout.valueChanged.connect(self._changed)
        self.clear_after.valueChanged.connect(self._changed)
        self.suffix.currentIndexChanged.connect(self._changed)

    def _changed(self) -> None:
        self.settings.timeout_ms = self.timeout.value()
        self.settings.suffix = str(self.suffix.currentData() or "")
        self.settings.clear_after_s = self.clear_after.value()
        self.changed.emit()


class UndoPanel(QFrame):
    """Asks for the reason of an undo, inline under the list. ``confirmed(attempt_id, note)``."""

    confirmed = Signal(int, str)
    opened = Signal(bool)

    def __init__(self, currency: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = currency  # a spend's money, as the verdict said it
        self.row: RecentAttempt | None = None
        self.setObjectName("undoPanel")
        self.setStyleSheet("QFrame#undoPanel { background: #fff8e6; border: 1px solid #f0c36d;"
                           " border-radius: 6px; }")
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why? For example: scanned the wrong voucher"))
        self.note.setMaxLength(500)
        self.note.textChanged.connect(self._update)
        self.note.returnPressed.connect(self._confirm)
        self.confirm = QPushButton(self.tr("Undo redemption"), self)
        self.confirm.clicked.connect(self._confirm)
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.clicked.connect(self.finish)
        self.message = MessageLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.confirm)
        buttons.addWidget(self.cancel)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.addWidget(self.question)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self._update()

    def ask(self, row: RecentAttempt) -> None:
        self.row = row
        if row.spent_cents is not None:
            question = self.tr(
                "Undo the spend of {amount} from {code} ({product}) by {operator}, {when}? The "
                "amount goes back on the card; the record stays.")
        elif row.uses > 1:
            question = self.tr(
                "Undo the {uses} uses of {code} ({product}) taken by one scan by {operator}, "
                "{when}? They are given back to the voucher; the records stay.")
        else:
            question = self.tr(
                "Undo the redemption of {code} ({product}) by {operator}, {when}? The use is "
                "given back to the voucher; the record stays.")
        self.question.setText(question.format(
            code=row.code, product=row.product or "—", operator=row.operator, uses=row.uses,
            when=local_time_text(row.at), amount=money(row.spent_cents or 0, self.currency)))
        self.note.clear()
        self.message.clear()
        self.set_busy(False)
        self.setVisible(True)
        self.opened.emit(True)
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        self.note.setEnabled(not busy)
        self.cancel.setEnabled(not busy)
        self._update(busy=busy)

    def _update(self, *_args: object, busy: bool = False) -> None:
        self.confirm.setEnabled(not busy and bool(self.note.text().strip()))

    def _confirm(self) -> None:
        if self.row is None or not self.note.text().strip() or not self.confirm.isEnabled():
            return
        self.confirmed.emit(self.row.attempt_id, self.note.text().strip())

    def finish(self) -> None:
        self.row = None
        self.note.clear()
        self.setVisible(False)
        self.opened.emit(False)


HISTORY_ROWS = 2  # a look-up's latest attempts in view; the rest scroll (1024x768)


def _small_table(parent: QWidget, model: QAbstractItemModel, stretch: int) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    setup_table(view, stretch)
    # Codes and times read whole; the product (or result) takes what is left.
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setMinimumHeight(110)
    return view


class HistoryPanel(QFrame):
    """A looked-up voucher's history, inline under the verdict; Close hides it. A gift card
    also gets Reload and Cash out here, for whoever may take money for cards (QA: clerks the
    owner allowed had no way to); ``card_changed(code)`` once one went through."""

    card_changed = Signal(str)

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = ""
        self.masks_card_codes = not shop.is_owner  # a gift card's code is its money
        self.setObjectName("historyPanel")
        self.setStyleSheet(f"QFrame#historyPanel {{ border: 1px solid {LOOKUP_BORDER};"
                           " border-radius: 6px; }")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(lambda: self.setVisible(False))
        self.model = HistoryModel(self)
        self.model.currency = shop.currency
        self.view = _small_table(self, self.model, 1)
        # A few rows, then it scrolls: at 1024x768 the station's list stays in view below.
        rows = self.view.verticalHeader()
        rows.setDefaultSectionSize(self.view.fontMetrics().height() + 8)  # as the list's
        self.view.setFixedHeight(self.view.horizontalHeader().sizeHint().height()
                                 + HISTORY_ROWS * rows.defaultSectionSize()
                                 + 2 * self.view.frameWidth())
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 4, 12, 6)
        column.setSpacing(4)
        column.addLayout(top)
        self.card_box = GiftCardBox(shop, self, compact=True)
        self.card_box.show_card(None)
        self.card_box.changed.connect(lambda: self.card_changed.emit(self.code))
        column.addWidget(self.card_box)
        column.addWidget(self.view)

    def show_info(self, info: VoucherInfo, refresh: bool = False) -> None:
        """``refresh``: the voucher shown, read again after a change elsewhere: closed stays
        closed, and the rows scroll to the latest only when there is a new one."""
        grew = info.code != self.code or len(info.history) != self.model.rowCount()
        self.code = info.code
        if self.card_box.voucher_id != info.id or info.balance is None:
            self.card_box.message.clear()  # what was said of another card
        self.card_box.show_card(info.id if info.balance is not None else None)
        title = (self.tr("History of {code} ({product}): 1 attempt")
                 if len(info.history) == 1 else
                 self.tr("History of {code} ({product}): {count} attempts"))
        shown = card_code_shown(info.code, info.balance, self.masks_card_codes)
        self.title.setText(title.format(code=shown, product=info.product,
                                        count=len(info.history)))
        scrolled = self.view.verticalScrollBar().value()
        self.model.kind = info.kind
        self.model.set_rows(info.history)
        if not refresh:
            self.setVisible(True)
        if grew or not refresh:
            self.view.scrollToBottom()  # oldest first: the latest attempts are what is asked
        else:
            self.view.verticalScrollBar().setValue(scrolled)


class FindPanel(QFrame):
    """Vouchers by customer name or phone; ``chosen(code)`` on a double-click."""

    chosen = Signal(str)
    search = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findPanel")
        self.setStyleSheet("QFrame#findPanel { border: 1px solid palette(mid);"
                           " border-radius: 6px; }")
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Customer name or phone"))
        self.field.setMaxLength(64)
        self.field.returnPressed.connect(self._search)
        self.find_button = QPushButton(self.tr("Find"), self)
        self.find_button.clicked.connect(self._search)
        self.message = MessageLabel(self)
        self.model = FoundModel(self)
        self.view = _small_table(self, self.model, 1)
        self.view.doubleClicked.connect(self._chosen)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Find vouchers:"), self))
        row.addWidget(self.field, 1)
        row.addWidget(self.find_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 8)
        column.addLayout(row)
        column.addWidget(self.message)
        column.addWidget(self.view)
        column.addWidget(hint_label(self.tr("Double-click a voucher to look it up; nothing "
                                            "is used."), self))

    def _search(self) -> None:
        text = self.field.text().strip()
        if text:
            self.message.clear()
            self.search.emit(text)

    def show_found(self, rows: list[VoucherInfo]) -> None:
        self.model.set_rows(rows)
        if not rows:
            self.message.show_info(self.tr("No voucher of a customer like that."))
        else:
            self.message.clear()

    def _chosen(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        if row.code_hidden:  # a clerk's gift card: its PIN or the card itself (QA s21a F4)
            self.message.show_info(self.tr("A gift card's code is not shown here: {how}.")
                                   .format(how=hidden_code_hint()))
            return
        self.chosen.emit(row.code)
