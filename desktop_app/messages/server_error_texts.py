"""The words for the errors of a shop on a PostgreSQL server (its address, reaching it, an
answer lost on the way), part of ``error_texts.ERROR_TEXTS``, in context ``errors``."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP

SERVER_ERROR_TEXTS: dict[str, str] = {
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
        "errors", "The shop's server {host} stopped answering, so it is not certain whether "
        "this was saved. When the server is back, check before trying again: look whether it "
        "is there."),
    "server_lost_not_saved": QT_TRANSLATE_NOOP(
        "errors", "The connection to the shop's server {host} broke before this was saved, so "
        "nothing was changed. Try again."),
    "redemption_uncertain": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} stopped answering as {code} was being saved, so it "
        "is not certain whether it was redeemed. Do not hand anything over or charge again "
        "yet: this counter checks by itself as soon as the server answers and shows what "
        "happened."),
    "undo_uncertain": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} stopped answering as the undo was being saved, so "
        "it is not certain whether it was undone. Do not give anything back yet: once the "
        "server answers, the list shows whether it was."),
    "server_ids_behind": QT_TRANSLATE_NOOP(
        "errors", "The shop's server could not save this: its id counters are behind its data, "
        "as after a database restored over itself. Nothing was changed. Tell whoever looks "
        "after the server: the README (\"Several counters\") shows how to set them right."),
    "write_conflict": QT_TRANSLATE_NOOP(
        "errors", "Another counter was changing the same records at the same moment, so the "
        "shop's server stopped this change: nothing was changed. Try again."),
    "server_login_failed": QT_TRANSLATE_NOOP(
        "errors", "The shop's server refused the login of database user {user}: the password in "
        "PGPASSWORD or the .pgpass file is wrong or missing."),
    "server_read_only": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} accepts no changes right now (it is read-only: a "
        "standby server, or a server whose disk is full), so nothing was changed. Nothing is "
        "damaged: do not restore a backup. Tell whoever looks after the server."),
    "server_disk_full": QT_TRANSLATE_NOOP(
        "errors", "The disk of the shop's server {host} is full, so nothing was changed. "
        "Nothing is damaged: do not restore a backup. Tell whoever looks after the server to "
        "free space on it."),
    "server_busy": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} is on, but has no free connection: too many "
        "counters or programs are connected to it. Nothing was changed. Close a counter that "
        "is not in use, or ask whoever looks after the server to allow more connections "
        "(max_connections)."),
    "server_timed_out": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} gave up on this after waiting too long (another "
        "counter or program was holding the same records), so nothing was changed. Try again."),
    "server_refused": QT_TRANSLATE_NOOP(
        "errors", "The shop's server {host} refused this (PostgreSQL error {sqlstate}), so "
        "nothing was changed. Tell whoever looks after the server and give them this code; do "
        "not restore a backup over the server's database before they have looked."),
    "server_database_missing": QT_TRANSLATE_NOOP(
        "errors", "The shop's server has no database named {database}. Check the name in the "
        "address, or ask whoever set up the server to create it."),
    "server_certificate": QT_TRANSLATE_NOOP(
        "errors", "The shop's server's certificate could not be checked, so this computer did "
        "not connect. Ask whoever set up the server."),
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
}
