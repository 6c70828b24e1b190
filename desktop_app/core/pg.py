"""The shop on a PostgreSQL server that several counter PCs share.

The same models, migrations and services as the embedded file; what differs lives here
and in ``pg_connection`` (the URL, the connection and its errors): the key slots and the
failed-login counts kept in tables on the server (every counter logs in with the same slots
and counts against the same limit), and no anchor file: each PC keeps only its per-user
witness of the newest head it saw (see ``integrity``), which is never stale in the way that
matters: the chain only grows, so a head a PC saw must stay in it.

The server login (user and password, from PGPASSWORD or ``~/.pgpass``, never from the URL)
only reaches the tables; the shop's database key still comes from an operator's key slot.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from peewee import (
    AutoField,
    CharField,
    Database,
    DatabaseError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    TextField,
)

from desktop_app.core import (
    dialect,
    integrity,
    live_server,
    migrations,
    schema_upgrade,
    server_clock,
    shop_identity,
)
from desktop_app.core.errors import (
    KeySlotsDamaged,
    NoShop,
    ServerIdsBehind,
    ServerLost,
    ServerRefused,
    ShopError,
    ShopExists,
    WrongPassword,
)
from desktop_app.core.keyslots import (
    KEY_BYTES,
    RECOVERY_SLOT,
    RECOVERY_UNCONFIRMED,
    KeySlot,
    KeySlotFile,
    normalize_operator,
    validate_new_operator,
)
from desktop_app.core.lockout import LoginThrottle, login_source
from desktop_app.core.models import ALL_MODELS, BaseModel, Operator, Setting, database_proxy
from desktop_app.core.pg_connection import (
    ServerDatabase,
    connect,
    is_connection_lost,
    server_error,
    server_facts,
    server_refusal,
    was_underway,
)
from desktop_app.core.sealed import ColumnCipher
from desktop_app.core.still_active import active_operator
from desktop_app.core.store import Shop
from desktop_app.core.transactions import translate_db_error

log = logging.getLogger(__name__)


# --- the server's own tables -------------------------------------------------------------------


class KeySlotRecord(BaseModel):
    """One operator's key slot (the JSON of ``KeySlot.to_json``); no secret in the clear."""

    slot_name = CharField(primary_key=True, max_length=64)
    slot = TextField()
    shop_id = CharField(max_length=64)  # readable before login (settings are sealed)

    class Meta:
        table_name = "key_slot"


class LoginFailures(BaseModel):
    """The failed-login counts of every operator, as ``lockout.json`` holds them on a PC."""

    name = CharField(primary_key=True, max_length=16)
    counts = TextField(default="{}")

    class Meta:
        table_name = "login_failures"


SERVER_MODELS: list[type[BaseModel]] = [KeySlotRecord, LoginFailures]


# --- key slots and failed logins on the server -------------------------------------------------


class KeySlotTable(KeySlotFile):
    """The key slots of a shop on a server: one row per operator, and one named
    ``RECOVERY_SLOT`` (no operator's name can be it) for the shop's recovery key."""

    def __init__(self, url: str, shop_id: str, slots: dict[str, KeySlot],
                 recovery: KeySlot | None = None, disabled: set[str] | None = None) -> None:
        super().__init__(Path("key_slot"), shop_id, slots, recovery, disabled)
        self.url = url

    @classmethod
    def read(cls, url: str) -> KeySlotTable:
        """The slots as the bound database holds them now."""
        rows = list(KeySlotRecord.select())
        if not rows:
            raise NoShop(path=url)
        try:
            slots = {row.slot_name: KeySlot.from_json(json.loads(row.slot)) for row in rows}
        except (ValueError, KeyError, TypeError) as exc:
            raise KeySlotsDamaged(path=url) from exc
        recovery = slots.pop(RECOVERY_SLOT, None)
        return cls(url, rows[0].shop_id, slots, recovery, _disabled_names() - set(slots))

    def reload(self) -> KeySlotTable:
        return KeySlotTable.read(self.url)

    def save(self) -> None:
        rows = dict(self.slots)
        if self.recovery is not None:
            rows[RECOVERY_SLOT] = self.recovery
        with database_proxy.atomic():
            KeySlotRecord.delete().where(KeySlotRecord.slot_name.not_in(
                list(rows) or [""])).execute()
            for name, slot in rows.items():
                text = json.dumps(slot.to_json())
                (KeySlotRecord.insert(slot_name=name, slot=text, shop_id=self.shop_id)
                 .on_conflict(conflict_target=[KeySlotRecord.slot_name],
                              update={KeySlotRecord.slot: text}).execute())


def _disabled_names() -> set[str]:
    """The slot names of disabled operators: a login says "disabled", not "no such name" (QA
    s13a F9). The file keeps them beside its slots; here the operators' table says it, in the
    clear like the slot names, and changes in the same transaction as the slot's removal."""
    inactive = Operator.select(Operator.slot_name).where(Operator.active == False)  # noqa: E712
    return {row.slot_name for row in inactive}


class ServerLoginThrottle(LoginThrottle):
    """The same limits as on a PC, counted in one row on the server: a guesser cannot move to
    another counter to start afresh. Each count is read and written under an advisory lock."""

    ROW = "all"

    def __init__(self, db: Database, **kwargs: Any) -> None:
        super().__init__(Path("login_failures"), **kwargs)
        self.db = db

    def _load(self) -> dict[str, Any]:
        row = LoginFailures.get_or_none(LoginFailures.name == self.ROW)
        try:
            data = json.loads(row.counts) if row else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) and data.get("format") == 2 else {}

    def _save(self, data: dict[str, Any]) -> None:
        data["format"] = 2
        text = json.dumps(data)
        (LoginFailures.insert(name=self.ROW, counts=text)
         .on_conflict(conflict_target=[LoginFailures.name],
                      update={LoginFailures.counts: text}).execute())

    def failed(self, operator: str, source: str | None = None) -> None:
        with self.db.atomic():
            dialect.serialise(self.db, dialect.LOGIN_THROTTLE_LOCK)
            super().failed(operator, source)

    def succeeded(self, operator: str, source: str | None = None) -> int:
        with self.db.atomic():
            dialect.serialise(self.db, dialect.LOGIN_THROTTLE_LOCK)
            return super().succeeded(operator, source)

    def forgive(self, operator: str) -> None:
        with self.db.atomic():
            dialect.serialise(self.db, dialect.LOGIN_THROTTLE_LOCK)
            super().forgive(operator)


# --- the open shop -----------------------------------------------------------------------------


@dataclass
class ServerShop(Shop):
    """A shop open on a server; ``data_dir`` is this PC's folder (logs, local choices)."""

    url: str = ""

    def login_throttle(self) -> LoginThrottle:
        return ServerLoginThrottle(self.db)

    def open_again(self, operator: str, password: str, source: str | None = None) -> Shop:
        return open_server_shop(self.data_dir, self.url, operator, password, source)

    @contextlib.contextmanager
    def write(self, *, evidence_only: bool = False,
              operator_checked: bool = False) -> Iterator[None]:
        """As the file's. A new row refused because its id is taken is said plainly, not as
        an unexpected error: the server's id counters are behind its rows (QA s13a F7)."""
        try:
            with super().write(evidence_only=evidence_only, operator_checked=operator_checked):
                yield
        except IntegrityError as exc:
            table = _table_of_taken_id(exc)
            if table is None:
                raise
            log.error("the id sequence of %s is behind its rows (restored over itself?)", table)
            raise ServerIdsBehind() from exc

    def translate_error(self, exc: Exception, during: str = "change") -> ShopError:
        refusal = server_refusal(exc, self.url)
        if refusal is not None:
            log.warning("the shop's server refused a %s: SQLSTATE %s (%s)", during,
                        refusal.params.get("sqlstate", "28P01"), type(exc).__name__,
                        exc_info=isinstance(refusal, ServerRefused))
            return refusal
        if not is_connection_lost(exc):
            return translate_db_error(exc, self.url)
        self._forget_dead_connection()
        if was_underway(exc):
            return ServerLost(host=server_facts(self.url)["host"])
        return server_error(exc, self.url)

    def _forget_dead_connection(self) -> None:
        """A broken connection stays broken: this thread's next statement connects afresh,
        so the counter works again as soon as the server is back."""
        if not self.db.in_transaction():
            with contextlib.suppress(DatabaseError, InterfaceError, OperationalError):
                self.db.close()

    def close(self) -> None:
        with contextlib.suppress(DatabaseError, InterfaceError, OperationalError):
            self.db.close_all()
        if database_proxy.obj is self.db:  # not a shop already opened again in its place
            database_proxy.initialize(None)
            server_clock.use_this_pc()


_COUNTED_TABLES = frozenset(model._meta.table_name for model in ALL_MODELS
                            if isinstance(model._meta.primary_key, AutoField))


def _table_of_taken_id(exc: BaseException) -> str | None:
    """The table whose id sequence handed out an id its rows already have, if that is what
    refused the row (a primary key of a counted id violated); None for any other refusal."""
    seen: BaseException | None = exc
    for _ in range(5):  # peewee's error holds the driver's as its first argument
        if isinstance(seen, psycopg.errors.UniqueViolation):
            table = seen.diag.table_name or ""
            if table in _COUNTED_TABLES and seen.diag.constraint_name == f"{table}_pkey":
                return table
            return None
        if seen is None:
            return None
        first = seen.args[0] if seen.args else None
        seen = first if isinstance(first, BaseException) else seen.__cause__ or seen.__context__
    return None


def _has_tables(db: Database) -> bool:
    return bool(db.get_tables())


def server_shop_exists(url: str) -> bool:
    db = connect(url)
    try:
        return db.table_exists(KeySlotRecord._meta.table_name)
    finally:
        db.close()


def create_server_shop(data_dir: Path, url: str, shop_name: str, currency: str,
                       owner_name: str, owner_password: str, *,
                       recovery_unconfirmed: bool = False) -> ServerShop:
    """A new shop in an empty database on the server, with its first owner
    (``recovery_unconfirmed``: as ``store.create_shop``)."""
    validate_new_operator(owner_name, owner_password)
    db = connect(url)
    try:
        if _has_tables(db):
            raise ShopExists(path=url)
        database_proxy.initialize(db)
        key = secrets.token_bytes(KEY_BYTES)
        db.column_cipher = ColumnCipher(key)
        with db.atomic():
            migrations.create_schema(db)
            db.create_tables(SERVER_MODELS)
            slots = KeySlotTable(url, secrets.token_hex(16), {})
            slots.set_password(owner_name, owner_password, key)
            recovery_key = slots.set_new_recovery_key(key)
            for name, value in {
                "shop_name": shop_name.strip(),
                "currency": currency.strip().upper() or "CNY",
                "shop_id": slots.shop_id,
                "voucher_key": secrets.token_hex(32),
                "card_key_salt": secrets.token_hex(16),
                **({RECOVERY_UNCONFIRMED: "1"} if recovery_unconfirmed else {}),
            }.items():
                Setting.create(key=name, value=value)
            owner = Operator.create(
                name=owner_name.strip(), slot_name=normalize_operator(owner_name), role="owner")
            slots.save()
        name, currency = shop_identity.read_stored()
    except (DatabaseError, InterfaceError) as exc:
        db.close()
        raise server_error(exc, url) from exc
    except BaseException:
        db.close()
        raise
    log.info("created a shop on the server")
    shop = ServerShop(Path(data_dir), db, owner, slots, key, url=url, recovery_key=recovery_key,
                      name=name, currency=currency)
    shop_identity.read_fixed(shop)
    integrity.bring_forward(shop)
    live_server.watch(shop)
    return shop


def open_server_shop(data_dir: Path, url: str, operator: str, password: str,
                     source: str | None = None) -> ServerShop:
    """Unlock the shop on the server as ``operator``; migrate an older schema. ``source``:
    where the attempt comes from (see ``lockout.login_source``)."""
    return _unlock_server_shop(data_dir, url, operator,
                               lambda slots: slots.unlock(operator, password), source)


def open_server_shop_with_recovery_key(data_dir: Path, url: str, owner: str,
                                       recovery_key: str) -> ServerShop:
    """The shop on the server unlocked by its recovery key, as ``owner``; a wrong key counts
    toward the same lockout as a wrong password."""
    return _unlock_server_shop(data_dir, url, owner,
                               lambda slots: slots.unlock_recovery(recovery_key), None)


def _unlock_server_shop(data_dir: Path, url: str, operator: str,
                        unlock: Callable[[KeySlotTable], bytes],
                        source: str | None) -> ServerShop:
    db = connect(url)
    try:
        database_proxy.initialize(db)
        if not db.table_exists(KeySlotRecord._meta.table_name):
            raise NoShop(path=url)
        slots = KeySlotTable.read(url)
        throttle = ServerLoginThrottle(db)
        source = source or login_source()
        throttle.check(operator, source)
        try:
            key = unlock(slots)
        except WrongPassword:
            throttle.failed(operator, source)
            raise
        failed_logins = throttle.succeeded(operator, source)
        db.column_cipher = ColumnCipher(key)
        found = migrations.migrate(db, guard=_upgrade_guard(db, url))
        row = active_operator(operator, slots.shop_id, url)
        name, currency = shop_identity.read_stored()
        problems = integrity.problems_at_open(data_dir, key, slots.shop_id, anchor_file=False)
    except (DatabaseError, InterfaceError) as exc:
        db.close()
        raise server_error(exc, url) if is_connection_lost(exc) else translate_db_error(
            exc, Path(url)) from exc
    except BaseException:
        db.close()
        raise
    log.info("opened the shop on the server as operator #%s", row.id)
    shop = ServerShop(Path(data_dir), db, row, slots, key, url=url, failed_logins=failed_logins,
                      name=name, currency=currency)
    shop_identity.read_fixed(shop)
    _hold_or_bring_forward(shop, problems)
    live_server.watch(shop)  # and from now on, each new connection (QA s13a F3)
    schema_upgrade.record(shop, found)
    return shop


def _upgrade_guard(db: ServerDatabase, url: str) -> schema_upgrade.ServerGuard:
    """Other sessions of the app refuse an upgrade; this one's own connections do not."""
    facts = server_facts(url)
    return schema_upgrade.ServerGuard(db, db.backend_pids(),
                                      f"{facts['host']}/{facts['database']}")


def _hold_or_bring_forward(shop: ServerShop, problems: list[str]) -> None:
    """This PC's witness against the server's chain: behind it (the server was put back to an
    older dump) holds the shop; otherwise the witness moves up to the head seen now."""
    if problems:
        log.error("integrity hold at open: %s", problems)
        integrity.hold(shop, problems)
    else:
        integrity.bring_forward(shop)
