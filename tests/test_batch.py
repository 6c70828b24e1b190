"""Batch issue: many paid vouchers at once, as one batch order."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD
from peewee import IntegrityError

from desktop_app.cli import voucher_commands
from desktop_app.core import (
    audit,
    auth,
    dates,
    dialect,
    fulfilment,
    products,
    redemption,
    reports,
    sql,
)
from desktop_app.core.errors import Forbidden, InvalidInput, OutOfStock
from desktop_app.core.models import AuditEvent, GiftCardEntry, Order, OrderLine, Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


def test_one_paid_batch_order_with_one_voucher_per_unit(shop: Shop) -> None:
    product = products.add_product(shop, "洗车五次卡", "99.50", uses=5, valid_days=30)
    issued = fulfilment.issue_batch(shop, product.id, 25, note="spring promo")
    assert len(issued) == 25 and len({v.code for v in issued}) == 25
    assert all(v.uses == 5 and v.product_name == "洗车五次卡" for v in issued)
    [order] = Order.select()
    assert order.is_batch and order.status == "paid" and order.payment_method == "other"
    assert order.total_cents == 25 * 9950 and order.note == "spring promo"
    [line] = OrderLine.select()
    assert line.quantity == 25 and line.unit_price_cents == 9950
    vouchers = list(Voucher.select().order_by(Voucher.id))
    assert [v.id for v in vouchers] == [v.id for v in issued]
    assert all((v.uses_total, v.uses_left, v.state) == (5, 5, "valid") for v in vouchers)
    assert issued[0].valid_until is not None
    assert all(v.valid_until == issued[0].valid_until for v in vouchers)
    assert issued[0].payload == fulfilment.voucher_payload(shop, vouchers[0])
    verdict = redemption.redeem(shop, issued[-1].payload, "t")
    assert verdict.ok and verdict.uses_left == 4
    assert redemption.redeem(shop, issued[0].code, "t").uses_left == 4


def test_batch_is_audited_once(shop: Shop) -> None:
    product = products.add_product(shop, "Gift 50", "50")
    issued = fulfilment.issue_batch(shop, product.id, 3)
    event = AuditEvent.select().where(AuditEvent.kind == "voucher_batch").get()
    detail = json.loads(event.detail)
    assert detail["count"] == 3 and detail["method"] == "other"
    assert (detail["first_voucher"], detail["last_voucher"]) == (issued[0].id, issued[-1].id)
    assert audit.verify_chain() == []


def test_batch_takes_limited_stock_or_nothing(shop: Shop) -> None:
    product = products.add_product(shop, "Limited", "10", stock=5)
    with pytest.raises(OutOfStock):
        fulfilment.issue_batch(shop, product.id, 6)
    assert Order.select().count() == 0 and Voucher.select().count() == 0
    fulfilment.issue_batch(shop, product.id, 5)
    assert products.get_product(product.id).stock == 0


def test_batch_refuses_bad_requests(shop: Shop) -> None:
    keys = products.add_product(shop, "Keys", "1", kind="cardkey")
    goods = products.add_product(shop, "Box", "1", kind="goods")
    wash = products.add_product(shop, "Wash", "1")
    for product_id, count in ((keys.id, 1), (goods.id, 1), (wash.id, 0),
                              (wash.id, fulfilment.MAX_BATCH + 1)):
        with pytest.raises(InvalidInput):
            fulfilment.issue_batch(shop, product_id, count)
    products.set_archived(shop, wash.id, True)
    with pytest.raises(InvalidInput):
        fulfilment.issue_batch(shop, wash.id, 1)
    assert Voucher.select().count() == 0


def test_clerk_cannot_issue_a_batch(shop: Shop, shop_dir: Path) -> None:
    wash = products.add_product(shop, "Wash", "1")
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk, pytest.raises(Forbidden):
        fulfilment.issue_batch(clerk, wash.id, 1)


def test_a_thousand_vouchers_issue_quickly(shop: Shop) -> None:
    """Bulk insert, no QR images at issue time (tests/bench/run.py has the figures)."""
    import time

    product = products.add_product(shop, "Promo", "0")
    start = time.perf_counter()
    issued = fulfilment.issue_batch(shop, product.id, 1000)
    assert time.perf_counter() - start < 5  # about 0.06 s on a laptop; generous for CI
    assert len(issued) == 1000 and Voucher.select().count() == 1000
    # Each id comes back with its own code, and everything issued reads back the same.
    stored = Voucher.select().order_by(Voucher.id)
    assert [fulfilment.issued(shop, v) for v in stored] == issued


def test_batch_ids_are_checked_not_assumed(shop: Shop) -> None:
    """On the file a batch's ids are counted back from the last one, checked at both ends."""
    if dialect.is_server(shop.db):
        return  # the server's batch reads its ids back
    product = products.add_product(shop, "Promo", "1.00")
    issued = fulfilment.issue_batch(shop, product.id, 3)
    codes = [Voucher.get_by_id(v.id).code for v in issued]
    last = issued[-1].id
    assert sql.batch_ids(shop.db, codes, last) == [v.id for v in issued]
    assert sql.batch_ids(shop.db, codes, last + 1) is None
    assert sql.batch_ids(shop.db, codes[::-1], last) is None



def test_a_batch_of_gift_cards_returns_each_stored_card_and_opens_its_ledger(shop: Shop) -> None:
    box = products.add_product(shop, "Gift card box", "45", "giftcard", value="50")
    issued = fulfilment.issue_batch(shop, box.id, 300)
    stored = Voucher.select().order_by(Voucher.id)
    assert [fulfilment.issued(shop, v) for v in stored] == issued
    assert {v.balance_cents for v in issued} == {5000}
    opened = GiftCardEntry.select().where(GiftCardEntry.kind == "issue").order_by(GiftCardEntry.id)
    assert [(e.voucher_id, e.amount_cents, e.order_id) for e in opened] == [
        (v.id, 5000, v.order_id) for v in issued]

def test_a_batch_whose_insert_fails_saves_nothing_and_leaves_no_thread(shop: Shop) -> None:
    """The codes are already being made on the second thread when the INSERT fails."""
    if dialect.is_server(shop.db):
        return  # a temporary trigger is the file's
    product = products.add_product(shop, "Promo", "1.00")
    shop.db.execute_sql("CREATE TEMP TRIGGER refuse BEFORE INSERT ON voucher"
                        " BEGIN SELECT RAISE(ABORT, 'constraint: refused'); END")
    with pytest.raises(IntegrityError):
        fulfilment.issue_batch(shop, product.id, 500)
    assert Order.select().count() == 0 and Voucher.select().count() == 0
    assert [t for t in threading.enumerate() if t.name == "meanwhile"] == []
    shop.db.execute_sql("DROP TRIGGER refuse")
    issued = fulfilment.issue_batch(shop, product.id, 500)
    assert [fulfilment.issued(shop, v) for v in Voucher.select().order_by(Voucher.id)] == issued

@pytest.mark.parametrize("name", ["Promo", '=SUM(A1), "quoted"\nand a new line', "洗车", ""])
def test_the_batch_csv_is_what_the_csv_writer_writes(name: str) -> None:
    """The batch's CSV writes its shared columns through the writer once: same bytes."""
    until = dt.datetime(2026, 5, 1, tzinfo=dt.UTC)
    for valid_until in (None, until):
        items = [fulfilment.IssuedVoucher(i, f"K7QM-2X9R-TB4W-HN3P{i}", f"V1ABC{i}", name, 3,
                                          valid_until, 9) for i in range(3)]
        rows: list[list[object]] = [
            [v.code, v.payload, reports.spreadsheet_safe(name), 3,
             valid_until.isoformat() if valid_until else "",
             dates.valid_until_text(valid_until) if valid_until else ""] for v in items]
        assert voucher_commands._batch_csv(items) == reports.csv_bytes(
            voucher_commands.BATCH_COLUMNS, rows)
