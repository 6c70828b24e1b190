"""The Orders list sorts its customers' Chinese names in pinyin order on both engines (it
sorted them by character code: 李, 王, 赵 came as 李 (U+674E), 王 (U+738B), 赵 (U+8D75), but
陈 (U+9648) after 赵), letters and digits first, case aside, page after page."""

from __future__ import annotations

from desktop_app.core import order_list, orders
from desktop_app.core.order_list import OrderQuery
from desktop_app.core.store import Shop
from desktop_app.core.text import name_order_key

SHOP_ENGINES = ("file", "server")

# chen, huang, li, liu, wang, zhang, zhao, zhou: shuffled, with Latin names and a blank
NAMES = ["赵先生", "Mr. Smith", "王女士", "陈小姐", "", "李先生", "刘老师", "alice", "张三",
         "黄女士", "周先生", "Bob", "王小明"]
IN_PINYIN = ["", "alice", "Bob", "Mr. Smith", "陈小姐", "黄女士", "李先生", "刘老师", "王女士",
             "王小明", "张三", "赵先生", "周先生"]


def _names(shop: Shop, descending: bool = False, limit: int = 100) -> list[str]:
    query = OrderQuery(sort="customer", descending=descending)
    shown: list[str] = []
    while page := order_list.order_page(shop, query, offset=len(shown), limit=limit):
        shown += [row.customer_name for row in page]
    return shown


def test_customers_sort_in_pinyin_order_both_ways_and_by_pages(shop: Shop) -> None:
    product_id = _a_product(shop)
    for name in NAMES:
        orders.create_order(shop, [(product_id, 1)], name)
    assert _names(shop) == IN_PINYIN
    assert _names(shop, descending=True) == IN_PINYIN[::-1]
    assert _names(shop, limit=4) == IN_PINYIN  # no page skips or repeats a tie


def test_the_key_is_the_order_the_tests_expect() -> None:
    assert sorted(NAMES, key=name_order_key) == IN_PINYIN


def _a_product(shop: Shop) -> int:
    from desktop_app.core import products

    return products.add_product(shop, "Coffee 咖啡券", "18.00", "service", uses=1).id
