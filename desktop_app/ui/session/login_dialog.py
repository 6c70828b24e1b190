"""Log in to the shop, or unlock it again after Lock."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import (
    DatabaseCorrupt,
    KeySlotMissing,
    KeySlotsDamaged,
    LockedOut,
    ServerLoginFailed,
    ServerUnreachable,
    ShopError,
    UnknownOperator,
    WrongPassword,
)
from desktop_app.core.recovery_keys import folder_has_recovery_key
from desktop_app.core.store import Shop, open_shop
from desktop_app.i18n import sentences
from desktop_app.messages import error_message, locked_out_wait, server_address
from desktop_app.ui.admin.restore_dialog import RestoreDialog
from desktop_app.ui.admin.restore_request import RestoreRequest, restored_text
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.session import last_operator
from desktop_app.ui.session.busy_row import BusyRow, UnlockFn
from desktop_app.ui.session.demo_panel import DemoOperators, DemoPanel
from desktop_app.ui.session.password_dialog import FittingDialog, PasswordDialog
from desktop_app.ui.session.recover_owner_dialog import RecoverOwnerDialog
from desktop_app.ui.session.restore_here import open_restore_dialog, restore_in_background
from desktop_app.ui.session.scan_notices import (
    fast_text_dropped_text,
    fast_text_kept_text,
    scan_held_text,
    scan_not_password_text,
)
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    dialog_buttons,
    frame_with_header,
    hint_label,
)

if TYPE_CHECKING:
    from desktop_app.ui.counter.server_status import ServerWatcher

log = logging.getLogger(__name__)

FOLDER_TEXT_WIDTH = 460


class LoginDialog(FittingDialog):
    """Operator and password; unlocks in the background. After ``accepted``, see ``shop``.

    ``unlock(operator, password)`` runs on the worker thread and returns the opened shop;
    by default it is ``open_shop`` on ``data_dir``. ``locked`` shows the lock screen of an
    open shop, its operator filled in; a login offers the last operator here (last_operator).
    ``demo_operators`` reads the (name, password, role) rows a click fills in.
    """

    this_pc_requested = Signal()  # a PC on a server goes back to its own folder's shop

    def __init__(
        self,
        data_dir: Path,
        *,
        operator: str = "",
        locked: bool = False,
        demo_operators: DemoOperators | None = None,
        unlock: UnlockFn | None = None,
        shop_name: str | None = None,
        database_url: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.database_url = database_url or ""  # a shop on a server: shown instead of the folder
        self.locked = locked
        self.shop: Shop | None = None
        self.recovery_dialog: PasswordDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.busy = False
        self._server_refusal = ""  # an unlock refused as the server was away, while shown
        self._watcher: ServerWatcher | None = None
        self._unlock = unlock or (lambda name, password: open_shop(self.data_dir, name, password))
        # The shop's name is in the encrypted database: before login only a caller that knows
        # it (the lock screen, the demo) shows it; it is never kept in plain settings.
        self.setMinimumWidth(480)
        self._build(shop_name or "", demo_operators)
        last_operator.offer_operator(self.operator, self.password, operator or (
            "" if locked else last_operator.remembered_operator(self.data_dir, self.database_url)))

    # -- layout -----------------------------------------------------------------------------

    def _build(self, shop_name: str, demo_operators: DemoOperators | None) -> None:
        title = shop_name or self.tr("Voucher Shop")
        if self.locked:
            self.setWindowTitle(self.tr("Locked"))
            subtitle = self.tr("The shop is locked. Enter the password to continue.")
        else:
            self.setWindowTitle(self.tr("Log in"))
            subtitle = self.tr("Log in with your operator name and password.")
        self.header = HeaderBar(title, subtitle, self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        self.message = MessageLabel(self)
        body.addLayout(self._build_form())
        body.addWidget(self.message)
        self.server_line = MessageLabel(self)  # a lock screen's: the shop's server is gone
        body.addWidget(self.server_line)
        if self.locked:
            body.addWidget(hint_label(self.tr("Someone else at the counter? Type your own name "
                                              "and password to log in instead."), self))
        else:
            self.forgot_button = QPushButton(self.tr("Owner password forgotten?"), self)
            self.forgot_button.setFlat(True)
            self.forgot_button.setAutoDefault(False)
            self.forgot_button.clicked.connect(self.ask_recovery)
            # Offered when the shop cannot be opened at all: its cure, a restore, would
            # otherwise wait behind a login that cannot succeed.
            self.restore_button = QPushButton(self.tr("Restore a backup…"), self)
            self.restore_button.setAutoDefault(False)
            self.restore_button.clicked.connect(self.ask_restore)
            self.restore_button.hide()
            links = QHBoxLayout()
            links.addWidget(self.forgot_button)
            links.addStretch(1)
            links.addWidget(self.restore_button)
            if self.database_url:  # the way back to this PC's own shop (QA s11a F11)
                self.this_pc_button = QPushButton(self.tr("Use this PC's own shop…"), self)
                self.this_pc_button.setFlat(True)
                self.this_pc_button.setAutoDefault(False)
                self.this_pc_button.clicked.connect(self.ask_this_pc)
                links.addWidget(self.this_pc_button)
            body.addLayout(links)
        self.busy_row = BusyRow(self)
        body.addWidget(self.busy_row)
        self.demo_panel: DemoPanel | None = None
        if demo_operators is not None:
            panel = self.demo_panel = DemoPanel(demo_operators, self)
            panel.chosen.connect(self._fill_from_demo)
            self.demo_list = panel.demo_list
            body.addWidget(panel)
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        body.addWidget(self._build_folder_label())
        frame_with_header(self, self.header, body)

    def _build_form(self) -> QFormLayout:
        self.operator = QLineEdit(self)
        self.operator.setPlaceholderText(self.tr("Your name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        for field in (self.operator, self.password):
            field.textEdited.connect(self.message.clear)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Operator:"), self.operator)
        form.addRow(self.tr("Password:"), self.password)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        text = self.tr("Unlock") if self.locked else self.tr("Log in")
        buttons, self.login_button, self.quit_button = dialog_buttons(
            self, text, self.submit, self.tr("Quit"))
        return buttons

    def ask_this_pc(self) -> None:
        """This PC leaves the server for the shop in its own folder, once asked: the other
        counters keep the server; a folder whose shop moved there is kept for reading only."""
        self.this_pc_box = ask_to_confirm(
            self, self.tr("This PC's own shop"),
            self.tr("This PC will open the shop kept in its folder {folder} instead of the shop "
                    "on the server {server}. The other counters keep using the server.").format(
                folder=str(self.data_dir), server=server_address(self.database_url)),
            self.tr("Use this PC's shop"), self.this_pc_requested.emit)

    def _build_folder_label(self) -> QLabel:
        """Where the shop is kept: its server when it is on one (this PC's folder then holds
        only logs and local choices), else its folder."""
        if self.database_url:
            place = server_address(self.database_url)
            text = self.tr("Shop server: {server}").format(server=place)
        else:
            place = str(self.data_dir)
            elided = QFontMetrics(self.font()).elidedText(
                place, Qt.TextElideMode.ElideMiddle, FOLDER_TEXT_WIDTH)
            text = self.tr("Shop folder: {folder}").format(folder=elided)
        label = hint_label(text, self)
        label.setToolTip(place)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- behaviour --------------------------------------------------------------------------

    def _fill_from_demo(self, name: str, password: str) -> None:
        self.operator.setText(name)
        self.password.setText(password)
        self.message.clear()
        (self.login_button if password else self.password).setFocus()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Disable the form while something runs (unlocking, preparing the demo shop)."""
        self.busy = busy
        for widget in (self.operator, self.password, self.login_button, self.quit_button):
            widget.setEnabled(not busy)
        if busy:
            self.busy_row.show_busy(text)
        else:
            self.busy_row.hide()

    def show_preparing_demo(self) -> None:
        self.set_busy(True, self.tr("Preparing the demo shop…"))

    def show_scan_held(self, count: int = 1) -> None:
        self.message.show_warning(scan_held_text(count, self.locked))
        self._focus_a_field()  # QA s35b F5: Quit kept the focus and took the password's Enter

    def _focus_a_field(self) -> None:
        """The field the person types in next: the password once a name is there."""
        (self.password if self.operator.text().strip() else self.operator).setFocus()

    def show_fast_text_dropped(self) -> None:
        self.message.show_warning(fast_text_dropped_text())
        self._focus_a_field()

    def show_scan_not_password(self, held: int = 0) -> None:
        self.message.show_warning(scan_not_password_text(held))

    def follow_server(self, watcher: ServerWatcher | None) -> None:
        """The lock screen says while the shop's server cannot be reached (the counter's own
        watch goes on while locked): the cashier knows before unlocking (QA s13a M5)."""
        if watcher is not None:
            self._watcher = watcher
            watcher.reachable_changed.connect(self.show_server_reachable)
            self.show_server_reachable(watcher.reachable)

    def show_server_reachable(self, reachable: bool) -> None:
        self.server_line.show_warning(self._server_line_text(reachable))
        if reachable and self._server_refusal and self.message.text() == self._server_refusal:
            self.message.clear()  # the failed unlock's reason is over (QA s13b N3)

    def _server_line_text(self, reachable: bool) -> str:
        if reachable:
            return ""
        from desktop_app.ui.counter.server_status import refusal_of  # a server's: its driver

        refusal = refusal_of(self._watcher)
        if refusal is not None:
            # A server that refuses this counter (its password): said once, not beside a
            # "cannot be reached … works again when it is back" it never will (QA s39b F11).
            text = error_message(refusal)
            return "" if text == self.message.text() else text
        return self.tr("The shop's server cannot be reached now. Unlocking and redeeming work "
                       "again when it is back; this line then goes away by itself.")

    def show_fast_text_kept(self) -> None:
        self.message.show_info(fast_text_kept_text())

    def submit(self) -> None:
        if self.busy:
            return
        operator, password = self.operator.text().strip(), self.password.text()
        if not operator:
            self.message.show_error(self.tr("Enter your operator name."))
            self.operator.setFocus()
            return
        if not password:
            if not self.operator.hasFocus():  # Enter after the name just moves on
                self.message.show_error(self.tr("Enter your password."))
            self.password.setFocus()
            return
        self.message.clear()
        self.set_busy(True, self.tr("Unlocking the shop…"))
        unlock = self.busy_row.telling_upgrade(self._unlock)
        run_in_background(self, lambda: unlock(operator, password),
                          on_success=self._unlocked, errors=self._refused,
                          always=lambda: self.set_busy(False))

    def ask_recovery(self) -> PasswordDialog | None:
        """The recovery key sets a new password for the owner named above, and logs in."""
        owner = self.operator.text().strip()
        if not owner:
            self.message.show_error(self.tr("Enter the owner's name first."))
            self.operator.setFocus()
            return None
        location = ShopLocation(self.data_dir, self.database_url or None)
        has_key = None if location.on_server else folder_has_recovery_key(self.data_dir)
        dialog = RecoverOwnerDialog(location, owner, self, has_key)
        dialog.succeeded.connect(self._unlocked)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def ask_restore(self) -> RestoreDialog:
        """Restore a backup into this folder, whose shop cannot be opened; then log in."""
        self.restore_dialog = open_restore_dialog(self, self.data_dir,
                                                  self.operator.text().strip(), self._restore)
        return self.restore_dialog

    def _restore(self, request: RestoreRequest) -> None:
        self.message.clear()
        self.set_busy(True, self.tr("Restoring the backup…"))
        restore_in_background(self, self.data_dir, request,
                              restored=lambda aside: self.show_restored(request, aside),
                              refused=self.message.show_error,
                              always=lambda: self.set_busy(False))

    def show_restored(self, request: RestoreRequest, aside: Path | None) -> None:
        """A backup was just restored here (from this screen or the first start's): say so,
        and ask for the password of its owner as it was then."""
        if hasattr(self, "restore_button"):
            self.restore_button.hide()
        self.message.show_info(restored_text(request, aside))
        self.operator.setText(request.operator)
        self.password.setFocus()

    def _unlocked(self, shop: Shop) -> None:
        last_operator.remember_operator(self.data_dir, self.database_url, shop.operator.name)
        self.set_busy(False)
        self.password.clear()
        self.shop = shop
        self.accept()

    def _refused(self, exc: ShopError) -> None:
        self.message.show_error(self._refusal_text(exc))
        if self.demo_panel is not None:
            self.demo_panel.refresh()  # a password changed meanwhile, elsewhere
        self._server_refusal = self.message.text() if isinstance(
            exc, ServerUnreachable | ServerLoginFailed) else ""
        if self._watcher is not None:
            self.show_server_reachable(self._watcher.reachable)  # not said twice
        if not self.locked:
            self.restore_button.setVisible(isinstance(exc, DatabaseCorrupt | KeySlotsDamaged))
        if isinstance(exc, UnknownOperator | KeySlotMissing):
            self.operator.setFocus()
            self.operator.selectAll()
        elif isinstance(exc, WrongPassword):
            self.password.clear()
            self.password.setFocus()

    def _refusal_text(self, exc: ShopError) -> str:
        """``exc`` in words; a wrong password or a wait adds what to do when it is forgotten
        (QA s19a F10), for a clerk and an owner both: roles are in the encrypted database."""
        if exc.params.get("credential") or not isinstance(exc, WrongPassword | LockedOut):
            return error_message(exc)  # the recovery key's, an older backup's: as they are
        said = locked_out_wait(exc) if isinstance(exc, LockedOut) else error_message(exc)
        return sentences(said, self.tr(
            "Forgot your password? A clerk asks the owner to set a new one (Admin → "
            "Operators); an owner clicks Quit, then “Owner password forgotten?” at the login."
        ) if self.locked else self.tr(
            "Forgot your password? A clerk asks the owner to set a new one (Admin → "
            "Operators); an owner clicks “Owner password forgotten?” below."))

    def reject(self) -> None:
        if self.busy:
            return  # the shop is being opened: closing now would leave it half open
        super().reject()
