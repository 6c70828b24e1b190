"""Money as integer minor units (cents, fen): parsed from and shown as exact decimals."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from desktop_app.core.errors import InvalidInput

MAX_CENTS = 10**12  # ten billion in major units: beyond any voucher a small shop sells


def parse_money(text: str | Decimal, field: str = "price") -> int:
    """``"12.5"`` → 1250. Refuses negatives, more than two decimals and non-numbers."""
    try:
        value = Decimal(str(text).strip().replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(field=field, problem="not_a_number") from None
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


def money_text(cents: int) -> str:
    """1250 → ``"12.50"``; the currency is shown beside it by whoever displays it."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"
