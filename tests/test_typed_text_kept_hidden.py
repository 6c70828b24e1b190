"""Text typed by hand at the counter that is no voucher's code is kept hidden (QA s42a F9): the
owner's password, typed into the scan field where the lock screen was thought to be, was kept
in the clear, shown in the clerk's recent list and written by `export redemptions`. A
scanner's text (a product's barcode, a payment code) and a mistyped code are kept as read:
they tell the owner what was at the counter."""

from __future__ import annotations

import pytest
from counter_driver import Counter, sell
from pytestqt.qtbot import QtBot

from desktop_app.core import redemption, vouchers
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


# QA s43a F4: a password of a printed code's length (16 to 18 letters and digits, dashes
# aside) was taken for a mistyped code and kept as typed; so was the name and password of a
# login typed into the scan field.
CODE_SHAPED = ("Summer2026Holiday", "ownerRecovered-Pw-88")


@pytest.mark.parametrize("typed", CODE_SHAPED)
def test_code_shaped_typing_no_voucher_is_near_is_hidden(shop: Shop, typed: str) -> None:
    sell(shop)
    verdict = redemption.redeem(shop, typed, "Front", by_hand=True)
    assert verdict.reason == "mistyped" and verdict.suspect_group is None
    assert _kept(verdict.attempt_id) == "•" * len(typed)
    assert _kept(redemption.redeem(shop, typed, "Front").attempt_id) == typed  # a scanner's


def test_a_code_typed_by_hand_that_is_no_voucher_here_is_hidden(shop: Shop) -> None:
    """A code whose check symbol holds, of no voucher here: a password may pass the check
    too (one in 32), and nothing here is that voucher's to show."""
    typed = vouchers.typed_code(vouchers.new_code())
    verdict = redemption.redeem(shop, typed, "Front", by_hand=True)
    assert verdict.reason == "unknown_code" and _kept(verdict.attempt_id) == "•" * len(typed)


def test_the_counter_lists_a_password_typed_there_as_dots(
        qtbot: QtBot, counter: Counter) -> None:
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=15_000):
        counter.type(PASSWORD, 150)  # a person at the keys
        counter.enter(150)
    listed = counter.tab.counter.recent()
    assert listed[0].reason == "malformed" and PASSWORD not in listed[0].code
    assert listed[0].code == "•" * len(PASSWORD)


def test_the_counter_shows_a_code_shaped_password_nowhere(qtbot: QtBot, counter: Counter) -> None:
    typed = CODE_SHAPED[0]
    with qtbot.waitSignal(counter.tab.verdict_shown, timeout=15_000):
        counter.type(typed, 150)
        counter.enter(150)
    qtbot.wait(50)
    tab = counter.tab
    assert tab.counter.recent()[0].code == "•" * len(typed)
    verdict = tab.verdict
    shown = (tab.scan_field.text(), tab.manual_field.text(), verdict.facts.text(),
             verdict.headline.text(), verdict.detail.text(), verdict.note.text())
    for text in shown:
        assert vouchers.normalize(typed)[:4] not in vouchers.normalize(text), shown
    assert not verdict.facts.isVisibleTo(verdict)  # not even empty groups, "---"
