"""An owner undoes a clerk's redemption from the Reports tab's drill-down (QA s16a F6): the use
(or a gift card's spend) goes back, the undo is recorded with the reason and this PC's station,
and the report and its attempts are read again, the undone row no longer undoable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from test_ui_reports import WAIT_MS, idle, open_tab, redeemed_on, show_days

from desktop_app.core import auth, fulfilment, orders, products, redemption
from desktop_app.core.models import RedemptionAttempt, Voucher, database_proxy
from desktop_app.core.store import Shop, open_shop
from desktop_app.ui.reports.reports_tab import ReportsTab

pytestmark = pytest.mark.usefixtures("temp_settings")

CLERK, CLERK_PASSWORD = "小李", "clerk-password-2026"


def redeemed_by_clerk(shop: Shop, shop_dir: Path, payload: str, **amount: int) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with open_shop(shop_dir, CLERK, CLERK_PASSWORD) as clerks:
        assert redemption.redeem(clerks, payload, "Counter 2", **amount).ok
    database_proxy.initialize(shop.db)  # the models follow the owner's shop again


def drilled_today(qtbot: QtBot, shop: Shop) -> ReportsTab:
    QSettings().setValue("station/name", "Office PC")
    tab = open_tab(qtbot, shop)
    day = redeemed_on(shop)
    show_days(tab, day, day)
    tab.drill_down(tab.model.index(tab.model.row_of(lambda r: r["group"] == day), 0))
    qtbot.waitUntil(tab.detail_table.isVisible, timeout=WAIT_MS)
    return tab


def undo_row(qtbot: QtBot, tab: ReportsTab, row: int, reason: str) -> None:
    undo = tab.detail_undo
    assert not undo.button.isEnabled()  # nothing selected yet
    tab.detail_table.selectRow(row)
    assert undo.button.isEnabled()
    qtbot.mouseClick(undo.button, Qt.MouseButton.LeftButton)
    assert undo.panel.isVisible() and not undo.panel.confirm.isEnabled()  # a reason first
    qtbot.keyClicks(undo.panel.note, reason)
    with qtbot.waitSignal(undo.undone, timeout=WAIT_MS):
        qtbot.mouseClick(undo.panel.confirm, Qt.MouseButton.LeftButton)
    idle()
    qtbot.waitUntil(lambda: tab.detail_model.rowCount() == 2, timeout=WAIT_MS)  # re-drilled


def test_an_owner_undoes_a_clerks_scan_from_the_reports(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    wash = products.add_product(shop, "洗车五次卡", "99", uses=5)
    [voucher] = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    redeemed_by_clerk(shop, shop_dir, voucher.payload)
    tab = drilled_today(qtbot, shop)
    undo_row(qtbot, tab, 0, "scanned the wrong card")

    assert Voucher.get_by_id(voucher.id).uses_left == 5
    undone = RedemptionAttempt.get(RedemptionAttempt.reason == "undone")
    assert (undone.station, undone.note, undone.operator.name) == (
        "Office PC", "scanned the wrong card", shop.operator.name)
    assert "given back" in tab.detail_undo.message.text()
    assert [row["redeemed"] - row["undone"] for row in tab.shown_rows()] == [0]
    model = tab.detail_model
    original = model.row_of(lambda d: d.reason == "redeemed")
    assert model.row_at(original).undone
    results = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())].index("Result")
    assert model.data(model.index(original, results)) == "Redeemed, undone since"
    for row in range(2):  # neither the undone redemption nor the undo itself
        tab.detail_table.selectRow(row)
        assert not tab.detail_undo.button.isEnabled()


def test_a_gift_cards_spend_goes_back_on_the_card(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    card = products.add_product(shop, "100元礼品卡", "100", "giftcard")
    [issued] = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)]).id)
    redeemed_by_clerk(shop, shop_dir, issued.payload, amount_cents=3550)
    tab = drilled_today(qtbot, shop)
    undo_row(qtbot, tab, 0, "charged twice")
    assert Voucher.get_by_id(issued.id).balance_cents == 10000
    assert "¥35.50" in tab.detail_undo.message.text()


def test_the_undo_is_gone_with_the_attempts(qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    wash = products.add_product(shop, "洗车五次卡", "99", uses=5)
    [voucher] = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    redeemed_by_clerk(shop, shop_dir, voucher.payload)
    tab = drilled_today(qtbot, shop)
    assert tab.detail_undo.isVisible()
    tab.report_box.setCurrentIndex(tab.report_box.findData("sales"))
    idle()
    assert not tab.detail_undo.isVisible()
    assert dt.date.today() >= redeemed_on(shop)


def test_an_undo_made_meanwhile_elsewhere_is_said_and_nothing_given_twice(
        qtbot: QtBot, shop: Shop, shop_dir: Path) -> None:
    """The drill-down was read before another counter's owner undid the same redemption: the
    second undo is refused in the panel, in words, and the use is given back once."""
    wash = products.add_product(shop, "洗车五次卡", "99", uses=5)
    [voucher] = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    redeemed_by_clerk(shop, shop_dir, voucher.payload)
    tab = drilled_today(qtbot, shop)
    tab.detail_table.selectRow(0)
    undo = tab.detail_undo
    qtbot.mouseClick(undo.button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(undo.panel.note, "wrong card")
    redemption.undo_redemption(shop, tab.detail_model.row_at(0).attempt_id, "at counter 2",
                               "Counter 2")
    qtbot.mouseClick(undo.panel.confirm, Qt.MouseButton.LeftButton)
    idle()
    assert "already undone" in undo.panel.message.text()
    assert "Traceback" not in undo.panel.message.text()
    assert undo.panel.isVisible() and undo.panel.note.isEnabled()  # not stuck busy
    assert Voucher.get_by_id(voucher.id).uses_left == 5
    assert RedemptionAttempt.select().where(RedemptionAttempt.reason == "undone").count() == 1
