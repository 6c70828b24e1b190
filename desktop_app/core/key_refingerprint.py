"""Schema step 17: every card key's fingerprint taken again on its number's comparable form
(``key_pattern.comparable_key``: NFKC, case folded, letters and digits only), so that a key
imported before in another case, width or grouping is found a duplicate (QA s17a F1).

Run inside the step's transaction with the models bound to the shop's database; on a server
its column cipher is attached before the steps run, so the salt (a setting) and the keys
(sealed) read in the clear here, as everywhere else. Nothing is sealed again: the
fingerprint is a keyed hash, stored as such on both engines.

Two keys of one product that turn out to be one key keep the unique (product, fingerprint)
index: the earlier takes the new fingerprint, the later keeps its old one and is logged by
id (never its text). It is a second copy of one key already in stock: the owner marks it
faulty (README, "Card keys"). The pairs are kept, by id, in the setting ``DUPLICATES_SETTING``
so that the Card keys dialog tells the owner (``cardkeys.pending_duplicate_keys``): the log is
never read.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging

from peewee import Case, Database

from desktop_app.core.key_pattern import key_fingerprint_with
from desktop_app.core.models import CardKey, Setting

log = logging.getLogger(__name__)

REWRITE_BATCH = 200  # keys written back per UPDATE (two parameters each, and the ids)
# JSON: [[product id, first key id, later key id], ...]. Ids only, never a key's text.
DUPLICATES_SETTING = "card_key_duplicates"

DuplicatePair = tuple[int, int, int]  # product, the first key, its later copy


def refingerprint_card_keys(db: Database) -> None:
    """Version 17: see the module. ``db`` is the database the models are bound to."""
    salt_row = Setting.get_or_none(Setting.key == "card_key_salt")
    if salt_row is None:
        return  # a shop without a salt holds no key
    salt = bytes.fromhex(salt_row.value)
    held: list[tuple[int, int, str]] = []  # id, product, former fingerprint
    wanted: dict[int, str] = {}  # key id -> its fingerprint after the step
    first_of: dict[tuple[int, str], int] = {}  # (product, new fingerprint) -> its first key
    pairs: list[DuplicatePair] = []
    for key_id, product_id, secret, former in (
            CardKey.select(CardKey.id, CardKey.product, CardKey.secret, CardKey.fingerprint)
            .order_by(CardKey.id).tuples().iterator()):
        new = key_fingerprint_with(salt, secret)
        first = first_of.setdefault((product_id, new), key_id)
        held.append((key_id, product_id, former))
        wanted[key_id] = new if first == key_id else former
        if first != key_id:
            log.warning("card keys %s and %s of product %s are one key (case, width or hyphens "
                        "apart): key %s keeps its former fingerprint", first, key_id, product_id,
                        key_id)
            pairs.append((product_id, first, key_id))
    later = _later_copies_set_apart(salt, held, wanted, first_of)
    changed = [key_id for key_id, _, former in held
               if wanted[key_id] != former and key_id not in later]
    _write(sorted(later), wanted)  # first: no key takes a fingerprint another still holds
    _write(changed, wanted)
    if pairs:
        _note_duplicates(pairs)


def note_duplicate_card_keys(db: Database) -> None:
    """Version 18: the pairs of keys that are one key, found again from the keys themselves.
    A shop that took step 17 before it kept them (session 29's build) has them only in its
    log; here every shop gets them kept for the owner (the Card keys dialog's notice). Reads
    the keys as step 17 does; writes nothing but the setting. ``db``: the bound database."""
    salt_row = Setting.get_or_none(Setting.key == "card_key_salt")
    if salt_row is None:
        return
    salt = bytes.fromhex(salt_row.value)
    first_of: dict[tuple[int, str], int] = {}
    pairs: list[DuplicatePair] = []
    for key_id, product_id, secret in (
            CardKey.select(CardKey.id, CardKey.product, CardKey.secret)
            .order_by(CardKey.id).tuples().iterator()):
        first = first_of.setdefault((product_id, key_fingerprint_with(salt, secret)), key_id)
        if first != key_id:
            pairs.append((product_id, first, key_id))
    if pairs:
        _note_duplicates(pairs)


def _later_copies_set_apart(salt: bytes, held: list[tuple[int, int, str]],
                            wanted: dict[int, str],
                            first_of: dict[tuple[int, str], int]) -> set[int]:
    """A later copy whose former fingerprint is the new one of its product's first (it was
    stored in the comparable form already, "abcde12345" after "ABCDE-12345") gets one of its
    own, from its id. Returns those keys."""
    later: set[int] = set()
    for key_id, product_id, former in held:
        first = first_of.get((product_id, former))
        if first is not None and first != key_id and wanted[key_id] == former:
            wanted[key_id] = hmac.new(salt, f"later copy of a key #{key_id}".encode(),
                                      hashlib.sha256).hexdigest()
            later.add(key_id)
    return later


def _write(key_ids: list[int], wanted: dict[int, str]) -> None:
    for start in range(0, len(key_ids), REWRITE_BATCH):
        batch = key_ids[start : start + REWRITE_BATCH]
        (CardKey.update(fingerprint=Case(CardKey.id, [(key_id, wanted[key_id])
                                                      for key_id in batch]))
         .where(CardKey.id.in_(batch)).execute())


def duplicate_pairs() -> list[DuplicatePair]:
    """The pairs the step found (none: an empty list), from the bound database."""
    row = Setting.get_or_none(Setting.key == DUPLICATES_SETTING)
    if row is None:
        return []
    return [(int(product), int(first), int(later))
            for product, first, later in json.loads(row.value)]


def _note_duplicates(pairs: list[DuplicatePair]) -> None:
    """Kept with those noted before (a shop restored from an older backup runs the step
    again). Written as ``store.put_setting`` does; it is not imported here (store imports the
    steps). On a server the value is sealed, as every setting."""
    value = json.dumps(sorted(set(duplicate_pairs()) | set(pairs)))
    (Setting.insert(key=DUPLICATES_SETTING, value=value)
     .on_conflict(conflict_target=[Setting.key], update={Setting.value: value}).execute())
