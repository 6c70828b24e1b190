"""The shop's recovery key, shown once at setup: print it, save it as a PDF, copy it; the
owner confirms having kept it by typing its last group before the shop opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QShowEvent,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import ShopError
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.vouchers import normalize
from desktop_app.messages import error_message
from desktop_app.ui.folders import documents_folder
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    frame_with_header,
    grow_to_fit,
    hint_label,
)


def recovery_pdf_bytes(shop_name: str, key: str, texts: tuple[str, str]) -> bytes:
    """The recovery sheet as a PDF at 300 dpi, its Chinese text copyable as typed."""
    from desktop_app.printing.output import pdf_bytes  # as the sheet's fonts: here

    return pdf_bytes(lambda writer: paint_recovery_sheet(writer, shop_name, key, texts))


def paint_recovery_sheet(device: QPagedPaintDevice, shop_name: str, key: str,
                         texts: tuple[str, str]) -> None:
    """One A4 page: the shop, the key large in a fixed-width font, what it is for."""
    from desktop_app.printing.style import font  # here: only the sheet needs the voucher fonts

    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20),
                                     QPageLayout.Unit.Millimeter))
    painter = QPainter(device)
    try:
        area = QRectF(painter.viewport())
        line = area.height() / 30
        title, explanation = texts
        painter.setFont(font(14, bold=True))
        painter.drawText(QRectF(area.left(), area.top(), area.width(), 2 * line),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         f"{title} — {shop_name}")
        painter.setFont(font(18, mono=True))
        painter.drawText(QRectF(area.left(), area.top() + 3 * line, area.width(), 3 * line),
                         Qt.AlignmentFlag.AlignCenter, key)
        painter.setFont(font(10))
        painter.drawText(QRectF(area.left(), area.top() + 7 * line, area.width(), 10 * line),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, explanation)
    finally:
        painter.end()


class RecoveryKeyDialog(QDialog):
    """Shows ``key`` once. ``accepted`` only after the owner typed its last group; closing
    without that is not possible (the key is never shown again)."""

    def __init__(self, key: str, shop_name: str, parent: QWidget | None = None,
                 continue_text: str = "") -> None:
        super().__init__(parent)
        self.key = key
        self.continue_text = continue_text  # a new key for an open shop: not "open the shop"
        self.shop_name = shop_name
        self.last_group = key.rsplit("-", 1)[-1]
        self.file_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self._printer: QPrinter | None = None
        self._warnings: set[str] = set()  # shown here; cleared once the group is retyped
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setMinimumWidth(560)
        self._build()
        self._check()

    def _texts(self) -> tuple[str, str]:
        return (self.tr("Voucher Shop recovery key"), self.tr(
            "If every owner password is forgotten, this key lets an owner set a new one "
            "(login screen: “Owner password forgotten?”, or the command recover NAME). Keep "
            "it on paper, "
            "somewhere safe and away from the shop's computer: whoever has it can open the "
            "shop. It is shown only once."))

    def _build(self) -> None:
        header = HeaderBar(self.tr("Keep your recovery key"), self.tr(
            "The one way back in when every owner password is forgotten."), self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        self.key_label = QLabel(self.key, self)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setStyleSheet("font-family: monospace; font-size: 18pt; padding: 8px;")
        self._keep_whole(self.key_label)
        body.addWidget(self.key_label)
        body.addWidget(hint_label(self._texts()[1], self))
        row = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"), self)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        for button, action in ((self.print_button, self.ask_print),
                               (self.pdf_button, self.ask_pdf),
                               (self.copy_button, self.copy)):
            button.setAutoDefault(False)
            button.clicked.connect(action)
            row.addWidget(button)
        row.addStretch(1)
        body.addLayout(row)
        self.confirm = QLineEdit(self)
        self.confirm.setMaxLength(8)
        self.confirm.setPlaceholderText(self.tr("the last group, {n} characters").format(
            n=len(self.last_group)))
        self.confirm.textEdited.connect(self._check)
        body.addWidget(QLabel(self.tr("To show you kept it, type the key's last group:"), self))
        body.addWidget(self.confirm)
        self.message = MessageLabel(self)
        body.addWidget(self.message)
        self.continue_button = QPushButton(
            self.continue_text or self.tr("I have kept it — open the shop"), self)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        body.addLayout(buttons)
        frame_with_header(self, header, body)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit(self)  # a window manager may first give less than the wrapped text needs

    @staticmethod
    def _keep_whole(label: QLabel) -> None:
        """The key is copied by hand: it never gives up height to a message below it."""
        label.ensurePolished()  # the style sheet's font, so the metrics are the shown ones
        padding = 2 * 8
        label.setMinimumHeight(max(label.sizeHint().height(),
                                   label.fontMetrics().height() + padding))
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def _say(self, show: Callable[[str], None], text: str) -> None:
        """Show ``text`` under the confirmation field; the dialog grows to keep all in view."""
        show(text)
        grow_to_fit(self)

    def _warn(self, text: str) -> None:
        self._warnings.add(text)
        self._say(self.message.show_warning, text)

    def _check(self) -> None:
        typed = normalize(self.confirm.text())
        matches = typed == self.last_group
        self.continue_button.setEnabled(matches)
        if len(typed) >= len(self.last_group) and not matches:
            self._warn(self.tr(
                "“{typed}” is not the key's last group. Compare it with the key above, "
                "character by character, and type the group after its last dash.").format(
                    typed=self.confirm.text().strip()))
        elif self.message.isVisible() and self.message.text() in self._warnings:
            self.message.clear()  # being typed again: the warning no longer applies

    def accept(self) -> None:
        if self.continue_button.isEnabled():
            super().accept()

    def reject(self) -> None:
        self._warn(self.tr(
            "Keep the key first: type its last group to continue."))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key)
        self._say(self.message.show_info, self.tr(
            "Copied. Paste it somewhere safe, then clear the clipboard."))

    def ask_pdf(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the recovery key as PDF"),
                             str(documents_folder() / "voucher-shop-recovery-key.pdf"),
                             self.tr("PDF documents (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_pdf)
        self.file_dialog = dialog
        dialog.open()

    def save_pdf(self, path: str) -> None:
        """One page, painted here (it takes a blink), written whole or not at all: a full
        or read-only disk is said, never "Saved"."""
        target = Path(path).with_suffix(".pdf")
        try:
            atomic_write_bytes(target, recovery_pdf_bytes(self.shop_name, self.key,
                                                          self._texts()))
        except ShopError as exc:
            self._say(self.message.show_error, error_message(exc))
            return
        self._say(self.message.show_info, self.tr("Saved {file}").format(file=str(target)))

    def ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print the recovery key"))
        dialog.accepted.connect(self.print_to)  # QPrintDialog's accepted(QPrinter*)
        self.print_dialog = dialog
        self._printer = printer  # the dialog only borrows it
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        try:
            paint_recovery_sheet(printer, self.shop_name, self.key, self._texts())
        except Exception:  # a printer that refuses: say so here, not as a crash
            self._say(self.message.show_error, self.tr(
                "The printer refused the page. Save it as a PDF instead, or copy the key."))
            return
        self._say(self.message.show_info, self.tr("Sent to the printer."))
