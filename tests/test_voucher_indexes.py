"""Schema step 8: a voucher lands only in the indexes something searches (every one is written
for each voucher of a batch), on a new shop and on one brought up from version 7, on both
engines; the first release's shop still opens to the same shape."""

from __future__ import annotations

import shutil
from pathlib import Path

from peewee import SqliteDatabase
from schema_steps import assert_step_restores_the_shape

from desktop_app.core import cardkeys, fulfilment, orders, products
from desktop_app.core.models import SchemaVersion, Voucher
from desktop_app.core.store import Shop, open_shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

# name: (columns, unique, partial). The code decides a redemption; an order's and a line's
# vouchers are shown and refunded; the product report and key list read a product's; a key's
# voucher is looked up by key, and only card-key vouchers have one.
VOUCHER_INDEXES = {
    "voucher_code": (("code",), True, False),
    "voucher_order_id": (("order_id",), False, False),
    "voucher_order_line_id": (("order_line_id",), False, False),
    "voucher_product_id": (("product_id",), False, False),
    "voucher_card_key_id": (("card_key_id",), False, True),
}


def voucher_indexes(shop: Shop) -> dict[str, tuple[tuple[str, ...], bool, bool]]:
    return {i.name: (tuple(i.columns), bool(i.unique), " WHERE " in i.sql.upper())
            for i in shop.db.get_indexes("voucher") if not i.name.endswith("_pkey")}


def back_to_version_7(shop: Shop) -> None:
    """The voucher indexes as version 7 left them, and the version saying so."""
    shop.db.execute_sql("DROP INDEX voucher_card_key_id")
    shop.db.execute_sql("CREATE INDEX voucher_card_key_id ON voucher (card_key_id)")
    shop.db.execute_sql("CREATE INDEX voucher_state ON voucher (state)")
    SchemaVersion.delete().where(SchemaVersion.version > 7).execute()
    SchemaVersion.create(version=7)


def test_a_new_shop_has_only_the_searched_voucher_indexes(shop: Shop) -> None:
    assert voucher_indexes(shop) == VOUCHER_INDEXES


def test_step_8_brings_a_version_7_shop_to_the_new_shape(shop: Shop) -> None:
    assert voucher_indexes(shop) == VOUCHER_INDEXES
    assert_step_restores_the_shape(shop, back_to_version_7, 7, voucher_indexes)


def test_the_first_release_shop_opens_to_the_same_indexes(tmp_path: Path) -> None:
    old = tmp_path / "shop_v1"
    shutil.copytree(Path(__file__).parent / "data" / "shop_v1", old)
    with open_shop(old, "owner", "fixture-owner-1") as migrated:
        assert voucher_indexes(migrated) == VOUCHER_INDEXES


def test_a_key_finds_its_voucher_and_a_batch_writes_no_key_entry(shop: Shop) -> None:
    game = products.add_product(shop, "Game", "30.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "AAAA-1111\nBBBB-2222\n")
    order = orders.create_order(shop, [(game.id, 1)])
    [sold] = fulfilment.pay_order(shop, order.id, "cash")
    key_id = Voucher.get_by_id(sold.id).card_key_id
    assert key_id is not None
    assert Voucher.get_or_none(Voucher.card_key == key_id).id == sold.id
    promo = products.add_product(shop, "Promo", "1.00")
    fulfilment.issue_batch(shop, promo.id, 50)
    with_key = Voucher.select().where(Voucher.card_key.is_null(False))
    assert [v.id for v in with_key] == [sold.id]
    if isinstance(shop.db, SqliteDatabase):  # the plan below is SQLite's
        query, params = Voucher.select().where(Voucher.card_key == key_id).sql()
        plan = " ".join(str(row[-1]) for row in shop.db.execute_sql(
            "EXPLAIN QUERY PLAN " + query, params).fetchall())
        assert "voucher_card_key_id" in plan and "SCAN" not in plan
        entries = shop.db.execute_sql("SELECT count(*) FROM voucher INDEXED BY "
                                      "voucher_card_key_id WHERE card_key_id > 0").fetchone()
        assert entries == (1,)
