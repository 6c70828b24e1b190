"""A new password typed twice, with its strength; and the dialogs that ask for one.

``PasswordDialog`` serves changing one's own password (the current one first), an owner
resetting an operator's password, and enabling a disabled operator again (a disabled
operator's key slot is gone, so enabling needs a new password); with ``ask_new=False``, only
the current password, proven before an act an open session alone must not do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import auth, keyslots
from desktop_app.core.errors import InvalidInput, ShopError, WrongPassword
from desktop_app.core.store import Shop
from desktop_app.i18n import sentences
from desktop_app.messages import error_message, problem_message
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    StrengthMeter,
    dialog_buttons,
    frame_with_header,
    screen_room,
    stacked,
)

log = logging.getLogger(__name__)

WEAK_BELOW = 2
MAX_PASSWORD_LENGTH = 1024


class FittingDialog(QDialog):
    """A dialog that grows when a message appears in it.

    Qt sizes a window by its layout's minimum, which leaves out how tall word-wrapped text
    gets at the window's width: a message shown later would be squeezed into the fields."""

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit_height()
        return handled

    def fit_height(self) -> None:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = min(layout.totalHeightForWidth(self.width()), screen_room(self).height())
        if needed > self.height():
            self.resize(self.width(), needed)


def password_edit(parent: QWidget, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_PASSWORD_LENGTH)
    edit.setPlaceholderText(placeholder)
    return edit


class NewPasswordFields(QObject):
    """Password, repeat, strength and their messages, as rows of the caller's form (so the
    labels line up with the form's other rows). ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.password = password_edit(parent, self.tr("At least {minimum} characters").format(
            minimum=keyslots.MIN_PASSWORD_LENGTH))
        self.confirm = password_edit(parent)
        self.password_message = MessageLabel(parent)
        self.confirm_message = MessageLabel(parent)
        self._confirm_touched = False
        self.strength = StrengthMeter(parent)
        self.password.textEdited.connect(self._edited)
        self.confirm.textEdited.connect(self._confirm_edited)
        self.confirm.editingFinished.connect(self._confirm_edited)

    def add_rows(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        parent = self.password.parentWidget()
        form.addRow(label, stacked(parent, self.password, self.strength, self.password_message))
        form.addRow(repeat_label, stacked(parent, self.confirm, self.confirm_message))

    def _edited(self) -> None:
        self._show()
        self.changed.emit()

    def _confirm_edited(self) -> None:
        self._confirm_touched = True
        self._edited()

    def value(self) -> str:
        return self.password.text()

    def problem(self) -> str:
        """What still keeps the password from being used; "" when it can be."""
        password, confirm = self.password.text(), self.confirm.text()
        if len(password) < keyslots.MIN_PASSWORD_LENGTH:
            return problem_message("too_short", minimum=keyslots.MIN_PASSWORD_LENGTH)
        if confirm != password:
            return problem_message("mismatch") if confirm else problem_message("required")
        return ""

    def _confirm_problem(self) -> str:
        password, confirm = self.password.text(), self.confirm.text()
        if not confirm or confirm == password:
            return ""
        # Still typing the repeat: only complain once it cannot become equal any more.
        if len(confirm) < len(password) and password.startswith(confirm):
            return ""
        return problem_message("mismatch")

    def _show(self) -> None:
        password = self.password.text()
        score = self.strength.show_for(password)
        if password and score < WEAK_BELOW and len(password) >= keyslots.MIN_PASSWORD_LENGTH:
            self.password_message.show_warning(self.tr(
                "12 or more characters mixing letters, digits and symbols are much harder to "
                "guess."))
        else:
            self.password_message.clear()
        self.confirm_message.show_error(self._confirm_problem() if self._confirm_touched else "")

    def show_error(self, text: str) -> None:
        self.password_message.show_error(text)

    def set_enabled(self, enabled: bool) -> None:
        self.password.setEnabled(enabled)
        self.confirm.setEnabled(enabled)

    def clear(self) -> None:
        """No password left lying in a widget once it was used."""
        self.password.clear()
        self.confirm.clear()
        self._confirm_touched = False
        self._show()


# apply(current, new) runs on the worker thread; each is "" unless it was asked for.
ApplyFn = Callable[[str, str], Any]


class PasswordDialog(FittingDialog):
    """Asks for a new password (and, to change one's own, the current one first), then runs
    ``apply`` in the background. Errors show inline; success accepts the dialog."""

    succeeded = Signal(object)  # what ``apply`` returned

    def __init__(self, title: str, intro: str, apply: ApplyFn, *, ask_current: bool = False,
                 ask_new: bool = True, button_text: str = "", current_label: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._apply = apply
        self.ask_current = ask_current
        self.ask_new = ask_new
        self._current_label = current_label
        self.busy = False
        self.setWindowTitle(title)
        self.setMinimumWidth(500)
        self._build(title, intro, button_text or self.tr("Save password"))
        self._update()
        (self.current if ask_current else self.fields.password).setFocus()

    def _build(self, title: str, intro: str, button_text: str) -> None:
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.current = password_edit(self)
        self.current_message = MessageLabel(self)
        self._add_leading_rows(form)
        if self.ask_current:
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(4)
            column.addWidget(self.current)
            column.addWidget(self.current_message)
            form.addRow(self._current_label or self.tr("Current password:"), box)
            self.current.textEdited.connect(self._update)
        else:
            self.current.hide()
        if self.ask_new:
            self.fields = NewPasswordFields(self)
            self.fields.add_rows(form, self.tr("New password:"), self.tr("Repeat new password:"))
        else:  # kept, out of sight and empty, so the rest of the dialog reads the same
            holder = QWidget(self)
            holder.hide()
            self.fields = NewPasswordFields(holder)
        self.fields.changed.connect(self._update)
        self.fields.confirm.returnPressed.connect(self.submit)
        body.addLayout(form)
        self.message = MessageLabel(self)
        body.addWidget(self.message)
        body.addStretch(1)
        body.addWidget(self._build_buttons(button_text))
        frame_with_header(self, HeaderBar(title, intro, self), body)

    def _add_leading_rows(self, form: QFormLayout) -> None:
        """Rows above the password's, for a dialog that asks more (whose password)."""

    def _build_buttons(self, button_text: str) -> QDialogButtonBox:
        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, button_text, self.submit, self.tr("Cancel"))
        return buttons

    def _ready(self) -> bool:
        return ((not self.ask_new or not self.fields.problem())
                and (not self.ask_current or bool(self.current.text())))

    def _update(self) -> None:
        self.current_message.clear()
        self.message.clear()
        self.save_button.setEnabled(self._ready() and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.current.setEnabled(not busy)
        self.fields.set_enabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self.save_button.setEnabled(self._ready() and not busy)

    def submit(self) -> None:
        if self.busy or not self._ready():
            return
        apply, current, new = self._apply, self.current.text(), self.fields.value()
        self._set_busy(True)
        run_in_background(self, lambda: apply(current, new),
                          on_success=self._done, errors=self._refused,
                          always=lambda: self._set_busy(False))

    def _done(self, result: object) -> None:
        self._set_busy(False)
        self.current.clear()
        self.fields.clear()
        self.accept()
        self.succeeded.emit(result)

    def _refused(self, exc: ShopError) -> None:
        if isinstance(exc, WrongPassword) and self.ask_current:
            self.current.clear()
            self.current.setFocus()
            self.current_message.show_error(error_message(exc))
        elif isinstance(exc, InvalidInput) and exc.params.get("field") == "password":
            self.fields.show_error(problem_message(str(exc.params.get("problem")), **exc.params))
        else:
            self.message.show_error(error_message(exc))
        self.save_button.setEnabled(self._ready())  # a cleared field must be typed again

    def reject(self) -> None:
        if self.busy:
            return  # the key slot is being rewritten: let it finish (a fraction of a second)
        self.current.clear()
        self.fields.clear()
        super().reject()


def change_password_dialog(shop: Shop, parent: QWidget | None = None) -> PasswordDialog:
    """Any operator's own password: the current one first, then the new one twice."""
    return PasswordDialog(
        QCoreApplication.translate("PasswordDialog", "Change my password"),
        sentences(QCoreApplication.translate(
            "PasswordDialog", "Type your current password, then the new one twice. The new "
            "one works from your next login or unlock, at every counter."),
            # QA s39a F20.3: said only at a restore, when the old one may be forgotten
            QCoreApplication.translate(
                "PasswordDialog", "Backups made before the change still open with the current "
                "password (or the shop's recovery key): keep it somewhere safe.")
            if shop.is_owner and not getattr(shop, "url", "") else ""),
        lambda current, new: auth.change_own_password(shop, current, new),
        ask_current=True,
        button_text=QCoreApplication.translate("PasswordDialog", "Change password"),
        parent=parent)
