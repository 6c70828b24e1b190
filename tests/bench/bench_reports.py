"""A month's redemption report over a million attempts, as a ratio to a bare SQL GROUP BY
of the same rows on the same encrypted file (the cost of reading them at all). Run:

    python tests/bench/bench_reports.py [--attempts 1000000]

The aim (issue 13): each report under 1 s for a month over 1M attempts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core import fulfilment, products, report_tables
from desktop_app.core.dates import day_range
from desktop_app.core.models import RedemptionAttempt, Voucher
from desktop_app.core.store import Shop, create_shop

MONTH_START = dt.date(2026, 3, 1)
MONTH_END = dt.date(2026, 3, 31)


def fill(shop: Shop, attempts: int) -> None:
    """``attempts`` rows spread over the month: most redeemed, some refused, a few undone."""
    product = products.add_product(shop, "Pass", "1.00", uses=1)
    fulfilment.issue_batch(shop, product.id, 1000)
    voucher_ids = [v.id for v in Voucher.select(Voucher.id)]
    operator = shop.operator.id
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    rng = random.Random(7)
    rows = []
    for i in range(attempts):
        ok = rng.random() < 0.9
        at = start + dt.timedelta(seconds=rng.randrange(31 * 86400))
        rows.append((rng.choice(voucher_ids), operator, f"Till {i % 4}", "x",
                     "redeemed" if ok else "expired", ok, 0, "",
                     at.replace(tzinfo=None).isoformat(sep=" ")))
    sql = ("INSERT INTO redemption_attempt (voucher_id, operator_id, station, scanned_text, "
           "reason, ok, uses_left_after, note, created_at) VALUES (?,?,?,?,?,?,?,?,?)")
    with shop.write():
        for offset in range(0, len(rows), 50_000):
            shop.db.cursor().executemany(sql, rows[offset:offset + 50_000])


def timed(action: object, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shop = create_shop(Path(tmp) / "shop", "Bench", "CNY", "owner", "bench-password")
        started = time.perf_counter()
        fill(shop, args.attempts)
        print(f"filled {RedemptionAttempt.select().count()} attempts in "
              f"{time.perf_counter() - started:.1f} s")
        low, high = day_range(MONTH_START, MONTH_END)
        bare = ("SELECT date(created_at), COUNT(*), SUM(ok) FROM redemption_attempt "
                "WHERE created_at >= ? AND created_at < ? GROUP BY 1")
        params = (low.replace(tzinfo=None).isoformat(sep=" "),  # type: ignore[union-attr]
                  high.replace(tzinfo=None).isoformat(sep=" "))  # type: ignore[union-attr]
        base = timed(lambda: shop.db.execute_sql(bare, params).fetchall())
        print(f"bare SQL GROUP BY        {base * 1000:8.1f} ms (1.00)")
        for name, by in (("redemptions", "day"), ("redemptions", "station"),
                         ("redemptions", "operator"), ("redemptions", "product")):
            took = timed(lambda n=name, b=by: report_tables.run_report(  # type: ignore[misc]
                shop, n, b, MONTH_START, MONTH_END))
            print(f"{name} by {by:<9} {took * 1000:8.1f} ms ({took / base:.2f}x)")
        shop.close()


if __name__ == "__main__":
    main()
