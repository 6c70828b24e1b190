"""A phone as people type it: "138 0000 4321", "138-0000-4321", "(138) 0000.4321", a Chinese
input method's full-width "１３８００００４３２１" and "+86 138 0000 4321" are one number.
Phones are kept as typed, NFKC'd (``as_stored``: full-width digits as ASCII); searches compare
digits without their grouping, a caller's +86 / 0086 dropped, in Python (a server's sealed
phones, opened) and in SQL (the file's) alike (QA s18b F2)."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Callable

from peewee import Field, Function, fn

from desktop_app.core.models import Order

GROUPING = (" ", "-", ".", "(", ")")
# China's country code as a caller gives it: the number is the same without it.
COUNTRY_PREFIXES = ("+86", "0086")
# "86" then a whole mainland mobile (11 digits, the first a 1): a caller's 8613912345678. Only
# that whole: a number that merely starts with 86 (a landline's 8620…, a card's digits) stays.
MOBILE_DIGITS = 11
# What NFKC makes ASCII of in a phone typed full-width: an order saved before phones were
# NFKC'd may hold them, and the file's SQL has no NFKC.
_WIDE = {wide: unicodedata.normalize("NFKC", wide)
         for wide in "０１２３４５６７８９\u3000－（）．＋"}
PHONE_BATCH = 2000  # sealed phones read and opened at a time on a server


def as_stored(phone: str) -> str:
    """``phone`` as an order keeps it: as typed, but NFKC'd (full-width digits as ASCII)."""
    return unicodedata.normalize("NFKC", phone)


def ungrouped(phone: str) -> str:
    """``phone`` NFKC'd, without the spaces, hyphens, dots and parentheses it was grouped
    with: what a search's digits are looked for in."""
    phone = as_stored(phone)
    for mark in GROUPING:
        phone = phone.replace(mark, "")
    return phone


def searched(text: str) -> str:
    """A phone typed to search with, as compared: ``ungrouped``, without a leading +86 / 0086
    or 86 before a whole mobile number (the saved number may lack it; one that has it contains
    the rest), or a leading +."""
    phone = ungrouped(text)
    for prefix in COUNTRY_PREFIXES:
        if phone.startswith(prefix) and len(phone) > len(prefix):
            return phone.removeprefix(prefix)
    phone = phone.removeprefix("+")
    if len(phone) == 2 + MOBILE_DIGITS and phone.startswith("861") and phone.isascii() \
            and phone.isdigit():
        return phone.removeprefix("86")  # a whole mobile number with 86 and no + before it
    return phone


def digits_of(text: str) -> str:
    """The ASCII digits of ``searched(text)``: "+86 １３９-1234" → "1391234"."""
    return "".join(c for c in searched(text) if c in string.digits)


def phone_digits(text: str) -> str | None:
    """``searched(text)`` when ``text`` looks like a phone number or part of one ("132
    8420-8417", "+86 132…", full-width), else None: a "²" is no phone's digit."""
    digits = searched(text)
    typed = [c for c in text if as_stored(c) not in (*GROUPING, "+")]
    if not digits or not all(c.isdecimal() for c in typed):
        return None
    return digits if all(c in string.digits for c in digits) else None


def ungrouped_sql(column: Field) -> Function:
    """``ungrouped`` as the database computes it, for a search on the file: full-width digits
    and marks made ASCII (NFKC's work, for what an input method types), then the marks gone."""
    expression: Function | Field = column
    for wide, narrow in _WIDE.items():
        expression = fn.REPLACE(expression, wide, narrow)
    for mark in GROUPING:
        expression = fn.REPLACE(expression, mark, "")
    assert isinstance(expression, Function)
    return expression


def orders_by_sealed_phone(matches: Callable[[str], bool], limit: int) -> list[int]:
    """The orders, newest first, whose phone ``matches``, at most ``limit``. On a server the
    phones are sealed (AES-GCM, a random nonce each): no SQL can match them, so they are read
    newest first ``PHONE_BATCH`` at a time and opened here. The cost is one decryption per
    order read (3.3 microseconds measured) plus fetching the rows: a search that matches
    nothing in a shop of 100,000 orders reads them all, most of a second on loopback."""
    found: list[int] = []
    before: int | None = None
    while len(found) < limit:
        select = Order.select(Order.id, Order.customer_phone).order_by(Order.id.desc())
        if before is not None:
            select = select.where(Order.id < before)
        batch = list(select.limit(PHONE_BATCH).tuples())
        found += [order_id for order_id, phone in batch if phone and matches(phone)]
        if len(batch) < PHONE_BATCH:
            break
        before = batch[-1][0]
    return found[:limit]
