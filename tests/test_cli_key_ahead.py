"""``redeem`` and ``voucher batch`` start their key derivation while they load
(``core.kdf``): the overlap must change nothing a login decides. The wrong password is
refused as before and counted toward the lockout, a locked-out operator stays locked out with
the right one, and a key derived ahead is only ever taken by the derivation it was started
for."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_cli import run as cli_run

from desktop_app.cli.parser import build_parser
from desktop_app.core import fulfilment, kdf, orders, products
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import WrongPassword
from desktop_app.core.lockout import FREE_FAILURES, LoginThrottle
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop

OWNER_ENV = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
SALT = b"s" * 16
CHEAP = (2**10, 8, 1)  # kdf's hand-over under test, not the slots' cost


def run(folder: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A new interpreter each time (no fork of a loaded one): the derivation under test
    overlaps the imports of a command's start."""
    return cli_run(folder, *args, env=env, fresh=True)


def sold_payload(shop: Shop) -> str:
    item = products.add_product(shop, "Pass", "10.00", "service", uses=5)
    order = orders.create_order(shop, [(item.id, 1)])
    return fulfilment.pay_order(shop, order.id, "cash")[0].payload


@pytest.fixture
def shop_with_voucher(shop: Shop) -> tuple[Path, str]:
    payload = sold_payload(shop)
    shop.close()
    return shop.data_dir, payload


def test_a_key_derived_ahead_is_the_key_derived_then() -> None:
    expected = kdf.derive("pw-1", SALT, *CHEAP)
    kdf.derive_ahead("pw-1", SALT, *CHEAP)
    assert kdf.derive("pw-1", SALT, *CHEAP) == expected


def test_only_the_same_password_salt_and_cost_take_it() -> None:
    kdf.derive_ahead("pw-1", SALT, *CHEAP)
    assert kdf.derive("pw-2", SALT, *CHEAP) == kdf.derive("pw-2", SALT, *CHEAP)
    assert kdf.derive("pw-1", b"t" * 16, *CHEAP) != kdf.derive("pw-1", SALT, *CHEAP)
    # The one started ahead was taken by the last call, once: nothing is left waiting.
    assert kdf.derive("pw-1", SALT, 2**11, 8, 1) != kdf.derive("pw-1", SALT, *CHEAP)
    kdf.derive_ahead("pw-3", SALT, *CHEAP)
    kdf.derive("pw-3", SALT, *CHEAP)
    assert not kdf._pending


def test_a_wrong_password_derived_ahead_is_refused_and_counted(
        shop_with_voucher: tuple[Path, str]) -> None:
    folder, _ = shop_with_voucher
    location = ShopLocation(folder)
    location.derive_key_ahead(OWNER, "not the password")
    with pytest.raises(WrongPassword):
        location.open(OWNER, "not the password")
    location.derive_key_ahead(OWNER, OWNER_PASSWORD)
    with location.open(OWNER, OWNER_PASSWORD) as opened:
        assert opened.failed_logins == 1
    assert not kdf._pending


def test_a_server_shop_derives_nothing_from_a_folder_beside_it(shop: Shop) -> None:
    # This PC's folder holds a file shop's slots; the shop named is on a server.
    location = ShopLocation(shop.data_dir, "postgresql://shop@127.0.0.1/shop")
    location.derive_key_ahead(OWNER, OWNER_PASSWORD)
    assert not kdf._pending


def test_redeem_with_a_wrong_password_exits_3_and_counts(
        shop_with_voucher: tuple[Path, str]) -> None:
    folder, payload = shop_with_voucher
    wrong = run(folder, "redeem", payload, "--json",
                env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "not the password"})
    assert wrong.returncode == 3 and json.loads(wrong.stdout)["error"] == "wrong_password"
    plain = run(folder, "redeem", payload, env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "x"})
    assert plain.returncode == 3 and plain.stdout == "" and plain.stderr.strip()
    right = run(folder, "redeem", payload, env=OWNER_ENV)
    assert right.returncode == 0, right.stderr
    assert "Before this login, 2 wrong passwords were typed for your name." in right.stderr


def test_redeem_stays_locked_out_with_the_right_password(
        shop_with_voucher: tuple[Path, str]) -> None:
    folder, payload = shop_with_voucher
    throttle = LoginThrottle(folder)
    for _ in range(FREE_FAILURES):
        throttle.failed(OWNER)
    result = run(folder, "redeem", payload, "--json", env=OWNER_ENV)
    assert result.returncode == 3 and json.loads(result.stdout)["error"] == "locked_out"


def test_redeem_by_an_operator_without_a_slot_exits_3(
        shop_with_voucher: tuple[Path, str]) -> None:
    folder, payload = shop_with_voucher
    result = run(folder, "redeem", payload, "--json",
                 env={"SHOP_OPERATOR": "Nobody", "SHOP_PASSWORD": OWNER_PASSWORD})
    assert result.returncode == 3


def test_redeem_on_a_server_beside_a_file_shop(pg_url: str, shop_with_voucher: tuple[Path, str]
                                               ) -> None:
    """The folder holds a file shop with the same owner and password: the server's shop is the
    one redeemed at, with the server's key slot."""
    folder, file_payload = shop_with_voucher
    server = ShopLocation(folder, pg_url).create("Server 店", "CNY", OWNER, OWNER_PASSWORD)
    with server:
        payload = sold_payload(server)
    on_server = run(folder, "--database", pg_url, "redeem", payload, "--json", env=OWNER_ENV)
    assert on_server.returncode == 0, on_server.stderr
    assert json.loads(on_server.stdout)["reason"] == "redeemed"
    elsewhere = run(folder, "--database", pg_url, "redeem", file_payload, "--json",
                    env=OWNER_ENV)
    assert elsewhere.returncode == 3 and json.loads(elsewhere.stdout)["reason"] != "redeemed"


def test_voucher_batch_derives_ahead_and_a_wrong_password_issues_nothing(shop: Shop) -> None:
    folder = shop.data_dir
    item = products.add_product(shop, "Promo", "1.00", "service", uses=1)
    shop.close()
    words = ["voucher", "batch", str(item.id), "--count", "3", "--json"]
    assert build_parser(words).parse_args(words).key_ahead
    wrong = run(folder, *words, env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": "not it"})
    assert wrong.returncode == 3 and json.loads(wrong.stdout)["error"] == "wrong_password"
    right = run(folder, *words, env=OWNER_ENV)
    assert right.returncode == 0, right.stderr
    assert len(json.loads(right.stdout)["vouchers"]) == 3
    with ShopLocation(folder).open(OWNER, OWNER_PASSWORD) as opened:
        assert opened.failed_logins == 0
        assert Voucher.select().where(Voucher.product == item.id).count() == 3
