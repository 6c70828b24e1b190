"""The encrypted store: create, open, refuse what is wrong, and leave nothing readable."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from peewee import IntegerField
from playhouse.migrate import SqliteMigrator, migrate

from desktop_app.core import (
    auth,
    cardkeys,
    fulfilment,
    migrations,
    orders,
    products,
    redemption,
    transactions,
)
from desktop_app.core.errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DiskFull,
    IntegrityHold,
    KeySlotMissing,
    KeySlotsDamaged,
    NetworkPathRefused,
    NoShop,
    OperatorDisabled,
    SchemaTooNew,
    ShopExists,
    WrongPassword,
)
from desktop_app.core.fileio import atomic_write_bytes, raise_for_os_error
from desktop_app.core.keyslots import SCRYPT_N, SCRYPT_R, KeySlotFile
from desktop_app.core.lockout import LoginThrottle
from desktop_app.core.models import Operator, SchemaVersion
from desktop_app.core.paths import is_network_path, prepare_data_dir
from desktop_app.core.store import Shop, create_shop, database_path, open_shop

DATA = Path(__file__).parent / "data"


def test_created_shop_reopens_with_the_owner_password(shop: Shop, shop_dir: Path) -> None:
    assert shop.db.execute_sql("PRAGMA cipher_version").fetchone()[0]
    assert shop.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert shop.db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert shop.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert shop.db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 2000
    shop.close()
    with open_shop(shop_dir, "  alice ", OWNER_PASSWORD) as again:
        assert again.operator.name == OWNER
        assert again.operator.role == "owner"
        assert again.name == "Test Shop 测试店"
        assert migrations.current_version(again.db) == migrations.CURRENT_VERSION


def test_key_slot_is_scrypt_wrapped_and_no_password_is_the_key(shop: Shop, shop_dir: Path
                                                               ) -> None:
    data = json.loads((shop_dir / "keyslots.json").read_text())
    slot = data["slots"]["alice"]
    assert slot["kdf"] == "scrypt" and slot["n"] >= SCRYPT_N and slot["r"] >= SCRYPT_R
    assert slot["cipher"] == "aes-256-gcm"
    assert len(shop.database_key) == 32
    assert OWNER_PASSWORD.encode() not in (shop_dir / "keyslots.json").read_bytes()


def test_second_operator_has_own_slot_for_the_same_key(shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, "Bob", "clerk", "clerk-pass-77")
    shop.close()
    with open_shop(shop_dir, "bob", "clerk-pass-77") as clerk:
        assert clerk.operator.role == "clerk"
        assert not clerk.is_owner


def test_wrong_password_is_refused_and_changes_nothing(shop: Shop, shop_dir: Path) -> None:
    shop.close()

    def files() -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in shop_dir.iterdir()
                if p.is_file() and p.name != "lockout.json"}

    before = files()
    with pytest.raises(WrongPassword):
        open_shop(shop_dir, OWNER, "not the password")
    assert files() == before  # only the failed-login count (outside the database) moved
    assert LoginThrottle(shop_dir).wait_seconds(OWNER) == 0


def test_unknown_operator_has_no_slot(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    with pytest.raises(KeySlotMissing):
        open_shop(shop_dir, "mallory", OWNER_PASSWORD)


def test_disabled_operator_cannot_open(shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, "Bob", "clerk", "clerk-pass-77")
    Operator.update(active=False).where(Operator.name == "Bob").execute()
    shop.close()
    with pytest.raises(OperatorDisabled):
        open_shop(shop_dir, "Bob", "clerk-pass-77")


def test_no_shop_and_existing_shop(shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(NoShop):
        open_shop(tmp_path / "elsewhere", OWNER, OWNER_PASSWORD)
    with pytest.raises(ShopExists):
        create_shop(shop_dir, "Again", "CNY", OWNER, OWNER_PASSWORD)


def test_corrupted_database_gives_a_clear_error(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    path = database_path(shop_dir)
    data = bytearray(path.read_bytes())
    data[4096 + 100 : 4096 + 200] = b"\x00" * 100  # damage the second page
    data[20:60] = b"\xff" * 40  # and the first, past the salt
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)


def test_truncated_or_missing_database(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    path = database_path(shop_dir)
    path.write_bytes(path.read_bytes()[:100])
    with pytest.raises(DatabaseCorrupt):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    path.unlink()
    with pytest.raises(IntegrityHold) as missing:  # beside key slots: never a new shop
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    assert missing.value.params["problem"] == "database_missing"
    assert not path.exists()


def test_damaged_key_slot_file(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    (shop_dir / "keyslots.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(KeySlotsDamaged):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)


def test_weakened_key_slot_is_refused(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    path = shop_dir / "keyslots.json"
    data = json.loads(path.read_text())
    data["slots"]["alice"]["n"] = 2
    path.write_text(json.dumps(data))
    with pytest.raises(KeySlotsDamaged):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)


def test_locked_database_waits_then_says_locked(shop: Shop, shop_dir: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program holding the write lock: a clear error after the busy timeout."""
    # The write asks again for LOCK_RETRY_S (12 s) before it says so: 1 s here, for the
    # same retries and the same error without the 11 s more of waiting.
    monkeypatch.setattr(transactions, "LOCK_RETRY_S", 1.0)
    shop.close()
    holder = open_shop(shop_dir, OWNER, OWNER_PASSWORD, busy_timeout_ms=100)
    holder.db.execute_sql("BEGIN EXCLUSIVE")
    done = threading.Event()
    errors: list[Exception] = []

    def second_counter() -> None:
        try:
            other = open_shop(shop_dir, OWNER, OWNER_PASSWORD, busy_timeout_ms=200)
            try:
                products.add_product(other, "Blocked", "1.00")
            finally:
                other.close()
        except Exception as exc:
            errors.append(exc)
        done.set()

    thread = threading.Thread(target=second_counter)
    thread.start()
    thread.join(timeout=30)
    holder.db.execute_sql("ROLLBACK")
    holder.close()
    assert done.is_set()
    assert len(errors) == 1 and isinstance(errors[0], DatabaseLocked)


def test_plain_sqlite_cannot_read_the_file(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(database_path(shop_dir)) as plain:
        plain.execute("SELECT * FROM sqlite_master").fetchall()


def test_nothing_readable_in_the_data_folder(shop: Shop, shop_dir: Path) -> None:
    """Names, codes, payloads and card keys never appear in any file, logs included."""
    from desktop_app.logs import setup_logging

    setup_logging(shop_dir)
    product = products.add_product(shop, "SECRETPRODUCT 秘密洗车", "12.50", "service", uses=3)
    keys = products.add_product(shop, "KEYPRODUCTNAME", "5.00", "cardkey")
    cardkeys.import_card_keys(shop, keys.id, "CARDKEYSECRET-0001\nCARDKEYSECRET-0002\n")
    order = orders.create_order(shop, [(product.id, 1), (keys.id, 1)], "CUSTOMERNAME 张三")
    issued = fulfilment.pay_order(shop, order.id, "cash")
    redemption.redeem(shop, issued[0].payload, "STATIONNAME")
    redemption.redeem(shop, "garbage-SCANNEDGARBAGE", "STATIONNAME")
    needles = ["SECRETPRODUCT", "秘密洗车", "KEYPRODUCTNAME", "CARDKEYSECRET", "CUSTOMERNAME",
               "张三", "STATIONNAME", "SCANNEDGARBAGE", OWNER_PASSWORD,
               *(v.payload for v in issued), *(v.code.replace("-", "") for v in issued)]
    setup_logging(None)  # close the file handler so the log is complete on disk

    def scan() -> list[tuple[str, str]]:
        found = []
        for path in shop_dir.rglob("*"):
            if not path.is_file():
                continue
            blob = path.read_bytes()
            for needle in needles:
                for encoding in ("utf-8", "utf-16-le"):
                    if needle.encode(encoding) in blob:
                        found.append((path.name, needle))
        return found

    assert scan() == []  # while open: the WAL holds the latest pages, encrypted
    shop.close()
    assert scan() == []
    assert (shop_dir / "logs").is_dir()


def test_network_paths_are_refused(tmp_path: Path) -> None:
    assert is_network_path(Path(r"\\server\share\shop"))
    assert is_network_path(Path("//server/share/shop"))
    mounts = [("/", "ext4"), ("/mnt/nas", "cifs"), ("/srv/nfs", "nfs4"), ("/home", "ext4")]
    assert is_network_path(Path("/mnt/nas/shop"), mounts)
    assert is_network_path(Path("/srv/nfs"), mounts)
    assert not is_network_path(Path("/home/shop"), mounts)
    assert not is_network_path(Path("/mnt/nasty"), mounts)
    assert not is_network_path(tmp_path)
    with pytest.raises(NetworkPathRefused):
        prepare_data_dir(Path("//server/share/shop"), create=True)
    with pytest.raises(NetworkPathRefused):
        create_shop(Path("//server/share/shop"), "Shop", "CNY", OWNER, OWNER_PASSWORD)


def test_full_disk_is_named(tmp_path: Path) -> None:
    import errno

    with pytest.raises(DiskFull):
        raise_for_os_error(OSError(errno.ENOSPC, "No space left on device"), tmp_path)
    from desktop_app.core.transactions import translate_db_error

    assert isinstance(translate_db_error(Exception("database or disk is full"), tmp_path),
                      DiskFull)


def test_atomic_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "file.bin"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["file.bin"]


def test_newer_schema_is_refused(shop: Shop, shop_dir: Path) -> None:
    SchemaVersion.create(version=migrations.CURRENT_VERSION + 1)
    shop.close()
    with pytest.raises(SchemaTooNew):
        open_shop(shop_dir, OWNER, OWNER_PASSWORD)


@pytest.fixture
def v1_shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop_v1"
    shutil.copytree(DATA / "shop_v1", folder)
    return folder


def test_first_schema_fixture_opens_and_keeps_its_data(v1_shop: Path) -> None:
    payload = (DATA / "shop_v1.payload.txt").read_text().strip()
    with open_shop(v1_shop, "owner", "fixture-owner-1") as shop:
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
        assert shop.integrity_problem is None
        names = {p.name for p in products.list_products(shop)}
        assert names == {"Car wash x5", "Game key"}
        verdict = redemption.redeem(shop, payload, "test")
        assert verdict.reason == "redeemed" and verdict.uses_left == 3


def test_migration_step_runs_from_the_first_schema(v1_shop: Path) -> None:
    """A future step (here: a new column) applies to the v1 fixture and bumps the version."""
    with open_shop(v1_shop, "owner", "fixture-owner-1") as shop:
        def add_loyalty_points(db: object) -> None:
            migrate(SqliteMigrator(shop.db).add_column(
                "order", "loyalty_points", IntegerField(default=0)))

        found = migrations.migrate(shop.db, [*migrations.STEPS, add_loyalty_points])
        assert found == migrations.CURRENT_VERSION
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION + 1
        columns = [c.name for c in shop.db.get_columns("order")]
        assert "loyalty_points" in columns


def test_key_slot_file_round_trip(tmp_path: Path) -> None:
    slots = KeySlotFile.new(tmp_path / "keyslots.json")
    slots.set_password("Zoë", "pässwörd-123", b"k" * 32)
    slots.save()
    loaded = KeySlotFile.load(tmp_path / "keyslots.json")
    assert loaded.unlock("ZOË", "pässwörd-123") == b"k" * 32
    with pytest.raises(WrongPassword):
        loaded.unlock("zoë", "password-123")


def test_the_first_schema_gains_the_card_key_pattern(v1_shop: Path) -> None:
    with open_shop(v1_shop, "owner", "fixture-owner-1") as shop:
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION >= 2
        columns = {c.name for c in shop.db.get_columns("product")}
        assert {"key_min_length", "key_max_length", "key_alphabet"} <= columns
        game = next(p for p in products.list_products(shop) if p.name == "Game key")
        assert (game.key_min_length, game.key_max_length, game.key_alphabet) == (
            None, None, None)
        products.update_product(shop, game.id, key_min_length=10, key_alphabet="digits")
        assert products.product_detail(shop, game.id).key_alphabet == "digits"


def test_a_damaged_database_prints_one_clear_line(shop: Shop, shop_dir: Path) -> None:
    """SQLCipher's own "ERROR CORE sqlcipher_page_cipher: hmac check failed…" lines came
    first on stderr."""
    from test_cli import run

    shop.close()
    path = database_path(shop_dir)
    data = bytearray(path.read_bytes())
    data[20:60] = b"\xff" * 40
    path.write_bytes(bytes(data))
    result = run(shop_dir, "product", "list",
                 env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD})
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "damaged" in result.stderr
    assert "ERROR" not in result.stderr
