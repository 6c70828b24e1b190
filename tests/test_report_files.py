"""Report files in the words they are given (QA s6: S6-2, S6-3): payment methods as words,
sheet names Excel takes, "low" as the screen says it, the days and the totals in every file."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from desktop_app.core import (
    fulfilment,
    orders,
    products,
    report_files,
    report_tables,
    stock_alerts,
)
from desktop_app.core.dates import local_time
from desktop_app.core.report_files import FileWords, sheet_name
from desktop_app.core.store import Shop
from tests.test_report_tables import run_cli

TODAY = dt.date.today()


def sold(shop: Shop) -> None:
    wash = products.add_product(shop, "Wash", "99", uses=5)
    for method in ("wechat", "card"):
        order = orders.create_order(shop, [(wash.id, 1)], "Ann")
        fulfilment.pay_order(shop, order.id, method)


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_sheet_names_are_ones_excel_takes() -> None:
    taken: set[str] = set()
    assert sheet_name("销售", taken) == "销售"
    assert sheet_name("a/b:c[d]*?\\e", taken) == "a-b-c-d----e"
    assert sheet_name("'quoted'", taken) == "quoted"
    long = "x" * 40
    assert sheet_name(long, taken) == "x" * 31
    assert sheet_name(long, taken) == "x" * 29 + " 2"  # unlike the first, still 31
    assert sheet_name("销售", taken) == "销售 2"
    assert sheet_name("", taken) == "Sheet"


def test_payment_methods_are_written_as_words(shop: Shop) -> None:
    sold(shop)
    report = report_tables.run_report(shop, "sales", "method", TODAY, TODAY)
    assert {r["group"] for r in report.rows} == {"wechat", "card"}  # no cash row of zeros
    words = FileWords(methods={"wechat": "微信支付", "card": "银行卡"}, total="合计")
    rows = csv_rows(report_files.report_csv(report, words))
    assert rows[0][0] == "group"
    assert sorted(r[0] for r in rows[1:-1]) == ["微信支付", "银行卡"]
    assert rows[-1] == [f"合计 {TODAY} – {TODAY}", "2", "0", "2", "0", "198.00", "0.00",
                        "198.00"]
    plain = csv_rows(report_files.report_csv(report))  # no words: the stored codes
    assert sorted(r[0] for r in plain[1:-1]) == ["card", "wechat"]
    products_report = report_tables.run_report(shop, "sales", "product", TODAY, TODAY)
    by_product = csv_rows(report_files.report_csv(products_report, words))
    assert by_product[1][0] == "Wash"  # only a method grouping is translated


def test_a_workbook_has_a_heading_translated_sheets_and_totals(shop: Shop,
                                                               tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sold(shop)
    card = products.add_product(shop, "Gift 100", "90", "giftcard", value="100")
    fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)], "Bo").id, "cash")
    report = report_tables.run_report(shop, "liability", None, TODAY, TODAY)
    words = FileWords(headers={"group": "产品", "uses_left": "剩余次数", "breakage": "损耗"},
                      sheets={"liability": "未使用的券", "to_call": "待联系的顾客",
                              "giftcards": "礼品卡余额"}, total="合计", title="店 · 未使用的券")
    out = report_files.write_report(shop, report, tmp_path / "owed.xlsx", words)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["未使用的券", "待联系的顾客", "礼品卡余额"]
    main = [[c.value for c in row] for row in book["未使用的券"].iter_rows()]
    assert main[0][0] == "店 · 未使用的券" and main[1][:3] == ["产品", "vouchers", "剩余次数"]
    assert main[2][0] == "Wash" and main[-1][:3] == ["合计", 2, 10]
    assert book["未使用的券"]["D4"].font.b and book["未使用的券"].freeze_panes == "A3"
    cards = [[c.value for c in row] for row in book["礼品卡余额"].iter_rows()]
    assert cards[2][:3] == ["Gift 100", 1, 100] and cards[3][:3] == ["合计", 1, 100]
    assert cards[-1][:2] == ["损耗", 0]  # a total without a column: a row of its own


def test_low_stock_is_written_as_the_screen_says_it(shop: Shop) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    keys = products.add_product(shop, "Game key", "30", "cardkey")
    stock_alerts.set_low_stock_threshold(shop, keys.id, 2)
    report = report_tables.run_report(shop, "stock")
    words = FileWords(yes="是", sheets={"stock": "卡密库存"})
    rows = csv_rows(report_files.report_csv(report, words))
    assert rows[1][-1] == "是" and rows[-1][0] == "total"  # stock is as of now: no days
    sheet = openpyxl.load_workbook(io.BytesIO(report_files.report_xlsx(report, words)))["卡密库存"]
    assert sheet.cell(3, len(report.columns)).value == "是"
    assert sheet.cell(1, 1).value == f"stock product {local_time(report.as_of)}"  # as of when
    assert csv_rows(report_files.report_csv(report))[1][-1] == "true"  # no words: as before


def test_cli_out_writes_payment_methods_as_words(shop: Shop, tmp_path: Path) -> None:
    sold(shop)
    shop.close()
    out = tmp_path / "methods.csv"
    done = run_cli(shop, "--lang", "en", "report", "sales", "--by", "method", "--out",
                   str(out), "--json")
    assert done.returncode == 0, done.stderr
    assert {r["group"] for r in json.loads(done.stdout)["rows"]} == {"wechat", "card"}
    rows = csv_rows(out.read_bytes())
    assert rows[0][:2] == ["group", "orders"]  # the README's column keys
    assert sorted(r[0] for r in rows[1:-1]) == ["Bank card", "WeChat Pay"]
    assert rows[-1][0] == "total" and rows[-1][-1] == "198.00"
    done = run_cli(shop, "--lang", "zh_CN", "report", "sales", "--by", "method", "--out",
                   str(out))
    assert done.returncode == 0, done.stderr
    assert sorted(r[0] for r in csv_rows(out.read_bytes())[1:-1]) == ["微信支付", "银行卡"]


def test_outstanding_vouchers_csv_totals_are_as_of_now(shop: Shop) -> None:
    """QA: the liability CSV labelled its totals "Total 2026-11-25 – 2026-12-01", though the
    vouchers outstanding are counted as of now, whatever the days (only breakage has days)."""
    sold(shop)
    week_ago = TODAY - dt.timedelta(days=6)
    report = report_tables.run_report(shop, "liability", None, week_ago, TODAY)
    rows = csv_rows(report_files.report_csv(report, FileWords(total="Total")))
    main = rows[:rows.index([])]  # the sections follow the main table after a blank line
    assert main[-1][0] == "Total"
    sales = report_tables.run_report(shop, "sales", "day", week_ago, TODAY)
    assert csv_rows(report_files.report_csv(sales, FileWords(total="Total")))[-1][0] == (
        f"Total {week_ago} – {TODAY}")


def owed_with_cards(shop: Shop) -> report_tables.Report:
    """A liability report with all three tables: vouchers owed, a customer to call (a wash
    pass expiring in 10 days) and a gift card's balance."""
    sold(shop)
    soon = products.add_product(shop, "Wash 10d", "50", uses=2, valid_days=10)
    fulfilment.pay_order(shop, orders.create_order(shop, [(soon.id, 1)], "Bo", "+86 138").id,
                         "cash")
    card = products.add_product(shop, "Gift 100", "90", "giftcard", value="100")
    fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)], "Cy").id, "cash")
    return report_tables.run_report(shop, "liability", None, TODAY, TODAY)


def test_a_liability_csv_carries_the_gift_card_balances_after_its_table(shop: Shop) -> None:
    """QA: the CSV had the main table only (the workbook has a sheet per section). Each
    section follows after a blank line, the main table's lines as they were."""
    report = owed_with_cards(shop)
    bare = dataclasses.replace(report, sections={}, section_totals={})
    for words in (FileWords(total="total"), FileWords(
            headers={"group": "产品", "cards": "卡数", "balance": "余额", "breakage": "损耗"},
            sheets={"to_call": "待联系的顾客", "giftcards": "礼品卡余额"}, total="合计")):
        data = report_files.report_csv(report, words)
        main = report_files.report_csv(bare, words)
        assert data.startswith(main) and data[len(main):].startswith(b"\r\n")
        rows = csv_rows(data)
        first_blank = rows.index([])
        assert rows[:first_blank] == csv_rows(main)
        calls, cards = rows[first_blank + 1:rows.index([], first_blank + 1)], rows[
            rows.index([], first_blank + 1) + 1:]
        assert calls[0] == [words.sheets.get("to_call", "to_call")]
        assert calls[1][:2] == ["customer", "phone"] and calls[2][:2] == ["Bo", "'+86 138"]
        assert len(calls) == 3  # a section with no totals of its own has no totals row
        assert cards[0] == [words.sheets.get("giftcards", "giftcards")]
        assert cards[1][:3] == [words.headers.get(k, k) for k in ("group", "cards", "balance")]
        assert cards[2][:3] == ["Gift 100", "1", "100.00"]
        assert cards[3][:3] == [words.total, "1", "100.00"]
        assert cards[4:] == [["breakage_cards", "0"], [words.headers.get("breakage",
                                                                         "breakage"), "0.00"]]


def test_cli_liability_csv_has_the_gift_card_balances(shop: Shop, tmp_path: Path) -> None:
    report = owed_with_cards(shop)
    shop.close()
    out = tmp_path / "owed.csv"
    done = run_cli(shop, "--lang", "zh_CN", "report", "liability", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = csv_rows(out.read_bytes())
    main = rows[:rows.index([])]
    # a script reads `total` in any language (QA s17a F8: it was 合计 under zh_CN)
    assert [r[0] for r in main] == ["group", *[r["group"] for r in report.rows], "total"]
    giftcards = rows.index(["giftcards"])
    assert rows[giftcards + 1][:3] == ["group", "cards", "balance"]
    assert rows[giftcards + 2][:3] == ["Gift 100", "1", "100.00"]


def test_a_scripts_file_ends_with_total_in_any_language_and_blanks_are_empty(
        shop: Shop, tmp_path: Path) -> None:
    """QA s17a F8: under ``--lang zh_CN`` the command line's files ended with ``合计`` (the
    README promises ``total``) and said "stock 报表"; a workbook's blank cells held "" (text
    to Excel), in the app's files too."""
    openpyxl = pytest.importorskip("openpyxl")
    game = products.add_product(shop, "Game key", "30", "cardkey")
    stock_alerts.set_low_stock_threshold(shop, game.id, 2)  # none left: low
    products.add_product(shop, "Other key", "30", "cardkey")  # no level: blank, never low
    report = report_tables.run_report(shop, "stock")
    shop.close()
    csv_out, xlsx_out = tmp_path / "stock.csv", tmp_path / "stock.xlsx"
    for out in (csv_out, xlsx_out):
        done = run_cli(shop, "--lang", "zh_CN", "report", "stock", "--out", str(out))
        assert done.returncode == 0, done.stderr
        said = done.stdout.replace(str(out), "")
        assert "卡密库存" in said and "stock" not in said
    assert [row[0] for row in csv_rows(csv_out.read_bytes())] == [
        "group", "Game key", "Other key", "total"]
    cells = [[c.value for c in row] for row in openpyxl.load_workbook(xlsx_out).active.iter_rows()]
    assert cells[1][0] == "group" and cells[-1][0] == "total"
    assert cells[2][-2:] == [2, True] and cells[3][-2:] == [None, False]
    screen = openpyxl.load_workbook(io.BytesIO(report_files.report_xlsx(
        report, FileWords(yes="是", total="合计")))).active  # the Reports tab's words
    assert [[c.value for c in row][-2:] for row in screen.iter_rows(min_row=3, max_row=4)] == [
        [2, "是"], [None, None]]
