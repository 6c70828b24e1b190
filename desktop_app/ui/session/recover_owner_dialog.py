"""An owner's new password from the shop's recovery key, when every owner password is
forgotten: the owner's name, the key, and the new password twice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import Forbidden, NoRecoveryKey, ShopError
from desktop_app.messages import error_message
from desktop_app.ui.session.password_dialog import PasswordDialog


class RecoverOwnerDialog(PasswordDialog):
    """``succeeded`` carries the shop, opened as the owner named. The name is the dialog's
    own field, filled from the login's: a clerk's name left there (the counter PC's usual
    login) is put right here, the key kept, not by starting over (QA s41a F3)."""

    def __init__(self, location: ShopLocation, owner: str, parent: QWidget | None = None,
                 has_key: bool | None = None) -> None:
        self.location = location
        super().__init__(
            QCoreApplication.translate("PasswordDialog", "Forgotten password"),
            error_message(NoRecoveryKey()) if has_key is False else QCoreApplication.translate(
                "PasswordDialog", "Type an owner's name, the shop's recovery key (shown when "
                "the shop was made, or when an owner last made a new one) and a new password "
                "for that owner."),
            self._recover,
            ask_current=True, current_label=QCoreApplication.translate(
                "PasswordDialog", "Recovery key:"),
            button_text=QCoreApplication.translate("PasswordDialog", "Set new password"),
            parent=parent)
        self.owner.setText(owner)
        self.current.setEchoMode(QLineEdit.EchoMode.Normal)  # a long key: let it be checked
        self.current.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        if has_key is False:  # nothing to type: no key opens this shop
            for field in (self.owner, self.current):
                field.setEnabled(False)
            self.fields.set_enabled(False)
            self.save_button.setEnabled(False)
            self.cancel_button.setText(QCoreApplication.translate("PasswordDialog", "Close"))
        elif not owner:
            self.owner.setFocus()
        self._update()

    def _add_leading_rows(self, form: QFormLayout) -> None:
        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(QCoreApplication.translate(
            "PasswordDialog", "The owner's name, as at the login"))
        self.owner.textChanged.connect(self._update)
        form.addRow(QCoreApplication.translate("PasswordDialog", "Owner:"), self.owner)

    def _ready(self) -> bool:
        return bool(self.owner.text().strip()) and super()._ready()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self.owner.setEnabled(not busy)

    def submit(self) -> None:
        self._named = self.owner.text().strip()  # read here: the key is tried off this thread
        super().submit()

    def _recover(self, key: str, new: str) -> object:
        return self.location.recover(self._named, key, new)

    def _refused(self, exc: ShopError) -> None:
        super()._refused(exc)
        if isinstance(exc, Forbidden):  # a clerk named: the key was right, the name is not
            self.owner.setFocus()
            self.owner.selectAll()
