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


def spend_once(folder: str, payload: str, amount_cents: int, station: str) -> str:
    """Spend ``amount_cents`` from a gift card once; the verdict's reason."""
    with open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=30_000) as shop:
        return redemption.redeem(shop, payload, station, amount_cents=amount_cents).reason
