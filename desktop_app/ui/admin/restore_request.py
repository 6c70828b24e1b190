"""A restore the owner asked for: what the dialog hands over, what a chosen file is, and what
the login screen says once it is done. Apart from the dialog: the login and the first start
restore too."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.core import restore
from desktop_app.core.dates import local_time
from desktop_app.i18n import sentences


@dataclass(frozen=True)
class RestoreRequest:
    """A restore the owner confirmed and whose file and password were checked already."""

    path: Path
    operator: str
    password: str = field(repr=False)
    made_at: dt.datetime
    stays_held: bool = False  # see RestoreLoss.stays_held
    # The shop's recovery key opens the backup instead of the password (QA s12a F3).
    recovery_key: str = field(default="", repr=False)
    held_beside: bool = False  # held by the witness beside the backup (BackupFacts)


@dataclass(frozen=True)
class BackupSummary:
    made_at: dt.datetime
    this_shop: bool  # True too when the shop cannot say who it is (its key file is lost)


def describe_backup(shop_id: str | None, path: Path) -> BackupSummary:
    """Read and check the whole file (on the worker thread); only a summary comes back.
    ``shop_id``: the shop's own, or None when it cannot be read: the restore itself then
    refuses another shop's backup (by the database's key)."""
    info = restore.read_restorable(path)
    return BackupSummary(info.created_at, shop_id is None or info.shop_id == shop_id)


def restored_text(request: RestoreRequest, aside: Path | None) -> str:
    """What the login screen says after a restore."""
    moment = local_time(request.made_at)
    if aside is None:
        text = QCoreApplication.translate(
            "ShopSession", "The backup made {moment} is restored. Log in with a password as it "
            "was then.").format(moment=moment)
    else:
        text = QCoreApplication.translate(
            "ShopSession", "The backup made {moment} is restored. Log in with a password as it "
            "was then. The data from before is kept in {folder}.").format(
            moment=moment, folder=aside)
    if request.recovery_key:  # the key opened the backup, not a password (QA s18a F10)
        text = sentences(text, QCoreApplication.translate(
            "ShopSession", "If you do not know that password, type your name and click "
            "“Owner password forgotten?”: the recovery key sets a new one."))
    if request.held_beside:
        text = sentences(text, QCoreApplication.translate(
            "ShopSession", "Redeeming stays stopped: the folder of this backup remembers newer "
            "records of this shop. Restore the newest backup, or check it with Verify."))
    elif request.stays_held:
        text = sentences(text, QCoreApplication.translate(
            "ShopSession", "Redeeming stays stopped: records this computer saw are in "
            "neither the backup nor the data it replaced. Check it with Verify."))
    return text
