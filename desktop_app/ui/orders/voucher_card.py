"""One voucher as the customer sees it on the owner's screen, and its copies.

A white card whatever the theme: the QR large and crisp (to scan off the display), product,
uses or balance, validity, the typed code in large monospace, and for a card key the key,
masked; above them, in red, what a glance must catch: void, used up, a card key marked
faulty (a replacement is owed; sending, copying or printing it asks first). **Show key**
reveals the key in full for that one look: each reveal is a ``cardkey_shown`` audit row,
written before the key appears, and the key is masked again after ``KEY_SHOWN_MS``, on
**Hide key**, or as soon as another voucher is shown. Copy code, Copy key and Copy text put
the voucher on the clipboard; a key copied (alone or in the text) is a ``cardkey_sent`` row
(``core.sending``), as the panel's Send, Save PDF and Print are.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import sending
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.i18n import translate
from desktop_app.printing import wording
from desktop_app.printing.qr import QUIET_ZONE
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.orders import voucher_send
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import SPACING, MessageLabel, widget_font

QR_SIDE = 232  # logical pixels: scans from a phone held at arm's length off a laptop screen
CARD_STYLE = ("QFrame#voucherCard { background: #ffffff; border: 1px solid #d6d6d6;"
              " border-radius: 8px; } QFrame#voucherCard QLabel { color: #1d1d1f; }")
KEY_SHOWN_MS = 20_000  # long enough to read a key out over the phone, then masked again


def qr_pixmap(matrix: list[list[bool]], side: int, ratio: float = 1.0) -> QPixmap:
    """The symbol with its quiet zone, whole device pixels per module, about ``side`` wide."""
    modules = np.pad(np.array(matrix, dtype=bool), QUIET_ZONE, constant_values=False)
    count = modules.shape[0]
    module = max(2, math.floor(side * ratio / count))
    gray = np.kron(np.where(modules, 0, 255).astype(np.uint8),
                   np.ones((module, module), dtype=np.uint8))
    gray = np.ascontiguousarray(gray)
    image = QImage(gray.data, gray.shape[1], gray.shape[0], gray.shape[1],
                   QImage.Format.Format_Grayscale8).copy()  # copy: the array is freed after
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def confirm_faulty_key(parent: QWidget, view: VoucherView | None,
                       then: Callable[[], object]) -> QMessageBox | None:
    """Go on at once, unless ``view``'s card key was marked faulty: then ask first, since the
    customer is owed a replacement, not the dead key again. The question, while it is open."""
    if view is None or not view.card_key_faulty:
        then()
        return None
    return ask_to_confirm(
        parent, translate("VoucherCard", "Faulty card key"),
        translate("VoucherCard", "This voucher's card key was marked faulty: the customer is "
                  "owed a replacement (Inventory → Card keys → Replace on order). Send or "
                  "print this key anyway?"),
        translate("VoucherCard", "Use the faulty key"), then,
        keep=translate("VoucherCard", "Do not use it"))


class VoucherCard(QFrame):
    """Shows what ``show_view`` is given; says what its buttons did in ``message``."""

    def __init__(self, shop: Shop, message: MessageLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop, self.message = shop, message
        self.voucher_id: int | None = None
        self.view: VoucherView | None = None
        self.key_shown = False
        self.faulty_box: QMessageBox | None = None
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.setInterval(KEY_SHOWN_MS)
        self.hide_timer.timeout.connect(self.hide_key)
        self.setObjectName("voucherCard")
        self.setStyleSheet(CARD_STYLE)
        self.qr = QLabel(self)
        self.qr.setFixedSize(QR_SIDE, QR_SIDE)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: #ffffff;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, SPACING, 8)  # the QR's white quiet zone is margin enough
        row.setSpacing(SPACING)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row.addLayout(self._build_text(), 1)
        self.show_view(None, None)

    def _build_text(self) -> QVBoxLayout:
        self.marks = QLabel(self)  # void, used up, a faulty key: what a glance must catch
        self.marks.setFont(widget_font(self.marks, bold=True))
        self.marks.setWordWrap(True)
        self.marks.setStyleSheet("QLabel { color: #b42318; }")
        self.product = QLabel(self)
        self.product.setFont(widget_font(self.product, scale=1.25, bold=True))
        self.product.setWordWrap(True)
        self.uses = QLabel(self)
        self.validity = QLabel(self)
        self.code_caption = self._caption(wording.code_label())
        self.code = QLabel(self)
        self.code.setFont(widget_font(self.code, mono=True, scale=1.45, bold=True))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_caption = self._caption(wording.key_label())
        self.key = QLabel(self)
        self.key.setFont(widget_font(self.key, mono=True, scale=1.15, bold=True))
        self.key.setWordWrap(True)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setStyleSheet("QLabel { background: #f3f4f6; border-radius: 4px;"
                               " padding: 5px 8px; }")
        self.show_key_button = self._button(self.tr("Show key"), self.toggle_key, self.tr(
            "Show the card key in full for a moment; each time is recorded in the audit log"))
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.show_key_button)
        self.copy_button = self._button(self.tr("Copy code"), self.copy_code, self.tr(
            "Copy the voucher code, to paste it in a message"))
        self.copy_key_button = self._button(self.tr("Copy key"), self.copy_key, self.tr(
            "Copy the card key in full"))
        self.copy_text_button = self._button(self.tr("Copy text"), self.copy_text, self.tr(
            "The voucher in words, to paste in a message"))
        copies = QHBoxLayout()
        copies.setSpacing(6)
        for button in (self.copy_button, self.copy_key_button, self.copy_text_button):
            copies.addWidget(button)
        copies.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(3)
        for widget in (self.marks, self.product, self.uses, self.validity):
            column.addWidget(widget)
        column.addSpacing(8)
        column.addWidget(self.code_caption)
        column.addWidget(self.code)
        column.addSpacing(4)
        column.addWidget(self.key_caption)
        column.addLayout(key_row)
        column.addStretch(1)
        column.addLayout(copies)
        return column

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text.upper(), self)
        label.setFont(widget_font(label, scale=0.85, bold=True))
        label.setStyleSheet("QLabel { color: #6b7280; }")
        return label

    def _button(self, text: str, action: Callable[[], object], tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(action)
        return button

    # -- what is shown ----------------------------------------------------------------------

    def show_view(self, voucher_id: int | None, view: VoucherView | None,
                  matrix: list[list[bool]] | None = None) -> None:
        """Voucher ``voucher_id`` (None: nothing); its key masked, whatever was shown before."""
        self.voucher_id, self.view = voucher_id, view
        self.setEnabled(view is not None)
        if view is None or matrix is None:
            self.qr.clear()
        else:
            self.qr.setPixmap(qr_pixmap(matrix, QR_SIDE, self.devicePixelRatioF() or 1.0))
        said = wording.marks(view) if view else []
        self.marks.setText("\n".join(said))
        self.marks.setVisible(bool(said))
        self.product.setText(view.product_name if view else "")
        uses = wording.uses_text(view) if view else ""
        if view and view.kind == "cardkey":
            uses = self.tr("One card key")
        self.uses.setText(uses)
        self.validity.setText(wording.validity_text(view) if view else "")
        for line in (self.uses, self.validity):  # a void voucher has neither
            line.setVisible(bool(line.text()))
        self.code.setText(view.code if view else "")
        has_key = bool(view and view.card_key)
        for widget in (self.key_caption, self.key, self.show_key_button, self.copy_key_button):
            widget.setVisible(has_key)
        self.hide_key()

    def set_ready(self, ready: bool) -> None:
        for button in (self.copy_button, self.copy_key_button, self.copy_text_button,
                       self.show_key_button):
            button.setEnabled(ready)

    # -- the card key -----------------------------------------------------------------------

    def toggle_key(self) -> None:
        if self.key_shown:
            self.hide_key()
            return
        shop, voucher_id = self.shop, self.voucher_id
        if voucher_id is None or self.view is None or not self.view.card_key:
            return
        self.show_key_button.setEnabled(False)
        run_in_background(
            self, lambda: sending.record_card_key_use(shop, voucher_id, "shown", "screen"),
            lambda _: self._reveal(voucher_id), errors=self.message,
            always=lambda: self.show_key_button.setEnabled(self.view is not None))

    def _reveal(self, voucher_id: int) -> None:
        """The audit row is written: show the key, unless another voucher is shown now."""
        if voucher_id != self.voucher_id or self.view is None or not self.view.card_key:
            return
        self.key.setText(self.view.card_key)
        self.key_shown = True
        self.show_key_button.setText(self.tr("Hide key"))
        self.hide_timer.start()

    def hide_key(self) -> None:
        self.hide_timer.stop()
        self.key_shown = False
        key = self.view.card_key if self.view is not None else None
        self.key.setText(mask_key(key) if key else "")
        self.show_key_button.setText(self.tr("Show key"))

    # -- copying ----------------------------------------------------------------------------

    def copy_code(self) -> None:
        if self.view is not None:
            QGuiApplication.clipboard().setText(self.view.code)
            self.message.show_info(self.tr("Voucher code copied."))

    def copy_key(self) -> None:
        if self.view is not None and self.view.card_key:
            self.faulty_box = confirm_faulty_key(self, self.view, self._copy_key)

    def _copy_key(self) -> None:
        view = self.view
        if view is not None and view.card_key:
            key, said = view.card_key, self.tr("Card key copied.")
            self._after_key_recorded("text", lambda: self._copied(key, said))

    def copy_text(self) -> None:
        """The voucher in words on the clipboard (the card key too, where there is one)."""
        if self.view is not None:
            self.faulty_box = confirm_faulty_key(self, self.view, self._copy_text)

    def _copy_text(self) -> None:
        if self.view is None:
            return
        text = voucher_send.voucher_message(self.view)
        said = self.tr("Voucher text copied: paste it in a message.")
        if self.view.card_key:
            self._after_key_recorded("text", lambda: self._copied(text, said))
        else:
            self._copied(text, said)

    def _copied(self, text: str, said: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.message.show_info(said)

    def _after_key_recorded(self, channel: str, then: Callable[[], None]) -> None:
        """``then()`` once the key's ``cardkey_sent`` row is written, as Show key does: a key
        never reaches the clipboard without its row."""
        shop, voucher_id = self.shop, self.voucher_id
        if voucher_id is None:
            return
        self.message.clear()
        run_in_background(
            self, lambda: sending.record_card_key_use(shop, voucher_id, "sent", channel),
            lambda _: then(), errors=self.message)
