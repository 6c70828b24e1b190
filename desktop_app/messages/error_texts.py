"""The words for each ``ShopError`` code, and for the facts its ``params`` carry (what was not
found, which state refused): the tables ``error_message`` reads, in context ``errors``."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP
from desktop_app.messages.server_error_texts import SERVER_ERROR_TEXTS

ERROR_TEXTS: dict[str, str] = {
    **SERVER_ERROR_TEXTS,
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
    "cannot_write": QT_TRANSLATE_NOOP(
        "errors", "Cannot write to {path}: {reason}. Choose another place, or make that "
        "folder writable."),
    "shop_folder_not_writable": QT_TRANSLATE_NOOP(
        "errors", "The shop's folder {path} is read-only or you may not write there, so the "
        "shop cannot be opened. Make the folder writable (a write-protected USB stick or a "
        "read-only disk), or copy the shop to a folder you may write to."),
    "shop_file_not_writable": QT_TRANSLATE_NOOP(
        "errors", "Files of the shop in {folder} are read-only or you may not write to them "
        "({files}), so nothing can be saved in the shop. They are not damaged: do not restore "
        "a backup over them. Make them writable again (on Windows: each file's Properties, "
        "untick Read-only; or ask whoever changed their permissions), then open the shop "
        "again."),
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
        "errors", "The key file of this shop ({path}) is missing or damaged, so nobody can unlock "
        "the shop. "
        "Restore your latest backup, which includes the key file. Do not create a new shop "
        "over it."),
    "database_corrupt": QT_TRANSLATE_NOOP(
        "errors", "The shop's database ({path}) is damaged or is not a Voucher Shop database. "
        "Restore your latest backup, and keep the damaged file: do not delete it."),
    "integrity_hold": QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's records "
        "could not be vouched for ({problems}). The owner restores the latest good backup, or "
        "checks the shop (Admin → Verify) and acknowledges what was found."),
    "shop_moved": QT_TRANSLATE_NOOP(
        "errors", "This shop now lives on the server {host} (database {database}). This "
        "folder keeps a copy for reading only: nothing can be redeemed or changed in it any "
        "more. To work in the shop, click \"Use the shop on the server\"."),
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
        "errors", "This shop was saved by a newer version of Voucher Shop (data format {found}; "
        "this version reads up to {supported}). Install the version the shop's other "
        "computers run, or a later one, to open it here."),
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
    # QA s19b F5: what to do next, and plainly what no key can do.
    "no_recovery_key": QT_TRANSLATE_NOOP(
        "errors", "This shop has no recovery key yet (it was made before recovery keys "
        "existed). Ask an owner who still knows their password to make one while logged in: "
        "Admin → New recovery key… (or the command recovery-key --new). If every owner's "
        "password is lost, no recovery key can be made any more and none can help: only a "
        "backup, with an owner's password as it was when the backup was made."),
    "restore_unfinished": QT_TRANSLATE_NOOP(
        "errors", "A restore of a backup did not finish in the folder {path} (the computer "
        "stopped or the program was closed during it). The shop was put back as it was before "
        "that restore: nothing in it was lost. Run the restore again if you still want the "
        "backup; anything else can be done again now."),
    "backup_invalid": QT_TRANSLATE_NOOP(
        "errors", "This backup file fails its check, so nothing was restored and the shop is "
        "unchanged. Choose another backup."),
}

# ``Forbidden`` of an action the owner can allow clerks in Settings, said so.
FORBIDDEN_TEXTS: dict[str, str] = {
    **{action: QT_TRANSLATE_NOOP(
        "errors", "Only the shop owner may take money for gift cards here. The owner can "
        "allow clerks in Settings → Shop (Clerks may reload and cash out gift cards).")
       for action in ("giftcard_reload", "giftcard_cashout")},
    # A recovery that named a clerk, the key right (QA s41a F3: told to "ask the owner to
    # log in" in the middle of the owner's own recovery, a clerk's name left in the login).
    "recover": QT_TRANSLATE_NOOP(
        "errors", "“{operator}” is not an owner of this shop: the recovery key sets a new "
        "password for an owner. The key is right: type an owner's name and try again."),
}

# ``InvalidState`` of a state that has its own way out, said in full.
# A ``NotFound`` whose ``reason`` says more than "not there".
NOT_FOUND_TEXTS: dict[str, str] = {
    "not_a_giftcard": QT_TRANSLATE_NOOP(
        "errors", "This voucher is not a gift card: it counts uses, not money, so it cannot be "
        "reloaded or cashed out."),
}

STATE_TEXTS: dict[str, str] = {
    "last_owner": QT_TRANSLATE_NOOP(
        "errors", "The shop's last owner cannot be disabled: someone must be able to manage "
        "the shop. Add another owner first."),
    "product_ended": QT_TRANSLATE_NOOP(
        "errors", "Order {id} was not paid: the validity of “{product}” has ended, so its "
        "vouchers would be expired at once. Cancel the order (or give the product new dates "
        "in Inventory first). No money was taken."),
    "card_refunded": QT_TRANSLATE_NOOP(
        "errors", "This reload was paid back when its gift card's order {order} was refunded "
        "(what was left of it went back with the card). There is nothing more to refund."),
    "empty": QT_TRANSLATE_NOOP(
        "errors", "This gift card is empty: there is nothing to pay out."),
    "all_used": QT_TRANSLATE_NOOP(
        "errors", "Nothing is left to refund on order {id}: every unit of it was used or "
        "refunded already, so there is nothing to pay back and the order stays paid."),
    "card_spent": QT_TRANSLATE_NOOP(
        "errors", "Nothing is left on this gift card of order {order}: it was spent, so there "
        "is nothing to pay back and the order stays paid."),
    "cashout_changed": QT_TRANSLATE_NOOP(
        "errors", "Nothing was paid out: this gift card was spent from at a counter after you "
        "were asked, so it would now pay out {now}, not {asked}. Do not hand over {asked}; "
        "check the card again and cash it out again."),
    "refund_changed": QT_TRANSLATE_NOOP(
        "errors", "Nothing was refunded: order {id} changed after you confirmed (a counter "
        "redeemed a use or spent from a gift card of it meanwhile), so the refund would now "
        "pay back {now}, not {asked}. Do not pay back {asked}; check the new amount and refund "
        "again."),
    "cashout_over_limit": QT_TRANSLATE_NOOP(
        "errors", "This gift card holds {balance}, more than the {limit} a card may be paid out "
        "in cash. The owner sets that limit in Settings → Shop (Gift card cash-out up to)."),
    "reload_gone": QT_TRANSLATE_NOOP(
        "errors", "Nothing of this reload is left on the gift card: it was spent or paid out, "
        "so there is nothing to refund."),
    "cashout_off": QT_TRANSLATE_NOOP(
        "errors", "Gift cards are not cashed out in this shop. The owner can allow small "
        "remainders in Settings → Shop (Gift card cash-out up to)."),
    "reload_spent": QT_TRANSLATE_NOOP(
        "errors", "Part of this reload was spent already: the gift card holds {left} of the "
        "{amount} reloaded. To pay back what is left on it, refund the gift card's order "
        "{order}."),
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
    "newer_version": QT_TRANSLATE_NOOP(
        "errors", "The backup {path} was made by a newer version of Voucher Shop (data format "
        "{found}; this version reads up to {supported}), so nothing was restored and the shop "
        "is unchanged. Install that newer version of Voucher Shop or a later one, then restore "
        "the backup with it."),
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
    # QA s19a F4: the first read or write that met a damaged page, or verify, held the shop.
    "damaged": QT_TRANSLATE_NOOP(
        "errors", "The database is damaged: restore your latest backup (Admin → Restore from "
        "backup…). Part of the shop's database file cannot be read (a disk fault or a power "
        "cut), so redeeming and selling are stopped: nothing more is saved into it. The "
        "restore keeps the damaged file aside; do not delete it."),
    # QA s12a F6/F7: held for this session only; opening again checks the folder's files.
    "files_replaced": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is stopped: the shop's files were replaced or moved while the "
        "shop was open here, so nothing more is saved in this session. Close the shop and "
        "open it again (Log out, then log in): the usual checks then run on the files in "
        "the shop folder."),
}
UNKNOWN_INTEGRITY_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Redeeming is stopped: the shop's records could not be vouched for. The owner "
    "restores the latest good backup, or checks the shop (Admin → Verify) and acknowledges "
    "what was found.")
# The same on a server shop (QA s13a F6): no shop folder, and the app's Restore is off there.
SERVER_INTEGRITY_TEXTS: dict[str, str] = {
    "rolled_back": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is stopped: the shop's database on the server is older than the "
        "last records this computer saw, so an older copy (a pg_dump) was put back on the "
        "server, and vouchers redeemed since may look unused again. The owner puts the newest "
        "dump back (pg_restore into an empty database) if there is one, then checks the shop "
        "(Admin → Verify) and acknowledges what was found, on each counter stopped so."),
}
SERVER_UNKNOWN_INTEGRITY_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Redeeming is stopped: the shop's records could not be vouched for. The owner "
    "puts the newest pg_dump of the server's database back (pg_restore into an empty "
    "database) if there is one, then checks the shop (Admin → Verify) and acknowledges what "
    "was found, on each counter stopped so.")

# Said instead when the error lacks the fact the fuller text names.
FALLBACK_TEXTS: dict[str, tuple[str, str]] = {
    "out_of_stock": ("available", QT_TRANSLATE_NOOP(
        "errors", "Not enough stock. Restock the product or sell fewer.")),
    "invalid_state": ("state", QT_TRANSLATE_NOOP(
        "errors", "This cannot be done in its current state. Refresh the list and check it.")),
    "not_found": ("what", QT_TRANSLATE_NOOP(
        "errors", "Not found. It may have been removed, or the number is wrong.")),
}

# Variants of an error's text for one of its facts: (code, param, value) → text.
# The command line's own words where the app's would name a button it does not have.
COMMAND_LINE_TEXTS: dict[str, str] = {
    "shop_moved": QT_TRANSLATE_NOOP(
        "errors", "This shop was moved to the server {host} (database {database}), so nothing "
        "can be redeemed or changed in this folder any more; it is kept for reading only. Use "
        "the shop on the server: start with --database {url} (or set SHOP_DATABASE_URL); in "
        "the app, click Use the shop on the server."),
    "redemption_uncertain": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} stopped answering as {code} was being saved, so it "
        "is not certain whether it was redeemed (attempt {attempt_id}). Do not hand anything "
        "over or charge again yet: when the server answers, look the voucher up (voucher show) "
        "and check for that attempt."),
    "integrity_hold": QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's records "
        "could not be vouched for ({problems}). The owner restores the latest good backup, or "
        "checks the shop (verify) and acknowledges what was found."),
}
# The same for one of an error's facts (code, param, value), as VARIANT_TEXTS for the app.
COMMAND_LINE_VARIANT_TEXTS: dict[tuple[str, str, str], str] = {
    ("integrity_hold", "where", "server"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's records "
        "could not be vouched for ({problems}). The owner puts the newest pg_dump of the "
        "server's database back (pg_restore into an empty database) if there is one, then "
        "checks the shop (verify) and acknowledges what was found, on each counter stopped "
        "so."),
}

VARIANT_TEXTS: dict[tuple[str, str, str], str] = {
    # QA s43b F10: certificate problems were said as a cable to check.
    ("server_certificate", "problem", "no_root_certificate"): QT_TRANSLATE_NOOP(
        "errors", "The address asks to check the shop's server's certificate, and this "
        "computer has no root certificate to check it with: {file} is missing. Copy the "
        "shop's CA certificate there (README, \"Several counters\", TLS)."),
    ("server_certificate", "problem", "host_mismatch"): QT_TRANSLATE_NOOP(
        "errors", "The server's certificate is for {named}, not for {host} in the address. "
        "Use the name the certificate has in the address; if that is not the shop's server, "
        "do not go on until whoever set it up has checked."),
    ("server_certificate", "problem", "untrusted"): QT_TRANSLATE_NOOP(
        "errors", "The server {host} showed a certificate that the shop's root certificate "
        "does not vouch for: it may not be the shop's server. Do not go on until whoever set "
        "it up has checked."),
    ("server_login_failed", "role", "missing"): QT_TRANSLATE_NOOP(
        "errors", "The shop's server has no database user {user}. Check the user's name in the "
        "address: postgresql://USER@HOST:PORT/DATABASE."),
    # QA s43b F6: a mistyped database name, whose .pgpass line then matched nothing, was
    # said as a wrong password.
    ("server_login_failed", "password", "none_found"): QT_TRANSLATE_NOOP(
        "errors", "No password was found for database user {user} at {server}: PGPASSWORD is "
        "not set and no line of the .pgpass file names this host, port, database and user. "
        "Check the address (the database's name too) and the .pgpass line."),
    # QA s39b F5: "Set sslmode=require" to an address that said require or verify-full.
    ("server_tls_required", "address_asks", "yes"): QT_TRANSLATE_NOOP(
        "errors", "The address asks for encryption (TLS), and the shop's server {host} does "
        "not offer it. Ask whoever set up the server to switch TLS on; until then only on "
        "the shop's own cable may the address leave sslmode out."),
    # QA s12c F6: an older version left running at another counter would go on writing the
    # old way after the upgrade.
    ("shop_in_use", "action", "upgrade"): QT_TRANSLATE_NOOP(
        "errors", "This version of Voucher Shop must upgrade the shop before using it, and an "
        "upgrade needs the shop to itself: it is still open at another counter, in another "
        "window or in a command ({path}), perhaps in an older version. Nothing was changed. "
        "Close Voucher Shop on every other counter first, then open the shop here again."),
    ("integrity_hold", "problem", "files_replaced"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing was redeemed or changed, because the shop's files were "
        "replaced or moved while the shop was open here (an older copy put back, the folder "
        "moved, a file deleted). Close the shop and open it again (in the app: Log out, then "
        "log in): the usual checks then run on the files in the shop folder."),
    ("integrity_hold", "where", "server"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's records "
        "could not be vouched for ({problems}). The owner puts the newest pg_dump of the "
        "server's database back (pg_restore into an empty database) if there is one, then "
        "checks the shop (Admin → Verify) and acknowledges what was found, on each counter "
        "stopped so."),
    ("wrong_password", "credential", "recovery_key"): QT_TRANSLATE_NOOP(
        "errors", "Wrong recovery key: it is not the key of this shop. Check it against the "
        "paper it was written on (7 groups of 4), then try again."),
    ("wrong_password", "credential", "backup_older"): QT_TRANSLATE_NOOP(
        "errors", "This backup was made before the password was changed: it needs the "
        "password as it was then, or the shop's recovery key. Nothing was restored, and this "
        "does not count as a wrong password."),
    ("shop_moved", "kind", "computer"): QT_TRANSLATE_NOOP(
        "errors", "This shop moved to another computer on {at} with the final backup {backup}. "
        "This computer keeps a copy for reading only: nothing can be redeemed or changed here "
        "any more. Work in the shop on the new computer."),
    ("server_backup_elsewhere", "action", "move_out"): QT_TRANSLATE_NOOP(
        "errors", "This shop lives on a server: it has no folder to move. On another computer, "
        "connect to the same server instead."),
    ("server_backup_elsewhere", "action", "restore"): QT_TRANSLATE_NOOP(
        "errors", "This shop lives on a server: restore it on the server with pg_restore (see "
        "the README, \"Several counters\"), not from a counter PC."),
}
SHOP_EXISTS_ON_SERVER_TEXT = QT_TRANSLATE_NOOP(
    "errors", "A shop already exists on the server {server}. Log in to it instead, or give "
    "the address of an empty database for a new shop.")
# A server's database without a shop: not "the folder" (QA s43b F5).
NO_SHOP_ON_SERVER_TEXT = QT_TRANSLATE_NOOP(
    "errors", "The database {server} holds no shop yet. Check the database's name in the "
    "address, or create the shop there (init, or the app's first start).")

# The ``reason`` of a folder or file the system refused (``fileio.os_reason``); another is
# the system error's name (ENOENT...), shown as it is.
OS_REASONS: dict[str, str] = {
    "read_only": QT_TRANSLATE_NOOP("errors", "the disk is read-only"),
    "no_permission": QT_TRANSLATE_NOOP("errors", "you may not write there"),
    "not_a_folder": QT_TRANSLATE_NOOP("errors", "something in the path is a file, not a folder"),
}

# ``DiskFull`` of a file written beside the database (a backup, an export, a witness): its
# folder's disk is named, and the shop's data is unchanged (QA s10a F2).
DISK_FULL_FOLDER_TEXT = QT_TRANSLATE_NOOP(
    "errors", "The disk that holds {folder} is full, so nothing was written there; the shop "
    "itself is unchanged. Free some space on that disk, or choose another place, then do it "
    "again.")

UNEXPECTED_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Something went wrong, and the last action may not have finished. The details "
    "were written to the log file. If it happens again, restart Voucher Shop.")


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
    "returned": QT_TRANSLATE_NOOP("errors", "returned by a refund"),
    "faulty": QT_TRANSLATE_NOOP("errors", "marked faulty"),
    "stock_changed": QT_TRANSLATE_NOOP("errors", "changed by a sale since you opened it"),
    "not_usable": QT_TRANSLATE_NOOP("errors", "void, expired or not paid"),
    "spent": QT_TRANSLATE_NOOP("errors", "already spent"),
    "cashout_over_limit": QT_TRANSLATE_NOOP(
        "errors", "empty, or holding more than may be paid out in cash"),
    "pin_locked": QT_TRANSLATE_NOOP("errors", "locked after too many wrong PINs; try later"),
    "product_ended": QT_TRANSLATE_NOOP("errors", "for a product whose validity has ended"),
}

# Why a held shop refuses a change, in the integrity_hold message ({problems}), by the first
# problem's code; verify names every problem in full.
HOLD_REASONS: dict[str, str] = {
    "rolled_back": QT_TRANSLATE_NOOP(
        "errors", "the data was put back to an older copy, or recent changes were lost"),
    "anchor_missing": QT_TRANSLATE_NOOP(
        "errors", "the file that vouches for the shop's records is missing"),
    "anchor_damaged": QT_TRANSLATE_NOOP(
        "errors", "the file that vouches for the shop's records is damaged"),
    "witness_damaged": QT_TRANSLATE_NOOP(
        "errors", "a record of the shop's latest changes was altered"),
    "database_missing": QT_TRANSLATE_NOOP("errors", "the database file is missing"),
    "hold_unnamed": QT_TRANSLATE_NOOP(
        "errors", "this folder keeps an earlier integrity problem, and it is not known which "
        "shop it was for: it may be another shop's that was in this folder before"),
    "files_replaced": QT_TRANSLATE_NOOP(
        "errors", "the shop's files were replaced or moved while the shop was open"),
    "damaged": QT_TRANSLATE_NOOP("errors", "the shop's database file is damaged"),
}
UNKNOWN_HOLD_REASON = QT_TRANSLATE_NOOP("errors", "a check found a problem; verify names it")

# A batch issued whose file could not be written: the vouchers exist and are paid.
ISSUED_NOT_WRITTEN_TEXT = QT_TRANSLATE_NOOP(
    "errors", "The {count} vouchers were issued (order {order}), but their file was not "
    "written. {problem} Do not issue them again: save or print them from the Orders tab "
    "(order {order}).")
DISK_FULL_SHORT_TEXT = QT_TRANSLATE_NOOP("errors", "The disk that holds {folder} is full.")
FILE_REFUSED_SHORT_TEXT = QT_TRANSLATE_NOOP("errors", "Cannot write to {path}: {reason}.")
