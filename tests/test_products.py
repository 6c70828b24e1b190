"""Products and card keys: validation, archiving, editing (audited), unique names, stock
edits against sales made meanwhile, card key imports and their pattern."""

from __future__ import annotations

import pytest

from desktop_app.core import cardkeys, fulfilment, key_pattern, orders, products, redemption
from desktop_app.core.errors import InvalidInput, InvalidState
from desktop_app.core.models import CardKey, Product
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


def test_product_validation(shop: Shop) -> None:
    with pytest.raises(InvalidInput) as err:
        products.add_product(shop, "   ", "1.00")
    assert err.value.params["field"] == "name"
    with pytest.raises(InvalidInput):
        products.add_product(shop, "x", "1.00", kind="spaceship")
    with pytest.raises(InvalidInput):
        products.add_product(shop, "x", "1.00", uses=0)
    with pytest.raises(InvalidInput):
        products.add_product(shop, "x", "1.00", kind="cardkey", stock=5)


def test_archived_product_is_hidden_but_its_vouchers_still_redeem(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "10.00", uses=2)
    issued = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    products.set_archived(shop, wash.id, True)
    assert [p.name for p in products.list_products(shop)] == []
    assert [p.name for p in products.list_products(shop, include_archived=True)] == ["Wash"]
    with pytest.raises(InvalidInput):
        orders.create_order(shop, [(wash.id, 1)])
    assert redemption.redeem(shop, issued[0].payload, "c").ok


def test_card_key_import_counts_duplicates_blanks_bom_crlf_and_chinese(shop: Shop) -> None:
    product = products.add_product(shop, "Game 游戏", "30.00", "cardkey")
    text = ("\ufeffkey\r\nAAAA-1111\r\n\r\nBBBB-2222\r\nAAAA-1111\r\n  \r\n中文卡密-333\r\n"
            "CCCC-3333,extra column\r\n" + "x" * 600 + "\r\n")
    preview = cardkeys.preview_card_keys(shop, product.id, text)
    # a second column stays with its key (a prepaid card's password): see test_cardkey_import
    assert preview.new == ["AAAA-1111", "BBBB-2222", "中文卡密-333", "CCCC-3333 / extra column"]
    assert (preview.duplicate, preview.blank, preview.malformed) == (1, 2, 1)
    assert preview.header == ("key",)  # the header row: left out and said, not "malformed"
    assert CardKey.select().count() == 0  # a preview changes nothing
    report = cardkeys.import_card_keys(shop, product.id, text)
    assert report.imported == 4
    again = cardkeys.import_card_keys(shop, product.id, "BBBB-2222\nDDDD-4444\n")
    assert (again.imported, again.duplicate) == (1, 1)
    assert products.list_products(shop)[0].stock == 5


def test_card_keys_are_masked() -> None:
    assert key_pattern.mask_key("ABCDEF-123456-WXYZ") == "ABCD…YZ"
    assert "1234" not in key_pattern.mask_key("ABCDEF-123456-WXYZ")


# --- editing products ---------------------------------------------------------------------------


def audit_events(kind: str) -> list[dict[str, object]]:
    import json

    from desktop_app.core.models import AuditEvent

    return [json.loads(e.detail) for e in AuditEvent.select().where(AuditEvent.kind == kind)
            .order_by(AuditEvent.id)]


def test_update_product_changes_and_audits_only_what_changed(shop: Shop) -> None:
    import datetime as dt

    from desktop_app.core import audit

    wash = products.add_product(shop, "Wash", "10.00", uses=2, valid_days=30, stock=5)
    products.update_product(shop, wash.id, name="Wash  deluxe", price="12.50", uses=3,
                             valid_days=30, stock=8)
    row = products.product_detail(shop, wash.id)
    assert (row.name, row.price_cents, row.uses_per_voucher, row.stock) == (
        "Wash deluxe", 1250, 3, 8)
    event = audit_events("product_update")[-1]
    assert event["before"] == {"name": "Wash", "price_cents": 1000, "uses_per_voucher": 2,
                               "stock": 5}
    assert event["after"] == {"name": "Wash deluxe", "price_cents": 1250, "uses_per_voucher": 3,
                              "stock": 8}
    products.update_product(shop, wash.id, name="Wash deluxe")  # nothing changed: no event
    assert len(audit_events("product_update")) == 1
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)  # an end must not be past
    products.update_product(shop, wash.id, valid_days=None, valid_from=start,
                             valid_until=start + dt.timedelta(days=90))
    assert products.product_detail(shop, wash.id).valid_until == start + dt.timedelta(days=90)
    with pytest.raises(InvalidInput) as err:
        products.update_product(shop, wash.id, valid_until=start)
    assert err.value.params == {"field": "valid_until", "problem": "before_start"}
    for bad in ({"name": " "}, {"price": "1.234"}, {"uses": 0}, {"stock": -1}, {"kind": "goods"}):
        with pytest.raises(InvalidInput):
            products.update_product(shop, wash.id, **bad)
    assert audit.verify_chain() == []


def test_update_card_key_product_masks_the_reusable_key_in_the_audit(shop: Shop) -> None:
    group = products.add_product(shop, "Group buy", "9.90", "cardkey")
    products.update_product(shop, group.id, reusable_key="TEAM-PASSWORD-2026")
    detail = products.product_detail(shop, group.id)
    assert detail.reusable_key_masked == "TEAM…26" and detail.stock is None
    assert "TEAM-PASSWORD-2026" not in str(audit_events("product_update"))
    with pytest.raises(InvalidInput):
        products.update_product(shop, group.id, stock=3)
    products.update_product(shop, group.id, reusable_key="")
    assert products.product_detail(shop, group.id).reusable_key_masked is None


def test_stock_edit_does_not_overwrite_a_sale_made_meanwhile(shop: Shop) -> None:
    box = products.add_product(shop, "Box", "5.00", "goods", stock=10)
    seen = 10  # what the owner's dialog showed
    fulfilment.pay_order(shop, orders.create_order(shop, [(box.id, 3)]).id)
    with pytest.raises(InvalidState):
        products.update_product(shop, box.id, stock_seen=seen, stock=12)
    assert Product.get_by_id(box.id).stock == 7
    products.update_product(shop, box.id, stock_seen=7, stock=12)
    products.update_product(shop, box.id, stock_seen=seen, name="Gift box")  # stock untouched
    assert (Product.get_by_id(box.id).stock, Product.get_by_id(box.id).name) == (12, "Gift box")


def test_a_duplicate_product_name_is_refused_archived_ones_too(shop: Shop) -> None:
    wash = products.add_product(shop, "Car wash ×5", "99.00", uses=5)
    with pytest.raises(InvalidInput) as same:
        products.add_product(shop, "  car  WASH ×5 ", "10.00")  # spaces and case do not count
    assert same.value.params == {"field": "name", "problem": "duplicate_name",
                                 "name": "Car wash ×5"}
    products.set_archived(shop, wash.id, True)
    with pytest.raises(InvalidInput) as archived:
        products.add_product(shop, "Car wash ×5", "10.00")
    assert archived.value.params["problem"] == "duplicate_archived_name"
    coffee = products.add_product(shop, "Coffee", "18.00")
    with pytest.raises(InvalidInput) as renamed:
        products.update_product(shop, coffee.id, name="CAR WASH ×5")
    assert renamed.value.params["problem"] == "duplicate_archived_name"
    products.update_product(shop, coffee.id, name="coffee", price="19.00")  # its own name
    assert Product.select().count() == 2


def test_a_name_typed_in_full_width_is_the_same_name(shop: Shop) -> None:
    """QA s35a F5: a Chinese input method in full-width mode typed "洗车　５　次", saved beside
    "洗车 5 次": two products the owner (and the order's product list) could not tell apart."""
    products.add_product(shop, "洗车 5 次", "99.00", uses=5)
    for lookalike in ("洗车　５　次", "洗车５次 ".replace("５次", " ５ 次")):
        with pytest.raises(InvalidInput) as same:
            products.add_product(shop, lookalike, "99.00", uses=5)
        assert same.value.params["problem"] == "duplicate_name"
    products.add_product(shop, "ＶＩＰ Card", "10.00")
    with pytest.raises(InvalidInput):
        products.add_product(shop, "vip card", "10.00")
    assert products.add_product(shop, "洗车 6 次", "99.00").name == "洗车 6 次"


def test_card_keys_that_do_not_fit_the_pattern_are_malformed(shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "30.00", "cardkey", key_min_length=8,
                                key_max_length=12, key_alphabet="upper_digits")
    text = "ABCD-1234\nabcd-1234\nSHORT\nABCD-1234-EFGH-5678\nWXYZ-9876\n\n"
    preview = cardkeys.preview_card_keys(shop, game.id, text)
    assert (preview.new, preview.malformed, preview.blank) == (
        ["ABCD-1234", "WXYZ-9876"], 3, 1)
    report = cardkeys.import_card_keys(shop, game.id, text)
    assert report.imported == 2 and CardKey.select().count() == 2
    for bad in ({"key_min_length": 0}, {"key_min_length": 9, "key_max_length": 8},
                {"key_alphabet": "emoji"}):
        with pytest.raises(InvalidInput):
            products.update_product(shop, game.id, **bad)
    products.update_product(shop, game.id, key_min_length=None, key_max_length=None,
                            key_alphabet=None)
    assert cardkeys.preview_card_keys(shop, game.id, "efgh-5678\n").new == ["efgh-5678"]
    # ABCD-1234 in small letters is the same key (QA s17a F1): a duplicate, not a new one.
    assert cardkeys.preview_card_keys(shop, game.id, "abcd-1234\n").duplicate == 1


def test_without_a_pattern_stray_lines_are_not_keys(shop: Shop) -> None:
    game = products.add_product(shop, "Game card", "30.00", "cardkey")
    text = "x\n---\n密钥中文\n！！\nK-1\n1234567890 654321\n卡密 ABCD-1234\n"
    preview = cardkeys.preview_card_keys(shop, game.id, text)
    assert preview.new == ["K-1", "1234567890 654321", "卡密 ABCD-1234"]
    assert preview.malformed == 4
    products.update_product(shop, game.id, key_min_length=1)  # the owner's own pattern rules
    assert cardkeys.preview_card_keys(shop, game.id, "x\n").new == ["x"]
