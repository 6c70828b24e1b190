"""Schema versions and the steps between them.

A new shop gets the current tables and the current version. An older shop runs each step
from its version up, in one transaction per step. Step N takes a database at version N-1;
steps use only portable peewee operations (``playhouse.migrate``) so PostgreSQL runs them too.
A fixture shop made by the first release lives in ``tests/data/shop_v1`` and must keep opening.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from peewee import BigIntegerField, CharField, Database, IntegerField

from desktop_app.core import dialect
from desktop_app.core.errors import SchemaTooNew
from desktop_app.core.key_refingerprint import (
    note_duplicate_card_keys,
    refingerprint_card_keys,
)
from desktop_app.core.models import (
    ALL_MODELS,
    AuditEvent,
    GiftCardEntry,
    GiftCardPin,
    Order,
    RedemptionAttempt,
    Refund,
    SchemaVersion,
    Voucher,
)
from desktop_app.core.payment_places import fill_from_old_records
from desktop_app.core.refund_records import book_past_refunds

if TYPE_CHECKING:
    from playhouse.migrate import SchemaMigrator

Step = Callable[[Database], None]
log = logging.getLogger(__name__)


class UpgradeGuard(Protocol):
    """What an upgrade of a shop others may open needs (see core/schema_upgrade.py)."""

    def queue(self) -> AbstractContextManager[None]:
        """One upgrader at a time: the version is read again inside."""

    def alone(self) -> AbstractContextManager[None]:
        """Refused while anyone else has the shop open: an older version still running at
        another counter would go on writing the old way (QA s12c F6)."""


class _Unguarded:
    def queue(self) -> AbstractContextManager[None]:
        return contextlib.nullcontext()

    def alone(self) -> AbstractContextManager[None]:
        return contextlib.nullcontext()


def _alter(db: Database, operations: Callable[[SchemaMigrator], list[Any]]) -> None:
    """Run the schema changes ``operations`` lists. playhouse.migrate is imported here, when an
    older shop is upgraded: it loads every server driver peewee knows (see core/__init__)."""
    from playhouse.migrate import SchemaMigrator, migrate

    migrate(*operations(SchemaMigrator.from_database(db)))


def _gift_cards(db: Database) -> None:
    """Version 2: gift cards carry a money balance, changed only through their ledger."""
    _alter(db, lambda migrator: [
        migrator.add_column("product", "value_cents", BigIntegerField(null=True)),
        migrator.add_column("voucher", "balance_cents", BigIntegerField(null=True)),
    ])
    db.create_tables([GiftCardEntry, GiftCardPin])


def _card_key_pattern(db: Database) -> None:
    """Version 3: a card-key product may say what its keys look like (length, alphabet)."""
    _alter(db, lambda migrator: [
        migrator.add_column("product", "key_min_length", IntegerField(null=True)),
        migrator.add_column("product", "key_max_length", IntegerField(null=True)),
        migrator.add_column("product", "key_alphabet", CharField(max_length=16, null=True)),
    ])


def add_low_stock_threshold(db: Database) -> None:
    """Version 4: a product's low-stock warning level (none: no warning)."""
    _alter(db, lambda migrator: [migrator.add_column("product", "low_stock_threshold",
                                                     IntegerField(null=True))])


def add_report_index(db: Database) -> None:
    """Version 5: the index the reports read redemption attempts from (see the model)."""
    _alter(db, lambda migrator: [migrator.add_index(
        "redemption_attempt",
        ("created_at", "ok", "undo_of_id", "operator_id", "station", "voucher_id"), False)])


def add_report_key_indexes(db: Database) -> None:
    """Version 6: the reports per operator, station and product read each one's attempts
    from an index led by it (see the model); those covering indexes replace the plain ones
    on operator, voucher and time, which they serve as well, so a redemption still writes as
    many index entries as before."""
    plain = ("operator_id", "voucher_id", "created_at")
    _alter(db, lambda migrator: [
        *(migrator.drop_index("redemption_attempt", f"redemption_attempt_{column}")
          for column in plain),
        *(migrator.add_index("redemption_attempt", (key, "created_at", "ok", "undo_of_id"),
                             False)
          for key in ("operator_id", "station", "voucher_id")),
    ])


def fewer_index_writes(db: Database) -> None:
    """Version 7: a redemption writes four index pages fewer. The attempts' ``created_at`` is
    the reports' index's first column; nothing searches attempts by reason nor events by
    hash; an undo's uniqueness needs only the undo records (a partial index)."""
    for name in ("redemption_attempt_created_at", "redemption_attempt_reason",
                 "redemption_attempt_undo_of_id", "audit_event_hash"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    RedemptionAttempt._schema.create_indexes(safe=True)


def fewer_voucher_index_writes(db: Database) -> None:
    """Version 8: a batch of vouchers writes two index entries fewer per voucher. Nothing
    searches vouchers by state alone (valid or void: always with what picks them out); only a
    card-key voucher has a key, so its index holds only those (a partial index)."""
    for name in ("voucher_state", "voucher_card_key_id"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    Voucher._schema.create_indexes(safe=True)


def fewer_redemption_index_writes(db: Database) -> None:
    """Version 9: a redemption writes two index pages fewer. The report per operator adds up
    the day index's range in one grouped query instead of reading an index of its own; the
    audit log's kind index leaves redemptions out (a partial index: see the model)."""
    for name in ("redemption_attempt_operator_id_created_at_ok_undo_of_id", "audit_event_kind"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    AuditEvent._schema.create_indexes(safe=True)


def add_line_refunded_cents(db: Database) -> None:
    """Version 10: what a line's refunds paid back; before, always its units at their price."""
    if "refunded_cents" in {column.name for column in db.get_columns("order_line")}:
        return  # made by a newer schema already
    _alter(db, lambda migrator: [migrator.add_column("order_line", "refunded_cents",
                                                     BigIntegerField(default=0))])
    db.execute_sql("UPDATE order_line SET refunded_cents = refunded_quantity * unit_price_cents "
                   "WHERE product_id IN (SELECT id FROM product WHERE kind != 'giftcard')")


def add_line_unit_value(db: Database) -> None:
    """Version 11: a gift card's value as ordered (None on older lines: the product's value at
    payment, the rule they were made under)."""
    if "unit_value_cents" in {column.name for column in db.get_columns("order_line")}:
        return  # made by a newer schema already
    _alter(db, lambda migrator: [migrator.add_column("order_line", "unit_value_cents",
                                                     BigIntegerField(null=True))])


def add_line_terms(db: Database) -> None:
    """Version 12: a pass's uses and days of validity as ordered (None on older lines: the
    product's at payment, the rule they were made under)."""
    if "unit_uses" in {column.name for column in db.get_columns("order_line")}:
        return  # made by a newer schema already
    _alter(db, lambda migrator: [
        migrator.add_column("order_line", "unit_uses", IntegerField(null=True)),
        migrator.add_column("order_line", "unit_valid_days", IntegerField(null=True))])


def add_reason_to_reports(db: Database) -> None:
    """The report's covering indexes hold the attempt's reason too: a gift card asked for its
    amount (``amount_required``) is not a refusal, and telling it apart must not read the table
    row of every refused attempt (QA s11b F3). Each index is rebuilt with one column more, so a
    redemption writes as many index entries as before."""
    fields = RedemptionAttempt._meta.fields
    covering = [index for index in RedemptionAttempt._meta.indexes if isinstance(index, tuple)]
    wanted = {tuple(fields[name].column_name for name in names)
              for names, _ in covering}
    for index in db.get_indexes("redemption_attempt"):
        if (*index.columns, "reason") in wanted:  # the same index, without the reason
            db.execute_sql(f'DROP INDEX IF EXISTS "{index.name}"')
    RedemptionAttempt._schema.create_indexes(safe=True)


def add_refund_records(db: Database) -> None:
    """Each refund a dated record (core.models.Refund), counted by the sales report on the day
    it was paid back. Refunds made before are dated on their sale's day, where the reports
    counted them until now, so no report of a past day changes (see core/refund_records.py)."""
    if db.table_exists("refund"):
        return  # made by a newer schema already
    db.create_tables([Refund])
    book_past_refunds()


def add_paid_orders_index(db: Database) -> None:
    """The orders paid in a window are a range of an index (status, paid_at), for the sales
    reports: without it each day of a report read every paid order (QA s14a F9)."""
    Order._schema.create_indexes(safe=True)


def add_payment_places(db: Database) -> None:
    """Who took an order's payment and at which counter, and where a refund was paid back
    (the sales report per operator and station); older rows only as their own records say
    (core/payment_places.py). Columns a newer model made already are left."""
    has = {table: {column.name for column in db.get_columns(table)}
           for table in ("order", "refund")}
    wanted = [("order", Order.paid_by), ("order", Order.paid_station),
              ("refund", Refund.station)]
    _alter(db, lambda migrator: [migrator.add_column(table, field.column_name, field)
                                 for table, field in wanted
                                 if field.column_name not in has[table]])
    fill_from_old_records()


SEAL_BATCH = 20_000  # attempts read, sealed and written back at a time by seal_scanned_text


def seal_scanned_text(db: Database) -> None:
    """Version 16: on a server, the text scanned or typed at the counter is sealed in its
    column like the other secrets (QA s16a F1: a QR payload holds its voucher's code, so the
    server's administrator, or anyone with a pg_dump, could redeem live vouchers and spend
    gift cards). The column becomes TEXT (a sealed value is longer than the 128 characters
    kept) and every attempt kept so far is sealed. The file needs nothing: SQLCipher encrypts
    it whole, and VARCHAR is TEXT there."""
    if not dialect.is_server(db):
        return
    types = {c.name: c.data_type for c in db.get_columns("redemption_attempt")}
    if types["scanned_text"] == "text":
        return  # made by a newer schema already: sealed as written
    db.execute_sql("ALTER TABLE redemption_attempt ALTER COLUMN scanned_text TYPE TEXT")
    with _indexes_rebuilt_after(db, "redemption_attempt"):
        _seal_clear_scans(db)


def _seal_clear_scans(db: Database) -> None:
    """The attempts' texts, sealed in Python (the key never reaches the server), loaded by
    COPY into a temporary table and written back by one UPDATE per batch."""
    seal = RedemptionAttempt.scanned_text.db_value
    db.execute_sql("CREATE TEMPORARY TABLE sealed_scan (id BIGINT PRIMARY KEY, text TEXT)"
                   " ON COMMIT DROP")
    last = 0
    while rows := db.execute_sql(
            "SELECT id, scanned_text FROM redemption_attempt WHERE id > %s ORDER BY id LIMIT %s",
            (last, SEAL_BATCH)).fetchall():
        with db.cursor().copy("COPY sealed_scan (id, text) FROM STDIN") as copy:
            for attempt_id, text in rows:
                copy.write_row((attempt_id, seal(text)))
        last = rows[-1][0]
    db.execute_sql("UPDATE redemption_attempt AS a SET scanned_text = s.text"
                   " FROM sealed_scan AS s WHERE a.id = s.id")


@contextlib.contextmanager
def _indexes_rebuilt_after(db: Database, table: str) -> Iterator[None]:
    """A rewrite of every row of ``table`` with its indexes (but its primary key) dropped, then
    built again as they were: a sorted build is many times faster than an index entry added
    per updated row (on the server, inside the step's transaction)."""
    indexes = db.execute_sql(
        "SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = %s AND NOT EXISTS ("
        " SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", (table,)).fetchall()
    for name, _ in indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    yield
    for _, definition in indexes:
        db.execute_sql(definition)


# STEPS[n] upgrades a database at version n+1 to version n+2.
STEPS: list[Step] = [_gift_cards, _card_key_pattern, add_low_stock_threshold, add_report_index,
                     add_report_key_indexes, fewer_index_writes, fewer_voucher_index_writes,
                     fewer_redemption_index_writes, add_line_refunded_cents, add_line_unit_value,
                     add_line_terms, add_reason_to_reports,
                     add_refund_records, add_paid_orders_index, seal_scanned_text,
                     refingerprint_card_keys, note_duplicate_card_keys, add_payment_places]
CURRENT_VERSION = 1 + len(STEPS)


def create_schema(db: Database) -> None:
    with db.atomic():
        db.create_tables(ALL_MODELS)
        SchemaVersion.create(version=CURRENT_VERSION)


def current_version(db: Database) -> int:
    if not db.table_exists("schema_version"):
        return 0
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    return row.version if row else 0


# Per thread, who hears that an upgrade's steps begin: the login screen says so, since a
# server shop with a long history takes a minute or more (about 1 s per 20,000 scans kept).
_told = threading.local()


@contextlib.contextmanager
def upgrade_told_to(listener: Callable[[], None]) -> Iterator[None]:
    """``listener()`` is called, on this thread, when an upgrade's steps start within."""
    _told.listener = listener
    try:
        yield
    finally:
        _told.listener = None


def _tell_upgrade_starts() -> None:
    listener = getattr(_told, "listener", None)
    if listener is not None:
        listener()


def migrate(db: Database, steps: list[Step] | None = None,
            guard: UpgradeGuard | None = None) -> int:
    """Bring ``db`` up to the newest version; returns the version it was at (when another
    counter upgraded it meanwhile, the version it found then)."""
    steps = STEPS if steps is None else steps
    guard = guard or _Unguarded()
    target = 1 + len(steps)
    found = current_version(db)
    if found == 0:
        create_schema(db)
        return 0
    if found == target:
        return found
    with guard.queue():
        found = current_version(db)
        if found > target:
            raise SchemaTooNew(found=found, supported=target)
        if found == target:
            return found
        with guard.alone():
            _tell_upgrade_starts()
            for version in range(found, target):
                with db.atomic():
                    steps[version - 1](db)
                    SchemaVersion.create(version=version + 1)
    log.info("schema upgraded from %s to %s", found, target)
    return found
