"""``cardkey import`` on the command line: keys of another product, a header row and a
password column are counted and said, in the summary and in ``--json`` (fields added to the
contract's, none changed)."""

from __future__ import annotations

from pathlib import Path

from test_cli import as_json, run


def test_import_says_what_it_left_out_and_what_it_joined(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    assert run(shop, "init", "--shop-name", "Keys", "--json").returncode == 0
    game, promo = (as_json(run(shop, "product", "add", "--name", name, "--price", "30",
                               "--kind", "cardkey", "--json"))["id"]
                   for name in ("Game", "Game (promo)"))
    box = tmp_path / "box.csv"
    box.write_bytes("\ufeffSerial Number,Password\r\nZZZZ-1111-2222-3333,abc\r\n".encode())
    first = as_json(run(shop, "cardkey", "import", str(game), str(box), "--json"))
    assert first == {"ok": True, "imported": 1, "duplicate": 0, "other_product": 0, "blank": 0,
                     "malformed": 0, "header": True, "joined": 1, "conflicting": 0,
                     "ignored_columns": []}
    again = run(shop, "cardkey", "import", str(promo), str(box))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        "Imported 0 card keys; refused 0 duplicate, 1 already in stock under another product, "
        "0 blank and 0 malformed lines.",
        "The first row was taken for a header and left out: Serial Number, Password."]
    plain = tmp_path / "plain.txt"
    plain.write_text("ZZZZ-1111-2222-3333 / abc\nNEW-KEY-0001\n", encoding="utf-8")
    last = as_json(run(shop, "cardkey", "import", str(promo), str(plain), "--json"))
    assert (last["imported"], last["other_product"], last["header"]) == (1, 1, False)


def test_a_chinese_shops_files_gbk_a_note_column_a_workbook_and_excel_numbers(
        tmp_path: Path) -> None:
    """QA s15a F1, F5: a GBK CSV is read, a note column is left out of every key and one code
    is imported once; a workbook and Excel's "1.10024E+15" are refused, saying why."""
    shop = tmp_path / "shop"
    assert run(shop, "init", "--shop-name", "Keys", "--json").returncode == 0
    game = as_json(run(shop, "product", "add", "--name", "原神", "--price", "30",
                       "--kind", "cardkey", "--json"))["id"]
    box = tmp_path / "box.csv"
    box.write_bytes("兑换码,密码,备注\r\nGS8K-2M4Q-7XPL-A9D3,1111,首批\r\n"
                    "GS8K-2M4Q-7XPL-A9D3,2222,重复\r\n".encode("gbk"))
    said = as_json(run(shop, "cardkey", "import", str(game), str(box), "--json"))
    assert (said["imported"], said["duplicate"], said["conflicting"]) == (1, 1, 1)
    assert said["ignored_columns"] == ["备注"]
    again = run(shop, "cardkey", "import", str(game), str(box))
    assert "Columns left out of every key: 备注." in again.stdout.splitlines()
    assert "Same card number, different password or other column: 1," in again.stdout
    workbook = tmp_path / "keys.xlsx"
    workbook.write_bytes(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml")
    refused = run(shop, "cardkey", "import", str(game), str(workbook), "--json")
    assert refused.returncode == 1
    assert (as_json(refused)["problem"], as_json(refused)["path"]) == (
        "excel_workbook", str(workbook))
    assert "CSV UTF-8" in run(shop, "cardkey", "import", str(game), str(workbook)).stderr
    mangled = tmp_path / "sci.csv"
    mangled.write_text("卡号,密码\n1.10024E+15,8.36153E+11\n", encoding="utf-8")
    refused = run(shop, "cardkey", "import", str(game), str(mangled), "--json")
    assert refused.returncode == 1 and as_json(refused)["problem"] == "excel_scientific"
