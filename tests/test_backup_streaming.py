"""Backups written and read in chunks (QA s14a F6): a shop's database of any size costs a few
megabytes of memory, not its size three times over. The file is the same as before (read here
as the old reader did: the whole file in memory), a database of many chunks round-trips, and a
backup cut short, damaged at its end or changed after it was checked is refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_backup_restore import assert_restore_refused_changing_nothing

from desktop_app.core import audit, backup, backup_format, cardkeys, products, restore
from desktop_app.core.errors import BackupInvalid, DiskFull
from desktop_app.core.store import Shop, open_shop

SMALL_CHUNK = 4096  # a shop of a few hundred kilobytes is then many chunks


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(backup_format, "CHUNK", SMALL_CHUNK)
    return SMALL_CHUNK


def stocked(shop: Shop, keys: int = 2000) -> int:
    """A card-key product with ``keys`` keys: a database of many small chunks."""
    product = products.add_product(shop, "Game card", "10.00", "cardkey")
    cardkeys.import_card_keys(shop, product.id, "\n".join(
        f"GAME-{i:06d}-{'K' * 40}" for i in range(keys)))
    return int(product.id)


def read_as_before(path: Path) -> tuple[dict[str, object], bytes]:
    """The whole-file reader of the versions before streaming: header and database (the
    layout is the same; the header's format is 2 since QA s19b F4)."""
    raw = path.read_bytes()
    assert raw.startswith(backup.MAGIC)
    body, digest = raw[:-32], raw[-32:]
    assert hashlib.sha256(body).digest() == digest
    start = len(backup.MAGIC) + 8
    size = int.from_bytes(raw[len(backup.MAGIC):start], "big")
    header = json.loads(body[start:start + size])
    database = body[start + size:]
    assert len(database) == header["database_size"] and header["format"] == 2
    return header, database


def test_a_database_of_many_chunks_round_trips(shop: Shop, shop_dir: Path, tmp_path: Path,
                                               small_chunks: int) -> None:
    product_id = stocked(shop)
    told: list[tuple[int, int]] = []
    out = backup.write_backup(shop, tmp_path / "big.vsbackup",
                              progress=lambda done, size: told.append((done, size)))
    header, database = read_as_before(out)  # the same file layout as ever
    assert len(database) > 20 * small_chunks and header["shop_id"] == shop.shop_id
    assert len(told) > 20 and told[-1] == (len(database), len(database))
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    info = backup.read_backup(out)
    assert (info.database_size, info.database_offset) == (len(database), out.stat().st_size
                                                          - 32 - len(database))
    copied = tmp_path / "copied.db"
    backup_format.copy_database(info, copied)
    assert copied.read_bytes() == database
    products.add_product(shop, "Made after the backup", "1.00")
    shop.close()
    restore.restore_backup(shop_dir, out, OWNER, OWNER_PASSWORD)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert [p.name for p in products.list_products(restored)] == ["Game card"]
        assert cardkeys.key_counts(restored, product_id)["unsold"] == 2000
        assert audit.verify_shop(restored) == []


def test_a_backup_written_whole_as_before_still_restores(shop: Shop, shop_dir: Path,
                                                          tmp_path: Path,
                                                          small_chunks: int) -> None:
    """A backup of an earlier version: built in memory, MAGIC to hash, as it used to be."""
    stocked(shop, 500)
    streamed = backup.write_backup(shop, tmp_path / "new.vsbackup")
    header, database = read_as_before(streamed)
    encoded = json.dumps(header).encode("utf-8")
    body = backup.MAGIC + len(encoded).to_bytes(8, "big") + encoded + database
    old = tmp_path / "old.vsbackup"
    old.write_bytes(body + hashlib.sha256(body).digest())
    shop.close()
    assert restore.check_restore(shop_dir, old, OWNER, OWNER_PASSWORD).shop_id == header["shop_id"]
    restore.restore_backup(shop_dir, old, OWNER, OWNER_PASSWORD)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as restored:
        assert audit.verify_shop(restored) == []


def _cut(raw: bytes, size: int) -> bytes:
    return raw[:-size]


def _flip(raw: bytes, at: int) -> bytes:
    changed = bytearray(raw)
    changed[at] ^= 0x40
    return bytes(changed)


@pytest.mark.parametrize("damage", [
    lambda raw: _cut(raw, 1),  # the hash's last byte lost
    lambda raw: _cut(raw, 32),  # the hash gone: the database's end read as one
    lambda raw: _cut(raw, SMALL_CHUNK + 7),  # cut inside the last chunks
    lambda raw: _flip(raw, len(raw) - 1),  # the hash damaged
    lambda raw: _flip(raw, len(raw) - 40),  # the database's last chunk damaged
    lambda raw: raw + b"\0" * 10,  # something appended after the hash
    lambda raw: raw[:len(backup.MAGIC) + 8] + b"\xff" * 10,  # the header's length gone
], ids=["hash-byte-cut", "hash-cut", "chunks-cut", "hash-flipped", "tail-flipped", "appended",
        "header-cut"])
def test_a_backup_cut_short_or_damaged_at_its_end_is_refused(
        shop: Shop, shop_dir: Path, tmp_path: Path, small_chunks: int, damage: object) -> None:
    stocked(shop, 500)
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    out.write_bytes(damage(out.read_bytes()))  # type: ignore[operator]
    with pytest.raises(BackupInvalid) as refused:
        backup.read_backup(out)
    assert refused.value.params["problem"] == "damaged"
    assert_restore_refused_changing_nothing(shop, shop_dir, out)


def test_a_backup_changed_after_its_check_is_refused_while_copied(
        shop: Shop, tmp_path: Path, small_chunks: int) -> None:
    """Read in chunks, the database is no longer the bytes checked in memory: its copy hashes
    the file again, so a file rewritten between the check and the copy is refused."""
    stocked(shop, 500)
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    info = backup.read_backup(out)
    raw = out.read_bytes()
    for changed in (_flip(raw, info.database_offset + info.database_size // 2),
                    raw[:-32 - SMALL_CHUNK] + raw[-32:],
                    raw + b"more"):
        out.write_bytes(changed)
        with pytest.raises(BackupInvalid) as refused:
            backup_format.copy_database(info, tmp_path / "copy.db")
        assert refused.value.params["problem"] == "damaged"
    out.unlink()
    with pytest.raises(BackupInvalid) as gone:
        backup_format.copy_database(info, tmp_path / "copy.db")
    assert gone.value.params["problem"] == "unreadable"


def test_a_failed_write_leaves_the_old_backup(shop: Shop, tmp_path: Path,
                                              small_chunks: int) -> None:
    """A write that stops half-way (here: the progress raising, as a full disk would) leaves
    the previous backup and no temporary file."""
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    old = out.read_bytes()
    stocked(shop, 500)

    def stop(done: int, size: int) -> None:
        if done > size // 2:
            raise OSError(28, "No space left on device")

    with pytest.raises(DiskFull):
        backup.write_backup(shop, out, progress=stop)
    assert out.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []
