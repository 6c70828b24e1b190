"""The vouchers of a paid order on screen, one at a time (a batch may hold thousands), shown by
``VoucherCard``; a gift card's balance and ledger below it (``GiftCardBox``). Above it: Send
(an image on the clipboard, saved too, to paste into WeChat, QQ or an e-mail), Save QR code
(the QR alone), Save PDF and Print on A4, 58 mm or 80 mm paper; a card key leaving by any of
them is audited as sent, one marked faulty asks first. Reads and PDFs run on the worker
thread; printing and the sent image paint on the GUI thread, as Qt asks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import printing
from desktop_app.core import vouchers
from desktop_app.core.errors import ShopError
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.messages import error_message
from desktop_app.ui import settings
from desktop_app.ui.display import breakable_path, failure_text
from desktop_app.ui.orders import voucher_send
from desktop_app.ui.orders.giftcard_box import GiftCardBox
from desktop_app.ui.orders.message_in_sight import MessageInSight
from desktop_app.ui.orders.voucher_card import VoucherCard, confirm_faulty_key
from desktop_app.ui.orders.voucher_output import (
    audited_views,
    load_voucher,
    receipt_printer,
    with_suffix,
)
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import give_shortcut, widget_font


class VoucherPanel(QWidget):
    """Shows the vouchers ``show_vouchers`` is given, one at a time. ``busy`` while working."""

    saved = Signal(str)  # a file was written

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.order_id: int | None = None
        self.voucher_ids: list[int] = []
        self.void_ids: frozenset[int] = frozenset()  # shown, reprinted one by one, not in "all"
        self.position = 0
        self.searched: int | None = None  # the voucher the Orders search named, if any
        self.view: VoucherView | None = None
        self.busy = False
        self.file_dialog: QFileDialog | None = None
        self.faulty_box: QMessageBox | None = None  # asks before a faulty key leaves
        self.print_dialog: QPrintDialog | None = None
        # The printer the dialog sets up; tests hand in one that writes a PDF.
        self.make_printer: Callable[[], QPrinter] = receipt_printer
        self._build()
        self._show_view(None)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.all_vouchers = QCheckBox(self)
        self.all_vouchers.setToolTip(self.tr("Save or print every voucher of this order, "
                                             "not only the one shown"))
        self.message = MessageInSight(self)
        # Wrapped to the panel's width: a saved file's long path must not widen the panel,
        # squeezing the order's lines beside it (QA s43a F1).
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.card = VoucherCard(self.shop, self.message, self)
        self.giftcard = GiftCardBox(self.shop, self)
        self.giftcard.hide()
        self.giftcard.changed.connect(lambda: self.go_to(self.position))  # the new balance
        # Under the buttons that report into it, not below the card: at 1024x768 the order's
        # detail is shorter than the voucher, and a message down there went unseen (QA s10c F9).
        self._build_top()
        self.rows = [QHBoxLayout() for _ in range(3)]  # arranged by set_narrow
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        for row in self.rows:
            row.setSpacing(6)
            column.addLayout(row)
        column.addWidget(self.card)
        column.addWidget(self.giftcard)
        self.narrow = True
        self.set_narrow(False)

    def set_narrow(self, narrow: bool) -> None:
        """Above the card: which voucher is shown and what to make of it in one row, then
        "all vouchers" and the message; narrow (beside the order), the buttons in a row of
        their own, "all vouchers" beside the voucher's number."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        for row in self.rows:
            while row.takeAt(0) is not None:
                pass
        top, buttons, said = self.rows
        for label in (self.previous_button, self.title, self.next_button):
            top.addWidget(label)
        if narrow:
            top.addWidget(self.all_vouchers)
        top.addStretch(1)
        for widget in (self.send_button, self.layout_choice, self.png_button, self.pdf_button,
                       self.print_button):
            (buttons if narrow else top).addWidget(widget)
        buttons.addStretch(1)
        if not narrow:
            said.addWidget(self.all_vouchers)
        said.addWidget(self.message, 1)

    def says_something(self) -> bool:
        """Whether the message above the card is shown."""
        return not self.message.isHidden()

    def wide_min_width(self) -> int:
        """The width the panel needs with everything above the card in one row."""
        widgets: tuple[QWidget, ...] = (
            self.previous_button, self.title, self.next_button, self.send_button,
            self.layout_choice, self.png_button, self.pdf_button, self.print_button)
        return sum(widget.minimumSizeHint().width() + 6 for widget in widgets) - 6

    def _build_top(self) -> None:
        """Which voucher is shown, and what to make of it."""
        self.title = QLabel(self)
        self.title.setFont(widget_font(self.title, bold=True))
        self.previous_button = QToolButton(self)
        self.previous_button.setText("‹")
        self.previous_button.setToolTip(self.tr("Previous voucher"))
        self.previous_button.clicked.connect(lambda: self.go_to(self.position - 1))
        self.next_button = QToolButton(self)
        self.next_button.setText("›")
        self.next_button.setToolTip(self.tr("Next voucher"))
        self.next_button.clicked.connect(lambda: self.go_to(self.position + 1))
        self.layout_choice = QComboBox(self)
        self.layout_choice.setToolTip(self.tr("Paper for Save PDF and Print"))
        for layout, text in (("a4", self.tr("A4 sheet")), ("receipt58", self.tr("58 mm receipt")),
                             ("receipt80", self.tr("80 mm receipt"))):
            self.layout_choice.addItem(text, layout)
        saved = settings.VOUCHER_LAYOUT.read()
        self.layout_choice.setCurrentIndex(max(0, self.layout_choice.findData(saved)))
        self.layout_choice.currentIndexChanged.connect(
            lambda: settings.VOUCHER_LAYOUT.write(self.print_layout()))
        # Named for what it saves (QA s35a F3: "Save PNG" read as the voucher's picture, which
        # Send makes, with the shop, product and code around the QR).
        self.png_button = QPushButton(self.tr("Save QR code…"), self)
        self.png_button.setToolTip(self.tr(
            "The QR code alone, as a PNG image. The whole voucher as a picture: Send"))
        self.png_button.clicked.connect(self.ask_png)
        self.pdf_button = QPushButton(self.tr("Save PDF…"), self)
        self.pdf_button.setToolTip(self.tr("The printable voucher on the chosen paper"))
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.ask_print)
        give_shortcut(self.print_button, "Ctrl+P")
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setToolTip(self.tr("The voucher as an image on the clipboard (and "
                                            "saved), to paste into WeChat, QQ or an e-mail"))
        self.send_button.clicked.connect(self.send_image)

    # -- what is shown ----------------------------------------------------------------------

    def show_vouchers(self, order_id: int, voucher_ids: list[int],
                      void_ids: Collection[int] = (), searched: int | None = None) -> None:
        """The vouchers to show (valid ones oldest first, then the ``void_ids`` of a refund);
        the first is loaded at once, or the one a search named (``searched``) when it is
        newly named: a re-read keeps the voucher the owner went to."""
        same = order_id == self.order_id and voucher_ids == self.voucher_ids
        self.order_id = order_id
        self.voucher_ids = list(voucher_ids)
        self.void_ids = frozenset(void_ids)
        if not same:
            self.message.clear()
            self.position = 0
        if searched != self.searched and searched in self.voucher_ids:
            self.position = self.voucher_ids.index(searched)
        self.searched = searched
        self.go_to(min(self.position, max(0, len(voucher_ids) - 1)))

    def go_to(self, position: int) -> None:
        if not self.voucher_ids or not 0 <= position < len(self.voucher_ids):
            self._show_view(None)
            return
        self.position = position
        shop, voucher_id = self.shop, self.voucher_ids[position]
        self.card.hide_key()  # at once: the next voucher may take a moment to read
        self._update_navigation()
        run_in_background(self, lambda: load_voucher(shop, voucher_id),
                          lambda loaded: self._loaded(voucher_id, loaded), errors=self.message)

    def _loaded(self, voucher_id: int, loaded: tuple[VoucherView, list[list[bool]]]) -> None:
        if (self.position >= len(self.voucher_ids)
                or self.voucher_ids[self.position] != voucher_id):
            return  # the owner moved on meanwhile
        view, matrix = loaded
        self._show_view(view, voucher_id, matrix)

    def _show_view(self, view: VoucherView | None, voucher_id: int | None = None,
                   matrix: list[list[bool]] | None = None) -> None:
        self.view = view
        self.card.show_view(voucher_id if view is not None else None, view, matrix)
        card_id = voucher_id if view is not None and view.balance_cents is not None else None
        # Re-read on every showing, the same card too: a spend or an undo at the counter
        # changed its balance, ledger and whether it may be cashed out.
        self.giftcard.show_card(card_id)
        self._update_navigation()

    def _update_navigation(self) -> None:
        count = len(self.voucher_ids)
        self.title.setText(self.tr("Voucher {position} of {count}").format(
            position=self.position + 1, count=count) if count > 1 else self.tr("Voucher"))
        for widget in (self.previous_button, self.next_button):
            widget.setVisible(count > 1)
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < count - 1)
        valid, void = len(self.valid_ids()), len(self.voucher_ids) - len(self.valid_ids())
        if void:
            text = self.tr("Save and print all {count} valid vouchers ({void} void left out)")
        else:
            text = self.tr("Save and print all {count} vouchers")
        self.all_vouchers.setText(text.format(count=valid, void=void))
        self.all_vouchers.setVisible(valid > 1)
        self._update_buttons()

    def valid_ids(self) -> list[int]:
        """What "all" prints: a shop owner wants the usable vouchers, not the void ones."""
        return [one for one in self.voucher_ids if one not in self.void_ids]

    def _update_buttons(self) -> None:
        ready = self.view is not None and not self.busy
        self.card.set_ready(ready)
        for button in (self.send_button, self.png_button, self.pdf_button, self.print_button):
            button.setEnabled(ready)

    def print_layout(self) -> str:
        return str(self.layout_choice.currentData())

    def set_layout(self, layout: str) -> None:
        self.layout_choice.setCurrentIndex(self.layout_choice.findData(layout))

    def _chosen_ids(self) -> list[int]:
        if self.all_vouchers.isVisible() and self.all_vouchers.isChecked():
            return self.valid_ids()
        return [self.voucher_ids[self.position]] if self.voucher_ids else []

    # -- sending ----------------------------------------------------------------------------

    def send_image(self) -> None:
        """The branded voucher image on the clipboard, and saved in the background."""
        self.faulty_box = confirm_faulty_key(self, self.view, self._send_image)

    def _send_image(self) -> None:
        """A card key is audited first; then the clipboard; then the file, whose failure
        leaves the copy on the clipboard and says both."""
        if self.view is None:
            return
        view, voucher_id, shop = self.view, self.voucher_ids[self.position], self.shop
        self._set_busy(True)
        self.message.clear()
        if not view.card_key:
            self._copy_and_save(view)
            return
        # Busy until the file is saved: ended here only when the audit failed, so the buttons
        # do not come back between the audit and the save (QA s10c: busy set twice).
        recorded = run_in_background(
            self, lambda: voucher_send.record_sent_image(shop, view, voucher_id),
            lambda _: self._copy_and_save(view), errors=self.message)
        recorded.failed.connect(lambda _: self._set_busy(False))

    def _copy_and_save(self, view: VoucherView) -> None:
        """Still busy since ``_send_image``: the copy, then the file in the background."""
        image = voucher_send.voucher_card_image(view)  # painting: here, on the GUI thread
        QGuiApplication.clipboard().setImage(image)
        png = voucher_send.png_bytes(image)

        def saved(target: Path) -> None:
            self.message.show_info(self.tr(
                "Voucher image copied: paste it into WeChat, QQ or an e-mail. Saved as {file}"
            ).format(file=breakable_path(str(target))))
            self.saved.emit(str(target))

        def not_saved(exc: ShopError) -> None:  # the copy went through all the same
            self.message.show_warning(self.tr(
                "Voucher image copied: paste it into WeChat, QQ or an e-mail. It was not "
                "saved as a file: {problem}").format(problem=error_message(exc)))

        run_in_background(self, lambda: voucher_send.save_sent_image(view, png), saved,
                          errors=not_saved, always=lambda: self._set_busy(False))

    # -- files ------------------------------------------------------------------------------

    def _ask_save(self, title: str, name: str, name_filter: str, suffix: str,
                  then: Callable[[str], None]) -> None:
        dialog = QFileDialog(self, title, str(voucher_send.send_folder() / name), name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix)
        dialog.fileSelected.connect(then)
        self.file_dialog = dialog
        dialog.open()  # not exec(): the counter keeps working behind it

    def _file_stem(self) -> str:
        if self.view is None:
            return "voucher"
        if self._chosen_ids() != [self.voucher_ids[self.position]]:
            return f"order-{self.order_id}-vouchers"
        return f"voucher-{self.view.code}"

    def ask_png(self) -> None:
        self._ask_save(self.tr("Save the QR code"), f"{self._file_stem()}.png",
                       self.tr("PNG images (*.png)"), "png", self.save_png)

    def ask_pdf(self) -> None:
        self.faulty_box = confirm_faulty_key(self, self.view, self._ask_pdf)

    def _ask_pdf(self) -> None:
        self._ask_save(self.tr("Save vouchers as PDF"), f"{self._file_stem()}.pdf",
                       self.tr("PDF documents (*.pdf)"), "pdf", self.save_pdf)

    def save_png(self, path: str) -> None:
        """The current voucher's QR alone, quiet zone included, to ``path``."""
        if self.view is None:
            return
        target, payload = with_suffix(path, ".png"), self.view.payload
        self._work(lambda: atomic_write_bytes(target, vouchers.qr_png(payload)), target)

    def save_pdf(self, path: str) -> None:
        """The chosen vouchers, printable in the chosen layout, to ``path``."""
        if self.view is None:
            return
        target, shop, ids = with_suffix(path, ".pdf"), self.shop, self._chosen_ids()
        layout = self.print_layout()
        self._work(lambda: printing.write_voucher_pdf(target, audited_views(shop, ids, "pdf"),
                                                      layout), target)

    def _work(self, work: Callable[[], Any], target: Path) -> None:
        settings.VOUCHER_SAVE_FOLDER.write(str(target.parent))
        self._set_busy(True)
        self.message.clear()

        def done(_: object) -> None:
            self.message.show_info(self.tr("Saved {file}").format(file=str(target)))
            self.saved.emit(str(target))

        run_in_background(self, work, done, errors=self.message,
                          always=lambda: self._set_busy(False))

    # -- printing ---------------------------------------------------------------------------

    def ask_print(self) -> None:
        self.faulty_box = confirm_faulty_key(self, self.view, self._ask_print)

    def _ask_print(self) -> None:
        if self.view is None:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print vouchers"))
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        self._printer = printer  # the dialog only borrows it
        # QDialog's open(): PySide6 binds QPrintDialog.open to the (receiver, member) overload
        # only, so the plain call raised a TypeError. Not exec(): the counter keeps working.
        QDialog.open(dialog)

    def print_to(self, printer: QPrinter) -> None:
        """Print the chosen vouchers on ``printer``: views read in the background, then painted
        here, on the GUI thread, as painting on a printer must be."""
        shop, ids, layout = self.shop, self._chosen_ids(), self.print_layout()
        self._set_busy(True)
        self.message.clear()

        def paint(views: list[VoucherView]) -> None:
            try:
                printing.print_vouchers(printer, views, layout)
            except OSError:  # offline, removed, refused; a PDF "file" that is a folder (QA s39a F2)
                self.message.show_error(self.tr(
                    "The printer could not be opened: nothing was printed. Check that it is on "
                    "and connected, or choose another; to print to a PDF file, give it a file "
                    "name."))
                return
            except Exception as exc:  # a printer that refuses: say so here, not as a crash
                self.message.show_error(failure_text(exc))
                return
            self.message.show_info(self.tr("Sent to the printer."))

        run_in_background(self, lambda: audited_views(shop, ids, "print"), paint,
                          errors=self.message, always=lambda: self._set_busy(False))

    # -- state ------------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()
