"""How fast a batch issue is, against paying single orders in the same run on the same disk.

    python tests/bench/bench_batch.py [--count 1000] [--singles 20] [--pdf]

The baseline is the ordinary till path (create an order, pay it: one voucher, one fsync'd
transaction). A batch of N should cost about as much as a handful of single sales, not N of
them: the ratio printed is "one batch of N" over "one single sale".
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core import fulfilment, orders, products
from desktop_app.core.store import Shop, create_shop


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def single_sale(shop: Shop, product_id: int) -> None:
    order = orders.create_order(shop, [(product_id, 1)])
    fulfilment.pay_order(shop, order.id)


def bench(count: int, singles: int, pdf: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp, create_shop(
            Path(tmp) / "shop", "Bench 基准", "CNY", "owner", "bench-password") as shop:
        product = products.add_product(shop, "Wash x5 洗车", "99", uses=5, valid_days=90)
        single_sale(shop, product.id)  # warm up: first queries, page cache
        single = statistics.median(timed(lambda: single_sale(shop, product.id))
                                   for _ in range(singles))
        issued: list[fulfilment.IssuedVoucher] = []
        batch = timed(lambda: issued.extend(fulfilment.issue_batch(shop, product.id, count)))
        result = {"single": single, "batch": batch}
        if pdf:
            result["pdf"] = timed(lambda: write_pdf(shop, issued, Path(tmp) / "sheet.pdf"))
        return result


def write_pdf(shop: Shop, issued: list[fulfilment.IssuedVoucher], out: Path) -> None:
    from desktop_app import printing
    from desktop_app.core.vouchers_view import voucher_views

    printing.ensure_gui_app()
    printing.write_voucher_pdf(out, voucher_views(shop, [v.id for v in issued]), "a4")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--singles", type=int, default=20)
    parser.add_argument("--pdf", action="store_true", help="also time the printable PDF sheet")
    args = parser.parse_args()
    result = bench(args.count, args.singles, args.pdf)
    single, batch = result["single"], result["batch"]
    print(f"single sale (create + pay, 1 voucher), median of {args.singles}: "
          f"{single * 1000:.1f} ms")
    print(f"batch of {args.count} vouchers: {batch * 1000:.1f} ms "
          f"({batch / args.count * 1e6:.0f} us per voucher)")
    print(f"ratio batch/single: {batch / single:.1f}  "
          f"(selling them one by one: ~{args.count} x single, {args.count * single:.1f} s)")
    if "pdf" in result:
        print(f"PDF sheet of {args.count} (a4 grid): {result['pdf']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
