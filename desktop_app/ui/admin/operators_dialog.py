"""The owner's list of operators: add one, disable or enable, reset a password."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import auth, keyslots
from desktop_app.core.auth import OperatorRow
from desktop_app.core.errors import InvalidInput, InvalidState, ShopError
from desktop_app.core.roles import ROLES
from desktop_app.core.store import Shop
from desktop_app.messages import error_message, problem_message, role_label
from desktop_app.ui.admin.operators_model import OperatorTableModel
from desktop_app.ui.session.password_dialog import FittingDialog, NewPasswordFields, PasswordDialog
from desktop_app.ui.tables import (
    fit_columns,
    select_where,
    selected_row,
    setup_table,
)
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    dialog_buttons,
    fit_to_screen,
    frame_with_header,
    hint_label,
    stacked,
)

log = logging.getLogger(__name__)


class OperatorsDialog(FittingDialog):
    """Operators and their roles. Every change runs in the background and says how it went
    right here; the core refuses what a clerk may not do, and this dialog is for owners."""

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.busy = False
        self.loaded = False
        self.child: QDialog | None = None
        self.setWindowTitle(self.tr("Operators"))
        fit_to_screen(self, 640, 460)
        self._build()
        self._update_buttons()
        self.reload()

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        header = HeaderBar(self.tr("Operators"), self.tr(
            "Who may log in to this shop. Clerks redeem vouchers; owners can do everything."),
            self)
        self.model = OperatorTableModel(self.shop.operator.id, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_table(self.table, OperatorTableModel.NAME)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self._double_clicked)
        self.message = MessageLabel(self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(self._build_actions())
        body.addWidget(self.table, 1)
        body.addWidget(self.message)
        body.addWidget(hint_label(self.tr(
            "Disabling removes the operator's key to the shop at once; their records stay. "
            "Enabling them again needs a new password. The last owner cannot be disabled."),
            self))
        body.addWidget(self._build_close())
        frame_with_header(self, header, body)

    def _build_actions(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("Add operator…"), self)
        self.add_button.clicked.connect(self.open_add)
        self.reset_button = QPushButton(self.tr("Reset password…"), self)
        self.reset_button.setToolTip(self.tr("Give the operator a new password, for example "
                                             "when they forgot theirs"))
        self.reset_button.clicked.connect(self.open_reset)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.disable_button.clicked.connect(self.disable_selected)
        self.enable_button = QPushButton(self.tr("Enable…"), self)
        self.enable_button.clicked.connect(self.open_enable)
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(self.add_button)
        row.addStretch(1)
        for button in (self.reset_button, self.disable_button, self.enable_button):
            row.addWidget(button)
        return row

    def _build_close(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton(self.tr("Close"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        return buttons

    # -- loading ----------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        shop = self.shop
        chosen = select_id if select_id is not None else getattr(self.selected(), "id", None)
        run_in_background(self, lambda: auth.list_operators(shop),
                          on_success=lambda rows: self._loaded(rows, chosen),
                          errors=self.message)

    def _loaded(self, rows: list[OperatorRow], select_id: int | None) -> None:
        self.model.set_rows(rows)
        fit_columns(self.table, OperatorTableModel.NAME)
        if select_id is not None:
            select_where(self.table, lambda r: r.id == select_id)
        self.loaded = True
        self._update_buttons()

    def selected(self) -> OperatorRow | None:
        row = selected_row(self.table)
        return row if isinstance(row, OperatorRow) else None

    def select(self, name: str) -> bool:
        return select_where(self.table, lambda r: r.name == name)

    def _update_buttons(self) -> None:
        row = self.selected()
        idle = not self.busy
        self.add_button.setEnabled(idle)
        last_owner = (row is not None and row.active and row.role == "owner"
                      and not self._other_active_owners(row))
        self.disable_button.setEnabled(idle and row is not None and row.active and not last_owner)
        self.disable_button.setToolTip(error_message(InvalidState(
            what="operator", state="last_owner")) if last_owner else "")
        self.enable_button.setEnabled(idle and row is not None and not row.active)
        # Your own password: Change my password, which asks for the current one first.
        self.reset_button.setEnabled(idle and row is not None and row.active
                                     and row.id != self.shop.operator.id)

    def _double_clicked(self) -> None:
        row = self.selected()
        if row is not None and not row.active:
            self.open_enable()
        elif self.reset_button.isEnabled():
            self.open_reset()

    # -- actions ----------------------------------------------------------------------------

    def _open_child(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.child = dialog
        dialog.open()
        return dialog

    def open_add(self) -> AddOperatorDialog:
        dialog = AddOperatorDialog(self.shop, self)
        dialog.added.connect(self._added)
        self._open_child(dialog)
        return dialog

    def _added(self, row: OperatorRow) -> None:
        self.message.show_info(self.tr("{name} was added as {role}. They can log in now.").format(
            name=row.name, role=role_label(row.role).lower()))
        self.reload(row.id)

    def open_reset(self) -> PasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        shop = self.shop
        dialog = PasswordDialog(
            self.tr("Reset password"),
            self.tr("A new password for {name}. Their old one stops working at once; tell them "
                    "the new one in person.").format(name=row.name),
            lambda _current, new: auth.reset_password(shop, row.id, new),
            button_text=self.tr("Reset password"), parent=self)
        dialog.accepted.connect(lambda: self._changed(
            self.tr("{name} has a new password.").format(name=row.name), row.id))
        self._open_child(dialog)
        return dialog

    def open_enable(self) -> PasswordDialog | None:
        row = self.selected()
        if row is None:
            return None
        shop = self.shop
        dialog = PasswordDialog(
            self.tr("Enable {name}").format(name=row.name),
            self.tr("{name} gets a new password: the old one was removed when they were "
                    "disabled.").format(name=row.name),
            lambda _current, new: auth.set_active(shop, row.id, True, new),
            button_text=self.tr("Enable"), parent=self)
        dialog.accepted.connect(lambda: self._changed(
            self.tr("{name} is enabled and can log in with the new password.").format(
                name=row.name), row.id))
        self._open_child(dialog)
        return dialog

    def disable_selected(self) -> None:
        row = self.selected()
        if row is None or self.busy:
            return
        if row.id == self.shop.operator.id and self._other_active_owners(row):
            self._confirm_disabling_yourself(row)
            return
        self._disable(row)

    def _other_active_owners(self, row: OperatorRow) -> bool:
        # The button is off for the last owner; the core refuses it too (another window).
        return any(r.role == "owner" and r.active and r.id != row.id for r in self.model.rows())

    def _confirm_disabling_yourself(self, row: OperatorRow) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Disable yourself?"), self.tr(
            "Disable your own operator, {name}? You can finish what you are doing, but you "
            "cannot log in or unlock with it again until another owner enables it.").format(
            name=row.name), QMessageBox.StandardButton.NoButton, self)
        self.confirm_yes = box.addButton(self.tr("Disable me"),
                                         QMessageBox.ButtonRole.DestructiveRole)
        self.confirm_no = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.confirm_no)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._disable(row) if button is self.confirm_yes else None)
        self.confirm_box = box
        box.open()
        return box

    def _disable(self, row: OperatorRow) -> None:
        shop = self.shop
        self._set_busy(True)
        run_in_background(
            self, lambda: auth.set_active(shop, row.id, False),
            on_success=lambda _: self._changed(self.tr(
                "{name} is disabled and can no longer log in.").format(name=row.name), row.id),
            errors=lambda exc: self._refused(exc, row.id), always=lambda: self._set_busy(False))

    def _refused(self, exc: ShopError, select_id: int) -> None:
        """Said inline, with the list re-read: what refused it may be what changed."""
        self.message.show_error(error_message(exc))
        self.reload(select_id)

    def _changed(self, text: str, select_id: int) -> None:
        self._set_busy(False)
        self.message.show_info(text)
        self.reload(select_id)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()


class AddOperatorDialog(FittingDialog):
    """Name, role and a first password; ``added`` fires with the new operator's row."""

    added = Signal(object)

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.busy = False
        self.setWindowTitle(self.tr("Add operator"))
        self.setMinimumWidth(520)
        self._build()
        self._update()
        self.name.setFocus()

    def _build(self) -> None:
        self.name = QLineEdit(self)
        self.name.setMaxLength(keyslots.MAX_NAME_LENGTH)
        self.name.setPlaceholderText(self.tr("The name they log in with"))
        self.name.textEdited.connect(self._update)
        self.name_message = MessageLabel(self)
        self.role = QComboBox(self)
        for role in reversed(ROLES):  # clerk first: the usual choice, and the safer one
            self.role.addItem(role_label(role), role)
        self.fields = NewPasswordFields(self)
        self.fields.changed.connect(self._update)
        self.fields.confirm.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Name:"), stacked(self, self.name, self.name_message))
        form.addRow(self.tr("Role:"), self.role)
        self.fields.add_rows(form, self.tr("Password:"), self.tr("Repeat password:"))
        self.message = MessageLabel(self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(form)
        body.addWidget(hint_label(self.tr(
            "A clerk works the Redemption tab and sees only their own redemptions. An owner "
            "can do everything, including managing operators and backups."), self))
        body.addWidget(self.message)
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        frame_with_header(self, HeaderBar(self.tr("Add operator"), self.tr(
            "Everyone at the counter gets their own name and password, so the records say who "
            "did what."), self), body)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons, self.add_button, self.cancel_button = dialog_buttons(
            self, self.tr("Add operator"), self.submit, self.tr("Cancel"))
        return buttons

    def _ready(self) -> bool:
        return bool(self.name.text().strip()) and not self.fields.problem()

    def _update(self) -> None:
        self.name_message.clear()
        self.message.clear()
        self.add_button.setEnabled(self._ready() and not self.busy)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.name, self.role, self.cancel_button):
            widget.setEnabled(not busy)
        self.fields.set_enabled(not busy)
        self.add_button.setEnabled(self._ready() and not busy)

    def submit(self) -> None:
        if self.busy or not self._ready():
            return
        shop, name = self.shop, self.name.text().strip()
        role, password = str(self.role.currentData()), self.fields.value()
        self._set_busy(True)
        run_in_background(self, lambda: auth.add_operator(shop, name, role, password),
                          on_success=self._done, errors=self._refused,
                          always=lambda: self._set_busy(False))

    def _done(self, row: OperatorRow) -> None:
        self.fields.clear()
        self.added.emit(row)
        self.accept()

    def _refused(self, exc: ShopError) -> None:
        field = str(exc.params.get("field", ""))
        if isinstance(exc, InvalidInput) and field == "name":
            self.name_message.show_error(problem_message(str(exc.params.get("problem")),
                                                         **exc.params))
            self.name.setFocus()
        elif isinstance(exc, InvalidInput) and field == "password":
            self.fields.show_error(problem_message(str(exc.params.get("problem")),
                                                   **exc.params))
        else:
            self.message.show_error(error_message(exc))

    def reject(self) -> None:
        if self.busy:
            return
        self.fields.clear()
        super().reject()
