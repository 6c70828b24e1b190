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
                     "ignored_columns": [], "unusual": 0, "odd_shaped": [],
                     "refused_lines": []}
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


def test_refused_lines_are_named_masked_and_odd_files_refused_as_in_the_app(
        tmp_path: Path) -> None:
    """QA s17a F4, F7, F9: which lines were refused and why (masked); a key in column B is
    read; a GBK file ending in Ctrl-Z is read; an empty file and one over 20 MB are refused."""
    shop = tmp_path / "shop"
    assert run(shop, "init", "--shop-name", "Keys", "--json").returncode == 0
    office = as_json(run(shop, "product", "add", "--name", "Office", "--price", "59",
                         "--kind", "cardkey", "--json"))["id"]
    box = tmp_path / "keys.txt"
    box.write_text("\tGRVAD-WB3R4-DMTQE-5B7IZ-5ZLMQ\n\tBZH1D-8DM8Q-RWW80-ZA7VF-CSUUH\n"
                   "SECRETKEY-" + "Q" * 600 + "\nx\n", encoding="utf-8")
    said = as_json(run(shop, "cardkey", "import", str(office), str(box), "--json"))
    assert (said["imported"], said["malformed"]) == (2, 2)
    assert said["refused_lines"] == [
        {"line": 3, "reason": "too_long", "masked": "SECRET…QQQQ"},
        {"line": 4, "reason": "pattern", "masked": "…"}]
    again = run(shop, "cardkey", "import", str(office), str(box))
    assert again.stdout.splitlines()[-3:] == [
        "Lines refused as no key:", "  line 3: SECRET…QQQQ (too long for a key)",
        "  line 4: … (not the product's key pattern)"]
    assert "SECRETKEY" not in again.stdout + again.stderr
    many = tmp_path / "many.txt"
    many.write_text("x\n" * 23, encoding="utf-8")
    listed = run(shop, "cardkey", "import", str(office), str(many)).stdout.splitlines()
    assert listed[-1] == "  and 3 more (--json lists them all)." and len(listed) == 23
    dos = tmp_path / "dos.csv"
    dos.write_bytes("卡号\r\nWZ5550000001\r\n".encode("gbk") + b"\x1a")
    read = as_json(run(shop, "cardkey", "import", str(office), str(dos), "--json"))
    assert (read["imported"], read["malformed"], read["header"]) == (1, 0, True)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\xef\xbb\xbf\r\n  \r\n")
    refused = run(shop, "cardkey", "import", str(office), str(empty), "--json")
    assert refused.returncode == 1
    assert (as_json(refused)["problem"], as_json(refused)["path"]) == ("no_keys", str(empty))
    assert "The file holds no card keys." in run(
        shop, "cardkey", "import", str(office), str(empty)).stderr
    big = tmp_path / "big.txt"
    big.write_bytes(b"AAAA-BBBB-CCCC\n" * (20 * 1024 * 1024 // 15 + 1))
    refused = run(shop, "cardkey", "import", str(office), str(big), "--json")
    assert refused.returncode == 1
    assert (as_json(refused)["problem"], as_json(refused)["megabytes"]) == ("too_large", 20)
    assert "larger than 20 MB" in run(shop, "cardkey", "import", str(office), str(big)).stderr
