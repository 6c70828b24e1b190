"""Separate processes for the integrity tests: redeeming under contention, and redeeming
until killed."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.core import redemption
from desktop_app.core.errors import ShopError
from desktop_app.core.store import open_shop

OWNER, OWNER_PASSWORD = "Owner", "owner-pass-123"


def redeem_all(folder: str, payloads: list[str], station: str) -> list[str]:
    """Every payload once, with a short busy_timeout so the lock is fought over; the reason
    of each attempt, or the error code a cashier would have seen."""
    results = []
    with open_shop(Path(folder), OWNER, OWNER_PASSWORD, busy_timeout_ms=20) as shop:
        for payload in payloads:
            try:
                results.append(redemption.redeem(shop, payload, station).reason)
            except ShopError as exc:
                results.append(exc.code)
    return results


def redeem_until_killed(folder: str, payloads: list[str]) -> None:
    """Print each payload redeemed, flushed, so the parent knows what was committed."""
    with open_shop(Path(folder), OWNER, OWNER_PASSWORD) as shop:
        print("open", flush=True)
        for payload in payloads:
            verdict = redemption.redeem(shop, payload, "killed")
            print(f"{verdict.reason} {payload}", flush=True)


if __name__ == "__main__":
    redeem_until_killed(sys.argv[1], sys.argv[2:])
