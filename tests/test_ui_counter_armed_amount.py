"""An amount typed at the counter is for one scan (QA s18b F1, high): typed, entered, then a
scan of a void card or of garbage was refused and the amount stayed armed ("Now scan the gift
card."), even after the verdict cleared itself; the next customer's card, scanned with no
amount typed, was charged it. With it, A's "Balance ¥0.00" stayed on screen. Also what a spend
says (F5: how much it took), what "Enter the amount" asks (F7: Enter, not a second scan) and an
amount typed with its currency (F9: "30元").

The real Redemption tab in a real shop, driven by key events at exact speeds (counter_driver).
"""

from __future__ import annotations

import pytest
from counter_driver import WAIT_MS, Counter, sell, uses_left
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_ui_giftcard import balance, sell_card, type_amount

from desktop_app.core import refunds
from desktop_app.core.models import Voucher
from desktop_app.ui.counter.redemption_models import TONE_READY

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

ASKED = "This is a gift card: type the amount to spend and press Enter. No need to scan it again."


def type_text(counter: Counter, text: str) -> None:
    """Keys at a person's pace into the amount box, a character outside Latin-1 (元, ￥) as
    the key event a keyboard sends for it: QTest types Latin-1 only."""
    field = counter.tab.amount_panel.field
    field.setFocus()
    for char in text:
        counter.clock.now += 150
        if char.isascii():
            QTest.keyClick(field, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                    char))
    counter.clock.now += 1000


def enter_amount(counter: Counter, text: str) -> None:
    """The cashier's way: the amount typed in its box at a person's pace, then Enter."""
    type_text(counter, text)
    QTest.keyClick(counter.tab.amount_panel.field, Qt.Key.Key_Return)
    assert counter.tab.amount_panel.prompt.text() == "Now scan the gift card."


def refused_first(counter: Counter, first: str) -> str:
    """What customer A hands over: a refunded (void) gift card, or something unreadable."""
    if first == "garbage":
        return "HELLO-WORLD-1234"
    card = sell_card(counter.shop, name="Refunded card")
    refunds.refund_order(counter.shop, Voucher.get_by_id(card.id).order_id)
    return card.payload


@pytest.mark.parametrize(("first", "reason"), [("voided", "voided"), ("garbage", "malformed")])
def test_an_amount_refused_with_one_card_is_never_spent_from_the_next(
        counter: Counter, first: str, reason: str) -> None:
    panel = counter.tab.amount_panel
    enter_amount(counter, "10")
    refused, _ = counter.scan(refused_first(counter, first))
    assert refused.reason == reason and not refused.ok
    assert panel.field.text() == "" and panel.amount_cents() is None
    assert panel.prompt.text() == ("The amount was cleared: nothing was spent. Type it again "
                                   "for the next card.")
    customer_b = sell_card(counter.shop)
    counter.clock.now += 10_000  # the next customer steps up
    asked, repeated = counter.scan(customer_b.payload)  # nobody typed an amount for B
    assert asked.reason == "amount_required" and not repeated
    assert counter.tab.verdict.headline.text() == "Enter the amount"
    assert balance(customer_b) == 10000  # nothing spent


def test_the_amount_and_the_balance_go_when_the_verdict_clears_itself(
        counter: Counter, qtbot: QtBot) -> None:
    """The void card's balance is shown with its verdict, and goes with it, and so does what
    the box said of the amount."""
    counter.tab.verdict.clear_after_ms = 300
    panel = counter.tab.amount_panel
    enter_amount(counter, "10")
    void, _ = counter.scan(refused_first(counter, "voided"))
    assert void.reason == "voided" and panel.balance.text() == "Balance ¥0.00"
    with qtbot.waitSignal(counter.tab.verdict.cleared, timeout=WAIT_MS):
        pass
    assert counter.tab.verdict.tone == TONE_READY
    assert panel.field.text() == "" and panel.balance.text() == ""
    assert panel.prompt.text() == "For a gift card: type the amount, press Enter, scan."


def test_a_failed_check_keeps_the_amount_only_while_its_verdict_is_shown(
        counter: Counter, qtbot: QtBot) -> None:
    """Nothing was tried (the check failed): the same card may be scanned again with the
    amount; once "Not redeemed" has gone, so has the amount. It stays until the next scan or
    the cashier's click (QA s19a F11), not the verdict's few seconds."""
    counter.tab.verdict.clear_after_ms = 300
    panel = counter.tab.amount_panel
    panel.field.setText("10")
    assert panel.take_for_scan() == 1000
    counter.tab.failures.refuse("The shop file is busy.")
    assert panel.field.text() == "10"
    qtbot.wait(600)
    assert panel.field.text() == "10"
    with qtbot.waitSignal(counter.tab.verdict.cleared, timeout=WAIT_MS):
        QTest.mouseClick(counter.tab.verdict, Qt.MouseButton.LeftButton)
    assert panel.field.text() == ""


def test_an_amount_typed_for_the_next_card_outlives_the_last_verdict(
        counter: Counter, qtbot: QtBot) -> None:
    """Typed while the previous customer's verdict is still shown: it is the next card's."""
    counter.tab.verdict.clear_after_ms = 300
    wash = sell(counter.shop, uses=5)
    assert counter.scan(wash.payload)[0].ok and uses_left(wash) == 4
    type_amount(counter, "20")
    with qtbot.waitSignal(counter.tab.verdict.cleared, timeout=WAIT_MS):
        pass
    assert counter.tab.amount_panel.field.text() == "20"
    card = sell_card(counter.shop)
    spent, _ = counter.scan(card.payload)
    assert spent.reason == "redeemed" and balance(card) == 8000


def test_a_spend_says_what_it_took_to_the_cashier_and_the_customer(counter: Counter) -> None:
    display = counter.window.open_customer_window()
    card = sell_card(counter.shop)
    type_amount(counter, "88.88")
    spent, _ = counter.scan(card.payload)
    assert spent.reason == "redeemed" and spent.spent == 8888 and balance(card) == 1112
    said = "Spent ¥88.88 · balance left ¥11.12"
    assert counter.tab.verdict.detail.text() == said
    assert display.verdict_left.text() == said
    display.close()


def test_enter_the_amount_asks_for_enter_not_a_second_scan(counter: Counter,
                                                          qtbot: QtBot) -> None:
    card = sell_card(counter.shop)
    asked, _ = counter.scan(card.payload)
    assert asked.reason == "amount_required"
    verdict = counter.tab.verdict
    assert verdict.detail.text() == ASKED
    assert verdict.note.text().endswith("waits for its amount: type it and press Enter.")
    type_amount(counter, "25")  # and Enter, as it says: no second scan
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        QTest.keyClick(counter.tab.amount_panel.field, Qt.Key.Key_Return)
    assert shown.args[0].reason == "redeemed" and balance(card) == 7500


@pytest.mark.parametrize(("typed", "left"), [
    ("30元", 7000), ("￥30", 7000), ("¥30", 7000), ("$30", 7000), (" 12.50 元 ", 8750),
])
def test_an_amount_typed_with_its_currency_is_spent(counter: Counter, typed: str,
                                                    left: int) -> None:
    card = sell_card(counter.shop)
    enter_amount(counter, typed)
    spent, _ = counter.scan(card.payload)
    assert spent.reason == "redeemed" and balance(card) == left
    assert counter.tab.amount_panel.field.text() == ""


@pytest.mark.parametrize("typed", ["0", "0.00", "¥0"])
def test_an_amount_of_zero_says_so(counter: Counter, typed: str) -> None:
    """QA s35b F13: "0" and Enter did nothing and said nothing (-5 and abc say why)."""
    panel = counter.tab.amount_panel
    panel.field.setText(typed)
    panel.field.returnPressed.emit()
    assert panel.prompt.text() == "Amount: Must be more than zero."
