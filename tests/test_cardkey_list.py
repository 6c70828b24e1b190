"""The card keys of a product as the owner's list reads them (QA s14a F7): counted by state in
the database, a page at a time newest first, and searched by order number or by the key the
customer reads out on the phone, never by a part of it the list keeps hidden."""

from __future__ import annotations

import pytest
from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import auth, cardkeys, dialect, fulfilment, orders, products
from desktop_app.core.errors import Forbidden
from desktop_app.core.key_pattern import mask_key
from desktop_app.core.models import CardKey
from desktop_app.core.store import Shop, open_shop

SHOP_ENGINES = ("file", "server")  # secrets are sealed in their column on a server

KEYS = 3000


def key_text(number: int) -> str:
    return f"GAME-{number:05d}-HIDDENMIDDLE-{number:05d}X"


@pytest.fixture
def stock(shop: Shop) -> int:
    """A product of a few thousand keys, imported as the owner does, three of them sold."""
    game = products.add_product(shop, "Game card", "100.00", "cardkey")
    cardkeys.import_card_keys(shop, game.id, "\n".join(key_text(i) for i in range(KEYS)))
    return int(game.id)


def sell(shop: Shop, product_id: int, count: int) -> int:
    order = orders.create_order(shop, [(product_id, count)])
    fulfilment.pay_order(shop, order.id)
    return int(order.id)


def test_counts_and_pages_come_from_the_database_newest_first(shop: Shop, stock: int) -> None:
    sold_on = sell(shop, stock, 3)
    first_sold = CardKey.select().where(CardKey.state == "sold").order_by(CardKey.id).first()
    cardkeys.mark_key_faulty(shop, first_sold.id)
    assert cardkeys.key_counts(shop, stock) == {"unsold": KEYS - 3, "sold": 2, "returned": 0,
                                                "faulty": 1}
    seen: list[int] = []
    page = cardkeys.list_card_keys(shop, stock)
    while page:
        assert len(page) <= cardkeys.KEY_PAGE
        seen += [row.id for row in page]
        page = cardkeys.list_card_keys(shop, stock, older_than=page[-1].id)
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == KEYS
    newest = cardkeys.list_card_keys(shop, stock, limit=1)[0]
    assert newest.masked == mask_key(key_text(KEYS - 1)) and newest.state == "unsold"
    sold = cardkeys.list_card_keys(shop, stock, "sold")
    faulty = cardkeys.list_card_keys(shop, stock, "faulty")
    assert [row.state for row in sold] == ["sold", "sold"]
    assert all(row.order_id == sold_on for row in sold + faulty)
    assert [row.id for row in faulty] == [first_sold.id] and faulty[0].replaceable
    assert cardkeys.list_card_keys(shop, stock, "returned") == []


def test_a_key_is_found_by_what_the_list_shows_or_by_all_of_it(shop: Shop, stock: int) -> None:
    wanted = key_text(1234)  # GAME-01234-HIDDENMIDDLE-01234X, shown "GAME-0…234X"
    assert mask_key(wanted) == "GAME-0…234X"

    def found(text: str) -> list[str]:
        return [row.masked for row in cardkeys.find_card_keys(shop, stock, text).rows]

    # Its last characters, any case: the keys ending 00234X, 01234X and 02234X.
    assert found("234x") == [mask_key(wanted)] * 3
    assert found(wanted) == [mask_key(wanted)]  # the whole key, as the customer reads it
    assert found("game01234hiddenmiddle01234x") == [mask_key(wanted)]  # without hyphens
    assert found(" GAME-01234-HIDDENMIDDLE-01234X ") == [mask_key(wanted)]
    # A part the mask hides finds nothing: no search tells what the list keeps hidden.
    assert found("HIDDENMIDDLE") == []
    assert found("GAME-01234-H") == []  # past the shown beginning
    assert found("01234-HIDDENMIDDLE-01234X") == []  # not the whole key
    assert found("") == [] and found(" - ") == []


def test_a_key_of_several_columns_is_found_by_its_number(shop: Shop) -> None:
    prepaid = products.add_product(shop, "Prepaid", "50.00", "cardkey")
    cardkeys.import_card_keys(shop, prepaid.id, "\n".join(
        f"8800{i:012d},PASS{i:08d}" for i in range(50)))
    found = cardkeys.find_card_keys(shop, prepaid.id, "8800000000000017").rows
    assert [row.masked for row in found] == [mask_key("8800000000000017 / PASS00000017")]
    assert cardkeys.find_card_keys(shop, prepaid.id, "PASS00000017").rows == []
    assert cardkeys.find_card_keys(shop, prepaid.id, "8800000000000017 / PASS00000017").rows


def test_keys_are_found_by_their_order_number(shop: Shop, stock: int) -> None:
    order_id = sell(shop, stock, 2)
    sold = {row.id for row in cardkeys.list_card_keys(shop, stock, "sold")}
    for typed in (f"#{order_id}", f" #{order_id} "):  # the order's keys alone
        assert {row.id for row in cardkeys.find_card_keys(shop, stock, typed).rows} == sold
    # A number alone: the order's keys first, then the keys whose shown end has it too.
    first = cardkeys.find_card_keys(shop, stock, str(order_id)).rows
    assert {row.id for row in first[:2]} == sold
    assert all(str(order_id) in row.masked.partition("…")[2] for row in first[2:])
    assert cardkeys.find_card_keys(shop, stock, f"#{order_id}", "unsold").rows == []
    assert cardkeys.find_card_keys(shop, stock, "99999999999999999999").rows == []


def test_a_search_matching_many_shows_the_newest_and_says_there_are_more(
        shop: Shop, stock: int) -> None:
    found = cardkeys.find_card_keys(shop, stock, "game")
    assert len(found.rows) == cardkeys.FOUND_AT_MOST and found.more
    ids = [row.id for row in found.rows]
    assert ids == sorted(ids, reverse=True)
    assert ids[0] == max(key.id for key in CardKey.select(CardKey.id))
    few = cardkeys.find_card_keys(shop, stock, "999x")  # …00999X, …01999X, …02999X
    assert len(few.rows) == 3 and not few.more


def test_only_owners_list_count_or_search_keys(shop: Shop, stock: int) -> None:
    if dialect.is_server(shop.db):
        pytest.skip("a clerk's session of a folder's shop: the roles are the same on a server")
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    with open_shop(shop.data_dir, CLERK, CLERK_PASSWORD) as clerk:
        for read in (lambda: cardkeys.key_counts(clerk, stock),
                     lambda: cardkeys.list_card_keys(clerk, stock),
                     lambda: cardkeys.find_card_keys(clerk, stock, "234X")):
            with pytest.raises(Forbidden):
                read()


def test_numbered_cards_of_one_box_are_told_apart_by_their_end(shop: Shop) -> None:
    """QA s17a F10: Steam-style "1000… / password" cards were all "100…21 / …" in the list.
    A card number shows its last 4 digits, never more than a third of it in all."""
    steam = products.add_product(shop, "Steam 100", "100.00", "cardkey")
    numbers = [f"100012345678{n:04d}" for n in (1021, 2021, 3021)]  # alike but for the serial
    cardkeys.import_card_keys(shop, steam.id, "".join(f"{n},PW-{n[-4:]}\n" for n in numbers))
    masked = [row.masked for row in cardkeys.list_card_keys(shop, steam.id)]
    assert masked == ["1…3021 / …", "1…2021 / …", "1…1021 / …"]  # newest first
    for number in ("1000 1234 5678 9012", "1" * 24, "123456789"):
        shown = mask_key(number).replace("…", "")
        assert len(shown) <= len(number) // 3 and number.endswith(shown[-4:])
    assert mask_key("1" * 24) == "1111…1111"  # a third, not the 6 + 4 of a long key
    assert [row.masked for row in cardkeys.find_card_keys(shop, steam.id, "2021").rows] == [
        "1…2021 / …"]  # found by the end the list shows
