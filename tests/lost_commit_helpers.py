"""A COMMIT whose answer is lost, on the test's real PostgreSQL server (as QA s13a made it).

The server is told to wait, before it answers a COMMIT, for a standby that does not exist
(``synchronous_standby_names``): the commit is durable there but never acknowledged. The
backend waiting so is then ended from another connection: the transaction stays committed,
the client hears only that the connection broke. ``refuse_connections`` also keeps the
database from taking new connections, a server that has not come back yet.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from typing import Any

WAIT_FOR_COMMIT_S = 20.0


@contextlib.contextmanager
def commit_answers_withheld(pg_server: Any) -> Iterator[None]:
    """Every COMMIT that changes something waits for its answer until the block ends."""
    pg_server.psql("ALTER SYSTEM SET synchronous_standby_names = 'nobody'")
    pg_server.psql("SELECT pg_reload_conf()")
    time.sleep(0.3)  # the backends take the new setting at their next command
    try:
        yield
    finally:
        allow_connections(pg_server, None)
        pg_server.psql("ALTER SYSTEM RESET synchronous_standby_names")
        pg_server.psql("SELECT pg_reload_conf()")


def waiting_commit(pg_server: Any, database: str) -> int:
    """The backend of ``database`` whose COMMIT waits for its acknowledgement."""
    deadline = time.monotonic() + WAIT_FOR_COMMIT_S
    while time.monotonic() < deadline:
        pid = pg_server.psql("SELECT pid FROM pg_stat_activity WHERE datname = "
                             f"'{database}' AND wait_event = 'SyncRep' LIMIT 1")
        if pid:
            return int(pid)
        time.sleep(0.05)
    raise AssertionError("no COMMIT waited for its answer")


def cut_the_waiting_commit(pg_server: Any, database: str, *,
                           refuse_connections: bool = False) -> None:
    """Ends the connection whose COMMIT waits (once there is one): committed, answer lost;
    ``refuse_connections``: the server then stays away (until ``allow_connections``)."""
    pid = waiting_commit(pg_server, database)
    if refuse_connections:  # every connection of the shop's database ends, none comes back
        allow_connections(pg_server, database, False)
        pg_server.psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                       f"datname = '{database}' AND pid <> pg_backend_pid()")
    pg_server.psql(f"SELECT pg_terminate_backend({pid})")


_refused: list[str] = []


def allow_connections(pg_server: Any, database: str | None, allow: bool = True) -> None:
    """``database`` takes new connections again (or not); None: every one refused so far."""
    names = [database] if database is not None else list(_refused)
    for name in names:
        # Its own commit must not wait for the standby that does not exist.
        pg_server.psql(f"SET synchronous_commit = local; "
                       f"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {str(allow).lower()}")
        if allow and name in _refused:
            _refused.remove(name)
        elif not allow:
            _refused.append(name)
