"""Schema step add_paid_orders_index (QA s14a F9): the orders paid in a window are a range of
an index (status, paid_at), on a new shop and on one brought up from the version before, on
both engines; and no report of sales or redemptions reads all the orders or all the
redemption attempts (each day of a sales report read every paid order: 200 s for five years
of a busy shop). Liability is as of now: it reads every voucher still owed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from counter_driver import sell
from peewee import SqliteDatabase
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import migrations, redemption, report_tables
from desktop_app.core.models import SchemaVersion
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server
STEP_VERSION = migrations.STEPS.index(migrations.add_paid_orders_index) + 1  # the one before
PAID_ORDERS = ("status", "paid_at")
# The tables a report must never read whole: every order ever, every attempt ever.
HISTORY = ("order", "redemption_attempt")


def order_indexes(shop: Shop) -> set[tuple[str, ...]]:
    return {tuple(i.columns) for i in shop.db.get_indexes("order")
            if not i.name.endswith("_pkey")}


def back_before_the_step(shop: Shop) -> None:
    """The order table's indexes as the version before the step left them."""
    [name] = [i.name for i in shop.db.get_indexes("order") if tuple(i.columns) == PAID_ORDERS]
    shop.db.execute_sql(f'DROP INDEX "{name}"')
    SchemaVersion.delete().where(SchemaVersion.version > STEP_VERSION).execute()
    SchemaVersion.create(version=STEP_VERSION)


def test_a_new_shop_finds_paid_orders_by_an_index(shop: Shop) -> None:
    assert PAID_ORDERS in order_indexes(shop)


def test_the_step_brings_an_older_shop_to_the_new_shape(shop: Shop) -> None:
    assert_step_restores_the_shape(shop, back_before_the_step, STEP_VERSION, order_indexes)


def unbounded_reads(shop: Shop, statements: list[str]) -> list[str]:
    """The plan lines of ``statements`` that read a table of ``HISTORY`` other than by a range
    of its time (or one row by its id): a SCAN, or a SEARCH on status alone, which is every
    paid order. The stations' loose index scan probes one entry per station."""
    found = []
    for sql in dict.fromkeys(statements):
        if sql.startswith("WITH RECURSIVE seen(station)"):
            continue
        named = {alias: table for table, alias in re.findall(r'"(\w+)" AS "(\w+)"', sql)}
        for row in shop.db.execute_sql("EXPLAIN QUERY PLAN " + sql).fetchall():
            detail = str(row[-1])
            read = re.match(r"(SCAN|SEARCH) (\w+)", detail)
            if read is None or named.get(read.group(2), read.group(2)) not in HISTORY:
                continue
            constraint = detail.partition("(")[2]
            if read.group(1) == "SCAN" or not re.search(r"paid_at>|created_at>|rowid=",
                                                        constraint):
                found.append(f"{detail}  <-  {sql}")
    return found


@pytest.mark.parametrize(("name", "by"), [
    (name, by) for name in ("redemptions", "sales") for by in report_tables.GROUPINGS[name]])
def test_no_dated_report_reads_every_order_or_attempt(shop: Shop, name: str, by: str) -> None:
    if not isinstance(shop.db, SqliteDatabase):
        return  # the plans below are SQLite's
    voucher = sell(shop, uses=2)
    assert redemption.redeem(shop, voucher.payload, "Front").ok
    redemption.redeem(shop, "garbage", "Front")
    today = dt.date.today()
    statements: list[str] = []
    connection = shop.db.connection()
    connection.set_trace_callback(statements.append)
    try:
        report = report_tables.run_report(shop, name, by, today - dt.timedelta(days=40), today)
    finally:
        connection.set_trace_callback(None)
    assert report.rows
    reads = [sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))]
    assert any('"order"' in sql or "redemption_attempt" in sql for sql in reads)
    assert unbounded_reads(shop, reads) == []
