"""A commit writes its witnesses before the caller hears back and syncs them soon after, on the
witness thread, at close and at exit: a redemption waits for one sync, its database's."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from counter_driver import sell

from desktop_app.core import anchor, integrity, redemption, witness_sync
from desktop_app.core.store import Shop


def _witness_files(shop: Shop) -> set[str]:
    return {str(anchor.anchor_path(shop.data_dir)), str(integrity.user_witness_path(shop.shop_id))}


def test_a_redemption_writes_both_witnesses_before_it_returns(shop: Shop) -> None:
    voucher = sell(shop)
    assert redemption.redeem(shop, voucher.payload, "Front").ok
    head = anchor.current_head()
    # on the page cache already, whatever the thread has done: every process reads this
    for path in _witness_files(shop):
        record = anchor.read_record(Path(path), shop.database_key)
        assert record is not None and record.head == head


def test_the_thread_syncs_them_without_anyone_asking(shop: Shop) -> None:
    witness_sync.flush()
    assert redemption.redeem(shop, sell(shop).payload, "Front").ok
    files = _witness_files(shop)
    deadline = time.monotonic() + 10  # DELAY_S is 0.2 s; a loaded machine gets slack
    while witness_sync.pending() & files and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not witness_sync.pending() & files


def test_closing_the_shop_syncs_what_is_pending(shop: Shop) -> None:
    assert redemption.redeem(shop, sell(shop).payload, "Front").ok
    files = _witness_files(shop)
    shop.close()
    assert not witness_sync.pending() & files


def test_a_witness_gone_before_its_sync_is_passed_over_quietly(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "gone.witness"
    path.write_bytes(b"\0" * 256)
    witness_sync.soon(str(path))
    os.remove(path)  # a restore set the old folder aside
    with caplog.at_level(logging.WARNING, logger="desktop_app.core.witness_sync"):
        witness_sync.flush()
    assert str(path) not in witness_sync.pending()
    assert caplog.records == []


def test_a_witness_that_cannot_be_opened_is_logged_not_raised(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "not-a-witness"
    folder.mkdir()  # opening a folder for writing fails: IsADirectoryError
    witness_sync.soon(str(folder))
    with caplog.at_level(logging.WARNING, logger="desktop_app.core.witness_sync"):
        witness_sync.flush()
    assert str(folder) not in witness_sync.pending()
    assert [r.getMessage() for r in caplog.records] == [
        "could not open a witness to sync it: IsADirectoryError"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_forked_child_starts_its_own_witness_thread(tmp_path: Path) -> None:
    path = tmp_path / "child.witness"
    path.write_bytes(b"\0" * 256)
    holding, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:  # as the witness thread holds it for a moment
        with witness_sync._wake:
            holding.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    assert holding.wait(10)
    pid = os.fork()
    if pid == 0:  # the child: a lock another thread held at the fork must not hang it
        try:
            witness_sync.soon(str(path))
            witness_sync.flush()
            code = 0 if not witness_sync.pending() else 1
        except BaseException:
            code = 2
        os._exit(code)
    release.set()
    holder.join()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0
            return
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pytest.fail("the forked child hung on the witness lock it inherited")
