"""At the counter, a printed code one symbol short or long is amber "Check the code", saying
which slip, with the text kept in its box for correction (QA s18b F3: it was red "Not a
voucher code" and the box was emptied), whether a scanner's burst or a person typed it."""

from __future__ import annotations

from counter_driver import WAIT_MS, Counter, sell, uses_left
from pytestqt.qtbot import QtBot

from desktop_app.ui import tasks
from desktop_app.ui.counter.redemption_models import TONE_ATTENTION

MISSING = "A character is missing – check the code."
EXTRA = "There is one character too many – check the code."


def test_a_code_short_of_its_last_symbol_at_scanner_speed_stays_amber(counter: Counter
                                                                      ) -> None:
    voucher = sell(counter.shop, uses=3)
    short = voucher.code[:-1]
    verdict, _ = counter.scan(short)
    tab = counter.tab
    assert verdict.reason == "mistyped" and verdict.suspect_group == 3
    assert tab.verdict.tone == TONE_ATTENTION
    assert tab.verdict.detail.text() == MISSING
    last = short.split("-")[3]
    assert f"Check the 4th group: {last}" in tab.verdict.facts.text()
    assert tab.scan_field.text() == short and tab.scan_field.selectedText() == last
    assert uses_left(voucher) == 3


def test_a_symbol_left_out_selects_the_group_as_typed(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=3)
    groups = voucher.code.split("-")
    typed = "-".join([groups[0], groups[1][:2] + groups[1][3:], *groups[2:]])
    tab = counter.tab
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(typed, 180)
        counter.enter(300)
    assert shown.args[0].reason == "mistyped" and shown.args[0].suspect_group == 1
    assert tab.verdict.detail.text() == MISSING
    assert tab.scan_field.text() == typed
    assert tab.scan_field.selectedText() == groups[1][:2] + groups[1][3:]
    # The cashier types the group again, whole, and presses Enter.
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(groups[1], 180)
        counter.enter(300)
    assert shown.args[0].reason == "redeemed" and uses_left(voucher) == 2


def test_one_too_many_in_the_manual_box_stays_there(counter: Counter, qtbot: QtBot) -> None:
    voucher = sell(counter.shop, uses=3)
    tab = counter.tab
    tab.manual_field.setFocus()
    tab.manual_field.setText(voucher.code + "A")
    with qtbot.waitSignal(tab.verdict_shown, timeout=WAIT_MS) as shown:
        tab.manual_button.click()
    verdict = shown.args[0]
    assert verdict.reason == "mistyped" and tab.verdict.tone == TONE_ATTENTION
    assert tab.verdict.detail.text() == EXTRA
    assert tab.manual_field.text() == voucher.code + "A"
    assert uses_left(voucher) == 3


def test_a_look_up_of_a_code_a_symbol_short_says_so(counter: Counter) -> None:
    voucher = sell(counter.shop, uses=3)
    tab = counter.tab
    tab.lookup_button.click()
    counter.type(voucher.code[:-1], 4)
    counter.enter()
    assert tasks.wait_until_idle(WAIT_MS)
    assert tab.verdict.headline.text() == "Look-up: Check the code"
    assert tab.verdict.detail.text() == MISSING
