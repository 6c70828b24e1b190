"""Importing card keys: a preview of what a text would add, then the import of exactly that.

A key is told by its number's comparable form (``key_pattern.comparable_key``): the same key
in another case, in full-width characters or without its hyphens is a duplicate, in the file,
in this product's stock or under another product (QA s17a F1). Each line refused as no key
is listed with its line number, masked, and why (QA s17a F4).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from peewee import ModelSelect

from desktop_app.core import audit, dialect
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import InvalidInput
from desktop_app.core.key_pattern import (
    KEY_PART_SEPARATOR,
    MAX_CARD_KEY_LENGTH,
    key_fingerprint_with,
    key_matches,
    mask_key,
)
from desktop_app.core.key_rows import KeyLine, is_header_word, read_key_text, refuse_excel_numbers
from desktop_app.core.models import CardKey, Product
from desktop_app.core.products import get_product
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop

# Why a line is no key, as ``RefusedLine.reason`` says it (the words: ui, cli).
REFUSAL_REASONS = ("too_long", "control_character", "header_word", "first_column_empty",
                   "pattern")


def key_fingerprint(shop: Shop, secret: str) -> str:
    """The keyed hash of a key's comparable number (``key_pattern.key_fingerprint_with``)."""
    return key_fingerprint_with(shop.card_key_salt, secret)


@dataclass(frozen=True)
class RefusedLine:
    """A line refused as no key: its number in the text (from 1), the line masked as keys
    are shown (never in the clear), and one of ``REFUSAL_REASONS``."""

    line: int
    masked: str
    reason: str


@dataclass
class KeyImportReport:
    new: list[str] = field(default_factory=list)
    duplicate: int = 0  # its number already in this product's stock, or twice in the file
    other_product: int = 0  # already in the shop under another product: never sold twice
    blank: int = 0
    malformed: int = 0
    imported: int = 0
    header: tuple[str, ...] = ()  # the header row left out, its cells; empty when none
    joined: int = 0  # new keys made of several columns (number / password)
    # Of the duplicates and those under another product: the number the same, the rest of
    # the key (a password) not. Never imported; the owner asks the supplier which is right.
    conflicting: int = 0
    kept_columns: tuple[str, ...] = ()  # the header's names of the columns a key is made of
    ignored_columns: tuple[str, ...] = ()  # named a note, a price, a date…: no part of a key
    refused: list[RefusedLine] = field(default_factory=list)  # the malformed lines, in order
    unusual: int = 0  # new keys with a space then Chinese text in them: a note, perhaps
    # New keys shaped unlike nearly all the others (3 letters among 16-digit card numbers:
    # QA s35a F2, a junk row "abc" imported and sold as a key), masked.
    odd_shaped: list[str] = field(default_factory=list)


def _fits(cell: str, product: Product) -> bool:
    return key_matches(cell, product.key_min_length, product.key_max_length,
                       product.key_alphabet)


def refusal(line: KeyLine, product: Product) -> str | None:
    """Why ``line`` is no key (one of ``REFUSAL_REASONS``), or None: too long, control
    characters, a header word, an empty first column under a header, or a first column that
    is not the product's pattern (the other columns of a row are kept as they are)."""
    if len(line.text) > MAX_CARD_KEY_LENGTH:
        return "too_long"
    if any(ord(c) < 32 or ord(c) == 127 for part in line.parts for c in part):
        return "control_character"
    if not line.first:
        return "first_column_empty"
    if is_header_word(line.first):
        return "header_word"
    return None if _fits(line.first, product) else "pattern"


def shown_masked(text: str) -> str:
    """A refused line as the owner may see it: masked, its control characters as "�"."""
    return "".join("\ufffd" if ord(c) < 32 or ord(c) == 127 else c for c in mask_key(text))


def looks_unusual(key: str) -> bool:
    """A space, then Chinese (wide) text, within a column: "KEY 备注:促销" (QA s17a F6)."""
    for part in key.split(KEY_PART_SEPARATOR):
        spaced = part.split(maxsplit=1)
        if len(spaced) == 2 and any(unicodedata.east_asian_width(c) in "WF"
                                    for c in spaced[1]):
            return True
    return False


# At least this many new keys, and this share of them of one shape, before the others are
# called odd: a file of mixed kinds of key has no odd one.
ODD_SHAPE_MIN_KEYS = 5
ODD_SHAPE_SHARE = 0.8


def _shape(key: str) -> tuple[int, str]:
    """A key's number as its length and the kinds of character in it (digits, letters, other),
    spaces and hyphens aside: "1234 5678" and "12345678" are one shape."""
    number = "".join(c for c in key.partition(KEY_PART_SEPARATOR)[0] if c not in " -")
    kinds = "".join(kind for kind, test in (("d", str.isdigit), ("a", str.isalpha))
                    if any(test(c) for c in number))
    return len(number), kinds + ("o" if any(not c.isalnum() for c in number) else "")


def odd_shaped(keys: list[str]) -> list[str]:
    """The keys shaped unlike nearly all of ``keys`` (see ``ODD_SHAPE_SHARE``), as given."""
    if len(keys) < ODD_SHAPE_MIN_KEYS:
        return []
    shapes = [_shape(key) for key in keys]
    common = max(set(shapes), key=shapes.count)
    if shapes.count(common) < ODD_SHAPE_SHARE * len(keys):
        return []
    return [key for key, shape in zip(keys, shapes, strict=True) if shape != common]


def _rest(key: str) -> str:
    """What follows a key's number (a password), as compared: NFKC, like imported keys."""
    return unicodedata.normalize("NFKC", key.partition(KEY_PART_SEPARATOR)[2])


# Fingerprints looked up per query: well under every engine's limit on parameters.
LOOKUP_BATCH = 500


def stock_holding(product_ids: list[int], fingerprints: list[str]) -> ModelSelect:
    """(fingerprint, product) of the keys of ``product_ids`` with one of ``fingerprints``:
    both lists given as values, so that either engine searches the (product, fingerprint)
    index for each pair instead of reading every key (a subquery made PostgreSQL do that)."""
    return (CardKey.select(CardKey.fingerprint, CardKey.product)
            .where(CardKey.product.in_(product_ids) & CardKey.fingerprint.in_(fingerprints)))


def _card_key_products() -> list[int]:
    return [product_id for (product_id,) in Product.select(Product.id)
            .where(Product.kind == "cardkey").tuples()]


def _fingerprints_in_stock(fingerprints: list[str]) -> dict[str, set[int]]:
    """Which of ``fingerprints`` the shop holds, under which products: a box of 10,000 keys
    costs a few queries."""
    product_ids = _card_key_products()
    found: dict[str, set[int]] = {}
    for start in range(0, len(fingerprints), LOOKUP_BATCH):
        batch = fingerprints[start : start + LOOKUP_BATCH]
        for fingerprint, product_id in stock_holding(product_ids, batch).tuples():
            found.setdefault(fingerprint, set()).add(product_id)
    return found


def _secrets_in_stock(fingerprints: list[str]) -> dict[str, str]:
    """The keys the shop holds with ``fingerprints``, by fingerprint: the few a file repeats."""
    product_ids = _card_key_products()
    held: dict[str, str] = {}
    for start in range(0, len(fingerprints), LOOKUP_BATCH):
        batch = fingerprints[start : start + LOOKUP_BATCH]
        held.update((fingerprint, secret) for fingerprint, secret in CardKey.select(
            CardKey.fingerprint, CardKey.secret).where(
            CardKey.product.in_(product_ids) & CardKey.fingerprint.in_(batch)).tuples())
    return held


def preview_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """What importing ``text`` would do, without changing anything."""
    require_owner(shop, "cardkey_import")
    product = get_product(product_id)
    if product.kind != "cardkey":
        raise InvalidInput(field="product", problem="not_cardkey")
    read = read_key_text(text, lambda cell: _fits(cell, product))
    refuse_excel_numbers(read.lines)
    report = KeyImportReport(header=read.header, kept_columns=read.kept_columns,
                             ignored_columns=read.ignored_columns)
    candidates: dict[str, KeyLine] = {}  # by the fingerprint of its number, the file's first
    for line in read.lines:
        reason = refusal(line, product) if line.parts else None
        if not line.parts:
            report.blank += 1
        elif reason is not None:
            report.malformed += 1
            report.refused.append(RefusedLine(line.line_no, shown_masked(line.text), reason))
        else:
            fingerprint = key_fingerprint(shop, line.text)
            if fingerprint in candidates:
                report.duplicate += 1
                report.conflicting += _rest(candidates[fingerprint].text) != _rest(line.text)
            else:
                candidates[fingerprint] = line
    _sort_against_stock(product_id, candidates, report)
    report.odd_shaped = [mask_key(key) for key in odd_shaped(report.new)]
    return report


def _sort_against_stock(product_id: int, candidates: dict[str, KeyLine],
                        report: KeyImportReport) -> None:
    """New, or held already (by this product or another), by the key's comparable number."""
    holders = _fingerprints_in_stock(list(candidates))
    # Held: whether the rest of the key is the same is told by the key itself.
    held = _secrets_in_stock(list(holders))
    for fingerprint, line in candidates.items():
        holding = holders.get(fingerprint)
        if not holding:
            report.new.append(line.text)
            report.joined += len(line.parts) > 1
            report.unusual += looks_unusual(line.text)
            continue
        if product_id in holding:
            report.duplicate += 1
        else:
            report.other_product += 1
        report.conflicting += _rest(held.get(fingerprint, line.text)) != _rest(line.text)


def import_card_keys(shop: Shop, product_id: int, text: str) -> KeyImportReport:
    """Add the new keys in ``text`` to stock; duplicates, blanks and malformed lines refused."""
    with shop.write():
        # Two counters importing the same box into two products: one checks after the other's
        # keys are in (the index is unique per product only).
        dialect.serialise(shop.db, dialect.CARD_KEY_IMPORT_LOCK)
        report = preview_card_keys(shop, product_id, text)
        now = utc_now()
        rows = [{"product": product_id, "secret": key, "fingerprint": key_fingerprint(shop, key),
                 "imported_at": now} for key in report.new]
        for start in range(0, len(rows), 500):
            CardKey.insert_many(rows[start : start + 500]).execute()
        report.imported = len(rows)
        audit.record(shop, "cardkey_import", product_id, imported=report.imported,
                     duplicate=report.duplicate, other_product=report.other_product,
                     blank=report.blank, malformed=report.malformed,
                     conflicting=report.conflicting)
    return report
