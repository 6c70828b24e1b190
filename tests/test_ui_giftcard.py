"""The counter's amount entry for gift cards: typed before or right after the scan, the
balance shown large, and a double read that spends once."""

from __future__ import annotations

import datetime as dt

import pytest
from counter_driver import WAIT_MS, Counter, attempts
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.core.models import GiftCardEntry, Voucher
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import TONE_READY

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")


def sell_card(shop: Shop, value: str = "100", name: str = "Gift card"
              ) -> fulfilment.IssuedVoucher:
    item = products.add_product(shop, name, value, "giftcard")
    return fulfilment.pay_order(shop, orders.create_order(shop, [(item.id, 1)]).id)[0]


def local_hhmm(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def balance(card: fulfilment.IssuedVoucher) -> int:
    return int(Voucher.get_by_id(card.id).balance_cents)


def type_amount(counter: Counter, text: str) -> None:
    field = counter.tab.amount_panel.field
    field.setFocus()
    for char in text:
        counter.clock.now += 150  # a person's pace: the keys stay in the amount field
        QTest.keyClick(field, char)
    counter.clock.now += 1000  # then a moment passes before the card is scanned


def test_amount_before_the_scan_then_balance_in_large_figures(counter: Counter) -> None:
    card = sell_card(counter.shop)
    type_amount(counter, "30.5")
    verdict, repeated = counter.scan(card.payload)  # the scanner's burst, from the amount field
    assert verdict.reason == "redeemed" and not repeated and verdict.balance == 6950
    panel = counter.tab.amount_panel
    assert panel.balance.text() == "Balance ¥69.50"
    assert panel.field.text() == ""  # spent: the next card starts afresh
    assert counter.tab.verdict.detail.text() == "Spent ¥30.50 · balance left ¥69.50"  # s18b F5
    assert "left" not in counter.tab.verdict.facts.text()  # no "1 of 1 left" for a card
    assert balance(card) == 6950


def test_a_double_read_spends_once(counter: Counter) -> None:
    card = sell_card(counter.shop)
    counter.tab.amount_panel.field.setText("20")
    first, _ = counter.submit(card.payload)
    counter.tab.amount_panel.field.setText("20")
    again, repeated = counter.submit(card.payload)
    assert first.reason == "redeemed" and repeated and again is first
    assert balance(card) == 8000
    assert GiftCardEntry.select().where(GiftCardEntry.kind == "spend").count() == 1


def test_amount_right_after_the_scan(counter: Counter, qtbot: QtBot) -> None:
    card = sell_card(counter.shop)
    asked, _ = counter.submit(card.payload)
    assert asked.reason == "amount_required" and balance(card) == 10000
    panel = counter.tab.amount_panel
    assert panel.field.hasFocus() and panel.pending_text == card.payload
    assert panel.balance.text() == "Balance ¥100.00"
    type_amount(counter, "120")
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        QTest.keyClick(panel.field, Qt.Key.Key_Return)
    assert shown.args[0].reason == "insufficient_balance" and balance(card) == 10000
    assert panel.field.hasFocus()
    panel.field.clear()
    type_amount(counter, "45")
    assert panel.pending_text == card.payload  # the card is still in hand
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        QTest.keyClick(panel.field, Qt.Key.Key_Return)
    assert shown.args[0].reason == "redeemed" and balance(card) == 5500
    assert panel.balance.text() == "Balance ¥55.00"
    tasks.wait_until_idle()


def test_a_card_spent_a_moment_ago_elsewhere_says_so_when_too_low(counter: Counter) -> None:
    """QA s35b F12: two counters spent ¥60 from one ¥98.99 card at once; the loser said only
    "The card holds less than that amount", not what was asked nor the other counter's spend
    a second before."""
    card = sell_card(counter.shop, "98.99")
    other = redemption.redeem(counter.shop, card.payload, "Counter B", amount_cents=6000)
    assert other.ok
    counter.tab.amount_panel.field.setText("60")
    refused, _ = counter.submit(card.payload)
    assert refused.reason == "insufficient_balance" and refused.asked == 6000
    assert refused.to_json()["asked"] == "60.00" and refused.last_station == "Counter B"
    assert counter.tab.verdict.detail.text() == (
        f"¥60.00 asked, the card holds ¥38.99. Nothing was spent. Last spent by "
        f"{counter.shop.operator.name} at Counter B, today {local_hhmm(other.at)}.")
    assert balance(card) == 3899


def test_a_cards_history_and_find_row_are_in_money(counter: Counter, qtbot: QtBot) -> None:
    """QA s35b F18: the look-up of a gift card listed "Redeemed … 1" (uses left) for each
    spend, not the amount nor the balance after, and Find showed its balance without ¥."""
    item = products.add_product(counter.shop, "Gift card", "200", "giftcard")
    order = orders.create_order(counter.shop, [(item.id, 1)], "李先生", "139 8765 4321")
    card = fulfilment.pay_order(counter.shop, order.id)[0]
    spent = redemption.redeem(counter.shop, card.payload, "Counter B", amount_cents=6000)
    redemption.redeem(counter.shop, card.payload, "Counter B", amount_cents=50000)  # too much
    redemption.undo_redemption(counter.shop, int(spent.attempt_id or 0), "wrong card", "B")
    tab = counter.tab
    tab.lookup_button.click()
    with qtbot.waitSignal(tab.looked_up, timeout=WAIT_MS):
        counter.type(card.payload, 4)
        counter.enter()
    assert tasks.wait_until_idle(15_000)
    assert tab.verdict.headline.text() == "Look-up: ¥200.00"
    model = tab.history_panel.model
    shown = [[str(model.index(r, c).data()) for c in (1, 4)] for r in range(model.rowCount())]
    assert shown == [["Spent ¥60.00", "¥140.00"], ["Balance too low", ""],
                     ["Undo +¥60.00", "¥200.00"]]
    assert model.headerData(4, Qt.Orientation.Horizontal) == "Left"
    tab.lookup_button.click()

    qtbot.mouseClick(tab.find_button, Qt.MouseButton.LeftButton)
    panel = tab.find_panel
    panel.field.setText("4321")
    with qtbot.waitSignal(panel.model.modelReset, timeout=WAIT_MS):
        qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert tasks.wait_until_idle(15_000)
    assert [panel.model.index(r, 4).data() for r in range(panel.model.rowCount())] == [
        "¥200.00"]


def test_undoing_a_spend_names_the_amount_and_the_balance_follows(counter: Counter,
                                                                   qtbot: QtBot) -> None:
    """QA: the undo said "the use was given back (1 left now)", the list lost the amount and
    the large balance kept the figure from before the undo."""
    card = sell_card(counter.shop)
    counter.tab.amount_panel.field.setText("12.34")
    spent, _ = counter.submit(card.payload)
    recent = counter.tab.recent
    assert recent.select_attempt(spent.attempt_id)
    recent.undo_button.click()
    assert "Undo the spend of ¥12.34 from" in recent.undo_panel.question.text()
    recent.undo_panel.note.setText("wrong card")
    with qtbot.waitSignal(recent.undone, timeout=WAIT_MS):
        recent.undo_panel.confirm.click()
    assert balance(card) == 10000
    assert recent.message.text() == "Undone: ¥12.34 is back on the card (balance ¥100.00)."
    assert counter.tab.amount_panel.balance.text() == "Balance ¥100.00"
    assert counter.tab.verdict.tone == TONE_READY  # not "Balance left ¥87.66" any more
    results = [recent.model.data(recent.model.index(r, 3)) for r in range(2)]
    assert results == ["Undo", "Spent ¥12.34, undone"]


def test_a_stale_amount_is_cleared_by_a_pass_it_held_up(counter: Counter) -> None:
    """QA round 2: an amount left in the field refused every pass as "Not a gift card" until
    the cashier found and cleared it, and would have been spent from the next card."""
    from counter_driver import sell

    wash = sell(counter.shop)
    counter.tab.amount_panel.field.setText("5")
    refused, _ = counter.submit(wash.payload)
    assert refused.reason == "not_a_giftcard"
    assert counter.tab.amount_panel.field.text() == ""
    assert "scan the voucher again" in counter.tab.amount_panel.prompt.text()
    counter.clock.now += 10_000  # past the repeat window: a new attempt
    again, _ = counter.submit(wash.payload)
    assert again.reason == "redeemed"


@pytest.mark.parametrize("typed", ["", "12"])
def test_a_payment_code_scanned_into_the_amount_is_neither_redeemed_nor_an_amount(
        counter: Counter, typed: str) -> None:
    """QA s11a: a customer's payment code (a burst of digits from their phone) scanned while
    the amount field had the focus was taken as a voucher scan. It is no voucher and no
    amount: the field keeps what the cashier typed, and says what the burst was."""
    card = sell_card(counter.shop)
    panel = counter.tab.amount_panel
    type_amount(counter, typed)
    panel.field.setFocus()
    before = attempts()
    counter.type("281234567890123456", 4)  # a scanner's pace
    counter.enter()
    tasks.wait_until_idle()
    assert attempts() == before  # nothing went to the counter
    assert panel.field.text() == typed and panel.field.hasFocus()
    assert panel.prompt.text() == ("Not an amount: that looks like a payment code. Type the "
                                   "amount to spend, press Enter, then scan the gift card.")
    type_amount(counter, "" if typed else "12")
    verdict, _ = counter.scan(card.payload)  # a voucher from the amount field still redeems
    assert verdict.ok and balance(card) == 8800


def test_a_payment_code_scanned_elsewhere_is_still_read_as_a_scan(counter: Counter) -> None:
    counter.tab.recent.view.setFocus()
    with counter.qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS):
        counter.type("281234567890123456", 4)
        counter.enter()
    assert attempts() == 1 and counter.tab.amount_panel.prompt.text() != (
        "Not an amount: that looks like a payment code. Type the amount to spend, press "
        "Enter, then scan the gift card.")
