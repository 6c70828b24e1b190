"""The audit log names what an event is about (QA s11b F6): a voucher by its printed code, a
product by its name, a card key by its product and masked key (never the full key); a subject
that is gone or unknown keeps its number. Names are read for one page of events at a time,
one query per kind of subject, on both engines."""

from __future__ import annotations

import dataclasses
import json

from peewee import SqliteDatabase

from desktop_app.core import (
    audit,
    audit_subjects,
    cardkeys,
    fulfilment,
    orders,
    products,
    redemption,
)
from desktop_app.core.models import CardKey
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server
KEY = "GAME-ABCD-EFGH-IJKL-MNOP-1234"


def test_subjects_are_named_and_the_unknown_keep_their_number(shop: Shop) -> None:
    wash = products.add_product(shop, "洗车五次卡", "99", uses=5)
    game = products.add_product(shop, "Game key", "30", "cardkey")
    cardkeys.import_card_keys(shop, game.id, KEY)
    [key_id] = [key.id for key in CardKey.select(CardKey.id)]
    cardkeys.mark_key_faulty(shop, key_id)
    [issued] = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    assert redemption.redeem(shop, issued.payload, "Front").ok
    events = audit.list_events(shop)
    gone = dataclasses.replace(events[0], kind="product_update", subject="9999")
    names = audit_subjects.subject_names(shop, [*events, gone])
    assert names[("product", wash.id)] == "洗车五次卡"
    assert names[("voucher", issued.id)] == issued.code  # the printed, typed form
    assert names[("card_key", key_id)].startswith("Game key ")
    assert KEY not in names[("card_key", key_id)] and "…" in names[("card_key", key_id)]
    assert ("product", 9999) not in names
    assert audit_subjects.subject_kind("order_pay") == "order"
    assert audit_subjects.subject_kind("backup") is None


def test_one_query_per_kind_of_subject_for_a_page(shop: Shop) -> None:
    if not isinstance(shop.db, SqliteDatabase):
        return  # the statement trace below is SQLite's
    for n in range(30):
        product = products.add_product(shop, f"Pass {n}", "10", uses=1)
        fulfilment.pay_order(shop, orders.create_order(shop, [(product.id, 1)]).id)
    page = audit.list_events(shop)
    assert len(page) == 90
    seen: list[str] = []
    shop.db.connection().set_trace_callback(seen.append)
    try:
        names = audit_subjects.subject_names(shop, page)
    finally:
        shop.db.connection().set_trace_callback(None)
    # the products, and the vouchers each payment lists; orders keep their numbers
    assert len(names) == 60 and len(seen) == 2


def test_the_records_a_detail_names_are_named_too(shop: Shop) -> None:
    """A faulty key's event said "product: #2"; its replacement "replacement key: #2"."""
    game = products.add_product(shop, "Game key", "30", "cardkey")
    cardkeys.import_card_keys(shop, game.id, f"{KEY}\nGAME-ZZZZ-YYYY-XXXX-WWWW-9876")
    first, second = [key.id for key in CardKey.select(CardKey.id).order_by(CardKey.id)]
    cardkeys.mark_key_faulty(shop, first)
    [faulty] = audit.list_events(shop, kind="cardkey_faulty")
    names = audit_subjects.subject_names(shop, [faulty])
    assert names[("product", game.id)] == "Game key"
    assert ("card_key", second) not in names  # named in no event
    assert audit_subjects.detail_subjects('{"product": 2, "replacement": 7, "rows": 3}') == [
        ("product", 2), ("card_key", 7)]


def test_a_list_of_vouchers_in_a_detail_is_named_by_their_codes(shop: Shop) -> None:
    """"Order paid … vouchers: #5, #6, #7" gave bare numbers (QA s12d F3)."""
    from desktop_app.ui.admin.audit_model import detail_text

    wash = products.add_product(shop, "Wash", "10", uses=1)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 3)]).id)
    [paid] = audit.list_events(shop, kind="order_pay")
    names = audit_subjects.subject_names(shop, [paid])
    text = detail_text(paid.detail, "CNY", names)
    assert all(voucher.code in text for voucher in issued), text
    long_list = json.dumps({"vouchers": list(range(1, 60))})
    assert audit_subjects.detail_subjects(long_list) == []  # a big order keeps its numbers
