"""The values of command-line options: each type turns the typed text into its value, or
into a usage error that says what is expected (exit 2)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable

from desktop_app.core.errors import InvalidInput
from desktop_app.core.text import MAX_STATION, checked_text
from desktop_app.i18n import translate


def whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("cli", "not a number: {text}").format(
            text=text)) from None


def positive_int(text: str) -> int:
    value = whole_number(text)
    if value < 1:
        raise argparse.ArgumentTypeError(translate("cli", "must be 1 or more"))
    return value


def int_between(low: int, high: int) -> Callable[[str], int]:
    """An argument type for a whole number from ``low`` to ``high``; outside that, the usage
    error says the range, for a huge number as for zero."""

    def parse(text: str) -> int:
        value = whole_number(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(translate(
                "cli", "must be between {low} and {high}").format(low=low, high=high))
        return value

    return parse


def local_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):  # the form is right, the day is not
        raise argparse.ArgumentTypeError(translate(
            "cli", "the date {text!r} does not exist (months 01-12, days as the month has)"
        ).format(text=text))
    raise argparse.ArgumentTypeError(translate(
        "cli", "expected a date as YYYY-MM-DD, got {text!r}").format(text=text))


def station_name(text: str) -> str:
    try:
        return checked_text(text, "station", MAX_STATION, required=True)
    except InvalidInput:
        raise argparse.ArgumentTypeError(translate(
            "cli", "a station name of 1 to {maximum} characters without control characters"
        ).format(maximum=MAX_STATION)) from None


def parse_item(text: str) -> tuple[int, int]:
    product, _, quantity = text.partition(":")
    try:
        return int(product), int(quantity or "1")
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("cli", "expected PRODUCT_ID[:QTY], got {text!r}").format(text=text)
        ) from None
