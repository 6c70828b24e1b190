"""The owner's grouped reports against a hand-made shop whose figures are worked out below.

The process runs in Asia/Shanghai (UTC+8), so a redemption at 00:30 local is on the day
before in UTC: days in the reports must be the local ones.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_process import run_command
from conftest import OWNER, OWNER_PASSWORD, local_zone

from desktop_app.core import (
    cardkeys,
    fulfilment,
    orders,
    products,
    redemption,
    refunds,
    report_files,
    report_tables,
    shop_settings,
    stock_alerts,
)
from desktop_app.core.dates import utc_now
from desktop_app.core.errors import Forbidden, InvalidInput
from desktop_app.core.models import AuditEvent, CardKey, Order, OrderLine, RedemptionAttempt, Refund
from desktop_app.core.store import Shop

ROOT = Path(__file__).resolve().parents[1]
SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


@pytest.fixture(autouse=True)
def shanghai_time() -> Iterator[None]:
    with local_zone("Asia/Shanghai"):
        yield


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


@dataclass
class Fixture:
    day: dt.date  # D; the shop's activity is on D and D+1
    wash_code: str
    coffee_valid_until: dt.datetime


def _set_paid_at(order_id: int, moment: dt.datetime) -> None:
    """The fixture's sales happened on chosen days (payment itself always takes 'now'), and
    their refunds the same day (the report counts a refund on its own day)."""
    Order.update(paid_at=moment).where(Order.id == order_id).execute()
    Refund.update(refunded_at=moment).where(Refund.order == order_id).execute()


@pytest.fixture
def fixture_shop(shop: Shop) -> Fixture:
    day = dt.date.today() + dt.timedelta(days=10)
    nxt = day + dt.timedelta(days=1)
    wash = products.add_product(shop, "洗车五次卡", "100", uses=5, valid_days=365)
    coffee = products.add_product(shop, "Coffee", "20", uses=1, valid_days=5)
    lesson = products.add_product(shop, "Class", "50", uses=2, valid_days=1)
    keys = products.add_product(shop, "Game key", "30", kind="cardkey")
    cardkeys.import_card_keys(shop, keys.id, "AAAA-1111-BBBB\nCCCC-2222-DDDD\nEEEE-3333-FFFF\n")
    stock_alerts.set_low_stock_threshold(shop, keys.id, 2)

    # 1: wash x1 by WeChat on D 23:50 local (15:50 UTC): one voucher of 5 uses
    o1 = orders.create_order(shop, [(wash.id, 1)], "王女士", "13800001111")
    [wash_voucher] = fulfilment.pay_order(shop, o1.id, "wechat")
    _set_paid_at(o1.id, local(day, 23, 50))
    # 2: coffee x3 in cash on D+1 00:10 local (D 16:10 UTC): one voucher of 3 uses, unused
    o2 = orders.create_order(shop, [(coffee.id, 3)], "Mr Li", "13900002222")
    [coffee_voucher] = fulfilment.pay_order(shop, o2.id, "cash")
    _set_paid_at(o2.id, local(nxt, 0, 10))
    # 3: two keys by Alipay on D+1, one refunded (a partial refund: the order stays paid)
    o3 = orders.create_order(shop, [(keys.id, 2)])
    fulfilment.pay_order(shop, o3.id, "alipay")
    [key_line] = OrderLine.select().where(OrderLine.order == o3.id)
    refunds.refund_line(shop, key_line.id, 1)
    _set_paid_at(o3.id, local(nxt, 12))
    # 4: wash x1 in cash on D, refunded whole
    o4 = orders.create_order(shop, [(wash.id, 1)])
    fulfilment.pay_order(shop, o4.id, "cash")
    refunds.refund_order(shop, o4.id)
    _set_paid_at(o4.id, local(day, 9))
    # 5: a class (2 uses, 1 day) never used: expired unused once a day has passed
    o5 = orders.create_order(shop, [(lesson.id, 1)])
    fulfilment.pay_order(shop, o5.id, "card")
    orders.create_order(shop, [(wash.id, 1)])  # unpaid: no sale
    # one key of stock found faulty
    faulty = CardKey.select().where(CardKey.state == "unsold").order_by(CardKey.id).first()
    cardkeys.mark_key_faulty(shop, faulty.id)

    # Redemptions of the wash voucher: D 10:00 Front (later undone), garbage at D 11:00 Front,
    # D 23:30 and D+1 00:30 (D 16:30 UTC) at Till 2; the undo on D+1 09:00 at the office.
    first = redemption.redeem(shop, wash_voucher.code, "Front", now=local(day, 10))
    assert first.ok
    redemption.redeem(shop, "garbage", "Front", now=local(day, 11))
    redemption.redeem(shop, wash_voucher.code, "Till 2", now=local(day, 23, 30))
    redemption.redeem(shop, wash_voucher.code, "Till 2", now=local(nxt, 0, 30))
    first_id = RedemptionAttempt.select().order_by(
        RedemptionAttempt.id).first().id
    undo = redemption.undo_redemption(shop, first_id, "double scan", "Office")
    RedemptionAttempt.update(created_at=local(nxt, 9)).where(
        RedemptionAttempt.id == undo.id).execute()
    assert coffee_voucher.valid_until is not None
    return Fixture(day, wash_voucher.code, coffee_voucher.valid_until)


def figures(report: report_tables.Report, *keys: str) -> list[tuple[object, ...]]:
    return [(row["group"], *(row[k] for k in keys)) for row in report.rows]


def test_redemptions_per_local_day(shop: Shop, fixture_shop: Fixture) -> None:
    d = fixture_shop.day
    report = report_tables.run_report(shop, "redemptions", "day", d, d + dt.timedelta(days=1))
    assert figures(report, "redeemed", "undone", "net", "refused") == [
        (d, 2, 0, 2, 1), (d + dt.timedelta(days=1), 1, 1, 0, 0)]
    assert report.totals == {"redeemed": 3, "undone": 1, "net": 2, "refused": 1,
                             "card_spent": 0}
    only_second = report_tables.run_report(shop, "redemptions", "day", d + dt.timedelta(days=1),
                                           d + dt.timedelta(days=1))
    assert only_second.totals["redeemed"] == 1  # the 00:30 local one, though UTC says day D


def test_redemptions_without_range_cover_the_data_and_fill_empty_days(
        shop: Shop, fixture_shop: Fixture) -> None:
    d = fixture_shop.day
    report = report_tables.run_report(shop, "redemptions", "day")
    assert [r["group"] for r in report.rows] == [d, d + dt.timedelta(days=1)]
    wide = report_tables.run_report(shop, "redemptions", "day", d - dt.timedelta(days=2), d)
    assert figures(wide, "net") == [(d - dt.timedelta(days=2), 0), (d - dt.timedelta(days=1), 0),
                                    (d, 2)]


def test_undo_counts_where_the_use_was_taken(shop: Shop, fixture_shop: Fixture) -> None:
    by_station = report_tables.run_report(shop, "redemptions", "station")
    assert figures(by_station, "redeemed", "undone", "net", "refused") == [
        ("Till 2", 2, 0, 2, 0), ("Front", 1, 1, 0, 1)]
    by_operator = report_tables.run_report(shop, "redemptions", "operator")
    assert figures(by_operator, "net", "refused") == [(OWNER, 2, 1)]
    by_product = report_tables.run_report(shop, "redemptions", "product")
    assert figures(by_product, "net", "refused") == [("洗车五次卡", 2, 0), ("", 0, 1)]


def test_drill_down_rows(shop: Shop, fixture_shop: Fixture) -> None:
    d = fixture_shop.day
    rows = report_tables.redemption_details(shop, "day", d)
    assert [(r.reason, r.station, r.customer) for r in rows] == [
        ("redeemed", "Till 2", "王女士"), ("malformed", "Front", ""),
        ("redeemed", "Front", "王女士")]
    assert rows[0].code == fixture_shop.wash_code and rows[0].operator == OWNER
    front = report_tables.redemption_details(shop, "station", "Front")
    assert sorted(r.reason for r in front) == ["malformed", "redeemed", "undone"]
    till = report_tables.redemption_details(shop, "product", "洗车五次卡", d, d)
    assert len(till) == 2


def test_sales_per_local_day_method_and_product(shop: Shop, fixture_shop: Fixture) -> None:
    d = fixture_shop.day
    by_day = report_tables.run_report(shop, "sales", "day", d, d + dt.timedelta(days=1))
    keys = ("orders", "refunded_orders", "revenue", "refunds", "net")
    assert figures(by_day, *keys) == [(d, 2, 1, 20000, 10000, 10000),
                                      (d + dt.timedelta(days=1), 2, 0, 12000, 3000, 9000)]
    assert by_day.totals["net"] == 19000 and by_day.totals["orders"] == 4
    by_method = report_tables.run_report(shop, "sales", "method", d, d + dt.timedelta(days=1))
    assert figures(by_method, "orders", "net") == [
        ("wechat", 1, 10000), ("cash", 2, 6000), ("alipay", 1, 3000)]
    by_product = report_tables.run_report(shop, "sales", "product", d, d + dt.timedelta(days=1))
    assert figures(by_product, "quantity", "refunded_quantity", "net") == [
        ("洗车五次卡", 2, 1, 10000), ("Coffee", 3, 0, 6000), ("Game key", 2, 1, 3000)]


def test_liability_values_and_expiry_edges(shop: Shop, fixture_shop: Fixture) -> None:
    now = utc_now() + dt.timedelta(days=2)  # the class (1 day) has expired, unused
    report = report_tables.run_report(shop, "liability", now=now)
    keys = ("vouchers", "uses_left", "value", "expiring_7", "expiring_30", "expired_unused",
            "expired_unused_value")
    assert figures(report, *keys) == [
        ("Class", 0, 0, 0, 0, 0, 1, 5000),
        ("Coffee", 1, 3, 6000, 1, 1, 0, 0),
        # No "Game key": a key is handed over with the sale, nothing is owed (QA s11b F2).
        ("洗车五次卡", 1, 3, 6000, 0, 0, 0, 0),  # 5 uses for 100.00, 3 left (one undone)
    ]
    assert report.totals["value"] == 12000
    [call] = report.sections["to_call"]
    assert (call["customer"], call["phone"], call["uses_left"], call["value"]) == (
        "Mr Li", "13900002222", 3, 6000)
    # The edge: expiring exactly 7 days from now is "within 7 days"; a second more is not.
    edge = fixture_shop.coffee_valid_until - dt.timedelta(days=7)
    at_edge = report_tables.liability_report(shop, now=edge)
    coffee = next(r for r in at_edge.rows if r["group"] == "Coffee")
    assert (coffee["expiring_7"], coffee["expiring_30"]) == (1, 1)
    before = report_tables.liability_report(shop, now=edge - dt.timedelta(seconds=1))
    coffee = next(r for r in before.rows if r["group"] == "Coffee")
    assert (coffee["expiring_7"], coffee["expiring_30"]) == (0, 1)


def test_a_far_span_lists_the_days_with_data_not_every_day(shop: Shop,
                                                          fixture_shop: Fixture) -> None:
    """QA s11a F4: --to 9999-12-30 listed a row of zeros for every day to it (2.9 million
    rows, 4 GB); a month still lists its empty days for the chart."""
    d = fixture_shop.day
    for name in ("sales", "redemptions"):
        far = report_tables.run_report(shop, name, "day", d - dt.timedelta(days=3),
                                       dt.date(9999, 12, 30))
        assert 1 <= len(far.rows) <= 3, name
        month = report_tables.run_report(shop, name, "day", d - dt.timedelta(days=15),
                                         d + dt.timedelta(days=15))
        assert len(month.rows) == 31, name


def test_customers_to_call_are_those_with_a_name_or_phone(shop: Shop) -> None:
    """QA s11b F4: a promotion's 29 vouchers sold to nobody filled the list to call."""
    coffee = products.add_product(shop, "Coffee", "18.00", "service", valid_days=5)
    fulfilment.issue_batch(shop, coffee.id, 3)
    for customer, phone in (("Mr Li", ""), ("", "13900002222")):
        order = orders.create_order(shop, [(coffee.id, 1)], customer, phone)
        fulfilment.pay_order(shop, order.id, "cash")
    report = report_tables.liability_report(shop)
    assert figures(report, "vouchers") == [("Coffee", 5)]  # all five are still owed
    called = [(c["customer"], c["phone"]) for c in report.sections["to_call"]]
    assert sorted(called) == [("", "13900002222"), ("Mr Li", "")]


def test_liability_values_a_batch_voucher_at_its_own_price(shop: Shop) -> None:
    """A batch is one line of N units with a voucher per unit: each is worth one unit's
    price, not the line's (QA: a 100-voucher batch of 388.00 showed 3,836,932.00 owed)."""
    wash = products.add_product(shop, "Wash x2", "12.50", "service", uses=2)
    fulfilment.issue_batch(shop, wash.id, 4)
    sold = orders.create_order(shop, [(wash.id, 3)], "Mr Wu")  # one voucher, 6 uses
    fulfilment.pay_order(shop, sold.id, "cash")
    report = report_tables.liability_report(shop)
    assert figures(report, "vouchers", "uses_left", "value") == [("Wash x2", 5, 14, 8750)]


def test_stock_and_low_stock_warning(shop: Shop, fixture_shop: Fixture) -> None:
    report = report_tables.run_report(shop, "stock")
    # 3 imported, 2 sold, 1 refunded (returned: off sale until checked), the unsold one
    # found faulty: 0 unsold, 1 sold, 1 returned, 1 faulty
    assert figures(report, "unsold", "sold", "returned", "faulty", "threshold", "low") == [
        ("Game key", 0, 1, 1, 1, 2, True)]
    [low] = stock_alerts.low_stock(shop)
    assert (low.name, low.unsold, low.threshold) == ("Game key", 0, 2)
    stock_alerts.set_low_stock_threshold(shop, low.product_id, None)
    assert stock_alerts.low_stock(shop) == []


def test_bad_choices_and_clerks_are_refused(shop: Shop) -> None:
    with pytest.raises(InvalidInput):
        report_tables.run_report(shop, "liability", "station")
    with pytest.raises(InvalidInput):
        report_tables.run_report(shop, "nothing")
    shop.operator.role = "clerk"
    try:
        for name in report_tables.REPORTS:
            with pytest.raises(Forbidden):
                report_tables.run_report(shop, name)
    finally:
        shop.operator.role = "owner"


def test_xlsx_reads_back_with_numbers_dates_and_a_frozen_header(
        shop: Shop, fixture_shop: Fixture, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    d = fixture_shop.day
    report = report_tables.run_report(shop, "sales", "day", d, d + dt.timedelta(days=1))
    out = report_files.write_report(shop, report, tmp_path / "sales.xlsx",
                                    report_files.FileWords(headers={"group": "日期"}))
    book = openpyxl.load_workbook(out)
    sheet = book["sales"]
    assert sheet.freeze_panes == "A3"  # under the heading and the header
    assert sheet["A1"].value == f"sales day {d} – {d + dt.timedelta(days=1)}"
    assert sheet["A2"].value == "日期" and sheet["A2"].font.b
    assert sheet["A3"].value == dt.datetime.combine(d, dt.time())
    assert sheet["F3"].value == 200 and sheet["F3"].number_format == '"¥"#,##0.00'
    assert sheet["B3"].value == 2
    assert sheet.column_dimensions["A"].width >= 10
    liability = report_tables.run_report(shop, "liability")
    out = report_files.write_report(shop, liability, tmp_path / "owed.xlsx")
    assert openpyxl.load_workbook(out).sheetnames == ["liability", "to_call", "giftcards"]
    event = AuditEvent.select().where(AuditEvent.subject == "report_sales").get()
    assert json.loads(event.detail)["format"] == "xlsx"


def test_csv_has_a_bom_and_defuses_formulas(shop: Shop, tmp_path: Path) -> None:
    redemption.redeem(shop, "garbage", "=HYPERLINK(evil)")
    report = report_tables.run_report(shop, "redemptions", "station")
    data = report_files.report_csv(report)
    assert data.startswith(b"\xef\xbb\xbf")
    assert "'=HYPERLINK(evil),0,0,0,1" in data.decode("utf-8")
    with pytest.raises(InvalidInput):
        report_files.write_report(shop, report, tmp_path / "r.txt")


def test_shop_settings_are_checked_saved_and_audited(shop: Shop) -> None:
    current = shop_settings.get_shop_settings(shop)
    assert current.shop_name == "Test Shop 测试店" and current.default_valid_days is None
    saved = shop_settings.update_shop_settings(shop, shop_settings.ShopSettings(
        "街角洗车", "  中山路 1 号   电话 123 ", "节假日通用", "cny", 90))
    assert saved.address_line == "中山路 1 号 电话 123" and saved.currency == "CNY"
    assert shop_settings.get_shop_settings(shop) == saved and shop.name == "街角洗车"
    event = AuditEvent.select().where(AuditEvent.kind == "settings_change").get()
    assert set(json.loads(event.detail)["after"]) == {
        "shop_name", "address_line", "voucher_note", "default_valid_days"}
    with pytest.raises(InvalidInput):
        shop_settings.update_shop_settings(shop, shop_settings.ShopSettings(" "))
    with pytest.raises(InvalidInput):
        shop_settings.update_shop_settings(shop, shop_settings.ShopSettings("x", currency="RMBX"))


def run_cli(shop: Shop, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line on the test's shop: its folder, and its server where it has one."""
    url = getattr(shop, "url", None)
    server = ["--database", url] if url else []
    env = {**os.environ, "SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD,
           "TZ": "Asia/Shanghai"}
    return run_command(["--data-dir", str(shop.data_dir), *server, *args], env)


def test_cli_report_json_and_out(shop: Shop, shop_dir: Path, fixture_shop: Fixture,
                                 tmp_path: Path) -> None:
    d = fixture_shop.day
    shop.close()
    done = run_cli(shop, "report", "sales", "--by", "method", "--from", d.isoformat(),
                   "--to", (d + dt.timedelta(days=1)).isoformat(), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["ok"], data["report"]) == (True, "sales")
    assert data["rows"][0] == {"group": "wechat", "orders": 1, "refunded_orders": 0,
                               "quantity": 1, "refunded_quantity": 0, "revenue": "100.00",
                               "refunds": "0.00", "net": "100.00"}
    assert data["totals"]["net"] == "190.00"
    out = tmp_path / "r.csv"
    done = run_cli(shop, "report", "redemptions", "--out", str(out), "--json")
    assert done.returncode == 0 and out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert json.loads(done.stdout)["rows"][0]["group"] == d.isoformat()
    bad = run_cli(shop, "report", "stock", "--by", "day", "--json")
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"] == "invalid_input"
    text = run_cli(shop, "report", "sales", "--by", "method").stdout
    assert "\t" in text and "\\t" not in text  # columns parted by tabs, not a written "\t"
    url = getattr(shop, "url", None)
    head = subprocess.Popen(  # a reader that stops at once (| head -0): no traceback
        [sys.executable, "-m", "desktop_app", "--data-dir", str(shop.data_dir),
         *(["--database", url] if url else []), "report", "sales"], cwd=ROOT,
        env={**os.environ, "SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert head.stdout is not None
    head.stdout.close()
    _, errors = head.communicate(timeout=120)
    assert head.returncode == 0 and b"Traceback" not in errors and b"Broken" not in errors


def test_days_across_a_daylight_saving_change(shop: Shop) -> None:
    """Berlin springs forward on 2026-03-29 (a 23-hour day): each attempt lands on its
    local day, those before the sale as refused (not yet valid)."""
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    wash = products.add_product(shop, "Wash", "10", uses=5)
    order = orders.create_order(shop, [(wash.id, 1)])
    [voucher] = fulfilment.pay_order(shop, order.id)
    for day, hour in ((28, 23), (29, 0), (29, 23), (30, 0), (30, 1)):
        redemption.redeem(shop, voucher.code, "t", now=local(dt.date(2026, 3, day), hour, 30))
    report = report_tables.run_report(shop, "redemptions", "day", dt.date(2026, 3, 28),
                                      dt.date(2026, 3, 30))
    assert figures(report, "refused") == [(dt.date(2026, 3, 28), 1), (dt.date(2026, 3, 29), 2),
                                          (dt.date(2026, 3, 30), 2)]
