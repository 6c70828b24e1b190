"""Exactly once while the shop is open (QA s12a F6, F7): a database, -wal, folder or lock file
replaced under an open shop is noticed before its next change, which is refused (held for this
session) instead of landing in a file nobody reads again or redeeming a voucher twice."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from integrity_helpers import older_copy, put_back_by_rename, reopen, sell
from pytestqt.qtbot import QtBot
from test_cli import as_json, run

from desktop_app.core import anchor, backup, redemption, shoplock
from desktop_app.core.errors import IntegrityHold
from desktop_app.core.live_files import OpenedFiles
from desktop_app.core.store import Shop, database_path
from desktop_app.messages import error_message
from desktop_app.messages.verify_texts import verify_problem_text

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows refuses to replace open files")


def _assert_stopped(shop: Shop, payload: str, what: str) -> None:
    with pytest.raises(IntegrityHold) as refused:
        redemption.redeem(shop, payload, "C1")
    assert refused.value.params["problem"] == "files_replaced"
    assert f"session: files_replaced ({what})" in shop.integrity_problems
    words = error_message(refused.value)
    assert "replaced or moved while the shop was open" in words
    assert "Close the shop and open it again" in words



def test_a_database_renamed_over_under_an_open_counter_stops_it_before_a_second_redemption(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    payloads, old = older_copy(owner_shop, shop_dir, tmp_path, 3)
    with reopen(shop_dir) as counter:
        assert redemption.redeem(counter, payloads[0], "C1").reason == "redeemed"
        assert redemption.redeem(counter, payloads[1], "C1").reason == "redeemed"
        # A sync tool's way: a temporary file, renamed over the open database.
        put_back_by_rename(old, shop_dir)
        looked = run(shop_dir, "report", "sales", "--json")  # another process, then closes
        assert looked.returncode == 0, looked.stdout

        _assert_stopped(counter, payloads[0], "database")  # not "redeemed" a second time
        _assert_stopped(counter, payloads[2], "database")  # nor into a file nobody reads
        assert "Replaced while open" in verify_problem_text(counter.integrity_problems[0])
    again = run(shop_dir, "redeem", payloads[0], "--station", "C1", "--json")
    assert as_json(again).get("reason") != "redeemed", again.stdout
    with reopen(shop_dir) as after:  # the usual checks ran at open; no session hold kept
        assert not any("session:" in p for p in after.integrity_problems)


def test_a_folder_moved_aside_with_an_old_copy_in_its_place_stops_the_open_counter(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    payloads, old = older_copy(owner_shop, shop_dir, tmp_path, 2)
    with reopen(shop_dir) as counter:
        assert redemption.redeem(counter, payloads[0], "C1").reason == "redeemed"
        os.rename(shop_dir, tmp_path / "aside")
        shutil.copytree(old, shop_dir)
        _assert_stopped(counter, payloads[1], "database")
        with pytest.raises(IntegrityHold):  # evidence too: nothing goes to the lost file
            backup.write_backup(counter, tmp_path / "b.vsbackup")


def test_a_wal_deleted_under_an_open_counter_stops_it_and_opening_again_loses_nothing(
        owner_shop: Shop, shop_dir: Path) -> None:
    payloads = [v.payload for v in sell(owner_shop, 2)]
    owner_shop.close()
    with reopen(shop_dir) as counter:
        assert redemption.redeem(counter, payloads[0], "C1").reason == "redeemed"
        for suffix in ("-wal", "-shm"):
            os.unlink(f"{database_path(shop_dir)}{suffix}")
        _assert_stopped(counter, payloads[1], "wal")
    # Its close put what it had into the database: the redemption is kept, once.
    with reopen(shop_dir) as after:
        assert after.integrity_problems == []
        assert redemption.redeem(after, payloads[0], "C1").reason == "already_redeemed"
        assert redemption.redeem(after, payloads[1], "C1").reason == "redeemed"


def test_a_restore_is_refused_while_a_counter_is_open_even_with_its_lock_file_deleted(
        owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    payloads = [v.payload for v in sell(owner_shop, 2)]
    made = run(shop_dir, "backup", "--out", str(tmp_path / "b1.vsbackup"), "--json")
    assert made.returncode == 0, made.stdout
    (shop_dir / shoplock.LOCK_FILE).unlink()
    restored = run(shop_dir, "restore", str(tmp_path / "b1.vsbackup"), "--yes", "--json")
    assert as_json(restored)["error"] == "shop_in_use", restored.stdout
    # Nothing else changed: the counter locks the new file and goes on.
    assert redemption.redeem(owner_shop, payloads[0], "C1").reason == "redeemed"
    assert owner_shop.lock is not None and owner_shop.lock.in_folder(shop_dir)
    assert not owner_shop.integrity_problems
    owner_shop.close()


def test_a_lock_file_taken_by_a_restore_stops_the_open_counter(
        owner_shop: Shop, shop_dir: Path) -> None:
    """Where the folder cannot be locked (some network folders), the lock file alone."""
    import fcntl

    payloads = [v.payload for v in sell(owner_shop, 1)]
    (shop_dir / shoplock.LOCK_FILE).unlink()
    with open(shop_dir / shoplock.LOCK_FILE, "wb") as restoring:
        fcntl.flock(restoring.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        _assert_stopped(owner_shop, payloads[0], "lock")
    owner_shop.close()


def test_an_anchor_at_the_same_event_with_another_hash_is_a_fork_not_skipped(
        owner_shop: Shop, shop_dir: Path) -> None:
    payload = sell(owner_shop, 1)[0].payload
    head = anchor.current_head()
    path = anchor.anchor_path(shop_dir)
    with pytest.raises(anchor.WitnessForked):
        anchor.write_record(path, owner_shop.database_key, anchor.Head(head.event_id, "ab" * 32),
                            sync=False)
    # Another chain's later event in the anchor: the counter's commit is held, and said so.
    anchor.write_record(path, owner_shop.database_key, anchor.Head(head.event_id + 50, "cd" * 32),
                        sync=False)
    _assert_stopped(owner_shop, payload, "anchor")
    owner_shop.close()


def test_nothing_is_compared_where_the_file_system_has_no_inodes(shop_dir: Path) -> None:
    unknown = OpenedFiles(database=(7, 0), wal=None, folder=(7, 0))
    assert unknown.replaced(shop_dir) is None


def test_the_window_shows_the_hold_a_change_found_mid_session(
        qtbot: QtBot, owner_shop: Shop, shop_dir: Path, tmp_path: Path) -> None:
    from desktop_app.ui.main_window import MainWindow

    payloads, old = older_copy(owner_shop, shop_dir, tmp_path, 2)
    with reopen(shop_dir) as counter:
        window = MainWindow(counter)
        qtbot.addWidget(window)
        window.show()
        assert redemption.redeem(counter, payloads[0], "C1").reason == "redeemed"
        assert window.integrity_banner.isHidden()
        put_back_by_rename(old, shop_dir)
        _assert_stopped(counter, payloads[1], "database")
        qtbot.waitUntil(lambda: window.integrity_banner.isVisible(), timeout=3000)
        assert "replaced or moved while the shop was open" in window.integrity_banner.text()
        window.close()


def test_a_second_login_in_the_same_process_leaves_the_first_connections_locks_alone(
        shop: Shop, shop_dir: Path) -> None:
    """QA s41a F9: after a switch of operator at the lock screen (the next operator's shop is
    opened, then the first one closed), a command beside the app deleted the shop's log and
    made a new one, and the app went on writing into the deleted one: held "files replaced"
    at its next change. Opening checked each shop file by opening and closing it, and closing
    any descriptor of a file drops every record lock the process holds on it: SQLite's."""
    from conftest import CLERK, CLERK_PASSWORD, OWNER, OWNER_PASSWORD

    from desktop_app.core import auth, products
    from desktop_app.core.store import open_shop

    auth.add_operator(shop, CLERK, "clerk", CLERK_PASSWORD)
    wal = Path(f"{database_path(shop_dir)}-wal")
    log_before = wal.stat().st_ino
    second = open_shop(shop_dir, CLERK, CLERK_PASSWORD)  # the lock screen's next operator
    shop.close()
    assert run(shop_dir, "product", "add", "--name", "Tea", "--price", "5",
               env={"SHOP_OPERATOR": OWNER, "SHOP_PASSWORD": OWNER_PASSWORD}).returncode == 0
    assert wal.exists() and wal.stat().st_ino == log_before  # the app's log is the folder's
    assert second.opened_files is not None and second.opened_files.replaced(shop_dir) is None
    second.close()
    again = open_shop(shop_dir, OWNER, OWNER_PASSWORD)
    try:
        products.add_product(again, "Cake", "5", "service", uses=1)  # no hold: writes go on
        assert {p.name for p in products.list_products(again)} >= {"Tea", "Cake"}
    finally:
        again.close()
