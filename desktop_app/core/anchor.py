"""The audit chain's head, kept outside the database: the anchor and the other witnesses.

SQLCipher authenticates every page, but cannot see a whole file rolled back to an older copy
(a sync tool, a restored disk image) nor commits lost with a damaged WAL frame: the pages
that remain are all genuine. A witness says "event #N of the chain has hash H", MAC'd with a
key derived from the database key. A database whose event #N is missing or differs is older
than the witness: rolled back. Event ids only grow (events are never deleted), so N is the
chain's length up to that event, read without counting the chain.

A witness file is two fixed-size slots, preallocated; each write goes to the slot that does
not hold the newest record, with a sequence number one higher, so a torn write (a power cut)
spoils at most the slot being written and the other one still vouches. Writing one costs one
write and, where asked, one sync: no temporary file, rename or folder sync per commit.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import json
import logging
import os
import struct
import threading
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from desktop_app.core import witness_sync
from desktop_app.core.models import AuditEvent

log = logging.getLogger(__name__)

ANCHOR_FILE = "anchor.bin"
LEGACY_ANCHOR_FILE = "anchor.json"  # format 1, before the slot file; read once to migrate
SLOT_SIZE = 128
_MAGIC = b"VSW2"
_LAYOUT = struct.Struct(">4sQQ32s32s")  # magic, sequence, event id, head hash, MAC
_write_lock = threading.Lock()
_data_sync = getattr(os, "fdatasync", os.fsync)  # not on Windows nor macOS


@dataclass(frozen=True)
class Head:
    """Event ``event_id`` of the chain has hash ``hash``; (0, "") for an empty chain."""

    event_id: int
    hash: str


@dataclass(frozen=True)
class Record:
    sequence: int
    head: Head


EMPTY = Head(0, "")


@functools.lru_cache(maxsize=8)
def _mac_key(key: bytes) -> bytes:
    """A key of its own for witnesses: a witness never reveals or reuses the database key."""
    return hmac.new(key, b"voucher-shop witness 2", hashlib.sha256).digest()


def _mac(key: bytes, sequence: int, head: Head) -> bytes:
    text = f"witness:{sequence}:{head.event_id}:{head.hash}".encode()
    return hmac.new(_mac_key(key), text, hashlib.sha256).digest()


def current_head() -> Head:
    """The newest event of the chain in the bound database (one indexed read)."""
    last = AuditEvent.select(AuditEvent.id, AuditEvent.hash).order_by(
        AuditEvent.id.desc()).first()
    return Head(last.id, last.hash) if last else EMPTY


def head_problem(head: Head) -> str | None:
    """None when the bound database holds ``head`` (it may have more after it); else
    "rolled_back": the database lacks or differs at an event a witness saw committed."""
    if head.event_id == 0:
        return None
    event = AuditEvent.get_or_none(AuditEvent.id == head.event_id)
    if event is None or not hmac.compare_digest(event.hash, head.hash):
        return "rolled_back"
    return None


FORKED = "rolled_back (forked)"  # the same code: scripts and the hold's logic read it alike


def witness_head_problem(head: Head) -> str | None:
    """``head_problem`` for a witness outside the folder, told apart where the chain shows
    it (QA s18a F4): the database holds another event at the same position, so it went on
    from an older point on its own while a copy elsewhere went on too: two computers took
    sales on one shop (both backing up to one stick), not a folder put back."""
    problem = head_problem(head)
    if problem is None:
        return None
    event = AuditEvent.get_or_none(AuditEvent.id == head.event_id)
    return FORKED if event is not None else problem


# --- the slot file --------------------------------------------------------------------------


def encode_slot(key: bytes, record: Record) -> bytes:
    digest = bytes.fromhex(record.head.hash) if record.head.hash else bytes(32)
    packed = _LAYOUT.pack(_MAGIC, record.sequence, record.head.event_id, digest,
                          _mac(key, record.sequence, record.head)).ljust(SLOT_SIZE, b"\0")
    _remember(key, packed, record)
    return packed


# Slots decoded or encoded lately, by content: a commit's witness write reads back the slots
# it wrote last time, and need not check their MACs again.
_KNOWN_SLOTS = 32
_known: dict[tuple[bytes, bytes], Record | None] = {}


def _remember(key: bytes, raw: bytes, record: Record | None) -> None:
    if len(_known) >= _KNOWN_SLOTS:
        _known.clear()
    _known[(key, raw)] = record


def decode_slot(key: bytes, raw: bytes) -> Record | None:
    """The record in one slot, or None for an empty, torn or forged slot."""
    try:
        return _known[(key, raw)]
    except KeyError:
        record = _decode_slot(key, raw)
    _remember(key, raw, record)
    return record


def _decode_slot(key: bytes, raw: bytes) -> Record | None:
    if len(raw) < _LAYOUT.size:
        return None
    magic, sequence, event_id, digest, mac = _LAYOUT.unpack_from(raw)
    if magic != _MAGIC:
        return None
    head = Head(event_id, digest.hex() if event_id else "")
    if not hmac.compare_digest(mac, _mac(key, sequence, head)):
        return None
    return Record(sequence, head)


class WitnessDamaged(Exception):
    """A witness file is there but no slot of it vouches for anything (altered, or both torn)."""


class WitnessUnreadable(WitnessDamaged):
    """A witness file that cannot be read at all (no permission, a file where its folder
    should be): a set-up problem to fix, not proof of tampering, yet it vouches for nothing
    (QA s10a F1: said as "altered")."""


class WitnessForked(Exception):
    """A witness vouches for another chain than the one being written: the same event id
    with another hash, or a later event the database lacks. The database written is not the
    one the witness saw (a file replaced under an open shop, QA s12a F6): never silent."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(str(path))
        self.is_anchor = Path(path).name == ANCHOR_FILE


def read_record(path: Path, key: bytes) -> Record | None:
    """The newest valid record of a witness file; None when the file is not there."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WitnessUnreadable(str(path)) from exc
    if not raw.strip(b"\0"):
        return None  # preallocated, never written (a kill before the first write)
    records = [r for r in (decode_slot(key, raw[i * SLOT_SIZE:(i + 1) * SLOT_SIZE])
                           for i in (0, 1)) if r is not None]
    if not records:
        raise WitnessDamaged(str(path))
    return max(records, key=lambda r: r.sequence)


def write_record(path: Path | str, key: bytes, head: Head, *, sync: bool,
                 rebase: bool = False) -> Head | None:
    """Vouch for ``head`` in the witness file at ``path`` (created preallocated, 0600).

    Never moves a witness backwards (another process may have written a newer head), except
    with ``rebase``: the audited acknowledgement or a restore. The newer head it kept, if
    any. Raises OSError, or ``WitnessForked`` for another hash at the same event."""
    with _write_lock:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            return _write_slot(fd, key, head, sync=sync, rebase=rebase)
        except WitnessForked:
            raise WitnessForked(path) from None
        finally:
            os.close(fd)


def _write_slot(fd: int, key: bytes, head: Head, *, sync: bool,
                rebase: bool) -> Head | None:
    raw = os.read(fd, 2 * SLOT_SIZE)
    created = len(raw) < 2 * SLOT_SIZE  # new (or cut short): preallocate both slots
    if created:
        raw = raw.ljust(2 * SLOT_SIZE, b"\0")
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, raw)
    slots = [decode_slot(key, raw[i * SLOT_SIZE:(i + 1) * SLOT_SIZE]) for i in (0, 1)]
    valid = [(r.sequence, i, r) for i, r in enumerate(slots) if r is not None]
    newest = max(valid, key=lambda v: v[0]) if valid else None
    if newest and not rebase and newest[2].head.event_id >= head.event_id:
        kept = newest[2].head
        if kept.event_id > head.event_id:
            return kept
        if not hmac.compare_digest(kept.hash, head.hash):
            raise WitnessForked("")
        return None
    sequence = newest[0] + 1 if newest else 1
    index = 1 - newest[1] if newest else 0
    os.lseek(fd, index * SLOT_SIZE, os.SEEK_SET)
    os.write(fd, encode_slot(key, Record(sequence, head)))
    if sync:
        # Rewriting a slot in place changes no size: the data sync alone makes it durable,
        # without the journal commit a full sync pays for the modification time.
        (os.fsync if created else _data_sync)(fd)
    return None


# --- the data folder's anchor ----------------------------------------------------------------


def anchor_path(data_dir: Path) -> Path:
    return Path(data_dir) / ANCHOR_FILE


@functools.lru_cache(maxsize=8)
def _anchor_file(data_dir: str) -> str:
    return os.path.join(data_dir, ANCHOR_FILE)


def write_anchor(data_dir: Path, key: bytes, head: Head | None = None, *,
                 rebase: bool = False, sync_soon: bool = False) -> None:
    """Vouch for ``head`` (by default the bound database's newest event) in the data folder:
    one write, then one sync now, or with ``sync_soon`` on the witness thread (a commit's
    write; see ``witness_sync``). Raises OSError, or ``WitnessForked`` when the anchor
    vouches for an event the bound database lacks or holds otherwise."""
    path = _anchor_file(str(data_dir))
    kept = write_record(path, key, head or current_head(), sync=not sync_soon, rebase=rebase)
    if sync_soon:
        witness_sync.soon(path)
    # Another counter's later commit is in this database too (it commits, then writes).
    if kept is not None and head_problem(kept) is not None:
        raise WitnessForked(path)


def check_anchor(data_dir: Path, key: bytes) -> str | None:
    """None when the data folder's anchor agrees with the bound database; else the problem:
    "anchor_missing", "anchor_damaged" or "rolled_back". An anchor from before the slot file
    (``anchor.json``) is checked by its own rules and replaced when it holds."""
    try:
        record = read_record(anchor_path(data_dir), key)
    except WitnessUnreadable:
        return "anchor_unreadable"
    except WitnessDamaged:
        return "anchor_damaged"
    if record is None:
        return _migrate_legacy(Path(data_dir), key)
    return head_problem(record.head)


def _migrate_legacy(data_dir: Path, key: bytes) -> str | None:
    legacy = data_dir / LEGACY_ANCHOR_FILE
    try:
        raw = legacy.read_bytes()
    except FileNotFoundError:
        return "anchor_missing"
    problem = check_anchor_bytes(raw, key)
    if problem is None:  # it holds: the slot file takes over; a failed write tries again later
        try:
            write_anchor(data_dir, key)
        except OSError:
            log.warning("could not write the audit anchor while migrating")
            return None
        with contextlib.suppress(OSError):
            legacy.unlink()
    return problem


# --- the anchor inside a backup (JSON in the backup's header) ---------------------------------


def _json_mac(key: bytes, head: Head) -> str:
    return hmac.new(_mac_key(key), f"backup:{head.event_id}:{head.hash}".encode(),
                    hashlib.sha256).hexdigest()


def anchor_bytes(key: bytes, head: Head | None = None) -> bytes:
    """``head`` (the bound database's head when not given) as a backup header carries it."""
    head = current_head() if head is None else head
    return json.dumps({"format": 2, "event_id": head.event_id, "head": head.hash,
                       "mac": _json_mac(key, head)}).encode("utf-8")


def events_in(raw: bytes | str) -> int | None:
    """How long the chain a backup's anchor names is (its head's event id; an old anchor's
    count), read without the key: how far a backup's history goes, whatever the clock said
    when it was made (QA s19a F2). None when it says nothing readable."""
    try:
        data = json.loads(raw)
        return int(data["event_id"] if data.get("format") == 2 else data["count"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _legacy_mac(key: bytes, head: str, count: int) -> str:
    return hmac.new(key, f"anchor:{head}:{count}".encode(), hashlib.sha256).hexdigest()


def check_anchor_bytes(raw: bytes | None, key: bytes) -> str | None:
    """None when the bound database agrees with a backup's anchor (format 2) or an old
    ``anchor.json`` (format 1, head and count); else the problem."""
    if raw is None:
        return "anchor_missing"
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") == 2:
            head = Head(int(data["event_id"]), str(data["head"]))
            if not hmac.compare_digest(str(data["mac"]), _json_mac(key, head)):
                return "anchor_damaged"
            return head_problem(head)
        text, count, mac = str(data["head"]), int(data["count"]), str(data["mac"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return "anchor_damaged"
    if not hmac.compare_digest(mac, _legacy_mac(key, text, count)):
        return "anchor_damaged"
    if count == 0:
        return None
    event = AuditEvent.get_or_none(AuditEvent.hash == text)
    if event is None:
        return "rolled_back"
    position = AuditEvent.select(fn.COUNT(AuditEvent.id)).where(
        AuditEvent.id <= event.id).scalar()
    return None if position == count else "rolled_back"
