"""Sales per local day are read in runs of days (QA s14a F9: several queries per day took
minutes over years), redemptions a query per day: each row lands on its local day, across
daylight saving changes and in zones whose offset is not whole hours, on both engines."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from conftest import local_zone

from desktop_app.core import orders, products, redemption, report_tables
from desktop_app.core.models import Order
from desktop_app.core.report_rows import same_offset_runs
from desktop_app.core.store import Shop

SHOP_ENGINES = ("file", "server")  # each test on the embedded file and on the server

# (zone, the first day of a fortnight with a daylight saving change in it, or none)
ZONES = (
    ("Australia/Adelaide", dt.date(2026, 3, 29)),  # +10:30 to +9:30 on 2026-04-05
    ("America/St_Johns", dt.date(2026, 3, 1)),  # -3:30 to -2:30 on 2026-03-08
    ("Asia/Kathmandu", dt.date(2026, 3, 1)),  # +5:45 all year
    ("Europe/Berlin", dt.date(2026, 10, 19)),  # +2 to +1 on 2026-10-25
)
DAYS = 14


@pytest.fixture(params=ZONES, ids=[zone for zone, _ in ZONES])
def zone(request: pytest.FixtureRequest) -> Iterator[dt.date]:
    """The shop PC's time zone for the test; yields the fortnight's first day."""
    name, first = request.param
    with local_zone(name):
        yield first


def moments(first: dt.date) -> list[dt.datetime]:
    """Local moments just after and just before each midnight of the fortnight, and noon."""
    found = []
    for i in range(DAYS):
        day = first + dt.timedelta(days=i)
        for hour, minute, second, micro in ((0, 0, 0, 0), (12, 0, 0, 0), (23, 59, 59, 999_900)):
            found.append(dt.datetime(day.year, day.month, day.day, hour, minute, second,
                                     micro).astimezone())
    return found


def per_day(report: report_tables.Report, column: str) -> dict[dt.date, int]:
    return {row["group"]: row[column] for row in report.rows if row[column]}


def test_the_fortnight_is_read_in_runs(zone: dt.date) -> None:
    runs = same_offset_runs((zone, zone + dt.timedelta(days=DAYS - 1)))
    assert len(runs) < DAYS // 2
    assert [day for first, last, _ in runs
            for day in (first + dt.timedelta(days=i) for i in range((last - first).days + 1))
            ] == [zone + dt.timedelta(days=i) for i in range(DAYS)]


def test_redemptions_land_on_their_local_day(shop: Shop, zone: dt.date) -> None:
    seen = moments(zone)
    for moment in seen:
        redemption.redeem(shop, "garbage", "Front", now=moment)
    expected = Counter(moment.astimezone().date() for moment in seen)
    last = zone + dt.timedelta(days=DAYS - 1)
    for start, end in ((zone, last), (zone - dt.timedelta(days=40), last + dt.timedelta(40))):
        report = report_tables.run_report(shop, "redemptions", "day", start, end)
        assert per_day(report, "refused") == dict(expected)


def test_sales_land_on_their_local_day(shop: Shop, zone: dt.date) -> None:
    from desktop_app.core import fulfilment

    wash = products.add_product(shop, "Wash", "10", uses=1)
    seen = moments(zone)[::2]
    for moment in seen:
        order = orders.create_order(shop, [(wash.id, 1)])
        fulfilment.pay_order(shop, order.id, "cash")
        Order.update(paid_at=moment).where(Order.id == order.id).execute()
    expected = Counter(moment.astimezone().date() for moment in seen)
    report = report_tables.run_report(shop, "sales", "day", zone - dt.timedelta(days=3),
                                      zone + dt.timedelta(days=DAYS + 3))
    assert per_day(report, "orders") == dict(expected)
    assert per_day(report, "revenue") == {day: n * 1000 for day, n in expected.items()}
