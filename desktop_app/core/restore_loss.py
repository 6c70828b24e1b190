"""What a backup lacks against the shop it would replace, read with plain SQL: the current
database attached beside the restored copy, where their histories part, and which of its
rows the copy lacks.

Two copies of one shop share their history up to the last audit event both hold; after it
they may part (an older backup was restored, then a newer one). Rows are matched by their
content, not by their ids alone: both histories may have written a row under the same id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from peewee import DatabaseError
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3.dbapi2 import DatabaseError as DriverError

from desktop_app.core import moved_shop
from desktop_app.core.cipher_files import raw_key, unbound
from desktop_app.core.restore_facts import BackupFacts
from desktop_app.core.shop_identity import CURRENCY_KEY, DEFAULT_CURRENCY


@dataclass(frozen=True)
class RestoreLoss:
    """What a backup lacks against the shop it replaces, counted from the current database;
    ``readable`` False when that could not be read (missing, damaged, another shop)."""

    readable: bool
    redemptions: int = 0  # uses consumed since the backup (carried over, never lost)
    orders: int = 0  # orders created since the backup (lost)
    # Of them, the paid ones: their money taken and their vouchers, in customers' hands, no
    # longer known once restored (QA s39a F5: "orders: 1" read as harmless).
    paid_orders: int = 0
    paid_cents: int = 0
    paid_vouchers: int = 0
    operator_changes: int = 0  # operators added, disabled, enabled, passwords changed
    events: int = 0  # every audited change since the backup (writing a backup is none)
    # A witness saw records neither the backup nor the current data holds (the shop was put
    # back to an older copy): redemptions among them cannot be carried over, so the restored
    # shop stays on hold until an owner acknowledges (``integrity.witnessed_holders``).
    stays_held: bool = False
    giftcard_changes: int = 0  # gift-card reloads and refunds lost with their orders
    reload_cents: int = 0  # the money of reloads among them
    card_keys: int = 0  # card keys handed out since the backup (kept out of stock)
    refunds: int = 0  # refunds since the backup (lost: their orders show as paid again)
    refund_cents: int = 0  # the money those refunds paid back
    # Of them, refunds of orders made since, lost with their orders (QA s8b F5).
    refunds_of_lost_orders: int = 0
    lost_orders_refund_cents: int = 0
    # Cash-outs of cards sold since, lost with their cards; the others are carried (F13).
    cashouts_lost: int = 0
    cashout_cents_lost: int = 0  # the cash they paid out
    other_changes: int = 0  # products, settings, card-key imports... changed since (lost)
    # The server (``host/database``) ``migrate-to`` moved the shop to since the backup, ""
    # when it was not moved: what was done there since is in neither database (QA s11a).
    moved_to: str = ""
    # The final backup (its file name) that moved the current folder's shop to another
    # computer, "" when it was not: restoring makes this folder live again, beside the new
    # computer's shop, so it is asked even when the backup lacks nothing (``move_out``).
    moved_out: str = ""
    # The backup's key slots come back with it: operators whose password changed since (a
    # ``recover`` too) log in with the one they had then; the recovery key as it was then.
    older_passwords: tuple[str, ...] = ()
    older_recovery_key: bool = False
    currency: str = DEFAULT_CURRENCY  # the money above is the replaced shop's
    # The folder holds no shop (a new computer): what the backup lacks is whatever the other
    # computer did after it was made, unless it is that computer's final one (QA s18a F1).
    into_empty: bool = False
    # When the backup was made, whether it is final, a newer one beside it (restore_facts).
    backup: BackupFacts = field(default_factory=BackupFacts)

    @property
    def anything(self) -> bool:
        return (not self.readable or self.events > 0 or self.stays_held or self.into_empty
                or bool(self.backup.newer_file) or bool(self.moved_out))


@dataclass(frozen=True)
class SharedHistory:
    """Where the attached current database and the restored copy (``main``) part."""

    parted_after: int  # the last audit event both hold (0: the copy has none)
    # The current history continues the copy's: every row the copy has is in the current
    # database under the same id, so only rows above the copy's newest id can be lacking.
    continues: bool


def attach_current(db: SqlCipherDatabase, current: Path, key: bytes) -> SharedHistory | None:
    """Attach the shop's current database to ``db`` (the restored copy) as ``current``, if it
    exists, opens with the backup's key, reads whole and shares the copy's history; None
    otherwise. A damaged page anywhere makes it unreadable: rows read past damage cannot be
    trusted, and the question and the carry must agree on what can be read (QA s10a F6)."""
    if not current.exists() or current.stat().st_size == 0:
        return None
    try:
        db.execute_sql("ATTACH DATABASE ? AS current KEY ?", (str(current), raw_key(key)))
    except DatabaseError:
        return None
    try:
        shared = _shared_history(db) if reads_whole(db) else None
    except DatabaseError:
        shared = None
    if shared is None:
        db.execute_sql("DETACH DATABASE current")
    return shared


def reads_whole(db: SqlCipherDatabase) -> bool:
    """Every page of the attached current database decrypts and its structure holds."""
    try:
        return [row[0] for row in db.execute_sql("PRAGMA current.quick_check")] == ["ok"]
    except (DatabaseError, DriverError):  # the driver's own escapes while rows are fetched
        return False


def _same_event(db: SqlCipherDatabase, event_id: int) -> bool:
    return db.execute_sql(
        "SELECT 1 FROM main.audit_event m JOIN current.audit_event c ON c.id = m.id "
        "AND c.hash = m.hash WHERE m.id = ?", (event_id,)).fetchone() is not None


def _shared_history(db: SqlCipherDatabase) -> SharedHistory | None:
    """Each event's hash covers the ones before it, so the events both hold are a prefix:
    found by halving, a few look-ups by id whatever the length of the log."""
    newest = max_id(db, "audit_event")
    if newest == 0 or _same_event(db, newest):
        return SharedHistory(newest, continues=True)
    low, high = 0, min(newest, max_id(db, "audit_event", "current"))
    while low < high:
        middle = (low + high + 1) // 2
        if _same_event(db, middle):
            low = middle
        else:
            high = middle - 1
    return SharedHistory(low, continues=False) if low else None  # no event shared: another shop


def max_id(db: SqlCipherDatabase, table: str, schema: str = "main") -> int:
    return int(db.execute_sql(f'SELECT coalesce(max(id), 0) FROM {schema}."{table}"'
                              ).fetchone()[0])


def lacked_above(db: SqlCipherDatabase, shared: SharedHistory, table: str) -> int:
    """Rows of the current ``table`` with ids up to this are in the copy as they are."""
    return max_id(db, table) if shared.continues else 0


# The same record in both databases: ``a`` in current, ``m`` in the copy, under any id.
SAME_ATTEMPT = ("m.voucher_id IS a.voucher_id AND m.created_at = a.created_at "
                "AND m.reason = a.reason AND m.uses_left_after IS a.uses_left_after")
SAME_ENTRY = ("m.voucher_id = e.voucher_id AND m.kind = e.kind "
              "AND m.amount_cents = e.amount_cents AND m.created_at = e.created_at")
# A voucher the copy has: the same id and code.
IN_COPY = ("(SELECT 1 FROM main.voucher v JOIN current.voucher cv ON cv.id = v.id "
           "AND cv.code = v.code WHERE v.id = {column})")

# Redemption attempts the copy lacks, of vouchers it has (or of no voucher): carried over.
LACKED_ATTEMPTS = (
    "FROM current.redemption_attempt a WHERE a.id > :above "
    f"AND (a.voucher_id IS NULL OR EXISTS {IN_COPY.format(column='a.voucher_id')}) "
    f"AND NOT EXISTS (SELECT 1 FROM main.redemption_attempt m WHERE {SAME_ATTEMPT})")
# Gift-card ledger rows the copy lacks; spends and their undos go with their attempts.
LACKED_ENTRIES = (
    "FROM current.gift_card_entry e WHERE e.id > :above "
    f"AND NOT EXISTS (SELECT 1 FROM main.gift_card_entry m WHERE {SAME_ENTRY})")
# Carried too: a cash-out, money paid out of a card; restored, the card could pay it again.
WITH_ATTEMPTS = (f"(e.kind IN ('spend', 'undo') AND e.attempt_id IS NOT NULL "
                 f"OR e.kind = 'cashout') AND EXISTS {IN_COPY.format(column='e.voucher_id')}")
# Card keys unsold in the copy that the current data has handed out (sold, found faulty).
# The same key by its id and product, and its fingerprint or its text: a backup made before
# schema step 17 holds the former fingerprints (QA s17a F1); on the file a key is in the clear.
HANDED_OUT_KEYS = (
    "FROM main.card_key k JOIN current.card_key c ON c.id = k.id "
    "AND c.product_id = k.product_id AND (c.fingerprint = k.fingerprint OR c.secret = k.secret) "
    "WHERE k.state = 'unsold' AND c.state != 'unsold'")


def _scalar(db: SqlCipherDatabase, query: str, params: dict[str, int] | None = None) -> int:
    return int(db.execute_sql(query, params or {}).fetchone()[0] or 0)


def has_table(db: SqlCipherDatabase, table: str,
              schemas: tuple[str, ...] = ("main", "current")) -> bool:
    return all(db.execute_sql(f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' "
                              "AND name = ?", (table,)).fetchone() for schema in schemas)


def _lost_ledger(db: SqlCipherDatabase, shared: SharedHistory) -> tuple[int, int, int, int]:
    """The reloads and refunds of gift cards the copy lacks (lost with their orders), the
    reload money among them; and apart, the cash-outs of cards sold since (lost with their
    cards) with the cash they paid out. A card sold since is counted with its order, not by
    its ledger rows (its issue, its spends)."""
    if not has_table(db, "gift_card_entry", ("current",)):
        return 0, 0, 0, 0
    # A copy of a version before gift cards (the question reads it so, not upgraded) lacks
    # the whole ledger, as the restore's upgraded copy does (QA s19b F1).
    lacked, above = ((LACKED_ENTRIES, lacked_above(db, shared, "gift_card_entry"))
                     if has_table(db, "gift_card_entry", ("main",))
                     else ("FROM current.gift_card_entry e WHERE e.id > :above", 0))
    row = db.execute_sql(
        "SELECT count(CASE WHEN e.kind IN ('reload', 'refund') THEN 1 END), "
        "coalesce(sum(CASE WHEN e.kind = 'reload' THEN e.amount_cents END), 0), "
        "count(CASE WHEN e.kind = 'cashout' THEN 1 END), "
        "coalesce(-sum(CASE WHEN e.kind = 'cashout' THEN e.amount_cents END), 0) "
        f"{lacked} AND NOT ({WITH_ATTEMPTS})", {"above": above}).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


# The orders the backup lacks: made since, in the current data only.
_LOST_ORDERS = ('FROM current."order" o WHERE o.id > :above AND NOT EXISTS (SELECT 1 FROM '
                'main."order" m WHERE m.id = o.id AND m.created_at = o.created_at)')


def count_loss(db: SqlCipherDatabase, shared: SharedHistory) -> RestoreLoss:
    after = {"above": shared.parted_after}
    changes, reloads, cashouts, cashed_out = _lost_ledger(db, shared)
    orders = {"above": lacked_above(db, shared, "order")}
    paid = f"{_LOST_ORDERS} AND o.status = 'paid'"
    return RestoreLoss(
        True,
        redemptions=_scalar(db, f"SELECT count(*) {LACKED_ATTEMPTS} AND a.ok = 1",
                            {"above": lacked_above(db, shared, "redemption_attempt")}),
        orders=_scalar(db, f"SELECT count(*) {_LOST_ORDERS}", orders),
        paid_orders=_scalar(db, f"SELECT count(*) {paid}", orders),
        paid_cents=_scalar(db, f"SELECT coalesce(sum(o.total_cents), 0) {paid}", orders),
        paid_vouchers=_scalar(db, "SELECT count(*) FROM current.voucher v WHERE v.order_id IN "
                              f"(SELECT o.id {paid})", orders),
        operator_changes=_scalar(db, "SELECT count(*) FROM current.audit_event WHERE "
                                 "id > :above AND kind LIKE 'operator%'", after),
        events=_scalar(db, "SELECT count(*) FROM current.audit_event WHERE id > :above "
                       "AND kind NOT IN ('backup', 'export')", after),
        giftcard_changes=changes, reload_cents=reloads,
        card_keys=_scalar(db, f"SELECT count(*) {HANDED_OUT_KEYS}"),
        refunds=_scalar(db, f"SELECT count(*) {_REFUNDS}", after),
        other_changes=_scalar(db, f"SELECT count(*) {_OTHER_CHANGES}", after),
        refund_cents=_scalar(db, f"SELECT coalesce(sum({_MONEY}), 0) {_REFUNDS}", after),
        refunds_of_lost_orders=_scalar(db, f"SELECT count(*) {_LOST_ORDER_REFUNDS}", after),
        lost_orders_refund_cents=_scalar(
            db, f"SELECT coalesce(sum({_MONEY}), 0) {_LOST_ORDER_REFUNDS}", after),
        cashouts_lost=cashouts, cashout_cents_lost=cashed_out,
        moved_to=_moved_to(db, shared), moved_out=_moved_out(db), currency=_currency(db))


def _currency(db: SqlCipherDatabase) -> str:
    row = db.execute_sql("SELECT value FROM current.setting WHERE key = ?",
                         (CURRENCY_KEY,)).fetchone()
    return str(row[0]) if row and row[0] else DEFAULT_CURRENCY


def _moved_to(db: SqlCipherDatabase, shared: SharedHistory) -> str:
    """``host/database`` of the latest move to a server since the parting, or ""."""
    row = db.execute_sql(
        "SELECT json_extract(detail, '$.server'), json_extract(detail, '$.database') "
        "FROM current.audit_event WHERE id > :above AND kind = 'shop_moved' "
        "ORDER BY id DESC LIMIT 1", {"above": shared.parted_after}).fetchone()
    return "" if row is None else f"{row[0] or ''}/{row[1] or ''}"


def _moved_out(db: SqlCipherDatabase) -> str:
    """The final backup named by the current folder's record of a move to another computer
    (``moved_shop``), or ""."""
    row = db.execute_sql(
        "SELECT json_extract(value, '$.backup') FROM current.setting WHERE key = :key "
        "AND json_valid(value) AND json_extract(value, '$.kind') = :kind",
        {"key": moved_shop.MOVED_SETTING, "kind": moved_shop.COMPUTER}).fetchone()
    return "" if row is None else str(row[0] or "?")


# A restore that stopped half-way, settled: no change to the shop's records to lose.
_SETTLED = "'restore_undone', 'restore_completed'"
# Changes since the parting not counted apart (orders, operators, cards, redemptions...);
# records of evidence only (an integrity acknowledgement, a schema upgrade) change nothing
# the owner made: not "other changes (products, settings...)" (QA s18a F9).
_OTHER_CHANGES = (
    "FROM current.audit_event WHERE id > :above AND kind NOT LIKE 'order%' "
    "AND kind NOT LIKE 'operator%' AND kind NOT LIKE 'giftcard%' AND kind NOT IN ('backup', "
    "'export', 'redeem', 'redemption_undo', 'restore_carry', 'cardkey_shown', 'cardkey_sent', "
    "'integrity_acknowledged', 'schema_upgraded', "
    f"'shop_moved', 'shop_moved_out', {_SETTLED})")  # moves: said apart (``moved_to``...)
# Refunds since the parting (QA round 2: lost silently, so an owner could pay one twice).
_REFUNDS = ("FROM current.audit_event WHERE id > :above "
            "AND kind IN ('order_refund', 'order_refund_line')")
_MONEY = "json_extract(detail, '$.refund_cents')"
# Of them, refunds of orders the copy lacks (made since): gone with their orders.
_LOST_ORDER_REFUNDS = (
    f"{_REFUNDS} AND NOT EXISTS (SELECT 1 FROM main.\"order\" m JOIN current.\"order\" o "
    "ON o.id = m.id AND o.created_at = m.created_at "
    "WHERE m.id = CAST(current.audit_event.subject AS INTEGER))")


def lost_events(db: SqlCipherDatabase, shared: SharedHistory) -> int:
    """Audited changes since the parting that no restore carries over (orders, products...):
    redemptions and their undos are carried, as is what an earlier restore carried."""
    return _scalar(db, "SELECT count(*) FROM current.audit_event WHERE id > :above AND kind "
                   "NOT IN ('backup', 'export', 'redeem', 'redemption_undo', 'restore_carry', "
                   f"{_SETTLED})",
                   {"above": shared.parted_after})


def what_backup_lacks(restored: Path, current: Path, key: bytes) -> RestoreLoss:
    """What restoring ``restored`` over ``current`` would lose, read with plain SQL (the
    models may be bound to the open shop meanwhile)."""
    db = unbound(restored, key)
    try:
        shared = attach_current(db, current, key)
        return RestoreLoss(False) if shared is None else count_loss(db, shared)
    except (DatabaseError, DriverError):
        return RestoreLoss(False)
    finally:
        db.close()
