"""What a scanner's burst over a window is: a voucher to redeem, or text for the field it was
typed into. The rule of the application-wide filter (``app_scanner.ApplicationScanner``),
which reads every window but the counter's own (whose filter takes every burst: its fields
are the counter's, its scan field first of all).

* In a field a person types text into (a line or text box, shown, enabled, editable, not a
  password box), a burst is that field's text, as a keyboard wedge types it (a payment's code
  scanned into a reload's Reference), unless it has a voucher's shape: a voucher is redeemed
  wherever the cashier scans it, over any dialog.
* In a password box, a burst with a voucher's shape is one; a burst of digits alone (a
  product's barcode, a payment code) is no password: the filter takes it out and says so;
  in a PIN box, any burst, from four characters (QA s35b F7: a short barcode was tried as
  a gift card's PIN and counted towards its lock);
  anything else stays, as a password manager types it (QA s10a F7: auto-typed passwords
  were emptied, or redeemed and shown on the counter's list). Its Enter is swallowed there
  too: the person confirms it, so a scanner's stray text is never tried as a password.
* Elsewhere (a button, a list, a spin box, nothing focused) a burst that could be a voucher by
  its length is a scan, so the counter says what it was; other fast text is given back.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from desktop_app.core.vouchers import PAYLOAD_LEN, has_voucher_shape, normalize

# A printed code has 17 symbols, a payload 39; the typed-code box takes 64.
SCAN_MIN_CHARS, SCAN_MAX_CHARS = 16, 64
# A PIN box (a password box marked with this property) takes 4 to 6 digits: a burst that short
# at a scanner's pace is a short barcode scanned by mistake (a shelf label, a member card),
# never a PIN a person types, so it counts as a scanner's from this many characters.
PIN_BOX = "pin_box"
PIN_SCAN_MIN_CHARS = 4


def could_be_a_voucher(text: str) -> bool:
    """Whether a fast burst may be a voucher, by its length and spaces alone. Other fast text
    (too short or long, spaced: a tool typing a name) is left where it was typed."""
    text = text.strip()
    return (SCAN_MIN_CHARS <= len(text) <= SCAN_MAX_CHARS
            and not any(char.isspace() for char in text))


def is_password_box(widget: QWidget | None) -> bool:
    return isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal


def is_pin_box(widget: QWidget | None) -> bool:
    return is_password_box(widget) and bool(widget.property(PIN_BOX))  # type: ignore[union-attr]


def takes_typed_text(widget: QWidget | None) -> bool:
    """A field whose text a person types, shown and open to typing; a password box is not."""
    if not isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) or is_password_box(widget):
        return False
    return widget.isVisible() and widget.isEnabled() and not widget.isReadOnly()


def is_a_scan(text: str, typed_into: QWidget | None, *, into_text_box: bool = False) -> bool:
    """Whether a scanner's burst, landed in ``typed_into`` (None: in no text field, or one
    gone since), is a scan to redeem rather than text for where it was typed.
    ``into_text_box``: it landed in a box of text a person types, which may be gone since: a
    dialog shut right after a path was typed fast into it took the path along; it did not
    leave it behind as a scan (QA s42a F1)."""
    if into_text_box or takes_typed_text(typed_into) or is_password_box(typed_into):
        return has_voucher_shape(text)
    return could_be_a_voucher(text)


def is_a_barcode(text: str) -> bool:
    """Digits alone: a product's barcode or a payment code, never a password typed fast."""
    return text.strip().isdigit()


def is_a_payload(text: str) -> bool:
    """A voucher's QR payload: 39 symbols nobody types by hand, only a scanner sends, however
    slowly (a printed code, 17 symbols, may be a person's typing)."""
    return len(normalize(text)) == PAYLOAD_LEN and has_voucher_shape(text)
