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
"""

from __future__ import annotations

import json

from desktop_app.core.models import Setting

MOVED_SETTING = "moved_to_server"
PENDING = "pending"
# The newest change of a folder's final backup, written by "Move to another computer…": the
# folder refuses every change after it, so a restore of that backup misses nothing.
MOVED_OUT_KIND = "shop_moved_out"


def recorded_move() -> dict[str, str] | None:
    """Where the bound database's shop was moved to (``host``, ``database``, ``url``), or
    None when it was not. A damaged record still says moved: the folder stays read-only."""
    row = Setting.get_or_none(Setting.key == MOVED_SETTING)
    if row is None:
        return None
    try:
        facts = json.loads(row.value)
    except ValueError:
        facts = None
    if not isinstance(facts, dict):
        return {"host": "", "database": "", "url": str(row.value)}
    return {key: str(facts.get(key) or "") for key in ("host", "database", "url")}


def facts_json(facts: dict[str, str], *, pending: bool = False) -> str:
    """The setting's value; ``pending``: written before the server commits the copy, so a
    move whose last step fails (the folder's own commit) still leaves the folder read-only,
    never a second live shop (``migrate_to``)."""
    return json.dumps({**facts, PENDING: "1"} if pending else facts, ensure_ascii=False,
                      sort_keys=True)
