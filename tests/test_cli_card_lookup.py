"""A gift card looked up on the phone from the command line: `voucher cards` names the
caller's cards without their secrets, `voucher balance` opens one with its PIN (from
SHOP_CARD_PIN, never an argument): exit 0 found, 3 refused (wrong_pin, pin_locked, no_pin)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import OWNER_ENV, as_json, run

from desktop_app.core import giftcards
from desktop_app.core.models import Voucher
from desktop_app.core.store import open_shop

PIN = "4826"


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    """One order of two gift cards (the first with a PIN), one order of one card with none."""
    folder = tmp_path_factory.mktemp("cli_card_lookup") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    added = as_json(run(folder, "product", "add", "--name", "储值卡 100", "--kind", "giftcard",
                        "--price", "100", "--json"))
    sold: list[dict[str, object]] = []
    for quantity, phone in ((2, "138 0000 5678"), (1, "139 1111 2222")):
        order = as_json(run(folder, "order", "create", "--item", f"{added['id']}:{quantity}",
                            "--customer", "王女士", "--phone", phone, "--json"))
        sold += as_json(run(folder, "order", "pay", str(order["id"]), "--json"))["vouchers"]
    with open_shop(folder, OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"]) as shop:
        giftcards.set_pin(shop, Voucher.get_by_id(sold[0]["id"]), PIN)
    return folder, sold


def balance(folder: Path, *args: str, pin: str = PIN) -> tuple[int, str]:
    result = run(folder, "voucher", "balance", *args, env={**OWNER_ENV, "SHOP_CARD_PIN": pin})
    return result.returncode, result.stdout + result.stderr


def test_cards_by_phone_or_order_name_no_secret(
        cards: tuple[Path, list[dict[str, object]]]) -> None:
    folder, sold = cards
    listed = run(folder, "voucher", "cards", "--phone", "5678", "--json")
    assert listed.returncode == 0, listed.stdout
    data = as_json(listed)
    assert [(c["card"], c["has_pin"]) for c in data["cards"]] == [
        (sold[1]["id"], False), (sold[0]["id"], True)]
    for card in sold:
        assert str(card["code"]) not in listed.stdout
        assert str(card["payload"]) not in listed.stdout
    assert "100.00" not in listed.stdout and "13800005678" not in listed.stdout
    order = as_json(run(folder, "voucher", "cards", "--order", str(data["cards"][0]["order"]),
                        "--json"))
    assert order["count"] == 2
    text = run(folder, "voucher", "cards", "--phone", "2222")
    assert text.returncode == 0 and f"card {sold[2]['id']}" in text.stdout
    assert "no PIN" in text.stdout
    assert run(folder, "voucher", "cards").returncode == 2  # --order or --phone


def test_the_right_pin_shows_the_balance_in_json_and_text(
        cards: tuple[Path, list[dict[str, object]]]) -> None:
    folder, sold = cards
    card = str(sold[0]["id"])
    found = run(folder, "voucher", "balance", "--card", card, "--station", "Phone", "--json",
                env={**OWNER_ENV, "SHOP_CARD_PIN": PIN})
    assert found.returncode == 0, found.stdout
    data = as_json(found)
    assert (data["ok"], data["reason"], data["balance"]) == (True, "found", "100.00")
    assert data["status"] == "redeemable" and data["ledger"][0]["kind"] == "issue"
    assert str(sold[0]["code"]) not in found.stdout and str(sold[0]["payload"]) not in found.stdout
    code, text = balance(folder, "--card", card)
    assert code == 0 and "balance ¥100.00" in text and "issue" in text
    assert PIN not in text


def test_wrong_pin_no_pin_and_usage(cards: tuple[Path, list[dict[str, object]]]) -> None:
    folder, sold = cards
    wrong = run(folder, "voucher", "balance", "--card", str(sold[0]["id"]), "--json",
                env={**OWNER_ENV, "SHOP_CARD_PIN": "0000"})
    assert wrong.returncode == 3
    data = as_json(wrong)
    assert (data["ok"], data["reason"], data["attempts_left"]) == (
        False, "wrong_pin", giftcards.PIN_MAX_FAILURES - 1)
    assert "balance" not in data
    code, text = balance(folder, "--card", str(sold[0]["id"]), pin="1111")
    assert code == 3 and "Wrong PIN" in text and "3 attempts left" in text

    no_pin = run(folder, "voucher", "balance", "--order", str(_order_of(folder, sold[2])),
                 "--json", env={**OWNER_ENV, "SHOP_CARD_PIN": PIN})
    assert no_pin.returncode == 3 and as_json(no_pin)["reason"] == "no_pin"
    code, text = balance(folder, "--card", str(sold[2]["id"]))
    assert code == 3 and "has no PIN" in text

    two = _order_of(folder, sold[0])
    code, text = balance(folder, "--order", str(two))
    assert code == 2 and "--card" in text  # two cards in that order: which one?
    code, text = balance(folder, "--card", str(sold[0]["id"]), pin="12a")
    assert code == 1 and "PIN: Not a number." in text  # a typo, not counted
    assert run(folder, "voucher", "balance", "--card", "1").returncode == 2  # no PIN, no tty


def test_five_wrong_pins_lock_the_card(cards: tuple[Path, list[dict[str, object]]]) -> None:
    folder, sold = cards
    with open_shop(folder, OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"]) as shop:
        card = Voucher.get_by_id(sold[1]["id"])
        giftcards.set_pin(shop, card, PIN)
        for _ in range(giftcards.PIN_MAX_FAILURES - 1):
            assert giftcards.check_pin(shop, card, "9999").result == "wrong"
    locked = run(folder, "voucher", "balance", "--card", str(sold[1]["id"]), "--json",
                 env={**OWNER_ENV, "SHOP_CARD_PIN": "9999"})
    assert locked.returncode == 3
    assert as_json(locked)["reason"] == "pin_locked" and as_json(locked)["locked_until"]
    code, text = balance(folder, "--card", str(sold[1]["id"]))  # the right one, too late
    assert code == 3 and "locked until" in text


def _order_of(folder: Path, card: dict[str, object]) -> int:
    shown = as_json(run(folder, "voucher", "show", str(card["code"]), "--json"))
    return int(shown["order_id"])


def test_voucher_spend_takes_the_pin_spends_once_and_says_no_code(
        cards: tuple[Path, list[dict[str, object]]]) -> None:
    """`voucher spend`: the customer without the card pays by phone + PIN (exit 0 spent, 3 for
    a PIN that opens nothing or a refused spend); the code never printed."""
    folder, sold = cards
    card, code = str(sold[0]["id"]), str(sold[0]["code"])
    env = {**OWNER_ENV, "SHOP_CARD_PIN": PIN}
    spent = run(folder, "voucher", "spend", "--card", card, "--amount", "12.50", "--station",
                "Till 3", "--json", env=env)
    assert spent.returncode == 0, spent.stdout + spent.stderr
    data = as_json(spent)
    assert (data["reason"], data["spent"], data["balance"], data["station"]) == (
        "redeemed", "12.50", "87.50", "Till 3")
    worded = run(folder, "voucher", "spend", "--card", card, "--amount", "500", env=env)
    assert worded.returncode == 3 and "87.50" in worded.stdout, worded.stdout
    wrong = run(folder, "voucher", "spend", "--card", card, "--amount", "1", "--json",
                env={**OWNER_ENV, "SHOP_CARD_PIN": "1111"})
    assert wrong.returncode == 3 and as_json(wrong)["reason"] == "wrong_pin"
    for result in (spent, worded, wrong):
        assert code not in result.stdout + result.stderr
        assert code.replace("-", "")[:8] not in result.stdout
