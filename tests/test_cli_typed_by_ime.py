"""What a Chinese cashier types on the command line (QA s18b): a phone in full-width digits or
with +86 finds the caller's cards and vouchers (F2), a printed code one symbol short or long
is a typo to check, not "not a voucher" (F3), and a full-width PIN is the PIN (F9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import OWNER_ENV, as_json, run

from desktop_app.core import giftcards
from desktop_app.core.models import Voucher
from desktop_app.core.store import open_shop

PIN = "2468"
WIDE_PIN = "２４６８"


@pytest.fixture(scope="module")
def sold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    """A gift card (PIN 2468) sold to 139 1234 5678; a pass to a phone typed full-width."""
    folder = tmp_path_factory.mktemp("cli_typed_by_ime") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    vouchers: list[dict[str, object]] = []
    for kind, phone in (("giftcard", "139 1234 5678"), ("service", "１３５００００７７３１")):
        product = as_json(run(folder, "product", "add", "--name", f"{kind} 100", "--kind", kind,
                              "--price", "100", "--json"))
        order = as_json(run(folder, "order", "create", "--item", f"{product['id']}:1",
                            "--customer", "李雷", "--phone", phone, "--json"))
        vouchers += as_json(run(folder, "order", "pay", str(order["id"]), "--json"))["vouchers"]
    with open_shop(folder, OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"]) as shop:
        giftcards.set_pin(shop, Voucher.get_by_id(vouchers[0]["id"]), PIN)
    return folder, vouchers


def count(folder: Path, *args: str) -> int:
    result = run(folder, "voucher", *args, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    return int(as_json(result)["count"])


def test_full_width_and_86_phones_find_the_card(
        sold: tuple[Path, list[dict[str, object]]]) -> None:
    folder, _ = sold
    for phone in ("5678", "１３９１２３４５６７８", "+86 13912345678", "0086-139-1234-5678"):
        assert count(folder, "cards", "--phone", phone) == 1, phone
        assert count(folder, "find", "--customer", phone) == 1, phone
    # the phone typed full-width on its order: found by its ASCII digits, shown masked
    assert count(folder, "find", "--customer", "7731") == 1
    found = as_json(run(folder, "voucher", "find", "--customer", "13500007731", "--json"))
    assert found["vouchers"][0]["customer_phone"] == "*******7731"


def test_a_code_a_symbol_short_or_long_is_a_typo_to_check(
        sold: tuple[Path, list[dict[str, object]]]) -> None:
    folder, vouchers = sold
    code = str(vouchers[1]["code"])
    for typed, words in ((code[:-1], "one character missing"),
                         (code + "A", "one character too many")):
        result = run(folder, "redeem", typed, env=OWNER_ENV)
        assert result.returncode == 3, result.stdout + result.stderr
        assert result.stdout.startswith("Check the code") and words in result.stdout
        # QA s39a F20: "check the code" said once, as the line's word
        assert result.stdout.lower().count("check the code") == 1
        assert "check group 4" in result.stdout
        refused = as_json(run(folder, "redeem", typed, "--json"))
        assert (refused["reason"], refused["suspect_group"]) == ("mistyped", 3)


def test_a_full_width_pin_is_the_pin(sold: tuple[Path, list[dict[str, object]]]) -> None:
    folder, vouchers = sold
    result = run(folder, "voucher", "balance", "--card", str(vouchers[0]["id"]), "--json",
                 env={**OWNER_ENV, "SHOP_CARD_PIN": WIDE_PIN})
    assert result.returncode == 0, result.stdout + result.stderr
    assert as_json(result)["reason"] == "found"
    # set full-width, looked up in ASCII
    set_pin = run(folder, "voucher", "pin", "--card", str(vouchers[0]["id"]), "--json",
                  env={**OWNER_ENV, "SHOP_CARD_PIN": "９７０３１４"})
    assert set_pin.returncode == 0, set_pin.stdout + set_pin.stderr
    found = run(folder, "voucher", "balance", "--card", str(vouchers[0]["id"]), "--json",
                env={**OWNER_ENV, "SHOP_CARD_PIN": "970314"})
    assert as_json(found)["reason"] == "found"
