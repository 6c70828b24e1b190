"""What ``verify`` found, each problem in plain words (``"check: what"`` as the core
reports it). No Qt: the Verify dialog and the command line's ``verify`` both use it; the
texts keep their context ``VerifyDialog``."""

from __future__ import annotations

from collections.abc import Mapping

from desktop_app.i18n import QT_TRANSLATE_NOOP, translate


def _t(text: str) -> str:
    return translate("VerifyDialog", text)


ANCHOR_TEXTS: dict[str, str] = {
    "rolled_back": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Rolled back: the database is older than the last changes recorded on "
        "this computer. An old copy of it may have been put back, or recent changes were lost "
        "in a crash. Vouchers redeemed since may look unused again."),
    "anchor_missing": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Missing: the file beside the database that vouches for its latest "
        "records (anchor.bin) is not there, so a rolled-back database cannot be ruled out."),
    "anchor_damaged": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Damaged: the file beside the database that vouches for its latest "
        "records (anchor.bin) is damaged or was altered, so a rolled-back database cannot be "
        "ruled out."),
    "anchor_unreadable": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Cannot be read: the file beside the database that vouches for its "
        "latest records (anchor.bin) cannot be opened (no permission, or a folder problem), "
        "so a rolled-back database cannot be ruled out. Check the shop folder's permissions, "
        "then open the shop again."),
}
WITNESS_TEXTS: dict[str, str] = {
    "witness_computer: rolled_back": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Rolled back: this computer remembers newer records than the database "
        "holds. The shop folder (or the database) was put back to an older copy."),
    "witness_backup: rolled_back": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Rolled back: the backup folder remembers newer records than the "
        "database holds. The shop folder (or the database) was put back to an older copy, "
        "or another computer works on this same shop and backs up to that folder."),
    # QA s18a F4: two computers took sales on one shop; nothing was put back.
    "witness_backup: rolled_back (forked)": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Another computer works on this same shop: its backup in the backup "
        "folder has records this computer does not have, and this computer has records of "
        "its own in their place. Use the shop on one computer only. To bring the other "
        "computer's records in, restore its newest backup here: redemptions made on "
        "this computer are carried over, and the restore first names what else of this "
        "computer's it lacks."),
    "witness_computer: rolled_back (forked)": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Another copy of this shop works on this computer: it has records "
        "this one does not have, and this one has records of its own in their place. Use "
        "one copy of the shop only. To bring the other copy's records in, back it up and "
        "restore that backup here: redemptions made in this copy are carried over."),
    "witness_computer: witness_damaged": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Damaged: the record this computer keeps of the shop's latest changes "
        "was altered, so a rolled-back database cannot be ruled out."),
    "witness_backup: witness_damaged": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Damaged: the record kept beside the backups of the shop's latest "
        "changes was altered, so a rolled-back database cannot be ruled out."),
    # QA s10a F1: a folder or permission problem was said as records "altered".
    "witness_computer: witness_unreadable": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Cannot be read: the record this computer keeps of the shop's latest "
        "changes cannot be opened (no permission, or its folder is not a folder). That is a "
        "set-up problem on this computer, not a change to the records, but until it is fixed "
        "a rolled-back database cannot be ruled out. Check that this user may read and write "
        "Voucher Shop's own folder, then open the shop again."),
    "witness_backup: witness_unreadable": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Cannot be read: the record kept beside the backups of the shop's "
        "latest changes cannot be opened (no permission, or the backup folder cannot be "
        "reached). Check the backup folder, then open the shop again."),
    "hold: hold_damaged": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Damaged: the record of an earlier integrity problem cannot be read "
        "as one. Redeeming stays stopped until an owner has checked the shop and recorded "
        "what was found."),
    "hold: hold_unnamed": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Not known whose: this folder keeps the record of an earlier "
        "integrity problem, written by an older version of Voucher Shop that did not say which "
        "shop it was for, and nothing in this shop's own records explains it. It may be this "
        "shop's, or another shop's that was in this folder before. Redeeming stays stopped "
        "until an owner has checked this shop and recorded what was found."),
    "hold: hold_unreadable": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Cannot be read: the record of an earlier integrity problem cannot be "
        "opened (no permission, or its folder is not a folder). Check the folder's "
        "permissions, then open the shop again."),
}
# On a server shop (QA s13a F6): there is no shop folder; its database is put back with
# pg_restore, not the app's Restore.
SERVER_WITNESS_TEXTS: dict[str, str] = {
    "witness_computer: rolled_back": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Rolled back: this computer saw newer records than the shop's "
        "database on the server holds. The database was put back to an older copy (a "
        "pg_dump restored, a snapshot rolled back)."),
}
SERVER_SUMMARY_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "Leave the server's database as it is, and compare with your newest "
    "pg_dump of it before selling or redeeming more. To go back to that dump, restore it with "
    "pg_restore into an empty database. Either way, once checked, acknowledge what was found "
    "here: each counter stopped so acknowledges on its own.")
# What to do, under the problems: by the hold's facts (``live_server.hold_facts``) first.
FOLDER_SUMMARY_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "Leave the shop folder as it is, and compare with your latest good backup "
    "before selling or redeeming more. Restoring a backup keeps the current data aside.")
# QA s18a F6: the owner restored the latest backup already; "restore" again was no advice.
FACT_SUMMARY_TEXTS: dict[str, str] = {
    # QA s19a F7: the newer records are in the damaged data the restore replaced.
    "replaced_unreadable": QT_TRANSLATE_NOOP(
        "VerifyDialog", "The latest backup was restored over data too damaged to read: the "
        "records newer than the backup are in that damaged data (kept in the before-restore "
        "folder in the shop folder) and could not be carried over. Vouchers redeemed since the "
        "backup may be used again. What is left: check the latest redemptions (receipts, the "
        "counters' lists), then click Acknowledge to record what was found; redeeming starts "
        "again."),
    "after_restore": QT_TRANSLATE_NOOP(
        "VerifyDialog", "A backup was restored, and the shop stays on hold: a record on this "
        "computer or beside a backup vouches for records that neither that backup nor the "
        "data it replaced holds. A newer backup of this shop, if there is one, brings them "
        "back: restore it. Otherwise, what is left: check the latest redemptions (receipts, "
        "the counters' lists), then click Acknowledge to record what was found; redeeming "
        "starts again."),
    "forked": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Two computers have been working on this shop. Use the shop on one "
        "computer only: restore the other computer's newest backup here (Admin → Restore from "
        "backup) to bring its records in, then check again."),
}
COMMAND_LINE_FACT_SUMMARY_TEXTS: dict[str, str] = {
    "replaced_unreadable": QT_TRANSLATE_NOOP(
        "VerifyDialog", "The latest backup was restored over data too damaged to read: the "
        "records newer than the backup are in that damaged data (kept in the before-restore "
        "folder in the shop folder) and could not be carried over. Vouchers redeemed since the "
        "backup may be used again. What is left: check the latest redemptions (receipts, the "
        "counters' lists), then record what was found with verify --acknowledge REASON; "
        "redeeming starts again."),
    "after_restore": QT_TRANSLATE_NOOP(
        "VerifyDialog", "A backup was restored, and the shop stays on hold: a record on this "
        "computer or beside a backup vouches for records that neither that backup nor the "
        "data it replaced holds. A newer backup of this shop, if there is one, brings them "
        "back: restore it (restore FILE). Otherwise, what is left: check the latest "
        "redemptions (receipts, the counters' lists), then record what was found with verify "
        "--acknowledge REASON; redeeming starts again."),
    "forked": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Two computers have been working on this shop. Use the shop on one "
        "computer only: restore the other computer's newest backup here (restore FILE) to "
        "bring its records in, then run verify again."),
}


# QA s42a F11: an older backup was restored with a newer one beside it, which the restore
# named: that one brings the records back; acknowledging would open their vouchers again.
NEWER_BACKUP_SUMMARY_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "An older backup was restored, and the shop stays on hold: a newer "
    "backup of this shop was beside it, {file}, and holds the records this one lacks. Restore "
    "that one (Admin → Restore from backup; restore FILE on the command line): redeeming "
    "starts again with nothing lost. Acknowledge only if that backup is gone: vouchers "
    "redeemed since this backup could then be redeemed again.")


def summary_text(facts: dict[str, str], *, server: bool = False,
                 command_line: bool = False) -> str | None:
    """What to do about the problems found, by the hold's ``facts``; None where the command
    line has nothing to add (the app says the usual advice)."""
    if facts.get("newer_backup"):
        return _t(NEWER_BACKUP_SUMMARY_TEXT).format(file=facts["newer_backup"])
    table = COMMAND_LINE_FACT_SUMMARY_TEXTS if command_line else FACT_SUMMARY_TEXTS
    told = next((text for fact, text in table.items() if facts.get(fact) == "yes"), None)
    if told is not None:
        return _t(told)
    if command_line:
        return None
    return _t(SERVER_SUMMARY_TEXT if server else FOLDER_SUMMARY_TEXT)


CHAIN_TEXTS: dict[str, str] = {
    "hash_mismatch": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Audit event #{id} was changed after it was written."),
    "broken_link": QT_TRANSLATE_NOOP(
        "VerifyDialog", "The audit log breaks at event #{id}: an event before it was deleted, "
        "or events were put in another order."),
}
CHECK_TEXTS: dict[str, str] = {
    "cipher_integrity": QT_TRANSLATE_NOOP(
        "VerifyDialog", "The database file fails its encryption check ({detail}): it was "
        "damaged or altered outside Voucher Shop."),
    "integrity": QT_TRANSLATE_NOOP(
        "VerifyDialog", "The database's structure is damaged ({detail})."),
    "vouchers": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Voucher #{id}: its uses left do not match its redemptions. Part of the "
        "database may have been put back to an older copy."),
    # Said as its code until QA s21a F2's owner read "giftcards: voucher 5 balance_mismatch".
    "giftcards": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Gift card #{id}: its balance does not match its record of what was put "
        "on it and taken off it. Its balance was changed outside Voucher Shop, or part of the "
        "database was put back to an older copy."),
    "refunds": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Order #{id} is marked refunded but has no refund record, so the sales "
        "report does not count its money back. Check the order and the cash paid back."),
    # QA s21a F2: every password opens the database key, a clerk's too.
    "operators": QT_TRANSLATE_NOOP(
        "VerifyDialog", "Audit event #{id} is an owner's action, recorded by an operator who "
        "was not an owner at the time: someone used a clerk's password outside Voucher Shop "
        "to act as an owner. Check that event in the audit log and the list of operators, and "
        "disable any operator you did not add."),
}


# A session held by ``live_files``: "session: files_replaced (database)".
FILES_REPLACED_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "Replaced while open: the shop's files in its folder are no longer the "
    "ones this session opened (an older copy put back, the folder moved, a file deleted). "
    "Nothing more is saved in this session: close the shop and open it again (Log out, "
    "then log in).")


def verify_problem_text(problem: str, *, server: bool = False) -> str:
    """One problem ``audit.verify_shop`` found (``"check: what"``), in plain words;
    ``server``: of a shop on a PostgreSQL server."""
    if server and problem in SERVER_WITNESS_TEXTS:
        return _t(SERVER_WITNESS_TEXTS[problem])
    check, _, found = problem.partition(": ")
    words = found.split()
    if check == "anchor" and found in ANCHOR_TEXTS:
        return _t(ANCHOR_TEXTS[found])
    if check == "session" and words[:1] == ["files_replaced"]:
        return _t(FILES_REPLACED_TEXT)
    if problem in WITNESS_TEXTS:
        return _t(WITNESS_TEXTS[problem])
    if check == "audit_chain" and len(words) == 3 and words[2] in CHAIN_TEXTS:
        return _t(CHAIN_TEXTS[words[2]]).format(id=words[1])
    if check == "operators" and words[3:] == ["not_owner"] and words[1].isdigit():
        return _t(CHECK_TEXTS[check]).format(id=words[1])
    if check in ("vouchers", "giftcards", "refunds") and len(words) >= 2 and words[1].isdigit():
        return _t(CHECK_TEXTS[check]).format(id=words[1])
    if check == "database" and found in DAMAGE_NAMES:
        return _t(DAMAGED_FILE_TEXT)
    if found in ERROR_NAMES:  # a check that could not read (QA s19a F9: no codes)
        return _not_checked({check: found})[0]
    if check in ("cipher_integrity", "integrity"):
        return _t(CHECK_TEXTS[check]).format(detail=found)
    return problem


# --- a damaged database file (QA s19a F9) -------------------------------------------------
# SQLCipher's and SQLite's own lines ("HMAC verification failed for page 17", hundreds of
# "Tree 15 page 129: ...") and the checks' error codes stay in --json, the log and a tooltip;
# the owner reads one line per kind of damage.

DAMAGED_FILE_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "The database file is damaged: part of it cannot be read (a disk fault or "
    "a power cut). Restore your latest backup; the restore keeps the damaged file aside.")
PAGES_FAIL_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "The database file fails its encryption check on {count} page(s) "
    "({pages}): it was damaged (a disk fault, a power cut) or altered outside Voucher Shop.")
STRUCTURE_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "The database's structure is damaged: SQLite's check found {count} "
    "problem(s).")
NOT_CHECKED_DAMAGED_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "Could not be checked, because the part of the database file that holds "
    "them is damaged: {what}.")
NOT_CHECKED_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "Could not be checked, because the database could not be read (another "
    "program using the shop file, or a disk problem): {what}. Check again in a moment.")
CHECK_LABELS: dict[str, str] = {
    "cipher_integrity": QT_TRANSLATE_NOOP("VerifyDialog", "the database file's encryption"),
    "integrity": QT_TRANSLATE_NOOP("VerifyDialog", "the database's structure"),
    "audit_chain": QT_TRANSLATE_NOOP("VerifyDialog", "the audit log"),
    "vouchers": QT_TRANSLATE_NOOP("VerifyDialog", "the vouchers' uses"),
    "giftcards": QT_TRANSLATE_NOOP("VerifyDialog", "the gift cards' balances"),
    "refunds": QT_TRANSLATE_NOOP("VerifyDialog", "the refunds' records"),
    "operators": QT_TRANSLATE_NOOP("VerifyDialog", "who did an owner's work"),
    "anchor": QT_TRANSLATE_NOOP("VerifyDialog", "the file that vouches for the records"),
    "witness": QT_TRANSLATE_NOOP("VerifyDialog", "the records kept outside the shop folder"),
}
DAMAGE_NAMES = ("database_malformed", "not_a_database", "database_corrupt", "damaged")
ERROR_NAMES = (*DAMAGE_NAMES, "io_error", "database_locked", "disk_full", "schema_damaged",
               "database_unreadable")
PAGES_SHOWN = 5


# QA s19a F7: after a restore over data too damaged to read, a witness ahead was no rollback.
REPLACED_UNREADABLE_TEXT = QT_TRANSLATE_NOOP(
    "VerifyDialog", "Newer records than the shop holds: a record on this computer or beside a "
    "backup vouches for records the restored backup lacks. They were in the data the restore "
    "replaced, which was too damaged to read; nothing was put back to an older copy.")
REPLACED_UNREADABLE_PROBLEMS = ("witness_computer: rolled_back", "witness_backup: rolled_back")


def verify_problem_lines(problems: list[str], *, server: bool = False,
                         facts: Mapping[str, str] | None = None) -> list[str]:
    """What the owner reads for ``problems``: each in words (``verify_problem_text``), a
    damaged file's many lines as one per kind, in the order first found; ``facts``: the
    hold's (``live_server.hold_facts``)."""
    lines: list[str] = []
    pages = [p for p in problems if p.startswith("cipher_integrity: ")
             and p.partition(": ")[2] not in ERROR_NAMES]
    structure = [p for p in problems if p.startswith("integrity: ")
                 and p.partition(": ")[2] not in ERROR_NAMES]
    unread = {check: found for check, _, found in (p.partition(": ") for p in problems)
              if check != "database" and found in ERROR_NAMES}
    for problem in problems:
        check, _, found = problem.partition(": ")
        if problem in pages and problem == pages[0]:
            numbers = [w for p in pages for w in p.split() if w.isdigit()]
            shown = ", ".join(numbers[:PAGES_SHOWN]) + ("…" if len(numbers) > PAGES_SHOWN else "")
            lines.append(_t(PAGES_FAIL_TEXT).format(count=len(pages), pages=shown or "?"))
        elif problem in structure and problem == structure[0]:
            lines.append(_t(STRUCTURE_TEXT).format(count=len(structure)))
        elif check in unread and check == next(iter(unread)):
            lines.extend(_not_checked(unread))
        elif check == "database" and found in DAMAGE_NAMES:
            lines.append(_t(DAMAGED_FILE_TEXT))
        elif (facts or {}).get("replaced_unreadable") == "yes" and \
                problem in REPLACED_UNREADABLE_PROBLEMS:
            lines.append(_t(REPLACED_UNREADABLE_TEXT))
        elif problem not in pages and problem not in structure and check not in unread:
            lines.append(verify_problem_text(problem, server=server))
    return list(dict.fromkeys(lines))


def _not_checked(unread: dict[str, str]) -> list[str]:
    """The checks that could not read their part of the database, one line per cause."""
    lines = []
    for text, names in ((NOT_CHECKED_DAMAGED_TEXT, DAMAGE_NAMES),
                        (NOT_CHECKED_TEXT, tuple(n for n in ERROR_NAMES
                                                 if n not in DAMAGE_NAMES))):
        checks = [check for check, found in unread.items() if found in names]
        if checks:
            what = "; ".join(_t(CHECK_LABELS[c]) if c in CHECK_LABELS else c for c in checks)
            lines.append(_t(text).format(what=what))
    return lines
