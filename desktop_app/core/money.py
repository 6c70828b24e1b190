"""Money as integer minor units (cents, fen): parsed from and shown as exact decimals."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop_app.core.errors import InvalidInput

MAX_CENTS = 10**12  # ten billion in major units: beyond any voucher a small shop sells

# What a Chinese input method types for a number: full-width digits, 。 or ． for the decimal
# point, ， for the thousands mark, and the ideographic space.
_FULL_WIDTH = str.maketrans({
    **{chr(0xFF10 + digit): str(digit) for digit in range(10)},
    "。": ".", "．": ".", "｡": ".", "，": ",", "\u3000": " ",
})
# ASCII digits only (Decimal alone would take ١٢٣ and 1_000), with an optional leading minus
# so a negative gets its own message; commas only as whole groups of three (12,5 is refused,
# never read as 125); at most one decimal point.
_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]*)?")
# A decimal comma ("1,5", "12,50": a European keypad, a foreign cashier) is never read as one
# (1,500 is a thousand and a half here), but the refusal shows the number with a point.
_DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]{1,2}")
# What a cashier types around an amount (QA s18b F9: "30元" was "Not a number"): one currency
# sign before it (¥, or the full-width ￥ an input method gives) or 元 / 块 after it.
CURRENCY_SIGNS = "¥￥$€£"
# The currencies a shop may choose at setup, as a price tag writes them (the screens, and the
# number format of a workbook's money cells).
CURRENCY_SYMBOLS = {"CNY": "¥", "HKD": "HK$", "TWD": "NT$", "MOP": "MOP$", "SGD": "S$",
                    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩", "AUD": "A$",
                    "CAD": "C$"}
UNIT_WORDS = "元块"


def normalise_number(text: str) -> str:
    """The plain ASCII form of a typed number: ``"１２。５"`` → ``"12.5"``, ``"1，280"`` →
    ``"1,280"``; anything else is left as it is, for the caller to refuse."""
    return text.translate(_FULL_WIDTH).strip()


def without_currency(text: str) -> str:
    """``"¥30"``, ``"30元"``, ``" 30 块 "`` → ``"30"``: one sign at the start or one unit word
    at the end taken off, and the spaces around; anything else is left for the caller to
    refuse (``"¥30元"`` and ``"元30"`` stay as they are)."""
    typed = text.strip()
    if typed[:1] and typed[0] in CURRENCY_SIGNS:
        return typed[1:].strip()
    if typed[-1:] and typed[-1] in UNIT_WORDS:
        return typed[:-1].strip()
    return typed


def parse_money(text: str | Decimal, field: str = "price") -> int:
    """``"12.5"`` → 1250. Refuses negatives, more than two decimals and non-numbers."""
    if isinstance(text, Decimal):
        value = text
    else:
        typed = normalise_number(str(text))
        if _DECIMAL_COMMA.fullmatch(typed):
            raise InvalidInput(field=field, problem="not_a_number",
                               with_point=typed.replace(",", "."))
        if not _NUMBER.fullmatch(typed) or not any(c.isdigit() for c in typed):
            raise InvalidInput(field=field, problem="not_a_number")
        value = Decimal(typed.replace(",", ""))
    if not value.is_finite():
        raise InvalidInput(field=field, problem="not_a_number")
    if value < 0:
        raise InvalidInput(field=field, problem="negative")
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InvalidInput(field=field, problem="too_many_decimals")
    if cents > MAX_CENTS:
        raise InvalidInput(field=field, problem="too_large")
    return int(cents)


def parse_amount(text: str) -> int:
    """A gift card's amount as a cashier types it, to spend or reload: ``"30元"``, ``"¥30"``,
    ``"￥12.50"`` → cents, as ``parse_money`` reads the number (the counter and the command
    line agree). A price is typed in a form's money field and keeps to the number."""
    return parse_money(without_currency(text), "amount")


def money_text(cents: int) -> str:
    """1250 → ``"12.50"``; the currency is shown beside it by whoever displays it."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def currency_code(text: str) -> str:
    """The shop's currency as an ISO 4217 code: three ASCII letters, upper-cased (``usd`` →
    ``USD``); anything else is refused, not printed on every receipt (QA s10b F9)."""
    code = text.strip().upper()
    if not (len(code) == 3 and code.isascii() and code.isalpha()):
        raise InvalidInput(field="currency", problem="bad_currency")
    return code
