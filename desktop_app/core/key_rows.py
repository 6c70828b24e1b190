"""Reading card keys out of pasted text or a key file: one key a line, or CSV rows.

A first row that names its columns (a header: "Serial Number", "卡号,密码") is left out and
reported, never sold. A row of several cells is one key, its cells joined by " / ":
prepaid cards come as 卡号,密码 (number, password), and the customer needs both. A column
the header names a note (备注, remark…), a batch, a price or a date is no part of a key: the
customer would receive it, and one code with two notes would be two keys (QA s15a F1).
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from desktop_app.core.errors import InvalidInput
from desktop_app.core.key_pattern import (
    KEY_PART_SEPARATOR,
    comparable_key,
    key_number,
    mask_key,
)

# What a key file's header cell says, as ``header_word`` reduces it (letters and digits only).
HEADER_WORDS = frozenset({
    "key", "keys", "code", "codes", "cardkey", "cardkeys", "cdkey", "cdkeys", "serial",
    "serials", "serialno", "serialnumber", "serialnumbers", "sn", "licensekey", "licencekey",
    "licensekeys", "license", "licence", "productkey", "productkeys", "activationkey", "cdk",
    "cdks", "activationkeys", "activationcode", "activationcodes", "redeemcode", "redeemcodes",
    "redemptioncode", "giftcode", "giftcard", "vouchercode", "voucher", "coupon", "couponcode",
    "card", "cardno", "cardnumber", "cardnumbers", "number", "no", "pin", "pincode",
    "password", "secret", "account", "id",
    "卡密", "卡号", "卡密码", "卡号密码", "密码", "序列号", "激活码", "兑换码", "充值码",
    "充值卡号", "礼品码", "密钥", "秘钥", "注册码", "授权码", "券码", "编号", "序号",
    "账号", "帐号", "卡", "充值卡密", "充值卡", "激活卡", "兑换卡", "礼品卡", "游戏卡密",
    "cdk码", "cdkey码", "串码", "卡券", "兑换券",
})
# What a header cell names a column that is no part of a key by: a note, a batch, a price, a
# date, a state. The first column is the key's number, whatever its header says.
NOTE_WORDS = frozenset({
    "note", "notes", "remark", "remarks", "comment", "comments", "memo", "description",
    "desc", "info", "batch", "batchno", "lot", "price", "amount", "facevalue", "status",
    "date", "expiry", "expires", "expirydate", "expiration", "validuntil", "importdate",
    "备注", "备注信息", "说明", "注释", "注", "描述", "附注", "批注", "备考", "批次", "批号",
    "面值", "面额", "金额", "价格", "售价", "进价", "状态", "日期", "有效期", "过期时间",
    "到期时间", "截止日期", "导入时间", "入库时间",
})
# A first column a supplier's sheet numbers its rows in (序号 1, 2, 3…): no part of a key, when
# its cells count up one by one (QA s39a F10: every key was "1 / XL-1001 / p1", refused).
ROW_NUMBER_WORDS = frozenset({"序号", "行号", "序", "编号", "no", "seq", "index", "idx", "row"})
LONGEST_ROW_NUMBER = 6
# A header is told from the keys below it by the first cells of this many rows.
SHAPE_SAMPLE = 20


def header_word(cell: str) -> str:
    """``cell`` without case, spaces or punctuation: "CD-Key" and "cd key" both read "cdkey"."""
    return comparable_key(cell)


# No header word is longer (with its spaces and punctuation): a longer cell is not read.
LONGEST_HEADER = 24


def is_header_word(cell: str) -> bool:
    return len(cell) <= LONGEST_HEADER and header_word(cell) in HEADER_WORDS


def is_note_word(cell: str) -> bool:
    return len(cell) <= LONGEST_HEADER and header_word(cell) in NOTE_WORDS


@dataclass(frozen=True)
class KeyLine:
    """One line of the text: its cells, blanks at either end stripped; ``line_no`` counts the
    text's lines from 1 (the header's too), for the owner to find a refused one."""

    cells: tuple[str, ...]
    line_no: int = 0

    @property
    def first(self) -> str:
        return _normal(self.cells[0]) if self.cells else ""

    @cached_property
    def parts(self) -> tuple[str, ...]:
        """The cells that hold something (a trailing empty column is no part of a key), each
        NFKC: full-width letters, digits and dashes as ASCII, so that what the customer
        receives is what an activation site takes (QA s17a F2). The header keeps its cells
        as written (``cells``)."""
        return tuple(part for part in map(_normal, self.cells) if part)

    @cached_property
    def text(self) -> str:
        return KEY_PART_SEPARATOR.join(self.parts)

    @cached_property
    def number(self) -> str:
        """What the key is told by: its first part (a card number, a code). Two keys with
        one number are one key, whatever their other columns say."""
        return key_number(self.text)

    def without(self, columns: frozenset[int]) -> KeyLine:
        return KeyLine(tuple(cell for n, cell in enumerate(self.cells) if n not in columns),
                       self.line_no)

    def from_column(self, first: int) -> KeyLine:
        return KeyLine(self.cells[first:], self.line_no)

    @property
    def leading_blanks(self) -> int:
        """Empty cells before the first that holds something (column A left empty)."""
        return next((n for n, cell in enumerate(self.cells) if cell), len(self.cells))


@dataclass(frozen=True)
class KeyText:
    lines: list[KeyLine]  # every line but the header, without the ignored columns
    header: tuple[str, ...]  # the header row's cells; empty when there is none
    ignored: frozenset[int] = frozenset()  # columns the header names a note, a price…

    @property
    def kept_columns(self) -> tuple[str, ...]:
        return tuple(cell for n, cell in enumerate(self.header)
                     if cell and n not in self.ignored)

    @property
    def ignored_columns(self) -> tuple[str, ...]:
        return tuple(cell for n, cell in enumerate(self.header) if n in self.ignored)


# Characters nobody sees, which copying from a chat, a web page or two files run together
# leaves inside a line: zero-width spaces and joiners, a word joiner, byte-order marks.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def _cells(line: str) -> tuple[str, ...]:
    """A line's cells, without invisible characters (QA s17a F3). A quoted field alone is
    unquoted as the CSV reader does a row's."""
    line = line.translate(INVISIBLE)
    alone = line.strip()
    if "," in line or ";" in line or "\t" in line or alone.startswith('"'):
        dialect = csv.excel_tab if "\t" in line else csv.excel
        delimiter = ";" if ";" in line and "," not in line else dialect.delimiter
        read = alone if "\t" not in line else line  # a tab: its empty cells are columns
        fields = next(csv.reader(io.StringIO(read), dialect, delimiter=delimiter), [""])
        return tuple(cell.strip() for cell in fields) or ("",)
    return (alone,)


def _normal(cell: str) -> str:
    return unicodedata.normalize("NFKC", cell).strip()


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


def _numbers_rows(header: tuple[str, ...], below: list[KeyLine]) -> bool:
    """Whether the first column is the sheet's row numbers: named so (序号, No.), other
    columns beside it, and its cells counting up by one (a key's column never does)."""
    if len(header) < 2 or header_word(header[0]) not in ROW_NUMBER_WORDS:
        return False
    firsts = [line.first for line in below if line.parts]
    if not firsts or not all(f.isdigit() and len(f) <= LONGEST_ROW_NUMBER for f in firsts):
        return False
    numbers = [int(f) for f in firsts]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def read_key_text(text: str, fits: Callable[[str], bool]) -> KeyText:
    """The lines of ``text``, its header row apart. ``fits`` says whether a first cell has
    the shape of the product's keys. A column empty on every line (column A of a sheet whose
    keys are in B) is no column; without a header, a line's key is its first cell that holds
    something (QA s17a F4); with one, the header says which column is the key's."""
    lines = [KeyLine(_cells(line), n) for n, line in enumerate(text.splitlines(), 1)]
    empty = min((line.leading_blanks for line in lines if line.parts), default=0)
    lines = [line.from_column(empty) if line.parts else line for line in lines]
    start = next((n for n, line in enumerate(lines) if line.parts), None)
    if start is None or not _is_header(lines[start], lines[start + 1 :], fits):
        return KeyText([line.from_column(line.leading_blanks) if line.parts else line
                        for line in lines], ())
    header = lines[start].cells
    ignored = frozenset(n for n, cell in enumerate(header) if n and is_note_word(cell))
    if _numbers_rows(header, lines[start + 1 :]):
        ignored |= {0}
    below = [line.without(ignored) for line in lines[:start] + lines[start + 1 :]]
    return KeyText(below, header, ignored)


def shown_header(cells: tuple[str, ...]) -> str:
    """The header row for the owner to check; a cell with a digit may be a key and is masked."""
    return ", ".join(mask_key(cell) if any(c.isdigit() for c in cell) else cell
                     for cell in cells if cell)


# How a workbook begins: .xlsx (a zip) and the older .xls. Neither is text.
WORKBOOK_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
# Excel's own "CSV" on Chinese Windows is GBK, of which GB18030 is the whole.
KEY_FILE_ENCODINGS = ("utf-8-sig", "gb18030")
_LINE_BREAKS = frozenset("\t\r\n")


# Some hundred thousand keys: more is not a key list (the app and the command line alike).
MAX_FILE_BYTES = 20 * 1024 * 1024
# DOS's end of file, which old supplier tools still write after the text (QA s17a F7).
CTRL_Z = b"\x1a"


def read_key_file(path: str | os.PathLike[str]) -> str:
    """A key file as text (``key_file_text``); any line ending. Refused: a file that cannot
    be read, one over ``MAX_FILE_BYTES`` and one without a line that holds something."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise InvalidInput(field="file", problem="unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise InvalidInput(field="file", problem="too_large",
                           megabytes=MAX_FILE_BYTES // (1024 * 1024))
    text = key_file_text(data)
    if not any(any(_cells(line)) for line in text.splitlines()):
        raise InvalidInput(field="file", problem="no_keys")
    return text


def key_file_text(data: bytes) -> str:
    """A key file's bytes as text: UTF-8 with or without a BOM, else GB18030 where that
    reads it without control or unassigned characters (a file of another encoding does not).
    An Excel workbook is refused as such: it must be saved as CSV first. Ctrl-Z at the end
    is no part of the text."""
    if data.startswith(WORKBOOK_STARTS):
        raise InvalidInput(field="file", problem="excel_workbook")
    data = data.rstrip(CTRL_Z)
    for encoding in KEY_FILE_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "gb18030" or _reads_cleanly(text):
            return text
    raise InvalidInput(field="file", problem="not_utf8")


def _reads_cleanly(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Co", "Cn") and c not in _LINE_BREAKS
                   for c in text)


# A long card number as Excel shows and saves it: "1.10024E+15", its digits lost.
EXCEL_NUMBER = re.compile(r"\d(\.\d+)?E\+\d+", re.IGNORECASE)


def refuse_excel_numbers(lines: list[KeyLine]) -> None:
    """Refuse the whole text when Excel turned numbers into "1.10024E+15": those keys are
    lost, and the file is not the supplier's any more (QA s15a F5)."""
    mangled = sum(1 for line in lines if any(EXCEL_NUMBER.fullmatch(c) for c in line.cells))
    if mangled:
        raise InvalidInput(field="file", problem="excel_scientific", count=mangled)
