"""Redemption latency on a real encrypted shop, as a ratio to a baseline of the same run.

Baseline: one committed write transaction that only updates a setting (the cost of a
synchronous=FULL commit on this disk). A redemption adds parsing, the HMAC check, the
conditional UPDATE, the attempt row, the audit event and the anchor file. Run:

    python tests/bench/bench_redeem.py [--vouchers 300]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core import fulfilment, products, redemption
from desktop_app.core.store import create_shop


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouchers", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        shop = create_shop(Path(tmp) / "shop", "Bench", "CNY", "owner", "bench-password")
        product = products.add_product(shop, "Pass", "1.00", uses=1)
        issued = fulfilment.issue_batch(shop, product.id, args.vouchers)
        baseline, redeem, refused = [], [], []
        for i, voucher in enumerate(issued):
            start = time.perf_counter()
            shop.set_setting("bench", str(i))
            baseline.append(time.perf_counter() - start)
            start = time.perf_counter()
            assert redemption.redeem(shop, voucher.payload, "bench").ok
            redeem.append(time.perf_counter() - start)
            start = time.perf_counter()
            redemption.redeem(shop, voucher.payload, "bench")
            refused.append(time.perf_counter() - start)
        shop.close()
    base = median_ms(baseline)
    print(f"baseline commit     {base:7.2f} ms (1.00)")
    print(f"redeem (consumed)   {median_ms(redeem):7.2f} ms ({median_ms(redeem) / base:.2f}x)")
    print(f"redeem (refused)    {median_ms(refused):7.2f} ms ({median_ms(refused) / base:.2f}x)")


if __name__ == "__main__":
    main()
