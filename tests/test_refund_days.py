"""A refund counts on the local day it was paid back, by its own method: a day already closed
never changes, and each day's net is the money that moved (QA s11b F10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from test_refund_money import sell_card, spend
from test_report_tables import local

from desktop_app.core import fulfilment, giftcards, migrations, orders, products, refunds
from desktop_app.core.models import (
    GiftCardEntry,
    Order,
    OrderLine,
    Refund,
    SchemaVersion,
    Voucher,
)
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

TODAY = dt.date.today()
SALE_DAY = TODAY - dt.timedelta(days=6)


def _sold_on(order_id: int, day: dt.date) -> None:
    Order.update(paid_at=local(day, 12)).where(Order.id == order_id).execute()


def _row(shop: Shop, by: str, group: object, day: dt.date) -> dict[str, Any]:
    rows = sales_report(shop, by, day, day).rows
    return next(row for row in rows if row["group"] == group)


def _figures(shop: Shop, by: str, start: dt.date, end: dt.date) -> object:
    report = sales_report(shop, by, start, end)
    return report.rows, report.totals


def test_a_refund_today_of_last_weeks_sale_leaves_last_week_alone(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "150", uses=5, valid_days=365)
    box = products.add_product(shop, "Box", "10", "goods", stock=9)
    old = orders.create_order(shop, [(wash.id, 1)])
    fulfilment.pay_order(shop, old.id, "wechat")
    _sold_on(old.id, SALE_DAY)
    goods = orders.create_order(shop, [(box.id, 3)])
    fulfilment.pay_order(shop, goods.id, "cash")
    _sold_on(goods.id, SALE_DAY)
    closed = {by: _figures(shop, by, SALE_DAY, SALE_DAY) for by in ("day", "product", "method")}
    today_sale = orders.create_order(shop, [(box.id, 1)])
    fulfilment.pay_order(shop, today_sale.id, "cash")

    refunds.refund_order(shop, old.id)
    [box_line] = OrderLine.select().where(OrderLine.order == goods.id)
    refunds.refund_line(shop, box_line.id, 2)

    assert {by: _figures(shop, by, SALE_DAY, SALE_DAY) for by in closed} == closed
    today = _row(shop, "day", TODAY, TODAY)
    assert (today["orders"], today["revenue"], today["refunds"], today["net"]) == (
        1, 1000, 15000 + 2000, 1000 - 17000)
    assert (today["refunded_orders"], today["refunded_quantity"]) == (1, 3)
    cash = _row(shop, "method", "cash", TODAY)  # the drawer: ¥10 in, ¥20 out
    assert (cash["revenue"], cash["refunds"], cash["net"]) == (1000, 2000, -1000)
    wechat = _row(shop, "method", "wechat", TODAY)
    assert (wechat["revenue"], wechat["refunds"], wechat["refunded_orders"]) == (0, 15000, 1)
    assert _row(shop, "product", "Wash", TODAY)["refunded_quantity"] == 1
    record = Refund.get(Refund.order == old.id)
    assert (record.method, record.amount_cents, record.operator_id) == (
        "wechat", 15000, shop.operator.id)
    week = sales_report(shop, "day", SALE_DAY, TODAY)
    assert (week.totals["revenue"], week.totals["refunds"]) == (18000 + 1000, 17000)
    assert week.totals["refunded_orders"] == 1


def test_a_gift_card_and_its_reload_are_refunded_on_the_day_by_their_methods(
        shop: Shop) -> None:
    (card,) = sell_card(shop, "100", method="wechat")
    _sold_on(card.order_id, SALE_DAY)
    reload = giftcards.reload(shop, Voucher.get_by_id(card.id), 2000, "cash")
    assert reload.order_id is not None
    _sold_on(reload.order_id, SALE_DAY)
    spend(shop, card, 3000)
    closed = _figures(shop, "method", SALE_DAY, SALE_DAY)

    paid_back = refunds.refund_order(shop, card.order_id).refund_cents

    assert _figures(shop, "method", SALE_DAY, SALE_DAY) == closed
    assert paid_back == 2000 + 7000  # the reload in full; 70 of its own 100 left
    assert _row(shop, "method", "cash", TODAY)["refunds"] == 2000
    assert _row(shop, "method", "wechat", TODAY)["refunds"] == 7000
    today = sales_report(shop, "day", TODAY, TODAY)
    assert (today.totals["refunds"], today.totals["refunded_orders"]) == (9000, 2)


def test_the_schema_step_dates_old_refunds_on_their_sale_day(shop: Shop) -> None:
    """Refunds made before the records: on their sale's day, as the reports had them."""
    wash = products.add_product(shop, "Wash", "150", uses=5, valid_days=365)
    box = products.add_product(shop, "Box", "10", "goods", stock=9)
    (card,) = sell_card(shop, "100", method="alipay")
    reload = giftcards.reload(shop, Voucher.get_by_id(card.id), 2000, "cash")
    whole = orders.create_order(shop, [(wash.id, 1), (box.id, 1)])
    fulfilment.pay_order(shop, whole.id, "wechat")
    part = orders.create_order(shop, [(box.id, 3)])
    fulfilment.pay_order(shop, part.id, "cash")
    refunds.refund_order(shop, whole.id)
    refunds.refund_line(shop, OrderLine.get(OrderLine.order == part.id).id, 2)
    refunds.refund_order(shop, card.order_id)
    for day, order_id in enumerate((card.order_id, reload.order_id, whole.id, part.id)):
        _sold_on(order_id, SALE_DAY - dt.timedelta(days=day))
        Refund.update(refunded_at=local(SALE_DAY - dt.timedelta(days=day), 12)).where(
            Refund.order == order_id).execute()
    span = (SALE_DAY - dt.timedelta(days=5), TODAY)
    before = {by: _figures(shop, by, *span) for by in ("day", "product", "method")}
    records = Refund.select().count()

    shop.db.drop_tables([Refund])
    step_from = migrations.STEPS.index(migrations.add_refund_records) + 1
    SchemaVersion.delete().where(SchemaVersion.version >= step_from).execute()
    SchemaVersion.create(version=step_from)
    assert migrations.migrate(shop.db) == step_from

    assert {by: _figures(shop, by, *span) for by in before} == before
    assert Refund.select().count() >= records - 1  # a card's units and money in one or two
    assert all(r.operator_id is None and r.refunded_at == r.order.paid_at
               for r in Refund.select())


def test_a_cash_out_counts_on_the_day_the_cash_left_the_drawer(shop: Shop) -> None:
    (card,) = sell_card(shop, "100", method="wechat")
    _sold_on(card.order_id, SALE_DAY)
    spend(shop, card, 9500)
    closed = _figures(shop, "method", SALE_DAY, SALE_DAY)
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "1000")
    giftcards.cash_out(shop, Voucher.get_by_id(card.id), "Till")
    assert _figures(shop, "method", SALE_DAY, SALE_DAY) == closed
    assert _row(shop, "method", "cash", TODAY)["refunds"] == 500
    assert _row(shop, "day", TODAY, TODAY)["net"] == -500


def test_cash_outs_from_before_the_upgrade_stay_where_the_report_had_them(shop: Shop) -> None:
    """QA s12c F1: the report of the versions before the refund records counted a cash-out on
    its card's sale day; the upgrade must not move it to its own day, a day closed already."""
    (card,) = sell_card(shop, "100", method="wechat")
    _sold_on(card.order_id, SALE_DAY)
    spend(shop, card, 9500)
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "1000")
    giftcards.cash_out(shop, Voucher.get_by_id(card.id), "Till")
    cashed_on = SALE_DAY + dt.timedelta(days=2)
    GiftCardEntry.update(created_at=local(cashed_on, 15)).where(
        GiftCardEntry.kind == "cashout").execute()
    shop.db.drop_tables([Refund])  # the shop as a version without refund records left it
    step_from = migrations.STEPS.index(migrations.add_refund_records) + 1
    SchemaVersion.delete().where(SchemaVersion.version >= step_from).execute()
    SchemaVersion.create(version=step_from)
    assert migrations.migrate(shop.db) == step_from

    sale_day = _row(shop, "day", SALE_DAY, SALE_DAY)
    assert (sale_day["revenue"], sale_day["refunds"], sale_day["net"]) == (10000, 500, 9500)
    assert _row(shop, "day", cashed_on, cashed_on)["refunds"] == 0
    assert _row(shop, "method", "cash", SALE_DAY)["refunds"] == 500
    assert _row(shop, "product", "Gift 100/None", SALE_DAY)["refunds"] == 500
    closed = sales_report(shop, "day", SALE_DAY, TODAY)
    # A cash-out after the upgrade counts on its own day; the closed days stay as they were.
    (later,) = sell_card(shop, "50", method="wechat")
    _sold_on(later.order_id, SALE_DAY - dt.timedelta(days=1))
    spend(shop, later, 4800)
    giftcards.cash_out(shop, Voucher.get_by_id(later.id), "Till")
    assert _row(shop, "day", TODAY, TODAY)["refunds"] == 200
    now = sales_report(shop, "day", SALE_DAY, TODAY)
    assert now.rows[:-1] == closed.rows[:-1]
    assert now.totals["refunds"] == closed.totals["refunds"] + 200
