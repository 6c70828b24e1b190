"""Start the desktop app: Qt, language, error reporting, then the session (``shop_session``)
walks through setup, login and the main window. ``run_gui`` is the entry point.
"""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_ID, APP_NAME, __version__, collector
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ShopError
from desktop_app.core.paths import is_network_path
from desktop_app.i18n import install_translator
from desktop_app.logs import setup_logging
from desktop_app.messages import error_message
from desktop_app.ui import settings
from desktop_app.ui.exception_hook import _qt_message, install_exception_hook
from desktop_app.ui.shop_session import ShopSession
from desktop_app.ui.widgets import app_icon

log = logging.getLogger(__name__)


def configure_application(app: QCoreApplication) -> None:
    """Names (they place QSettings), version and icon."""
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(APP_NAME)
        app.setWindowIcon(app_icon())
        # The session quits on purpose: between two screens no window is open for a moment.
        app.setQuitOnLastWindowClosed(False)


def run_gui(data_dir: Path, lang: str | None, demo: bool, database_url: str | None = None) -> int:
    """The desktop app on the shop in ``data_dir`` (or on the server of ``database_url`` /
    ``SHOP_DATABASE_URL``); returns the exit status."""
    if not logging.getLogger().handlers:  # __main__ sets logging up; a direct call may not
        setup_logging(None if is_network_path(data_dir) else data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    language = install_translator(app, lang or settings.LANGUAGE.text() or None)
    install_exception_hook()
    qInstallMessageHandler(_qt_message)
    log.info("Voucher Shop %s starting (language %s, demo %s)", __version__, language, demo)
    try:
        remembered = None if demo else settings.SERVER_URL.text()
        location = ShopLocation.choose(data_dir, database_url, remembered)
    except ShopError as exc:
        QMessageBox.critical(None, "Voucher Shop", error_message(exc))
        return 1
    # The core's threads run Python too (the witness sync after a commit, whenever it wakes):
    # in the app, cyclic garbage is collected on the GUI thread only (desktop_app.collector).
    collector.hold()
    session = ShopSession(data_dir, demo=demo, database_url=location.database_url)
    session.finished.connect(app.quit)
    _quit_on_ctrl_c(app)
    session.start()
    try:
        return app.exec()
    finally:
        session.shutdown()
        collector.release()


def _quit_on_ctrl_c(app: QApplication) -> None:
    """Ctrl+C in the terminal ends the app cleanly (the shop closed) instead of being ignored.

    Python runs signal handlers only between its own bytecodes, so a timer wakes it up now
    and then while Qt's event loop waits."""
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(500)
