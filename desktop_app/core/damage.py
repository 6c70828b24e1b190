"""A damaged database file named where it is met, whichever read or write meets it.

Bytes changed on the disk (a bad sector, a power cut mid-write, a file cut short) fail
SQLCipher's page check or SQLite's structure: "database disk image is malformed", "file is
not a database". Writes went through ``Shop.write``, which names that error, but a read
outside a write (a backup's copy, an export, a list) let the bare database error through to
"unexpected error, restart the app" (QA s19a F5). So the shop's own database object names it:
``ShopFileDatabase`` turns such an error, from a statement or from the rows fetched after it
(the driver's own errors escape peewee's wrapper there), into ``DamageFound``, which is both
the user's ``database_corrupt`` and a peewee ``DatabaseError`` (the code that catches
database errors, ``verify`` naming each check's, still does). The first one found also puts
the shop on hold (``damage_found``, set by the open shop): the window's red bar says it at
once, and no more sales go into a file that is to be replaced (QA s19a F4).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from peewee import DatabaseError
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3.dbapi2 import DatabaseError as DriverError

from desktop_app.core import integrity
from desktop_app.core.errors import DatabaseCorrupt, name_database_error

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

# What SQLCipher and SQLite say of a file whose bytes are wrong (not of a lock, a full disk).
DAMAGE_NAMES = ("database_malformed", "not_a_database", "database_corrupt")
# The hold's problem for it (``integrity.problem_code`` gives "damaged").
DAMAGED_PROBLEM = "database: damaged"


class DamageFound(DatabaseCorrupt, DatabaseError):  # type: ignore[misc]  # untyped peewee
    """The shop's database file is damaged where a statement read it (``detail``: which
    error, ``path``: the file)."""


def is_damage(exc: BaseException) -> bool:
    if isinstance(exc, DatabaseCorrupt):
        return exc.params.get("detail") in DAMAGE_NAMES
    return name_database_error(exc) in DAMAGE_NAMES


class ShopFileDatabase(SqlCipherDatabase):  # type: ignore[misc]  # peewee is untyped
    """The shop's SQLCipher file: a damaged page is said as ``DamageFound`` (the module's
    doc), and ``damage_found`` hears of it first."""

    damage_found: Callable[[], None] | None = None

    def cursor(self, named_cursor: Any = None) -> Any:
        return _NamingCursor(super().cursor(named_cursor), self)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)
        except DatabaseError as exc:
            self.raise_named(exc)
            raise

    def raise_named(self, exc: Exception) -> None:
        """``DamageFound`` when ``exc`` says the file is damaged; else nothing (the caller
        raises ``exc`` itself)."""
        if isinstance(exc, DamageFound) or not is_damage(exc):
            return
        log.error("the database is damaged: %s", exc)
        if self.damage_found is not None:
            try:
                self.damage_found()
            except Exception:  # the damage is said either way
                log.exception("could not put the shop on hold for its damage")
        raise DamageFound(path=str(self.database), detail=name_database_error(exc)) from exc


def watch(shop: Shop) -> None:
    """The first damage met in ``shop``'s file puts it on hold, as ``verify`` finding it
    does: kept beside the data and on this computer, so the next open is held too."""
    if not isinstance(shop.db, ShopFileDatabase):
        return
    opened = weakref.ref(shop)  # the database must not keep a closed shop alive

    def found() -> None:
        held = opened()
        if held is not None:
            integrity.hold(held, [DAMAGED_PROBLEM])

    shop.db.damage_found = found


def check_pages(shop: Shop) -> bool:
    """SQLCipher's check of every page's MAC, as ``verify`` starts with: the app runs it on a
    thread and connection of its own once the window is open (about half a second for a
    100 MB file, measured; too slow to hold up every login and command), so a damaged file
    is said at once, before a sale meets it. True when damaged: the shop is then held,
    unless the owner acknowledged that damage already (``verify --acknowledge``)."""
    if not isinstance(shop.db, ShopFileDatabase):
        return False  # a server checks its own pages
    try:
        failed = [str(row[0]) for row in shop.db.execute_sql("PRAGMA cipher_integrity_check")]
    except DamageFound:
        return True  # held as it was found
    if not failed:
        return False
    log.error("the database's page check failed: %s", failed[:5])
    try:
        acknowledged = DAMAGED_PROBLEM in integrity.acknowledged_problems()
    except DatabaseError:
        acknowledged = False
    if not acknowledged:
        integrity.hold(shop, [DAMAGED_PROBLEM])
    return True


class _NamingCursor:
    """The driver's cursor, its fetches' damage named as the statement's is."""

    def __init__(self, cursor: Any, db: ShopFileDatabase) -> None:
        self._cursor = cursor
        self._db = db

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)

    def _fetching(self, fetch: Callable[[], Any]) -> Any:
        try:
            return fetch()
        except (DriverError, DatabaseError) as exc:
            self._db.raise_named(exc)
            raise

    def execute(self, *args: Any) -> Any:
        self._fetching(lambda: self._cursor.execute(*args))
        return self

    def fetchone(self) -> Any:
        try:  # no closure: a redemption's reads and every row of a report come through here
            return self._cursor.fetchone()
        except (DriverError, DatabaseError) as exc:
            self._db.raise_named(exc)
            raise

    def fetchmany(self, *args: Any) -> Any:
        return self._fetching(lambda: self._cursor.fetchmany(*args))

    def fetchall(self) -> Any:
        return self._fetching(self._cursor.fetchall)

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        try:
            return next(self._cursor)
        except (DriverError, DatabaseError) as exc:
            self._db.raise_named(exc)
            raise
