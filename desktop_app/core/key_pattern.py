"""What a card key may look like: its product's pattern, how it is shown masked, and how one
key is told from another (its comparable form and keyed fingerprint)."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

MAX_CARD_KEY_LENGTH = 512
# Between the columns of a key imported from a CSV row (card number / password: key_rows).
KEY_PART_SEPARATOR = " / "


def key_number(secret: str) -> str:
    """A key's number: before its first " / " (the whole key when it has one part)."""
    return secret.partition(KEY_PART_SEPARATOR)[0]


def comparable_key(text: str) -> str:
    """``text`` as keys are compared: NFKC (full-width letters, digits and dashes as ASCII),
    case folded, its letters and digits only. Activation sites read "ABCDE-12345",
    "abcde12345" and "ＡＢＣＤＥ－１２３４５" as one key, and so does the shop (QA s17a F1):
    for duplicates, the search and header words alike."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in folded if c.isalnum())


def key_fingerprint_with(salt: bytes, secret: str) -> str:
    """The keyed hash of a key's comparable number (before " / "): finds duplicates without
    comparing secrets in the clear; one number with two passwords is one key (QA s15a F1)."""
    text = comparable_key(key_number(secret))
    return hmac.new(salt, text.encode("utf-8"), hashlib.sha256).hexdigest()


# What a card key of a product may consist of; hyphens are allowed in all of them (keys are
# often printed in groups). Lengths count every character.
KEY_ALPHABETS: dict[str, frozenset[str]] = {
    "digits": frozenset("0123456789-"),
    "upper_digits": frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"),
    "letters_digits": frozenset(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"),
}


# Without a pattern of its own, a key is any line this long with a letter or digit in it:
# a stray "x", a row of dashes or a line of prose in Chinese is not sold to a customer.
DEFAULT_MIN_KEY_LENGTH = 3


def key_matches(secret: str, min_length: int | None, max_length: int | None,
                alphabet: str | None) -> bool:
    """Whether a card key fits its product's pattern (or, where the product sets no
    length, the default one: ``DEFAULT_MIN_KEY_LENGTH`` and a letter or digit)."""
    if len(secret) < (DEFAULT_MIN_KEY_LENGTH if min_length is None else min_length):
        return False
    if not any(c.isascii() and c.isalnum() for c in secret):
        return False
    if max_length is not None and len(secret) > max_length:
        return False
    return alphabet is None or set(secret) <= KEY_ALPHABETS[alphabet]


# A card number's end told apart: its last digits are the card's serial (the leading ones,
# the issuer's batch, are alike on every card of a box).
NUMBER_TAIL = 4
_NUMBER_CHARACTERS = frozenset("0123456789- ")


def mask_key(secret: str) -> str:
    """First 6 and last 4 characters of a key of 20 or more; of a shorter key at most a
    third, split the same way (an 11-character key shows 2 + 1), nothing under 3. A card
    number (digits, maybe grouped) shows at most a third too whatever its length, its end
    first: up to its last 4 digits, then its start (QA s17a F10: "100…21" told 16-digit cards
    of one box apart by two digits). Of a key imported from several columns (number /
    password), its number masked so, and nothing of the rest."""
    number, separator, _rest = secret.partition(KEY_PART_SEPARATOR)
    if separator:
        return f"{mask_key(number)}{KEY_PART_SEPARATOR}…"
    shown = len(secret) // 3
    if _is_card_number(secret):
        tail = min(NUMBER_TAIL, shown)
        return _masked(secret, shown - tail, tail)
    if len(secret) >= 20:
        return _masked(secret, 6, 4)
    head = (shown * 6 + 5) // 10
    return _masked(secret, head, shown - head)


def _is_card_number(secret: str) -> bool:
    return set(secret) <= _NUMBER_CHARACTERS and any(c.isdigit() for c in secret)


def _masked(secret: str, head: int, tail: int) -> str:
    """``head`` characters, "…", ``tail`` characters; "…" alone when both are 0."""
    return f"{secret[:head]}…{secret[len(secret) - tail:]}"
