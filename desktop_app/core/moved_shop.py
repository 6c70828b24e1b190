"""A folder whose shop ``migrate-to`` moved to a server: kept for reading, refusing changes.

The copy on the server and the folder's record of the move are one step: the folder's write
transaction holds every other writer off while the rows are read, copied and checked, and
commits the move only once the server has committed the copy. The move is an audit event,
copied with the chain (both chains say where the shop went), and a setting naming the server,
marked pending before the server commits and confirmed with the event: a folder whose own
last commit fails (a full disk at that instant) is read-only all the same, never a second
live shop. The setting is the folder's, not the shop's: it is not copied. From then on the
folder's shop refuses every change, ``redeem`` first (``ShopMoved``, exit 3): a voucher
redeemed on the server must not be redeemed again from the folder (QA s10b F3). Reading
works, as on a held shop.

The shop's witnesses (this computer's, those beside backups) follow the server from then on:
the folder neither checks them nor moves them, so its chain, behind the server's, is not taken
for a rollback, and nothing written in the folder afterwards (a backup's event) can make the
server's shop look rolled back.

Moved to another computer (``move_out``: a final backup, restored there): the same record
says ``kind`` computer, the final backup's file name and its time; the folder refuses the
same way, from the moment the final backup was written. The record is never in that backup,
so the shop restored from it on the new computer is live; restoring it back onto this folder
(the move called off) replaces the database, record and all: the shop is live here again.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop_app.core import shoplock
from desktop_app.core.errors import ShopInUse
from desktop_app.core.models import Setting

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

# The setting's key predates the move to another computer: kept, so existing folders stay moved.
MOVED_SETTING = "moved_to_server"
PENDING = "pending"
# The newest change of a folder's final backup, written by "Move to another computer…"
# (``move_out``): the folder refuses every change after it, so a restore of that backup
# misses nothing.
MOVED_OUT_KIND = "shop_moved_out"
# ``kind`` in the record of a move to another computer; a server's record has none.
KIND = "kind"
COMPUTER = "computer"
_SERVER_KEYS = ("host", "database", "url")
_COMPUTER_KEYS = (KIND, "backup", "at")


def recorded_move() -> dict[str, str] | None:
    """Where the bound database's shop was moved to (``host``, ``database``, ``url``; or
    ``kind`` computer, ``backup``, ``at``), or None when it was not. A damaged record still
    says moved: the folder stays read-only."""
    row = Setting.get_or_none(Setting.key == MOVED_SETTING)
    if row is None:
        return None
    try:
        facts = json.loads(row.value)
    except ValueError:
        facts = None
    if not isinstance(facts, dict):
        return {"host": "", "database": "", "url": str(row.value)}
    keys = _COMPUTER_KEYS if facts.get(KIND) == COMPUTER else _SERVER_KEYS
    return {key: str(facts.get(key) or "") for key in keys}


def computer_facts(backup_name: str, at: str) -> dict[str, str]:
    """The record of a move to another computer by the final backup ``backup_name`` made
    at ``at`` (UTC, ISO)."""
    return {KIND: COMPUTER, "backup": backup_name, "at": at}


def to_computer(moved: dict[str, str] | None) -> bool:
    """Whether ``moved`` (``Shop.moved_to``) is a move to another computer, not a server."""
    return moved is not None and moved.get(KIND) == COMPUTER


def facts_json(facts: dict[str, str], *, pending: bool = False) -> str:
    """The setting's value; ``pending``: written before the server commits the copy, so a
    move whose last step fails (the folder's own commit) still leaves the folder read-only,
    never a second live shop (``migrate_to``)."""
    return json.dumps({**facts, PENDING: "1"} if pending else facts, ensure_ascii=False,
                      sort_keys=True)


def hold_alone(shop: Shop) -> None:
    """Nobody else may have the folder's shop open while it moves: a counter logged in on it
    would go on redeeming there what the new place redeems too (QA s11a F8). This process's
    own shared hold becomes the exclusive one (``ShopInUse`` while anyone else has it open)."""
    if shop.lock is None:
        return
    shop.lock.release()
    try:
        shop.lock = shoplock.hold_alone(shop.data_dir)
    except ShopInUse:
        shop.lock = shoplock.hold_open(shop.data_dir)
        raise


def share_again(shop: Shop) -> None:
    """A move that did not happen: the exclusive hold of ``hold_alone`` becomes a shared one
    again, so the other counters can open the shop."""
    if shop.lock is None:
        return
    shop.lock.release()
    shop.lock = shoplock.hold_open(shop.data_dir)
