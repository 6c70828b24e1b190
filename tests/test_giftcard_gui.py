"""Gift cards on the owner's screens: the product dialog's Value, and under a card's voucher
its balance and ledger with Reload, Cash out and the PIN; balances past their validity are
written off when the shop opens. Real shops, every button clicked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, giftcards, orders, products, redemption
from desktop_app.core.dates import utc_now
from desktop_app.core.models import AuditEvent, GiftCardPin, Product, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.inventory.product_dialog import ProductDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.orders.giftcard_box import PinDialog, ReloadDialog
from desktop_app.ui.orders.voucher_panel import VoucherPanel

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def sell_card(shop: Shop, valid_days: int | None = None) -> fulfilment.IssuedVoucher:
    card = products.add_product(shop, "Gift card 100", "90.00", "giftcard", value="100",
                                valid_days=valid_days)
    order = orders.create_order(shop, [(card.id, 1)], "王女士")
    return fulfilment.pay_order(shop, order.id, "cash")[0]


def test_the_product_dialog_sells_a_card_at_its_value(qtbot: QtBot, shop: Shop) -> None:
    dialog = ProductDialog(shop, "CNY")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog._rows["value"].isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("giftcard"))  # raised a KeyError before
    assert dialog._rows["value"].isVisible() and not dialog._rows["uses"].isVisible()
    QTest.keyClicks(dialog.name, "Gift card 100")
    QTest.keyClicks(dialog.price, "90")
    QTest.keyClicks(dialog.value, "0")
    click(qtbot, dialog.save_button)
    assert dialog.messages["value"].text()  # a card worth nothing is refused, nothing lost
    assert dialog.isVisible() and dialog.value.text() == "0"
    dialog.value.setText("100")
    click(qtbot, dialog.save_button)
    idle()
    product = Product.get_by_id(dialog.saved_id)
    assert (product.kind, product.price_cents, product.value_cents) == ("giftcard", 9000, 10000)
    edit = ProductDialog(shop, "CNY", products.product_detail(shop, product.id))
    qtbot.addWidget(edit)
    edit.show()
    # The value shows when editing too (QA: hidden, a new price left it behind), and the
    # dialog says that cards already sold keep theirs.
    assert edit._rows["value"].isVisible() and edit.value.text() == "100.00"
    assert "cards already sold keep their balance" in " ".join(
        label.text() for label in edit._rows["value"].findChildren(QLabel))


def open_panel(qtbot: QtBot, shop: Shop, issued: fulfilment.IssuedVoucher) -> VoucherPanel:
    panel = VoucherPanel(shop)
    qtbot.addWidget(panel)
    panel.resize(900, 640)
    panel.show()
    panel.show_vouchers(Voucher.get_by_id(issued.id).order_id, [issued.id])
    idle()
    return panel


def test_reload_cash_out_and_pin_under_the_card(qtbot: QtBot, shop: Shop) -> None:
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "2000")
    issued = sell_card(shop)
    panel = open_panel(qtbot, shop, issued)
    box = panel.giftcard
    assert box.isVisible() and box.balance.text() == "Balance ¥100.00"
    assert [box.model.index(r, 1).data() for r in range(box.model.rowCount())] == ["Issued"]
    assert not box.cashout_button.isEnabled()  # 100 is over the 20 the owner allows

    click(qtbot, box.reload_button)
    reload = box.dialog
    assert isinstance(reload, ReloadDialog) and reload.isVisible()
    QTest.keyClicks(reload.amount, "50")
    reload.set_method("wechat")
    click(qtbot, reload.reload_button)
    idle()
    assert not reload.isVisible() and box.balance.text() == "Balance ¥150.00"
    assert panel.card.uses.text() == "Balance ¥150.00"
    ledger = [[box.model.index(r, c).data() for c in range(1, 5)]
              for r in range(box.model.rowCount())]
    assert ledger == [["Reloaded", "¥50.00", "¥150.00", "Alice"],  # newest first
                      ["Issued", "¥100.00", "¥100.00", "Alice"]]

    assert redemption.redeem(shop, issued.payload, "T", amount_cents=13500).ok
    panel.go_to(0)
    idle()
    assert box.balance.text() == "Balance ¥15.00"
    click(qtbot, box.cashout_button)
    confirm = box.confirm_box
    assert confirm is not None and confirm.isVisible()
    pay = confirm.button(QMessageBox.StandardButton.Yes)
    assert pay.text() == "Pay out ¥15.00"  # named, not Yes/No (QA L6)
    assert confirm.defaultButton() is confirm.button(QMessageBox.StandardButton.Cancel)
    click(qtbot, pay)
    idle()
    assert box.balance.text() == "Balance ¥0.00" and "¥15.00" in box.message.text()
    assert Voucher.get_by_id(issued.id).balance_cents == 0

    click(qtbot, box.pin_button)
    pin = box.dialog
    assert isinstance(pin, PinDialog)
    QTest.keyClicks(pin.pin, "12a")
    click(qtbot, pin.set_button)
    idle()
    assert pin.isVisible() and pin.error.text()  # refused in words, the dialog stays
    assert "PIN: Not a number." in pin.error.text()  # said "a file name ending in" before
    pin.pin.setText("1234")
    click(qtbot, pin.set_button)
    idle()
    assert giftcards.check_pin(shop, Voucher.get_by_id(issued.id), "1234").right
    assert box.clear_pin_button.isVisible() and box.pin_button.text() == "Change PIN…"
    click(qtbot, box.clear_pin_button)
    idle()
    assert GiftCardPin.select().count() == 0 and not box.clear_pin_button.isVisible()
    kinds = [e.kind for e in AuditEvent.select().where(AuditEvent.kind.startswith("giftcard"))]
    assert kinds == ["giftcard_reload", "giftcard_cashout", "giftcard_pin", "giftcard_pin"]


def ledger_kinds(panel: VoucherPanel) -> list[str]:
    box = panel.giftcard
    return [box.model.index(r, 1).data() for r in range(box.model.rowCount())]


def test_showing_the_same_card_again_reads_its_box_again(qtbot: QtBot, shop: Shop) -> None:
    """Spends and an undo at the counter, then the order shown again: the box under the card
    says what the card says (it kept the first balance, and offered to cash that out)."""
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "2000")
    issued = sell_card(shop)
    panel = open_panel(qtbot, shop, issued)
    box = panel.giftcard
    assert box.balance.text() == "Balance ¥100.00" and not box.cashout_button.isEnabled()
    spent = redemption.redeem(shop, issued.payload, "T", amount_cents=8500)
    assert spent.ok and spent.attempt_id is not None
    assert redemption.redeem(shop, issued.payload, "T", amount_cents=10).ok
    redemption.undo_redemption(shop, spent.attempt_id, "wrong amount", "T")
    assert redemption.redeem(shop, issued.payload, "T", amount_cents=8766).ok
    order_id = Voucher.get_by_id(issued.id).order_id
    panel.show_vouchers(order_id, [issued.id])  # the Orders tab's refresh of the same order
    idle()
    assert panel.card.uses.text() == "Balance ¥12.24"
    assert box.balance.text() == "Balance ¥12.24"
    assert ledger_kinds(panel) == ["Spent", "Spend undone", "Spent", "Spent", "Issued"]
    assert box.model.index(0, 3).data() == "¥12.24"  # the latest movement, in sight
    assert box.cashout_button.isEnabled()
    assert box.state is not None and box.state.balance_cents == 1224


def test_no_cash_out_button_where_the_owner_allows_none(qtbot: QtBot, shop: Shop) -> None:
    panel = open_panel(qtbot, shop, sell_card(shop))
    assert panel.giftcard.reload_button.isVisible()
    assert not panel.giftcard.cashout_button.isVisible()


def test_a_pass_shows_no_gift_card_box(qtbot: QtBot, shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00", uses=2)
    order = orders.create_order(shop, [(wash.id, 1)])
    issued = fulfilment.pay_order(shop, order.id, "cash")[0]
    panel = open_panel(qtbot, shop, issued)
    assert not panel.giftcard.isVisible()


def test_balances_past_their_validity_are_written_off_when_the_shop_opens(
        qtbot: QtBot, shop: Shop) -> None:
    issued = sell_card(shop, valid_days=30)
    Voucher.update(valid_until=utc_now() - dt.timedelta(minutes=1)).where(
        Voucher.id == issued.id).execute()  # the 30 days went by
    window = MainWindow(shop)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.giftcard_expiry.expired, timeout=15_000) as expired:
        pass
    assert expired.args == [1]
    assert Voucher.get_by_id(issued.id).balance_cents == 0
    assert [e.kind for e in giftcards.ledger(issued.id)] == ["issue", "expiry"]
    window.giftcard_expiry.run()  # again the next day: nothing twice
    idle()
    assert [e.kind for e in giftcards.ledger(issued.id)] == ["issue", "expiry"]
    window.close()
    idle()


def test_a_card_spent_from_under_the_cash_out_question_pays_out_nothing(
        qtbot: QtBot, shop: Shop) -> None:
    """The question named the cash to hand over; a counter spent from the card before the
    click: nothing is paid out, the cashier is told the new amount and sees the card again,
    as a refund does (QA s36a F1)."""
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "2000")
    issued = sell_card(shop)
    assert redemption.redeem(shop, issued.payload, "T", amount_cents=8500).ok
    panel = open_panel(qtbot, shop, issued)
    box = panel.giftcard
    click(qtbot, box.cashout_button)
    confirm = box.confirm_box
    assert confirm is not None
    pay = confirm.button(QMessageBox.StandardButton.Yes)
    assert pay.text() == "Pay out ¥13.50"  # ¥15.00 left of a card sold at 90 for 100
    assert redemption.redeem(shop, issued.payload, "Counter 2", amount_cents=500).ok
    click(qtbot, pay)
    idle()
    assert Voucher.get_by_id(issued.id).balance_cents == 1000  # nothing paid out
    said = box.message.text()
    assert "Nothing was paid out" in said and "pay out ¥9.00, not ¥13.50" in said
    assert box.balance.text() == "Balance ¥10.00"
    with pytest.raises(giftcards.InvalidState):
        giftcards.cash_out(shop, Voucher.get_by_id(issued.id), "T", expect_cents=1350)
    assert giftcards.cash_out(shop, Voucher.get_by_id(issued.id), "T",
                              expect_cents=900).money_cents == 900


@pytest.mark.qt_log_ignore("QPainter::begin\\(\\): Returned false")  # the refusal itself
def test_a_printer_that_cannot_be_opened_is_said_so_not_as_a_crash(
        qtbot: QtBot, shop: Shop, tmp_path: object) -> None:
    """QA s39a F2: "Print to file (PDF)" with a folder as its file (Qt's default on Linux), or
    a printer offline or removed, said "Something went wrong … restart Voucher Shop"."""
    from PySide6.QtPrintSupport import QPrinter

    panel = open_panel(qtbot, shop, sell_card(shop))
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path))  # a folder, not a file
    panel.print_to(printer)
    qtbot.waitUntil(lambda: not panel.busy, timeout=15_000)
    said = panel.message.text()
    assert said.startswith("The printer could not be opened: nothing was printed.")
    assert "restart" not in said
