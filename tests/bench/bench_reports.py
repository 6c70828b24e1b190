"""A month's redemption report over a million attempts, as a ratio to a bare SQL GROUP BY
of the same rows on the same encrypted file (the cost of reading them at all). Run alone:

    python tests/bench/bench_reports.py [--attempts 1000000]

or as the group "reports" of ``tests/bench/run.py``. The aim (issue 13): each grouping under
1 s for a month over 1M attempts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import bench_export  # beside this file: on the path of a script run from here

from desktop_app.core import auth, fulfilment, products, report_tables
from desktop_app.core.dates import day_range
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop, create_shop

MONTH_START = dt.date(2026, 3, 1)
MONTH_END = dt.date(2026, 3, 31)
GROUPINGS = ("day", "operator", "station", "product")
CHUNK = 50_000
INSERT = ("INSERT INTO redemption_attempt (voucher_id, operator_id, station, scanned_text, "
          "reason, ok, uses_left_after, note, created_at, undo_of_id) "
          "VALUES (?,?,?,?,?,?,?,?,?,?)")
SPEND = ("INSERT INTO gift_card_entry (voucher_id, kind, amount_cents, balance_after_cents, "
         "operator_id, station, attempt_id, money_cents, note, created_at) "
         "VALUES (?,'spend',-500,1000,?,?,?,0,'',?)")
CARD_SPENDS = 0.1  # the share of redemptions that spend a gift card: a ledger row each


def fill(shop: Shop, attempts: int) -> None:
    """``attempts`` rows spread over the month by three operators at four tills, on vouchers
    of four products: most redeemed, some refused, one in a thousand undone a minute later;
    one redemption in ten a gift card's spend (its ledger row, which ``card_spent`` adds up)."""
    voucher_ids = []
    for name in ("Wash", "Coffee", "Class", "Pass"):
        product = products.add_product(shop, name, "1.00", uses=1)
        fulfilment.issue_batch(shop, product.id, 250)
    voucher_ids = [v.id for v in Voucher.select(Voucher.id)]
    operators = [shop.operator.id] + [
        auth.add_operator(shop, f"Clerk {n}", "clerk", "clerk-password-2026").id
        for n in (1, 2)]
    start = dt.datetime(2026, 3, 1)
    rng = random.Random(7)
    rows: list[tuple[Any, ...]] = []
    spends: list[tuple[Any, ...]] = []  # (voucher, operator, station, row index, at)
    for i in range(attempts):
        ok = rng.random() < 0.9
        at = start + dt.timedelta(seconds=rng.randrange(31 * 86400 - 120))
        row = (rng.choice(voucher_ids), rng.choice(operators), f"Till {i % 4}", "x",
               "redeemed" if ok else "expired", ok, 0, "", at.isoformat(sep=" "), None)
        rows.append(row)
        if ok and rng.random() < CARD_SPENDS:
            spends.append((row[0], row[1], row[2], len(rows) - 1, row[8]))
        if ok and rng.random() < 0.001:
            rows.append((row[0], row[1], "Office", "", "undone", False, 1, "bench",
                         (at + dt.timedelta(minutes=1)).isoformat(sep=" "), -len(rows)))
    with shop.write():
        cursor = shop.db.cursor()
        first_id = 1 + (cursor.execute("SELECT COALESCE(MAX(id), 0) FROM redemption_attempt")
                        .fetchone()[0])
        # an undo points at the row just before it: its id is known once the ids are
        numbered = [row if row[9] is None else (*row[:9], first_id - row[9] - 1) for row in rows]
        for offset in range(0, len(numbered), CHUNK):
            cursor.executemany(INSERT, numbered[offset:offset + CHUNK])
        cursor.executemany(SPEND, [(*spend[:3], first_id + spend[3], spend[4])
                                   for spend in spends])


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def bare_group_by(shop: Shop) -> float:
    """The baseline: one GROUP BY of the month's attempts per day, in plain SQL."""
    low, high = day_range(MONTH_START, MONTH_END)
    assert low is not None and high is not None
    bare = ("SELECT date(created_at), COUNT(*), SUM(ok) FROM redemption_attempt "
            "WHERE created_at >= ? AND created_at < ? GROUP BY 1")
    params = (low.replace(tzinfo=None).isoformat(sep=" "),
              high.replace(tzinfo=None).isoformat(sep=" "))
    return timed(lambda: shop.db.execute_sql(bare, params).fetchall())


def report_times(shop: Shop) -> dict[str, tuple[float, float]]:
    """Per grouping: (the report's seconds, the bare GROUP BY's measured right beside it)."""
    found = {}
    for by in GROUPINGS:
        base = bare_group_by(shop)
        took = timed(lambda b=by: report_tables.run_report(  # type: ignore[misc]
            shop, "redemptions", b, MONTH_START, MONTH_END))
        found[by] = (took, base)
    return found


def bench_group(table: Any, tmp: Path, quick: bool) -> None:
    """The group "reports" of tests/bench/run.py."""
    attempts = 50_000 if quick else 1_000_000
    shop = create_shop(tmp / "reports", "Bench", "CNY", "owner", "bench-password")
    fill(shop, attempts)
    for by, (took, base) in report_times(shop).items():
        table.add(f"redemptions report, month by {by}, {attempts:,}", took, base, "s",
                  "bare SQL GROUP BY", "< 1 s")
    bench_export.export_figure(table, shop, tmp)
    shop.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--attempts", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shop = create_shop(Path(tmp) / "shop", "Bench", "CNY", "owner", "bench-password")
        started = time.perf_counter()
        fill(shop, args.attempts)
        print(f"filled {args.attempts:,} attempts in {time.perf_counter() - started:.1f} s")
        for by, (took, base) in report_times(shop).items():
            print(f"redemptions by {by:<9} {took * 1000:8.1f} ms, bare GROUP BY "
                  f"{base * 1000:8.1f} ms ({took / base:.2f}x)")
        shop.close()


if __name__ == "__main__":
    main()
