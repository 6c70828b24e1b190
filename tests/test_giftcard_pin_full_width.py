"""A gift card's PIN typed with a Chinese input method's full-width digits is the PIN, set or
checked (QA s18b F9: "PIN: Not a number."); on both engines."""

from __future__ import annotations

import pytest

from desktop_app.core import fulfilment, giftcard_lookup, giftcards, orders, products
from desktop_app.core.errors import InvalidInput
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")


def sell_card(shop: Shop) -> Voucher:
    item = products.add_product(shop, "Gift card 100", "100", "giftcard")
    order = orders.create_order(shop, [(item.id, 1)], "王女士", "138 0000 5678")
    card: Voucher = Voucher.get_by_id(fulfilment.pay_order(shop, order.id, "cash")[0].id)
    return card


def test_full_width_digits_set_and_open_the_card(shop: Shop) -> None:
    card = sell_card(shop)
    giftcards.set_pin(shop, card, "２４６８")
    assert giftcard_lookup.look_up_card(shop, card.id, "2468").reason == "found"
    assert giftcard_lookup.look_up_card(shop, card.id, "２４６８").reason == "found"
    assert giftcard_lookup.look_up_card(shop, card.id, "２４６９").reason == "wrong_pin"
    with pytest.raises(InvalidInput) as refused:
        giftcard_lookup.look_up_card(shop, card.id, "２４六８")  # a Chinese numeral: no digit
    assert refused.value.params["problem"] == "not_a_number"
