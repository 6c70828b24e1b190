"""Redemption latency on the shop's PostgreSQL server (loopback), as a ratio to a bare psycopg
UPDATE + INSERT in one transaction on the same server in the same run.

The baseline is the least a redemption can cost there: one conditional UPDATE of a counter
row and one INSERT of an attempt row, committed. A redemption adds parsing, the HMAC check,
the voucher lookup by its sealed code, the advisory lock and the audit event. The server is
started for the run (tests/pgserver.py: Debian's postgresql package). Run:

    python tests/bench/bench_server_redeem.py [--vouchers 300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parents[1]))

import pgserver  # noqa: E402
import psycopg  # noqa: E402

from desktop_app.core import fulfilment, products, redemption  # noqa: E402
from desktop_app.core.engine import ShopLocation  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bare_baseline(url: str, rounds: int) -> list[float]:
    samples = []
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE bench_voucher (id int primary key, uses_left int)")
        conn.execute("CREATE TABLE bench_attempt (id serial primary key, voucher int, ok bool)")
        conn.execute("INSERT INTO bench_voucher SELECT g, 1 FROM generate_series(1, %s) g",
                     (rounds,))
        for i in range(1, rounds + 1):
            start = time.perf_counter()
            with conn.transaction():
                conn.execute("UPDATE bench_voucher SET uses_left = uses_left - 1 "
                             "WHERE id = %s AND uses_left > 0", (i,))
                conn.execute("INSERT INTO bench_attempt (voucher, ok) VALUES (%s, true)", (i,))
            samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouchers", type=int, default=300)
    args = parser.parse_args()
    server = pgserver.start()
    try:
        os.environ["PGPASSWORD"] = server.env()["PGPASSWORD"]
        baseline = bare_baseline(server.create_database("bench_bare"), args.vouchers)
        url = server.create_database("bench_shop")
        with tempfile.TemporaryDirectory() as tmp, ShopLocation(Path(tmp), url).create(
                "Bench", "CNY", "owner", "bench-password") as shop:
            product = products.add_product(shop, "Pass", "1.00", uses=1)
            issued = fulfilment.issue_batch(shop, product.id, args.vouchers)
            redeem, refused = [], []
            for voucher in issued:
                start = time.perf_counter()
                assert redemption.redeem(shop, voucher.payload, "bench").ok
                redeem.append(time.perf_counter() - start)
                start = time.perf_counter()
                redemption.redeem(shop, voucher.payload, "bench")
                refused.append(time.perf_counter() - start)
    finally:
        server.stop()
    base = median_ms(baseline)
    print(f"bare UPDATE+INSERT  {base:7.2f} ms (1.00)")
    print(f"redeem (consumed)   {median_ms(redeem):7.2f} ms ({median_ms(redeem) / base:.2f}x)")
    print(f"redeem (refused)    {median_ms(refused):7.2f} ms ({median_ms(refused) / base:.2f}x)")


if __name__ == "__main__":
    main()
