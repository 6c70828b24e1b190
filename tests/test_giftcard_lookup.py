"""A gift card looked up on the phone: named by its order or the customer's phone, opened
with its PIN; wrong PINs count toward the card's lockout, and every attempt is audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import auth, fulfilment, giftcard_lookup, giftcards, orders, products
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput, NotFound
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop

PIN = "2468"


def sell_cards(shop: Shop, quantity: int = 1, phone: str = "138 0000 5678"
               ) -> list[fulfilment.IssuedVoucher]:
    item = products.add_product(shop, f"Gift card {quantity}", "100", "giftcard")
    order = orders.create_order(shop, [(item.id, quantity)], "王女士", phone)
    return fulfilment.pay_order(shop, order.id, "wechat")


def kinds() -> list[str]:
    return [e.kind for e in AuditEvent.select().where(
        AuditEvent.kind.in_(["giftcard_lookup", "giftcard_pin_wrong", "giftcard_pin_locked"]))
        .order_by(AuditEvent.id)]


def test_cards_are_listed_by_order_or_phone_without_their_secrets(shop: Shop) -> None:
    first, second = sell_cards(shop, 2)
    giftcards.set_pin(shop, Voucher.get_by_id(first.id), PIN)
    other = sell_cards(shop, 1, phone="139 1111 2222")[0]
    wash = products.add_product(shop, "Wash", "10")
    pass_order = orders.create_order(shop, [(wash.id, 1)], "王女士", "13800005678")
    fulfilment.pay_order(shop, pass_order.id)

    by_order = giftcard_lookup.caller_cards(shop, order_id=first.order_id)
    assert [(c.voucher_id, c.has_pin) for c in by_order] == [(second.id, False), (first.id, True)]
    by_phone = giftcard_lookup.caller_cards(shop, phone=" 138 0000 5678")
    assert [c.voucher_id for c in by_phone] == [second.id, first.id]  # no pass, no other card
    assert giftcard_lookup.caller_cards(shop, phone="2222")[0].voucher_id == other.id
    text = json.dumps([c.to_json() for c in by_phone], ensure_ascii=False)
    for secret in (first.code, first.payload, second.code, "13800005678", "100.00"):
        assert secret not in text  # no code, no QR, no full phone, no balance
    assert by_phone[0].customer_phone.endswith("5678")
    with pytest.raises(InvalidInput) as short:
        giftcard_lookup.caller_cards(shop, phone="56")
    assert short.value.params["field"] == "phone"


def test_the_right_pin_reads_balance_validity_and_recent_ledger(shop: Shop) -> None:
    (card,) = sell_cards(shop)
    giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    giftcards.reload(shop, Voucher.get_by_id(card.id), 5000)
    found = giftcard_lookup.look_up_card(shop, card.id, PIN, "Phone desk")
    assert found.ok and found.reason == "found" and found.facts is not None
    assert (found.facts.balance_cents, found.facts.status) == (15000, "redeemable")
    assert [row.kind for row in found.facts.recent] == ["reload", "issue"]  # newest first
    data = found.to_json()
    assert data["balance"] == "150.00" and data["card"] == card.id
    assert card.code not in json.dumps(data) and card.payload not in json.dumps(data)
    (event,) = AuditEvent.select().where(AuditEvent.kind == "giftcard_lookup")
    assert event.subject == str(card.id) and '"channel": "phone"' in event.detail


def test_wrong_pins_count_down_then_lock_the_card_and_are_audited(shop: Shop) -> None:
    first, second = sell_cards(shop, 2)
    for card in (first, second):
        giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    now = utc_now()
    left = [giftcard_lookup.look_up_card(shop, first.id, "0000", now=now)
            for _ in range(giftcards.PIN_MAX_FAILURES - 1)]
    assert [(r.reason, r.attempts_left) for r in left] == [
        ("wrong_pin", n) for n in range(giftcards.PIN_MAX_FAILURES - 1, 0, -1)]
    assert left[0].facts is None and "balance" not in left[0].to_json()
    locking = giftcard_lookup.look_up_card(shop, first.id, "1111", now=now)
    assert locking.reason == "pin_locked" and locking.locked_until == now + giftcards.PIN_LOCK
    right_but_locked = giftcard_lookup.look_up_card(shop, first.id, PIN, now=now)
    assert right_but_locked.reason == "pin_locked" and right_but_locked.facts is None
    assert giftcard_lookup.look_up_card(shop, second.id, PIN, now=now).ok  # per card
    assert kinds() == (["giftcard_pin_wrong"] * (giftcards.PIN_MAX_FAILURES - 1)
                       + ["giftcard_pin_locked", "giftcard_pin_locked", "giftcard_lookup"])
    later = now + giftcards.PIN_LOCK + dt.timedelta(seconds=1)
    assert giftcard_lookup.look_up_card(shop, first.id, PIN, now=later).ok
    again = giftcard_lookup.look_up_card(shop, first.id, "0000", now=later)
    assert again.attempts_left == giftcards.PIN_MAX_FAILURES - 1  # the right PIN reset it
    for event in AuditEvent.select().where(AuditEvent.kind.startswith("giftcard_")):
        assert PIN not in event.detail and "0000" not in event.detail  # no PIN is kept


def test_a_card_without_pin_cannot_be_looked_up_and_nothing_counts(shop: Shop) -> None:
    (card,) = sell_cards(shop)
    assert giftcard_lookup.look_up_card(shop, card.id, PIN).reason == "no_pin"
    assert kinds() == []
    with pytest.raises(InvalidInput) as typo:
        giftcard_lookup.look_up_card(shop, card.id, "12a4")  # cannot be right: not counted
    assert typo.value.params == {"field": "pin", "problem": "not_a_number"}
    with pytest.raises(InvalidInput) as short:
        giftcard_lookup.look_up_card(shop, card.id, "123")
    assert short.value.params == {"field": "pin", "problem": "too_short", "minimum": 4}
    wash = products.add_product(shop, "Wash", "10")
    order = orders.create_order(shop, [(wash.id, 1)])
    (issued,) = fulfilment.pay_order(shop, order.id)
    with pytest.raises(NotFound):
        giftcard_lookup.look_up_card(shop, issued.id, PIN)


def test_clerks_look_cards_up_too(shop: Shop) -> None:
    (card,) = sell_cards(shop)
    giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        assert [c.voucher_id for c in giftcard_lookup.caller_cards(clerk, phone="5678")] == [
            card.id]
        assert giftcard_lookup.look_up_card(clerk, card.id, PIN).ok


def test_a_look_up_is_a_read_it_works_on_a_shop_under_integrity_hold(shop: Shop) -> None:
    (card,) = sell_cards(shop)
    giftcards.set_pin(shop, Voucher.get_by_id(card.id), PIN)
    shop.integrity_problem = "rolled_back"
    try:
        assert giftcard_lookup.look_up_card(shop, card.id, "0000").reason == "wrong_pin"
        assert giftcard_lookup.look_up_card(shop, card.id, PIN).ok  # and the count still holds
    finally:
        shop.integrity_problem = None
    assert kinds() == ["giftcard_pin_wrong", "giftcard_lookup"]
