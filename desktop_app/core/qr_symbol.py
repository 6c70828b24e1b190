"""The QR symbol of a voucher payload, encoded directly: version 3, error correction M, mask 0.

Every payload is 39 upper-case letters and digits, so its symbol always has the same shape:
alphanumeric mode, one block of 44 data and 26 error-correction codewords, the same finder,
timing and alignment patterns and the same format bits. Only the 560 data modules differ. The
general encoder (``qrcode``) rebuilds all of that per symbol in pure Python (about 1 ms each,
most of it Reed-Solomon on polynomial objects); here the fixed parts are made once and a
symbol costs its bits, a table-driven Reed-Solomon and one pass over the data modules. The
tests compare every module with ``qrcode``'s symbol of the same text, version and mask.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from operator import itemgetter

VERSION = 3
SIZE = 17 + 4 * VERSION  # 29 modules a side
DATA_CODEWORDS = 44  # version 3-M, one block
EC_CODEWORDS = 26
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
CAPACITY = 61  # alphanumeric characters that fit version 3-M
_VALUE = {char: i for i, char in enumerate(ALPHANUMERIC)}
_ALIGNMENT_CENTRE = 22  # version 3: one alignment pattern, at (22, 22)
_FORMAT_MASK = 0x5412
_EC_LEVEL_M = 0b00
MASK = 0  # (row + column) even: dark and light swap


def fits(text: str) -> bool:
    """Whether ``text`` is encoded here (alphanumeric, fits version 3-M)."""
    return len(text) <= CAPACITY and all(char in _VALUE for char in text)


def qr_symbol(text: str) -> list[list[bool]]:
    """The modules of ``text`` (no quiet zone), True for dark; ``text`` must ``fits``."""
    if not fits(text):
        raise ValueError("not alphanumeric text that fits a version 3-M symbol")
    data = _data_codewords(text)
    codewords = int.from_bytes(bytes(data), "big") << 8 * EC_CODEWORDS | _error_correction(data)
    gather, data_bits, mask = _layout()
    # Past the codewords come remainder bits: light before masking.
    remainder_bits = data_bits - 8 * (DATA_CODEWORDS + EC_CODEWORDS)
    bits = format(codewords << remainder_bits ^ mask, "b").zfill(data_bits)
    modules = gather(bits + "01")
    return [[cell == "1" for cell in modules[start : start + SIZE]]
            for start in range(0, SIZE * SIZE, SIZE)]


# --- the data --------------------------------------------------------------------------------


def _data_codewords(text: str) -> list[int]:
    """Mode, count, the characters two at a time, terminator and padding, as bytes."""
    bits, length = 0b0010, 4  # alphanumeric mode
    bits, length = bits << 9 | len(text), length + 9  # character count (versions 1-9)
    for start in range(0, len(text) - 1, 2):
        bits = bits << 11 | _VALUE[text[start]] * 45 + _VALUE[text[start + 1]]
        length += 11
    if len(text) % 2:
        bits, length = bits << 6 | _VALUE[text[-1]], length + 6
    room = 8 * DATA_CODEWORDS
    terminator = min(4, room - length)
    bits, length = bits << terminator, length + terminator
    padding = -length % 8
    bits, length = bits << padding, length + padding
    codewords = list(bits.to_bytes(length // 8, "big"))
    fill = (0xEC, 0x11)
    codewords += [fill[i % 2] for i in range(DATA_CODEWORDS - len(codewords))]
    return codewords


@cache
def _gf_tables() -> tuple[list[int], list[int]]:
    exp, log = [0] * 512, [0] * 256
    value = 1
    for power in range(255):
        exp[power] = value
        log[value] = power
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for power in range(255, 512):
        exp[power] = exp[power - 255]
    return exp, log


@cache
def _generator_times() -> list[int]:
    """For each byte value, the generator polynomial's coefficients multiplied by it, as one
    number of 26 bytes (so a step of the division is one shift and one exclusive or)."""
    exp, log = _gf_tables()
    generator = [1]
    for power in range(EC_CODEWORDS):
        nxt = [*generator, 0]
        for i, coefficient in enumerate(generator):
            nxt[i + 1] ^= exp[log[coefficient] + power] if coefficient else 0
        generator = nxt
    tail = generator[1:]
    rows = [[0] * EC_CODEWORDS] + [
        [exp[log[factor] + log[g]] if g else 0 for g in tail] for factor in range(1, 256)]
    return [int.from_bytes(bytes(row), "big") for row in rows]


def _error_correction(data: list[int]) -> int:
    """The Reed-Solomon codewords of ``data`` (the remainder of data * x^26 divided by the
    generator) as one number of 26 bytes."""
    times = _generator_times()
    top_shift, keep = 8 * (EC_CODEWORDS - 1), (1 << 8 * EC_CODEWORDS) - 1
    remainder = 0
    for byte in data:
        remainder = (remainder << 8 & keep) ^ times[byte ^ remainder >> top_shift]
    return remainder


# --- the fixed parts -------------------------------------------------------------------------


@cache
def _function_modules() -> tuple[tuple[bool | None, ...], ...]:
    """Finder, separator, timing, alignment, format and dark modules; None where data goes."""
    grid: list[list[bool | None]] = [[None] * SIZE for _ in range(SIZE)]
    for top, left in ((0, 0), (0, SIZE - 7), (SIZE - 7, 0)):
        for row in range(-1, 8):
            for column in range(-1, 8):
                r, c = top + row, left + column
                if 0 <= r < SIZE and 0 <= c < SIZE:
                    ring = max(abs(row - 3), abs(column - 3))
                    grid[r][c] = ring != 2 and ring != 4  # separator is ring 4
    for i in range(8, SIZE - 8):
        grid[6][i] = grid[i][6] = i % 2 == 0
    for row in range(-2, 3):
        for column in range(-2, 3):
            ring = max(abs(row), abs(column))
            grid[_ALIGNMENT_CENTRE + row][_ALIGNMENT_CENTRE + column] = ring != 1
    _place_format(grid)
    return tuple(tuple(row) for row in grid)


def _place_format(grid: list[list[bool | None]]) -> None:
    data = _EC_LEVEL_M << 3 | MASK
    remainder = data
    for _ in range(10):
        remainder = remainder << 1 ^ (remainder >> 9) * 0x537
    bits = (data << 10 | remainder) ^ _FORMAT_MASK

    def bit(i: int) -> bool:
        return bool(bits >> i & 1)

    for i in range(6):
        grid[i][8] = bit(i)
    grid[7][8], grid[8][8], grid[8][7] = bit(6), bit(7), bit(8)
    for i in range(9, 15):
        grid[8][14 - i] = bit(i)
    for i in range(8):
        grid[8][SIZE - 1 - i] = bit(i)
    for i in range(8, 15):
        grid[SIZE - 15 + i][8] = bit(i)
    grid[SIZE - 8][8] = True  # the dark module


@cache
def _template() -> tuple[tuple[bool, ...], ...]:
    return tuple(tuple(bool(cell) for cell in row) for row in _function_modules())


@cache
def _data_modules() -> tuple[tuple[int, int, bool], ...]:
    """(row, column, masked) of each data module in the order bits fill them: two columns at
    a time from the right, up then down, skipping the vertical timing column."""
    grid = _function_modules()
    order: list[tuple[int, int, bool]] = []
    right = SIZE - 1
    while right >= 1:
        if right == 6:
            right = 5
        upward = (right + 1) & 2 == 0
        for step in range(SIZE):
            row = SIZE - 1 - step if upward else step
            for column in (right, right - 1):
                if grid[row][column] is None:
                    order.append((row, column, (row + column) % 2 == 0))
        right -= 2
    return tuple(order)


@cache
def _layout() -> tuple[Callable[[str], tuple[str, ...]], int, int]:
    """How a symbol is read off a string of its data bits (with a light and a dark constant
    appended): which character each module takes, how many data modules there are, and the
    mask as a number in data order."""
    order = _data_modules()
    data_bits = len(order)
    light, dark = data_bits, data_bits + 1
    source = {(row, column): i for i, (row, column, _) in enumerate(order)}
    template = _template()
    picks = [source.get((row, column), dark if template[row][column] else light)
             for row in range(SIZE) for column in range(SIZE)]
    mask = int("".join("1" if inverted else "0" for _, _, inverted in order), 2)
    return itemgetter(*picks), data_bits, mask
