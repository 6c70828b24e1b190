"""QA s14b N1: on a shop of a few years a backup takes seconds and Verify about 11, and each
held every scan at the owner's PC until it ended, the daily automatic backup too. Their long
read of the shop now runs on a thread of its own, on its own connection: a scan gets its
verdict meanwhile. The witness beside the backup vouches for what the copy holds, not for the
scans made while it was copied; Verify checks the anchor and the witnesses after its read, so
a scan made meanwhile is no rollback; a shop closing (a restore, logging out) waits for the
copy under way."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from counter_driver import Counter, sell
from pytestqt.qtbot import QtBot

from desktop_app.core import anchor, audit, backup, integrity
from desktop_app.core.store import Shop, reopen_shop
from desktop_app.ui import tasks
from desktop_app.ui.admin.backup_controller import BackupController
from desktop_app.ui.admin.verify_dialog import VerifyDialog
from desktop_app.ui.shop_session import close_shop

pytestmark = pytest.mark.usefixtures("temp_settings")


class StalledCopy:
    """The backup's copy stops before its first byte until the test lets it go: a shop of
    some years going to a slow USB stick. Only time is added; the real copy runs after."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reached = threading.Event()
        self.gate = threading.Event()
        real = backup.write_backup_file

        def stalled(*args: Any, **kwargs: Any) -> None:
            self.reached.set()
            assert self.gate.wait(30)
            real(*args, **kwargs)

        monkeypatch.setattr(backup, "write_backup_file", stalled)


@pytest.fixture
def stalled_copy(monkeypatch: pytest.MonkeyPatch) -> Iterator[StalledCopy]:
    copy = StalledCopy(monkeypatch)
    yield copy
    copy.gate.set()  # never leave a thread waiting, whatever failed
    tasks.wait_until_idle()


def controller_of(counter: Counter) -> BackupController:
    assert counter.window.backups is not None
    return counter.window.backups


def backup_head(path: Path) -> int:
    return int(json.loads(backup.read_backup(path).anchor)["event_id"])


def witness_head(folder: Path, shop: Shop) -> int:
    record = anchor.read_record(integrity.backup_witness_path(folder, shop.shop_id),
                                shop.database_key)
    assert record is not None
    return record.head.event_id


def test_a_scan_is_redeemed_while_back_up_now_copies_the_shop(
        qtbot: QtBot, shop: Shop, tmp_path: Path, stalled_copy: StalledCopy) -> None:
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    controller = controller_of(counter)
    out = tmp_path / "shop.vsbackup"
    controller.write_to(out)
    qtbot.waitUntil(stalled_copy.reached.is_set, timeout=10_000)

    verdict, _ = counter.submit(voucher.code)  # held until the backup was written, before

    assert verdict.reason == "redeemed"
    assert controller.writing == out and controller.busy_line.isVisible()
    stalled_copy.gate.set()
    qtbot.waitUntil(lambda: controller.writing is None, timeout=30_000)
    box = counter.window.notice_box
    assert box is not None and f"Backup written to {out}" in box.text()
    assert witness_head(tmp_path, shop) == backup_head(out)  # the copy's, not the scan's
    assert anchor.current_head().event_id > backup_head(out)
    counter.close()


def test_a_scan_is_redeemed_while_the_daily_backup_copies_the_shop(
        qtbot: QtBot, shop: Shop, tmp_path: Path, stalled_copy: StalledCopy) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup.set_backup_settings(shop, str(usb), automatic=True)
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    controller = controller_of(counter)
    controller.check_daily()
    qtbot.waitUntil(stalled_copy.reached.is_set, timeout=10_000)

    verdict, _ = counter.submit(voucher.code)

    assert verdict.reason == "redeemed" and controller.auto_running
    stalled_copy.gate.set()
    qtbot.waitUntil(lambda: not controller.auto_running, timeout=30_000)
    tasks.wait_until_idle()
    [(_, written)] = backup.backups_in(usb, shop.shop_id)
    assert witness_head(usb, shop) == backup_head(written)
    assert backup.backup_status(shop).last_at is not None
    assert not counter.window.backup_banner.isVisible()
    counter.close()


def test_a_shop_closing_waits_for_the_copy_and_finishes_nothing_after(
        qtbot: QtBot, shop: Shop, tmp_path: Path, stalled_copy: StalledCopy) -> None:
    """A restore closes the shop (after ``suspend``) while a backup is copied: the copy ends
    whole first, and its last step, a write, is not run on the closed shop."""
    counter = Counter(qtbot, shop)
    controller = controller_of(counter)
    out = tmp_path / "shop.vsbackup"
    controller.write_to(out)
    qtbot.waitUntil(stalled_copy.reached.is_set, timeout=10_000)
    counter.window.suspend()
    threading.Timer(0.3, stalled_copy.gate.set).start()

    close_shop(shop)

    assert backup.read_backup(out).shop_id == shop.shop_id  # whole, hash and all
    qtbot.waitUntil(lambda: controller.writing is None, timeout=10_000)
    tasks.wait_until_idle()
    assert not integrity.backup_witness_path(tmp_path, shop.shop_id).exists()
    reopen_shop(shop)
    counter.window.resume()
    assert not controller.busy_line.isVisible() and counter.window.backup_action.isEnabled()
    counter.close()


def test_a_scan_is_redeemed_while_verify_reads_the_shop_and_is_no_rollback(
        qtbot: QtBot, shop: Shop, monkeypatch: pytest.MonkeyPatch) -> None:
    reached, gate = threading.Event(), threading.Event()
    real_chain = audit.verify_chain

    def stalled_chain() -> list[audit.ChainProblem]:
        reached.set()
        assert gate.wait(30)
        return real_chain()

    monkeypatch.setattr(audit, "verify_chain", stalled_chain)
    voucher = sell(shop)
    counter = Counter(qtbot, shop)
    counter.window.verify_action.trigger()
    dialog = counter.window.dialogs["verify"]
    assert isinstance(dialog, VerifyDialog)
    try:
        qtbot.waitUntil(reached.is_set, timeout=10_000)
        verdict, _ = counter.submit(voucher.code)  # held until Verify ended, before
        assert verdict.reason == "redeemed" and dialog.running
        assert dialog.summary.text() == (  # QA s20a F5: not "a few seconds" (it took 29)
            "This can take a minute on a shop with years of history; the counter keeps "
            "working meanwhile.")
    finally:
        gate.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    assert dialog.problems == [] and "All checks passed" in dialog.heading.text()
    assert not shop.integrity_problems and not counter.window.integrity_banner.isVisible()
    dialog.close()
    counter.close()
