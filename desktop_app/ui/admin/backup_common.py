"""What the backup screens share: where backups go, and how they are described."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop_app.core import backup
from desktop_app.core.backup import BackupStatus
from desktop_app.core.dates import local_time
from desktop_app.core.errors import (
    Forbidden,
    KeySlotMissing,
    ShopError,
    UnknownOperator,
    WrongPassword,
)
from desktop_app.messages import error_message


def last_backup_text(status: BackupStatus | None) -> str:
    if status is None or status.last_at is None:
        return QCoreApplication.translate("backups", "never")
    return local_time(status.last_at)


def file_size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


def backup_filter() -> str:
    return QCoreApplication.translate("backups", "Voucher Shop backups (*{suffix})").format(
        suffix=backup.SUFFIX)


def folder_field(parent: QWidget, placeholder: str, choose: Callable[[], object]
                 ) -> tuple[QLineEdit, QPushButton, QHBoxLayout]:
    """A folder's field and its Choose… button, in one row: where backups go, or the final
    backup (``choose`` opens ``open_folder_chooser``)."""
    folder = QLineEdit(parent)
    folder.setPlaceholderText(placeholder)
    browse = QPushButton(QCoreApplication.translate("backups", "Choose…"), parent)
    browse.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(folder, 1)
    row.addWidget(browse)
    return folder, browse, row


def open_folder_chooser(parent: QWidget, title: str, current: str,
                        chosen: Callable[[str], object]) -> QFileDialog:
    """A folder dialog (a USB stick, another disk) opened without blocking, starting in
    ``current`` when that is a folder; ``chosen`` hears the folder picked."""
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if current and Path(current).is_dir():
        dialog.setDirectory(current)
    dialog.fileSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def same_disk(folder: Path, other: Path) -> bool:
    """Whether ``folder`` lies on the disk that holds ``other`` (False when unsure)."""
    try:
        return os.stat(folder).st_dev == os.stat(other).st_dev
    except OSError:
        return False


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
    if isinstance(exc, WrongPassword) and exc.params.get("credential"):
        return error_message(exc)  # today's password, or a wrong recovery key (QA s12a F3)
    if isinstance(exc, WrongPassword):  # QA: after a recovery, the new password was "wrong"
        return QCoreApplication.translate(
            "backups", "Wrong password for this backup. A backup opens with the password "
            "“{name}” had when it was made: one changed or recovered since does not open "
            "it.").format(name=operator)
    return error_message(exc)
