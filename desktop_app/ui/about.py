"""About Voucher Shop: the version, where the shop and the log file are, and what this install
has (QR decoders, Qt, Python)."""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from desktop_app import __version__
from desktop_app.logs import log_file
from desktop_app.messages import server_address


def decoder_names() -> list[str]:
    """The QR decoders this install can use, for About; empty if scanning is not there yet."""
    try:
        from desktop_app.scanning.decoders import available_decoders
    except ImportError:
        return []
    found = available_decoders()
    return [str(name) for name in found]


def _place_text(data_dir: Path | None, database_url: str) -> str:
    """Where the shop is kept, in the words of someone who has to find it."""
    if database_url:
        return QCoreApplication.translate(
            "MainWindow", "The shop is kept on the shop's server {server}.").format(
            server=html.escape(server_address(database_url)))
    if data_dir is None:
        return QCoreApplication.translate(
            "MainWindow", "The shop is kept in an encrypted database on this computer.")
    return QCoreApplication.translate(
        "MainWindow", "The shop is kept in an encrypted database on this computer, in "
        "{folder}.").format(folder=html.escape(str(data_dir)))


def _log_text(path: Path | None) -> str:
    if path is None:
        return QCoreApplication.translate(
            "MainWindow", "No log file: messages go to the terminal the app was started from.")
    return QCoreApplication.translate("MainWindow", "Log file: {path}").format(
        path=html.escape(str(path)))


def about_text(data_dir: Path | None = None, database_url: str = "") -> str:
    """Version, what the app is, where the shop and its log file are, and what this install
    can decode; in MainWindow's words."""
    decoders = ", ".join(decoder_names()) or QCoreApplication.translate("MainWindow", "none found")
    return QCoreApplication.translate(
        "MainWindow", "<h3>Voucher Shop {version}</h3>"
        "<p>Sells vouchers, gift cards and card keys, and redeems them at the counter. "
        "{place}</p><p>{log}</p>"
        "<p>QR decoders: {decoders}<br>Qt {qt}, Python {python}, {system}</p>"
    ).format(version=__version__, place=_place_text(data_dir, database_url),
             log=_log_text(log_file()), decoders=decoders, qt=pyside_version,
             python=platform.python_version(), system=platform.system() or sys.platform)


def open_log_folder() -> bool:
    """Show the log file's folder in the system's file manager; False when there is none or
    it cannot be opened."""
    path = log_file()
    return path is not None and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
