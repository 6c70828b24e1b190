"""The one check of text a person types into a name or a note: a length limit with a clear
refusal (never a silent cut), and no control characters (a terminal escape in a product name
must not reach a terminal, a line break must not split a CSV row or a receipt line)."""

from __future__ import annotations

import unicodedata

from desktop_app.core.errors import InvalidInput

MAX_NAME = 200  # products, customers
MAX_PHONE = 64
MAX_NOTE = 2000
MAX_STATION = 64


def has_control_characters(text: str, allow_newlines: bool = False) -> bool:
    """C0/C1 controls, DEL, and the invisible format characters that reorder text (bidi
    overrides) or hide in it; a note may keep its line breaks and tabs."""
    if text.isprintable():  # no Cc or Cf in it (they are "Other"): the usual case, one C call
        return False
    allowed = "\n\t" if allow_newlines else ""
    return any(unicodedata.category(c) in ("Cc", "Cf") and c not in allowed for c in text)


def checked_text(value: str, field: str, maximum: int, required: bool = False,
                 multiline: bool = False) -> str:
    """``value`` trimmed, or ``InvalidInput`` naming ``field`` and what is wrong."""
    cleaned = value.strip()
    if required and not cleaned:
        raise InvalidInput(field=field, problem="required")
    if len(cleaned) > maximum:
        raise InvalidInput(field=field, problem="too_long", maximum=maximum)
    if has_control_characters(cleaned, allow_newlines=multiline):
        raise InvalidInput(field=field, problem="control_characters")
    return cleaned


def printable(text: str, keep: str = "") -> str:
    """``text`` safe for a terminal: each control character (but those in ``keep``) shown as
    its escape, so an escape sequence stored before these checks existed never acts on the
    screen."""
    if text.isprintable():  # no Cc or Cf in it (they are "Other"): the usual case, one C call
        return text
    return "".join(c.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(c) in ("Cc", "Cf") and c not in keep else c
                   for c in text)


def display_width(text: str) -> int:
    """How wide ``text`` reads: a Chinese (wide or full-width) character counts two, as a
    terminal shows it and as a surname alone says as much as two letters."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


# Chinese names in pinyin order, as a database can sort them: GB2312's common characters
# (level 1, nearly every surname) are numbered in pinyin order, and GB18030 keeps those
# numbers while encoding every other character after them. Letters and digits come first.
NAME_ORDER_ENCODING = "GB18030"


def name_order_key(text: str | None) -> bytes:
    """``text`` as the embedded file sorts names (``SQL_NAME_ORDER_KEY``); the server sorts by
    ``convert_to(lower(text), 'GB18030')``, the same bytes."""
    return (text or "").lower().encode(NAME_ORDER_ENCODING, errors="replace")


SQL_NAME_ORDER_KEY = "name_order_key"  # the function the embedded file's connections have
