"""The command line end to end, in subprocesses, as scripts and users run it."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_process import fresh_command, run_command

ROOT = Path(__file__).resolve().parents[1]
OWNER_ENV = {"SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": "owner-pass-123"}


def run(data_dir: Path, *args: str, env: dict[str, str] | None = None,
        check_json: bool = True, fresh: bool = False) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own; ``fresh``: a new interpreter, not a fork of one
    that has loaded the command line (``cli_forkserver``), where the start itself is tested."""
    full_env = {k: v for k, v in os.environ.items()
                if not k.startswith("SHOP_") or k == "SHOP_WITNESS_DIR"}
    full_env.update({"QT_QPA_PLATFORM": "offscreen", **(env if env is not None else OWNER_ENV)})
    command = fresh_command if fresh else run_command
    result = command(["--data-dir", str(data_dir), *args], full_env)
    assert "Traceback" not in result.stderr, result.stderr
    if check_json and "--json" in args:
        lines = result.stdout.strip().splitlines()
        assert len(lines) == 1, result.stdout
    return result


def as_json(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def cli_shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "shop"
    result = run(folder, "init", "--shop-name", "街角洗车", "--json")
    assert result.returncode == 0, result.stderr
    assert as_json(result)["shop"] == "街角洗车"
    return folder


def test_help_and_version() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--help"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "redeem" in result.stdout
    assert "--data-dir" in result.stdout and "--self-test" in result.stdout


def test_init_refuses_an_existing_shop(cli_shop: Path) -> None:
    result = run(cli_shop, "init", "--json", fresh=True)
    assert result.returncode == 1
    assert as_json(result)["error"] == "shop_exists"


def test_product_add_and_list(cli_shop: Path) -> None:
    added = run(cli_shop, "product", "add", "--name", "Wash x5 洗车", "--price", "99.50",
                "--uses", "5", "--valid-days", "90", "--json")
    assert added.returncode == 0, added.stderr
    product_id = as_json(added)["id"]
    plain = run(cli_shop, "product", "add", "--name", "Box", "--price", "5", "--kind", "goods",
                "--stock", "3")
    assert plain.stdout.strip().isdigit()
    listed = as_json(run(cli_shop, "product", "list", "--json"))
    by_id = {p["id"]: p for p in listed["products"]}
    assert by_id[product_id]["price"] == "99.50" and by_id[product_id]["uses"] == 5
    assert by_id[int(plain.stdout)]["stock"] == 3


def test_bad_price_is_a_clear_error(cli_shop: Path) -> None:
    result = run(cli_shop, "product", "add", "--name", "X", "--price", "1.999")
    assert result.returncode == 1
    assert "price" in result.stderr.lower() and result.stdout == ""


def test_bad_usage_exits_2(cli_shop: Path) -> None:
    assert run(cli_shop, "product", "add", "--price", "1", fresh=True).returncode == 2
    assert run(cli_shop, "frobnicate", fresh=True).returncode == 2
    # With --json, one JSON object on stdout too (QA: stdout was empty), the usage on stderr.
    bad = run(cli_shop, "product", "add", "--name", "Y", "--price", "1", "--uses", "0", "--json",
              fresh=True)
    assert bad.returncode == 2 and "usage" in bad.stderr
    refused = as_json(bad)
    assert (refused["ok"], refused["error"]) == (False, "usage") and "--uses" in refused["message"]


def test_wrong_password_is_refused(cli_shop: Path) -> None:
    result = run(cli_shop, "product", "list", "--json",
                 env={"SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": "nope-nope"}, fresh=True)
    assert result.returncode == 3
    assert as_json(result)["error"] == "wrong_password"


def test_missing_credentials_without_a_terminal(cli_shop: Path) -> None:
    result = run(cli_shop, "product", "list", env={}, fresh=True)
    assert result.returncode == 2
    assert "SHOP_OPERATOR" in result.stderr


def test_sell_and_redeem_end_to_end(cli_shop: Path, tmp_path: Path) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", "Coffee", "--price", "18",
                          "--uses", "2", "--json"))["id"]
    order = as_json(run(cli_shop, "order", "create", "--item", f"{product}:1", "--customer",
                        "李先生", "--json"))
    assert order["status"] == "unpaid" and order["total"] == "18.00"
    paid = as_json(run(cli_shop, "order", "pay", str(order["id"]), "--method", "alipay",
                       "--json"))
    voucher = paid["vouchers"][0]
    assert voucher["uses"] == 2 and "already_paid" not in paid
    # QA s39b F16: a retry (by card, after the cash answer was lost) said "ok" as if charged
    again = run(cli_shop, "order", "pay", str(order["id"]), "--method", "card")
    assert again.returncode == 0 and "was already paid (Alipay" in again.stdout
    assert "nothing was charged now" in again.stdout and voucher["code"] in again.stdout
    again_json = as_json(run(cli_shop, "order", "pay", str(order["id"]), "--json"))
    assert again_json["already_paid"] is True and again_json["method"] == "alipay"
    assert again_json["paid_at"].endswith("+00:00")
    assert [v["code"] for v in again_json["vouchers"]] == [voucher["code"]]
    first = run(cli_shop, "redeem", voucher["payload"], "--station", "Till 1", "--json")
    verdict = as_json(first)
    assert first.returncode == 0 and verdict["ok"] and verdict["reason"] == "redeemed"
    assert verdict["uses_left"] == 1 and verdict["operator"] == "Owner"
    assert verdict["station"] == "Till 1"
    second = run(cli_shop, "redeem", voucher["code"].lower(), "--json")
    assert second.returncode == 0 and as_json(second)["uses_left"] == 0
    last_station = as_json(second)["station"]
    third = run(cli_shop, "redeem", voucher["code"], "--json")
    refused = as_json(third)
    assert third.returncode == 3 and refused["reason"] == "already_redeemed"
    assert refused["last_operator"] == "Owner" and not refused["ok"]
    assert refused["last_station"] == last_station  # QA s20c F7: which counter, too
    garbage = run(cli_shop, "redeem", "not a voucher", "--json")
    assert garbage.returncode == 3 and as_json(garbage)["reason"] == "malformed"
    shown = as_json(run(cli_shop, "voucher", "show", voucher["code"], "--json"))
    assert [h["reason"] for h in shown["history"]] == [
        "redeemed", "redeemed", "already_redeemed"]
    # Read by a person: the verdict's word in their language, not the JSON's code (QA).
    worded = run(cli_shop, "--lang", "zh_CN", "redeem", voucher["code"])
    assert worded.stdout.startswith("已用完: Coffee")
    assert "already_redeemed" not in worded.stdout
    assert run(cli_shop, "redeem", "not a voucher").stdout.startswith("Not a voucher code:")
    png = tmp_path / "qr.png"
    made = run(cli_shop, "voucher", "qr", voucher["code"], "--out", str(png), "--json")
    assert made.returncode == 0 and png.read_bytes().startswith(b"\x89PNG")
    decoded = as_json(run(cli_shop, "decode", str(png), "--json"))
    assert decoded["images"][0]["payloads"] == [voucher["payload"]]
    listed = as_json(run(cli_shop, "order", "list", "--status", "paid", "--json"))
    assert order["id"] in [o["id"] for o in listed["orders"]]
    refunded = as_json(run(cli_shop, "order", "refund", str(order["id"]), "--json"))
    assert refunded["voided"] == 1


def test_card_key_import_from_file(cli_shop: Path, tmp_path: Path) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", "Game", "--price", "30",
                          "--kind", "cardkey", "--json"))["id"]
    keys = tmp_path / "keys.csv"
    keys.write_bytes("\ufeffKEY-1\r\nKEY-2\r\n\r\nKEY-1\r\n".encode())
    report = as_json(run(cli_shop, "cardkey", "import", str(product), str(keys), "--json"))
    assert (report["imported"], report["duplicate"], report["blank"]) == (2, 1, 1)


def test_clerk_is_refused_owner_commands(cli_shop: Path) -> None:
    added = run(cli_shop, "operator", "add", "Clerk", "--role", "clerk", "--json",
                env={**OWNER_ENV, "SHOP_NEW_PASSWORD": "clerk-pass-1"})
    assert added.returncode == 0, added.stdout + added.stderr
    clerk = {"SHOP_OPERATOR": "Clerk", "SHOP_PASSWORD": "clerk-pass-1"}
    for args in (["product", "add", "--name", "X", "--price", "1"], ["product", "list"],
                 ["order", "list"], ["operator", "add", "Eve", "--role", "owner"], ["verify"]):
        result = run(cli_shop, *args, "--json", env={**clerk, "SHOP_NEW_PASSWORD": "x" * 10})
        assert result.returncode == 3, args
        assert as_json(result)["error"] == "forbidden"
    assert run(cli_shop, "redeem", "garbage", "--json", env=clerk).returncode == 3


def test_verify_passes_on_a_healthy_shop(cli_shop: Path) -> None:
    result = run(cli_shop, "verify", "--json")
    assert result.returncode == 0 and as_json(result)["problems"] == []


def test_no_shop_here(tmp_path: Path) -> None:
    result = run(tmp_path / "nothing", "product", "list", "--json", fresh=True)
    assert result.returncode == 1 and as_json(result)["error"] == "no_shop"


def test_two_shops_never_see_each_other(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        assert run(folder, "init").returncode == 0
    run(first, "product", "add", "--name", "Only in A", "--price", "1")
    names = [p["name"] for p in as_json(run(second, "product", "list", "--json"))["products"]]
    assert names == []


def test_chinese_messages(tmp_path: Path) -> None:
    result = run(tmp_path / "nothing", "--lang", "zh_CN", "product", "list", fresh=True)
    assert result.returncode == 1
    assert any("\u4e00" <= c <= "\u9fff" for c in result.stderr), result.stderr


@pytest.mark.slow
def test_self_test_passes() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--self-test"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert all(line.startswith("PASS") for line in lines[:-1]) and len(lines) >= 5


@pytest.mark.slow
def test_self_test_speaks_chinese_when_asked() -> None:
    """QA s39a F18: every line stayed English under --lang zh_CN."""
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--lang", "zh_CN",
                             "--self-test"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1] == "自检通过" and len(lines) >= 6
    assert all(line.startswith("通过 ") for line in lines[:-1]), lines
    assert "通过 加密存储：SQLCipher" in result.stdout
    assert "通过 主窗口：4 个标签页" in result.stdout


# --- printing, batches and exports -----------------------------------------------------------


def _read_bom_csv(path: Path) -> list[dict[str, str]]:
    import csv
    import io

    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))


def _sold_voucher(cli_shop: Path, name: str = "洗车 Wash x3") -> dict[str, Any]:
    product = as_json(run(cli_shop, "product", "add", "--name", name, "--price", "30",
                          "--uses", "3", "--valid-days", "60", "--json"))["id"]
    order = as_json(run(cli_shop, "order", "create", "--item", str(product), "--json"))
    return as_json(run(cli_shop, "order", "pay", str(order["id"]), "--json"))["vouchers"][0]


def test_voucher_qr_pdf_is_the_printable_voucher(cli_shop: Path, tmp_path: Path) -> None:
    voucher = _sold_voucher(cli_shop)
    for layout in ("a4", "receipt58", "receipt80"):
        pdf = tmp_path / f"voucher-{layout}.pdf"
        made = run(cli_shop, "voucher", "qr", voucher["code"], "--out", str(pdf), "--layout",
                   layout, "--json")
        assert made.returncode == 0, made.stderr
        assert as_json(made) == {"ok": True, "out": str(pdf), "payload": voucher["payload"],
                                 "status": "valid"}
        assert pdf.read_bytes().startswith(b"%PDF") and b"/FontFile" in pdf.read_bytes()
    default = tmp_path / "default.pdf"
    assert run(cli_shop, "voucher", "qr", voucher["payload"], "--out", str(default)
               ).returncode == 0
    assert b"/MediaBox [0 0 595" in default.read_bytes()  # A4 unless asked otherwise
    wrong = run(cli_shop, "voucher", "qr", voucher["code"], "--out", str(tmp_path / "x.jpg"),
                "--json")
    assert wrong.returncode == 1 and as_json(wrong)["field"] == "out"


def test_voucher_batch_csv_redeems(cli_shop: Path, tmp_path: Path) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", "礼品卡 Gift 50", "--price",
                          "50", "--uses", "2", "--json"))["id"]
    out = tmp_path / "batch.csv"
    made = run(cli_shop, "voucher", "batch", str(product), "--count", "20", "--out", str(out),
               "--json")
    assert made.returncode == 0, made.stderr
    summary = as_json(made)
    assert summary["count"] == 20 and summary["out"] == str(out)
    rows = _read_bom_csv(out)
    assert len(rows) == 20 and list(rows[0]) == ["code", "payload", "product", "uses",
                                                 "valid_until", "valid_until_local"]
    assert rows[0]["valid_until"] == rows[0]["valid_until_local"] == ""  # no end
    assert {r["product"] for r in rows} == {"礼品卡 Gift 50"} and {r["uses"] for r in rows} == {"2"}
    assert len({r["payload"] for r in rows}) == 20
    for row in (rows[0], rows[-1]):
        verdict = run(cli_shop, "redeem", row["payload"], "--json")
        assert verdict.returncode == 0 and as_json(verdict)["uses_left"] == 1
    assert as_json(run(cli_shop, "redeem", rows[5]["code"], "--json"))["reason"] == "redeemed"
    batch = [o for o in as_json(run(cli_shop, "order", "list", "--json"))["orders"]
             if o["id"] == summary["order"]]
    assert batch[0]["status"] == "paid" and batch[0]["method"] == "other"
    assert batch[0]["total"] == "1000.00"


def test_a_batch_csv_says_until_when_as_the_voucher_prints_it(cli_shop: Path,
                                                              tmp_path: Path) -> None:
    """The owner opens the CSV in Excel or WPS: "2027-12-03T06:38:08.450545+00:00" alone told
    them little; the printed form sits beside it, the UTC moment kept for scripts."""
    product = as_json(run(cli_shop, "product", "add", "--name", "Wash", "--price", "10",
                          "--valid-days", "30", "--json"))["id"]
    out = tmp_path / "batch.csv"
    assert run(cli_shop, "voucher", "batch", str(product), "--count", "2", "--out",
               str(out)).returncode == 0
    row = _read_bom_csv(out)[0]
    until = dt.datetime.fromisoformat(row["valid_until"])
    assert until.tzinfo is not None and until.utcoffset() == dt.timedelta(0)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?", row["valid_until_local"])
    assert abs(dt.datetime.strptime(row["valid_until_local"][:10], "%Y-%m-%d").date()
               - until.date()) <= dt.timedelta(days=1)


def test_voucher_batch_pdf_and_plain_output(cli_shop: Path, tmp_path: Path) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", "Promo", "--price", "0",
                          "--json"))["id"]
    pdf = tmp_path / "sheet.pdf"
    made = run(cli_shop, "voucher", "batch", str(product), "--count", "20", "--out", str(pdf))
    assert made.returncode == 0, made.stderr
    assert pdf.read_bytes().count(b"/MediaBox") == 3  # 8 to a sheet
    plain = run(cli_shop, "voucher", "batch", str(product), "--count", "3")
    lines = plain.stdout.strip().splitlines()
    assert plain.returncode == 0 and len(lines) == 3
    code, payload = lines[0].split()
    assert run(cli_shop, "redeem", payload).returncode == 0
    assert run(cli_shop, "redeem", code).returncode == 3  # one use, already taken
    refused = run(cli_shop, "voucher", "batch", str(product), "--count", "2", "--out",
                  str(tmp_path / "nowhere" / "x.csv"), "--json")
    assert refused.returncode == 1 and as_json(refused)["field"] == "out"


def test_export_redemptions(cli_shop: Path, tmp_path: Path) -> None:
    import datetime as dt

    voucher = _sold_voucher(cli_shop, "导出测试 Export")
    assert run(cli_shop, "redeem", voucher["code"], "--station", "前台").returncode == 0
    run(cli_shop, "redeem", "not a voucher", "--station", "前台")
    out = tmp_path / "redemptions.csv"
    today = dt.date.today().isoformat()
    made = run(cli_shop, "export", "redemptions", "--out", str(out), "--from", today, "--to",
               today, "--json")
    assert made.returncode == 0, made.stderr
    assert as_json(made)["rows"] >= 2
    rows = _read_bom_csv(out)
    mine = [r for r in rows if r["station"] == "前台"]
    assert [(r["reason"], r["ok"]) for r in mine] == [("redeemed", "true"),
                                                      ("malformed", "false")]
    assert mine[0]["code"] == "****-****-****-*" + voucher["code"][-4:]  # no spendable code
    assert mine[0]["product"] == "导出测试 Export"
    assert mine[0]["operator"] == "Owner" and mine[0]["uses_left_after"] == "2"
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    later = run(cli_shop, "export", "redemptions", "--out", str(out), "--from", tomorrow,
                "--json")
    assert as_json(later)["rows"] == 0 and _read_bom_csv(out) == []
    assert run(cli_shop, "export", "redemptions", "--out", str(out), "--from",
               "2025-02-30").returncode == 2


def test_clerk_cannot_export_print_or_batch(cli_shop: Path, tmp_path: Path) -> None:
    run(cli_shop, "operator", "add", "Clerk2", "--role", "clerk",
        env={**OWNER_ENV, "SHOP_NEW_PASSWORD": "clerk-pass-2"})
    clerk = {"SHOP_OPERATOR": "Clerk2", "SHOP_PASSWORD": "clerk-pass-2"}
    voucher = _sold_voucher(cli_shop, "洗车 Wash x3 (clerk)")  # one shop per module: names differ
    for args in (["export", "redemptions", "--out", str(tmp_path / "r.csv")],
                 ["voucher", "qr", voucher["code"], "--out", str(tmp_path / "v.pdf")],
                 ["voucher", "batch", "1", "--count", "2"]):
        result = run(cli_shop, *args, "--json", env=clerk)
        assert result.returncode == 3 and as_json(result)["error"] == "forbidden", args
    assert list(tmp_path.iterdir()) == []


def test_backup_restore_and_verify(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    assert run(folder, "init").returncode == 0
    run(folder, "product", "add", "--name", "Kept", "--price", "1")
    out = tmp_path / "backups" / "shop.vsbackup"
    out.parent.mkdir()  # a missing folder is refused, not made (test_cli_unwritable)
    made = as_json(run(folder, "backup", "--out", str(out), "--json"))
    assert made["size"] == out.stat().st_size
    run(folder, "product", "add", "--name", "Lost", "--price", "1")
    # The backup lacks a change: without --yes and without a terminal to ask on, refused.
    asked = run(folder, "restore", str(out), "--json")
    assert asked.returncode == 2 and as_json(asked)["error"] == "usage", asked.stdout
    assert "--yes" in as_json(asked)["message"]
    assert not list(folder.glob("before-restore-*"))
    restored = run(folder, "restore", str(out), "--yes", "--json")
    assert restored.returncode == 0, restored.stdout
    assert Path(as_json(restored)["previous"]).is_dir()
    names = [p["name"] for p in as_json(run(folder, "product", "list", "--json"))["products"]]
    assert names == ["Kept"]
    assert run(folder, "verify", "--json").returncode == 0
    damaged = tmp_path / "damaged.vsbackup"
    damaged.write_bytes(out.read_bytes()[:-10])
    refused = run(folder, "restore", str(damaged), "--yes", "--json")
    assert refused.returncode == 1 and as_json(refused)["error"] == "backup_invalid"


def test_verify_names_a_rolled_back_database(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "shop"
    assert run(folder, "init").returncode == 0
    old = tmp_path / "old.db"
    shutil.copy(folder / "shop.db", old)
    run(folder, "product", "add", "--name", "After", "--price", "1")
    shutil.copy(old, folder / "shop.db")
    result = run(folder, "verify", "--json")
    assert result.returncode == 1
    assert "anchor: rolled_back" in as_json(result)["problems"]


def test_order_with_several_items_after_one_or_many_item_flags(cli_shop: Path) -> None:
    first = as_json(run(cli_shop, "product", "add", "--name", "A", "--price", "2", "--json"))
    second = as_json(run(cli_shop, "product", "add", "--name", "B", "--price", "3", "--json"))
    one_flag = as_json(run(cli_shop, "order", "create", "--item", f"{first['id']}:2",
                           f"{second['id']}", "--json"))
    many_flags = as_json(run(cli_shop, "order", "create", "--item", f"{first['id']}:2",
                             "--item", f"{second['id']}", "--json"))
    assert one_flag["total"] == many_flags["total"] == "7.00"


def test_uses_show_find_and_typos(cli_shop: Path) -> None:
    product = as_json(run(cli_shop, "product", "add", "--name", "Wash x6", "--price", "60",
                          "--uses", "6", "--json"))["id"]
    order = as_json(run(cli_shop, "order", "create", "--item", f"{product}:1", "--customer",
                        "赵小姐", "--phone", "139-1234-8765", "--json"))
    voucher = as_json(run(cli_shop, "order", "pay", str(order["id"]), "--json"))["vouchers"][0]
    four = run(cli_shop, "redeem", voucher["payload"], "--uses", "4", "--json")
    verdict = as_json(four)
    assert four.returncode == 0 and verdict["uses_left"] == 2 and verdict["uses"] == 4
    assert verdict["customer"] == "赵小姐" and verdict["customer_phone"].endswith("8765")
    assert "1234" not in four.stdout
    short = run(cli_shop, "redeem", voucher["code"], "--uses", "3", "--json")
    assert short.returncode == 3 and as_json(short)["reason"] == "not_enough_uses"
    assert run(cli_shop, "redeem", voucher["code"], "--uses", "0").returncode == 2
    shown = run(cli_shop, "voucher", "show", voucher["payload"], "--json")
    info = as_json(shown)
    assert shown.returncode == 0 and info["uses_left"] == 2 and info["status"] == "redeemable"
    assert info["customer"] == "赵小姐" and "1234" not in shown.stdout
    assert [h["reason"] for h in info["history"]] == ["redeemed"] * 4 + ["not_enough_uses"]
    assert [h["uses_left_after"] for h in info["history"]] == [5, 4, 3, 2, 2]
    again = as_json(run(cli_shop, "voucher", "show", voucher["code"], "--json"))
    assert again["uses_left"] == 2 and len(again["history"]) == 5  # a look-up consumes nothing
    plain_show = run(cli_shop, "voucher", "show", voucher["code"])
    assert "赵小姐" in plain_show.stdout and "Wash x6" in plain_show.stdout
    # QA s39b F9: to the second, and the operator in one column after the longest word
    import re

    history = plain_show.stdout.splitlines()[1:]
    assert all(re.match(r"  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  ", line) for line in history)
    assert len({line.index(" Owner @") for line in history}) == 1
    assert "Not enough uses left Owner @" in plain_show.stdout
    found = as_json(run(cli_shop, "voucher", "find", "--customer", "8765", "--json"))
    assert [v["code"] for v in found["vouchers"]] == [voucher["code"]]
    assert found["vouchers"][0]["customer_phone"].endswith("8765")
    assert as_json(run(cli_shop, "voucher", "find", "--customer", "赵小", "--json"))["count"] == 1
    assert as_json(run(cli_shop, "voucher", "find", "--customer", "nobody", "--json"))[
        "count"] == 0
    plain = voucher["code"].replace("-", "")
    typo = plain[:5] + ("X" if plain[5] != "X" else "Y") + plain[6:]
    mistyped = run(cli_shop, "redeem", typo, "--json")
    refused = as_json(mistyped)
    assert mistyped.returncode == 3 and refused["reason"] == "mistyped"
    assert refused["suspect_group"] == 1
    for layout_text in (voucher["payload"].translate(str.maketrans("YZ", "ZY")),):
        read = run(cli_shop, "redeem", layout_text, "--json")
        assert read.returncode == 0 and as_json(read)["uses_left"] == 1


def test_redeem_says_a_payment_code_or_a_products_barcode_is_one(cli_shop: Path) -> None:
    """QA s39a F21, as the counter says it: not only "Not a voucher code"."""
    paid = run(cli_shop, "redeem", "134567890123456789")
    assert paid.returncode == 3 and "payment code (WeChat Pay or Alipay)" in paid.stdout
    barcode = run(cli_shop, "redeem", "6901234567892")
    assert barcode.returncode == 3 and "a product's barcode" in barcode.stdout
    garbage = run(cli_shop, "redeem", "6901234567893")  # its check digit fails: no barcode
    assert garbage.returncode == 3 and "barcode" not in garbage.stdout
    assert as_json(run(cli_shop, "redeem", "134567890123456789", "--json"))[
        "reason"] == "malformed"
