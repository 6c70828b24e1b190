"""The orders list's page query (core/order_list.py): the status filter, the search ("#12" is
that order alone, a bare number lists it first, a phone typed without its spaces), every sort
both ways, pages that neither skip nor repeat, and the summary's counts, on both engines.

Moved here from the Orders tab's proxy tests (QA s14a F3/F5: the list is now sorted and
searched by the database, never by a Python proxy over every order)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import CLERK, CLERK_PASSWORD

from desktop_app.core import auth, fulfilment, order_list, orders, products, vouchers
from desktop_app.core.errors import Forbidden
from desktop_app.core.models import Order
from desktop_app.core.order_list import OrderQuery
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")
BATCH = "Batch"


def make_orders(shop: Shop, count: int, **fields: Any) -> list[int]:
    """``count`` orders of one unit; ``fields[str(n)]``: what the n-th (from 1) holds."""
    product = products.add_product(shop, "Tea", "4.00")
    ids = [orders.create_order(shop, [(product.id, 1)]).id for _ in range(count)]
    for position, changes in fields.items():
        Order.update(**changes).where(Order.id == ids[int(position) - 1]).execute()
    return ids


def listed(shop: Shop, **query: object) -> list[int]:
    return [row.id for row in order_list.order_page(
        shop, OrderQuery(batch_label=BATCH, **query))]  # type: ignore[arg-type]


def test_status_filter_and_search(shop: Shop) -> None:
    ids = make_orders(shop, 3, **{
        "1": {"customer_name": "王女士", "customer_phone": "138 0000 1234"},
        "2": {"status": "cancelled", "customer_name": "Mr. Smith"},
        "3": {"status": "paid", "is_batch": True, "note": "spring promotion",
              "payment_method": "wechat", "payment_ref": "WX-778899"}})
    first, second, third = ids
    assert listed(shop) == [third, second, first]  # newest first
    assert listed(shop, search=f"#{first}") == [first]
    assert listed(shop, search="王") == [first]
    assert listed(shop, search="13800001234") == [first]  # typed without the spaces
    assert listed(shop, search="0000 1234") == [first]  # or with them
    assert listed(shop, search="PROMOTION") == [third]
    assert listed(shop, search="wx-7788") == [third]  # the payment's reference
    assert listed(shop, search="smith") == [second]
    assert listed(shop, status="cancelled") == [second]
    assert listed(shop, status="unpaid", search="smith") == []
    assert listed(shop, search="50%_off") == []  # wildcards are letters here


def test_a_phone_is_found_however_its_digits_are_grouped(shop: Shop) -> None:
    """QA s14b N4: "132 8420 8417" found nothing saved as "13284208417"; spaces and hyphens
    are the customer's or the cashier's habit, not part of the number."""
    plain, hyphens = make_orders(shop, 2, **{"1": {"customer_phone": "13284208417"},
                                             "2": {"customer_phone": "139-1234-5678"}})
    assert listed(shop, search="132 8420 8417") == [plain]
    assert listed(shop, search="132-8420-8417") == [plain]
    assert listed(shop, search="13912345678") == [hyphens]
    assert listed(shop, search="139 1234 5678") == [hyphens]
    assert listed(shop, search="1234-5678") == [hyphens]
    assert listed(shop, search="8420 1234") == []  # the digits must follow each other


def test_hash_number_means_that_order_and_a_bare_number_lists_it_first(shop: Shop) -> None:
    """QA S6-8: "#1" listed every order with a 1 in its phone or reference."""
    ids = make_orders(shop, 12, **{
        "12": {"customer_phone": "138 0000 1234"}, "11": {"note": "table 1"},
        "3": {"customer_name": "Order 1 for Li"}, "2": {"is_batch": True}})
    assert ids == list(range(1, 13))
    for descending in (True, False):
        assert listed(shop, search="#1", descending=descending) == [1]
        assert listed(shop, search=" # 12 ", descending=descending) == [12]
        found = listed(shop, search="1", descending=descending)
        assert found[0] == 1 and sorted(found) == [1, 3, 11, 12]
        assert found[1:] == sorted(found[1:], reverse=descending)
    assert listed(shop, search="batch") == [2]
    assert len(listed(shop, search="#")) == 12  # the number is still being typed
    assert listed(shop, search="9" * 40) == []  # longer than any number the database holds
    assert listed(shop, search="#²") == []  # a digit, but no number


def test_every_column_sorts_both_ways_and_money_beyond_32_bits(shop: Shop) -> None:
    """Totals over ¥21,474,836.47 once sorted wrong in the proxy (QVariant long longs)."""
    totals = [500, 10**11, 300, 3 * 10**9, 0]
    make_orders(shop, 5, **{str(n): {"total_cents": total, "customer_name": name}
                            for n, (total, name) in enumerate(zip(
                                totals, ["b", "E", "a", "d", "C"], strict=True), 1)})
    Order.update(status="paid", payment_method="cash").where(Order.id == 2).execute()
    for descending in (False, True):
        shown = [row.total_cents for row in order_list.order_page(
            shop, OrderQuery(sort="total", descending=descending))]
        assert shown == sorted(totals, reverse=descending)
        names = [row.customer_name for row in order_list.order_page(
            shop, OrderQuery(sort="customer", descending=descending))]
        assert names == sorted(names, key=str.casefold, reverse=descending)
        for sort in order_list.SORT_KEYS:
            rows = order_list.order_page(shop, OrderQuery(sort=sort, descending=descending))
            assert sorted(row.id for row in rows) == [1, 2, 3, 4, 5]
        statuses = [row.status for row in order_list.order_page(
            shop, OrderQuery(sort="status", descending=descending))]
        assert (statuses[0] == "unpaid") != descending


def test_pages_neither_skip_nor_repeat_and_counts(shop: Shop) -> None:
    ids = make_orders(shop, 7, **{"2": {"total_cents": 900}, "5": {"total_cents": 900}})
    Order.update(status="paid").where(Order.id.in_(ids[:3])).execute()
    for query in (OrderQuery(), OrderQuery(sort="total"), OrderQuery(sort="date",
                                                                     descending=False)):
        pages = [order_list.order_page(shop, query, offset, 3) for offset in (0, 3, 6)]
        assert [len(page) for page in pages] == [3, 3, 1]
        assert sorted(row.id for page in pages for row in page) == ids
    assert order_list.order_counts(shop) == order_list.OrderCounts(7, 4)
    # What a search or a filter finds is counted too (QA s14a F13), only then.
    assert order_list.order_counts(shop, OrderQuery(status="paid")).matching == 3
    assert order_list.order_counts(shop, OrderQuery(search=f"#{ids[0]}")).matching == 1
    assert order_list.order_counts(shop, OrderQuery()).matching is None


def test_the_list_is_the_owners(shop: Shop, shop_dir: Path) -> None:
    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    shop.close()
    with shop.open_again(CLERK, CLERK_PASSWORD) as clerk:
        for call in (lambda: order_list.order_page(clerk, OrderQuery()),
                     lambda: order_list.order_counts(clerk)):
            with pytest.raises(Forbidden):
                call()


def test_a_voucher_code_or_payload_finds_its_order(shop: Shop) -> None:
    """QA s20a F6: a customer brings a printed voucher; its code (printed, without dashes,
    lower case, the bare 16 symbols) or its QR payload finds the order that sold it."""
    product = products.add_product(shop, "Wash x5", "99", uses=5)
    other, sold = (orders.create_order(shop, [(product.id, 1)]).id for _ in range(2))
    [voucher] = fulfilment.pay_order(shop, sold)
    typed = voucher.code  # the printed form, with its dashes and check symbol
    bare = vouchers.normalize(typed)[:vouchers.CODE_LEN]  # as the database keeps it
    for text in (typed, typed.replace("-", ""), typed.lower(), f" {typed.lower()} ",
                 bare, bare.lower(), voucher.payload):
        assert listed(shop, search=text) == [sold], text
        counted = order_list.order_counts(shop, OrderQuery(search=text, batch_label=BATCH))
        assert counted.matching == 1, text
    wrong_check = typed[:-1] + ("0" if typed[-1] != "0" else "1")
    assert listed(shop, search=wrong_check) == []
    assert listed(shop, search=bare[:12]) == []  # part of a code is no code
    assert other not in listed(shop, search=typed)
