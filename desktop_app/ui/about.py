"""About Voucher Shop: the version, and what this install has (QR decoders, Qt, Python)."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication

from desktop_app import __version__


def decoder_names() -> list[str]:
    """The QR decoders this install can use, for About; empty if scanning is not there yet."""
    try:
        from desktop_app.scanning.decoders import available_decoders
    except ImportError:
        return []
    found = available_decoders()
    return [str(name) for name in found]


def about_text() -> str:
    """Version, what the app is, and what this install can decode; in MainWindow's words."""
    decoders = ", ".join(decoder_names()) or QCoreApplication.translate("MainWindow", "none found")
    return QCoreApplication.translate(
        "MainWindow",
        "<h3>Voucher Shop {version}</h3>"
        "<p>Sells vouchers, gift cards and card keys, and redeems them at the counter. "
        "The shop is kept in an encrypted database on this computer.</p>"
        "<p>QR decoders: {decoders}<br>Qt {qt}, Python {python}, {system}</p>"
    ).format(version=__version__, decoders=decoders, qt=pyside_version,
             python=platform.python_version(), system=platform.system() or sys.platform)
