"""An upgrade, and a restore, are refused while another process has the database open
through SQLite itself, shop.lock or not (QA s19b F2): the first version took no shop.lock,
and a counter left running on it went on writing the old way after the upgrade.

The other opener here is what that version was at a counter: a plain SQLCipher connection in
WAL mode, idle after its reads; no code of an old build is needed."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlcipher3
from conftest import OWNER, OWNER_PASSWORD
from test_cli import ROOT, run
from test_schema_upgrade import _one_version_back, _upgrade_events

from desktop_app.core import backup, migrations
from desktop_app.core.cipher_files import raw_key
from desktop_app.core.engine import ShopLocation
from desktop_app.core.paths import DATABASE_FILE
from desktop_app.core.store import create_shop

ENV = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}

# An opener that takes no shop.lock: SQLCipher in WAL mode, as the app's first version.
SQLITE_OPENER = (
    "import sys, sqlcipher3; db = sqlcipher3.connect(sys.argv[1], isolation_level=None); "
    "db.execute('PRAGMA key = \"' + sys.argv[2] + '\"'); "
    "db.execute('PRAGMA journal_mode = wal'); "
    "db.execute('SELECT count(*) FROM schema_version').fetchone(); "
    "print('open', flush=True); sys.stdin.read()")


@contextmanager
def opened_by_sqlite_alone(shop_dir: Path, key: bytes) -> Iterator[None]:
    with subprocess.Popen([sys.executable, "-c", SQLITE_OPENER, str(shop_dir / DATABASE_FILE),
                           raw_key(key)], cwd=ROOT, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as opener:
        assert opener.stdout is not None and opener.stdout.readline().strip() == "open"
        yield
        assert opener.stdin is not None
        opener.stdin.close()


def _versions(shop_dir: Path, key: bytes) -> list[int]:
    db = sqlcipher3.connect(str(shop_dir / DATABASE_FILE))
    try:
        db.execute(f'PRAGMA key = "{raw_key(key)}"')
        return [row[0] for row in db.execute("SELECT version FROM schema_version")]
    finally:
        db.close()


@pytest.fixture
def old_shop(shop_dir: Path) -> bytes:
    """A shop one schema version back; its database key."""
    shop = create_shop(shop_dir, "Old", "CNY", OWNER, OWNER_PASSWORD)
    key = shop.database_key
    _one_version_back(shop)
    return key


def test_an_opener_without_shop_lock_stops_the_upgrade_and_nothing_changes(
        shop_dir: Path, old_shop: bytes) -> None:
    before = _versions(shop_dir, old_shop)
    with opened_by_sqlite_alone(shop_dir, old_shop):
        english = run(shop_dir, "product", "list", env=ENV, fresh=True)
        chinese = run(shop_dir, "--lang", "zh_CN", "product", "list", env=ENV)
    assert english.returncode == 3, english.stdout + english.stderr
    assert "must upgrade the shop" in english.stderr and "perhaps in an older version" in \
        english.stderr and "Nothing was changed" in english.stderr
    assert chinese.returncode == 3 and "可能是旧版本" in chinese.stderr, chinese.stderr
    assert _versions(shop_dir, old_shop) == before  # not upgraded, not one step of it
    with ShopLocation(shop_dir).open(OWNER, OWNER_PASSWORD) as shop:  # alone now: upgraded
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
        assert len(_upgrade_events(shop)) == 1


def test_after_an_upgrade_other_counters_open_and_write_beside_the_upgrader(
        shop_dir: Path, old_shop: bytes) -> None:
    """The upgrader's exclusive hold on the database ends with the upgrade: the counters of
    this version share the file again, each writing beside the other."""
    with ShopLocation(shop_dir).open(OWNER, OWNER_PASSWORD) as shop:
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
        added = run(shop_dir, "product", "add", "--name", "Wash", "--price", "9",
                    "--uses", "1", env=ENV)
        assert added.returncode == 0, added.stderr
        shop.set_setting("shop_name", "Upgraded")  # this counter writes on, too
        with opened_by_sqlite_alone(shop_dir, old_shop):  # and a third opener is let in
            listed = run(shop_dir, "product", "list", env=ENV)
        assert listed.returncode == 0 and "Wash" in listed.stdout, listed.stderr


def test_a_shop_needing_no_upgrade_opens_beside_any_sqlite_opener(
        shop_dir: Path) -> None:
    shop = create_shop(shop_dir, "New", "CNY", OWNER, OWNER_PASSWORD)
    key = shop.database_key
    shop.close()
    with opened_by_sqlite_alone(shop_dir, key):
        listed = run(shop_dir, "product", "list", env=ENV)
    assert listed.returncode == 0, listed.stderr


def test_a_restore_is_refused_while_an_opener_without_shop_lock_has_the_database(
        shop_dir: Path, tmp_path: Path) -> None:
    """A restore sets the files aside: a first-version counter open on them would write on
    into the set-aside copy (on Windows the move fails half-way)."""
    shop = create_shop(shop_dir, "Shop", "CNY", OWNER, OWNER_PASSWORD)
    key = shop.database_key
    out = backup.write_backup(shop, tmp_path / "x.vsbackup")
    shop.close()
    with opened_by_sqlite_alone(shop_dir, key):
        refused = run(shop_dir, "restore", str(out), "--yes", "--json", env=ENV)
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert json.loads(refused.stdout)["error"] == "shop_in_use"
    assert not list(shop_dir.glob("before-restore-*"))  # nothing was set aside
    done = run(shop_dir, "restore", str(out), "--yes", "--json", env=ENV)
    assert done.returncode == 0, done.stdout + done.stderr
