"""Integrity on a server shop: each counter PC's witness of the newest head it saw finds a
server put back to an older dump, holds that counter (exit 3, integrity_hold) and lets an
owner acknowledge it with ``verify --acknowledge``."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_process import run_command
from conftest import OWNER, OWNER_PASSWORD

from desktop_app.core import anchor, audit, fulfilment, orders, products
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import IntegrityHold

ROOT = Path(__file__).resolve().parents[1]


def database_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def put_back(pg_server: object, url: str, dump: str) -> None:
    """The server's administrator restores last week's dump over the shop's database."""
    name = database_name(url)
    pg_server.psql(f'DROP DATABASE "{name}"')  # type: ignore[attr-defined]
    pg_server.psql(f'CREATE DATABASE "{name}" TEMPLATE "{dump}"')  # type: ignore[attr-defined]


def take_dump(pg_server: object, url: str) -> str:
    dump = database_name(url) + "_dump"
    pg_server.psql(  # type: ignore[attr-defined]
        f'CREATE DATABASE "{dump}" TEMPLATE "{database_name(url)}"')
    return dump


def sell_a_wash(location: ShopLocation) -> str:
    with location.open(OWNER, OWNER_PASSWORD) as shop:
        item = products.add_product(shop, f"Wash {os.urandom(3).hex()}", "10", "service")
        order = orders.create_order(shop, [(item.id, 1)])
        return fulfilment.pay_order(shop, order.id).pop().payload


def run(location: ShopLocation, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
    return run_command(["--data-dir", str(location.data_dir), "--database",
                        str(location.database_url), *args], env)


@pytest.fixture
def rolled_back(pg_server: object, pg_url: str, tmp_path: Path) -> tuple[ShopLocation, str]:
    """A server shop whose database was put back to a dump older than what this PC saw;
    the location and a voucher sold before the dump."""
    location = ShopLocation(tmp_path / "pc1", pg_url)
    location.create("Server shop", "CNY", OWNER, OWNER_PASSWORD).close()
    payload = sell_a_wash(location)
    dump = take_dump(pg_server, pg_url)
    sell_a_wash(location)  # this PC's witness moves past the dump
    put_back(pg_server, pg_url, dump)
    return location, payload


def test_a_server_put_back_to_an_older_dump_holds_the_counter(
        rolled_back: tuple[ShopLocation, str]) -> None:
    location, _ = rolled_back
    with location.open(OWNER, OWNER_PASSWORD) as shop:
        assert shop.integrity_problems == ["witness_computer: rolled_back"]
        with pytest.raises(IntegrityHold):
            products.add_product(shop, "Coffee", "3", "service")
        assert "witness_computer: rolled_back" in audit.verify_shop(shop)


def test_a_new_shop_from_the_same_pc_folder_is_not_held_by_the_old_shops_hold(
        pg_server: object, rolled_back: tuple[ShopLocation, str]) -> None:
    """QA s10b F1: the PC folder kept the held shop's hold, and a brand-new shop created from
    that folder on another database started held for a problem it never had."""
    location, _ = rolled_back
    with location.open(OWNER, OWNER_PASSWORD) as held:  # the hold is kept in the PC's folder
        assert held.integrity_problems
        old_id = held.shop_id
    new_url = pg_server.create_database(  # type: ignore[attr-defined]
        database_name(str(location.database_url)) + "_new")
    fresh = ShopLocation(location.data_dir, new_url)
    fresh.create("Shop Y", "CNY", OWNER, OWNER_PASSWORD).close()
    with fresh.open(OWNER, OWNER_PASSWORD) as shop:
        assert shop.integrity_problems == []
        products.add_product(shop, "Coffee", "3", "service")
        assert audit.verify_shop(shop) == []
    assert (location.data_dir / f"integrity-hold.{old_id}.json").exists()  # evidence kept
    with location.open(OWNER, OWNER_PASSWORD) as old:
        assert old.integrity_problems == ["witness_computer: rolled_back"]


def test_a_counter_that_never_saw_the_newer_head_is_not_held(
        rolled_back: tuple[ShopLocation, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The limit, said in the README: a PC vouches only for what it saw."""
    location, _ = rolled_back
    monkeypatch.setenv("SHOP_WITNESS_DIR", str(tmp_path / "other-pc-witness"))
    with ShopLocation(tmp_path / "pc2", location.database_url).open(OWNER, OWNER_PASSWORD) \
            as shop:
        assert shop.integrity_problems == []


def test_redeem_refused_until_the_owner_acknowledges_from_the_command_line(
        rolled_back: tuple[ShopLocation, str]) -> None:
    location, payload = rolled_back
    held = run(location, "redeem", payload, "--json")
    assert held.returncode == 3, held.stdout + held.stderr
    assert json.loads(held.stdout)["error"] == "integrity_hold"
    acknowledged = run(location, "verify", "--acknowledge", "server restored from a dump", "--yes",
                       "--json")
    assert acknowledged.returncode == 0, acknowledged.stdout + acknowledged.stderr
    assert "witness_computer: rolled_back" in json.loads(acknowledged.stdout)["acknowledged"]
    redeemed = run(location, "redeem", payload, "--json")
    assert redeemed.returncode == 0, redeemed.stdout + redeemed.stderr
    assert run(location, "verify", "--json").returncode == 0
    assert not anchor.anchor_path(location.data_dir).exists()  # no anchor on a server


def test_the_witness_follows_commits_of_every_counter(pg_url: str, tmp_path: Path) -> None:
    """Two PCs writing in turn never hold each other: the chain only grows."""
    first = ShopLocation(tmp_path / "pc1", pg_url)
    first.create("Server shop", "CNY", OWNER, OWNER_PASSWORD).close()
    second = ShopLocation(tmp_path / "pc2", pg_url)
    for _ in range(2):
        sell_a_wash(first)
        sell_a_wash(second)
    with first.open(OWNER, OWNER_PASSWORD) as shop:
        assert shop.integrity_problems == [] and audit.verify_shop(shop) == []


def test_the_command_lines_warning_on_a_server_points_at_its_pg_dump(
        rolled_back: tuple[ShopLocation, str]) -> None:
    """A server shop has no backups of the app's own: the warning before acknowledging points
    at the server's newest pg_dump, as the app's question does (QA s13b N3)."""
    location, _ = rolled_back
    words = run(location, "verify").stdout
    assert "redeemed a second time" in words
    assert "pg_dump" in words and "newest backup" not in words
