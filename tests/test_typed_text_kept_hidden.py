"""Text typed by hand at the counter that is no voucher's code is kept hidden (QA s42a F9): the
owner's password, typed into the scan field where the lock screen was thought to be, was kept
in the clear, shown in the clerk's recent list and written by `export redemptions`. A
scanner's text (a product's barcode, a payment code) and a mistyped code are kept as read:
they tell the owner what was at the counter."""

from __future__ import annotations

import pytest
from counter_driver import Counter, sell
from pytestqt.qtbot import QtBot

from desktop_app.core import redemption
from desktop_app.core.models import RedemptionAttempt
from desktop_app.core.store import Shop

pytestmark = pytest.mark.usefixtures("temp_settings", "counter_station")

PASSWORD = "Qiang-Mima-2026!"


def _kept(attempt_id: int | None) -> str:
    return RedemptionAttempt.get_by_id(attempt_id).scanned_text


def test_only_text_typed_by_hand_that_is_no_code_is_hidden(shop: Shop) -> None:
    typed = redemption.redeem(shop, PASSWORD, "Front", by_hand=True)
    assert typed.reason == "malformed" and _kept(typed.attempt_id) == "•" * len(PASSWORD)
    scanned = redemption.redeem(shop, PASSWORD, "Front")  # a scanner's burst
    assert _kept(scanned.attempt_id) == PASSWORD
    code = sell(shop).code
    typo = code[:-1] + ("2" if code[-1] != "2" else "3")
    mistyped = redemption.redeem(shop, typo, "Front", by_hand=True)
    assert mistyped.reason == "mistyped" and _kept(mistyped.attempt_id) == typo


def test_the_counter_lists_a_password_typed_there_as_dots(
        qtbot: QtBot, counter: Counter) -> None:
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=15_000):
        counter.type(PASSWORD, 150)  # a person at the keys
        counter.enter(150)
    listed = counter.tab.counter.recent()
    assert listed[0].reason == "malformed" and PASSWORD not in listed[0].code
    assert listed[0].code == "•" * len(PASSWORD)
