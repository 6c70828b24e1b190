"""The database an open shop worked on, kept when it was replaced under the shop.

A database renamed over an open shop (an older copy put back) is deleted by that rename:
only the open connection still reads it, and the redemptions made in it that the files now
in the folder lack would go with it. The owner, told to log out and in, then met a rollback
to acknowledge with nothing left to count them, and acknowledging made those vouchers
redeemable again (QA s12e F3). So the first refusal after such a hold exports that database,
encrypted with the shop's key as a backup's is, into ``replaced-while-open-<UTC time>/shop.db``
in the shop folder. Verify → Acknowledge counts from it what acknowledging re-opens, as from
a restore's ``before-restore-…`` folder (``rollback_reopens``), after any log out or restart.

It runs outside the refused change's transaction (SQLite attaches no file inside one), once;
a failure is logged and the refusal stands.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.cipher_files import raw_key
from desktop_app.core.dates import utc_now
from desktop_app.core.paths import DATABASE_FILE

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

FOLDER_PREFIX = "replaced-while-open-"


def keep_if_due(shop: Shop) -> Path | None:
    """Keeps the database ``shop`` works on when its files were found replaced and it is not
    kept yet; the copy's path, or None."""
    replaced = shop.replaced
    if replaced is None or not replaced.copy_due or shop.db.in_transaction():
        return None
    replaced.copy_due = False
    folder = Path(shop.data_dir) / f"{FOLDER_PREFIX}{utc_now().strftime('%Y%m%d-%H%M%S')}"
    try:
        folder.mkdir(mode=0o700)
        _export(shop, folder / DATABASE_FILE)
    except Exception:  # a full disk, a folder gone: the refusal stands without the copy
        log.exception("could not keep the database the replaced files were: it is lost "
                      "when this session closes")
        return None
    log.warning("the database this session worked on before its files were replaced is "
                "kept in %s", folder.name)
    return folder / DATABASE_FILE


def _export(shop: Shop, target: Path) -> None:
    shop.db.execute_sql("ATTACH DATABASE ? AS lost_copy KEY ?",
                        (str(target), raw_key(shop.database_key)))
    try:
        shop.db.execute_sql("SELECT sqlcipher_export('lost_copy')")
    finally:
        shop.db.execute_sql("DETACH DATABASE lost_copy")
    target.chmod(0o600)


def newest(data_dir: Path) -> Path | None:
    """The database the latest session whose files were replaced kept here, if any."""
    kept = sorted(Path(data_dir).glob(f"{FOLDER_PREFIX}*/{DATABASE_FILE}"), reverse=True)
    return kept[0] if kept else None
