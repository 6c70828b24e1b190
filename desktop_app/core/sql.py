"""Hand-written SQL for the hot paths, where building statements with peewee is the cost.

Standard SQL with ``?`` placeholders, written once here and turned into the engine's own
placeholder style (``%s`` for PostgreSQL) by ``execute``; table and column names as the models
define them. Everything else in the core goes through the models.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

from peewee import Database

from desktop_app.core import dialect
from desktop_app.core.roles import REDEEMING_ROLES

# What a verdict shows about a voucher, and what a refusal is read from; the product's kind
# tells a card key (the counter says it is one) from a pass.
VOUCHER_FACTS = """
SELECT voucher.id, voucher.code, voucher.uses_left, voucher.uses_total, voucher.state,
       voucher.valid_from, voucher.valid_until, product.name, "order".status,
       "order".customer_name, "order".customer_phone, voucher.balance_cents, product.kind
FROM voucher
JOIN product ON product.id = voucher.product_id
JOIN "order" ON "order".id = voucher.order_id
WHERE voucher.code = ?
"""

# One statement decides a redemption: the operator may still redeem (not disabled since
# login), and the voucher exists, is valid, has enough uses left, is inside its validity
# window and its order is paid (primary-key probes, flat however many orders the shop has).
# RETURNING hands back the verdict's facts, in VOUCHER_FACTS' order, without a second look.
_CONSUME_USES = """
UPDATE voucher SET uses_left = uses_left - ?
WHERE code = ? AND uses_left >= ? AND state = 'valid' AND balance_cents IS NULL
  AND (valid_from IS NULL OR valid_from <= ?)
  AND (valid_until IS NULL OR valid_until > ?)
  AND EXISTS (SELECT 1 FROM "order" WHERE "order".id = voucher.order_id
                                        AND "order".status = 'paid')
  AND EXISTS (SELECT 1 FROM operator WHERE operator.id = ? AND operator.active = ?
                                         AND operator.role IN ({roles}){lock})
RETURNING id, code, uses_left, uses_total, state, valid_from, valid_until,
  (SELECT name FROM product WHERE product.id = voucher.product_id), 'paid',
  (SELECT customer_name FROM "order" WHERE "order".id = voucher.order_id),
  (SELECT customer_phone FROM "order" WHERE "order".id = voucher.order_id), balance_cents,
  (SELECT kind FROM product WHERE product.id = voucher.product_id)
"""
CONSUME_USES = _CONSUME_USES.format(roles=", ".join("?" * len(REDEEMING_ROLES)), lock="")
# On the server a redemption may wait for the voucher's row (another counter's redemption of
# it): the operator's row is read, and held, before that wait, so disabling the operator waits
# for the redemption to commit, not the other way round; otherwise the wait ended in a use
# taken by an operator disabled meanwhile (QA s39b F12). SQLite lets one writer in at a time.
CONSUME_USES_ON_SERVER = _CONSUME_USES.format(
    roles=", ".join("?" * len(REDEEMING_ROLES)), lock=" FOR SHARE")


def consume_uses(db: Database) -> str:
    return CONSUME_USES_ON_SERVER if dialect.is_server(db) else CONSUME_USES

# The operator acting, as the database has them now (disabled since login?).
OPERATOR_NOW = "SELECT active, role FROM operator WHERE id = ?"

# Who consumed a use of the voucher last (for already_redeemed): newest first by primary key.
LAST_REDEMPTION = """
SELECT operator.name, redemption_attempt.created_at, redemption_attempt.station
FROM redemption_attempt JOIN operator ON operator.id = redemption_attempt.operator_id
WHERE redemption_attempt.voucher_id = ? AND redemption_attempt.ok = ?
ORDER BY redemption_attempt.id DESC LIMIT 1
"""

# A refusal's word of a part refund (QA s41a F14): the voucher's line's units and those
# refunded, how many vouchers the line has (one: they share it), and the line's last refund.
REFUNDED_PART = """
SELECT order_line.quantity, order_line.refunded_quantity, voucher.uses_total, voucher.state,
       (SELECT count(*) FROM voucher AS sharing WHERE sharing.order_line_id = order_line.id),
       (SELECT max(refund.refunded_at) FROM refund WHERE refund.order_line_id = order_line.id)
FROM voucher JOIN order_line ON order_line.id = voucher.order_line_id
WHERE voucher.id = ?
"""

INSERT_ATTEMPT = """
INSERT INTO redemption_attempt (voucher_id, operator_id, station, scanned_text, reason, ok,
                                uses_left_after, note, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, '', ?)
RETURNING id
"""

# The audit chain's head (the newest event, by primary key) and an event appended to it.
AUDIT_HEAD = "SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1"

INSERT_EVENT = """
INSERT INTO audit_event (at, operator_id, kind, subject, detail, prev_hash, hash)
VALUES (?, ?, ?, ?, ?, ?, ?)
RETURNING id
"""

# A batch's vouchers, inserted with executemany: no statement built per row.
INSERT_VOUCHER = """
INSERT INTO voucher (code, order_id, order_line_id, product_id, card_key_id, uses_total,
                     uses_left, state, valid_from, valid_until, issued_at, balance_cents)
VALUES (?, ?, ?, ?, NULL, ?, ?, 'valid', ?, ?, ?, ?)
"""

# Which of these codes exist (a mistyped code's likely fixes); the unique index answers it.
EXISTING_CODES = "SELECT code FROM voucher WHERE code IN ({marks})"


@functools.lru_cache(maxsize=64)
def _in_style(statement: str, param: str) -> str:
    return statement if param == "?" else statement.replace("?", param)


def execute(db: Database, statement: str, params: Sequence[Any] = ()) -> Any:
    """Run ``statement`` (``?`` placeholders) on ``db``; the driver's cursor."""
    return db.execute_sql(_in_style(statement, db.param), tuple(params))


def execute_many(db: Database, statement: str, rows: Sequence[Sequence[Any]]) -> None:
    """``statement`` once per row of ``rows``, prepared once by the driver."""
    cursor = db.cursor()
    cursor.executemany(_in_style(statement, db.param), rows)


def marks(count: int) -> str:
    return ", ".join("?" * count)


# --- batches of vouchers ---------------------------------------------------------------------

# A batch's rows, each pair: one statement on the embedded file, the first column's values
# as one JSON array (SQLite's json_each hands them out in array order), every other column
# shared; and one row at a time on the server (see ``insert_each``).
INSERT_VOUCHERS_FROM_JSON = """
INSERT INTO voucher (code, order_id, order_line_id, product_id, card_key_id, uses_total,
                     uses_left, state, valid_from, valid_until, issued_at, balance_cents)
SELECT value, ?, ?, ?, NULL, ?, ?, 'valid', ?, ?, ?, ? FROM json_each(?)
"""
VOUCHERS = (INSERT_VOUCHERS_FROM_JSON, INSERT_VOUCHER)

_CARD_ENTRY_COLUMNS = """
INSERT INTO gift_card_entry (voucher_id, kind, amount_cents, balance_after_cents, operator_id,
                             station, attempt_id, order_id, method, money_cents, undo_of_id,
                             note, created_at)"""
CARDS_ISSUED = (
    _CARD_ENTRY_COLUMNS + " SELECT value, 'issue', ?, ?, ?, '', NULL, ?, NULL, 0, NULL, '', ?"
                          " FROM json_each(?)",
    _CARD_ENTRY_COLUMNS + " VALUES (?, 'issue', ?, ?, ?, '', NULL, ?, NULL, 0, NULL, '', ?)")

# A batch's voucher ids on the server, in issue order (the order_line index answers it).
BATCH_VOUCHER_IDS = "SELECT id FROM voucher WHERE order_line_id = ? ORDER BY id"


def insert_each(db: Database, statements: tuple[str, str], values: Sequence[Any],
                shared: Sequence[Any]) -> int | None:
    """A row for each of ``values`` (its first column), every other column ``shared``. On the
    file the values go in as one JSON array: no row bound from Python; the last row's id."""
    from_json, per_row = statements
    if dialect.is_server(db):
        execute_many(db, per_row, [(value, *shared) for value in values])
        return None
    return int(execute(db, from_json, (*shared, json.dumps(list(values)))).lastrowid)


# A voucher's code by id: is a batch where its ids say?
VOUCHER_CODE = "SELECT code FROM voucher WHERE id = ?"


def batch_ids(db: Database, codes: Sequence[str], last_id: int | None) -> list[int] | None:
    """The ids of a batch of ``codes`` just inserted by ``insert_each`` on the file, the last
    one ``last_id``, without reading them back. The file numbers a statement's rows one up
    from the largest id, in json_each's order, while the writer holds it: checked at both
    ends, not assumed (None when they do not hold)."""
    first_id = (last_id or 0) - len(codes) + 1
    for voucher_id, code in ((first_id, codes[0]), (last_id, codes[-1])):
        if execute(db, VOUCHER_CODE, (voucher_id,)).fetchone() != (code,):
            return None
    return list(range(first_id, first_id + len(codes)))
