"""A gift card's spend, reload and cash-out read the card's own order by primary key: before,
``order_id IN (paid orders)`` listed every paid order of the shop's history at each one."""

from __future__ import annotations

import json

from desktop_app.core import fulfilment, giftcards, orders, products, redemption, sql
from desktop_app.core.models import AuditEvent, Voucher
from desktop_app.core.store import Shop


def _statements(shop: Shop, action: object) -> list[str]:
    seen: list[str] = []
    connection = shop.db.connection()
    connection.set_trace_callback(seen.append)  # each statement with its values written in
    try:
        action()  # type: ignore[operator]
    finally:
        connection.set_trace_callback(None)
    return seen


def _plan_problems(shop: Shop, statements: list[str]) -> list[tuple[str, str]]:
    problems = []
    for statement in statements:
        if statement.split()[0].upper() not in ("SELECT", "UPDATE", "DELETE") or \
                statement == sql.AUDIT_HEAD:  # the newest row by rowid: one row read
            continue
        for row in shop.db.execute_sql("EXPLAIN QUERY PLAN " + statement).fetchall():
            step = str(row[-1])
            if step.startswith("SCAN") or "LIST SUBQUERY" in step:
                problems.append((step, statement))
    return problems


def test_card_money_moves_probe_its_order_by_primary_key(shop: Shop) -> None:
    card_product = products.add_product(shop, "Card 200", "200.00", "giftcard")
    for _ in range(3):  # other paid orders: the history a listing would read
        fulfilment.pay_order(shop, orders.create_order(shop, [(card_product.id, 1)]).id)
    order = orders.create_order(shop, [(card_product.id, 1)], "赵先生", "139 0000 1234")
    issued = fulfilment.pay_order(shop, order.id, "cash")[0]
    card = Voucher.get_by_id(issued.id)
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "30000")  # the ¥240 left at the end
    moves = {
        "spend": lambda: redemption.redeem(shop, issued.payload, "c", amount_cents=1000),
        "reload": lambda: giftcards.reload(shop, Voucher.get_by_id(card.id), 5000),
        "cash out": lambda: giftcards.cash_out(shop, Voucher.get_by_id(card.id), "c"),
    }
    for name, move in moves.items():
        statements = _statements(shop, move)
        assert any(s.startswith("UPDATE") for s in statements), name
        assert _plan_problems(shop, statements) == [], name
    assert Voucher.get_by_id(card.id).balance_cents == 0


def test_a_spend_is_audited_with_the_balance_left(shop: Shop) -> None:
    card_product = products.add_product(shop, "Card 200", "200.00", "giftcard")
    order = orders.create_order(shop, [(card_product.id, 1)])
    issued = fulfilment.pay_order(shop, order.id, "cash")[0]
    redemption.redeem(shop, issued.payload, "c", amount_cents=3550)
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    detail = json.loads(event.detail)
    assert (event.kind, detail["amount_cents"], detail["balance_cents"]) == (
        "redeem", 3550, 16450)
    assert "uses_left" not in detail  # a card has no uses: it read "uses left: 1"
