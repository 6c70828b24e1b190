"""The Reports tab on a 1024x768 screen: the columns that matter stay in view, nothing empty
takes room, the chart's labels are clear of its titles, the totals' punctuation is the
language's own, and exports are suggested in a sensible folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_ui_reports import choose, open_tab, redeemed_on, show_days

from desktop_app.core import fulfilment, orders, products, redemption
from desktop_app.core.store import Shop
from desktop_app.i18n import install_translator, remove_translators
from desktop_app.ui import settings, tasks
from desktop_app.ui.reports.chart import (
    NEGATIVE,
    REDEMPTIONS_COLOR,
    SALES_COLOR,
    DayChart,
    Series,
    axis_range,
    axis_top_text,
    panel_layout,
)
from desktop_app.ui.reports.report_export import export_folder
from desktop_app.ui.reports.reports_tab import ReportsTab

pytestmark = pytest.mark.usefixtures("temp_settings", "shop")

WAIT_MS = 15_000
TAB_SIZE = (1004, 560)  # the tab's share of a 1024x768 main window


def idle() -> None:
    assert tasks.wait_until_idle(WAIT_MS), "a background task did not finish"


def a_day_of_sales(shop: Shop) -> None:
    """Long product names, every payment method, and one redemption, as in the demo shop."""
    names = ("Yoga class ×10 瑜伽十次课", "Car wash ×5 洗车五次卡", "Game card ¥100 游戏充值卡")
    made = [products.add_product(shop, name, "199", uses=5, valid_days=30) for name in names]
    for product, method in zip(made, ("wechat", "alipay", "cash"), strict=True):
        order = orders.create_order(shop, [(product.id, 1)], "王女士", "13800001111")
        [voucher] = fulfilment.pay_order(shop, order.id, method)
    redemption.redeem(shop, voucher.code, "前台 1")


def assert_every_column_in_view(tab: ReportsTab) -> None:
    table = tab.table
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0, "the table needs horizontal scrolling"
    for column in range(header.count()):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= table.viewport().width()
    label_text = max((tab.model.data(tab.model.index(row, 0)) for row in range(
        tab.model.rowCount())), key=lambda text: table.fontMetrics().horizontalAdvance(text))
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(label_text), (
        "the label column is squeezed")


@pytest.mark.parametrize("by", ["product", "method"])
def test_sales_columns_fit_a_1024_screen(qtbot: QtBot, shop: Shop, by: str) -> None:
    a_day_of_sales(shop)
    tab = open_tab(qtbot, shop, TAB_SIZE)
    choose(tab, "sales", by)
    assert tab.model.rowCount() == 3
    assert_every_column_in_view(tab)
    assert tab.chart.isVisible() and tab.chart.height() >= tab.chart.minimumSizeHint().height()


def test_wide_screen_keeps_the_chart_beside_the_table(qtbot: QtBot, shop: Shop) -> None:
    a_day_of_sales(shop)
    tab = open_tab(qtbot, shop, TAB_SIZE)
    tab.resize(1900, 950)
    choose(tab, "sales", "product")
    assert tab.upper.orientation() == Qt.Orientation.Horizontal
    assert_every_column_in_view(tab)
    tab.resize(*TAB_SIZE)
    idle()
    assert tab.upper.orientation() == Qt.Orientation.Vertical
    assert_every_column_in_view(tab)


def test_grouping_box_shows_its_longest_choice(qtbot: QtBot, shop: Shop) -> None:
    tab = open_tab(qtbot, shop, TAB_SIZE)  # first shown with the redemptions' short groupings
    choose(tab, "sales")
    metrics = tab.by_box.fontMetrics()
    longest = max((tab.by_box.itemText(i) for i in range(tab.by_box.count())),
                  key=metrics.horizontalAdvance)
    assert longest == "Payment method"
    assert tab.by_box.width() >= metrics.horizontalAdvance(longest) + 20


def test_attempts_table_only_for_a_drilled_redemptions_row(qtbot: QtBot, shop: Shop) -> None:
    a_day_of_sales(shop)
    tab = open_tab(qtbot, shop, TAB_SIZE)
    for report in ("sales", "stock"):
        choose(tab, report)
        assert not tab.detail_table.isVisible() and not tab.drill_hint.isVisible()
    choose(tab, "liability")
    assert tab.detail_table.isVisible() and tab.detail_table.model() is tab.call_model
    choose(tab, "redemptions")
    assert tab.drill_hint.isVisible() and not tab.detail_table.isVisible()
    show_days(tab, redeemed_on(shop), redeemed_on(shop))
    index = tab.model.index(0, 0)
    rect = tab.table.visualRect(index)
    QTest.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    idle()
    qtbot.waitUntil(tab.detail_table.isVisible, timeout=WAIT_MS)
    assert tab.detail_model.rowCount() == 1 and tab.detail_table.height() > 60
    choose(tab, "sales")
    assert not tab.detail_table.isVisible()


@pytest.mark.parametrize("title", ["Net sales per day (CNY)", "每日核销次数"])
def test_chart_top_label_clear_of_the_panel_title(title: str) -> None:
    metrics = QFontMetricsF(QFont())
    layout = panel_layout(QRectF(0, 0, 480, 160), metrics, "2,000.00")
    assert layout.top_label.top() >= layout.title.bottom() + metrics.height() * 0.2
    assert layout.plot.top() > layout.top_label.top() and layout.plot.height() > 0
    assert layout.zero_label.bottom() <= 160


def test_totals_take_the_languages_own_colon(qtbot: QtBot, shop: Shop,
                                            qapp: QApplication) -> None:
    """The totals read "核销次数: 2", a half-width colon among full-width ones."""
    a_day_of_sales(shop)
    try:
        install_translator(qapp, "zh_CN")
        tab = open_tab(qtbot, shop, TAB_SIZE)
        choose(tab, "sales", "product")
        text = tab.summary.text()
    finally:
        remove_translators(qapp)
    assert "：3 · " in text and ": " not in text and ", " not in text


def test_export_suggests_documents_then_the_last_folder(
        qtbot: QtBot, shop: Shop, tmp_path: Path) -> None:
    a_day_of_sales(shop)
    tab = open_tab(qtbot, shop, TAB_SIZE)
    choose(tab, "sales", "day")
    first = export_folder()
    assert first != Path.home() or not (Path.home() / "Documents").is_dir()
    QTest.mouseClick(tab.csv_button, Qt.MouseButton.LeftButton)
    assert tab.file_dialog is not None
    assert Path(tab.file_dialog.directory().absolutePath()) == first
    tab.file_dialog.close()
    (tmp_path / "kept").mkdir()
    tab.export_to(str(tmp_path / "kept" / "sales.csv"))
    idle()
    assert (tmp_path / "kept" / "sales.csv").exists()
    assert settings.REPORT_EXPORT_FOLDER.text() == str(tmp_path / "kept")
    QTest.mouseClick(tab.xlsx_button, Qt.MouseButton.LeftButton)
    assert Path(tab.file_dialog.directory().absolutePath()) == tmp_path / "kept"
    report = tab.report
    assert report is not None  # the days are in the name too
    assert tab.file_dialog.selectedFiles()[0].endswith(
        f"sales-day-{report.start}_{report.end}.xlsx")
    tab.file_dialog.close()


def test_an_empty_chart_shows_its_words_alone_and_no_cent_axis(qtbot: QtBot) -> None:
    """QA item 6: "no data" ran across the second panel's title; a money axis read 0.01."""
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(7)]
    money = Series("Net sales per day (CNY)", days, [0] * 7, SALES_COLOR,
                   lambda cents: f"{cents / 100:.2f}")
    counts = Series("Redemptions per day", days, [0] * 7, REDEMPTIONS_COLOR, str)
    assert axis_top_text(money, 1) == ""
    assert axis_top_text(Series("", days, [0, 250], SALES_COLOR, money.label), 500) == "5.00"
    chart = DayChart()
    qtbot.addWidget(chart)
    chart.resize(480, 360)
    chart.set_panels([counts, money], "No redemptions or sales in these days.")
    image = chart.grab().toImage()
    background = image.pixelColor(1, 1)
    inked = [y for y in range(image.height())
             if any(image.pixelColor(x, y) != background for x in range(0, image.width(), 2))]
    line = QFontMetricsF(chart.font()).height()
    assert inked and inked[-1] - inked[0] <= 2 * line, (inked[0], inked[-1])  # one text only
    chart.set_panels([counts, money], "")  # without words: the empty panels, titled
    image = chart.grab().toImage()
    inked = [y for y in range(image.height())
             if any(image.pixelColor(x, y) != background for x in range(0, image.width(), 2))]
    assert inked[-1] - inked[0] > 100


def test_a_day_below_zero_hangs_a_red_bar_under_the_zero_line(qtbot: QtBot) -> None:
    """Refunds count on the day paid back: a day can net below zero, and the chart showed it
    as a day of nothing (QA s12d F2)."""
    days = [dt.date(2026, 11, 28) + dt.timedelta(days=i) for i in range(3)]
    money = Series("Net sales per day (CNY)", days, [5000, -405, -2502], SALES_COLOR,
                   lambda cents: f"{cents / 100:.2f}")
    assert axis_range(money.values) == (5000, -5000)
    assert axis_range([0, 0]) == (1, 0) and axis_range([-3]) == (0, -5)
    chart = DayChart()
    qtbot.addWidget(chart)
    chart.resize(480, 300)
    chart.set_panels([money])
    image = chart.grab().toImage()
    red = [(x, y) for x in range(image.width()) for y in range(image.height())
           if image.pixelColor(x, y) == NEGATIVE]
    green = [y for x in range(image.width()) for y in range(image.height())
             if image.pixelColor(x, y) == SALES_COLOR]
    assert red and green
    assert min(y for _x, y in red) >= max(green) - 1  # the red hangs below the green's base
    red_columns = {x * 3 // image.width() for x, _y in red}
    assert red_columns == {1, 2}  # the two days below zero, not the first
