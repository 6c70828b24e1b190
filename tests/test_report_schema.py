"""Schema step 6: the covering indexes the redemption reports read per operator, station and
product, on a new shop and on one brought up from version 5, on both engines."""

from __future__ import annotations

import datetime as dt

from peewee import SqliteDatabase
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import redemption, report_redemptions
from desktop_app.core.models import RedemptionAttempt, SchemaVersion
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server
KEYS = ("operator_id", "station", "voucher_id")


def attempt_indexes(shop: Shop) -> dict[str, tuple[str, ...]]:
    return {i.name: tuple(i.columns) for i in shop.db.get_indexes("redemption_attempt")
            if not i.name.endswith("_pkey")}


def back_to_version_5(shop: Shop) -> None:
    """The attempt table's indexes as version 5 left them, and the version saying so."""
    migrator = SchemaMigrator.from_database(shop.db)
    new = [name for name, columns in attempt_indexes(shop).items()
           if columns[0] in KEYS and columns[1:4] == ("created_at", "ok", "undo_of_id")]
    run_operations(
        *(migrator.drop_index("redemption_attempt", name) for name in new),
        *(migrator.add_index("redemption_attempt", (column,), False)
          for column in ("operator_id", "voucher_id", "created_at")))
    SchemaVersion.delete().where(SchemaVersion.version > 5).execute()
    SchemaVersion.create(version=5)


def test_a_new_shop_has_the_report_indexes_and_no_plain_ones(shop: Shop) -> None:
    indexes = set(attempt_indexes(shop).values())
    for key in ("station", "voucher_id"):
        assert (key, "created_at", "ok", "undo_of_id", "reason") in indexes  # and the reason
    assert ("operator_id", "created_at", "ok", "undo_of_id") not in indexes  # step 9 dropped it
    for plain in ("operator_id", "voucher_id", "created_at"):
        assert (plain,) not in indexes  # each is the first column of a covering index


def test_step_6_brings_a_version_5_shop_to_the_new_shape(shop: Shop) -> None:
    assert_step_restores_the_shape(shop, back_to_version_5, 5, attempt_indexes)


def test_a_station_report_reads_its_index_without_sorting(shop: Shop) -> None:
    if not isinstance(shop.db, SqliteDatabase):
        return  # the plan below is SQLite's; PostgreSQL groups with a hash
    redemption.redeem(shop, "garbage", "Front")
    window = RedemptionAttempt.created_at >= dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    [(station, query)] = list(report_redemptions._key_queries("station"))
    sql, params = query.where(window).sql()
    plan = " ".join(str(row) for row in shop.db.execute_sql("EXPLAIN QUERY PLAN " + sql,
                                                            params).fetchall())
    assert station == "Front"
    assert "station_created_at_ok_undo_of_id" in plan and "TEMP B-TREE" not in plan
