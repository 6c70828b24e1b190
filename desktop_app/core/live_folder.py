"""Which folder of a shop this computer last opened unheld: the live one. Acknowledging a
hold elsewhere (an older copy kept to look something up) re-bases this computer's witness on
that copy and stops the live shop, so the acknowledgement says so first (QA round 2)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop_app.core.fileio import atomic_write_bytes


def _record(root: Path, shop_id: str) -> Path:
    return Path(root) / f"{shop_id}.folder"


def _recorded(root: Path, shop_id: str) -> str | None:
    try:
        return _record(root, shop_id).read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        return None  # none yet, or unreadable


def remember(root: Path, shop_id: str, data_dir: Path) -> None:
    """At an open that holds: ``data_dir`` is the live folder (written only when it changes)."""
    folder = str(Path(data_dir).resolve())
    if _recorded(root, shop_id) != folder:
        with contextlib.suppress(OSError):
            atomic_write_bytes(_record(root, shop_id), folder.encode("utf-8"))


def elsewhere(root: Path, shop_id: str, data_dir: Path) -> Path | None:
    """The live folder when it is not ``data_dir`` (and still there); else None."""
    recorded = _recorded(root, shop_id)
    if not recorded:
        return None
    folder = Path(recorded)
    if folder == Path(data_dir).resolve() or not folder.is_dir():
        return None
    return folder
