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


def lock_rows(db: Database, query: Select) -> None:
    """Inside a write transaction, on the server: lock the rows ``query`` reads until the
    transaction ends (``FOR NO KEY UPDATE``). Another transaction's UPDATE of them waits, then
    re-checks its WHERE against what this one committed; if another holds one first, this
    waits for its commit, and what this transaction reads afterwards (Read Committed: each
    statement its own snapshot) includes that change. Take it before reading what a change is
    decided on, in one order (ids ascending) so no two transactions wait on each other.
    ``NO KEY``: rows that merely reference them (a refused scan's attempt row) need not wait.
    Nothing on the file, whose ``BEGIN IMMEDIATE`` already lets one writer in at a time."""
    if is_server(db):
        list(query.for_update("FOR NO KEY UPDATE"))


# The channel other counters LISTEN on; the payload is the audit kind of the change.
CHANGES_CHANNEL = "voucher_shop_changes"


def announce(db: Database, audit_kind: str) -> None:
    """Inside a write transaction: tell the other counters what changed. NOTIFY is delivered
    at commit, and not at all if the transaction rolls back."""
    if is_server(db):
        db.execute_sql("SELECT pg_notify(%s, %s)", (CHANGES_CHANNEL, audit_kind))
