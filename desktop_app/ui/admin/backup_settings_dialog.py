"""Backup settings: the folder automatic backups go to, and whether they are made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import backup
from desktop_app.core.backup import BackupStatus
from desktop_app.core.store import Shop
from desktop_app.messages import problem_message
from desktop_app.ui.admin.backup_common import (
    file_size_text,
    folder_field,
    last_backup_text,
    open_folder_chooser,
    same_disk,
)
from desktop_app.ui.session.password_dialog import FittingDialog
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import (
    MARGIN,
    SPACING,
    HeaderBar,
    MessageLabel,
    dialog_buttons,
    frame_with_header,
    hint_label,
    stacked,
)


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
        self.folder, self.browse_button, folder_row = folder_field(
            self, self.tr("A folder on a USB stick or another disk"), self.choose_folder)
        self.folder.textEdited.connect(self._folder_edited)
        self.folder_message = MessageLabel(self)
        self.automatic = QCheckBox(self.tr("Back up automatically"), self)
        self.automatic.setToolTip(self.tr("When the app closes, at log out, and once a day."))
        self.automatic.toggled.connect(self._check_folder)
        self.last_label = QLabel(self)
        form = QFormLayout()
        form.setHorizontalSpacing(SPACING)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Backup folder:"), stacked(self, folder_row, self.folder_message))
        form.addRow("", self.automatic)
        form.addRow(self.tr("Last successful automatic backup:"), self.last_label)
        self.message = MessageLabel(self)
        body = QVBoxLayout()
        body.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        body.setSpacing(SPACING)
        body.addLayout(form)
        body.addWidget(hint_label(self.tr(
            "Automatic backups are made when the app closes, at log out, and once a day. "
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
        elif backup.inside_shop(self.shop.data_dir, Path(text)):
            self.folder_message.show_error(problem_message("folder_inside_shop"))
        elif not Path(text).is_dir():
            self.folder_message.show_warning(self.tr(
                "This folder is not there now. Plug in the USB stick or disk, or choose "
                "another folder; until then automatic backups fail with a warning."))
        elif (short := backup.short_of_room(self.shop, Path(text))) is not None:
            self.folder_message.show_warning(self.tr(
                "This folder's disk has {free} free; a backup of this shop takes about "
                "{needed}. Free some space there or choose another folder: until then "
                "automatic backups fail with a warning.").format(
                    free=file_size_text(short[0]), needed=file_size_text(short[1])))
        elif same_disk(Path(text), self.shop.data_dir):
            self.folder_message.show_warning(self.tr(
                "This folder is on the same disk as the shop: if the disk fails, both are "
                "lost. A USB stick or another disk is safer."))
        else:
            self.folder_message.clear()
        self._update_save()

    def _update_save(self) -> None:
        folder = self.folder.text().strip()
        missing = self.automatic.isChecked() and not folder
        refused = bool(folder) and backup.inside_shop(self.shop.data_dir, Path(folder))
        self.save_button.setEnabled(not self.busy and self.status is not None and not missing
                                    and not refused)

    def choose_folder(self) -> QFileDialog:
        self.folder_dialog = open_folder_chooser(self, self.tr("Choose the backup folder"),
                                                 self.folder.text().strip(), self.set_folder)
        return self.folder_dialog

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
