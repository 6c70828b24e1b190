"""One way to ask before a change that cannot be taken back: the safe answer is the default.

The box is opened, not exec()ed: nothing in the app waits behind a dialog's own event loop.
Escape, the window's close button and Enter all give the safe answer.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_confirm(parent: QWidget, title: str, text: str, yes: str,
                   action: Callable[[], object], keep: str | None = None,
                   text_width: int = 0) -> QMessageBox:
    """Ask ``text``; ``action`` runs only on ``yes``. ``keep`` names the safe answer when a
    plain "Cancel" would read like the change itself ("Cancel order" beside "Cancel").
    ``text_width``: at least so many pixels for the text, for a list of lines that would
    otherwise wrap one by one (a refund's breakdown)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                      parent)
    if text_width:
        box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {text_width}px; }}")
    confirm = box.button(QMessageBox.StandardButton.Yes)
    confirm.setText(yes)
    if keep:
        box.button(QMessageBox.StandardButton.Cancel).setText(keep)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # The button itself, not accepted(): which signal a role maps to varies across Qt 6.
    box.buttonClicked.connect(lambda button: action() if button is confirm else None)
    box.open()
    return box
