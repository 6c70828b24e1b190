"""QA s19a F13: ``init`` made ``shop.db`` 0644 (the umask's) while the key slots, the anchor,
``lockout.json`` and a restored database are 0600. A new shop's database is this computer
user's alone too, and SQLite gives its -wal and -shm files the same permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_cli import run
from test_restore_guards import ENV

from desktop_app.core.store import create_shop

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows has no permission bits")


def _modes(folder: Path) -> dict[str, int]:
    return {path.name: stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()
            if path.name.startswith("shop.db")}


def test_a_new_shops_database_is_its_users_alone(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # as most systems set it
    try:
        with create_shop(tmp_path / "shop", "S", "CNY", OWNER, OWNER_PASSWORD) as shop:
            modes = _modes(shop.data_dir)
    finally:
        os.umask(old_umask)
    assert "shop.db-wal" in modes  # open: the log is there too
    assert modes == dict.fromkeys(modes, 0o600)


def test_init_makes_the_database_0600(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", "--json", env=ENV).returncode == 0
    assert _modes(folder)["shop.db"] == 0o600
