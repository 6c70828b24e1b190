"""A gift card scanned before its amount was typed is asked for the amount (reason
``amount_required``), the counter's own way of spending a card: not a refusal in the
redemptions report nor in its drill-down (QA s11b F3). The reason is in the report's covering
indexes (a schema step), so counting it apart reads no table row: on both engines, and on a
shop brought up from the version before that step. The drill-down shows what a gift card
spent and what was typed when it named no voucher (QA s11b F9)."""

from __future__ import annotations

import datetime as dt

from peewee import SqliteDatabase
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import fulfilment, migrations, orders, products, redemption, report_tables
from desktop_app.core.fulfilment import IssuedVoucher
from desktop_app.core.models import RedemptionAttempt, SchemaVersion
from desktop_app.core.report_redemptions import _figures, _key_queries
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

# The report indexes before the reason was added to them, as peewee named them.
WITHOUT_REASON = {
    "redemption_attempt_created_at_ok_undo_of_id_operator_id__1bdcaa4":
        "created_at, ok, undo_of_id, operator_id, station, voucher_id",
    "redemption_attempt_station_created_at_ok_undo_of_id": "station, created_at, ok, undo_of_id",
    "redemption_attempt_voucher_id_created_at_ok_undo_of_id":
        "voucher_id, created_at, ok, undo_of_id",
}


def attempt_indexes(shop: Shop) -> dict[str, tuple[str, ...]]:
    return {i.name: tuple(i.columns) for i in shop.db.get_indexes("redemption_attempt")
            if not i.name.endswith("_pkey")}


# The version the reason step upgrades (STEPS[n] upgrades version n + 1).
REASON_STEP_FROM = migrations.STEPS.index(migrations.add_reason_to_reports) + 1


def back_before_the_reason(shop: Shop) -> None:
    """The report indexes without the reason, and the version before the step saying so."""
    for name in attempt_indexes(shop):
        if "reason" in name:
            shop.db.execute_sql(f"DROP INDEX {name}")
    for name, columns in WITHOUT_REASON.items():
        shop.db.execute_sql(f"CREATE INDEX {name} ON redemption_attempt ({columns})")
    before = REASON_STEP_FROM
    SchemaVersion.delete().where(SchemaVersion.version > before).execute()
    SchemaVersion.create(version=before)


def test_the_report_indexes_cover_the_reason_and_write_no_more(shop: Shop) -> None:
    indexes = attempt_indexes(shop)
    assert len(indexes) == 1 + len(WITHOUT_REASON)  # the undo index and the three covering
    covering = {columns for columns in indexes.values() if columns[-1] == "reason"}
    assert covering == {
        ("created_at", "ok", "undo_of_id", "operator_id", "station", "voucher_id", "reason"),
        ("station", "created_at", "ok", "undo_of_id", "reason"),
        ("voucher_id", "created_at", "ok", "undo_of_id", "reason")}


def test_the_step_brings_a_shop_of_the_version_before_to_the_new_shape(shop: Shop) -> None:
    assert_step_restores_the_shape(shop, back_before_the_reason,
                                   REASON_STEP_FROM, attempt_indexes)


def gift_card(shop: Shop) -> IssuedVoucher:
    card = products.add_product(shop, "Gift 100", "100", "giftcard")
    (issued,) = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)]).id)
    return issued


def test_a_card_asked_for_its_amount_is_not_a_refusal(shop: Shop) -> None:
    issued = gift_card(shop)
    assert redemption.redeem(shop, issued.payload, "Front").reason == "amount_required"
    assert redemption.redeem(shop, issued.payload, "Front", amount_cents=3550).ok
    assert redemption.redeem(shop, issued.payload, "Front", amount_cents=99900).reason == (
        "insufficient_balance")  # a real refusal
    today = dt.date.today()
    for by, group in (("day", today), ("operator", shop.operator.name),
                      ("station", "Front"), ("product", "Gift 100")):
        report = report_tables.run_report(shop, "redemptions", by, today, today)
        assert [(r["group"], r["redeemed"], r["refused"]) for r in report.rows] == [
            (group, 1, 1)], by
        details = report_tables.redemption_details(shop, by, group, today, today)
        assert [d.reason for d in details] == ["insufficient_balance", "redeemed"], by


def test_a_prompt_alone_makes_no_row(shop: Shop) -> None:
    issued = gift_card(shop)
    assert redemption.redeem(shop, issued.payload, "Front").reason == "amount_required"
    today = dt.date.today()
    for by in ("operator", "station", "product"):
        assert report_tables.run_report(shop, "redemptions", by, today, today).rows == [], by


def _plan(shop: Shop, query: object) -> str:
    sql, params = query.sql()  # type: ignore[attr-defined]
    return " ".join(str(row[-1]) for row in shop.db.execute_sql(
        "EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_every_grouping_reads_its_covering_index_only(shop: Shop) -> None:
    if not isinstance(shop.db, SqliteDatabase):
        return  # the plans below are SQLite's
    issued = gift_card(shop)
    redemption.redeem(shop, issued.payload, "Front")
    a = RedemptionAttempt
    window = a.created_at >= dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    plans = [_plan(shop, a.select(a.operator, *_figures()).where(window).group_by(a.operator))]
    plans += [_plan(shop, query.where(window)) for by in ("station", "product")
              for key, query in _key_queries(by) if key is not None]
    assert len(plans) == 3
    for plan in plans:
        assert "COVERING INDEX redemption_attempt" in plan, plan
        assert "USING INDEX redemption" not in plan, plan  # no lookup per row into the table


def test_the_drill_down_shows_the_amount_spent_and_the_text_typed(shop: Shop) -> None:
    issued = gift_card(shop)
    assert redemption.redeem(shop, issued.payload, "Front", amount_cents=3550).ok
    typo = "0403-QSGR-57PC-JNHP2"
    assert not redemption.redeem(shop, typo, "Front").ok
    today = dt.date.today()
    spent, mistyped = reversed(report_tables.redemption_details(shop, "day", today))
    assert (spent.reason, spent.amount_cents, spent.scanned) == ("redeemed", 3550, issued.payload)
    assert (mistyped.code, mistyped.amount_cents, mistyped.scanned) == ("", None, typo)
    [undone] = [a.id for a in RedemptionAttempt.select().where(RedemptionAttempt.ok == True)]  # noqa: E712
    redemption.undo_redemption(shop, undone, "wrong card", "Front")
    newest = report_tables.redemption_details(shop, "day", today)[0]
    assert (newest.reason, newest.amount_cents) == ("undone", 3550)  # the amount given back
