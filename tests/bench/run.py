"""The figures of issue #12, each beside a baseline measured in the same run on this machine.

    python tests/bench/run.py [--quick] [--json out.json]

``--quick`` uses small sizes (under a minute); the full run builds shops of 1M vouchers,
1M paid orders, 1M audit events and 1M redemption attempts in bulk with direct SQL (not
through the app; the audit chain is built with the app's own hash, so it still verifies) and
takes about ten minutes. Baselines:

* bare: a SQLCipher file with the same key kind, WAL and synchronous=FULL, a table of the same
  size, and per redemption BEGIN IMMEDIATE + conditional UPDATE + INSERT + COMMIT;
* fresh shop: the same redemption in a shop without history;
* scrypt alone: the key derivation a login cannot avoid;
* in-process: scrypt + open + redeem (or bulk insert) without starting a process;
* bare python: a process that imports sqlcipher3, opens the file and reads one row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import bench_reports  # noqa: E402
import sqlcipher3  # noqa: E402

from desktop_app.core import anchor, audit, fulfilment, orders, products, redemption  # noqa: E402
from desktop_app.core import vouchers as vc  # noqa: E402
from desktop_app.core.keyslots import _derive  # noqa: E402
from desktop_app.core.models import Voucher  # noqa: E402
from desktop_app.core.store import Shop, create_shop, open_shop  # noqa: E402
from tests.bench.bench_gui import bench_gui  # noqa: E402

OWNER, PASSWORD = "Owner", "bench-password-2026"
CHUNK = 50_000


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def percentiles(samples: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return statistics.median(samples), cuts[18]  # p50, p95


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


# --- building shops in bulk -------------------------------------------------------------------


def new_shop(folder: Path) -> tuple[Shop, int]:
    shop = create_shop(folder, "Bench", "CNY", OWNER, PASSWORD)
    product = products.add_product(shop, "Pass", "1.00", "service", uses=100)
    return shop, product.id


def bulk_paid_order(shop: Shop, product_id: int) -> tuple[int, int]:
    order = orders.create_order(shop, [(product_id, 1)])
    fulfilment.pay_order(shop, order.id, "cash")
    line = shop.db.execute_sql("SELECT id FROM order_line WHERE order_id = ?",
                               (order.id,)).fetchone()[0]
    return order.id, line


def add_vouchers(shop: Shop, product_id: int, count: int) -> list[str]:
    """``count`` vouchers of one paid order, by direct SQL; their payloads."""
    order_id, line_id = bulk_paid_order(shop, product_id)
    now = Voucher.issued_at.db_value(dt.datetime.now(dt.UTC))
    codes: list[str] = []
    for start in range(0, count, CHUNK):
        chunk = [vc.new_code() for _ in range(min(CHUNK, count - start))]
        codes.extend(chunk)
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(
                "INSERT INTO voucher (code, order_id, order_line_id, product_id, uses_total,"
                " uses_left, state, issued_at) VALUES (?, ?, ?, ?, 1000000, 1000000, 'valid', ?)",
                [(c, order_id, line_id, product_id, now) for c in chunk])
    return [vc.payload(shop.shop_id, shop.voucher_key, c) for c in codes]


def add_paid_orders(shop: Shop, count: int) -> None:
    now = Voucher.issued_at.db_value(dt.datetime.now(dt.UTC))
    operator = shop.operator.id
    for start in range(0, count, CHUNK):
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(
                "INSERT INTO \"order\" (status, customer_name, customer_phone, note, total_cents,"
                " payment_method, payment_ref, is_batch, created_by_id, created_at, paid_at)"
                " VALUES ('paid', '', '', '', 100, 'cash', '', 0, ?, ?, ?)",
                [(operator, now, now)] * min(CHUNK, count - start))


def add_attempts(shop: Shop, count: int) -> None:
    now = Voucher.issued_at.db_value(dt.datetime.now(dt.UTC))
    operator = shop.operator.id
    for start in range(0, count, CHUNK):
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(
                "INSERT INTO redemption_attempt (voucher_id, operator_id, station, scanned_text,"
                " reason, ok, note, created_at) VALUES (NULL, ?, 'bench', 'x', 'malformed', 0,"
                " '', ?)", [(operator, now)] * min(CHUNK, count - start))


def add_audit_events(shop: Shop, count: int) -> None:
    """A chain built with the app's own hash, so verify and the anchor still hold."""
    previous = audit.latest_hash()
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    at_db = Voucher.issued_at.db_value(at)
    operator = shop.operator.id
    for start in range(0, count, CHUNK):
        rows = []
        for i in range(start, min(count, start + CHUNK)):
            detail = json.dumps({"n": i})
            digest = hashlib.sha256(audit._canonical(previous, at, operator, "bench", "",
                                                     detail)).hexdigest()
            rows.append((at_db, operator, "bench", "", detail, previous, digest))
            previous = digest
        with shop.db.atomic("IMMEDIATE"):
            shop.db.cursor().executemany(
                "INSERT INTO audit_event (at, operator_id, kind, subject, detail, prev_hash,"
                " hash) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    anchor.write_anchor(shop.data_dir, shop.database_key)


def redeem_samples(shop: Shop, payloads: list[str], count: int,
                   warm: bool = True) -> list[float]:
    picks = [secrets.choice(payloads) for _ in range(count)]
    for payload in picks[:5] if warm else []:  # warm the page cache and the connection
        redemption.redeem(shop, payload, "bench")
    samples = []
    for payload in picks:
        start = time.perf_counter()
        verdict = redemption.redeem(shop, payload, "bench")
        samples.append(time.perf_counter() - start)
        assert verdict.ok, verdict.reason
    return samples


# --- the bare baseline ------------------------------------------------------------------------


def bare_db(path: Path) -> Any:
    db = sqlcipher3.connect(str(path), isolation_level=None)
    db.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    db.execute("PRAGMA journal_mode = wal")
    db.execute("PRAGMA synchronous = full")
    return db


class BareShop:
    """The bare baseline: a voucher table of the same size, redeemed by hand."""

    def __init__(self, folder: Path, size: int) -> None:
        self.db = db = bare_db(folder / "bare.db")
        db.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, code TEXT UNIQUE, uses_left INTEGER)")
        db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, v INTEGER, at TEXT)")
        self.codes: list[str] = []
        for start in range(0, size, CHUNK):
            chunk = [vc.new_code() for _ in range(min(CHUNK, size - start))]
            self.codes.extend(chunk)
            db.execute("BEGIN")
            db.executemany("INSERT INTO v (code, uses_left) VALUES (?, 1000000)",
                           [(c,) for c in chunk])
            db.execute("COMMIT")

    def redeem(self) -> float:
        code = secrets.choice(self.codes)
        start = time.perf_counter()
        self.db.execute("BEGIN IMMEDIATE")
        cursor = self.db.execute("UPDATE v SET uses_left = uses_left - 1 WHERE code = ?"
                                 " AND uses_left > 0", (code,))
        assert cursor.rowcount == 1
        self.db.execute("INSERT INTO a (v, at) VALUES ((SELECT id FROM v WHERE code = ?), ?)",
                        (code, time.time()))
        self.db.execute("COMMIT")
        return time.perf_counter() - start


def interleaved(shop: Shop, payloads: list[str], bare: BareShop,
                count: int) -> tuple[list[float], list[float]]:
    """Project and bare redemptions in turn, so a slow spell of the disk hits both alike."""
    redeem_samples(shop, payloads, 5)
    project, baseline = [], []
    for _ in range(count):
        project.extend(redeem_samples(shop, payloads, 1, warm=False))
        baseline.append(bare.redeem())
    return project, baseline


def bare_bulk_insert(folder: Path, count: int) -> float:
    db = bare_db(folder / "bulk.db")
    db.execute("CREATE TABLE v (id INTEGER PRIMARY KEY, code TEXT UNIQUE, order_id INTEGER,"
               " line_id INTEGER, product_id INTEGER, uses_total INTEGER, uses_left INTEGER,"
               " state TEXT, valid_from TEXT, valid_until TEXT, issued_at TEXT)")
    start = time.perf_counter()
    codes = [vc.new_code() for _ in range(count)]
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO v (code, order_id, line_id, product_id, uses_total, uses_left,"
                   " state, valid_from, valid_until, issued_at)"
                   " VALUES (?, 1, 1, 1, 1, 1, 'valid', NULL, NULL, '2026-01-01')",
                   [(c,) for c in codes])
    db.execute("COMMIT")
    took = time.perf_counter() - start
    db.close()
    return took


# --- processes --------------------------------------------------------------------------------


# A child's getrusage peak includes the parent's size at fork (Linux carries the old address
# space's high-water mark over exec), so each child reports its own VmHWM as it exits.
PEAK_WRAPPER = """
import atexit, os, runpy, sys
def _peak():
    with open("/proc/self/status") as status:
        kib = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
        out.write(str(kib))
atexit.register(_peak)
target = sys.argv[1]
sys.argv = sys.argv[1:]
if target == "-m":
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    runpy.run_path(target, run_name="__main__")
"""


def child_environment() -> dict[str, str]:
    """The environment of a measured process: like an installed app's, it runs from compiled
    bytecode (see ``compile_project``), even where this shell sets PYTHONDONTWRITEBYTECODE."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def compile_project() -> None:
    """The project's bytecode, as pip or the bundle leaves it, before any process is timed:
    otherwise the first process of each command compiles it and is timed doing so."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop_app")],
                   env=child_environment(), check=True, stdout=subprocess.DEVNULL)


def run_child(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall time (s), peak memory (MiB) and stdout of ``python ARGS...``."""
    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        full_env = {**child_environment(), "QT_QPA_PLATFORM": "offscreen",
                    "SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": PASSWORD,
                    "BENCH_PEAK_FILE": str(peak_file), **(env or {})}
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, *args], cwd=ROOT,
                                env=full_env, capture_output=True, stdin=subprocess.DEVNULL)
        took = time.perf_counter() - start
        if result.returncode not in (0, 3):
            raise RuntimeError(f"{args}: {result.stderr.decode(errors='replace')}")
        return took, int(peak_file.read_text()) / 1024, result.stdout.decode()


def cli(folder: Path, *args: str) -> tuple[float, float, str]:
    return run_child(["-m", "desktop_app", "--data-dir", str(folder), *args])


BARE_PROCESS = """
import sqlcipher3, sys
db = sqlcipher3.connect(sys.argv[1])
db.execute("PRAGMA key = \\"x'" + "00" * 32 + "'\\"")
try:
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()
except sqlcipher3.DatabaseError:
    pass
"""


# --- the figures ------------------------------------------------------------------------------


class Table:
    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, figure: str, project: float, baseline: float | None, unit: str,
            baseline_name: str, target: str = "") -> None:
        ratio = round(project / baseline, 2) if baseline else None
        self.rows.append({"figure": figure, "project": round(project, 3),
                          "baseline": None if baseline is None else round(baseline, 3),
                          "unit": unit, "baseline_is": baseline_name, "ratio": ratio,
                          "target": target})
        base = "-" if baseline is None else f"{baseline:.3f}"
        print(f"{figure:<48} {project:>10.3f} {base:>10} {unit:<6} "
              f"{'-' if ratio is None else f'{ratio:.2f}x':>8}  {target}", flush=True)


def machine() -> dict[str, Any]:
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    db = sqlcipher3.connect(":memory:")
    version = db.execute("PRAGMA cipher_version").fetchone()[0]
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "sqlcipher": version, "sqlite": sqlcipher3.sqlite_version,
            "system": platform.platform()}


def bench_sizes(table: Table, tmp: Path, sizes: list[int], samples: int) -> dict[int, float]:
    p50s = {}
    for size in sizes:
        folder = tmp / f"v{size}"
        shop, product = new_shop(folder / "shop")
        payloads = add_vouchers(shop, product, size)
        bare = BareShop(folder, size)
        project, baseline = interleaved(shop, payloads, bare, samples)
        shop.close()
        bare.db.close()
        p50, p95 = percentiles(project)
        b50, b95 = percentiles(baseline)
        table.add(f"core redeem p50, {size:,} vouchers", ms(p50), ms(b50), "ms", "bare",
                  "<= 2x")
        table.add(f"core redeem p95, {size:,} vouchers", ms(p95), ms(b95), "ms", "bare",
                  "<= 3x")
        p50s[size] = p50
        shutil.rmtree(folder)
    return p50s


def bench_history(table: Table, tmp: Path, size: int, samples: int) -> None:
    fresh_dir = tmp / "fresh"
    shop, product = new_shop(fresh_dir)
    fresh_payloads = add_vouchers(shop, product, 1000)
    shop.close()
    fresh_login = statistics.median(
        timed(lambda: open_shop(fresh_dir, OWNER, PASSWORD).close()) for _ in range(3))
    builders = {"paid orders": add_paid_orders, "audit events": add_audit_events,
                "redemption attempts": add_attempts}
    for name, build in builders.items():
        folder = tmp / name.replace(" ", "-")
        shop, product = new_shop(folder)
        payloads = add_vouchers(shop, product, 1000)
        build(shop, size)
        shop.close()
        shop = open_shop(folder, OWNER, PASSWORD)
        p50, _ = percentiles(redeem_samples(shop, payloads, samples))
        shop.close()
        shop = open_shop(fresh_dir, OWNER, PASSWORD)  # again, right beside it: the disk drifts
        fresh, _ = percentiles(redeem_samples(shop, fresh_payloads, samples))
        shop.close()
        table.add(f"core redeem p50, {size:,} {name}", ms(p50), ms(fresh), "ms", "fresh shop",
                  "<= 1.2x")
        if name == "audit events":
            login = statistics.median(
                timed(lambda f=folder: open_shop(f, OWNER, PASSWORD).close()) for _ in range(3))
            table.add(f"login, {size:,} audit events", ms(login), ms(fresh_login), "ms",
                      "fresh shop login", "<= 1.2x")
        shutil.rmtree(folder)
    scrypt = statistics.median(
        timed(lambda: _derive(PASSWORD, b"s" * 16, 2**15, 8, 1)) for _ in range(3))
    table.add("login, fresh shop", ms(fresh_login), ms(scrypt), "ms", "scrypt alone")


def bench_cli(table: Table, tmp: Path, batch: int) -> None:
    compile_project()
    folder = tmp / "cli"
    shop, product = new_shop(folder)
    payloads = add_vouchers(shop, product, 1000)
    service = products.add_product(shop, "Promo", "1.00", "service", uses=1)
    shop.close()

    def in_process(payload: str) -> None:
        with open_shop(folder, OWNER, PASSWORD) as opened:
            assert redemption.redeem(opened, payload, "bench").ok
    # Process and in-process in turn, so a busy spell of the shared machine hits both alike.
    walls, peaks, inproc = [], [], []
    for payload, other in zip(payloads[:5], payloads[-5:], strict=True):
        took, peak, _ = cli(folder, "redeem", payload, "--json")
        walls.append(took)
        peaks.append(peak)
        inproc.append(timed(lambda p=other: in_process(p)))
    table.add("CLI redeem, whole process", statistics.median(walls), statistics.median(inproc),
              "s", "scrypt+open+redeem in-process", "<= 2x")
    bare_script = tmp / "bare_process.py"
    bare_script.write_text(BARE_PROCESS, encoding="utf-8")
    bare_peak = statistics.median(
        run_child([str(bare_script), str(folder / "shop.db")])[1]
        for _ in range(3))
    table.add("CLI redeem peak memory", max(peaks), bare_peak, "MiB", "bare python+sqlcipher3")

    def bare_batch() -> None:
        with open_shop(folder, OWNER, PASSWORD):
            pass
        bare_bulk_insert(tmp, batch)
        (tmp / "bulk.db").unlink()
    took, base = [], []
    for _ in range(3):  # in turn, as above
        took.append(cli(folder, "voucher", "batch", str(service.id), "--count", str(batch),
                        "--out", str(tmp / "batch.csv"))[0])
        base.append(timed(bare_batch))
    table.add(f"CLI voucher batch --count {batch:,}", statistics.median(took),
              statistics.median(base), "s", "scrypt+open+bare bulk insert", "<= 2.5x")

    shutil.rmtree(folder)


def bench_batch(table: Table, tmp: Path, count: int) -> None:
    shop, _ = new_shop(tmp / "batch")
    product = products.add_product(shop, "Promo", "1.00", "service", uses=1)
    fulfilment.issue_batch(shop, product.id, 100)
    took, bare = [], []
    for _ in range(3):  # project and bare in turn: a busy spell of the machine hits both
        took.append(timed(lambda: fulfilment.issue_batch(shop, product.id, count)))
        bare.append(bare_bulk_insert(tmp, count))
        (tmp / "bulk.db").unlink()
    shop.close()
    table.add(f"core batch issue, {count:,} vouchers (vouchers/s)",
              count / statistics.median(took), count / statistics.median(bare), "1/s",
              "bare bulk insert", ">= 0.5x")
    shutil.rmtree(tmp / "batch")


GROUPS = ("sizes", "history", "batch", "cli", "reports", "pdf", "gui")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under a minute")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma-separated groups to run, of: {', '.join(GROUPS)}")
    args = parser.parse_args()
    chosen = set(args.only.split(","))
    sizes = [1000, 10_000] if args.quick else [1000, 100_000, 1_000_000]
    history = 20_000 if args.quick else 1_000_000
    samples = 100 if args.quick else 300
    batch = 2000 if args.quick else 10_000
    info = machine()
    print(json.dumps(info))
    print(f"{'figure':<48} {'project':>10} {'baseline':>10} {'unit':<6} {'ratio':>8}  target")
    table = Table()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="voucher-bench-") as name:
        tmp = Path(name)
        if "sizes" in chosen:
            bench_sizes(table, tmp, sizes, samples)
        if "history" in chosen:
            bench_history(table, tmp, history, samples)
        if "batch" in chosen:
            bench_batch(table, tmp, batch)
        if "cli" in chosen:
            bench_cli(table, tmp, batch)
        if "reports" in chosen:
            bench_reports.bench_group(table, tmp, args.quick)
        if "pdf" in chosen:
            from bench_pdf import bench_pdf  # here: the other groups load no Qt

            bench_pdf(table, tmp, cli, new_shop)
        if "gui" in chosen:  # last: it leaves a Qt application behind
            bench_gui(table, tmp, samples)
    print(f"took {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "quick": args.quick,
                                         "figures": table.rows}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
