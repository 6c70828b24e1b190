"""What the Reports tab asks for: the reports (their names are in ``messages.labels``), the
day presets, and the loading itself, which runs on the worker thread and hands back plain rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.core import report_tables
from desktop_app.core.dates import preset_range
from desktop_app.core.report_tables import Report
from desktop_app.core.store import Shop
from desktop_app.i18n import QT_TRANSLATE_NOOP

RANGES = {
    "today": QT_TRANSLATE_NOOP("ReportsTab", "Today"),
    "yesterday": QT_TRANSLATE_NOOP("ReportsTab", "Yesterday"),
    "week": QT_TRANSLATE_NOOP("ReportsTab", "This week"),
    "last_week": QT_TRANSLATE_NOOP("ReportsTab", "Last week"),
    "month": QT_TRANSLATE_NOOP("ReportsTab", "This month"),
    "last_month": QT_TRANSLATE_NOOP("ReportsTab", "Last month"),
    "year": QT_TRANSLATE_NOOP("ReportsTab", "This year"),
    "last_year": QT_TRANSLATE_NOOP("ReportsTab", "Last year"),
    "all": QT_TRANSLATE_NOOP("ReportsTab", "All time"),
    "custom": QT_TRANSLATE_NOOP("ReportsTab", "Custom"),
}
# Reports read for chosen days; liability's days are those of its gift-card breakage.
DATED = ("redemptions", "sales", "liability")
__all__ = ["CHARTED", "DATED", "RANGES", "Loaded", "Panel", "load", "preset_range"]


Panel = tuple[str, list[dt.date], list[int]]  # (which, days, values) for the chart
# What the chart shows per day, and the report grouped by day it comes from.
CHARTED = ("redemptions", "sales")


@dataclass(frozen=True)
class Loaded:
    report: Report
    panels: list[Panel]
    shop_name: str  # for the heading of a file or a page
    first_day: dt.date | None = None  # the shop's first with data: where "All time" starts


def load(shop: Shop, name: str, by: str, start: dt.date, end: dt.date) -> Loaded:
    """On the worker thread: the report, redemptions and sales per day for the chart, and the
    shop's name (a database read too). A report per day is its own panel: its days are not
    read twice (QA s14a F9)."""
    report = report_tables.run_report(shop, name, by, start, end)
    first_day = report_tables.first_day_with_data(shop)  # where "All time" starts
    if name not in DATED:  # card-key stock is as of now: no days to chart (QA)
        return Loaded(report, [], shop.name, first_day)
    if end < start:
        return Loaded(report, [(which, [], []) for which in CHARTED], shop.name, first_day)
    panels = [_panel(report if (name, by) == (which, "day") else
                     report_tables.run_report(shop, which, "day", start, end))
              for which in CHARTED]
    return Loaded(report, panels, shop.name, first_day)


def _panel(per_day: Report) -> Panel:
    return per_day.name, [r["group"] for r in per_day.rows], [r["net"] for r in per_day.rows]
