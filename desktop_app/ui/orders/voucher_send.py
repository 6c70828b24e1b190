"""A voucher sent to the customer: the branded image and the text beside it.

The image is the 80 mm receipt voucher painted by ``printing`` (one way to draw a voucher):
shop name and address line, product, QR, printed code, uses or balance left, validity, and the
card key where there is one. The text says the same in words, for a message or an e-mail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage, QImageWriter

from desktop_app import printing
from desktop_app.core import sending
from desktop_app.core.fileio import atomic_write_bytes, raise_for_os_error
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import VoucherView
from desktop_app.printing import wording
from desktop_app.ui import settings
from desktop_app.ui.folders import documents_folder

SEND_LAYOUT = "receipt80"  # a phone screen's shape: narrow and tall
SEND_DPI = 200  # about 630 pixels wide: sharp in a chat, its QR easy to scan off a phone


def voucher_card_image(view: VoucherView) -> QImage:
    """The voucher as the customer receives it; painted on the GUI thread (fonts)."""
    return printing.voucher_image(view, SEND_LAYOUT, dpi=SEND_DPI)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"PNG"))  # QImage.save's typed overload is refused
    if not writer.write(image):
        raise OSError(f"the voucher image could not be encoded as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def voucher_message(view: VoucherView) -> str:
    """The voucher in words, one fact a line, ready to paste into WeChat, QQ or an e-mail."""
    lines = [*wording.marks(view), view.shop_name]  # a void or used-up copy says so first
    if view.address_line:
        lines.append(view.address_line)
    lines += ["", view.product_name]
    lines += [line for line in (wording.uses_text(view), wording.validity_text(view)) if line]
    lines.append(QCoreApplication.translate("VoucherSend", "Voucher code: {code}").format(
        code=view.code))
    if view.card_key:
        lines.append(QCoreApplication.translate("VoucherSend", "Card key: {key}").format(
            key=view.card_key))
    hint = wording.hint_text(view)  # none on a voucher that may not be used any more
    if hint:
        lines.append(hint)
    if view.voucher_note:
        lines.append(view.voucher_note)
    return "\n".join(lines)


def send_folder() -> Path:
    """Where sent images are kept and save dialogs open: the folder vouchers were last saved
    to, else Documents."""
    saved = settings.VOUCHER_SAVE_FOLDER.text()
    return Path(saved) if saved else documents_folder()


def send_file_name(view: VoucherView) -> str:
    return f"voucher-{view.code}.png"


def record_sent_image(shop: Shop, view: VoucherView, voucher_id: int) -> None:
    """Audit a card key about to leave in the image; worker thread. Before the clipboard,
    as Show key does: a key never leaves without its row, whatever happens to the file."""
    if view.card_key:
        sending.record_card_key_use(shop, voucher_id, "sent", "image")


def save_sent_image(view: VoucherView, png: bytes) -> Path:
    """Keep the image that was sent; worker thread. A folder that is gone or refuses the
    file (a USB stick pulled out) is a ``CannotWrite`` naming the file, as Save PDF says."""
    target = send_folder() / send_file_name(view)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise_for_os_error(exc, target, making_a_file=True)
    atomic_write_bytes(target, png)
    return target
