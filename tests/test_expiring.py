"""Expiring soon: vouchers and gift cards with something left that run out within N days,
the customer to remind (phone masked on screen, in full in the export), the message, CSV."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import expiring, fulfilment, orders, products, redemption
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import Forbidden, InvalidInput
from desktop_app.core.models import AuditEvent
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.expiring_dialog import ExpiringDialog

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sell(shop: Shop, name: str, days: int, customer: str, phone: str, **kind: object) -> str:
    item = products.add_product(shop, name, "50.00", valid_days=days, **kind)  # type: ignore[arg-type]
    order = orders.create_order(shop, [(item.id, 1)], customer, phone)
    return fulfilment.pay_order(shop, order.id, "cash")[0].payload


def stocked(shop: Shop) -> dict[str, str]:
    return {
        "soon": sell(shop, "Wash soon", 5, "王女士", "138 0000 5678", uses=3),
        "card": sell(shop, "Gift card soon", 3, "李先生", "13900001111", kind="giftcard",
                     value="80"),
        "later": sell(shop, "Wash later", 20, "张三", "13700002222", uses=2),
        "used": sell(shop, "Wash used up", 4, "赵四", "13600003333"),
    }


def test_expiring_soon_lists_what_has_something_left(shop: Shop) -> None:
    payloads = stocked(shop)
    redemption.redeem(shop, payloads["used"], station="T")  # its one use is gone
    rows = expiring.expiring_soon(shop, 7)
    assert [r.product for r in rows] == ["Gift card soon", "Wash soon"]  # soonest first
    card, wash = rows
    assert card.balance_cents == 8000 and wash.balance_cents is None and wash.uses_left == 3
    assert wash.phone == "138 0000 5678" and wash.masked_phone == "*******5678"
    assert [r.product for r in expiring.expiring_soon(shop, 30)][-1] == "Wash later"
    assert expiring.expiring_soon(shop, 7, now=utc_now() + dt.timedelta(days=10)) == []
    with pytest.raises(InvalidInput):
        expiring.expiring_soon(shop, 0)
    shop.operator.role = "clerk"
    try:
        with pytest.raises(Forbidden):
            expiring.expiring_soon(shop)
    finally:
        shop.operator.role = "owner"


def test_the_dialog_masks_phones_copies_messages_and_exports_them_whole(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    redemption.redeem(shop, stocked(shop)["used"], station="T")
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.expiring_action.trigger()
    idle()
    dialog = window.dialogs["expiring"]
    assert isinstance(dialog, ExpiringDialog) and dialog.isVisible()
    assert dialog.model.rowCount() == 2 and dialog.summary.text() == "2 to remind"
    shown = [dialog.model.index(r, c).data() for r in range(2) for c in range(7)]
    assert "*******1111" in shown and not any("13900001111" in str(t) for t in shown)
    click(qtbot, dialog.copy_button)
    message = QGuiApplication.clipboard().text()
    assert message.startswith("Hello 李先生, your Gift card soon from Test Shop 测试店")
    assert "¥80.00 left" in message

    dialog.days.setValue(30)
    idle()
    assert dialog.model.rowCount() == 3
    click(qtbot, dialog.export_button)
    assert dialog.file_dialog is not None and dialog.file_dialog.isVisible()
    target = tmp_path / "remind.csv"
    dialog.file_dialog.selectFile(str(target))
    dialog.file_dialog.accept()
    idle()
    assert str(target) in dialog.message.text()
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["phone"] for r in rows] == ["13900001111", "138 0000 5678", "13700002222"]
    assert rows[0]["balance"] == "80.00" and rows[1]["uses_left"] == "3"
    assert rows[2]["message"].startswith("Hello 张三, your Wash later")
    assert AuditEvent.select().where((AuditEvent.kind == "export")
                                     & (AuditEvent.subject == "expiring")).count() == 1
    click(qtbot, dialog.close_button)
    idle()
    assert not dialog.isVisible()
    window.close()
    idle()


def test_batch_vouchers_nobody_can_be_reminded_of_are_left_out_unless_asked(
        qtbot: QtBot, shop: Shop) -> None:
    """QA s10c F6: 98 batch vouchers with no customer buried the 5 customers to remind."""
    sell(shop, "Wash soon", 5, "王女士", "138 0000 5678", uses=3)
    promo = products.add_product(shop, "Promo wash", "10.00", valid_days=5)
    fulfilment.issue_batch(shop, promo.id, 3)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.expiring_action.trigger()
    idle()
    dialog = window.dialogs["expiring"]
    assert isinstance(dialog, ExpiringDialog) and dialog.reachable_only.isChecked()
    assert dialog.model.rowCount() == 1
    assert dialog.summary.text() == "1 to remind (3 without a name or phone not shown)"
    dialog.reachable_only.click()
    assert dialog.model.rowCount() == 4 and dialog.summary.text() == "4 to remind"


def test_an_empty_list_says_why(qtbot: QtBot, shop: Shop) -> None:
    """An empty table read as "still loading?": it says nothing expires, or that the only
    vouchers expiring were sold to nobody named, and how to see them."""
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.expiring_action.trigger()
    idle()
    dialog = window.dialogs["expiring"]
    assert dialog.model.rowCount() == 0 and dialog.empty.label.isVisible()
    assert dialog.empty.label.text() == (
        "Nothing with uses or a balance left expires within 7 days.")
    promo = products.add_product(shop, "Promo wash", "10.00", valid_days=5)
    fulfilment.issue_batch(shop, promo.id, 3)
    dialog.days.setValue(8)
    idle()
    assert dialog.empty.label.text().startswith("3 expiring within 8 days, none sold to")
    dialog.reachable_only.click()
    assert dialog.model.rowCount() == 3 and not dialog.empty.label.isVisible()
    window.close()
    idle()


def test_a_card_key_handed_over_is_never_a_reminder(shop: Shop) -> None:
    """QA s11b F2: a key is delivered with the sale; "use it before it expires" means nothing."""
    from desktop_app.core import cardkeys

    game = products.add_product(shop, "Game key", "45.00", "cardkey", valid_days=3)
    cardkeys.import_card_keys(shop, game.id, "GAME-KEY-0001")
    order = orders.create_order(shop, [(game.id, 1)], "王女士", "13800005678")
    fulfilment.pay_order(shop, order.id, "cash")
    sell(shop, "Wash soon", 5, "王女士", "138 0000 5678", uses=3)
    assert [row.product for row in expiring.expiring_soon(shop, 7)] == ["Wash soon"]


def test_one_use_left_reads_in_the_singular(qapp: object) -> None:
    """QA: "1 uses" in the message a customer receives."""
    from desktop_app.core.expiring import ExpiringVoucher
    from desktop_app.ui.orders.expiring_dialog import left_text, reminder

    row = ExpiringVoucher(1, "ABCD", "Wash", "service", "Ann", "", 1, None,
                          dt.datetime(2030, 1, 2, tzinfo=dt.UTC))
    assert left_text(row, "CNY") == "1 use"
    assert "(1 use left)" in reminder(row, "Corner", "CNY")
    assert left_text(dataclasses.replace(row, uses_left=3), "CNY") == "3 uses"


def test_the_reminder_and_its_export_say_until_when_the_voucher_works(
        qapp: object, shop: Shop, tmp_path: Path) -> None:
    """QA s20b F1: "is valid until 2027-01-30" for a voucher sold at 00:00:30 that ends at
    00:00:30 that day: a customer who came on the 30th was refused. The message says the day
    and time (the last day, for one that ends at midnight), as the printed voucher does; the
    export the local moment to the second."""
    from desktop_app.ui.orders.expiring_dialog import reminder

    sell(shop, "Wash soon", 5, "王女士", "13800005678", uses=3)
    [row] = expiring.expiring_soon(shop, 7)
    until = row.valid_until.astimezone()
    assert until.time() != dt.time(0, 0)  # sold now, it ends at this time of day
    message = reminder(row, "Corner", "CNY")
    assert f"is valid until {until:%Y-%m-%d %H:%M}." in message
    at_midnight = dataclasses.replace(row, valid_until=dt.datetime(2030, 1, 3).astimezone())
    assert "is valid until 2030-01-02." in reminder(at_midnight, "Corner", "CNY")
    target = tmp_path / "remind.csv"
    expiring.export_expiring_csv(shop, target, [row], [message], 7)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        [written] = list(csv.DictReader(handle))
    assert written["valid_until"] == f"{until:%Y-%m-%d %H:%M:%S}"
