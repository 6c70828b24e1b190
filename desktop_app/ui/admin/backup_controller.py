"""Backups during a session: daily and on demand, and the status the window shows.

``BackupController`` belongs to an owner's main window: it writes backups on request and
once a day, keeps the status the window shows, and hands a checked restore request on to
the session, which alone may close the shop. A backup never holds the counter up: its checks
and its event are written on the worker, the copy of the shop is read on a thread of its own
(``run_long_read``: seconds on a shop of a few years, QA s14b N1) while scans go on, and its
witness and the prune are written on the worker again.
While a backup asked for is written (seconds for a shop of a few years, QA s14a F6), a line
in the status bar says so with its progress, and Back up now waits for it to end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QWidget,
)

from desktop_app.core import backup
from desktop_app.core.anchor import Head
from desktop_app.core.backup import BackupStatus
from desktop_app.core.backup_format import Progress
from desktop_app.core.dates import utc_now
from desktop_app.core.store import Shop
from desktop_app.ui.admin.backup_common import backup_filter, file_size_text
from desktop_app.ui.admin.backup_settings_dialog import BackupSettingsDialog
from desktop_app.ui.admin.restore_dialog import (
    RestoreDialog,
)
from desktop_app.ui.display import failure_text
from desktop_app.ui.folders import documents_folder
from desktop_app.ui.tasks import run_in_background, run_long_read

log = logging.getLogger(__name__)

HOUR_MS = 3_600_000
FIRST_CHECK_MS = 120_000  # a while after login: opening the shop comes first


class ProgressRelay(QObject):
    """Carries a backup's progress from the worker thread to the GUI thread. Held by the
    task's function, not by the window: a window closed meanwhile drops the connection, and
    the backup goes on writing."""

    moved = Signal(int)  # percent of the database written

    def __init__(self) -> None:
        super().__init__()
        self.percent = -1

    def tell(self, done: int, size: int) -> None:  # on the worker thread
        percent = done * 100 // size if size else 100
        if percent != self.percent:  # a hundred signals at most, not one per chunk
            self.percent = percent
            self.moved.emit(percent)


class BackupBusyLine(QWidget):
    """"Writing the backup… 40 %" in the status bar, while a backup asked for is written."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(120)
        self.bar.setFixedHeight(12)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text)
        row.addWidget(self.bar)
        self.hide()

    def start(self, path: Path) -> None:
        # Short: the file's name (as long as "voucher-shop-…-20261201-195400.vsbackup") squeezed
        # the shop's name beside it at 1024 px (QA s14b N3); where it goes is on pointing.
        self.text.setText(self.tr("Writing the backup…"))
        self.setToolTip(self.tr("Writing the backup to {path}").format(path=path))
        self.bar.setRange(0, 0)  # the shop is copied first: no share of it to show yet
        self.show()

    def moved(self, percent: int) -> None:
        self.bar.setRange(0, 100)
        self.bar.setValue(percent)


class BackupController(QObject):
    """Backups of one owner's session. Results come back as signals for the window."""

    status_changed = Signal(object)  # BackupStatus
    auto_failed = Signal(str)  # the words to show; the session goes on
    auto_succeeded = Signal(object)  # the Path written
    notice = Signal(str, bool)  # (text, is_problem)
    restore_requested = Signal(object)  # RestoreRequest
    writing_changed = Signal(bool)  # a backup asked for is being written, or done

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
        self.writing: Path | None = None  # the backup asked for, while it is written
        # Counts stops (a restore closes the shop): a copy that ends after one finishes nothing.
        self.epoch = 0
        self.busy_line = BackupBusyLine(window)
        if isinstance(window, QMainWindow):
            window.statusBar().addWidget(self.busy_line)

    def start(self) -> None:
        """Daily backups: checked a while after login, then every hour."""
        self.timer.start()
        if not self.first_check.isActive():
            self.first_check.start(FIRST_CHECK_MS)

    def stop(self) -> None:
        self.timer.stop()
        self.first_check.stop()
        self.epoch += 1

    def _run(self, start: Callable[[], Path | None],
             finish: Callable[[Path, Head], Path],
             progress: Progress | None = None, *,
             done: Callable[[Path | None], None], failed: Callable[[Exception], None],
             always: Callable[[], None]) -> None:
        """``start`` (checks and the event, on the worker), the copy (a long read), then
        ``finish`` (the witness, on the worker); ``always`` after the last step run."""
        shop, epoch = self.shop, self.epoch

        def ended(answer: Callable[[], None]) -> None:
            always()
            answer()

        def copy(out: Path | None) -> None:
            if out is None:  # nothing was due
                ended(lambda: done(None))
                return
            run_long_read(self, lambda: backup.copy_into(shop, out, progress), shop.db,
                          on_success=lambda head: finish_copy(out, head),
                          on_failure=lambda exc: ended(lambda: failed(exc)))

        def finish_copy(out: Path, head: Head) -> None:
            if epoch != self.epoch:  # the shop was closed under the copy
                log.info("a backup's copy ended after its shop closed: not finished")
                always()
                return
            run_in_background(self, lambda: finish(out, head),
                              on_success=lambda written: ended(lambda: done(written)),
                              on_failure=lambda exc: ended(lambda: failed(exc)))

        run_in_background(self, start, on_success=copy,
                          on_failure=lambda exc: ended(lambda: failed(exc)))

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
        self._run(lambda: backup.start_auto_backup(shop, older_than=backup.DAILY),
                  lambda out, head: backup.finish_auto_backup(shop, out, head),
                  done=self._auto_done, failed=self._auto_failed, always=self._auto_ended)

    def _auto_ended(self) -> None:
        self.auto_running = False

    def _auto_done(self, written: Path | None) -> None:
        if written is not None:
            log.info("daily automatic backup written")
            self.auto_succeeded.emit(written)
            if self.shop.is_owner:  # the status and its settings are the owners'
                self.refresh_status()

    def _auto_failed(self, exc: Exception) -> None:
        log.warning("automatic backup failed: %s", getattr(exc, "code", type(exc).__name__))
        self.auto_failed.emit(failure_text(exc))

    # -- now ---------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Ask where (the save dialog suggests a dated name), then write it in the background.
        Not while one is written: its line in the status bar says so."""
        if self.writing is not None:
            return
        shop = self.shop
        run_in_background(self, lambda: backup.backup_status(shop),
                          on_success=self._ask_where, on_failure=self._failed)

    def _default_path(self, status: BackupStatus) -> Path:
        folder = Path(status.folder) if status.folder else documents_folder()
        if not folder.is_dir():
            folder = documents_folder()
        return folder / backup.manual_backup_name(status.shop_id, utc_now())

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
        """Write the backup (see the module's doc), its progress in the status bar."""
        if self.writing is not None:
            return
        shop, relay = self.shop, ProgressRelay()
        relay.moved.connect(self.busy_line.moved)
        self._set_writing(path)
        self._run(lambda: backup.start_backup(shop, path),
                  lambda out, head: backup.finish_backup(shop, out, head), relay.tell,
                  done=self._written, failed=self._failed,
                  always=lambda: self._set_writing(None))

    def _set_writing(self, path: Path | None) -> None:
        self.writing = path
        if path is None:
            self.busy_line.hide()
        else:
            self.busy_line.start(path)
        self.writing_changed.emit(path is not None)

    def _written(self, path: Path | None) -> None:
        if path is None:
            return
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


# --- restore ----------------------------------------------------------------------------------
