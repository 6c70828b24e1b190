"""Open and create the encrypted shop database.

SQLCipher 4 through peewee's ``SqlCipherDatabase``, keyed with a random 256-bit key that the
operator's password unwraps from a key slot (see ``keyslots``). Opened late, after login.
``Shop`` is the open shop every service takes; connecting to the file lives in
``file_connection``, write transactions and the meaning of database errors in
``transactions``, the server's engine in ``pg``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from peewee import Database, DatabaseError, OperationalError, SqliteDatabase

from desktop_app.core import (
    anchor,
    damage,
    integrity,
    live_files,
    live_server,
    lost_copy,
    migrations,
    restore_journal,
    schema_upgrade,
    shop_identity,
    shoplock,
    witness_sync,
)
from desktop_app.core.anchor import ANCHOR_FILE, Head
from desktop_app.core.errors import (
    IntegrityHold,
    NoShop,
    ShopError,
    ShopExists,
    ShopFileNotWritable,
    ShopMoved,
    WrongPassword,
)
from desktop_app.core.file_connection import DEFAULT_BUSY_TIMEOUT_MS, connect_file, remove_half_made
from desktop_app.core.fileio import check_opens_for_writing, remove_stale_temporaries
from desktop_app.core.keyslots import (
    KEY_BYTES,
    RECOVERY_UNCONFIRMED,
    KeySlotFile,
    normalize_operator,
    validate_new_operator,
)
from desktop_app.core.lockout import LoginThrottle, login_source
from desktop_app.core.models import Operator, Setting, database_proxy
from desktop_app.core.moved_shop import recorded_move
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE, prepare_data_dir
from desktop_app.core.restore_notice import RestoreNotice, tell_at_open
from desktop_app.core.session_redeemed import ReplacedSession
from desktop_app.core.still_active import active_operator, require_still_active
from desktop_app.core.transactions import begin_immediate, translate_db_error

log = logging.getLogger(__name__)

# The files a shop writes as it works, each checked writable before it opens.
SHOP_FILES = (DATABASE_FILE, f"{DATABASE_FILE}-wal", f"{DATABASE_FILE}-shm", KEYSLOTS_FILE,
              ANCHOR_FILE)


@dataclass
class Shop:
    """An open shop: its database, the operator acting, and the slots that unlock it."""

    data_dir: Path
    db: Database
    operator: Operator
    slots: KeySlotFile
    database_key: bytes = field(repr=False)
    # What the witnesses or verify found ("anchor: rolled_back"...): while any is here, the
    # shop is on hold and refuses every write (contract: integrity hold).
    integrity_problems: list[str] = field(default_factory=list)
    # The newest event this session wrote, until the witnesses outside vouch for it.
    pending_head: Head | None = field(default=None, repr=False)
    # Where ``migrate-to`` moved this folder's shop (see ``moved_shop``): then read-only.
    moved_to: dict[str, str] | None = None
    # The embedded file's files as opened, checked before each write (see ``live_files``).
    opened_files: live_files.OpenedFiles | None = field(default=None, repr=False)
    # Its files found replaced: what this session had since it opened (``session_redeemed``).
    replaced: ReplacedSession | None = field(default=None, repr=False)

    @property
    def integrity_problem(self) -> str | None:
        """The first problem's code ("rolled_back"...), None when the shop is not held."""
        return integrity.problem_code(self.integrity_problems[0]) if self.integrity_problems \
            else None

    @integrity_problem.setter
    def integrity_problem(self, code: str | None) -> None:
        self.integrity_problems = [f"anchor: {code}"] if code else []

    @property
    def audit_dirty(self) -> bool:
        return self.pending_head is not None

    def require_writable(self) -> None:
        if self.moved_to is not None:
            raise ShopMoved(**self.moved_to)
        if self.integrity_problems:
            raise IntegrityHold(problem=self.integrity_problem, **live_server.hold_facts(self),
                                problems="; ".join(self.integrity_problems[:5]))
    # Held while open: a restore is refused meanwhile (see core.shoplock).
    lock: shoplock.ShopLock | None = field(default=None, repr=False)
    # Failed logins as this operator since their last login, all sources (told after login).
    failed_logins: int = 0
    # Only right after create_shop: the recovery key, shown once and never stored in the clear.
    recovery_key: str | None = field(default=None, repr=False)
    # A restore that had stopped half-way, settled at or before this open: to tell (QA s12e).
    restore_notice: RestoreNotice | None = None
    upgraded_from: int = 0  # the data format this open upgraded (told once: QA s19b F7)
    # Read at open and kept as they change (see ``shop_identity``): the GUI thread reads them.
    name: str = field(default="", repr=False)  # out of logs
    currency: str = shop_identity.DEFAULT_CURRENCY

    def reload_slots(self) -> KeySlotFile:
        """The key slots as stored now: another counter may have changed them."""
        self.slots = self.slots.reload()
        return self.slots

    def login_throttle(self) -> LoginThrottle:
        """Where this shop counts failed logins (a file here; a table on a server)."""
        return LoginThrottle(self.data_dir)

    def open_again(self, operator: str, password: str, source: str | None = None) -> Shop:
        """A new session on the same shop as another (or the same) operator; ``source``: where
        the attempt comes from (see ``lockout.login_source``)."""
        return open_shop(self.data_dir, operator, password, source=source)

    def translate_error(self, exc: Exception, during: str = "change") -> ShopError:
        """The meaning of a database error of this shop's engine, ``during`` (see DiskFull)."""
        return translate_db_error(exc, self.data_dir / DATABASE_FILE, during)

    @property
    def is_owner(self) -> bool:
        return self.operator.role == "owner"

    def setting(self, key: str, default: str = "") -> str:
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write():
            put_setting(key, value)

    @property
    def shop_id(self) -> str:
        return self.slots.shop_id  # open_shop checked it against the database's own

    @functools.cached_property
    def voucher_key(self) -> str:
        """The secret that tags QR payloads; set at creation, never changed: read once."""
        return self.setting("voucher_key")

    @functools.cached_property
    def card_key_salt(self) -> bytes:
        return bytes.fromhex(self.setting("card_key_salt"))

    @contextlib.contextmanager
    def write(self, *, evidence_only: bool = False,
              operator_checked: bool = False) -> Iterator[None]:
        """A write transaction: ``BEGIN IMMEDIATE`` on SQLite so writers queue, not deadlock.

        Refused while the shop is held, except ``evidence_only``: the audit event of a read
        (a backup, an export) or of the acknowledgement. Those never move a witness. Any is
        refused once the operator was disabled since login, unless the caller's own statement
        checks that (``operator_checked``: a redemption's deciding UPDATE)."""
        outermost = not self.db.in_transaction()
        changing = outermost and not evidence_only
        if changing:
            self.require_writable()
        try:
            serial = isinstance(self.db, SqliteDatabase) and outermost
            with (shop_identity.kept(self, outermost),  # outside: kept once committed
                  begin_immediate(self.db) if serial else self.db.atomic()):
                if serial:  # before any change: still the folder's files?
                    live_files.require_same(self)
                elif changing:  # a server's new connection was checked as it opened
                    self.require_writable()
                if outermost and not operator_checked:  # evidence too: an acknowledgement
                    require_still_active(self)
                yield
        except (DatabaseError, OperationalError) as exc:
            self.pending_head = None  # rolled back: that event is not in the chain
            if "constraint" in str(exc).lower():
                raise
            raise self.translate_error(exc, "record" if evidence_only else "change") from exc
        except BaseException:
            if outermost:
                self.pending_head = None
                lost_copy.keep_if_due(self)  # files replaced: after the rollback, once
            raise
        if outermost and self.pending_head is not None:
            self._write_witnesses(self.pending_head)

    def _write_witnesses(self, head: Head) -> None:
        """After a commit: the change is saved, so a failure here (a full disk) must not tell
        the caller it failed. A witness left behind the chain still checks out (its head is
        in the chain); the next commit tries again. A held or moved shop moves no witness."""
        if self.integrity_problems or self.moved_to is not None:
            self.pending_head = None
            return
        try:
            integrity.after_commit(self, head)
        except anchor.WitnessForked as exc:  # committed into a file not the folder's
            self.pending_head = None
            live_files.hold_forked(self, "anchor" if exc.is_anchor else "witness")
            live_files.require_same(self)
        except OSError as exc:
            log.warning("could not update the audit anchor: %s", type(exc).__name__)
            return
        if self.pending_head == head:
            self.pending_head = None

    def close(self) -> None:
        if not self.db.is_closed():
            with contextlib.suppress(DatabaseError, OperationalError):
                self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)
        witness_sync.flush()  # a closed shop's witnesses are on the disk
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Shop:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def put_setting(key: str, value: str) -> None:
    """Insert or overwrite one setting; portable (``REPLACE`` is SQLite's alone)."""
    (Setting.insert(key=key, value=value)
     .on_conflict(conflict_target=[Setting.key], update={Setting.value: value}).execute())
    shop_identity.note_written(key, value)  # kept by the shop once its write commits


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DATABASE_FILE


def shop_exists(data_dir: Path) -> bool:
    data_dir = Path(data_dir)
    return ((data_dir / KEYSLOTS_FILE).exists() or (data_dir / DATABASE_FILE).exists()
            or restore_journal.pending(data_dir))  # a shop a restore stopped half-way in


def create_shop(
    data_dir: Path,
    shop_name: str,
    currency: str,
    owner_name: str,
    owner_password: str,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    *,
    recovery_unconfirmed: bool = False,
) -> Shop:
    """Create a new encrypted shop with its first owner; refuse if one is already there.
    ``recovery_unconfirmed``: the recovery key is about to be shown and awaits the owner's
    confirmation (the app's setup); a command line prints it, and that is all it can do."""
    validate_new_operator(owner_name, owner_password)
    data_dir = prepare_data_dir(data_dir, create=True)
    if shop_exists(data_dir):
        raise ShopExists(path=str(data_dir))
    key = secrets.token_bytes(KEY_BYTES)
    slots = KeySlotFile.new(data_dir / KEYSLOTS_FILE)
    slots.set_password(owner_name, owner_password, key)
    recovery_key = slots.set_new_recovery_key(key)
    db_path = data_dir / DATABASE_FILE
    lock = shoplock.hold_open(data_dir)
    try:
        db = connect_file(db_path, key, busy_timeout_ms, new=True)
    except BaseException:
        remove_half_made(data_dir, slots.path)  # its first page made it on a full disk
        lock.release()
        raise
    try:
        database_proxy.initialize(db)
        migrations.create_schema(db)
        with db.atomic():
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
                name=owner_name.strip(), slot_name=normalize_operator(owner_name), role="owner"
            )
        slots.save()
        anchor.write_anchor(data_dir, key)
        shop = Shop(data_dir, db, owner, slots, key, lock=lock, recovery_key=recovery_key)
        shop_identity.reread(shop_identity.read_fixed(shop))
        live_files.remember(shop, None)
        damage.watch(shop)  # the first damaged page met holds the shop (QA s19a F4)
        integrity.bring_forward(shop)
    except BaseException as exc:
        db.close()
        remove_half_made(data_dir, slots.path)
        lock.release()
        if isinstance(exc, DatabaseError | OperationalError):  # a full disk (QA s10a F4)
            raise translate_db_error(exc, db_path, "create") from exc
        raise
    log.info("created a shop")
    return shop


def open_shop(
    data_dir: Path,
    operator: str,
    password: str,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    source: str | None = None,
) -> Shop:
    """Unlock the shop in ``data_dir`` as ``operator``; migrate an older schema. ``source``:
    where the attempt comes from, for the limit on guessing (see ``lockout.login_source``)."""
    data_dir = prepare_data_dir(data_dir, create=False)
    restore_journal.settle(data_dir)
    db_path = data_dir / DATABASE_FILE
    if not db_path.exists() and not (data_dir / KEYSLOTS_FILE).exists():
        raise NoShop(path=str(data_dir))
    slots = KeySlotFile.load(data_dir / KEYSLOTS_FILE)
    throttle = LoginThrottle(data_dir)
    source = source or login_source()
    throttle.check(operator, source)
    try:
        key = slots.unlock(operator, password)
    except WrongPassword:
        throttle.failed(operator, source)
        raise
    failed_logins = throttle.succeeded(operator, source)
    return open_with_key(data_dir, slots, key, operator, busy_timeout_ms,
                         failed_logins=failed_logins)


def open_with_key(data_dir: Path, slots: KeySlotFile, key: bytes, operator: str,
                  busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, failed_logins: int = 0
                  ) -> Shop:
    """Open the shop with a database key already unlocked (by a password or the recovery
    key) as ``operator``, who must be an active operator of it."""
    restore_journal.settle(data_dir, key)
    db_path = data_dir / DATABASE_FILE
    if not db_path.exists() or db_path.stat().st_size == 0:
        # Beside existing key slots: never let SQLite start a new, empty shop here. Nothing
        # can be read either; restoring a backup is the way out.
        raise IntegrityHold(problem="database_missing", problems="database: missing",
                            path=str(db_path))
    lock = shoplock.hold_open(data_dir)  # a read-only folder is said as such, first
    try:
        check_opens_for_writing((data_dir / name for name in SHOP_FILES), ShopFileNotWritable)
        remove_stale_temporaries(data_dir)
        before_connect = live_files.identity(db_path)
        db = connect_file(db_path, key, busy_timeout_ms)
    except BaseException:
        lock.release()
        raise
    try:
        database_proxy.initialize(db)
        found = migrations.migrate(db, guard=schema_upgrade.FolderGuard(lock, data_dir, db))
        row = active_operator(operator, slots.shop_id, str(db_path))
        name, currency = shop_identity.read_stored()
        moved = recorded_move()
        problems = integrity.problems_at_open(data_dir, key, slots.shop_id,
                                              witnesses=moved is None)
    except (DatabaseError, OperationalError) as exc:
        db.close()
        lock.release()
        raise translate_db_error(exc, db_path, "open") from exc
    except BaseException:
        db.close()
        lock.release()
        raise
    log.info("opened the shop as operator #%s", row.id)
    shop = shop_identity.read_fixed(Shop(data_dir, db, row, slots, key, lock=lock, moved_to=moved,
                                         failed_logins=failed_logins, name=name, currency=currency))
    live_files.remember(shop, before_connect)
    damage.watch(shop)
    if problems:
        log.error("integrity hold at open: %s", problems)
        integrity.hold(shop, problems)
    elif moved is None and not shop.integrity_problems:  # a moved folder's follow the server
        integrity.bring_forward(shop)
    schema_upgrade.record(shop, found)
    shop.restore_notice = tell_at_open(shop)
    return shop


def reopen_shop(shop: Shop) -> Shop:
    """Bind the models to ``shop`` again after ``close()``, without a password: its database
    object still holds the key, and each thread reconnects on first use. For a restore the
    backup refused after the shop had been closed for it: the shop goes on as before."""
    if shop.lock is None or not shop.lock.held:
        shop.lock = shoplock.hold_open(shop.data_dir)
    if shop.opened_files is not None:  # a -wal deleted by the close is made again: new
        shop.opened_files = dataclasses.replace(shop.opened_files, wal=None)
    database_proxy.initialize(shop.db)
    return shop
