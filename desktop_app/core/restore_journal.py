"""A restore's journal: a restore that dies half-way is finished or undone at the next open.

Putting a backup in place takes several renames (the current files aside, then the restored
database and key slots in, then the witnesses re-based); a crash or a power cut between them
left a folder with no shop in it, or a restored shop on a false hold (QA s12a F1, F2). So
before the first rename the restore writes (and syncs) a journal in the data folder naming its
staging folder and the folder it puts the current files in. Whoever finds the journal next
(an open, a restore, ``init``) settles it first, with the shop's lock held alone:

- the restored files are all in place: only the witnesses' re-base was left; it is done with
  the database key (at the open that unlocks it, or by the next restore), then the journal goes;
- otherwise the current files go back from the aside folder: the shop is as it was before the
  restore.

Either way the owner is told, at their next login, not whoever happens to try first (the
settling runs before any password is checked): ``restore_notice`` keeps it until then.

Every step is a rename of a whole file, so settling is safe to crash in too: it starts over.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core import integrity, restore_notice, shoplock
from desktop_app.core.errors import ShopInUse
from desktop_app.core.fileio import _fsync_dir, atomic_write_bytes
from desktop_app.core.paths import DATABASE_FILE, KEYSLOTS_FILE

log = logging.getLogger(__name__)

JOURNAL_FILE = "restore-journal.json"
RESTORED_FILES = (DATABASE_FILE, KEYSLOTS_FILE)  # what a restore puts in, in this order


@dataclass(frozen=True)
class Journal:
    """What a restore under way is doing: names inside the data folder, and what the
    witnesses must do once its files are in (``behind``: see ``integrity.after_restore``)."""

    staging: str
    aside: str | None
    shop_id: str
    behind: bool
    started_at: str = ""  # ISO UTC; "" in a journal of a version that did not write it
    backup_made_at: str = ""
    undoing: bool = False  # the undo is moving the current files back (see ``undo``)

    def restored_in_place(self, data_dir: Path) -> bool:
        """Every restored file has left the staging folder for the data folder."""
        return all((data_dir / name).exists() and not (data_dir / self.staging / name).exists()
                   for name in RESTORED_FILES)


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / JOURNAL_FILE


def pending(data_dir: Path) -> bool:
    """A restore did not finish in ``data_dir``: there is a shop (or one being put back)."""
    return journal_path(data_dir).exists() or _unjournalled(Path(data_dir)) is not None


def begin(data_dir: Path, journal: Journal) -> None:
    """Written and synced before the first rename of a restore."""
    atomic_write_bytes(journal_path(data_dir), json.dumps(journal.__dict__).encode("utf-8"))


def sync(data_dir: Path) -> None:
    """The renames so far reach the disk before the next step relies on them."""
    _fsync_dir(Path(data_dir))


def end(data_dir: Path) -> None:
    """The restore is whole: its journal goes (the staging folder is the restore's to clean)."""
    with contextlib.suppress(FileNotFoundError):
        journal_path(data_dir).unlink()
    sync(data_dir)


def _unjournalled(data_dir: Path) -> Journal | None:
    """A restore of a version without the journal that stopped with the shop's database
    aside: no database here, its staging folder left, the newest aside folder holding one."""
    if (data_dir / DATABASE_FILE).exists():
        return None
    stagings = sorted(p for p in data_dir.glob(".restore-*") if p.is_dir())
    asides = sorted(p for p in data_dir.glob("before-restore-*") if p.is_dir())
    if not stagings or not asides or not (asides[-1] / DATABASE_FILE).is_file():
        return None
    return Journal(staging=stagings[-1].name, aside=asides[-1].name, shop_id="", behind=False)


def read(data_dir: Path) -> Journal | None:
    if not journal_path(data_dir).exists():
        return _unjournalled(Path(data_dir))
    try:
        raw = json.loads(journal_path(data_dir).read_text(encoding="utf-8"))
        return Journal(staging=str(raw["staging"]), aside=raw.get("aside") and str(raw["aside"]),
                       shop_id=str(raw["shop_id"]), behind=bool(raw.get("behind")),
                       started_at=str(raw.get("started_at") or ""),
                       backup_made_at=str(raw.get("backup_made_at") or ""),
                       undoing=bool(raw.get("undoing")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Written whole by a rename: unreadable means a damaged disk. Left for a person; the
        # open goes on and says what it finds.
        log.error("the journal of an unfinished restore cannot be read")
        return None


def settle(data_dir: Path, key: bytes | None = None) -> None:
    """At an open (or ``recover``) of ``data_dir``: a restore that did not finish is finished
    (with ``key``, the database key, where its files are all in place) or undone. Nothing when
    there is no journal, or a restore is running now (it holds the lock alone). Either
    leaves a notice for the owner (``restore_notice``)."""
    if not pending(data_dir):
        return
    try:
        alone = shoplock.hold_alone(data_dir)
    except ShopInUse:
        return  # a restore is running: the open waits for it (``shoplock.hold_open``)
    try:
        settle_alone(data_dir, key)
    finally:
        alone.release()


def settle_alone(data_dir: Path, key: bytes | None) -> None:
    """``settle`` with the shop's lock held alone (by a restore about to start)."""
    journal = read(data_dir)
    if journal is None:
        return
    if journal.restored_in_place(data_dir):
        if key is not None:
            finish(data_dir, journal, key)
        return  # the key comes with the login: the open that unlocks it finishes it
    undo(data_dir, journal)


def finish_pending(data_dir: Path, key: bytes) -> None:
    """With the shop's lock held alone and the database key: a journalled restore whose files
    are all in is finished (the witnesses follow it); nothing else is touched."""
    journal = read(data_dir) if journal_path(data_dir).exists() else None
    if journal is not None and journal.restored_in_place(data_dir):
        finish(data_dir, journal, key)


def finish(data_dir: Path, journal: Journal, key: bytes) -> None:
    """The last step of a restore whose files are in: the witnesses follow the restored shop."""
    integrity.after_restore(data_dir, key, journal.shop_id, behind=journal.behind)
    restore_notice.leave(data_dir, restore_notice.COMPLETED, _started(data_dir, journal),
                         journal.backup_made_at, kept=journal.aside or "")
    end(data_dir)
    shutil.rmtree(data_dir / journal.staging, ignore_errors=True)
    log.warning("finished a restore that had stopped before re-basing the witnesses")


def undo(data_dir: Path, journal: Journal) -> Path | None:
    """The current files back from the aside folder; a restored file put in without one to
    replace (a restore into a folder with no shop) goes. Returns the aside folder where it
    held something (it is removed once empty). Stopped while moving them back, it runs again
    from the moves: a file moved back would otherwise look like a restored one put in
    without one to replace, and go."""
    staging = data_dir / journal.staging
    aside = data_dir / journal.aside if journal.aside else None
    if not journal.undoing:
        for name in RESTORED_FILES:
            put_in = (data_dir / name).exists() and not (staging / name).exists()
            if put_in and (aside is None or not (aside / name).exists()):
                os.unlink(data_dir / name)
        begin(data_dir, dataclasses.replace(journal, undoing=True))
    moved_back = False
    if aside is not None and aside.is_dir():
        for path in sorted(aside.iterdir()):
            os.replace(path, data_dir / path.name)
            moved_back = True
    sync(data_dir)
    restore_notice.leave(data_dir, restore_notice.UNDONE, _started(data_dir, journal),
                         journal.backup_made_at, kept=journal.aside or "")
    end(data_dir)
    if aside is not None:
        with contextlib.suppress(OSError):
            aside.rmdir()
    shutil.rmtree(staging, ignore_errors=True)
    log.error("a restore had stopped half-way: the shop was put back as it was before it")
    return aside if moved_back else None


def _started(data_dir: Path, journal: Journal) -> str:
    """When the restore began moving files: as its journal says, else (a version that did not
    write it) when its journal or aside folder was made."""
    if journal.started_at:
        return journal.started_at
    for made in (journal_path(data_dir), data_dir / (journal.aside or journal.staging)):
        with contextlib.suppress(OSError):
            return dt.datetime.fromtimestamp(made.stat().st_mtime, dt.UTC).isoformat()
    return ""
