"""The words a user reads for each ``ShopError``: what happened and what to do about it.

Core raises errors with a stable ``code`` and ``params`` and never speaks to users; the texts
live here so Qt Linguist can translate them (context ``errors``). ``QT_TRANSLATE_NOOP`` marks a
string for ``lupdate`` without translating it at import time, before a translator is loaded.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import Any

from desktop_app.core.errors import InvalidInput, ShopError
from desktop_app.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

CONTEXT = "errors"

ERROR_TEXTS: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP(
        "errors", "Something went wrong. The details were written to the log file."),
    "no_shop": QT_TRANSLATE_NOOP(
        "errors", "There is no shop in the folder {path} yet. Create a shop, or start Voucher "
        "Shop with the folder that holds your shop."),
    "shop_exists": QT_TRANSLATE_NOOP(
        "errors", "A shop already exists in the folder {path}. Log in to it instead, or choose "
        "an empty folder for a new shop."),
    "network_path": QT_TRANSLATE_NOOP(
        "errors", "The folder {path} is on a network share. The shop's database (SQLite with a "
        "write-ahead log) needs the locking of a local disk and can be damaged on a network "
        "drive. Choose a folder on this computer's own disk. For several counters sharing one "
        "shop, use a PostgreSQL server instead of a shared file."),
    "data_dir_unusable": QT_TRANSLATE_NOOP(
        "errors", "The folder {path} cannot be used ({reason}). Check that it exists and that "
        "you may write to it, or choose another folder."),
    "wrong_password": QT_TRANSLATE_NOOP(
        "errors", "Wrong password. Check Caps Lock and the keyboard language, then try again."),
    "unknown_operator": QT_TRANSLATE_NOOP(
        "errors", "There is no operator named “{operator}” in this shop. Check the spelling, or "
        "ask the owner to add you."),
    "key_slot_missing": QT_TRANSLATE_NOOP(
        "errors", "There is no operator named “{operator}” in this shop. Check the spelling, or "
        "ask the owner to add you."),
    "operator_disabled": QT_TRANSLATE_NOOP(
        "errors", "The operator “{operator}” has been disabled. Ask the shop owner to enable it "
        "again."),
    "locked_out": QT_TRANSLATE_NOOP(
        "errors", "Too many wrong passwords for this operator. Wait a few minutes, then try "
        "again, or ask the owner to reset the password."),
    "key_slots_damaged": QT_TRANSLATE_NOOP(
        "errors", "The key file of this shop ({path}) is damaged, so nobody can unlock the shop. "
        "Restore your latest backup, which includes the key file. Do not create a new shop "
        "over it."),
    "database_corrupt": QT_TRANSLATE_NOOP(
        "errors", "The shop's database ({path}) is damaged or is not a Voucher Shop database. "
        "Restore your latest backup, and keep the damaged file: do not delete it."),
    "integrity_hold": QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's records "
        "could not be vouched for ({problems}). The owner restores the latest good backup, or "
        "checks the shop (verify) and acknowledges what was found."),
    "database_url_invalid": QT_TRANSLATE_NOOP(
        "errors", "The database address {url} cannot be used. Write it as "
        "postgresql://USER@HOST:PORT/DATABASE (optionally ?sslmode=require)."),
    "database_url_has_password": QT_TRANSLATE_NOOP(
        "errors", "The database address contains a password, which other programs on this "
        "computer could read. Remove it from the address and put it in the PGPASSWORD "
        "variable or the .pgpass file instead."),
    "server_unreachable": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} cannot be reached. Check the network cable or Wi-Fi "
        "and that the server is switched on; nothing was changed."),
    "server_lost": QT_TRANSLATE_NOOP(
        "errors", "The connection to the shop's server {host} broke while this was being saved. "
        "Look the voucher up (Show) before trying again: if the server kept it, it shows there, "
        "and nothing is ever taken twice."),
    "server_login_failed": QT_TRANSLATE_NOOP(
        "errors", "The shop's server refused the login of database user {user}: the password in "
        "PGPASSWORD or the .pgpass file is wrong or missing."),
    "server_database_missing": QT_TRANSLATE_NOOP(
        "errors", "The shop's server has no database named {database}. Check the name in the "
        "address, or ask whoever set up the server to create it."),
    "server_tls_required": QT_TRANSLATE_NOOP(
        "errors", "The shop's server and this computer disagree about encryption (TLS): the "
        "server asks for it, or the address asks for it and the server does not offer it. "
        "Set sslmode=require in the address, or ask whoever set up the server."),
    "server_backup_elsewhere": QT_TRANSLATE_NOOP(
        "errors", "This shop lives on a server: back it up on the server with pg_dump (see the "
        "README, \"Several counters\"), not from a counter PC."),
    "server_not_empty": QT_TRANSLATE_NOOP(
        "errors", "The database {url} is not empty. Copy the shop only into a new, empty "
        "database, so nothing there is overwritten."),
    "database_locked": QT_TRANSLATE_NOOP(
        "errors", "Another program is using the shop file: another copy of Voucher Shop, a "
        "backup tool or an antivirus scan. Close it, then try again."),
    "disk_full": QT_TRANSLATE_NOOP(
        "errors", "The disk is full. Nothing already saved was lost, but the last change was not "
        "saved. Free some disk space, then do it again."),
    "not_encrypted": QT_TRANSLATE_NOOP(
        "errors", "This installation lacks the encryption library, so the shop cannot be opened "
        "safely. Reinstall Voucher Shop."),
    "schema_too_new": QT_TRANSLATE_NOOP(
        "errors", "This shop was saved by a newer version of Voucher Shop. Install that version "
        "or a later one to open it."),
    "forbidden": QT_TRANSLATE_NOOP(
        "errors", "Only the shop owner may do this. Ask the owner to log in and do it."),
    "invalid_input": QT_TRANSLATE_NOOP("errors", "{field}: {problem}"),
    "not_found": QT_TRANSLATE_NOOP(
        "errors", "{what} not found. It may have been removed, or the number is wrong."),
    "out_of_stock": QT_TRANSLATE_NOOP(
        "errors", "Not enough stock of “{product}”: {available} left, {wanted} wanted. Restock "
        "it or sell fewer."),
    "invalid_state": QT_TRANSLATE_NOOP(
        "errors", "This cannot be done now: the {what} is {state}. Refresh the list and check "
        "it."),
    "shop_in_use": QT_TRANSLATE_NOOP(
        "errors", "The shop is open in another window, at another counter or in a command "
        "({path}). Close it there first, then try again."),
    "restore_not_confirmed": QT_TRANSLATE_NOOP(
        "errors", "Nothing was restored; the shop is unchanged."),
    "no_recovery_key": QT_TRANSLATE_NOOP(
        "errors", "This shop was made before recovery keys existed, so it has none."),
    "backup_invalid": QT_TRANSLATE_NOOP(
        "errors", "This backup file fails its check, so nothing was restored and the shop is "
        "unchanged. Choose another backup."),
}

# ``BackupInvalid`` says how the file failed; nothing is ever restored from such a file.
BACKUP_PROBLEM_TEXTS: dict[str, str] = {
    "unreadable": QT_TRANSLATE_NOOP(
        "errors", "The backup file {path} cannot be read. Check that it is still there and "
        "that you may open it."),
    "not_a_backup": QT_TRANSLATE_NOOP(
        "errors", "The file {path} is not a Voucher Shop backup. Nothing was restored."),
    "damaged": QT_TRANSLATE_NOOP(
        "errors", "The backup file {path} is damaged or incomplete, so nothing was restored and "
        "the shop is unchanged. Use another backup."),
    "foreign": QT_TRANSLATE_NOOP(
        "errors", "The backup {path} belongs to another shop, so it was not restored here."),
}

# What ``Shop.integrity_problem`` reports when a shop opens: the audit chain's head, kept
# outside the database, no longer matches the database.
INTEGRITY_TEXTS: dict[str, str] = {
    "rolled_back": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is stopped: the shop's records are older than the last ones saved "
        "on this computer or beside a backup, so an old copy of the database may have been put "
        "back. The owner restores the latest good backup, or checks the shop (Admin → Verify) "
        "and acknowledges what was found."),
    "anchor_missing": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is stopped: the file that vouches for the shop's records is "
        "missing, so a rollback of the database cannot be ruled out. The owner restores the "
        "latest good backup, or checks the shop (Admin → Verify) and acknowledges what was "
        "found."),
    "anchor_damaged": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is stopped: the file that vouches for the shop's records is "
        "damaged, so a rollback of the database cannot be ruled out. The owner restores the "
        "latest good backup, or checks the shop (Admin → Verify) and acknowledges what was "
        "found."),
}
UNKNOWN_INTEGRITY_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Redeeming is stopped: the shop's records could not be vouched for. The owner "
    "restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges "
    "what was found.")

# Said instead when the error lacks the fact the fuller text names.
FALLBACK_TEXTS: dict[str, tuple[str, str]] = {
    "out_of_stock": ("available", QT_TRANSLATE_NOOP(
        "errors", "Not enough stock. Restock the product or sell fewer.")),
    "invalid_state": ("state", QT_TRANSLATE_NOOP(
        "errors", "This cannot be done in its current state. Refresh the list and check it.")),
    "not_found": ("what", QT_TRANSLATE_NOOP(
        "errors", "Not found. It may have been removed, or the number is wrong.")),
}

UNEXPECTED_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Something went wrong, and the last action may not have finished. The details "
    "were written to the log file. If it happens again, restart Voucher Shop.")

# Why a typed value was refused; short enough to stand beside the field.
PROBLEM_TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "Required."),
    "too_short": QT_TRANSLATE_NOOP("errors", "Too short: use at least {minimum} characters."),
    "too_long": QT_TRANSLATE_NOOP("errors", "Too long: use at most {maximum} characters."),
    "control_characters": QT_TRANSLATE_NOOP(
        "errors", "Remove the line breaks, tabs or control characters."),
    "inside_shop": QT_TRANSLATE_NOOP(
        "errors", "Choose a file outside the shop's folder: a backup there would overwrite "
        "the shop or be replaced with it."),
    "mistyped": QT_TRANSLATE_NOOP(
        "errors", "This is not the recovery key: check it for a typo (7 groups of 4)."),
    "bad_name": QT_TRANSLATE_NOOP(
        "errors", "Use at most 64 characters, without line breaks or control characters."),
    "taken": QT_TRANSLATE_NOOP("errors", "Already taken. Choose another name."),
    "duplicate_name": QT_TRANSLATE_NOOP(
        "errors", "A product called “{name}” already exists. Choose another name."),
    "duplicate_archived_name": QT_TRANSLATE_NOOP(
        "errors", "An archived product is called “{name}”. Restore it, or choose another name."),
    "choice": QT_TRANSLATE_NOOP("errors", "Choose one of: {choices}."),
    "not_a_number": QT_TRANSLATE_NOOP("errors", "Not a number."),
    "negative": QT_TRANSLATE_NOOP("errors", "Cannot be negative."),
    "too_many_decimals": QT_TRANSLATE_NOOP("errors", "Use at most two decimal places."),
    "too_large": QT_TRANSLATE_NOOP("errors", "Too large."),
    "out_of_range": QT_TRANSLATE_NOOP("errors", "Must be between {low} and {high}."),
    "cardkey_stock": QT_TRANSLATE_NOOP(
        "errors", "Card-key products count their stock from imported keys; leave it empty."),
    "before_start": QT_TRANSLATE_NOOP("errors", "Must be later than the start."),
    "below_minimum": QT_TRANSLATE_NOOP("errors", "Must not be shorter than the shortest."),
    "not_cardkey": QT_TRANSLATE_NOOP("errors", "This product does not sell card keys."),
    "archived": QT_TRANSLATE_NOOP("errors", "This product is archived and no longer sold."),
    "mismatch": QT_TRANSLATE_NOOP("errors", "The two passwords do not match."),
    "bad_currency": QT_TRANSLATE_NOOP("errors", "Use a three-letter currency code, like CNY."),
    "format": QT_TRANSLATE_NOOP("errors", "Use a file name ending in {allowed}."),
    "no_folder": QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."),
    "not_service": QT_TRANSLATE_NOOP(
        "errors", "Only service products and gift cards can be issued in a batch."),
    "unreadable": QT_TRANSLATE_NOOP("errors", "The file cannot be read."),
    "not_utf8": QT_TRANSLATE_NOOP(
        "errors", "The file is not UTF-8 text. Save it as UTF-8 (for a spreadsheet: CSV UTF-8) "
        "and try again."),
    "giftcard_only": QT_TRANSLATE_NOOP("errors", "Only gift cards carry a value."),
    "not_positive": QT_TRANSLATE_NOOP("errors", "Must be more than zero."),
    "folder_missing": QT_TRANSLATE_NOOP(
        "errors", "The folder {path} is not there. Is the USB stick or backup disk plugged in?"),
}
UNKNOWN_PROBLEM_TEXT = QT_TRANSLATE_NOOP("errors", "Not accepted.")

# The ``field`` of an ``InvalidInput``, as a form labels it.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "password": QT_TRANSLATE_NOOP("errors", "Password"),
    "role": QT_TRANSLATE_NOOP("errors", "Role"),
    "shop_name": QT_TRANSLATE_NOOP("errors", "Shop name"),
    "currency": QT_TRANSLATE_NOOP("errors", "Currency"),
    "kind": QT_TRANSLATE_NOOP("errors", "Kind"),
    "price": QT_TRANSLATE_NOOP("errors", "Price"),
    "uses": QT_TRANSLATE_NOOP("errors", "Uses per voucher"),
    "valid_days": QT_TRANSLATE_NOOP("errors", "Valid for (days)"),
    "valid_from": QT_TRANSLATE_NOOP("errors", "Valid from"),
    "valid_until": QT_TRANSLATE_NOOP("errors", "Valid until"),
    "stock": QT_TRANSLATE_NOOP("errors", "Stock"),
    "reusable_key": QT_TRANSLATE_NOOP("errors", "Reusable key"),
    "key_min_length": QT_TRANSLATE_NOOP("errors", "Shortest key"),
    "key_max_length": QT_TRANSLATE_NOOP("errors", "Longest key"),
    "key_alphabet": QT_TRANSLATE_NOOP("errors", "Key characters"),
    "product": QT_TRANSLATE_NOOP("errors", "Product"),
    "items": QT_TRANSLATE_NOOP("errors", "Items"),
    "quantity": QT_TRANSLATE_NOOP("errors", "Quantity"),
    "count": QT_TRANSLATE_NOOP("errors", "Count"),
    "method": QT_TRANSLATE_NOOP("errors", "Payment method"),
    "status": QT_TRANSLATE_NOOP("errors", "Status"),
    "customer": QT_TRANSLATE_NOOP("errors", "Customer"),
    "code": QT_TRANSLATE_NOOP("errors", "Voucher code"),
    "file": QT_TRANSLATE_NOOP("errors", "File"),
    "out": QT_TRANSLATE_NOOP("errors", "Output file"),
    "layout": QT_TRANSLATE_NOOP("errors", "Layout"),
    "to": QT_TRANSLATE_NOOP("errors", "Last day"),
    "backup_folder": QT_TRANSLATE_NOOP("errors", "Backup folder"),
    "value": QT_TRANSLATE_NOOP("errors", "Value"),
    "amount": QT_TRANSLATE_NOOP("errors", "Amount"),
    "pin": QT_TRANSLATE_NOOP("errors", "PIN"),
    "recovery_key": QT_TRANSLATE_NOOP("errors", "Recovery key"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
    "station": QT_TRANSLATE_NOOP("errors", "Station"),
    "address_line": QT_TRANSLATE_NOOP("errors", "Address / phone"),
    "voucher_note": QT_TRANSLATE_NOOP("errors", "Note on vouchers"),
    "threshold": QT_TRANSLATE_NOOP("errors", "Low-stock warning"),
    "report": QT_TRANSLATE_NOOP("errors", "Report"),
    "by": QT_TRANSLATE_NOOP("errors", "Group by"),
}

SHOP_BEING_RESTORED_TEXT = QT_TRANSLATE_NOOP(
    "errors", "A backup is being restored into this shop ({path}). Try again in a moment.")

# The ``what`` of ``NotFound`` and ``InvalidState``.
THING_LABELS: dict[str, str] = {
    "product": QT_TRANSLATE_NOOP("errors", "product"),
    "order": QT_TRANSLATE_NOOP("errors", "order"),
    "voucher": QT_TRANSLATE_NOOP("errors", "voucher"),
    "operator": QT_TRANSLATE_NOOP("errors", "operator"),
    "card_key": QT_TRANSLATE_NOOP("errors", "card key"),
    "redemption": QT_TRANSLATE_NOOP("errors", "redemption"),
    "backup": QT_TRANSLATE_NOOP("errors", "backup"),
    "giftcard": QT_TRANSLATE_NOOP("errors", "gift card"),
}

# The ``state`` of ``InvalidState``: order statuses and redemption states.
STATE_LABELS: dict[str, str] = {
    "unpaid": QT_TRANSLATE_NOOP("errors", "unpaid"),
    "paid": QT_TRANSLATE_NOOP("errors", "paid"),
    "refunded": QT_TRANSLATE_NOOP("errors", "refunded"),
    "cancelled": QT_TRANSLATE_NOOP("errors", "cancelled"),
    "undone": QT_TRANSLATE_NOOP("errors", "already undone"),
    "not_undoable": QT_TRANSLATE_NOOP("errors", "not one that can be undone"),
    "last_owner": QT_TRANSLATE_NOOP("errors", "the shop's last owner"),
    "used": QT_TRANSLATE_NOOP("errors", "already used"),
    "unsold": QT_TRANSLATE_NOOP("errors", "not sold"),
    "sold": QT_TRANSLATE_NOOP("errors", "sold"),
    "faulty": QT_TRANSLATE_NOOP("errors", "marked faulty"),
    "stock_changed": QT_TRANSLATE_NOOP("errors", "changed by a sale since you opened it"),
    "not_usable": QT_TRANSLATE_NOOP("errors", "void, expired or not paid"),
    "spent": QT_TRANSLATE_NOOP("errors", "already spent"),
    "cashout_over_limit": QT_TRANSLATE_NOOP(
        "errors", "empty, or holding more than may be paid out in cash"),
    "pin_locked": QT_TRANSLATE_NOOP("errors", "locked after too many wrong PINs; try later"),
}


def _in_context(text: str) -> str:
    return translate(CONTEXT, text)


class _Params(dict[str, Any]):
    """Fills a placeholder the error did not provide with nothing instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _fill(template: str, params: Mapping[str, Any]) -> str:
    try:
        return _in_context(template).format_map(_Params(params))
    except (ValueError, IndexError, AttributeError):
        # A translation with a broken placeholder must still say something useful.
        log.warning("bad placeholder in translation of %r", template)
        return _in_context(template)


def _label(table: Mapping[str, str], key: object) -> str:
    text = table.get(str(key))
    return _in_context(text) if text else str(key)


def field_label(field: str) -> str:
    """The name a form gives ``field``; the raw name when this table does not know it."""
    return _label(FIELD_LABELS, field)


def problem_message(problem: str, /, **params: Any) -> str:
    """Why a value was refused, short enough to stand beside its field."""
    return _fill(PROBLEM_TEXTS.get(problem, UNKNOWN_PROBLEM_TEXT), params)


def unexpected_error_message() -> str:
    """For a failure that is not a ``ShopError``: a bug, reported without its traceback."""
    return _in_context(UNEXPECTED_TEXT)


def _display_params(exc: ShopError) -> dict[str, Any]:
    params = dict(exc.params)
    if "what" in params:
        params["what"] = _label(THING_LABELS, params["what"])
    if "state" in params:
        params["state"] = _label(STATE_LABELS, params["state"])
    if "choices" in params:
        params["choices"] = ", ".join(str(params["choices"]).split(","))
    return params


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _locked_out_message(params: Mapping[str, Any]) -> str | None:
    try:
        seconds = int(params.get("seconds") or 0)
    except (TypeError, ValueError):
        return None
    if seconds <= 0:
        return None
    # No %n plurals: pyside6-lupdate drops them from Python sources. Waits are 30 s or more.
    if seconds < 90:
        return translate(
            "errors", "Too many wrong passwords. Wait {seconds} seconds, then try again."
        ).format(seconds=seconds)
    return translate(
        "errors", "Too many wrong passwords. Wait {minutes} minutes, then try again, or ask "
        "the owner to reset the password.").format(minutes=math.ceil(seconds / 60))


def integrity_message(problem: str) -> str:
    """The warning for a shop that opened but whose records could not be vouched for."""
    return _in_context(INTEGRITY_TEXTS.get(problem, UNKNOWN_INTEGRITY_TEXT))


def error_message(exc: ShopError) -> str:
    """What a user reads for ``exc``: what happened and what to do next."""
    params = _display_params(exc)
    if exc.code == "locked_out":
        waited = _locked_out_message(params)
        if waited:
            return waited
    if exc.code == "shop_in_use" and params.get("by") == "restore":
        return _fill(SHOP_BEING_RESTORED_TEXT, params)
    if exc.code == "backup_invalid" and params.get("path"):
        how = BACKUP_PROBLEM_TEXTS.get(str(params.get("problem")))
        if how:
            return _fill(how, params)
    if isinstance(exc, InvalidInput):
        problem = problem_message(str(params.get("problem", "")), **params)
        return _fill(ERROR_TEXTS["invalid_input"],
                     {"field": field_label(str(params.get("field", ""))), "problem": problem})
    template = ERROR_TEXTS.get(exc.code)
    if template is None:
        log.warning("no message for error code %s", exc.code)
        template = ERROR_TEXTS["error"]
    needed, fallback = FALLBACK_TEXTS.get(exc.code, ("", ""))
    if needed and params.get(needed) in (None, ""):
        template = fallback
    return _capitalized(_fill(template, params))


ROLE_LABELS: dict[str, str] = {
    "owner": QT_TRANSLATE_NOOP("roles", "Owner"),
    "clerk": QT_TRANSLATE_NOOP("roles", "Clerk"),
}


def role_label(role: str) -> str:
    """An operator's role as people say it: Owner, Clerk."""
    text = ROLE_LABELS.get(role)
    return translate("roles", text) if text else role
