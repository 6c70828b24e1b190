"""Schema versions and the steps between them.

A new shop gets the current tables and the current version. An older shop runs each step
from its version up, in one transaction per step. Step N takes a database at version N-1;
steps use only portable peewee operations (``playhouse.migrate``) so PostgreSQL runs them too.
A fixture shop made by the first release lives in ``tests/data/shop_v1`` and must keep opening.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import BigIntegerField, CharField, Database, IntegerField
from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as run_operations

from desktop_app.core.errors import SchemaTooNew
from desktop_app.core.models import (
    ALL_MODELS,
    GiftCardEntry,
    GiftCardPin,
    RedemptionAttempt,
    SchemaVersion,
)

Step = Callable[[Database], None]


def _gift_cards(db: Database) -> None:
    """Version 2: gift cards carry a money balance, changed only through their ledger."""
    migrator = SchemaMigrator.from_database(db)
    run_operations(
        migrator.add_column("product", "value_cents", BigIntegerField(null=True)),
        migrator.add_column("voucher", "balance_cents", BigIntegerField(null=True)),
    )
    db.create_tables([GiftCardEntry, GiftCardPin])


def _card_key_pattern(db: Database) -> None:
    """Version 3: a card-key product may say what its keys look like (length, alphabet)."""
    migrator = SchemaMigrator.from_database(db)
    run_operations(
        migrator.add_column("product", "key_min_length", IntegerField(null=True)),
        migrator.add_column("product", "key_max_length", IntegerField(null=True)),
        migrator.add_column("product", "key_alphabet", CharField(max_length=16, null=True)),
    )


def add_low_stock_threshold(db: Database) -> None:
    """Version 4: a product's low-stock warning level (none: no warning)."""
    migrator = SchemaMigrator.from_database(db)
    run_operations(migrator.add_column("product", "low_stock_threshold",
                                       IntegerField(null=True)))


def add_report_index(db: Database) -> None:
    """Version 5: the index the reports read redemption attempts from (see the model)."""
    migrator = SchemaMigrator.from_database(db)
    run_operations(migrator.add_index(
        "redemption_attempt",
        ("created_at", "ok", "undo_of_id", "operator_id", "station", "voucher_id"), False))


def fewer_index_writes(db: Database) -> None:
    """Version 6: a redemption writes four index pages fewer. The attempts' ``created_at`` is
    the reports' index's first column; nothing searches attempts by reason nor events by
    hash; an undo's uniqueness needs only the undo records (a partial index)."""
    for name in ("redemption_attempt_created_at", "redemption_attempt_reason",
                 "redemption_attempt_undo_of_id", "audit_event_hash"):
        db.execute_sql(f"DROP INDEX IF EXISTS {name}")
    RedemptionAttempt._schema.create_indexes(safe=True)


# STEPS[n] upgrades a database at version n+1 to version n+2.
STEPS: list[Step] = [_gift_cards, _card_key_pattern, add_low_stock_threshold, add_report_index,
                     fewer_index_writes]
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


def migrate(db: Database, steps: list[Step] | None = None) -> int:
    """Bring ``db`` up to the newest version; returns the version it was at."""
    steps = STEPS if steps is None else steps
    target = 1 + len(steps)
    found = current_version(db)
    if found == 0:
        create_schema(db)
        return 0
    if found > target:
        raise SchemaTooNew(found=found, supported=target)
    for version in range(found, target):
        with db.atomic():
            steps[version - 1](db)
            SchemaVersion.create(version=version + 1)
    return found
