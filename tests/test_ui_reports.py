"""The Reports tab: every button, the drill-down, exports read back, the chart printed to PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot
from test_printing import pdf_printer

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.core.models import RedemptionAttempt
from desktop_app.core.report_rows import utc
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.reports.report_loading import preset_range
from desktop_app.ui.reports.reports_tab import ReportsTab

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

WAIT_MS = 15_000


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def sold_and_redeemed(shop: Shop) -> str:
    wash = products.add_product(shop, "洗车五次卡", "99", uses=5, valid_days=20)
    order = orders.create_order(shop, [(wash.id, 2)], "王女士", "13800001111")
    [voucher] = fulfilment.pay_order(shop, order.id, "wechat")
    redemption.redeem(shop, voucher.code, "前台 1")
    redemption.redeem(shop, voucher.code, "前台 1")
    redemption.redeem(shop, "garbage", "Till 2")
    return voucher.code


def open_tab(qtbot: QtBot, shop: Shop, size: tuple[int, int] = (1024, 700)) -> ReportsTab:
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    idle()
    return tab


def redeemed_on(shop: Shop) -> dt.date:
    """The local day of the shop's last redemption: a test that ran past midnight asks for it,
    not for the new "today" (CI at 00:20 read an empty December 1st for a November sale)."""
    last = RedemptionAttempt.select().order_by(RedemptionAttempt.id.desc()).get()
    return utc(last.created_at).astimezone().date()


def show_days(tab: ReportsTab, start: dt.date, end: dt.date) -> None:
    tab.range_box.setCurrentIndex(tab.range_box.findData("custom"))
    idle()  # Show is disabled while the custom range's first read is under way
    tab.from_edit.setDate(QDate(start.year, start.month, start.day))
    tab.to_edit.setDate(QDate(end.year, end.month, end.day))
    tab.show_button.click()
    idle()
    assert (tab.report.start, tab.report.end) == (start, end)


def choose(tab: ReportsTab, report: str, by: str | None = None) -> None:
    tab.report_box.setCurrentIndex(tab.report_box.findData(report))
    idle()
    if by is not None:
        tab.by_box.setCurrentIndex(tab.by_box.findData(by))
        tab.show_button.click()
        idle()


def test_presets() -> None:
    wednesday = dt.date(2026, 3, 18)
    assert preset_range("today", wednesday) == (wednesday, wednesday)
    assert preset_range("yesterday", wednesday) == (dt.date(2026, 3, 17),) * 2
    assert preset_range("week", wednesday) == (dt.date(2026, 3, 16), wednesday)
    assert preset_range("month", wednesday) == (dt.date(2026, 3, 1), wednesday)
    # whole weeks and months before this one (QA s18a F8), across a year's end too
    assert preset_range("last_week", wednesday) == (dt.date(2026, 3, 9), dt.date(2026, 3, 15))
    assert preset_range("last_month", wednesday) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    new_year = dt.date(2027, 1, 4)  # a Monday
    assert preset_range("last_month", new_year) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert preset_range("last_week", new_year) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))


def test_redemptions_drill_down_and_station_grouping(qtbot: QtBot, shop: Shop) -> None:
    code = sold_and_redeemed(shop)
    tab = open_tab(qtbot, shop)
    assert tab.report_name() == "redemptions" and tab.grouping() == "day"
    today = redeemed_on(shop)
    show_days(tab, today, today)
    [row] = [r for r in tab.shown_rows() if r["group"] == today]
    assert (row["redeemed"], row["refused"]) == (2, 1)
    assert sum(tab.chart.panels[0].values) == 2 and sum(tab.chart.panels[1].values) == 19800
    tab.drill_down(tab.model.index(tab.model.row_of(lambda r: r["group"] == today), 0))
    idle()
    details = tab.detail_model.rows()
    assert [d.reason for d in details].count("redeemed") == 2
    assert details[-1].customer == "王女士" and code in {d.code for d in details}
    choose(tab, "redemptions", "station")
    assert {r["group"]: r["net"] for r in tab.shown_rows()} == {"前台 1": 2, "Till 2": 0}
    for preset in range(tab.range_box.count()):
        tab.range_box.setCurrentIndex(preset)
        idle()
    assert tab.from_edit.isEnabled()  # custom
    tab.from_edit.setDate(QDate(2020, 1, 1))
    tab.to_edit.setDate(QDate(2019, 1, 1))
    tab.show_button.click()
    assert "before" in tab.message.text()


def test_every_report_shows_and_liability_lists_customers(qtbot: QtBot, shop: Shop) -> None:
    sold_and_redeemed(shop)
    tab = open_tab(qtbot, shop)
    choose(tab, "sales", "method")
    assert tab.model.data(tab.model.index(0, 0)) == "WeChat Pay"
    choose(tab, "liability")
    assert tab.range_box.isEnabled()  # the days of the gift cards' breakage
    [owed] = tab.shown_rows()
    assert (owed["uses_left"], owed["value"]) == (8, 15840)
    assert tab.section_box.isVisible() and tab.section_box.currentData() == "to_call"
    assert tab.call_model.rows()[0]["customer"] == "王女士"
    assert tab.detail_table.model() is tab.call_model
    choose(tab, "stock")
    assert tab.shown_rows() == []


def test_liability_shows_gift_card_balances_and_breakage(qtbot: QtBot, shop: Shop) -> None:
    card = products.add_product(shop, "礼品卡 100", "90", "giftcard", value="100")
    order = orders.create_order(shop, [(card.id, 2)], "李先生")
    fulfilment.pay_order(shop, order.id, "cash")
    tab = open_tab(qtbot, shop)
    choose(tab, "liability")
    assert "Gift cards" in tab.summary.text() and "200.00" in tab.summary.text()
    tab.section_box.setCurrentIndex(tab.section_box.findData("giftcards"))
    assert tab.detail_table.model() is tab.call_model
    [row] = tab.call_model.rows()
    assert (row["group"], row["cards"], row["balance"]) == ("礼品卡 100", 2, 20000)
    assert tab.call_model.headerData(2, Qt.Orientation.Horizontal) == "Balance"
    # QA s20b F7: the first column was titled "group", and a figure's column stretched over
    # most of the width; the product's is the one that takes the room left
    assert tab.call_model.headerData(0, Qt.Orientation.Horizontal) == "Product"
    header = tab.detail_table.horizontalHeader()
    modes = [header.sectionResizeMode(i) for i in range(header.count())]
    assert modes[0] == QHeaderView.ResizeMode.Stretch
    assert modes[1:] == [QHeaderView.ResizeMode.Interactive] * (header.count() - 1)
    tab.section_box.setCurrentIndex(tab.section_box.findData("to_call"))
    product = [tab.call_model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(header.count())].index("Product")
    assert header.sectionResizeMode(product) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    choose(tab, "sales")
    assert not tab.section_box.isVisible()


def test_export_buttons_write_csv_and_xlsx(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    sold_and_redeemed(shop)
    tab = open_tab(qtbot, shop)
    choose(tab, "sales", "product")
    for button, name in ((tab.csv_button, "s.csv"), (tab.xlsx_button, "s.xlsx")):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
        assert tab.file_dialog is not None and tab.file_dialog.isVisible()
        tab.file_dialog.close()
        tab.export_to(str(tmp_path / name))
        idle()
        assert "Saved" in tab.message.text()
    assert (tmp_path / "s.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert "Sales" in sheet["A1"].value  # the heading, then the header row
    assert sheet["A2"].value == "Product" and sheet["A3"].value == "洗车五次卡"


def test_print_button_and_pdf(qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    sold_and_redeemed(shop)
    tab = open_tab(qtbot, shop)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert tab.print_dialog is not None
    tab.print_dialog.reject()
    out = tmp_path / "report.pdf"
    printer = pdf_printer(out)
    assert tab.print_to(printer)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(
        b"/Type /Page ") + data.count(b"/Type/Page") >= 1


def test_the_drill_down_shows_a_gift_cards_amount_and_the_text_typed(qtbot: QtBot,
                                                                      shop: Shop) -> None:
    """QA s11b F9: a gift card's spend showed no amount; a typo showed nothing of the text."""
    card = products.add_product(shop, "100元礼品卡", "100", "giftcard")
    [issued] = fulfilment.pay_order(shop, orders.create_order(shop, [(card.id, 1)], "王五").id)
    assert redemption.redeem(shop, issued.payload, "收银台1").reason == "amount_required"
    assert redemption.redeem(shop, issued.payload, "收银台1", amount_cents=3550).ok
    assert not redemption.redeem(shop, "0403-QSGR-57PC-JNHP2", "收银台1").ok
    tab = open_tab(qtbot, shop)
    today = dt.date.today()
    [row] = [r for r in tab.shown_rows() if r["group"] == today]
    assert (row["redeemed"], row["refused"]) == (1, 1)  # the amount prompt is no refusal
    tab.drill_down(tab.model.index(tab.model.row_of(lambda r: r["group"] == today), 0))
    idle()
    model = tab.detail_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    voucher, amount = titles.index("Voucher"), titles.index("Amount")
    shown = [(model.data(model.index(r, voucher)), model.data(model.index(r, amount)))
             for r in range(model.rowCount())]
    assert shown == [("0403-QSGR-57PC-JNHP2", ""), (issued.code, "¥35.50")]
