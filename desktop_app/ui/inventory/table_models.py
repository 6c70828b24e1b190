"""The Inventory tab's tables: products with their filter, and card keys a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from desktop_app.core.cardkeys import KeyRow
from desktop_app.core.dates import local_time
from desktop_app.core.products import ProductDetail
from desktop_app.ui.display import (
    KEY_STATE_COLORS,
    key_state_label,
    kind_label,
    money,
    stock_label,
    validity_label,
)
from desktop_app.ui.paged_reader import PagedTableModel
from desktop_app.ui.tables import (
    CENTER,
    RIGHT,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    ModelIndex,
    RowTableModel,
    ranked,
)
from desktop_app.ui.widgets import ERROR_COLOR

# "Unlimited" after every count (stock is at most 10**9).
UNLIMITED_SORT_KEY = 2**31 - 1


def card_value(row: ProductDetail) -> int | None:
    """The amount a gift card's cards carry (its price unless set apart); None for others."""
    if row.kind != "giftcard":
        return None
    return row.price_cents if row.value_cents is None else row.value_cents


def uses_sort_key(row: ProductDetail) -> float:
    """"—" first, then services by uses, then gift cards by the value they carry."""
    if row.kind == "service":
        return ranked(1, row.uses_per_voucher)
    value = card_value(row)
    return ranked(0, 0) if value is None else ranked(2, value)


def validity_sort_key(row: ProductDetail) -> float:
    """Goods ("—") first, then days after the sale, then windows by their end, then no end."""
    if row.kind == "goods":
        return ranked(0, 0)
    if row.valid_until is not None:
        return ranked(2, row.valid_until.timestamp())
    if row.valid_days:
        return ranked(1, row.valid_days)
    return ranked(3, row.valid_from.timestamp() if row.valid_from else 0)


def status_sort_key(row: ProductDetail) -> int:
    """Active, ended, archived."""
    if not row.active:
        return 2
    return 1 if row.ended() else 0


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
            Column(self.tr("Uses"), self._uses_text, uses_sort_key, CENTER),
            Column(self.tr("Validity"), validity_label, validity_sort_key),
            Column(self.tr("Stock"), lambda r: stock_label(r.stock),
                   lambda r: UNLIMITED_SORT_KEY if r.stock is None else r.stock, RIGHT,
                   lambda r: ERROR_COLOR if r.active and r.stock == 0 else None),
            Column(self.tr("Status"), self._status_text, status_sort_key,
                   color=lambda r: ERROR_COLOR if r.active and r.ended() else None,
                   tooltip=self._status_tooltip),
        ]

    def _uses_text(self, row: ProductDetail) -> str:
        """A service's uses; a gift card's value, every card's (QA: a card sold for ¥250
        carried ¥200, and nothing showed it; QA s18a F11: shown only where it was not the
        price, ¥200 at ¥200 said "—" beside "Value ¥100.00")."""
        if row.kind == "service":
            return str(row.uses_per_voucher)
        value = card_value(row)
        if value is not None:
            return self.tr("Value {amount}").format(amount=money(value, self.currency))
        return "—"

    def _status_text(self, row: ProductDetail) -> str:
        if not row.active:
            return self.tr("Archived")
        return self.tr("Ended") if row.ended() else self.tr("Active")

    def _status_tooltip(self, row: ProductDetail) -> str:
        if row.active and row.ended():
            return self.tr("Its last valid day has passed, so it is not sold any more: give "
                           "it new dates with Edit…, or archive it.")
        return ""

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
        # Names in the language's own order: pinyin for Chinese (the interface's locale is
        # QLocale's default), not code points (QA s39a F15: 储, 春, 洗, 测…).
        self.setSortLocaleAware(True)

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


class KeyTableModel(PagedTableModel[KeyRow]):
    """Card keys, masked: the full secret never reaches this model. A page at a time, newest
    first: scrolled to its end, the view asks for the next one (``more_wanted``)."""

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
