"""``verify`` on a shop put back to an older copy says that acknowledging re-opens the
vouchers redeemed in the lost records, counts them where the newer data is at hand, and
``verify --acknowledge`` asks first (``--yes`` for scripts) (QA s12a F4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from pytestqt.qtbot import QtBot
from test_cli import as_json, run

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.core.store import Shop, open_shop

ENV = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
COUNTED = "holds redemptions this shop's data lacks (1)"  # no "1 redemptions" (QA s12e F2)


@pytest.fixture
def held_copy(shop: Shop, shop_dir: Path, tmp_path: Path) -> Path:
    """A copy of the shop taken before a redemption in the live folder: held, rolled back."""
    product = products.add_product(shop, "Wash", "10.00", uses=1)
    voucher = fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)[0]
    shop.close()
    copy = tmp_path / "copy"
    shutil.copytree(shop_dir, copy)
    with open_shop(shop_dir, OWNER, OWNER_PASSWORD) as live:
        assert redemption.redeem(live, voucher.payload, "counter").ok
    return copy


def test_verify_says_what_acknowledging_reopens_and_counts_it(held_copy: Path,
                                                               shop_dir: Path) -> None:
    checked = run(held_copy, "verify", "--json", env=ENV)
    assert checked.returncode == 1
    answer = as_json(checked)
    assert answer["reopens_vouchers"] is True
    assert answer["reopened_redemptions"] == 1
    assert answer["reopened_found_in"] == str(shop_dir.resolve())
    words = run(held_copy, "verify", env=ENV).stdout
    assert "redeemed a second time" in words and COUNTED in words


def test_a_script_acknowledging_a_rollback_is_told_what_it_reopens(held_copy: Path) -> None:
    """The contract's ``verify --acknowledge REASON`` lifts the hold from a script (no
    terminal to ask), and its answer says what that re-opened."""
    done = run(held_copy, "verify", "--acknowledge", "checked the receipts", "--json", env=ENV)
    assert done.returncode == 0, done.stderr
    answer = as_json(done)
    assert answer["reopens_vouchers"] is True and answer["reopened_redemptions"] == 1
    assert as_json(run(held_copy, "verify", "--json", env=ENV))["ok"] is True


def test_the_words_of_an_acknowledgement_say_what_it_reopens(held_copy: Path) -> None:
    done = run(held_copy, "verify", "--acknowledge", "checked the receipts", "--yes", env=ENV)
    assert done.returncode == 0, done.stderr
    assert "redeemed a second time" in done.stdout and COUNTED in done.stdout


def test_a_shop_not_rolled_back_says_nothing_of_it(shop: Shop, shop_dir: Path) -> None:
    shop.close()
    answer = as_json(run(shop_dir, "verify", "--json", env=ENV))
    assert answer["ok"] is True and "reopens_vouchers" not in answer


def test_the_apps_acknowledge_question_counts_too_and_fits_the_screen(
        qtbot: QtBot, held_copy: Path) -> None:
    """The app asked without the count the command line gives, in a box wider than a
    1024x768 screen (QA s12d F7). Clicked through: the box asks, the answer lifts the hold."""
    from desktop_app.ui.admin.verify_dialog import VerifyDialog

    with open_shop(held_copy, OWNER, OWNER_PASSWORD) as copy:
        dialog = VerifyDialog(copy)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
        assert dialog.acknowledge_button.isVisible()
        dialog.acknowledge_button.click()
        qtbot.waitUntil(lambda: dialog.acknowledge_box is not None
                        and dialog.acknowledge_box.isVisible(), timeout=10_000)
        box = dialog.acknowledge_box
        assert box is not None
        assert COUNTED in box.labelText()
        assert box.width() <= 1000
        box.setTextValue("checked the receipts")
        box.accept()
        qtbot.waitUntil(lambda: not dialog.running and dialog.problems == [], timeout=10_000)
        assert not copy.integrity_problems
        dialog.close()
