"""While a gift card waits for its amount (QA s15a F3): a voucher scanned by a slower scanner
(a Bluetooth one, 40 ms a key, then Enter) was typed into the amount field and nothing was
redeemed; and once the "type the amount" verdict cleared, the focus stayed in the amount
field, so the cashier's "3" (uses for the next scan) became an amount and the pass took 1 use.
The amount field never takes a voucher, and the cashier is handed back to the scan field.

The real Redemption tab in a real shop, driven by key events at exact speeds (counter_driver).
"""

from __future__ import annotations

import pytest
from counter_driver import WAIT_MS, Counter, sell, uses_left
from pytestqt.qtbot import QtBot
from test_ui_giftcard import balance, sell_card

from desktop_app.core.fulfilment import IssuedVoucher
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.core.vouchers import typed_code
from desktop_app.ui.counter.amount_panel import reads_as_a_voucher

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

PERSON_MS = 150
BLUETOOTH_MS, USB_MS = 40, 4


def card_asks_for_its_amount(counter: Counter) -> IssuedVoucher:
    """A gift card scanned without an amount: the counter asks for one, in the amount field."""
    card = sell_card(counter.shop)
    asked, _ = counter.scan(card.payload)
    assert asked.reason == "amount_required"
    assert counter.tab.amount_panel.field.hasFocus()
    counter.clock.now += 1000  # the cashier looks up: the next keys are a new burst
    return card


def scan_at(counter: Counter, text: str, key_ms: float) -> tuple[bool, int]:
    """A scanner typing ``text`` at ``key_ms`` a key, then Enter: the verdict's ok and uses."""
    counter.clock.now += 1000
    with counter.qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(text, key_ms)
        counter.enter(key_ms)
    return shown.args[0].ok, shown.args[0].uses


@pytest.mark.parametrize("key_ms", [BLUETOOTH_MS, USB_MS])
def test_a_pass_scanned_while_a_card_waits_is_redeemed(counter: Counter, key_ms: float) -> None:
    card_asks_for_its_amount(counter)
    coffee = sell(counter.shop, uses=5)
    ok, uses = scan_at(counter, coffee.payload, key_ms)
    assert ok and uses == 1 and uses_left(coffee) == 4
    panel = counter.tab.amount_panel
    assert panel.field.text() == "" and panel.pending_text == ""
    assert counter.tab.scan_field.hasFocus()  # where the next scan and uses go


@pytest.mark.parametrize("key_ms", [BLUETOOTH_MS, USB_MS])
def test_uses_typed_after_the_prompt_cleared_go_to_the_next_scan(
        counter: Counter, qtbot: QtBot, key_ms: float) -> None:
    counter.tab.verdict.clear_after_ms = 300
    card = card_asks_for_its_amount(counter)
    with qtbot.waitSignal(counter.tab.verdict.cleared, timeout=WAIT_MS):
        pass
    panel = counter.tab.amount_panel
    assert panel.pending_text == "" and not panel.field.hasFocus()
    assert counter.tab.scan_field.hasFocus()
    counter.type("3", PERSON_MS)
    assert counter.tab.uses_picker.label.text() == "× 3" and panel.field.text() == ""
    wash = sell(counter.shop, uses=5)
    ok, uses = scan_at(counter, wash.payload, key_ms)
    assert ok and uses == 3 and uses_left(wash) == 2
    assert balance(card) == 10000  # the forgotten card was never charged


def test_an_amount_typed_by_hand_still_spends_from_the_waiting_card(counter: Counter) -> None:
    card_asks_for_its_amount(counter)
    panel = counter.tab.amount_panel
    with counter.qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type("12.5", PERSON_MS)
        counter.enter(PERSON_MS)
    assert shown.args[0].reason == "redeemed" and shown.args[0].balance == 8750
    assert panel.field.text() == "" and panel.balance.text() == "Balance ¥87.50"


def test_a_printed_code_typed_into_the_amount_field_is_a_code(counter: Counter) -> None:
    """Whatever the speed: text that reads as a voucher is never taken as an amount."""
    card_asks_for_its_amount(counter)
    coffee = sell(counter.shop, uses=5)
    code = typed_code(Voucher.get_by_id(coffee.id).code)
    with counter.qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(code, PERSON_MS)
        counter.enter(PERSON_MS)
    assert shown.args[0].ok and uses_left(coffee) == 4
    assert counter.tab.amount_panel.field.text() == ""
    assert counter.tab.scan_field.hasFocus()


def test_an_amount_typed_before_a_slow_scan_of_the_card_is_spent(counter: Counter) -> None:
    """The cashier types the amount, then a Bluetooth scanner reads the card."""
    card = sell_card(counter.shop)
    counter.tab.amount_panel.field.setFocus()
    counter.type("20", PERSON_MS)
    counter.clock.now += 1000
    with counter.qtbot.waitSignal(counter.tab.verdict_shown, timeout=WAIT_MS) as shown:
        counter.type(card.payload, BLUETOOTH_MS)
        counter.enter(BLUETOOTH_MS)
    assert shown.args[0].reason == "redeemed" and balance(card) == 8000


def test_what_the_amount_field_hands_on_as_a_voucher(shop: Shop) -> None:
    coffee = sell(shop, uses=5)
    code = typed_code(Voucher.get_by_id(coffee.id).code)
    assert reads_as_a_voucher(coffee.payload) and reads_as_a_voucher(code)
    assert reads_as_a_voucher(code[:-2] + code[-1] + code[-2])  # a typo: the counter says so
    for amount in ("12.50", "1,000.00", "281234567890123456", "1000000000000000.00"):
        assert not reads_as_a_voucher(amount)
