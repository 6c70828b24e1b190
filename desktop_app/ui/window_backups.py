"""The main window's side of backups: the status in the status bar, the banner when an
automatic backup failed or when an owner's shop has none (QA s15a F4), and the results of
Back up now and Restore (one that had stopped half-way too) in a box that blocks nothing. A
part of ``MainWindow``; its words keep the MainWindow translation context."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
)

from desktop_app import APP_NAME
from desktop_app.core import dialect
from desktop_app.core.backup import BackupStatus
from desktop_app.core.dates import utc_now
from desktop_app.core.store import Shop
from desktop_app.messages.restore_notice_texts import restore_notice_text, upgrade_notice_text
from desktop_app.ui.admin.backup_common import last_backup_text
from desktop_app.ui.admin.backup_controller import BackupController
from desktop_app.ui.reports.stock_warning import StockWarning
from desktop_app.ui.widgets import (
    WARNING_COLOR,
)


def server_backups_text() -> str:
    """Why the app's backups are off on a shop on a server, and what backs it up instead."""
    return QCoreApplication.translate(
        "MainWindow", "This app does not back up a shop on a server and cannot see its "
        "backups: they are made on the server with PostgreSQL's own tools (pg_dump, see the "
        "README's \"Several counters\"). Ask whoever looks after the server when the last one "
        "was made and whether it was tried in a restore.")


STALE_BACKUP_DAYS = 2  # the status bar warns when the last backup is older than this
# What the backup banner says, when shown: a failed automatic backup, or none switched on.
BANNER_FAILED, BANNER_OFF = "failed", "off"
# Slim, with slim buttons: at 1024x768 the counter's list of recent scans keeps its rows
# (the owner's window shows it for days while automatic backups are off).
BANNER_STYLE = (f"QFrame#backupBanner {{ background: #fff4e5; padding: 3px 20px;"
                " border-bottom: 1px solid #f5c27a; }"
                f" QLabel {{ color: {WARNING_COLOR}; }}"
                f" QPushButton {{ color: {WARNING_COLOR}; background: white; padding: 2px 12px;"
                " border: 1px solid #f5c27a; border-radius: 3px; }"
                " QPushButton:hover { background: #fffaf3; }")


if TYPE_CHECKING:
    # What the mixin is part of, for the checker: at run time it is a plain class mixed into
    # ``MainWindow``, which is the QMainWindow.
    _Window = QMainWindow
else:
    _Window = object


class WindowBackups(_Window):
    """Mixed into ``MainWindow``, which builds the widgets named here."""

    shop: Shop
    backups: BackupController | None
    backup_action: QAction
    backup_label: QLabel
    stock_warning: StockWarning  # an owner's window's
    backup_banner: QFrame
    backup_banner_text: QLabel
    backup_settings_button: QPushButton
    backup_hide_button: QPushButton
    backup_banner_says: str  # BANNER_FAILED, BANNER_OFF, or "" while hidden
    backups_off_hidden: bool  # the owner hid "no automatic backups" for this session
    notice_box: QMessageBox | None
    restore_requested: SignalInstance

    def _build_backup_banner(self) -> QFrame:
        # A failed automatic backup (USB stick not plugged in, disk full) must be seen, but
        # must not stop the next sale or scan the way a dialog would.
        banner = QFrame(self)
        banner.setObjectName("backupBanner")
        banner.setStyleSheet(BANNER_STYLE)
        self.backup_banner_text = QLabel(banner)
        self.backup_banner_text.setWordWrap(True)
        settings_button = self.backup_settings_button = QPushButton(
            QCoreApplication.translate("MainWindow", "Backup settings…"), banner)
        settings_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        settings_button.clicked.connect(self.open_backup_settings)
        dismiss = self.backup_hide_button = QPushButton(
            QCoreApplication.translate("MainWindow", "Hide"), banner)
        dismiss.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        dismiss.clicked.connect(self.hide_backup_banner)
        row = QHBoxLayout(banner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.backup_banner_text, 1)
        row.addWidget(settings_button)
        row.addWidget(dismiss)
        banner.hide()
        self.backup_banner_says = ""
        self.backups_off_hidden = False
        return banner

    def _set_backup_banner(self, says: str, text: str = "") -> None:
        self.backup_banner_says = says
        self.backup_banner_text.setText(text)
        self.backup_banner.setVisible(bool(says))

    def hide_backup_banner(self) -> None:
        if self.backup_banner_says == BANNER_OFF:
            self.backups_off_hidden = True  # the status bar's orange line still says it
        self._set_backup_banner("")

    def _start_backups(self) -> None:
        if self.backups is None:
            return
        self.backups.status_changed.connect(self._show_backup_status)
        self.backups.auto_failed.connect(self.show_backup_problem)
        self.backups.auto_succeeded.connect(lambda _path: self._set_backup_banner(""))
        self.backups.notice.connect(self.show_notice)
        # One backup at a time: its line in the status bar shows it being written.
        self.backups.writing_changed.connect(
            lambda writing: self.backup_action.setEnabled(not writing))
        self.backups.restore_requested.connect(self.restore_requested)
        if self.shop.is_owner:
            self.backups.writing_changed.connect(self.stock_warning.give_room)
            self.backups.refresh_status()
        self.backups.start()

    def back_up_now(self) -> None:
        if self.backups is not None:
            self.backups.back_up_now()

    def open_restore(self) -> QDialog | None:
        return self.backups.open_restore() if self.backups is not None else None

    def open_backup_settings(self) -> QDialog | None:
        if self.backups is None or dialect.is_server(self.shop.db):  # its folder is unused
            return None
        return self.backups.open_settings()

    def _show_backup_status(self, status: BackupStatus) -> None:
        # QA s10b F7: "never", in orange, for good; QA s20c F5: "on the server" read as
        # "backups are handled" while nothing here makes or sees one.
        if dialect.is_server(self.shop.db):
            self.backup_label.setText(QCoreApplication.translate(
                "MainWindow", "Backups: not made by this app (pg_dump)"))
            self.backup_label.setToolTip(server_backups_text())
            self.backup_label.setStyleSheet("")
            return
        self.backup_label.setText(QCoreApplication.translate(
            "MainWindow", "Last automatic backup: {moment}").format(
            moment=last_backup_text(status)))
        if status.automatic and status.folder:
            tip = QCoreApplication.translate(
                "MainWindow", "Automatic backups go to {folder}").format(folder=status.folder)
        else:
            tip = QCoreApplication.translate(
                "MainWindow",
                "Automatic backups are off: turn them on in Admin → Backup settings")
        self.backup_label.setToolTip(tip)
        stale = status.last_at is None or (
            utc_now() - status.last_at).days >= STALE_BACKUP_DAYS
        self.backup_label.setStyleSheet(f"color: {WARNING_COLOR};" if stale else "")
        self._tell_backups_off(not (status.automatic and status.folder))

    def _tell_backups_off(self, off: bool) -> None:
        """A new shop has no backup until its owner chooses a folder (QA s15a F4): a disk
        that fails in the first week would lose the shop, its card keys and every voucher
        sold. Said in the banner, which blocks no sale, until they are on or it is hidden."""
        if not self.shop.is_owner or self.backup_banner_says == BANNER_FAILED:
            return  # the settings are owners'; a failed backup says more, and stays
        if self.shop.moved_to is not None:
            return  # the shop lives on elsewhere: this read-only folder is not it (QA s41a F12)
        if off and not self.backups_off_hidden:
            self._set_backup_banner(BANNER_OFF, QCoreApplication.translate(
                "MainWindow", "No automatic backups: if this computer's disk fails, the shop "
                "is lost. Choose a USB stick or another disk."))
        elif not off and self.backup_banner_says == BANNER_OFF:
            self._set_backup_banner("")

    def show_backup_problem(self, reason: str) -> None:
        self._set_backup_banner(BANNER_FAILED, QCoreApplication.translate(
            "MainWindow",
            "The automatic backup failed, so the latest changes are not in a backup yet. "
            "{reason}").format(reason=reason))

    def tell_notice_at_login(self) -> QMessageBox | None:
        """A restore that had stopped half-way, settled at this login (QA s12e F5-F7), or the
        upgrade of the shop's data this login made (QA s19b F7): told as information, the
        shop open and fine either way."""
        notice = self.shop.restore_notice
        if notice is None:
            return self.show_notice(upgrade_notice_text()) if self.shop.upgraded_from else None
        return self.show_notice(restore_notice_text(notice, str(self.shop.data_dir),
                                                    self.shop.is_owner))

    def show_notice(self, text: str, problem: bool = False) -> QMessageBox:
        """A result to read, in one reused box that blocks nothing (the next scan included)."""
        box = self.notice_box
        if box is None or not shiboken6.isValid(box):
            box = QMessageBox(self)
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.setWindowTitle(APP_NAME)
            self.notice_box = box
        box.setIcon(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information)
        box.setText(text)
        box.show()
        box.raise_()
        return box
