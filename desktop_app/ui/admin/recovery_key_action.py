"""Admin → New recovery key… (QA s19b F5): a shop made before recovery keys existed has none,
and a printed key lost or seen by someone must be replaceable. The owner is asked first when
a key exists (the old one stops working), then for their current password (a key made at a
counter its owner stepped away from would let whoever made it set the owner's password with
``recover``), then the new key is shown as at the shop's creation: print, save, copy, and its
last group typed back. A status-bar button tells an owner whose shop has no key, and opens
the same."""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop_app.core import recovery_keys
from desktop_app.core.errors import ShopError
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.session.password_dialog import PasswordDialog
from desktop_app.ui.session.recovery_key_dialog import RecoveryKeyDialog
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import ERROR_COLOR

log = logging.getLogger(__name__)


class NewRecoveryKey(QObject):
    """One run of the flow; ``made`` once the owner has kept the new key. ``running`` until
    then (or until it is cancelled or refused): a second run meanwhile would make a key that
    kills the one on screen."""

    made = Signal()

    def __init__(self, shop: Shop, shop_name: str, tell: Callable[[str], object],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.shop = shop
        self.shop_name = shop_name
        self.tell = tell  # where a refusal is said (the window's notice)
        self.window = parent
        self.question: QMessageBox | None = None
        self.password_dialog: PasswordDialog | None = None
        self.dialog: RecoveryKeyDialog | None = None
        self.running = False
        self.making = False

    def start(self) -> None:
        self.running = True
        shop = self.shop
        run_in_background(self.window, lambda: recovery_keys.has_recovery_key(shop),
                          self._ask, errors=self._refused)

    def _ask(self, exists: bool) -> None:
        if not exists:
            self._make()
            return
        self.question = ask_to_confirm(
            self.window, self.tr("New recovery key"), self.tr(
                "This shop has a recovery key already. A new one replaces it: the old key "
                "stops working at once, wherever it is kept. Make a new key only if the old "
                "one is lost or someone else may have seen it."),
            self.tr("Make a new key"), self._make, keep=self.tr("Keep the old key"))
        self.question.finished.connect(self._question_closed)

    def _question_closed(self) -> None:
        if not self.making:  # kept the old key (a click on Make came first, when made)
            self.running = False

    def bring_to_front(self) -> None:
        for window in (self.dialog, self.password_dialog, self.question):
            if window is not None and shiboken6.isValid(window) and window.isVisible():
                window.raise_()
                window.activateWindow()

    def _make(self) -> None:
        """The owner's current password, proven in the dialog: a wrong one is said there and
        counts toward the login's lockout; nothing is made until it is right."""
        self.making = True
        shop = self.shop
        dialog = PasswordDialog(
            self.tr("New recovery key"), self.tr(
                "Type your current password to make the new recovery key. It is asked even "
                "though you are logged in: with a recovery key, anyone can set an owner's "
                "password."),
            lambda current, _new: recovery_keys.make_new_recovery_key(shop, current, shown=True),
            ask_current=True, ask_new=False, button_text=self.tr("Make the new key"),
            parent=self.window)
        dialog.succeeded.connect(self._show)
        dialog.rejected.connect(self._cancelled)
        self.password_dialog = dialog
        dialog.open()

    def _cancelled(self) -> None:
        self.running = False

    def _show(self, key: str) -> None:
        dialog = RecoveryKeyDialog(key, self.shop_name, self.window,
                                   continue_text=self.tr("I have kept it"))
        dialog.accepted.connect(self._kept)
        self.dialog = dialog
        dialog.open()

    def _kept(self) -> None:
        """Recorded as kept; should that fail, the key works all the same and the next login
        asks for a new one (the safe side)."""
        shop = self.shop

        def done(_: object = None) -> None:
            self.running = False
            self.made.emit()

        run_in_background(self.window, lambda: recovery_keys.recovery_key_kept(shop), done,
                          lambda _exc: done())

    def _refused(self, exc: ShopError) -> None:
        self.running = False
        self.tell(error_message(exc))


class NoRecoveryKeyButton(QPushButton):
    """In an owner's status bar while the shop has no recovery key, or has one the app showed
    that was never confirmed as kept (QA s35a F1: the app died with it on screen); a click
    makes a new one. ``unconfirmed`` fires when the latter is found, for the window to say
    why at once."""

    unconfirmed = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setFlat(True)
        self.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        if not self.shop.is_owner:
            return
        shop = self.shop
        # Said at the counter when the server is away; never an error box from here.
        run_in_background(self, lambda: (recovery_keys.has_recovery_key(shop),
                                         recovery_keys.recovery_key_unconfirmed(shop)),
                          self._show_state,
                          lambda exc: log.warning("recovery key not checked: %s",
                                                  type(exc).__name__), background=True)

    def _show_state(self, state: tuple[bool, bool]) -> None:
        exists, unconfirmed = state
        if exists and unconfirmed:
            self.setText(self.tr("Recovery key not confirmed: make a new one…"))
            self.setToolTip(unconfirmed_key_text())
            self.unconfirmed.emit()
        elif not exists:
            self.setText(self.tr("No recovery key: make one…"))
            self.setToolTip(self.tr(
                "This shop has no recovery key (it was made before they existed). Without "
                "one, a shop whose every owner password is forgotten cannot be opened again. "
                "Make it now, while you are logged in: Admin → New recovery key…"))
        self.setVisible(not exists or unconfirmed)


def unconfirmed_key_text() -> str:
    return QCoreApplication.translate(
        "NoRecoveryKeyButton",
        "The recovery key shown when it was made was never confirmed as kept: the app closed "
        "before its last group was typed back. Nobody can tell whether it was written down. "
        "Make a new one now and keep it: without it, a shop whose every owner password is "
        "forgotten cannot be opened again. Admin → New recovery key…")
