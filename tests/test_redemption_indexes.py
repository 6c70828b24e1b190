"""Schema step 9: a redemption writes two index pages fewer (no attempt index led by operator;
the audit log's kind index leaves redemptions out), on a new shop and on one brought up from
version 8, on both engines; and what those indexes served still reads without sorting a
whole history: the report per operator, the audit log's kind filter, the recent list."""

from __future__ import annotations

import datetime as dt

from counter_driver import sell
from peewee import SqliteDatabase
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import audit, counter, redemption, report_redemptions
from desktop_app.core.models import SchemaVersion
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

OPERATOR_LED = "redemption_attempt_operator_id_created_at_ok_undo_of_id"


def index_shapes(shop: Shop, table: str) -> dict[str, tuple[tuple[str, ...], bool]]:
    """name: (columns, partial)."""
    return {i.name: (tuple(i.columns), " WHERE " in i.sql.upper())
            for i in shop.db.get_indexes(table) if not i.name.endswith("_pkey")}


def back_to_version_8(shop: Shop) -> None:
    """The attempt and audit indexes as version 8 left them, and the version saying so."""
    shop.db.execute_sql(f"CREATE INDEX {OPERATOR_LED} ON redemption_attempt"
                        " (operator_id, created_at, ok, undo_of_id)")
    shop.db.execute_sql("DROP INDEX audit_event_kind")
    shop.db.execute_sql("CREATE INDEX audit_event_kind ON audit_event (kind)")
    SchemaVersion.delete().where(SchemaVersion.version > 8).execute()
    SchemaVersion.create(version=8)


def test_step_9_brings_a_version_8_shop_to_the_new_shape(shop: Shop) -> None:
    def shape(of: Shop) -> dict[str, dict[str, tuple[tuple[str, ...], bool]]]:
        return {table: index_shapes(of, table) for table in ("redemption_attempt", "audit_event")}

    fresh = shape(shop)
    assert OPERATOR_LED not in fresh["redemption_attempt"]
    assert fresh["audit_event"]["audit_event_kind"] == (("kind",), True)
    assert_step_restores_the_shape(shop, back_to_version_8, 8, shape)


def test_a_version_8_shop_had_the_full_kind_index(shop: Shop) -> None:
    back_to_version_8(shop)
    assert index_shapes(shop, "audit_event")["audit_event_kind"] == (("kind",), False)


def test_the_kind_filter_and_the_kinds_still_find_redemptions(shop: Shop) -> None:
    voucher = sell(shop)
    assert redemption.redeem(shop, voucher.payload, "Front").ok
    assert "redeem" in audit.event_kinds(shop) and "order_pay" in audit.event_kinds(shop)
    assert audit.event_kinds(shop) == sorted(audit.event_kinds(shop))
    redeemed = audit.list_events(shop, kind="redeem")
    assert [event.kind for event in redeemed] == ["redeem"]
    paid = audit.list_events(shop, kind="order_pay")
    assert paid and all(event.kind == "order_pay" for event in paid)


def test_the_report_per_operator_groups_in_one_pass(shop: Shop) -> None:
    voucher = sell(shop, uses=3)
    for _ in range(3):
        assert redemption.redeem(shop, voucher.payload, "Front").ok
    redemption.redeem(shop, "garbage", "Front")
    report = report_redemptions.redemptions_report(shop, "operator")
    assert [(row["group"], row["redeemed"], row["refused"]) for row in report.rows] == [
        (shop.operator.name, 3, 1)]


def _plan(shop: Shop, query: object) -> str:
    sql, params = query.sql()  # type: ignore[attr-defined]
    return " ".join(str(row[-1]) for row in shop.db.execute_sql(
        "EXPLAIN QUERY PLAN " + sql, params).fetchall())


def test_what_the_dropped_indexes_served_reads_without_sorting_history(shop: Shop) -> None:
    if not isinstance(shop.db, SqliteDatabase):
        return  # the plans below are SQLite's
    from desktop_app.core.models import AuditEvent
    from desktop_app.core.models import RedemptionAttempt as A

    window = A.created_at >= dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    grouped = A.select(A.operator, *report_redemptions._figures()).where(window) \
        .group_by(A.operator)
    assert "COVERING INDEX redemption_attempt_created_at" in _plan(shop, grouped)
    by_kind = AuditEvent.select(AuditEvent.id).where(
        AuditEvent.kind == "order_pay", AuditEvent.kind != "redeem") \
        .order_by(AuditEvent.id.desc()).limit(20)
    assert "audit_event_kind" in _plan(shop, by_kind)
    redemption.redeem(shop, "garbage", "Front")
    seen: list[str] = []
    shop.db.connection().set_trace_callback(seen.append)
    try:
        assert [row.station for row in counter.recent_attempts(shop, "Front")] == ["Front"]
    finally:
        shop.db.connection().set_trace_callback(None)
    plan = " ".join(str(row[-1]) for row in shop.db.execute_sql(
        "EXPLAIN QUERY PLAN " + seen[0]).fetchall())
    # only the ties of one instant are sorted, never all of a busy station's attempts
    assert "station_created_at" in plan and "TEMP B-TREE FOR ORDER BY" not in plan
