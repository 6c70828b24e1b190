"""Local calendar days and times: stored in UTC, shown and chosen in the local time zone.

The one set of date helpers; the screens and reports format with these.

Whose clock: on a shop kept on a server, the server's (QA s16a F2: a counter PC with a wrong
date recorded tomorrow in the shared shop and refused valid vouchers). ``utc_now`` is this
PC's clock corrected by the offset ``core.server_clock`` measures against the server at the
open and at each of the counter's server watch polls; a file shop has no other clock: 0.
"""

from __future__ import annotations

import datetime as dt

from desktop_app.core.errors import InvalidInput

_server_offset = dt.timedelta(0)  # the server's clock minus this PC's (see server_clock)


def pc_clock() -> dt.datetime:
    """This PC's own clock, uncorrected (a test puts a PC with a wrong date here)."""
    return dt.datetime.now(dt.UTC)


def utc_now() -> dt.datetime:
    """Now, by the shop's clock: the server's for a server shop, else this PC's."""
    return pc_clock() + _server_offset


def clock_offset() -> dt.timedelta:
    """How far the shop's clock is ahead of this PC's (negative: behind)."""
    return _server_offset


def set_clock_offset(offset: dt.timedelta) -> None:
    """Only ``core.server_clock`` sets it (measured) and resets it (a file shop, a close)."""
    global _server_offset
    _server_offset = offset


def local_today() -> dt.date:
    """Today's local calendar day, by the shop's clock (the reports' "Today")."""
    return utc_now().astimezone().date()


def preset_range(preset: str, today: dt.date,
                 first_day: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The local days (first, last) a report's day preset names on local day ``today``: today,
    yesterday, week, last_week, month, last_month, year, last_year, all (else today); weeks
    start on Monday. Last week, month and year are whole; this week, month and year, and all
    time, end today. All time starts on the shop's ``first_day`` with data
    (``report_tables.first_day_with_data``); a shop without any: today."""
    if preset == "all":
        return min(first_day or today, today), today
    if preset == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if preset == "yesterday":
        day = today - dt.timedelta(days=1)
        return day, day
    monday = today - dt.timedelta(days=today.weekday())
    if preset == "week":
        return monday, today
    if preset == "last_week":
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last_day = today.replace(day=1) - dt.timedelta(days=1)
        return last_day.replace(day=1), last_day
    if preset == "year":
        return today.replace(month=1, day=1), today
    return today, today


def local_midnight_utc(day: dt.date) -> dt.datetime:
    """The start of a local calendar day, as an aware UTC datetime (DST-aware)."""
    return dt.datetime(day.year, day.month, day.day).astimezone().astimezone(dt.UTC)


def _day_start_utc(day: dt.date) -> dt.datetime | None:
    """Where local day ``day`` starts; None at the calendar's first days, which no datetime
    in UTC can hold (0001-01-01: a script's "from the beginning")."""
    try:
        return local_midnight_utc(day)
    except (OverflowError, ValueError):
        return None


def _day_end_utc(day: dt.date) -> dt.datetime | None:
    """Where local day ``day`` ends; None at the calendar's last days (9999-12-31: "no end")."""
    try:
        return local_midnight_utc(day + dt.timedelta(days=1))
    except (OverflowError, ValueError):
        return None


def open_ended(start: dt.date | None, end: dt.date | None
               ) -> tuple[dt.date | None, dt.date | None]:
    """``start``..``end`` with a first or last day at the very ends of the calendar taken as no
    limit at all, as a script means it (QA s10b F6: "--to 9999-12-31" was an internal error)."""
    return (start if start is not None and _day_start_utc(start) is not None else None,
            end if end is not None and _day_end_utc(end) is not None else None)


def day_range(start: dt.date | None, end: dt.date | None
              ) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Local days ``start``..``end`` (inclusive) as a UTC half-open interval; None is open,
    and so is a day at the very ends of the calendar (see ``open_ended``)."""
    if start and end and end < start:
        raise InvalidInput(field="to", problem="before_start")
    low = _day_start_utc(start) if start else None
    high = _day_end_utc(end) if end else None
    return low, high


def local_time(moment: dt.datetime | None) -> str:
    """``YYYY-MM-DD HH:MM`` in local time; "" for no moment."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def local_seconds(moment: dt.datetime) -> str:
    """``YYYY-MM-DD HH:MM:SS`` in local time: a moment in a CSV, to the second."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def add_local_days(moment: dt.datetime, days: int) -> dt.datetime:
    """``days`` calendar days after ``moment`` at the same local clock time, in UTC: across a
    daylight-saving change N days are not N×24 hours (QA s20b F10: a Berlin voucher of 90
    days sold at 00:00 in October ended at 23:00 the day before, in December)."""
    wall = moment.astimezone().replace(tzinfo=None) + dt.timedelta(days=days)
    return wall.astimezone().astimezone(dt.UTC)  # a naive time is read as local, DST and all


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
