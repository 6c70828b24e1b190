"""Every choice this computer remembers (QSettings), with its key and default, in one place.

These are per computer, not per shop: the window's place, the counter's scanner and camera,
the last folder a voucher was saved to. What belongs to the shop lives in its database.
QSettings is placed by the application's organisation and name (``ui.app``), and tests point
it at a temporary folder.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings, QSysInfo

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T

    def read(self) -> object:
        """The stored value as QSettings gives it back (often a string): callers check it."""
        return QSettings().value(self.key, self.default)

    def text(self) -> str:
        return str(self.read() or self.default or "")

    def number(self) -> int:
        """The stored whole number; the default (0 if that is no number) when it is not one."""
        try:
            return int(str(self.read()))
        except (TypeError, ValueError):
            return int(self.default) if isinstance(self.default, int) else 0

    def write(self, value: object) -> None:
        QSettings().setValue(self.key, value)


@dataclass(frozen=True)
class MovedSetting(Setting[T]):
    """A setting whose key changed: the value under the old key counts until one is saved."""

    old_key: str = ""

    def read(self) -> object:
        stored = QSettings()
        if not stored.contains(self.key) and stored.contains(self.old_key):
            return stored.value(self.old_key, self.default)
        return stored.value(self.key, self.default)


# --- the session ------------------------------------------------------------------------------

IDLE_LOCK_MINUTES = Setting("idle_lock_minutes", 10)
# This counter's name on redemptions and in the header; the host name if unset.
STATION = MovedSetting("station/name", "", old_key="station")
LANGUAGE = Setting("ui/language", "")  # en | zh_CN; the system's if unset (--lang wins)
MAIN_WINDOW_GEOMETRY: Setting[object] = Setting("main_window/geometry", None)
# The shop's server chosen at first start ("connect to the shop's server"); empty: this PC only.
SERVER_URL = Setting("shop/server_url", "")


def last_operator(place: str) -> Setting[str]:
    """The name of the last operator who logged in on this PC to the shop at ``place`` (its
    folder, or its server without user or password), offered by the login screen (QA s15a
    F11); never a password. Keyed by a digest: a path's slashes would nest QSettings groups."""
    digest = hashlib.sha256(place.encode("utf-8")).hexdigest()[:16]
    return Setting(f"login/last_operator/{digest}", "")


def forget_shop_names() -> None:
    """Remove the shop names earlier versions kept here in plain text for the login screen:
    nothing of a shop belongs in this computer's plain settings file (its name is in the
    encrypted database)."""
    settings = QSettings()
    if "shops" in settings.childGroups():
        settings.remove("shops")


# --- orders and vouchers ----------------------------------------------------------------------

ORDERS_SPLITTER: Setting[object] = Setting("orders/splitter", None)
LAST_PAYMENT_METHOD = Setting("orders/last_payment_method", "cash")
VOUCHER_LAYOUT = Setting("vouchers/layout", "a4")  # a4 | receipt58 | receipt80 (printer width)
VOUCHER_SAVE_FOLDER = Setting("vouchers/save_folder", "")  # Documents if unset
RECEIPT_PRINTER = Setting("vouchers/printer", "")  # a printer's name; the system's default if unset
REPORT_EXPORT_FOLDER = Setting("reports/export_folder", "")  # Documents if unset

# --- the counter (scanner and camera belong to this computer) ---------------------------------

SCAN_TIMEOUT_MS = Setting("redemption/timeout_ms", 80)  # a burst with no Enter ends after this
SCAN_SUFFIX = Setting("redemption/suffix", "")  # what the scanner sends instead of Enter
VERDICT_CLEAR_S = Setting("redemption/clear_after_s", 6)  # 0: keep until the next scan
SOUND_ON = Setting("redemption/sound", True)
CAMERA_INDEX = Setting("redemption/camera_index", 0)
CAMERA_SIZE = Setting("redemption/camera_size", "640x480")  # asked of the camera, WIDTHxHEIGHT
CAMERA_SIZES = ("640x480", "1280x720", "1920x1080")


def camera_size() -> tuple[int, int]:
    """The capture size this computer's camera is asked for (640x480 if unreadable)."""
    width, _, height = CAMERA_SIZE.text().partition("x")
    if width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0:
        return int(width), int(height)
    return 640, 480
CAMERA_ON = Setting("redemption/camera_on", False)


def station_name(typed: str | None = None) -> str:
    """This counter's name in redemption records: settings ``station`` (or ``typed``, a name
    about to be saved), else the host name."""
    name = (STATION.text() if typed is None else typed).strip()
    return name or QSysInfo.machineHostName() or "station"
