"""Witnesses outside the data folder, and the integrity hold.

The anchor beside the database rolls back with a copy of the whole folder. So the chain's
head is also vouched for where a folder copy does not reach: a per-user file on this computer
(``witness_root()``; on Windows a file under ``%APPDATA%``, not the registry) and a file in
every folder a backup went to. A witness anywhere newer than the database means the database
was put back to an older copy.

On a PostgreSQL server there is no data folder to copy and no anchor beside the database; each
counter PC keeps the per-user witness of the newest head it saw (after its own commits and at
every open), so a server put back to an older dump (``pg_restore`` of last week's file) is
found by every PC that saw a later head: the head it vouches for is missing from the chain.

A shop that opens with such a problem, or that ``verify`` found a problem in, is held: every
write is refused (``Shop.write`` raises ``IntegrityHold``) and no witness moves, so nothing
that runs afterwards overwrites the evidence. The hold ends when an owner restores a good
backup or acknowledges what was found (an audited event that keeps the problems in the chain,
then the witnesses are re-based on the chain as it is).
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import DatabaseError

from desktop_app import APP_ID
from desktop_app.core import anchor, dialect, hold_record, live_folder, witness_sync
from desktop_app.core.anchor import Head, WitnessDamaged
from desktop_app.core.cipher_files import unbound
from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.fork_evidence import witness_problem
from desktop_app.core.hold_record import HOLD_FILE as HOLD_FILE
from desktop_app.core.models import AuditEvent, Setting

if TYPE_CHECKING:
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    from desktop_app.core.store import Shop

log = logging.getLogger(__name__)

WITNESS_DIR_ENV = "SHOP_WITNESS_DIR"  # tests point it at a temporary folder
HOLD_PROBLEMS_KEPT = 20  # integrity_check alone may name a hundred rows: the first say enough
BACKUP_FOLDER_SETTING = "backup_folder"
DESTINATIONS_SETTING = "backup_destinations"  # every folder a backup went to, as JSON
ACKNOWLEDGE_KIND = "integrity_acknowledged"


def witness_root() -> Path:
    """The per-user folder for witnesses, outside any shop folder and without Qt."""
    override = os.environ.get(WITNESS_DIR_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / APP_ID / "witness"


@contextlib.contextmanager
def witnesses_kept_in(folder: Path) -> Iterator[None]:
    """Per-user witnesses go to ``folder`` meanwhile: a throw-away shop (the self-test's)
    leaves nothing in this computer's witness folder."""
    before = os.environ.get(WITNESS_DIR_ENV)
    os.environ[WITNESS_DIR_ENV] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(WITNESS_DIR_ENV, None)
        else:
            os.environ[WITNESS_DIR_ENV] = before


def user_witness_path(shop_id: str) -> Path:
    return witness_root() / f"{shop_id}.witness"


def hold_files(data_dir: Path, shop_id: str) -> tuple[Path, Path]:
    """Where a standing hold is kept: in the data folder and on this computer."""
    return (hold_record.folder_hold_path(data_dir),
            hold_record.user_hold_path(witness_root(), shop_id, data_dir))


def _destinations_path(shop_id: str) -> Path:
    return witness_root() / f"{shop_id}.destinations.json"


def backup_witness_path(folder: Path, shop_id: str) -> Path:
    return Path(folder) / f"voucher-shop-{shop_id[:8]}.witness"


# --- where witnesses are -------------------------------------------------------------------


def _destinations(shop_id: str) -> list[str]:
    try:
        folders = json.loads(_destinations_path(shop_id).read_text(encoding="utf-8"))["folders"]
        return [str(f) for f in folders]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def remember_destination(shop_id: str, folder: Path) -> None:
    known = _destinations(shop_id)
    text = str(Path(folder).resolve())
    if text in known:
        return
    witness_root().mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(_destinations_path(shop_id),
                       json.dumps({"folders": [*known, text]}).encode("utf-8"))


def destinations_in(value: str | None) -> list[str]:
    """The folders a ``DESTINATIONS_SETTING`` value names (JSON); none when unreadable."""
    try:
        return [str(f) for f in json.loads(value)] if value else []
    except (ValueError, TypeError):
        return []


def _shop_destinations() -> list[str]:
    """The folders backups went to, as the bound database remembers them: a folder put back
    with the per-user witness folder deleted still names them (QA)."""
    setting = Setting.get_or_none(Setting.key == DESTINATIONS_SETTING)
    return destinations_in(setting.value if setting else None)


def _remember_in_shop(shop: Shop, folder: Path) -> None:
    known = _shop_destinations()
    text = str(Path(folder).resolve())
    if text not in known:
        shop.set_setting(DESTINATIONS_SETTING, json.dumps([*known, text], ensure_ascii=False))


def backup_folders(shop_id: str) -> list[Path]:
    folders = {Path(f) for f in [*_destinations(shop_id), *_shop_destinations()]}
    setting = Setting.get_or_none(Setting.key == BACKUP_FOLDER_SETTING)
    if setting and setting.value.strip():
        folders.add(Path(setting.value.strip()))
    return sorted(folders)


# --- checking at open ----------------------------------------------------------------------


def problems_at_open(data_dir: Path, key: bytes, shop_id: str, *,
                     anchor_file: bool = True, witnesses: bool = True) -> list[str]:
    """What the witnesses and any standing hold say about the bound database: each problem as
    "place: code" (codes: rolled_back, anchor_missing, anchor_damaged, anchor_unreadable,
    witness_damaged, witness_unreadable; a witness's "rolled_back (forked)" keeps the code).
    ``anchor_file``: False on a server, whose database has no folder beside it.
    ``witnesses``: False for a folder whose shop moved to a server (see ``moved_shop``)."""
    checked = _checks_at_open(data_dir, key, shop_id, anchor_file, witnesses)
    held = hold_record.held_problems(witness_root(), data_dir, shop_id, checked)
    return list(dict.fromkeys([*held, *checked]))


def _checks_at_open(data_dir: Path, key: bytes, shop_id: str, anchor_file: bool,
                    witnesses: bool) -> list[str]:
    problems = []
    found = anchor.check_anchor(data_dir, key) if anchor_file else None
    if found:
        problems.append(f"anchor: {found}")
    if not witnesses:
        return problems
    found = witness_problem(user_witness_path(shop_id), key)
    if found:
        problems.append(f"witness_computer: {found}")
    for folder in backup_folders(shop_id):  # its backups may show two computers (a fork)
        found = witness_problem(backup_witness_path(folder, shop_id), key, backups=folder,
                                shop_id=shop_id)
        if found:
            problems.append(f"witness_backup: {found}")
    return problems


def witness_problems(shop: Shop) -> list[str]:
    """The witnesses outside the data folder, for ``verify`` (the anchor is checked there)."""
    return [p for p in problems_at_open(shop.data_dir, shop.database_key, shop.shop_id,
                                        anchor_file=False, witnesses=shop.moved_to is None)]


# A damaged database file, as ``verify`` names it (its page check, its structure, any check's
# database error) and as the first read that meets it does (``damage``): one hold, "damaged".
_DAMAGE_CHECKS = ("cipher_integrity", "integrity")
_DAMAGE_NAMES = ("database_malformed", "not_a_database", "database_corrupt")


def problem_code(problem: str) -> str:
    """"anchor: rolled_back" -> "rolled_back"; a damaged file's -> "damaged"."""
    check, _, found = problem.partition(": ")
    if check in _DAMAGE_CHECKS or found in _DAMAGE_NAMES:
        return "damaged"
    return problem.rpartition(": ")[2].split(" ")[0]


def hold(shop: Shop, problems: list[str]) -> None:
    """Put the shop on hold for ``problems``; kept in the data folder and on this computer,
    so a later open holds too even where the check that found them does not run at open."""
    new = [p for p in problems if p not in shop.integrity_problems]
    if not new or len(shop.integrity_problems) >= HOLD_PROBLEMS_KEPT:
        return
    shop.integrity_problems = [*shop.integrity_problems, *new][:HOLD_PROBLEMS_KEPT]
    payload = hold_record.payload(shop.integrity_problems, shop.data_dir, shop.shop_id)
    for path in hold_files(shop.data_dir, shop.shop_id):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, payload)
        except Exception:  # the hold stands in this session either way
            log.warning("could not record the integrity hold in %s", path.parent)


# --- writing witnesses -----------------------------------------------------------------------


def keeps_anchor_file(shop: Shop) -> bool:
    """The embedded file has an anchor beside it; a server shop's PC folder has none."""
    return not dialect.is_server(shop.db)


def after_commit(shop: Shop, head: Head) -> None:
    """After a commit that added events: the anchor and this computer's witness, one write
    each before the caller hears back, synced soon after (``witness_sync``: the database's
    commit is the one sync a redemption waits for). Raises OSError for the anchor only, and
    ``WitnessForked`` for a witness that vouches for a head the database lacks."""
    if keeps_anchor_file(shop):
        anchor.write_anchor(shop.data_dir, shop.database_key, head, sync_soon=True)
    try:
        path = _write_user_witness(shop.shop_id, shop.database_key, head, sync=False)
    except OSError:
        log.warning("could not update this computer's witness")
    else:
        witness_sync.soon(path)


@functools.lru_cache(maxsize=8)
def _user_witness_file(root_override: str | None, shop_id: str) -> str:
    return str(user_witness_path(shop_id))  # the override is part of the key: tests move it


def _write_user_witness(shop_id: str, key: bytes, head: Head, *, sync: bool,
                        rebase: bool = False) -> str:
    """This computer's witness of the shop vouches for ``head``; its path."""
    path = _user_witness_file(os.environ.get(WITNESS_DIR_ENV), shop_id)
    try:
        kept = anchor.write_record(path, key, head, sync=sync, rebase=rebase)
    except FileNotFoundError:  # the first witness on this computer: its folder comes first
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        kept = anchor.write_record(path, key, head, sync=sync, rebase=rebase)
    # A newer head kept: another session's later commit, or a chain gone back (QA s13a F3).
    if kept is not None and anchor.head_problem(kept) is not None:
        raise anchor.WitnessForked(path)
    return path


def bring_forward(shop: Shop) -> None:
    """At open, when all holds: the witnesses catch up with the database (a kill between a
    commit and its anchor write leaves them one commit behind); this folder is the live one."""
    head = anchor.current_head()
    if keeps_anchor_file(shop):
        with contextlib.suppress(OSError):
            anchor.write_anchor(shop.data_dir, shop.database_key, head)
    with contextlib.suppress(OSError):
        _write_user_witness(shop.shop_id, shop.database_key, head, sync=True)
    live_folder.remember(witness_root(), shop.shop_id, shop.data_dir)


def write_witness(folder: Path, shop: Shop, head: Head | None = None) -> None:
    """Vouch for ``head`` (the database's head when not given: a backup's copy may be older)
    in a backup destination, and remember the folder so later opens check it. Nothing moves
    while the shop is held, or once it moved to a server."""
    if shop.integrity_problems or shop.moved_to is not None:
        return
    try:
        anchor.write_record(backup_witness_path(folder, shop.shop_id), shop.database_key,
                            anchor.current_head() if head is None else head, sync=True)
        remember_destination(shop.shop_id, folder)
        _remember_in_shop(shop, folder)
    except Exception:  # the backup itself is written; a read-only stick must not fail it
        log.warning("could not write the witness beside a backup")


def rebase(data_dir: Path, key: bytes, shop_id: str, head: Head, folders: list[Path], *,
           anchor_file: bool = True) -> None:
    """Every witness (in ``folders`` too) vouches for ``head`` from now on, and the hold is
    lifted: only after an owner restored a backup or acknowledged (audited) what was found.
    On a server (``anchor_file`` False) only this PC's witnesses move: another counter that
    saw a later head holds until an owner acknowledges there too."""
    if anchor_file:
        anchor.write_anchor(data_dir, key, head, rebase=True)
    _write_user_witness(shop_id, key, head, sync=True, rebase=True)
    for folder in {*folders, *(Path(f) for f in _destinations(shop_id))}:
        path = backup_witness_path(folder, shop_id)
        if path.exists():
            with contextlib.suppress(OSError):
                anchor.write_record(path, key, head, sync=True, rebase=True)
    hold_record.remove(witness_root(), data_dir, shop_id)


def _head_and_backup_folder(path: Path, key: bytes) -> tuple[Head, list[Path]]:
    """The newest event and the backup folder of an encrypted database file that is not
    bound to the models (a restored copy)."""
    db = unbound(path, key)
    try:
        row = db.execute_sql(f"SELECT id, hash FROM {AuditEvent._meta.table_name} "
                             "ORDER BY id DESC LIMIT 1").fetchone()
        folder = db.execute_sql(f"SELECT value FROM {Setting._meta.table_name} WHERE key = ?",
                                (BACKUP_FOLDER_SETTING,)).fetchone()
    finally:
        db.close()
    head = Head(int(row[0]), str(row[1])) if row else anchor.EMPTY
    return head, [Path(folder[0].strip())] if folder and folder[0].strip() else []


def after_restore(data_dir: Path, key: bytes, shop_id: str, *, behind: bool = False) -> None:
    """A good backup was put in place by an owner: the witnesses follow it. ``behind``: a
    witness saw records that neither the backup nor the replaced data held
    (``witnessed_holders``); then only the data folder's anchor follows the restored file, and
    the witnesses ahead keep the shop on hold until an owner acknowledges."""
    data_dir = Path(data_dir)
    head, folders = _head_and_backup_folder(data_dir / "shop.db", key)
    if behind:
        anchor.write_anchor(data_dir, key, head, rebase=True)
        hold_record.mark_restored_while_held(data_dir, head.event_id)
    else:
        rebase(data_dir, key, shop_id, head, folders)
    with contextlib.suppress(FileNotFoundError):
        (data_dir / anchor.LEGACY_ANCHOR_FILE).unlink()


def witnessed_holders(data_dir: Path, key: bytes, shop_id: str, databases: list[Path],
                      folders: list[Path] | None = None) -> dict[Head, set[Path]]:
    """For each event a witness vouches for (the data folder's anchor, this computer's, one
    beside a backup), which of ``databases`` (shop files, not bound) hold it: one reading of
    the witnesses, each file opened once. An event none holds is a record lost before the
    restore (the folder was put back to an older copy): nothing can carry its redemptions."""
    beside = {*map(Path, _destinations(shop_id)), *(folders or [])}  # and ``folders``'
    places = [anchor.anchor_path(data_dir), user_witness_path(shop_id),
              *(backup_witness_path(f, shop_id) for f in beside)]
    heads = []
    for place in places:
        try:
            record = anchor.read_record(place, key)
        except WitnessDamaged:
            continue  # vouches for nothing
        if record is not None and record.head.event_id:
            heads.append(record.head)
    holders: list[set[Path]] = [set() for _ in heads]
    for path in databases:
        if heads and Path(path).is_file():
            for held, holds in zip(holders, _file_holds(path, key, heads), strict=True):
                if holds:
                    held.add(path)
    return dict(zip(heads, holders, strict=True))  # one head seen by two: the same holders


def _file_holds(path: Path, key: bytes, heads: list[Head]) -> list[bool]:
    """Whether the file at ``path`` holds each of ``heads`` (not one it cannot read)."""
    db = unbound(path, key)
    try:
        return [_holds(db, head) for head in heads]
    finally:
        db.close()


def _holds(db: SqlCipherDatabase, head: Head) -> bool:
    try:
        row = db.execute_sql(f"SELECT hash FROM {AuditEvent._meta.table_name} WHERE id = ?",
                             (head.event_id,)).fetchone()
    except DatabaseError:
        return False
    return row is not None and str(row[0]) == head.hash


# --- acknowledging ----------------------------------------------------------------------------


def acknowledged_problems() -> set[str]:
    """The problems the newest acknowledgement recorded: ``verify`` holds only for new ones."""
    last = (AuditEvent.select(AuditEvent.detail).where(AuditEvent.kind == ACKNOWLEDGE_KIND)
            .order_by(AuditEvent.id.desc()).first())
    if last is None:
        return set()
    try:
        return {str(p) for p in json.loads(last.detail).get("problems", [])}
    except (ValueError, AttributeError):
        return set()
