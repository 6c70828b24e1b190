"""Exactly once around the file (issue #11): verify naming every database error, an empty
or missing database never taken for a new shop, the lock retry, and kills mid-write."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from integrity_helpers import reopen, sell
from integrity_worker import redeem_all
from test_cli import as_json, run

from desktop_app.core import audit, integrity, redemption
from desktop_app.core.errors import DatabaseCorrupt, IntegrityHold
from desktop_app.core.models import Voucher
from desktop_app.core.store import Shop, database_path

ROOT = Path(__file__).resolve().parents[1]


# --- case 7: damaged and missing database files -------------------------------------------


@pytest.mark.parametrize("how", ["empty", "missing"])
def test_an_empty_or_missing_database_is_never_a_new_shop(owner_shop: Shop, shop_dir: Path,
                                                          how: str) -> None:
    owner_shop.close()
    db = database_path(shop_dir)
    if how == "empty":
        db.write_bytes(b"")
    else:
        db.unlink()
    redeem = run(shop_dir, "redeem", "K7QM-2X9R-TB4W-HN3P8", "--json")
    assert redeem.returncode == 3
    assert as_json(redeem)["error"] == "integrity_hold"
    assert as_json(redeem)["problems"] == "database: missing"
    verified = run(shop_dir, "verify", "--json")
    assert verified.returncode == 1
    assert as_json(verified)["problems"] == ["database: missing"]
    assert not db.exists() or db.stat().st_size == 0  # nothing new was made there
    with pytest.raises(IntegrityHold):
        reopen(shop_dir)


def test_verify_names_every_database_error_of_a_mixed_file(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    """Pages put back from an older genuine copy make SQLite's own errors ("malformed")
    surface while rows are read: verify names them and never crashes."""
    issued = sell(owner_shop, 40)
    owner_shop.close()
    path = database_path(shop_dir)
    old = path.read_bytes()
    with reopen(shop_dir) as shop:
        for voucher in issued:
            assert redemption.redeem(shop, voucher.payload, "C1").ok
    new = path.read_bytes()
    page = 4096
    changed = [i for i in range(min(len(old), len(new)) // page)
               if old[i * page:(i + 1) * page] != new[i * page:(i + 1) * page]]
    named_errors = []
    for index in changed:
        mixed = bytearray(new)
        mixed[index * page:(index + 1) * page] = old[index * page:(index + 1) * page]
        path.write_bytes(bytes(mixed))
        try:
            with reopen(shop_dir) as opened:
                problems = audit.verify_shop(opened)
        except DatabaseCorrupt as exc:
            named_errors.append(exc.params["detail"])
            continue
        assert problems, index
        named_errors += [p for p in problems if p.endswith(("database_malformed",
                                                            "database_unreadable"))]
        if any(p.endswith("database_malformed") for p in problems):
            result = run(shop_dir, "verify", "--json")  # once was "internal"
            assert result.returncode == 1 and "error" not in as_json(result)
            assert any(p.endswith("database_malformed") for p in as_json(result)["problems"])
        for leftover in integrity.hold_files(shop_dir, opened.shop_id):
            leftover.unlink(missing_ok=True)  # each page is judged on its own
    assert "internal" not in named_errors
    assert any(name.endswith("database_malformed") for name in named_errors)


# --- the lock: 8 processes at once ---------------------------------------------------------


def test_eight_processes_never_see_database_locked(owner_shop: Shop, shop_dir: Path) -> None:
    issued = sell(owner_shop, 24)
    owner_shop.close()
    payloads = [v.payload for v in issued]
    context = multiprocessing.get_context("spawn")
    with context.Pool(8) as pool:
        jobs = [pool.apply_async(redeem_all, (str(shop_dir), random.sample(payloads, 24),
                                              f"C{n}")) for n in range(8)]
        results = [reason for job in jobs for reason in job.get(timeout=240)]
    assert "database_locked" not in results
    assert results.count("redeemed") == 24
    with reopen(shop_dir) as shop:  # eight writers of one anchor never look like a rollback
        assert shop.integrity_problems == [] and audit.verify_shop(shop) == []


# --- reliability: SIGKILL during redeem -----------------------------------------------------


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_kills_during_redeem_never_look_like_a_rollback(owner_shop: Shop,
                                                        shop_dir: Path) -> None:
    """Kill a redeeming process at random moments; after each kill the shop opens without a
    hold, verify passes and every redemption it reported is kept. More rounds with
    SHOP_KILL_ROUNDS=N."""
    rounds = int(os.environ.get("SHOP_KILL_ROUNDS", "3"))
    issued = sell(owner_shop, 30 * rounds)
    owner_shop.close()
    payloads = [v.payload for v in issued]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    reported: set[str] = set()
    for round_ in range(rounds):
        batch = payloads[round_ * 30:(round_ + 1) * 30]
        worker = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "integrity_worker.py"), str(shop_dir), *batch],
            stdout=subprocess.PIPE, text=True, env=env)
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "open"
        time.sleep(random.uniform(0.0, 0.15))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate(timeout=60)
        reported |= {line.split()[1] for line in out.splitlines()
                     if line.startswith("redeemed ")}
        with reopen(shop_dir) as shop:
            assert shop.integrity_problems == [], round_
            assert audit.verify_shop(shop) == [], round_
            used = {v.payload for v in issued
                    if Voucher.get_by_id(v.id).uses_left == 0}
            assert reported <= used
