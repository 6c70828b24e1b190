"""Local calendar days and times: stored in UTC, shown and chosen in the local time zone.

The one set of date helpers; the screens and reports format with these.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.errors import InvalidInput


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def local_midnight_utc(day: dt.date) -> dt.datetime:
    """The start of a local calendar day, as an aware UTC datetime (DST-aware)."""
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def day_range(start: dt.date | None, end: dt.date | None
              ) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Local days ``start``..``end`` (inclusive) as a UTC half-open interval; None is open."""
    if start and end and end < start:
        raise InvalidInput(field="to", problem="before_start")
    low = local_midnight_utc(start) if start else None
    high = local_midnight_utc(end + dt.timedelta(days=1)) if end else None
    return low, high


def local_time(moment: dt.datetime | None) -> str:
    """``YYYY-MM-DD HH:MM`` in local time; "" for no moment."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def local_day(moment: dt.datetime | None) -> str:
    """``YYYY-MM-DD`` in local time; "" for no moment."""
    return moment.astimezone().strftime("%Y-%m-%d") if moment else ""


def valid_until_text(until: dt.datetime) -> str:
    """Until when a voucher works, as printed: its last local day when it ends at midnight;
    else the day and the time, since it ends then (QA: "Valid until 2026-12-31" for a voucher
    that ended at the hour it was sold, and the customer came in that afternoon)."""
    local = until.astimezone()
    if local.time() == dt.time(0, 0):
        return last_valid_day(until)
    return local.strftime("%Y-%m-%d %H:%M")


def last_valid_day(until: dt.datetime) -> str:
    """The last local day still valid: an end at local midnight belongs to the day before."""
    local = until.astimezone()
    if local.time() == dt.time(0, 0):
        local -= dt.timedelta(days=1)
    return local.strftime("%Y-%m-%d")
