"""A shop in a file goes by this PC's clock; its newest record is the only other clock it has
(QA s19a F1, F3).

A server shop follows the server's clock (``core.server_clock``). A file shop cannot: every
sale, redemption, expiry check and report goes by this PC's date. A PC with a wrong date
(a dead CMOS battery, a date set by hand) sold a voucher valid only a year later and refused
genuine passes as expired, and nothing said why. What a file does hold is the time of its
newest record, and two things about it are telling:

- Records dated after this PC's clock (beyond ``BEHIND_AFTER``) can only come from a clock
  that was ahead then or is behind now.
- This PC's date far after the newest record when the shop opened (``AHEAD_AFTER``): a shop
  is rarely idle that long, so it is asked as a question (a shop may close for a holiday).
  Measured at the open, as this session's own records soon become the newest.

Cheap by design: one query (an index's maximum, and the newest events by id) when the file
is connected and again every few minutes from the window (``RECHECK_EVERY``), never on a
redemption's path; the verdicts read the answer kept here. Nothing stored is changed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from peewee import DatabaseError, OperationalError

from desktop_app.core import dates
from desktop_app.core.models import AuditEvent, RedemptionAttempt

log = logging.getLogger(__name__)

BEHIND_AFTER = dt.timedelta(minutes=10)
AHEAD_AFTER = dt.timedelta(days=30)
RECHECK_EVERY = dt.timedelta(minutes=5)
_RECENT_EVENTS = 500  # events are read newest first by id: a bounded read, no index needed

# The newest attempt by the report index that starts with its time; the newest events by id,
# since events have no index by time (an event written while the clock was ahead, then
# others after it was put right, is still among the last few hundred).
NEWEST_QUERY = (
    f"SELECT MAX(newest) FROM ("
    f"SELECT MAX(created_at) AS newest FROM {RedemptionAttempt._meta.table_name} "
    f"UNION ALL SELECT MAX(at) FROM (SELECT at FROM {AuditEvent._meta.table_name} "
    f"ORDER BY id DESC LIMIT {_RECENT_EVENTS}))")


@dataclass(frozen=True)
class Reference:
    """The newest record's time when the file was connected, and at the last recheck."""

    at_open: dt.datetime | None
    newest: dt.datetime | None
    pc_ahead_at_open: bool  # this PC's date was ``AHEAD_AFTER`` past ``at_open`` then


_reference: Reference | None = None  # None: no file shop open (or a server's)


def newest_record(execute: Callable[[str], Any]) -> dt.datetime | None:
    """The time of the shop's newest record (UTC); None for a shop with none, or none
    readable (a database not made yet, an old or damaged one: nothing to compare)."""
    try:
        value = execute(NEWEST_QUERY).fetchone()[0]
    except (DatabaseError, OperationalError) as exc:
        log.info("the newest record's time could not be read: %s", type(exc).__name__)
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def measure_at_open(execute: Callable[[str], Any]) -> None:
    """The file was connected: its newest record is this session's reference."""
    global _reference
    newest = newest_record(execute)
    ahead = newest is not None and dates.utc_now() - newest > AHEAD_AFTER
    _reference = Reference(newest, newest, ahead)
    said = suspicion()
    if said is not None:
        log.warning("this PC's clock is %.0f s %s the shop's newest record", abs(
            said.total_seconds()), "ahead of" if said < dt.timedelta(0) else "behind")


def recheck(execute: Callable[[str], Any]) -> dt.timedelta | None:
    """Read the newest record's time again (the window does, every ``RECHECK_EVERY``):
    records made since, a clock set right meanwhile. The suspicion now."""
    global _reference
    if _reference is not None:
        _reference = replace(_reference, newest=newest_record(execute))
    return suspicion()


def forget() -> None:
    """No file shop to compare with: a server's connected, or the shop closed."""
    global _reference
    _reference = None


def latest_known(now: dt.datetime) -> dt.datetime:
    """The time a voucher's expiry is judged at: ``now``, or the shop's newest record's time
    while this PC's clock is behind it (QA s21a F3: a clerk set the clock back and an expired
    pass was redeemed, dated inside its validity). Its start is still judged at ``now``: a
    voucher sold while the clock was ahead waits for its date (its records may be the wrong
    ones), so a voucher is usable only when both clocks agree. Reads nothing."""
    reference, said = _reference, suspicion()
    if reference is None or reference.newest is None or said is None or said < dt.timedelta(0):
        return now
    return max(now, reference.newest)


def suspicion() -> dt.timedelta | None:
    """The shop's newest record's time minus this PC's clock, when this PC's clock looks
    wrong by it (positive: this PC is behind the records; negative: far ahead of them);
    None when it looks right, or there is nothing to compare with. Reads nothing."""
    reference = _reference
    if reference is None:
        return None
    now = dates.utc_now()
    if reference.newest is not None and reference.newest - now > BEHIND_AFTER:
        return reference.newest - now
    if (reference.pc_ahead_at_open and reference.at_open is not None
            and now - reference.at_open > AHEAD_AFTER):
        return reference.at_open - now
    return None
