"""The few statements where the two engines differ: kept here, so the rest of core is
portable peewee.

On the embedded file, ``BEGIN IMMEDIATE`` already serialises every writer. On PostgreSQL
several counters write at once under Read Committed, so whatever must happen one at a time
(appending to the audit chain, counting failed logins) takes a transaction-scoped advisory
lock, released by the commit or rollback of the transaction that took it.
"""

from __future__ import annotations

from peewee import Database, PostgresqlDatabase, Select

# Advisory lock keys: arbitrary, fixed, one per thing serialised.
AUDIT_CHAIN_LOCK = 0x5653_0001
LOGIN_THROTTLE_LOCK = 0x5653_0002
CARD_KEY_IMPORT_LOCK = 0x5653_0003  # a key checked against every product, then imported


def is_server(db: Database) -> bool:
    """True when ``db`` is the shop's PostgreSQL server rather than the embedded file."""
    return isinstance(db, PostgresqlDatabase)


def serialise(db: Database, lock_key: int) -> None:
    """Inside a write transaction: wait until no other transaction holds ``lock_key``."""
    if is_server(db):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (lock_key,))


def locking(db: Database, query: Select) -> Select:
    """``query`` that, on the server, locks the rows it reads until the transaction ends
    (``FOR NO KEY UPDATE``): another transaction's UPDATE of them waits and then re-checks its
    WHERE against what this one committed, and if one of them holds a row first, this waits
    for its commit and reads the row as it left it (Read Committed). Use it before reading
    what a change is decided on; lock rows in one order (ids ascending) so no two wait on
    each other. ``NO KEY``: rows referencing them (a refused scan's attempt row) need not
    wait. The file has no row locks: ``BEGIN IMMEDIATE`` already serialises every writer."""
    return query.for_update("FOR NO KEY UPDATE") if is_server(db) else query


# The channel other counters LISTEN on; the payload is the audit kind of the change.
CHANGES_CHANNEL = "voucher_shop_changes"


def announce(db: Database, audit_kind: str) -> None:
    """Inside a write transaction: tell the other counters what changed. NOTIFY is delivered
    at commit, and not at all if the transaction rolls back."""
    if is_server(db):
        db.execute_sql("SELECT pg_notify(%s, %s)", (CHANGES_CHANNEL, audit_kind))
