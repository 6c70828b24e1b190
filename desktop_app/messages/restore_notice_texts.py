"""What a login says of a restore that had stopped half-way (``core.restore_notice``), or of
the upgrade it just made: the app's information box after the login and the command line's
note. No Qt."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.dates import local_time
from desktop_app.core.restore_notice import UNDONE, RestoreNotice
from desktop_app.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "RestoreNotice"

UNDONE_TEXT = QT_TRANSLATE_NOOP(
    "RestoreNotice", "A restore of a backup did not finish: it was started {started}, and the "
    "computer stopped or the program was closed during it. It was undone at {settled}: the "
    "shop is as it was before that restore, nothing in it was lost, and the backup is not in "
    "it. Run the restore again if you still want the backup.")
COMPLETED_TEXT = QT_TRANSLATE_NOOP(
    "RestoreNotice", "A restore of a backup stopped before its last step: it was started "
    "{started}. That step was done at {settled}, so the restore is complete: the shop holds "
    "the backup made {backup}. The data the backup replaced is kept in the folder {folder}.")
# To a clerk: the owner hears it too, and running a restore is the owner's.
CLERK_TEXT = QT_TRANSLATE_NOOP(
    "RestoreNotice", "The shop owner is told this too at their next login.")
UNKNOWN_TIME = QT_TRANSLATE_NOOP("RestoreNotice", "at a time not recorded")


def restore_notice_text(notice: RestoreNotice, data_dir: str, owner: bool) -> str:
    """The notice in the user's language; ``owner``: told to an owner (else a clerk)."""
    def moment(name: str) -> str:
        return local_time(notice.moment(name)) or translate(CONTEXT, UNKNOWN_TIME)

    template = UNDONE_TEXT if notice.outcome == UNDONE else COMPLETED_TEXT
    facts = {"started": moment("started_at"), "settled": moment("settled_at"),
             "backup": moment("backup_made_at"),
             "folder": str(Path(data_dir) / notice.kept) if notice.kept else data_dir}
    try:
        text = translate(CONTEXT, template).format(**facts)
    except (KeyError, ValueError, IndexError):  # a translation's broken placeholder
        text = template.format(**facts)
    return text if owner else f"{text} {translate(CONTEXT, CLERK_TEXT)}"


# QA s19b F7: an upgrade was silent, and older builds then refused the shop and its backups.
UPGRADED_TEXT = QT_TRANSLATE_NOOP(
    "RestoreNotice", "This shop's data was just upgraded for this version of Voucher Shop. "
    "Update Voucher Shop on every other computer that opens this shop before using it there: "
    "older versions cannot open it any more, nor restore the backups made from now on.")


def upgrade_notice_text() -> str:
    """What the login that upgraded the shop's data tells its operator."""
    return translate(CONTEXT, UPGRADED_TEXT)
