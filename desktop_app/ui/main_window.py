"""The shop's main window: a header, the tabs this operator may use, and a status bar."""

from __future__ import annotations

import logging
import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QSettings,
    QSize,
    QSysInfo,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.core.store import Shop
from desktop_app.messages import integrity_message, role_label
from desktop_app.ui import (
    ACCENT,
    ACCENT_LIGHT,
    SPACING,
    WARNING_COLOR,
    HeaderBar,
    app_icon,
    scaled_font,
)
from desktop_app.ui.inventory_tab import InventoryTab
from desktop_app.ui.orders_tab import OrdersTab
from desktop_app.ui.redemption_tab import RedemptionTab

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1100, 720)
# Flat tabs underlined in the header's colour: large targets for a touch screen at a counter.
TAB_STYLE = (
    "QTabBar::tab { padding: 9px 22px; border: none; border-bottom: 3px solid transparent;"
    " background: transparent; }"
    f" QTabBar::tab:selected {{ border-bottom: 3px solid {ACCENT}; color: {ACCENT}; }}"
    f" QTabBar::tab:hover:!selected {{ border-bottom: 3px solid {ACCENT_LIGHT}; }}"
)
GEOMETRY_KEY = "main_window/geometry"
STATION_KEY = "station"

# (tab class, title, owners only). Each class is built as ``cls(shop, parent)``.
TABS: tuple[tuple[type[QWidget], str, bool], ...] = (
    (InventoryTab, QT_TRANSLATE_NOOP("MainWindow", "Inventory"), True),
    (OrdersTab, QT_TRANSLATE_NOOP("MainWindow", "Orders"), True),
    (RedemptionTab, QT_TRANSLATE_NOOP("MainWindow", "Redemption"), False),
)


def station_name() -> str:
    """This counter's name in redemption records: settings ``station``, else the host name."""
    name = str(QSettings().value(STATION_KEY, "") or "").strip()
    return name or QSysInfo.machineHostName() or "station"


def decoder_names() -> list[str]:
    """The QR decoders this install can use, for About; empty if scanning is not there yet."""
    try:
        from desktop_app.scanning.decoders import available_decoders
    except ImportError:
        return []
    found = available_decoders()
    return [str(name) for name in found]


class MainWindow(QMainWindow):
    """Built for one open shop and operator; Lock and Log out are decided by the app."""

    lock_requested = Signal()
    logout_requested = Signal()
    quit_requested = Signal()

    def __init__(self, shop: Shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWindowTitle(self.tr("{shop} — Voucher Shop").format(shop=shop.name))
        self.setWindowIcon(app_icon())
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
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self._build_status_bar()
        self._restore_geometry()

    # -- layout -----------------------------------------------------------------------------

    def _operator_text(self) -> str:
        return self.tr("{operator} ({role})").format(
            operator=self.shop.operator.name, role=role_label(self.shop.operator.role))

    def _build_header(self) -> HeaderBar:
        header = HeaderBar(self.shop.name or APP_NAME, self._operator_text(), self)
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
        return header

    def _build_integrity_banner(self) -> QLabel:
        # A rolled-back database could hide redeemed vouchers: say so on every screen.
        problem = getattr(self.shop, "integrity_problem", None)
        banner = QLabel(integrity_message(problem) if problem else "", self)
        banner.setWordWrap(True)
        banner.setStyleSheet(f"background: #fff4e5; color: {WARNING_COLOR};"
                             " padding: 8px 20px; border-bottom: 1px solid #f5c27a;")
        banner.setVisible(bool(problem))
        return banner

    def _add_tabs(self) -> None:
        for number, (cls, title, _owners_only) in enumerate(
                (tab for tab in TABS if self.shop.is_owner or not tab[2]), start=1):
            index = self.tabs.addTab(cls(self.shop, self.tabs),
                                     QCoreApplication.translate("MainWindow", title))
            self.tabs.setTabToolTip(index, self.tr("Ctrl+{number}").format(number=number))
            switch = QAction(self)
            switch.setShortcut(QKeySequence(f"Ctrl+{number}"))
            switch.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(switch)

    def _build_menus(self) -> None:
        shop_menu = self.menuBar().addMenu(self.tr("&Shop"))
        self.lock_action = shop_menu.addAction(self.tr("&Lock"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.logout_action = shop_menu.addAction(self.tr("Log &out"))
        self.logout_action.triggered.connect(self.logout_requested)
        shop_menu.addSeparator()
        self.quit_action = shop_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About Voucher Shop"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(True)
        self.operator_label = QLabel(self.tr("Operator: {operator}").format(
            operator=self._operator_text()), self)
        self.shop_label = QLabel(self.tr("Shop: {shop}").format(shop=self.shop.name), self)
        self.station_label = QLabel(self.tr("Station: {station}").format(
            station=station_name()), self)
        labels = (self.operator_label, self.shop_label, self.station_label)
        for number, label in enumerate(labels):
            if number:
                bar.addPermanentWidget(self._separator())
            label.setContentsMargins(SPACING // 2, 2, SPACING // 2, 2)
            bar.addPermanentWidget(label)

    def _separator(self) -> QFrame:
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        return line

    # -- window state -----------------------------------------------------------------------

    def default_size(self) -> QSize:
        """1100×720, or less on a small screen (a netbook at the counter)."""
        size = QSize(*DEFAULT_SIZE)
        screen = self.screen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() * 0.95)
        return size

    def _restore_geometry(self) -> None:
        saved = QSettings().value(GEOMETRY_KEY)
        if saved is None or not self.restoreGeometry(saved):
            self.resize(self.default_size())

    def save_state(self) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window ends the app; the app closes the shop after the event loop.
        self.save_state()
        event.accept()
        self.quit_requested.emit()

    def tab_count(self) -> int:
        return self.tabs.count()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    # -- about ------------------------------------------------------------------------------

    def about_text(self) -> str:
        decoders = ", ".join(decoder_names()) or self.tr("none found")
        return self.tr(
            "<h3>Voucher Shop {version}</h3>"
            "<p>Sells vouchers, gift cards and card keys, and redeems them at the counter. "
            "The shop is kept in an encrypted database on this computer.</p>"
            "<p>QR decoders: {decoders}<br>Qt {qt}, Python {python}, {system}</p>"
        ).format(version=__version__, decoders=decoders, qt=pyside_version,
                 python=platform.python_version(), system=platform.system() or sys.platform)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About Voucher Shop"),
                          self.about_text(), QMessageBox.StandardButton.Close, self)
        box.setIconPixmap(app_icon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_box = box
        box.open()  # not exec(): a scan must never wait behind a dialog's own event loop
