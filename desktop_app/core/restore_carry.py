"""What a restore carries from the shop's current data into the restored copy, so that no
restore undoes what was handed over since the backup.

- Every redemption attempt the copy lacks, of a voucher it has (same id and code); matched by
  content, so it is carried also where the two histories parted (an older backup restored,
  then a newer one), under a new id where the copy uses its id for another attempt.
- The gift-card ledger rows of those attempts (spends, their undos); then each voucher they
  touched is settled from its records: uses left from its attempts (none left, never fewer,
  where both histories used it beyond its uses), a card's balance as its ledger's sum.
- Vouchers voided since (a refund or cancellation): void again.
- Card keys handed out since (sold, found faulty): out of stock again, their orders lost.
- Operators disabled since: disabled again, their key slots removed.

All of it is audited in the copy as one ``restore_carry`` event.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peewee import DatabaseError
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3.dbapi2 import DatabaseError as DriverError

from desktop_app.core import audit
from desktop_app.core.cipher_files import unbound
from desktop_app.core.errors import DatabaseCorrupt, name_database_error
from desktop_app.core.keyslots import KeySlotFile, normalize_operator
from desktop_app.core.models import Operator, database_proxy
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE
from desktop_app.core.restore_loss import (
    HANDED_OUT_KEYS,
    LACKED_ATTEMPTS,
    LACKED_ENTRIES,
    SAME_ATTEMPT,
    SAME_ENTRY,
    WITH_ATTEMPTS,
    RestoreLoss,
    SharedHistory,
    attach_current,
    count_loss,
    has_table,
    lacked_above,
    lost_events,
    reads_whole,
)
from desktop_app.core.store import Shop

log = logging.getLogger(__name__)


@contextlib.contextmanager
def models_bound_to(db: SqlCipherDatabase) -> Iterator[None]:
    previous = database_proxy.obj
    database_proxy.initialize(db)
    try:
        yield
    finally:
        db.close()
        database_proxy.initialize(previous)


@dataclass
class _Carried:
    """Current ids of carried rows -> their ids in the copy, and the vouchers they touch."""

    attempts: dict[int, int] = field(default_factory=dict)
    entries: dict[int, int] = field(default_factory=dict)
    vouchers: set[int] = field(default_factory=set)


def carry_newer(staging: Path, current: Path, key: bytes, operator: str) -> RestoreLoss:
    """Carry into the restored copy in ``staging`` what a restore must never undo (see the
    module), audited there as ``restore_carry``; returns what the backup lacks. Nothing is
    carried when the current database cannot be read (missing, damaged: also when a damaged
    page turns up only during the carry, which is then rolled back) or is another shop's."""
    db = unbound(staging / DATABASE_FILE, key)
    with models_bound_to(db):
        shared = attach_current(db, current, key)
        if shared is None:
            return RestoreLoss(False)
        try:
            return _carry(db, shared, staging, key, operator)
        except (DatabaseError, DriverError, DatabaseCorrupt) as exc:
            # The copy was proven whole: a damaged page found now is the current database's.
            if reads_whole(db):
                raise
            log.warning("the current database failed to read during the carry; nothing "
                        "carried: %s", name_database_error(exc))
            return RestoreLoss(False)


def _carry(db: SqlCipherDatabase, shared: SharedHistory, staging: Path, key: bytes,
           operator: str) -> RestoreLoss:
    loss = count_loss(db, shared)
    slots = KeySlotFile.load(staging / KEYSLOTS_FILE)
    owner = Operator.get(Operator.slot_name == normalize_operator(operator))
    shop = Shop(staging, db, owner, slots, key)
    with shop.write():
        carried = _Carried()
        _carry_attempts(db, shared, owner.id, carried)
        _carry_ledger(db, shared, owner.id, carried)
        overused = _settle_vouchers(db, carried.vouchers)
        voided = _carry_voids(db)
        keys = _carry_handed_out_keys(db)
        disabled = _carry_disabled(db, slots)
        if carried.attempts or voided or keys or disabled or loss.events:
            audit.record(shop, "restore_carry", "", attempts=len(carried.attempts),
                         giftcard_entries=len(carried.entries), overused=overused,
                         voided=voided, card_keys=len(keys), card_key_ids=keys,
                         disabled=disabled, events_lost=lost_events(db, shared),
                         giftcard_changes_lost=loss.giftcard_changes,
                         reloads_lost_cents=loss.reload_cents)
        slots.save()
        # No witness follows this copy's head from here: it is not the folder's yet, and this
        # computer's witness is ahead of it (an ERROR "witness replaced… held" for every
        # restore, QA s35a F6). The swap re-bases them once the copy is in place.
        shop.pending_head = None
    db.execute_sql("DETACH DATABASE current")
    return loss


def _columns(db: SqlCipherDatabase, table: str) -> list[str]:
    """The columns both schemas know (a backup may be of an older one), ``id`` first."""
    def names(schema: str) -> list[str]:
        return [row[1] for row in db.execute_sql(f'PRAGMA {schema}.table_info("{table}")')]

    current = set(names("current"))
    return [c for c in names("main") if c in current]


def _rows(db: SqlCipherDatabase, query: str, params: dict[str, int]) -> list[dict[str, Any]]:
    cursor = db.execute_sql(query, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _insert(db: SqlCipherDatabase, table: str, row: dict[str, Any]) -> int:
    """Insert ``row`` into the copy under its own id where that is free, else a new one."""
    if db.execute_sql(f'SELECT 1 FROM main."{table}" WHERE id = ?', (row["id"],)).fetchone():
        row = {k: v for k, v in row.items() if k != "id"}
    cursor = db.execute_sql(f'INSERT INTO main."{table}" ({", ".join(row)}) VALUES '
                            f'({", ".join("?" * len(row))})', tuple(row.values()))
    return int(cursor.lastrowid)


def _in_copy(db: SqlCipherDatabase, table: str, same: str, alias: str, current_id: int
             ) -> int | None:
    """The id in the copy of the current ``table`` row ``current_id``, matched by content."""
    row = db.execute_sql(f'SELECT m.id FROM current."{table}" {alias} JOIN main."{table}" m '
                         f"ON {same} WHERE {alias}.id = ?", (current_id,)).fetchone()
    return None if row is None else int(row[0])


# Who a carried row records: the same operator where the copy has them (same id and slot),
# else the restoring owner, named in the row's note.
_OPERATOR = ("(SELECT o.id FROM main.operator o JOIN current.operator co "
             "ON co.slot_name = o.slot_name WHERE o.id = {row}.operator_id AND co.id = o.id) "
             "AS kept_operator, (SELECT name FROM current.operator WHERE id = {row}.operator_id)"
             " AS operator_name")


def _as_carried(row: dict[str, Any], owner_id: int) -> dict[str, Any]:
    kept, name = row.pop("kept_operator"), row.pop("operator_name")
    if kept is None:
        row["operator_id"] = owner_id
        row["note"] = f"{row['note']} [{name}]"
    return row


def _carry_attempts(db: SqlCipherDatabase, shared: SharedHistory, owner_id: int,
                    carried: _Carried) -> None:
    columns = ", ".join(f"a.{c}" for c in _columns(db, "redemption_attempt"))
    rows = _rows(db, f"SELECT {columns}, {_OPERATOR.format(row='a')} {LACKED_ATTEMPTS} "
                 "ORDER BY a.id", {"above": lacked_above(db, shared, "redemption_attempt")})
    for row in rows:
        current_id = int(row["id"])
        if row.get("undo_of_id") is not None:
            row["undo_of_id"] = _copy_attempt_id(db, carried, int(row["undo_of_id"]))
            if row["undo_of_id"] is None or db.execute_sql(
                    "SELECT 1 FROM main.redemption_attempt WHERE undo_of_id = ?",
                    (row["undo_of_id"],)).fetchone():
                continue  # undone in both histories: given back once
        carried.attempts[current_id] = _insert(db, "redemption_attempt",
                                               _as_carried(row, owner_id))
        if row["voucher_id"] is not None:
            carried.vouchers.add(int(row["voucher_id"]))


def _copy_attempt_id(db: SqlCipherDatabase, carried: _Carried, current_id: int) -> int | None:
    return carried.attempts.get(current_id) or _in_copy(
        db, "redemption_attempt", SAME_ATTEMPT, "a", current_id)


def _carry_ledger(db: SqlCipherDatabase, shared: SharedHistory, owner_id: int,
                  carried: _Carried) -> None:
    """The ledger rows of carried attempts; reloads, refunds and the like are lost with
    their orders (counted in ``RestoreLoss``)."""
    if not has_table(db, "gift_card_entry"):
        return
    columns = ", ".join(f"e.{c}" for c in _columns(db, "gift_card_entry"))
    rows = _rows(db, f"SELECT {columns}, {_OPERATOR.format(row='e')} {LACKED_ENTRIES} "
                 f"AND {WITH_ATTEMPTS} ORDER BY e.id",
                 {"above": lacked_above(db, shared, "gift_card_entry")})
    for row in rows:
        if row["kind"] == "cashout":  # tied to no attempt nor order: the card's own
            carried.entries[int(row["id"])] = _insert(db, "gift_card_entry",
                                                      _as_carried(row, owner_id))
            carried.vouchers.add(int(row["voucher_id"]))
            continue
        row["attempt_id"] = _copy_attempt_id(db, carried, int(row["attempt_id"]))
        if row.get("undo_of_id") is not None:
            row["undo_of_id"] = carried.entries.get(int(row["undo_of_id"])) or _in_copy(
                db, "gift_card_entry", SAME_ENTRY, "e", int(row["undo_of_id"]))
            if row["undo_of_id"] is None or db.execute_sql(
                    "SELECT 1 FROM main.gift_card_entry WHERE undo_of_id = ?",
                    (row["undo_of_id"],)).fetchone():
                continue  # undone in both histories: given back once
        if row["attempt_id"] is None:
            continue  # its attempt is in neither: nothing to tie its money to
        carried.entries[int(row["id"])] = _insert(db, "gift_card_entry",
                                                  _as_carried(row, owner_id))
        carried.vouchers.add(int(row["voucher_id"]))


# A pass's uses as its attempts count them (verify's cross-check): redeemed less undone.
_USED = ("(SELECT count(*) FROM main.redemption_attempt r WHERE r.voucher_id = voucher.id "
         "AND r.ok = 1) - (SELECT count(*) FROM main.redemption_attempt r "
         "WHERE r.voucher_id = voucher.id AND r.undo_of_id IS NOT NULL)")
_LEDGER_SUM = ("(SELECT coalesce(sum(e.amount_cents), 0) FROM main.gift_card_entry e "
               "WHERE e.voucher_id = voucher.id)")


def _settle_vouchers(db: SqlCipherDatabase, voucher_ids: set[int]) -> list[int]:
    """Uses left and balances of the vouchers carried rows touched, from their records;
    returns those used beyond their uses or balance across the two histories."""
    if not voucher_ids:
        return []
    marks = ", ".join("?" * len(voucher_ids))
    ids: Sequence[int] = sorted(voucher_ids)
    overused = [int(r[0]) for r in db.execute_sql(
        f"SELECT id FROM main.voucher WHERE id IN ({marks}) AND CASE WHEN balance_cents IS "
        f"NULL THEN uses_total < {_USED} ELSE {_LEDGER_SUM} < 0 END ORDER BY id", ids)]
    db.execute_sql(f"UPDATE main.voucher SET uses_left = max(0, uses_total - ({_USED})) "
                   f"WHERE id IN ({marks}) AND balance_cents IS NULL", ids)
    if has_table(db, "gift_card_entry"):
        db.execute_sql(f"UPDATE main.voucher SET balance_cents = {_LEDGER_SUM} "
                       f"WHERE id IN ({marks}) AND balance_cents IS NOT NULL", ids)
    return overused


def _carry_voids(db: SqlCipherDatabase) -> int:
    """Vouchers voided since the backup (their order refunded or cancelled) stay void: the
    refund itself is lost with the backup's orders, but the voucher must not work again."""
    cursor = db.execute_sql(
        "UPDATE main.voucher SET state = 'void' WHERE state != 'void' AND id IN ("
        "SELECT cv.id FROM current.voucher cv JOIN main.voucher v "
        "ON v.id = cv.id AND v.code = cv.code WHERE cv.state = 'void')")
    return int(cursor.rowcount or 0)


# The order line a carried key was sold on, where the copy has it on a paid order (a faulty
# key replaced since the backup); a key sold since on an order the copy lacks or has unpaid
# names none: that sale is lost.
_LINE_IN_COPY = (
    'SELECT l.id FROM main.order_line l JOIN main."order" o ON o.id = l.order_id '
    "JOIN current.order_line cl ON cl.id = l.id AND cl.order_id = l.order_id "
    "AND cl.product_id = l.product_id WHERE l.id = c.order_line_id AND o.status = 'paid'")
# Vouchers the copy has whose key the current data replaced with a carried one.
_KEY_REPLACED = (
    "SELECT v.id FROM main.voucher v JOIN current.voucher cv ON cv.id = v.id "
    "AND cv.code = v.code WHERE cv.card_key_id IS NOT v.card_key_id "
    f"AND cv.card_key_id IN (SELECT k.id {HANDED_OUT_KEYS})")


def _carry_handed_out_keys(db: SqlCipherDatabase) -> list[int]:
    """Card keys handed out since the backup leave stock again, as the current data has them
    (sold, faulty); a voucher whose faulty key was replaced since hands over the replacement.
    Returns the keys' ids."""
    keys = [int(r[0]) for r in db.execute_sql(f"SELECT k.id {HANDED_OUT_KEYS} ORDER BY k.id")]
    db.execute_sql(
        "UPDATE main.card_key SET state = 'faulty' WHERE state = 'sold' AND id IN ("
        f"SELECT v.card_key_id FROM main.voucher v WHERE v.id IN ({_KEY_REPLACED})) AND id IN "
        "(SELECT id FROM current.card_key WHERE state = 'faulty')")
    db.execute_sql(
        "UPDATE main.voucher SET card_key_id = (SELECT cv.card_key_id FROM current.voucher cv "
        f"WHERE cv.id = main.voucher.id) WHERE id IN ({_KEY_REPLACED})")
    db.execute_sql(
        "UPDATE main.card_key SET (state, sold_at, order_line_id) = (SELECT c.state, "
        f"c.sold_at, ({_LINE_IN_COPY}) FROM current.card_key c WHERE c.id = main.card_key.id) "
        f"WHERE id IN (SELECT k.id {HANDED_OUT_KEYS})")
    return keys


def _carry_disabled(db: SqlCipherDatabase, slots: KeySlotFile) -> int:
    rows = db.execute_sql(
        "SELECT o.id, o.name FROM main.operator o JOIN current.operator c "
        "ON c.slot_name = o.slot_name WHERE o.active = 1 AND c.active = 0").fetchall()
    for operator_id, name in rows:
        db.execute_sql("UPDATE main.operator SET active = 0 WHERE id = ?", (operator_id,))
        slots.disable(name)
    return len(rows)
