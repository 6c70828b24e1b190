"""Schema step 17 (``key_refingerprint``): the keys of an older shop hold the hash of their raw
number (or, imported before QA s15a, of their whole text); the step takes each again on its
comparable form, so that the same key in another case, width or grouping is a duplicate
(QA s17a F1). Two keys of one product that turn out to be one keep the unique index: the later
keeps its fingerprint, logged by id, never by its text. On both engines: on the server the salt
and the keys are sealed, and read in the clear inside the step."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging

import pytest
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import cardkeys, fulfilment, migrations, orders, products
from desktop_app.core.key_pattern import key_fingerprint_with, key_number, mask_key
from desktop_app.core.key_refingerprint import DUPLICATES_SETTING
from desktop_app.core.models import CardKey, SchemaVersion, Setting
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")
STEP_FROM = 16  # key_refingerprint brings a shop from 16 to 17

KEYS = "OUXLN-T1W2F-7G7AM-9L232-6I894\nabcd1234efgh\n1000200030004000,111111\n"


def former_fingerprint(shop: Shop, secret: str, whole: bool = False) -> str:
    """How the versions before took a key's fingerprint: its raw number, or its whole text."""
    text = secret if whole else key_number(secret)
    return hmac.new(shop.card_key_salt, text.encode("utf-8"), hashlib.sha256).hexdigest()


def back_to_16(shop: Shop) -> None:
    """The keys fingerprinted as before the step; the oldest multi-part key by its whole text."""
    for key in CardKey.select():
        CardKey.update(fingerprint=former_fingerprint(shop, key.secret, " / " in key.secret)
                       ).where(CardKey.id == key.id).execute()
    SchemaVersion.delete().where(SchemaVersion.version > STEP_FROM).execute()
    SchemaVersion.create(version=STEP_FROM)


def fingerprints(shop: Shop) -> dict[int, str]:
    return dict(CardKey.select(CardKey.id, CardKey.fingerprint).tuples())


def test_the_step_fingerprints_every_key_on_its_comparable_number(shop: Shop) -> None:
    office = products.add_product(shop, "Office", "59", "cardkey")
    other = products.add_product(shop, "Other", "59", "cardkey")
    cardkeys.import_card_keys(shop, office.id, KEYS)
    assert_step_restores_the_shape(shop, back_to_16, STEP_FROM, fingerprints)
    back_to_16(shop)
    # Before the step, other spellings of the keys held are taken for new ones (QA's find);
    # the second key was stored in its comparable form, and found already.
    spelt = "ouxlnt1w2f7g7am9l2326i894\nABCD-1234-EFGH\n1000-2000-3000-4000,111111\n"
    assert len(cardkeys.preview_card_keys(shop, office.id, spelt).new) == 2
    migrations.migrate(shop.db)
    same = cardkeys.preview_card_keys(shop, office.id, spelt)
    assert (same.new, same.duplicate, same.conflicting) == ([], 3, 0)
    elsewhere = cardkeys.preview_card_keys(shop, other.id, spelt)
    assert (elsewhere.new, elsewhere.other_product) == ([], 3)


def test_two_keys_that_become_one_keep_the_unique_index(
        shop: Shop, caplog: pytest.LogCaptureFixture) -> None:
    office = products.add_product(shop, "Office", "59", "cardkey")
    other = products.add_product(shop, "Other", "59", "cardkey")
    now = dt.datetime.now(dt.UTC)
    secrets = {  # imported before the step: three spellings of one key, one in its own form
        office.id: ["OUXLN-T1W2F-7G7AM-9L232-6I894", "ouxln-t1w2f-7g7am-9l232-6i894",
                    "ouxlnt1w2f7g7am9l2326i894"],
        other.id: ["Ouxln-T1w2f-7G7AM-9L232-6I894"],  # another product's: both kept as they are
    }
    ids = {secret: CardKey.create(product=product_id, secret=secret, imported_at=now,
                                  fingerprint=former_fingerprint(shop, secret)).id
           for product_id, keys in secrets.items() for secret in keys}
    back_to_16(shop)
    formers = fingerprints(shop)
    caplog.set_level(logging.WARNING, logger="desktop_app.core.key_refingerprint")
    assert migrations.migrate(shop.db) == STEP_FROM
    after = fingerprints(shop)
    first, second, third = (ids[secret] for secret in secrets[office.id])
    new = key_fingerprint_with(shop.card_key_salt, secrets[office.id][0])
    assert after[first] == new == after[ids[secrets[other.id][0]]]
    assert after[second] == formers[second]  # the later copy keeps its former fingerprint
    # The third's former fingerprint is the new one (stored in the comparable form): its own.
    assert after[third] not in (new, formers[third], after[second])
    warned = " ".join(record.getMessage() for record in caplog.records)
    assert f"card keys {first} and {second} of product {office.id}" in warned
    assert f"card keys {first} and {third} of product {office.id}" in warned
    assert not any(secret.lower()[:5] in warned.lower() for secret in secrets[office.id])
    # Nothing of it is a new key: every spelling is a duplicate now.
    assert cardkeys.preview_card_keys(shop, office.id, "OUXLN T1W2F 7G7AM 9L232 6I894").duplicate



def test_the_step_keeps_the_copies_for_the_owner_to_mark_faulty(shop: Shop) -> None:
    """The log is never read: the pairs are kept (ids only) until the copy is off sale."""
    office = products.add_product(shop, "Office", "59", "cardkey")
    other = products.add_product(shop, "Other", "59", "cardkey")
    now = dt.datetime.now(dt.UTC)
    spellings = ["OUXLN-T1W2F-7G7AM-9L232-6I894", "ouxln-t1w2f-7g7am-9l232-6i894",
                 "ＯＵＸＬＮ－Ｔ１Ｗ２Ｆ－７Ｇ７ＡＭ－９Ｌ２３２－６Ｉ８９４"]  # full-width
    first, second, third = (CardKey.create(product=office.id, secret=secret, imported_at=now,
                                           fingerprint=former_fingerprint(shop, secret)).id
                            for secret in spellings)
    cardkeys.import_card_keys(shop, other.id, "ABCD-1234-EFGH\n")
    back_to_16(shop)
    assert cardkeys.pending_duplicate_keys(shop, office.id) == []  # before the step: unknown
    migrations.migrate(shop.db)
    stored = Setting.get_by_id(DUPLICATES_SETTING).value
    assert not any(secret.lower()[:5] in stored.lower() for secret in spellings[:2])
    pending = cardkeys.pending_duplicate_keys(shop, office.id)
    assert [(found.first.id, found.later.id) for found in pending] == [(first, second),
                                                                        (first, third)]
    assert pending[0].later.masked == mask_key(spellings[1])  # as the list shows it
    assert cardkeys.pending_duplicate_keys(shop, other.id) == []
    assert cardkeys.products_with_duplicate_keys(shop) == ["Office"]
    cardkeys.mark_key_faulty(shop, second)
    assert [found.later.id for found in cardkeys.pending_duplicate_keys(shop, office.id)] == [
        third]
    order = orders.create_order(shop, [(office.id, 1)])  # the first unsold key is sold
    fulfilment.pay_order(shop, order.id)
    assert CardKey.get_by_id(first).state == "sold"
    cardkeys.mark_key_faulty(shop, third)
    assert cardkeys.pending_duplicate_keys(shop, office.id) == []
    assert cardkeys.products_with_duplicate_keys(shop) == []


def test_a_shop_that_took_step_17_before_gets_its_copies_kept(shop: Shop) -> None:
    """Session 29's step 17 named the pairs in its log only: step 18 finds them again from
    the keys, so the owner of a shop upgraded then is told too."""
    office = products.add_product(shop, "Office", "59", "cardkey")
    now = dt.datetime.now(dt.UTC)
    first, second = (CardKey.create(product=office.id, secret=secret, imported_at=now,
                                    fingerprint=former_fingerprint(shop, secret)).id
                     for secret in ("OUXLN-T1W2F-7G7AM-9L232-6I894",
                                    "ouxln-t1w2f-7g7am-9l232-6i894"))
    back_to_16(shop)
    migrations.migrate(shop.db)
    Setting.delete().where(Setting.key == DUPLICATES_SETTING).execute()  # as 17 left it then
    SchemaVersion.delete().where(SchemaVersion.version > STEP_FROM + 1).execute()
    assert cardkeys.pending_duplicate_keys(shop, office.id) == []
    assert migrations.migrate(shop.db) == STEP_FROM + 1
    assert [(found.first.id, found.later.id)
            for found in cardkeys.pending_duplicate_keys(shop, office.id)] == [(first, second)]
    migrations.migrate(shop.db)  # nothing to do: kept once
    assert len(json.loads(Setting.get_by_id(DUPLICATES_SETTING).value)) == 1
