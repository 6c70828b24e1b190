"""An order refunded already and asked again (a retry after the first answer was lost: a
killed command, a closed terminal) says what was paid back and when, so the money owed is
never read from the order's total (QA s12a F5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import as_json, run
from test_cli_giftcard import shop_with_a_sold_card
from test_refund_money import sell_card, spend

from desktop_app.core import orders, products, refunds
from desktop_app.core.errors import InvalidState
from desktop_app.core.store import Shop
from desktop_app.messages import error_message

SHOP_ENGINES = ("file", "server")


def test_a_second_refund_names_the_money_paid_back_and_when(shop: Shop) -> None:
    (card,) = sell_card(shop, "100")
    spend(shop, card, 3000)
    first = refunds.refund_order(shop, card.order_id)
    with pytest.raises(InvalidState) as again:
        refunds.refund_order(shop, card.order_id)
    assert again.value.params["state"] == "refunded"
    assert again.value.params["refund"] == "70.00" == f"{first.refund_cents / 100:.2f}"
    assert again.value.params["refunded_at"]
    said = error_message(again.value)
    assert f"Order {card.order_id} was refunded already" in said and "¥70.00 was paid" in said
    assert "Refresh the list" not in said


def test_an_order_never_refunded_keeps_the_plain_refusal(shop: Shop) -> None:
    pass_ = products.add_product(shop, "Wash", "10", "service", uses=1)
    order = orders.create_order(shop, [(pass_.id, 1)])
    orders.cancel_order(shop, order.id)
    with pytest.raises(InvalidState) as refused:
        refunds.refund_order(shop, order.id)
    assert "refunded_at" not in refused.value.params
    assert "Refresh the list" in error_message(refused.value)


def test_the_cli_retry_prints_the_refund_made(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    order, card = shop_with_a_sold_card(folder)
    assert run(folder, "redeem", card["code"], "--amount", "30", "--json").returncode == 0
    assert as_json(run(folder, "order", "refund", str(order), "--json"))["refund"] == "70.00"
    again = run(folder, "order", "refund", str(order), "--json")
    assert again.returncode == 1
    answer = as_json(again)
    assert (answer["error"], answer["state"], answer["refund"]) == ("invalid_state", "refunded",
                                                                      "70.00")
    assert "70.00" in answer["message"]


def test_a_refund_booked_by_the_upgrade_is_not_given_the_sale_time(shop: Shop) -> None:
    """Refunds made before there were records are dated on their sale's day by the upgrade:
    that is no refund time to tell (QA s12c F5)."""
    from desktop_app.core import migrations
    from desktop_app.core.models import Refund, SchemaVersion

    (card,) = sell_card(shop, "100")
    spend(shop, card, 3000)
    refunds.refund_order(shop, card.order_id)
    shop.db.drop_tables([Refund])
    step_from = migrations.STEPS.index(migrations.add_refund_records) + 1
    SchemaVersion.delete().where(SchemaVersion.version >= step_from).execute()
    SchemaVersion.create(version=step_from)
    migrations.migrate(shop.db)
    with pytest.raises(InvalidState) as again:
        refunds.refund_order(shop, card.order_id)
    assert again.value.params["refund"] == "70.00"
    assert "refunded_at" not in again.value.params
    said = error_message(again.value)
    assert "before this version" in said and "70.00" in said and " on " not in said


def test_after_part_refunds_the_retry_says_the_last_refunds_own_money(shop: Shop) -> None:
    """Part refunds first, then the rest: asked again, the answer is the money of the refund
    whose answer was lost, not every refund's sum "paid back then" (QA s12d F5)."""
    from desktop_app.core.models import OrderLine

    cards = sell_card(shop, "90", quantity=2)
    line = OrderLine.get(OrderLine.order == cards[0].order_id)
    assert refunds.refund_line(shop, line.id, 1, [cards[0].id]).refund_cents == 9000
    spend(shop, cards[1], 1000)
    last = refunds.refund_order(shop, cards[0].order_id)
    assert last.refund_cents == 8000
    with pytest.raises(InvalidState) as again:
        refunds.refund_order(shop, cards[0].order_id)
    assert (again.value.params["refund"], again.value.params["refunded_total"]) == (
        "80.00", "170.00")
    said = error_message(again.value)
    assert "that refund paid back ¥80.00" in said and "the ¥170.00 paid back" in said


def test_the_retry_of_a_topped_up_card_counts_and_names_its_reloads(shop: Shop) -> None:
    """A card reloaded with cash, then refunded: the retry says the whole money the refund
    paid back and the reload order refunded with it, as the first answer did (QA s20b F3:
    "49.04 was paid back" where 69.04 was)."""
    from desktop_app.core import giftcards
    from desktop_app.core.models import Voucher

    (card,) = sell_card(shop, "90", value="100")
    spend(shop, card, 3550)
    reload = giftcards.reload(shop, Voucher.get_by_id(card.id), 2000, "cash")
    first = refunds.refund_order(shop, card.order_id)
    assert first.refund_cents == 7805  # the card's 64.50 at 0.9 (58.05), the reload 20.00
    with pytest.raises(InvalidState) as again:
        refunds.refund_order(shop, card.order_id)
    facts = again.value.params
    assert (facts["refund"], facts["refunded_total"]) == ("78.05", "78.05")
    assert facts["reloads"] == [{"order": reload.order_id, "method": "cash", "refund": "20.00"}]
    said = error_message(again.value)
    assert "¥78.05 was paid back" in said
    assert f"¥20.00 of it was for reload order {reload.order_id} (Cash)" in said


def test_the_cli_retry_of_a_topped_up_card_gives_its_reloads(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    order, card = shop_with_a_sold_card(folder)
    assert run(folder, "redeem", card["code"], "--amount", "30", "--json").returncode == 0
    reloaded = run(folder, "voucher", "reload", card["code"], "--amount", "20", "--method",
                   "cash", "--json")
    assert reloaded.returncode == 0, reloaded.stdout
    first = as_json(run(folder, "order", "refund", str(order), "--json"))
    assert (first["refund"], first["reloads"][0]["refund"]) == ("90.00", "20.00")
    again = as_json(run(folder, "order", "refund", str(order), "--json"))
    assert (again["refund"], again["refunded_total"]) == ("90.00", "90.00")
    assert again["reloads"] == first["reloads"]
    text = run(folder, "order", "refund", str(order))
    assert "¥90.00 was paid back" in text.stderr
    assert f"¥20.00 of it was for reload order {first['reloads'][0]['order']}" in text.stderr
