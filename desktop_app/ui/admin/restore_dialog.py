"""Restore: choose a backup, see what it holds, check the password; then the session swaps
the shop."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import restore
from desktop_app.core.dates import local_time
from desktop_app.core.errors import (
    BackupInvalid,
    ShopError,
)
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.admin.backup_common import backup_filter, restore_refusal_text
from desktop_app.ui.admin.restore_loss_text import loss_text as loss_text
from desktop_app.ui.admin.restore_loss_text import nothing_missing
from desktop_app.ui.admin.restore_request import BackupSummary, describe_backup
from desktop_app.ui.admin.restore_request import RestoreRequest as RestoreRequest
from desktop_app.ui.admin.restore_request import restored_text as restored_text
from desktop_app.ui.display import failure_text
from desktop_app.ui.folders import documents_folder
from desktop_app.ui.session.password_dialog import FittingDialog, password_edit
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    WARNING_COLOR,
    HeaderBar,
    MessageLabel,
    frame_with_header,
    hint_label,
    stacked,
)


class RestoreDialog(FittingDialog):
    """Choose a backup, see what it is, prove an owner's password of it, and confirm.

    The checks that need no closing run here, with the shop still open: a damaged or
    foreign file, or a wrong password, changes nothing. ``confirmed`` then carries the
    request to the session, which closes the shop and restores. Without an open ``shop``
    (one that cannot be opened, from the login screen), ``data_dir`` names its folder;
    ``new_computer``: that folder holds no shop yet (the first start), the shop comes from
    another computer's backup, and the one question asked is what that backup lacks.
    """

    confirmed = Signal(object)  # RestoreRequest

    def __init__(self, shop: Shop | None, parent: QWidget | None = None, *,
                 data_dir: Path | None = None, operator: str = "",
                 new_computer: bool = False) -> None:
        super().__init__(parent)
        self.new_computer = new_computer
        self.data_dir = shop.data_dir if shop is not None else Path(data_dir or "")
        self.shop_id = shop.shop_id if shop is not None else restore.current_shop_id(
            self.data_dir)
        self.busy = False
        self._checked_file = ""  # the file the summary is of, or being checked
        self.summary: BackupSummary | None = None
        self.file_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.loss_box: QMessageBox | None = None
        self._generation = 0
        self.setWindowTitle(self._title())
        self.setMinimumWidth(620)
        self._build()
        self.operator.setText(shop.operator.name if shop is not None else operator)
        self._update()

    def _build(self) -> None:
        self.file = QLineEdit(self)
        self.file.setPlaceholderText(self.tr("The backup file (.vsbackup)"))
        self.file.editingFinished.connect(lambda: self.set_file(self.file.text()))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse_button)
        self.file_message = MessageLabel(self)
        self.operator = QLineEdit(self)
        self.operator.textEdited.connect(self._update)
        self.password = password_edit(self)
        self.password.textEdited.connect(self._update)
        self.password.returnPressed.connect(self.ask_confirmation)
        self.use_recovery_key = QCheckBox(self.tr("Use the recovery key"), self)
        self.use_recovery_key.toggled.connect(self._credential_chosen)
        self.recovery_key = password_edit(self)
        self.recovery_key.setPlaceholderText(self.tr("7 groups of 4, as written on paper"))
        self.recovery_key.textEdited.connect(self._update)
        self.recovery_key.returnPressed.connect(self.ask_confirmation)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Backup file:"), stacked(self, file_row, self.file_message))
        form.addRow(self.tr("Owner:"), self.operator)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Recovery key:"), self.recovery_key)
        form.addRow("", self.use_recovery_key)
        self.form = form
        form.setRowVisible(self.recovery_key, False)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(form)
        body.addWidget(hint_label(self.tr(
            "The name and password of an owner as they were when the backup was made: the "
            "backup is opened with its own keys."), self))
        body.addWidget(hint_label(self.tr(
            "A password changed or recovered since does not open an older backup: use the "
            "shop's recovery key instead."), self))
        body.addWidget(self._build_warning())
        self.message = MessageLabel(self)
        body.addWidget(self.message)
        body.addLayout(self._build_busy_row())
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        subtitle = (self.tr("Bring the shop to this computer from the other computer's backup.")
                    if self.new_computer else
                    self.tr("Put the shop back as it was when a backup was made."))
        frame_with_header(self, HeaderBar(self._title(), subtitle, self), body)

    def _title(self) -> str:
        return (self.tr("Restore a backup from another computer") if self.new_computer
                else self.tr("Restore from backup"))

    def _build_warning(self) -> QLabel:
        label = QLabel(self.tr(
            "The shop is set up here from the backup: its data, operators and passwords as "
            "they were when it was made. Nothing done on the other computer after that is in "
            "it, so the backup to restore is the final one that Shop → Move to another "
            "computer… makes there.") if self.new_computer else self.tr(
            "Restoring closes the shop and replaces all its data with the backup's: orders, "
            "payments and other changes made since the backup are no longer in the shop; "
            "redemptions made since are carried over, and operators disabled since stay "
            "disabled. It needs the shop closed in every other window and counter. The current "
            "data is kept aside in a “before-restore” folder inside the shop folder. Afterwards "
            "everyone logs in again, with the passwords the backup knows."), self)
        label.setWordWrap(True)
        label.setStyleSheet(f"background: #fff4e5; color: {WARNING_COLOR}; padding: 10px;"
                            " border: 1px solid #f5c27a; border-radius: 4px;")
        return label

    def _build_busy_row(self) -> QHBoxLayout:
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedSize(140, 10)
        self.busy_label = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.busy_bar)
        row.addWidget(self.busy_label, 1)
        self.busy_bar.hide()
        self.busy_label.hide()
        return row

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("Restore…"), self)
        self.restore_button.clicked.connect(self.ask_confirmation)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.reject)
        return buttons

    # -- the file ----------------------------------------------------------------------------

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose a backup"), str(documents_folder()))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(backup_filter())
        dialog.fileSelected.connect(self.set_file)
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def set_file(self, path: str) -> None:
        """Read and check the chosen file in the background; say what it is."""
        text = str(path).strip()
        if self.file.text() != text:
            self.file.setText(text)
        if text and text == self._checked_file and (self.busy or self.summary is not None):
            # The field losing focus (a click into Owner) says "edited" again: checking the
            # same file anew disabled the fields under the owner's typing (CI flake).
            return
        self._checked_file = text
        self.summary = None
        self.message.clear()
        self._generation += 1
        generation = self._generation
        if not text:
            self.file_message.clear()
            self._update()
            return
        shop_id = self.shop_id
        self._set_busy(True, self.tr("Checking the backup…"))
        run_in_background(self, lambda: describe_backup(shop_id, Path(text)),
                          on_success=lambda summary: self._described(generation, summary),
                          on_failure=lambda exc: self._file_refused(generation, exc))

    def _described(self, generation: int, summary: BackupSummary) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        if not summary.this_shop:
            self.file_message.show_error(error_message(
                BackupInvalid(problem="foreign", path=self.file.text())))
        else:
            self.summary = summary
            text = (self.tr("A whole backup of this shop, made {moment}.") if self.shop_id
                    else self.tr("A whole backup, made {moment}.") if self.new_computer
                    else self.tr("A whole backup, made {moment}. Restoring checks that it is "
                                 "this shop's."))
            self.file_message.show_info(text.format(moment=local_time(summary.made_at)))
        self._update()

    def _file_refused(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.file_message.show_error(failure_text(exc))
        self._update()

    # -- confirming and checking ---------------------------------------------------------------

    def _credential_chosen(self, recovery: bool) -> None:
        """The recovery key instead of the password: one of the two is typed, never both."""
        self.form.setRowVisible(self.password, not recovery)
        self.form.setRowVisible(self.recovery_key, recovery)
        self.password.clear()
        self.recovery_key.clear()
        (self.recovery_key if recovery else self.password).setFocus()
        self._update()

    def _secret(self) -> str:
        return (self.recovery_key if self.use_recovery_key.isChecked() else self.password).text()

    def _ready(self) -> bool:
        return (self.summary is not None and bool(self.operator.text().strip())
                and bool(self._secret()))

    def _update(self) -> None:
        self.restore_button.setEnabled(self._ready() and not self.busy)
        self.message.clear()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (self.file, self.browse_button, self.operator, self.password,
                       self.recovery_key, self.use_recovery_key, self.cancel_button):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText(text)
        self.restore_button.setEnabled(self._ready() and not busy)

    def ask_confirmation(self) -> QMessageBox | None:
        if not self._ready() or self.busy or self.summary is None:
            return None
        if self.new_computer:  # no shop here to close: what the backup lacks is the question
            self.check_and_restore()
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from backup"), self.tr(
            "Close the shop and replace all its data with the backup made {moment}?").format(
            moment=local_time(self.summary.made_at)), QMessageBox.StandardButton.NoButton,
            self)
        box.setInformativeText(self.tr(
            "Everyone working in this shop on this computer is logged out. The current data is "
            "kept in a “before-restore” folder."))
        self.yes_button = box.addButton(self.tr("Close the shop and restore"),
                                        QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # Enter must not replace the shop's data
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(self._confirmation_answered)
        self.confirm_box = box
        box.open()
        return box

    def _confirmation_answered(self, button: object) -> None:
        self.confirm_box = None
        if button is self.yes_button:
            self.check_and_restore()

    def check_and_restore(self) -> None:
        """Check the file and the password with the shop still open; then hand over."""
        if self.summary is None or self.busy:
            return
        data_dir, path = self.data_dir, Path(self.file.text().strip())
        operator, secret = self.operator.text().strip(), self._secret()
        recovery = self.use_recovery_key.isChecked()
        request = RestoreRequest(path, operator, "" if recovery else secret,
                                 self.summary.made_at, recovery_key=secret if recovery else "")
        self._set_busy(True, self.tr("Checking the backup and the password…"))
        run_in_background(
            self, lambda: restore.check_restore_and_loss(
                data_dir, path, operator, request.password,
                recovery_key=request.recovery_key or None),
            on_success=lambda checked: self._checked(request, checked[1]),
            errors=self._refused, always=lambda: self._set_busy(False))

    def _checked(self, request: RestoreRequest, loss: restore.RestoreLoss) -> None:
        self._set_busy(False)
        request = replace(request, stays_held=loss.stays_held,
                          held_beside=loss.backup.witness_ahead)
        if loss.anything:
            self.ask_about_loss(request, loss)
            return
        self._hand_over(request)

    def _hand_over(self, request: RestoreRequest) -> None:
        self.password.clear()
        self.recovery_key.clear()
        self.accept()
        self.confirmed.emit(request)

    def ask_about_loss(self, request: RestoreRequest, loss: restore.RestoreLoss) -> QMessageBox:
        """Say what the backup lacks, and ask once more: the owner decides with the facts."""
        good = nothing_missing(loss)
        box = QMessageBox(QMessageBox.Icon.Information if good else QMessageBox.Icon.Warning,
                          self.tr("Restore from backup"), loss_text(loss),
                          QMessageBox.StandardButton.NoButton, self)
        self.loss_yes_button = box.addButton(
            self.tr("Restore") if good else self.tr("Restore anyway"),
            QMessageBox.ButtonRole.AcceptRole if good else QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(self.loss_yes_button if good else cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._loss_answered(button, request))
        self.loss_box = box
        box.open()
        return box

    def _loss_answered(self, button: object, request: RestoreRequest) -> None:
        self.loss_box = None
        if button is self.loss_yes_button:
            self._hand_over(request)

    def _refused(self, exc: ShopError) -> None:
        self.message.show_error(restore_refusal_text(exc, self.operator.text().strip()))
        typed = self.recovery_key if self.use_recovery_key.isChecked() else self.password
        typed.clear()
        typed.setFocus()

    def reject(self) -> None:
        if self.busy:
            return
        self.password.clear()
        self.recovery_key.clear()
        super().reject()
