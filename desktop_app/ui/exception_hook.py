"""Errors nobody caught: the traceback to the log, a few plain words in one message box.

Qt's own warnings go to the log too."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

import shiboken6
from PySide6.QtCore import (
    QMessageLogContext,
    QtMsgType,
)
from PySide6.QtWidgets import QMessageBox

from desktop_app import APP_NAME
from desktop_app.core.errors import ServerUnreachable, ShopError
from desktop_app.messages import error_message, unexpected_error_message
from desktop_app.ui.widgets import app_icon

log = logging.getLogger(__name__)


_error_box: QMessageBox | None = None


def show_error_box(text: str) -> None:
    """One non-modal message box, reused: a burst of errors must not stack dialogs, and a
    modal one would hold up the next scan."""
    global _error_box
    if _error_box is None or not shiboken6.isValid(_error_box):
        _error_box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, "",
                                 QMessageBox.StandardButton.Ok)
        _error_box.setWindowIcon(app_icon())
    _error_box.setText(text)
    _error_box.show()
    _error_box.raise_()
    _error_box.activateWindow()


def _server_away_said() -> bool:
    from desktop_app.ui.server_away import said_on_screen  # its window's part, loaded late

    return said_on_screen()


class ExceptionHook:
    """``sys.excepthook``: logs the traceback and tells the user in a few plain words.

    ``show`` puts the words on screen; tests pass their own, so no dialog ever opens there.
    """

    def __init__(self, show: Callable[[str], None] = show_error_box) -> None:
        self.show = show

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, ServerUnreachable) and _server_away_said():
            # Something nobody guarded met the server away while the main window's status
            # bar says so already (ui.server_away): no box on top, one per read while the
            # server is down; the screens read again when it is back.
            log.warning("unhandled %s %s (the status bar says it)", exc.code, exc.params)
            return
        if isinstance(exc, ShopError):
            # Expected failures: the code and facts are enough, and never contain a secret.
            log.warning("unhandled %s %s", exc.code, exc.params)
            text = error_message(exc)
        else:
            log.error("unexpected error", exc_info=(exc_type, exc, tb))
            text = unexpected_error_message()
        try:
            self.show(text)
        except Exception:
            log.exception("could not show the error message")


def install_exception_hook(show: Callable[[str], None] | None = None) -> ExceptionHook:
    hook = ExceptionHook(show) if show is not None else ExceptionHook()
    sys.excepthook = hook
    return hook


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: QMessageLogContext, text: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", text)
