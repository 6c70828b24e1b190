"""Backups from the desktop app: now, automatically, their settings, and restoring one.

``BackupController`` belongs to an owner's main window: it writes backups on request and
once a day (on the worker thread, never blocking the counter), keeps the status the window
shows, and hands a checked restore request on to the session, which alone may close the shop.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QTimer, Signal
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

from desktop_app.core import backup
from desktop_app.core.backup import BackupStatus
from desktop_app.core.errors import (
    BackupInvalid,
    Forbidden,
    KeySlotMissing,
    ShopError,
    UnknownOperator,
)
from desktop_app.core.models import utc_now
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.ui.display import failure_text, local_time
from desktop_app.ui.session.password_dialog import FittingDialog, password_edit
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    WARNING_COLOR,
    HeaderBar,
    MessageLabel,
    dialog_buttons,
    frame_with_header,
    hint_label,
)

log = logging.getLogger(__name__)

HOUR_MS = 3_600_000
FIRST_CHECK_MS = 120_000  # a while after login: opening the shop comes first


def last_backup_text(status: BackupStatus | None) -> str:
    if status is None or status.last_at is None:
        return QCoreApplication.translate("backups", "never")
    return local_time(status.last_at)


def file_size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def backup_filter() -> str:
    return QCoreApplication.translate("backups", "Voucher Shop backups (*{suffix})").format(
        suffix=backup.SUFFIX)


def same_disk(folder: Path, other: Path) -> bool:
    """Whether ``folder`` lies on the disk that holds ``other`` (False when unsure)."""
    try:
        return os.stat(folder).st_dev == os.stat(other).st_dev
    except OSError:
        return False


@dataclass(frozen=True)
class RestoreRequest:
    """A restore the owner confirmed and whose file and password were checked already."""

    path: Path
    operator: str
    password: str = field(repr=False)
    made_at: dt.datetime


class BackupController(QObject):
    """Backups of one owner's session. Results come back as signals for the window."""

    status_changed = Signal(object)  # BackupStatus
    auto_failed = Signal(str)  # the words to show; the session goes on
    auto_succeeded = Signal(object)  # the Path written
    notice = Signal(str, bool)  # (text, is_problem)
    restore_requested = Signal(object)  # RestoreRequest

    def __init__(self, shop: Shop, window: QWidget) -> None:
        super().__init__(window)
        self.shop = shop
        self.window = window
        self.status: BackupStatus | None = None
        self.auto_running = False
        self.file_dialog: QFileDialog | None = None
        self.settings_dialog: BackupSettingsDialog | None = None
        self.restore_dialog: RestoreDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.check_daily)
        self.first_check = QTimer(self)
        self.first_check.setSingleShot(True)
        self.first_check.timeout.connect(self.check_daily)

    def start(self) -> None:
        """Daily backups: checked a while after login, then every hour."""
        self.timer.start()
        if not self.first_check.isActive():
            self.first_check.start(FIRST_CHECK_MS)

    def stop(self) -> None:
        self.timer.stop()
        self.first_check.stop()

    # -- status ----------------------------------------------------------------------------

    def refresh_status(self) -> None:
        shop = self.shop
        run_in_background(self, lambda: backup.backup_status(shop),
                          on_success=self._status_loaded,
                          on_failure=lambda exc: log.warning("backup status: %s", exc))

    def _status_loaded(self, status: BackupStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    # -- automatic, daily -------------------------------------------------------------------

    def check_daily(self) -> None:
        """A backup if the automatic ones are on and the last is older than a day."""
        if self.auto_running:
            return
        self.auto_running = True
        shop = self.shop
        run_in_background(self, lambda: backup.run_auto_backup(shop, older_than=backup.DAILY),
                          on_success=self._auto_done, on_failure=self._auto_failed)

    def _auto_done(self, written: Path | None) -> None:
        self.auto_running = False
        if written is not None:
            log.info("daily automatic backup written")
            self.auto_succeeded.emit(written)
            if self.shop.is_owner:  # the status and its settings are the owners'
                self.refresh_status()

    def _auto_failed(self, exc: Exception) -> None:
        self.auto_running = False
        log.warning("automatic backup failed: %s", getattr(exc, "code", type(exc).__name__))
        self.auto_failed.emit(failure_text(exc))

    # -- now ---------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Ask where (the save dialog suggests a dated name), then write it in the background."""
        shop = self.shop
        run_in_background(self, lambda: backup.backup_status(shop),
                          on_success=self._ask_where, on_failure=self._failed)

    def _default_path(self, status: BackupStatus) -> Path:
        folder = Path(status.folder) if status.folder else documents_folder()
        if not folder.is_dir():
            folder = documents_folder()
        return folder / backup.backup_name(status.shop_id, utc_now())

    def _ask_where(self, status: BackupStatus) -> None:
        self._status_loaded(status)
        dialog = QFileDialog(self.window, self.tr("Back up the shop"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilter(backup_filter())
        dialog.setDefaultSuffix(backup.SUFFIX.lstrip("."))
        default = self._default_path(status)
        dialog.setDirectory(str(default.parent))
        dialog.selectFile(default.name)
        dialog.fileSelected.connect(lambda chosen: self.write_to(Path(chosen)))
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    def write_to(self, path: Path) -> None:
        shop = self.shop
        run_in_background(self, lambda: backup.write_backup(shop, path),
                          on_success=self._written, on_failure=self._failed)

    def _written(self, path: Path) -> None:
        try:
            size = file_size_text(path.stat().st_size)
        except OSError:
            size = "?"
        self.notice.emit(self.tr("Backup written to {path} ({size}).\nKeep it on another disk "
                                 "or a USB stick, away from this computer.").format(
            path=path, size=size), False)

    def _failed(self, exc: Exception) -> None:
        self.notice.emit(failure_text(exc), True)

    # -- dialogs ------------------------------------------------------------------------------

    def open_settings(self) -> BackupSettingsDialog:
        if self.settings_dialog is None:
            dialog = BackupSettingsDialog(self.shop, self.window)
            dialog.saved.connect(self._status_loaded)
            dialog.finished.connect(self._settings_closed)
            self.settings_dialog = dialog
        self.settings_dialog.show()
        self.settings_dialog.raise_()
        return self.settings_dialog

    def _settings_closed(self) -> None:
        if self.settings_dialog is not None:
            self.settings_dialog.deleteLater()
            self.settings_dialog = None

    def open_restore(self) -> RestoreDialog:
        if self.restore_dialog is None:
            dialog = RestoreDialog(self.shop, self.window)
            dialog.confirmed.connect(self.restore_requested)
            dialog.finished.connect(self._restore_closed)
            self.restore_dialog = dialog
        self.restore_dialog.open()
        return self.restore_dialog

    def _restore_closed(self) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.deleteLater()
            self.restore_dialog = None


# --- settings ---------------------------------------------------------------------------------


class BackupSettingsDialog(FittingDialog):
    """Where automatic backups go, on or off, and when the last one succeeded."""

    saved = Signal(object)  # BackupStatus

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.busy = False
        self.status: BackupStatus | None = None
        self.folder_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Backup settings"))
        self.setMinimumWidth(600)
        self._build()
        self._set_busy(True)
        run_in_background(self, lambda: backup.backup_status(shop), on_success=self._loaded,
                          errors=self.message, always=lambda: self._set_busy(False))

    def _build(self) -> None:
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("A folder on a USB stick or another disk"))
        self.folder.textEdited.connect(self._folder_edited)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse_button)
        self.folder_message = MessageLabel(self)
        self.automatic = QCheckBox(self.tr(
            "Back up automatically: when the app closes, at log out, and once a day"), self)
        self.automatic.toggled.connect(self._check_folder)
        self.last_label = QLabel(self)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        folder_box = QWidget(self)
        column = QVBoxLayout(folder_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(folder_row)
        column.addWidget(self.folder_message)
        form.addRow(self.tr("Backup folder:"), folder_box)
        form.addRow("", self.automatic)
        form.addRow(self.tr("Last successful automatic backup:"), self.last_label)
        self.message = MessageLabel(self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(form)
        body.addWidget(hint_label(self.tr(
            "Backups are encrypted: opening one needs an owner's password. Keep them off this "
            "computer's disk, which could fail or be stolen with the shop. The newest backup "
            "of each of the last 7 days and of the 4 weeks before is kept; older ones are "
            "removed."), self))
        body.addWidget(self.message)
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        frame_with_header(self, HeaderBar(self.tr("Backup settings"), self.tr(
            "Automatic backups keep the shop safe from a broken disk or a lost computer."),
            self), body)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons, self.save_button, self.cancel_button = dialog_buttons(
            self, self.tr("Save"), self.save, self.tr("Cancel"))
        return buttons

    def _loaded(self, status: BackupStatus) -> None:
        self.status = status
        self._set_busy(False)
        self.folder.setText(status.folder)
        self.automatic.setChecked(status.automatic)
        self.last_label.setText(last_backup_text(status))
        self._check_folder()

    def set_folder(self, folder: str) -> None:
        self.folder.setText(folder)
        self._folder_edited()

    def _folder_edited(self) -> None:
        if self.folder.text().strip() and self.status is not None and not self.status.folder:
            self.automatic.setChecked(True)  # choosing a folder is asking for backups there
        self._check_folder()

    def _check_folder(self) -> None:
        text = self.folder.text().strip()
        self.message.clear()
        if not text:
            self.folder_message.show_error(self.tr("Choose a folder for automatic backups.")
                                           if self.automatic.isChecked() else "")
        elif not Path(text).is_dir():
            self.folder_message.show_warning(self.tr(
                "This folder is not there now. Plug in the USB stick or disk, or choose "
                "another folder; until then automatic backups fail with a warning."))
        elif same_disk(Path(text), self.shop.data_dir):
            self.folder_message.show_warning(self.tr(
                "This folder is on the same disk as the shop: if the disk fails, both are "
                "lost. A USB stick or another disk is safer."))
        else:
            self.folder_message.clear()
        self._update_save()

    def _update_save(self) -> None:
        missing = self.automatic.isChecked() and not self.folder.text().strip()
        self.save_button.setEnabled(not self.busy and self.status is not None and not missing)

    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose the backup folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        current = self.folder.text().strip()
        if current and Path(current).is_dir():
            dialog.setDirectory(current)
        dialog.fileSelected.connect(self.set_folder)
        dialog.finished.connect(dialog.deleteLater)
        self.folder_dialog = dialog
        dialog.open()
        return dialog

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.folder, self.browse_button, self.automatic):
            widget.setEnabled(not busy)
        self._update_save()

    def save(self) -> None:
        if self.busy:
            return
        shop, folder, automatic = self.shop, self.folder.text().strip(), self.automatic.isChecked()
        self._set_busy(True)
        run_in_background(self, lambda: backup.set_backup_settings(shop, folder, automatic),
                          on_success=self._saved, errors=self.message,
                          always=lambda: self._set_busy(False))

    def _saved(self, status: BackupStatus) -> None:
        self.saved.emit(status)
        self.accept()


# --- restore ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupSummary:
    made_at: dt.datetime
    this_shop: bool


def describe_backup(shop: Shop, path: Path) -> BackupSummary:
    """Read and check the whole file (on the worker thread); only a summary comes back."""
    info = backup.read_backup(path)
    return BackupSummary(info.created_at, info.shop_id == shop.shop_id)


class RestoreDialog(FittingDialog):
    """Choose a backup, see what it is, prove an owner's password of it, and confirm.

    The checks that need no closing run here, with the shop still open: a damaged or
    foreign file, or a wrong password, changes nothing. ``confirmed`` then carries the
    request to the session, which closes the shop and restores.
    """

    confirmed = Signal(object)  # RestoreRequest

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.busy = False
        self.summary: BackupSummary | None = None
        self.file_dialog: QFileDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._generation = 0
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setMinimumWidth(620)
        self._build()
        self.operator.setText(shop.operator.name)
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
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        file_box = QWidget(self)
        column = QVBoxLayout(file_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addLayout(file_row)
        column.addWidget(self.file_message)
        form.addRow(self.tr("Backup file:"), file_box)
        form.addRow(self.tr("Owner:"), self.operator)
        form.addRow(self.tr("Password:"), self.password)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(form)
        body.addWidget(hint_label(self.tr(
            "The name and password of an owner as they were when the backup was made: the "
            "backup is opened with its own keys."), self))
        body.addWidget(self._build_warning())
        self.message = MessageLabel(self)
        body.addWidget(self.message)
        body.addLayout(self._build_busy_row())
        body.addStretch(1)
        body.addWidget(self._build_buttons())
        frame_with_header(self, HeaderBar(self.tr("Restore from backup"), self.tr(
            "Put the shop back as it was when a backup was made."), self), body)

    def _build_warning(self) -> QLabel:
        label = QLabel(self.tr(
            "Restoring closes the shop and replaces all its data with the backup's: changes "
            "made since the backup are no longer in the shop. The current data is kept aside "
            "in a “before-restore” folder inside the shop folder. Afterwards everyone logs in "
            "again, with the passwords the backup knows."), self)
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
        dialog = QFileDialog(self, self.tr("Choose a backup"))
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
        self.summary = None
        self.message.clear()
        self._generation += 1
        generation = self._generation
        if not text:
            self.file_message.clear()
            self._update()
            return
        shop = self.shop
        self._set_busy(True, self.tr("Checking the backup…"))
        run_in_background(self, lambda: describe_backup(shop, Path(text)),
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
            self.file_message.show_info(self.tr(
                "A whole backup of this shop, made {moment}.").format(
                moment=local_time(summary.made_at)))
        self._update()

    def _file_refused(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.file_message.show_error(failure_text(exc))
        self._update()

    # -- confirming and checking ---------------------------------------------------------------

    def _ready(self) -> bool:
        return (self.summary is not None and bool(self.operator.text().strip())
                and bool(self.password.text()))

    def _update(self) -> None:
        self.restore_button.setEnabled(self._ready() and not self.busy)
        self.message.clear()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        for widget in (self.file, self.browse_button, self.operator, self.password,
                       self.cancel_button):
            widget.setEnabled(not busy)
        self.busy_bar.setVisible(busy)
        self.busy_label.setVisible(busy)
        self.busy_label.setText(text)
        self.restore_button.setEnabled(self._ready() and not busy)

    def ask_confirmation(self) -> QMessageBox | None:
        if not self._ready() or self.busy or self.summary is None:
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
        data_dir, path = self.shop.data_dir, Path(self.file.text().strip())
        operator, password = self.operator.text().strip(), self.password.text()
        made_at = self.summary.made_at
        self._set_busy(True, self.tr("Checking the backup and the password…"))
        run_in_background(
            self, lambda: backup.check_restore(data_dir, path, operator, password),
            on_success=lambda _info: self._checked(
                RestoreRequest(path, operator, password, made_at)),
            errors=self._refused, always=lambda: self._set_busy(False))

    def _checked(self, request: RestoreRequest) -> None:
        self._set_busy(False)
        self.password.clear()
        self.accept()
        self.confirmed.emit(request)

    def _refused(self, exc: ShopError) -> None:
        self.message.show_error(restore_refusal_text(exc, self.operator.text().strip()))
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if self.busy:
            return
        self.password.clear()
        super().reject()


def restore_refusal_text(exc: ShopError, operator: str) -> str:
    """Why a restore was refused, in the backup's terms rather than the open shop's."""
    if isinstance(exc, KeySlotMissing | UnknownOperator):
        return QCoreApplication.translate(
            "backups", "There is no operator named “{name}” in this backup. Use the name of "
            "an owner as it was when the backup was made.").format(name=operator)
    if isinstance(exc, Forbidden):
        return QCoreApplication.translate(
            "backups", "“{name}” is not an active owner in this backup. Only an owner of the "
            "backup can restore it.").format(name=operator)
    return error_message(exc)
