"""The backup file's format, written and read in chunks: a shop's database of any size costs
a few megabytes of memory, not its size three times over (QA s14a F6).

    MAGIC | header length (8 bytes, big-endian) | JSON header | database | SHA-256

The SHA-256 covers everything before it. The header names its format, the shop, the schema
version, the key slots and the audit anchor at backup time, and the database's size.

Format 2 (since QA s19b): the copy holds the backup's own ``backup`` event, which the witness
beside it vouches for; format 1 backups were written either way (``old_backup_witness``). The
number also keeps older builds away from a newer shop: 6d841fe and 6fd055c read only format 1
and refuse any other as damaged before they touch anything (they took a format-1 backup of a
newer schema and left a shop they could not open: QA s19b F4). Both formats are read here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.core.anchor import events_in
from desktop_app.core.errors import BackupInvalid

MAGIC = b"VOUCHER-SHOP-BACKUP 1\n"  # the same in both formats: the header's "format" differs
FORMAT = 2  # written
READABLE_FORMATS = (1, 2)
CHUNK = 1 << 20  # bytes read, hashed and written at a time
DIGEST_SIZE = 32
_LENGTH_SIZE = 8
MAX_HEADER = 16 << 20  # key slots and an anchor: kilobytes; anything near this is no backup

# (bytes of the database written so far, its size): told after each chunk.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupInfo:
    """A checked backup file: its header, and where in the file its database lies (copied
    out with ``copy_database``, never read into memory whole)."""

    shop_id: str
    created_at: dt.datetime
    schema_version: int
    keyslots: bytes
    anchor: bytes
    path: Path
    database_offset: int
    database_size: int
    file_format: int  # the header's "format": 1 or 2


def write_backup_file(target: BinaryIO, header: dict[str, Any], database: Path,
                      progress: Progress | None = None) -> None:
    """The backup of ``database`` (an exported copy no one writes meanwhile) into ``target``,
    hashed as it goes; ``header`` gains the database's size."""
    size = database.stat().st_size
    encoded = json.dumps({**header, "database_size": size}).encode("utf-8")
    digest = hashlib.sha256()

    def put(data: bytes) -> None:
        target.write(data)
        digest.update(data)

    put(MAGIC + len(encoded).to_bytes(_LENGTH_SIZE, "big") + encoded)
    copied = 0
    with database.open("rb") as source:
        for chunk in iter(lambda: source.read(CHUNK), b""):
            put(chunk)
            copied += len(chunk)
            if progress is not None:
                progress(copied, size)
    if copied != size:  # our own export, changed under us: a bug, never a backup that lies
        raise RuntimeError(f"the exported database changed while copied ({copied}/{size})")
    target.write(digest.digest())


def read_backup(path: Path) -> BackupInfo:
    """Check a backup file completely (its hash over every byte, in chunks) before anything
    trusts it; its database stays in the file."""
    path = Path(path)
    try:
        with path.open("rb") as source:
            if source.read(len(MAGIC)) != MAGIC:
                raise BackupInvalid(problem="not_a_backup", path=str(path))
            total = source.seek(0, 2)
            if total < len(MAGIC) + _LENGTH_SIZE + DIGEST_SIZE:
                raise BackupInvalid(problem="damaged", path=str(path))
            source.seek(0)
            _check_digest(source, _hashed(source, path, total - DIGEST_SIZE), path)
            source.seek(len(MAGIC))
            length = int.from_bytes(source.read(_LENGTH_SIZE), "big")
            start = len(MAGIC) + _LENGTH_SIZE
            if length > min(MAX_HEADER, total - DIGEST_SIZE - start):
                raise BackupInvalid(problem="damaged", path=str(path))
            header_bytes = source.read(length)
    except OSError as exc:
        raise BackupInvalid(problem="unreadable", path=str(path)) from exc
    return _info(path, header_bytes, start + length, total - DIGEST_SIZE)


def _info(path: Path, header_bytes: bytes, offset: int, end: int) -> BackupInfo:
    try:
        header = json.loads(header_bytes.decode("utf-8"))
        if (end - offset != int(header["database_size"])
                or header["format"] not in READABLE_FORMATS):
            raise ValueError("size")
        return BackupInfo(str(header["shop_id"]), dt.datetime.fromisoformat(header["created_at"]),
                          int(header["schema_version"]), header["keyslots"].encode("utf-8"),
                          header["anchor"].encode("utf-8"), path, offset, end - offset,
                          int(header["format"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BackupInvalid(problem="damaged", path=str(path)) from exc


@dataclass(frozen=True)
class HeaderGlance:
    """What a backup's header says, read without checking the file: its shop, when it was
    made (by the clock of the PC that made it) and how many events its copy holds (None:
    its anchor says nothing readable)."""

    shop_id: str
    created_at: dt.datetime
    events: int | None


def read_header_only(path: Path) -> HeaderGlance | None:
    """What a backup file names in its header, read without checking the file whole: a
    cheap look at the files beside the one chosen. None for any other file."""
    try:
        with Path(path).open("rb") as source:
            if source.read(len(MAGIC)) != MAGIC:
                return None
            length = int.from_bytes(source.read(_LENGTH_SIZE), "big")
            if length > MAX_HEADER:
                return None
            header = json.loads(source.read(length).decode("utf-8"))
        moment = dt.datetime.fromisoformat(header["created_at"])
        return HeaderGlance(str(header["shop_id"]),
                            moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC),
                            events_in(header.get("anchor", "")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def copy_database(info: BackupInfo, target: Path) -> None:
    """The backup's database into ``target``, in chunks. The whole file is hashed again on
    the way: a file changed since ``read_backup`` checked it (a USB stick's copy rewritten) is
    refused, as the one read once into memory used to be. A failure reading the backup is the
    backup's (``BackupInvalid``); one writing ``target`` is an ``OSError``."""
    path = info.path
    try:
        source = path.open("rb")
    except OSError as exc:
        raise BackupInvalid(problem="unreadable", path=str(path)) from exc
    with source, Path(target).open("wb") as out:
        digest = hashlib.sha256()
        for chunk in _chunks(source, path, info.database_offset):
            digest.update(chunk)
        for chunk in _chunks(source, path, info.database_size):
            digest.update(chunk)
            out.write(chunk)
        _check_digest(source, digest, path)


def _hashed(source: BinaryIO, path: Path, size: int) -> Any:
    digest = hashlib.sha256()
    for chunk in _chunks(source, path, size):
        digest.update(chunk)
    return digest


def _check_digest(source: BinaryIO, digest: Any, path: Path) -> None:
    """The hash of what was read equals the file's last bytes, and nothing follows them."""
    try:
        stored = source.read(DIGEST_SIZE + 1)
    except OSError as exc:
        raise BackupInvalid(problem="unreadable", path=str(path)) from exc
    if stored != digest.digest():
        raise BackupInvalid(problem="damaged", path=str(path))


def _chunks(source: BinaryIO, path: Path, size: int) -> Iterator[bytes]:
    """``size`` bytes of ``source`` from where it stands, a chunk at a time; a file that ends
    sooner (cut short since it was checked) is damaged."""
    left = size
    while left > 0:
        try:
            chunk = source.read(min(CHUNK, left))
        except OSError as exc:
            raise BackupInvalid(problem="unreadable", path=str(path)) from exc
        if not chunk:
            raise BackupInvalid(problem="damaged", path=str(path))
        left -= len(chunk)
        yield chunk
