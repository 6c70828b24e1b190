"""A restore asks the witnesses once whether the backup and the shop's data hold what they
vouch for: the restored copy is opened for it once, not once per witness and per question."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from playhouse.sqlcipher_ext import SqlCipherDatabase

from desktop_app.core import backup, integrity, products, restore
from desktop_app.core.store import Shop


def test_the_restored_copy_is_opened_once_for_the_witnesses(
        shop: Shop, shop_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    products.add_product(shop, "Wash", "10.00")
    before = backup.write_backup(shop, tmp_path / "before.vsbackup")
    products.add_product(shop, "Later", "1.00")
    shop.close()
    opened: Counter[str] = Counter()
    real_unbound = integrity.unbound

    def counted(path: Path, key: bytes) -> SqlCipherDatabase:
        opened[Path(path).parent.name.split("-")[0]] += 1
        return real_unbound(path, key)

    monkeypatch.setattr(integrity, "unbound", counted)
    told: list[restore.RestoreLoss] = []

    def confirm(loss: restore.RestoreLoss) -> bool:
        told.append(loss)
        return True

    restore.restore_backup(shop_dir, before, OWNER, OWNER_PASSWORD,
                           confirm=confirm)
    assert opened[".restore"] == 1  # the staged copy, asked about every witnessed head at once
    assert told[0].readable and not told[0].stays_held
