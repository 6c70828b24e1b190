"""The shop itself: storage, operators, inventory, orders, vouchers, redemption.

Nothing in this package imports Qt, so the command line, the GUI and the tests share it.
"""

import sys


def _import_peewee_without_server_drivers() -> None:
    """peewee imports psycopg as it is imported itself: ~100 ms and ~10 MiB (libpq, asyncio)
    for every command, which the embedded shop never uses. Imported with psycopg hidden,
    peewee leaves its driver unset; ``core.pg_connection`` imports psycopg and hands it to
    peewee when a shop is on a server. (``playhouse.migrate`` imports psycopg too, through its
    CockroachDB support: ``migrations`` imports it only to upgrade an older shop.)"""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" fails
    try:
        import peewee  # noqa: F401
    finally:
        del sys.modules["psycopg"]


_import_peewee_without_server_drivers()
