"""The bare baselines: a SQLCipher file with the same key kind, WAL and synchronous=FULL as a
shop, doing by hand the durable work the project does (a redemption, a bulk insert)."""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

import sqlcipher3

from desktop_app.core import vouchers as vc

CHUNK = 50_000


def bare_db(path: Path) -> Any:
    db = sqlcipher3.connect(str(path), isolation_level=None)
    db.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    db.execute("PRAGMA journal_mode = wal")
    db.execute("PRAGMA synchronous = full")
    return db


class BareShop:
    """The bare baseline: a voucher table of the same size, redeemed by hand."""

    def __init__(self, folder: Path, size: int) -> None:
        self.db = db = bare_db(folder / "bare.db")
        db.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, code TEXT UNIQUE, uses_left INTEGER)")
        db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, v INTEGER, at TEXT)")
        self.codes: list[str] = []
        for start in range(0, size, CHUNK):
            chunk = [vc.new_code() for _ in range(min(CHUNK, size - start))]
            self.codes.extend(chunk)
            db.execute("BEGIN")
            db.executemany("INSERT INTO v (code, uses_left) VALUES (?, 1000000)",
                           [(c,) for c in chunk])
            db.execute("COMMIT")

    def redeem(self) -> float:
        code = secrets.choice(self.codes)
        start = time.perf_counter()
        self.db.execute("BEGIN IMMEDIATE")
        cursor = self.db.execute("UPDATE v SET uses_left = uses_left - 1 WHERE code = ?"
                                 " AND uses_left > 0", (code,))
        assert cursor.rowcount == 1
        self.db.execute("INSERT INTO a (v, at) VALUES ((SELECT id FROM v WHERE code = ?), ?)",
                        (code, time.time()))
        self.db.execute("COMMIT")
        return time.perf_counter() - start


def bare_bulk_insert(folder: Path, count: int) -> float:
    db = bare_db(folder / "bulk.db")
    db.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, code TEXT UNIQUE, order_id INTEGER,"
               " line_id INTEGER, product_id INTEGER, uses_total INTEGER, uses_left INTEGER,"
               " state TEXT, valid_from TEXT, valid_until TEXT, issued_at TEXT)")
    start = time.perf_counter()
    codes = [vc.new_code() for _ in range(count)]
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO v (code, order_id, line_id, product_id, uses_total, uses_left,"
                   " state, valid_from, valid_until, issued_at)"
                   " VALUES (?, 1, 1, 1, 1, 1, 'valid', NULL, NULL, '2026-01-01')",
                   [(c,) for c in codes])
    db.execute("COMMIT")
    took = time.perf_counter() - start
    db.close()
    return took
