"""Editing what a product sells: a gift card's value follows its price unless the owner set
another (QA S6-9), and a product whose validity window ended is neither saved, nor sold, nor
paid for (QA S6-7). Real encrypted shops."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.core import audit, fulfilment, orders, products
from desktop_app.core.errors import InvalidInput, InvalidState
from desktop_app.core.models import AuditEvent, Order, Product, Voucher
from desktop_app.core.store import Shop
from desktop_app.messages import error_message


def last_update() -> dict[str, dict[str, object]]:
    event = (AuditEvent.select().where(AuditEvent.kind == "product_update")
             .order_by(AuditEvent.id.desc()).first())
    return json.loads(event.detail)  # type: ignore[no-any-return]


def sell_one(shop: Shop, product_id: int) -> fulfilment.IssuedVoucher:
    order = orders.create_order(shop, [(product_id, 1)], "王女士")
    return fulfilment.pay_order(shop, order.id, "cash")[0]


# --- a gift card's value ------------------------------------------------------------------------


def test_a_value_left_as_the_price_follows_a_new_price(shop: Shop) -> None:
    """QA: raised to ¥250, the card still carried ¥200: the customer paid 50 for nothing."""
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    products.update_product(shop, card.id, price="250")
    assert products.product_detail(shop, card.id).value_cents == 25000
    assert sell_one(shop, card.id).balance_cents == 25000
    assert last_update() == {"before": {"price_cents": 20000, "value_cents": 20000},
                             "after": {"price_cents": 25000, "value_cents": 25000}}
    products.update_product(shop, card.id, price="180")  # lowered: the value follows down too
    assert products.product_detail(shop, card.id).value_cents == 18000


def test_a_value_of_its_own_stays_and_can_be_changed(shop: Shop) -> None:
    promo = products.add_product(shop, "Gift card 100", "90", "giftcard", value="100")
    products.update_product(shop, promo.id, price="95")
    assert products.product_detail(shop, promo.id).value_cents == 10000  # "100 for 95"
    products.update_product(shop, promo.id, price="95", value="110")
    assert products.product_detail(shop, promo.id).value_cents == 11000
    assert last_update() == {"before": {"value_cents": 10000}, "after": {"value_cents": 11000}}
    products.update_product(shop, promo.id, price="120", value=None)  # blank: the price
    assert products.product_detail(shop, promo.id).value_cents == 12000
    for bad, problem in (("0", "not_positive"), ("-5", "negative"), ("abc", "not_a_number")):
        with pytest.raises(InvalidInput) as refused:
            products.update_product(shop, promo.id, value=bad)
        assert (refused.value.params["field"], refused.value.params["problem"]) == (
            "value", problem)
    wash = products.add_product(shop, "Wash", "10")
    with pytest.raises(InvalidInput) as refused:
        products.update_product(shop, wash.id, value="10")
    assert refused.value.params["problem"] == "giftcard_only"
    assert products.product_detail(shop, promo.id).value_cents == 12000
    assert audit.verify_chain() == []


def test_cards_already_sold_keep_their_balance(shop: Shop) -> None:
    card = products.add_product(shop, "Gift card 200", "200", "giftcard")
    sold = sell_one(shop, card.id)
    products.update_product(shop, card.id, price="250", value="300")
    assert Voucher.get_by_id(sold.id).balance_cents == 20000
    assert sell_one(shop, card.id).balance_cents == 30000
    assert audit.cards_out_of_step() == []


# --- a validity window that ended ---------------------------------------------------------------


def future_window(days: int = 30) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return start, start + dt.timedelta(days=days)


def end_window(shop: Shop, product_id: int) -> None:
    """Time passes: the window ended yesterday (as a product saved long ago)."""
    yesterday = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    with shop.write():
        Product.update(valid_from=yesterday - dt.timedelta(days=30), valid_until=yesterday
                       ).where(Product.id == product_id).execute()


def test_an_end_in_the_past_is_refused_with_words(shop: Shop) -> None:
    """QA: "2025" typed for "2026" put vouchers on sale that were expired when sold."""
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(InvalidInput) as refused:
        products.add_product(shop, "PastDates", "5", valid_from=start,
                             valid_until=start + dt.timedelta(days=31))
    assert refused.value.params == {"field": "valid_until", "problem": "in_past"}
    assert error_message(refused.value) == (
        "Valid until: Must be today or later: vouchers sold now would be expired already.")
    assert Product.select().count() == 0
    start_soon, end_later = future_window()
    wash = products.add_product(shop, "Wash", "5", valid_from=start_soon, valid_until=end_later)
    with pytest.raises(InvalidInput) as refused:
        products.update_product(shop, wash.id, valid_from=start,
                                valid_until=start + dt.timedelta(days=31))
    assert refused.value.params["problem"] == "in_past"


def test_an_ended_product_stays_editable_but_is_not_sold(shop: Shop) -> None:
    start, end = future_window()
    wash = products.add_product(shop, "Wash", "5", valid_from=start, valid_until=end)
    order = orders.create_order(shop, [(wash.id, 1)], "Early")
    end_window(shop, wash.id)
    assert products.product_detail(shop, wash.id).ended()
    assert [p.name for p in products.products_on_sale(shop)] == []
    ended = products.product_detail(shop, wash.id)
    products.update_product(shop, wash.id, price="6", valid_from=ended.valid_from,
                            valid_until=ended.valid_until)  # the dialog sends the dates back
    assert Product.get_by_id(wash.id).price_cents == 600
    with pytest.raises(InvalidInput) as refused:
        orders.create_order(shop, [(wash.id, 1)], "Late")
    assert refused.value.params["problem"] == "ended"
    assert "“Wash” has ended" in error_message(refused.value)
    with pytest.raises(InvalidInput):
        fulfilment.issue_batch(shop, wash.id, 3)
    # Ordered before the end, paid after it: refused, nothing issued, the owner told what to do.
    with pytest.raises(InvalidState) as unpaid:
        fulfilment.pay_order(shop, order.id, "cash")
    assert unpaid.value.params["state"] == "product_ended"
    assert "Cancel the order" in error_message(unpaid.value)
    assert Order.get_by_id(order.id).status == "unpaid" and Voucher.select().count() == 0
    orders.cancel_order(shop, order.id)
    products.set_archived(shop, wash.id, True)
    products.set_archived(shop, wash.id, False)
    start, end = future_window(10)
    products.update_product(shop, wash.id, valid_from=start, valid_until=end)  # on sale again
    assert [p.name for p in products.products_on_sale(shop)] == ["Wash"]
    assert sell_one(shop, wash.id).valid_until == end
    assert audit.verify_chain() == []


def test_goods_carry_no_validity_to_end(shop: Shop) -> None:
    box = products.add_product(shop, "Gift box", "20", "goods", stock=3)
    assert not products.product_detail(shop, box.id).ended()
    assert fulfilment.pay_order(shop, orders.create_order(shop, [(box.id, 1)]).id) == []


def test_a_low_stock_level_out_of_range_is_refused_in_words(shop: Shop) -> None:
    towel = products.add_product(shop, "Towel", "15", kind="goods", stock=2)
    for wrong in (-1, 1_000_001):
        with pytest.raises(InvalidInput) as refused:
            products.update_product(shop, towel.id, low_stock_threshold=wrong)
        assert error_message(refused.value).startswith("Low-stock warning: Must be between")
    products.update_product(shop, towel.id, low_stock_threshold=0)  # 0: no warning
    assert products.product_detail(shop, towel.id).low_stock_threshold is None
