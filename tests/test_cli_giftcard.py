"""Gift cards on the command line: --value, redeem --amount, voucher reload (CONTRACT.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import as_json, run


def shop_with_a_sold_card(folder: Path, price: str = "100") -> tuple[int, dict[str, str]]:
    """A new shop with one gift card of ``price`` sold and paid, by the command line: the
    order's id and the card as ``order pay --json`` gives it."""
    assert run(folder, "init", "--json").returncode == 0
    item = as_json(run(folder, "product", "add", "--name", "Card", "--kind", "giftcard",
                       "--price", price, "--json"))["id"]
    order = as_json(run(folder, "order", "create", "--item", f"{item}:1", "--json"))["id"]
    (card,) = as_json(run(folder, "order", "pay", str(order), "--json"))["vouchers"]
    return int(order), card


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A shop with one gift card worth 100, sold for 90."""
    folder = tmp_path_factory.mktemp("cli_giftcard") / "shop"
    assert run(folder, "init", "--json").returncode == 0
    added = run(folder, "product", "add", "--name", "储值卡 100", "--kind", "giftcard",
                "--price", "90", "--value", "100", "--json")
    assert added.returncode == 0, added.stderr
    order = as_json(run(folder, "order", "create", "--item", f"{as_json(added)['id']}:1",
                        "--customer", "李先生", "--json"))
    paid = as_json(run(folder, "order", "pay", str(order["id"]), "--method", "wechat",
                       "--json"))
    (voucher,) = paid["vouchers"]
    assert voucher["balance"] == "100.00"
    return folder, voucher


def test_spend_reload_and_refund_the_reload(card: tuple[Path, dict[str, object]]) -> None:
    folder, voucher = card
    code, payload = str(voucher["code"]), str(voucher["payload"])
    spent = run(folder, "redeem", payload, "--amount", "30.50", "--station", "C1", "--json")
    assert spent.returncode == 0, spent.stdout
    verdict = as_json(spent)
    assert verdict["ok"] is True and verdict["reason"] == "redeemed"
    assert verdict["balance"] == "69.50" and verdict["station"] == "C1"

    too_much = run(folder, "redeem", code, "--amount", "70", "--json")
    assert too_much.returncode == 3
    assert as_json(too_much)["reason"] == "insufficient_balance"
    assert as_json(too_much)["balance"] == "69.50"

    no_amount = run(folder, "redeem", code, "--json")
    assert no_amount.returncode == 3 and as_json(no_amount)["reason"] == "amount_required"

    reloaded = run(folder, "voucher", "reload", code, "--amount", "50", "--method", "alipay",
                   "--json")
    assert reloaded.returncode == 0, reloaded.stdout
    reload_data = as_json(reloaded)
    assert reload_data["balance"] == "119.50" and reload_data["amount"] == "50.00"
    orders = as_json(run(folder, "order", "list", "--json"))["orders"]
    by_id = {o["id"]: o for o in orders}
    assert by_id[reload_data["order"]]["status"] == "paid"
    assert by_id[reload_data["order"]]["method"] == "alipay"

    refunded = run(folder, "order", "refund", str(reload_data["order"]), "--json")
    assert refunded.returncode == 0, refunded.stdout
    shown = as_json(run(folder, "voucher", "show", code, "--json"))
    assert shown["balance"] == "69.50"
    plain = run(folder, "redeem", code, "--amount", "9.50")
    assert plain.returncode == 0 and "60.00" in plain.stdout
    # For a person: the balance, not "uses left 1 of 1", and words, in their language (QA).
    told = run(folder, "voucher", "show", code).stdout
    assert "Can be redeemed, balance ¥60.00" in told and "uses left" not in told
    assert "redeemable" not in told and "Redeemed" in told
    told_zh = run(folder, "--lang", "zh_CN", "voucher", "show", code).stdout
    assert "redeemable" not in told_zh and "60.00" in told_zh
    assert run(folder, "verify", "--json").returncode == 0


def test_refusals_and_bad_values(card: tuple[Path, dict[str, object]]) -> None:
    folder, voucher = card
    code = str(voucher["code"])
    bad = run(folder, "redeem", code, "--amount", "abc", "--json")
    assert bad.returncode == 1 and as_json(bad)["error"] == "invalid_input"
    zero = run(folder, "redeem", code, "--amount", "0", "--json")
    assert zero.returncode == 1 and as_json(zero)["field"] == "amount"
    assert run(folder, "voucher", "reload", code).returncode == 2  # --amount is required
    assert run(folder, "voucher", "reload", code, "--amount", "5",
               "--method", "gold").returncode == 2
    service = as_json(run(folder, "product", "add", "--name", "Wash", "--price", "10",
                          "--json"))
    order = as_json(run(folder, "order", "create", "--item", f"{service['id']}:1", "--json"))
    (wash,) = as_json(run(folder, "order", "pay", str(order["id"]), "--json"))["vouchers"]
    wrong = run(folder, "redeem", wash["code"], "--amount", "5", "--json")
    assert wrong.returncode == 3 and as_json(wrong)["reason"] == "not_a_giftcard"
    not_card = run(folder, "voucher", "reload", wash["code"], "--amount", "5", "--json")
    assert not_card.returncode == 1 and as_json(not_card)["error"] == "not_found"
    assert as_json(not_card)["reason"] == "not_a_giftcard"  # said, not "may have been removed"
    assert "not a gift card" in as_json(not_card)["message"]
    value_elsewhere = run(folder, "product", "add", "--name", "X", "--price", "1",
                          "--value", "2", "--json")
    assert value_elsewhere.returncode == 1 and as_json(value_elsewhere)["field"] == "value"


def test_order_refund_says_the_money_to_pay_back(card: tuple[Path, dict[str, object]]) -> None:
    """QA s1 F2 / s3 F3: the counter is told what to hand back, and the reload's part apart."""
    folder, _voucher = card
    product = as_json(run(folder, "product", "add", "--name", "礼品卡 100", "--kind",
                          "giftcard", "--price", "100", "--json"))["id"]
    order = as_json(run(folder, "order", "create", "--item", f"{product}:1", "--json"))
    (card_voucher,) = as_json(run(folder, "order", "pay", str(order["id"]), "--method",
                                  "wechat", "--json"))["vouchers"]
    code = str(card_voucher["code"])
    assert run(folder, "redeem", code, "--amount", "35.50", "--json").returncode == 0
    reload = as_json(run(folder, "voucher", "reload", code, "--amount", "20", "--method",
                         "cash", "--json"))
    refunded = run(folder, "order", "refund", str(order["id"]), "--json")
    assert refunded.returncode == 0, refunded.stdout
    data = as_json(refunded)
    assert data["refund"] == "84.50" and data["voided"] == 1  # the old fields stay
    assert data["reloads"] == [{"order": reload["order"], "method": "cash", "refund": "20.00"}]
    listed = {o["id"]: o for o in as_json(run(folder, "order", "list", "--json"))["orders"]}
    assert listed[reload["order"]]["status"] == "refunded"

    other = as_json(run(folder, "order", "create", "--item", f"{product}:1", "--json"))
    (second,) = as_json(run(folder, "order", "pay", str(other["id"]), "--json"))["vouchers"]
    assert run(folder, "redeem", str(second["code"]), "--amount", "30").returncode == 0
    text = run(folder, "order", "refund", str(other["id"]))
    assert text.returncode == 0
    assert f"Refunded order {other['id']}: pay back ¥70.00;" in text.stdout  # not "70.00 CNY"


def test_a_refund_names_the_reload_method_in_words(tmp_path: Path) -> None:
    """QA round 2: the Chinese refund read "（cash 支付）"."""
    folder = tmp_path / "shop"
    order, card = shop_with_a_sold_card(folder)
    assert run(folder, "voucher", "reload", card["code"], "--amount", "20", "--method",
               "cash").returncode == 0
    told = run(folder, "--lang", "zh_CN", "order", "refund", str(order)).stdout
    assert "现金" in told and "cash" not in told
    assert "1 张卡券作废" in told  # one voucher (QA: "1 vouchers void")
    assert "其中 ¥20.00 属于充值订单" in told and "CNY" not in told  # the shop's money sign


def test_cash_out_where_the_owner_allows_it(tmp_path: Path) -> None:
    """QA R4: cash-out had no command at all."""
    from test_cli import OWNER_ENV

    from desktop_app.core import giftcards
    from desktop_app.core.store import open_shop

    folder = tmp_path / "shop"
    assert run(folder, "init", "--json").returncode == 0
    added = as_json(run(folder, "product", "add", "--name", "Card 20", "--kind", "giftcard",
                        "--price", "20", "--json"))
    order = as_json(run(folder, "order", "create", "--item", f"{added['id']}:1", "--json"))
    (card,) = as_json(run(folder, "order", "pay", str(order["id"]), "--json"))["vouchers"]
    assert run(folder, "redeem", card["code"], "--amount", "12").returncode == 0
    off = run(folder, "voucher", "cashout", card["code"], "--json")
    assert off.returncode == 1 and as_json(off)["state"] == "cashout_off"
    said = run(folder, "voucher", "cashout", card["code"])
    assert "Settings → Shop" in said.stderr + said.stdout
    shop = open_shop(folder, OWNER_ENV["SHOP_OPERATOR"], OWNER_ENV["SHOP_PASSWORD"])
    shop.set_setting(giftcards.CASHOUT_MAX_SETTING, "1000")
    shop.close()
    paid = run(folder, "voucher", "cashout", card["code"], "--station", "Till", "--json")
    assert paid.returncode == 0, paid.stdout
    assert as_json(paid) | {"ok": True} == as_json(paid)
    assert (as_json(paid)["amount"], as_json(paid)["emptied"], as_json(paid)["balance"]) == (
        "8.00", "8.00", "0.00")
    again = run(folder, "voucher", "cashout", card["code"])
    assert again.returncode == 1 and "empty" in again.stderr + again.stdout  # nothing left
    assert run(folder, "verify", "--json").returncode == 0


def test_an_amount_typed_with_its_currency_is_spent_and_said(tmp_path: Path) -> None:
    """QA s18b F9 and F5: "12.50元" or "¥30" is the amount, as at the counter; the verdict
    says what the spend took."""
    _order, card = shop_with_a_sold_card(tmp_path / "shop")
    folder = tmp_path / "shop"
    spent = run(folder, "redeem", card["code"], "--amount", "12.50元", "--json")
    assert spent.returncode == 0, spent.stdout
    assert (as_json(spent)["spent"], as_json(spent)["balance"]) == ("12.50", "87.50")
    reloaded = run(folder, "voucher", "reload", card["code"], "--amount", "￥30", "--json")
    assert reloaded.returncode == 0 and as_json(reloaded)["balance"] == "117.50"
    refused = run(folder, "redeem", card["code"], "--json")
    assert as_json(refused)["spent"] is None  # asked for its amount: nothing taken
    bad = run(folder, "redeem", card["code"], "--amount", "¥30元", "--json")
    assert bad.returncode == 1 and as_json(bad)["problem"] == "not_a_number"
    shown = as_json(run(folder, "voucher", "show", card["code"], "--json"))
    assert [(row["reason"], row.get("balance_change"), row.get("balance_after"))
            for row in shown["history"]] == [("redeemed", "-12.50", "87.50"),
                                             ("amount_required", None, None)]
    assert as_json(run(folder, "redeem", card["code"], "--amount", "500", "--json"))[
        "asked"] == "500.00"
    told = run(folder, "redeem", card["code"], "--amount", "500", "--station", "Till 2")
    assert told.returncode == 3 and "¥500.00 asked" in told.stdout
    assert "last by Owner at " in told.stdout  # the 12.50 spent above
    history = run(folder, "voucher", "show", card["code"]).stdout
    assert "-¥12.50, balance ¥87.50" in history
