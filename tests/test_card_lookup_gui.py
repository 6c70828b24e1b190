"""Gift card by phone + PIN on the Orders tab: find the caller's cards, open one with its PIN;
wrong PINs say how many attempts are left, then lock; a card without a PIN says so. Real
shop, every button clicked; the card's code never appears in the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, giftcards, orders, products
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.orders.card_lookup_dialog import CardLookupDialog
from desktop_app.ui.orders.orders_tab import OrdersTab

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

PIN = "3579"


def idle() -> None:
    assert tasks.wait_until_idle(15_000), "a background task did not finish"


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isVisible() and button.isEnabled(), button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sell_cards(shop: Shop) -> list[fulfilment.IssuedVoucher]:
    card = products.add_product(shop, "Gift card 100", "100", "giftcard")
    order = orders.create_order(shop, [(card.id, 2)], "王女士", "138 0000 5678")
    issued = fulfilment.pay_order(shop, order.id, "cash")
    giftcards.set_pin(shop, Voucher.get_by_id(issued[0].id), PIN)
    return issued


def open_dialog(qtbot: QtBot, shop: Shop) -> CardLookupDialog:
    tab = OrdersTab(shop)
    qtbot.addWidget(tab)
    tab.resize(1100, 800)
    tab.show()
    idle()
    click(qtbot, tab.card_lookup_button)
    dialog = tab.dialog
    assert isinstance(dialog, CardLookupDialog) and dialog.isVisible()
    return dialog


def choose(dialog: CardLookupDialog, voucher_id: int) -> None:
    dialog.table.selectRow(dialog.cards.row_of(lambda ref: ref.voucher_id == voucher_id))


def find_and_choose(qtbot: QtBot, dialog: CardLookupDialog, voucher_id: int) -> None:
    """The caller's phone typed and searched, then their card chosen in the list."""
    qtbot.keyClicks(dialog.search, "5678")
    click(qtbot, dialog.find_button)
    idle()
    choose(dialog, voucher_id)


def shown_text(dialog: CardLookupDialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_find_by_phone_then_the_right_pin_shows_the_balance(qtbot: QtBot, shop: Shop) -> None:
    with_pin, without = sell_cards(shop)
    dialog = open_dialog(qtbot, shop)
    assert not dialog.find_button.isEnabled() and not dialog.lookup_button.isEnabled()
    qtbot.keyClicks(dialog.search, "5678")
    click(qtbot, dialog.find_button)
    idle()
    assert [dialog.cards.row_at(r).voucher_id for r in range(dialog.cards.rowCount())] == [
        without.id, with_pin.id]
    assert with_pin.code not in shown_text(dialog)

    choose(dialog, without.id)
    assert "no PIN" in dialog.message.text() and not dialog.pin.isEnabled()
    assert not dialog.lookup_button.isEnabled()

    choose(dialog, with_pin.id)
    assert dialog.pin.isEnabled() and not dialog.message.isVisible()
    qtbot.keyClicks(dialog.pin, "35a79")  # the letter is not taken
    assert dialog.pin.text() == PIN
    click(qtbot, dialog.lookup_button)
    idle()
    assert dialog.answer.isVisible()
    assert dialog.balance.text() == f"Card #{with_pin.id}: balance ¥100.00"
    assert "can be spent now" in dialog.facts.text()
    assert dialog.facts.text().endswith("· no expiry")  # QA: "valid until no end date"
    assert dialog.ledger_model.rowCount() == 1 and dialog.pin.text() == ""
    assert with_pin.code not in shown_text(dialog) and with_pin.payload not in shown_text(dialog)
    qtbot.keyClicks(dialog.pin, "1")  # a new PIN: the last answer goes
    assert not dialog.answer.isVisible()
    assert [e.kind for e in AuditEvent.select().where(AuditEvent.kind == "giftcard_lookup")] == [
        "giftcard_lookup"]
    click(qtbot, dialog.close_button)
    assert not dialog.isVisible()


def test_wrong_pins_count_down_then_lock(qtbot: QtBot, shop: Shop) -> None:
    with_pin, _ = sell_cards(shop)
    dialog = open_dialog(qtbot, shop)
    dialog.search_by.setCurrentIndex(dialog.search_by.findData("order"))
    qtbot.keyClicks(dialog.search, "x")
    click(qtbot, dialog.find_button)
    assert "digits" in dialog.message.text()  # not sent anywhere
    dialog.search.setText(f"#{with_pin.order_id}")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    idle()
    assert dialog.cards.rowCount() == 2
    choose(dialog, with_pin.id)
    for left in range(giftcards.PIN_MAX_FAILURES - 1, 0, -1):
        qtbot.keyClicks(dialog.pin, "0000")
        click(qtbot, dialog.lookup_button)
        idle()
        said = f"{left} attempts left" if left != 1 else "1 attempt left"  # not "1 attempts"
        assert said in dialog.message.text()
        assert not dialog.answer.isVisible()
    qtbot.keyClicks(dialog.pin, "0000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    idle()
    assert "locked until" in dialog.message.text()
    qtbot.keyClicks(dialog.pin, PIN)
    click(qtbot, dialog.lookup_button)
    idle()
    assert "locked until" in dialog.message.text() and not dialog.answer.isVisible()
    kinds = [e.kind for e in AuditEvent.select().where(AuditEvent.kind.startswith("giftcard_p"))]
    assert kinds.count("giftcard_pin_wrong") == giftcards.PIN_MAX_FAILURES - 1
    assert kinds.count("giftcard_pin_locked") == 2


def test_nothing_found_and_too_short_say_so(qtbot: QtBot, shop: Shop) -> None:
    sell_cards(shop)
    dialog = open_dialog(qtbot, shop)
    qtbot.keyClicks(dialog.search, "9999")
    click(qtbot, dialog.find_button)
    idle()
    assert dialog.cards.rowCount() == 0 and "No gift cards" in dialog.message.text()
    dialog.search.setText("56")
    click(qtbot, dialog.find_button)
    idle()
    assert "Phone" in dialog.message.text() and "4" in dialog.message.text()


def test_a_full_width_phone_and_pin_find_and_open_the_card(qtbot: QtBot, shop: Shop) -> None:
    """QA s18b F2/F9: a Chinese input method's full-width digits, in the phone and the PIN."""
    with_pin, without = sell_cards(shop)
    dialog = open_dialog(qtbot, shop)
    typed = QInputMethodEvent()
    typed.setCommitString("＋８６　１３８００００５６７８")
    QApplication.sendEvent(dialog.search, typed)
    click(qtbot, dialog.find_button)
    idle()
    assert [dialog.cards.row_at(r).voucher_id for r in range(dialog.cards.rowCount())] == [
        without.id, with_pin.id]
    choose(dialog, with_pin.id)
    dialog.pin.insert("３５７９")  # as pasted: the field's validator lets it in
    assert dialog.pin.text() == "３５７９"
    click(qtbot, dialog.lookup_button)
    idle()
    assert dialog.balance.text() == f"Card #{with_pin.id}: balance ¥100.00"


def test_the_customer_without_the_card_pays_with_its_pin(qtbot: QtBot, shop: Shop) -> None:
    """The customer at the counter without the card gives their phone and the PIN: the
    amount is spent once (the PIN typed again for each spend), the balance after is shown,
    the code never is; a wrong PIN or too large an amount spends nothing."""
    with_pin, _ = sell_cards(shop)
    dialog = open_dialog(qtbot, shop)
    find_and_choose(qtbot, dialog, with_pin.id)
    assert dialog.amount.isEnabled() and not dialog.spend_button.isEnabled()
    typed = QInputMethodEvent()
    typed.setCommitString("３０元")  # as a Chinese input method types it
    QApplication.sendEvent(dialog.amount, typed)
    assert not dialog.spend_button.isEnabled()  # no PIN yet
    qtbot.keyClicks(dialog.pin, PIN)
    click(qtbot, dialog.spend_button)
    idle()
    assert dialog.message.text() == f"Spent ¥30.00 from card #{with_pin.id}. Balance now ¥70.00."
    assert dialog.balance.text() == f"Card #{with_pin.id}: balance ¥70.00"
    assert dialog.pin.text() == "" and dialog.amount.text() == ""
    assert Voucher.get_by_id(with_pin.id).balance_cents == 7000
    assert with_pin.code not in shown_text(dialog) and with_pin.payload not in shown_text(dialog)

    qtbot.keyClicks(dialog.amount, "80")
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter in the amount spends too
    idle()
    assert dialog.message.text() == (
        "Nothing was spent: the card holds ¥70.00, less than ¥80.00.")
    dialog.amount.setText("20")
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)  # the PIN typed last: Enter spends
    idle()
    assert dialog.message.text() == f"Spent ¥20.00 from card #{with_pin.id}. Balance now ¥50.00."
    assert Voucher.get_by_id(with_pin.id).balance_cents == 5000
    qtbot.keyClicks(dialog.amount, "5")
    qtbot.keyClicks(dialog.pin, "0000")
    click(qtbot, dialog.spend_button)
    idle()
    assert "attempts left" in dialog.message.text() and not dialog.answer.isVisible()
    assert Voucher.get_by_id(with_pin.id).balance_cents == 5000


def test_an_amount_that_is_none_says_why_and_an_old_answer_goes(qtbot: QtBot,
                                                                 shop: Shop) -> None:
    """QA s35b F9: after "less than ¥1,000.00", typing 0, -1 or 1,5 and Enter said nothing new
    and the old answer about another amount stayed under the field."""
    with_pin, _ = sell_cards(shop)
    dialog = open_dialog(qtbot, shop)
    find_and_choose(qtbot, dialog, with_pin.id)
    qtbot.keyClicks(dialog.amount, "1000")
    qtbot.keyClicks(dialog.pin, PIN)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    idle()
    assert dialog.message.text().startswith("Nothing was spent")
    for typed, said in (("0", "Must be more than zero."), ("-1", "Cannot be negative."),
                        ("1,5", "Not a number: write the decimals after a point, 1.5.")):
        dialog.amount.clear()
        qtbot.keyClicks(dialog.amount, typed)
        assert not dialog.message.text().startswith("Nothing was spent")  # that was 1,000
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        assert dialog.message.text().endswith(said), typed
    assert Voucher.get_by_id(with_pin.id).balance_cents == 10000
