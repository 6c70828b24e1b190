"""The main window's menus and the dialogs they open, one of each: password, Expiring soon,
Move to another computer, the customer display, the owner's Admin menu (operators, audit log,
verify, backups) and About. A part of ``MainWindow``; its words keep the
MainWindow translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QTabWidget

from desktop_app.core import dialect
from desktop_app.core.store import Shop
from desktop_app.logs import log_file
from desktop_app.ui.about import about_text, open_log_folder
from desktop_app.ui.admin.audit_dialog import AuditDialog
from desktop_app.ui.admin.move_out_dialog import MoveOutDialog
from desktop_app.ui.admin.operators_dialog import OperatorsDialog
from desktop_app.ui.admin.recovery_key_action import (
    NewRecoveryKey,
    NoRecoveryKeyButton,
    unconfirmed_key_text,
)
from desktop_app.ui.admin.verify_dialog import VerifyDialog
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.customer.customer_window import CustomerWindow
from desktop_app.ui.idle import IdleMonitor, idle_lock_minutes
from desktop_app.ui.lock_keys import LOCK_KEYS
from desktop_app.ui.orders.expiring_dialog import ExpiringDialog
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.session.password_dialog import change_password_dialog
from desktop_app.ui.widgets import app_icon
from desktop_app.ui.window_backups import server_backups_text

if TYPE_CHECKING:
    # What the mixin is part of, for the checker: at run time it is a plain class mixed into
    # ``MainWindow``, which is the QMainWindow.
    _Window = QMainWindow
else:
    _Window = object


class WindowMenus(_Window):
    """Mixed into ``MainWindow``, which builds the tabs and widgets named here."""

    shop: Shop
    shop_name: str
    tabs: QTabWidget
    idle: IdleMonitor
    suspended: bool
    dialogs: dict[str, QDialog]
    customer_window: CustomerWindow | None
    lock_requested: SignalInstance
    logout_requested: SignalInstance

    if TYPE_CHECKING:  # the other parts of the window: MainWindow, WindowBackups, WindowSettings
        def refresh_integrity_banner(self) -> None: ...
        def show_notice(self, text: str, problem: bool = False) -> QMessageBox: ...
        def open_settings(self) -> QDialog: ...
        def back_up_now(self) -> None: ...
        def open_restore(self) -> QDialog | None: ...
        def open_backup_settings(self) -> QDialog | None: ...

    def _build_menus(self) -> None:
        shop_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Shop"))
        self.password_action = self._menu_entry(shop_menu, QCoreApplication.translate(
            "MainWindow", "Change my &password…"), self.open_change_password)
        self.settings_action = self._menu_entry(shop_menu, QCoreApplication.translate(
            "MainWindow", "&Settings…"), self.open_settings)
        # The one place for this computer's settings too (the idle lock among them).
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.customer_action = self._menu_entry(shop_menu, QCoreApplication.translate(
            "MainWindow", "&Customer display"), self.open_customer_window)
        self.customer_action.setToolTip(QCoreApplication.translate(
            "MainWindow", "A window for a second monitor facing the customer"))
        if self.shop.is_owner:
            self.expiring_action = self._menu_entry(shop_menu, QCoreApplication.translate(
                "MainWindow", "&Expiring soon…"), self.open_expiring)
            self._build_move_out_entry(shop_menu)
        shop_menu.addSeparator()
        self.lock_action = self._menu_entry(
            shop_menu, QCoreApplication.translate("MainWindow", "&Lock"), self.lock_requested.emit)
        self.lock_action.setShortcut(LOCK_KEYS)
        self.logout_action = self._menu_entry(shop_menu, QCoreApplication.translate(
            "MainWindow", "Log &out"), self.logout_requested.emit)
        shop_menu.addSeparator()
        self.quit_action = self._menu_entry(
            shop_menu, QCoreApplication.translate("MainWindow", "&Quit"), self.close)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        if self.shop.is_owner:
            self._build_admin_menu()
        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.about_action = self._menu_entry(help_menu, QCoreApplication.translate(
            "MainWindow", "&About Voucher Shop"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.log_folder_action = self._menu_entry(help_menu, QCoreApplication.translate(
            "MainWindow", "Open the &log folder"), self.open_log_folder)
        self.log_folder_action.setEnabled(log_file() is not None)

    def _menu_entry(self, menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _=False: slot())  # ``checked`` is not for the slot
        return action

    def _build_admin_menu(self) -> None:
        """Owners only: the core refuses a clerk anyway, but a clerk should not be offered
        what they cannot do."""
        menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Admin"))
        self.operators_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "&Operators…"), self.open_operators)
        self.audit_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "&Audit log…"), self.open_audit)
        self.verify_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "&Verify database"), self.open_verify)
        self.recovery_key_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "New recovery &key…"), self.open_new_recovery_key)
        menu.addSeparator()
        self.backup_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "&Back up now…"), self.back_up_now)
        self.restore_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "&Restore from backup…"), self.open_restore)
        self.backup_settings_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "Backup &settings…"), self.open_backup_settings)
        if dialect.is_server(self.shop.db):  # QA: offered, then refused or failing each day
            menu.setToolTipsVisible(True)
            for action in (self.backup_action, self.restore_action, self.backup_settings_action):
                action.setEnabled(False)
                action.setToolTip(server_backups_text())

    def _build_move_out_entry(self, menu: QMenu) -> None:
        """The final backup (``MoveOutDialog``). A shop on a server has no folder to move:
        every computer reaches it where it is; a moved folder has moved already."""
        self.move_out_action = self._menu_entry(menu, QCoreApplication.translate(
            "MainWindow", "&Move to another computer…"), self.open_move_out)
        if dialect.is_server(self.shop.db):
            menu.setToolTipsVisible(True)
            self.move_out_action.setToolTip(QCoreApplication.translate(
                "MainWindow", "A shop on a server is not moved: on another computer, connect "
                "to the same server."))
        self.move_out_action.setEnabled(
            not dialect.is_server(self.shop.db) and self.shop.moved_to is None)

    def open_move_out(self) -> QDialog:
        def make() -> QDialog:
            dialog = MoveOutDialog(self.shop, self)
            dialog.moved.connect(lambda done: self._moved_out(dialog.result_text(done)))
            return dialog

        return self._show_dialog("move_out", make)

    def _moved_out(self, result: str) -> None:
        """From now on the window is a moved folder's: the red banner says where the shop
        went, and the core refuses every change (a scan first)."""
        self.move_out_action.setEnabled(False)
        self.refresh_integrity_banner()
        self.show_notice(result)

    # -- one of each ------------------------------------------------------------------------

    def _show_dialog(self, key: str, make: Callable[[], QDialog]) -> QDialog:
        """One of each: a second click brings the open one to the front."""
        dialog = self.dialogs.get(key)
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = make()
            dialog.finished.connect(lambda _result, k=key: self._dialog_closed(k))
            self.dialogs[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _dialog_closed(self, key: str) -> None:
        dialog = self.dialogs.pop(key, None)
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.deleteLater()

    def open_change_password(self) -> QDialog:
        def make() -> QDialog:
            dialog = change_password_dialog(self.shop, self)
            dialog.accepted.connect(lambda: self.show_notice(QCoreApplication.translate(
                "MainWindow", "Your password was changed. Use the new one from now on.")))
            return dialog

        return self._show_dialog("password", make)

    def open_expiring(self) -> QDialog:
        return self._show_dialog("expiring", lambda: ExpiringDialog(self.shop, self))

    def open_customer_window(self) -> CustomerWindow:
        """The customer's window (one per session): the counter's verdicts and this window's
        sales are shown there; drag it to the second monitor."""
        window = self.customer_window
        if window is None:
            window = self.customer_window = CustomerWindow(self.shop, self)
            for index in range(self.tabs.count()):
                tab = self.tabs.widget(index)
                if isinstance(tab, RedemptionTab):
                    tab.verdict_shown.connect(window.show_verdict)
                elif isinstance(tab, OrdersTab):
                    tab.order_paid.connect(window.show_sale)
        window.show()
        window.raise_()
        return window

    def open_operators(self) -> QDialog:
        return self._show_dialog("operators", lambda: OperatorsDialog(self.shop, self))

    def open_audit(self) -> QDialog:
        return self._show_dialog("audit", lambda: AuditDialog(self.shop, self))

    def open_verify(self) -> QDialog:
        def make() -> QDialog:
            dialog = VerifyDialog(self.shop, self)
            dialog.integrity_changed.connect(self.refresh_integrity_banner)
            return dialog

        return self._show_dialog("verify", make)

    def open_new_recovery_key(self) -> NewRecoveryKey:
        """Asked first when the shop has a key; then the new key, shown once. One at a time:
        a second click shows the one under way."""
        running: NewRecoveryKey | None = getattr(self, "recovery_key_flow", None)
        if running is not None and running.running:
            running.bring_to_front()
            return running
        flow = NewRecoveryKey(self.shop, self.shop_name,
                              lambda text: self.show_notice(text, problem=True), self)
        flow.made.connect(self._recovery_key_made)
        self.recovery_key_flow = flow
        flow.start()
        return flow

    def _recovery_key_made(self) -> None:
        self.no_recovery_key.hide()
        self.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "The new recovery key works from now on; any earlier one no longer "
            "does."), 15_000)

    def _build_no_recovery_key_button(self) -> None:
        """Owners: a shop without a recovery key says so in the status bar (QA s19b F5)."""
        self.no_recovery_key = NoRecoveryKeyButton(self.shop, self)
        self.no_recovery_key.clicked.connect(lambda _=False: self.open_new_recovery_key())
        self.no_recovery_key.unconfirmed.connect(
            lambda: self.show_notice(unconfirmed_key_text(), problem=True))
        self.statusBar().addWidget(self.no_recovery_key)

    def _idle_lock_saved(self) -> None:
        self.idle.set_timeout_ms(idle_lock_minutes() * 60_000)
        if self.isVisible() and not self.suspended:
            self.idle.start()

    # -- about ------------------------------------------------------------------------------

    def about_text(self) -> str:
        return about_text(self.shop.data_dir, getattr(self.shop, "url", ""))

    def open_log_folder(self) -> None:
        """Error messages say the details are in the log file: this is where to find it."""
        if not open_log_folder():
            path = log_file()
            self.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "The log folder could not be opened: {folder}").format(
                    folder=str(path.parent) if path else "—"), 10_000)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, QCoreApplication.translate(
            "MainWindow", "About Voucher Shop"), self.about_text(),
            QMessageBox.StandardButton.Close, self)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_box = box
        box.open()  # not exec(): a scan must never wait behind a dialog's own event loop
