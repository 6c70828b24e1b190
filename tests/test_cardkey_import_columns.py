"""Card-key files as a small shop receives them (QA s15a F1, F5, F6): a column headed as a note
is no part of a key, a key is told by its number (one code is sold once, whatever its other
columns say), a GBK file is read, a workbook and Excel's "1.10024E+15" are refused by name,
and "CDK" is a header."""

from __future__ import annotations

import pytest

from desktop_app.core import cardkeys, fulfilment, orders, products
from desktop_app.core.errors import InvalidInput, OutOfStock
from desktop_app.core.key_rows import is_header_word, key_file_text
from desktop_app.core.models import CardKey
from desktop_app.core.store import Shop
from desktop_app.core.vouchers_view import order_voucher_views

SHOP_ENGINES = ("file", "server")

# The QA's supplier file: one code twice, with two notes.
NOTED = ("\ufeff兑换码,备注\r\nGS8K-2M4Q-7XPL-A9D3,\r\n\"GS8K-2M4Q-7XPL-B1C7\",首批\r\n"
         "GS8K-2M4Q-7XPL-A9D3,重复\r\n")


def test_a_note_column_is_no_part_of_a_key_and_one_code_is_sold_once(shop: Shop) -> None:
    game = products.add_product(shop, "原神 月卡兑换码", "30", "cardkey")
    preview = cardkeys.preview_card_keys(shop, game.id, NOTED)
    assert preview.new == ["GS8K-2M4Q-7XPL-A9D3", "GS8K-2M4Q-7XPL-B1C7"]
    assert (preview.duplicate, preview.conflicting, preview.joined) == (1, 0, 0)
    assert (preview.kept_columns, preview.ignored_columns) == (("兑换码",), ("备注",))
    assert cardkeys.import_card_keys(shop, game.id, NOTED).imported == 2
    with pytest.raises(OutOfStock):
        fulfilment.pay_order(shop, orders.create_order(shop, [(game.id, 3)], "王女士").id)
    order = orders.create_order(shop, [(game.id, 2)], "王女士")
    fulfilment.pay_order(shop, order.id, "cash")
    given = sorted(view.card_key for view in order_voucher_views(shop, order.id))
    assert given == ["GS8K-2M4Q-7XPL-A9D3", "GS8K-2M4Q-7XPL-B1C7"]  # no note on the voucher


def test_a_password_stays_with_its_number_and_notes_in_either_language_go(shop: Shop) -> None:
    cards = products.add_product(shop, "Prepaid card", "100", "cardkey")
    text = ("卡号,密码,说明,面值\n1000200030004000,654321,首批,100\n"
            "1000200030004001,123456,,100\n")
    preview = cardkeys.preview_card_keys(shop, cards.id, text)
    assert preview.new == ["1000200030004000 / 654321", "1000200030004001 / 123456"]
    assert preview.ignored_columns == ("说明", "面值") and preview.joined == 2
    english = "Card Number,PIN,Remark,Comment\nZZZZ-1111-2222-3333,9876,first box,ok\n"
    preview = cardkeys.preview_card_keys(shop, cards.id, english)
    assert preview.new == ["ZZZZ-1111-2222-3333 / 9876"]
    assert preview.kept_columns == ("Card Number", "PIN")


def test_a_supplier_sheets_row_numbers_are_no_part_of_a_key(shop: Shop) -> None:
    """QA s39a F10: a first column 序号 1, 2, 3… made every key "1 / XL-1001 / p1"; on a
    product with a key pattern nothing was imported. A column of card numbers headed 编号,
    which do not count up by one, stays the key's."""
    video = products.add_product(shop, "视频会员月卡", "25", "cardkey")
    text = "序号,卡号,密码\n1,XL-1001,p1\n2,XL-1002,p2\n3,XL-1003,p3\n"
    preview = cardkeys.preview_card_keys(shop, video.id, text)
    assert preview.new == ["XL-1001 / p1", "XL-1002 / p2", "XL-1003 / p3"]
    assert (preview.kept_columns, preview.ignored_columns) == (("卡号", "密码"), ("序号",))
    assert cardkeys.import_card_keys(shop, video.id, text).imported == 3
    numbered = "编号,密码\n100200,p1\n100917,p2\n"
    assert cardkeys.preview_card_keys(shop, video.id, numbered).new == [
        "100200 / p1", "100917 / p2"]


def test_one_number_with_two_passwords_is_one_key_and_a_conflict(shop: Shop) -> None:
    cards = products.add_product(shop, "Prepaid card", "100", "cardkey")
    other = products.add_product(shop, "Prepaid card (promo)", "90", "cardkey")
    text = "卡号,密码\n1000200030004000,111111\n1000200030004000,222222\n"
    report = cardkeys.import_card_keys(shop, cards.id, text)
    assert (report.imported, report.duplicate, report.conflicting) == (1, 1, 1)
    assert [key.secret for key in CardKey.select()] == ["1000200030004000 / 111111"]
    again = cardkeys.preview_card_keys(shop, cards.id, "1000200030004000,333333\n")
    assert (again.new, again.duplicate, again.conflicting) == ([], 1, 1)
    same = cardkeys.preview_card_keys(shop, cards.id, "1000200030004000,111111\n")
    assert (same.duplicate, same.conflicting) == (1, 0)
    elsewhere = cardkeys.preview_card_keys(shop, other.id, "1000200030004000\n")
    assert (elsewhere.new, elsewhere.other_product, elsewhere.conflicting) == ([], 1, 1)


@pytest.mark.parametrize("header", ["CDK", "cdk", "CD-KEY", "CDKEY", "充值卡密", "激活卡", "串码"])
def test_header_words_a_chinese_shop_meets(shop: Shop, header: str) -> None:
    game = products.add_product(shop, "Game", "30", "cardkey")
    preview = cardkeys.preview_card_keys(shop, game.id, f"\ufeff{header}\r\nAB5K-2M4Q-7XPL\r\n")
    assert (preview.new, preview.header) == (["AB5K-2M4Q-7XPL"], (header,))
    assert is_header_word(header)


def test_key_file_encodings_and_workbooks() -> None:
    text = "卡号,密码\r\n1100238457710001,836152749012\r\n"
    assert key_file_text(text.encode("gbk")) == text  # Excel's "CSV" on Chinese Windows
    assert key_file_text(text.encode("gb18030")) == text
    assert key_file_text(("\ufeff" + text).encode()) == text
    assert key_file_text(text.encode()) == text
    for workbook in (b"PK\x03\x04\x14\x00\x06\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"):
        with pytest.raises(InvalidInput) as refused:
            key_file_text(workbook + b"[Content_Types].xml")
        assert refused.value.params == {"field": "file", "problem": "excel_workbook"}
    for unread in (text.encode("utf-16"), b"ABC-123\x80\r\n", b"ABCD\x81\x30\x81\x00"):
        with pytest.raises(InvalidInput) as refused:
            key_file_text(unread)
        assert refused.value.params["problem"] == "not_utf8", unread


def test_numbers_excel_wrote_as_1_1e15_refuse_the_whole_file(shop: Shop) -> None:
    cards = products.add_product(shop, "Prepaid card", "100", "cardkey")
    text = "卡号,密码\r\n1100238457710001,836152749012\r\n1.10024E+15,8.36153E+11\r\n"
    for attempt in (cardkeys.preview_card_keys, cardkeys.import_card_keys):
        with pytest.raises(InvalidInput) as refused:
            attempt(shop, cards.id, text)
        assert refused.value.params == {"field": "file", "problem": "excel_scientific",
                                        "count": 1}
    assert CardKey.select().count() == 0
    keys = "GAME-1E5-AAAA\n1E5AB\n12E34\n"  # letters and digits that only look like it
    assert len(cardkeys.preview_card_keys(shop, cards.id, keys).new) == 3
