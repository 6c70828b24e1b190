"""A separate process redeeming vouchers, for the exactly-once race test."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core import redemption
from desktop_app.core.store import open_shop

OWNER, OWNER_PASSWORD = "Alice", "correct horse 42"


def redeem_many(folder: str, payloads: list[str], rounds: int,
                station: str) -> list[tuple[str, str]]:
    """Try every payload ``rounds`` times; the (payload, reason) of each attempt."""
    results = []
    with open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=30_000) as shop:
        for _ in range(rounds):
            for payload in payloads:
                verdict = redemption.redeem(shop, payload, station)
                results.append((payload, verdict.reason))
    return results


def redeem_uses(folder: str, payload: str, uses: int, tries: int,
                station: str) -> list[tuple[str, int | None]]:
    """Ask ``tries`` times for ``uses`` uses of one voucher; (reason, uses left) of each."""
    results = []
    with open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=30_000) as shop:
        for _ in range(tries):
            verdict = redemption.redeem(shop, payload, station, uses=uses)
            results.append((verdict.reason, verdict.uses_left))
    return results
