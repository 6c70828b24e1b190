"""Verify names an order marked refunded with no refund record: an older build's refund
written while the new build upgraded (QA s19b F2), or a row changed outside the app. The
sales report counts refunds from their records, so such an order's money back is missing
from every day's figures until the owner looks at it."""

from __future__ import annotations

from test_refund_money import sell_card

from desktop_app.core import audit, refunds
from desktop_app.core.models import Order
from desktop_app.core.store import Shop
from desktop_app.messages.verify_texts import verify_problem_text

SHOP_ENGINES = ("file", "server")


def test_a_refund_made_by_the_app_leaves_verify_quiet(shop: Shop) -> None:
    (card,) = sell_card(shop, "100")
    refunds.refund_order(shop, card.order_id)
    assert audit.verify_shop(shop) == []


def test_a_refunded_order_without_its_record_is_named(shop: Shop) -> None:
    (card,) = sell_card(shop, "100")
    (kept,) = sell_card(shop, "20")
    refunds.refund_order(shop, kept.order_id)
    with shop.db.atomic():  # what an older build's refund wrote: the status, no record
        Order.update(status="refunded").where(Order.id == card.order_id).execute()
    assert audit.verify_shop_data(shop) == [f"refunds: order {card.order_id} refund_unrecorded"]


def test_the_problem_reads_as_words_naming_the_order() -> None:
    said = verify_problem_text("refunds: order 12 refund_unrecorded")
    assert "Order #12" in said and "refund" in said and "_" not in said
