"""QA s20b, the accountant's month-end: what the outstanding-vouchers report and its files say.

The value of part-used passes is rounded to the cent per voucher, not truncated (F6); the
customers to call say until when a voucher works, not a day it is refused on (F1); the
workbook's money names its currency and its phones are text (F2, F8); a validity of N days is
N calendar days in the shop's time zone, daylight saving or not (F10).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import local_zone

from desktop_app.core import (
    dates,
    fulfilment,
    orders,
    products,
    redemption,
    report_files,
    report_tables,
    shop_settings,
)
from desktop_app.core.dates import valid_until_text
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server


@pytest.fixture(autouse=True)
def shanghai() -> Iterator[None]:
    with local_zone("Asia/Shanghai"):
        yield


def sell(shop: Shop, product_id: int, customer: str, uses_taken: int = 0) -> Voucher:
    """One unit sold to ``customer``, ``uses_taken`` of its uses redeemed; its voucher."""
    order = orders.create_order(shop, [(product_id, 1)], customer, "13812345678")
    [voucher] = fulfilment.pay_order(shop, order.id, "cash")
    if uses_taken:
        assert redemption.redeem(shop, voucher.code, "Front", uses=uses_taken).ok
    found: Voucher = Voucher.get_by_id(voucher.id)
    return found


def test_part_used_passes_are_worth_their_uses_left_to_the_cent(shop: Shop) -> None:
    """QA s20b F6: 2 of 5 uses of 19.99 left is 7.996, 4 of 5 is 15.992: 8.00 + 15.99 =
    23.99 (the hand sum 23.988, rounded), where the truncating division said 23.98."""
    wash = products.add_product(shop, "Wash x5", "19.99", uses=5, valid_days=20)
    half = products.add_product(shop, "Half", "10.01", uses=2, valid_days=20)
    sell(shop, wash.id, "Mr Li", uses_taken=3)
    sell(shop, wash.id, "Ms Wang", uses_taken=1)
    sell(shop, half.id, "Mr Zhao", uses_taken=1)  # 5.005: half a cent goes up, to 5.01
    report = report_tables.liability_report(shop)
    assert [(r["group"], r["uses_left"], r["value"]) for r in report.rows] == [
        ("Half", 1, 501), ("Wash x5", 6, 2399)]
    assert report.totals["value"] == 2900
    called = sorted(c["value"] for c in report.sections["to_call"])
    assert called == [501, 800, 1599] and sum(called) == report.totals["value"]
    data = report_files.report_json(report)  # the command line's --json and its files
    assert [r["value"] for r in data["rows"]] == ["5.01", "23.99"]
    assert data["totals"]["value"] == "29.00"
    lines = report_files.report_csv(report).decode("utf-8-sig").splitlines()
    assert lines[1].startswith("Half,1,1,5.01,") and lines[2].startswith("Wash x5,2,6,23.99,")
    assert lines[3].startswith("total,3,7,29.00,")


def test_the_customers_to_call_say_until_when_the_voucher_works(
        qapp: object, shop: Shop, tmp_path: Path) -> None:
    """QA s20b F1: "valid until 2027-01-30" for a voucher that ends at the hour it was sold
    that day: the screen says the day and time as the printed voucher does, the files the
    local moment (a real date and time in the workbook)."""
    openpyxl = pytest.importorskip("openpyxl")
    coffee = products.add_product(shop, "Coffee", "19.99", uses=3, valid_days=20)
    until = sell(shop, coffee.id, "Mr Li").valid_until
    assert until is not None and until.astimezone().time() != dt.time(0, 0)
    report = report_tables.liability_report(shop)
    [call] = report.sections["to_call"]
    assert call["valid_until"] == until
    local = until.astimezone()
    assert report_files.report_json(report)["to_call"][0]["valid_until"] == local.isoformat(
        timespec="seconds")
    csv_text = report_files.report_csv(report).decode("utf-8-sig")
    to_call = list(csv.reader(io.StringIO(csv_text.split("\r\n\r\n")[1])))
    assert to_call[1][-1] == "valid_until"
    assert to_call[2][-1] == local.strftime("%Y-%m-%d %H:%M:%S")
    out = report_files.write_report(shop, report, tmp_path / "owed.xlsx")
    cell = openpyxl.load_workbook(out)["to_call"]["G3"]
    assert cell.value == local.replace(tzinfo=None, microsecond=0)
    assert cell.number_format == "yyyy-mm-dd hh:mm"
    from desktop_app.ui.reports.report_models import cell_text  # the Reports tab's cell

    column = report_tables.CALL_COLUMNS[-1]  # valid_until
    assert cell_text(column, until, "CNY") == valid_until_text(until) == local.strftime(
        "%Y-%m-%d %H:%M")


def test_workbook_money_names_the_currency_and_phones_stay_text(shop: Shop,
                                                               tmp_path: Path) -> None:
    """QA s20b F2: plain #,##0.00 in both shops' workbooks, euros and yuan alike; F8: a
    phone with its leading 0 is a text cell, never a number Excel shortens."""
    openpyxl = pytest.importorskip("openpyxl")
    settings = shop_settings.get_shop_settings(shop)
    shop_settings.update_shop_settings(shop, shop_settings.ShopSettings(
        settings.shop_name, currency="EUR"))
    wash = products.add_product(shop, "Wash", "12.50", uses=2, valid_days=20)
    order = orders.create_order(shop, [(wash.id, 1)], "Frau Weber", "030123456")
    fulfilment.pay_order(shop, order.id, "card")
    report = report_tables.liability_report(shop)
    assert report_files.report_json(report)["currency"] == "EUR"
    book = openpyxl.load_workbook(report_files.write_report(shop, report, tmp_path / "o.xlsx"))
    main, to_call = book["liability"], book["to_call"]
    assert main["D3"].value == 12.5 and main["D3"].number_format == '"€"#,##0.00'
    assert main["D4"].value == 12.5 and main["D4"].number_format == '"€"#,##0.00'  # totals
    assert to_call["B3"].value == "030123456" and to_call["B3"].data_type == "s"
    assert report_files.money_format("CHF") == '"CHF "#,##0.00'  # no sign of its own


def test_days_of_validity_are_calendar_days_across_daylight_saving(
        shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA s20b F10: 2 days from Saturday 24 October 2026, 00:00 in Berlin, end at Monday's
    00:00, not at 23:00 on Sunday (48 hours, with clocks going back an hour on the 25th)."""
    with local_zone("Europe/Berlin"):
        sold = dt.datetime(2026, 10, 24, 0, 0).astimezone()
        monkeypatch.setattr(dates, "pc_clock", lambda: sold.astimezone(dt.UTC))
        two_days = products.add_product(shop, "Weekend pass", "30", uses=2, valid_days=2)
        until = sell(shop, two_days.id, "Herr Koch").valid_until
        assert until is not None
        assert until.astimezone().replace(tzinfo=None) == dt.datetime(2026, 10, 26, 0, 0)
        assert until - sold == dt.timedelta(hours=49)
        assert valid_until_text(until) == "2026-10-25"  # its last day, as printed
