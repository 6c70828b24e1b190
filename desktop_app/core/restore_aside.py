"""The data a restore put aside, as the witnesses' explanation (QA s12a F2).

A restore that stopped after its files were in, but before the witnesses followed it (a
version without ``restore_journal``, or a journal lost with its disk), leaves the witnesses
vouching for the head of the data it put aside in ``before-restore-…``: the restored shop
looks rolled back, and restoring again said so too. That head is no loss where the shop's
data holds everything of the aside data that no restore may undo (its redemptions, voids and
card keys handed out: ``restore_carry``), as after a restore that carried them. Where it does
not (a retried restore that had nothing to carry), the hold stays: the aside data is then the
only place those redemptions are.
"""

from __future__ import annotations

from pathlib import Path

from peewee import DatabaseError
from sqlcipher3.dbapi2 import DatabaseError as DriverError

from desktop_app.core.cipher_files import unbound
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.restore_loss import attach_current, count_loss

ASIDE_PATTERN = "before-restore-*"
# Vouchers void in the aside data (``current`` when attached) but not in the shop's.
_VOIDS_LACKED = (
    "SELECT count(*) FROM current.voucher cv JOIN main.voucher v "
    "ON v.id = cv.id AND v.code = cv.code WHERE cv.state = 'void' AND v.state != 'void'")


def newest_aside(data_dir: Path) -> Path | None:
    """The database the newest restore of ``data_dir`` put aside; None when there is none."""
    asides = sorted(Path(data_dir).glob(ASIDE_PATTERN), reverse=True)
    database = asides[0] / DATABASE_FILE if asides else None
    return database if database is not None and database.is_file() else None


def aside_carried(data_dir: Path, current: Path, key: bytes) -> Path | None:
    """The newest aside database where ``current`` holds all of it no restore may undo;
    None otherwise (also when either cannot be read)."""
    aside = newest_aside(data_dir)
    if aside is None or not current.is_file():
        return None
    db = unbound(current, key)
    try:
        shared = attach_current(db, aside, key)
        if shared is None:
            return None
        lacked = count_loss(db, shared)
        voids = db.execute_sql(_VOIDS_LACKED).fetchone()[0]
        whole = lacked.redemptions == 0 and lacked.card_keys == 0 and not voids
        return aside if whole else None
    except (DatabaseError, DriverError):
        return None
    finally:
        db.close()
