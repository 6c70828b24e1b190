"""Settings → This computer: the two choices only an owner makes (QA s20c F3, F8).

The station name names this counter on every redemption and in the "by station" report; the
idle lock decides how long a counter left open stays logged in. A clerk sees both, locked,
with a tooltip saying the owner sets them; an owner's change is audited (with the PC's name
before it), and a new name another counter used recently is asked about before saving.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox

from desktop_app.core.station_settings import RECENT_DAYS, station_used_recently
from desktop_app.core.store import Shop
from desktop_app.ui import settings
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.idle import IDLE_LOCK_KEY, idle_lock_minutes
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import MessageLabel, hint_label

STATION_KEY = "station_name"
IDLE_KEY = IDLE_LOCK_KEY  # the Qt setting's key, named so in the audit


def owner_sets_this() -> str:
    return QCoreApplication.translate(
        "SettingsDialog", "The shop's owner sets this: log in as the owner to change it.")


def lock_for_clerk(form: QFormLayout, station_edit: QLineEdit, idle_minutes: QSpinBox) -> None:
    """A clerk sees the station name and the idle lock but cannot change them; the tooltip
    (on the field and its label: a disabled field may not show one) says who can."""
    station_edit.setReadOnly(True)
    station_edit.setStyleSheet("QLineEdit { background: palette(window); }")  # looks fixed
    idle_minutes.setEnabled(False)
    for field in (station_edit, idle_minutes):
        field.setToolTip(owner_sets_this())
        label = form.labelForField(field)
        if label is not None:
            label.setToolTip(owner_sets_this())
    form.addRow(hint_label(QCoreApplication.translate(
        "SettingsDialog", "The station name and the lock after no use are set by the shop's "
        "owner."), form.parentWidget()))


def computer_values(station_edit: QLineEdit, idle_minutes: QSpinBox) -> dict[str, object]:
    """The owner-only choices as typed, in the audit's words (the station as it would be
    recorded: the host name when left empty)."""
    return {STATION_KEY: settings.station_name(station_edit.text()),
            IDLE_KEY: idle_minutes.value()}


def computer_now() -> dict[str, object]:
    return {STATION_KEY: settings.station_name(), IDLE_KEY: idle_lock_minutes()}


class StationCheck:
    """Before an owner's rename is saved: has another counter used the new name lately?"""

    shop: Shop
    message: MessageLabel
    station_edit: QLineEdit

    def check_station_then(self, proceed: Callable[[], None],
                           set_busy: Callable[[bool], None]) -> None:
        new = settings.station_name(self.station_edit.text())
        if new == settings.station_name():
            proceed()
            return
        shop = self.shop
        set_busy(True)
        run_in_background(self, lambda: station_used_recently(shop, new),  # type: ignore[arg-type]
                          lambda used: self._warn_if_used(bool(used), new, proceed),
                          errors=self.message, always=lambda: set_busy(False))

    def _warn_if_used(self, used: bool, new: str, proceed: Callable[[], None]) -> None:
        if not used:
            proceed()
            return
        self.station_warning = ask_to_confirm(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("SettingsDialog", "Station name in use"),
            QCoreApplication.translate(
                "SettingsDialog", "Another counter has used the name “{station}” in the last "
                "{days} days; two PCs with one name are counted as one in reports. Save this "
                "name anyway?").format(station=new, days=RECENT_DAYS),
            QCoreApplication.translate("SettingsDialog", "Save anyway"), proceed,
            keep=QCoreApplication.translate("SettingsDialog", "Choose another name"))

