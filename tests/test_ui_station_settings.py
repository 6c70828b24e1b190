"""Settings → This computer: the station name and the idle lock are the owner's (QA s20c F3,
F8). A clerk sees them locked with a tooltip; an owner's change is audited with the PC's name;
a new name another counter used lately is asked about before it is saved."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_ui_settings import idle, open_dialog

from desktop_app.core import auth, fulfilment, orders, products, redemption, station_settings
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop
from desktop_app.ui import settings
from desktop_app.ui.admin.settings_dialog import SettingsDialog
from desktop_app.ui.idle import idle_lock_minutes

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def computer_events() -> list[dict[str, object]]:
    return [json.loads(event.detail) for event in AuditEvent.select().where(
        (AuditEvent.kind == "settings_change") & (AuditEvent.subject == "computer"))
        .order_by(AuditEvent.id)]


def save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()


def redeemed_at(shop: Shop, station: str) -> None:
    product = products.add_product(shop, f"Wash at {station}", "10.00", "service", uses=1)
    order = orders.create_order(shop, [(product.id, 1)], "Kim")
    voucher = fulfilment.pay_order(shop, order.id, "cash")[0]
    assert redemption.redeem(shop, voucher.payload, station).reason == "redeemed"


def test_a_clerk_sees_the_station_and_idle_lock_but_cannot_change_them(
        qtbot: QtBot, shop: Shop) -> None:
    settings.STATION.write("Till 1")
    auth.add_operator(shop, "Bob", "clerk", "clerk-pass-77")
    shop.operator.role = "clerk"  # the same session, seen as a clerk
    try:
        dialog = open_dialog(qtbot, shop)
        assert dialog.station_edit.isReadOnly() and not dialog.idle_minutes.isEnabled()
        assert "owner" in dialog.station_edit.toolTip()
        assert "owner" in dialog.idle_minutes.toolTip()
        assert dialog.idle_minutes.value() == 10 and dialog.station_edit.text() == "Till 1"
        dialog.station_edit.setText("Till 9")  # what a script could do: still not kept
        dialog.idle_minutes.setValue(0)
        dialog.sound_box.setChecked(False)
        save(qtbot, dialog)
    finally:
        shop.operator.role = "owner"
    assert settings.station_name() == "Till 1" and idle_lock_minutes() == 10
    assert settings.SOUND_ON.read() in (False, "false")  # the clerk's own choices are kept
    assert computer_events() == []


def test_an_owner_switching_the_idle_lock_off_is_audited(qtbot: QtBot, shop: Shop) -> None:
    settings.STATION.write("Till 1")
    dialog = open_dialog(qtbot, shop)
    assert dialog.idle_minutes.isEnabled() and not dialog.station_edit.isReadOnly()
    dialog.idle_minutes.setValue(0)
    save(qtbot, dialog)
    assert idle_lock_minutes() == 0
    assert computer_events() == [{"station": "Till 1", "before": {"idle_lock_minutes": 10},
                                  "after": {"idle_lock_minutes": 0}}]
    save(qtbot, open_dialog(qtbot, shop))  # nothing changed: nothing recorded
    assert len(computer_events()) == 1


def test_an_owner_rename_is_audited_old_to_new(qtbot: QtBot, shop: Shop) -> None:
    settings.STATION.write("Till 1")
    dialog = open_dialog(qtbot, shop)
    dialog.station_edit.setText("  Front desk ")
    save(qtbot, dialog)
    assert settings.station_name() == "Front desk"
    assert computer_events() == [{"station": "Till 1", "before": {"station_name": "Till 1"},
                                  "after": {"station_name": "Front desk"}}]


def test_a_name_another_counter_used_lately_is_asked_about(qtbot: QtBot, shop: Shop) -> None:
    settings.STATION.write("Till 1")
    redeemed_at(shop, "Till 2")
    dialog = open_dialog(qtbot, shop)
    dialog.station_edit.setText("Till 2")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    qtbot.waitUntil(lambda: getattr(dialog, "station_warning", None) is not None)
    box = dialog.station_warning
    assert "Till 2" in box.text() and "counted as one" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # the safe answer: nothing saved
    idle()
    assert dialog.isVisible() and settings.station_name() == "Till 1" and not computer_events()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    idle()
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        dialog.station_warning.button(QMessageBox.StandardButton.Yes).click()
    idle()
    assert settings.station_name() == "Till 2"
    assert computer_events()[0]["after"] == {"station_name": "Till 2"}


def test_only_recent_attempts_make_a_name_in_use(shop: Shop) -> None:
    redeemed_at(shop, "Till 2")
    assert station_settings.station_used_recently(shop, "Till 2")
    assert not station_settings.station_used_recently(shop, "Till 3")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=station_settings.RECENT_DAYS + 1)
    assert not station_settings.station_used_recently(shop, "Till 2", now=later)


def test_a_sale_taken_at_a_station_makes_its_name_in_use(shop: Shop) -> None:
    """QA s43b F1: the PC that made the shop on the server and sold there had redeemed
    nothing, and a second counter joined under its name unasked."""
    from desktop_app.core import fulfilment, orders, products

    item = products.add_product(shop, "Car wash", "100.00", "service", uses=5)
    order = orders.create_order(shop, [(item.id, 1)])
    fulfilment.pay_order(shop, order.id, "cash", station="vm")
    assert station_settings.station_used_recently(shop, "vm")
    assert not station_settings.station_used_recently(shop, "Till 3")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=station_settings.RECENT_DAYS + 1)
    assert not station_settings.station_used_recently(shop, "vm", now=later)


def test_a_station_renamed_in_settings_is_the_one_the_next_scan_records(
        qtbot: QtBot, shop: Shop) -> None:
    """QA s35b F2: the header said "Counter B" at once, but scans went on being recorded
    under the old name (the counter kept the name it was built with) until a relogin."""
    from desktop_app.core.models import RedemptionAttempt
    from desktop_app.ui.main_window import MainWindow

    settings.STATION.write("vm")
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    idle()
    dialog = window.open_settings()
    idle()
    dialog.station_edit.setText("Counter B")
    save(qtbot, dialog)
    tab = window.redemption_tab()
    assert tab is not None and "Counter B" in tab.recent.title.text()
    product = products.add_product(shop, "Wash", "10.00", "service", uses=2)
    voucher = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)[0]
    with qtbot.waitSignal(tab.verdict_shown, timeout=15_000) as shown:
        tab.submit(voucher.payload, "scanner")
    assert shown.args[0].ok and shown.args[0].station == "Counter B"
    assert RedemptionAttempt.get_by_id(shown.args[0].attempt_id).station == "Counter B"
    tab.shutdown()
    window.close()
    idle()


def test_a_name_a_counter_took_without_redeeming_yet_is_in_use(shop: Shop) -> None:
    """Joined (or renamed by its owner) and nothing redeemed there yet: the name is taken
    all the same (QA s36a F2: a second new counter joined under it unasked)."""
    assert station_settings.record_joined_station(shop, "DESKTOP-1", "Till 3")
    assert station_settings.station_used_recently(shop, " Till 3 ")
    assert not station_settings.station_used_recently(shop, "DESKTOP-1")  # the name it left
    station_settings.record_computer_change(shop, "Till 3", {"station_name": "Till 3"},
                                            {"station_name": "Front desk"})
    assert station_settings.station_used_recently(shop, "Front desk")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=station_settings.RECENT_DAYS + 1)
    assert not station_settings.station_used_recently(shop, "Till 3", now=later)
