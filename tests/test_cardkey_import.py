"""Card-key import: a key already in the shop under another product is never imported again
(found through the index, on both engines), a key file's header row is told from its keys, and
a second column (a prepaid card's password) stays with its number."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from conftest import OWNER, OWNER_PASSWORD
from peewee import SqliteDatabase

from desktop_app.core import cardkeys, fulfilment, key_import, key_pattern, orders, products
from desktop_app.core.engine import ShopLocation
from desktop_app.core.key_rows import is_header_word, read_key_text, shown_header
from desktop_app.core.models import CardKey
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

BOX = "GAME-1111-AAAA\nGAME-2222-BBBB\nGAME-3333-CCCC\n"


def test_keys_in_stock_under_another_product_are_left_out_and_counted(shop: Shop) -> None:
    game = products.add_product(shop, "Game key", "30.00", "cardkey")
    promo = products.add_product(shop, "Game key (promo)", "25.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, BOX)
    sold = fulfilment.pay_order(shop, orders.create_order(shop, [(game.id, 1)]).id)
    assert sold  # a key already sold is in the shop as much as one in stock
    preview = cardkeys.preview_card_keys(shop, promo.id, BOX + "PROMO-0001\nPROMO-0001\n")
    assert (preview.new, preview.other_product, preview.duplicate) == (["PROMO-0001"], 3, 1)
    products.set_archived(shop, game.id, True)  # an archived product's keys still count
    report = cardkeys.import_card_keys(shop, promo.id, BOX + "PROMO-0001\n")
    assert (report.imported, report.other_product, report.duplicate) == (1, 3, 0)
    assert CardKey.select().where(CardKey.product == promo.id).count() == 1
    again = cardkeys.import_card_keys(shop, promo.id, "PROMO-0001\nGAME-1111-AAAA\n")
    assert (again.imported, again.duplicate, again.other_product) == (0, 1, 1)


def test_a_big_box_is_checked_against_every_product_in_a_few_queries(shop: Shop) -> None:
    game = products.add_product(shop, "Game key", "30.00", "cardkey")
    promo = products.add_product(shop, "Promo", "25.00", "cardkey")
    box = [f"BOX-{n:06d}" for n in range(1200)]  # more than one lookup batch
    cardkeys.import_card_keys(shop, game.id, "\n".join(box[::2]))
    report = cardkeys.import_card_keys(shop, promo.id, "\n".join(box))
    assert (report.imported, report.other_product) == (600, 600)
    query, params = cardkeys.stock_holding([game.id, promo.id], ["a" * 64, "b" * 64]).sql()
    if isinstance(shop.db, SqliteDatabase):
        plan = " ".join(str(row[-1]) for row in shop.db.execute_sql(
            "EXPLAIN QUERY PLAN " + query, params).fetchall())
        assert "INDEX card_key_product_id_fingerprint (product_id=? AND fingerprint=?)" in plan
        assert "SCAN" not in plan
    else:  # a table this small is read whole unless told not to: is the index usable?
        with shop.db.atomic():
            shop.db.execute_sql("SET LOCAL enable_seqscan = off")
            plan = " ".join(str(row[0]) for row in shop.db.execute_sql(
                "EXPLAIN " + query, params).fetchall())
        assert "using card_key_product_id_fingerprint" in plan and "Seq Scan" not in plan
        assert "Index Cond: ((product_id = ANY" in plan and "AND (fingerprint = ANY" in plan


def test_common_header_rows_are_not_keys(shop: Shop) -> None:
    game = products.add_product(shop, "Game key", "30.00", "cardkey")
    for header in ("Serial Number", "CD-Key", "Card Number", "License Key", "Keys", "卡号",
                   "序列号", "兑换码", "Activation code", "S/N", "卡密："):
        text = f"{header}\nZZZZ-1111-2222-3333\n"
        preview = cardkeys.preview_card_keys(shop, game.id, text)
        assert (preview.new, preview.header) == (["ZZZZ-1111-2222-3333"], (header,)), header
        csv = f"{header},Password\nZZZZ-1111-2222-3333,abc\n"
        preview = cardkeys.preview_card_keys(shop, game.id, csv)
        assert preview.new == ["ZZZZ-1111-2222-3333 / abc"], header
        assert preview.header == (header, "Password") and preview.malformed == 0
    report = cardkeys.import_card_keys(shop, game.id, "Serial Number,Password\nZZZZ-1,abc\n")
    assert report.imported == 1 and CardKey.get().secret == "ZZZZ-1 / abc"


def test_a_first_row_unlike_the_keys_below_is_a_header(shop: Shop) -> None:
    fits = lambda cell: len(cell) >= 3  # noqa: E731 - the default pattern's length rule
    cases = {  # header row: the keys below it
        "Kartennummer,PIN": "1234567812345678,1111\n8765432187654321,2222\n",
        "Numéro,Code": "1234-5678,1\n",
        "Game Code,Note": "ABCD-1234,x\nEFGH-5678,y\n",
        "abcd-9999,note": "ABCD-1234,x\nEFGH-5678,y\n",  # letter case, judged on two keys
        "ABCD-123456,note": "ABCD-1234,x\nEFGH-5678,y\nIJKL-9012,z\n",  # length, on three
    }
    for header, keys in cases.items():
        assert read_key_text(f"{header}\n{keys}", fits).header == tuple(header.split(",")), header
    same_shape = {  # a first row shaped like the keys below is a key
        "ABCD-0000,x": "ABCD-1234,x\n",
        "ABCD-00001,x": "ABCD-1234,x\n",  # lengths are judged on three keys or more
        "abcd-0000,x": "ABCD-1234,x\n",  # and letter case on two or more
        "ABCD-0000": "ABCD-1234\nEFGH-5678\nIJKL-9012\n",  # one column: header words only
    }
    for first, keys in same_shape.items():
        assert read_key_text(f"\n{first}\n{keys}", fits).header == (), first
    pattern = products.add_product(shop, "Pattern", "30.00", "cardkey", key_min_length=16,
                                   key_max_length=16, key_alphabet="digits")
    preview = cardkeys.preview_card_keys(
        shop, pattern.id, "12345,pw\n1234567812345678,9999\n1234567812345679,8888\n")
    assert preview.header == ("12345", "pw")  # not the product's pattern, unlike the rows below
    assert preview.new == ["1234567812345678 / 9999", "1234567812345679 / 8888"]
    assert preview.joined == 2


def test_every_column_of_a_row_is_kept_with_its_key(shop: Shop) -> None:
    cards = products.add_product(shop, "Prepaid card", "100.00", "cardkey")
    text = ("\ufeff卡号,密码\r\n"
            "1000200030004000,654321\r\n"
            "1000200030004001,123456,\r\n"  # a trailing empty column is no part of the key
            "1000200030004002,\r\n"  # nor an empty password: the number alone
            '"1000200030004003";"pw;with;semicolons"\r\n'
            ",999999\r\n"  # a password without its number: malformed
            "1000200030004000,654321\r\n")  # twice in the file
    preview = cardkeys.preview_card_keys(shop, cards.id, text)
    assert preview.header == ("卡号", "密码")
    assert preview.new == ["1000200030004000 / 654321", "1000200030004001 / 123456",
                           "1000200030004002", "1000200030004003 / pw;with;semicolons"]
    assert (preview.joined, preview.malformed, preview.duplicate) == (3, 1, 1)
    cardkeys.import_card_keys(shop, cards.id, text)
    again = cardkeys.preview_card_keys(shop, cards.id, "1000200030004000,654321\n")
    assert again.duplicate == 1 and not again.header  # the same number and password


def test_header_words_and_what_the_owner_is_shown_of_a_header() -> None:
    assert is_header_word("Serial No.") and is_header_word("ＣＤ－ＫＥＹ")
    assert is_header_word("卡 号")
    assert not is_header_word("ABCD-1234")
    assert shown_header(("卡号", "密码", "")) == "卡号, 密码"
    assert key_pattern.mask_key("1000200030004000 / 654321") == "1…4000 / …"  # no password digit
    assert "5678" not in shown_header(("ABCDEF-5678-1234",))  # it may be a key: masked


def import_box(folder: str, database_url: str | None, product_id: int, box: str) -> int:
    """Another counter PC importing ``box`` into ``product_id``: how many keys it took."""
    from race_worker import _open

    with _open(folder, database_url) as shop:
        return cardkeys.import_card_keys(shop, product_id, box).imported


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["file", "server"])
def test_counters_importing_one_box_into_several_products_take_each_key_once(
        tmp_path: Path, engine: str, request: pytest.FixtureRequest) -> None:
    """Four processes at once, each into its own product: on the server too (Read Committed,
    no unique index across products), every key lands in exactly one product."""
    folder = tmp_path / "race"
    url = request.getfixturevalue("pg_url") if engine == "server" else None
    location = ShopLocation(folder, url)
    with location.create("Race", "CNY", OWNER, OWNER_PASSWORD) as shop:
        ids = [products.add_product(shop, f"Game {n}", "30", "cardkey").id for n in range(4)]
    box = "\n".join(f"RACE-{n:06d}" for n in range(400))
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        jobs = [pool.apply_async(import_box, (str(folder), url, product_id, box))
                for product_id in ids]
        taken = [job.get(timeout=120) for job in jobs]
    assert sum(taken) == 400
    with location.open(OWNER, OWNER_PASSWORD) as shop:
        assert CardKey.select().count() == 400
        assert CardKey.select(CardKey.fingerprint).distinct().count() == 400


def test_a_stray_row_shaped_unlike_the_other_keys_is_pointed_out(shop: Shop) -> None:
    """QA s35a F2: a junk row "abc,,坏行" among 16-digit card numbers was imported as a key
    and would have been sold; the preview showed 3 masked keys, none of them it."""
    steam = products.add_product(shop, "Steam 充值卡 50元", "48", kind="cardkey")
    rows = [f"{6200_0000_0000_0000 + n},ABCD-EFGH-{n:04d},批次A" for n in range(20)]
    text = "卡号,密码,备注\n" + "\n".join(rows) + "\nabc,,坏行\n"
    preview = cardkeys.preview_card_keys(shop, steam.id, text)
    assert len(preview.new) == 21 and preview.odd_shaped == ["a…"]
    assert cardkeys.import_card_keys(shop, steam.id, text).odd_shaped == ["a…"]
    # Keys of two kinds in one file, half and half: none of them is odd.
    mixed = cardkeys.preview_card_keys(
        shop, steam.id, "\n".join([f"ALPHA-{n:04d}-KEY" for n in range(5)]
                                  + [f"{7000_0000 + n}" for n in range(5)]))
    assert mixed.odd_shaped == []
    # "1234 5678" and "12345678" are one shape: spaces and hyphens aside.
    assert key_import.odd_shaped(["1234 5678", "12345678", "2345-6789", "34567890",
                                  "45678901"]) == []
