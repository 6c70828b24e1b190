"""A number typed by a person into the scan field and ended with Enter (QA s16a F5): following
the hint "For a gift card: type the amount, press Enter, scan" with the focus where it always
is, "50" silently became "× 50" uses and "150" a red "invalid code" logged as a refused
attempt. Now a person's digits are never a scan: one or two are the next scan's uses, said in
words beside the amount box; a larger number, or one with a decimal point, is put in the
gift card's amount box (the focus with it), so the card's scan spends it. A scanner's burst
of digits keeps its meaning. Real key events at a person's and a scanner's speed."""

from __future__ import annotations

import pytest
from counter_driver import WAIT_MS, Counter, attempts, sell, uses_left
from pytestqt.qtbot import QtBot
from test_ui_giftcard import balance, sell_card

from desktop_app.ui.counter.redemption_models import TONE_READY

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

PERSON_MS = 150
IDLE_HINT = "For a gift card: type the amount, press Enter, scan."


def typed(counter: Counter, text: str) -> None:
    """A person's keys in the scan field (where the focus always is), then Enter."""
    assert counter.tab.scan_field.hasFocus()
    counter.clock.now += 1000
    counter.type(text, PERSON_MS)
    counter.enter(PERSON_MS)
    counter.qtbot.wait(50)  # a wrong scan would be on its way to the worker now
    assert counter.tab.verdict.tone == TONE_READY  # no verdict at all, red or green


def test_two_digits_and_enter_choose_the_uses_and_say_so(counter: Counter) -> None:
    tab, before = counter.tab, attempts()
    typed(counter, "50")
    assert tab.uses_picker.label.text() == "× 50"
    assert tab.amount_panel.prompt.text() == (
        "Next scan takes × 50 uses. A gift card's amount goes in the box on the left.")
    assert tab.scan_field.hasFocus() and attempts() == before
    tab.uses_picker.fewer_button.click()  # another number: the words would be wrong now
    assert tab.uses_picker.label.text() == "× 49"
    assert tab.amount_panel.prompt.text() == IDLE_HINT
    typed(counter, "3")
    assert tab.amount_panel.prompt.text().startswith("Next scan takes × 3 uses.")
    wash = sell(counter.shop, uses=5)
    counter.clock.now += 1000
    verdict, _ = counter.scan(wash.payload)
    assert verdict.ok and verdict.uses == 3 and uses_left(wash) == 2
    assert tab.verdict.detail.text() == "3 uses taken · 2 of 5 left"  # QA s35b F15
    assert tab.amount_panel.prompt.text() == IDLE_HINT  # the uses went back to one


@pytest.mark.parametrize(("text", "amount"), [("150", 15000), ("12.50", 1250)])
def test_an_amount_typed_in_the_scan_field_goes_to_the_gift_card_box(
        counter: Counter, text: str, amount: int) -> None:
    tab, before = counter.tab, attempts()
    card = sell_card(counter.shop, "200")
    typed(counter, text)
    assert attempts() == before  # no refused attempt counted against the counter
    panel = tab.amount_panel
    assert panel.field.text() == text and panel.field.hasFocus()
    assert f"Nothing redeemed: {text} is not a voucher code." in panel.prompt.text()
    assert f"¥{amount / 100:.2f} is now in the gift card amount box" in panel.prompt.text()
    assert tab.uses_picker.label.text() == "× 1"
    counter.clock.now += 1000
    verdict, _ = counter.scan(card.payload)  # as the hint says: the amount, Enter, the scan
    assert verdict.reason == "redeemed" and balance(card) == 20000 - amount
    assert tab.scan_field.hasFocus() and panel.field.text() == ""


def test_zero_or_a_number_too_large_for_an_amount_says_where_amounts_go(
        counter: Counter) -> None:
    tab, before = counter.tab, attempts()
    for text in ("0", "99999999999999"):
        typed(counter, text)
        prompt = tab.amount_panel.prompt.text()
        assert prompt.startswith(f"Nothing redeemed: {text} is not a voucher code. For a gift "
                                 "card, type the amount in the box on the left")
        assert tab.amount_panel.field.text() == "" and tab.scan_field.hasFocus()
    assert attempts() == before


def test_a_scanners_burst_of_digits_is_still_a_scan(counter: Counter, qtbot: QtBot) -> None:
    """A product's barcode scanned by mistake: the scanner's burst keeps its meaning."""
    before = attempts()
    counter.clock.now += 1000
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type("6901234567892", 4)
        counter.enter(4)
    assert not shown.args[0].ok and attempts() == before + 1
    assert counter.tab.amount_panel.field.text() == ""


def test_an_amount_moved_from_the_scan_field_does_not_wait_for_the_next_customer(
        counter: Counter) -> None:
    """QA s35b F3: after a spend, the cashier typed "50.5" again in the scan field; it was put
    in the amount box with no time limit and spent from the card scanned 45 s later, the
    customer charged twice. Now it is taken out again when no card came for it."""
    tab = counter.tab
    panel = tab.amount_panel
    panel._parked_timer.setInterval(200)  # the 20 s of the counter, shortened for the test
    card = sell_card(counter.shop, "200")
    typed(counter, "50.5")
    assert panel.field.text() == "50.5" and "for 20 seconds" in panel.prompt.text()
    counter.qtbot.waitUntil(lambda: panel.field.text() == "", timeout=WAIT_MS)
    assert panel.prompt.text().startswith("50.5 was taken out of the gift card amount box")
    counter.clock.now += 1000
    verdict, _ = counter.scan(card.payload)
    assert verdict.reason == "amount_required" and balance(card) == 20000  # nothing spent
    panel.field.setFocus()
    counter.type("30", PERSON_MS)  # typed in the box on purpose: no time limit
    counter.qtbot.wait(400)
    assert panel.field.text() == "30"
