"""A separate process redeeming vouchers, for the exactly-once race test (on the file, or on
the server when ``database_url`` is given: each process then acts as another counter PC)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core import redemption
from desktop_app.core.engine import ShopLocation

OWNER, OWNER_PASSWORD = "Alice", "correct horse 42"


def redeem_many(folder: str, payloads: list[str], rounds: int,
                station: str, database_url: str | None = None) -> list[tuple[str, str]]:
    """Try every payload ``rounds`` times; the (payload, reason) of each attempt."""
    results = []
    location = ShopLocation(Path(folder), database_url)
    if database_url is None:
        from desktop_app.core.store import open_shop

        opened = open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=30_000)
    else:
        opened = location.open(OWNER, OWNER_PASSWORD)
    with opened as shop:
        for _ in range(rounds):
            for payload in payloads:
                verdict = redemption.redeem(shop, payload, station)
                results.append((payload, verdict.reason))
    return results
