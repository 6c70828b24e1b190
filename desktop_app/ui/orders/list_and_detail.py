"""The Orders tab's two halves: the list of orders and the chosen order.

Side by side when the list and the whole detail fit, as the owner last split them; else the
detail below the list, at full width, so nothing of it is cut off on the right (Print, the
totals). Below the list, an empty detail ("Select an order…") leaves most of the height to
the list: at 1024x768 it showed six orders (QA s14a F10); an order shown takes what the
list's first rows leave, and there its vouchers stand beside its lines where the width allows
(``OrderDetailPanel.allow_beside``).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QSplitter, QTableView, QWidget

from desktop_app.ui import settings
from desktop_app.ui.orders.order_detail import OrderDetailPanel
from desktop_app.ui.widgets import MARGIN, SPACING

# The list's columns stay readable from this width on; narrower, the detail goes below it.
LIST_MIN_WIDTH = 470
DETAIL_MIN_WIDTH = 640
# Below the list: the list's and the detail's shares of the height, an order shown or none.
SHOWN_SPLIT = [2000, 3000]
EMPTY_SPLIT = [4000, 1000]
# The orders the list shows above an order, where the height allows (six left a batch's
# voucher QR 12 px short of whole at 1024x768: test_ui_batch_dialog).
LIST_ROWS = 5
LIST_FEWEST = 3  # ... down to this many, where a voucher would be cut off below (QA s41a F4)
LIST_MOST = 0.55  # ... but never more than this share of the height: the order comes first


class ListAndDetail(QSplitter):
    """``orders`` beside ``shown`` (the detail's scroll area), or above it when too narrow;
    ``detail`` is measured for the width it needs."""

    def __init__(self, orders: QWidget, shown: QWidget, detail: OrderDetailPanel,
                 table: QTableView,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.detail, self.table = detail, table
        self.list_half, self.detail_half = orders, shown
        self.detail_shown = False
        self.split_by_owner = False  # below the list, the owner moved the split: it stays
        self.addWidget(orders)
        self.addWidget(shown)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 5)
        self.setStretchFactor(1, 6)
        self._restore()
        self.splitterMoved.connect(self._moved)
        # The voucher's answer (Send's: copied, and where it was saved) pushes the card down:
        # the list gives up a row for it (QA s43a F1: the QR's foot was cut off).
        detail.vouchers.message.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize):
            QTimer.singleShot(0, self, self._reshare)  # once the layout placed it
        return super().eventFilter(watched, event)

    def _reshare(self) -> None:
        if (self.detail_shown and not self.split_by_owner
                and self.orientation() == Qt.Orientation.Vertical):
            self._share()
        if self.detail.vouchers.says_something():
            QTimer.singleShot(0, self, self._card_in_sight)  # once the detail has its height

    def _card_in_sight(self) -> None:
        """The order's detail scrolled down as far as the card's foot needs, the voucher's
        buttons kept in sight: where the list's rows leave too little, the card is cut off
        as little as that allows."""
        area, vouchers = self.detail_half, self.detail.vouchers
        if not isinstance(area, QScrollArea) or (content := area.widget()) is None \
                or not vouchers.card.isVisible():
            return
        card_foot = vouchers.card.mapTo(content, QPoint(0, vouchers.card.height())).y()
        buttons_top = vouchers.send_button.mapTo(content, QPoint(0, 0)).y()
        bar = area.verticalScrollBar()
        needed = card_foot - area.viewport().height()
        bar.setValue(max(bar.value(), min(needed, buttons_top)))

    def _moved(self) -> None:
        if self.orientation() == Qt.Orientation.Horizontal:
            settings.ORDERS_SPLITTER.write(self.saveState())
        else:
            self.split_by_owner = True

    def show_detail(self, shown: bool) -> None:
        """Below the list, the detail's share of the height: most of it for an order, little
        for none."""
        if shown == self.detail_shown:
            return
        self.detail_shown = shown
        if self.orientation() == Qt.Orientation.Vertical and not self.split_by_owner:
            self._share()

    def _share(self) -> None:
        """Below the list: an order shown takes what the list's first rows leave (a 2:3
        split showed 1.5 orders at 1366x768 and 150 %: QA s17b F6); none, little."""
        if not self.detail_shown:
            self.setSizes(EMPTY_SPLIT)
            return
        height = self.height() - self.handleWidth()
        wanted = max(height * SHOWN_SPLIT[0] // sum(SHOWN_SPLIT),
                     min(self._list_height(LIST_ROWS), int(height * LIST_MOST)))
        room = height - self.detail.height_with_vouchers()  # left by a whole voucher
        fewest = self._list_height(LIST_FEWEST)
        # Else it is cut off anyway: rows stay; but a message above the card (Send's answer)
        # takes them down to the fewest (QA s43a F1: it gave the list back five rows, the QR
        # cut off below).
        if room >= fewest or self.detail.vouchers.says_something():
            wanted = min(wanted, max(room, fewest))
        wanted = self._whole_rows(wanted)
        self.setSizes([wanted, height - wanted])
        QTimer.singleShot(0, self, self._chosen_in_sight)  # once the list has its height

    def _chosen_in_sight(self) -> None:
        """The list grew shorter for the order's detail (or its voucher's answer): the
        chosen order stays in sight."""
        chosen = self.table.currentIndex()
        if chosen.isValid():
            self.table.scrollTo(chosen)

    def _whole_rows(self, wanted: int) -> int:
        """``wanted`` down to a whole number of rows, the rest to the order: an order chosen
        at the list's foot is scrolled into sight there, and the top row showed cut in half."""
        table, half = self.table, self.list_half
        row = table.verticalHeader().defaultSectionSize()
        around = half.height() - table.viewport().height()  # filters, header, frame: fixed
        if row <= 0 or not half.isVisible() or wanted <= around + row:
            return wanted
        return wanted - (wanted - around) % row

    def _list_height(self, rows: int) -> int:
        """The list's height with its header and ``rows`` rows, the filters above included."""
        table = self.table
        above = table.y()  # the filters above it, in the list's half
        return (above + table.horizontalHeader().height() + 2 * table.frameWidth()
                + rows * table.verticalHeader().defaultSectionSize())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if (event.size().height() != event.oldSize().height() and not self.split_by_owner
                and self.orientation() == Qt.Orientation.Vertical):
            self._share()

    def fit_to(self, width: int) -> None:
        """The orientation for the tab's ``width``."""
        # Measured on a paid order in both languages: the voucher panel's row of buttons and
        # the lines' four columns need this much (the panel may not be shown yet to measure).
        detail_width = max(self.detail.stacked_min_width(), DETAIL_MIN_WIDTH)
        needed = LIST_MIN_WIDTH + detail_width + self.handleWidth() + 2 * MARGIN + SPACING
        wanted = Qt.Orientation.Horizontal if width >= needed else Qt.Orientation.Vertical
        if self.orientation() == wanted:
            return
        self.setOrientation(wanted)
        vertical = wanted == Qt.Orientation.Vertical
        self.detail.allow_beside(vertical)
        # Below the list, the order (and its QR) takes most of the height; a few orders show.
        self.setStretchFactor(0, 2 if vertical else 5)
        self.setStretchFactor(1, 3 if vertical else 6)
        if vertical:
            self.split_by_owner = False
            self._share()
        else:
            self._restore()

    def _restore(self) -> None:
        """Side by side as the owner last left it; the default split when nothing (or
        something unreadable) was saved."""
        saved = settings.ORDERS_SPLITTER.read()
        if not isinstance(saved, QByteArray | bytes) or not self.restoreState(saved):
            self.setSizes([500, 560])
