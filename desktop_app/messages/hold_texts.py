"""The words of an integrity hold that a restore did not lift, and of a shop two computers
worked on (QA s18a F4, F6): the usual "restore the latest good backup" is no advice then.

The core tells them apart with an ``IntegrityHold``'s facts (``after_restore``, ``forked``:
see ``hold_record.hold_facts``); the red bar reads the same facts. No Qt; context ``errors``.
"""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP

# The counter's refusal (an IntegrityHold), by one of its facts: (code, param, value) → text.
HOLD_VARIANT_TEXTS: dict[tuple[str, str, str], str] = {
    # QA s19a F7: before "after_restore" (both are facts of such a hold): nothing was put back.
    ("integrity_hold", "replaced_unreadable", "yes"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed. The latest backup was "
        "restored over data too damaged to read, so the records newer than the backup could "
        "not be carried over (they are in the damaged data, kept in the before-restore "
        "folder), and vouchers redeemed since the backup could be redeemed again. What is "
        "left: the owner checks the latest redemptions, then checks the shop (Admin → "
        "Verify) and acknowledges what was found."),
    ("integrity_hold", "after_restore", "yes"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed. A backup was restored, and "
        "the shop stays stopped because a record on this computer or beside a backup vouches "
        "for newer records than the backup holds ({problems}). What is left: the owner "
        "restores the newer backup, if there is one, or checks the shop (Admin → Verify) and "
        "acknowledges what was found."),
    ("integrity_hold", "forked", "yes"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because another computer "
        "works on this same shop: its backup in the backup folder has records this computer "
        "does not have. Use the shop on one computer only. The owner restores the other "
        "computer's newest backup here to bring its records in (redemptions made on this "
        "computer are carried over; the restore first names what else of this computer's it "
        "lacks), or checks the shop (Admin → Verify) and acknowledges what was found."),
    # QA s19a F4: a damaged file; "vouched for" and "acknowledge" were no advice there.
    ("integrity_hold", "problem", "damaged"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's database "
        "file is damaged. The owner restores the latest backup (Admin → Restore from "
        "backup…); the restore keeps the damaged file aside."),
}
# The same, as the command line says it: its commands instead of the app's menus.
COMMAND_LINE_HOLD_VARIANT_TEXTS: dict[tuple[str, str, str], str] = {
    ("integrity_hold", "replaced_unreadable", "yes"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed. The latest backup was "
        "restored over data too damaged to read, so the records newer than the backup could "
        "not be carried over (they are in the damaged data, kept in the before-restore "
        "folder), and vouchers redeemed since the backup could be redeemed again. What is "
        "left: the owner checks the latest redemptions, then checks the shop (verify) and "
        "acknowledges what was found (verify --acknowledge)."),
    ("integrity_hold", "problem", "damaged"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because the shop's database "
        "file is damaged. The owner restores the latest backup (restore FILE); the restore "
        "keeps the damaged file aside."),
    ("integrity_hold", "after_restore", "yes"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed. A backup was restored, and "
        "the shop stays stopped because a record on this computer or beside a backup vouches "
        "for newer records than the backup holds ({problems}). What is left: the owner "
        "restores the newer backup, if there is one (restore FILE), or checks the shop "
        "(verify) and acknowledges what was found (verify --acknowledge)."),
    ("integrity_hold", "forked", "yes"): QT_TRANSLATE_NOOP(
        "errors", "Stopped: nothing can be redeemed or changed, because another computer "
        "works on this same shop: its backup in the backup folder has records this computer "
        "does not have. Use the shop on one computer only. The owner restores the other "
        "computer's newest backup here to bring its records in (redemptions made on this "
        "computer are carried over; the restore first names what else of this computer's it "
        "lacks), or checks the shop (verify) and acknowledges what was found (verify "
        "--acknowledge)."),
}

# The red bar of a held shop, by the same facts.
INTEGRITY_FACT_TEXTS: dict[str, str] = {
    "replaced_unreadable": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is still stopped after the restore: the data it replaced was too "
        "damaged to read, so its records newer than the backup could not be carried over. "
        "They are in the damaged data, kept in the before-restore folder; vouchers redeemed "
        "since the backup may look unused and could be used again. What is left: the owner "
        "checks the latest redemptions (receipts, the counters' lists), then acknowledges in "
        "Admin → Verify."),
    "after_restore": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is still stopped after the restore: a record on this computer "
        "or beside a backup vouches for records that neither the restored backup nor the "
        "data it replaced holds, and vouchers redeemed in them may look unused again. What "
        "is left: the owner restores a newer backup of the shop, if there is one, or checks "
        "the shop (Admin → Verify) and acknowledges what was found."),
    "forked": QT_TRANSLATE_NOOP(
        "errors", "Redeeming is stopped: another computer works on this same shop (its "
        "backup in the backup folder has records this computer does not have). Use the shop "
        "on one computer only. The owner restores the other computer's newest backup here to "
        "bring its records in (redemptions made on this computer are carried over; the "
        "restore first names what else of this computer's it lacks), or checks the shop "
        "(Admin → Verify) and acknowledges what was found."),
}

# QA s42a F11: an older backup restored with a newer one beside it, which the restore named:
# the red bar, the counter's refusal and the command line's name it to restore instead.
NEWER_BACKUP_BAR_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Redeeming is still stopped after the restore: an older backup was restored, and "
    "a newer backup of this shop is beside it: {newer_backup}. It holds the records this one "
    "lacks. What is left: the owner restores that one (Admin → Restore from backup).")
NEWER_BACKUP_HOLD_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Stopped: nothing can be redeemed or changed. An older backup was restored, and "
    "a newer backup of this shop is beside it: {newer_backup}. What is left: the owner "
    "restores that one (Admin → Restore from backup).")
COMMAND_LINE_NEWER_BACKUP_HOLD_TEXT = QT_TRANSLATE_NOOP(
    "errors", "Stopped: nothing can be redeemed or changed. An older backup was restored, and "
    "a newer backup of this shop is beside it: {newer_backup}. What is left: the owner "
    "restores that one (restore FILE).")
