"""QA s20a F8: a redemptions report by product for a short period cost the shop's whole
history ("today" 2.1 s on three years of 750,000 attempts): per product, every voucher of it
was probed for attempts in the window. A window of a few weeks reads its attempts from the
time index, each one's voucher by its id; a longer one keeps the per-product ranges. Both
give the same figures, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest
from counter_driver import sell
from peewee import SqliteDatabase

from desktop_app.core import redemption, report_tables
from desktop_app.core.report_redemptions import SHORT_WINDOW_DAYS
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")


def plans_of(shop: Shop, start: dt.date, end: dt.date) -> list[str]:
    """The SQLite plan lines of the report by product's reads."""
    statements: list[str] = []
    connection = shop.db.connection()
    connection.set_trace_callback(statements.append)
    try:
        report_tables.run_report(shop, "redemptions", "product", start, end)
    finally:
        connection.set_trace_callback(None)
    reads = [sql for sql in dict.fromkeys(statements)
             if "redemption_attempt" in sql and sql.lstrip().upper().startswith("SELECT")]
    return [str(row[-1]) for sql in reads
            for row in shop.db.execute_sql("EXPLAIN QUERY PLAN " + sql).fetchall()]


def test_a_short_window_reads_its_attempts_from_the_time_index(shop: Shop) -> None:
    if not isinstance(shop.db, SqliteDatabase):
        pytest.skip("the plans are SQLite's")
    assert redemption.redeem(shop, sell(shop).payload, "Front").ok
    today = dt.date.today()

    short = plans_of(shop, today, today)

    assert not [line for line in short if "product_id=?" in line], short  # every voucher
    assert any("INDEX redemption_attempt_created_at" in line and "created_at>?" in line
               for line in short), short
    long = plans_of(shop, today - dt.timedelta(days=SHORT_WINDOW_DAYS), today)
    assert any("redemption_attempt_voucher_id" in line for line in long), long


def test_short_and_long_windows_count_alike(shop: Shop) -> None:
    coffee, wash = sell(shop, uses=5), sell(shop, uses=6)
    for payload in (coffee.payload, coffee.payload, wash.payload, "garbage"):
        redemption.redeem(shop, payload, "Front")
    redemption.redeem(shop, wash.code, "Front", uses=9)  # refused: not enough uses
    today = dt.date.today()
    reports = [report_tables.run_report(shop, "redemptions", "product", start, today).rows
               for start in (today, today - dt.timedelta(days=SHORT_WINDOW_DAYS + 30))]
    assert reports[0] == reports[1]
    assert sorted((row["redeemed"], row["refused"]) for row in reports[0]) == [
        (0, 1), (1, 1), (2, 0)]
