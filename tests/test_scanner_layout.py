"""Which keyboard layout a scanner types in, told from one test scan of a real voucher: its
QR payload or printed code as a scanner set for US keys types them on each layout."""

from __future__ import annotations

import pytest

from desktop_app.core import fulfilment, products, vouchers
from desktop_app.core.store import Shop
from desktop_app.core.vouchers import ScannerLayout, mangle, scanner_layout


@pytest.fixture
def issued(shop: Shop) -> list[fulfilment.IssuedVoucher]:
    product = products.add_product(shop, "Wash", "30.00", "service", uses=5)
    return fulfilment.issue_batch(shop, product.id, 40)


def told_apart(text: str, layout: str) -> bool:
    """Whether ``layout`` types ``text`` differently from US keys (else any layout reads it)."""
    return mangle(text, layout) != text


def layout_of(shop: Shop, text: str) -> ScannerLayout:
    return scanner_layout(text, shop.shop_id, shop.voucher_key)


@pytest.mark.parametrize("layout", ["qwertz", "azerty"])
def test_a_payload_typed_on_another_layout_is_named_and_still_read(
        shop: Shop, issued: list[fulfilment.IssuedVoucher], layout: str) -> None:
    payloads = [v.payload for v in issued if told_apart(v.payload, layout)]
    assert len(payloads) >= 10
    for payload in payloads:
        assert layout_of(shop, mangle(payload, layout)) == ScannerLayout(layout, True, "qr")


def test_a_payload_sent_as_printed_is_us_and_read(
        shop: Shop, issued: list[fulfilment.IssuedVoucher]) -> None:
    for voucher in issued:
        assert layout_of(shop, voucher.payload) == ScannerLayout("us", True, "qr")
        assert layout_of(shop, voucher.payload.lower()) == ScannerLayout("us", True, "qr")


@pytest.mark.parametrize("layout", ["qwertz", "azerty"])
def test_a_printed_code_typed_on_another_layout_is_named_but_not_read(
        shop: Shop, issued: list[fulfilment.IssuedVoucher], layout: str) -> None:
    # The counter reads a printed code only as sent: a layout reading is taken only where a
    # payload's tag proves it, and a check symbol is too short a proof.
    # Its 17 symbols as the scanner sends them (the printed groups' hyphens are no symbols).
    codes = [v.code.replace("-", "") for v in issued]
    codes = [c for c in codes if told_apart(c, layout)]
    # A check symbol is 5 bits: about one mangled code in 32 (Y and Z both swapped) holds
    # as sent too, and reads as another code. Those say "US", rightly from what was sent.
    codes = [c for c in codes if vouchers.parse_normalized(
        vouchers.normalize(mangle(c, layout)), shop.shop_id, shop.voucher_key).reason]
    assert codes
    for code in codes:
        assert layout_of(shop, mangle(code, layout)) == ScannerLayout(layout, False, "typed")
        assert layout_of(shop, code) == ScannerLayout("us", True, "typed")


def test_what_names_no_voucher_of_this_shop_names_no_layout(
        shop: Shop, issued: list[fulfilment.IssuedVoucher]) -> None:
    other_shop = vouchers.payload("another-shop", "ab" * 32, vouchers.new_code())
    forged = issued[0].payload[:-1] + ("A" if issued[0].payload[-1] != "A" else "B")
    for text in ("", "hello", other_shop, forged, mangle(other_shop, "azerty")):
        assert layout_of(shop, text) == ScannerLayout("", False)


@pytest.mark.parametrize("layout", ["us", "qwertz", "azerty"])
def test_a_voucher_has_a_vouchers_shape_on_any_layout_without_the_shops_keys(
        issued: list[fulfilment.IssuedVoucher], layout: str) -> None:
    """What the scanner's filter asks of a burst in a text field (QA s8b F14): no keys there,
    so another shop's voucher or a forged one has the shape too, and the counter refuses it."""
    typed = (lambda text: text) if layout == "us" else (lambda text: mangle(text, layout))
    other_shop = vouchers.payload("another-shop", "ab" * 32, vouchers.new_code())
    codes = [v.code.replace("-", "") for v in issued]  # as a scanner sends them
    for text in [v.payload for v in issued] + codes + [other_shop]:
        assert vouchers.has_voucher_shape(typed(text)), text
    assert all(vouchers.has_voucher_shape(v.code) for v in issued)  # as typed off the print


def test_a_payment_code_or_a_barcode_has_no_vouchers_shape() -> None:
    code = "1345678901234567"  # 16 symbols; the check symbol decides a 17th
    wrong_check = "1" if vouchers.check_symbol(code) != "1" else "2"
    digits = next(c for c in (f"{n:016d}" for n in range(1000, 2000))
                  if vouchers.check_symbol(c).isdigit())  # an Alipay code may have 17 digits
    for text in ("134567890123456789", "28763443825664394", "6901234567892", "",
                 code + wrong_check, digits + vouchers.check_symbol(digits),
                 "V1" + "0" * 36, "V1" + "0" * 38):
        assert not vouchers.has_voucher_shape(text), text
