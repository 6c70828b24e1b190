"""Reading card keys out of pasted text or a key file: one key a line, or CSV rows.

A first row that names its columns (a header: "Serial Number", "卡号,密码") is left out and
reported, never sold. A row of several cells is one key, its cells joined by " / ":
prepaid cards come as 卡号,密码 (number, password), and the customer needs both.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from desktop_app.core.key_pattern import KEY_PART_SEPARATOR, mask_key

# What a key file's header cell says, as ``header_word`` reduces it (letters and digits only).
HEADER_WORDS = frozenset({
    "key", "keys", "code", "codes", "cardkey", "cardkeys", "cdkey", "cdkeys", "serial",
    "serials", "serialno", "serialnumber", "serialnumbers", "sn", "licensekey", "licencekey",
    "licensekeys", "license", "licence", "productkey", "productkeys", "activationkey",
    "activationkeys", "activationcode", "activationcodes", "redeemcode", "redeemcodes",
    "redemptioncode", "giftcode", "giftcard", "vouchercode", "voucher", "coupon", "couponcode",
    "card", "cardno", "cardnumber", "cardnumbers", "number", "no", "pin", "pincode",
    "password", "secret", "account", "id",
    "卡密", "卡号", "卡密码", "卡号密码", "密码", "序列号", "激活码", "兑换码", "充值码",
    "充值卡号", "礼品码", "密钥", "秘钥", "注册码", "授权码", "券码", "编号", "序号",
    "账号", "帐号", "卡",
})
# A header is told from the keys below it by the first cells of this many rows.
SHAPE_SAMPLE = 20


def header_word(cell: str) -> str:
    """``cell`` without case, spaces or punctuation: "CD-Key" and "cd key" both read "cdkey"."""
    return "".join(c for c in unicodedata.normalize("NFKC", cell).casefold() if c.isalnum())


# No header word is longer (with its spaces and punctuation): a longer cell is not read.
LONGEST_HEADER = 24


def is_header_word(cell: str) -> bool:
    return len(cell) <= LONGEST_HEADER and header_word(cell) in HEADER_WORDS


@dataclass(frozen=True)
class KeyLine:
    """One line of the text: its cells, blanks at either end stripped."""

    cells: tuple[str, ...]

    @property
    def first(self) -> str:
        return self.cells[0] if self.cells else ""

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """The cells that hold something (a trailing empty column is no part of a key)."""
        return tuple(cell for cell in self.cells if cell)

    @cached_property
    def text(self) -> str:
        return KEY_PART_SEPARATOR.join(self.parts)


@dataclass(frozen=True)
class KeyText:
    lines: list[KeyLine]  # every line but the header
    header: tuple[str, ...]  # the header row's cells; empty when there is none


def _cells(line: str) -> tuple[str, ...]:
    if "," in line or ";" in line or "\t" in line:
        dialect = csv.excel_tab if "\t" in line else csv.excel
        delimiter = ";" if ";" in line and "," not in line else dialect.delimiter
        fields = next(csv.reader(io.StringIO(line), dialect, delimiter=delimiter), [""])
        return tuple(cell.strip() for cell in fields) or ("",)
    return (line.strip(),)


def _shape(cell: str) -> tuple[bool, ...]:
    """What kinds of characters ``cell`` has: digits, spaces, non-ASCII, capitals, small."""
    return (any(c.isdigit() for c in cell), any(c.isspace() for c in cell),
            any(not c.isascii() for c in cell),
            any(c.isascii() and c.isupper() for c in cell),
            any(c.isascii() and c.islower() for c in cell))


def _unlike(cell: str, samples: list[str]) -> bool:
    """Whether ``cell`` differs from every sample in a way they all agree on. One sample
    judges only digits, spaces and Chinese; two also letter case; three also the length."""
    features = 3 if len(samples) < 2 else 5
    shape, shapes = _shape(cell)[:features], [_shape(s)[:features] for s in samples]
    if any(all(s[n] != shape[n] for s in shapes) for n in range(features)):
        return True
    lengths = {len(s) for s in samples}
    return len(samples) >= 3 and len(lengths) == 1 and len(cell) not in lengths


def _is_header(first: KeyLine, below: list[KeyLine], fits: Callable[[str], bool]) -> bool:
    """A header word, or the first row of a CSV whose first cell is unlike the keys below:
    not the product's pattern where most of them fit it, or of another shape."""
    if is_header_word(first.first):
        return True
    if len(first.cells) < 2 or not first.first:
        return False
    samples = [line.first for line in below if line.first][:SHAPE_SAMPLE]
    if not samples:
        return False
    fitting = sum(1 for sample in samples if fits(sample))
    return (fitting * 2 > len(samples) and not fits(first.first)) or _unlike(first.first, samples)


def read_key_text(text: str, fits: Callable[[str], bool]) -> KeyText:
    """The lines of ``text`` (a byte-order mark dropped), its header row apart. ``fits``
    says whether a first cell has the shape of the product's keys."""
    lines = [KeyLine(_cells(line)) for line in text.lstrip("\ufeff").splitlines()]
    start = next((n for n, line in enumerate(lines) if line.parts), None)
    if start is None or not _is_header(lines[start], lines[start + 1 :], fits):
        return KeyText(lines, ())
    return KeyText(lines[:start] + lines[start + 1 :], lines[start].cells)


def shown_header(cells: tuple[str, ...]) -> str:
    """The header row for the owner to check; a cell with a digit may be a key and is masked."""
    return ", ".join(mask_key(cell) if any(c.isdigit() for c in cell) else cell
                     for cell in cells if cell)
