"""Table models of the owner's tabs, their filters, and the display helpers they share.

Each model is fed whole lists of plain rows by ``set_rows()`` (core's frozen dataclasses, built
on the worker thread), so it can be tested without a widget and never touches the database.
Sorting goes through ``SORT_ROLE``: numbers sort as numbers, "unlimited" after every count.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from desktop_app.core.errors import ShopError
from desktop_app.core.inventory import KeyRow, ProductDetail
from desktop_app.core.money import money_text
from desktop_app.core.orders import LineView, OrderRow
from desktop_app.messages import error_message, unexpected_error_message
from desktop_app.ui.widgets import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

log = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row object itself
UNLIMITED = "∞"
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
MUTED = QColor("#8a8a8a")
MONO_FAMILIES = ["DejaVu Sans Mono", "Consolas", "Menlo", "Noto Sans Mono", "Liberation Mono",
                 "Courier New", "Noto Sans Mono CJK SC", "monospace"]

ModelIndex = QModelIndex | QPersistentModelIndex

# --- words for core's codes -----------------------------------------------------------------

KIND_LABELS = {
    "service": QT_TRANSLATE_NOOP("labels", "Service"),
    "cardkey": QT_TRANSLATE_NOOP("labels", "Card key"),
    "goods": QT_TRANSLATE_NOOP("labels", "Goods"),
}
STATUS_LABELS = {
    "unpaid": QT_TRANSLATE_NOOP("labels", "Unpaid"),
    "paid": QT_TRANSLATE_NOOP("labels", "Paid"),
    "refunded": QT_TRANSLATE_NOOP("labels", "Refunded"),
    "cancelled": QT_TRANSLATE_NOOP("labels", "Cancelled"),
}
METHOD_LABELS = {
    "cash": QT_TRANSLATE_NOOP("labels", "Cash"),
    "card": QT_TRANSLATE_NOOP("labels", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("labels", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("labels", "Alipay"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}
KEY_STATE_LABELS = {
    "unsold": QT_TRANSLATE_NOOP("labels", "Unsold"),
    "sold": QT_TRANSLATE_NOOP("labels", "Sold"),
    "faulty": QT_TRANSLATE_NOOP("labels", "Faulty"),
}
STATUS_COLORS = {"unpaid": WARNING_COLOR, "paid": SUCCESS_COLOR, "refunded": "#6b7280",
                 "cancelled": "#6b7280"}
KEY_STATE_COLORS = {"unsold": SUCCESS_COLOR, "sold": "#374151", "faulty": ERROR_COLOR}
# The currencies a shop may choose at setup, as a price tag writes them.
CURRENCY_SYMBOLS = {"CNY": "¥", "HKD": "HK$", "TWD": "NT$", "MOP": "MOP$", "SGD": "S$",
                    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩", "AUD": "A$",
                    "CAD": "C$"}


@cache
def mono_font() -> QFont:
    """The monospace font of masked keys; made on first use, once a QGuiApplication exists."""
    font = QFont()
    font.setFamilies(MONO_FAMILIES)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    return font


def _label(table: dict[str, str], key: str | None) -> str:
    text = table.get(key or "")
    return QCoreApplication.translate("labels", text) if text else (key or "")


def kind_label(kind: str) -> str:
    return _label(KIND_LABELS, kind)


def status_label(status: str) -> str:
    return _label(STATUS_LABELS, status)


def method_label(method: str | None) -> str:
    return _label(METHOD_LABELS, method)


def key_state_label(state: str) -> str:
    return _label(KEY_STATE_LABELS, state)


def money(cents: int, currency: str) -> str:
    """``¥199.00``; a currency without a known sign is written as its code: ``CHF 5.00``."""
    symbol = CURRENCY_SYMBOLS.get(currency)
    amount = money_text(cents)
    if symbol is None:
        return f"{currency} {amount}"
    if amount.startswith("-"):
        return f"-{symbol}{amount[1:]}"
    return f"{symbol}{amount}"


def local_time(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def short_time(moment: dt.datetime) -> str:
    """This year's times without the year (a list scans faster); older ones by their day."""
    local = moment.astimezone()
    if local.year == dt.datetime.now().astimezone().year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d")


def local_day(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment else ""


def last_day(until: dt.datetime) -> str:
    """The last local day still valid: an end at local midnight belongs to the day before."""
    local = until.astimezone()
    if local.time() == dt.time(0, 0):
        local -= dt.timedelta(days=1)
    return local.strftime("%Y-%m-%d")


def validity_label(row: ProductDetail) -> str:
    if row.kind == "goods":
        return "—"  # handed over at the sale: nothing to expire
    if row.valid_until is not None:
        start = local_day(row.valid_from) if row.valid_from else ""
        return QCoreApplication.translate("labels", "{start} to {end}").format(
            start=start, end=last_day(row.valid_until)) if start else QCoreApplication.translate(
            "labels", "Until {end}").format(end=last_day(row.valid_until))
    if row.valid_days:
        return days_text(row.valid_days)
    if row.valid_from is not None:
        return QCoreApplication.translate("labels", "From {start}").format(
            start=local_day(row.valid_from))
    return QCoreApplication.translate("labels", "No expiry")


def days_text(days: int) -> str:
    if days == 1:
        return QCoreApplication.translate("labels", "1 day")
    return QCoreApplication.translate("labels", "{days} days").format(days=days)


def stock_label(stock: int | None) -> str:
    return UNLIMITED if stock is None else str(stock)


def failure_text(exc: BaseException) -> str:
    """What the user reads when a task failed: core's words, or a plain apology (logged)."""
    if isinstance(exc, ShopError):
        return error_message(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return unexpected_error_message()


# --- a table of plain rows ------------------------------------------------------------------

RowT = TypeVar("RowT")


@dataclass(frozen=True)
class Column(Generic[RowT]):
    title: str
    text: Callable[[RowT], str]
    sort: Callable[[RowT], Any] | None = None  # defaults to the text, case-folded
    align: Qt.AlignmentFlag = LEFT
    color: Callable[[RowT], str | None] | None = None
    mono: bool = False
    tooltip: Callable[[RowT], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """Rows of one dataclass, one ``Column`` each; read-only, replaced as a whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._columns: list[Column[RowT]] = self.columns()

    def columns(self) -> list[Column[RowT]]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[RowT]:
        return list(self._rows)

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, key: Callable[[RowT], bool]) -> int:
        return next((i for i, row in enumerate(self._rows) if key(row)), -1)

    def muted(self, row: RowT) -> bool:
        return False

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.FontRole and column.mono:
            return mono_font()
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def _foreground(self, row: RowT, column: Column[RowT]) -> QBrush | None:
        color = column.color(row) if column.color else None
        if color:
            return QBrush(QColor(color))
        return QBrush(MUTED) if self.muted(row) else None


# --- products ---------------------------------------------------------------------------------


class ProductTableModel(RowTableModel[ProductDetail]):
    NAME, KIND, PRICE, USES, VALIDITY, STOCK, STATUS = range(7)

    def __init__(self, currency: str = "CNY", parent: QObject | None = None) -> None:
        self.currency = currency
        super().__init__(parent)

    def columns(self) -> list[Column[ProductDetail]]:
        return [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
            Column(self.tr("Price"), lambda r: money(r.price_cents, self.currency),
                   lambda r: r.price_cents, RIGHT),
            Column(self.tr("Uses"), lambda r: str(r.uses_per_voucher) if r.kind == "service"
                   else "—", lambda r: r.uses_per_voucher if r.kind == "service" else 0, RIGHT),
            Column(self.tr("Validity"), validity_label,
                   lambda r: (r.valid_until.timestamp() if r.valid_until else 0,
                              r.valid_days or 10**9)),
            Column(self.tr("Stock"), lambda r: stock_label(r.stock),
                   lambda r: 10**12 if r.stock is None else r.stock, RIGHT,
                   lambda r: ERROR_COLOR if r.active and r.stock == 0 else None),
            Column(self.tr("Status"), lambda r: self.tr("Active") if r.active
                   else self.tr("Archived"), lambda r: not r.active),
        ]

    def muted(self, row: ProductDetail) -> bool:
        return not row.active


class ProductFilter(QSortFilterProxyModel):
    """Search by name, one kind or all, archived products shown only when asked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.kind: str | None = None
        self.show_archived = False
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = " ".join(text.split()).casefold()
        self.endFilterChange()

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self.kind = kind or None
        self.endFilterChange()

    def set_show_archived(self, show: bool) -> None:
        self.beginFilterChange()
        self.show_archived = show
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ProductTableModel)
        row = model.row_at(source_row)
        if not row.active and not self.show_archived:
            return False
        if self.kind and row.kind != self.kind:
            return False
        return not self.search or self.search in " ".join(row.name.split()).casefold()

    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)


# --- card keys ------------------------------------------------------------------------------


class KeyTableModel(RowTableModel[KeyRow]):
    """Card keys, masked: the full secret never reaches this model."""

    def columns(self) -> list[Column[KeyRow]]:
        return [
            Column(self.tr("Key"), lambda r: r.masked, mono=True),
            Column(self.tr("State"), lambda r: self._state(r), lambda r: r.state,
                   color=lambda r: KEY_STATE_COLORS.get(r.state)),
            Column(self.tr("Order"), lambda r: str(r.order_id) if r.order_id else "",
                   lambda r: r.order_id or 0, RIGHT),
            Column(self.tr("Imported"), lambda r: local_time(r.imported_at),
                   lambda r: r.imported_at.timestamp()),
            Column(self.tr("Sold"), lambda r: local_time(r.sold_at),
                   lambda r: r.sold_at.timestamp() if r.sold_at else 0),
        ]

    def _state(self, row: KeyRow) -> str:
        if row.replaceable:
            return self.tr("Faulty, to replace")
        return key_state_label(row.state)


# --- orders ---------------------------------------------------------------------------------


def customer_text(row: OrderRow) -> str:
    if row.customer_name or row.customer_phone:
        return " · ".join(part for part in (row.customer_name, row.customer_phone) if part)
    if row.is_batch:
        return QCoreApplication.translate("labels", "Batch")
    return ""


class OrderTableModel(RowTableModel[OrderRow]):
    NUMBER, DATE, CUSTOMER, TOTAL, STATUS, METHOD = range(6)

    def __init__(self, currency: str = "CNY", parent: QObject | None = None) -> None:
        self.currency = currency
        super().__init__(parent)

    def columns(self) -> list[Column[OrderRow]]:
        return [
            Column(self.tr("No."), lambda r: str(r.id), lambda r: r.id, RIGHT),
            Column(self.tr("Date"), lambda r: short_time(r.created_at),
                   lambda r: r.created_at.timestamp(),
                   tooltip=lambda r: local_time(r.created_at)),
            Column(self.tr("Customer"), customer_text, tooltip=customer_text),
            Column(self.tr("Total"), lambda r: money(r.total_cents, self.currency),
                   lambda r: r.total_cents, RIGHT),
            Column(self.tr("Status"), lambda r: status_label(r.status),
                   lambda r: ("unpaid", "paid", "refunded", "cancelled").index(r.status)
                   if r.status in STATUS_COLORS else 9,
                   color=lambda r: STATUS_COLORS.get(r.status)),
            Column(self.tr("Payment"), lambda r: method_label(r.payment_method)),
        ]

    def muted(self, row: OrderRow) -> bool:
        return row.status in ("refunded", "cancelled")


class OrderFilter(QSortFilterProxyModel):
    """One status or all; the search matches the number, customer, phone or note."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.search = " ".join(text.split()).casefold().lstrip("#")
        self.endFilterChange()

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status or None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, OrderTableModel)
        row = model.row_at(source_row)
        if self.status and row.status != self.status:
            return False
        if not self.search:
            return True
        if self.search.isdigit() and str(row.id) == self.search:
            return True
        haystack = " ".join((row.customer_name, row.customer_phone.replace(" ", ""),
                             row.customer_phone, row.note, row.payment_ref)).casefold()
        return self.search in haystack

    def row_at(self, proxy_row: int) -> Any:
        return self.data(self.index(proxy_row, 0), ROW_ROLE)


class LineTableModel(RowTableModel[LineView]):
    """The lines of one order, with what was refunded of each."""

    REFUNDED = 4

    def __init__(self, currency: str = "CNY", parent: QObject | None = None) -> None:
        self.currency = currency
        super().__init__(parent)

    def columns(self) -> list[Column[LineView]]:
        return [
            Column(self.tr("Product"), lambda r: r.product_name),
            Column(self.tr("Qty"), lambda r: str(r.quantity), lambda r: r.quantity, RIGHT),
            Column(self.tr("Unit price"), lambda r: money(r.unit_price_cents, self.currency),
                   lambda r: r.unit_price_cents, RIGHT),
            Column(self.tr("Subtotal"),
                   lambda r: money(r.quantity * r.unit_price_cents, self.currency),
                   lambda r: r.quantity * r.unit_price_cents, RIGHT),
            Column(self.tr("Refunded"), lambda r: str(r.refunded_quantity)
                   if r.refunded_quantity else "", lambda r: r.refunded_quantity, RIGHT,
                   lambda r: ERROR_COLOR if r.refunded_quantity else None),
        ]

    def muted(self, row: LineView) -> bool:
        return row.refunded_quantity >= row.quantity


# --- views ----------------------------------------------------------------------------------


def setup_table(view: QTableView, stretch_column: int) -> None:
    """The look every list here shares: whole rows, alternating colours, one stretching column."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(max(30, view.fontMetrics().height() + 14))
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(LEFT)


def fit_columns(view: QTableView, skip: int, minimum: int = 40, maximum: int = 260) -> None:
    """Columns as wide as their contents (within limits), but for the stretching one."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(view.model().columnCount() if view.model() else 0):
        if column != skip:
            # The header's own hint counts its text and, when sorted, the arrow.
            width = max(view.columnWidth(column) + 10, header.sectionSizeHint(column))
            view.setColumnWidth(column, max(minimum, min(maximum, width)))


class EmptyState(QObject):
    """A centred hint over an empty table's viewport: "no products yet", "nothing matches"."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.label = QLabel(view.viewport())
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText))
        self.label.setPalette(palette)
        self.label.hide()
        view.viewport().installEventFilter(self)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        area = self.view.viewport().rect().adjusted(24, 24, -24, -24)
        self.label.setGeometry(area)


def selected_row(view: QTableView) -> Any:
    """The row object of the selected line of ``view`` (through its proxy), or None."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(ROW_ROLE) if rows else None


def select_where(view: QTableView, test: Callable[[Any], bool]) -> bool:
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if test(index.data(ROW_ROLE)):
            view.selectRow(row)
            view.scrollTo(index)
            return True
    return False


def widget_font(widget: QWidget, mono: bool = False, scale: float = 1.0,
                bold: bool = False) -> QFont:
    font = QFont(widget.font())
    if mono:
        font.setFamilies(MONO_FAMILIES)
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        font.setFixedPitch(True)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    return font
