"""A really full disk (a tiny tmpfs): a clear error, and nothing already saved is lost.

Mounting needs root (CI runs as root); elsewhere these tests skip.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD

from desktop_app.core import audit, backup, cardkeys, products
from desktop_app.core.errors import DiskFull
from desktop_app.core.store import create_shop, open_shop


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs",
                             str(mount_point)], capture_output=True, check=False)
    if result.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill_until_full(shop: object, product_id: int) -> int:
    imported = 0
    with contextlib.suppress(DiskFull):
        for _ in range(1000):
            keys = "\n".join(f"{uuid.uuid4().hex}{uuid.uuid4().hex}" for _ in range(200))
            imported += cardkeys.import_card_keys(shop, product_id, keys).imported  # type: ignore[arg-type]
        pytest.fail("the disk never filled up")
    return imported


def test_full_disk_says_so_and_keeps_what_was_saved(tiny_disk: Path) -> None:
    folder = tiny_disk / "shop"
    with create_shop(folder, "Full", "CNY", OWNER, OWNER_PASSWORD) as shop:
        product = products.add_product(shop, "Keys", "1.00", "cardkey")
        imported = _fill_until_full(shop, product.id)
        assert imported > 0
        with pytest.raises(DiskFull):
            cardkeys.import_card_keys(shop, product.id, "\n".join(
                uuid.uuid4().hex * 4 for _ in range(5000)))
    with open_shop(folder, OWNER, OWNER_PASSWORD) as again:
        stock = products.list_products(again)[0].stock
        assert stock == imported  # every committed import is there, the failed one is not
        assert audit.verify_shop(again) == []


def test_backup_to_a_full_disk_keeps_the_old_backup(tiny_disk: Path, tmp_path: Path) -> None:
    with create_shop(tmp_path / "shop", "Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        product = products.add_product(shop, "Keys", "1.00", "cardkey")
        out = tiny_disk / "shop.vsbackup"
        backup.write_backup(shop, out)
        old = out.read_bytes()
        filler = tiny_disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:
                handle.write(b"\0" * 65536)
        cardkeys.import_card_keys(shop, product.id, "\n".join(
            uuid.uuid4().hex * 4 for _ in range(3000)))
        with pytest.raises(DiskFull):
            backup.write_backup(shop, out)
        assert out.read_bytes() == old
        assert not [p for p in tiny_disk.iterdir() if p.name.endswith(".tmp")]


def test_opening_on_a_full_disk_says_full_not_damaged(tiny_disk: Path) -> None:
    """SQLite cannot create the -wal and -shm files and says "disk I/O error": it read as a
    damaged database, "restore your latest backup", over a healthy file."""
    folder = tiny_disk / "shop"
    create_shop(folder, "Full", "CNY", OWNER, OWNER_PASSWORD).close()
    filler = tiny_disk / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        while True:
            handle.write(b"\0" * 4096)
    with pytest.raises(DiskFull):
        open_shop(folder, OWNER, OWNER_PASSWORD).close()
    filler.unlink()
    with open_shop(folder, OWNER, OWNER_PASSWORD) as again:  # healthy all along
        assert audit.verify_shop(again) == []
