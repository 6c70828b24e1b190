"""`voucher pin --card N [--clear]`: an owner sets, replaces or removes a gift card's PIN from
the command line, the PIN from SHOP_CARD_PIN (never an argument); a clerk is refused (exit 3),
and a card that is not a gift card is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import OWNER_ENV, as_json, run

CLERK_ENV = {"SHOP_OPERATOR": "Li", "SHOP_PASSWORD": "clerk-password-2026"}


@pytest.fixture(scope="module")
def shop_with_card(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A gift card (no PIN yet), a pass, and a clerk."""
    folder = tmp_path_factory.mktemp("cli_card_pin") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    assert run(folder, "operator", "add", CLERK_ENV["SHOP_OPERATOR"], "--role", "clerk",
               env={**OWNER_ENV, "SHOP_NEW_PASSWORD": CLERK_ENV["SHOP_PASSWORD"]}
               ).returncode == 0
    sold = []
    for kind in ("giftcard", "service"):
        product = as_json(run(folder, "product", "add", "--name", f"{kind} 50", "--kind", kind,
                              "--price", "50", "--json"))
        order = as_json(run(folder, "order", "create", "--item", f"{product['id']}:1",
                            "--json"))
        sold.append(as_json(run(folder, "order", "pay", str(order["id"]), "--json")
                            )["vouchers"][0]["id"])
    return folder, int(sold[0]), int(sold[1])


def pin(folder: Path, *args: str, env: dict[str, str] = OWNER_ENV,
        new_pin: str | None = "2580") -> tuple[int, dict[str, object]]:
    extra = {} if new_pin is None else {"SHOP_CARD_PIN": new_pin}
    result = run(folder, "voucher", "pin", *args, "--json", env={**env, **extra})
    return result.returncode, as_json(result)


def balance_reason(folder: Path, card: int, entered: str) -> str:
    result = run(folder, "voucher", "balance", "--card", str(card), "--json",
                 env={**OWNER_ENV, "SHOP_CARD_PIN": entered})
    return str(as_json(result)["reason"])


def test_an_owner_sets_replaces_and_clears_a_pin(shop_with_card: tuple[Path, int, int]) -> None:
    folder, card, _ = shop_with_card
    assert balance_reason(folder, card, "2580") == "no_pin"
    assert pin(folder, "--card", str(card)) == (0, {"ok": True, "card": card, "has_pin": True})
    assert balance_reason(folder, card, "2580") == "found"
    assert pin(folder, "--card", str(card), new_pin="970314")[0] == 0  # replaced
    assert balance_reason(folder, card, "2580") == "wrong_pin"
    assert balance_reason(folder, card, "970314") == "found"
    code, data = pin(folder, "--card", str(card), "--clear", new_pin=None)
    assert (code, data["has_pin"], data["removed"]) == (0, False, True)
    assert balance_reason(folder, card, "970314") == "no_pin"
    text = run(folder, "voucher", "pin", "--card", str(card), "--clear", env=OWNER_ENV)
    assert text.returncode == 0 and f"Card {card} has no PIN." in text.stdout


def test_refusals_say_why_and_change_nothing(shop_with_card: tuple[Path, int, int]) -> None:
    folder, card, service = shop_with_card
    code, data = pin(folder, "--card", str(card), env=CLERK_ENV)
    assert (code, data["error"]) == (3, "forbidden")
    code, data = pin(folder, "--card", str(card), new_pin="12a4")
    assert (code, data["error"], data["field"]) == (1, "invalid_input", "pin")
    code, data = pin(folder, "--card", str(service))
    assert (code, data["error"]) == (1, "not_found")
    assert balance_reason(folder, card, "2580") == "no_pin"  # none of those set one
    no_tty = run(folder, "voucher", "pin", "--card", str(card), env=OWNER_ENV)
    assert no_tty.returncode == 2 and "SHOP_CARD_PIN" in no_tty.stdout + no_tty.stderr
    assert run(folder, "voucher", "pin").returncode == 2  # --card is required
