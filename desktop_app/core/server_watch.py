"""A counter's watch on the shop's server: what other counters changed (LISTEN/NOTIFY,
mapped through ``core.events``) and whether the server can be reached at all.

One ``ServerWatch`` holds its own connection, outside peewee, so waiting for notifications never
holds up the worker thread that runs the shop's queries. ``poll`` waits up to ``timeout``
seconds and says what it saw; a lost connection is reported as unreachable and retried on the
next poll, so the counter recovers by itself when the server is back. Each poll also reads the
server's clock (the query that proves the server is there): how far this PC's clock is from
it, for ``server_clock.follow`` (see there).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from psycopg.conninfo import make_conninfo

from desktop_app.core import dialect, events, pg_connection, server_clock
from desktop_app.core.errors import ShopError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchResult:
    reachable: bool
    changes: frozenset[str] = frozenset()
    # Why not (reachable False): unreachable, or a server that answers and refuses this PC
    # (its login, no free connection): "wait until it is back" would not be true (QA s39b F11).
    problem: ShopError | None = field(default=None, compare=False)
    clock_offset: dt.timedelta | None = None  # the server's clock minus this PC's


class ServerWatch:
    def __init__(self, url: str,
                 own_pids: Callable[[], frozenset[int]] = frozenset) -> None:
        self.url = pg_connection.check_url(url)
        self.own_pids = own_pids  # our own connections' changes are announced locally
        self._conn: psycopg.Connection[tuple[object, ...]] | None = None

    def _connection(self) -> psycopg.Connection[tuple[object, ...]]:
        if self._conn is None or self._conn.closed:
            conninfo = make_conninfo(  # with the link's timeouts: a pulled cable shows
                self.url, connect_timeout=pg_connection.CONNECT_TIMEOUT_S,
                application_name="Voucher Shop watch", **pg_connection.LINK_TIMEOUTS)
            conn = psycopg.connect(conninfo, autocommit=True)
            conn.execute(f"LISTEN {dialect.CHANGES_CHANNEL}")
            self._conn = conn
        return self._conn

    def poll(self, timeout: float) -> WatchResult:
        """Wait up to ``timeout`` s for other counters' changes; whether the server answers."""
        kinds: set[str] = set()
        try:
            conn = self._connection()
            own = self.own_pids()
            for notice in conn.notifies(timeout=timeout):
                if notice.pid not in own:
                    kinds.add(notice.payload)
            # A quiet server must still prove it is there: by telling its time.
            offset = server_clock.measure(conn.execute)
        except psycopg.Error as exc:
            problem = pg_connection.server_error(exc, self.url)
            log.info("the shop's server does not answer: %s (%s)", type(exc).__name__,
                     problem.code)
            self.close()
            return WatchResult(False, problem=problem)
        changes: set[str] = set()
        for kind in kinds:
            changes |= events.CHANGES_BY_AUDIT_KIND.get(kind, events.CHANGES)
        return WatchResult(True, frozenset(changes), clock_offset=offset)

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
            self._conn = None
