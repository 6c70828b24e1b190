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
                     "malformed": 0, "header": True, "joined": 1}
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
