"""A counter joining the shop on the server names itself ("Connect this counter"): its station
name, on every redemption from it and a group of the "by station" report. Prefilled with the
host name; the same field as Settings → This computer (at most 64 characters, empty: the
host name), and a name another counter used lately is asked about as there. Later the name
is the owner's; at join time whoever joins the PC sets it, a clerk too, once: the PC has
none yet. Recorded in the audit log as an owner's change is (``core.station_settings``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLineEdit, QMessageBox, QWidget

from desktop_app.core.station_settings import (
    RECENT_DAYS,
    record_joined_station,
    station_used_recently,
)
from desktop_app.core.store import Shop
from desktop_app.core.text import MAX_STATION
from desktop_app.ui import settings
from desktop_app.ui.admin.owner_computer import owner_sets_this
from desktop_app.ui.confirm import ask_to_confirm
from desktop_app.ui.display import failure_text
from desktop_app.ui.tasks import close_connections, run_in_background
from desktop_app.ui.widgets import MessageLabel, hint_label


class JoinStation(QWidget):
    """The station name row, shown while the PC joins a shop found on the server."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(settings.station_name(), self)
        self.edit.setMaxLength(MAX_STATION)
        self.edit.setPlaceholderText(self.host_name())
        self.message = MessageLabel(self)
        form.addRow(self.tr("Station name:"), self.edit)
        form.addRow(hint_label(self.tr(
            "This counter's name on every redemption made here and in the reports by "
            "station. Later only the shop's owner changes it (Settings → This computer)."),
            self))
        form.addRow(self.message)
        self.named = bool(settings.STATION.text().strip())  # this PC has one: the owner's
        if self.named:
            self.edit.setReadOnly(True)
            self.edit.setToolTip(owner_sets_this())
        self.warning: QMessageBox | None = None

    @staticmethod
    def host_name() -> str:
        return settings.station_name("")  # what the PC is called with no name of its own

    def station(self) -> str:
        """The name as it will be recorded: the host name when left empty."""
        return settings.station_name(self.edit.text())

    def save_then(self, shop: Shop, busy: Callable[[bool], None], done: Callable[[], None]
                  ) -> None:
        """On ``shop``, just joined: the station name checked, asked about if another counter
        used it lately, audited and kept, then ``done``. "Choose another name" (or a failure):
        the shop is closed again, nothing kept; the operator logs in again."""
        self.message.clear()
        if self.named:  # the owner's already: not this dialog's to change
            done()
            return
        name = self.station()
        busy = self._also_here(busy)
        busy(True)
        run_in_background(self, lambda: station_used_recently(shop, name),
                          lambda used: self._ask_if_used(shop, name, bool(used), busy, done),
                          on_failure=lambda exc: self._not_kept(shop, busy, exc))

    def _also_here(self, busy: Callable[[bool], None]) -> Callable[[bool], None]:
        """``busy`` that also holds this field while its name is being checked or kept."""
        def both(on: bool) -> None:
            self.edit.setEnabled(not on)
            busy(on)
        return both

    def _ask_if_used(self, shop: Shop, name: str, used: bool, busy: Callable[[bool], None],
                     done: Callable[[], None]) -> None:
        if not used:
            self._keep(shop, name, busy, done)
            return
        self.warning = ask_to_confirm(
            self, self.tr("Station name in use"),
            self.tr("Another counter has used the name “{station}” in the last {days} days; "
                    "two PCs with one name are counted as one in reports. Use this name "
                    "anyway?").format(station=name, days=RECENT_DAYS),
            self.tr("Use anyway"), lambda: self._keep(shop, name, busy, done),
            keep=self.tr("Choose another name"))
        yes = self.warning.button(QMessageBox.StandardButton.Yes)
        self.warning.buttonClicked.connect(
            lambda button: None if button is yes else self._choose_again(shop, busy))

    def _keep(self, shop: Shop, name: str, busy: Callable[[bool], None],
              done: Callable[[], None]) -> None:
        host = self.host_name()

        def kept(_: object) -> None:
            settings.STATION.write(name)
            busy(False)
            done()

        run_in_background(self, lambda: record_joined_station(shop, host, name), kept,
                          on_failure=lambda exc: self._not_kept(shop, busy, exc))

    def _choose_again(self, shop: Shop, busy: Callable[[bool], None]) -> None:
        self._close(shop, busy)
        self.message.show_warning(self.tr(
            "Type another station name, then log in again."))
        self.edit.setFocus()
        self.edit.selectAll()

    def _not_kept(self, shop: Shop, busy: Callable[[bool], None], exc: Exception) -> None:
        self._close(shop, busy)
        self.message.show_error(failure_text(exc))

    @staticmethod
    def _close(shop: Shop, busy: Callable[[bool], None]) -> None:
        close_connections(shop.db)
        shop.close()
        busy(False)
