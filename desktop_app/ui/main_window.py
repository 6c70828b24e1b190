"""The shop's main window: a header, the tabs this operator may use, and a status bar.

Owners also get the Admin menu: operators, the audit log, verify and backups.
The window locks itself after a while without use (``idle``), as its Lock entry does.
Its menus and their dialogs are in ``window_menus``, its side of backups in ``window_backups``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.core import dialect, live_server, moved_shop
from desktop_app.core.errors import ShopMoved
from desktop_app.core.live_files import FILES_REPLACED
from desktop_app.core.store import Shop
from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.messages import error_message, integrity_message, role_label
from desktop_app.messages.session_texts import banner_with_redeemed_before_hold
from desktop_app.scanning.keystrokes import SCANNER
from desktop_app.ui import settings
from desktop_app.ui.admin.backup_controller import BackupController
from desktop_app.ui.admin.settings_dialog import WindowSettings
from desktop_app.ui.clock_status import ClockOffStatus
from desktop_app.ui.counter import verdict_toast
from desktop_app.ui.counter.redemption_tab import RedemptionTab
from desktop_app.ui.counter.server_status import ServerWatcher
from desktop_app.ui.counter.uncertain_close import ask_before_closing
from desktop_app.ui.customer.customer_window import CustomerWindow
from desktop_app.ui.damage_check import check_pages_soon
from desktop_app.ui.elided_label import ElidedLabel
from desktop_app.ui.giftcard_expiry import GiftCardExpiry
from desktop_app.ui.idle import IdleMonitor, idle_lock_minutes
from desktop_app.ui.inventory.inventory_tab import InventoryTab
from desktop_app.ui.lock_keys import LockFromDialogs
from desktop_app.ui.orders.orders_tab import OrdersTab
from desktop_app.ui.reports.reports_tab import ReportsTab
from desktop_app.ui.reports.stock_warning import StockWarning
from desktop_app.ui.server_away import ServerAwayStatus
from desktop_app.ui.settings import station_name
from desktop_app.ui.settings_follow import SettingsFollower, show_shop_name
from desktop_app.ui.widgets import (
    ACCENT,
    ACCENT_LIGHT,
    ERROR_COLOR,
    SPACING,
    CompactWhenShort,
    HeaderBar,
    app_icon,
    close_popups,
    fit_to_screen,
    scaled_font,
)
from desktop_app.ui.window_backups import WindowBackups
from desktop_app.ui.window_menus import WindowMenus

log = logging.getLogger(__name__)

HOLD_BANNER_STYLE = (f"background: {ERROR_COLOR}; color: white; font-weight: bold;"
                     " padding: 10px 20px;")

DEFAULT_SIZE = (1100, 720)
SHOP_STRETCH = 100  # the status bar's room goes to the shop's name before a stock warning
# Flat tabs underlined in the header's colour: large targets for a touch screen at a counter.
TAB_STYLE = (
    "QTabBar::tab { padding: 9px 22px; border: none; border-bottom: 3px solid transparent;"
    " background: transparent; }"
    f" QTabBar::tab:selected {{ border-bottom: 3px solid {ACCENT}; color: {ACCENT}; }}"
    f" QTabBar::tab:hover:!selected {{ border-bottom: 3px solid {ACCENT_LIGHT}; }}"
)

# (tab class, title, owners only). Each class is built as ``cls(shop, parent)``.
TABS: tuple[tuple[Callable[[Shop, QWidget], QWidget], str, bool], ...] = (
    (InventoryTab, QT_TRANSLATE_NOOP("MainWindow", "Inventory"), True),
    (OrdersTab, QT_TRANSLATE_NOOP("MainWindow", "Orders"), True),
    (RedemptionTab, QT_TRANSLATE_NOOP("MainWindow", "Redemption"), False),
    (ReportsTab, QT_TRANSLATE_NOOP("MainWindow", "Reports"), True),
)


# The parts first: each is a plain class at run time (a QMainWindow only to the type checker).
class MainWindow(WindowMenus, WindowBackups, WindowSettings, QMainWindow):
    """Built for one open shop and operator; Lock and Log out are decided by the app."""

    lock_requested = Signal()
    logout_requested = Signal()
    quit_requested = Signal()
    restore_requested = Signal(object)  # a checked RestoreRequest; the session closes the shop
    server_requested = Signal(str)  # a moved folder's server URL: this PC uses it from now on

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.suspended = False  # the shop is closed for a restore
        self.closing_anyway = False  # asked about a scan not certain yet, and told to
        self.dialogs: dict[str, QDialog] = {}
        self.notice_box: QMessageBox | None = None
        self._hidden_windows: list[QWidget] = []
        self.customer_window: CustomerWindow | None = None
        self.idle = IdleMonitor(idle_lock_minutes() * 60_000, self)
        self.idle.idle.connect(self._idle_timeout)
        # Everyone's session runs the automatic backups an owner switched on; only owners
        # see and change their settings.
        self.backups: BackupController | None = BackupController(shop, self)
        # Read once here (and again when Settings saves it): the lock screen shows it without
        # asking the database, which may be gone by then (QA s13a F1).
        self.shop_name = shop.name
        self.setWindowTitle(self.tr("{shop} — Voucher Shop").format(shop=self.shop_name))
        self.setWindowIcon(app_icon())
        self.settings_follower = SettingsFollower(shop, self)  # before the tabs: read first
        self.settings_follower.followed.connect(lambda: show_shop_name(self))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setFont(scaled_font(self.tabs, 1.1))
        self.tabs.tabBar().setStyleSheet(TAB_STYLE)
        self._add_tabs()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._build_header())
        self.integrity_banner = self._build_integrity_banner()
        column.addWidget(self.integrity_banner)
        if shop.moved_to is not None and not moved_shop.to_computer(shop.moved_to):
            column.addWidget(self._build_server_button(shop.moved_to["url"]))
        self.backup_banner = self._build_backup_banner()
        column.addWidget(self.backup_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()
        # Whatever is open on top of the window must not stay on screen behind the lock.
        self.lock_requested.connect(self._hide_child_windows)
        self.lock_keys = LockFromDialogs(self, self._owns, self.lock_requested.emit)
        self._start_backups()
        check_pages_soon(self, shop)  # a damaged file is said at once (QA s19a F4)
        # Once a day, from the shop's open on: balances of cards past their validity.
        self.giftcard_expiry = GiftCardExpiry(shop, self)
        self.giftcard_expiry.start()

    # -- layout -----------------------------------------------------------------------------

    def _operator_text(self) -> str:
        return self.tr("{operator} ({role})").format(
            operator=self.shop.operator.name, role=role_label(self.shop.operator.role))

    def header_text(self) -> str:
        """Under the shop's name: who is logged in, and at which station."""
        return self.tr("{operator} · {station}").format(operator=self._operator_text(),
                                                        station=station_name())

    def _build_header(self) -> HeaderBar:
        header = self.header = HeaderBar(self.shop_name or APP_NAME, self.header_text(), self)
        self.lock_button = QPushButton(self.tr("Lock"), header)
        self.lock_button.setToolTip(self.tr("Lock the screen; unlock with your password (Ctrl+L)"))
        self.lock_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep keys for the scan field
        self.lock_button.clicked.connect(self.lock_requested)
        self.lock_button.setStyleSheet(
            "QPushButton { color: white; background: rgba(255,255,255,0.14);"
            " border: 1px solid rgba(255,255,255,0.55); border-radius: 4px; padding: 5px 16px; }"
            " QPushButton:hover { background: rgba(255,255,255,0.26); }")
        header.right.addWidget(self.lock_button, 0, Qt.AlignmentFlag.AlignVCenter)
        CompactWhenShort(self, header)
        return header

    def _build_integrity_banner(self) -> QLabel:
        # A rolled-back database could hide redeemed vouchers: on hold, every screen (the
        # counter first) says so in red, and what to do.
        banner = QLabel(self)
        banner.setWordWrap(True)
        banner.setStyleSheet(HOLD_BANNER_STYLE)
        self.integrity_banner = banner
        self._held = bool(self.shop.integrity_problems)
        self.refresh_integrity_banner()
        # A hold can also start mid-session, in whatever core call found it (files replaced
        # under the open shop): the banner follows within a second, whoever caught it.
        self._banner_watch = QTimer(self)
        self._banner_watch.timeout.connect(self._follow_integrity)
        self._banner_watch.start(1000)
        return banner

    def _follow_integrity(self) -> None:
        held = bool(self.shop.integrity_problems)
        if held and self.integrity_banner.isHidden():
            self.refresh_integrity_banner()
        tab = self.redemption_tab()
        if held and not self._held and tab is not None:
            tab.recent.refresh()  # what the records hold now; rows they lost stay, marked
        self._held = held

    def _build_server_button(self, url: str) -> QPushButton:
        """Under a moved folder's red banner: the way to the shop where it lives now."""
        self.server_button = QPushButton(self.tr("Use the shop on the server"), self)
        self.server_button.setToolTip(url)
        self.server_button.clicked.connect(lambda: self.server_requested.emit(url))
        return self.server_button

    def refresh_integrity_banner(self) -> None:
        """After verify put the shop on hold, or an owner acknowledged and lifted it. A folder
        whose shop moved to a server says where it went, from the moment it opens."""
        problem = self.shop.integrity_problem
        text = integrity_message(problem, server=dialect.is_server(self.shop.db),
                                 facts=live_server.hold_facts(self.shop)) if problem else ""
        if problem == FILES_REPLACED:  # and what the replaced files may lack (QA s12e F3)
            text = banner_with_redeemed_before_hold(text, self.shop)
        if self.shop.moved_to is not None:
            text = error_message(ShopMoved(**self.shop.moved_to))
        self.integrity_banner.setText(text)
        self.integrity_banner.setVisible(bool(text))

    def _add_tabs(self) -> None:
        for number, (cls, title, _owners_only) in enumerate(
                (tab for tab in TABS if self.shop.is_owner or not tab[2]), start=1):
            tab = cls(self.shop, self.tabs)
            if isinstance(tab, RedemptionTab):
                # A cashier scanning only with the webcam types nothing: still at work.
                tab.verdict_shown.connect(self.idle.touch)
                verdict_toast.follow(self, tab.verdict_shown, tab.verdict)  # over a dialog
            index = self.tabs.addTab(tab, QCoreApplication.translate("MainWindow", title))
            self.tabs.setTabToolTip(index, self.tr("Ctrl+{number}").format(number=number))
            switch = QAction(self)
            switch.setShortcut(QKeySequence(f"Ctrl+{number}"))
            switch.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(switch)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.server_status = ServerAwayStatus(self)  # for every tab (QA s13b)
        bar.addWidget(self.server_status)
        self.server_status.follow(self.server_watcher())
        self.clock_status = ClockOffStatus(self)  # off the server's, or a file's records
        bar.addWidget(self.clock_status)
        self.clock_status.follow(self.server_watcher(), self.shop)
        self.operator_label = QLabel(self.tr("Operator: {operator}").format(
            operator=self._operator_text()), self)
        # the warnings first: the shop's name gives way (whole in its tooltip; QA s20c F11)
        self.shop_label = ElidedLabel(self.tr("Shop: {shop}").format(shop=self.shop_name), self,
                                      gives_way=True)
        self.station_label = QLabel(self.tr("Station: {station}").format(
            station=station_name()), self)
        labels: tuple[QLabel, ...] = (self.operator_label, self.shop_label, self.station_label)
        if self.shop.is_owner:
            self.backup_label = QLabel(self.tr("Last automatic backup: …"), self)
            self.stock_warning = StockWarning(self.shop, self)
            self._build_no_recovery_key_button()  # before the warning, which takes the rest
            # all the room the labels on the right leave: the count always shows, a long
            # product name is cut (StockWarning)
            bar.addWidget(self.stock_warning, 1)
            labels += (self.backup_label,)
        for number, label in enumerate(labels):
            if number:
                separator = self._separator()
                bar.addPermanentWidget(separator)
                if label is self.shop_label:
                    self._shop_part: tuple[QWidget, ...] = (separator, label)
            label.setContentsMargins(SPACING // 2, 2, SPACING // 2, 2)
            bar.addPermanentWidget(label, SHOP_STRETCH if label is self.shop_label else 0)
        # A message on the left takes the shop's name's room while it shows: the header names
        # the shop (QA s43a F10: the failed logins' sentence was cut at 1024x768).
        bar.messageChanged.connect(self._room_for_message)

    def _room_for_message(self, text: str) -> None:
        for widget in self._shop_part:
            widget.setVisible(not text)

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    # -- window state -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        """Where it was, else 1100×720 or less on a small screen (a netbook at the counter)."""
        saved = settings.MAIN_WINDOW_GEOMETRY.read()
        if not isinstance(saved, QByteArray | bytes) or not self.restoreGeometry(saved):
            fit_to_screen(self, *DEFAULT_SIZE)

    def save_state(self) -> None:
        settings.MAIN_WINDOW_GEOMETRY.write(self.saveGeometry())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.suspended:
            return
        self.idle.set_timeout_ms(idle_lock_minutes() * 60_000)
        self.idle.start()
        self.show_child_windows()

    def hideEvent(self, event: QHideEvent) -> None:
        # Minimising hides the window too (spontaneously): a minimised shop must still lock.
        if not event.spontaneous():
            self.idle.stop()
        super().hideEvent(event)

    def _idle_timeout(self) -> None:
        if self.suspended or self.isHidden():
            return
        log.info("locking after %d s without use", self.idle.timeout_ms // 1000)
        self.lock_requested.emit()

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def _hide_child_windows(self) -> None:
        """Dialogs are windows of their own: hiding this one leaves them on screen."""
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and self._owns(widget):
                widget.hide()
                self._hidden_windows.append(widget)

    def show_child_windows(self) -> None:
        hidden, self._hidden_windows = self._hidden_windows, []
        for widget in hidden:
            if shiboken6.isValid(widget):
                widget.show()
        if hidden:  # raised once this window is: left behind it, a modal dialog hid and
            # held the app (QA s43a F2, without a window manager)
            QTimer.singleShot(0, self, functools.partial(self._raise_windows, hidden))

    @staticmethod
    def _raise_windows(windows: list[QWidget]) -> None:
        """``windows`` over the main window, the last of them taking the keys."""
        shown = [w for w in windows if shiboken6.isValid(w) and w.isVisible()]
        for widget in shown:
            widget.raise_()
        if shown:
            shown[-1].activateWindow()

    def suspend(self) -> None:
        """The shop is about to close under this window (a restore): nothing may touch it."""
        self.suspended = True
        self.idle.stop()
        if self.backups is not None:
            self.backups.stop()
        self.giftcard_expiry.stop()
        self.clock_status.stop()
        self._hide_child_windows()

    def resume(self) -> None:
        """The shop is open again (a refused restore): back to work as before."""
        self.suspended = False
        if self.backups is not None:
            self.backups.start()
        self.giftcard_expiry.timer.start()
        self.clock_status.start()
        if self.isVisible():
            self.idle.start()
            self.show_child_windows()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window ends the app; the app closes the shop after the event loop.
        if not self.closing_anyway and ask_before_closing(
                self, self.redemption_tab(), self._close_anyway) is not None:
            event.ignore()  # a scan is not certain yet: asked first
            return
        self.save_state()
        event.accept()
        self.quit_requested.emit()

    def _close_anyway(self) -> None:
        self.closing_anyway = True
        self.close()

    # -- scans from anywhere ----------------------------------------------------------------

    def redemption_tab(self) -> RedemptionTab | None:
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, RedemptionTab):
                return tab
        return None

    def server_watcher(self) -> ServerWatcher | None:
        """The Redemption tab's watch on the shop's server; None for a file or without it."""
        tab = self.redemption_tab()
        return tab.server_watcher if tab is not None else None

    def takes_scans_itself(self, window: QWidget) -> bool:
        """Whether the Redemption tab's own key filter reads ``window``'s keys right now."""
        tab = self.redemption_tab()
        scanner = tab.scanner_input if tab is not None else None
        return (window is self and scanner is not None and shiboken6.isValid(scanner)
                and scanner.enabled)

    def redeem_scan(self, text: str) -> bool:
        """A scan read anywhere else (another tab, over a dialog): the Redemption tab shows
        and redeems it. False when this operator has no Redemption tab."""
        tab = self.redemption_tab()
        if tab is None or self.suspended:
            return False
        close_popups()  # a menu left open would hide the verdict (QA s35b F1)
        self.tabs.setCurrentWidget(tab)
        tab.submit(text, SCANNER)
        return True

    def tab_count(self) -> int:
        return self.tabs.count()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

