"""A clerk's search by customer (``voucher_lookup.find_vouchers``) on the embedded file and on the
server: a gift card's code masked, a pass's shown, the search an audit event even on a shop
under integrity hold (a read's evidence); "Card by phone…" lists the same cards unaudited by
Find and without codes (QA s21a F4)."""

from __future__ import annotations

from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import (
    auth,
    fulfilment,
    giftcard_lookup,
    giftcards,
    orders,
    products,
    voucher_lookup,
)
from desktop_app.core.counter_find import masked_code
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")
PHONE = "139 8765 4321"


def sell_card_and_pass(shop: Shop) -> tuple[str, str]:
    """A gift card with a PIN and a pass, both on 李先生's order: their printed codes."""
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    wash = products.add_product(shop, "Wash x5", "50", "service", uses=5)
    order = orders.create_order(shop, [(card.id, 1), (wash.id, 1)], "李先生", PHONE)
    issued = fulfilment.pay_order(shop, order.id, "cash")
    the_card = next(v for v in issued if v.balance_cents is not None)
    the_pass = next(v for v in issued if v.balance_cents is None)
    giftcards.set_pin(shop, Voucher.get_by_id(the_card.id), "2468")
    return the_card.code, the_pass.code


def searches() -> list[tuple[str, str]]:
    return [(e.subject, e.detail) for e in
            AuditEvent.select().where(AuditEvent.kind == "voucher_find").order_by(AuditEvent.id)]


def test_a_clerks_search_masks_gift_cards_and_is_audited(shop: Shop) -> None:
    card_code, pass_code = sell_card_and_pass(shop)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    assert {v.code for v in voucher_lookup.find_vouchers(shop, "李先生")} == {card_code, pass_code}
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        found = voucher_lookup.find_vouchers(clerk, "8765 4321")
        assert {(v.code, v.code_hidden) for v in found} == {
            (masked_code(card_code), True), (pass_code, False)}
        clerk.integrity_problem = "rolled_back"  # a search is a read: held or not
        try:
            assert len(voucher_lookup.find_vouchers(clerk, "nobody")) == 0
        finally:
            clerk.integrity_problem = None
        cards = giftcard_lookup.caller_cards(clerk, phone="4321")
        assert len(cards) == 1  # listed by "Card by phone…", not recorded as a Find
        assert searches() == [("****4321", '{"rows": 2}'), ("nobody", '{"rows": 0}')]


def test_a_surname_alone_is_searched_one_letter_is_not(shop: Shop) -> None:
    """QA s39a F8: 王 (a surname, as customers are recorded: 王女士, 李先生) was refused as too
    short; one Latin letter still is, as ever (a clerk listing every customer)."""
    import pytest

    from desktop_app.core.errors import InvalidInput

    card_code, pass_code = sell_card_and_pass(shop)
    assert {v.code for v in voucher_lookup.find_vouchers(shop, "李")} == {card_code, pass_code}
    assert voucher_lookup.find_vouchers(shop, "王") == []
    with pytest.raises(InvalidInput) as refused:
        voucher_lookup.find_vouchers(shop, "l")
    assert refused.value.params["problem"] == "too_short"
