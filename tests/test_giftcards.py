"""Gift cards: a money balance spent in parts, reloaded, refunded, cashed out and expired,
with a ledger whose sum is always the balance."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
from collections import Counter
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from race_worker import spend_once

from desktop_app.core import (
    audit,
    auth,
    counter,
    fulfilment,
    giftcards,
    orders,
    products,
    redemption,
    refunds,
    reports,
)
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import Forbidden, InvalidInput, InvalidState
from desktop_app.core.models import AuditEvent, GiftCardEntry, Voucher
from desktop_app.core.store import Shop
from desktop_app.messages import error_message

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


def sell_card(shop: Shop, price: str = "100", value: str | None = None, quantity: int = 1,
              **product: object) -> list[fulfilment.IssuedVoucher]:
    item = products.add_product(shop, "Gift card 礼品卡", price, "giftcard", value=value,
                                **product)  # type: ignore[arg-type]
    order = orders.create_order(shop, [(item.id, quantity)], "王女士")
    return fulfilment.pay_order(shop, order.id, "wechat")


def balance(card: fulfilment.IssuedVoucher) -> int:
    return int(Voucher.get_by_id(card.id).balance_cents)


def ledger_kinds(card: fulfilment.IssuedVoucher) -> list[tuple[str, int]]:
    return [(e.kind, e.amount_cents) for e in giftcards.ledger(card.id)]


def test_paying_issues_one_card_per_unit_with_the_value_as_balance(shop: Shop) -> None:
    cards = sell_card(shop, "90", value="100", quantity=2)
    assert len(cards) == 2 and len({c.code for c in cards}) == 2
    assert [balance(c) for c in cards] == [10000, 10000]
    assert ledger_kinds(cards[0]) == [("issue", 10000)]
    assert audit.verify_shop(shop) == []


def test_value_defaults_to_the_price_and_only_cards_have_one(shop: Shop) -> None:
    (card,) = sell_card(shop, "50")
    assert balance(card) == 5000
    with pytest.raises(InvalidInput) as refused:
        products.add_product(shop, "Wash", "10", "service", value="20")
    assert refused.value.params["problem"] == "giftcard_only"


def test_spend_in_parts_all_or_nothing(shop: Shop) -> None:
    (card,) = sell_card(shop)
    first = redemption.redeem(shop, card.payload, "Counter 1", amount_cents=3050)
    assert first.ok and first.reason == "redeemed" and first.balance == 6950
    assert first.to_json()["balance"] == "69.50"
    too_much = redemption.redeem(shop, card.code, "Counter 1", amount_cents=7000)
    assert not too_much.ok and too_much.reason == "insufficient_balance"
    assert too_much.balance == 6950 == balance(card)
    rest = redemption.redeem(shop, card.code, "Counter 1", amount_cents=6950)
    assert rest.ok and rest.balance == 0
    assert ledger_kinds(card) == [("issue", 10000), ("spend", -3050), ("spend", -6950)]
    assert audit.verify_shop(shop) == []


def test_a_card_needs_an_amount_and_a_pass_takes_none(shop: Shop) -> None:
    (card,) = sell_card(shop)
    no_amount = redemption.redeem(shop, card.payload, "c")
    assert no_amount.reason == "amount_required" and not no_amount.ok
    assert balance(card) == 10000
    item = products.add_product(shop, "Wash", "10", "service", uses=2)
    order = orders.create_order(shop, [(item.id, 1)])
    (wash,) = fulfilment.pay_order(shop, order.id)
    with_amount = redemption.redeem(shop, wash.payload, "c", amount_cents=500)
    assert with_amount.reason == "not_a_giftcard" and not with_amount.ok
    assert Voucher.get_by_id(wash.id).uses_left == 2
    with pytest.raises(InvalidInput):
        redemption.redeem(shop, card.payload, "c", amount_cents=0)


def test_a_void_or_expired_card_says_so_before_asking_for_an_amount(shop: Shop) -> None:
    (card,) = sell_card(shop)
    Voucher.update(valid_until=utc_now() - dt.timedelta(days=1)).where(
        Voucher.id == card.id).execute()
    assert redemption.redeem(shop, card.payload, "c").reason == "expired"
    assert redemption.redeem(shop, card.payload, "c", amount_cents=100).reason == "expired"


def test_undo_restores_the_balance_as_a_new_ledger_row(shop: Shop) -> None:
    (card,) = sell_card(shop)
    spent = redemption.redeem(shop, card.payload, "c", amount_cents=2000)
    assert spent.attempt_id is not None
    redemption.undo_redemption(shop, spent.attempt_id, "wrong card", "c")
    assert balance(card) == 10000
    rows = giftcards.ledger(card.id)
    assert [(r.kind, r.amount_cents, r.balance_after_cents) for r in rows] == [
        ("issue", 10000, 10000), ("spend", -2000, 8000), ("undo", 2000, 10000)]
    assert rows[-1].operator == OWNER and rows[-1].station == "c"
    with pytest.raises(InvalidState):
        redemption.undo_redemption(shop, spent.attempt_id, "again", "c")
    assert audit.verify_shop(shop) == []


def test_the_station_list_shows_what_each_spend_took(shop: Shop) -> None:
    (card,) = sell_card(shop)
    redemption.redeem(shop, card.payload, "c", amount_cents=2050)
    redemption.redeem(shop, card.payload, "c", amount_cents=999_999)  # refused: too much
    rows = counter.recent_attempts(shop, "c")
    assert [(r.reason, r.spent_cents) for r in rows] == [
        ("insufficient_balance", None), ("redeemed", 2050)]


def test_reload_is_a_paid_order_and_its_refund_takes_it_back(shop: Shop) -> None:
    (card,) = sell_card(shop)
    redemption.redeem(shop, card.payload, "c", amount_cents=8000)
    voucher = Voucher.get_by_id(card.id)
    change = giftcards.reload(shop, voucher, 5000, "alipay", "c")
    assert change.balance_cents == 7000 and change.order_id is not None
    before = reports.sales_summary(shop)
    assert before.by_method["alipay"] == 5000  # counted like a sale
    result = refunds.refund_order(shop, change.order_id)
    assert result.card_refund_cents == 5000 and balance(card) == 2000
    assert ledger_kinds(card)[-2:] == [("reload", 5000), ("refund", -5000)]
    # A reload already spent cannot be refunded: the money is gone from the card.
    again = giftcards.reload(shop, Voucher.get_by_id(card.id), 1000, "cash")
    redemption.redeem(shop, card.payload, "c", amount_cents=2500)
    with pytest.raises(InvalidState):
        refunds.refund_order(shop, again.order_id)  # type: ignore[arg-type]
    assert balance(card) == 500
    assert audit.verify_shop(shop) == []


def test_refunding_a_card_order_pays_back_only_the_unspent_value(shop: Shop) -> None:
    cards = sell_card(shop, "90", value="100", quantity=2)
    redemption.redeem(shop, cards[0].payload, "c", amount_cents=6000)
    order_id = cards[0].order_id
    result = refunds.refund_order(shop, order_id)
    # 40 left on the first card, 100 on the second; bought for 90 each: paid back at 90%.
    assert result.card_refund_cents == 3600 + 9000
    assert [balance(c) for c in cards] == [0, 0]
    assert ledger_kinds(cards[0])[-1] == ("refund", -4000)  # the balance, all of it
    entry = GiftCardEntry.get((GiftCardEntry.voucher == cards[1].id)
                              & (GiftCardEntry.kind == "refund"))
    assert entry.money_cents == -9000
    assert redemption.redeem(shop, cards[1].payload, "c", amount_cents=100).reason == "voided"
    assert audit.verify_shop(shop) == []


def test_partial_refund_of_a_card_line(shop: Shop) -> None:
    cards = sell_card(shop, "100", quantity=2)
    line_id = Voucher.get_by_id(cards[0].id).order_line_id
    result = refunds.refund_line(shop, line_id, 1)
    assert result.voided == 1 and result.card_refund_cents == 10000
    assert sorted(balance(c) for c in cards) == [0, 10000]
    assert audit.verify_shop(shop) == []


def test_cash_out_a_small_remainder_where_the_owner_allows_it(shop: Shop) -> None:
    (card,) = sell_card(shop)
    redemption.redeem(shop, card.payload, "c", amount_cents=9500)
    with pytest.raises(InvalidState) as off:
        giftcards.cash_out(shop, Voucher.get_by_id(card.id))  # not allowed yet
    assert off.value.params["state"] == "cashout_off"
    assert "Settings → Shop (Gift card cash-out up to)" in error_message(off.value)
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "1000")
    change = giftcards.cash_out(shop, Voucher.get_by_id(card.id), "c")
    assert change.amount_cents == -500 and balance(card) == 0
    assert ledger_kinds(card)[-1] == ("cashout", -500)
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert event.kind == "giftcard_cashout" and json.loads(event.detail) == {
        "amount_cents": 500, "money_cents": 500, "station": "c"}  # the counter too
    with pytest.raises(InvalidState):
        giftcards.cash_out(shop, Voucher.get_by_id(card.id))  # nothing left
    assert audit.verify_shop(shop) == []


def test_expiry_is_breakage_before_and_after_the_write_off(shop: Shop) -> None:
    (card,) = sell_card(shop)
    redemption.redeem(shop, card.payload, "c", amount_cents=3000)
    ended = utc_now() - dt.timedelta(hours=1)
    Voucher.update(valid_until=ended).where(Voucher.id == card.id).execute()
    assert giftcards.breakage() == giftcards.Breakage(1, 7000)
    assert giftcards.expire_due(shop) == 1 and giftcards.expire_due(shop) == 0
    assert balance(card) == 0 and ledger_kinds(card)[-1] == ("expiry", -7000)
    assert giftcards.breakage() == giftcards.Breakage(1, 7000)
    today = ended.astimezone().date()
    assert giftcards.breakage(today, today).cents == 7000
    assert giftcards.breakage(today + dt.timedelta(days=1)).cents == 0


def test_verify_names_a_balance_that_disagrees_with_its_ledger(shop: Shop) -> None:
    (card,) = sell_card(shop)
    Voucher.update(balance_cents=50000).where(Voucher.id == card.id).execute()
    assert audit.verify_shop(shop) == [f"giftcards: voucher {card.id} balance_mismatch"]


def test_a_cash_out_pays_what_the_card_was_bought_for_never_the_bonus(shop: Shop) -> None:
    """QA: a card sold for 180 holding 200 paid out 200 in cash, 20 more than the customer
    paid, though a refund of the same card pays 180."""
    (card,) = sell_card(shop, "180", value="200")
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "50000")
    reload = giftcards.reload(shop, Voucher.get_by_id(card.id), 1000, "cash")
    assert redemption.redeem(shop, card.payload, "c", amount_cents=5000).ok
    # 160 left: the 10 reload in full, then 150 of the card's own 200 at 180/200: 135
    change = giftcards.cash_out(shop, Voucher.get_by_id(card.id), "c")
    assert (change.amount_cents, change.money_cents, balance(card)) == (-16000, 14500, 0)
    cashout = giftcards.ledger(card.id)[-1]
    assert (cashout.kind, cashout.amount_cents) == ("cashout", -16000)
    entry = GiftCardEntry.get((GiftCardEntry.voucher == card.id)
                              & (GiftCardEntry.kind == "cashout"))
    assert (entry.money_cents, entry.method) == (-14500, "cash")
    assert reload.order_id is not None
    with pytest.raises(InvalidState) as gone:  # nothing of the reload is left to refund
        refunds.refund_order(shop, reload.order_id)
    assert "nothing to refund" in error_message(gone.value)
    with pytest.raises(InvalidState) as empty:
        giftcards.cash_out(shop, Voucher.get_by_id(card.id))
    assert error_message(empty.value) == "This gift card is empty: there is nothing to pay out."
    assert audit.verify_shop(shop) == []


def test_a_cash_out_over_the_limit_says_the_balance_and_the_limit(shop: Shop) -> None:
    (card,) = sell_card(shop, "100")
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "2000")
    with pytest.raises(InvalidState) as over:
        giftcards.cash_out(shop, Voucher.get_by_id(card.id))
    said = error_message(over.value)
    assert "holds ¥100.00, more than the ¥20.00" in said and "Refresh" not in said
    assert balance(card) == 10000


def test_reload_by_a_clerk_only_where_the_owner_allows(shop: Shop, shop_dir: Path) -> None:
    (card,) = sell_card(shop)
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk, pytest.raises(Forbidden) as refused:
        giftcards.reload(clerk, Voucher.get_by_id(card.id), 1000)
    assert "allow clerks in Settings → Shop" in error_message(refused.value)  # QA R4
    with shop.open_again(OWNER, OWNER_PASSWORD) as owner:
        owner.set_setting(giftcards.CLERK_MONEY_SETTING, "1")
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        change = giftcards.reload(clerk, Voucher.get_by_id(card.id), 1000)
        assert change.balance_cents == 11000
        spent = redemption.redeem(clerk, card.payload, "c", amount_cents=11000)
        assert spent.ok and spent.balance == 0


def test_pin_and_its_lockout(shop: Shop) -> None:
    (card,) = sell_card(shop)
    voucher = Voucher.get_by_id(card.id)
    assert giftcards.check_pin(shop, voucher, "2468").result == "no_pin"
    with pytest.raises(InvalidInput):
        giftcards.set_pin(shop, voucher, "12a4")
    giftcards.set_pin(shop, voucher, "2468")
    assert giftcards.check_pin(shop, voucher, "2468").right
    now = utc_now()
    for left in range(giftcards.PIN_MAX_FAILURES - 1, 0, -1):
        assert giftcards.check_pin(shop, voucher, "0000", now) == giftcards.PinCheck(
            "wrong", left)
    locking = giftcards.check_pin(shop, voucher, "0000", now)
    assert (locking.result, locking.locked_until) == ("locked", now + giftcards.PIN_LOCK)
    locked = giftcards.check_pin(shop, voucher, "2468", now)  # locked: even the right one
    assert not locked.right and locked.result == "locked"
    later = now + giftcards.PIN_LOCK + dt.timedelta(seconds=1)
    assert giftcards.check_pin(shop, voucher, "2468", later).right


@pytest.mark.slow
def test_six_processes_spend_twenty_from_a_hundred(shop: Shop) -> None:
    """Six counters (processes; on the server, six PCs) at once: exactly five spends."""
    (card,) = sell_card(shop, "100")
    database_url = getattr(shop, "url", None)
    shop.close()
    context = multiprocessing.get_context("spawn")
    with context.Pool(6) as pool:
        jobs = [pool.apply_async(spend_once, (str(shop.data_dir), card.payload, 2000,
                                              f"station-{i}", database_url))
                for i in range(6)]
        reasons = Counter(job.get(timeout=120) for job in jobs)
    assert reasons == {"redeemed": 5, "insufficient_balance": 1}
    with shop.open_again(OWNER, OWNER_PASSWORD) as again:
        assert balance(card) == 0
        assert sum(e.amount_cents for e in GiftCardEntry.select()) == 0
        assert GiftCardEntry.select().where(GiftCardEntry.kind == "spend").count() == 5
        assert audit.verify_shop(again) == []


def test_a_batch_of_cards_each_with_its_opening_row(shop: Shop) -> None:
    item = products.add_product(shop, "Gift card box", "45", "giftcard", value="50")
    issued = fulfilment.issue_batch(shop, item.id, 20)
    assert len(issued) == 20 and {c.balance_cents for c in issued} == {5000}
    assert all(balance(c) == 5000 for c in issued)
    assert GiftCardEntry.select().where(GiftCardEntry.kind == "issue").count() == 20
    spent = redemption.redeem(shop, issued[3].payload, "c", amount_cents=1250)
    assert spent.ok and spent.balance == 3750
    assert audit.verify_shop(shop) == []


def test_a_spend_on_a_refunded_card_cannot_be_undone(shop: Shop) -> None:
    (card,) = sell_card(shop)
    spent = redemption.redeem(shop, card.payload, "c", amount_cents=2000)
    refunds.refund_order(shop, card.order_id)
    assert spent.attempt_id is not None
    with pytest.raises(InvalidState) as refused:
        redemption.undo_redemption(shop, spent.attempt_id, "late", "c")
    assert refused.value.params["state"] == "voucher_refunded"  # said so, with the refund's time
    assert refused.value.params["refunded_at"]
    assert balance(card) == 0 and audit.verify_shop(shop) == []
    from desktop_app.messages import error_message  # QA s41a F8: "no use to give back"

    said = error_message(refused.value)
    assert said.startswith("This spend cannot be undone: the card was refunded on ")
    assert "use" not in said and "the money cannot go back onto it" in said


def test_a_zero_value_or_amount_is_refused_in_plain_words(shop: Shop) -> None:
    from desktop_app.messages import error_message

    with pytest.raises(InvalidInput) as refused:
        products.add_product(shop, "Card", "0", "giftcard")
    assert error_message(refused.value) == "Value: Must be more than zero."
