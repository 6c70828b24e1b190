"""The command line's text reads like the app in the user's language: reports with the Reports
tab's column titles, payment methods and money (QA s20b F4), and the order list with the
Orders tab's statuses and what refunds paid back (QA s20b F5). ``--json`` keeps its keys."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from test_refund_money import sell_card, spend
from test_report_tables import run_cli

from desktop_app.core import fulfilment, orders, products, refunds
from desktop_app.core.models import OrderLine
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


@dataclass(frozen=True)
class Sold:
    part_refunded: int  # two washes by WeChat, one refunded: 20.00 back of 40.00
    card: int  # a gift card of 100 sold for 100 by card, 30.00 spent, refunded: 70.00 back


@pytest.fixture
def sold(shop: Shop) -> Sold:
    wash = products.add_product(shop, "Wash", "20")
    order = orders.create_order(shop, [(wash.id, 2)], "王女士")
    fulfilment.pay_order(shop, order.id, "wechat")
    line = OrderLine.get(OrderLine.order == order.id)
    assert refunds.refund_line(shop, line.id, 1).refund_cents == 2000
    (card,) = sell_card(shop, "100", method="card")
    spend(shop, card, 3000)
    assert refunds.refund_order(shop, card.order_id).refund_cents == 7000
    sell_card(shop, "50", method="cash")  # its balance is owed: liability's gift cards
    products.add_product(shop, "Game key", "33.33", "cardkey")
    shop.close()
    return Sold(order.id, card.order_id)


def text_of(shop: Shop, *args: str) -> str:
    done = run_cli(shop, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_chinese_report_reads_like_the_reports_tab(shop: Shop, sold: Sold) -> None:
    text = text_of(shop, "--lang", "zh_CN", "report", "sales", "--by", "method")
    heading, header, *rows = text.splitlines()
    assert heading.startswith("Test Shop 测试店 · 销售 · 付款方式")
    assert header.split("\t")[:3] == ["付款方式", "已付款订单", "已退款订单"]
    assert "refunded_orders" not in text and "group" not in text
    by_method = {row.split("\t")[0]: row.split("\t") for row in rows}
    assert by_method["微信支付"][-3:] == ["¥40.00", "¥20.00", "¥20.00"]
    assert by_method["银行卡"][-3:] == ["¥100.00", "¥70.00", "¥30.00"]
    assert by_method["现金"][-3:] == ["¥50.00", "¥0.00", "¥50.00"]
    assert by_method["合计"][-3:] == ["¥190.00", "¥90.00", "¥100.00"]
    as_json = json.loads(text_of(shop, "--lang", "zh_CN", "report", "sales", "--by", "method",
                                 "--json"))
    assert {row["group"] for row in as_json["rows"]} == {"wechat", "card", "cash"}  # codes
    assert "refunded_orders" in as_json["rows"][0]


def test_an_english_report_has_titles_not_keys(shop: Shop, sold: Sold) -> None:
    text = text_of(shop, "--lang", "en", "report", "sales", "--by", "method")
    header = text.splitlines()[1].split("\t")
    assert header == ["Payment method", "Orders paid", "Orders refunded", "Units sold",
                      "Units refunded", "Revenue", "Refunds", "Net"]
    assert "WeChat Pay\t" in text and "Bank card\t" in text and "\nTotal\t" in text
    stock = text_of(shop, "--lang", "en", "report", "stock")
    assert "False" not in stock and "True" not in stock
    assert stock.splitlines()[1].split("\t")[0] == "Product"


def test_liability_sections_are_titled_in_words(shop: Shop, sold: Sold) -> None:
    text = text_of(shop, "--lang", "zh_CN", "report", "liability")
    assert "[giftcards]" not in text and "未用完的卡券" in text.splitlines()[0]
    cards = text.split("\n\n礼品卡余额\n")[1].splitlines()
    assert cards[0].split("\t")[:3] == ["商品", "卡数", "余额"]
    assert cards[1].split("\t")[:3] == ["Gift 50/None", "1", "¥50.00"]
    assert cards[2].startswith("合计\t1\t¥50.00")
    english = text_of(shop, "--lang", "en", "report", "liability")
    assert "\n\nGift-card balances\nProduct\tCards\tBalance\t" in english


def test_the_order_list_says_what_refunds_paid_back(shop: Shop, sold: Sold) -> None:
    listed = {line.split()[0]: line for line in text_of(
        shop, "--lang", "en", "order", "list").splitlines()}
    assert "Paid, ¥20.00 refunded" in listed[str(sold.part_refunded)]
    assert "¥40.00" in listed[str(sold.part_refunded)]
    assert "Refunded, ¥70.00 paid back" in listed[str(sold.card)]
    zh = text_of(shop, "--lang", "zh_CN", "order", "list")
    assert "已付款，已退款 ¥20.00" in zh and "  paid " not in zh and "已付款    " in zh
    rows = {row["id"]: row for row in json.loads(text_of(shop, "order", "list", "--json"))[
        "orders"]}
    part = rows[sold.part_refunded]
    assert (part["status"], part["total"], part["refunded"], part["refunded_units"]) == (
        "paid", "40.00", "20.00", 1)
    assert part["refunded_at"] and part["paid_at"] and part["created_at"]
    assert (rows[sold.card]["status"], rows[sold.card]["refunded"]) == ("refunded", "70.00")


def test_the_product_list_names_kinds_in_words(shop: Shop, sold: Sold) -> None:
    zh = text_of(shop, "--lang", "zh_CN", "product", "list")
    assert "卡密" in zh and "礼品卡" in zh and "cardkey" not in zh and "service" not in zh
    assert "¥33.33" in zh
    en = text_of(shop, "--lang", "en", "product", "list")
    assert "Card key" in en and "Gift card" in en


def test_a_page_of_orders_says_when_the_last_refund_was_made(shop: Shop) -> None:
    """``refunded_at``, an aggregate's time, reads as a UTC time on either engine."""
    import datetime as dt

    from desktop_app.core import order_list
    from desktop_app.core.dates import utc_now

    box = products.add_product(shop, "Box", "25", "goods", stock=9)
    order = orders.create_order(shop, [(box.id, 3)])
    fulfilment.pay_order(shop, order.id, "cash")
    before = utc_now()
    refunds.refund_line(shop, OrderLine.get(OrderLine.order == order.id).id, 1)
    (row,) = order_list.order_page(shop, order_list.OrderQuery())
    assert (row.refunded_cents, row.refunded_units) == (2500, 1)
    assert row.refunded_at is not None and row.refunded_at.utcoffset() == dt.timedelta(0)
    assert before - dt.timedelta(seconds=1) <= row.refunded_at <= utc_now()


def test_the_redeem_line_says_the_uses_left_as_the_counter_does(shop: Shop) -> None:
    """QA s39: `redeem` said "剩余 2 次" where the counter, `voucher show` and the glossary say
    "剩余 2/3 次"."""
    wash = products.add_product(shop, "Wash x3", "60", uses=3)
    (voucher,) = fulfilment.pay_order(shop, orders.create_order(shop, [(wash.id, 1)]).id)
    shop.close()
    assert "剩余 2/3 次" in text_of(shop, "--lang", "zh_CN", "redeem", voucher.payload)
    assert "uses left 1 of 3" in text_of(shop, "--lang", "en", "redeem", voucher.payload)
