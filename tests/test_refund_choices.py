"""A part refund voids the voucher the customer hands back, not the newest of the line (QA R13):
the key not activated, the card on the counter."""

from __future__ import annotations

import pytest

from desktop_app.core import (
    cardkeys,
    fulfilment,
    orders,
    products,
    redemption,
    refund_choices,
    refunds,
)
from desktop_app.core.errors import InvalidInput, InvalidState
from desktop_app.core.models import CardKey, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


def test_the_key_handed_back_is_the_one_returned(shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id,
                              "AAAA-1111-2222-3333-4444\nBBBB-5555-6666-7777-8888\n")
    order = orders.create_order(shop, [(game.id, 2)])
    first, second = fulfilment.pay_order(shop, order.id)
    line_id = orders.order_detail(shop, order.id).lines[0].id
    choices = refund_choices.refund_choices(shop, line_id)
    assert [c.voucher_id for c in choices] == [second.id, first.id]  # newest first
    assert [c.refund_cents for c in choices] == [3000, 3000]
    assert {c.key_hint for c in choices} == {"AAAA-1…4444", "BBBB-5…8888"}
    assert choices[1].code == first.code
    result = refunds.refund_line(shop, line_id, 1, [first.id])  # the older one comes back
    assert (result.voided, result.keys_returned, result.refund_cents) == (1, 1, 3000)
    assert Voucher.get_by_id(first.id).state == "void"
    assert Voucher.get_by_id(second.id).state == "valid"
    returned = CardKey.get_by_id(Voucher.get_by_id(first.id).card_key_id)
    assert returned.state == "returned"
    assert [c.voucher_id for c in refund_choices.refund_choices(shop, line_id)] == [second.id]


def test_the_card_on_the_counter_is_refunded_with_its_own_balance(shop: Shop) -> None:
    card = products.add_product(shop, "Gift 100", "100", "giftcard")
    order = orders.create_order(shop, [(card.id, 2)])
    kept, handed_back = fulfilment.pay_order(shop, order.id)
    assert redemption.redeem(shop, handed_back.payload, "c", amount_cents=4000).ok
    line_id = orders.order_detail(shop, order.id).lines[0].id
    by_id = {c.voucher_id: c for c in refund_choices.refund_choices(shop, line_id)}
    assert (by_id[handed_back.id].refund_cents, by_id[handed_back.id].balance_cents) == (
        6000, 6000)
    result = refunds.refund_line(shop, line_id, 1, [handed_back.id])
    assert result.refund_cents == 6000
    assert Voucher.get_by_id(handed_back.id).state == "void"
    assert Voucher.get_by_id(kept.id).state == "valid"
    assert Voucher.get_by_id(kept.id).balance_cents == 10000


def test_a_choice_used_void_or_of_another_line_refuses_the_whole_refund(shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "K-1\nK-2\nK-3\n")
    tea = products.add_product(shop, "Tea", "4.00")
    order = orders.create_order(shop, [(game.id, 3), (tea.id, 1)])
    used, fresh, other, tea_voucher = fulfilment.pay_order(shop, order.id)
    key_line = orders.order_detail(shop, order.id).lines[0]
    assert redemption.redeem(shop, used.payload, "c").ok
    for chosen in ([used.id, fresh.id], [tea_voucher.id, fresh.id]):
        with pytest.raises(InvalidState):
            refunds.refund_line(shop, key_line.id, 2, chosen)
    with pytest.raises(InvalidInput):
        refunds.refund_line(shop, key_line.id, 1, [fresh.id, other.id])  # 2 chosen, 1 said
    assert Voucher.get_by_id(fresh.id).state == "valid"
    assert refunds.refund_line(shop, key_line.id, 2, [fresh.id, other.id]).refund_cents == 6000
    assert {Voucher.get_by_id(v).state for v in (fresh.id, other.id)} == {"void"}
    assert Voucher.get_by_id(used.id).state == "valid"


def test_the_audit_says_which_cards_a_part_refund_voided(shop: Shop, qapp: object) -> None:
    """QA s8b F6: the event kept only how many ("voided: 2") and called the money paid out
    for voided cards "back on the card"."""
    import json

    from desktop_app.core import audit
    from desktop_app.ui.admin.audit_model import detail_text

    card = products.add_product(shop, "Gift 100", "100", "giftcard")
    order = orders.create_order(shop, [(card.id, 3)])
    first, _kept, third = fulfilment.pay_order(shop, order.id)
    line_id = orders.order_detail(shop, order.id).lines[0].id
    refunds.refund_line(shop, line_id, 2, [third.id, first.id])
    (event,) = audit.list_events(shop, kind="order_refund_line")
    assert json.loads(event.detail)["vouchers"] == [first.id, third.id]
    text = detail_text(event.detail)
    assert f"vouchers: #{first.id}, #{third.id}" in text
    assert "back on the card" not in text and "paid back for gift cards: ¥200.00" in text
