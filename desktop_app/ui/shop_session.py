"""One run of the app through its screens, and the shop it has open.

    (demo: prepare the demo shop) → (no shop yet: SetupDialog) → LoginDialog → MainWindow
    MainWindow Lock    → LoginDialog as lock screen, same operator → the same MainWindow
    MainWindow Log out → (automatic backup) shop closed → LoginDialog, last name → a new MainWindow
    MainWindow Restore → shop closed → backup restored → LoginDialog, last name offered
                                     ↘ refused: the shop reopened → the same MainWindow
    Quit               → (automatic backup) shop closed → the end

Scans read while no Redemption tab takes them (another tab, the lock screen) arrive here too.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.core import auth
from desktop_app.core.backup import run_auto_backup
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ShopError
from desktop_app.core.restore import restore_backup
from desktop_app.core.store import Shop, reopen_shop
from desktop_app.core.vouchers import has_voucher_shape
from desktop_app.messages import unexpected_error_message
from desktop_app.messages.labels import failed_logins_text
from desktop_app.scanning.app_scanner import ApplicationScanner
from desktop_app.ui import settings, tasks
from desktop_app.ui.admin.backup_common import restore_refusal_text
from desktop_app.ui.admin.restore_request import RestoreRequest
from desktop_app.ui.counter.redemption_models import ScanSettings
from desktop_app.ui.display import failure_text
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.session.held_scans import HeldScans
from desktop_app.ui.session.login_dialog import LoginDialog
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.widgets import app_icon

log = logging.getLogger(__name__)

FAILED_LOGINS_SHOWN_MS = 120_000

# The automatic backup at quitting runs after the event loop, with no window left to wait
# on; a slow USB stick may take a while, but never forever.
CLOSE_BACKUP_TIMEOUT_S = 120.0


def close_shop(shop: Shop) -> None:
    """Close the shop's connections: the other threads' first (``ui.tasks``), then this one's."""
    tasks.close_connections(shop.db)
    shop.close()


def _demo_operators(data_dir: Path) -> Sequence[tuple[str, str, str]]:
    from desktop_app.core.demo import demo_operators  # written alongside; import late

    return demo_operators(data_dir)


def _demo_shop_name() -> str:
    from desktop_app.core.demo import DEMO_SHOP_NAME

    return DEMO_SHOP_NAME


def _ensure_demo_shop(data_dir: Path) -> None:
    from desktop_app.core.demo import ensure_demo_shop

    ensure_demo_shop(data_dir)


class ShopSession(QObject):
    """One run of the app: which screen shows, which shop is open. ``finished``: quit."""

    finished = Signal()

    def __init__(self, data_dir: Path, demo: bool = False, parent: QObject | None = None,
                 database_url: str | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.location = ShopLocation(self.data_dir, None if demo else database_url)
        self.demo = demo
        self.shop: Shop | None = None
        self.window: MainWindow | None = None
        self.dialog: SetupDialog | LoginDialog | None = None
        self.restoring = False
        self.held_scans = HeldScans()  # vouchers scanned while locked or logged out
        scan = ScanSettings.load()
        self.scanner = ApplicationScanner(self, is_claimed=self._scans_claimed,
                                          idle_timeout_ms=scan.timeout_ms, suffix=scan.suffix)
        self.scanner.submitted.connect(self._scanned)
        self.scanner.not_a_password.connect(self._scan_not_a_password)
        self.scanner.fast_password_kept.connect(self._fast_password_kept)

    def start(self) -> None:
        self.scanner.enabled = True
        if self.demo:
            self._prepare_demo()
        elif self._shop_exists():
            self.show_login()
        else:
            self.show_setup()

    def _shop_exists(self) -> bool:
        try:
            return self.location.exists()
        except ShopError:
            # The server cannot be asked now: the login screen says why when it tries.
            return self.location.on_server

    # -- screens ----------------------------------------------------------------------------

    def _replace_dialog(self, dialog: SetupDialog | LoginDialog) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.setWindowIcon(app_icon())
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def show_setup(self) -> None:
        dialog = SetupDialog(self.data_dir, database_url=self.location.database_url)
        dialog.accepted.connect(lambda: self._set_up(dialog))
        dialog.restored.connect(self._restored_on_first_start)
        dialog.rejected.connect(self._quit)
        self._replace_dialog(dialog)

    def _restored_on_first_start(self, request: RestoreRequest, aside: Path | None) -> None:
        self.use_this_pc()  # another computer's shop is in this PC's folder now: its login
        self._restored(request, aside)

    def show_login(self, operator: str = "", locked: bool = False) -> LoginDialog:
        shop, window = self.shop, self.window
        unlock = (lambda name, password: auth.quick_unlock(shop, name, password)) if (
            locked and shop is not None) else self.location.open
        dialog = LoginDialog(self.data_dir, operator=operator, locked=locked, unlock=unlock,
                             database_url=self.location.database_url,
                             demo_operators=functools.partial(_demo_operators, self.data_dir)
                             if self.demo else None,
                             shop_name=_demo_shop_name() if self.demo else (
                                 window.shop_name if locked and window is not None else None))
        dialog.accepted.connect(lambda: self._logged_in(dialog.shop))
        dialog.rejected.connect(self._quit)
        dialog.this_pc_requested.connect(self.use_this_pc)
        self._replace_dialog(dialog)
        return dialog

    def _set_up(self, dialog: SetupDialog) -> None:
        """This PC's choice at first start, remembered for the next: this PC or the server."""
        self.location = dialog.location
        settings.SERVER_URL.write(self.location.database_url or "")
        self._enter(dialog.shop)
        if self.window is not None:  # where a new shop's backups go (QA s15a F4; not on a server)
            self.window.open_backup_settings()

    def _prepare_demo(self) -> None:
        dialog = self.show_login()
        dialog.show_preparing_demo()

        tasks.run_in_background(dialog, lambda: _ensure_demo_shop(self.data_dir),
                                errors=dialog.message, always=lambda: dialog.set_busy(False))

    def _logged_in(self, shop: Shop | None) -> None:
        if shop is None:
            return
        if shop is self.shop and self.window is not None:
            self._show_window(self.window)  # unlocked by the same operator
            self._tell_failed_logins(self.window, shop)
            return
        self._end_session()
        self._enter(shop)

    def _enter(self, shop: Shop | None) -> None:
        if shop is None:
            return
        self.shop = shop
        settings.forget_shop_names()  # an earlier version kept it in plain text
        window = MainWindow(shop)
        window.lock_requested.connect(self.lock)
        window.logout_requested.connect(self.logout)
        window.quit_requested.connect(self._quit)
        window.restore_requested.connect(self.restore)
        window.server_requested.connect(self.use_server)
        self.window = window
        self._show_window(window)
        self._tell_failed_logins(window, shop)
        window.tell_notice_at_login()

    def _tell_failed_logins(self, window: MainWindow, shop: Shop) -> None:
        """Guesses at this operator's password since their last login, from anywhere: a line
        in the status bar, so an owner learns that someone tried."""
        count, shop.failed_logins = shop.failed_logins, 0
        if count:
            window.statusBar().showMessage(failed_logins_text(count), FAILED_LOGINS_SHOWN_MS)

    def _show_window(self, window: MainWindow) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        window.show()
        window.raise_()
        window.activateWindow()
        self._redeem_held_scans(window)

    # -- scans outside the Redemption tab ---------------------------------------------------

    def _scans_claimed(self, window: QWidget) -> bool:
        return self.window is not None and self.window.takes_scans_itself(window)

    def _scanned(self, text: str, _source: str) -> None:
        """A scanner's burst read outside the Redemption tab's own filter."""
        window = self.window
        if window is not None and window.isVisible() and not self.restoring:
            window.redeem_scan(text)
            return
        if not has_voucher_shape(text):
            # Fast text with no field to type into: a password manager's auto-type of a name
            # and password, say. Kept, it would be redeemed at the login and recorded as
            # scanned, password and all; a voucher's burst always has the shape.
            if isinstance(self.dialog, LoginDialog):
                self.dialog.show_fast_text_dropped()
            return
        self.held_scans.hold(text)  # locked or logged out: kept for the login
        if isinstance(self.dialog, LoginDialog):
            self.dialog.show_scan_held(self.held_scans.count())

    def _scan_not_a_password(self) -> None:
        if isinstance(self.dialog, LoginDialog) and self.dialog.isVisible():
            self.dialog.show_scan_not_password(self.held_scans.count())

    def _fast_password_kept(self) -> None:
        if isinstance(self.dialog, LoginDialog) and self.dialog.isVisible():
            self.dialog.show_fast_text_kept()

    def _redeem_held_scans(self, window: MainWindow) -> None:
        released = self.held_scans.release()
        for text in released.fresh:
            window.redeem_scan(text)
        if released.too_old:  # told it was kept: the cashier must hear it was not (s35b F11)
            window.show_notice(self.tr(
                "Scans kept at the lock screen more than a minute ago were not redeemed: "
                "{count}. Scan those vouchers again.").format(count=released.too_old),
                problem=True)

    # -- lock, log out, quit ----------------------------------------------------------------

    def lock(self) -> None:
        """The lock screen, from values read before, then the window hides (QA s13a F1)."""
        window, shop = self.window, self.shop
        if window is None or shop is None:
            return
        window.save_state()
        try:
            lock_screen = self.show_login(operator=shop.operator.name, locked=True)
        except BaseException:
            window.show_child_windows()  # not locked: the window stays as it was
            raise
        window.hide()
        lock_screen.follow_server(window.server_watcher())  # says when it is gone (M5)
        log.info("locked by operator #%s", shop.operator.id)

    def use_server(self, url: str) -> None:
        """The folder's shop moved to the server at ``url``: this PC uses the server from now
        on (remembered, as the first start's choice is), starting at its login."""
        settings.SERVER_URL.write(url)
        self.location = ShopLocation(self.data_dir, url)
        self._end_session()
        self.show_login()

    def use_this_pc(self) -> None:
        """This PC opens the shop in its own folder from now on (a server started with
        ``--database`` or ``SHOP_DATABASE_URL`` still wins), or creates one there."""
        settings.SERVER_URL.write("")
        self.location = ShopLocation(self.data_dir, None)
        self.start()

    def logout(self) -> None:
        self._end_session(auto_backup=True)
        self.show_login()

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.save_state()
            self.window.hide()
            self.window.deleteLater()
            self.window = None

    def _end_session(self, auto_backup: bool = False) -> None:
        self._close_window()
        shop, self.shop = self.shop, None
        if shop is None:
            return
        if auto_backup:
            self._back_up_then_close(shop)
        else:
            close_shop(shop)

    def _back_up_then_close(self, shop: Shop) -> None:
        """At log out: the automatic backup on the worker thread, so the login screen shows at
        once; the shop closes when it is done. A login meanwhile queues behind it."""
        def failed(exc: Exception) -> None:
            try:
                self._auto_backup_failed(exc)
            finally:
                close_shop(shop)

        tasks.run_in_background(None, lambda: run_auto_backup(shop),
                                on_success=lambda _written: close_shop(shop), on_failure=failed)

    def _auto_backup_failed(self, exc: Exception) -> None:
        log.warning("automatic backup failed")
        reason = failure_text(exc)
        if isinstance(self.dialog, LoginDialog) and not self.dialog.message.text():
            self.dialog.message.show_warning(self.tr(
                "The automatic backup failed: {reason}").format(reason=reason))

    def _final_backup(self) -> None:
        """At quitting: the automatic backup, finished before the shop closes."""
        shop = self.shop
        if shop is None or self.restoring:
            return
        try:
            tasks.call_in_worker(lambda: run_auto_backup(shop), CLOSE_BACKUP_TIMEOUT_S)
        except ShopError as exc:  # nobody is left to tell: the next login shows the age
            log.warning("automatic backup at quitting failed: %s %s", exc.code, exc.params)
        except Exception:
            log.exception("automatic backup at quitting failed")

    # -- restore ----------------------------------------------------------------------------

    def restore(self, request: RestoreRequest) -> None:
        """Close the shop, put the backup in its place, then ask everyone to log in again.

        The restore dialog checked the file and the password with the shop still open; if
        the restore is refused anyway, nothing was replaced and the same shop reopens."""
        shop, window = self.shop, self.window
        if shop is None or window is None or self.restoring:
            return
        self.restoring = True
        log.info("restoring a backup made %s", request.made_at.isoformat())
        window.save_state()
        window.suspend()
        window.hide()
        self.show_login()
        if isinstance(self.dialog, LoginDialog):
            self.dialog.set_busy(True, self.tr("Restoring the backup…"))
        close_shop(shop)
        tasks.run_in_background(
            None, lambda: restore_backup(shop.data_dir, request.path, request.operator,
                                         request.password,
                                         recovery_key=request.recovery_key or None),
            on_success=lambda aside: self._restored(request, aside),
            on_failure=lambda exc: self._restore_refused(shop, request, exc))

    def _restored(self, request: RestoreRequest, aside: Path | None) -> None:
        self.restoring, self.shop = False, None
        if self.window is not None:
            self.window.deleteLater()
            self.window = None
        if isinstance(self.dialog, LoginDialog):
            self.dialog.set_busy(False)
            self.dialog.show_restored(request, aside)

    def _restore_refused(self, shop: Shop, request: RestoreRequest, exc: Exception) -> None:
        self.restoring = False
        if isinstance(exc, ShopError):
            log.warning("restore refused after closing the shop: %s", exc.code)
            text = restore_refusal_text(exc, request.operator)
        else:
            log.error("restore failed", exc_info=(type(exc), exc, exc.__traceback__))
            text = unexpected_error_message()
        self.shop = reopen_shop(shop)
        window = self.window
        if window is None:
            return
        self._show_window(window)
        window.resume()
        window.show_notice(text, problem=True)

    def _quit(self) -> None:
        self.finished.emit()

    def shutdown(self) -> None:
        """After the event loop: close the shop and stop the worker thread."""
        self.scanner.enabled = False
        if self.dialog is not None:
            self.dialog.hide()
        tasks.wait_until_idle()
        self._final_backup()
        self._end_session()
        tasks.shutdown()
