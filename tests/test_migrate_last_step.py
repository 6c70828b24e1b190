"""``migrate-to`` whose very last step fails: the server has committed the copy, then the
folder's own commit (its record of the move) fails, a full disk at that instant. The folder
must not stay a live second shop: it was marked before the server committed, so it refuses
every change, and the words say the shop is on the server now.

The instant is made real: an event trigger on the (empty) server database waits, at the copy's
first CREATE TABLE, for a lock the test holds; meanwhile the test fills the folder's disk."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_cli import ROOT, as_json, run
from test_full_disk import _fill_leaving, tiny_disk  # noqa: F401

from desktop_app.core import fulfilment, products, redemption
from desktop_app.core.engine import ShopLocation
from desktop_app.core.store import create_shop

OWNER_ENV_HERE = {"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}
LOCK = 4242
STALL = f"""
CREATE FUNCTION stall_the_copy() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_advisory_lock({LOCK}); PERFORM pg_advisory_unlock({LOCK}); END $$;
CREATE EVENT TRIGGER stall_the_copy ON ddl_command_end EXECUTE FUNCTION stall_the_copy();
"""


def _wait_for_the_stall(holder: psycopg.Connection[tuple[object, ...]],
                        moving: subprocess.Popen[str]) -> None:
    for _ in range(1200):
        if moving.poll() is not None:
            pytest.fail("the move ended before the server: " + "".join(moving.communicate()))
        waiting = holder.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                 "AND NOT granted").fetchone()
        if waiting and waiting[0]:
            return
        time.sleep(0.05)
    pytest.fail("the copy never reached the server")


def test_a_folder_whose_last_commit_fails_is_no_live_second_shop(
        pg_url: str, pg_server: object, tiny_disk: Path) -> None:  # noqa: F811
    folder = tiny_disk / "shop"
    with create_shop(folder, "File Shop", "CNY", OWNER, OWNER_PASSWORD) as shop:
        wash = products.add_product(shop, "Wash", "10.00", uses=2)
        payload = fulfilment.issue_batch(shop, wash.id, 1)[0].payload
    pg_server.psql(STALL, database=pg_url.rsplit("/", 1)[1])  # type: ignore[attr-defined]
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SHOP_") or k == "SHOP_WITNESS_DIR"}
    env.update({"QT_QPA_PLATFORM": "offscreen", **OWNER_ENV_HERE})
    with psycopg.connect(pg_url, autocommit=True) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (LOCK,))
        moving = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--data-dir", str(folder), "migrate-to",
             pg_url], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", stdin=subprocess.DEVNULL)
        try:
            _wait_for_the_stall(holder, moving)
            filler = _fill_leaving(tiny_disk, 0)
        finally:
            holder.execute("SELECT pg_advisory_unlock(%s)", (LOCK,))
        out, err = moving.communicate(timeout=120)
    filler.unlink()
    assert "Traceback" not in err, err
    assert moving.returncode == 0, out + err  # the move is done: the server has the shop
    assert "could not write the move into its own audit log" in out
    assert "refuses every change" in out and "Do not run migrate-to again" in out
    # The folder refuses changes, redemptions first: it is no second live shop.
    refused = run(folder, "redeem", payload, "--json", env=OWNER_ENV_HERE)
    assert refused.returncode == 3 and as_json(refused)["error"] == "shop_moved"
    with ShopLocation(tiny_disk / "pc", pg_url).open(OWNER, OWNER_PASSWORD) as on_server:
        assert redemption.redeem(on_server, payload, "Server").ok
