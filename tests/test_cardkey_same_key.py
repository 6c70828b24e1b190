"""One card key is one key whatever its case, width or hyphens (QA s17a F1): a duplicate in the
file, in this product's stock and under another product. Keys are stored NFKC (F2), without
invisible characters or the quotes of a one-column CSV (F3); a key in column B of a sheet is
read (F4) and every line refused as no key is listed, masked, with why; a key with a note
after it is flagged (F6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core import cardkeys, fulfilment, orders, products
from desktop_app.core.errors import InvalidInput
from desktop_app.core.key_pattern import comparable_key, mask_key
from desktop_app.core.key_rows import MAX_FILE_BYTES, key_file_text, read_key_file
from desktop_app.core.models import CardKey
from desktop_app.core.store import Shop
from desktop_app.messages import problem_message

SHOP_ENGINES = ("file", "server")

OFFICE = "OUXLN-T1W2F-7G7AM-9L232-6I894"
SPELLINGS = (OFFICE, OFFICE.lower(),
             "ＯＵＸＬＮ－Ｔ１Ｗ２Ｆ－７Ｇ７ＡＭ－９Ｌ２３２－６Ｉ８９４",
             OFFICE.replace("-", "－"), OFFICE.replace("-", ""))


def test_the_comparable_form_is_nfkc_casefolded_letters_and_digits() -> None:
    assert {comparable_key(spelling) for spelling in SPELLINGS} == {
        "ouxlnt1w2f7g7am9l2326i894"}
    assert comparable_key("Straße 卡密") == "strasse卡密"
    assert comparable_key(comparable_key("ＡＢ－ｃｄ")) == comparable_key("ＡＢ－ｃｄ")


def test_one_key_spelt_five_ways_is_imported_and_sold_once(shop: Shop) -> None:
    office_a = products.add_product(shop, "Office A", "59", "cardkey")
    office_b = products.add_product(shop, "Office B", "59", "cardkey")
    preview = cardkeys.preview_card_keys(shop, office_a.id, "\n".join(SPELLINGS))
    assert (preview.new, preview.duplicate, preview.malformed) == ([OFFICE], 4, 0)
    assert preview.conflicting == 0  # one key, not one number with two passwords
    report = cardkeys.import_card_keys(shop, office_a.id, "\n".join(SPELLINGS))
    assert report.imported == 1
    again = cardkeys.import_card_keys(shop, office_a.id, "ouxln t1w2f 7g7am 9l232 6i894\n")
    assert (again.imported, again.duplicate) == (0, 1)
    other = cardkeys.import_card_keys(shop, office_b.id, "Ouxln-T1w2f-7G7AM-9L232-6I894\n")
    assert (other.imported, other.other_product) == (0, 1)
    assert [key.secret for key in CardKey.select()] == [OFFICE]
    assert products.product_detail(shop, office_a.id).stock == 1  # sold once, not four times
    fulfilment.pay_order(shop, orders.create_order(shop, [(office_a.id, 1)]).id)
    assert CardKey.get().state == "sold"


def test_a_number_with_another_password_in_another_case_is_still_told(shop: Shop) -> None:
    cards = products.add_product(shop, "Prepaid card", "100", "cardkey")
    cardkeys.import_card_keys(shop, cards.id, "abcd-1000-2000,111111\n")
    same = cardkeys.preview_card_keys(shop, cards.id, "ABCD10002000,111111\n")
    assert (same.duplicate, same.conflicting) == (1, 0)
    other = cardkeys.preview_card_keys(shop, cards.id, "ABCD10002000,222222\n")
    assert (other.duplicate, other.conflicting) == (1, 1)


def test_full_width_keys_are_stored_as_the_customer_types_them(shop: Shop) -> None:
    office = products.add_product(shop, "Office", "59", "cardkey", key_alphabet="upper_digits")
    text = ("ＪＨＮＤ８－ＴＵＵＤＫ－０ＦＴＱＺ－４Ｅ８Ｆ８－ＰＯ８ＱＫ\n"
            "SD5Z5-O9072－E3NO4-UMXB7-1DVK9\n")
    report = cardkeys.import_card_keys(shop, office.id, text)
    assert (report.imported, report.malformed) == (2, 0)
    assert sorted(key.secret for key in CardKey.select()) == [
        "JHND8-TUUDK-0FTQZ-4E8F8-PO8QK", "SD5Z5-O9072-E3NO4-UMXB7-1DVK9"]


def test_invisible_characters_and_a_quoted_field_are_no_part_of_a_key(shop: Shop) -> None:
    game = products.add_product(shop, "Game keys", "30", "cardkey")
    text = ('ZW-KEY-0001\u200b\nZW-KEY-0001\n\ufeffZW-KEY-0004\n"ZW-KEY-0005"\n'
            '  "ZW-KEY-0006"  \nZW\u200c-\u200dKEY\u2060-0007\n')
    report = cardkeys.import_card_keys(shop, game.id, text)
    assert (report.imported, report.duplicate, report.malformed) == (5, 1, 0)
    assert [key.secret for key in CardKey.select().order_by(CardKey.id)] == [
        "ZW-KEY-0001", "ZW-KEY-0004", "ZW-KEY-0005", "ZW-KEY-0006", "ZW-KEY-0007"]


def test_a_key_in_column_b_is_read_and_refused_lines_are_named(shop: Shop) -> None:
    office = products.add_product(shop, "Office", "59", "cardkey", key_min_length=29,
                                  key_max_length=29)
    long_line = "X" * 600
    text = ("\tGRVAD-WB3R4-DMTQE-5B7IZ-5ZLMQ\n\tBZH1D-8DM8Q-RWW80-ZA7VF-CSUUH\n"
            "\n"
            "SHORT-KEY-1\n"  # line 4: not the product's pattern
            f"{long_line}\n"  # line 5: too long
            "ABCDE-FGHIJ-KLMNO-PQRST-UVW\x01Y\n"  # line 6: a control character
            "Serial Number\n")  # line 7: a column's name in the middle of the keys
    report = cardkeys.import_card_keys(shop, office.id, text)
    assert report.imported == 2 and report.blank == 1 and report.malformed == 4
    assert [(r.line, r.reason) for r in report.refused] == [
        (4, "pattern"), (5, "too_long"), (6, "control_character"), (7, "header_word")]
    assert report.refused[0].masked == mask_key("SHORT-KEY-1")
    assert report.refused[2].masked == "ABCDE-…VW\ufffdY"  # a control character shown so
    assert all(long_line not in r.masked and "SHORT-KEY-1" not in r.masked
               for r in report.refused)


def test_a_column_a_left_empty_on_every_row_under_a_header(shop: Shop) -> None:
    cards = products.add_product(shop, "Prepaid card", "100", "cardkey")
    text = "\t卡号\t密码\n\t1000200030004000\t111111\n\t\t222222\n"
    report = cardkeys.preview_card_keys(shop, cards.id, text)
    assert report.header == ("卡号", "密码")
    assert report.new == ["1000200030004000 / 111111"]
    # Under the header the key's column is the first: a row without it is no key.
    assert [(r.line, r.reason) for r in report.refused] == [(3, "first_column_empty")]


def test_a_note_after_a_space_in_the_keys_cell_is_flagged(shop: Shop) -> None:
    office = products.add_product(shop, "Office", "59", "cardkey")
    text = "2ASQL-A3VVN-DRG7A-BH4TN-GB38O 备注:促销\nKEY WITH SPACES\n中文卡密-3333-0003\n"
    report = cardkeys.preview_card_keys(shop, office.id, text)
    assert len(report.new) == 3 and report.unusual == 1


@pytest.mark.parametrize("count", [25])
def test_every_refused_line_is_listed(shop: Shop, count: int) -> None:
    office = products.add_product(shop, "Office", "59", "cardkey")
    report = cardkeys.preview_card_keys(shop, office.id, "x\n" * count)
    assert [r.line for r in report.refused] == list(range(1, count + 1))


def test_a_key_file_ending_in_ctrl_z_too_large_or_empty(tmp_path: Path) -> None:
    """QA s17a F7, F9: DOS's end of file after GBK or UTF-8 text; the size limit and an empty
    file are the core's, for the app and the command line alike."""
    text = "卡号\r\nWZ5550000001\r\n"
    for encoding in ("gbk", "utf-8"):
        assert key_file_text(text.encode(encoding) + b"\x1a\x1a") == text
    path = tmp_path / "keys.txt"
    path.write_bytes(b"\xef\xbb\xbf\r\n \t \r\n\xe2\x80\x8b\r\n")  # BOM, blanks, a ZWSP
    with pytest.raises(InvalidInput) as refused:
        read_key_file(path)
    assert refused.value.params == {"field": "file", "problem": "no_keys"}
    assert problem_message("no_keys") == "The file holds no card keys."
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InvalidInput) as refused:
        read_key_file(path)
    assert refused.value.params == {"field": "file", "problem": "too_large", "megabytes": 20}
    path.write_bytes(b"ABCD-1234\r\n\x1a")
    assert read_key_file(path) == "ABCD-1234\r\n"
