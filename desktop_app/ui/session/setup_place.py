"""Where a new PC's shop lives, asked at first start: this PC only, or the shop's server.
On the server, whether the shop is there already is looked up as soon as the address is
given, so a counter PC joining the shop is asked to log in, not to create a shop and become
its owner (QA s20c F4), and to name this counter (``join_station``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QRadioButton, QVBoxLayout, QWidget

from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ShopError
from desktop_app.core.pg_connection import check_url
from desktop_app.messages import error_message
from desktop_app.ui.session.join_station import JoinStation
from desktop_app.ui.tasks import run_in_background
from desktop_app.ui.widgets import MessageLabel, hint_label

# What the server at the address holds, as far as this PC knows.
UNKNOWN, LOOKING, FOUND, NONE, UNREACHED = "unknown", "looking", "found", "none", "unreached"


class ShopPlace(QWidget):
    """The two choices, the server's address, and what was found there."""

    changed = Signal()  # the choice, the address, or what the server holds

    def __init__(self, data_dir: Path, database_url: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.server_state = UNKNOWN
        self._looked_at = ""  # the address the state is of
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.this_pc = QRadioButton(self.tr("This PC only"), self)
        self.on_server = QRadioButton(self.tr("Connect to the shop's server"), self)
        self.server_url = QLineEdit(self)
        self.server_url.setPlaceholderText("postgresql://USER@HOST:5432/DATABASE")
        self.server_url.setText(database_url or "")
        self.server_hint = hint_label(self.tr(
            "Several counters share one shop on a PostgreSQL server. If the shop is already "
            "there, this PC joins it as one more counter: log in below with your operator "
            "name and password. Otherwise it is created there. The server's own password "
            "comes from PGPASSWORD or .pgpass."), self)
        self.address_problem = MessageLabel(self)  # the dialog's check: an address is needed
        self.server_message = MessageLabel(self)  # what looking for the shop there found
        self.station = JoinStation(self)  # joining: this counter's name
        (self.on_server if database_url else self.this_pc).setChecked(True)
        self.on_server.toggled.connect(self._choice_changed)
        self.server_url.textEdited.connect(self._address_edited)
        self.server_url.editingFinished.connect(self.look_for_shop)
        for widget in (self.this_pc, self.on_server, self.server_url, self.address_problem,
                       self.server_message, self.server_hint, self.station):
            column.addWidget(widget)
        self._show_choice()
        self.look_for_shop()  # the address remembered or given: look at once

    def url(self) -> str:
        return self.server_url.text().strip() if self.on_server.isChecked() else ""

    def location(self) -> ShopLocation:
        return ShopLocation(self.data_dir, self.url() or None)

    def joining(self) -> bool:
        """The shop is on the server already: this PC logs in to it as another counter."""
        return bool(self.url()) and self.server_state == FOUND

    def unanswered(self) -> bool:
        """On the server, which has not said whether the shop is there (not asked yet, still
        looking, not reached, the login refused): neither creating nor joining is offered, so
        nobody makes a second shop by mistake (QA s39b F21). An address still being typed is
        asked about when it is left or Enter is pressed; until then the create form showed
        (QA s43b F2)."""
        return bool(self.url()) and self.server_state in (UNKNOWN, LOOKING, UNREACHED)

    def asked(self) -> bool:
        """Whether the server at the address was asked (to look again) or not yet."""
        return self.server_state != UNKNOWN

    def look_for_shop(self) -> None:
        """Whether the server at the address holds the shop, on the worker thread."""
        url = self.url()
        if not url or (url == self._looked_at and self.server_state != UNREACHED):
            return
        self._looked_at = url
        self._set_state(LOOKING)
        self.server_message.show_warning(self.tr("Looking for the shop on the server…"))
        run_in_background(
            self, lambda: ShopLocation(self.data_dir, check_url(url)).exists(),
            on_success=lambda found: self._found(url, bool(found)),
            errors=lambda exc: self._not_reached(url, exc))

    def _found(self, url: str, found: bool) -> None:
        if url != self.url():
            return  # the address changed meanwhile: its own look-up tells
        self.server_message.clear()
        self._set_state(FOUND if found else NONE)

    def _not_reached(self, url: str, exc: ShopError) -> None:
        if url != self.url():
            return
        self.server_message.show_error(error_message(exc))
        self._set_state(UNREACHED)

    def _set_state(self, state: str) -> None:
        self.server_state = state
        self.station.setVisible(self.joining())
        self.changed.emit()

    def _address_edited(self) -> None:
        self._looked_at = ""
        self.server_message.clear()
        self._set_state(UNKNOWN)

    def _choice_changed(self) -> None:
        self._show_choice()
        self.changed.emit()
        self.look_for_shop()

    def _show_choice(self) -> None:
        server = self.on_server.isChecked()
        for widget in (self.server_url, self.server_hint, self.server_message,
                       self.address_problem):
            widget.setVisible(server)
        self.station.setVisible(self.joining())
