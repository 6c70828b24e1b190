"""Voucher codes, QR payloads and QR images.

Two ways to name one voucher (CONTRACT.md, "Codes on vouchers"):

* the printed code: 80 random bits as 16 Crockford base32 symbols plus one check symbol
  (Luhn mod 32, so it stays alphanumeric), shown in groups: ``K7QM-2X9R-TB4W-HN3P8``;
* the QR payload: ``V1`` + shop fingerprint (8) + the same 16 symbols + a 65-bit HMAC tag (13),
  39 characters of QR alphanumeric mode: version 3 at error correction M.

Reading forgives case, spaces, hyphens, O/0 and I/L/1, and full-width characters, and a
payload typed by a scanner set for US keys on a German (QWERTZ) or French (AZERTY) keyboard:
its tag decides, so a layout reading never lets a forged payload through.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.qr_symbol import qr_symbol

if TYPE_CHECKING:
    import numpy as np

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_INDEX = {symbol: i for i, symbol in enumerate(ALPHABET)}
# Look-alikes a person may type: O for 0, I and L for 1, and U (not in the alphabet) for V,
# so a U is a typo the check symbol catches, not "not a voucher" (QA s10c F4).
_FORGIVEN = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})

PAYLOAD_PREFIX = "V1"
SHOP_LEN = 8
CODE_LEN = 16  # 80 bits
TAG_LEN = 13  # 65 bits
TYPED_LEN = CODE_LEN + 1
PAYLOAD_LEN = len(PAYLOAD_PREFIX) + SHOP_LEN + CODE_LEN + TAG_LEN
MAX_QR_VERSION = 4
QR_MASK = 0


_PAIRS = [a + b for a in ALPHABET for b in ALPHABET]  # 10 bits -> two symbols
# A random byte's low five bits as a symbol: 256 is a multiple of 32, so each is as likely.
_BYTE_SYMBOL = bytes(ord(ALPHABET[b % 32]) for b in range(256))
# Luhn mod 32 adds a doubled symbol's two base-32 digits: what each symbol adds, doubled.
_DOUBLED = {symbol: (2 * i) // 32 + (2 * i) % 32 for symbol, i in _INDEX.items()}


@functools.lru_cache(maxsize=8)
def _pair_shifts(symbols: int) -> tuple[int, ...]:
    return tuple(range((symbols // 2 - 1) * 10, -1, -10))


def _encode_bits(data: bytes, symbols: int) -> str:
    """The first ``symbols`` * 5 bits of ``data``, most significant first, in our alphabet.
    Ten bits at a time: tags are made for every voucher of a batch."""
    number = int.from_bytes(data, "big") >> (len(data) * 8 - symbols * 5)
    head = ALPHABET[number >> (symbols - 1) * 5] if symbols % 2 else ""
    return head + "".join([_PAIRS[number >> shift & 1023] for shift in _pair_shifts(symbols)])


def check_symbol(code: str) -> str:
    """Luhn mod 32 over the symbols: catches any single wrong symbol and most swaps. From the
    right, every other symbol counts doubled (its two base-32 digits added), the rest as is."""
    total = sum(map(_DOUBLED.__getitem__, code[::-2])) + sum(map(_INDEX.__getitem__,
                                                                  code[-2::-2]))
    return ALPHABET[(32 - total % 32) % 32]


def new_code() -> str:
    """One code of fresh randomness, as ``new_codes`` makes them."""
    return secrets.token_bytes(CODE_LEN).translate(_BYTE_SYMBOL).decode("ascii")


def new_codes(count: int) -> list[str]:
    """``count`` different codes of fresh randomness (16 symbols, 80 bits each): the vouchers'
    identities in the database. A repeat is all but impossible, yet cheap to rule out."""
    codes: set[str] = set()
    while len(codes) < count:
        needed = count - len(codes)
        symbols = secrets.token_bytes(CODE_LEN * needed).translate(_BYTE_SYMBOL).decode("ascii")
        codes.update(symbols[i:i + CODE_LEN] for i in range(0, len(symbols), CODE_LEN))
    return list(codes)


def typed_code(code: str) -> str:
    """The printed, grouped form of a code with its check symbol."""
    return f"{code[0:4]}-{code[4:8]}-{code[8:12]}-{code[12:]}{check_symbol(code)}"


@functools.lru_cache(maxsize=8)
def shop_fingerprint(shop_id: str) -> str:
    return _encode_bits(hashlib.sha256(f"shop:{shop_id}".encode()).digest()[:5], SHOP_LEN)


@functools.lru_cache(maxsize=8)
def _hmac_halves(voucher_key: str) -> tuple[Any, Any]:
    """HMAC-SHA256 (RFC 2104) keyed with the shop's secret, its inner and outer padded keys
    hashed once, as the hmac module's own objects keep them: a tag then costs two copies."""
    key = bytes.fromhex(voucher_key)
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    padded = key.ljust(64, b"\0")
    return (hashlib.sha256(bytes(b ^ 0x36 for b in padded)),
            hashlib.sha256(bytes(b ^ 0x5C for b in padded)))


def _hmac(voucher_key: str, message: bytes) -> bytes:
    """``hmac.digest(key, message, "sha256")``, from the halves hashed once."""
    inner, outer = _hmac_halves(voucher_key)
    inner, outer = inner.copy(), outer.copy()
    inner.update(message)
    outer.update(inner.digest())
    return outer.digest()


def _tag_symbols(mac: bytes) -> str:
    """``_encode_bits(mac[:9], TAG_LEN)``: the first 65 bits as 13 symbols, written out, as it
    is made for every voucher of a batch and checked at every scan."""
    n, pairs = int.from_bytes(mac[:9], "big") >> 7, _PAIRS
    return (ALPHABET[n >> 60] + pairs[n >> 50 & 1023] + pairs[n >> 40 & 1023]
            + pairs[n >> 30 & 1023] + pairs[n >> 20 & 1023] + pairs[n >> 10 & 1023]
            + pairs[n & 1023])


def _tag(voucher_key: str, body: str) -> str:
    return _tag_symbols(_hmac(voucher_key, body.encode("ascii")))


def payload(shop_id: str, voucher_key: str, code: str) -> str:
    body = PAYLOAD_PREFIX + shop_fingerprint(shop_id) + code
    return body + _tag(voucher_key, body)


def normalize(text: str) -> str:
    """What a cashier or scanner meant: NFKC, upper case, no label ("券码："), no separators
    (any dash an input method or a phone puts in: —, –, ‐; a full stop 。), O→0, I/L→1."""
    if text.isascii() and text.isalnum():  # a scanner's payload: nothing but case to clean
        return text.upper().translate(_FORGIVEN)
    return normalize_any(text)


def normalize_any(text: str) -> str:
    """``normalize`` for any text, character by character."""
    cleaned = _LABEL.sub("", unicodedata.normalize("NFKC", text)).upper()
    cleaned = "".join(c for c in cleaned if not _is_separator(c))
    return cleaned.translate(_FORGIVEN)


# A word and a colon before the code, as a WeChat message or a receipt copied has it (QA s15a
# F9). A payload never holds a colon; a web address keeps its "//…" and is no voucher.
_LABEL = re.compile(r"^\s*[^\W\d_]{1,12}\s*:")


def _is_separator(char: str) -> bool:
    return (char.isspace() or char in "_.。、" or unicodedata.category(char) == "Pd")


@dataclass(frozen=True)
class Parsed:
    """What some scanned or typed text turned out to be, before any database lookup."""

    reason: str | None  # None when it names a voucher of this shop; else a verdict reason
    code: str = ""
    via: str = ""  # "qr", "typed", or the keyboard layout a payload was read through
    typed: str = ""  # for "mistyped": the 17 symbols as typed, to look for the likely fix


# What a scanner set for US keys produces on another layout, for what it can send in a payload
# (upper-case letters go with Shift, digits without). QWERTZ: the Y and Z keys trade places.
# AZERTY: A/Q and Z/W trade places, the M key gives "?" with Shift (the M is on the US ";" key,
# which a payload never uses), and the unshifted digit row gives the accented characters.
LAYOUT_MANGLING: dict[str, dict[str, str]] = {
    "qwertz": {"Y": "Z", "Z": "Y"},
    "azerty": {"A": "Q", "Q": "A", "W": "Z", "Z": "W", "M": "?",
               **dict(zip("1234567890", "&é\"'(-è_çà", strict=True))},
}
# Reading mangled text back: the inverse of each mapping, on upper-cased text (normalize()
# upper-cases the accented letters too). A character the layout never produces from a payload
# (on AZERTY: any digit, M, and the look-alikes O/I/L of digits) cannot be part of a genuine
# reading: it becomes "!", so a half-mangled text is not read as the genuine payload.
_NOT_FROM_LAYOUT = "!"


def _reading(mapping: dict[str, str]) -> dict[int, str]:
    produced = {mapping.get(c, c) for c in ALPHABET}
    table = {c: _NOT_FROM_LAYOUT for c in ALPHABET + "OIL"
             if c.translate(_FORGIVEN) not in produced}
    table.update({typed.upper(): sent for sent, typed in mapping.items()})
    return str.maketrans(table)


_LAYOUT_READINGS = {layout: _reading(mapping) for layout, mapping in LAYOUT_MANGLING.items()}


def mangle(text: str, layout: str) -> str:
    """What ``text`` becomes when a US-configured scanner types it on ``layout`` (tests, bench)."""
    mapping = LAYOUT_MANGLING[layout]
    return "".join(mapping.get(c, c) for c in text)


def parse(text: str, shop_id: str, voucher_key: str, normalized: str | None = None) -> Parsed:
    """What ``text`` names. A payload that fails as typed is read again as the same keystrokes
    on a QWERTZ and an AZERTY keyboard; only a reading whose tag verifies is taken; otherwise
    the refusal that says most (this shop's forged payload before another shop's before
    garbage)."""
    value = normalize(text) if normalized is None else normalized
    parsed = parse_normalized(value, shop_id, voucher_key)
    if parsed.reason is None or parsed.via == "typed":
        return parsed
    best = parsed
    upper = unicodedata.normalize("NFKC", text).upper()
    for layout, reading in _LAYOUT_READINGS.items():
        candidate = parse_normalized(normalize(upper.translate(reading)), shop_id, voucher_key)
        if candidate.reason is None and candidate.via == "qr":
            return Parsed(None, candidate.code, layout)
        if _TELLS_MORE.index(candidate.reason or "") < _TELLS_MORE.index(best.reason or ""):
            best = candidate
    return best


US_LAYOUT = "us"


@dataclass(frozen=True)
class ScannerLayout:
    """What one test scan of a voucher says about the keyboard layout the scanner types in."""

    layout: str  # US_LAYOUT or a key of LAYOUT_MANGLING; "" when no voucher of this shop
    read: bool  # the counter takes such a scan as it comes (``parse`` names the voucher)
    via: str = ""  # "qr" (a payload) or "typed" (a printed code)


def scanner_layout(text: str, shop_id: str, voucher_key: str) -> ScannerLayout:
    """The layout a scan of one of this shop's vouchers came through: US when it reads as
    sent, else the layout under which its payload's tag (or its printed code's check symbol)
    holds. A text without a character that layouts type differently reads as US: for such
    codes the layout makes no difference."""
    read = parse(text, shop_id, voucher_key).reason is None
    as_sent = parse_normalized(normalize(text), shop_id, voucher_key)
    if as_sent.reason is None:
        return ScannerLayout(US_LAYOUT, read, as_sent.via)
    upper = unicodedata.normalize("NFKC", text).upper()
    for layout, reading in _LAYOUT_READINGS.items():
        candidate = parse_normalized(normalize(upper.translate(reading)), shop_id, voucher_key)
        if candidate.reason is None:
            return ScannerLayout(layout, read, candidate.via)
    return ScannerLayout("", read)


def has_voucher_shape(text: str) -> bool:
    """Whether ``text`` reads as some shop's voucher, as sent or through a keyboard layout: a
    payload's prefix, length and symbols, or a printed code whose check symbol holds. Needs no
    shop keys: the scanner's filter asks it of a burst typed into a text field, where anything
    else (a payment's code) is the field's text. Digits alone are a payment's or a slip's
    number, never a printed code in practice (odds of 10/32 per random symbol, 16 of them), so
    a 17-digit number is not one even when its last digit happens to check."""
    upper = unicodedata.normalize("NFKC", text).upper()
    readings = [normalize(text)] + [normalize(upper.translate(reading))
                                    for reading in _LAYOUT_READINGS.values()]
    return any(_has_shape(value) for value in readings)


def _has_shape(value: str) -> bool:
    if any(c not in _INDEX for c in value):
        return False
    if len(value) == PAYLOAD_LEN:
        return value.startswith(PAYLOAD_PREFIX)
    return (len(value) == TYPED_LEN and not value.isdigit()
            and check_symbol(value[:CODE_LEN]) == value[CODE_LEN:])


def code_as_read(text: str) -> str | None:
    """The printed form of the code ``text`` reads as, unchecked (a payload's tag and shop
    are not: no key is needed), for saying what is being checked before the check has said
    anything (the counter's "Checking…", QA s40); None when it reads as no code."""
    value = normalize(text)
    if not _has_shape(value):
        return None
    if len(value) == PAYLOAD_LEN:
        return typed_code(value[2 + SHOP_LEN : 2 + SHOP_LEN + CODE_LEN])
    return typed_code(value[:CODE_LEN])


# Of several refused readings, the one that says most: this shop's payload with a bad tag,
# then another shop's payload, then not a payload at all.
_TELLS_MORE = ("invalid_signature", "wrong_shop", "malformed", "mistyped", "")


def parse_normalized(value: str, shop_id: str, voucher_key: str) -> Parsed:
    """``parse`` for text already through ``normalize`` (the counter normalises once)."""
    if any(c not in _INDEX for c in value):
        return Parsed("malformed")
    if len(value) == PAYLOAD_LEN and value.startswith(PAYLOAD_PREFIX):
        shop = value[2 : 2 + SHOP_LEN]
        code = value[2 + SHOP_LEN : 2 + SHOP_LEN + CODE_LEN]
        if shop != shop_fingerprint(shop_id):
            return Parsed("wrong_shop", code, "qr")
        body, tag = value[:-TAG_LEN], value[-TAG_LEN:]
        if not hmac.compare_digest(tag, _tag(voucher_key, body)):
            return Parsed("invalid_signature", code, "qr")
        return Parsed(None, code, "qr")
    if len(value) == TYPED_LEN:
        code, check = value[:CODE_LEN], value[CODE_LEN:]
        if check_symbol(code) != check:
            return Parsed("mistyped", via="typed", typed=value)
        return Parsed(None, code, "typed")
    if length_slip(value) and not value[:CODE_LEN - 1].isdigit():
        # A symbol left out or typed twice, the commonest slip: a typo to check, kept for
        # correction (QA s18b F3). Digits alone are a payment's or an ID's number.
        return Parsed("mistyped", via="typed", typed=value)
    return Parsed("malformed")


def length_slip(value: str) -> int:
    """-1 for a printed code's symbols (``normalize``d) one short, 1 for one too many, else 0."""
    slip = len(value) - TYPED_LEN
    return slip if abs(slip) == 1 else 0


GROUP_LEN = 4


def likely_corrections(typed: str) -> dict[str, int]:
    """For a mistyped code: every code one typo away whose check holds (one symbol wrong, two
    neighbours swapped, one left out or one too many), with the 0-based printed group the
    typo is in (-1: it could be in two).

    The check alone cannot say where a single wrong symbol is (each position has exactly one
    replacement that makes it hold), so the caller asks which of these exist; a fix is never
    applied, only pointed at."""
    found: dict[str, int] = {}
    if length_slip(typed) < 0:  # each symbol put in at each place: 17 x 32 to check
        for i in range(TYPED_LEN):
            for symbol in ALPHABET:
                _keep_if_valid(found, typed[:i] + symbol + typed[i:], i)
        return found
    if length_slip(typed) > 0:
        for i in range(len(typed)):
            _keep_if_valid(found, typed[:i] + typed[i + 1:], min(i, CODE_LEN))
        return found
    for i in range(TYPED_LEN):
        for symbol in ALPHABET:
            if symbol != typed[i]:
                _keep_if_valid(found, typed[:i] + symbol + typed[i + 1:], i)
        if i + 1 < TYPED_LEN and typed[i] != typed[i + 1]:
            swapped = typed[:i] + typed[i + 1] + typed[i] + typed[i + 2:]
            same_group = _printed_group(i) == _printed_group(i + 1)
            _keep_if_valid(found, swapped, i if same_group else -1)
    return found


def _printed_group(position: int) -> int:
    """The printed group a symbol of the typed code is in: the check symbol ends the last."""
    return min(position // GROUP_LEN, CODE_LEN // GROUP_LEN - 1)


def _keep_if_valid(found: dict[str, int], candidate: str, position: int) -> None:
    code = candidate[:CODE_LEN]
    if check_symbol(code) == candidate[CODE_LEN]:
        # a swap across two groups points at neither, nor does a slip two places could make
        group = _printed_group(position) if position >= 0 else -1
        found[code] = group if found.get(code, group) == group else -1


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules of ``text`` (no quiet zone), error correction M, version 4 or lower."""
    # A fixed mask: choosing the best of eight costs ~80% of the time of a QR, and any mask
    # reads (the read-back tests decode every printed one). Pattern 0 is as good as any here.
    # A payload always fits version 3 (39 alphanumeric characters at M), whose symbol
    # qr_symbol makes directly, ~10x faster than qrcode and module for module the same.
    fits = len(text) == PAYLOAD_LEN and text.isascii() and text.isalnum() and text.isupper()
    if fits:
        return qr_symbol(text)
    # Imported here: most commands (and every scan) never draw a QR, and qrcode loads PIL.
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
    qr.add_data(text)  # qrcode picks alphanumeric mode for upper-case letters and digits
    qr.make(fit=True)
    return [list(row) for row in qr.get_matrix()]


def qr_version(text: str) -> int:
    return (len(qr_matrix(text)) - 17) // 4


def qr_image(text: str, module_px: int = 8, quiet_zone: int = 4) -> np.ndarray:
    """A grayscale image (0 black, 255 white) of the symbol with its quiet zone."""
    import numpy as np  # here: only drawing needs it, and the command line should not pay

    modules = np.array(qr_matrix(text), dtype=bool)
    padded = np.pad(modules, quiet_zone, constant_values=False)
    image = np.where(padded, 0, 255).astype(np.uint8)
    return np.kron(image, np.ones((module_px, module_px), dtype=np.uint8))


def qr_png(text: str, module_px: int = 8, quiet_zone: int = 4) -> bytes:
    import cv2  # here: OpenCV costs ~135 ms and ~35 MiB, paid only by what writes a PNG

    ok, encoded = cv2.imencode(".png", qr_image(text, module_px, quiet_zone))
    if not ok:
        raise RuntimeError("PNG encoding failed")
    return encoded.tobytes()
