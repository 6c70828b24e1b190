"""Moving a shop to another computer, the old computer's side: the final backup.

A final backup is an ordinary backup whose newest event is the move itself
(``shop_moved_out``, naming the file and its time), after which this folder keeps the shop
for reading only, as a folder moved to a server does (``moved_shop``: ``Shop.moved_to``,
``ShopMoved`` at every change, ``redeem`` first). Restored on the new computer, the backup
is the live shop there; a voucher used there can never be used again here, and nothing is
used here after the backup that the new computer would not know of (QA s18a F1).

The order, so that no failure leaves two live shops (nor a live folder claiming a move):

1. The folder's record of the move is written as *pending*, in one commit with the event.
   From this commit on, a reopened folder is read-only: should anything after it fail, the
   folder refuses changes rather than risk a backup file somewhere being a second live shop.
2. The backup is copied, the record left out of the copy (the setting is the folder's, not
   the shop's), so the shop restored from it is live. The copy is written atomically: the
   file is there whole, or not at all.
3. The witness beside the backup vouches for its head (the event), then the record is
   confirmed and this session's shop is marked moved.

If the copy fails (a stick pulled out, a full stick), no final backup exists: the pending
record is removed and the folder works on; its audit log keeps the event of the move that
did not happen (a chain is never shortened), the next event after it being ordinary work.
If the record cannot be removed, or anything fails once the file is written, the folder
stays read-only: the file exists and is the shop. Restoring that file back onto this folder
(the move called off, the new computer failed) replaces the database, record and all, so the
shop is live here again; restoring it anywhere is what restore does with any backup.

Nobody else may have the folder open meanwhile (``moved_shop.hold_alone``): a counter left
logged in would go on redeeming here what the new computer redeems too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core import audit, backup, moved_shop
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import ShopError
from desktop_app.core.models import Setting
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop, put_setting

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinalBackup:
    path: Path
    at: str  # UTC, ISO: when the move was recorded, the moment the backup holds
    size: int


def final_backup_name(shop: Shop) -> str:
    """The file name a final backup gets in a folder chosen for it: a dated backup's, so the
    new computer lists it with the folder's other backups, the newest."""
    return backup.backup_name(shop.shop_id, utc_now())


def write_final_backup(shop: Shop, out: Path) -> FinalBackup:
    """The final backup of ``shop`` to ``out``, then this folder read-only (the module's
    doc); owners only. Refused on a shop on a server (it has no folder: every counter reaches
    it wherever it is), on a held shop, and on a moved one."""
    require_owner(shop, "backup")
    out = backup.check_destination(shop, Path(out), action="move_out")
    shop.require_writable()
    moved_shop.hold_alone(shop)
    at = utc_now().isoformat()
    facts = moved_shop.computer_facts(out.name, at)
    with shop.write():
        put_setting(moved_shop.MOVED_SETTING, moved_shop.facts_json(facts, pending=True))
        audit.record(shop, moved_shop.MOVED_OUT_KIND, out.name, final_backup=out.name,
                     backup_made_at=at)
    try:
        head = backup.copy_into(shop, out, leave_out=(moved_shop.MOVED_SETTING,))
    except BaseException:
        _unmark(shop, facts)
        raise
    backup.finish_backup(shop, out, head)  # the witness, while the shop is not yet moved
    shop.moved_to = facts  # from here on this session refuses every change
    try:
        with shop.write(evidence_only=True):  # the move is not a change of the shop
            put_setting(moved_shop.MOVED_SETTING, moved_shop.facts_json(facts))
    except ShopError as exc:  # the pending record says moved all the same
        log.error("the final backup is written, but its record could not be confirmed (%s):"
                  " the pending one keeps this folder read-only", exc.code)
    log.warning("the shop moved to another computer by a final backup: this folder is "
                "read-only now")
    return FinalBackup(out, at, out.stat().st_size)


def _unmark(shop: Shop, facts: dict[str, str]) -> None:
    """The copy failed: no final backup exists, so the folder is the shop as before, shared
    with the other counters again. If even the pending record cannot be removed, the folder
    stays read-only."""
    try:
        with shop.write():
            Setting.delete().where(Setting.key == moved_shop.MOVED_SETTING).execute()
    except ShopError as exc:
        shop.moved_to = facts
        log.error("the final backup failed and the folder's pending record of the move could "
                  "not be removed (%s): the folder stays read-only", exc.code)
    moved_shop.share_again(shop)
