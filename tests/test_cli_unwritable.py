"""The command line where a file cannot be written, or a prompt has no terminal, or a number
is out of range: one clear line (or JSON error) naming the place or the variable, the right
exit status, never a traceback (``run`` checks stderr for one on every call)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_cli import OWNER_ENV, as_json, run
from unwritable import REASONS, read_only


@pytest.fixture(scope="module")
def sold(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """A shop with one product and one sold voucher."""
    folder = tmp_path_factory.mktemp("cli-unwritable") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    product = as_json(run(folder, "product", "add", "--name", "Wash", "--price", "10",
                          "--uses", "5", "--json"))["id"]
    order = as_json(run(folder, "order", "create", "--item", str(product), "--json"))
    voucher = as_json(run(folder, "order", "pay", str(order["id"]), "--json"))["vouchers"][0]
    return folder, {**voucher, "product": product}


def _orders(shop: Path) -> int:
    return len(as_json(run(shop, "order", "list", "--json"))["orders"])


def test_every_chosen_output_in_a_read_only_folder_says_so(
        sold: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    shop, voucher = sold
    folder = tmp_path / "stick"
    folder.mkdir()
    orders_before = _orders(shop)
    commands = {
        "b.vsbackup": ["backup"],
        "r.csv": ["export", "redemptions"],
        "x.xlsx": ["report", "sales"],
        "q.png": ["voucher", "qr", voucher["payload"]],
        "batch.pdf": ["voucher", "batch", str(voucher["product"]), "--count", "2"],
    }
    with read_only(folder):
        for name, command in commands.items():
            result = run(shop, *command, "--out", str(folder / name), "--json")
            refused = as_json(result)
            assert result.returncode == 1, (command, refused)
            assert refused["error"] == "cannot_write", (command, refused)
            assert refused["path"] == str(folder / name) and refused["reason"] in REASONS
            assert str(folder / name) in refused["message"]
    assert list(folder.iterdir()) == []
    assert _orders(shop) == orders_before  # the batch was refused before issuing anything


def test_backup_into_a_missing_folder_is_refused_and_not_made(
        sold: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    shop, _ = sold
    usb = tmp_path / "media" / "usb"
    result = run(shop, "backup", "--out", str(usb / "shop.vsbackup"), "--json")
    refused = as_json(result)
    assert result.returncode == 1
    assert (refused["error"], refused["problem"], refused["path"]) == (
        "invalid_input", "no_folder", str(usb))
    assert not (tmp_path / "media").exists()


def test_a_read_only_shop_folder_is_one_clear_line(sold: tuple[Path, dict[str, Any]],
                                                   tmp_path: Path) -> None:
    shop, voucher = sold
    copy = tmp_path / "copy"
    shutil.copytree(shop, copy)
    with read_only(copy):
        listed = run(copy, "product", "list")
        redeemed = run(copy, "redeem", voucher["payload"], "--json")
    assert listed.returncode == 1 and listed.stdout == ""
    assert listed.stderr.strip().splitlines() == [listed.stderr.strip()]  # one line
    assert str(copy) in listed.stderr and "read-only" in listed.stderr
    refused = as_json(redeemed)
    assert redeemed.returncode == 1 and redeemed.stderr == ""
    assert refused["error"] == "shop_folder_not_writable" and refused["path"] == str(copy)


def test_recover_names_the_variables_it_lacks(sold: tuple[Path, dict[str, Any]]) -> None:
    shop, _ = sold
    neither = run(shop, "recover", "owner", env={})
    assert neither.returncode == 2
    assert "SHOP_RECOVERY_KEY" in neither.stderr and "SHOP_NEW_PASSWORD" in neither.stderr
    assert "SHOP_OPERATOR" not in neither.stderr
    key_only = run(shop, "recover", "owner", env={"SHOP_RECOVERY_KEY": "AAAA-BBBB"})
    assert key_only.returncode == 2
    assert "SHOP_NEW_PASSWORD" in key_only.stderr and "SHOP_RECOVERY_KEY" not in key_only.stderr


def test_a_login_prompt_names_what_is_missing(sold: tuple[Path, dict[str, Any]]) -> None:
    shop, _ = sold
    result = run(shop, "product", "list", "--json",
                 env={"SHOP_OPERATOR": OWNER_ENV["SHOP_OPERATOR"]})
    assert result.returncode == 2
    message = as_json(result)["message"]
    assert "SHOP_PASSWORD" in message and "SHOP_OPERATOR" not in message


@pytest.mark.parametrize("uses", ["0", "-1", "1001", "99999999999999999999"])
def test_uses_out_of_range_is_bad_usage_with_the_range(
        sold: tuple[Path, dict[str, Any]], uses: str) -> None:
    shop, voucher = sold
    result = run(shop, "redeem", voucher["payload"], "--uses", uses)
    assert result.returncode == 2
    assert "between 1 and 1000" in result.stderr


def test_the_parsers_limit_of_uses_is_the_cores() -> None:
    """The parser keeps its own copy (it loads before the database does): they must agree."""
    from desktop_app.cli import parser
    from desktop_app.core import redemption

    assert parser.MAX_USES_AT_ONCE == redemption.MAX_USES_AT_ONCE


def test_a_batch_into_a_folder_issues_nothing(tmp_path: Path) -> None:
    """QA round 2: `voucher batch --out FOLDER` issued and booked the batch, then failed to
    write it; run again, it was issued twice."""
    shop = tmp_path / "shop"
    assert run(shop, "init", "--json").returncode == 0
    product = as_json(run(shop, "product", "add", "--name", "Wash", "--price", "5", "--json"))
    folder = tmp_path / "f.pdf"
    folder.mkdir()
    refused = run(shop, "voucher", "batch", str(product["id"]), "--count", "3", "--out",
                  str(folder), "--json")
    assert refused.returncode == 1 and as_json(refused)["problem"] == "is_a_folder"
    assert as_json(run(shop, "order", "list", "--json"))["orders"] == []
