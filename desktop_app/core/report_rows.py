"""What every owner's report is made of: columns, rows and totals, and the grouping of rows
per local day.

Per local day it is ranges of an index between local midnights' UTC instants (see
``per_local_day``), so days follow the shop PC's time zone, daylight saving included, while
the database keeps UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import SQL, Expression, Value, fn

from desktop_app.core import dialect
from desktop_app.core.dates import local_midnight_utc, utc_now
from desktop_app.core.models import Operator, Product, database_proxy

# Group by the key selected first, by position: PostgreSQL does not see a key with bound
# parameters (the portable per-day CASE) in GROUP BY as the same expression as in SELECT.
FIRST_COLUMN = SQL("1")


@dataclass(frozen=True)
class Column:
    key: str
    kind: str  # text | int | money | date | datetime (aware UTC) | bool


@dataclass
class Report:
    """One report: rows keyed by column, money in integer cents, days as ``dt.date``.

    ``sections`` are further row lists under a name (liability: the customers to call, and
    gift-card balances); a section with its own ``section_totals`` is printed as rows and
    totals, like the report itself.
    """

    name: str
    by: str
    start: dt.date | None
    end: dt.date | None
    currency: str
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]]
    totals: dict[str, Any]
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    section_totals: dict[str, dict[str, Any]] = field(default_factory=dict)
    as_of: dt.datetime = field(default_factory=utc_now)  # when it was read (UTC)


def within(column: Any, low: dt.datetime | None, high: dt.datetime | None) -> Expression:
    """``low <= column < high``, either end open when None."""
    condition: Expression = column.is_null(False)
    if low is not None:
        condition &= column >= low
    if high is not None:
        condition &= column < high
    return condition


def totals_of(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {c.key: sum(r[c.key] for r in rows) for c in columns if c.kind in ("int", "money")}


def days_from(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def utc(value: object) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def first_and_last(column: Any, where: Expression) -> tuple[Any, Any]:
    """The least and greatest value of an indexed ``column``, one query each: each is then
    one end of the index, where MIN and MAX in one query read every row between them."""
    model = column.model
    return (model.select(fn.MIN(column)).where(where).scalar(),
            model.select(fn.MAX(column)).where(where).scalar())


def per_local_day(column: Any, span: tuple[dt.date, dt.date] | None,
                  grouped: Callable[[Any, Expression], Iterable[tuple[Any, ...]]],
                  rows: Expression | None = None, dense: bool = False
                  ) -> dict[str, tuple[Any, ...]]:
    """``grouped(key, window)`` per local day of ``span``, its key that day as ``YYYY-MM-DD``.

    Days follow the shop PC's time zone, daylight saving included: a day is the range of the
    index on ``column`` between two UTC instants (23 or 25 hours on a change). Days whose
    midnights are all as far from UTC (a zone without daylight saving: all of them) are one
    query over their whole range, the key the local day of each row's UTC time plus that
    offset, so five years of sales are a few queries, not thousands (QA s14a F9); a day at a
    change alone is its own query, its key a constant. ``dense``: many rows a day (redemption
    attempts), where a query per day, which reads its range without sorting, is the faster
    (a year of 500 000 attempts: a third of the time of one grouped query).
    ``rows``: what the index holds before ``column`` (orders: their status), else the first
    and last day are looked for through the whole index."""
    if span is None:
        return {}
    # Only the days between the first and last row: the others are empty.
    bounds = within(column, local_midnight_utc(span[0]),
                    local_midnight_utc(span[1] + dt.timedelta(days=1)))
    if rows is not None:
        bounds &= rows
    first, last = first_and_last(column, bounds)
    if first is None:
        return {}
    span = (max(span[0], utc(first).astimezone().date()),
            min(span[1], utc(last).astimezone().date()))
    found: dict[str, tuple[Any, ...]] = {}
    runs = [(day, day, None) for day in days_from(*span)] if dense else same_offset_runs(span)
    for low_day, high_day, offset in runs:
        key = (Value(low_day.isoformat()) if offset is None or low_day == high_day
               else local_day_of(column, offset))
        window = within(column, local_midnight_utc(low_day),
                        local_midnight_utc(high_day + dt.timedelta(days=1)))
        for row in grouped(key, window):
            found[str(row[0])] = row[1:]
    return found


def _ahead_of_utc(day: dt.date) -> dt.timedelta:
    """How far local time is ahead of UTC at the start of local day ``day``."""
    midnight = dt.datetime(day.year, day.month, day.day)
    return midnight - local_midnight_utc(day).replace(tzinfo=None)


def same_offset_runs(span: tuple[dt.date, dt.date]
                     ) -> list[tuple[dt.date, dt.date, dt.timedelta | None]]:
    """The days of ``span`` as runs (first, last, offset) whose every midnight, the one after
    the last too, is ``offset`` ahead of UTC: a moment of the run is on the local day of its
    UTC time plus the offset. A day that ends at another offset than it starts (a daylight
    saving change) is a run of its own, offset None."""
    runs: list[tuple[dt.date, dt.date, dt.timedelta | None]] = []
    ahead = _ahead_of_utc(span[0])
    for day in days_from(*span):
        ahead_at_end = _ahead_of_utc(day + dt.timedelta(days=1))
        if ahead_at_end != ahead:
            runs.append((day, day, None))
        elif runs and runs[-1][2] == ahead:
            runs[-1] = (runs[-1][0], day, ahead)
        else:
            runs.append((day, day, ahead))
        ahead = ahead_at_end
    return runs


def local_day_of(column: Any, ahead: dt.timedelta) -> Any:
    """The local day (``YYYY-MM-DD``) of a UTC ``column`` ``ahead`` of UTC, as SQL."""
    seconds = int(ahead.total_seconds())
    if dialect.is_server(database_proxy.obj):
        day = fn.DATE(column + SQL(f"INTERVAL '{seconds} seconds'"))
    else:
        day = fn.DATE(column, f"{seconds:+d} seconds")
    return day.coerce(False)  # a day, not read back as the column's datetime


def group_by_key(query: Any, key: Any) -> Any:
    """GROUP BY the key, unless it is one day's constant: then one aggregate row, no sort."""
    return query if isinstance(key, Value) else query.group_by(FIRST_COLUMN)


def day_span(column: Any, start: dt.date | None, end: dt.date | None,
             where: Expression) -> tuple[dt.date, dt.date] | None:
    """The local days to group by: the chosen range, or the data's own first and last day."""
    if start is not None and end is not None:
        return start, end
    low, high = first_and_last(column, where)
    if low is None:
        return None
    return start or utc(low).astimezone().date(), end or utc(high).astimezone().date()


# Longer spans list the days from the first with data to the last only: 2026 to 9999 was
# 2.9 million rows of zeros, 4 GB and a workbook Excel cannot open (QA s11a F4).
MOST_EMPTY_DAYS = 3 * 366


def grouped_days(rows: dict[Any, dict[str, Any]], span: tuple[dt.date, dt.date] | None,
                 empty: dict[str, Any]) -> list[dict[str, Any]]:
    """Every day of the span, days without data as zeros (a chart shows the gaps); a span of
    more than three years only between its first and last day with data."""
    if span is None:
        return []
    if (span[1] - span[0]).days > MOST_EMPTY_DAYS:
        if not rows:
            return []
        days = sorted(dt.date.fromisoformat(str(day)) for day in rows)
        span = (max(span[0], days[0]), min(span[1], days[-1]))
    return [{"group": day, **rows.get(day.isoformat(), empty)} for day in days_from(*span)]


def group_names(by: str) -> dict[Any, str]:
    """The names of the ids a report grouped by (reports group by id, and name after)."""
    if by == "operator":
        return {o.id: o.name for o in Operator.select(Operator.id, Operator.name)}
    if by == "product":
        return {p.id: p.name for p in Product.select(Product.id, Product.name)}
    return {}


def by_net(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups other than days: the biggest net first, then by name."""
    return sorted(rows, key=lambda r: (-r["net"], str(r["group"])))
