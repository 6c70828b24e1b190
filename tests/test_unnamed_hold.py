"""A hold file written before holds named their shop (an unnamed ``integrity-hold.json``)
still holds any shop opened in that folder; when nothing of the shop's own explains it, the
hold says so: which shop it was raised for is unknown (it may be another shop's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integrity_helpers import reopen, sell
from test_cli import as_json, run

from desktop_app.core import anchor, hold_record, integrity, redemption
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.store import Shop
from desktop_app.messages import error_message
from desktop_app.messages.verify_texts import verify_problem_text

OLD_PROBLEM = "giftcards: voucher 9 balance_mismatch"


def _unnamed_hold(shop_dir: Path, problems: list[str]) -> None:
    """The data folder's hold as versions before holds named their shop wrote it."""
    (shop_dir / hold_record.HOLD_FILE).write_text(json.dumps(
        {"problems": problems, "folder": str(shop_dir.resolve())}), encoding="utf-8")


def test_an_unexplained_unnamed_hold_still_holds_and_says_whose_is_unknown(
        owner_shop: Shop, shop_dir: Path) -> None:
    payload = sell(owner_shop)[0].payload
    owner_shop.close()
    _unnamed_hold(shop_dir, [OLD_PROBLEM])
    with reopen(shop_dir) as opened:
        assert opened.integrity_problems == [hold_record.UNNAMED, OLD_PROBLEM]  # not weakened
        with pytest.raises(IntegrityHold) as refused:
            redemption.redeem(opened, payload, "C1")
    said = error_message(refused.value)
    assert "not known which shop" in said and "another shop" in said
    verified = run(shop_dir, "verify", "--json")
    assert hold_record.UNNAMED in as_json(verified)["problems"]
    words = verify_problem_text(hold_record.UNNAMED)
    assert "older version" in words and "another shop" in words
    assert words != hold_record.UNNAMED


def test_an_unnamed_hold_this_shop_also_keeps_by_name_is_its_own(
        owner_shop: Shop, shop_dir: Path) -> None:
    integrity.hold(owner_shop, [OLD_PROBLEM])  # also kept on this computer, by shop
    owner_shop.close()
    _unnamed_hold(shop_dir, [OLD_PROBLEM])
    with reopen(shop_dir) as opened:
        assert opened.integrity_problems == [OLD_PROBLEM]


def test_an_unnamed_hold_the_shops_own_check_finds_again_is_its_own(
        owner_shop: Shop, shop_dir: Path) -> None:
    owner_shop.close()
    (shop_dir / anchor.ANCHOR_FILE).write_bytes(b"damaged" * 20)
    _unnamed_hold(shop_dir, ["anchor: anchor_damaged"])
    with reopen(shop_dir) as opened:
        assert opened.integrity_problems == ["anchor: anchor_damaged"]
