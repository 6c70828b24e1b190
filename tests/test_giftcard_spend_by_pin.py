"""A gift card spent without it in hand, by the customer's phone and the card's PIN (a
stored-value card paid by phone number and password, as Chinese shops do): the PIN is checked
and counted as a look-up's is, the spend goes through the counter's redemption, and neither
the verdict nor the attempt's record holds the card's code."""

from __future__ import annotations

import json

from conftest import CLERK, CLERK_PASSWORD
from test_giftcard_lookup import PIN, sell_cards

from desktop_app.core import auth, giftcard_lookup, giftcards
from desktop_app.core.models import RedemptionAttempt, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")


def with_pin(shop: Shop) -> int:
    (card,) = sell_cards(shop)
    giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    return card.id


def balance(card_id: int) -> int:
    return int(Voucher.get_by_id(card_id).balance_cents)


def test_the_right_pin_spends_once_and_no_code_is_said_or_kept(shop: Shop) -> None:
    card_id = with_pin(shop)
    code = Voucher.get_by_id(card_id).code
    spent = giftcard_lookup.spend_with_pin(shop, card_id, PIN, 3050, "Till 1")
    verdict = spent.verdict
    assert verdict is not None and verdict.ok and (verdict.spent, verdict.balance) == (3050, 6950)
    assert spent.pin.ok and spent.pin.facts is not None and spent.pin.facts.balance_cents == 6950
    assert verdict.code.startswith("****-") and verdict.station == "Till 1"
    said = json.dumps(spent.to_json(), ensure_ascii=False)
    assert code not in said and code[:8] not in said and f'"card": {card_id}' in said
    attempt = RedemptionAttempt.get_by_id(verdict.attempt_id)
    assert attempt.scanned_text == f"card #{card_id} by phone + PIN"
    assert balance(card_id) == 6950
    too_much = giftcard_lookup.spend_with_pin(shop, card_id, PIN, 7000, "Till 1").verdict
    assert too_much is not None and too_much.reason == "insufficient_balance"
    assert balance(card_id) == 6950


def test_a_wrong_pin_spends_nothing_and_counts_toward_the_lock(shop: Shop) -> None:
    card_id = with_pin(shop)
    for left in range(giftcards.PIN_MAX_FAILURES - 1, 0, -1):
        wrong = giftcard_lookup.spend_with_pin(shop, card_id, "0000", 1000, "Till 1")
        assert (wrong.pin.reason, wrong.pin.attempts_left, wrong.verdict) == (
            "wrong_pin", left, None)
    locked = giftcard_lookup.spend_with_pin(shop, card_id, "0000", 1000, "Till 1")
    assert locked.pin.reason == "pin_locked" and locked.verdict is None
    right_but_locked = giftcard_lookup.spend_with_pin(shop, card_id, PIN, 1000, "Till 1")
    assert right_but_locked.pin.reason == "pin_locked" and right_but_locked.verdict is None
    assert balance(card_id) == 10000
    assert RedemptionAttempt.select().count() == 0


def test_a_card_without_pin_is_not_spent_this_way(shop: Shop) -> None:
    (card,) = sell_cards(shop)
    refused = giftcard_lookup.spend_with_pin(shop, card.id, PIN, 1000, "Till 1")
    assert refused.pin.reason == "no_pin" and refused.verdict is None
    assert balance(card.id) == 10000


def test_a_clerk_spends_by_pin_too(shop: Shop) -> None:
    card_id = with_pin(shop)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        verdict = giftcard_lookup.spend_with_pin(clerk, card_id, PIN, 2000, "Till 2").verdict
        assert verdict is not None and verdict.ok and verdict.operator == CLERK
        assert balance(card_id) == 8000
