"""The Reports tab's figures follow its controls (QA s6: S6-10, S6-2, S6-3, S6-8): changing By
or the days re-reads the report, and Export and Print write what the controls say, in the
words the screen shows, with the days, the totals and the shop's name."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QRectF
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot
from test_printing import pdf_printer, pdf_text

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.dates import local_time
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.reports.chart import Series
from desktop_app.ui.reports.reports_tab import ReportsTab

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

WAIT_MS = 15_000
LAST_YEAR = dt.date.today().year - 1


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def sold(shop: Shop) -> None:
    """Two orders today: one by WeChat, one by bank card."""
    wash = products.add_product(shop, "洗车五次卡", "99", uses=5)
    for method in ("wechat", "card"):
        order = orders.create_order(shop, [(wash.id, 1)], "王女士")
        fulfilment.pay_order(shop, order.id, method)


def open_sales(qtbot: QtBot, shop: Shop) -> ReportsTab:
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.show()
    idle()
    tab.report_box.setCurrentIndex(tab.report_box.findData("sales"))
    idle()
    return tab


def choose_by(tab: ReportsTab, by: str) -> None:
    """What the owner does: pick a grouping, and press nothing else."""
    tab.by_box.setCurrentIndex(tab.by_box.findData(by))
    idle()


def choose_days(qtbot: QtBot, tab: ReportsTab, first: dt.date, last: dt.date) -> None:
    """Custom days typed in the two date fields, then the moment the tab waits for."""
    tab.range_box.setCurrentIndex(tab.range_box.findData("custom"))
    idle()
    tab.from_edit.setDate(QDate(first.year, first.month, first.day))
    tab.to_edit.setDate(QDate(last.year, last.month, last.day))
    qtbot.waitUntil(lambda: tab.report is not None and tab.report.start == first
                    and tab.report.end == last and not tab.busy, timeout=WAIT_MS)


def export(tab: ReportsTab, path: Path) -> Path:
    tab.export_to(str(path))
    idle()
    return path


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_changing_by_rereads_and_the_export_follows(qtbot: QtBot, shop: Shop,
                                                    tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sold(shop)
    tab = open_sales(qtbot, shop)
    assert tab.report is not None and tab.report.by == "day"
    choose_by(tab, "method")
    assert tab.report.by == "method"
    shown = [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert shown == ["Bank card", "WeChat Pay"]  # no cash row of zeros either
    rows = read_csv(export(tab, tmp_path / "m.csv"))
    assert rows[0][0] == "Payment method"
    assert [r[0] for r in rows[1:-1]] == shown  # the screen's words, not card / wechat
    assert rows[-1][0].startswith("Total ") and rows[-1][-1] == "198.00"
    book = openpyxl.load_workbook(export(tab, tmp_path / "m.xlsx"))
    sheet = book.worksheets[0]
    assert sheet.title == "Sales"
    assert sheet.cell(2, 1).value == "Payment method"
    assert [sheet.cell(3 + i, 1).value for i in range(len(shown))] == shown


def test_changing_the_days_rereads_once_and_the_files_say_which(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sold(shop)
    tab = open_sales(qtbot, shop)
    choose_by(tab, "method")
    assert tab.report is not None and tab.report.totals["net"] == 19800
    first, last = dt.date(LAST_YEAR, 11, 1), dt.date(LAST_YEAR, 11, 30)
    tab.range_box.setCurrentIndex(tab.range_box.findData("custom"))
    idle()
    reads = tab.reads
    choose_days(qtbot, tab, first, last)
    assert tab.reads == reads + 1  # both dates typed, one query
    assert tab.report.by == "method" and tab.report.totals["net"] == 0
    assert tab.model.rowCount() == 0  # November sold nothing, by no method
    days = f"{first.isoformat()} – {last.isoformat()}"
    rows = read_csv(export(tab, tmp_path / "nov.csv"))
    assert rows[0][0] == "Payment method"  # still a header first
    assert rows[-1][0] == f"Total {days}" and rows[-1][-1] == "0.00"
    sheet = openpyxl.load_workbook(export(tab, tmp_path / "nov.xlsx")).worksheets[0]
    assert days in sheet["A1"].value and "Test Shop" in sheet["A1"].value
    assert sheet["A3"].value == "Total"


def test_a_date_being_typed_or_reversed_exports_nothing(qtbot: QtBot, shop: Shop,
                                                        tmp_path: Path) -> None:
    sold(shop)
    tab = open_sales(qtbot, shop)
    tab.range_box.setCurrentIndex(tab.range_box.findData("custom"))
    idle()
    tab.from_edit.setDate(QDate(LAST_YEAR, 1, 1))  # the read waits for the typing to stop
    assert not tab.csv_button.isEnabled() and not tab.print_button.isEnabled()
    assert not export(tab, tmp_path / "early.csv").exists()
    tab.to_edit.setDate(QDate(LAST_YEAR - 1, 1, 1))
    qtbot.waitUntil(lambda: "before" in tab.message.text(), timeout=WAIT_MS)
    idle()
    assert "before" in tab.message.text()
    assert not tab.xlsx_button.isEnabled() and tab.model.rowCount() == 0
    assert not export(tab, tmp_path / "reversed.xlsx").exists()
    assert "before" in tab.message.text()
    printer = pdf_printer(tmp_path / "reversed.pdf")
    assert not tab.print_to(printer)
    tab.report_box.setCurrentIndex(tab.report_box.findData("stock"))  # as of now: no days
    idle()
    assert tab.report is not None and tab.report.name == "stock" and tab.csv_button.isEnabled()


def test_the_liability_export_names_its_sheets_and_totals(qtbot: QtBot, shop: Shop,
                                                          tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sold(shop)
    tab = open_sales(qtbot, shop)
    tab.report_box.setCurrentIndex(tab.report_box.findData("liability"))
    idle()
    book = openpyxl.load_workbook(export(tab, tmp_path / "owed.xlsx"))
    assert book.sheetnames == ["Outstanding vouchers", "Customers to call",
                               "Gift-card balances"]
    sheet = book.worksheets[0]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1][0] == "Product" and values[2][0] == "洗车五次卡"
    assert values[3][0] == "Total" and values[3][2] == 10  # uses left, as the summary says
    rows = read_csv(export(tab, tmp_path / "owed.csv"))  # the CSV has the sections too
    assert rows[1][0] == "洗车五次卡" and rows[2][0] == "Total" and rows[3] == []
    assert rows[4] == ["Customers to call"] and rows[5][:2] == ["Customer", "Phone"]
    cards = rows.index(["Gift-card balances"])
    assert rows[cards - 1] == [] and rows[cards + 1][:3] == ["Product", "Cards", "Balance"]
    assert rows[-1][0] == "Breakage in these days"


def test_the_stock_export_writes_the_screens_low(qtbot: QtBot, shop: Shop,
                                                tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from desktop_app.core import stock_alerts
    keys = products.add_product(shop, "Game key", "30", "cardkey")
    stock_alerts.set_low_stock_threshold(shop, keys.id, 2)
    tab = open_sales(qtbot, shop)
    tab.report_box.setCurrentIndex(tab.report_box.findData("stock"))
    idle()
    rows = read_csv(export(tab, tmp_path / "stock.csv"))
    low = rows[0].index("Low")
    assert rows[1][0] == "Game key" and rows[1][low] == "Yes"
    sheet = openpyxl.load_workbook(export(tab, tmp_path / "stock.xlsx")).worksheets[0]
    assert sheet.title == "Card-key stock"
    assert sheet.cell(3, low + 1).value == "Yes"
    assert tab.report is not None  # as of now, so its heading says when (it said nothing)
    assert sheet.cell(1, 1).value.endswith(
        f"· Card-key stock · Product · as of {local_time(tab.report.as_of)}")


def test_card_key_stock_has_no_chart_of_days(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    """QA: the stock report (as of now) showed and printed per-day charts for dates it greys
    out, and "No redemptions or sales in these days" beside its table."""
    sold(shop)
    products.add_product(shop, "Game key", "30", "cardkey")
    tab = open_sales(qtbot, shop)
    assert tab.chart.isVisible()
    tab.report_box.setCurrentIndex(tab.report_box.findData("stock"))
    idle()
    assert tab.report is not None and tab.report.name == "stock"
    assert not tab.chart.isVisible() and tab.panels() == []
    out = tmp_path / "stock.pdf"
    printer = pdf_printer(out)
    assert tab.print_to(printer)
    text = pdf_text(out)
    assert "Game key" in text and "per day" not in text
    tab.report_box.setCurrentIndex(tab.report_box.findData("sales"))
    idle()
    assert tab.chart.isVisible() and len(tab.panels()) == 2


def test_the_printed_page_has_the_shop_the_days_and_the_totals(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    sold(shop)
    tab = open_sales(qtbot, shop)
    choose_by(tab, "method")
    tab.setFont(QFont("DejaVu Sans Mono"))  # wide letters: equal columns cut the headers
    out = tmp_path / "report.pdf"
    printer = pdf_printer(out)
    assert tab.print_to(printer)
    text = pdf_text(out)
    start = dt.date.today().replace(day=1).isoformat()
    assert "Test Shop" in text and start in text
    assert "Total" in text and "198.00" in text  # the totals line
    assert "WeChat Pay" in text and "Payment method" in text  # what the controls say
    header = next(line for line in text.splitlines() if "Units sold" in line and ":" not in line)
    assert "Payment method" in header and "Orders refunded" in header  # not "Orders ref…"
    wechat = next(line for line in text.splitlines() if line.strip().startswith("WeChat Pay"))
    assert wechat.split()[-3:] == ["¥99.00", "¥0.00", "¥99.00"]  # revenue, refunds, net whole


def test_the_printed_chart_is_laid_out_for_the_printers_resolution(qtbot: QtBot) -> None:
    """Print… paints at 1200 dpi: a layout measured at the screen's 96 put the bars over the
    panel's title and the days (seen on the page rendered for S6-8)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop_app.ui.reports.chart import paint_series

    dots_per_metre = round(600 / 0.0254)
    image = QImage(2000, 1200, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    font = QFont()
    font.setPointSizeF(9)
    bar = QColor("#1565c0")
    series = Series("Uses redeemed per day", [dt.date(2026, 12, 1)], [2], bar, str)
    painter = QPainter(image)
    paint_series(painter, QRectF(0, 0, 2000, 1200), series, font)
    painter.end()
    bar_top = next(y for y in range(1200) if image.pixelColor(1000, y) == bar)
    line = 9 / 72 * 600  # one 9-point line at 600 dpi, in pixels
    assert bar_top >= 1.5 * line  # under the title line, not on it
