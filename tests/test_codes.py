"""Codes and tags are spelled as the contract says: five bits a symbol, most significant
first, in Crockford's alphabet, with a Luhn mod 32 check symbol; a batch's codes are fresh and
all different. The fast spellings are checked against the plain definitions."""

from __future__ import annotations

import hmac
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core import batch_codes, vouchers
from desktop_app.core.meanwhile import Meanwhile

FUZZ = settings(max_examples=300, deadline=None, database=None)


def bits_as_symbols(data: bytes, symbols: int) -> str:
    """The definition: take five bits at a time from the most significant end."""
    number, width = int.from_bytes(data, "big"), len(data) * 8
    return "".join(vouchers.ALPHABET[(number >> (width - 5 * (i + 1))) & 31]
                   for i in range(symbols))


def luhn_mod_32(code: str) -> str:
    """The definition: from the right, double every other symbol and add its base-32 digits."""
    factor, total = 2, 0
    for symbol in reversed(code):
        addend = factor * vouchers.ALPHABET.index(symbol)
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return vouchers.ALPHABET[(32 - total % 32) % 32]


@FUZZ
@given(st.binary(min_size=1, max_size=40), st.data())
def test_bits_are_spelled_five_at_a_time(data: bytes, draw: st.DataObject) -> None:
    symbols = draw.draw(st.integers(min_value=1, max_value=len(data) * 8 // 5))
    assert vouchers._encode_bits(data, symbols) == bits_as_symbols(data, symbols)


@FUZZ
@given(st.binary(min_size=1, max_size=100), st.binary(max_size=80))
def test_the_tag_mac_is_hmac_sha256(key: bytes, message: bytes) -> None:
    assert vouchers._hmac(key.hex(), message) == hmac.digest(key, message, "sha256")


@FUZZ
@given(st.binary(min_size=32, max_size=32))
def test_a_tag_is_the_first_65_bits_of_its_mac(mac: bytes) -> None:
    assert vouchers._tag_symbols(mac) == bits_as_symbols(mac, vouchers.TAG_LEN)


@FUZZ
@given(st.text(alphabet=vouchers.ALPHABET, min_size=1, max_size=30))
def test_the_check_symbol_is_luhn_mod_32(code: str) -> None:
    assert vouchers.check_symbol(code) == luhn_mod_32(code)


def test_a_batch_of_codes_is_fresh_and_all_different() -> None:
    codes = vouchers.new_codes(5000)
    assert len(set(codes)) == 5000
    assert all(len(code) == vouchers.CODE_LEN and set(code) <= set(vouchers.ALPHABET)
               for code in codes)
    assert not set(codes) & set(vouchers.new_codes(5000))
    # 80 random bits each: across a batch, every one of the 80 takes both values.
    numbers = [int("".join(f"{vouchers.ALPHABET.index(s):05b}" for s in code), 2)
               for code in codes]
    for bit in range(80):
        assert {n >> bit & 1 for n in numbers} == {0, 1}
    for code in codes[:50]:
        parsed = vouchers.parse(vouchers.typed_code(code), "shop", "ab" * 32)
        assert (parsed.reason, parsed.code) == (None, code)


CODES = st.text(alphabet=vouchers.ALPHABET, min_size=vouchers.CODE_LEN,
                max_size=vouchers.CODE_LEN)


@FUZZ
@given(st.lists(CODES, min_size=1, max_size=40), st.binary(min_size=1, max_size=80),
       st.text(min_size=1, max_size=20))
def test_a_batch_is_spelled_as_each_voucher_alone(codes: list[str], key: bytes,
                                                  shop_id: str) -> None:
    """A batch's printed codes and payloads, made column by column, are each voucher's."""
    assert batch_codes.typed_codes(codes) == [luhn_typed(code) for code in codes]
    assert batch_codes.payloads(shop_id, key.hex(), codes) == [
        vouchers.payload(shop_id, key.hex(), code) for code in codes]


def luhn_typed(code: str) -> str:
    printed = vouchers.typed_code(code)
    assert printed[-1] == luhn_mod_32(code)
    return printed


def test_extreme_codes_in_a_batch() -> None:
    """All-zero and all-'Z' codes: the largest sums the column arithmetic carries."""
    codes = ["0" * 16, "Z" * 16, "Y" * 16, "0Z" * 8, "Z0" * 8] * 3
    assert batch_codes.typed_codes(codes) == [luhn_typed(code) for code in codes]
    key = "ff" * 32
    assert batch_codes.payloads("s", key, codes) == [vouchers.payload("s", key, c)
                                                     for c in codes]


def meanwhile_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "meanwhile"]


def test_work_meanwhile_comes_back_in_order_with_its_errors_and_the_thread_ends() -> None:
    codes = vouchers.new_codes(50)
    ran: list[str] = []

    def typed(step: str) -> list[str]:
        ran.append(step)
        return batch_codes.typed_codes(codes)

    with Meanwhile() as meanwhile:
        payloads = meanwhile.run(batch_codes.payloads, "shop", "ab" * 32, codes)
        broken = meanwhile.run(batch_codes.payloads, "shop", "not a hex key", codes)
        first, second = meanwhile.run(typed, "first"), meanwhile.run(typed, step="second")
        assert second() == [vouchers.typed_code(code) for code in codes]
    assert ran == ["first", "second"] and first() == second()
    assert payloads() == [vouchers.payload("shop", "ab" * 32, code) for code in codes]
    with pytest.raises(ValueError):
        broken()
    assert meanwhile_threads() == []


def test_leaving_meanwhile_on_an_error_ends_the_thread_after_its_work() -> None:
    with pytest.raises(KeyError), Meanwhile() as meanwhile:
        typed = meanwhile.run(batch_codes.typed_codes, vouchers.new_codes(10))
        raise KeyError("the caller failed")
    assert len(typed()) == 10 and meanwhile_threads() == []
