"""The audit chain's head, kept outside the database too.

SQLCipher authenticates every page, but cannot see a whole file rolled back to an older copy
(a sync tool, a restored disk image) nor commits lost with a damaged WAL frame: the pages
that remain are all genuine. The head hash of the audit chain and the number of events up to
it, MAC'd with the database key, are written beside the key slots after every commit that
adds events, and into every backup. Opening and ``verify`` compare them with the chain.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
from pathlib import Path

from peewee import fn

from desktop_app.core.fileio import atomic_write_bytes
from desktop_app.core.models import AuditEvent

log = logging.getLogger(__name__)

ANCHOR_FILE = "anchor.json"
_write_lock = threading.Lock()


def _mac(key: bytes, head: str, count: int) -> str:
    return hmac.new(key, f"anchor:{head}:{count}".encode(), hashlib.sha256).hexdigest()


def current_head() -> tuple[str, int]:
    """(hash of the newest event, number of events); ("", 0) for an empty chain."""
    last = AuditEvent.select(AuditEvent.hash).order_by(AuditEvent.id.desc()).first()
    return (last.hash, AuditEvent.select().count()) if last else ("", 0)


def anchor_bytes(key: bytes) -> bytes:
    head, count = current_head()
    return json.dumps({"format": 1, "head": head, "count": count,
                       "mac": _mac(key, head, count)}).encode("utf-8")


def write_anchor(data_dir: Path, key: bytes) -> None:
    with _write_lock:  # read the head inside the lock so an older head never wins
        atomic_write_bytes(Path(data_dir) / ANCHOR_FILE, anchor_bytes(key))


def check_anchor_bytes(raw: bytes | None, key: bytes) -> str | None:
    """None when the chain in the open database agrees with the anchor; else the problem."""
    if raw is None:
        return "anchor_missing"
    try:
        data = json.loads(raw.decode("utf-8"))
        head, count = str(data["head"]), int(data["count"])
        mac = str(data["mac"])
    except (ValueError, KeyError, TypeError):
        return "anchor_damaged"
    if not hmac.compare_digest(mac, _mac(key, head, count)):
        return "anchor_damaged"
    if count == 0:
        return None
    event = AuditEvent.get_or_none(AuditEvent.hash == head)
    if event is None:
        return "rolled_back"  # the database lacks events the anchor saw committed
    position = AuditEvent.select(fn.COUNT(AuditEvent.id)).where(
        AuditEvent.id <= event.id).scalar()
    return None if position == count else "rolled_back"


def read_anchor(data_dir: Path) -> bytes | None:
    try:
        return (Path(data_dir) / ANCHOR_FILE).read_bytes()
    except FileNotFoundError:
        return None


def check_anchor(data_dir: Path, key: bytes) -> str | None:
    return check_anchor_bytes(read_anchor(data_dir), key)
