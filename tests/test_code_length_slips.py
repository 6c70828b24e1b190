"""A printed code typed one symbol short or one too long is a typo to check (``mistyped``),
not "not a voucher" (QA s18b F3): the commonest slip keeps its text for correction, and where
exactly one voucher here is one symbol away, the group to check is named. Never redeemed."""

from __future__ import annotations

import pytest

from desktop_app.core import fulfilment, orders, products, redemption, vouchers
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop
from desktop_app.messages.verdict_texts import mistyped_text

SHOP_ENGINES = ("file", "server")


def sell(shop: Shop) -> fulfilment.IssuedVoucher:
    item = products.add_product(shop, "Car wash x5", "99", "service", uses=5)
    order = orders.create_order(shop, [(item.id, 1)])
    return fulfilment.pay_order(shop, order.id, "cash")[0]


def slips(code: str) -> list[tuple[str, int]]:
    """``code`` (printed, grouped) with one symbol left out and one doubled, in each group:
    (the text, the 0-based group of the slip)."""
    groups = code.split("-")
    texts = []
    for group, part in enumerate(groups):
        for changed in (part[:1] + part[2:], part[:2] + part[1] + part[2:]):
            texts.append(("-".join([*groups[:group], changed, *groups[group + 1:]]), group))
    return texts


def test_a_symbol_missing_or_doubled_is_mistyped_in_its_group(shop: Shop) -> None:
    voucher = sell(shop)
    for text, group in slips(voucher.code):
        for typed in (text, text.replace("-", ""), text.lower().replace("-", " ")):
            verdict = redemption.redeem(shop, typed, "c")
            assert (verdict.reason, verdict.ok) == ("mistyped", False), typed
            if verdict.suspect_group is not None:  # a doubled symbol may sit at a border
                assert verdict.suspect_group == group, typed
        assert redemption.redeem(shop, text, "c").suspect_group in (group, None)
    assert Voucher.get_by_id(voucher.id).uses_left == 5


def test_the_printed_code_short_of_its_last_symbol(shop: Shop) -> None:
    """The QA's case: ``E1R8-PWAG-BGAE-3S09`` for ``E1R8-PWAG-BGAE-3S09M``, and one extra."""
    voucher = sell(shop)
    for typed in (voucher.code[:-1], voucher.code + "A"):
        verdict = redemption.redeem(shop, typed, "c")
        assert verdict.reason == "mistyped" and verdict.suspect_group == 3, typed


def test_an_unknown_code_a_symbol_short_points_at_no_group(shop: Shop) -> None:
    sell(shop)
    other = vouchers.typed_code(vouchers.new_code())
    verdict = redemption.redeem(shop, other[:-1], "c")
    assert verdict.reason == "mistyped" and verdict.suspect_group is None


@pytest.mark.parametrize("garbage", ["1234567890123456", "123456789012345678",
                                     "11010519491231002X", "HELLO", "K7QM-2X9R-TB4W-H"])
def test_numbers_and_shorter_texts_stay_not_a_voucher(shop: Shop, garbage: str) -> None:
    """A payment's 16 or 18 digits, an ID card's number: never a printed code."""
    assert redemption.redeem(shop, garbage, "c").reason == "malformed"


def test_the_words_say_which_slip() -> None:
    code = vouchers.typed_code(vouchers.new_code())
    assert mistyped_text(code[:-1]) == "A character is missing – check the code."
    assert mistyped_text(code + "Q") == "There is one character too many – check the code."
    assert mistyped_text(code) == "A character is wrong or two are swapped – check the code."


def test_every_slip_of_a_code_is_among_its_likely_corrections() -> None:
    for _ in range(20):
        code = vouchers.new_code()
        typed = vouchers.typed_code(code).replace("-", "")
        for i in range(len(typed)):
            for slipped in (typed[:i] + typed[i + 1:], typed[:i] + typed[i] + typed[i:]):
                parsed = vouchers.parse(slipped, "s", "5a" * 32)
                assert parsed.reason == "mistyped", slipped
                assert code in vouchers.likely_corrections(parsed.typed), slipped
