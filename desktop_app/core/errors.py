"""Errors a user can act on.

Each carries a stable ``code`` and the facts (``params``) a message needs. The words a user
reads live on the Qt side (``desktop_app.messages``), so they can be translated; logs get the
code and params, never secrets.
"""

from __future__ import annotations

from typing import Any


class ShopError(Exception):
    """A failure with a clear cause; never shown as a traceback."""

    code = "error"

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its params, not its message: a refusal raised in another process (a
        pool's worker) arrives as itself, not as a TypeError from ``__init__``."""
        return _rebuilt, (type(self), self.params)


def _rebuilt(cls: type[ShopError], params: dict[str, Any]) -> ShopError:
    return cls(**params)


class NoShop(ShopError):
    code = "no_shop"


class ShopExists(ShopError):
    code = "shop_exists"


class NetworkPathRefused(ShopError):
    code = "network_path"


class DataDirUnusable(ShopError):
    code = "data_dir_unusable"


class CannotWrite(ShopError):
    """A file cannot be written where it was asked for: ``path``, and ``reason`` (read_only,
    no_permission, not_a_folder, or the system error's name: ``fileio.os_reason``)."""

    code = "cannot_write"


class ShopFolderNotWritable(CannotWrite):
    """The shop's own folder is read-only or not ours to write: the shop cannot be opened."""

    code = "shop_folder_not_writable"


class ShopFileNotWritable(CannotWrite):
    """One of the shop's files (``path``) is read-only or not ours to write, in a folder that
    is: nothing could be saved, and the file is not damaged (QA s36b F1: it was called
    damaged, and the owner sent to restore a backup over it)."""

    code = "shop_file_not_writable"


class WrongPassword(ShopError):
    code = "wrong_password"


class UnknownOperator(ShopError):
    code = "unknown_operator"


class OperatorDisabled(ShopError):
    code = "operator_disabled"


class LockedOut(ShopError):
    code = "locked_out"


class KeySlotMissing(ShopError):
    code = "key_slot_missing"


class KeySlotsDamaged(ShopError):
    code = "key_slots_damaged"


class DatabaseCorrupt(ShopError):
    code = "database_corrupt"


class DatabaseLocked(ShopError):
    code = "database_locked"


class DiskFull(ShopError):
    """A disk with no room left. ``folder``: a file written beside the shop (a backup's USB
    stick, an export) whose disk is full. ``shop_folder``: the shop's own disk, and ``during``
    what the shop was doing then (one of ``DISK_FULL_DURING``): a login changed nothing, so it
    must not say "the last change was not saved" (QA s19a F6)."""

    code = "disk_full"


# What a shop was doing when its own disk was full: opening it (a login, any command), making
# it, a change, an action it only notes in its records (an export, a look-up), a backup.
DISK_FULL_DURING = ("open", "create", "change", "record", "backup")


class NotEncrypted(ShopError):
    code = "not_encrypted"


class SchemaTooNew(ShopError):
    code = "schema_too_new"


class Forbidden(ShopError):
    code = "forbidden"


class InvalidInput(ShopError):
    """A value a user typed is not acceptable; ``field`` names it, ``problem`` says why."""

    code = "invalid_input"


class NotFound(ShopError):
    code = "not_found"


class OutOfStock(ShopError):
    code = "out_of_stock"


class InvalidState(ShopError):
    code = "invalid_state"


class ShopInUse(ShopError):
    """The shop is open elsewhere (``by="open"``: another window, counter or command), or a
    restore is replacing it (``by="restore"``)."""

    code = "shop_in_use"


class RestoreNotConfirmed(ShopError):
    """A restore that would lose records was not confirmed."""

    code = "restore_not_confirmed"


class NoRecoveryKey(ShopError):
    """The shop has no recovery key slot (made before recovery keys existed)."""

    code = "no_recovery_key"


class RestoreUnfinished(ShopError):
    """A restore stopped half-way (a crash, a power cut) in the folder ``path``: the shop was
    put back as it was before it (``restore_journal``); the restore is to be run again."""

    code = "restore_unfinished"


class BackupInvalid(ShopError):
    """A backup file that fails its check; ``problem`` says how (damaged, truncated, foreign)."""

    code = "backup_invalid"


class IntegrityHold(ShopError):
    """The shop opened with a problem ``verify`` reports (``problems``): every write is
    refused until an owner restores a good backup or acknowledges (``verify --acknowledge``)."""

    code = "integrity_hold"


def name_database_error(exc: BaseException) -> str:
    """A named problem for any error SQLCipher or SQLite raises while checking."""
    if isinstance(exc, DatabaseCorrupt) and exc.params.get("detail"):  # named already
        return str(exc.params["detail"])
    text = str(exc).lower()
    for needle, name in (("malformed", "database_malformed"), ("not a database", "not_a_database"),
                         ("encrypted", "not_a_database"), ("disk i/o", "io_error"),
                         ("locked", "database_locked"), ("busy", "database_locked"),
                         ("full", "disk_full"), ("no such table", "schema_damaged"),
                         ("no such column", "schema_damaged"), ("corrupt", "database_corrupt")):
        if needle in text:
            return name
    return "database_unreadable"


# --- the shop's PostgreSQL server (several counters) ----------------------------------------


class DatabaseUrlInvalid(ShopError):
    """A ``--database`` value that is not a usable postgresql:// URL; ``problem`` says why."""

    code = "database_url_invalid"


class DatabaseUrlHasPassword(ShopError):
    code = "database_url_has_password"


class ServerUnreachable(ShopError):
    code = "server_unreachable"


class ServerLost(ServerUnreachable):
    """The connection broke while a change was on its way: if the server committed it, it is
    kept (and a retry is refused by the same deciding UPDATE), so nothing happens twice."""

    code = "server_lost"


class ServerIdsBehind(ShopError):
    """A new row's id is already taken: the server's id counters are behind its rows, as
    after a database restored over itself (README, "Several counters"). Nothing was saved."""

    code = "server_ids_behind"


class WriteConflict(ShopError):
    """The server rolled this change back to break a deadlock with another counter's change
    of the same rows (or could not serialise the two): nothing was saved; doing it again
    works. Refunds do it again by themselves (``transactions.retried_on_conflict``)."""

    code = "write_conflict"


class ServerLoginFailed(ShopError):
    code = "server_login_failed"


class ServerDatabaseMissing(ShopError):
    code = "server_database_missing"


class ServerTlsRequired(ShopError):
    code = "server_tls_required"


class ServerCertificate(ShopError):
    """The address asks to check the server's certificate and it could not be vouched for:
    ``problem`` no_root_certificate (``file`` missing here), host_mismatch (the certificate
    is ``named`` for another host than ``host``) or untrusted (QA s43b F10: said as a cable)."""

    code = "server_certificate"


class ServerReadOnly(ShopError):
    """The server takes no changes (a standby after a fail-over, a managed server put
    read-only as its disk filled; SQLSTATE 25006): nothing was changed, nothing is damaged."""

    code = "server_read_only"


class ServerDiskFull(ShopError):
    """The server's own disk is full (SQLSTATE 53100): the change was rolled back."""

    code = "server_disk_full"


class ServerBusy(ShopError):
    """The server is up but has no free connection (SQLSTATE 53300, or its words at login)."""

    code = "server_busy"


class ServerTimedOut(ShopError):
    """The server gave up on a statement that waited too long (statement_timeout or
    lock_timeout; SQLSTATE 57014, 55P03): rolled back, nothing was changed."""

    code = "server_timed_out"


class ServerRefused(ShopError):
    """Any other refusal the server names with a SQLSTATE that is not damage (``sqlstate``,
    e.g. 42501 for a database user without the right): said with its code, never as a shop
    to restore from a backup."""

    code = "server_refused"


class ServerNotEmpty(ShopError):
    code = "server_not_empty"


class ServerBackupElsewhere(ShopError):
    """The app's one-file backup is of the embedded file; a server is backed up with pg_dump."""

    code = "server_backup_elsewhere"


class ShopMoved(ShopError):
    """``migrate-to`` moved this folder's shop to a server (``host``, ``database``, ``url``,
    never a password), or a final backup to another computer (``kind`` computer, ``backup``,
    ``at``): the folder is kept for reading, and every change is refused."""

    code = "shop_moved"
