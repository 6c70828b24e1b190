"""A phone typed as a Chinese input method types it (full-width digits) or as a caller gives it
(+86, 0086) is the same number: Card by phone, the counter's customer search and the orders
list find it, and one saved full-width is found by its ASCII digits (QA s18b F2). On the file
the search is SQL; on a server the sealed phones are opened and compared in Python."""

from __future__ import annotations

import pytest

from desktop_app.core import (
    fulfilment,
    giftcard_lookup,
    order_list,
    orders,
    phones,
    products,
    voucher_lookup,
)
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import Order
from desktop_app.core.order_list import OrderQuery
from desktop_app.core.redemption import mask_phone
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")
PHONE = "13912345678"
WIDE = "１３９１２３４５６７８"  # what a Chinese input method types in full-width mode


def sell_card(shop: Shop, phone: str) -> tuple[int, int]:
    """A gift card sold to ``phone``: (its order, the card)."""
    item = products.add_product(shop, f"Gift card for {phone}", "100", "giftcard")
    order = orders.create_order(shop, [(item.id, 1)], "李雷", phone)
    return order.id, fulfilment.pay_order(shop, order.id, "cash")[0].id


def cards(shop: Shop, phone: str) -> list[int]:
    return [ref.voucher_id for ref in giftcard_lookup.caller_cards(shop, phone=phone)]


def found(shop: Shop, text: str) -> list[int]:
    return [info.id for info in voucher_lookup.find_vouchers(shop, text)]


def listed(shop: Shop, text: str) -> list[int]:
    return [row.id for row in order_list.order_page(shop, OrderQuery(search=text))]


@pytest.mark.parametrize("typed", [WIDE, "+86 13912345678", "0086 139 1234 5678",
                                   "+86-139-1234-5678", "＋８６　１３９　１２３４　５６７８",
                                   "(139) 1234.5678", "５６７８", "8613912345678",
                                   "86 139 1234 5678", "８６１３９１２３４５６７８"])
def test_a_phone_typed_full_width_or_with_86_finds_the_card(shop: Shop, typed: str) -> None:
    order_id, card = sell_card(shop, PHONE)
    assert cards(shop, typed) == [card]
    assert found(shop, typed) == [card]
    assert listed(shop, typed) == [order_id]


def test_a_phone_saved_full_width_is_found_by_its_ascii_digits(shop: Shop) -> None:
    """An order saved before phones were NFKC'd keeps its full-width phone; the search finds
    it all the same (no schema step rewrites it)."""
    order_id, card = sell_card(shop, "135 0000 7731")
    Order.update(customer_phone="１３５　００００－７７３１").where(Order.id == order_id).execute()
    for typed in ("7731", "13500007731", "+86 135 0000 7731", "１３５０"):
        assert cards(shop, typed) == [card], typed
        assert found(shop, typed) == [card], typed
        assert listed(shop, typed) == [order_id], typed
    assert giftcard_lookup.caller_cards(shop, phone="7731")[0].customer_phone == "*******7731"
    assert cards(shop, "7732") == [] and listed(shop, "7732") == []


def test_a_phone_saved_with_86_is_found_without_it(shop: Shop) -> None:
    order_id, card = sell_card(shop, "+86 139 1234 5678")
    for typed in (PHONE, "0086 13912345678", WIDE):
        assert cards(shop, typed) == [card], typed
        assert listed(shop, typed) == [order_id], typed
    assert giftcard_lookup.caller_cards(shop, phone=PHONE)[0].customer_phone == "*******5678"


def test_a_new_order_keeps_the_phone_as_typed_in_ascii(shop: Shop) -> None:
    order_id, _ = sell_card(shop, "＋８６　１３９－１２３４－５６７８")
    assert Order.get_by_id(order_id).customer_phone == "+86 139-1234-5678"


def test_the_prefix_alone_is_too_short_for_card_by_phone(shop: Shop) -> None:
    sell_card(shop, PHONE)
    with pytest.raises(InvalidInput):
        giftcard_lookup.caller_cards(shop, phone="+86 139")


def test_the_one_rule() -> None:
    assert phones.searched("＋８６　１３９－１２３４") == "1391234"
    assert phones.searched("0086(139)1234") == "1391234"
    assert phones.searched("+1 415 555") == "1415555"  # another country's code stays
    assert phones.searched("86 139 1234 5678") == "13912345678"  # a caller's bare 86
    assert phones.searched("862012345678") == "862012345678"  # Guangzhou's landline: kept
    assert phones.searched("86139123") == "86139123"  # part of a number: kept
    assert phones.phone_digits("李雷 5678") is None and phones.digits_of("李雷 5678") == "5678"
    assert phones.as_stored("１３９ 1234") == "139 1234"
    assert mask_phone("＋８６　１３９１２３４５６７８") == "*******5678"
