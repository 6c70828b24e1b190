"""Keys imported twice in two spellings (case, full-width, hyphens apart) before schema step 17
found them one key (``cardkeys.pending_duplicate_keys``): the later copy is still on sale, and
would sell one key twice. The Card keys dialog says which, with a button that marks it faulty
(``DuplicateKeyNotice``); the Inventory tab names the products (``DuplicateKeyWarning``).

The list shows keys masked, not by id: a copy is named by its masked key and import time, as
the list shows them."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.core import cardkeys, events
from desktop_app.core.cardkeys import DuplicateKey, KeyRow
from desktop_app.core.dates import local_time
from desktop_app.core.store import Shop
from desktop_app.ui.display import count_text
from desktop_app.ui.events import shop_events
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import WARNING_COLOR

log = logging.getLogger(__name__)

SHOWN_AT_MOST = 3  # copies named one by one; more are counted


class DuplicateKeyNotice(QFrame):
    """Hidden while the product has no pending copy. ``mark_wanted(KeyRow)``: the owner asked
    to mark the first copy faulty (the dialog asks its question, as for a selected key)."""

    mark_wanted = Signal(object)  # KeyRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.duplicates: list[DuplicateKey] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {WARNING_COLOR};")
        self.button = QPushButton(self.tr("Mark the copy faulty…"), self)
        self.button.setToolTip(self.tr("Take the second copy of the key out of stock, so that "
                                       "one key is not sold twice"))
        self.button.clicked.connect(self._mark_first)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()

    def show_duplicates(self, duplicates: list[DuplicateKey]) -> None:
        self.duplicates = duplicates
        self.setVisible(bool(duplicates))
        lines = [self._line(found) for found in duplicates[:SHOWN_AT_MOST]]
        if len(duplicates) > SHOWN_AT_MOST:
            lines.append(self.tr("{count} more copies like these.").format(
                count=count_text(len(duplicates) - SHOWN_AT_MOST)))
        self.text.setText("\n".join(lines))

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)

    def _line(self, found: DuplicateKey) -> str:
        return self.tr(
            "Key {later} (imported {later_at}) is a second copy of key {first} (imported "
            "{first_at}): one key, imported in two spellings before this version. Mark key "
            "{later} faulty so that it is not sold twice.").format(
            later=found.later.masked, later_at=local_time(found.later.imported_at),
            first=found.first.masked, first_at=local_time(found.first.imported_at))

    def first_copy(self) -> KeyRow | None:
        return self.duplicates[0].later if self.duplicates else None

    def _mark_first(self) -> None:
        copy = self.first_copy()
        if copy is not None:
            self.mark_wanted.emit(copy)


class DuplicateKeyWarning(QLabel):
    """The Inventory tab's line naming the products with a copy to mark faulty; hidden when
    none has. Owners only; re-read when products or keys change."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {WARNING_COLOR};")
        self.hide()
        shop_events().changed.connect(self._changed)
        self.refresh()

    def _changed(self, changes: frozenset[str]) -> None:
        if events.PRODUCTS in changes:
            self.refresh(background=True)

    def refresh(self, background: bool = False) -> None:
        if not self.shop.is_owner:
            return
        shop = self.shop
        run_in_background(self, lambda: cardkeys.products_with_duplicate_keys(shop),
                          self.show_products,
                          lambda exc: log.warning("duplicate keys not read: %s",
                                                  type(exc).__name__),
                          background=background)

    def show_products(self, names: list[str]) -> None:
        self.setVisible(bool(names))
        if len(names) == 1:
            text = self.tr("Product {name} has a card key imported twice: mark the copy "
                           "faulty in its Card keys.").format(name=names[0])
        else:
            text = self.tr("Products with a card key imported twice, to mark faulty in their "
                           "Card keys: {names}").format(names=", ".join(names))
        self.setText(text if names else "")
