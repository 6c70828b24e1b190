"""A backup made by a newer version of the app (its schema above this version's) is refused
before anything is touched: restored, it would leave a shop this version cannot open, at a
counter left on the older version while another PC was upgraded (QA s12c F4)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_cli import OWNER_ENV, as_json, run

from desktop_app.core import backup, migrations, restore
from desktop_app.core.errors import BackupInvalid
from desktop_app.core.models import SchemaVersion
from desktop_app.core.store import create_shop, open_shop
from desktop_app.messages import error_message


def _newer_versions_backup(shop_dir: Path, out: Path, operator: str, password: str) -> Path:
    """A backup as the next version would write it: its schema one step further."""
    with open_shop(shop_dir, operator, password) as shop:
        SchemaVersion.create(version=migrations.CURRENT_VERSION + 1)
        written = backup.write_backup(shop, out)
        SchemaVersion.delete().where(
            SchemaVersion.version > migrations.CURRENT_VERSION).execute()
    return written


def test_restore_refuses_a_newer_versions_backup_and_changes_nothing(shop_dir: Path,
                                                                     tmp_path: Path) -> None:
    create_shop(shop_dir, "Wash", "CNY", OWNER, OWNER_PASSWORD).close()
    newer = _newer_versions_backup(shop_dir, tmp_path / "newer.vsbackup", OWNER, OWNER_PASSWORD)
    before = sorted(p.name for p in shop_dir.iterdir())
    for into in (shop_dir, tmp_path / "empty"):
        with pytest.raises(BackupInvalid) as refused:
            restore.restore_backup(into, newer, OWNER, OWNER_PASSWORD)
        assert refused.value.params["problem"] == "newer_version"
        assert refused.value.params["found"] == migrations.CURRENT_VERSION + 1
        words = error_message(refused.value)
        assert "newer version of Voucher Shop" in words and "nothing was restored" in words
    with pytest.raises(BackupInvalid):  # the check before the question, too (the app's)
        restore.check_restore_and_loss(shop_dir, newer, OWNER, OWNER_PASSWORD)
    assert sorted(p.name for p in shop_dir.iterdir()) == before  # no before-restore-… either
    assert not (tmp_path / "empty" / "shop.db").exists()
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as shop:
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION


def test_the_command_line_says_a_newer_version_made_it(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", "--shop-name", "Wash", "--json").returncode == 0
    newer = _newer_versions_backup(folder, tmp_path / "newer.vsbackup",
                                   OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"])
    refused = run(folder, "restore", str(newer), "--yes", "--json")
    answer = as_json(refused)
    assert refused.returncode == 1, answer
    assert answer["error"] == "backup_invalid" and answer["problem"] == "newer_version"
    assert answer["supported"] == migrations.CURRENT_VERSION
    assert "Install that newer version" in answer["message"]
    assert run(folder, "verify", "--json").returncode == 0
