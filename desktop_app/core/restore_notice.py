"""What the owner must learn of a restore that stopped half-way: kept until they have.

A restore that stopped half-way is settled by whoever comes next (``restore_journal``), before
any password is checked: the first to try may mistype their name, or be a clerk. So settling
leaves a notice in the shop folder, ``restore-notice.json``: what happened (``undone``: the
shop was put back as it was before the restore; ``completed``: its last step was done now)
and when. It holds no secret (times and a folder's name), and it stays:

- the first open with a valid login records it in the audit log (``restore_undone`` or
  ``restore_completed``), so it is part of the shop's history whoever comes first;
- every open with a valid login carries it (``Shop.restore_notice``) for the app or the
  command to tell its operator; the notice goes once an owner has opened the shop, since
  running the restore again, or checking the restored shop, is theirs to do;
- a restore that then succeeds removes it: the shop is that backup now.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import audit
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import ShopError
from desktop_app.core.fileio import atomic_write_bytes

if TYPE_CHECKING:
    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

NOTICE_FILE = "restore-notice.json"
UNDONE, COMPLETED = "undone", "completed"


@dataclass(frozen=True)
class RestoreNotice:
    """A restore that stopped half-way and how it was settled. Times are ISO UTC ("" where
    unknown); ``kept``: the restore's aside folder (a completed restore's holds the data it
    replaced; an undone one's was emptied and removed)."""

    outcome: str  # UNDONE | COMPLETED
    started_at: str
    settled_at: str
    backup_made_at: str = ""
    kept: str = ""
    recorded: bool = False  # in the audit log already

    def moment(self, name: str) -> dt.datetime | None:
        """One of the ISO times as a datetime (``started_at``...); None where unknown."""
        text = str(getattr(self, name))
        try:
            return dt.datetime.fromisoformat(text) if text else None
        except ValueError:
            return None


def notice_path(data_dir: Path) -> Path:
    return Path(data_dir) / NOTICE_FILE


def leave(data_dir: Path, outcome: str, started_at: str, backup_made_at: str = "",
          kept: str = "") -> None:
    """Written (and synced) while the restore is settled, before its journal goes: a crash in
    between settles it again and writes this again."""
    notice = RestoreNotice(outcome, started_at, utc_now().isoformat(), backup_made_at, kept)
    _write(data_dir, notice)
    log.warning("a restore that had stopped half-way was %s; the owner is told at login",
                outcome)


def read(data_dir: Path) -> RestoreNotice | None:
    try:
        raw = json.loads(notice_path(data_dir).read_text(encoding="utf-8"))
        fields = {name: raw[name] for name in ("outcome", "started_at", "settled_at")}
        extra = {name: raw[name] for name in ("backup_made_at", "kept", "recorded")
                 if name in raw}
        return RestoreNotice(**fields, **extra)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.error("the notice of a restore that stopped half-way cannot be read")
        return None


def clear(data_dir: Path) -> None:
    """A restore went through: what an earlier one left to tell is moot."""
    with contextlib.suppress(FileNotFoundError):
        notice_path(data_dir).unlink()


def tell_at_open(shop: Shop) -> RestoreNotice | None:
    """At an open with a valid login: the notice to tell this operator, recorded in the audit
    log the first time; it goes once an owner is told. A failure to record (a full disk) keeps
    it for the next open, and still tells it now."""
    notice = read(shop.data_dir)
    if notice is None:
        return None
    try:
        if not notice.recorded:
            with shop.write(evidence_only=True):
                audit.record(shop, "restore_undone" if notice.outcome == UNDONE
                             else "restore_completed", "", started_at=notice.started_at or None,
                             settled_at=notice.settled_at,
                             backup_made_at=notice.backup_made_at or None,
                             folder=notice.kept if notice.outcome == COMPLETED else None)
            notice = replace(notice, recorded=True)
            if shop.operator.role != "owner":
                _write(shop.data_dir, notice)
        if shop.operator.role == "owner":
            clear(shop.data_dir)
    except (ShopError, OSError) as exc:
        log.error("could not record the restore settled at open: %s", type(exc).__name__)
    return notice


def _write(data_dir: Path, notice: RestoreNotice) -> None:
    atomic_write_bytes(notice_path(data_dir), json.dumps(asdict(notice)).encode("utf-8"))
    with contextlib.suppress(OSError):
        os.chmod(notice_path(data_dir), 0o600)
