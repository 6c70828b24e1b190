"""The shop's recovery key after the shop was made: whether it has one, and a new one made by
a logged-in owner (QA s19b F5). A shop made by the first build has none, and a printed key
lost or seen by someone must be replaceable; only ``create_shop`` made one before.

The recovery slot wraps the database key like an operator's slot does, so the owner's open
session holds the database key the new one wraps. The owner's current password is proven
first all the same: a key made at a counter its owner stepped away from would let whoever made
it set the owner's password with ``recover``. On a server the slot is a row of the key slot
table, written in the same transaction as its audit event."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.core import audit
from desktop_app.core.auth import prove_own_password
from desktop_app.core.errors import ShopError
from desktop_app.core.keyslots import RECOVERY_UNCONFIRMED, KeySlotFile
from desktop_app.core.models import Setting
from desktop_app.core.paths import KEYSLOTS_FILE
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop, put_setting

log = logging.getLogger(__name__)


def has_recovery_key(shop: Shop) -> bool:
    """Whether the shop has a recovery key now (as stored: another counter may have made
    one meanwhile)."""
    return shop.reload_slots().recovery is not None


def folder_has_recovery_key(data_dir: Path) -> bool | None:
    """Before any login, whether the shop in ``data_dir`` has a recovery key: its key slot
    file says so without a secret. None when that cannot be told (no shop here, a damaged
    file, or a shop on a server, whose slots are read once connected)."""
    try:
        return KeySlotFile.load(Path(data_dir) / KEYSLOTS_FILE).recovery is not None
    except (ShopError, OSError):
        return None


def recovery_key_unconfirmed(shop: Shop) -> bool:
    """Whether the app showed the shop's recovery key and its owner never confirmed keeping it
    (the app closed or died with the key on screen): a new one is to be made and kept."""
    return Setting.get_or_none(Setting.key == RECOVERY_UNCONFIRMED) is not None


def make_new_recovery_key(shop: Shop, password: str, *, shown: bool = False) -> str:
    """A new recovery key for the shop, made by an owner who proves ``password``, their
    current one (a wrong one raises ``WrongPassword`` and counts toward the login's lockout;
    nothing is made). Any earlier key stops working at once. Returned once, to be shown and
    written down: never stored in the clear. ``shown``: the app shows it and waits for the
    owner to confirm it was kept (``recovery_key_kept``); a printed one is the reader's."""
    require_owner(shop, "recovery_key_new")
    prove_own_password(shop, password)
    with shop.write():
        slots = shop.reload_slots()
        replaced = slots.recovery is not None
        key = slots.set_new_recovery_key(shop.database_key)
        audit.record(shop, "recovery_key_new", replaced=replaced)
        if shown:
            put_setting(RECOVERY_UNCONFIRMED, "1")
        else:
            Setting.delete().where(Setting.key == RECOVERY_UNCONFIRMED).execute()
        slots.save()
    log.info("owner #%s made a new recovery key (replacing one: %s)", shop.operator.id,
             replaced)
    return key


def recovery_key_kept(shop: Shop) -> None:
    """The owner typed back the last group of the recovery key on screen: it is kept. Audited
    once; nothing is written when no key was waiting for it."""
    require_owner(shop, "recovery_key_kept")
    with shop.write():
        if Setting.delete().where(Setting.key == RECOVERY_UNCONFIRMED).execute():
            audit.record(shop, "recovery_key_kept")
