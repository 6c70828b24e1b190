"""Where a standing integrity hold is kept, and which shop it belongs to.

A hold is written in the data folder (it moves with the folder: a copy taken to another PC is
held there too) and in this computer's witness folder, keyed by shop and folder. The data
folder's file names the shop it was raised for: a server shop's data folder is this PC's, not
the shop's, so a shop created later from the same folder (a new database, a reinstalled
server) must not inherit another shop's hold (QA s10b F1). Another shop's hold found there is
set aside beside it under that shop's id: kept as evidence, and read again when that shop
opens from this folder. A hold written before holds named their shop cannot be told apart,
and holds whichever shop opens there, as it always did; unless the shop's own checks or holds
explain it, the hold says so (``UNNAMED``): it may be another shop's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.fileio import atomic_write_bytes

log = logging.getLogger(__name__)

HOLD_FILE = "integrity-hold.json"
DAMAGED = "hold: hold_damaged"
UNREADABLE = "hold: hold_unreadable"  # no permission, not a folder: set-up, not tampering
UNNAMED = "hold: hold_unnamed"  # a hold from before holds named their shop, unexplained here


# Beside the data: a restore left the shop held (a witness saw records the backup lacks).
# The hold's words then say what is left instead of "restore" again (QA s18a F6); lifted with
# the hold (``remove``: an acknowledgement, a restore that leaves it free).
RESTORED_FILE = "integrity-hold-after-restore.json"
FORKED_DETAIL = "(forked)"  # a witness's problem when the chain went two ways (``anchor``)


def mark_restored_while_held(data_dir: Path, restored_head: int) -> None:
    log.warning("restored a backup older than what a witness saw: the shop stays on hold")
    with contextlib.suppress(OSError):  # only the words depend on it
        atomic_write_bytes(Path(data_dir) / RESTORED_FILE,
                           json.dumps({"restored_event": restored_head}).encode())


def mark_replaced_unreadable(data_dir: Path) -> None:
    """The restore that left the shop held replaced data too damaged to read: the newer
    records a witness saw were in it, not put back to an older copy (QA s19a F7)."""
    path = Path(data_dir) / RESTORED_FILE
    with contextlib.suppress(OSError, ValueError, TypeError):  # only the words depend on it
        record = json.loads(path.read_text(encoding="utf-8"))
        atomic_write_bytes(path, json.dumps({**record, "replaced_unreadable": True}).encode())


def note_newer_backup(data_dir: Path, newer: str) -> None:
    """The restore that left the shop held had a newer backup of it beside it: the hold's
    words name that one to restore, not "no restore brings them back" (QA s42a F11)."""
    path = Path(data_dir) / RESTORED_FILE
    with contextlib.suppress(OSError, ValueError, TypeError):  # only the words depend on it
        record = json.loads(path.read_text(encoding="utf-8"))
        atomic_write_bytes(path, json.dumps({**record, "newer_backup": newer}).encode())


def hold_facts(problems: Sequence[str], data_dir: Path) -> dict[str, str]:
    """What the words of a hold on ``problems`` tell apart, as an ``IntegrityHold``'s facts:
    a restore already done (``after_restore``; ``replaced_unreadable`` too when the data it
    replaced could not be read), two computers on one shop (``forked``)."""
    if not problems or "rolled_back" not in str(problems[0]):
        return {}  # another first problem (files replaced, a damaged file) has its own words
    restored = Path(data_dir) / RESTORED_FILE
    if restored.is_file():
        with contextlib.suppress(OSError, ValueError, AttributeError):
            record = json.loads(restored.read_text(encoding="utf-8"))
            if record.get("replaced_unreadable"):
                return {"after_restore": "yes", "replaced_unreadable": "yes"}
            if record.get("newer_backup"):
                return {"after_restore": "yes", "newer_backup": str(record["newer_backup"])}
        return {"after_restore": "yes"}
    if any(str(p).endswith(FORKED_DETAIL) for p in problems):
        return {"forked": "yes"}
    return {}


def folder_hold_path(data_dir: Path) -> Path:
    return Path(data_dir) / HOLD_FILE


def set_aside_path(data_dir: Path, shop_id: str) -> Path:
    """Where the data folder keeps the hold of ``shop_id`` while another shop is there."""
    return Path(data_dir) / f"integrity-hold.{shop_id}.json"


def user_hold_path(root: Path, shop_id: str, data_dir: Path) -> Path:
    """One per folder of the shop: holding a copy never rewrites the live shop's (QA)."""
    folder = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    return Path(root) / f"{shop_id}.{folder}.hold.json"


def legacy_hold_path(root: Path, shop_id: str) -> Path:
    """The one per shop written before holds were kept per folder: read, then lifted."""
    return Path(root) / f"{shop_id}.hold.json"


def payload(problems: list[str], data_dir: Path, shop_id: str) -> bytes:
    record = {"problems": problems, "folder": str(Path(data_dir).resolve()), "shop": shop_id}
    return json.dumps(record, ensure_ascii=False).encode()


def _read(path: Path) -> dict[str, Any]:
    """The hold kept at ``path``; FileNotFoundError when there is none, ValueError (or OSError)
    when it cannot be read as one."""
    held = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(held, dict) or not isinstance(held.get("problems"), list):
        raise ValueError("not a hold")
    return held


def _belongs_to(held: dict[str, Any], shop_id: str) -> bool:
    return held.get("shop") in (None, shop_id)  # None: from before holds named their shop


def _same_folder(recorded: object, data_dir: Path) -> bool:
    """A hold kept per shop (before they were per folder) names its folder, or holds every
    copy (older still). The data folder's own hold moves with the folder."""
    return recorded is None or str(recorded) == str(Path(data_dir).resolve())


def held_problems(root: Path, data_dir: Path, shop_id: str,
                  found_now: Sequence[str] = ()) -> list[str]:
    """The problems of the standing holds of ``shop_id`` opened from ``data_dir``.

    A data folder's hold that names no shop (written before holds did) still holds; when
    nothing of this shop's own explains it (``found_now``, what its checks found at this open,
    nor a hold kept for it by name), ``UNNAMED`` comes first: which shop it was raised for
    is unknown, and the words say so rather than silently hold a different shop."""
    holds = _standing_holds(root, data_dir, shop_id)
    found = [problem for _, problems in holds for problem in problems]
    unnamed = [set(problems) for named, problems in holds if not named]
    explained = {p for named, problems in holds if named for p in problems} | set(found_now)
    if unnamed and not unnamed[0] & explained:
        found.insert(0, UNNAMED)
    return found


def _standing_holds(root: Path, data_dir: Path, shop_id: str) -> list[tuple[bool, list[str]]]:
    """Each standing hold of ``shop_id`` here: whether it names its shop, and its problems."""
    holds: list[tuple[bool, list[str]]] = []
    folder_file, legacy = folder_hold_path(data_dir), legacy_hold_path(root, shop_id)
    for path in (folder_file, set_aside_path(data_dir, shop_id),
                 user_hold_path(root, shop_id, data_dir), legacy):
        try:
            held = _read(path)
        except FileNotFoundError:
            continue
        except OSError:
            holds.append((True, [UNREADABLE]))
            continue
        except ValueError:
            holds.append((True, [DAMAGED]))
            continue
        if path == legacy and not _same_folder(held.get("folder"), data_dir):
            continue  # another copy of the shop was held here (an old one, only read)
        if path == folder_file and not _belongs_to(held, shop_id):
            _set_aside(data_dir, held)
            continue
        named = path != folder_file or held.get("shop") is not None
        holds.append((named, [str(p) for p in held["problems"]]))
    return holds


def _set_aside(data_dir: Path, held: dict[str, Any]) -> None:
    """Another shop's hold in this folder: keep it under that shop's id (with any kept there
    before), out of the way of the shop that opens here now."""
    other = str(held["shop"])
    log.warning("the data folder keeps the integrity hold of another shop (%s: %s); set "
                "aside, it does not hold this shop", other, held["problems"])
    aside = set_aside_path(data_dir, other)
    with contextlib.suppress(FileNotFoundError, ValueError, OSError):
        held["problems"] = [*_read(aside)["problems"], *held["problems"]]
    problems = list(dict.fromkeys(str(p) for p in held["problems"]))
    try:
        atomic_write_bytes(aside, payload(problems, Path(str(held.get("folder") or data_dir)),
                                          other))
        folder_hold_path(data_dir).unlink()
    except OSError:
        log.warning("could not set the other shop's hold aside; it stays in %s", data_dir)


def remove(root: Path, data_dir: Path, shop_id: str) -> None:
    """Lift every hold of ``shop_id`` kept for ``data_dir``; another shop's stays."""
    for path in (set_aside_path(data_dir, shop_id), user_hold_path(root, shop_id, data_dir),
                 legacy_hold_path(root, shop_id)):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    with contextlib.suppress(FileNotFoundError):
        (Path(data_dir) / RESTORED_FILE).unlink()
    folder_file = folder_hold_path(data_dir)
    try:
        ours = _belongs_to(_read(folder_file), shop_id)
    except FileNotFoundError:
        return
    except (OSError, ValueError):
        ours = True  # a damaged hold was this shop's problem, now acknowledged
    if ours:
        with contextlib.suppress(FileNotFoundError):
            folder_file.unlink()
