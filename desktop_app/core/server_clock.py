"""The server's clock is the shop's clock (QA s16a F2).

Several counters share one server; each PC's clock may be wrong (a dead CMOS battery, a date
set by hand). Were each PC's own time recorded, one such counter would write tomorrow into the
shared shop, refuse valid vouchers as expired and fall out of the owner's "Today". So this PC
measures how far its clock is from the server's, the round trip halved, and ``dates.utc_now``
adds that offset: every record, expiry check and "today" follows the server.

Measured when a connection to the server opens (each open or creation of the shop, each CLI
command) and again at each poll of the counter's server watch, in place of the query that
poll already ran: never on a redemption's path. A file shop has no other clock: offset 0, set
again when a file shop opens and when any shop closes.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.core import dates

log = logging.getLogger(__name__)

CLOCK_QUERY = "SELECT clock_timestamp()"  # the time now, not the transaction's start
WARN_AFTER = dt.timedelta(minutes=2)  # a PC this far off is told to its people
# Smaller changes are the network's jitter, not the clock's: kept as they were, so that
# times do not jump back and forth by milliseconds at every poll.
STEADY_WITHIN = dt.timedelta(seconds=1)


def measure(execute: Callable[[str], Any]) -> dt.timedelta:
    """The server's clock minus this PC's: ``execute`` runs a query on the server and gives
    a cursor (a psycopg connection's ``execute``, a peewee database's ``execute_sql``). The
    server's reading is taken as halfway through the round trip."""
    before = dates.pc_clock()
    server_now = execute(CLOCK_QUERY).fetchone()[0]
    after = dates.pc_clock()
    return server_now - (before + (after - before) / 2)


def follow(offset: dt.timedelta) -> bool:
    """The shop's clock follows the server's at ``offset`` from this PC's; whether that
    changed it. A PC found, or no longer found, well off the server is logged."""
    was = dates.clock_offset()
    if abs(offset - was) <= STEADY_WITHIN:
        return False
    dates.set_clock_offset(offset)
    if is_off(offset):
        log.warning("this PC's clock is %s of the server's (server minus PC: %.0f s); the "
                    "shop's times follow the server", _rough(offset), offset.total_seconds())
    elif is_off(was):
        log.info("this PC's clock now agrees with the server's")
    return True


def measure_and_follow(execute: Callable[[str], Any]) -> None:
    follow(measure(execute))


def use_this_pc() -> None:
    """No server to follow: a file shop opened, or the shop closed."""
    dates.set_clock_offset(dt.timedelta(0))


def is_off(offset: dt.timedelta) -> bool:
    return abs(offset) > WARN_AFTER


def off_by() -> dt.timedelta | None:
    """How far this PC's clock is behind the server's (negative: ahead), when that is worth
    telling anyone; None when it is close enough (or there is no server)."""
    offset = dates.clock_offset()
    return offset if is_off(offset) else None


@dataclass(frozen=True)
class Rough:
    """An offset as people say it: about ``count`` ``unit`` (minutes, hours or days; always
    2 or more, so every language's plural reads right), this PC ahead or behind."""

    count: int
    unit: str
    pc_ahead: bool


def rough(offset: dt.timedelta) -> Rough:
    minutes = round(abs(offset.total_seconds()) / 60)
    pc_ahead = offset < dt.timedelta(0)  # the server's clock is behind this PC's
    if minutes < 120:
        return Rough(max(minutes, 2), "minutes", pc_ahead)
    if minutes < 48 * 60:
        return Rough(round(minutes / 60), "hours", pc_ahead)
    return Rough(round(minutes / (24 * 60)), "days", pc_ahead)


def _rough(offset: dt.timedelta) -> str:
    """For the log (English, as the log is): "about 3 hours ahead"."""
    said = rough(offset)
    return f"about {said.count} {said.unit} {'ahead' if said.pc_ahead else 'behind'}"
