"""Shops of any size for the benchmarks, built in bulk with direct SQL (not through the app):
vouchers of one paid order, paid orders, redemption attempts, and audit events chained with
the app's own hash (so verify and the anchor still hold)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from desktop_app.core import anchor, audit, fulfilment, orders, products
from desktop_app.core import vouchers as vc
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop, create_shop

OWNER, PASSWORD = "Owner", "bench-password-2026"
CHUNK = 50_000


def new_shop(folder: Path) -> tuple[Shop, int]:
    shop = create_shop(folder, "Bench", "CNY", OWNER, PASSWORD)
    product = products.add_product(shop, "Pass", "1.00", "service", uses=100)
    return shop, product.id


def bulk_paid_order(shop: Shop, product_id: int) -> tuple[int, int]:
    order = orders.create_order(shop, [(product_id, 1)])
    fulfilment.pay_order(shop, order.id, "cash")
    line = shop.db.execute_sql("SELECT id FROM order_line WHERE order_id = ?",
                               (order.id,)).fetchone()[0]
    return order.id, line


def add_vouchers(shop: Shop, product_id: int, count: int) -> list[str]:
    """``count`` vouchers of one paid order, by direct SQL; their payloads."""
    order_id, line_id = bulk_paid_order(shop, product_id)
    now = Voucher.issued_at.db_value(dt.datetime.now(dt.UTC))
    codes: list[str] = []
    for start in range(0, count, CHUNK):
        chunk = [vc.new_code() for _ in range(min(CHUNK, count - start))]
        codes.extend(chunk)
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(
                "INSERT INTO voucher (code, order_id, order_line_id, product_id, uses_total,"
                " uses_left, state, issued_at) VALUES (?, ?, ?, ?, 1000000, 1000000, 'valid', ?)",
                [(c, order_id, line_id, product_id, now) for c in chunk])
    return [vc.payload(shop.shop_id, shop.voucher_key, c) for c in codes]


def _repeat_row(shop: Shop, statement: str, row: tuple[object, ...], count: int) -> None:
    """``statement`` for ``count`` copies of ``row``, CHUNK rows per transaction."""
    for start in range(0, count, CHUNK):
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(statement, [row] * min(CHUNK, count - start))


def add_paid_orders(shop: Shop, count: int) -> None:
    now = Voucher.issued_at.db_value(dt.datetime.now(dt.UTC))
    _repeat_row(shop, "INSERT INTO \"order\" (status, customer_name, customer_phone, note,"
                " total_cents, payment_method, payment_ref, is_batch, created_by_id, created_at,"
                " paid_at) VALUES ('paid', '', '', '', 100, 'cash', '', 0, ?, ?, ?)",
                (shop.operator.id, now, now), count)


def add_attempts(shop: Shop, count: int) -> None:
    now = Voucher.issued_at.db_value(dt.datetime.now(dt.UTC))
    _repeat_row(shop, "INSERT INTO redemption_attempt (voucher_id, operator_id, station,"
                " scanned_text, reason, ok, note, created_at) VALUES (NULL, ?, 'bench', 'x',"
                " 'malformed', 0, '', ?)", (shop.operator.id, now), count)


def add_audit_events(shop: Shop, count: int) -> None:
    """A chain built with the app's own hash, so verify and the anchor still hold."""
    previous = audit.latest_hash()
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    at_db = Voucher.issued_at.db_value(at)
    operator = shop.operator.id
    for start in range(0, count, CHUNK):
        rows = []
        for i in range(start, min(count, start + CHUNK)):
            detail = json.dumps({"n": i})
            digest = hashlib.sha256(audit._canonical(previous, at, operator, "bench", "",
                                                     detail)).hexdigest()
            rows.append((at_db, operator, "bench", "", detail, previous, digest))
            previous = digest
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(
                "INSERT INTO audit_event (at, operator_id, kind, subject, detail, prev_hash,"
                " hash) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    anchor.write_anchor(shop.data_dir, shop.database_key)
