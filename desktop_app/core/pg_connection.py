"""The connection to the shop's PostgreSQL server: the URL checked, one connection per
thread (psycopg 3 through peewee), and its errors said in plain words.

psycopg is imported here, not by peewee (see ``desktop_app.core``): the embedded shop never
loads it, and ``Psycopg3Driver`` hands peewee's adapter the driver that peewee left unset.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
from peewee import (
    Database,
    DatabaseError,
    InterfaceError,
    OperationalError,
    PostgresqlDatabase,
    Psycopg3Adapter,
)
from psycopg.pq import TransactionStatus
from psycopg.types.json import Json, Jsonb

from desktop_app.core import file_clock, server_clock
from desktop_app.core.errors import (
    DatabaseUrlHasPassword,
    DatabaseUrlInvalid,
    ServerBusy,
    ServerCertificate,
    ServerDatabaseMissing,
    ServerDiskFull,
    ServerLoginFailed,
    ServerReadOnly,
    ServerRefused,
    ServerTimedOut,
    ServerTlsRequired,
    ServerUnreachable,
    ShopError,
)
from desktop_app.core.models import BaseModel
from desktop_app.core.sealed import ColumnCipher
from desktop_app.core.transactions import error_chain_text, sqlstate_of

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5
# A pulled cable or a dead Wi-Fi leaves a statement waiting for an answer that never comes:
# TCP gives up on data the server has not acknowledged after tcp_user_timeout (ms), and
# probes an idle connection, so a counter hears "server lost" in seconds, not never
# (libpq ignores what the system cannot do).
LINK_TIMEOUTS: dict[str, int] = {"keepalives": 1, "keepalives_idle": 10,
                                 "keepalives_interval": 3, "keepalives_count": 3,
                                 "tcp_user_timeout": 10_000}
# A change waiting for rows another session holds (a stuck transaction, an admin's psql) gives
# up after this long, said as "nothing was changed, try again", rather than taking a use a
# minute later from a customer the cashier was told not to serve yet (QA s39b F15). Changes of
# the same rows by other counters last milliseconds; the schema upgrade's queue waits longer.
LOCK_WAIT_MS = 10_000
SCHEMES = ("postgresql", "postgres")


def check_url(url: str) -> str:
    """``url`` if it names a PostgreSQL database without a password; else a clear refusal."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise DatabaseUrlInvalid(url=url) from None
    if parts.scheme not in SCHEMES or not parts.path.strip("/") or (
            not url.split(":", 1)[1].startswith("//")):  # "postgresql:/u@h/db" (QA s43b F8)
        raise DatabaseUrlInvalid(url=url)
    if parts.password is not None:
        # A password in an argument is visible to every user of the PC (ps, shell history).
        raise DatabaseUrlHasPassword()
    return url


def server_facts(url: str) -> dict[str, str]:
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    return {"host": f"{host}:{parts.port}" if parts.port else host,
            "user": parts.username or "", "database": parts.path.strip("/"), "url": url}


def server_error(exc: BaseException, url: str) -> ShopError:
    """What a psycopg/peewee error from the server means for the person at the counter."""
    refusal = server_refusal(exc, url)
    if refusal is not None:
        return refusal
    text, facts = error_chain_text(exc), server_facts(url)
    certificate = _certificate_problem(text, facts["host"])
    if certificate is not None:
        return certificate
    if "no password supplied" in text:
        # libpq found none to send: no .pgpass line for this address (a mistyped database
        # name, say), not a wrong one (QA s43b F6)
        return ServerLoginFailed(user=facts["user"], password="none_found",
                                 server=f"{facts['host']}/{facts['database']}")
    if "password authentication failed" in text or "authentication failed" in text:
        return ServerLoginFailed(user=facts["user"])
    role = _MISSING_ROLE.search(text)
    if role is not None:  # the name libpq sent: the address's, or this PC's own user's
        return ServerLoginFailed(user=role.group(1), role="missing")  # QA s43b F8
    if "does not exist" in text and "database" in text:
        return ServerDatabaseMissing(database=facts["database"])
    if "invalid sslmode value" in text or "invalid connection option" in text:
        return DatabaseUrlInvalid(url=url)  # libpq's refusal of the address's own options
    if ("ssl" in text or "encryption" in text) and (
            "required" in text or "no encryption" in text or "not support ssl" in text):
        asks = parse_qs(urlsplit(url).query).get("sslmode", [""])[-1] in _TLS_ASKED
        return ServerTlsRequired(host=facts["host"], address_asks="yes" if asks else "no")
    return ServerUnreachable(host=facts["host"])


_TLS_ASKED = ("require", "verify-ca", "verify-full")
_MISSING_ROLE = re.compile(r'role "([^"]*)" does not exist')
_NO_ROOT_CERTIFICATE = re.compile(r'root certificate file "([^"]*)" does not exist')
_OTHER_HOST = re.compile(r'server certificate for "([^"]*)"[^|]*does not match host name')


def _certificate_problem(text: str, host: str) -> ServerCertificate | None:
    """libpq's refusal of the server's certificate (sslmode=verify-ca or verify-full)."""
    missing = _NO_ROOT_CERTIFICATE.search(text)
    if missing is not None:
        return ServerCertificate(problem="no_root_certificate", file=missing.group(1))
    other = _OTHER_HOST.search(text)
    if other is not None:
        return ServerCertificate(problem="host_mismatch", named=other.group(1), host=host)
    if "certificate verify failed" in text:
        return ServerCertificate(problem="untrusted", host=host)
    return None


# Said by their SQLSTATE, which the server gives with every refusal: a full disk, a standby or
# a statement cancelled after a wait told as a damaged database (restore a backup!) or as a
# broken cable (QA s39b F19, F20). Connections refused before the server names a state say
# "too many" in words only.
_REFUSALS: dict[str, type[ShopError]] = {
    "25006": ServerReadOnly, "53100": ServerDiskFull, "53300": ServerBusy,
    "57014": ServerTimedOut, "55P03": ServerTimedOut,
}  # any other state is ``ServerRefused``, logged with its traceback: perhaps our mistake
_NO_FREE_CONNECTION = ("too many connections", "too many clients",
                       "remaining connection slots are reserved")
# Lost connections (08, a server shutting down: 57P0x) and conflicts (40) are said elsewhere;
# a missing table or column, or the server's own corruption (XX), is a damaged shop.
_NOT_REFUSALS = ("08", "40", "57P", "42P01", "42703", "XX")


def refusal_state(exc: BaseException) -> str | None:
    """The SQLSTATE of the server's refusal of what was asked; None for an error that is not
    one (a lost connection, a conflict, damage)."""
    state = sqlstate_of(exc)
    if state is None:
        text = error_chain_text(exc)
        return "53300" if any(words in text for words in _NO_FREE_CONNECTION) else None
    return None if state.startswith(_NOT_REFUSALS) else state


def server_refusal(exc: BaseException, url: str) -> ShopError | None:
    """The server's refusal, in words (see ``refusal_state``); None if it is not one."""
    state, facts = refusal_state(exc), server_facts(url)
    if state is None:
        return None
    if state in ("28P01", "28000"):
        return ServerLoginFailed(user=facts["user"])
    if state == "3D000":
        return ServerDatabaseMissing(database=facts["database"])
    return _REFUSALS.get(state, ServerRefused)(host=facts["host"], sqlstate=state)


class Psycopg3Driver(Psycopg3Adapter):  # type: ignore[misc]
    """peewee's psycopg 3 adapter with the driver given here: peewee looks psycopg up once,
    as it is imported, and the shop imports peewee with psycopg hidden (see core/__init__)."""

    txn_idle = TransactionStatus.IDLE
    txn_inerror = TransactionStatus.INERROR
    txn_unknown = TransactionStatus.UNKNOWN

    def __init__(self) -> None:
        super().__init__()
        self.json_type = Json
        self.jsonb_type = Jsonb

    def check_driver(self) -> None:
        """psycopg is imported above: nothing to check."""

    def get_binary_type(self) -> Any:
        return psycopg.Binary

    def connect(self, db: PostgresqlDatabase, **params: Any) -> psycopg.Connection[Any]:
        if db._encoding:
            params.setdefault("client_encoding", db._encoding)
        params.setdefault("conninfo" if db.database.startswith("postgresql://") else "dbname",
                          db.database)
        return psycopg.connect(**params)

    def server_side_cursor(self, conn: psycopg.Connection[Any]) -> Any:
        in_transaction = self.txn_status(conn) == TransactionStatus.INTRANS
        return conn.cursor(name=str(uuid.uuid1()), withhold=not in_transaction)


class ServerDatabase(PostgresqlDatabase):  # type: ignore[misc]
    """peewee opens one connection per thread. This one also keeps hold of each, so closing
    the shop closes the connections of every thread (a counter's worker threads included)
    instead of leaving them to the garbage collector when a thread ends."""

    # Whichever driver peewee found at its import (none, see above): psycopg 3, given here.
    psycopg2_adapter = psycopg3_adapter = Psycopg3Driver

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._opened: list[Any] = []
        self._opened_lock = threading.Lock()
        # Attached once an operator's slot has given the database key (see core/sealed.py).
        self.column_cipher: ColumnCipher | None = None
        # Once the shop is open: run on each new connection (see core/live_server.py).
        self.on_connect: Callable[[Any], None] | None = None

    def _connect(self) -> Any:
        conn = super()._connect()
        with self._opened_lock:
            self._opened = [c for c in self._opened if not c.closed] + [conn]
        if self.on_connect is not None:
            try:
                self.on_connect(conn)
            except BaseException:
                conn.close()
                raise
        return conn

    def execute_sql(self, sql: str, params: Any = None, commit: Any = None) -> Any:
        """Outside a transaction (a read: a look-up, a report), a broken connection is said
        as the server being unreachable, and dropped: the next statement connects afresh.
        Inside one, the shop's ``write`` says it (see ``ServerShop.translate_error``)."""
        try:
            if commit is None:
                return super().execute_sql(sql, params)
            return super().execute_sql(sql, params, commit)
        except (DatabaseError, InterfaceError) as exc:
            if self.in_transaction():
                raise
            if refusal_state(exc) in _REFUSALS:  # the server's state, not the statement's
                raise server_error(exc, str(self.database)) from exc
            if not is_connection_lost(exc):
                raise
            with contextlib.suppress(DatabaseError, InterfaceError, OperationalError):
                self.close()
            raise server_error(exc, str(self.database)) from exc

    def begin(self, *args: Any, **kwargs: Any) -> None:
        """A connection found dead at BEGIN (an idle one the server or the network ended)
        carried nothing of this change: said as unreachable, "nothing was changed", not as
        lost mid-write; dropped, so the next try connects afresh."""
        try:
            super().begin(*args, **kwargs)
        except (DatabaseError, InterfaceError) as exc:
            if not is_connection_lost(exc):
                raise
            with contextlib.suppress(DatabaseError, InterfaceError, OperationalError):
                self.close()
            raise server_error(exc, str(self.database)) from exc

    def backend_pids(self) -> frozenset[int]:
        """The server processes of this shop's own connections (to tell our changes apart)."""
        with self._opened_lock:
            return frozenset(c.info.backend_pid for c in self._opened if not c.closed)

    def close_all(self) -> None:
        self.close()
        with self._opened_lock:
            opened, self._opened = self._opened, []
        for conn in opened:
            with contextlib.suppress(Exception):
                conn.close()


def connect(url: str) -> ServerDatabase:
    """An open connection to the shop's server (the models are not bound yet); from now on
    the shop's clock follows the server's (see ``server_clock``)."""
    url = check_url(url)
    db = ServerDatabase(url, prefer_psycopg3=True, connect_timeout=CONNECT_TIMEOUT_S,
                        application_name="Voucher Shop",
                        options=f"-c lock_timeout={LOCK_WAIT_MS}", **LINK_TIMEOUTS)
    try:
        db.connect()
        server_clock.measure_and_follow(db.execute_sql)  # the shop's clock is the server's
        file_clock.forget()  # not a file's newest record
    except (DatabaseError, InterfaceError, OperationalError, OSError) as exc:
        db.close()
        # libpq's own words too (QA s43b F8: the log said only OperationalError)
        log.warning("connecting to the server failed: %s: %s", type(exc).__name__,
                    error_chain_text(exc)[:300])
        raise server_error(exc, url) from exc
    except ShopError:
        db.close()
        raise
    return db


def was_underway(exc: BaseException) -> bool:
    """The connection broke while a statement (a COMMIT, perhaps) was with the server; not
    one found already closed before anything was sent."""
    return "already closed" not in error_chain_text(exc)


def is_connection_lost(exc: BaseException) -> bool:
    """The connection broke or was found broken; not a refusal the server gave in words
    ("too many connections", "statement timeout") over a connection that still works."""
    if refusal_state(exc) is not None:
        return False
    text = error_chain_text(exc)
    return isinstance(exc, InterfaceError) or any(
        words in text for words in ("connection", "server closed", "terminating", "timeout"))


def advance_id_sequence(db: Database, model: type[BaseModel]) -> None:
    """After rows were inserted with their ids (a copy), move the table's id sequence past
    them, so the next row the server numbers does not collide."""
    field = model._meta.primary_key
    if field is None or field.field_type not in ("AUTO", "BIGAUTO"):
        return
    table = model._meta.table_name
    db.execute_sql(
        f'SELECT setval(pg_get_serial_sequence(%s, %s), '
        f'COALESCE((SELECT MAX("{field.column_name}") FROM "{table}"), 0) + 1, false)',
        (f'"{table}"', field.column_name))
