"""Issue #11, case 9, hygiene: card keys masked, control characters and overlong text
refused, no terminal escapes printed, stale temporary files cleaned, refusals worded right."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD
from test_cli import run
from test_restore_guards import ENV

from desktop_app.core import auth, orders, products
from desktop_app.core.errors import InvalidInput, ShopInUse
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.store import Shop, open_shop

# --- case 9: hygiene -----------------------------------------------------------------------


@pytest.mark.parametrize(("key", "most"), [
    ("ABCDEFGHIJK", 3), ("ABCDEFGHIJKL", 4), ("A" * 19, 6), ("AB", 0), ("ABC", 1)])
def test_card_keys_under_20_show_at_most_a_third(key: str, most: int) -> None:
    shown = len(mask_key(key).replace("…", ""))
    assert shown <= len(key) // 3 and shown == most


@pytest.mark.parametrize("middle", [10, 30])
def test_first_six_and_last_four_of_a_key_of_20_or_more(middle: int) -> None:
    key = "ABCDEF" + "x" * middle + "WXYZ"
    assert mask_key(key) == "ABCDEF…WXYZ"


@pytest.mark.parametrize("bad", ["Wash\x1b[31mRED", "Wash\nline", "Wash\u202eevil", "Wash\x7f"])
def test_control_characters_are_refused_in_every_name(shop: Shop, bad: str) -> None:
    with pytest.raises(InvalidInput) as err:
        products.add_product(shop, bad, "1.00")
    assert err.value.params["problem"] == "control_characters"
    product = products.add_product(shop, "Wash", "1.00")
    with pytest.raises(InvalidInput):
        orders.create_order(shop, [(product.id, 1)], bad)
    with pytest.raises(InvalidInput):
        auth.add_operator(shop, bad, "clerk", CLERK_PASSWORD)


def test_text_limits_refuse_instead_of_cutting(shop: Shop) -> None:
    product = products.add_product(shop, "Wash", "1.00")
    with pytest.raises(InvalidInput) as err:
        orders.create_order(shop, [(product.id, 1)], "x" * 201)
    assert err.value.params == {"field": "customer", "problem": "too_long", "maximum": 200}
    with pytest.raises(InvalidInput) as err:
        orders.create_order(shop, [(product.id, 1)], "Kim", note="n" * 100_000)
    assert err.value.params["field"] == "note"
    order = orders.create_order(shop, [(product.id, 1)], "x" * 200, note="two\nlines")
    assert order.customer_name == "x" * 200 and order.note == "two\nlines"


def test_cli_never_prints_terminal_escapes(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    refused = run(folder, "product", "add", "--name", "A\x1b[2J", "--price", "1", env=ENV)
    assert refused.returncode == 1 and "\x1b" not in refused.stderr
    # A name stored before these checks existed is shown escaped, never raw.
    with open_shop(folder, OWNER, OWNER_PASSWORD) as shop:
        product = products.add_product(shop, "Old name", "1.00")
        from desktop_app.core.models import Product

        with shop.write():
            Product.update(name="Old\x1b[2Jname").where(Product.id == product.id).execute()
    listed = run(folder, "product", "list", env=ENV)
    assert "\x1b" not in listed.stdout and "\\x1b[2J" in listed.stdout
    station = run(folder, "redeem", "X", "--station", "C\x1b1", env=ENV)
    assert station.returncode == 2


def test_disabled_operator_exits_3(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init", env=ENV).returncode == 0
    assert run(folder, "operator", "add", CLERK, "--role", "clerk",
               env={**ENV, "SHOP_NEW_PASSWORD": CLERK_PASSWORD}).returncode == 0
    with open_shop(folder, OWNER, OWNER_PASSWORD) as shop:
        clerk = next(o for o in auth.list_operators(shop) if o.name == CLERK)
        auth.set_active(shop, clerk.id, False)
    refused = run(folder, "redeem", "X", "--json",
                  env={"SHOP_OPERATOR": CLERK, "SHOP_PASSWORD": CLERK_PASSWORD})
    assert refused.returncode == 3, refused.stdout


def test_stale_temporary_files_are_cleaned_at_open(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    stale = [shop_dir / ".anchor.json.abc.tmp", shop_dir / ".keyslots.json.x.tmp"]
    for path in stale:
        path.write_bytes(b"half")
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    fresh = shop_dir / ".lockout.json.y.tmp"  # another counter's write, under way right now
    fresh.write_bytes(b"")
    (shop_dir / ".restore-killed").mkdir()
    open_shop(shop_dir, OWNER, OWNER_PASSWORD).close()
    assert not any(p.exists() for p in stale) and fresh.exists()
    assert not (shop_dir / ".restore-killed").exists()


def test_the_demo_keeps_its_recovery_key_in_its_folder(tmp_path: Path) -> None:
    from desktop_app.core.demo import DEMO_README, ensure_demo_shop

    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    text = (folder / DEMO_README).read_text(encoding="utf-8")
    key = text.split("recovery key: ")[1].split()[0]
    auth.recover_owner(folder, "owner", key, "demo-owner-2026").close()


def test_the_demo_shows_every_kind_and_a_card_found_by_phone(tmp_path: Path) -> None:
    from desktop_app.core import giftcard_lookup
    from desktop_app.core.demo import (
        DEMO_CARD_PHONE,
        DEMO_CARD_PIN,
        DEMO_OPERATORS,
        DEMO_README,
        ensure_demo_shop,
    )
    from desktop_app.core.models import Product

    folder = tmp_path / "demo"
    assert ensure_demo_shop(folder)
    assert f"PIN {DEMO_CARD_PIN}" in (folder / DEMO_README).read_text(encoding="utf-8")
    name, password, _ = DEMO_OPERATORS[1]  # the clerk, as at the counter
    with open_shop(folder, name, password) as shop:
        assert {p.kind for p in Product.select()} == set(products.KINDS)
        [card] = giftcard_lookup.caller_cards(shop, phone=DEMO_CARD_PHONE[-4:])
        found = giftcard_lookup.look_up_card(shop, card.voucher_id, DEMO_CARD_PIN)
        assert found.facts is not None and found.facts.balance_cents == 200_00 - 35_50


def test_the_refusals_read_right() -> None:
    from desktop_app.messages import error_message

    assert "another window" in error_message(ShopInUse(path="/x", by="open"))
    assert "being restored" in error_message(ShopInUse(path="/x", by="restore"))
    assert "typo" in error_message(InvalidInput(field="recovery_key", problem="mistyped"))
