"""The sales report per operator and per station (QA s20c F2): a sale counts where and by whom
it was paid, a refund where and by whom it was paid back, a cash-out where the cash left the
drawer; the figures add up to the same totals as by day and by method. An upgraded shop's
older payments are "not recorded" unless their own records say (core/payment_places.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_report_tables import local

from desktop_app.core import (
    auth,
    fulfilment,
    giftcards,
    migrations,
    orders,
    products,
    redemption,
    refunds,
)
from desktop_app.core.models import (
    Operator,
    Order,
    OrderLine,
    SchemaVersion,
    Voucher,
)
from desktop_app.core.report_sales import sales_report
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)
GROUPINGS = ("day", "product", "method", "operator", "station")


@dataclass
class TwoCounters:
    """A shop whose owner sold at the front counter yesterday (a wash and boxes paid by
    WeChat, a gift card in cash) and refunded a box at the back today; the clerk, at the
    back, reloaded the card and paid its remainder out in cash today."""

    shop: Shop  # open as the owner
    owner_id: int
    clerk_id: int


def _paid_yesterday(order_id: int) -> None:
    Order.update(paid_at=local(YESTERDAY, 11)).where(Order.id == order_id).execute()


@pytest.fixture
def two_counters(shop: Shop) -> TwoCounters:
    wash = products.add_product(shop, "Wash", "150", uses=5, valid_days=365)
    box = products.add_product(shop, "Box", "10", "goods", stock=9)
    card_product = products.add_product(shop, "Gift 100", "100", "giftcard")
    mixed = orders.create_order(shop, [(wash.id, 2), (box.id, 3)])
    fulfilment.pay_order(shop, mixed.id, "wechat", station="Front")
    sold = orders.create_order(shop, [(card_product.id, 1)])
    (card,) = fulfilment.pay_order(shop, sold.id, "cash", station="Front")
    for order_id in (mixed.id, sold.id):
        _paid_yesterday(order_id)
    box_line = OrderLine.get((OrderLine.order == mixed.id) & (OrderLine.product == box.id))
    refunds.refund_line(shop, box_line.id, 1, station="Back")
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.set_setting(giftcards.CLERK_MONEY_SETTING, "1")
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "1000")
    shop.close()
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        giftcards.reload(clerk, Voucher.get_by_id(card.id), 2000, "cash", "Back")
        assert redemption.redeem(clerk, card.payload, "Back", amount_cents=11500).ok
        giftcards.cash_out(clerk, Voucher.get_by_id(card.id), "Back")
    owner = shop.open_again(OWNER, OWNER_PASSWORD)
    return TwoCounters(owner, Operator.get(Operator.name == OWNER).id,
                       Operator.get(Operator.name == CLERK).id)


def _report(shop: Shop, by: str) -> Any:
    return sales_report(shop, by, YESTERDAY, TODAY)


def _groups(shop: Shop, by: str) -> dict[Any, dict[str, Any]]:
    return {row["group"]: row for row in _report(shop, by).rows}


def test_per_operator_and_station_add_up_to_the_days_totals(two_counters: TwoCounters
                                                            ) -> None:
    shop = two_counters.shop
    try:
        totals = {by: _report(shop, by).totals for by in GROUPINGS}
        assert all(totals[by] == totals["day"] for by in GROUPINGS), totals
        # 2 washes and 3 boxes, a card, a reload; a box back, the card's remainder in cash
        assert (totals["day"]["revenue"], totals["day"]["refunds"]) == (33000 + 10000 + 2000,
                                                                         1000 + 500)
        by_operator = _groups(shop, "operator")
        assert set(by_operator) == {OWNER, CLERK}
        owner, clerk = by_operator[OWNER], by_operator[CLERK]
        assert (owner["orders"], owner["revenue"], owner["refunds"]) == (2, 43000, 1000)
        assert (owner["quantity"], owner["refunded_quantity"]) == (6, 1)
        assert (clerk["orders"], clerk["revenue"], clerk["refunds"]) == (1, 2000, 500)
        by_station = _groups(shop, "station")
        assert set(by_station) == {"Front", "Back"}
        front, back = by_station["Front"], by_station["Back"]
        assert (front["revenue"], front["refunds"], front["net"]) == (43000, 0, 43000)
        assert (back["revenue"], back["refunds"], back["net"]) == (2000, 1500, 500)
        # Yesterday alone: the front's sales; the back's refund is on today's report.
        yesterday = sales_report(shop, "station", YESTERDAY, YESTERDAY)
        assert [(r["group"], r["net"]) for r in yesterday.rows] == [("Front", 43000)]
    finally:
        shop.close()


def _as_before_the_step(shop: Shop) -> None:
    """The shop as the version before ``add_payment_places`` left it: no such columns."""
    from playhouse.migrate import SchemaMigrator, SqliteMigrator, migrate

    migrator = SchemaMigrator.from_database(shop.db)
    # SQLite's own DROP COLUMN refuses a column a foreign key names: the table is rebuilt,
    # which the other tables' keys to it would refuse while they are checked.
    on_file = isinstance(migrator, SqliteMigrator)
    legacy = {"legacy": True} if on_file else {}
    if on_file:
        shop.db.execute_sql("PRAGMA foreign_keys = OFF")
    with shop.db.atomic():
        migrate(migrator.drop_column("order", "paid_by_id", **legacy),
                migrator.drop_column("order", "paid_station"),
                migrator.drop_column("refund", "station"))
        version = migrations.STEPS.index(migrations.add_payment_places) + 1
        # when the shop reached each version stays: the cash-outs count on their own day since
        SchemaVersion.update(version=version).where(SchemaVersion.version > version).execute()
    if on_file:
        shop.db.execute_sql("PRAGMA foreign_keys = ON")


def test_the_upgrade_names_only_what_old_records_say(two_counters: TwoCounters) -> None:
    """Payments: the operator their audit event names; a reload: its ledger's operator and
    counter; nothing else is guessed. No figure by day, product or method changes."""
    shop = two_counters.shop
    try:
        before = {by: (_report(shop, by).rows, _report(shop, by).totals)
                  for by in ("day", "product", "method")}
        _as_before_the_step(shop)
        found = migrations.migrate(shop.db)
        assert found == migrations.STEPS.index(migrations.add_payment_places) + 1
        assert {by: (_report(shop, by).rows, _report(shop, by).totals) for by in before} == before

        by_operator = _groups(shop, "operator")
        assert set(by_operator) == {OWNER, CLERK}  # the refund kept its operator
        assert by_operator[OWNER]["revenue"] == 43000
        by_station = _groups(shop, "station")
        assert set(by_station) == {None, "Back"}
        assert (by_station[None]["revenue"], by_station[None]["refunds"]) == (43000, 1000)
        assert (by_station["Back"]["revenue"], by_station["Back"]["refunds"]) == (2000, 500)
        assert all(_report(shop, by).totals == before["day"][1]
                   for by in ("operator", "station"))
    finally:
        shop.close()


def test_an_old_payment_without_its_event_is_not_given_an_operator(
        two_counters: TwoCounters) -> None:
    """The order's maker is not taken for who took its money."""
    shop = two_counters.shop
    try:
        from desktop_app.core.models import AuditEvent

        _as_before_the_step(shop)
        # An order paid by a version whose event the step cannot read (none kept of it).
        shop.db.execute_sql("UPDATE audit_event SET kind = 'order_paid_long_ago' "
                            "WHERE kind = 'order_pay'")
        migrations.migrate(shop.db)
        assert AuditEvent.select().where(AuditEvent.kind == "order_pay").count() == 0
        by_operator = _groups(shop, "operator")
        assert by_operator[None]["revenue"] == 43000
        assert by_operator[CLERK]["revenue"] == 2000
    finally:
        shop.close()

