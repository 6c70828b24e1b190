"""A counter joining the shop on the server names itself in "Connect this counter": the
station name, prefilled with the host name, kept as the PC's, audited as an owner's change
is. A clerk joining names it too (the PC has none yet); a name another counter used lately
is asked about as in Settings → This computer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from small_screen_worker import squeezed
from test_ui_station_settings import computer_events, redeemed_at

from desktop_app.core import auth, station_settings
from desktop_app.core.store import Shop
from desktop_app.ui import settings
from desktop_app.ui.session.setup_dialog import SetupDialog
from desktop_app.ui.shop_session import close_shop

SHOP_ENGINES = ("server",)  # joining is the server's: a shop file has one PC
pytestmark = pytest.mark.usefixtures("temp_settings")
WAIT_MS = 15_000


def connect_this_counter(qtbot: QtBot, shop: Shop, folder: Path) -> SetupDialog:
    dialog = SetupDialog(folder, database_url=shop.url)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.place.joining, timeout=WAIT_MS)
    return dialog


def log_in(qtbot: QtBot, dialog: SetupDialog, name: str, password: str) -> None:
    dialog.owner_name.clear()
    qtbot.keyClicks(dialog.owner_name, name)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_a_clerk_joining_names_the_counter_asked_about_a_name_in_use(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    redeemed_at(shop, "Till 2")
    dialog = connect_this_counter(qtbot, shop, tmp_path / "pc2")
    station = dialog.place.station
    host = station.host_name()
    assert station.isVisible() and station.edit.text() == host
    assert not station.edit.isReadOnly()
    station.edit.clear()
    qtbot.keyClicks(station.edit, "Till 2")
    log_in(qtbot, dialog, CLERK, CLERK_PASSWORD)
    qtbot.waitUntil(lambda: station.warning is not None, timeout=WAIT_MS)
    assert station.warning is not None and "Till 2" in station.warning.text()
    station.warning.button(QMessageBox.StandardButton.Cancel).click()  # choose another name
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.shop is None and not settings.STATION.text()
    assert "log in again" in station.message.text()
    station.warning = None
    log_in(qtbot, dialog, CLERK, CLERK_PASSWORD)  # the same name again: this time kept
    qtbot.waitUntil(lambda: station.warning is not None, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        station.warning.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    assert dialog.shop is not None and dialog.shop.operator.name == CLERK
    try:
        assert settings.station_name() == "Till 2"
        assert computer_events() == [{"station": host, "joined": True,
                                      "before": {"station_name": host},
                                      "after": {"station_name": "Till 2"}}]
    finally:
        close_shop(dialog.shop)


def test_a_counter_keeps_the_name_it_has(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """Joined again (a new folder, the same PC's settings): the name is the owner's."""
    settings.STATION.write("Front desk")
    dialog = connect_this_counter(qtbot, shop, tmp_path / "pc2")
    station = dialog.place.station
    assert station.edit.text() == "Front desk" and station.edit.isReadOnly()
    assert "owner" in station.edit.toolTip()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        log_in(qtbot, dialog, "Alice", "correct horse 42")
    assert dialog.shop is not None
    try:
        assert settings.station_name() == "Front desk" and computer_events() == []
    finally:
        close_shop(dialog.shop)


@pytest.mark.parametrize("language", ["en", "zh_CN"], indirect=True)
def test_the_header_grows_with_the_longer_words_of_joining(
        qtbot: QtBot, shop: Shop, tmp_path: Path, language: str) -> None:
    """The header's words change once the shop is found on the server: two lines, not the
    creating words' one, so the band grows instead of cutting them (s33 screenshots)."""
    dialog = connect_this_counter(qtbot, shop, tmp_path / "pc2")
    subtitle = dialog.header.subtitle
    assert subtitle.text() != dialog.tr(
        "Create your shop. You will be its owner and can add clerks later.")
    qtbot.waitUntil(lambda: subtitle.height() >= subtitle.heightForWidth(subtitle.width()),
                    timeout=WAIT_MS)
    assert squeezed(dialog) == []


def test_a_second_counter_joining_under_a_new_counters_name_is_asked(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """The first counter joined as "Till 5" and has redeemed nothing yet (QA s36a F2)."""
    assert station_settings.record_joined_station(shop, "DESKTOP-A", "Till 5")
    dialog = connect_this_counter(qtbot, shop, tmp_path / "pc2")
    station = dialog.place.station
    station.edit.clear()
    qtbot.keyClicks(station.edit, "Till 5")
    log_in(qtbot, dialog, "Alice", "correct horse 42")
    qtbot.waitUntil(lambda: station.warning is not None, timeout=WAIT_MS)
    assert station.warning is not None and "Till 5" in station.warning.text()
    station.warning.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.shop is None and not settings.STATION.text()
