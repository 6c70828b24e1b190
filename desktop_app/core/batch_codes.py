"""The printed codes and QR payloads of a whole batch, made column by column.

The same text as ``vouchers.typed_code`` and ``vouchers.payload`` give one voucher at a time
(the tests compare them), but for ten thousand vouchers at once: every character position of
the result is written for all vouchers by one slice assignment, and the check symbols and tag
symbols come out of whole-batch integer and ``bytes.translate`` operations. Only the HMAC is
computed voucher by voucher; doing the rest per voucher cost three times the batch's INSERT.
"""

from __future__ import annotations

from desktop_app.core.vouchers import (
    _BYTE_SYMBOL,
    _DOUBLED,
    _INDEX,
    ALPHABET,
    CODE_LEN,
    PAYLOAD_PREFIX,
    TAG_LEN,
    TYPED_LEN,
    _hmac_halves,
    shop_fingerprint,
)

_VALUE = bytes(_INDEX.get(chr(b), 0) for b in range(256))  # a symbol's base-32 digit
_DOUBLED_VALUE = bytes(_DOUBLED.get(chr(b), 0) for b in range(256))  # ... counted doubled
_MOD_32 = bytes(b % 32 for b in range(256))
# The check symbol that makes a Luhn mod 32 total (taken mod 256, a multiple of 32) add up.
_CHECK_FOR_TOTAL = bytes(ord(ALPHABET[(32 - t % 32) % 32]) for t in range(256))
# Where each of a code's symbols goes in its printed form ``XXXX-XXXX-XXXX-XXXXC``.
_TYPED_POSITIONS = tuple(i + i // 4 for i in range(CODE_LEN))
_TYPED_WIDTH = TYPED_LEN + 3
_HALF = CODE_LEN // 2
_EIGHT_ONES = int.from_bytes(b"\1" * _HALF, "little")


def _columns_to_rows(width: int, count: int, columns: dict[int, bytes]) -> list[str]:
    """``count`` strings of ``width`` characters; ``columns[i]`` holds every row's i-th."""
    table = bytearray(width * count)
    for position, column in columns.items():
        table[position::width] = column
    text = table.decode("ascii")
    return [text[start:start + width] for start in range(0, width * count, width)]


def _check_symbols(symbols: bytes) -> bytes:
    """``vouchers.check_symbol`` of each code in ``symbols`` (codes of CODE_LEN, end to end).

    From the right every other symbol counts doubled: with an even length, those at odd
    positions. Each code's even and odd digits are added pairwise as one big integer (a
    byte each, at most 62: no carry crosses a byte), reduced mod 32, and multiplying by eight
    ones puts each code's sum of eight (at most 248: again no carry) in its last byte."""
    plain = int.from_bytes(symbols[0::2].translate(_VALUE), "little")
    doubled = int.from_bytes(symbols[1::2].translate(_DOUBLED_VALUE), "little")
    pairs = (plain + doubled).to_bytes(len(symbols) // 2, "little").translate(_MOD_32)
    sums = (int.from_bytes(pairs, "little") * _EIGHT_ONES).to_bytes(len(pairs) + _HALF,
                                                                     "little")
    return sums[_HALF - 1:len(pairs):_HALF].translate(_CHECK_FOR_TOTAL)


def typed_codes(codes: list[str]) -> list[str]:
    """``vouchers.typed_code`` of each of ``codes``."""
    symbols = "".join(codes).encode("ascii")
    columns = {_TYPED_POSITIONS[i]: symbols[i::CODE_LEN] for i in range(CODE_LEN)}
    columns.update({position: b"-" * len(codes) for position in (4, 9, 14)})
    columns[_TYPED_WIDTH - 1] = _check_symbols(symbols)
    return _columns_to_rows(_TYPED_WIDTH, len(codes), columns)


def _tag_columns(macs: bytes, count: int) -> list[bytes]:
    """The tag symbols of each MAC in ``macs`` (9 bytes each, end to end), symbol by symbol:
    the first 65 bits of each in groups of five. Shifting the whole row right by ``lsb % 8``
    brings group j's last bit onto a byte boundary, in the byte ``lsb // 8`` from each MAC's
    end; that byte's low five bits are the group (``_BYTE_SYMBOL`` reads just those)."""
    whole = int.from_bytes(macs, "big")
    columns = []
    for group in range(TAG_LEN):
        lsb = 72 - 5 * (group + 1)  # the group's last bit, counted from the MAC's end
        shifted = (whole >> lsb % 8).to_bytes(len(macs), "big")
        columns.append(shifted[8 - lsb // 8::9][:count].translate(_BYTE_SYMBOL))
    return columns


def payloads(shop_id: str, voucher_key: str, codes: list[str]) -> list[str]:
    """``vouchers.payload`` of each of ``codes``: prefix, shop, code, then the HMAC tag."""
    count = len(codes)
    head = (PAYLOAD_PREFIX + shop_fingerprint(shop_id)).encode("ascii")
    symbols = "".join(codes).encode("ascii")
    columns = {i: head[i:i + 1] * count for i in range(len(head))}
    columns.update({len(head) + i: symbols[i::CODE_LEN] for i in range(CODE_LEN)})
    body_len = len(head) + CODE_LEN
    bodies = bytearray(body_len * count)
    for position, column in columns.items():
        bodies[position::body_len] = column
    inner, outer = _hmac_halves(voucher_key)
    copy_inner, copy_outer = inner.copy, outer.copy
    macs = bytearray()
    for start in range(0, body_len * count, body_len):  # HMAC-SHA256, as vouchers._hmac
        digest = copy_inner()
        digest.update(bodies[start:start + body_len])
        mac = copy_outer()
        mac.update(digest.digest())
        macs += mac.digest()[:9]
    columns.update({body_len + j: column
                    for j, column in enumerate(_tag_columns(bytes(macs), count))})
    return _columns_to_rows(body_len + TAG_LEN, count, columns)
