"""An older shop's upgrade has the shop to itself (QA s12c F6, F8) and leaves a trace (F7).

The other counter is real: another process holding the shop folder open the way every version
of the app does (its shared lock on ``shop.lock``), or another session on the server naming
itself as the app does; two upgraders on a server queue on the upgrade's lock."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from conftest import OWNER, OWNER_PASSWORD
from test_cli import ROOT

from desktop_app.core import migrations, schema_upgrade
from desktop_app.core.engine import ShopLocation
from desktop_app.core.errors import ShopInUse
from desktop_app.core.models import AuditEvent, SchemaVersion
from desktop_app.core.store import Shop, create_shop
from desktop_app.messages import error_message

# Holds the shop folder open as any version does while a counter is logged in.
HOLD_OPEN = ("import sys; from pathlib import Path; from desktop_app.core import shoplock; "
             "lock = shoplock.hold_open(Path(sys.argv[1])); print('open', flush=True); "
             "sys.stdin.read()")


def _one_version_back(shop: Shop) -> None:
    """The shop as the version before the last step left it (the step's table is kept: the
    step then finds its work done, as after a kill between its commit and its version)."""
    SchemaVersion.delete().where(SchemaVersion.version >= migrations.CURRENT_VERSION).execute()
    SchemaVersion.create(version=migrations.CURRENT_VERSION - 1)
    assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION - 1
    shop.close()


def _upgrade_events(shop: Shop) -> list[dict[str, object]]:
    return [json.loads(event.detail) for event in
            AuditEvent.select().where(AuditEvent.kind == "schema_upgraded")]


def _assert_refused_for_the_upgrade(refused: ShopInUse) -> None:
    assert refused.code == "shop_in_use" and refused.params["action"] == "upgrade"
    words = error_message(refused)
    assert "upgrade" in words and "every other counter" in words and "Nothing was changed" in words


def test_a_folder_shop_is_not_upgraded_while_another_process_has_it_open(
        shop_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    _one_version_back(create_shop(shop_dir, "Old", "CNY", OWNER, OWNER_PASSWORD))
    location = ShopLocation(shop_dir)
    with subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(shop_dir)], cwd=ROOT,
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(ShopInUse) as refused:
            location.open(OWNER, OWNER_PASSWORD)
        _assert_refused_for_the_upgrade(refused.value)
        assert holder.stdin is not None
        holder.stdin.close()
    caplog.set_level(logging.INFO, logger="desktop_app.core.migrations")
    with location.open(OWNER, OWNER_PASSWORD) as shop:  # alone now: upgraded, and said so
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
        upgrade = {"from_version": migrations.CURRENT_VERSION - 1,
                   "to_version": migrations.CURRENT_VERSION}
        assert _upgrade_events(shop) == [upgrade]
    assert (f"schema upgraded from {migrations.CURRENT_VERSION - 1} to "
            f"{migrations.CURRENT_VERSION}") in caplog.text
    with location.open(OWNER, OWNER_PASSWORD) as shop:  # the lock is shared again: and once
        assert len(_upgrade_events(shop)) == 1


def test_a_new_shop_open_twice_needs_no_upgrade_and_refuses_nothing(shop_dir: Path) -> None:
    create_shop(shop_dir, "New", "CNY", OWNER, OWNER_PASSWORD).close()
    location = ShopLocation(shop_dir)
    with location.open(OWNER, OWNER_PASSWORD), location.open(OWNER, OWNER_PASSWORD) as second:
        assert _upgrade_events(second) == []


def test_a_server_shop_is_not_upgraded_while_another_counter_is_connected(
        shop_dir: Path, pg_url: str) -> None:
    location = ShopLocation(shop_dir, pg_url)
    _one_version_back(location.create("Old", "CNY", OWNER, OWNER_PASSWORD))
    with psycopg.connect(pg_url, application_name="Voucher Shop"), \
            pytest.raises(ShopInUse) as refused:  # an older counter connected, say
        location.open(OWNER, OWNER_PASSWORD)
    _assert_refused_for_the_upgrade(refused.value)
    assert refused.value.params["sessions"] == 1
    assert "://" not in str(refused.value.params["path"])  # no URL, so no password either
    with psycopg.connect(pg_url, application_name="psql"), \
            location.open(OWNER, OWNER_PASSWORD) as shop:  # an admin's psql is no counter
        assert migrations.current_version(shop.db) == migrations.CURRENT_VERSION
        assert _upgrade_events(shop) == [{"from_version": migrations.CURRENT_VERSION - 1,
                                          "to_version": migrations.CURRENT_VERSION}]


def _wait_until_queued(first: psycopg.Connection[tuple[object, ...]],
                       second: subprocess.Popen[str]) -> None:
    for _ in range(600):
        if second.poll() is not None:
            return  # it did not queue (the bug this test is for): the checks below say so
        waiting = first.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                "AND NOT granted").fetchone()
        if waiting and waiting[0]:
            return
        time.sleep(0.05)
    pytest.fail("the second counter neither queued nor ended")


def test_two_counters_upgrading_a_server_shop_at_once_queue(shop_dir: Path,
                                                            pg_url: str) -> None:
    location = ShopLocation(shop_dir, pg_url)
    _one_version_back(location.create("Old", "CNY", OWNER, OWNER_PASSWORD))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SHOP_") or k == "SHOP_WITNESS_DIR"}
    env.update({"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD,
                "QT_QPA_PLATFORM": "offscreen"})
    # The first counter is mid-upgrade: it holds the queue's lock, its last step not committed.
    with psycopg.connect(pg_url, application_name="Voucher Shop") as first:
        first.execute("SELECT pg_advisory_xact_lock(%s)", (schema_upgrade.UPGRADE_LOCK,))
        second = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--data-dir", str(shop_dir / "pc2"),
             "--database", pg_url, "product", "list", "--json"], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        _wait_until_queued(first, second)
        first.execute("INSERT INTO schema_version (version, applied_at) VALUES (%s, now())",
                      (migrations.CURRENT_VERSION,))
        first.commit()
        out, err = second.communicate(timeout=120)
        assert second.returncode == 0, out + err  # it waited, then found the shop upgraded
        assert "Traceback" not in err
    with location.open(OWNER, OWNER_PASSWORD):
        versions = [row.version for row in SchemaVersion.select()]
        assert versions.count(migrations.CURRENT_VERSION) == 1  # the step ran once


def test_the_newer_version_refusal_says_which_data_format_it_found() -> None:
    """QA s12c F3: "that version" named nothing a clerk could act on."""
    from desktop_app.core.errors import SchemaTooNew

    words = error_message(SchemaTooNew(found=15, supported=14))
    assert "data format 15" in words and "reads up to 14" in words
