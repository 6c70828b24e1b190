"""QA s20a F3: an owner of three years wants last year's totals (the tax year) or everything;
the Days list had neither, only Custom with two typed dates. "Last year" is the whole local
calendar year before this one, "All time" every day up to today from the shop's first day with
data (not 2000-01-01, a day before the shop existed); both on both engines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from conftest import local_zone
from pytestqt.qtbot import QtBot

from desktop_app.core import orders, products, redemption, report_tables
from desktop_app.core.dates import local_today, preset_range
from desktop_app.core.models import Order
from desktop_app.core.store import Shop
from desktop_app.ui import tasks
from desktop_app.ui.reports.reports_tab import ReportsTab

SHOP_ENGINES = ("file", "server")
TODAY = dt.date(2026, 3, 18)


@pytest.fixture
def auckland() -> Iterator[None]:
    """The shop PC 13 hours ahead of UTC in January: its new year is UTC's 31 December."""
    with local_zone("Pacific/Auckland"):
        yield


def local(*parts: int) -> dt.datetime:
    return dt.datetime(*parts).astimezone()  # type: ignore[arg-type]


def test_last_year_is_the_whole_calendar_year_before_this_one() -> None:
    assert preset_range("last_year", TODAY) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert preset_range("last_year", dt.date(2027, 1, 1)) == (dt.date(2026, 1, 1),
                                                              dt.date(2026, 12, 31))
    assert preset_range("last_year", dt.date(2028, 12, 31)) == (dt.date(2027, 1, 1),
                                                                dt.date(2027, 12, 31))


def test_all_time_runs_from_the_first_day_with_data_to_today() -> None:
    assert preset_range("all", TODAY, dt.date(2019, 6, 1)) == (dt.date(2019, 6, 1), TODAY)
    assert preset_range("all", TODAY) == (TODAY, TODAY)  # a shop with no data yet


def refused(shop: Shop, preset: str, by: str = "station") -> int:
    first_day = report_tables.first_day_with_data(shop)
    report = report_tables.run_report(shop, "redemptions", by,
                                      *preset_range(preset, TODAY, first_day))
    return sum(int(row["refused"]) for row in report.rows)


@pytest.mark.usefixtures("auckland")
def test_the_presets_follow_local_midnights(shop: Shop) -> None:
    for moment in (local(2019, 6, 1, 12), local(2024, 12, 31, 23, 59, 59, 999_000),
                   local(2025, 1, 1), local(2025, 12, 31, 23, 59, 59, 999_000),
                   local(2026, 1, 1), local(2026, 3, 18, 23, 59)):
        redemption.redeem(shop, "garbage", "Front", now=moment)
    assert refused(shop, "last_year") == 2  # 2025's first and last moments only
    assert refused(shop, "year") == 2
    assert refused(shop, "all") == 6
    first_day = report_tables.first_day_with_data(shop)
    assert first_day == dt.date(2019, 6, 1)  # local: 2019-06-01 00:00 UTC in Auckland
    by_day = report_tables.run_report(shop, "redemptions", "day",
                                      *preset_range("all", TODAY, first_day))
    assert by_day.rows[0]["group"] == dt.date(2019, 6, 1)  # not 26 years of empty days
    assert by_day.rows[-1]["group"] == TODAY


@pytest.mark.usefixtures("temp_settings")
def test_the_days_list_offers_last_year_and_all_time(qtbot: QtBot, shop: Shop) -> None:
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    box = tab.range_box
    assert [box.itemText(i) for i in range(box.count())][-3:] == [
        "Last year", "All time", "Custom"]
    box.setCurrentIndex(box.findData("last_year"))
    first, last = tab.choices.days()
    assert (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
    assert last.year == first.year < dt.date.today().year
    box.setCurrentIndex(box.findData("all"))
    assert tasks.wait_until_idle(15_000)
    assert tab.choices.days()[0] == local_today()  # nothing sold or scanned yet: from today
    assert tab.report is not None and tab.report.start == local_today()


@pytest.mark.usefixtures("temp_settings")
def test_all_time_starts_on_the_first_order(qtbot: QtBot, shop: Shop) -> None:
    """Chosen before any read said the shop's first day: set to it once one does, read again."""
    tea = products.add_product(shop, "Tea", "12.00")
    first = local(2024, 5, 6, 9)
    taken = orders.create_order(shop, [(tea.id, 1)])
    Order.update(created_at=first).where(Order.id == taken.id).execute()  # taken that day
    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.range_box.setCurrentIndex(tab.range_box.findData("all"))
    tab.show()
    qtbot.waitUntil(lambda: tab.current_report() is not None, timeout=15_000)
    assert tab.choices.days() == (dt.date(2024, 5, 6), local_today())
    assert tab.from_edit.date().toString("yyyy-MM-dd") == "2024-05-06"
    assert tab.report is not None and tab.report.start == dt.date(2024, 5, 6)
