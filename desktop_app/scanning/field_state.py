"""What a text field holds, taken as a scanner's burst begins to land in it and put back when
the burst turns out to be a scan: a scan is nobody's typing. Put back whole, not by deleting
the burst's characters, because a field keeps what it likes of them (a length limit, a
validator, a spin box's range) and a person's text before the burst must come out as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import shiboken6
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)


def is_text_field(widget: QWidget) -> bool:
    """Where typed characters land as text (and a burst would leave them)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QAbstractSpinBox)


def address(widget: QWidget) -> int:
    """The widget's C++ address: the same widget whatever Python object stands for it."""
    return int(shiboken6.getCppPointer(widget)[0])


def same_widget(one: QWidget, other: QWidget) -> bool:
    """Whether two Python objects stand for one widget (a dead one is no widget)."""
    return (one is other or (shiboken6.isValid(one) and shiboken6.isValid(other)
            and address(one) == address(other)))


@dataclass(frozen=True)
class FieldState:
    field: QWidget
    value: object
    cursor: int = 0
    # Where the field is: a widget of a class of Qt's own reached through a completer list
    # (a file dialog's name box) comes as a new Python object key after key (see wedge).
    at: int = 0
    # A box of text a person types, as the burst found it: the burst is its text even once
    # the box is gone (its dialog closed, QA s42a F1), unless it has a voucher's shape.
    text_box: bool = False

    def followed(self, widget: QWidget) -> FieldState:
        """This state, held by ``widget`` when it is the same field under another wrapper."""
        if widget is self.field or not self.at or address(widget) != self.at:
            return self
        return replace(self, field=widget)

    def put_back(self) -> None:
        field, value = self.field, self.value
        if not shiboken6.isValid(field):
            return
        if isinstance(field, QLineEdit):
            field.setText(str(value))
            field.setCursorPosition(self.cursor)
        elif isinstance(field, QSpinBox):
            field.setValue(int(value))  # type: ignore[call-overload]
        elif isinstance(field, QDoubleSpinBox):
            field.setValue(float(value))  # type: ignore[arg-type]
        elif isinstance(field, QDateTimeEdit):
            field.setDateTime(value)  # type: ignore[arg-type]
        elif isinstance(field, QPlainTextEdit):
            field.setPlainText(str(value))
            _move_cursor(field, self.cursor)
        elif isinstance(field, QTextEdit):
            field.setHtml(str(value))
            _move_cursor(field, self.cursor)


def _move_cursor(field: QPlainTextEdit | QTextEdit, position: int) -> None:
    cursor = field.textCursor()
    cursor.setPosition(min(position, len(field.toPlainText())))
    field.setTextCursor(cursor)


def state_of(field: QWidget) -> FieldState | None:
    """The field's contents now; None for a field this cannot put back."""
    state = _contents_of(field)
    return None if state is None else replace(state, at=address(field),
                                              text_box=is_text_box(field))


def is_text_box(widget: QWidget | None) -> bool:
    """A box of text a person types (not a password box), whether it shows or not."""
    if isinstance(widget, QLineEdit):
        return widget.echoMode() == QLineEdit.EchoMode.Normal
    return isinstance(widget, QPlainTextEdit | QTextEdit)


def _contents_of(field: QWidget) -> FieldState | None:
    if isinstance(field, QLineEdit):
        return FieldState(field, field.text(), field.cursorPosition())
    if isinstance(field, QSpinBox | QDoubleSpinBox):
        return FieldState(field, field.value())
    if isinstance(field, QDateTimeEdit):
        return FieldState(field, field.dateTime())
    if isinstance(field, QPlainTextEdit):
        return FieldState(field, field.toPlainText(), field.textCursor().position())
    if isinstance(field, QTextEdit):
        return FieldState(field, field.toHtml(), field.textCursor().position())
    return None
