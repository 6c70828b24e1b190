"""An open server shop still works on the chain it opened: checked as each connection opens
and as each change appends to the audit chain (QA s13a F3).

A server put back to an older ``pg_dump`` while counters are open (``DROP DATABASE``, create
it again, ``pg_restore``) would let every open window go on redeeming on the older copy: the
vouchers redeemed since the dump a second time, and once the older chain's ids passed this
PC's witness, the witness moved onto the older chain, erasing the evidence. The embedded file
has ``live_files``; the server has no file to stat, so the witness itself is the check:

- Each connection opened after the shop's first (the restore's ``DROP`` kills them, and the
  next statement connects again) asks, in one round trip, whether the chain still holds the
  head this PC's witness vouches for, and names the database's OID (logged when it changed).
- Each append to the chain reads the head it links to anyway; on a server that same statement
  also reads the chain's event at the witness's id, so a restore done without breaking the
  connections (``pg_restore --clean`` into the live database) is refused before the change
  commits, at no extra round trip: one more index look-up on the server and a read of the
  witness file (a few µs) on a redemption that costs milliseconds in round trips.

Either way the session is held as at open ("witness_computer: rolled_back", recorded like any
hold) and no witness moves from then on, so the evidence stays until an owner acknowledges.
"""

from __future__ import annotations

import hmac
import logging
import weakref
from typing import TYPE_CHECKING, Any

from desktop_app.core import anchor, dialect, hold_record, integrity, sql
from desktop_app.core.anchor import Head, WitnessDamaged
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.models import AuditEvent

if TYPE_CHECKING:
    import psycopg

    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

ROLLED_BACK = "witness_computer: rolled_back"  # the same problem as found at open
_TABLE = AuditEvent._meta.table_name
# The head an append links to, and the chain's event at the witness's id: one round trip.
CHECKED_HEAD = (f"SELECT id, hash, (SELECT hash FROM {_TABLE} WHERE id = ?) FROM {_TABLE} "
                "ORDER BY id DESC LIMIT 1")
_AT_CONNECT = (f"SELECT (SELECT oid FROM pg_database WHERE datname = current_database()), "
               f"(SELECT hash FROM {_TABLE} WHERE id = %s), (SELECT max(id) FROM {_TABLE})")


def witnessed_head(shop: Shop) -> Head | None:
    """The newest head this PC's witness vouches for (this session's commits and every other
    session's on this PC); None when it vouches for nothing readable (said at open)."""
    try:
        record = anchor.read_record(integrity.user_witness_path(shop.shop_id),
                                    shop.database_key)
    except WitnessDamaged:
        return None
    return record.head if record is not None and record.head.event_id else None


def _holds(stored: object, head: Head) -> bool:
    return stored is not None and hmac.compare_digest(str(stored), head.hash)


def hold_facts(shop: Shop) -> dict[str, str]:
    """What an ``IntegrityHold`` adds for its words: for a server shop, that its way back is
    pg_restore; for a folder, a restore already done or two computers on one shop."""
    if dialect.is_server(shop.db):
        return {"where": "server"}
    return hold_record.hold_facts(shop.integrity_problems, shop.data_dir)


def hold_rolled_back(shop: Shop, when: str) -> None:
    """The chain lacks what this PC saw: held for good, as at open (kept on this PC)."""
    if ROLLED_BACK not in shop.integrity_problems:
        log.error("the server's database lacks the newest records this computer saw "
                  "(found %s): the shop was put back to an older copy; held", when)
    integrity.hold(shop, [ROLLED_BACK])
    if ROLLED_BACK not in shop.integrity_problems:  # the hold's list was full: first, then
        shop.integrity_problems = [ROLLED_BACK, *shop.integrity_problems]


def head_for_append(shop: Shop) -> str | None:
    """The hash of the chain's newest event, which the next event links to (None: empty).
    On a server that is not held, also the check that the chain still holds this PC's
    witness: if not, the shop is held and the change refused before it commits. A held
    shop appends only evidence (an acknowledgement, a backup's or export's event)."""
    seen = witnessed_head(shop) if dialect.is_server(shop.db) and \
        not shop.integrity_problems else None
    if seen is None:
        row = sql.execute(shop.db, sql.AUDIT_HEAD).fetchone()
        return str(row[0]) if row else None
    row = sql.execute(shop.db, CHECKED_HEAD, (seen.event_id,)).fetchone()
    if row is None or not _holds(row[2], seen):
        hold_rolled_back(shop, f"before a change, at event #{seen.event_id}")
        raise IntegrityHold(problem="rolled_back", where="server", problems=ROLLED_BACK)
    return str(row[1])


class ConnectionCheck:
    """Run by the server's connection as each new one opens (see ``watch``)."""

    def __init__(self, shop: Shop, oid: int | None) -> None:
        self._shop = weakref.ref(shop)  # the shop holds its database, which holds this
        self.oid = oid

    def __call__(self, conn: psycopg.Connection[Any]) -> None:
        from psycopg.errors import UndefinedTable  # loaded on a server only (core/__init__)

        shop = self._shop()
        if shop is None or shop.integrity_problems:
            return
        seen = witnessed_head(shop)
        try:
            oid, stored, newest = conn.execute(
                _AT_CONNECT, (seen.event_id if seen else 0,)).fetchone() or (None, None, None)
        except UndefinedTable:  # an empty database put in its place
            oid, stored, newest = None, None, None
        if oid != self.oid:
            log.warning("the shop's database on the server is not the one this session "
                        "opened (OID %s, now %s): checking it", self.oid, oid)
            self.oid = oid
        if newest is None:  # no chain (yet): a restore under way; each change checks again
            return
        if seen is not None and not _holds(stored, seen):
            hold_rolled_back(shop, f"as the server was connected again, at event "
                                   f"#{seen.event_id}")


def watch(shop: Shop) -> None:
    """From the open on: every new connection of ``shop``'s server checks the chain still
    holds this PC's witness (a no-op on the embedded file)."""
    db = shop.db
    if not dialect.is_server(db):
        return
    row = db.execute_sql("SELECT oid FROM pg_database WHERE datname = current_database()"
                         ).fetchone()
    db.on_connect = ConnectionCheck(shop, int(row[0]) if row else None)
