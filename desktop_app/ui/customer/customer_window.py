"""The customer's side of the counter: a second window for a second monitor.

At rest it shows the shop's name (and its address line). After each scan at the counter it
shows the verdict in the counter's colours, large, with the uses or balance left; after a
sale, the vouchers' QR codes for the customer to photograph. It goes back to rest by itself.
It never shows a card key, a gift card's code, an operator or a customer's contact: the screen
faces the queue.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import events, shop_settings, vouchers
from desktop_app.core.redemption import Verdict
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import VoucherView, order_voucher_views
from desktop_app.messages.verdict_texts import verdict_headline
from desktop_app.printing import wording
from desktop_app.ui.counter.redemption_models import spent_text, tone_of, uses_text
from desktop_app.ui.counter.verdict_panel import PALETTE, SYMBOLS
from desktop_app.ui.display import breakable, money
from desktop_app.ui.events import shop_events
from desktop_app.ui.orders.voucher_card import qr_pixmap
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import fit_to_screen, widget_font

VERDICT_MS = 8_000  # long enough to read from the other side of the counter
SALE_MS = 90_000  # long enough to take out a phone and photograph the codes
MOST_QR = 4  # a bigger order's vouchers go by print or Send, not by photo
QR_SIDE = 300  # at 1024x768; the codes and the words grow with the window (a big monitor)
# Several codes side by side shrink to fit the window, down to 4 px a module (version 3 with
# its quiet zone: 37 modules): still read by a phone from arm's length. Fewer are shown below.
MIN_QR_SIDE = 160
BASE_SIZE = (1024, 768)
MOST_ZOOM = 3.0  # a 4K monitor: not letters a metre high
QR_SPACING = 24
CODE_SCALE = 1.56  # 1.2 x 1.3: read out or typed in; smaller only where it would wrap
REST_STYLE = "QWidget#customerRest { background: #1d1d1f; } QLabel { color: #ffffff; }"

SaleCodes = list[tuple[VoucherView, list[list[bool]]]]


def load_sale(shop: Shop, order_id: int) -> tuple[SaleCodes, int]:
    """The first vouchers of a paid order with their QR modules, and how many there are.
    Never a gift card's: its code is its money, spent by whoever photographs the screen
    from the queue (QA s39a F13); it is counted with those to ask for, printed or sent."""
    views = order_voucher_views(shop, order_id)
    shown = [view for view in views if view.kind != "giftcard"][:MOST_QR]
    return [(view, vouchers.qr_matrix(view.payload)) for view in shown], len(views)


class CustomerWindow(QWidget):
    """Shows ``show_verdict`` and ``show_sale`` to the customer, then the shop at rest."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.shop = shop
        self.currency = shop.currency
        self.setWindowTitle(self.tr("Customer display"))
        self.zoom = 1.0
        self._scaled: list[tuple[QLabel, float, bool, bool]] = []  # label, scale, bold, mono
        self._sale_scaled: list[tuple[QLabel, float, bool, bool]] = []
        self._sale_qrs: list[tuple[QLabel, list[list[bool]]]] = []
        self._sale_code_labels: list[QLabel] = []
        self._sale_captions: list[tuple[QLabel, str, str]] = []  # label, product, uses left
        self._sale_count = 0  # the order's vouchers, shown or not
        self._painted: tuple[int, int, float] | None = None  # side, codes shown, pixel ratio
        self.back_to_rest = QTimer(self)
        self.back_to_rest.setSingleShot(True)
        self.back_to_rest.timeout.connect(self.show_rest)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_rest())
        self.pages.addWidget(self._build_verdict())
        self.pages.addWidget(self._build_sale())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.pages)
        fit_to_screen(self, *BASE_SIZE)  # a second monitor at 150 % may have less (QA s17b F9)
        shop_events().changed.connect(self._on_changes)
        # The address line is read on the worker: the GUI thread never queries (a server down
        # would stop the window opening). The name is the one the shop keeps.
        self._show_shop(shop.name, "")
        self._read_settings()
        self.show_rest()

    # -- layout -----------------------------------------------------------------------------

    def _big(self, parent: QWidget, scale: float, bold: bool = True, mono: bool = False,
             sale: bool = False) -> QLabel:
        label = QLabel(parent)
        (self._sale_scaled if sale else self._scaled).append((label, scale, bold, mono))
        self._set_font(label, scale, bold, mono)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        if sale:
            # Its text is fitted to its code's width (_fit_code_texts): a minimum from the
            # text as it was drawn for a wider window held the window wide (CI: 728 not 700).
            label.setMinimumWidth(1)
        return label

    def _set_font(self, label: QLabel, scale: float, bold: bool, mono: bool) -> None:
        # From the window's font, not the label's: that one is already scaled.
        label.setFont(widget_font(self, mono=mono, scale=scale * self.zoom, bold=bold))

    # -- size -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        zoom = min(size.width() / BASE_SIZE[0], size.height() / BASE_SIZE[1])
        zoom = round(max(1.0, min(MOST_ZOOM, zoom)), 2)
        if zoom != self.zoom:
            self.zoom = zoom
            for label, scale, bold, mono in self._scaled + self._sale_scaled:
                self._set_font(label, scale, bold, mono)
        self._paint_codes()  # a smaller window: smaller codes, or fewer

    def qr_side(self, count: int) -> int:
        """As large as the window's size asks, while ``count`` codes fit side by side and
        under the words around them (QA s10c F1: a low window cut the codes' top rows)."""
        count = max(1, count)
        scale = min(MOST_ZOOM, self.width() / BASE_SIZE[0], self.height() / BASE_SIZE[1])
        fits = (self.width() - 2 * QR_SPACING * count) // count
        return max(MIN_QR_SIDE, min(round(QR_SIDE * scale), fits, self._height_for_codes()))

    def _height_for_codes(self) -> int:
        """The window's height less the sale page's words: its thanks, a code's caption and
        printed code, the footer, and the spacing between them."""
        width = self.width()
        words = [self.sale_title, self.sale_more, *self._sale_code_labels[:1],
                 *(label for label, _name, _left in self._sale_captions[:1])]
        taken = sum(label.heightForWidth(width) if label.text() else 0 for label in words)
        return self.height() - taken - 5 * QR_SPACING

    def codes_that_fit(self) -> int:
        """How many of the sale's codes fit side by side at a side a phone still reads."""
        count = len(self._sale_qrs)
        while count > 1 and (self.width() - 2 * QR_SPACING * count) // count < MIN_QR_SIDE:
            count -= 1
        return count

    def _paint_codes(self) -> None:
        ratio = self.devicePixelRatioF() or 1.0
        shown = self.codes_that_fit()
        self._fit_code_texts(shown)  # first: the codes fit under the words as they are now
        side = self.qr_side(shown)
        if self._painted == (side, shown, ratio):
            return
        self._painted = (side, shown, ratio)
        for index, (label, matrix) in enumerate(self._sale_qrs):
            cell = label.parentWidget()
            if cell is not None:  # its caption goes with it
                cell.setVisible(index < shown)
            if index < shown:
                label.setPixmap(qr_pixmap(matrix, side, ratio))
        self._say_not_shown(self._sale_count - shown)

    def _fit_code_texts(self, shown: int) -> None:
        """Each code on one line under its QR: a code split at a hyphen is misread; each
        product's name on one line, cut short (names may be 200 characters)."""
        room = (self.width() - 2 * QR_SPACING * max(1, shown)) // max(1, shown)
        for label, name, left in self._sale_captions:
            short = QFontMetrics(label.font()).elidedText(
                name, Qt.TextElideMode.ElideRight, max(room, 1))
            label.setText(f"{short}\n{left}" if left else short)
        for label in self._sale_code_labels:
            font = widget_font(self, mono=True, scale=CODE_SCALE * self.zoom, bold=True)
            wide = QFontMetrics(font).horizontalAdvance(label.text())
            if wide > room > 0 and font.pointSizeF() > 0:
                font.setPointSizeF(font.pointSizeF() * room / wide)
            label.setFont(font)
        for column in range(MOST_QR):  # the shown codes share the width evenly
            self.sale_codes.setColumnStretch(column, 1 if column < shown else 0)

    def _say_not_shown(self, more: int) -> None:
        if more <= 0:
            text = ""
        elif more == 1:
            text = self.tr("and 1 more voucher: ask for it printed or sent")
        else:
            text = self.tr("and {count} more vouchers: ask for them printed or sent").format(
                count=more)
        self.sale_more.setText(text)

    def _build_rest(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("customerRest")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        page.setStyleSheet(REST_STYLE)
        self.shop_name = self._big(page, 3.2)
        self.address = self._big(page, 1.4, bold=False)
        self.welcome = self._big(page, 1.6, bold=False)
        self.welcome.setText(self.tr("Welcome"))
        column = QVBoxLayout(page)
        column.addStretch(2)
        for label in (self.shop_name, self.address, self.welcome):
            column.addWidget(label)
        column.addStretch(3)
        return page

    def _build_verdict(self) -> QWidget:
        page = self.verdict_page = QWidget(self)
        page.setObjectName("customerVerdict")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.verdict_word = self._big(page, 4.5)
        self.verdict_left = self._big(page, 3.0)
        self.verdict_product = self._big(page, 1.6, bold=False)
        column = QVBoxLayout(page)
        column.addStretch(1)
        for label in (self.verdict_word, self.verdict_left, self.verdict_product):
            column.addWidget(label)
        column.addStretch(1)
        return page

    def _build_sale(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("customerSale")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        page.setStyleSheet("QWidget#customerSale { background: #ffffff; }"
                           " QLabel { color: #1d1d1f; }")
        self.sale_title = self._big(page, 2.0)
        self.sale_title.setText(self.tr("Thank you! Photograph your voucher"))
        self.sale_codes = QGridLayout()
        self.sale_codes.setSpacing(QR_SPACING)
        self.sale_more = self._big(page, 1.2, bold=False)
        column = QVBoxLayout(page)
        column.addStretch(1)  # the thanks sits with the codes, not against the top edge
        column.addWidget(self.sale_title)
        column.addSpacing(QR_SPACING)
        column.addLayout(self.sale_codes)
        column.addStretch(1)
        column.addWidget(self.sale_more)
        return page

    # -- what is shown ----------------------------------------------------------------------

    def show_rest(self) -> None:
        self.back_to_rest.stop()
        self.pages.setCurrentIndex(0)

    def show_verdict(self, verdict: Verdict, repeated: bool = False) -> None:
        """A scan at the counter: the word in its colour, and what is left, large."""
        del repeated  # the customer needs the outcome, not the counter's bookkeeping
        background, text, soft = PALETTE[tone_of(verdict.reason)]
        self.verdict_page.setStyleSheet(
            f"QWidget#customerVerdict {{ background: {background}; }}"
            f" QLabel {{ color: {text}; }} QLabel#soft {{ color: {soft}; }}")
        self.verdict_product.setObjectName("soft")
        symbol = SYMBOLS.get(tone_of(verdict.reason), "")
        word = verdict_headline(verdict.reason, verdict.kind)
        self.verdict_word.setText(f"{symbol} {word}".strip())
        self.verdict_left.setText(self._left_text(verdict))
        self.verdict_product.setText(breakable(verdict.product))
        self.pages.setCurrentIndex(1)
        self.back_to_rest.start(VERDICT_MS)

    def _left_text(self, verdict: Verdict) -> str:
        if verdict.ok and verdict.spent is not None and verdict.balance is not None:
            return spent_text(verdict.spent, verdict.balance, self.currency)
        if verdict.balance is not None:
            return self.tr("Balance left {amount}").format(
                amount=money(verdict.balance, self.currency))
        if verdict.kind == "cardkey":
            return ""  # its key is on the voucher: no uses to count
        return uses_text(verdict.uses_left, verdict.uses_total)

    def show_sale(self, order_id: int) -> None:
        """A paid order: its vouchers' QR codes, read on the worker thread."""
        shop = self.shop
        run_in_background(self, lambda: load_sale(shop, order_id), self._show_codes,
                          errors=lambda _refused: self.show_rest())

    def _show_codes(self, loaded: tuple[SaleCodes, int]) -> None:
        codes, count = loaded
        while self.sale_codes.count():
            item = self.sale_codes.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleted later, it would still be drawn meanwhile
                widget.deleteLater()
        self._sale_scaled, self._sale_qrs, self._painted = [], [], None
        self._sale_code_labels, self._sale_captions = [], []
        self._sale_count = count
        if not codes:
            self.show_rest()  # goods only: nothing to photograph, the next customer is welcome
            return
        for index, (view, matrix) in enumerate(codes):
            cell = QWidget(self)
            cell_column = QVBoxLayout(cell)
            qr = QLabel(cell)
            self._sale_qrs.append((qr, matrix))
            qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
            qr.setObjectName("saleQr")
            # The window sizes the codes, not the codes the window: it may shrink (to its
            # screen), then they are drawn smaller, or fewer, as soon as it has.
            qr.setMinimumSize(1, 1)
            product = self._big(cell, 1.5, sale=True)
            left = wording.uses_text(view)
            self._sale_captions.append((product, view.product_name, left))
            code = self._big(cell, CODE_SCALE, mono=True, sale=True)  # see _fit_code_texts
            code.setText(view.code)
            self._sale_code_labels.append(code)
            for label in (qr, product, code):
                cell_column.addWidget(label)
            self.sale_codes.addWidget(cell, 0, index)
        self._paint_codes()
        self.pages.setCurrentIndex(2)
        self.back_to_rest.start(SALE_MS)

    def _show_shop(self, name: str, address: str) -> None:
        self.shop_name.setText(name)
        self.address.setText(address)
        self.address.setVisible(bool(address))

    def _on_changes(self, changes: frozenset[str]) -> None:
        if events.SETTINGS in changes:
            self._read_settings()

    def _read_settings(self) -> None:
        shop = self.shop
        run_in_background(self, lambda: shop_settings.get_shop_settings(shop),
                          self._settings_loaded, errors=lambda _refused: None)

    def _settings_loaded(self, settings: shop_settings.ShopSettings) -> None:
        self.currency = settings.currency
        self._show_shop(settings.shop_name, settings.address_line)
